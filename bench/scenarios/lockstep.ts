// Figure 4: 50 functions in ONE run against an emulator enforcing Lambda's 15 req/s control-plane limit.
// Ideal = the control-plane requests the run needed ÷ 15 per second + the holds; the target is ≤ 1.1×.
import { emulator, lambda } from '../../testkit/fixtures.js'
import { classify, errorsOf, readyFleet, resultEntries, runAgainst } from '../setup.js'
import type { Figure, Scenario } from '../types.js'
import { isControlPlane, secs } from '../util.js'

const FUNCTIONS = 50
const LIMIT_PER_SECOND = 15
const MAX_RATIO = 1.1

const CASES: { id: string; name: string; inputs: Record<string, string>; holdsMs: number }[] = [
  { id: 'aao', name: 'all-at-once', inputs: {}, holdsMs: 0 },
  {
    id: 'canary',
    name: 'canary 20% / 1s',
    inputs: { strategy: 'canary', 'canary-percent': '20', interval: '1s' },
    holdsMs: 1000 // lockstep: one hold for all 50
  }
]

export const lockstep: Scenario = {
  id: 'lockstep',
  title: `${FUNCTIONS} functions in lockstep at ${LIMIT_PER_SECOND} req/s`,
  budgetMs: 90_000,
  async run() {
    const emu = await emulator()
    const client = lambda(emu)
    const figures: Figure[] = []
    try {
      for (const c of CASES) {
        const names = await readyFleet(emu, client, `lock-${c.id}`, FUNCTIONS)
        emu.clearLog()
        // Set only now: the window starts empty and the set-up above is not throttled.
        emu.faults.setRateLimit(LIMIT_PER_SECOND, 'control-plane')
        const r = await runAgainst(
          emu,
          { 'function-name': names.join('\n'), alias: 'live', ...c.inputs },
          { timeoutMs: 75_000 }
        ).finally(() => emu.faults.setRateLimit(null))

        const wallMs = r.endedAt - r.startedAt
        const limited = emu.log.filter(isControlPlane)
        const throttled = limited.filter(e => e.fault === 'rate-limit').length
        // Requests the emulator admitted: the work the run needed. The 429s are excluded, so retrying into
        // the limit makes the ratio worse, never better.
        const admitted = limited.length - throttled
        const idealMs = (admitted / LIMIT_PER_SECOND) * 1000 + c.holdsMs
        const ratio = wallMs / idealMs
        const entries = resultEntries(r)
        const failed = entries.filter(e => e.status !== 'promoted')
        const notPromoted = names.filter(n => classify(emu, n, '', '2').ending !== 'promoted')
        const label = `${FUNCTIONS} fns ${c.name}`
        figures.push(
          {
            scenario: 'lockstep',
            name: `${label}: wall (spawn → exit) vs ideal`,
            value:
              `${secs(wallMs)} vs ${secs(idealMs)} = ${ratio.toFixed(2)}× ` +
              `(${admitted} control-plane req ÷ ${LIMIT_PER_SECOND}/s${c.holdsMs ? ` + ${secs(c.holdsMs)} hold` : ''})`,
            target: `≤ ${MAX_RATIO.toFixed(2)}×`,
            ok: ratio <= MAX_RATIO,
            data: { wallMs, idealMs, ratio, admitted, throttled, allRequests: emu.log.length }
          },
          {
            scenario: 'lockstep',
            name: `${label}: failed functions (result output; aliases checked)`,
            value:
              `${failed.length} of ${entries.length}` +
              (notPromoted.length ? `; ${notPromoted.length} aliases not on v2` : '') +
              (r.exitCode !== 0 ? `; exit ${r.exitCode}: ${errorsOf(r).join('; ').slice(0, 200)}` : ''),
            target: `0 of ${FUNCTIONS}`,
            ok: failed.length === 0 && entries.length === FUNCTIONS && notPromoted.length === 0,
            data: { status: r.outputs.status, failed, notPromoted, exitCode: r.exitCode }
          },
          {
            scenario: 'lockstep',
            name: `${label}: 429s the emulator answered`,
            value: `${throttled}`,
            data: { throttled }
          }
        )
      }
      return figures
    } finally {
      client.destroy()
      await emu.close()
    }
  }
}
