// The one restore algorithm: main's undo and the post step both call restoreAll over the run ledger.
import type { AliasApi, Budget } from '../aws/api.js'
import { isNamed } from '../aws/api.js'
import { mapLimit } from '../concurrency.js'
import { errorLine } from '../errors.js'
import { logSafe } from '../untrusted.js'
import { ownership, type Ledger, type LedgerEntry } from './ledger.js'
import { shellQuoteExact } from './shell-quote.js'
import { describeRouting, sameState, snapshot, stateOf, type AliasSnapshot } from './snapshot.js'

export interface RestoreResult {
  id: string
  /** The alias is as it was before the run (verified by a read). */
  restored: boolean
  /** Someone else's state was found and left alone. */
  foreign: boolean
  message: string
}

export interface RestoreContext {
  api: AliasApi
  ledger: Ledger
  concurrency: number
  budget: Budget
  /**
   * Main restores while its own writes may be unanswered and the runner's SIGKILL is near: it writes
   * before it reads (the RevisionId guard is the proof), and does not call an absent alias restored while
   * its CreateAlias is unanswered, leaving that for the post step to look at once main has stopped.
   */
  fromMain?: boolean
}

/** Restores every listed function; never throws, says per function what the alias holds. */
export async function restoreAll(ids: readonly string[], ctx: RestoreContext): Promise<RestoreResult[]> {
  const results = await mapLimit(ids, ctx.concurrency, id => restoreOne(id, ctx))
  return results.map((r, i) => {
    if (r.status === 'fulfilled') return r.value
    const e = ctx.ledger.entry(ids[i] as string)
    return {
      id: e.id,
      restored: false,
      foreign: false,
      message: `${e.name}: rollback failed: ${errorLine(r.reason)}; ${fixCommand(e, ctx.ledger.head.alias)}`
    }
  })
}

/**
 * Puts the alias back exactly (delete one this run created), writing only over a state the ledger shows is
 * this run's and always with the RevisionId just read or got back; then reads it to confirm. A 412 means
 * someone (or our own lost answer) wrote in between: read again and judge afresh.
 */
async function restoreOne(id: string, ctx: RestoreContext): Promise<RestoreResult> {
  const { api, ledger, budget } = ctx
  const alias = ledger.head.alias
  const e = ledger.entry(id)
  const initial = e.initial
  // Our last write is confirmed and nothing is pending: write at once, guarded by its RevisionId; one
  // call fewer per function counts when many aliases must be back before the runner's SIGKILL.
  if (
    ctx.fromMain &&
    initial !== null &&
    e.confirmed !== null &&
    e.intents.length === 0 &&
    e.foreign === null
  ) {
    // Lambda's answer to the guarded write is the alias as that write left it: it confirms the restore
    // as well as a read would, one call sooner.
    const after = await guardedRestore(ctx, e, initial, e.confirmed)
    if (after && sameState(after, initial)) return done(e, alias, 'restored')
  }
  for (let attempt = 0; attempt < 4; attempt++) {
    const found = await api.getAlias(id, alias, budget)
    const result = await act(ctx, id, found ? snapshot(found) : null)
    if (result) return result
  }
  const found = await api.getAlias(id, alias, budget)
  return {
    id,
    restored: false,
    foreign: false,
    message: `${e.name}: could not confirm the rollback; alias ${alias} holds ${found ? describeRouting(snapshot(found)) : 'nothing'}; ${fixCommand(e, alias)}`
  }
}

