// What pruning reads of a finished run and what it reports. The rollout's Outcome satisfies FinishedRun,
// so pruning needs nothing from the rollout wing, and the outcome can carry the report.
import type { CodeStorage } from './api.js'
import type { KeptVersion, PublishedVersion } from './decide.js'

export interface FinishedFunction {
  readonly fn: { readonly id: string; readonly name: string }
  readonly status: string
  /** The version the alias was on before the run (the rollback target), null on a first deploy. */
  readonly from: string | null
  /** The version the alias is on now. */
  readonly to: string
}

export interface FinishedRun {
  readonly status: string
  readonly deployments: readonly FinishedFunction[]
}

export interface FunctionPruning {
  name: string
  /** Deleted (or, in a dry run, to be deleted). */
  deleted: PublishedVersion[]
  kept: KeptVersion[]
  /** Versions that could not be deleted, with why. */
  skipped: { version: string; reason: string }[]
  reclaimedBytes: number
  /** Why nothing was deleted, when the facts could not all be read. */
  notDeleted?: string
}

export interface PruneReport {
  keep: number
  dryRun: boolean
  functions: FunctionPruning[]
  /** Why no function was pruned at all. */
  notRun?: string
  storage?: CodeStorage
}
