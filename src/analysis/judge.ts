import type { TailPoint } from '../aws/api.js'
import { p99Bounds } from './latency.js'
import { binomialUpperTail, errorIncreaseTest } from './stats.js'
import { count, duration, label, ms, ratePercent, pText, signedPercent } from './verdict-text.js'

/**
 * The verdict for one canary step: is the new version worse than the old one over the same window?
 *
 * Errors fail only when the increase is both significant (one-sided Fisher, p < alpha) and large enough
 * to matter (newRate − oldRate > errorMargin): at high traffic a 0.01-point increase is significant but
 * not worth a rollback; at low traffic a large increase may still be luck. Latency fails when the new
 * p99 exceeds the old one by more than latencyTolerance beyond sampling luck: a lower confidence bound
 * on the new p99 above an upper one on the old p99 × (1 + latencyTolerance), each at 1 − alpha/2.
 */

export type Check = 'errors' | 'latency'

export interface VersionFigures {
  invocations: number
  errors: number
  /** p99 Duration in ms; undefined when there were no samples. */
  p99Ms?: number | undefined
  /** Duration samples behind p99Ms; taken to be `invocations` when not given. */
  durationSamples?: number | undefined
  /** Duration percentiles around p99, which bound it; latency is not judged without them. */
  tail?: readonly TailPoint[] | undefined
}

export interface StepFigures {
  newVersion: string
  oldVersion: string
  windowMs: number
  new: VersionFigures
  old: VersionFigures
}

export interface JudgeSettings {
  checks: Iterable<Check>
  /** The new version must have served at least this many invocations in the window to be judged. */
  minInvocations: number
  /** Allowed p99 increase as a fraction: 0.2 lets the new p99 be up to 20% above the old. */
  latencyTolerance: number
  /** Smallest error-rate increase (absolute fraction) worth failing for. */
  errorMargin: number
  /** Significance level of the error test, and of the latency test (alpha/2 for each bound). */
  alpha: number
}

/** errorMargin 0.005 (half a percentage point): below that, an increase is not worth a rollback. */
export const JUDGE_DEFAULTS = {
  latencyTolerance: 0.2,
  errorMargin: 0.005,
  alpha: 0.05
}

type FailReason = 'errors' | 'latency'

export type Verdict = {
  newVersion: string
  oldVersion: string
  windowMs: number
  new: VersionFigures
  old: VersionFigures
  /** Error rates; undefined for a version with no invocations. */
  newRate: number | undefined
  oldRate: number | undefined
  /** p-value of the error test; undefined when errors were not checked or there was nothing to test. */
  pValue: number | undefined
  /** 'binomial': the old version served nothing, so the new one was tested against errorMargin alone. */
  errorTest: 'fisher' | 'z' | 'binomial' | undefined
  /** newP99 / oldP99 − 1; undefined when either p99 is missing. */
  latencyChange: number | undefined
  /** One line for the log, e.g. `v7 vs v6 over 5m: 1,204 vs 10,870 invocations, errors 2.1% vs 0.4% (p<0.001) ✗`. */
  line: string
} & ({ outcome: 'pass' } | { outcome: 'fail'; reason: FailReason } | { outcome: 'insufficient' })

/**
 * Judges one step. With no old invocations in the window (a 100% step, say) there is no baseline: the
 * new version fails on errors only when its rate is significantly above errorMargin (exact binomial
 * test, p < alpha, and rate > errorMargin), and latency is not judged. A function whose usual error
 * rate is above errorMargin would fail such a step; to compare with the old version's last window
 * instead, pass that window's figures as `old`.
 */
export function judge(figures: StepFigures, settings: JudgeSettings): Verdict {
  checkSettings(settings)
  const checks = new Set(settings.checks)
  const fresh = checkFigures('new version', figures.new)
  const old = checkFigures('old version', figures.old)
  const base = {
    newVersion: figures.newVersion,
    oldVersion: figures.oldVersion,
    windowMs: figures.windowMs,
    new: fresh,
    old,
    newRate: rate(fresh),
    oldRate: rate(old)
  }
  const head = `${label(figures.newVersion)} vs ${label(figures.oldVersion)} over ${duration(figures.windowMs)}: `
  if (fresh.invocations < settings.minInvocations) {
    const line = `${head}not enough traffic to judge (${count(fresh.invocations)} of ${count(settings.minInvocations)} invocations)`
    return {
      ...base,
      pValue: undefined,
      errorTest: undefined,
      latencyChange: undefined,
      line,
      outcome: 'insufficient'
    }
  }

  const parts = [`${count(fresh.invocations)} vs ${count(old.invocations)} invocations`]
  let failed: FailReason | undefined
  let pValue: number | undefined
  let errorTest: Verdict['errorTest']
  if (checks.has('errors')) {
    const e = judgeErrors(fresh, old, settings)
    pValue = e.pValue
    errorTest = e.errorTest
    if (e.fails) failed = 'errors'
    parts.push(e.text)
  }
  const change = latencyChange(fresh, old)
  if (checks.has('latency')) {
    const l = judgeLatency(fresh, old, change, settings)
    if (l.fails) failed ??= 'latency'
    parts.push(l.text)
  }
  const line = `${head}${parts.join(', ')} ${failed ? '✗' : '✓'}`
  const common = { ...base, pValue, errorTest, latencyChange: change, line }
  return failed ? { ...common, outcome: 'fail', reason: failed } : { ...common, outcome: 'pass' }
}

