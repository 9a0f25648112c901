import {
  GetMetricDataCommand,
  type CloudWatchClient,
  type GetMetricDataCommandInput,
  type GetMetricDataCommandOutput,
  type MetricDataQuery,
  type MetricDataResult
} from '@aws-sdk/client-cloudwatch'
import type { Clock } from '../clock.js'
import { DeployError } from '../errors.js'
import { ATTEMPTS, METRICS_BUDGET_MS } from './budgets.js'
import { policyFor, withRetry } from './retry.js'
import { cloudwatchClient, type CloudWatchOptions } from './cloudwatch.js'
import { described } from './sdk-options.js'
import type { FigureWindow, TailPoint, VersionMetrics, WindowFigures } from './api.js'

/**
 * Per-version Lambda metrics for one window, in ONE GetMetricData request: Invocations, Errors, Duration
 * p99, the Duration percentiles around it and its sample count for the new and the old version behind an alias. Lambda publishes these
 * per alias and executed version under the dimensions FunctionName, Resource (`fn:alias`), ExecutedVersion.
 */

const ROLES = ['new', 'old'] as const
type Role = (typeof ROLES)[number]

/** What each query asks for; ids are `<role>_<key>`, which meets CloudWatch's rule (lowercase letter first). */
const SERIES = [
  { key: 'invocations', metric: 'Invocations', stat: 'Sum' },
  { key: 'errors', metric: 'Errors', stat: 'Sum' },
  { key: 'p99', metric: 'Duration', stat: 'p99' },
  { key: 'samples', metric: 'Duration', stat: 'SampleCount' }
] as const

/**
 * Percentiles that bound p99, in tenths: dense next to 99, where the bounds fall at high traffic, and
 * sparser below, where they fall at a few hundred samples; 1000 is the Maximum. 99 is the p99 series.
 */
const TAIL_TENTHS = [950, 960, 970, 975, 980, 985, 988, 989, 991, 992, 993, 995, 997, 998, 999, 1000]
const TAIL = TAIL_TENTHS.map(t => ({
  key: `t${t}` as const,
  metric: 'Duration',
  stat: t === 1000 ? 'Maximum' : `p${t / 10}`,
  pct: t / 10
}))
type SeriesKey = (typeof SERIES)[number]['key'] | (typeof TAIL)[number]['key']

/** The tail as read back, ascending: every point of the grid, with p99 from its own series. */
const TAIL_POINTS: { pct: number; key: SeriesKey }[] = [...TAIL, { pct: 99, key: 'p99' as const }].sort(
  (x, y) => x.pct - y.pct
)

const MINUTE_MS = 60_000

/** The account an ARN or partial ARN names, if any. */
function accountOf(nameOrArn: string): string | undefined {
  return /^(?:arn:[^:]+:lambda:[^:]*:)?(\d{12}):function:/.exec(nameOrArn)?.[1]
}

/** The function's bare name: the FunctionName dimension never holds an ARN. */
export function bareFunctionName(nameOrArn: string): string {
  return /(?:^|:)function:([^:]+)/.exec(nameOrArn)?.[1] ?? nameOrArn
}

/**
 * The GetMetricData request for a window. CloudWatch rounds StartTime down to the resolution (the whole
 * minute for Lambda's metrics) and a datapoint covers its whole period: the engine asks for windows of
 * whole periods, so that the one datapoint per series (the default Period is the window) holds exactly
 * the invocations that started inside the window, none from before or after it.
 */
export function metricQueries(w: FigureWindow): GetMetricDataCommandInput {
  if (!(Number.isFinite(w.startMs) && Number.isFinite(w.endMs) && w.endMs > w.startMs))
    throw new RangeError(`metric window ${w.startMs}..${w.endMs} is empty or not a time range`)
  const unit = w.resolutionMs ?? MINUTE_MS
  if (
    w.periodSec !== undefined &&
    !(Number.isSafeInteger(w.periodSec) && w.periodSec > 0 && (w.periodSec * 1000) % unit === 0)
  )
    throw new RangeError(
      `periodSec ${w.periodSec}: the metrics have a resolution of ${unit / 1000} s; use a multiple of it`
    )
  const start = Math.floor(w.startMs / unit) * unit
  const period = w.periodSec ?? (Math.ceil((w.endMs - start) / unit) * unit) / 1000
  const name = bareFunctionName(w.functionName)
  const account = accountOf(w.functionName)
  const queries: MetricDataQuery[] = []
  ROLES.forEach((role, i) => {
    const dimensions = [
      { Name: 'FunctionName', Value: name },
      { Name: 'Resource', Value: `${name}:${w.alias}` },
      { Name: 'ExecutedVersion', Value: w.versions[i] }
    ]
    for (const s of [...SERIES, ...TAIL])
      queries.push({
        // A function named by ARN may live in another account: its metrics are asked of that account
        // (CloudWatch refuses when this one may not read them, and the analysis then fails safe).
        ...(account ? { AccountId: account } : {}),
        Id: `${role}_${s.key}`,
        MetricStat: {
          Metric: { Namespace: 'AWS/Lambda', MetricName: s.metric, Dimensions: dimensions },
          Period: period,
          Stat: s.stat
        },
        ReturnData: true
      })
  })
  return { MetricDataQueries: queries, StartTime: new Date(start), EndTime: new Date(w.endMs) }
}

