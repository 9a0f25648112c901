import {
  CloudWatchClient,
  GetMetricDataCommand,
  type GetMetricDataCommandOutput,
  type MetricDataResult
} from '@aws-sdk/client-cloudwatch'
import { DeployError } from '../../src/errors.js'
import {
  bareFunctionName,
  fetchVersionFigures,
  MAX_PAGES,
  metricQueries,
  readFigures,
  type MetricsClient
} from '../../src/aws/metrics.js'
import type { FigureWindow } from '../../src/aws/api.js'
import { judge, JUDGE_DEFAULTS } from '../../src/analysis/judge.js'

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0)
const WINDOW: FigureWindow = {
  functionName: 'orders',
  alias: 'live',
  versions: ['7', '6'],
  startMs: T0 + 30_000,
  endMs: T0 + 330_000
}

function result(Id: string, Values: number[], extra: Partial<MetricDataResult> = {}): MetricDataResult {
  return {
    Id,
    Values,
    Timestamps: Values.map((_, i) => new Date(T0 + i * 60_000)),
    StatusCode: 'Complete',
    ...extra
  }
}

function output(results: MetricDataResult[], NextToken?: string): GetMetricDataCommandOutput {
  return { $metadata: {}, MetricDataResults: results, ...(NextToken ? { NextToken } : {}) }
}

const TAIL_TENTHS = [950, 960, 970, 975, 980, 985, 988, 989, 991, 992, 993, 995, 997, 998, 999, 1000]
/** Tail series around a p99: each tenth of a percent above 99 adds 1% to it, each below takes 1% off. */
const tailAround = (role: string, p99: number): MetricDataResult[] =>
  TAIL_TENTHS.map(t => result(`${role}_t${t}`, [Math.round(p99 * (1 + (t - 990) / 100))]))

/** A complete answer: new version 1,204 invocations, 25 errors, p99 420; old 10,870, 43, 210. */
const FULL = [
  result('new_invocations', [1204]),
  result('new_errors', [25]),
  result('new_p99', [420]),
  result('new_samples', [1204]),
  ...tailAround('new', 420),
  result('old_invocations', [10_870]),
  result('old_errors', [43]),
  result('old_p99', [210]),
  result('old_samples', [10_870]),
  ...tailAround('old', 210)
]

describe('metricQueries', () => {
  const input = metricQueries(WINDOW)
  const queries = input.MetricDataQueries ?? []

  it('asks for Invocations, Errors, Duration p99, SampleCount and the tail around p99 of both versions', () => {
    const asked = queries.map(q => [q.Id, q.MetricStat?.Metric?.MetricName, q.MetricStat?.Stat])
    const tail = (role: string) =>
      TAIL_TENTHS.map(t => [`${role}_t${t}`, 'Duration', t === 1000 ? 'Maximum' : `p${t / 10}`])
    expect(asked).toEqual([
      ['new_invocations', 'Invocations', 'Sum'],
      ['new_errors', 'Errors', 'Sum'],
      ['new_p99', 'Duration', 'p99'],
      ['new_samples', 'Duration', 'SampleCount'],
      ...tail('new'),
      ['old_invocations', 'Invocations', 'Sum'],
      ['old_errors', 'Errors', 'Sum'],
      ['old_p99', 'Duration', 'p99'],
      ['old_samples', 'Duration', 'SampleCount'],
      ...tail('old')
    ])
    expect(asked.map(a => a[2])).toContain('p97.5')
    for (const q of queries) {
      expect(q.MetricStat?.Metric?.Namespace).toBe('AWS/Lambda')
      expect(q.ReturnData).toBe(true)
    }
  })

  it('uses ids CloudWatch accepts: unique, a lowercase letter first, then letters, digits, underscores', () => {
    const ids = queries.map(q => q.Id ?? '')
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9_]*$/)
  })

  it('selects each version through FunctionName, Resource fn:alias and ExecutedVersion', () => {
    expect(queries[0]?.MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'FunctionName', Value: 'orders' },
      { Name: 'Resource', Value: 'orders:live' },
      { Name: 'ExecutedVersion', Value: '7' }
    ])
    expect(queries.at(-1)?.MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'FunctionName', Value: 'orders' },
      { Name: 'Resource', Value: 'orders:live' },
      { Name: 'ExecutedVersion', Value: '6' }
    ])
  })

  it('starts on the whole minute and covers the window with one Period rounded up to whole minutes', () => {
    // 12:00:30 → 12:05:30 starts at 12:00:00, so one datapoint must span 5.5 minutes: 360 s.
    expect(input.StartTime).toEqual(new Date(T0))
    expect(input.EndTime).toEqual(new Date(T0 + 330_000))
    for (const q of queries) expect(q.MetricStat?.Period).toBe(360)
    const aligned = metricQueries({ ...WINDOW, startMs: T0, endMs: T0 + 300_000 })
    expect(aligned.MetricDataQueries?.[0]?.MetricStat?.Period).toBe(300)
    const short = metricQueries({ ...WINDOW, startMs: T0 + 5000, endMs: T0 + 15_000 })
    expect(short.MetricDataQueries?.[0]?.MetricStat?.Period).toBe(60)
  })

  it("a window of whole periods of an emulator's finer resolution is asked for exactly", () => {
    const w = { ...WINDOW, startMs: T0 + 3000, endMs: T0 + 8000, resolutionMs: 1000 }
    const fine = metricQueries(w)
    expect([fine.StartTime, fine.EndTime]).toEqual([new Date(T0 + 3000), new Date(T0 + 8000)])
    expect(fine.MetricDataQueries?.every(q => q.MetricStat?.Period === 5)).toBe(true)
    expect(() => metricQueries({ ...w, periodSec: 90 })).not.toThrow()
    expect(() => metricQueries({ ...WINDOW, periodSec: 90 })).toThrow(RangeError)
  })

  it('uses a finer Period when asked, in whole minutes only', () => {
    const fine = metricQueries({ ...WINDOW, periodSec: 60 })
    expect(fine.MetricDataQueries?.every(q => q.MetricStat?.Period === 60)).toBe(true)
    expect(() => metricQueries({ ...WINDOW, periodSec: 90 })).toThrow(RangeError)
    expect(() => metricQueries({ ...WINDOW, periodSec: 0 })).toThrow(RangeError)
  })

  it('rejects an empty or backwards window', () => {
    expect(() => metricQueries({ ...WINDOW, endMs: WINDOW.startMs })).toThrow(RangeError)
    expect(() => metricQueries({ ...WINDOW, endMs: Number.NaN })).toThrow(RangeError)
  })

  it('takes the bare name from an ARN for the dimensions', () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:orders'
    const dims = metricQueries({ ...WINDOW, functionName: arn }).MetricDataQueries?.[0]?.MetricStat?.Metric
      ?.Dimensions
    expect(dims?.[0]).toEqual({ Name: 'FunctionName', Value: 'orders' })
    expect(dims?.[1]).toEqual({ Name: 'Resource', Value: 'orders:live' })
    expect(bareFunctionName(`${arn}:live`)).toBe('orders')
    expect(bareFunctionName('123456789012:function:orders')).toBe('orders')
    expect(bareFunctionName('orders')).toBe('orders')
  })
})

