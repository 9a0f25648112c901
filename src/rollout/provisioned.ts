// Provisioned concurrency (PC) on the alias: the plan check before any change, and the waits after each alias
// write and after a rollback. Lambda reallocates an alias's PC whenever its version or weights change; traffic
// served meanwhile spills over to on-demand (cold) instances, so a step's hold starts only once PC is READY.
import type { Budget, LambdaApi, ProvisionedState } from '../aws/api.js'
import type { Clock } from '../clock.js'
import { DeployError, StopError, stopIfAborted } from '../errors.js'
import { formatElapsed } from '../inputs/duration.js'
import type { Ledger } from '../ledger/ledger.js'
import { sameState, snapshot, type AliasState } from '../ledger/snapshot.js'
import type { Log } from '../log.js'
import { logSafe } from '../untrusted.js'
import type { FunctionRollout, ProvisionedRecord } from './record.js'

interface PcContext {
  alias: string
  api: LambdaApi
  clock: Clock
  log: Log
  signal: AbortSignal
  budget: () => Budget
  ledger: Ledger
}

/** `1`, or `1+2` while the alias splits traffic: the versions its PC is allocated for. */
const coveredBy = (s: AliasState): string => [s.functionVersion, ...Object.keys(s.weights)].join('+')

/** Records the alias's PC as the read phase found it (an alias without PC records nothing). */
export function noteProvisioned(d: FunctionRollout, pc: ProvisionedState | null): void {
  if (pc === null || d.initial === null) return
  d.provisioned = {
    requested: pc.requested,
    status: pc.status,
    ...(pc.reason ? { reason: logSafe(pc.reason, 300) } : {}),
    versions: coveredBy(d.initial),
    waits: []
  }
}

/**
 * Refused before any change, where Lambda would refuse mid-rollout. SnapStart with PC: never allowed.
 * Lambda allows one PC configuration per version: moving an alias with PC onto a version that has its own,
 * or that another alias with PC covers, is refused with 409 (mid-rollout, after traffic has moved). Refused
 * here instead, before any change. A version this run publishes is new and has none.
 */
export async function refuseProvisionedConflict(
  d: FunctionRollout,
  o: { alias: string; api: LambdaApi; budget: Budget },
  /** The version to promote is (or will be published) with SnapStart. */
  snapStart: boolean
): Promise<void> {
  if (!d.provisioned || d.unchanged) return
  // Lambda: SnapStart does not support provisioned concurrency; the allocation could never be READY.
  if (snapStart)
    throw new DeployError(
      `${d.fn.name}: alias ${o.alias} has provisioned concurrency and ${d.to ? `v${d.to}` : 'the version to publish'} uses SnapStart, which Lambda does not support together; remove one of them; nothing was changed`
    )
  if (!d.to || !o.api.listProvisionedConcurrency) return
  const owners = (await o.api.listProvisionedConcurrency(d.fn.id, o.budget)).filter(q => q !== o.alias)
  for (const q of owners) {
    let covers = q === d.to
    if (!covers && !/^\d+$/.test(q)) {
      const other = await o.api.getAlias(d.fn.id, q, o.budget)
      covers = other ? coveredBy(snapshot(other)).split('+').includes(d.to) : false
    }
    if (covers)
      throw new DeployError(
        `${d.fn.name}: alias ${o.alias} has provisioned concurrency and v${d.to} is already covered by the provisioned concurrency of ${/^\d+$/.test(q) ? `version ${q}` : `alias ${q}`}; Lambda allows one configuration per version and would refuse the first shift (409). Remove that configuration or promote another version; nothing was changed`
      )
  }
}

/** The configuration's latest status; Lambda's reason only while it says FAILED. */
function note(pc: ProvisionedRecord, now: ProvisionedState | null): void {
  pc.status = now?.status ?? 'removed'
  if (now?.reason && now.status === 'FAILED') pc.reason = logSafe(now.reason, 300)
  else delete pc.reason
}

/** Polls often at first (the emulator allocates in a moment), then every 5 s (AWS takes minutes). */
const pollMs = (waited: number): number => Math.min(5000, 250 + waited / 10)

