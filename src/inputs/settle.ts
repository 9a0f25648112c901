// When a step's metrics can be judged, and how long a plan with judgements really takes. Pure.
//
// Lambda timestamps a metric when the invocation starts, sends it when the invocation ends (up to the
// function's timeout later), and CloudWatch shows it after its delivery lag (`metrics-delay`). Its
// datapoints are whole periods of the resolution (one minute for Lambda). So a step's window is the whole
// periods inside the step, and it is judged only once its last period can no longer change.
import type { PlanStep } from './plan.js'

export interface Settling {
  /** CloudWatch's delivery lag: the `metrics-delay` input. */
  delayMs: number
  /** The metrics' resolution: datapoints cover whole periods of it (60 s for Lambda's metrics). */
  resolutionMs: number
  /** The longest function timeout among the versions judged; 0 when not known yet. */
  functionTimeoutMs: number
}

export interface Window {
  startMs: number
  endMs: number
}

export const LAMBDA_RESOLUTION_MS = 60_000

const ceilTo = (ms: number, unit: number): number => Math.ceil(ms / unit) * unit

/**
 * The window a hold that began at `stepStart` is judged on: from the first whole period after the step
 * began (the period before it holds the previous step's traffic), for the hold rounded up to whole
 * periods and at least one. The hold is extended to cover it, never cut short.
 */
export function judgedWindow(stepStart: number, holdMs: number, resolutionMs: number): Window {
  const startMs = ceilTo(stepStart, resolutionMs)
  return { startMs, endMs: startMs + Math.max(resolutionMs, ceilTo(holdMs, resolutionMs)) }
}

/** The same window, longer by `moreMs` rounded up to whole periods (at least one). */
export function widened(w: Window, moreMs: number, resolutionMs: number): Window {
  return { startMs: w.startMs, endMs: w.endMs + Math.max(resolutionMs, ceilTo(moreMs, resolutionMs)) }
}

/** When the window's last period can no longer change: its end, the function's timeout, the lag. */
export function settledAt(w: Window, s: Settling): number {
  return w.endMs + s.functionTimeoutMs + s.delayMs
}

/**
 * The longest a judged hold of `holdMs` takes from the step's write to its judgement: up to one period to
 * the first whole one, the window, then the settle time.
 */
export function judgedHoldMs(holdMs: number, s: Settling): number {
  const window = judgedWindow(1, holdMs, s.resolutionMs)
  return s.resolutionMs + (window.endMs - window.startMs) + s.functionTimeoutMs + s.delayMs
}

/** What the plan needs, judgements' settle time included: every hold when `judged`, else the holds. */
export function planNeedsMs(plan: readonly PlanStep[], judged: boolean, s: Settling): number {
  return plan.reduce(
    (sum, step) =>
      sum + (judged && step.holdMs > 0 ? judgedHoldMs(step.holdMs, s) : Math.max(0, step.holdMs)),
    0
  )
}

/** How many judgements the plan makes per function. */
export function judgements(plan: readonly PlanStep[], judged: boolean): number {
  return judged ? plan.filter(step => step.holdMs > 0).length : 0
}
