// The post step's Lambda client: the SDK's, built as main built its own, from what the ledger saved. The
// SDK's endpoint rules (every partition, FIPS, dual-stack, an endpoint-url's path) and its signer are the
// only ones: the net for a killed run must reach exactly what main reached.
import type { AliasApi } from '../aws/api.js'
import { USER_AGENT } from '../aws/api.js'
import { postBudget } from '../aws/budgets.js'
import type { GatewayOptions } from '../aws/lambda.js'
import type { Clock, Random } from '../clock.js'
import type { LedgerHead } from '../ledger/ledger.js'

/**
 * Main's client settings as the ledger holds them. The endpoint is the one main resolved (null: AWS's own
 * for the region, and the SDK is kept from reading AWS_ENDPOINT_URL* again); FIPS and dual-stack are
 * passed as main resolved them when the ledger has them (an older ledger: the SDK reads them as main did).
 */
export function postGatewayOptions(
  head: Pick<LedgerHead, 'region' | 'endpoint' | 'useFipsEndpoint' | 'useDualstackEndpoint'>,
  clock: Clock,
  random?: Random
): GatewayOptions {
  return {
    region: head.region,
    endpoint: head.endpoint,
    endpointSource: head.endpoint === null ? null : 'the endpoint main used',
    clock,
    maxRequestsPerSecond: 14,
    userAgent: `${USER_AGENT} post`,
    ...(head.useFipsEndpoint !== undefined ? { useFipsEndpoint: head.useFipsEndpoint } : {}),
    ...(head.useDualstackEndpoint !== undefined ? { useDualstackEndpoint: head.useDualstackEndpoint } : {}),
    ...(random ? { random } : {})
  }
}

/** Loads the SDK only now: a post step with nothing to restore never pays for it. */
export async function postGateway(
  head: Parameters<typeof postGatewayOptions>[0],
  clock: Clock
): Promise<AliasApi & { destroy(): void }> {
  const { LambdaGateway } = await import('../aws/lambda.js')
  return new LambdaGateway(postGatewayOptions(head, clock), postBudget(clock.now()))
}
