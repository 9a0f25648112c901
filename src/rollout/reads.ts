// The read phase's requests for one function: $LATEST, the alias and the alias's current version, read
// together, and the waits that go with them. Reads only.
import type { AliasConfiguration, Budget, FunctionConfiguration, LambdaApi } from '../aws/api.js'
import type { Clock } from '../clock.js'
import { DeployError } from '../errors.js'
import type { VersionSpec } from '../inputs/names.js'

const POLL_MS = 500

export interface ReadOptions {
  alias: string
  version: VersionSpec | null
  publish: 'auto' | 'always'
  /** The plan splits traffic (more than one step), so Lambda's split rules must be checked. */
  splits: boolean
  region: string
  api: LambdaApi
  clock: Clock
  budget: Budget
}

export interface Together {
  latest: FunctionConfiguration | null
  alias: AliasConfiguration | null
  current: FunctionConfiguration | undefined
}

type Reader<T> = (budget: Budget) => Promise<T>

const NONE: Together = { latest: null, alias: null, current: undefined }

/**
 * $LATEST, the alias and the alias's current version, asked for at once: one round trip instead of three.
 * The two beside $LATEST get one attempt each, so a broken endpoint sees $LATEST's retries and two
 * requests more, not three times the retries. An alias read that failed is asked again, with the whole
 * budget, once $LATEST has answered. The current version is asked for through the alias (Lambda answers
 * its primary version) and counts only when it is the version the alias read names; else, or when that
 * one attempt failed, it is read by number. It is needed to compare code (publish: auto) and for the split
 * check (roles, DLQ).
 */
export async function readTogether(fn: string, o: ReadOptions): Promise<Together> {
  const needCurrent = (o.version === null && o.publish === 'auto') || o.splits
  const readAlias: Reader<AliasConfiguration | null> = b => o.api.getAlias(fn, o.alias, b)
  const viaAlias = (): Promise<FunctionConfiguration | null> =>
    needCurrent ? oneAttempt(b => o.api.getFunction(fn, o.alias, b), o.budget) : Promise.resolve(null)
  const withCurrent = async (
    latest: FunctionConfiguration,
    alias: AliasConfiguration | null,
    via: FunctionConfiguration | null
  ): Promise<Together> => {
    // $LATEST is mutable: comparing its code with itself says nothing, so it is never "the current version".
    const from = alias?.FunctionVersion
    if (!needCurrent || !from || from === '$LATEST') return { latest, alias, current: undefined }
    if (via?.Version === from) return { latest, alias, current: via }
    return { latest, alias, current: (await o.api.getFunction(fn, from, o.budget)) ?? undefined }
  }

  const early = beside(readAlias, o.budget)
  const earlyVia = viaAlias()
  // Every read has ended before this goes on: none is left running behind a failure.
  const [first] = await Promise.allSettled([
    o.api.getFunction(fn, undefined, o.budget),
    early.ended,
    earlyVia
  ])
  if (first.status === 'rejected') throw first.reason
  // No function: that is the one line to give, whatever the reads beside it answered.
  if (first.value === null) return NONE
  if (o.version !== null || first.value.LastUpdateStatus !== 'InProgress') {
    refuseFailedUpdate(o, fn, first.value)
    const [alias, via] = await allRead([early.answer(), earlyVia])
    return withCurrent(first.value, alias, via)
  }
  const latest = await waitLatestSettled(o, fn)
  if (!latest) return NONE
  refuseFailedUpdate(o, fn, latest)
  // Read again after the wait: a snapshot from before it would make our first write fail (412) on a
  // change made during it, and the decision would rest on a state that no longer holds.
  const [alias, via] = await allRead([readAlias(o.budget), viaAlias()])
  return withCurrent(latest, alias, via)
}

function refuseFailedUpdate(o: ReadOptions, fn: string, latest: FunctionConfiguration): void {
  if (o.version === null && latest.LastUpdateStatus === 'Failed')
    throw new DeployError(
      `${fn}: the last update of $LATEST failed (${latest.LastUpdateStatusReason ?? 'no reason given'}); fix it before promoting`
    )
}

/** One attempt; a failure answers null, so that the caller reads another way. */
const oneAttempt = <T>(read: Reader<T | null>, budget: Budget): Promise<T | null> =>
  read({ ...budget, maxAttempts: 1 }).catch(() => null)

/** A read sent early: `ended` settles when its one attempt has (never rejects); `answer` gives its value. */
export interface Early<T> {
  ended: Promise<unknown>
  answer: () => Promise<T>
}

/** One attempt now; its answer later, or the read made again with the whole budget if the attempt failed. */
export function beside<T>(read: Reader<T>, budget: Budget): Early<T> {
  const first = read({ ...budget, maxAttempts: 1 }).then(
    value => ({ value }),
    () => null
  )
  return {
    ended: first,
    answer: async () => {
      const got = await first
      return got ? got.value : read(budget)
    }
  }
}

/** Every read ends before this does (none is left running behind a failure); the first error in order wins. */
async function allRead<T extends readonly unknown[]>(reads: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const ended = await Promise.allSettled(reads)
  const failed = ended.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  return ended.map(r => (r as PromiseFulfilledResult<unknown>).value) as unknown as T
}

/** Publishing while $LATEST is mid-update would publish half of it (or answer 409). */
async function waitLatestSettled(o: ReadOptions, fn: string): Promise<FunctionConfiguration | null> {
  for (;;) {
    await pause(o, `${fn}: $LATEST is still being updated`)
    const latest = await o.api.getFunction(fn, undefined, o.budget)
    if (latest?.LastUpdateStatus !== 'InProgress') return latest
  }
}

export async function pause(o: { clock: Clock; budget: Budget }, what: string): Promise<void> {
  if (o.budget.signal?.aborted) throw new DeployError(`${what} when the run was stopped`)
  if (o.clock.now() + POLL_MS > o.budget.deadline) throw new DeployError(`${what} at the timeout`)
  await o.clock.sleep(POLL_MS, o.budget.signal)
}
