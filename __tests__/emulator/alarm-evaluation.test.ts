// Metrics as CloudWatch records them and alarms that evaluate themselves, through the real SDK on an
// injected clock: datapoints carry the invocation's start, an empty period has no datapoint, data is
// visible a lag after the invocation ended; metric alarms go from INSUFFICIENT_DATA to ALARM by
// themselves, honour Period, DatapointsToAlarm and TreatMissingData, hold a SetAlarmState until the
// next evaluation, can be deleted, and can watch PutMetricData's custom metrics.
import {
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type PutMetricAlarmCommandInput
} from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createFunction, failure, fakeClock, harness, type Harness } from './helpers.js'

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0)
const clock = fakeClock(T0)
let h: Harness

const FN = [{ Name: 'FunctionName', Value: 'ev' }]
const LIVE = [...FN, { Name: 'Resource', Value: 'ev:live' }]

beforeAll(async () => {
  h = await harness({ now: clock.now, evaluateAlarms: true })
  await createFunction(h.lambda, 'ev')
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'ev' })) // 1: healthy
  await h.lambda.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: 'ev',
      Environment: { Variables: { EMULATOR_FAIL: 'true', EMULATOR_DURATION_MS: '4000' } }
    })
  )
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'ev' })) // 2: fails, runs about 4 s
  await h.lambda.send(new CreateAliasCommand({ FunctionName: 'ev', Name: 'live', FunctionVersion: '1' }))
})
afterAll(async () => h.close())
beforeEach(async () => {
  h.emu.settings.metricsDelayMs = 0
  await h.lambda.send(new UpdateAliasCommand({ FunctionName: 'ev', Name: 'live', FunctionVersion: '1' }))
})

// Moves the clock to the next multiple of `seconds` plus `plus` seconds.
function toBoundary(seconds: number, plus = 0): number {
  const step = seconds * 1000
  return clock.advance(Math.floor(clock.now() / step) * step + step + plus * 1000 - clock.now())
}
const invoke = (n: number) =>
  Promise.all(Array.from({ length: n }, () => h.lambda.send(new InvokeCommand({ FunctionName: 'ev:live' }))))

async function put(input: Partial<PutMetricAlarmCommandInput> & { AlarmName: string }): Promise<void> {
  await h.cw.send(
    new PutMetricAlarmCommand({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: LIVE,
      Statistic: 'Sum',
      Period: 10,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      ...input
    })
  )
}
const alarm = async (name: string) =>
  (await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0]
const state = async (name: string) => (await alarm(name))?.StateValue

async function series(MetricName: string, Stat: string, Period = 10, Dimensions = LIVE) {
  const out = await h.cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(Math.floor((clock.now() - 600000) / 60000) * 60000),
      EndTime: new Date(clock.now() + 60000),
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [
        { Id: 'q', MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName, Dimensions }, Period, Stat } }
      ]
    })
  )
  const r = out.MetricDataResults?.[0]
  return (r?.Timestamps ?? []).map((t, i) => [t.getTime(), r?.Values?.[i]])
}

