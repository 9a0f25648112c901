// Small numeric and timing helpers shared by the scenarios.
import type { RequestLogEntry } from '../emulator/index.js'

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export const ms = (value: number): string => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a')
export const secs = (value: number): string =>
  Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : 'n/a'
export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

/** Polls `check` every 20 ms until it returns a value or `timeoutMs` passes (then throws `what`). */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => T | undefined): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const found = check()
    if (found !== undefined) return found
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(20)
  }
}

/** Requests per operation, e.g. { GetAlias: 1, UpdateAlias: 2 }, keys sorted so two maps compare as text. */
export function countByOperation(entries: readonly RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const e of [...entries].sort((a, b) => a.operation.localeCompare(b.operation)))
    counts[e.operation] = (counts[e.operation] ?? 0) + 1
  return counts
}

export const formatCounts = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([op, n]) => `${op}×${n}`)
    .join(' ')

/**
 * Lambda's control-plane quota (AWS Lambda quotas) covers every Lambda call except GetFunction (own
 * 100/s budget) and Invoke (data plane) — the same rule the emulator's `control-plane` rate limit applies.
 */
export const isControlPlane = (e: RequestLogEntry): boolean =>
  e.service === 'lambda' &&
  e.operation !== 'GetFunction' &&
  e.operation !== 'Invoke' &&
  e.operation !== 'Unknown'

type Weights = {
  FunctionVersion?: string
  RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> }
}

/** The routing an UpdateAlias asked for, as `v1+v2@0.1` or `v2`. */
export function requestedRouting(e: RequestLogEntry): string {
  const body = (e.request ?? {}) as Weights
  const split = Object.entries(body.RoutingConfig?.AdditionalVersionWeights ?? {})
  return `v${body.FunctionVersion ?? '?'}${split.map(([v, w]) => `+v${v}@${w}`).join('')}`
}

/** Answered UpdateAlias calls (the write landed and we know it), in arrival order. */
export const landedUpdates = (entries: readonly RequestLogEntry[]): RequestLogEntry[] =>
  entries.filter(e => e.operation === 'UpdateAlias' && e.status === 200).sort((a, b) => a.time - b.time)

/**
 * Round trips on the critical path: calls whose time on the wire overlaps count as one, so calls sent
 * together cost one round trip however many there are.
 */
export function roundTrips(entries: readonly RequestLogEntry[]): number {
  let trips = 0
  let until = -Infinity
  for (const e of [...entries].sort((a, b) => a.time - b.time)) {
    if (e.time >= until) trips++
    until = Math.max(until, e.endTime)
  }
  return trips
}
