import type { AliasSnapshot } from './alias-state.js'
import type { FunctionRef } from './names.js'

export type Status = 'promoted' | 'unchanged' | 'in-progress' | 'rolled-back' | 'failed' | 'dry-run'

export interface TimelineEntry {
  time: number
  /** Traffic on the new version after this step, 0..1; 0 for a rollback. */
  weight: number
  action: string
  result: string
}

/** One function's rollout as it goes: what was found, what is being done, what happened. */
export interface Deployment {
  fn: FunctionRef
  functionArn: string
  aliasArn: string
  /** The alias as read before anything changed; null when missing (this run creates it). */
  initial: AliasSnapshot | null
  /** Primary version before this run, or null. */
  from: string | null
  /** Version being promoted (known after publishing). */
  to: string
  codeSha256: string
  published: boolean
  /** Nothing to do for this function. */
  unchanged: boolean
  unchangedReason?: string
  /** Traffic already on `to` when this run began (resume), 0..1. */
  resumeWeight: number
  /** Traffic on `to` after this run's last write. */
  weight: number
  /** RevisionId from our last alias write or read, chained into the next write. */
  revisionId: string | null
  /** This run has written to the alias (so a rollback has something to undo). */
  wrote: boolean
  timeline: TimelineEntry[]
  status: Status
  /** Why it failed or was rolled back; the state the alias was left in. */
  message?: string
  /** Set by a rollback: false when this run could not put the alias back (post will try again). */
  restored?: boolean
  /** Configuration facts for the Role/DLQ split check. */
  fromRole?: string
  toRole?: string
  fromDlq?: string
  toDlq?: string
}

export function newDeployment(fn: FunctionRef): Deployment {
  return {
    fn,
    functionArn: '',
    aliasArn: '',
    initial: null,
    from: null,
    to: '',
    codeSha256: '',
    published: false,
    unchanged: false,
    resumeWeight: 0,
    weight: 0,
    revisionId: null,
    wrote: false,
    timeline: [],
    status: 'failed'
  }
}
