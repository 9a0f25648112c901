// Following a CodeDeploy deployment: what changed since the last look (lines for the log, a point for the
// timeline) and how it ended. Pure; CodeDeploy's own words are untrusted text and made safe here.
import { weightPercent } from '../ledger/snapshot.js'
import { logSafe } from '../untrusted.js'
import type { DeploymentView } from './api.js'

/** What the last look saw. */
export interface Seen {
  status?: string
  events: Record<string, string>
  weight?: number
}

export interface Change {
  seen: Seen
  lines: string[]
  /** Set when the target version's share changed: the new share, 0..1. */
  moved?: number
}

export type Ending =
  | { status: 'promoted' }
  /** CodeDeploy stopped or failed it and a rollback deployment puts the alias back. */
  | { status: 'rolled-back'; reason: string; rollbackDeploymentId: string }
  /** Stopped or failed with no rollback: the alias stays where CodeDeploy left it. */
  | { status: 'failed'; reason: string }

export const START: Seen = { events: {} }

/** Lines for each new status, lifecycle event status and traffic share; nothing when nothing changed. */
export function observe(before: Seen, now: DeploymentView): Change {
  const lines: string[] = []
  if (now.status !== before.status) lines.push(`deployment ${now.status}`)
  const events: Record<string, string> = {}
  for (const e of now.events) {
    events[e.name] = e.status
    if (before.events[e.name] !== e.status)
      lines.push(`${e.name}: ${e.status}${e.diagnostic ? ` (${logSafe(e.diagnostic, 200)})` : ''}`)
  }
  const seen: Seen = {
    status: now.status,
    events,
    ...(now.weight !== undefined ? { weight: now.weight } : {})
  }
  if (now.weight === undefined || now.weight === before.weight) return { seen, lines }
  lines.push(`traffic on the new version: ${weightPercent(now.weight)}`)
  return { seen, lines, moved: now.weight }
}

/** How the deployment ended, or null while it runs. */
export function ending(now: DeploymentView): Ending | null {
  if (now.status === 'Succeeded') return { status: 'promoted' }
  if (now.status !== 'Failed' && now.status !== 'Stopped') return null
  const why = [now.errorCode, now.errorMessage].filter(Boolean).join(': ')
  const reason = `CodeDeploy ${now.status === 'Stopped' ? 'stopped' : 'failed'} the deployment${why ? ` (${logSafe(why, 300)})` : ''}`
  return now.rollbackDeploymentId
    ? { status: 'rolled-back', reason, rollbackDeploymentId: now.rollbackDeploymentId }
    : { status: 'failed', reason }
}

/** A rollback deployment is done when it succeeded (alias back) or failed (it is not). */
export function rollbackDone(now: DeploymentView): 'succeeded' | 'failed' | null {
  if (now.status === 'Succeeded') return 'succeeded'
  return now.status === 'Failed' || now.status === 'Stopped' ? 'failed' : null
}
