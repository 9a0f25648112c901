import { describeRouting, pendingSplit, type AliasSnapshot } from '../ledger/snapshot.js'

/** What the reads found, reduced to what the decision needs. */
export interface DecisionInput {
  alias: string
  publish: 'auto' | 'always'
  /** The alias as found, or null when it does not exist yet. */
  current: AliasSnapshot | null
  /** The version asked for with `version:` (resolved to a number), or null to publish from $LATEST. */
  requested: string | null
  latestSha: string
  /** CodeSha256 of the alias's primary version and of its weighted version, when they exist. */
  currentSha?: string
  pendingSha?: string
}

export type Decision =
  | { kind: 'unchanged'; version: string; reason: string }
  | { kind: 'refuse'; message: string }
  /** Publish $LATEST, then promote what PublishVersion answers. */
  | { kind: 'publish' }
  /** Promote an existing version; `resumeWeight` > 0 when it already carries that much traffic. */
  | { kind: 'promote'; version: string; resumeWeight: number }

/** Refuses an unfinished rollout, resumes our own, skips unchanged code. Pure. */
export function decide(input: DecisionInput): Decision {
  const { current } = input
  const split = current ? pendingSplit(current) : null

  if (input.requested !== null) {
    const version = input.requested
    if (!current) return { kind: 'promote', version, resumeWeight: 0 }
    if (split && split.version === version) return { kind: 'promote', version, resumeWeight: split.weight }
    if (version === current.functionVersion) {
      // Asking for the primary while a split is pending is the manual rollback: clear the split.
      return split
        ? { kind: 'promote', version, resumeWeight: 0 }
        : { kind: 'unchanged', version, reason: `alias ${input.alias} already points at v${version}` }
    }
    if (split) return { kind: 'refuse', message: unfinished(input.alias, current, version) }
    return { kind: 'promote', version, resumeWeight: 0 }
  }

  if (!current) return { kind: 'publish' }
  // An alias on mutable $LATEST has no version to compare with: publish, then move all at once.
  if (current.functionVersion === '$LATEST') return { kind: 'publish' }
  if (split) {
    if (input.pendingSha === input.latestSha)
      return { kind: 'promote', version: split.version, resumeWeight: split.weight }
    return { kind: 'refuse', message: unfinished(input.alias, current, 'a new version from $LATEST') }
  }
  if (input.publish === 'auto' && input.currentSha === input.latestSha) {
    return {
      kind: 'unchanged',
      version: current.functionVersion,
      reason: `$LATEST has the same code as v${current.functionVersion} (CodeSha256 ${short(input.latestSha)}); publish: always publishes a configuration-only change`
    }
  }
  return { kind: 'publish' }
}

function unfinished(alias: string, current: AliasSnapshot, wanted: string): string {
  const split = pendingSplit(current)!
  const target = /^\d+$/.test(wanted) ? `v${wanted}` : wanted
  return (
    `alias ${alias} is split (${describeRouting(current)}): an earlier rollout of v${split.version} is unfinished, ` +
    `so ${target} is not promoted. Finish it with version: ${split.version}, or undo it with ` +
    `version: ${current.functionVersion} and strategy: all-at-once, then run again`
  )
}

export function short(sha: string): string {
  return sha.length > 8 ? `${sha.slice(0, 8)}…` : sha
}
