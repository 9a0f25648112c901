import type { AlarmSource, Budget, LambdaApi } from '../aws/api.js'
import { isNamed } from '../aws/api.js'
import { refusedUnapplied } from '../aws/refusal.js'
import { mapLimit } from '../concurrency.js'
import { clockTime, type Clock } from '../clock.js'
import { logSafe } from '../untrusted.js'
import { errorLine, StopError, stopIfAborted } from '../errors.js'
import { formatDuration } from '../inputs/duration.js'
import type { PlanStep } from '../inputs/plan.js'
import type { Log } from '../log.js'
import { extension, judgeable, judgeStep, readBaselines, type AnalysisContext } from './analysis.js'
import type { Ledger } from '../ledger/ledger.js'
import { judgedWindow, settledAt, widened, type Settling, type Window } from '../inputs/settle.js'
import { settlingOf } from './settle.js'
import { waitProvisionedAfterWrite } from './provisioned.js'
import { movesAllAtOnce, type FunctionRollout } from './record.js'
import { describeRouting, weightPercent, sameState, snapshot, type AliasState } from '../ledger/snapshot.js'

export interface ShiftContext {
  alias: string
  api: LambdaApi
  clock: Clock
  alarms: AlarmSource
  log: Log
  ledger: Ledger
  concurrency: number
  /** Aborted on cancellation or timeout; its reason says which. */
  signal: AbortSignal
  budget: () => Budget
  /** Canary analysis at the end of each hold (and of bake time). */
  analysis?: AnalysisContext
}

/**
 * Step k for every function before step k+1; each step is one UpdateAlias guarded by the RevisionId of
 * the previous answer, then a hold that watches alarms. Returns 'in-progress' when `wait` is false and the
 * first step left traffic split.
 */
export async function shift(
  ds: FunctionRollout[],
  plan: readonly PlanStep[],
  ctx: ShiftContext,
  wait: boolean
): Promise<'promoted' | 'in-progress'> {
  const active = ds.filter(d => !d.unchanged)
  const lead = active[0] as FunctionRollout
  let logged = -1
  const bake = plan.at(-1)
  // No partial step: the bake's baseline is read now, before the move (see readBaselines).
  const analysis = ctx.analysis
  if (analysis && analysis.checks.length > 0 && bake && bake.holdMs > 0 && plan.every(s => s.weight >= 1))
    await readBaselines(active, bake.holdMs, analysis)
  for (const step of plan) {
    const movers = active.filter(d => d.weight < (movesAllAtOnce(d) ? 1 : step.weight))
    const atStep = active.some(d => d.weight === step.weight)
    if (movers.length === 0 && !atStep) continue
    stopIfAborted(ctx.signal)
    if (movers.length > 0) {
      // Once one function of the step has failed, the rest of the step is not started: it would only put
      // traffic on a version that is about to be rolled back.
      let broken = false
      const results = await mapLimit(movers, ctx.concurrency, async d => {
        if (broken) return
        try {
          await applyStep(d, movesAllAtOnce(d) ? 1 : step.weight, ctx)
        } catch (error) {
          broken = true
          throw error
        }
      })
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
      if (failed)
        throw failed.reason instanceof StopError
          ? failed.reason
          : new StopError('step-failed', errorLine(failed.reason))
    }
    // Everything went at once (a new alias, a cleared split): no partial weight is left to hold.
    if (step.weight < 1 && active.every(d => d.weight >= 1)) continue
    const alarmNote = await checkAlarms(ctx)
    if (lead.weight !== logged) {
      logged = lead.weight
      const who = active.length > 1 ? ` (${active.length} functions)` : ''
      const version = lead.weight >= 1 || !movesAllAtOnce(lead) ? lead.to : lead.from
      ctx.log.info(
        `  ${clockTime(ctx.clock.now())}  ${weightPercent(lead.weight).padStart(4)} → v${version}${who}  ${alarmNote}${holdNote(step)}`
      )
    }
    // A cancel that arrived while this step was in flight must not be reported as success.
    stopIfAborted(ctx.signal)
    if (!wait && step.weight < 1) return 'in-progress'
    const started = ctx.clock.now()
    if (ctx.analysis && step.holdMs > 0) await judgeHold(active, step, started, ctx, ctx.analysis)
    else await hold(step.holdMs, ctx)
  }
  stopIfAborted(ctx.signal)
  return 'promoted'
}

