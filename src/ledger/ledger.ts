// The run ledger: what main writes to the step state ahead of and after every alias write, so that its own
// undo and the post step (after a kill) judge the alias by the same record and the same rule.
import { entryKey, KEY_DONE, KEY_HEAD, type StateStore } from './hand-off.js'
import { sameState, stateOf, type AliasSnapshot, type AliasState } from './snapshot.js'

/** A write this run is about to send; `state: null` is a DeleteAlias. */
interface Intent {
  state: AliasState | null
  /** The RevisionId the write is guarded by (null: CreateAlias and DeleteAlias take none). */
  guard: string | null
}

export interface LedgerEntry {
  /** Function name or ARN as given. */
  id: string
  name: string
  /** The alias before this run; null when this run creates it. */
  initial: AliasSnapshot | null
  /** The version being promoted ('' before publishing settles it). */
  to: string
  /** RevisionId of the alias as this run's last write left it. */
  confirmed: string | null
  /** Writes sent whose answers have not come back (yet), oldest first; any of them may still land. */
  intents: Intent[]
  /** Set once this run saw someone else change the alias: what it held then. Never touched again. */
  foreign: string | null
}

export interface LedgerHead {
  v: 1
  alias: string
  region: string
  endpoint: string | null
  /**
   * FIPS and dual-stack as main's Lambda client resolved them. Saved rather than read again: a later step
   * can change the job's environment (GITHUB_ENV) before post runs, and post must reach what main reached.
   */
  useFipsEndpoint?: boolean
  useDualstackEndpoint?: boolean
  /** The `rollback` input: post leaves the aliases as they are when it is false. */
  rollback: boolean
  count: number
}

export class Ledger {
  private readonly index = new Map<string, number>()

  constructor(
    private readonly store: StateStore,
    readonly head: LedgerHead,
    readonly entries: LedgerEntry[]
  ) {
    entries.forEach((e, i) => this.index.set(e.id, i))
  }

  /** Records every function before the first write that could change anything. */
  begin(): void {
    this.store.save(KEY_HEAD, JSON.stringify(this.head))
    this.entries.forEach((_, i) => this.persist(i))
  }

  entry(id: string): LedgerEntry {
    return this.entries[this.at(id)] as LedgerEntry
  }

  /** The RevisionId the next write must carry: our last one, else the one read at the start. */
  guard(id: string): string | null {
    const e = this.entry(id)
    return e.confirmed ?? e.initial?.revisionId ?? null
  }

  intend(id: string, intent: Intent): void {
    this.update(id, e =>
      e.intents.push({ state: intent.state ? stateOf(intent.state) : null, guard: intent.guard })
    )
  }

  /** The write's answer (or, after a lost answer, the alias read back as our intent) came back. */
  confirm(id: string, revisionId: string | null): void {
    this.update(id, e => {
      // An empty RevisionId proves nothing: it is never taken as ours.
      e.confirmed = revisionId || null
      e.intents = []
    })
  }

  /** The last write was refused before Lambda did anything (access denied, expired credentials). */
  refused(id: string): void {
    this.update(id, e => void e.intents.pop())
  }

  markForeign(id: string, holds: string): void {
    this.update(id, e => {
      e.foreign = holds
      e.intents = []
    })
  }

  /** The outcome is final: post leaves everything as it is from here on. */
  finish(status: string): void {
    this.store.save(KEY_DONE, status)
  }

  private at(id: string): number {
    const i = this.index.get(id)
    if (i === undefined) throw new Error(`no ledger entry for ${id}`)
    return i
  }

  private update(id: string, change: (e: LedgerEntry) => void): void {
    const i = this.at(id)
    change(this.entries[i] as LedgerEntry)
    this.persist(i)
  }

  private persist(i: number): void {
    this.store.save(entryKey(i), JSON.stringify(this.entries[i]))
  }
}

type SavedLedger =
  { kind: 'none' } | { kind: 'unreadable'; reason: string } | { kind: 'found'; ledger: Ledger; done: string }

/** Reads back what main saved; post never guesses: an unreadable ledger is said to be one. */
export function readLedger(store: StateStore): SavedLedger {
  const headText = store.get(KEY_HEAD)
  if (!headText) return { kind: 'none' }
  try {
    const head = JSON.parse(headText) as LedgerHead
    if (head.v !== 1 || typeof head.alias !== 'string' || !Number.isInteger(head.count))
      return { kind: 'unreadable', reason: 'the saved run is of another format' }
    const entries: LedgerEntry[] = []
    for (let i = 0; i < head.count; i++) {
      const text = store.get(entryKey(i))
      if (!text) return { kind: 'unreadable', reason: `function ${i + 1} of ${head.count} was not saved` }
      const e = JSON.parse(text) as LedgerEntry
      if (typeof e.id !== 'string' || !Array.isArray(e.intents))
        return { kind: 'unreadable', reason: `function ${i + 1} is malformed` }
      entries.push(e)
    }
    return { kind: 'found', ledger: new Ledger(store, head, entries), done: store.get(KEY_DONE) }
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message }
  }
}

type Ownership = 'initial' | 'ours' | 'foreign'

/**
 * The ownership rule, for main and post alike. The alias is as it was (routing and description equal the
 * state read before the run, or still missing if it was), or this run's: its RevisionId is the last one this
 * run got back, or, after a lost answer, it is exactly the state this run recorded it was about to write.
 * Anything else is someone else's.
 */
export function ownership(e: LedgerEntry, now: AliasSnapshot | null): Ownership {
  if (now === null) {
    if (e.initial === null) return 'initial'
    return e.intents.some(i => i.state === null) ? 'ours' : 'foreign'
  }
  if (e.initial !== null && sameState(now, e.initial)) return 'initial'
  if (e.foreign !== null) return 'foreign'
  if (e.confirmed && now.revisionId === e.confirmed) return 'ours'
  if (e.intents.some(i => i.state !== null && sameState(now, i.state))) return 'ours'
  return 'foreign'
}