interface Judged {
  fails: boolean
  text: string
}

function judgeErrors(
  fresh: VersionFigures,
  old: VersionFigures,
  s: JudgeSettings
): Judged & { pValue: number | undefined; errorTest: Verdict['errorTest'] } {
  const newRate = rate(fresh)
  if (newRate === undefined)
    return {
      fails: false,
      text: `errors n/a vs ${ratePercent(rate(old))}`,
      pValue: undefined,
      errorTest: undefined
    }
  const oldRate = rate(old)
  if (oldRate === undefined) {
    const p = binomialUpperTail(fresh.errors, fresh.invocations, s.errorMargin)
    const fails = p < s.alpha && newRate > s.errorMargin
    return {
      fails,
      text: `errors ${ratePercent(newRate)} vs margin ${ratePercent(s.errorMargin)} (${pText(p)})`,
      pValue: p,
      errorTest: 'binomial'
    }
  }
  const { p, test } = errorIncreaseTest(fresh.errors, fresh.invocations, old.errors, old.invocations)
  const fails = p < s.alpha && newRate - oldRate > s.errorMargin
  return {
    fails,
    text: `errors ${ratePercent(newRate)} vs ${ratePercent(oldRate)} (${pText(p)})`,
    pValue: p,
    errorTest: test
  }
}

function judgeLatency(
  fresh: VersionFigures,
  old: VersionFigures,
  change: number | undefined,
  s: JudgeSettings
): Judged {
  const text = `p99 ${ms(fresh.p99Ms)} vs ${ms(old.p99Ms)}`
  if (fresh.p99Ms === undefined || old.p99Ms === undefined)
    return { fails: false, text: `${text} (not judged: no duration samples on one side)` }
  const samples = [samplesOf(fresh), samplesOf(old)] as const
  const bounds = p99Bounds(
    { samples: samples[0], tail: fresh.tail ?? [] },
    { samples: samples[1], tail: old.tail ?? [] },
    s.alpha / 2
  )
  if (!bounds) {
    const why =
      fresh.tail?.length && old.tail?.length
        ? `${samples.map(count).join(' vs ')} samples are too few to bound p99`
        : 'no percentiles around p99 to bound it'
    return { fails: false, text: `${text} (not judged: ${why})` }
  }
  const fails = bounds.newAtLeastMs > bounds.oldAtMostMs * (1 + s.latencyTolerance)
  return {
    fails,
    text: `${text} (${signedPercent(change)}; new ≥ ${ms(bounds.newAtLeastMs)}, old ≤ ${ms(bounds.oldAtMostMs)})`
  }
}

function latencyChange(fresh: VersionFigures, old: VersionFigures): number | undefined {
  if (fresh.p99Ms === undefined || old.p99Ms === undefined || old.p99Ms <= 0) return undefined
  return fresh.p99Ms / old.p99Ms - 1
}

function samplesOf(f: VersionFigures): number {
  return f.durationSamples ?? f.invocations
}

function rate(f: VersionFigures): number | undefined {
  return f.invocations > 0 ? f.errors / f.invocations : undefined
}

function checkFigures(what: string, f: VersionFigures): VersionFigures {
  const numbers = {
    invocations: f.invocations,
    errors: f.errors,
    p99Ms: f.p99Ms,
    durationSamples: f.durationSamples,
    ...Object.fromEntries(
      (f.tail ?? []).flatMap(t => [
        [`p${t.pct}`, t.lowMs],
        [`p${t.pct} (high)`, t.highMs]
      ])
    )
  }
  for (const [name, value] of Object.entries(numbers))
    if (value !== undefined && !(Number.isFinite(value) && value >= 0))
      throw new RangeError(`${what}: ${name} ${value} is not a figure`)
  const invocations = Math.round(f.invocations)
  // Errors and Invocations are separate metric streams and can disagree by a datapoint at the
  // window's edges; cap errors so the tests stay defined.
  const errors = Math.min(Math.round(f.errors), invocations)
  return { ...f, invocations, errors }
}

function checkSettings(s: JudgeSettings): void {
  const ok =
    Number.isFinite(s.minInvocations) &&
    s.minInvocations >= 0 &&
    s.latencyTolerance >= 0 &&
    s.errorMargin >= 0 &&
    s.errorMargin <= 1 &&
    s.alpha > 0 &&
    s.alpha < 1
  if (!ok) {
    const { checks: _checks, ...numbers } = s
    throw new RangeError(`judge settings out of range: ${JSON.stringify(numbers)}`)
  }
}