/** Judges one reading by the ledger and acts on it; null when it wrote and the alias must be read again. */
async function act(
  ctx: RestoreContext,
  id: string,
  now: AliasSnapshot | null
): Promise<RestoreResult | null> {
  const { api, ledger, budget } = ctx
  const alias = ledger.head.alias
  const entry = ledger.entry(id)
  const initial = entry.initial
  const owner = ownership(entry, now)
  const pending = entry.intents.filter(i => i.state !== null)
  // As it was, but a write of ours is still unanswered and guarded by exactly this RevisionId: it could
  // land yet. Writing the same state again moves the RevisionId, so that late write meets a 412.
  if (owner === 'initial' && now && initial && pending.some(i => i.guard === now.revisionId)) {
    await guardedRestore(ctx, entry, initial, now.revisionId)
    return null
  }
  // Still missing, but our CreateAlias is unanswered: it may land yet. Main says so and leaves the run
  // unfinished, so that the post step looks again once main has stopped.
  if (owner === 'initial' && now === null && initial === null && pending.length > 0 && ctx.fromMain)
    return {
      id,
      restored: false,
      foreign: false,
      message: `${entry.name}: alias ${alias} is absent, but this run's CreateAlias is unanswered and may still land; the post step checks again`
    }
  if (owner === 'initial') return done(entry, alias, now === null && initial === null ? 'absent' : 'restored')
  if (owner === 'foreign') return foreign(entry, alias, now)
  if (initial === null) {
    ledger.intend(id, { state: null, guard: null })
    // DeleteAlias takes no RevisionId: the read just above is the closest guard Lambda offers.
    await api.deleteAlias(id, alias, budget)
    return null
  }
  await guardedRestore(ctx, entry, initial, (now as AliasSnapshot).revisionId)
  return null
}

async function guardedRestore(
  ctx: RestoreContext,
  e: LedgerEntry,
  initial: AliasSnapshot,
  guard: string
): Promise<AliasSnapshot | null> {
  ctx.ledger.intend(e.id, { state: initial, guard })
  try {
    const out = await ctx.api.updateAlias(
      e.id,
      ctx.ledger.head.alias,
      { ...stateOf(initial), revisionId: guard },
      ctx.budget
    )
    ctx.ledger.confirm(e.id, out.RevisionId ?? null)
    return snapshot(out)
  } catch (error) {
    if (!isNamed(error, 'PreconditionFailedException')) throw error
    return null
  }
}

function done(e: LedgerEntry, alias: string, how: 'restored' | 'absent'): RestoreResult {
  const message =
    how === 'absent'
      ? `${e.name}: alias ${alias} (created by this run) is gone again (verified)`
      : `${e.name}: alias ${alias} is back on ${describeRouting(e.initial as AliasSnapshot)} (verified)`
  return { id: e.id, restored: true, foreign: false, message }
}

function foreign(e: LedgerEntry, alias: string, now: AliasSnapshot | null): RestoreResult {
  const before = e.initial ? describeRouting(e.initial) : 'nothing (no alias)'
  const holds = now
    ? `${describeRouting(now)}${now.description !== e.initial?.description ? ` (description "${logSafe(now.description, 100)}")` : ''}`
    : 'nothing (deleted)'
  return {
    id: e.id,
    restored: false,
    foreign: true,
    message: `${e.name}: alias ${alias} was changed by someone else: it holds ${holds}, which this run did not write (before the run: ${before}); left as it is`
  }
}

/**
 * The command a person runs to put the alias back by hand; every value quoted for the shell, the
 * description so that it sets exactly the text the alias had (see shellQuoteExact).
 */
export function fixCommand(e: Pick<LedgerEntry, 'id' | 'initial'>, alias: string): string {
  const q = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`
  if (!e.initial) return `to undo: aws lambda delete-alias --function-name ${q(e.id)} --name ${q(alias)}`
  const weights = Object.entries(e.initial.weights)
    .map(([v, w]) => `${v}=${w}`)
    .join(',')
  return (
    `to undo: aws lambda update-alias --function-name ${q(e.id)} --name ${q(alias)} ` +
    `--function-version ${q(e.initial.functionVersion)} --routing-config ${q(`AdditionalVersionWeights={${weights}}`)} ` +
    `--description ${shellQuoteExact(e.initial.description)}`
  )
}