function holdNote(step: PlanStep): string {
  if (step.holdMs <= 0) return ''
  return step.weight < 1
    ? `  holding ${formatDuration(step.holdMs)}`
    : `  baking ${formatDuration(step.holdMs)}`
}

/** The state one step sets: a split from the old version, or the new version alone. */
function aliasStateAt(d: FunctionRollout, weight: number): AliasState {
  const description = d.initial?.description ?? ''
  return weight >= 1
    ? { functionVersion: d.to, weights: {}, description }
    : { functionVersion: d.from as string, weights: { [d.to]: weight }, description }
}

/** One alias write for one function, recorded in the ledger before it is sent and after it answers. */
async function applyStep(d: FunctionRollout, weight: number, ctx: ShiftContext): Promise<void> {
  // A cancel stops functions not yet written: only what landed has to be undone.
  stopIfAborted(ctx.signal)
  const id = d.fn.id
  const state = aliasStateAt(d, weight)
  if (d.initial === null && !d.wrote) {
    ctx.ledger.intend(id, { state, guard: null })
    d.wrote = true
    let created
    try {
      created = await ctx.api.createAlias(id, ctx.alias, d.to, writeBudget(ctx))
    } catch (error) {
      if (refusedUnapplied(error)) throw refused(d, ctx, error)
      if (!isNamed(error, 'ResourceConflictException')) throw error
      const now = await ctx.api.getAlias(id, ctx.alias, ctx.budget())
      throw foreignChange(d, ctx, now ? describeRouting(snapshot(now)) : 'nothing')
    }
    ctx.ledger.confirm(id, created.RevisionId ?? null)
    if (created.AliasArn) d.aliasArn = created.AliasArn
    record(d, ctx, 1, `created alias on v${d.to}`)
    return
  }
  const guard = ctx.ledger.guard(id)
  ctx.ledger.intend(id, { state, guard })
  d.wrote = true
  try {
    const out = await ctx.api.updateAlias(
      id,
      ctx.alias,
      { ...state, ...(guard ? { revisionId: guard } : {}) },
      writeBudget(ctx)
    )
    ctx.ledger.confirm(id, out.RevisionId ?? null)
  } catch (error) {
    if (refusedUnapplied(error)) throw refused(d, ctx, error)
    if (!isNamed(error, 'PreconditionFailedException')) throw error
    // Our own earlier attempt may have landed with its answer lost: then the alias shows exactly our intent.
    const found = await ctx.api.getAlias(id, ctx.alias, ctx.budget())
    const now = found ? snapshot(found) : null
    if (!now || !sameState(now, state))
      throw foreignChange(d, ctx, now ? describeRouting(now) : 'nothing (deleted)')
    ctx.ledger.confirm(id, now.revisionId)
  }
  record(d, ctx, weight, weight >= 1 ? `promoted to v${d.to}` : `${weightPercent(weight)} to v${d.to}`)
  // The hold starts once the alias's provisioned concurrency serves the new routing.
  await waitProvisionedAfterWrite(d, state, ctx)
}

/**
 * An alias write already sent is never cut short by a cancel: aborted on our side, the request may still
 * reach Lambda after the rollback has looked, and land there. It runs to its answer (or the request
 * timeout), so that the ledger knows what it did. A cancel still stops the wait for its slot and any
 * further attempt (a 429 proves the last one did not land).
 */
function writeBudget(ctx: ShiftContext): Budget {
  return { ...ctx.budget(), keepInFlight: true }
}

/**
 * A write refused before Lambda did anything did not land: the ledger forgets it, and when it was this
 * run's first, the alias is as read and there is nothing to roll back.
 */
function refused(d: FunctionRollout, ctx: ShiftContext, error: unknown): unknown {
  ctx.ledger.refused(d.fn.id)
  const e = ctx.ledger.entry(d.fn.id)
  if (e.confirmed === null && e.intents.length === 0) d.wrote = false
  return error
}

