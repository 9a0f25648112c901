// One evaluation of a metric alarm at time `at`, from the samples visible then (arrived at least
// `delayMs` before). CloudWatch evaluates every period (every minute for periods above a minute) over
// the EvaluationPeriods most recent periods; the window ends at the step boundary at or before
// `at - delayMs`, so a period is judged once its data has been delivered. Pure: no clock, no store.
import { firstAtOrAfter, type Series } from './metrics.js'
import type { Statistic } from './statistics.js'
import type { AlarmStateValue } from './types.js'

export type TreatMissingData = 'missing' | 'ignore' | 'breaching' | 'notBreaching'

export interface MetricAlarmSpec {
  namespace: string
  metricName: string
  dimensions: { Name: string; Value: string }[]
  statName: string
  stat: Statistic
  unit?: string
  periodMs: number
  evaluationPeriods: number
  datapointsToAlarm: number
  threshold: number
  operator: string
  treatMissingData: TreatMissingData
}

export interface Evaluation {
  state: AlarmStateValue | 'unchanged' // 'unchanged': TreatMissingData ignore with no data
  reason: string
  reasonData: string
}

const COMPARE: Record<string, { test: (v: number, t: number) => boolean; words: string }> = {
  GreaterThanOrEqualToThreshold: { test: (v, t) => v >= t, words: 'greater than or equal to' },
  GreaterThanThreshold: { test: (v, t) => v > t, words: 'greater than' },
  LessThanThreshold: { test: (v, t) => v < t, words: 'less than' },
  LessThanOrEqualToThreshold: { test: (v, t) => v <= t, words: 'less than or equal to' }
}

export const evaluableOperator = (operator: string): boolean => operator in COMPARE

// Evaluations happen at multiples of this step (epoch-aligned).
export const evaluationStep = (periodMs: number): number => Math.min(periodMs, 60000)

const num = (v: number): string => (Number.isInteger(v) ? v.toFixed(1) : String(v))
const stamp = (t: number): string => {
  const d = new Date(t).toISOString() // 2026-12-02T07:30:10.000Z → 02/12/26 07:30:10, as AWS prints it
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(2, 4)} ${d.slice(11, 19)}`
}

interface Point {
  start: number
  value?: number
  sampleCount: number
}

function datapoints(spec: MetricAlarmSpec, series: Series | undefined, at: number, delayMs: number): Point[] {
  const step = evaluationStep(spec.periodMs)
  const end = Math.floor((at - delayMs) / step) * step
  const points: Point[] = []
  for (let i = spec.evaluationPeriods; i >= 1; i--) {
    const start = end - i * spec.periodMs
    const samples: number[] = []
    if (series !== undefined && (spec.unit === undefined || spec.unit === series.unit)) {
      const to = firstAtOrAfter(series.times, start + spec.periodMs)
      for (let k = firstAtOrAfter(series.times, start); k < to; k++) {
        // Without a lag no time passes: a sample is visible once recorded (see get-metric-data.ts).
        if (delayMs === 0 ? series.times[k]! <= at : series.arrived[k]! + delayMs <= at) {
          samples.push(series.values[k]!)
        }
      }
    }
    points.push(
      samples.length === 0
        ? { start, sampleCount: 0 }
        : { start, value: spec.stat(samples), sampleCount: samples.length }
    )
  }
  return points
}

export function evaluateMetricAlarm(
  spec: MetricAlarmSpec,
  series: Series | undefined,
  at: number,
  delayMs: number
): Evaluation {
  const points = datapoints(spec, series, at, delayMs)
  const compare = COMPARE[spec.operator]!
  const present = points.filter(p => p.value !== undefined)
  const breaches = (p: Point): boolean =>
    p.value === undefined ? spec.treatMissingData === 'breaching' : compare.test(p.value, spec.threshold)
  const breaching = points.filter(breaches)
  const reasonData = JSON.stringify({
    version: '1.0',
    queryDate: new Date(at).toISOString(),
    startDate: new Date(points[0]!.start).toISOString(),
    statistic: spec.statName,
    period: spec.periodMs / 1000,
    recentDatapoints: present.map(p => p.value),
    threshold: spec.threshold,
    evaluatedDatapoints: present
      .slice()
      .reverse()
      .map(p => ({ timestamp: new Date(p.start).toISOString(), sampleCount: p.sampleCount, value: p.value }))
  })
  const fills = spec.treatMissingData === 'breaching' || spec.treatMissingData === 'notBreaching'
  if (present.length === 0 && !fills) {
    const n = points.length
    const reason = `Insufficient Data: ${n} datapoint${n === 1 ? ' was' : 's were'} unknown.`
    return {
      state: spec.treatMissingData === 'ignore' ? 'unchanged' : 'INSUFFICIENT_DATA',
      reason,
      reasonData
    }
  }
  const alarm = breaching.length >= spec.datapointsToAlarm
  const shown = (alarm ? breaching : present).filter(p => p.value !== undefined)
  const list = shown.map(p => `${num(p.value!)} (${stamp(p.start)})`).join(', ')
  const n = alarm ? breaching.length : present.length
  const what =
    points.length === 1
      ? `${n} datapoint [${list}] was`
      : `${n} out of the last ${points.length} datapoints [${list}] ${n === 1 ? 'was' : 'were'}`
  const minimum =
    points.length > 1 ? ` (minimum ${spec.datapointsToAlarm} datapoints for OK -> ALARM transition)` : ''
  const reason = `Threshold Crossed: ${what} ${alarm ? '' : 'not '}${compare.words} the threshold (${num(spec.threshold)})${alarm ? minimum : ''}.`
  return { state: alarm ? 'ALARM' : 'OK', reason, reasonData }
}