describe('readFigures', () => {
  it('reads one datapoint per series into per-version figures', () => {
    const { new: fresh, old } = readFigures(output(FULL), ['7', '6'])
    expect(fresh).toMatchObject({
      version: '7',
      invocations: 1204,
      errors: 25,
      p99Ms: 420,
      durationSamples: 1204
    })
    expect(old).toMatchObject({
      version: '6',
      invocations: 10_870,
      errors: 43,
      p99Ms: 210,
      durationSamples: 10_870
    })
    // The tail runs from p95 to the maximum in order, p99 included.
    expect(fresh.tail.map(t => t.pct)).toEqual([...TAIL_TENTHS, 990].sort((a, b) => a - b).map(t => t / 10))
    expect(fresh.tail.find(t => t.pct === 99)).toEqual({ pct: 99, lowMs: 420, highMs: 420 })
    expect(old.tail.at(-1)).toEqual({ pct: 100, lowMs: 231, highMs: 231 })
  })

  it('sums counts over datapoints and takes the largest p99', () => {
    const split = FULL.map(r =>
      r.Id === 'new_invocations'
        ? result(r.Id, [1000, 204])
        : r.Id === 'new_errors'
          ? result(r.Id, [20, 5])
          : r.Id === 'new_p99'
            ? result(r.Id, [300, 420, 380])
            : r
    )
    const { new: fresh } = readFigures(output(split), ['7', '6'])
    expect(fresh.invocations).toBe(1204)
    expect(fresh.errors).toBe(25)
    expect(fresh.p99Ms).toBe(420)
    // A tail point keeps both ends: the lower bound reads the smallest, the upper bound the largest.
    expect(fresh.tail.find(t => t.pct === 99)).toEqual({ pct: 99, lowMs: 300, highMs: 420 })
  })

  it('reads a version with no datapoints as zero invocations and no p99', () => {
    const idle = FULL.map(r => (r.Id?.startsWith('old_') ? result(r.Id, []) : r))
    expect(readFigures(output(idle), ['7', '6']).old).toEqual({
      version: '6',
      invocations: 0,
      errors: 0,
      p99Ms: undefined,
      durationSamples: 0,
      tail: []
    })
  })

  it('refuses a missing series rather than reading it as no errors', () => {
    const missing = FULL.filter(r => r.Id !== 'new_errors')
    expect(() => readFigures(output(missing), ['7', '6'])).toThrow(/no errors series for version 7/)
  })

  it('refuses series CloudWatch could not serve', () => {
    const forbidden = FULL.map(r =>
      r.Id === 'old_p99'
        ? result(r.Id, [], { StatusCode: 'Forbidden', Messages: [{ Code: 'Forbidden', Value: 'no access' }] })
        : r
    )
    expect(() => readFigures(output(forbidden), ['7', '6'])).toThrow(DeployError)
    expect(() => readFigures(output(forbidden), ['7', '6'])).toThrow(/cloudwatch:GetMetricData; no access/)
    const broken = FULL.map(r =>
      r.Id === 'new_samples' ? result(r.Id, [], { StatusCode: 'InternalError' }) : r
    )
    expect(() => readFigures(output(broken), ['7', '6'])).toThrow(/could not compute/)
  })

  it('feeds the judge directly', () => {
    const figures = readFigures(output(FULL), ['7', '6'])
    const verdict = judge(
      { newVersion: '7', oldVersion: '6', windowMs: 300_000, new: figures.new, old: figures.old },
      { ...JUDGE_DEFAULTS, checks: ['errors', 'latency'], minInvocations: 100 }
    )
    expect(verdict.outcome).toBe('fail')
  })
})

