// metrics-delay, the metrics' resolution, and the check that the plan (every judgement's settle time
// included) fits `timeout`. Pure.
import { InputError } from '../errors.js'
import { judgements, LAMBDA_RESOLUTION_MS, planNeedsMs, type Settling } from './settle.js'
import { formatDuration, parseDuration } from './duration.js'
import type { PlanStep } from './plan.js'

/**
 * Lambda sends its metrics to CloudWatch at one-minute intervals (AWS Lambda Developer Guide, "Using
 * CloudWatch metrics with Lambda"): a minute's datapoint may arrive a minute after it closed, and
 * CloudWatch ingests it after that. Two minutes covers both.
 */
export const DEFAULT_METRICS_DELAY = '2m'

export function parseMetricsDelay(value: string): number {
  const ms = parseDuration('metrics-delay', value || DEFAULT_METRICS_DELAY)
  if (ms > 3_600_000)
    throw new InputError('metrics-delay', value, 'expected at most 1h, such as 2m (0 for no delay)')
  return ms
}

/**
 * Lambda's metrics have one-minute resolution. An emulator that keeps finer metrics may say so with
 * LAMBDA_PROMOTE_METRICS_RESOLUTION (whole seconds), so that its windows need not be whole minutes.
 */
export function metricsResolution(env: Record<string, string | undefined>): number {
  const value = env.LAMBDA_PROMOTE_METRICS_RESOLUTION ?? ''
  if (value === '') return LAMBDA_RESOLUTION_MS
  const ms = parseDuration('LAMBDA_PROMOTE_METRICS_RESOLUTION', value)
  if (ms <= 0 || ms % 1000 !== 0 || ms > LAMBDA_RESOLUTION_MS)
    throw new InputError(
      'LAMBDA_PROMOTE_METRICS_RESOLUTION',
      value,
      'expected whole seconds from 1s to 1m (CloudWatch periods are whole seconds)'
    )
  return ms
}

/**
 * Why `timeout` cannot hold the plan, or null when it can. With judgements, each waits for its window's
 * last period to settle: that time is part of the schedule, not something the deadline may cut.
 */
export function scheduleRefusal(
  plan: readonly PlanStep[],
  judged: boolean,
  s: Settling,
  timeoutMs: number
): string | null {
  const needs = planNeedsMs(plan, judged, s)
  if (needs < timeoutMs) return null
  const n = judgements(plan, judged)
  if (n === 0)
    return `shorter than the rollout's schedule of ${formatDuration(needs)} (steps plus bake-time); raise timeout or shorten the schedule`
  const fnTimeout =
    s.functionTimeoutMs > 0 ? ` plus the function's timeout ${formatDuration(s.functionTimeoutMs)}` : ''
  return (
    `shorter than the ${formatDuration(needs)} the plan needs: steps plus bake-time, and for each of its ${n} ` +
    `judgement${n === 1 ? '' : 's'} up to ${formatDuration(s.resolutionMs)} to the next whole ${s.resolutionMs === LAMBDA_RESOLUTION_MS ? 'minute' : 'period'}, ` +
    `metrics-delay ${formatDuration(s.delayMs)}${fnTimeout} for its metrics to settle; raise timeout or shorten the schedule`
  )
}
