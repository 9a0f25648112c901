// GetMetricData's time handling and validation through the real SDK, on an injected clock: StartTime
// rounding, Period buckets, empty buckets left out, ScanBy, EndTime exclusive, the ingestion delay, the
// finer resolution setting, paging, and CloudWatch's ValidationError for queries it refuses.
import {
  GetMetricDataCommand,
  type GetMetricDataCommandInput,
  type MetricDataQuery
} from '@aws-sdk/client-cloudwatch'
import { CreateAliasCommand, InvokeCommand, PublishVersionCommand } from '@aws-sdk/client-lambda'
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { createFunction, failure, fakeClock, harness, type Harness } from './helpers.js'

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0)
const clock = fakeClock(T0)
// Invocations of gm:live at these offsets from T0 (seconds).
const AT = [10, 50, 70, 190]
let h: Harness

beforeAll(async () => {
  h = await harness({ now: clock.now })
  await createFunction(h.lambda, 'gm')
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'gm' }))
  await h.lambda.send(new CreateAliasCommand({ FunctionName: 'gm', Name: 'live', FunctionVersion: '1' }))
  for (const s of AT) {
    clock.advance(T0 + s * 1000 - clock.now())
    await h.lambda.send(new InvokeCommand({ FunctionName: 'gm', Qualifier: 'live' }))
  }
  clock.advance(10000) // now T0 + 200 s
})
afterEach(() => {
  h.emu.settings.metricsDelayMs = 0
  h.emu.settings.metricsResolutionMs = 60000
})
afterAll(async () => h.close())

const at = (seconds: number): Date => new Date(T0 + seconds * 1000)

function count(Period = 60, Stat = 'SampleCount'): MetricDataQuery {
  return {
    Id: 'n',
    MetricStat: {
      Metric: {
        Namespace: 'AWS/Lambda',
        MetricName: 'Invocations',
        Dimensions: [
          { Name: 'FunctionName', Value: 'gm' },
          { Name: 'Resource', Value: 'gm:live' },
          { Name: 'ExecutedVersion', Value: '1' }
        ]
      },
      Period,
      Stat
    }
  }
}

// [offset seconds, value] pairs of the one query's datapoints.
async function points(input: Partial<GetMetricDataCommandInput>): Promise<[number, number][]> {
  const out = await h.cw.send(
    new GetMetricDataCommand({
      StartTime: at(0),
      EndTime: at(300),
      MetricDataQueries: [count()],
      ...input
    })
  )
  const [r] = out.MetricDataResults ?? []
  expect(r?.StatusCode).toBe('Complete')
  return (r?.Timestamps ?? []).map((t, i) => [(t.getTime() - T0) / 1000, r?.Values?.[i] ?? NaN])
}

describe('buckets', () => {
  test('StartTime rounds down to the minute; buckets of Period from there; empty ones are left out', async () => {
    const asc = { ScanBy: 'TimestampAscending' as const }
    expect(await points({ ...asc, StartTime: at(30) })).toEqual([
      [0, 2],
      [60, 1],
      [180, 1]
    ])
    // 10 s and 50 s are before the rounded start (60 s), 70 s and 190 s in buckets [60, 180) and [180, 300).
    expect(await points({ ...asc, StartTime: at(61), MetricDataQueries: [count(120)] })).toEqual([
      [60, 1],
      [180, 1]
    ])
    expect(await points({ ...asc, MetricDataQueries: [count(120)] })).toEqual([
      [0, 3],
      [120, 1]
    ])
  })

  test('newest first by default (TimestampDescending)', async () => {
    expect(await points({})).toEqual([
      [180, 1],
      [60, 1],
      [0, 2]
    ])
  })

  test('EndTime is exclusive; a window with no data answers empty lists, still Complete', async () => {
    expect(await points({ EndTime: at(70) })).toEqual([[0, 2]])
    expect(await points({ EndTime: at(70.001) })).toEqual([
      [60, 1],
      [0, 2]
    ])
    expect(await points({ StartTime: at(-600), EndTime: at(-60) })).toEqual([])
  })

  test('metricsDelayMs hides datapoints until the delay has passed since the invocation ended', async () => {
    h.emu.settings.metricsDelayMs = 60000 // now is T0 + 200 s: invocations that ended by T0 + 140 s are visible
    expect(await points({})).toEqual([
      [60, 1],
      [0, 2]
    ])
    // The one at 190 s lasted about 20 ms: at 250 s it is still in flight to CloudWatch; one second on it is not.
    clock.advance(50000)
    expect(await points({})).toEqual([
      [60, 1],
      [0, 2]
    ])
    clock.advance(1000)
    expect(await points({})).toEqual([
      [180, 1],
      [60, 1],
      [0, 2]
    ])
  })

  test('metricsResolutionMs 1000: StartTime rounds to the second and Period is any whole second', async () => {
    h.emu.settings.metricsResolutionMs = 1000
    const asc = { ScanBy: 'TimestampAscending' as const }
    expect(await points({ ...asc, StartTime: at(49.5), MetricDataQueries: [count(1)] })).toEqual([
      [50, 1],
      [70, 1],
      [190, 1]
    ])
    // From 5 s in 45 s steps: [5, 50) holds 10 s, [50, 95) holds 50 s and 70 s, [185, 230) holds 190 s.
    expect(await points({ ...asc, StartTime: at(5.7), MetricDataQueries: [count(45)] })).toEqual([
      [5, 1],
      [50, 2],
      [185, 1]
    ])
  })
})

