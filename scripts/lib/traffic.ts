// Invocation traffic for a rehearsal: calls each alias through the real SDK at a fixed rate while the
// action runs, and counts which version answered and whether it failed, as users' requests would find out.
// Everything the rehearsal needs from "traffic" goes through startTraffic(), so a traffic generator built
// into the emulator can replace this loop without touching the rest.
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda'

/** Above this the loop would measure the machine more than the rollout. */
export const MAX_RATE_PER_SECOND = 200
/** Requests still waiting for an answer beyond which a tick is skipped (a stalled endpoint). */
const MAX_IN_FLIGHT = 100

export interface TrafficTarget {
  functionName: string
  alias: string
}

export interface Invocation {
  functionName: string
  /** The version that ran (X-Amz-Executed-Version); undefined when the call itself failed. */
  version?: string
  /** FunctionError (Unhandled, …) or, when the call failed, the error's name. */
  error?: string
  /** The function's error message, or the call's. */
  message?: string
}

export interface TrafficOptions {
  lambda: LambdaClient
  targets: readonly TrafficTarget[]
  /** Invocations per second, per target. */
  ratePerSecond: number
  /** The loop stops by itself after this long, whatever else happens. */
  maxDurationMs: number
  onInvocation?: (i: Invocation) => void
}

export interface VersionCount {
  ok: number
  failed: number
  /** The first error message seen, to show what failed. */
  firstError?: string
}

export interface TrafficReport {
  sent: number
  /** function → version → counts; calls that got no function answer are under version "-". */
  byFunction: Record<string, Record<string, VersionCount>>
}

export interface Traffic {
  /** Stops sending, waits for the calls in flight, and reports. */
  stop(): Promise<TrafficReport>
}

export function startTraffic(opts: TrafficOptions): Traffic {
  const rate = Math.min(Math.max(opts.ratePerSecond, 0), MAX_RATE_PER_SECOND)
  const report: TrafficReport = { sent: 0, byFunction: {} }
  const inFlight = new Set<Promise<void>>()
  const count = (i: Invocation): void => {
    const versions = (report.byFunction[i.functionName] ??= {})
    const c = (versions[i.version ?? '-'] ??= { ok: 0, failed: 0 })
    if (i.error === undefined) c.ok++
    else {
      c.failed++
      c.firstError ??= `${i.error}${i.message ? `: ${i.message}` : ''}`
    }
    opts.onInvocation?.(i)
  }
  const invoke = (target: TrafficTarget): void => {
    if (inFlight.size >= MAX_IN_FLIGHT) return
    report.sent++
    const call = opts.lambda
      .send(
        new InvokeCommand({
          FunctionName: target.functionName,
          Qualifier: target.alias,
          Payload: new TextEncoder().encode(JSON.stringify({ rehearsal: report.sent }))
        })
      )
      .then(
        out => {
          const base = { functionName: target.functionName, version: out.ExecutedVersion }
          if (out.FunctionError === undefined) return count(base)
          let message: string | undefined
          try {
            message = (JSON.parse(new TextDecoder().decode(out.Payload)) as { errorMessage?: string })
              .errorMessage
          } catch {
            message = undefined
          }
          count({ ...base, error: out.FunctionError, message })
        },
        (error: Error) =>
          count({ functionName: target.functionName, error: error.name, message: error.message })
      )
      .finally(() => inFlight.delete(call))
    inFlight.add(call)
  }
  const timer =
    rate > 0 && opts.targets.length > 0
      ? setInterval(() => opts.targets.forEach(invoke), 1000 / rate)
      : undefined
  const limit = setTimeout(() => clearInterval(timer), opts.maxDurationMs)
  limit.unref()
  return {
    async stop(): Promise<TrafficReport> {
      clearInterval(timer)
      clearTimeout(limit)
      await Promise.allSettled([...inFlight])
      return report
    }
  }
}

/** One line per function: `my-fn:live  120 calls  v1 108 ok  v2 12 failed (Unhandled: …)`. */
export function describeTraffic(report: TrafficReport, targets: readonly TrafficTarget[]): string[] {
  return targets.map(t => {
    const versions = report.byFunction[t.functionName] ?? {}
    const total = Object.values(versions).reduce((n, c) => n + c.ok + c.failed, 0)
    const parts = Object.entries(versions)
      .sort(([a], [b]) => (a === '-' ? 1 : b === '-' ? -1 : Number(a) - Number(b)))
      .map(([v, c]) => {
        const why = c.firstError ? ` (${c.firstError})` : ''
        if (v === '-') return `${c.failed} calls failed${why}`
        const counts = [c.ok > 0 ? `${c.ok} ok` : '', c.failed > 0 ? `${c.failed} failed` : '']
          .filter(Boolean)
          .join(', ')
        return `v${v} ${counts}${why}`
      })
    return `${t.functionName}:${t.alias}  ${total} calls  ${parts.join('  ') || 'none'}`
  })
}
