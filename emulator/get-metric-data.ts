// CloudWatch GetMetricData over the metric store: validation with CloudWatch's ValidationError messages,
// StartTime rounded down to the resolution, buckets of Period from there (empty ones left out), the
// ingestion delay, ScanBy, and MaxDatapoints paging with NextToken. Metric math is not supported.
import { cwError, cwValidation, type ApiResponse } from './errors.js'
import { firstAfter, firstAtOrAfter, type Dimension, type MetricStore, type Series } from './metrics.js'
import { parseStat, type Statistic } from './statistics.js'
import type { EmulatorSettings } from './types.js'

export interface MetricsContext {
  metrics: MetricStore
  settings: EmulatorSettings
  now(): number
}

type Input = Record<string, unknown>

interface Query {
  id: string
  label: string
  namespace: string
  metricName: string
  dimensions: Dimension[]
  periodMs: number
  stat: Statistic
  unit?: string
  returnData: boolean
}

interface Result {
  query: Query
  timestamps: number[] // epoch ms
  values: number[]
}

const MAX_QUERIES = 500
const DEFAULT_MAX_DATAPOINTS = 100800
const ID = /^[a-z][a-zA-Z0-9_]*$/
const SCAN_BY = ['TimestampDescending', 'TimestampAscending']

const isObject = (v: unknown): v is Input => typeof v === 'object' && v !== null && !Array.isArray(v)

// Model constraint failures read like every AWS JSON service's; the rest like CloudWatch's own checks.
const constraint = (value: unknown, field: string, rule: string): Error =>
  cwValidation(
    `1 validation error detected: Value '${typeof value === 'string' ? value : JSON.stringify(value)}' at '${field}' failed to satisfy constraint: ${rule}`
  )

function text(input: Input, key: string, field: string, required: boolean, max = 255): string | undefined {
  const value = input[key]
  if (value === undefined || value === null) {
    if (required) throw constraint(null, field, 'Member must not be null')
    return undefined
  }
  if (typeof value !== 'string' || value.length < 1 || value.length > max) {
    throw constraint(value, field, `Member must be a string of length between 1 and ${max}`)
  }
  return value
}

function dimensions(metric: Input, member: string): Dimension[] {
  const raw = metric.Dimensions ?? []
  const field = `${member}.metricStat.metric.dimensions`
  if (!Array.isArray(raw)) throw constraint(raw, field, 'Member must be a list')
  if (raw.length > 30) throw constraint(raw.length, field, 'Member must have length less than or equal to 30')
  return raw.map((d: unknown, i) => {
    const at = `${field}.${i + 1}.member`
    if (!isObject(d)) throw constraint(d, at, 'Member must be a structure')
    return { Name: text(d, 'Name', `${at}.name`, true)!, Value: text(d, 'Value', `${at}.value`, true, 1024)! }
  })
}

function query(raw: unknown, n: number, resolutionMs: number): Query {
  const member = `metricDataQueries.${n}.member`
  const param = `MetricDataQueries.member.${n}`
  if (!isObject(raw)) throw constraint(raw, member, 'Member must be a structure')
  const id = text(raw, 'Id', `${member}.id`, true)!
  if (!ID.test(id)) {
    throw cwValidation(
      `The value ${id} for parameter ${param}.Id is invalid: it must start with a lowercase letter and contain only letters, numbers and underscores.`
    )
  }
  if (raw.Expression !== undefined && raw.Expression !== null) {
    throw cwValidation(
      `${param}.Expression: metric math expressions are not supported by the emulator; query each metric with MetricStat.`
    )
  }
  const ms = raw.MetricStat
  if (!isObject(ms)) throw cwValidation(`The parameter ${param}.MetricStat is required.`)
  const metric = ms.Metric
  if (!isObject(metric)) throw constraint(null, `${member}.metricStat.metric`, 'Member must not be null')
  const period = ms.Period
  if (period === undefined || period === null) {
    throw constraint(null, `${member}.metricStat.period`, 'Member must not be null')
  }
  if (typeof period !== 'number' || !Number.isInteger(period) || period < 1) {
    throw constraint(
      period,
      `${member}.metricStat.period`,
      'Member must have value greater than or equal to 1'
    )
  }
  if ((period * 1000) % resolutionMs !== 0) {
    const unit = resolutionMs % 1000 === 0 ? `${resolutionMs / 1000}` : `${resolutionMs / 1000} seconds`
    throw cwValidation(`The parameter ${param}.MetricStat.Period must be a multiple of ${unit}.`)
  }
  const statName = text(ms, 'Stat', `${member}.metricStat.stat`, true)!
  const parsed = parseStat(statName)
  if ('error' in parsed) {
    throw cwValidation(
      parsed.error === 'invalid'
        ? `The value ${statName} for parameter ${param}.MetricStat.Stat is not a valid statistic.`
        : `The value ${statName} for parameter ${param}.MetricStat.Stat is not supported by the emulator (Sum, SampleCount, Average, Minimum, Maximum and pNN are).`
    )
  }
  const returnData = raw.ReturnData
  if (returnData !== undefined && returnData !== null && typeof returnData !== 'boolean') {
    throw constraint(returnData, `${member}.returnData`, 'Member must be a boolean')
  }
  const metricName = text(metric, 'MetricName', `${member}.metricStat.metric.metricName`, true)!
  const unit = text(ms, 'Unit', `${member}.metricStat.unit`, false)
  return {
    id,
    label: text(raw, 'Label', `${member}.label`, false, 2048) ?? metricName,
    namespace: text(metric, 'Namespace', `${member}.metricStat.metric.namespace`, true)!,
    metricName,
    dimensions: dimensions(metric, member),
    periodMs: period * 1000,
    stat: parsed.stat,
    ...(unit !== undefined && { unit }),
    returnData: returnData !== false
  }
}

