import { formatDuration, parseDuration } from './duration.js'
import { InputError } from '../errors.js'

export type Strategy =
  | { kind: 'all-at-once' }
  | { kind: 'canary'; percent: number; intervalMs: number }
  | { kind: 'linear'; percent: number; intervalMs: number }
  | { kind: 'steps'; percents: number[]; intervalMs: number }

/** The raw action inputs that decide the schedule, as the runner hands them over. */
export interface StrategyInputs {
  strategy: string
  canaryPercent: string
  linearPercent: string
  interval: string
  steps: string
}

/** One step of a rollout: put `weight` of the traffic on the new version, then hold for `holdMs`. */
export interface PlanStep {
  /** Fraction of traffic on the new version; the last step is exactly 1 (switch version, clear routing). */
  weight: number
  holdMs: number
}

const STRATEGY_ALLOWED =
  'expected all-at-once, canary, linear or a CodeDeploy name such as Canary10Percent5Minutes'
const PERCENT_ALLOWED = 'expected a percentage between 0 and 100, exclusive'
const STEPS_ALLOWED = 'expected strictly increasing percentages, such as 5,25,50'
const POSITIVE_INTERVAL = 'expected a duration longer than 0, such as 90s, 5m or 1m30s'

/** Percent inputs default to 10 in action.yml; that value counts as "not set". */
const DEFAULT_PERCENT_HUNDREDTHS = 1000
const DEFAULT_INTERVAL = { canary: '5m', linear: '1m', steps: '1m' } as const

const UNIT_MS = { second: 1_000, minute: 60_000, hour: 3_600_000 } as const

// Matched against the lowercased name. Percent digits are loose here so that `Canary2.555Percent…`
// gets the percentage message rather than "unknown strategy".
const CODEDEPLOY_NAME =
  /^(?:codedeploydefault\.lambda|lambda)?(?:(allatonce)|canary(\d+(?:\.\d+)?)percent(\d+)(second|minute|hour)s?|linear(\d+(?:\.\d+)?)percentevery(\d+)(second|minute|hour)s?)$/

const PERCENT = /^(\d+)(?:\.(\d+))?$/

type Base =
  { kind: 'all-at-once' } | { kind: 'canary' | 'linear'; named?: { percent: number; intervalMs: number } }

/**
 * Validates the strategy-related inputs together and returns the schedule they describe. Throws an
 * InputError naming the offending input. An input that would be silently ignored is an error too:
 * a user who sets it expects it to matter.
 */
export function parseStrategy(inputs: StrategyInputs): Strategy {
  const name = inputs.strategy.trim()
  const base = parseStrategyName(name, inputs.strategy)
  const steps = inputs.steps.trim()
  const interval = inputs.interval.trim()

  if (steps !== '' && base.kind !== 'all-at-once') {
    throw new InputError(
      'steps',
      steps,
      'steps replaces the strategy; set strategy to all-at-once or leave steps empty'
    )
  }

  if (base.kind === 'all-at-once') {
    checkUnusedPercent('canary-percent', inputs.canaryPercent, 'canary')
    checkUnusedPercent('linear-percent', inputs.linearPercent, 'linear')
    if (steps === '') {
      if (interval !== '') {
        throw new InputError('interval', interval, 'all-at-once has no steps to hold; leave interval empty')
      }
      return { kind: 'all-at-once' }
    }
    return { kind: 'steps', percents: parseSteps(steps), intervalMs: parseInterval(interval, 'steps') }
  }

  const [used, usedValue, unused, unusedValue] =
    base.kind === 'canary'
      ? (['canary-percent', inputs.canaryPercent, 'linear-percent', inputs.linearPercent] as const)
      : (['linear-percent', inputs.linearPercent, 'canary-percent', inputs.canaryPercent] as const)
  checkUnusedPercent(unused, unusedValue, base.kind === 'canary' ? 'linear' : 'canary')

  if (base.named) {
    // The CodeDeploy name carries its own numbers; a disagreeing input must not be dropped quietly.
    if (interval !== '') {
      throw new InputError('interval', interval, `${name} sets its own interval; leave interval empty`)
    }
    const given = usedValue.trim()
    if (given !== '') {
      const hundredths = parsePercentHundredths(used, given)
      if (hundredths !== DEFAULT_PERCENT_HUNDREDTHS && hundredths !== toHundredths(base.named.percent)) {
        throw new InputError(
          used,
          given,
          `${name} sets its own percentage (${base.named.percent}); leave ${used} at its default`
        )
      }
    }
    return { kind: base.kind, ...base.named }
  }

  return {
    kind: base.kind,
    percent: parsePercentHundredths(used, usedValue.trim()) / 100,
    intervalMs: parseInterval(interval, base.kind)
  }
}

