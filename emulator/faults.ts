// Fault injection: per-operation rules (latency, 429, 500, dropped connection, optionally for the next N
// matching requests only) and a sliding-window request-rate limit like Lambda's control plane.
import type { Random } from './random.js'
import type { FaultKind, FaultRule, Faults, RateLimitScope } from './types.js'

export interface FaultDecision {
  latencyMs: number
  answerLatencyMs?: number // after the operation ran, before its answer is sent
  outcome?: 'throttle' | 'error' | 'drop' | 'lost-response' | 'rate-limit' | 'deny'
  principal?: string // for 'deny': the caller named in the message, when the rule sets one
}

// Lambda's quotas: GetFunction has its own 100 req/s budget and Invoke is data plane; every other
// Lambda call shares the control-plane limit (15 req/s per account and region).
const OUTSIDE_CONTROL_PLANE = new Set(['GetFunction', 'Invoke'])

interface ActiveRule {
  rule: FaultRule
  operations?: Set<string>
  remaining: number // Infinity unless `times` was given
}

export class FaultController implements Faults {
  private rules: ActiveRule[] = []
  private limit: { perSecond: number; scope: RateLimitScope } | null = null
  private accepted: number[] = [] // arrival times of requests admitted under the rate limit

  constructor(private random: Random) {}

  // For admin reset: the draws start over as after a fresh start.
  reseed(random: Random): void {
    this.random = random
  }

  add(rule: FaultRule): void {
    const ops = rule.operation === undefined ? undefined : [rule.operation].flat()
    for (const key of ['throttleRate', 'errorRate', 'dropRate', 'lostResponseRate'] as const) {
      const rate = rule[key]
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new RangeError(`${key} must be within 0..1`)
    }
    this.rules.push({
      rule: { ...rule },
      ...(ops !== undefined && { operations: new Set(ops) }),
      remaining: rule.times ?? Infinity
    })
  }

  clear(): void {
    this.rules = []
    this.limit = null
    this.accepted = []
  }

  setRateLimit(perSecond: number | null, scope: RateLimitScope = 'control-plane'): void {
    if (perSecond !== null && !(perSecond > 0))
      throw new RangeError('rate limit must be a positive number or null')
    this.limit = perSecond === null ? null : { perSecond, scope }
    this.accepted = []
  }

  // Decided once per request, at arrival, before the operation runs.
  decide(service: string, operation: string, now: number): FaultDecision {
    if (this.limit !== null && this.limited(service, operation)) {
      this.accepted = this.accepted.filter(t => t > now - 1000)
      if (this.accepted.length >= this.limit.perSecond) return { latencyMs: 0, outcome: 'rate-limit' }
      this.accepted.push(now)
    }
    const decision: FaultDecision = { latencyMs: 0 }
    for (const active of this.rules) {
      if (active.operations !== undefined && !active.operations.has(operation)) continue
      active.remaining -= 1
      const { rule } = active
      decision.latencyMs += rule.latencyMs ?? 0
      if (rule.answerLatencyMs !== undefined)
        decision.answerLatencyMs = (decision.answerLatencyMs ?? 0) + rule.answerLatencyMs
      if (decision.outcome !== undefined) continue
      if (rule.deny === true) {
        decision.outcome = 'deny'
        if (rule.principal !== undefined) decision.principal = rule.principal
      } else if (rule.dropRate !== undefined && this.random() < rule.dropRate) decision.outcome = 'drop'
      else if (rule.lostResponseRate !== undefined && this.random() < rule.lostResponseRate)
        decision.outcome = 'lost-response'
      else if (rule.throttleRate !== undefined && this.random() < rule.throttleRate)
        decision.outcome = 'throttle'
      else if (rule.errorRate !== undefined && this.random() < rule.errorRate) decision.outcome = 'error'
    }
    this.rules = this.rules.filter(r => r.remaining > 0)
    return decision
  }

  private limited(service: string, operation: string): boolean {
    if (this.limit?.scope === 'all') return true
    return service === 'lambda' && operation !== 'Unknown' && !OUTSIDE_CONTROL_PLANE.has(operation)
  }
}

export function faultLabel(decision: FaultDecision): FaultKind | undefined {
  return (
    decision.outcome ??
    (decision.latencyMs > 0 || (decision.answerLatencyMs ?? 0) > 0 ? 'latency' : undefined)
  )
}
