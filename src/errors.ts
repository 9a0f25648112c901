// Every error the action reports, and the one function that turns any error into a line for the log.
import { logSafe } from './untrusted.js'

/** A bad input value: reported as one line naming the input, the value and what is allowed. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    readonly input: string,
    readonly value: string,
    readonly allowed: string
  ) {
    super(`${input} "${value}": ${allowed}`)
  }
}

/** A failure whose message is already fit for a person; no stack needed in the log. */
export class DeployError extends Error {
  override name = 'DeployError'
}

type StopKind = 'alarm' | 'cancelled' | 'timeout' | 'foreign-change' | 'step-failed' | 'analysis'

/** Why a rollout that had started moving traffic stopped short: each kind is reported differently. */
export class StopError extends Error {
  override name = 'StopError'
  constructor(
    readonly kind: StopKind,
    message: string
  ) {
    super(message)
  }
}

/** Throws the StopError a cancel or the timeout stands for, when `signal` has aborted. */
export function stopIfAborted(signal: AbortSignal): void {
  if (!signal.aborted) return
  const reason = String(signal.reason ?? 'cancelled')
  throw new StopError(reason.startsWith('timeout') ? 'timeout' : 'cancelled', reason)
}

/** Our own errors carry a finished sentence; anything else is named with its HTTP status when it has one. */
export function failureLine(error: unknown): string {
  if (error instanceof InputError || error instanceof DeployError || error instanceof StopError)
    return error.message
  return errorLine(error)
}

export function errorLine(error: unknown): string {
  // An AWS call's failure carries its own line (operation, resource, endpoint, what to check).
  const line = (error as { described?: unknown } | null)?.described
  if (typeof line === 'string') return line
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }
  const code = e?.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''
  // Anything else may carry a server's or a function's words: one safe, bounded line.
  return logSafe(`${e?.name ?? 'Error'}${code}: ${e?.message ?? String(error)}`, 500)
}
