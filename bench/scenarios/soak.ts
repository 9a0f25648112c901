// Figure 7: 20 canary runs against an emulator that throttles 30% of requests and drops 10% of
// connections (and, in a second row, also loses 5% of write answers after applying them). Every run must
// end promoted or exactly rolled back — never split, never lost — and say so truthfully.
import type { Emulator, FaultRule } from '../../emulator/index.js'
import { cloudwatch, emulator, lambda, okAlarm } from '../../testkit/fixtures.js'
import { aliasState, classify, errorsOf, readyFunction, runAgainst, type Ending } from '../setup.js'
import type { Figure, Scenario } from '../types.js'
import { median, secs, sleep } from '../util.js'

const RUNS = 20
/** Runs at once: each is its own function, so they only share the faulty emulator (and 2 cores). */
const PARALLEL = 4
const WRITES = ['PublishVersion', 'CreateAlias', 'UpdateAlias', 'DeleteAlias']

const ROWS: { id: string; name: string; rules: FaultRule[]; flip?: boolean }[] = [
  { id: 'a', name: '30% 429 + 10% dropped', rules: [{ throttleRate: 0.3, dropRate: 0.1 }] },
  {
    id: 'b',
    name: '30% 429 + 10% dropped + 5% lost write answers',
    rules: [
      { throttleRate: 0.3, dropRate: 0.1 },
      { operation: WRITES, lostResponseRate: 0.05 }
    ]
  },
  {
    // Extra: the rollback itself under the same faults — where a split is most likely to be left behind.
    id: 'c',
    name: 'same faults, alarm flips once the canary step lands',
    rules: [
      { throttleRate: 0.3, dropRate: 0.1 },
      { operation: WRITES, lostResponseRate: 0.05 }
    ],
    flip: true
  }
]

interface RunRecord {
  fn: string
  status: string
  exitCode: number | null
  afterMain: Ending
  afterPost: Ending
  /** The alias after post, when it is not a clean ending. */
  now?: string
  /** main's `status` output disagrees with what the alias holds after main, or post undid a clean ending. */
  misreported: boolean
  ms: number
  error?: string
}

/** Flips `fn`'s alarm to ALARM as soon as a canary step (a split) has been applied, unless `done` first. */
async function flipAfterCanaryStep(emu: Emulator, fn: string, done: () => boolean): Promise<void> {
  const applied = (): boolean =>
    emu.log.some(e => {
      if (e.functionName !== fn || e.operation !== 'UpdateAlias') return false
      const body = e.request as { RoutingConfig?: { AdditionalVersionWeights?: object } }
      const split = Object.keys(body.RoutingConfig?.AdditionalVersionWeights ?? {}).length > 0
      return split && (e.status === 200 || e.fault === 'lost-response')
    })
  while (!done()) {
    if (applied()) return emu.admin.setAlarmState(`${fn}-errors`, 'ALARM')
    await sleep(10)
  }
}

async function soakRun(emu: Emulator, fn: string, flip: boolean): Promise<RunRecord> {
  const initial = aliasState(emu, fn)
  const inputs = {
    'function-name': fn,
    alias: 'live',
    strategy: 'canary',
    'canary-percent': '20',
    interval: '500ms',
    alarms: `${fn}-errors`,
    timeout: '45s'
  }
  // As the runner does it: main, then post (post-if: always()) with main's saved state.
  let finished = false
  const running = runAgainst(emu, inputs).finally(() => (finished = true))
  if (flip) await flipAfterCanaryStep(emu, fn, () => finished)
  const main = await running
  const afterMain = classify(emu, fn, initial, main.outputs.version || '2')
  const post = await runAgainst(emu, inputs, { entry: 'post', state: main.state })
  const afterPost = classify(emu, fn, initial, main.outputs.version || '2')
  const status = main.outputs.status ?? '(none)'
  const misreported =
    (status === 'promoted' && afterMain.ending !== 'promoted') ||
    (status === 'rolled-back' && afterMain.ending !== 'rolled-back') ||
    (status === 'promoted') !== (main.exitCode === 0) ||
    (afterMain.ending !== 'BAD' && afterPost.ending !== afterMain.ending)
  return {
    fn,
    status,
    exitCode: main.exitCode,
    afterMain: afterMain.ending,
    afterPost: afterPost.ending,
    ...(afterPost.ending === 'BAD' ? { now: afterPost.now } : {}),
    misreported,
    ms: post.endedAt - main.startedAt,
    ...(main.exitCode !== 0 ? { error: errorsOf(main).join('; ').slice(0, 300) } : {})
  }
}

async function pool<T>(count: number, parallel: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++
      out[i] = await task(i)
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  return out
}

export const soak: Scenario = {
  id: 'soak',
  title: `Soak: ${RUNS} canary runs under faults (×${ROWS.length})`,
  budgetMs: 180_000,
  async run() {
    const emu = await emulator({ seed: 7 })
    const client = lambda(emu)
    const cw = cloudwatch(emu)
    const figures: Figure[] = []
    try {
      for (const row of ROWS) {
        const names = Array.from({ length: RUNS }, (_, i) => `soak-${row.id}-${String(i).padStart(2, '0')}`)
        await Promise.all(
          names.map(async fn => {
            await readyFunction(emu, client, fn)
            await okAlarm(cw, `${fn}-errors`)
          })
        )
        emu.clearLog()
        for (const rule of row.rules) emu.faults.add(rule)
        const started = Date.now()
        const runs = await pool(RUNS, PARALLEL, i =>
          soakRun(emu, names[i] as string, row.flip ?? false)
        ).finally(() => emu.faults.clear())
        const tookMs = Date.now() - started
        const count = (ending: Ending): number => runs.filter(r => r.afterPost === ending).length
        const misreported = runs.filter(r => r.misreported)
        const rescued = runs.filter(r => r.afterMain === 'BAD' && r.afterPost !== 'BAD')
        const faults = (kind: string): number => emu.log.filter(e => e.fault === kind).length
        const bad = count('BAD') + misreported.length
        figures.push(
          {
            scenario: 'soak',
            name: `${row.name}: ${RUNS} canary runs, alias after main + post`,
            value:
              `${count('promoted')} promoted, ${count('rolled-back')} rolled back, ${count('BAD')} BAD` +
              (misreported.length ? `, ${misreported.length} misreported` : '') +
              (rescued.length ? ` (${rescued.length} left bad by main, fixed by post)` : ''),
            target: '0 BAD, 0 misreported',
            ok: bad === 0,
            data: { runs }
          },
          {
            scenario: 'soak',
            name: `${row.name}: faults injected, time`,
            value:
              `${faults('throttle')} × 429, ${faults('drop')} dropped, ${faults('lost-response')} lost answers ` +
              `of ${emu.log.length} requests; ${secs(tookMs)} (median run ${secs(median(runs.map(r => r.ms)))})`,
            data: {
              requests: emu.log.length,
              throttled: faults('throttle'),
              dropped: faults('drop'),
              lostAnswers: faults('lost-response'),
              tookMs
            }
          }
        )
      }
      return figures
    } finally {
      client.destroy()
      cw.destroy()
      await emu.close()
    }
  }
}
