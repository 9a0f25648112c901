// How hard each kind of call tries, named in one place. The SDK's own retries are off everywhere
// (`maxAttempts: 1` in its client options): these are the attempts of our one retry layer.
import type { Budget } from './api.js'

export const ATTEMPTS = {
  /** Main's calls to Lambda during a rollout. */
  rollout: 8,
  /** Main's rollback: putting the alias back is worth more attempts than moving it forward. */
  rollback: 20,
  /** The post step: the last chance to put the alias back, so harder than main. */
  post: 12,
  /** Reading alarms and metrics from CloudWatch. */
  cloudwatch: 5,
  /** One early attempt sent beside other reads; asked again with the whole budget if it failed. */
  early: 1
} as const

/** The post step has its own minute. */
const POST_BUDGET_MS = 60_000
/** One metrics read may take a minute, whatever the rollout's deadline. */
export const METRICS_BUDGET_MS = 60_000

/** Main's budget for a rollout's calls: up to its deadline, stopped by a cancel. */
export function rolloutBudget(deadline: number, signal: AbortSignal): Budget {
  return { deadline, maxAttempts: ATTEMPTS.rollout, signal }
}

/** Post's budget, from its own start. */
export function postBudget(now: number): Budget {
  return { deadline: now + POST_BUDGET_MS, maxAttempts: ATTEMPTS.post }
}

/** A single attempt within the same deadline and signal. */
export function earlyAttempt(budget: Budget): Budget {
  return { ...budget, maxAttempts: ATTEMPTS.early }
}
