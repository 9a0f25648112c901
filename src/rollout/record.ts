import type { AlarmState } from '../aws/api.js'
import type { FunctionRef } from '../inputs/names.js'
import type { PruneReport } from '../prune/report.js'
import type { AliasSnapshot } from '../ledger/snapshot.js'

/** One judged step of one function, for the summary, its chart and the `result` output. */
export interface StepJudgement {
  /** Traffic on the new version during the step, 0..1. */
  weight: number
  outcome: 'pass' | 'fail' | 'insufficient'
  line: string
  newInvocations: number
  oldInvocations: number
  newErrorRate: number | undefined
  oldErrorRate: number | undefined
  newP99Ms: number | undefined
  oldP99Ms: number | undefined
  pValue: number | undefined
}

export type Status = 'promoted' | 'unchanged' | 'in-progress' | 'rolled-back' | 'failed' | 'dry-run'

interface TimelineEntry {
  time: number
  /** Traffic on the new version after this step, 0..1; 0 for a rollback. */
  weight: number
  action: string
  result: string
}

/** The alias's provisioned concurrency: as read, then the wait after each of this run's alias writes. */
export interface ProvisionedRecord {
  requested: number
  /** The configuration's last status seen: READY, IN_PROGRESS or FAILED. */
  status: string
  reason?: string
  /** The versions it covered then (`1`, or `1+2` during a split). */
  versions: string
  waits: { versions: string; status: string; waitedMs: number }[]
}

/** One function's rollout: what the reads found, what publishing settled on, and what happened. */
export interface FunctionRollout {
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
  /** Traffic on `to` after this run's last confirmed write. */
  weight: number
  /** This run has sent a write to the alias (so a rollback has something to look at). */
  wrote: boolean
  timeline: TimelineEntry[]
  status: Status
  /** Why it failed or was rolled back; the state the alias was left in. */
  message?: string
  /** Set by a rollback: false when this run could not put the alias back. */
  restored?: boolean
  /** Set by a rollback: the alias holds someone else's change, which this run left alone. */
  foreign?: boolean
  /** Canary analysis: one judgement per judged step. */
  analysis?: StepJudgement[]
  /** Set when the alias has provisioned concurrency: every alias write waits until it is READY again. */
  provisioned?: ProvisionedRecord
  /** The new version was published with SnapStart: its OptimizationStatus once Active, and how long it took. */
  snapStart?: { optimizationStatus: string; waitedMs: number }
  /** The longest Timeout of the versions read, in ms: how late an invocation's metrics can be sent. */
  timeoutMs?: number
  /** Configuration facts for the Role/DLQ split check. */
  fromRole?: string
  toRole?: string
  fromDlq?: string
  toDlq?: string
}

export function newRollout(fn: FunctionRef): FunctionRollout {
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
    wrote: false,
    timeline: [],
    status: 'failed'
  }
}

/** Goes at once: a new alias has no traffic to protect, clearing a pending split is a rollback, and
 * Lambda cannot split traffic away from $LATEST. */
export function movesAllAtOnce(d: FunctionRollout): boolean {
  return d.initial === null || d.to === d.from || d.from === '$LATEST'
}

export interface Outcome {
  status: Status
  deployments: FunctionRollout[]
  /** One line for setFailed, when the run failed. */
  error?: string
  /** What stopped a rollout that had started moving traffic (alarm, signal, timeout, …). */
  stopReason?: string
  alarms: AlarmState[]
  startedAt: number
  endedAt: number
  /** Lines of the plan, for dry-run and the summary. */
  plan: string[]
  /** What keep-versions deleted and kept, when it is set. */
  pruning?: PruneReport
  /** engine: codedeploy: the deployment this run created and what following it showed. */
  codedeploy?: CodeDeployReport
}

export interface CodeDeployReport {
  deploymentId: string
  link: string
  application: string
  group: string
  config: string
  /** What the log said while following, oldest first (CodeDeploy's words already made safe). */
  events: string[]
}

/** A run's outcome before anything is known: failed until a phase says otherwise. */
export function openOutcome(startedAt: number): Outcome {
  return { status: 'failed', deployments: [], alarms: [], startedAt, endedAt: startedAt, plan: [] }
}