/**
 * Turns a strategy into the list of weights to apply in order. Every partial weight is computed from
 * integer hundredths of a percent and divided once, so it prints as a short decimal (0.3, never
 * 0.30000000000000004); the last step is exactly 1.
 */
export function buildPlan(strategy: Strategy, bakeMs: number): PlanStep[] {
  if (!Number.isFinite(bakeMs) || bakeMs < 0) throw new RangeError(`bake time ${bakeMs} is not a duration`)
  const last: PlanStep = { weight: 1, holdMs: bakeMs }
  switch (strategy.kind) {
    case 'all-at-once':
      return [last]
    case 'canary':
      return [partial(strategyHundredths(strategy.percent), strategy.intervalMs), last]
    case 'linear': {
      const step = strategyHundredths(strategy.percent)
      const steps: PlanStep[] = []
      // CodeDeploy semantics: Linear10PercentEvery1Minute holds 10%…90% for a minute each, then 100%.
      for (let h = step; h < 10_000; h += step) steps.push(partial(h, strategy.intervalMs))
      return [...steps, last]
    }
    case 'steps': {
      const hundredths = strategy.percents.map(strategyHundredths)
      if (hundredths.some((h, i) => i > 0 && h <= (hundredths[i - 1] ?? 0))) {
        throw new RangeError(`steps ${strategy.percents.join(',')} do not strictly increase`)
      }
      return [...hundredths.map(h => partial(h, strategy.intervalMs)), last]
    }
  }
}

/** One-line description for logs: `canary 10% for 5m`, `linear 10% every 1m`, `all at once`. */
export function describeStrategy(strategy: Strategy): string {
  switch (strategy.kind) {
    case 'all-at-once':
      return 'all at once'
    case 'canary':
      return `canary ${strategy.percent}% for ${formatDuration(strategy.intervalMs)}`
    case 'linear':
      return `linear ${strategy.percent}% every ${formatDuration(strategy.intervalMs)}`
    case 'steps':
      return `steps ${strategy.percents.map(p => `${p}%`).join(', ')} every ${formatDuration(strategy.intervalMs)}`
  }
}

/** Total time the plan holds, bake time included: what the rollout costs when nothing goes wrong. */
export function planDurationMs(plan: PlanStep[]): number {
  return plan.reduce((sum, step) => sum + step.holdMs, 0)
}

