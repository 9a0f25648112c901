// Provisioned concurrency as the rollout reads it: one configuration's state (GetProvisionedConcurrencyConfig)
// and the qualifiers that have one (ListProvisionedConcurrencyConfigs), in the action's own terms.
import {
  GetProvisionedConcurrencyConfigCommand,
  ListProvisionedConcurrencyConfigsCommand,
  type GetProvisionedConcurrencyConfigResponse,
  type ListProvisionedConcurrencyConfigsResponse
} from '@aws-sdk/client-lambda'
import type { Budget, ProvisionedState } from './api.js'
import { isNamed } from './api.js'

type Send = <T>(command: object, budget: Budget) => Promise<T>

/**
 * The configuration on `qualifier`; null when there is none (404 ProvisionedConcurrencyConfigNotFound) or
 * the qualifier itself does not exist (a missing alias has no configuration either).
 */
export async function readProvisioned(
  send: Send,
  fn: string,
  qualifier: string,
  budget: Budget
): Promise<ProvisionedState | null> {
  try {
    const out = await send<GetProvisionedConcurrencyConfigResponse>(
      new GetProvisionedConcurrencyConfigCommand({ FunctionName: fn, Qualifier: qualifier }),
      budget
    )
    return {
      requested: out.RequestedProvisionedConcurrentExecutions ?? 0,
      allocated: out.AllocatedProvisionedConcurrentExecutions ?? 0,
      status: out.Status ?? 'IN_PROGRESS',
      ...(out.StatusReason ? { reason: out.StatusReason } : {})
    }
  } catch (error) {
    if (isNamed(error, 'ProvisionedConcurrencyConfigNotFoundException')) return null
    if (isNamed(error, 'ResourceNotFoundException')) return null
    throw error
  }
}

/** Every qualifier (version number or alias name) of the function that has a configuration. */
export async function listProvisioned(send: Send, fn: string, budget: Budget): Promise<string[]> {
  const qualifiers: string[] = []
  let marker: string | undefined
  do {
    const out: ListProvisionedConcurrencyConfigsResponse = await send(
      new ListProvisionedConcurrencyConfigsCommand({
        FunctionName: fn,
        MaxItems: 50,
        ...(marker ? { Marker: marker } : {})
      }),
      budget
    )
    for (const c of out.ProvisionedConcurrencyConfigs ?? []) {
      const parts = (c.FunctionArn ?? '').split(':')
      if (parts.length === 8 && parts[7]) qualifiers.push(parts[7])
    }
    marker = out.NextMarker
  } while (marker)
  return qualifiers
}
