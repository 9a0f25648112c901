import type { Clock, Random } from '../clock.js'
import type { Budget } from './api.js'

export interface RetryPolicy {
  /** Stop retrying once the clock passes this (epoch ms). */
  deadline: number
  /** Upper bound on attempts, whatever the deadline. */
  maxAttempts: number
  /** Which errors are worth another attempt. */
  retryable: (error: unknown) => boolean
  /** Stop waiting between attempts when this aborts. */
  signal?: AbortSignal
  baseDelayMs?: number
  maxDelayMs?: number
  /** Jitter source; Math.random unless a test pins it. */
  random?: Random
}

/** The HTTP status an SDK error carries; undefined when no answer came (a network fault). */
export const httpStatus = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode

const errorName = (error: unknown): string => (error as { name?: string })?.name ?? ''

/** 409 "update in progress" and 429 throttling: Lambda says "not now", so waiting is the fix. */
export function isBusy(error: unknown): boolean {
  const name = errorName(error)
  if (name === 'TooManyRequestsException' || name === 'ThrottlingException' || httpStatus(error) === 429)
    return true
  if (name === 'ResourceConflictException') {
    return /update is in progress|cannot be performed at this time/i.test(String((error as Error).message))
  }
  return false
}

/** Busy, or a fault on the way (5xx, connection reset, timeout): the SDK already retried these a few times. */
export function isTransient(error: unknown): boolean {
  if (isBusy(error)) return true
  const code = httpStatus(error)
  if (code !== undefined && code >= 500) return true
  const name = errorName(error)
  const sysCode = (error as { code?: string })?.code ?? ''
  return (
    code === undefined &&
    /TimeoutError|ECONNRESET|EPIPE|ECONNREFUSED|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|socket hang up|RequestTimeout|NetworkingError/i.test(
      `${name} ${sysCode} ${(error as Error)?.message ?? ''}`
    )
  )
}

/**
 * Throttling and "update in progress" are Lambda asking us to wait: the whole budget. Any other fault is
 * tried at most 6 times, and a refused connection (nothing listening) 3 times, so that a wrong endpoint
 * fails in seconds, not after the timeout.
 */
function attemptsFor(error: unknown, maxAttempts: number): number {
  if (isBusy(error)) return maxAttempts
  const refused = /ECONNREFUSED/.test(
    `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`
  )
  return Math.min(maxAttempts, refused ? 3 : 6)
}

/**
 * A call's budget as a retry policy: errors `worth` another attempt are retried until the budget is
 * spent, and none once its signal has aborted.
 */
export function policyFor(
  budget: Budget,
  random?: Random,
  worth: (error: unknown) => boolean = isTransient
): RetryPolicy {
  return {
    ...budget,
    retryable: error => worth(error) && !budget.signal?.aborted,
    ...(random ? { random } : {})
  }
}

/** Runs `operation` until it succeeds, fails for good, or the policy's budget is spent. */
export async function withRetry<T>(
  clock: Clock,
  policy: RetryPolicy,
  operation: () => Promise<T>
): Promise<T> {
  const base = policy.baseDelayMs ?? 200
  const cap = policy.maxDelayMs ?? 5000
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation()
    } catch (error) {
      if (attempt >= attemptsFor(error, policy.maxAttempts) || !policy.retryable(error)) throw error
      const retryAfter = retryAfterMs(error)
      const backoff = Math.min(cap, base * 2 ** (attempt - 1))
      // Full jitter keeps many functions in lockstep from retrying in one burst.
      const delay = Math.max(retryAfter ?? 0, backoff / 2 + (policy.random ?? Math.random)() * (backoff / 2))
      if (clock.now() + delay > policy.deadline) throw error
      if (policy.signal?.aborted) throw error
      await clock.sleep(delay, policy.signal)
    }
  }
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { $response?: { headers?: Record<string, string> } })?.$response?.headers
  const value = headers?.['retry-after']
  const seconds = value === undefined ? NaN : Number(value)
  return Number.isFinite(seconds) ? Math.min(seconds * 1000, 10_000) : undefined
}
