// Canary analysis at the end of a hold: one GetMetricData per function over the step's window, the
// verdict per function, the hold extended while the new version has served too little to judge.
import type { MetricsSource } from '../aws/api.js'
import { mapLimit } from '../concurrency.js'
import type { Clock } from '../clock.js'
import { DeployError, errorLine, failureLine, StopError, stopIfAborted } from '../errors.js'
import type { Config } from '../inputs/config.js'
import { formatDuration } from '../inputs/duration.js'
import type { Log } from '../log.js'
import type { VersionMetrics } from '../aws/api.js'
import { judge, JUDGE_DEFAULTS, type Check, type Verdict } from '../analysis/judge.js'
import type { FunctionRollout, StepJudgement } from './record.js'
import { weightPercent } from '../ledger/snapshot.js'
import type { Window } from '../inputs/settle.js'

export interface AnalysisContext {
  metrics: MetricsSource
  checks: readonly Check[]
  minInvocations: number
  latencyTolerance: number
  alias: string
  /**
   * The significance level of each judgement: 5% shared out over every judgement the run plans (steps
   * with a hold, bake time, every function), so that a healthy release is rolled back by chance in at
   * most 5% of runs however many steps and functions it has (Bonferroni).
   */
  alpha: number
  concurrency: number
  /** CloudWatch's delivery lag and the metrics' resolution: when and over what a window is judged. */
  metricsDelayMs: number
  resolutionMs: number
  clock: Clock
  log: Log
  signal: AbortSignal
}

/** What the run's analysis needs, when it has analysis or min-invocations and a metrics source. */
export function analysisContext(
  config: Pick<
    Config,
    | 'analysis'
    | 'minInvocations'
    | 'latencyTolerance'
    | 'alias'
    | 'plan'
    | 'functions'
    | 'concurrency'
    | 'metricsDelayMs'
    | 'metricsResolutionMs'
  >,
  deps: { metrics?: MetricsSource; clock: Clock; log: Log; signal: AbortSignal }
): AnalysisContext | undefined {
  if (!deps.metrics || (config.analysis.length === 0 && config.minInvocations === 0)) return undefined
  return {
    metrics: deps.metrics,
    checks: config.analysis,
    minInvocations: config.minInvocations,
    latencyTolerance: config.latencyTolerance,
    alias: config.alias,
    alpha: analysisAlpha(config),
    concurrency: config.concurrency,
    metricsDelayMs: config.metricsDelayMs,
    resolutionMs: config.metricsResolutionMs,
    clock: deps.clock,
    log: deps.log,
    signal: deps.signal
  }
}

/** 5% shared out over every judgement the run plans: each step with a hold (bake time included), each function. */
export function analysisAlpha(config: Pick<Config, 'plan' | 'functions'>): number {
  const looks = config.plan.filter(step => step.holdMs > 0).length * config.functions.length
  return 0.05 / Math.max(1, looks)
}

/**
 * One small GetMetricData before anything is published: a missing cloudwatch:GetMetricData (or a wrong
 * endpoint) shows now, not after the first hold with traffic already on the new version.
 */
export async function canReadMetrics(ds: readonly FunctionRollout[], ctx: AnalysisContext): Promise<void> {
  const d = judgeable(ds)[0]
  if (!d) return
  const now = ctx.clock.now()
  const version = d.from as string
  try {
    await ctx.metrics.figures(
      {
        functionName: d.fn.id,
        alias: ctx.alias,
        versions: [version, version],
        startMs: now - 60_000,
        endMs: now,
        resolutionMs: ctx.resolutionMs
      },
      ctx.signal
    )
  } catch (error) {
    throw new DeployError(
      `canary analysis cannot read the metrics of ${d.fn.name}: ${failureLine(error)}; nothing was changed`
    )
  }
}

/** The functions analysis can judge: those with an old version (a baseline) behind the alias. */
export function judgeable(ds: readonly FunctionRollout[]): FunctionRollout[] {
  return ds.filter(d => !d.unchanged && d.from !== null && d.from !== d.to && d.from !== '$LATEST')
}

/**
 * Judges the given functions over the window [start, end), settled. Throws StopError when one is worse;
 * returns those that have served fewer than minInvocations (the hold goes on for them alone), empty when
 * all passed.
 */