function epochMs(input: Input, key: 'StartTime' | 'EndTime'): number {
  const value = input[key]
  const field = key[0]!.toLowerCase() + key.slice(1)
  if (value === undefined || value === null) throw constraint(null, field, 'Member must not be null')
  // AWS JSON 1.0 sends timestamps as epoch seconds.
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw constraint(value, field, 'Member must be a timestamp in epoch seconds')
  }
  return Math.round(value * 1000)
}

// Non-empty buckets of `period` from `start`, for samples in [start, end) that are old enough to be seen.
function buckets(
  series: Series,
  q: Query,
  start: number,
  end: number,
  visibleUntil: number,
  lagged: boolean
): Result {
  const out: Result = { query: q, timestamps: [], values: [] }
  const from = firstAtOrAfter(series.times, start)
  // Without a lag (the fast profile) no time passes: a sample is visible once recorded. With one, it is
  // visible the lag after it arrived (the invocation's end), and never before its timestamp plus the lag.
  const to = Math.min(firstAtOrAfter(series.times, end), firstAfter(series.times, visibleUntil))
  let bucket = -1
  let samples: number[] = []
  const flush = (): void => {
    if (samples.length === 0) return
    out.timestamps.push(start + bucket * q.periodMs)
    out.values.push(q.stat(samples))
    samples = []
  }
  for (let i = from; i < to; i++) {
    if (lagged && series.arrived[i]! > visibleUntil) continue
    const b = Math.floor((series.times[i]! - start) / q.periodMs)
    if (b !== bucket) {
      flush()
      bucket = b
    }
    samples.push(series.values[i]!)
  }
  flush()
  return out
}

export function getMetricData(mc: MetricsContext, input: Input): ApiResponse {
  const raw = input.MetricDataQueries
  if (raw === undefined || raw === null)
    throw constraint(null, 'metricDataQueries', 'Member must not be null')
  if (!Array.isArray(raw)) throw constraint(raw, 'metricDataQueries', 'Member must be a list')
  if (raw.length > MAX_QUERIES) {
    throw cwValidation(`The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`)
  }
  const resolutionMs = mc.settings.metricsResolutionMs
  const queries = raw.map((q: unknown, i) => query(q, i + 1, resolutionMs))
  const seen = new Set<string>()
  queries.forEach((q, i) => {
    if (seen.has(q.id)) {
      throw cwValidation(
        `The value ${q.id} for parameter MetricDataQueries.member.${i + 1}.Id is duplicated.`
      )
    }
    seen.add(q.id)
  })
  const startMs = epochMs(input, 'StartTime')
  const endMs = epochMs(input, 'EndTime')
  if (startMs === endMs) throw cwValidation('The parameter StartTime must not equal parameter EndTime.')
  if (startMs > endMs) throw cwValidation('The parameter StartTime must be less than the parameter EndTime.')
  const scanBy = input.ScanBy ?? 'TimestampDescending'
  if (typeof scanBy !== 'string' || !SCAN_BY.includes(scanBy)) {
    throw constraint(scanBy, 'scanBy', `Member must satisfy enum value set: [${SCAN_BY.join(', ')}]`)
  }
  const max = input.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) {
    throw constraint(max, 'maxDatapoints', 'Member must have value greater than or equal to 1')
  }
  const token = input.NextToken
  const offset = token === undefined || token === null ? 0 : Number(token)
  if (!Number.isInteger(offset) || offset < 0) {
    throw cwError(400, 'InvalidNextToken', 'InvalidNextToken', 'The service returned an invalid next token.')
  }

  const start = Math.floor(startMs / resolutionMs) * resolutionMs
  const visibleUntil = mc.now() - mc.settings.metricsDelayMs
  const results = queries
    .filter(q => q.returnData)
    .map(q => {
      const series = mc.metrics.find(q.namespace, q.metricName, q.dimensions)
      if (series === undefined || (q.unit !== undefined && q.unit !== series.unit)) {
        return { query: q, timestamps: [], values: [] }
      }
      const r = buckets(series, q, start, endMs, visibleUntil, mc.settings.metricsDelayMs > 0)
      if (scanBy === 'TimestampDescending') {
        r.timestamps.reverse()
        r.values.reverse()
      }
      return r
    })
  return { status: 200, json: page(results, offset, max) }
}

// One page of MaxDatapoints across all results, in query order; the token is the offset of the next one.
function page(results: Result[], offset: number, max: number): Record<string, unknown> {
  let position = 0
  const out = results.map(r => {
    const from = Math.min(Math.max(offset - position, 0), r.timestamps.length)
    const to = Math.min(Math.max(offset + max - position, 0), r.timestamps.length)
    position += r.timestamps.length
    return {
      Id: r.query.id,
      Label: r.query.label,
      Timestamps: r.timestamps.slice(from, to).map(t => t / 1000),
      Values: r.values.slice(from, to),
      StatusCode: to < r.timestamps.length ? 'PartialData' : 'Complete'
    }
  })
  const next = offset + max < position ? String(offset + max) : undefined
  return { MetricDataResults: out, Messages: [], ...(next !== undefined && { NextToken: next }) }
}
