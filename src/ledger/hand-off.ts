// What main leaves for post in the step state, every key of it named here: the run ledger's (ledger.ts
// writes and reads the entries under them), the GitHub deployment main opened, and whether main reported
// that deployment itself (both written and read only here).

/** Where the hand-off lives: the step state in the action, a map in tests. */
export interface StateStore {
  save(name: string, value: string): void
  get(name: string): string
}

/** The run ledger: its head, whether the outcome is final, and one entry per function. */
export const KEY_HEAD = 'run'
export const KEY_DONE = 'done'
export const entryKey = (i: number): string => `f${i}`

const KEY_DEPLOYMENT = 'deployment'
const KEY_REPORTED = 'reported'
const KEY_CODEDEPLOY = 'codedeploy'
const KEY_CODEDEPLOY_DONE = 'codedeploy-done'
const KEY_CODEDEPLOY_SENDING = 'codedeploy-sending'

/** The GitHub deployment main opened: enough for post to mark it failed without the token (read apart). */
export interface DeploymentRecord {
  id: number
  owner: string
  repo: string
  apiUrl: string
  logUrl?: string
}

export function saveDeployment(store: StateStore, record: DeploymentRecord): void {
  store.save(KEY_DEPLOYMENT, JSON.stringify(record))
}

/**
 * The deployment post must close: undefined when main opened none or reported it itself. Throws when the
 * saved record is not JSON (post turns that into a warning).
 */
export function unreportedDeployment(store: StateStore): DeploymentRecord | undefined {
  const saved = store.get(KEY_DEPLOYMENT)
  if (!saved || store.get(KEY_REPORTED)) return undefined
  return JSON.parse(saved) as DeploymentRecord
}

/** Main reported the deployment's final status (or tried to): post leaves it alone. */
export function markReported(store: StateStore): void {
  store.save(KEY_REPORTED, 'true')
}

/** engine: codedeploy: the deployment main created, and how to reach CodeDeploy to stop it. */
export interface CodeDeployRecord {
  id: string
  region: string
  endpoint: string | null
  /** The rollback input: a stop asks CodeDeploy to roll back only when it is true. */
  rollback: boolean
}

/** Saved as soon as CreateDeployment answers: post stops exactly this one, never another. */
export function saveCodeDeploy(store: StateStore, record: CodeDeployRecord): void {
  store.save(KEY_CODEDEPLOY, JSON.stringify(record))
}

/**
 * engine: codedeploy: the deployment main is about to create, saved before CreateDeployment is sent, so
 * that a lost answer (or main killed before it) leaves enough to find that deployment and stop it.
 */
export interface CodeDeploySending {
  application: string
  group: string
  /** Exactly the description sent with CreateDeployment. */
  description: string
  /** The description is the default one, with this step's own token: only then can a deployment be told ours. */
  tokened: boolean
  /** When main sent it (its clock, epoch ms). */
  sentAt: number
  region: string
  endpoint: string | null
  rollback: boolean
}

export function saveCodeDeploySending(store: StateStore, record: CodeDeploySending): void {
  store.save(KEY_CODEDEPLOY_SENDING, JSON.stringify(record))
}

/**
 * The deployment main sent CreateDeployment for but never learnt the id of, while it is not done with it;
 * undefined when the id arrived or there is none. Throws when the saved record is malformed.
 */
export function codeDeployUnanswered(store: StateStore): CodeDeploySending | undefined {
  const saved = store.get(KEY_CODEDEPLOY_SENDING)
  if (!saved || store.get(KEY_CODEDEPLOY) || store.get(KEY_CODEDEPLOY_DONE)) return undefined
  const r = JSON.parse(saved) as CodeDeploySending
  if (typeof r.description !== 'string' || typeof r.sentAt !== 'number' || typeof r.application !== 'string')
    throw new Error('the saved CreateDeployment record is malformed')
  return r
}

/** Main is done with the deployment (it ended, was stopped, or was left to run with wait: false). */
export function markCodeDeployDone(store: StateStore, how: string): void {
  store.save(KEY_CODEDEPLOY_DONE, how)
}

/**
 * The deployment post must stop: the one main created and was still following when it died; undefined
 * when there is none. Throws when the saved record is not JSON (post says so).
 */
export function codeDeployToStop(store: StateStore): CodeDeployRecord | undefined {
  const saved = store.get(KEY_CODEDEPLOY)
  if (!saved || store.get(KEY_CODEDEPLOY_DONE)) return undefined
  const record = JSON.parse(saved) as CodeDeployRecord
  if (typeof record.id !== 'string' || record.id === '')
    throw new Error('the saved deployment id is malformed')
  return record
}

/** An in-memory store: tests, and main when it runs outside a runner. */
export function memoryStore(
  values = new Map<string, string>()
): StateStore & { values: Map<string, string> } {
  return { values, save: (k, v) => void values.set(k, v), get: k => values.get(k) ?? '' }
}
