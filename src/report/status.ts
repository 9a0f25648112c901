import type { FunctionRollout, Outcome } from '../rollout/record.js'
import { weightPercent } from '../ledger/snapshot.js'

/**
 * The GitHub deployment status: the verdict and the alias ARN first, the reason last, because GitHub cuts
 * descriptions at 140 characters and the verdict is what a reader needs.
 */
export function deploymentStatus(outcome: Outcome): { state: 'success' | 'failure'; description: string } {
  const first = outcome.deployments[0]
  const arn = first?.aliasArn ?? ''
  const more = outcome.deployments.length > 1 ? ` (+${outcome.deployments.length - 1} more)` : ''
  const from = first?.from ? `v${first.from}` : 'new alias'
  switch (outcome.status) {
    case 'promoted':
      return { state: 'success', description: `promoted ${from} → v${first?.to} on ${arn}${more}` }
    case 'in-progress':
      if (outcome.codedeploy)
        return {
          state: 'success',
          description: `CodeDeploy deployment ${outcome.codedeploy.deploymentId} is moving v${first?.to} onto ${arn}`
        }
      return {
        state: 'success',
        description: `v${first?.to} at ${weightPercent(first?.weight ?? 0)}, waiting for a later run, on ${arn}${more}`
      }
    case 'rolled-back':
      return {
        state: 'failure',
        description: `rolled back to ${from} (verified) on ${arn}${more}: ${outcome.stopReason ?? outcome.error ?? ''}`
      }
    default:
      return { state: 'failure', description: `failed on ${arn}${more}: ${outcome.error ?? outcome.status}` }
  }
}

export function consoleLink(region: string, d: FunctionRollout, alias: string): string {
  return `https://${region}.console.aws.amazon.com/lambda/home?region=${region}#/functions/${encodeURIComponent(d.fn.name)}/aliases/${encodeURIComponent(alias)}`
}

/** The GitHub deployment's own description: which functions, and from which version to which. */
export function deploymentDescription(ds: FunctionRollout[], alias: string): string {
  const first = ds[0] as FunctionRollout
  return `${ds.length > 1 ? `${ds.length} functions` : first.fn.name}:${alias} v${first.from ?? '-'} → v${first.to}`
}