describe('metrics as CloudWatch records them', () => {
  test('a datapoint carries the invocation start; an empty period has none; Sum and SampleCount', async () => {
    h.emu.settings.metricsResolutionMs = 1000
    const start = toBoundary(60, 5)
    await invoke(2) // two successes at :05
    clock.advance(20000) // :25 — nothing in [:10, :20)
    await h.lambda.send(new UpdateAliasCommand({ FunctionName: 'ev', Name: 'live', FunctionVersion: '2' }))
    await invoke(1) // one failure at :25 that runs about 4 s
    clock.advance(10000)
    // Per second: the failure that ran from :25 to about :29 is a datapoint at :25.
    expect(await series('Invocations', 'Sum', 1)).toEqual([
      [start, 2],
      [start + 20000, 1]
    ])
    // Errors is recorded for every invocation (0 for a success): Sum counts errors, SampleCount invocations.
    expect(await series('Errors', 'Sum')).toEqual([
      [start - 5000, 0],
      [start + 15000, 1]
    ])
    expect(await series('Errors', 'SampleCount')).toEqual([
      [start - 5000, 2],
      [start + 15000, 1]
    ])
    expect(await series('Throttles', 'Sum')).toEqual([
      [start - 5000, 0],
      [start + 15000, 0]
    ])
    h.emu.settings.metricsResolutionMs = 60000
  })

  test('a datapoint becomes visible the delivery lag after the invocation ended, not after it started', async () => {
    h.emu.settings.metricsDelayMs = 2000
    await h.lambda.send(new UpdateAliasCommand({ FunctionName: 'ev', Name: 'live', FunctionVersion: '2' }))
    const start = toBoundary(60, 1)
    const out = await h.lambda.send(new InvokeCommand({ FunctionName: 'ev:live', LogType: 'Tail' }))
    const log = Buffer.from(out.LogResult ?? '', 'base64').toString('utf8')
    const duration = Number(/\tDuration: ([\d.]+) ms/.exec(log)?.[1])
    expect(duration).toBeGreaterThan(1000) // EMULATOR_DURATION_MS 4000
    const mine = async () => (await series('Invocations', 'Sum', 60)).filter(([t]) => t! >= start - 1000)
    clock.advance(2000 + 500) // past start + lag: the invocation is still running
    expect(await mine()).toEqual([])
    clock.advance(duration - 1000) // just before end + lag
    expect(await mine()).toEqual([])
    clock.advance(1000) // past end + lag
    expect(await mine()).toEqual([[start - 1000, 1]])
  })

  test('a throttled Invoke is a Throttles datapoint and no Invocations one', async () => {
    h.emu.settings.metricsResolutionMs = 1000
    const start = toBoundary(60, 30)
    h.emu.faults.add({ operation: 'Invoke', throttleRate: 1, times: 1 })
    await invoke(1) // the SDK retries the 429: one throttle, one invocation
    clock.advance(5000)
    const window = (rows: (number | undefined)[][]) => rows.filter(([t]) => t! >= start)
    expect(window(await series('Throttles', 'Sum', 1))).toEqual([[start, 1]])
    expect(window(await series('Invocations', 'Sum', 1))).toEqual([[start, 1]])
    h.emu.settings.metricsResolutionMs = 60000
  })
})

