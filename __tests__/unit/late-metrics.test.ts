// The engine in a world where CloudWatch is late, in-process: the emulator for Lambda, a CloudWatch fake
// with CloudWatch's own arithmetic (StartTime rounded down to the minute, a datapoint covers its whole
// period, zero counts are not sent) behind the real request builder, and a virtual clock.
import { GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch'
import { UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import type { FigureWindow, MetricsSource } from '../../src/aws/api.js'
import { fetchVersionFigures, type MetricsClient } from '../../src/aws/metrics.js'
import {
  cloudwatch,
  emulator,
  getAlias,
  lambda,
  putAlarm,
  readyToPromote,
  writes
} from '../../testkit/fixtures.js'
import { config, rig } from '../../testkit/rig.js'

const MIN = 60_000
const T0 = Date.UTC(2026, 0, 1, 8, 0, 0)

let emu: Emulator
let n = 0
beforeAll(async () => {
  emu = await emulator()
})
afterAll(() => emu.close())

interface Invocation {
  t: number
  version: string
  error: boolean
}

/** What CloudWatch holds: every invocation, timestamped when it started. */
type World = (from: number, to: number) => Invocation[]

/** CloudWatch's GetMetricData over `world`, and every interval it was asked. */
function fakeCloudWatch(
  world: World
): MetricsClient & { asked: { start: number; end: number; period: number }[] } {
  const asked: { start: number; end: number; period: number }[] = []
  return {
    asked,
    send: async (command: GetMetricDataCommand) => {
      const input = command.input
      const end = (input.EndTime as Date).getTime()
      // Standard resolution: StartTime is rounded down to the minute.
      const start = Math.floor((input.StartTime as Date).getTime() / MIN) * MIN
      const queries = input.MetricDataQueries ?? []
      const period = (queries[0]?.MetricStat?.Period ?? 60) * 1000
      asked.push({ start: (input.StartTime as Date).getTime(), end, period })
      const results: MetricDataResult[] = queries.map(q => {
        const stat = q.MetricStat
        const version = stat?.Metric?.Dimensions?.find(d => d.Name === 'ExecutedVersion')?.Value
        const timestamps: Date[] = []
        const values: number[] = []
        // A datapoint covers its whole period, even past EndTime.
        for (let b = start; b < end; b += period) {
          const inside = world(b, b + period).filter(e => e.version === version)
          if (inside.length === 0) continue // Lambda sends no zero counts.
          const errors = inside.filter(e => e.error).length
          const value =
            stat?.Metric?.MetricName === 'Errors'
              ? errors
              : stat?.Metric?.MetricName === 'Invocations' || stat?.Stat === 'SampleCount'
                ? inside.length
                : 100
          timestamps.push(new Date(b))
          values.push(value)
        }
        return { Id: q.Id, Timestamps: timestamps, Values: values, StatusCode: 'Complete' }
      })
      return { MetricDataResults: results, $metadata: {} }
    }
  }
}

/** Invocations every 100 ms in [from, to): 9 of 10 on v1 (1% erring), 1 of 10 on v2, erring when `bad(t)`. */
const traffic =
  (bad: (t: number) => boolean): World =>
  (from, to) => {
    const out: Invocation[] = []
    for (let t = Math.ceil(from / 100) * 100; t < to; t += 100) {
      const k = t / 100
      out.push(k % 10 === 0 ? { t, version: '2', error: bad(t) } : { t, version: '1', error: k % 100 === 1 })
    }
    return out
  }

async function setUp(timeoutSec?: number): Promise<string> {
  const fn = `late-${++n}`
  await readyToPromote(lambda(emu), fn, { description: 'prod' })
  // The new version (published from $LATEST) gets this timeout; v1 keeps Lambda's default 3 s.
  if (timeoutSec)
    await lambda(emu).send(new UpdateFunctionConfigurationCommand({ FunctionName: fn, Timeout: timeoutSec }))
  return fn
}

/** Runs with metrics from `world`, recording each judgement's window and the virtual time it was asked. */
async function run(fn: string, inputs: Record<string, string>, world: World, startAt = T0 + 20_000) {
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m', ...inputs })
  const r = rig(emu, c)
  r.clock.time = startAt
  r.deps.deadline = startAt + c.timeoutMs
  const cw = fakeCloudWatch(world)
  const judged: { at: number; w: FigureWindow }[] = []
  const metrics: MetricsSource = {
    figures: async (w, signal) => {
      if (w.versions[0] !== w.versions[1]) judged.push({ at: r.clock.now(), w })
      return fetchVersionFigures(cw, w, signal)
    }
  }
  r.deps.metrics = metrics
  const outcome = await r.run(c)
  r.close()
  return {
    outcome,
    judged,
    asked: cw.asked,
    alias: await getAlias(lambda(emu), fn, 'live'),
    log: r.log.lines
  }
}

it('judges a hold only once its window has settled: end + function timeout + metrics-delay; the hold is extended', async () => {
  const fn = await setUp(30)
  // The step begins 20 s into 08:00, so its first whole minute is 08:01 and its 5-minute window ends 08:06.
  const inWindow = (t: number) => t >= T0 + MIN && t < T0 + 6 * MIN
  // v2 errs on every invocation outside that window: any datapoint from outside it would fail the canary.
  const { outcome, judged, asked, log } = await run(
    fn,
    { analysis: 'errors', 'metrics-delay': '2m' },
    traffic(t => !inWindow(t))
  )
  expect(outcome.error).toBeUndefined()
  expect(outcome.status).toBe('promoted')
  expect(judged).toHaveLength(1)
  const { at, w } = judged[0] as { at: number; w: FigureWindow }
  expect([w.startMs, w.endMs]).toEqual([T0 + MIN, T0 + 6 * MIN])
  // Settled: the window's end, v2's 30 s timeout, then metrics-delay 2m.
  expect(at).toBeGreaterThanOrEqual(T0 + 6 * MIN + 30_000 + 2 * MIN)
  expect(log).toContain(
    '  judging 08:01:00–08:06:00 at 08:08:30, once its metrics have settled (function timeout 30s, metrics-delay 2m)'
  )
  // The query asks for exactly the window, in one datapoint.
  expect(asked.at(-1)).toEqual({ start: T0 + MIN, end: T0 + 6 * MIN, period: 5 * MIN })
  // Exactly the window's invocations were counted: 1 per second on v2, 9 on v1, for 300 s.
  expect(outcome.deployments[0]?.analysis?.[0]).toMatchObject({
    weight: 0.1,
    outcome: 'pass',
    newInvocations: 300,
    oldInvocations: 2700,
    newErrorRate: 0
  })
  // The step was held until then, not cut: the promotion came after the judgement, more than 5m in.
  const [first, second] = outcome.deployments[0]?.timeline ?? []
  expect(second?.time).toBeGreaterThanOrEqual(at)
  expect((second?.time ?? 0) - (first?.time ?? 0)).toBeGreaterThanOrEqual(5 * MIN)
})

it('the same new version, erring inside its window, is rolled back', async () => {
  const fn = await setUp()
  const { outcome, alias } = await run(
    fn,
    { analysis: 'errors', 'metrics-delay': '1m' },
    traffic(() => true)
  )
  expect(outcome.status).toBe('rolled-back')
  expect(outcome.error).toMatch(
    /^canary analysis of late-\d+ at 10%: v2 vs v1 over 5m: 300 vs 2,700 invocations/
  )
  expect(alias.FunctionVersion).toBe('1')
})

it('missing datapoints are no data: not enough traffic, over ever longer windows of the same step', async () => {
  const fn = await setUp()
  const { outcome, judged, alias, log } = await run(fn, { analysis: 'errors', timeout: '12m' }, () => [])
  expect(outcome.status).toBe('rolled-back')
  expect(outcome.error).toMatch(
    /^not enough traffic to judge: the new version served fewer than 100 invocations at 10%/
  )
  expect(outcome.deployments[0]?.analysis?.map(a => a.outcome)).toEqual(['insufficient'])
  expect(judged.length).toBeGreaterThan(1)
  for (const [i, { at, w }] of judged.entries()) {
    expect(w.startMs).toBe(T0 + MIN)
    expect(w.endMs % MIN).toBe(0)
    if (i > 0) expect(w.endMs).toBeGreaterThan((judged[i - 1] as { w: FigureWindow }).w.endMs)
    expect(at).toBeGreaterThanOrEqual(w.endMs + 3000 + 2 * MIN)
  }
  // Each window read is in the log, the longer ones too, with the time it is judged at.
  const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19)
  const lines = log.filter(l => l.startsWith('  judging '))
  expect(lines.map(l => /^ {2}judging (\S+)–(\S+) at /.exec(l)?.slice(1))).toEqual(
    judged.map(({ w }) => [clock(w.startMs), clock(w.endMs)])
  )
  expect(alias.FunctionVersion).toBe('1')
})

it("the plan's time counts the function's timeout once it is read: refused before any change, in dry-run too", async () => {
  const fn = await setUp(60)
  for (const dryRun of ['false', 'true']) {
    const since = emu.log.at(-1)?.seq ?? 0
    // 8m30s fits 1m + 5m + 2m, but not with the new version's 60 s timeout on top.
    const { outcome } = await run(fn, { analysis: 'errors', timeout: '8m30s', 'dry-run': dryRun }, () => [])
    expect(outcome.status).toBe('failed')
    expect(outcome.error).toBe(
      'timeout "8m30s": shorter than the 9m the plan needs: steps plus bake-time, and for each of its 1 judgement up to 1m to the next whole minute, metrics-delay 2m plus the function\'s timeout 1m for its metrics to settle; raise timeout or shorten the schedule'
    )
    expect(writes(emu, since)).toEqual([])
  }
})

it('an alarm in INSUFFICIENT_DATA is healthy: the rollout goes on', async () => {
  const fn = await setUp()
  await putAlarm(cloudwatch(emu), `${fn}-new`)
  emu.admin.setAlarmState(`${fn}-new`, 'INSUFFICIENT_DATA')
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m', alarms: `${fn}-new` })
  const r = rig(emu, c)
  const outcome = await r.run(c)
  r.close()
  expect(outcome.status).toBe('promoted')
  expect(outcome.alarms).toEqual([expect.objectContaining({ name: `${fn}-new`, state: 'INSUFFICIENT_DATA' })])
})
