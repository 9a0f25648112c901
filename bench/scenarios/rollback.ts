// Figure 5: how fast the alias is back after (a) an alarm flips to ALARM mid-hold and (b) SIGINT mid-hold,
// measured from the flip / the signal to the end of the restoring UpdateAlias in the emulator's log.
import type { Emulator, RequestLogEntry } from '../../emulator/index.js'
import { cloudwatch, emulator, lambda, okAlarm } from '../../testkit/fixtures.js'
import type { RunResult } from '../../testkit/runner.js'
import { aliasState, errorsOf, readyFleet, readyFunction, runAgainst } from '../setup.js'
import type { Figure, Scenario } from '../types.js'
import { landedUpdates, median, ms, secs, sleep, waitFor } from '../util.js'

const RUNS = 3
const HOLD = '2s'
/** Into the hold before the alarm flips or the signal goes: clearly mid-hold, not at a step boundary. */
const MID_HOLD_MS = 600
const SIGINT_TARGET_MS = 2000 // target: restored within 2 s of SIGINT on a healthy API
const FLEET = 50
const SIGTERM_AFTER_MS = 7500 // the runner's cancellation ladder

const canary = (fn: string): Record<string, string> => ({
  'function-name': fn,
  alias: 'live',
  strategy: 'canary',
  'canary-percent': '20',
  interval: HOLD
})

/** The UpdateAlias that put `fn` back on v1 with no routing, after `since`. */
function restoring(emu: Emulator, fn: string, since: number): RequestLogEntry | undefined {
  return landedUpdates(emu.log.filter(e => e.functionName === fn && e.time >= since)).find(e => {
    const body = e.request as {
      FunctionVersion?: string
      RoutingConfig?: { AdditionalVersionWeights?: object }
    }
    return (
      body.FunctionVersion === '1' &&
      Object.keys(body.RoutingConfig?.AdditionalVersionWeights ?? {}).length === 0
    )
  })
}

function check(emu: Emulator, fn: string, initial: string, r: RunResult): void {
  if (r.outputs.status !== 'rolled-back' || r.exitCode === 0)
    throw new Error(`${fn}: status ${r.outputs.status}, exit ${r.exitCode}: ${errorsOf(r).join('; ')}`)
  if (aliasState(emu, fn) !== initial)
    throw new Error(`${fn}: alias ${aliasState(emu, fn)}, expected ${initial}`)
}

export const rollback: Scenario = {
  id: 'rollback',
  title: 'Rollback latency (alarm, SIGINT)',
  budgetMs: 60_000,
  async run() {
    const emu = await emulator()
    const client = lambda(emu)
    const cw = cloudwatch(emu)
    try {
      const alarm: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const fn = `rb-alarm-${i}`
        await readyFunction(emu, client, fn)
        await okAlarm(cw, `${fn}-errors`)
        const initial = aliasState(emu, fn)
        const started = Date.now()
        const running = runAgainst(emu, { ...canary(fn), alarms: `${fn}-errors` })
        const first = await waitFor(
          'the canary step',
          15_000,
          () => landedUpdates(emu.log.filter(e => e.functionName === fn && e.time >= started))[0]
        )
        await sleep(first.endTime + MID_HOLD_MS - Date.now())
        const flippedAt = Date.now()
        emu.admin.setAlarmState(`${fn}-errors`, 'ALARM')
        const r = await running
        check(emu, fn, initial, r)
        alarm.push((restoring(emu, fn, flippedAt)?.endTime ?? NaN) - flippedAt)
      }

      const sigint: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const fn = `rb-sigint-${i}`
        await readyFunction(emu, client, fn)
        const initial = aliasState(emu, fn)
        const r = await runAgainst(emu, canary(fn), {
          signal: { name: 'SIGINT', whenStdout: /% → v2/, afterMs: MID_HOLD_MS, escalate: true }
        })
        check(emu, fn, initial, r)
        sigint.push((restoring(emu, fn, r.signalSentAt ?? 0)?.endTime ?? NaN) - (r.signalSentAt ?? NaN))
      }

      const figures: Figure[] = [
        {
          scenario: 'rollback',
          name: `alarm → ALARM ${MID_HOLD_MS} ms into a ${HOLD} hold → restoring UpdateAlias done (median, max of ${RUNS})`,
          value: `${ms(median(alarm))}, ${ms(Math.max(...alarm))}`,
          // No target; the hold polls alarms every hold/4 (500 ms here), which bounds detection.
          data: { samplesMs: alarm }
        },
        {
          scenario: 'rollback',
          name: `SIGINT ${MID_HOLD_MS} ms into a ${HOLD} hold → restoring UpdateAlias done (median, max of ${RUNS})`,
          value: `${ms(median(sigint))}, ${ms(Math.max(...sigint))}`,
          target: `< ${ms(SIGINT_TARGET_MS)}`,
          ok: Math.max(...sigint) < SIGINT_TARGET_MS,
          data: { samplesMs: sigint }
        }
      ]
      figures.push(await fleetSigint(emu, client))
      return figures
    } finally {
      client.destroy()
      cw.destroy()
      await emu.close()
    }
  }
}

/**
 * Extra: SIGINT mid-hold with 50 functions and the emulator enforcing 15 req/s. Restoring and verifying
 * 50 aliases is 100 control-plane calls, so at 15 req/s this is where the runner's SIGTERM (7.5 s) bites.
 */
async function fleetSigint(emu: Emulator, client: ReturnType<typeof lambda>): Promise<Figure> {
  const names = await readyFleet(emu, client, 'rb-fleet', FLEET)
  const initial = new Map(names.map(n => [n, aliasState(emu, n)]))
  emu.faults.setRateLimit(15)
  try {
    const r = await runAgainst(
      emu,
      { ...canary(names.join('\n')) },
      {
        signal: { name: 'SIGINT', whenStdout: /% → v2/, afterMs: MID_HOLD_MS, escalate: true },
        timeoutMs: 60_000
      }
    )
    const sent = r.signalSentAt ?? NaN
    const restores = names.map(n => restoring(emu, n, sent)?.endTime ?? NaN)
    const back = names.filter(n => aliasState(emu, n) === initial.get(n)).length
    const lastMs = Math.max(...restores) - sent
    return {
      scenario: 'rollback',
      name: `SIGINT mid-hold, ${FLEET} fns at 15 req/s → last restoring UpdateAlias done`,
      value: `${secs(lastMs)} (${back}/${FLEET} restored by main; status ${r.outputs.status}, ${secs(r.endedAt - sent)} to exit)`,
      target: `< ${secs(SIGTERM_AFTER_MS)} (runner's SIGTERM)`,
      ok: back === FLEET && lastMs < SIGTERM_AFTER_MS,
      data: {
        lastMs,
        restored: back,
        exitAfterSignalMs: r.endedAt - sent,
        status: r.outputs.status,
        exitCode: r.exitCode,
        signal: r.signal
      }
    }
  } finally {
    emu.faults.setRateLimit(null)
  }
}
