import { percent, sameRouting, snapshot, describeRouting, type AliasSnapshot } from './alias-state.js'
import { clockTime, type Clock } from './clock.js'
import type { Deployment } from './deployment.js'
import { formatDuration } from './duration.js'
import type { AlarmWatcher } from './health.js'
import type { Budget, LambdaGateway } from './lambda.js'
import { mapLimit } from './limiter.js'
import type { Log } from './log.js'
import type { PlanStep } from './plan.js'

export type Routing = Pick<AliasSnapshot, 'functionVersion' | 'weights'>

/** Why the rollout stopped short: each kind is reported differently. */
export class StopError extends Error {
  override name = 'StopError'
  constructor(
    readonly kind: 'alarm' | 'cancelled' | 'timeout' | 'foreign-change' | 'step-failed',
    message: string
  ) {
    super(message)
  }
}

export interface ShiftContext {
  alias: string
  gateway: LambdaGateway
  clock: Clock
  alarms: AlarmWatcher
  log: Log
  concurrency: number
  /** Aborted on cancellation or timeout; its reason says which. */
  signal: AbortSignal
  budget: () => Budget
  /** Routings this run wrote or tried to write, per function: how a 412 tells "ours" from "someone else's". */
  intents: Map<Deployment, Routing[]>
}

/** Goes at once: a new alias has no traffic to protect, and clearing a pending split is a rollback. */
export function movesAllAtOnce(d: Deployment): boolean {
  return d.initial === null || d.to === d.from
}

/**
 * SPEC §4.6: step k for every function before step k+1; each step is one UpdateAlias chained on the
 * previous RevisionId, then a hold that watches alarms. Returns 'in-progress' when `wait` is false and
 * the first step left traffic split.
 */
export async function shift(
  ds: Deployment[],
  plan: readonly PlanStep[],
  ctx: ShiftContext,
  wait: boolean
): Promise<'promoted' | 'in-progress'> {
  const active = ds.filter(d => !d.unchanged)
  const lead = active[0] as Deployment
  let logged = -1
  for (const step of plan) {
    const movers = active.filter(d => d.weight < (movesAllAtOnce(d) ? 1 : step.weight))
    const atStep = active.some(d => d.weight === step.weight)
    if (movers.length === 0 && !atStep) continue
    stopIfAborted(ctx)
    if (movers.length > 0) {
      const results = await mapLimit(movers, ctx.concurrency, d =>
        applyStep(d, movesAllAtOnce(d) ? 1 : step.weight, ctx)
      )
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
        `  ${clockTime(ctx.clock.now())}  ${percent(lead.weight).padStart(4)} → v${version}${who}  ${alarmNote}${holdNote(step)}`
      )
    }
    // A cancel that arrived while this step was in flight must not be reported as success.
    stopIfAborted(ctx)
    if (!wait && step.weight < 1) return 'in-progress'
    await hold(step.holdMs, ctx)
  }
  stopIfAborted(ctx)
  return 'promoted'
}

function holdNote(step: PlanStep): string {
  if (step.holdMs <= 0) return ''
  return step.weight < 1
    ? `  holding ${formatDuration(step.holdMs)}`
    : `  baking ${formatDuration(step.holdMs)}`
}

/** One alias write for one function. A 412 whose alias already shows what we sent means our answer was lost. */
async function applyStep(d: Deployment, weight: number, ctx: ShiftContext): Promise<void> {
  // A cancel stops functions not yet written: only what landed has to be undone.
  stopIfAborted(ctx)
  const fn = d.fn.id
  const intents = ctx.intents.get(d) ?? []
  ctx.intents.set(d, intents)
  if (d.initial === null && !d.wrote) {
    intents.push({ functionVersion: d.to, weights: {} })
    // Marked as written only once the create is known to be ours: a 409 may be someone else's alias.
    const created = await ctx.gateway.createAlias(fn, ctx.alias, d.to, ctx.budget())
    d.wrote = true
    d.revisionId = created.RevisionId ?? null
    d.aliasArn = created.AliasArn ?? d.aliasArn
    record(d, ctx, 1, `created alias on v${d.to}`)
    return
  }
  const routing: Routing =
    weight >= 1
      ? { functionVersion: d.to, weights: {} }
      : { functionVersion: d.from as string, weights: { [d.to]: weight } }
  intents.push(routing)
  d.wrote = true
  let revision: string | undefined
  try {
    const out = await ctx.gateway.updateAlias(
      fn,
      ctx.alias,
      { ...routing, ...(d.revisionId ? { revisionId: d.revisionId } : {}) },
      ctx.budget()
    )
    revision = out.RevisionId
  } catch (error) {
    if ((error as Error).name !== 'PreconditionFailedException') throw error
    const now = await ctx.gateway.getAlias(fn, ctx.alias, ctx.budget())
    if (!now || !sameRouting(snapshot(now), routing)) {
      throw new StopError(
        'foreign-change',
        `${d.fn.name}: alias ${ctx.alias} was changed by someone else during the rollout: this run last set ` +
          `${describeRouting(intents.at(-2) ?? d.initial ?? routing)}, the alias now holds ${now ? describeRouting(snapshot(now)) : 'nothing (deleted)'}. ` +
          `Not overwriting it`
      )
    }
    revision = now.RevisionId
  }
  d.revisionId = revision ?? null
  d.weight = weight
  record(d, ctx, weight, weight >= 1 ? `promoted to v${d.to}` : `${percent(weight)} to v${d.to}`)
}

function record(d: Deployment, ctx: ShiftContext, weight: number, action: string): void {
  d.weight = weight
  d.timeline.push({ time: ctx.clock.now(), weight, action, result: 'ok' })
}

async function checkAlarms(ctx: ShiftContext): Promise<string> {
  if (ctx.alarms.names.length === 0) return 'no alarms watched'
  const firing = await ctx.alarms.firing(ctx.budget().deadline)
  if (firing.length > 0)
    throw new StopError(
      'alarm',
      `alarm ${firing.map(a => a.name).join(', ')} went into ALARM (${firing[0]?.reason ?? ''})`
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
    stopIfAborted(ctx)
    const left = end - ctx.clock.now()
    if (left <= 0) return
    await ctx.clock.sleep(Math.min(every, left), ctx.signal)
    stopIfAborted(ctx)
    await checkAlarms(ctx)
  }
}

function stopIfAborted(ctx: ShiftContext): void {
  if (!ctx.signal.aborted) return
  const reason = String(ctx.signal.reason ?? 'cancelled')
  throw new StopError(reason.startsWith('timeout') ? 'timeout' : 'cancelled', reason)
}

export function errorLine(error: unknown): string {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }
  const code = e?.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''
  return `${e?.name ?? 'Error'}${code}: ${e?.message ?? String(error)}`
}
