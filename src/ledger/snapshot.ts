import type { AliasConfiguration } from '@aws-sdk/client-lambda'

/** What an alias holds: the part a rollback must restore exactly. */
export interface AliasSnapshot {
  arn: string
  functionVersion: string
  /** AdditionalVersionWeights; {} when there is no routing. */
  weights: Record<string, number>
  description: string
  revisionId: string
}

export function snapshot(alias: AliasConfiguration): AliasSnapshot {
  return {
    arn: alias.AliasArn ?? '',
    functionVersion: alias.FunctionVersion ?? '',
    weights: { ...(alias.RoutingConfig?.AdditionalVersionWeights ?? {}) },
    description: alias.Description ?? '',
    revisionId: alias.RevisionId ?? ''
  }
}

/** The extra version an alias routes to, if any (Lambda allows one). */
export function pendingSplit(
  alias: Pick<AliasSnapshot, 'weights'>
): { version: string; weight: number } | null {
  const entry = Object.entries(alias.weights)[0]
  return entry ? { version: entry[0], weight: entry[1] } : null
}

/** Same traffic: primary version and weights (RevisionId and ARN aside). */
export function sameRouting(
  a: Pick<AliasSnapshot, 'functionVersion' | 'weights'>,
  b: Pick<AliasSnapshot, 'functionVersion' | 'weights'>
): boolean {
  if (a.functionVersion !== b.functionVersion) return false
  const ka = Object.keys(a.weights)
  const kb = Object.keys(b.weights)
  return ka.length === kb.length && ka.every(k => b.weights[k] === a.weights[k])
}

/** What a write sets and a restore must put back: routing and description. */
export type AliasState = Pick<AliasSnapshot, 'functionVersion' | 'weights' | 'description'>

/** Same routing and description: what "restored exactly" means (ARN and RevisionId aside). */
export function sameState(a: AliasState, b: AliasState): boolean {
  return sameRouting(a, b) && a.description === b.description
}

/** The part of a snapshot a write sets. */
export function stateOf(s: AliasState): AliasState {
  return { functionVersion: s.functionVersion, weights: { ...s.weights }, description: s.description }
}

/** `v41` or `v41 90% + v42 10%`, for logs and messages. */
export function describeRouting(alias: Pick<AliasSnapshot, 'functionVersion' | 'weights'>): string {
  const split = pendingSplit(alias)
  if (!split) return `v${alias.functionVersion}`
  return `v${alias.functionVersion} ${weightPercent(1 - split.weight)} + v${split.version} ${weightPercent(split.weight)}`
}

/** 0.1 → `10%`, 0.025 → `2.5%`, without float noise. */
export function weightPercent(weight: number): string {
  return `${Number((weight * 100).toFixed(4))}%`
}
