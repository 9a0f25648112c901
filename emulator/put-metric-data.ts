// PutMetricData: custom metrics an alarm or GetMetricData can read. Each MetricDatum is Value, Values
// with Counts, or StatisticValues (kept as SampleCount samples whose Sum, Minimum and Maximum match:
// exact for Sum, SampleCount, Minimum, Maximum and Average, approximate for percentiles). The datapoint
// carries its Timestamp (default: now) and arrives now.
import { cwValidation, type ApiResponse } from './errors.js'
import type { MetricsContext } from './get-metric-data.js'

type Input = Record<string, unknown>

const isObject = (v: unknown): v is Input => typeof v === 'object' && v !== null && !Array.isArray(v)
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

function samples(d: Input, at: string): number[] {
  if (d.Value !== undefined && d.Value !== null) {
    if (!finite(d.Value)) throw cwValidation(`The value for parameter ${at}.Value is not a number.`)
    return [d.Value]
  }
  if (Array.isArray(d.Values)) {
    const counts = Array.isArray(d.Counts) ? d.Counts : d.Values.map(() => 1)
    if (counts.length !== d.Values.length) {
      throw cwValidation(`The parameters ${at}.Values and ${at}.Counts must be of the same size.`)
    }
    return d.Values.flatMap((v: unknown, i) => {
      const n = counts[i] as unknown
      if (!finite(v) || !finite(n) || n < 0) throw cwValidation(`${at}.Values and Counts must be numbers.`)
      return Array<number>(Math.round(n)).fill(v)
    })
  }
  if (isObject(d.StatisticValues)) {
    const { SampleCount: n, Sum: sum, Minimum: min, Maximum: max } = d.StatisticValues
    if (!finite(n) || !finite(sum) || !finite(min) || !finite(max) || n < 1) {
      throw cwValidation(`The parameter ${at}.StatisticValues needs SampleCount, Sum, Minimum and Maximum.`)
    }
    const count = Math.max(1, Math.round(n))
    if (count === 1) return [sum]
    if (count === 2) return [min, max]
    const rest = (sum - min - max) / (count - 2)
    return [min, max, ...Array<number>(count - 2).fill(rest)]
  }
  throw cwValidation(
    `At least one of the parameters ${at}.Value, Values or StatisticValues must be specified.`
  )
}

export function putMetricData(mc: MetricsContext, input: Input): ApiResponse {
  const namespace = input.Namespace
  if (typeof namespace !== 'string' || namespace.length < 1 || namespace.length > 255) {
    throw cwValidation('The parameter Namespace is required.')
  }
  if (namespace.startsWith('AWS/')) {
    throw cwValidation('The value AWS/ for parameter Namespace is invalid.')
  }
  const data = input.MetricData
  if (!Array.isArray(data) || data.length === 0 || data.length > 1000) {
    throw cwValidation('The parameter MetricData must hold between 1 and 1000 items.')
  }
  const now = mc.now()
  const parsed = data.map((d: unknown, i) => {
    const at = `MetricData.member.${i + 1}`
    if (!isObject(d) || typeof d.MetricName !== 'string' || d.MetricName === '') {
      throw cwValidation(`The parameter ${at}.MetricName is required.`)
    }
    const dims = (Array.isArray(d.Dimensions) ? d.Dimensions : []).map((x: unknown) => {
      if (!isObject(x) || typeof x.Name !== 'string' || typeof x.Value !== 'string') {
        throw cwValidation(`The parameter ${at}.Dimensions needs Name and Value.`)
      }
      return { Name: x.Name, Value: x.Value }
    })
    const time =
      d.Timestamp === undefined || d.Timestamp === null ? now : Math.round(Number(d.Timestamp) * 1000)
    if (!Number.isFinite(time)) throw cwValidation(`The parameter ${at}.Timestamp is not a timestamp.`)
    const unit = typeof d.Unit === 'string' ? d.Unit : 'None'
    return { name: d.MetricName, dims, values: samples(d, at), unit, time }
  })
  // All or nothing: every datum is checked before any is stored.
  for (const p of parsed) {
    for (const v of p.values) mc.metrics.record(namespace, p.name, p.dims, v, p.unit, p.time, now)
  }
  return { status: 200 }
}
