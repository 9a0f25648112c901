// CloudWatch metric storage and the metrics Lambda publishes per invocation. Raw samples are kept (not
// per-minute aggregates) so any Period and any percentile can be answered exactly, whatever the bucket
// resolution is set to at query time. A series is one namespace + metric name + exact dimension set.

export interface Dimension {
  Name: string
  Value: string
}

export interface Series {
  unit: string
  times: number[] // epoch ms, ascending: the datapoint's timestamp
  values: number[]
  // When each sample reached CloudWatch (epoch ms): the end of the invocation for Lambda's metrics, the
  // arrival of the call for PutMetricData. A sample is visible metricsDelayMs after this.
  arrived: number[]
}

export const LAMBDA_NAMESPACE = 'AWS/Lambda'

// Dimensions are a set: their order in a request does not matter, their names and values do.
function seriesKey(namespace: string, metricName: string, dimensions: Dimension[]): string {
  const dims = dimensions.map(d => [d.Name, d.Value]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
  return JSON.stringify([namespace, metricName, dims])
}

// Binary searches over a sorted time column: the first index at or after t, and the first after t.
function search(times: number[], t: number, strict: boolean): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const x = times[mid]!
    if (x < t || (strict && x === t)) lo = mid + 1
    else hi = mid
  }
  return lo
}
export const firstAtOrAfter = (times: number[], t: number): number => search(times, t, false)
export const firstAfter = (times: number[], t: number): number => search(times, t, true)

export class MetricStore {
  private readonly series = new Map<string, Series>()

  record(
    namespace: string,
    metricName: string,
    dimensions: Dimension[],
    value: number,
    unit: string,
    time: number,
    arrived = time
  ): void {
    const key = seriesKey(namespace, metricName, dimensions)
    let s = this.series.get(key)
    if (s === undefined) {
      s = { unit, times: [], values: [], arrived: [] }
      this.series.set(key, s)
    }
    const last = s.times.at(-1)
    if (last === undefined || time >= last) {
      s.times.push(time)
      s.values.push(value)
      s.arrived.push(arrived)
    } else {
      // Only an injected clock that was set back gets here: keep the series sorted.
      const at = firstAfter(s.times, time)
      s.times.splice(at, 0, time)
      s.values.splice(at, 0, value)
      s.arrived.splice(at, 0, arrived)
    }
  }

  // Exact match on the full dimension set, as CloudWatch does: a subset or superset is another metric.
  find(namespace: string, metricName: string, dimensions: Dimension[]): Series | undefined {
    return this.series.get(seriesKey(namespace, metricName, dimensions))
  }

  clear(): void {
    this.series.clear()
  }
}

export interface InvocationRecord {
  functionName: string
  resource?: string // `fn:alias` or `fn:version` when invoked through a qualifier
  executedVersion?: string // the version that ran, for alias invocations
  error: boolean
  durationMs: number
  time: number // the start of the invocation: the datapoint's timestamp
}

// The dimension sets Lambda publishes: {FunctionName}, {FunctionName, Resource} for qualified invocations
// and {FunctionName, Resource, ExecutedVersion} for alias invocations. Errors is published for every
// invocation (0 or 1), so its Average is the error rate and its SampleCount the invocation count; so is
// Throttles (0). Samples carry the invocation's start and arrive when it ends.
export function recordInvocation(store: MetricStore, inv: InvocationRecord): void {
  const ended = inv.time + inv.durationMs
  for (const dims of dimensionSets(inv.functionName, inv.resource, inv.executedVersion)) {
    store.record(LAMBDA_NAMESPACE, 'Invocations', dims, 1, 'Count', inv.time, ended)
    store.record(LAMBDA_NAMESPACE, 'Errors', dims, inv.error ? 1 : 0, 'Count', inv.time, ended)
    store.record(LAMBDA_NAMESPACE, 'Throttles', dims, 0, 'Count', inv.time, ended)
    store.record(LAMBDA_NAMESPACE, 'Duration', dims, inv.durationMs, 'Milliseconds', inv.time, ended)
  }
}

// A throttled Invoke never runs: Throttles 1 and nothing else (Invocations counts only what ran). No
// version was chosen, so there is no ExecutedVersion set.
export function recordThrottle(
  store: MetricStore,
  functionName: string,
  resource: string | undefined,
  time: number
): void {
  for (const dims of dimensionSets(functionName, resource, undefined)) {
    store.record(LAMBDA_NAMESPACE, 'Throttles', dims, 1, 'Count', time)
  }
}

export function dimensionSets(
  functionName: string,
  resource?: string,
  executedVersion?: string
): Dimension[][] {
  const fn = { Name: 'FunctionName', Value: functionName }
  const sets: Dimension[][] = [[fn]]
  if (resource !== undefined) {
    const res = { Name: 'Resource', Value: resource }
    sets.push([fn, res])
    if (executedVersion !== undefined)
      sets.push([fn, res, { Name: 'ExecutedVersion', Value: executedVersion }])
  }
  return sets
}
