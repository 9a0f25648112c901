// Which published versions keep-versions deletes, and why each other one is kept. Pure: the facts are
// read at the edge (prune/read.ts) and handed in.

export interface PublishedVersion {
  version: string
  /** Bytes of its deployment package (CodeSize), what deleting it reclaims. */
  codeSize: number
}

export interface AliasRoute {
  name: string
  /** The primary version (or $LATEST). */
  version: string
  /** The additional version and its weight, when the alias is split. */
  weights: Record<string, number>
}

export interface PruneFacts {
  /** Every published version ($LATEST left out). */
  versions: readonly PublishedVersion[]
  /** How many of the newest versions to keep whatever else holds, at least 1. */
  keep: number
  aliases: readonly AliasRoute[]
  /** The version this run moved the alias away from: a rollback goes back to it. */
  rollbackTarget: string | null
  /** The version this run published (or promoted). */
  current: string | null
  /** The qualifiers (version numbers or alias names) with a provisioned-concurrency configuration. */
  provisioned: readonly string[]
  /** The qualifiers event source mappings name; null for a mapping on the unqualified function. */
  eventSources: readonly (string | null)[]
}

export interface KeptVersion {
  version: string
  reasons: string[]
}

export type PruneDecision =
  { doubt: string } | { remove: PublishedVersion[]; kept: KeptVersion[]; reclaimBytes: number }

const isVersion = (q: string): boolean => /^\d+$/.test(q)

/**
 * The N newest are kept, and every version in use: one an alias routes to (primary or weighted), the
 * rollback target, the current version, one with provisioned concurrency, one an event source mapping
 * names (directly or through an alias). A configuration or a mapping that names an alias the listing did
 * not show means the function changed while it was read: nothing is deleted.
 */
export function decidePrune(facts: PruneFacts): PruneDecision {
  const reasons = new Map<string, string[]>()
  const add = (version: string, reason: string): void => {
    if (!isVersion(version)) return
    const list = reasons.get(version) ?? []
    if (!list.includes(reason)) list.push(reason)
    reasons.set(version, list)
  }
  const newestFirst = [...facts.versions].sort((a, b) => Number(b.version) - Number(a.version))
  for (const v of newestFirst.slice(0, facts.keep)) add(v.version, `among the ${facts.keep} newest`)
  const aliases = new Map(facts.aliases.map(a => [a.name, a]))
  const aliasVersions = (a: AliasRoute): string[] => [a.version, ...Object.keys(a.weights)]
  for (const a of facts.aliases) {
    add(a.version, `alias ${a.name}`)
    for (const [v, w] of Object.entries(a.weights))
      add(v, `alias ${a.name} (${Math.round(w * 100)}% weighted)`)
  }
  if (facts.rollbackTarget !== null) add(facts.rollbackTarget, 'rollback target')
  if (facts.current !== null) add(facts.current, 'this run promoted it')
  const through = (qualifier: string, what: string): string | null => {
    if (isVersion(qualifier)) {
      add(qualifier, what)
      return null
    }
    if (qualifier === '$LATEST') return null
    const alias = aliases.get(qualifier)
    if (alias === undefined) return `${what} names alias ${qualifier}, which the alias listing did not show`
    for (const v of aliasVersions(alias)) add(v, `${what} (alias ${qualifier})`)
    return null
  }
  for (const q of facts.provisioned) {
    const doubt = through(q, 'provisioned concurrency')
    if (doubt) return { doubt }
  }
  for (const q of facts.eventSources) {
    const doubt = q === null ? null : through(q, 'event source mapping')
    if (doubt) return { doubt }
  }
  const remove = newestFirst.filter(v => !reasons.has(v.version)).reverse()
  const kept = newestFirst
    .filter(v => reasons.has(v.version))
    .map(v => ({ version: v.version, reasons: reasons.get(v.version) ?? [] }))
  return { remove, kept, reclaimBytes: remove.reduce((sum, v) => sum + v.codeSize, 0) }
}