/** A client that answers from a list of pages and records what it was sent. */
function pagedClient(pages: GetMetricDataCommandOutput[]): MetricsClient & {
  sent: { command: GetMetricDataCommand; options: { abortSignal?: AbortSignal } | undefined }[]
} {
  const sent: { command: GetMetricDataCommand; options: { abortSignal?: AbortSignal } | undefined }[] = []
  return {
    sent,
    async send(command, options) {
      sent.push({ command, options })
      const page = pages[Math.min(sent.length - 1, pages.length - 1)]
      if (!page) throw new Error('no page')
      return page
    }
  }
}

describe('fetchVersionFigures', () => {
  it('sends one GetMetricData request built by metricQueries', async () => {
    const client = pagedClient([output(FULL)])
    const figures = await fetchVersionFigures(client, WINDOW)
    expect(client.sent).toHaveLength(1)
    expect(client.sent[0]?.command).toBeInstanceOf(GetMetricDataCommand)
    expect(client.sent[0]?.command.input).toEqual(metricQueries(WINDOW))
    expect(figures.new.invocations).toBe(1204)
  })

  it('follows NextToken and joins the datapoints of each series across pages', async () => {
    const first = FULL.map(r => (r.Id === 'new_invocations' ? result(r.Id, [1000]) : r))
    const second = [result('new_invocations', [204]), result('new_p99', [500])]
    const client = pagedClient([output(first, 'page-2'), output(second)])
    const figures = await fetchVersionFigures(client, WINDOW)
    expect(client.sent.map(s => s.command.input.NextToken)).toEqual([undefined, 'page-2'])
    expect(figures.new.invocations).toBe(1204)
    expect(figures.new.p99Ms).toBe(500)
    expect(figures.old.invocations).toBe(10_870)
  })

  it('keeps a failure status from any page', async () => {
    const second = [result('old_errors', [], { StatusCode: 'InternalError' })]
    const client = pagedClient([output(FULL, 'page-2'), output(second)])
    await expect(fetchVersionFigures(client, WINDOW)).rejects.toThrow(/could not compute/)
  })

  it('passes the abort signal to every request', async () => {
    const controller = new AbortController()
    const client = pagedClient([output(FULL, 'more'), output([])])
    await fetchVersionFigures(client, WINDOW, controller.signal)
    expect(client.sent.map(s => s.options?.abortSignal)).toEqual([controller.signal, controller.signal])
  })

  it('gives up on a service that pages forever', async () => {
    const client = pagedClient([output(FULL, 'again')])
    await expect(fetchVersionFigures(client, WINDOW)).rejects.toThrow(DeployError)
    expect(client.sent).toHaveLength(MAX_PAGES)
  })

  it('accepts a real CloudWatchClient as its client (checked by the type checker)', () => {
    const client: MetricsClient = new CloudWatchClient({ region: 'eu-west-1' })
    expect(typeof client.send).toBe('function')
  })
})

describe('the account of a function named by ARN', () => {
  const window = { alias: 'live', versions: ['2', '1'] as const, startMs: 0, endMs: 300_000 }

  it('asks that account for the metrics, for every query', () => {
    const input = metricQueries({
      ...window,
      functionName: 'arn:aws:lambda:us-east-1:222222222222:function:api'
    })
    expect(new Set(input.MetricDataQueries?.map(q => q.AccountId))).toEqual(new Set(['222222222222']))
  })

  it('also for a partial ARN; two accounts with the same function name ask differently', () => {
    const a = metricQueries({ ...window, functionName: '111111111111:function:api' })
    const b = metricQueries({ ...window, functionName: '222222222222:function:api' })
    expect(a.MetricDataQueries?.[0]?.AccountId).toBe('111111111111')
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b))
  })

  it('a bare name leaves the account to the caller', () => {
    const input = metricQueries({ ...window, functionName: 'api' })
    expect(input.MetricDataQueries?.some(q => 'AccountId' in q)).toBe(false)
  })
})
