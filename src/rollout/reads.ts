// The read phase's requests for one function: $LATEST, the alias and the alias's current version, read
// together, and the waits that go with them. Reads only.
import type {
  AliasConfiguration,
  Budget,
  FunctionConfiguration,
  LambdaApi,
  ProvisionedState
} from '../aws/api.js'
import { earlyAttempt } from '../aws/budgets.js'
import type { Clock } from '../clock.js'
import { DeployError } from '../errors.js'
import { isTransient } from '../aws/retry.js'
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

/** What the reads sent together answered. */
interface Together {
  latest: FunctionConfiguration | null
  alias: AliasConfiguration | null
  /** The alias's primary version read through the alias; null when not asked for or not answered. */
  viaAlias: FunctionConfiguration | null
  /** The `version:` number's configuration (null: no such version); undefined when none was asked for. */
  requested?: FunctionConfiguration | null
  /** The alias's provisioned-concurrency configuration; null: none (or no alias). */
  provisioned: ProvisionedState | null
}

type Reader<T> = (budget: Budget) => Promise<T>

const NONE: Together = { latest: null, alias: null, viaAlias: null, provisioned: null }

/** The alias's current version is read to compare code (publish: auto) and for the split check (roles, DLQ). */
const needsCurrent = (o: ReadOptions): boolean => (o.version === null && o.publish === 'auto') || o.splits

/**
 * $LATEST, the alias, the alias's current version (asked for through the alias: Lambda answers its primary
 * version) and a `version:` number, asked for at once: one round trip instead of up to four. The reads
 * beside $LATEST get one attempt each, so a broken endpoint sees $LATEST's retries and a request or two
 * more, not several times the retries. One that failed on a transient fault is asked again, with the whole
 * budget, once $LATEST has answered; the one through the alias is replaced by a read by number
 * (currentVersion).
 */
export async function readTogether(fn: string, o: ReadOptions): Promise<Together> {
  const spec = o.version
  const readAlias: Reader<AliasConfiguration | null> = b => o.api.getAlias(fn, o.alias, b)
  // Sent beside the others, one attempt: an alias without provisioned concurrency costs no round trip.
  const readPc: Reader<ProvisionedState | null> = b =>
    o.api.getProvisionedConcurrency?.(fn, o.alias, b) ?? Promise.resolve(null)
  const readVia = (): Promise<FunctionConfiguration | null> =>
    needsCurrent(o)
      ? o.api.getFunction(fn, o.alias, earlyAttempt(o.budget)).catch(() => null)
      : Promise.resolve(null)
  const latestRead = o.api.getFunction(fn, undefined, o.budget)
  const aliasRead = beside(readAlias, o.budget)
  const viaRead = readVia()
  const pcRead = beside(readPc, o.budget)
  const numberRead =
    spec?.kind === 'number' ? beside(b => o.api.getFunction(fn, spec.version, b), o.budget) : undefined
  // Every read has ended before this goes on: none is left running behind a failure.
  const [first] = await Promise.allSettled([
    latestRead,
    aliasRead.ended,
    viaRead,
    pcRead.ended,
    numberRead?.ended
  ])
  if (first.status === 'rejected') throw first.reason
  // No function: that is the one line to give, whatever the reads beside it answered.
  if (first.value === null) return NONE
  if (spec !== null || first.value.LastUpdateStatus !== 'InProgress') {
    refuseFailedUpdate(o, fn, first.value)
    const [alias, viaAlias, provisioned, requested] = await allRead([
      aliasRead.answer(),
      viaRead,
      pcRead.answer(),
      numberRead ? numberRead.answer() : Promise.resolve(undefined)
    ])
    return {
      latest: first.value,
      alias,
      viaAlias,
      provisioned,
      ...(requested !== undefined ? { requested } : {})
    }
  }
  const latest = await waitLatestSettled(o, fn)
  if (!latest) return NONE
  refuseFailedUpdate(o, fn, latest)
  // Read again after the wait: a snapshot from before it would make our first write fail (412) on a
  // change made during it, and the decision would rest on a state that no longer holds.
  const [alias, viaAlias, provisioned] = await allRead([readAlias(o.budget), readVia(), readPc(o.budget)])
  return { latest, alias, viaAlias, provisioned }
}

/**
 * The alias's current version, when the run needs it: the answer through the alias if it names the version
 * the alias read does, else read by number. $LATEST is mutable: comparing its code with itself says
 * nothing, so it is never "the current version".
 */
export async function currentVersion(
  fn: string,
  o: ReadOptions,
  { alias, viaAlias }: Together
): Promise<FunctionConfiguration | undefined> {
  const from = alias?.FunctionVersion
  if (!needsCurrent(o) || !from || from === '$LATEST') return undefined
  if (viaAlias?.Version === from) return viaAlias
  return (await o.api.getFunction(fn, from, o.budget)) ?? undefined
}

function refuseFailedUpdate(o: ReadOptions, fn: string, latest: FunctionConfiguration): void {
  if (o.version === null && latest.LastUpdateStatus === 'Failed')
    throw new DeployError(
      `${fn}: the last update of $LATEST failed (${latest.LastUpdateStatusReason ?? 'no reason given'}); fix it before promoting`
    )
}

/**
 * One attempt now. `ended` settles when it has (never rejects); `answer` gives its value, or makes the read
 * again with the whole budget if the attempt met a transient fault, or throws what it met otherwise.
 */
function beside<T>(reader: Reader<T>, budget: Budget): { ended: Promise<unknown>; answer: () => Promise<T> } {
  const first = reader(earlyAttempt(budget)).then(
    value => ({ value }),
    (error: unknown) => ({ error })
  )
  return {
    ended: first,
    answer: async () => {
      const got = await first
      if ('value' in got) return got.value
      if (isTransient(got.error)) return reader(budget)
      throw got.error
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