function foreignChange(d: FunctionRollout, ctx: ShiftContext, holds: string): StopError {
  const e = ctx.ledger.entry(d.fn.id)
  ctx.ledger.markForeign(d.fn.id, holds)
  const when =
    e.confirmed === null
      ? `before this run's first write (it held ${d.initial ? describeRouting(d.initial) : 'no alias'} when read)`
      : `during the rollout (this run last set ${describeRouting(aliasStateAt(d, d.weight))})`
  return new StopError(
    'foreign-change',
    `${d.fn.name}: alias ${ctx.alias} was changed by someone else ${when}; it now holds ${holds}. Not overwriting it`
  )
}

function record(d: FunctionRollout, ctx: ShiftContext, weight: number, action: string): void {
  d.weight = weight
  d.timeline.push({ time: ctx.clock.now(), weight, action, result: 'ok' })
}

async function checkAlarms(ctx: ShiftContext): Promise<string> {
  if (ctx.alarms.names.length === 0) return 'no alarms watched'
  const firing = (await ctx.alarms.read(ctx.budget().deadline, ctx.signal)).filter(a => a.state === 'ALARM')
  if (firing.length > 0)
    throw new StopError(
      'alarm',
      `alarm ${firing.map(a => a.name).join(', ')} went into ALARM (${logSafe(firing[0]?.reason ?? '', 200)})`
    )
  return 'alarms OK'
}

/** Holds a step for `ms`, polling alarms; ends early (throwing) on ALARM, cancellation or timeout. */
async function hold(ms: number, ctx: ShiftContext): Promise<void> {
  if (ms <= 0) return
  const end = ctx.clock.now() + ms
  // Poll often enough to catch an alarm early in a short test hold, at most every 5 s in a real one.
  const every = Math.min(5000, Math.max(100, ms / 4))
  for (;;) {
    stopIfAborted(ctx.signal)
    const left = end - ctx.clock.now()
    if (left <= 0) return
    await ctx.clock.sleep(Math.min(every, left), ctx.signal)
    stopIfAborted(ctx.signal)
    await checkAlarms(ctx)
  }
}

/** What a judgement's read (one GetMetricData, maybe retried) is given before the deadline. */
const JUDGING_MS = 5000

/**
 * Holds the step until its window has settled, then judges it; while there is too little traffic, holds
 * on (alarms still watched) over a longer window of the same step, until the deadline.
 */
async function judgeHold(
  active: FunctionRollout[],
  step: PlanStep,
  started: number,
  ctx: ShiftContext,
  analysis: AnalysisContext
): Promise<void> {
  // Functions that passed are not judged again: every judgement is another chance of a false alarm.
  let pending = judgeable(active)
  if (pending.length === 0) return hold(step.holdMs, ctx)
  const deadline = ctx.budget().deadline
  const settling = settlingOf(pending, analysis)
  let window = judgedWindow(started, step.holdMs, analysis.resolutionMs)
  ctx.log.info(judgingLine(window, settling))
  await hold(settledAt(window, settling) - ctx.clock.now(), ctx)
  while ((pending = await judgeStep(pending, step.weight, window, analysis)).length > 0) {
    window = widened(window, extension(step.holdMs), analysis.resolutionMs)
    const until = settledAt(window, settling)
    // Leave time for the judgement's own read before the deadline, so that this, not the timeout, is what
    // the run reports.
    if (until + JUDGING_MS >= deadline)
      throw new StopError(
        'analysis',
        `not enough traffic to judge: the new version served fewer than ${analysis.minInvocations} invocations at ${weightPercent(step.weight)} before the timeout`
      )
    // Every window judged is in the log with its time, the longer ones too.
    ctx.log.info(judgingLine(window, settling))
    await hold(until - ctx.clock.now(), ctx)
  }
}

/** The window a judgement reads, and when: `judging 08:01:00–08:06:00 at 08:08:30, once …`. */
function judgingLine(window: Window, settling: Settling): string {
  return `  judging ${clockTime(window.startMs)}–${clockTime(window.endMs)} at ${clockTime(settledAt(window, settling))}, once its metrics have settled (function timeout ${formatDuration(settling.functionTimeoutMs)}, metrics-delay ${formatDuration(settling.delayMs)})`
}