export async function judgeStep(
  judged: readonly FunctionRollout[],
  weight: number,
  window: Window,
  ctx: AnalysisContext
): Promise<FunctionRollout[]> {
  const { startMs: start, endMs: end } = window
  const results = await mapLimit(judged, ctx.concurrency, async d => {
    const figures = await ctx.metrics.figures(
      {
        functionName: d.fn.id,
        alias: ctx.alias,
        versions: [d.to, d.from as string],
        startMs: start,
        endMs: end,
        resolutionMs: ctx.resolutionMs
      },
      ctx.signal
    )
    // At 100% (bake time) the old version serves nothing: its last window of a partial step is the
    // baseline (the bake window lies inside the bake, so it holds none of the old version's traffic).
    const old = weight >= 1 ? (baselines.get(d) ?? figures.old) : figures.old
    if (weight < 1 && figures.old.invocations > 0) baselines.set(d, figures.old)
    return judge(
      { newVersion: d.to, oldVersion: d.from as string, windowMs: end - start, new: figures.new, old },
      {
        ...JUDGE_DEFAULTS,
        alpha: ctx.alpha,
        checks: ctx.checks,
        minInvocations: ctx.minInvocations,
        latencyTolerance: ctx.latencyTolerance
      }
    )
  })
  const short: FunctionRollout[] = []
  for (const [i, r] of results.entries()) {
    const d = judged[i] as FunctionRollout
    // A read cut short by a cancel or the timeout is that, not a failed analysis.
    if (r.status === 'rejected') stopIfAborted(ctx.signal)
    if (r.status === 'rejected')
      throw new StopError(
        'analysis',
        `${d.fn.name}: canary analysis could not read the metrics: ${errorLine(r.reason)}`
      )
    const v = r.value
    ctx.log.info(`  ${d.fn.name}: ${v.line}`)
    record(d, weight, v)
    if (v.outcome === 'fail')
      throw new StopError(
        'analysis',
        `canary analysis of ${d.fn.name} at ${weightPercent(weight)}: ${v.line}`
      )
    if (v.outcome === 'insufficient') short.push(d)
  }
  return short
}

/** The old version's figures from its last window with traffic, per rollout. */
const baselines = new WeakMap<FunctionRollout, VersionMetrics>()

/**
 * A plan with no partial step (all at once, then bake time) has no window in which both versions serve:
 * the bake's baseline is the old version's own figures over the same length of time just before the move,
 * read before any write. Without it the new version would be judged against an absolute margin, and a
 * version as good as the old one rolled back. An old version that served nothing then leaves that margin.
 */
export async function readBaselines(
  ds: readonly FunctionRollout[],
  windowMs: number,
  ctx: AnalysisContext
): Promise<void> {
  const end = ctx.clock.now()
  const judged = judgeable(ds)
  const results = await mapLimit(judged, ctx.concurrency, d =>
    ctx.metrics.figures(
      {
        functionName: d.fn.id,
        alias: ctx.alias,
        versions: [d.to, d.from as string],
        startMs: end - windowMs,
        endMs: end
      },
      ctx.signal
    )
  )
  for (const [i, r] of results.entries()) {
    const d = judged[i] as FunctionRollout
    if (r.status === 'rejected') stopIfAborted(ctx.signal)
    if (r.status === 'rejected')
      throw new StopError(
        'analysis',
        `${d.fn.name}: canary analysis could not read v${d.from}'s figures before the move: ${errorLine(r.reason)}`
      )
    const old = r.value.old
    ctx.log.info(
      `  ${d.fn.name}: baseline for the bake: v${d.from} over the ${formatDuration(windowMs)} before the move: ${old.invocations} invocations, ${old.errors} errors`
    )
    if (old.invocations > 0) baselines.set(d, old)
  }
}

function record(d: FunctionRollout, weight: number, v: Verdict): void {
  const judgement: StepJudgement = {
    weight,
    outcome: v.outcome,
    line: v.line,
    newInvocations: v.new.invocations,
    oldInvocations: v.old.invocations,
    newErrorRate: v.newRate,
    oldErrorRate: v.oldRate,
    newP99Ms: v.new.p99Ms,
    oldP99Ms: v.old.p99Ms,
    pValue: v.pValue
  }
  // An extended hold judges the same step again: keep the latest judgement of each step.
  const last = d.analysis?.at(-1)
  if (last && last.weight === weight && last.outcome === 'insufficient') d.analysis?.pop()
  ;(d.analysis ??= []).push(judgement)
}

/** How long to hold again when there was too little traffic: metrics arrive by the minute. */
export function extension(holdMs: number): number {
  return Math.min(60_000, Math.max(500, holdMs / 2))
}
