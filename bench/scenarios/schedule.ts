// Figure 3: how far the shifting phase overruns its schedule when every request takes 50 ms longer.
// The target: a 10-step linear rollout with 200ms holds finishes within 10% + 0.5 s of its schedule.
import { emulator, lambda } from '../../testkit/fixtures.js'
import { errorsOf, readyFunction, runAgainst } from '../setup.js'
import type { Figure, Scenario } from '../types.js'
import { landedUpdates, median, ms, requestedRouting } from '../util.js'

const LATENCY_MS = 50
const RUNS = 3

interface Case {
  id: string
  name: string
  inputs: Record<string, string>
  /** Alias writes the plan makes: partial steps, then the final switch. */
  writes: number
  /** Sum of holds: every partial step is held for `interval`; the final 100% has none (no bake time). */
  scheduleMs: number
}

const CASES: Case[] = [
  {
    id: 'canary',
    name: 'canary 20% / 1s hold',
    inputs: { strategy: 'canary', 'canary-percent': '20', interval: '1s' },
    writes: 2,
    scheduleMs: 1000
  },
  {
    // "10-step": linear-percent 10 is 10 alias writes — 10%…90% (9 partial steps, each held 200ms), then
    // the final switch to 100% — so the schedule is 9 × 200ms = 1.8 s.
    id: 'linear',
    name: '10-step linear (10%…90% + final), 200ms holds',
    inputs: { strategy: 'linear', 'linear-percent': '10', interval: '200ms' },
    writes: 10,
    scheduleMs: 9 * 200
  }
]

const allowedMs = (scheduleMs: number): number => scheduleMs * 1.1 + 500

export const schedule: Scenario = {
  id: 'schedule',
  title: `Schedule overhead with ${LATENCY_MS} ms latency`,
  budgetMs: 40_000,
  async run() {
    const emu = await emulator()
    const client = lambda(emu)
    const figures: Figure[] = []
    try {
      for (const c of CASES) {
        const phases: number[] = []
        const inCalls: number[] = []
        const walls: number[] = []
        for (let i = 0; i < RUNS; i++) {
          const fn = `sched-${c.id}-${i}`
          await readyFunction(emu, client, fn)
          emu.clearLog()
          emu.faults.add({ latencyMs: LATENCY_MS })
          const r = await runAgainst(emu, { 'function-name': fn, alias: 'live', ...c.inputs }).finally(() =>
            emu.faults.clear()
          )
          if (r.outputs.status !== 'promoted')
            throw new Error(`${fn}: status ${r.outputs.status}: ${errorsOf(r).join('; ')}`)
          const updates = landedUpdates(emu.log)
          if (updates.length !== c.writes)
            throw new Error(
              `${fn}: ${updates.length} UpdateAlias (${updates.map(requestedRouting).join(', ')}), plan has ${c.writes}`
            )
          // The shifting phase: first step's arrival to the final step's answer, as the emulator saw them.
          phases.push((updates.at(-1)?.endTime ?? NaN) - (updates[0]?.time ?? NaN))
          // Time spent inside the alias writes (the injected latency, mostly); the rest is holds + the action.
          inCalls.push(updates.reduce((sum, e) => sum + e.endTime - e.time, 0))
          walls.push(r.endedAt - r.startedAt)
        }
        const worst = Math.max(...phases)
        const at = phases.indexOf(worst)
        const calls = inCalls[at] ?? NaN
        figures.push({
          scenario: 'schedule',
          name: `${c.name}: shifting phase vs schedule ${ms(c.scheduleMs)} (worst of ${RUNS})`,
          value:
            `${ms(worst)}: +${ms(worst - c.scheduleMs)} = ${ms(calls)} in ${c.writes} UpdateAlias + ` +
            `${ms(worst - c.scheduleMs - calls)} between them (median run ${ms(median(phases))})`,
          target: `≤ ${ms(allowedMs(c.scheduleMs))} (10% + 0.5 s)`,
          ok: worst <= allowedMs(c.scheduleMs),
          data: {
            scheduleMs: c.scheduleMs,
            phaseMs: phases,
            inUpdateAliasMs: inCalls,
            wallMs: walls,
            latencyMs: LATENCY_MS,
            writes: c.writes
          }
        })
      }
      return figures
    } finally {
      client.destroy()
      await emu.close()
    }
  }
}
