// Figure 6: peak RSS of the action process during a 200-function canary (target: at most 120 MiB).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { emulator, lambda } from '../../testkit/fixtures.js'
import type { Emulator } from '../../emulator/index.js'
import { errorsOf, readyFleet, resultEntries, runAgainst } from '../setup.js'
import type { Figure, Scenario } from '../types.js'
import { mib, secs } from '../util.js'

const FUNCTIONS = 200
// Read as MiB, as ps/top and Node's own tools report it (120 MiB = 125.8 MB).
const LIMIT_BYTES = 120 * 1024 * 1024
/** Peak RSS moves with GC timing by a few MiB from run to run: the worst of these is the figure. */
const RUNS = 2
const wrapper = fileURLToPath(new URL('../peak-rss.mjs', import.meta.url))

/** Runs main under the RSS wrapper; returns peak RSS in bytes and the run. */
async function measured(emu: Emulator, inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'))
  try {
    const file = join(dir, 'rss.json')
    const r = await runAgainst(emu, inputs, {
      script: wrapper,
      env: { BENCH_RSS_FILE: file },
      timeoutMs: 90_000
    })
    const { vmHwmKb, peak: heap } = JSON.parse(readFileSync(file, 'utf8')) as {
      vmHwmKb: number
      peak: Record<string, number>
    }
    return { peak: vmHwmKb * 1024, heap, r }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export const memory: Scenario = {
  id: 'memory',
  title: `Peak RSS, ${FUNCTIONS}-function rollout`,
  budgetMs: 90_000,
  async run() {
    const emu = await emulator()
    const client = lambda(emu)
    try {
      const [one] = await readyFleet(emu, client, 'mem-one', 1)
      const base = await measured(emu, { 'function-name': one as string, alias: 'live' })
      const big: Awaited<ReturnType<typeof measured>>[] = []
      for (let i = 0; i < RUNS; i++) {
        const names = await readyFleet(emu, client, `mem${i}`, FUNCTIONS)
        // No rate limit in the emulator here: this figure is about memory, so the pace is raised to keep it short.
        const m = await measured(emu, {
          'function-name': names.join('\n'),
          alias: 'live',
          strategy: 'canary',
          'canary-percent': '20',
          interval: '500ms',
          'max-requests-per-second': '200'
        })
        const promoted = resultEntries(m.r).filter(e => e.status === 'promoted').length
        if (promoted !== FUNCTIONS)
          throw new Error(`${promoted}/${FUNCTIONS} promoted: ${errorsOf(m.r).join('; ').slice(0, 300)}`)
        big.push(m)
      }
      const worst = Math.max(...big.map(m => m.peak))
      return [
        {
          scenario: 'memory',
          name: 'peak RSS, 1 function all-at-once (baseline)',
          value: mib(base.peak),
          data: { bytes: base.peak, heap: base.heap }
        },
        {
          scenario: 'memory',
          name: `peak RSS, ${FUNCTIONS} functions canary 20% / 500ms (worst of ${RUNS})`,
          value: `${mib(worst)} (${big.map(m => mib(m.peak)).join(', ')}; ${secs(big[0] ? big[0].r.endedAt - big[0].r.startedAt : NaN)} a run)`,
          target: `≤ ${mib(LIMIT_BYTES)}`,
          ok: worst <= LIMIT_BYTES,
          data: { bytes: big.map(m => m.peak), heap: big.map(m => m.heap) }
        }
      ] satisfies Figure[]
    } finally {
      client.destroy()
      await emu.close()
    }
  }
}
