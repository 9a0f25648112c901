import type { AliasSnapshot } from './alias-state.js'

/** What main saves for post (core.saveState): enough to undo this run's split without main. */
export interface SavedRun {
  alias: string
  functions: { id: string; initial: AliasSnapshot | null; to: string }[]
}

export const STATE_RUN = 'run'
export const STATE_DONE = 'done'
export const STATE_ENDPOINT = 'endpoint'
export const STATE_REGION = 'region'

export function encodeRun(run: SavedRun): string {
  return JSON.stringify(run)
}

export function decodeRun(text: string): SavedRun | null {
  if (!text) return null
  try {
    const run = JSON.parse(text) as SavedRun
    return typeof run.alias === 'string' && Array.isArray(run.functions) ? run : null
  } catch {
    return null
  }
}