/** Reads the alias's PC until it is no longer IN_PROGRESS or `deadline` comes; null: the configuration is gone. */
async function settled(
  d: FunctionRollout,
  ctx: Omit<PcContext, 'ledger' | 'log'>,
  deadline: number
): Promise<{ pc: ProvisionedState | null; waitedMs: number }> {
  const started = ctx.clock.now()
  for (;;) {
    const pc = (await ctx.api.getProvisionedConcurrency?.(d.fn.id, ctx.alias, ctx.budget())) ?? null
    const waitedMs = ctx.clock.now() - started
    if (pc?.status !== 'IN_PROGRESS') return { pc, waitedMs }
    const pause = pollMs(waitedMs)
    if (ctx.clock.now() + pause > deadline || ctx.signal.aborted) return { pc, waitedMs }
    await ctx.clock.sleep(pause, ctx.signal)
  }
}

/**
 * After an alias write: waits until the alias's PC is READY again, bounded by the run's timeout. FAILED
 * stops the rollout (and so rolls back) with Lambda's StatusReason.
 */
export async function waitProvisionedAfterWrite(
  d: FunctionRollout,
  state: AliasState,
  ctx: PcContext
): Promise<void> {
  const pc = d.provisioned
  if (!pc) return
  const versions = coveredBy(state)
  const { pc: now, waitedMs } = await settled(d, ctx, ctx.budget().deadline)
  stopIfAborted(ctx.signal)
  pc.versions = versions
  pc.waits.push({ versions, status: now?.status ?? 'removed', waitedMs })
  const what = `${d.fn.name}: provisioned concurrency ${pc.requested} on ${ctx.alias}`
  if (now === null) {
    pc.status = 'removed'
    ctx.log.warning(`${what}: the configuration was removed by someone else; not waiting for it`)
    return
  }
  note(pc, now)
  if (now.status === 'FAILED')
    throw new StopError(
      'step-failed',
      `${what} FAILED on v${versions}: ${logSafe(now.reason ?? 'no reason given', 300)}`
    )
  if (now.status !== 'READY')
    throw new StopError(
      'timeout',
      `timeout: ${what} still ${now.status} on v${versions} after ${formatElapsed(waitedMs)}`
    )
  ctx.log.info(`  ${what}: READY after ${formatElapsed(waitedMs)} (v${versions})`)
  await adoptRevision(d, state, ctx)
}

/**
 * AWS may show transient routing weights on an alias with PC while it moves versions (and so perhaps a
 * RevisionId of its own). Once PC is READY the alias shows exactly what this run wrote again: then that
 * RevisionId guards the next write, so Lambda's own transition is not taken for someone else's change.
 */
async function adoptRevision(d: FunctionRollout, state: AliasState, ctx: PcContext): Promise<void> {
  const found = await ctx.api.getAlias(d.fn.id, ctx.alias, ctx.budget())
  if (!found) return
  const now = snapshot(found)
  if (sameState(now, state) && now.revisionId && now.revisionId !== ctx.ledger.guard(d.fn.id))
    ctx.ledger.confirm(d.fn.id, now.revisionId)
}

/**
 * After a verified rollback: waits (within the rollback's budget) for the old version's PC to be READY
 * again and says whether it is. A cancelled run does not wait: the runner's SIGKILL is seconds away.
 */
export async function provisionedAfterRollback(
  ds: FunctionRollout[],
  ctx: Omit<PcContext, 'ledger'>,
  cancelled: boolean
): Promise<string[]> {
  const notes: string[] = []
  for (const d of ds) {
    const pc = d.provisioned
    if (!pc || !d.restored || !d.initial) continue
    const versions = coveredBy(d.initial)
    const what = `provisioned concurrency ${pc.requested} on ${ctx.alias}`
    if (cancelled) {
      notes.push(`${d.fn.name}: ${what} not waited for (cancelled)`)
      continue
    }
    const { pc: now, waitedMs } = await settled(d, ctx, ctx.budget().deadline)
    pc.versions = versions
    note(pc, now)
    pc.waits.push({ versions, status: pc.status, waitedMs })
    notes.push(
      now?.status === 'READY'
        ? `${d.fn.name}: ${what} READY again on v${versions} after ${formatElapsed(waitedMs)}`
        : `${d.fn.name}: ${what} NOT READY on v${versions}: ${pc.status}${now?.reason ? ` (${logSafe(now.reason, 200)})` : ''} after ${formatElapsed(waitedMs)}`
    )
  }
  for (const n of notes) ctx.log.info(`  ${n}`)
  return notes
}

/** `, SnapStart OptimizationStatus On after 2.1s` for the publish line; nothing without SnapStart. */
export function snapStartNote(d: FunctionRollout): string {
  return d.snapStart
    ? `, SnapStart OptimizationStatus ${d.snapStart.optimizationStatus} after ${formatElapsed(d.snapStart.waitedMs)}`
    : ''
}
