// `npm run bench [-- --only id[,id…]] [--update]`: runs the scenarios against the in-process emulator,
// prints one table, writes the figures to bench/.work/ (git-ignored) and exits 1 when any target is missed.
// Only a full run with --update (`npm run bench:record`) rewrites the recorded bench/results.json.
import { existsSync } from 'node:fs'
import { bareNodeMs, RECORDED_BARE_NODE_MS, slowdown } from './baseline.js'
import { apiCalls } from './scenarios/api-calls.js'
import { coldStart } from './scenarios/cold-start.js'
import { lockstep } from './scenarios/lockstep.js'
import { memory } from './scenarios/memory.js'
import { rollback } from './scenarios/rollback.js'
import { schedule } from './scenarios/schedule.js'
import { soak } from './scenarios/soak.js'
import { startup } from './scenarios/startup.js'
import { machine, renderTable, writeResults } from './table.js'
import type { Figure, Scenario } from './types.js'
import { secs } from './util.js'

const SCENARIOS: Scenario[] = [startup, coldStart, apiCalls, schedule, lockstep, rollback, memory, soak]
/** Target: the whole suite runs in under 5 minutes. */
const TOTAL_BUDGET_MS = 5 * 60_000

const USAGE = `usage: npm run bench [-- --only id[,id…]] [--update]

  --only ids   run these scenarios only: ${SCENARIOS.map(s => s.id).join(', ')}
  --update     rewrite the recorded bench/results.json (full runs only; npm run bench:record)

Without --update the figures go to bench/.work/ (git-ignored), so a run never changes a tracked file.`

function selected(argv: string[]): Scenario[] {
  const at = argv.indexOf('--only')
  const raw = at >= 0 ? argv[at + 1] : argv.find(a => a.startsWith('--only='))?.slice(7)
  if (raw === undefined) return SCENARIOS
  const ids = raw.split(',').map(s => s.trim())
  const unknown = ids.filter(id => !SCENARIOS.some(s => s.id === id))
  if (unknown.length > 0) {
    console.error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map(s => s.id).join(', ')}`)
    process.exit(2)
  }
  return SCENARIOS.filter(s => ids.includes(s.id))
}

/** Runs one scenario within its budget; a throw or an overrun becomes a failed row, not a crash. */
async function runScenario(s: Scenario, scale: number): Promise<{ figures: Figure[]; ms: number }> {
  const started = Date.now()
  let timer: NodeJS.Timeout | undefined
  const budgetMs = s.budgetMs * scale
  const overrun = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`did not finish within ${secs(budgetMs)}`)), budgetMs)
  })
  try {
    const figures = await Promise.race([s.run(), overrun])
    return { figures, ms: Date.now() - started }
  } catch (error) {
    const message = (error as Error).message ?? String(error)
    return {
      figures: [{ scenario: s.id, name: 'scenario failed', value: message, target: 'completes', ok: false }],
      ms: Date.now() - started
    }
  } finally {
    clearTimeout(timer)
  }
}

const argv = process.argv.slice(2)
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE)
  process.exit(0)
}
const unknownFlags = argv.filter(
  a => a.startsWith('-') && a !== '--update' && a !== '--only' && !a.startsWith('--only=')
)
if (unknownFlags.length > 0) {
  console.error(`unknown option ${unknownFlags.join(', ')}\n\n${USAGE}`)
  process.exit(2)
}
const update = argv.includes('--update')

if (!existsSync('dist/index.js') || !existsSync('dist/post.js')) {
  console.error('dist/ is missing: run npm run bundle first')
  process.exit(2)
}

const scenarios = selected(argv)
const partial = scenarios.length !== SCENARIOS.length
if (update && partial) {
  console.error('--update records a full run only: drop --only, or drop --update')
  process.exit(2)
}
// Budgets are the recorded machine's, scaled by how much slower a bare node starts here and now.
const bareMs = bareNodeMs()
const scale = slowdown(bareMs)
console.log(
  `node -e 0: ${bareMs.toFixed(0)} ms here (${RECORDED_BARE_NODE_MS} ms where the figures were recorded): budgets × ${scale.toFixed(1)}`
)
const started = Date.now()
const figures: Figure[] = []
const timings: Record<string, number> = {}
for (const s of scenarios) {
  process.stdout.write(`${s.title} … `)
  const r = await runScenario(s, scale)
  timings[s.id] = r.ms
  figures.push(...r.figures)
  console.log(`${secs(r.ms)}${r.figures.some(f => f.ok === false) ? '  (target missed)' : ''}`)
}
const totalMs = Date.now() - started
if (!partial)
  figures.push({
    scenario: 'suite',
    name: 'total runtime',
    value: secs(totalMs),
    target: `< ${secs(TOTAL_BUDGET_MS * scale)} (5 min × ${scale.toFixed(1)})`,
    ok: totalMs < TOTAL_BUDGET_MS * scale
  })

const env = machine()
console.log(
  `\nlambda-promote bench — ${env.cpu as string}, ${env.cores as number} cores, ${env.memoryGiB as number} GiB, bench node ${env.node as string}, action node ${env.actionNode as string}, ${env.date as string}\n`
)
console.log(renderTable(figures))

const failed = figures.filter(f => f.ok === false)
const out = update
  ? 'bench/results.json'
  : partial
    ? `bench/.work/results-${scenarios.map(s => s.id).join('+')}.json`
    : 'bench/.work/results.json'
writeResults(out, {
  machine: { ...env, bareNodeMs: bareMs, slowdown: scale },
  totalMs,
  scenarioMs: timings,
  figures
})
console.log(
  `\nwrote ${out}${update ? ' (the recorded figures: commit it, and update the README table if they changed)' : ' (git-ignored; npm run bench:record rewrites bench/results.json)'}`
)
if (failed.length > 0) {
  console.log(`\n${failed.length} target(s) missed:`)
  for (const f of failed) console.log(`  ✗ ${f.scenario}: ${f.name}: ${f.value} (target ${f.target ?? '-'})`)
}
// Explicit exit: a scenario abandoned on overrun may still hold timers or sockets open.
process.exit(failed.length > 0 ? 1 : 0)