function parseStrategyName(name: string, raw: string): Base {
  const lower = name.toLowerCase()
  if (lower === '' || lower === 'all-at-once') return { kind: 'all-at-once' }
  if (lower === 'canary' || lower === 'linear') return { kind: lower }
  const match = CODEDEPLOY_NAME.exec(lower)
  if (!match) throw new InputError('strategy', raw, STRATEGY_ALLOWED)
  const [, allAtOnce, canaryP, canaryN, canaryUnit, linearP, linearN, linearUnit] = match
  if (allAtOnce) return { kind: 'all-at-once' }
  const kind = canaryP !== undefined ? 'canary' : 'linear'
  const percentText = canaryP ?? linearP ?? ''
  const count = Number(canaryN ?? linearN)
  const unit = (canaryUnit ?? linearUnit) as keyof typeof UNIT_MS
  const hundredths = hundredthsOf(percentText)
  if (hundredths === undefined) {
    throw new InputError(
      'strategy',
      raw,
      `${PERCENT_ALLOWED}, with at most 2 decimals, such as Canary10Percent5Minutes`
    )
  }
  const intervalMs = count * UNIT_MS[unit]
  if (intervalMs <= 0 || !Number.isSafeInteger(intervalMs)) {
    throw new InputError(
      'strategy',
      raw,
      'expected an interval longer than 0, such as Canary10Percent5Minutes'
    )
  }
  return { kind, named: { percent: hundredths / 100, intervalMs } }
}

/** A percentage with at most 2 decimals, strictly inside (0,100), as integer hundredths; else undefined. */
function hundredthsOf(text: string): number | undefined {
  const match = PERCENT.exec(text)
  if (!match) return undefined
  const [, whole = '', fraction = ''] = match
  if (fraction.length > 2) return undefined
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  return hundredths > 0 && hundredths < 10_000 ? hundredths : undefined
}

function parsePercentHundredths(input: string, value: string): number {
  const hundredths = hundredthsOf(value)
  if (hundredths !== undefined) return hundredths
  const fraction = PERCENT.exec(value)?.[2]
  throw new InputError(
    input,
    value,
    fraction !== undefined && fraction.length > 2
      ? `${PERCENT_ALLOWED}, with at most 2 decimals`
      : PERCENT_ALLOWED
  )
}

/** A percent input that the chosen strategy does not use may only be empty or the default. */
function checkUnusedPercent(input: string, value: string, strategy: 'canary' | 'linear'): void {
  const given = value.trim()
  if (given === '') return
  if (parsePercentHundredths(input, given) === DEFAULT_PERCENT_HUNDREDTHS) return
  throw new InputError(
    input,
    given,
    `only used with strategy ${strategy}; set strategy to ${strategy} or leave ${input} at its default`
  )
}

function parseSteps(value: string): number[] {
  const items = value.split(/[\s,]+/).filter(item => item !== '')
  // Only separators, e.g. `,`: not a list, and treating it as empty would mean all-at-once.
  if (items.length === 0) throw new InputError('steps', value, STEPS_ALLOWED)
  const hundredths: number[] = []
  for (const item of items) {
    const h = hundredthsOf(item)
    if (h === undefined) {
      throw new InputError('steps', value, `"${item}" is not ${PERCENT_ALLOWED.replace('expected ', '')}`)
    }
    const previous = hundredths[hundredths.length - 1]
    if (previous !== undefined && h <= previous) {
      throw new InputError('steps', value, STEPS_ALLOWED)
    }
    hundredths.push(h)
  }
  return hundredths.map(h => h / 100)
}

function parseInterval(value: string, kind: keyof typeof DEFAULT_INTERVAL): number {
  const text = value === '' ? DEFAULT_INTERVAL[kind] : value
  const ms = parseDuration('interval', text)
  if (ms <= 0) throw new InputError('interval', text, POSITIVE_INTERVAL)
  return ms
}

function toHundredths(percent: number): number {
  return Math.round(percent * 100)
}

/** Hundredths of a percent from a Strategy built in code: guard the invariants parseStrategy ensures. */
function strategyHundredths(percent: number): number {
  const h = toHundredths(percent)
  if (!(h > 0 && h < 10_000) || Math.abs(h - percent * 100) > 1e-6) {
    throw new RangeError(`percentage ${percent} is not in (0,100) with at most 2 decimals`)
  }
  return h
}

function partial(hundredths: number, holdMs: number): PlanStep {
  // One division of an exact integer: the nearest double to a ≤4-decimal fraction, printed short.
  return { weight: hundredths / 10_000, holdMs }
}