/**
 * Per-version figures from a (complete, all pages merged) GetMetricData output. Counts are summed over
 * datapoints. p99 over several datapoints is their maximum: if no part of the window has more than 1%
 * of its samples above M, neither has the whole, so the maximum bounds the window's p99 from above
 * (strict for the new version, lenient for the old); tail points keep both the minimum and the maximum.
 * With the default Period there is one datapoint, so the figures are exact.
 */
export function readFigures(
  output: Pick<GetMetricDataCommandOutput, 'MetricDataResults'>,
  versions: readonly [string, string]
): WindowFigures {
  const byId = new Map<string, MetricDataResult>()
  for (const r of output.MetricDataResults ?? []) {
    if (r.StatusCode === 'Forbidden' || r.StatusCode === 'InternalError') {
      const why = (r.Messages ?? []).map(m => m.Value ?? m.Code).join('; ')
      throw new DeployError(
        r.StatusCode === 'Forbidden'
          ? `CloudWatch refused the metrics for canary analysis (${r.Id}): allow cloudwatch:GetMetricData${why ? `; ${why}` : ''}`
          : `CloudWatch could not compute the metrics for canary analysis (${r.Id})${why ? `: ${why}` : ''}`
      )
    }
    if (r.Id) byId.set(r.Id, r)
  }
  const values = (role: Role, key: SeriesKey): number[] => {
    const r = byId.get(`${role}_${key}`)
    // A missing series would read as "no errors": refuse rather than pass on nothing.
    if (!r)
      throw new DeployError(
        `CloudWatch returned no ${key} series for version ${versions[ROLES.indexOf(role)]}`
      )
    return (r.Values ?? []).filter(v => Number.isFinite(v))
  }
  const sum = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0))
  const figures = (role: Role, version: string): VersionMetrics => {
    const p99 = values(role, 'p99')
    const tail: TailPoint[] = []
    for (const { pct, key } of TAIL_POINTS) {
      const v = values(role, key)
      if (v.length > 0) tail.push({ pct, lowMs: Math.min(...v), highMs: Math.max(...v) })
    }
    return {
      version,
      invocations: sum(values(role, 'invocations')),
      errors: sum(values(role, 'errors')),
      p99Ms: p99.length > 0 ? Math.max(...p99) : undefined,
      durationSamples: sum(values(role, 'samples')),
      tail
    }
  }
  return { new: figures('new', versions[0]), old: figures('old', versions[1]) }
}

/** The part of a CloudWatch client this module uses; CloudWatchClient fits. */
export interface MetricsClient {
  send(
    command: GetMetricDataCommand,
    options?: { abortSignal?: AbortSignal }
  ): Promise<GetMetricDataCommandOutput>
}

/** A bound on pages, so a service that keeps returning NextToken cannot hold the rollout forever. */
export const MAX_PAGES = 50

/** Sends the window's request, follows NextToken and reads the figures. Retrying is the caller's job. */
export async function fetchVersionFigures(
  client: MetricsClient,
  w: FigureWindow,
  signal?: AbortSignal
): Promise<WindowFigures> {
  const input = metricQueries(w)
  const merged = new Map<string, MetricDataResult>()
  let token: string | undefined
  let pages = 0
  do {
    if (pages++ === MAX_PAGES)
      throw new DeployError(`CloudWatch GetMetricData still paging after ${MAX_PAGES} pages`)
    const command = new GetMetricDataCommand({ ...input, ...(token ? { NextToken: token } : {}) })
    const out = await client.send(command, signal ? { abortSignal: signal } : undefined)
    for (const r of out.MetricDataResults ?? []) merge(merged, r)
    token = out.NextToken
  } while (token)
  return readFigures({ MetricDataResults: [...merged.values()] }, w.versions)
}

/** Pages carry further datapoints of the same series: concatenate; a failure status on any page wins. */
function merge(into: Map<string, MetricDataResult>, r: MetricDataResult): void {
  const id = r.Id ?? ''
  const seen = into.get(id)
  if (!seen) {
    into.set(id, { ...r, Values: [...(r.Values ?? [])], Timestamps: [...(r.Timestamps ?? [])] })
    return
  }
  seen.Values = [...(seen.Values ?? []), ...(r.Values ?? [])]
  seen.Timestamps = [...(seen.Timestamps ?? []), ...(r.Timestamps ?? [])]
  seen.Messages = [...(seen.Messages ?? []), ...(r.Messages ?? [])]
  const failed = (s: MetricDataResult['StatusCode']): boolean => s === 'Forbidden' || s === 'InternalError'
  if (!failed(seen.StatusCode)) seen.StatusCode = r.StatusCode
}

/** The metrics source the rollout uses: one CloudWatch client, our one retry layer around each window. */
export class CloudWatchMetrics {
  private readonly client: CloudWatchClient

  constructor(
    private readonly options: CloudWatchOptions,
    private readonly clock: Clock
  ) {
    this.client = cloudwatchClient(options)
  }

  figures(w: FigureWindow, signal?: AbortSignal): Promise<WindowFigures> {
    return withRetry(
      this.clock,
      policyFor({
        deadline: this.clock.now() + METRICS_BUDGET_MS,
        maxAttempts: ATTEMPTS.cloudwatch,
        ...(signal ? { signal } : {})
      }),
      () => fetchVersionFigures(this.client, w, signal)
    ).catch(error => {
      throw described(error, {
        operation: 'GetMetricData',
        resource: `${w.functionName}:${w.alias}`,
        service: 'CloudWatch',
        endpoint: this.options.endpoint,
        endpointSource: this.options.endpointSource ?? null
      })
    })
  }

  destroy(): void {
    this.client.destroy()
  }
}