describe('results', () => {
  test('Label defaults to the metric name; ReturnData false leaves a query out', async () => {
    const out = await h.cw.send(
      new GetMetricDataCommand({
        StartTime: at(0),
        EndTime: at(300),
        MetricDataQueries: [
          { ...count(), Id: 'plain' },
          { ...count(), Id: 'named', Label: 'live invocations' },
          { ...count(), Id: 'hidden', ReturnData: false }
        ]
      })
    )
    expect(out.MetricDataResults?.map(r => [r.Id, r.Label])).toEqual([
      ['plain', 'Invocations'],
      ['named', 'live invocations']
    ])
  })

  test('MaxDatapoints pages with NextToken; a page cut short is PartialData', async () => {
    const base = { StartTime: at(0), EndTime: at(300), MetricDataQueries: [count()], MaxDatapoints: 2 }
    const first = await h.cw.send(new GetMetricDataCommand(base))
    expect(first.MetricDataResults?.[0]?.Values).toEqual([1, 1])
    expect(first.MetricDataResults?.[0]?.StatusCode).toBe('PartialData')
    expect(first.NextToken).toBeDefined()
    const second = await h.cw.send(new GetMetricDataCommand({ ...base, NextToken: first.NextToken }))
    expect(second.MetricDataResults?.[0]?.Values).toEqual([2])
    expect(second.MetricDataResults?.[0]?.StatusCode).toBe('Complete')
    expect(second.NextToken).toBeUndefined()
    const bad = await failure(h.cw.send(new GetMetricDataCommand({ ...base, NextToken: 'nope' })))
    expect([bad.name, bad.status]).toEqual(['InvalidNextToken', 400])
  })
})

describe('invalid queries: 400 ValidationError', () => {
  async function refused(input: Partial<GetMetricDataCommandInput>): Promise<string> {
    const e = await failure(
      h.cw.send(
        new GetMetricDataCommand({
          StartTime: at(0),
          EndTime: at(300),
          MetricDataQueries: [count()],
          ...input
        })
      )
    )
    expect([e.name, e.status, e.error.Code]).toEqual(['ValidationException', 400, 'ValidationError'])
    return e.message
  }
  const stat = (Stat: string) => ({ MetricDataQueries: [count(60, Stat)] })

  test('Period below 1, or not a multiple of the resolution', async () => {
    expect(await refused({ MetricDataQueries: [count(0)] })).toMatch(
      /Value '0' at 'metricDataQueries.1.member.metricStat.period' .* greater than or equal to 1/
    )
    expect(await refused({ MetricDataQueries: [count(30)] })).toBe(
      'The parameter MetricDataQueries.member.1.MetricStat.Period must be a multiple of 60.'
    )
    expect(await refused({ MetricDataQueries: [count(), { ...count(90), Id: 'second' }] })).toMatch(
      /MetricDataQueries.member.2.MetricStat.Period must be a multiple of 60/
    )
  })

  test('statistics: unknown ones, and real ones the emulator does not compute', async () => {
    for (const s of ['Median', 'p101', 'p', 'sum']) {
      expect(await refused(stat(s))).toBe(
        `The value ${s} for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.`
      )
    }
    expect(await refused(stat('tm99'))).toMatch(/tm99 .* not supported by the emulator/)
  })

  test('metric math, a missing MetricStat, bad or duplicate ids, too many queries', async () => {
    expect(await refused({ MetricDataQueries: [{ Id: 'e', Expression: 'SUM(METRICS())' }] })).toMatch(
      /Expression: metric math expressions are not supported/
    )
    expect(await refused({ MetricDataQueries: [{ Id: 'e' }] })).toMatch(
      /MetricDataQueries.member.1.MetricStat/
    )
    expect(await refused({ MetricDataQueries: [{ ...count(), Id: 'Upper' }] })).toMatch(
      /The value Upper for parameter MetricDataQueries.member.1.Id is invalid/
    )
    expect(await refused({ MetricDataQueries: [count(), count()] })).toMatch(/member.2.Id is duplicated/)
    const many = Array.from({ length: 501 }, (_, i) => ({ ...count(), Id: `q${i}` }))
    expect(await refused({ MetricDataQueries: many })).toMatch(/must not have a size greater than 500/)
    const most = Array.from({ length: 500 }, (_, i) => ({ ...count(), Id: `q${i}` }))
    const ok = await h.cw.send(
      new GetMetricDataCommand({ StartTime: at(0), EndTime: at(300), MetricDataQueries: most })
    )
    expect(ok.MetricDataResults).toHaveLength(500)
  })

  test('StartTime must be before EndTime', async () => {
    expect(await refused({ EndTime: at(0) })).toBe(
      'The parameter StartTime must not equal parameter EndTime.'
    )
    expect(await refused({ StartTime: at(10), EndTime: at(0) })).toBe(
      'The parameter StartTime must be less than the parameter EndTime.'
    )
  })

  test('the request log records GetMetricData as a read', async () => {
    await points({})
    expect(h.emu.log.at(-1)).toMatchObject({
      service: 'cloudwatch',
      operation: 'GetMetricData',
      write: false
    })
  })
})