describe('metric alarms evaluate themselves', () => {
  test('Errors Sum >= 1 over 10 s on FunctionName+Resource: INSUFFICIENT_DATA, then ALARM by itself', async () => {
    toBoundary(10, 1)
    await put({ AlarmName: 'ev-errors' })
    expect(await state('ev-errors')).toBe('INSUFFICIENT_DATA')
    await h.lambda.send(new UpdateAliasCommand({ FunctionName: 'ev', Name: 'live', FunctionVersion: '2' }))
    await invoke(3)
    const failedAt = clock.now()
    clock.advance(10000) // the next boundary has passed
    const a = await alarm('ev-errors')
    expect(a?.StateValue).toBe('ALARM')
    expect(a?.StateReason).toMatch(
      /^Threshold Crossed: 1 datapoint \[3\.0 \(.*\)\] was greater than or equal to the threshold \(1\.0\)\.$/
    )
    expect(JSON.parse(a?.StateReasonData ?? '{}')).toMatchObject({
      statistic: 'Sum',
      period: 10,
      threshold: 1
    })
    // Evaluated at the first period boundary after the failures.
    expect(a?.StateUpdatedTimestamp?.getTime()).toBe(Math.ceil(failedAt / 10000) * 10000)
    clock.advance(10000) // an empty period: missing data, so INSUFFICIENT_DATA
    expect(await state('ev-errors')).toBe('INSUFFICIENT_DATA')
  })

  test('a healthy version keeps the alarm OK; with a lag the period is judged once delivered', async () => {
    h.emu.settings.metricsDelayMs = 3000
    toBoundary(10, 8)
    await put({ AlarmName: 'ev-lag' })
    await invoke(2) // healthy, at :08 of the period
    toBoundary(10, 1) // the boundary passed, data of the last period not delivered yet
    expect(await state('ev-lag')).toBe('INSUFFICIENT_DATA')
    await h.lambda.send(new UpdateAliasCommand({ FunctionName: 'ev', Name: 'live', FunctionVersion: '2' }))
    await invoke(1) // fails at :01, ends about :05, delivered about :08
    toBoundary(10, 1)
    expect(await state('ev-lag')).toBe('OK') // judged [:00, :10) of the first period: 2 successes
    toBoundary(10, 1)
    expect(await state('ev-lag')).toBe('ALARM')
  })

  test('Period must be 10, 30 or a multiple of 60; DatapointsToAlarm at most EvaluationPeriods', async () => {
    for (const Period of [1, 20, 45, 90]) {
      const e = await failure(put({ AlarmName: 'ev-period', Period }))
      expect([e.name, e.status, e.message]).toEqual([
        'ValidationException',
        400,
        'Period must be 10, 30 or a multiple of 60'
      ])
    }
    for (const Period of [10, 30, 60, 300]) await put({ AlarmName: `ev-period-${Period}`, Period })
    const e = await failure(put({ AlarmName: 'ev-m', EvaluationPeriods: 2, DatapointsToAlarm: 3 }))
    expect([e.name, e.message]).toEqual([
      'ValidationException',
      'DatapointsToAlarm must be less than or equal to EvaluationPeriods'
    ])
    const both = await failure(put({ AlarmName: 'ev-s', ExtendedStatistic: 'p99' }))
    expect(both.name).toBe('ValidationException')
    await h.cw.send(new DeleteAlarmsCommand({ AlarmNames: [10, 30, 60, 300].map(p => `ev-period-${p}`) }))
  })

  test('TreatMissingData decides an evaluation with no data', async () => {
    toBoundary(10, 1)
    for (const t of ['missing', 'notBreaching', 'breaching', 'ignore']) {
      await put({ AlarmName: `ev-tmd-${t}`, TreatMissingData: t })
    }
    await h.cw.send(
      new SetAlarmStateCommand({ AlarmName: 'ev-tmd-ignore', StateValue: 'OK', StateReason: 'x' })
    )
    clock.advance(30000)
    const states = await Promise.all(
      ['missing', 'notBreaching', 'breaching', 'ignore'].map(async t => [t, await state(`ev-tmd-${t}`)])
    )
    expect(Object.fromEntries(states)).toEqual({
      missing: 'INSUFFICIENT_DATA',
      notBreaching: 'OK',
      breaching: 'ALARM',
      ignore: 'OK' // kept as it was
    })
  })

  test('DatapointsToAlarm 2 of 3: one breaching period is not enough, two are', async () => {
    toBoundary(10, 1)
    await put({
      AlarmName: 'ev-m-of-n',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      TreatMissingData: 'notBreaching'
    })
    await h.lambda.send(new UpdateAliasCommand({ FunctionName: 'ev', Name: 'live', FunctionVersion: '2' }))
    await invoke(1)
    toBoundary(10, 1)
    expect(await state('ev-m-of-n')).toBe('OK')
    await invoke(1)
    toBoundary(10, 1)
    const a = await alarm('ev-m-of-n')
    expect(a?.StateValue).toBe('ALARM')
    expect(a?.StateReason).toMatch(
      /2 out of the last 3 datapoints .* \(minimum 2 datapoints for OK -> ALARM transition\)\.$/
    )
  })

  test('ExtendedStatistic p90 on Duration per ExecutedVersion', async () => {
    toBoundary(10, 1)
    const Dimensions = [...LIVE, { Name: 'ExecutedVersion', Value: '2' }]
    await put({
      AlarmName: 'ev-p90',
      MetricName: 'Duration',
      Dimensions,
      Statistic: undefined,
      ExtendedStatistic: 'p90',
      Threshold: 1000,
      ComparisonOperator: 'GreaterThanThreshold'
    })
    await invoke(3) // version 1: about 20 ms
    toBoundary(10, 1)
    expect(await state('ev-p90')).toBe('INSUFFICIENT_DATA') // no datapoint for version 2
    await h.lambda.send(new UpdateAliasCommand({ FunctionName: 'ev', Name: 'live', FunctionVersion: '2' }))
    await invoke(3) // version 2: about 4 s
    toBoundary(10, 1)
    const a = await alarm('ev-p90')
    expect(a?.StateValue).toBe('ALARM')
    expect(a?.ExtendedStatistic).toBe('p90')
    expect(a?.StateReason).toMatch(/was greater than the threshold \(1000\.0\)\.$/)
  })

  test('SetAlarmState holds until the next evaluation', async () => {
    toBoundary(10, 1)
    await put({ AlarmName: 'ev-set', TreatMissingData: 'notBreaching' })
    clock.advance(10000)
    expect(await state('ev-set')).toBe('OK')
    await h.cw.send(
      new SetAlarmStateCommand({ AlarmName: 'ev-set', StateValue: 'ALARM', StateReason: 'drill' })
    )
    clock.advance(8000) // still before the next boundary
    expect(await alarm('ev-set')).toMatchObject({ StateValue: 'ALARM', StateReason: 'drill' })
    clock.advance(2000)
    expect(await state('ev-set')).toBe('OK')
  })

  test('DeleteAlarms removes alarms; deleting a missing one is no error', async () => {
    await put({ AlarmName: 'ev-del-1' })
    await put({ AlarmName: 'ev-del-2' })
    await h.cw.send(new DeleteAlarmsCommand({ AlarmNames: ['ev-del-1', 'ev-del-2', 'ev-never'] }))
    const out = await h.cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'ev-del' }))
    expect(out.MetricAlarms).toEqual([])
    const e = await failure(
      h.cw.send(new SetAlarmStateCommand({ AlarmName: 'ev-del-1', StateValue: 'OK', StateReason: 'x' }))
    )
    expect([e.name, e.status]).toEqual(['ResourceNotFound', 404])
  })

  test('PutMetricData: custom metrics an alarm watches', async () => {
    toBoundary(10, 1)
    const Dimensions = [{ Name: 'Queue', Value: 'jobs' }]
    await put({
      AlarmName: 'ev-depth',
      Namespace: 'Shop/Jobs',
      MetricName: 'Depth',
      Dimensions,
      Statistic: 'Maximum',
      Threshold: 100
    })
    const datum = (Value: number) => ({ MetricName: 'Depth', Dimensions, Value, Unit: 'Count' as const })
    await h.cw.send(new PutMetricDataCommand({ Namespace: 'Shop/Jobs', MetricData: [datum(20), datum(40)] }))
    toBoundary(10, 1)
    expect(await state('ev-depth')).toBe('OK')
    await h.cw.send(new PutMetricDataCommand({ Namespace: 'Shop/Jobs', MetricData: [datum(30), datum(150)] }))
    toBoundary(10, 1)
    expect(await state('ev-depth')).toBe('ALARM')
    const e = await failure(
      h.cw.send(new PutMetricDataCommand({ Namespace: 'AWS/Lambda', MetricData: [datum(1)] }))
    )
    expect(e.name).toBe('ValidationException')
  })

  test('evaluateAlarms off: alarms change only through SetAlarmState', async () => {
    h.emu.settings.evaluateAlarms = false
    toBoundary(10, 1)
    await put({ AlarmName: 'ev-off', TreatMissingData: 'breaching' })
    clock.advance(60000)
    expect(await state('ev-off')).toBe('INSUFFICIENT_DATA')
    h.emu.settings.evaluateAlarms = true
    expect(await state('ev-off')).toBe('INSUFFICIENT_DATA') // no evaluations for the time it was off
    toBoundary(10, 1)
    expect(await state('ev-off')).toBe('ALARM')
  })
})
