// A deployment whose CreateDeployment answer never arrived: which of a group's unfinished deployments is
// the one this step created. Pure: the lookup (recover.ts) hands in what CodeDeploy listed.
import type { CodeDeploySending } from '../ledger/hand-off.js'

/**
 * How long before the send a deployment may be stamped and still be ours. CodeDeploy stamps createTime
 * with its own clock, the send time is the runner's: a runner clock ahead of AWS's makes our deployment
 * look older than the send. Five minutes is the skew AWS itself tolerates in signed requests.
 */
export const CLOCK_SKEW_MS = 5 * 60_000

/** At most this many unfinished deployments are read: CodeDeploy runs one per group at a time. */
export const MAX_CANDIDATES = 5

/** What CodeDeploy answers of the statuses a deployment has before it ends. */
export const UNFINISHED = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'] as const

export interface Candidate {
  id: string
  description: string
  /** CodeDeploy's createTime, epoch ms. */
  createTime: number
}

export type Verdict =
  | { kind: 'ours'; id: string }
  | { kind: 'none' }
  /** More than one matches: none can be told ours. */
  | { kind: 'several'; ids: string[] }
  /** The description carries no step token (a description input another run may share). */
  | { kind: 'untokened'; ids: string[] }
  /** More unfinished deployments than were read, and none of those read matched. */
  | { kind: 'unsure'; listed: number }

/** The default description carries `step <8 hex>`, this step's random token (github/context.ts). */
export function hasStepToken(description: string): boolean {
  return /(^| )step [0-9a-f]{8}( |$)/.test(description)
}

/**
 * Ours: the very description sent, carrying this step's token, created no earlier than shortly before the
 * send. `listed` is how many unfinished deployments CodeDeploy listed, of which `read` were read.
 */
export function ownLostDeployment(
  sent: Pick<CodeDeploySending, 'description' | 'tokened' | 'sentAt'>,
  read: readonly Candidate[],
  listed: number = read.length
): Verdict {
  const ids = read
    .filter(c => c.description === sent.description && c.createTime >= sent.sentAt - CLOCK_SKEW_MS)
    .map(c => c.id)
  const tokened = sent.tokened && hasStepToken(sent.description)
  if (ids.length === 0) return listed > read.length ? { kind: 'unsure', listed } : { kind: 'none' }
  if (!tokened) return { kind: 'untokened', ids }
  if (ids.length > 1) return { kind: 'several', ids }
  return { kind: 'ours', id: ids[0] as string }
}

/** The command that stops a deployment as this step would have. */
export function stopCommand(id: string, rollback: boolean): string {
  return `aws deploy stop-deployment --deployment-id ${id} ${rollback ? '--auto-rollback-enabled' : '--no-auto-rollback-enabled'}`
}
