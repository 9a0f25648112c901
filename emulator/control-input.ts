// Reading control API bodies strictly: JSON objects only, no unknown fields (a typo must not be silently
// ignored), and every value checked before anything changes. Problems are 400s naming the field.
import { PROFILE_NAMES, type ProfileName } from './profile.js'
import type { AlarmStateValue, EmulatorSettings, FaultRule, RateLimitScope, TrafficOptions } from './types.js'

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

export type Body = Record<string, unknown>

const bad = (message: string): ControlError => new ControlError(400, message)

export function parseBody(raw: Buffer): Body {
  if (raw.length === 0) return {}
  let value: unknown
  try {
    value = JSON.parse(raw.toString('utf8'))
  } catch (e) {
    throw bad(`the body is not valid JSON: ${(e as Error).message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad('the body must be a JSON object')
  }
  return value as Body
}

function only(body: Body, allowed: string[]): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw bad(`unknown field "${key}"; expected: ${allowed.join(', ')}`)
  }
}

interface NumberRule {
  min?: number
  max?: number
  above?: number // exclusive minimum
  integer?: boolean
}

function num(body: Body, key: string, rule: NumberRule, required = false): number | undefined {
  const value = body[key]
  if (value === undefined) {
    if (required) throw bad(`"${key}" is required`)
    return undefined
  }
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.above === undefined || value > rule.above)
  if (!ok) {
    const parts = [
      rule.integer ? 'a whole number' : 'a number',
      rule.min !== undefined && `>= ${rule.min}`,
      rule.above !== undefined && `> ${rule.above}`,
      rule.max !== undefined && `<= ${rule.max}`
    ]
    throw bad(`"${key}" must be ${parts.filter(Boolean).join(' ')}, got ${JSON.stringify(value)}`)
  }
  return value as number
}

function str(body: Body, key: string, required: boolean): string | undefined {
  const value = body[key]
  if (value === undefined) {
    if (required) throw bad(`"${key}" is required`)
    return undefined
  }
  if (typeof value !== 'string' || value === '') throw bad(`"${key}" must be a non-empty string`)
  return value
}

function oneOf<T extends string>(
  body: Body,
  key: string,
  allowed: readonly T[],
  required: boolean
): T | undefined {
  const value = str(body, key, required)
  if (value !== undefined && !allowed.includes(value as T)) {
    throw bad(`"${key}" must be one of ${allowed.join(', ')}, got "${value}"`)
  }
  return value as T | undefined
}

export function settingsPatch(body: Body): Partial<EmulatorSettings> {
  const delays = [
    'updateDelayMs',
    'publishDelayMs',
    'metricsDelayMs',
    'pcDelayMs',
    'snapStartDelayMs'
  ] as const
  only(body, [
    ...delays,
    'metricsResolutionMs',
    'codeStorageLimitBytes',
    'codedeployMinuteMs',
    'evaluateAlarms'
  ])
  const out: Partial<EmulatorSettings> = {}
  if (body.evaluateAlarms !== undefined) {
    if (typeof body.evaluateAlarms !== 'boolean') throw bad('"evaluateAlarms" must be true or false')
    out.evaluateAlarms = body.evaluateAlarms
  }
  const limit = num(body, 'codeStorageLimitBytes', { min: 0, integer: true })
  if (limit !== undefined) out.codeStorageLimitBytes = limit
  for (const key of delays) {
    const value = num(body, key, { min: 0 })
    if (value !== undefined) out[key] = value
  }
  const resolution = num(body, 'metricsResolutionMs', { min: 1, integer: true })
  if (resolution !== undefined) out.metricsResolutionMs = resolution
  const minute = num(body, 'codedeployMinuteMs', { above: 0 })
  if (minute !== undefined) out.codedeployMinuteMs = minute
  return out
}

export function faultRule(body: Body): FaultRule {
  const rates = ['throttleRate', 'errorRate', 'dropRate', 'lostResponseRate'] as const
  only(body, ['operation', 'latencyMs', 'answerLatencyMs', 'times', 'deny', 'principal', ...rates])
  const rule: FaultRule = {}
  const op = body.operation
  if (op !== undefined) {
    const list = Array.isArray(op) ? op : [op]
    if (list.length === 0 || list.some(o => typeof o !== 'string' || o === '')) {
      throw bad('"operation" must be an operation name or a non-empty list of them')
    }
    rule.operation = op as string | string[]
  }
  const latency = num(body, 'latencyMs', { min: 0 })
  if (latency !== undefined) rule.latencyMs = latency
  const answerLatency = num(body, 'answerLatencyMs', { min: 0 })
  if (answerLatency !== undefined) rule.answerLatencyMs = answerLatency
  const times = num(body, 'times', { min: 1, integer: true })
  if (times !== undefined) rule.times = times
  for (const key of rates) {
    const rate = num(body, key, { min: 0, max: 1 })
    if (rate !== undefined) rule[key] = rate
  }
  if (body.deny !== undefined) {
    if (typeof body.deny !== 'boolean') throw bad('"deny" must be true or false')
    rule.deny = body.deny
  }
  const principal = str(body, 'principal', false)
  if (principal !== undefined) rule.principal = principal
  if (rule.latencyMs === undefined && rule.deny !== true && rates.every(key => rule[key] === undefined)) {
    throw bad(`a fault rule needs at least one of latencyMs, deny, ${rates.join(', ')}`)
  }
  return rule
}

export function rateLimit(body: Body): { perSecond: number | null; scope: RateLimitScope } {
  only(body, ['perSecond', 'scope'])
  if (!('perSecond' in body)) throw bad('"perSecond" is required (a number, or null to remove the limit)')
  const perSecond = body.perSecond === null ? null : num(body, 'perSecond', { above: 0 })!
  const scope = oneOf(body, 'scope', ['control-plane', 'all'] as const, false) ?? 'control-plane'
  return { perSecond, scope }
}

export function alarmState(body: Body): { state: AlarmStateValue; reason?: string } {
  only(body, ['state', 'reason'])
  const state = oneOf(body, 'state', ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const, true)!
  const reason = str(body, 'reason', false)
  return reason === undefined ? { state } : { state, reason }
}

export function trafficOptions(body: Body): TrafficOptions {
  only(body, ['functionName', 'alias', 'rps'])
  return {
    functionName: str(body, 'functionName', true)!,
    alias: str(body, 'alias', true)!,
    rps: num(body, 'rps', { above: 0, max: 1000 }, true)!
  }
}

export function versionCount(body: Body): number {
  only(body, ['count'])
  return num(body, 'count', { min: 1, max: 10000, integer: true }, true)!
}

export function sinceSeq(query: URLSearchParams): number {
  const since = query.get('since')
  if (since === null) return 0
  const n = Number(since)
  if (since === '' || !Number.isInteger(n) || n < 0) {
    throw bad(`"since" must be a request sequence number (a whole number >= 0), got "${since}"`)
  }
  return n
}

export function profileName(body: Body): ProfileName {
  only(body, ['profile'])
  return oneOf(body, 'profile', PROFILE_NAMES, true)!
}
