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

/** An in-memory store: tests, and main when it runs outside a runner. */
export function memoryStore(
  values = new Map<string, string>()
): StateStore & { values: Map<string, string> } {
  return { values, save: (k, v) => void values.set(k, v), get: k => values.get(k) ?? '' }
}
