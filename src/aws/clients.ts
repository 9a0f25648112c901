// The AWS clients main's rollout talks through. The AWS SDK is most of the start-up time: it is loaded
// only once the inputs are known to be good, and CloudWatch's client only when there are alarms to watch
// or metrics to read.
import type { Clock } from '../clock.js'
import type { AlarmSource, Budget, LambdaApi, MetricsSource } from './api.js'
import { credentialsExpiry } from './credentials-expiry.js'
import type { EndpointFlags } from './lambda.js'
import type { Endpoints } from './endpoints.js'

/** What the clients need of the inputs (the Config satisfies it). */
export interface ClientSettings {
  readonly region: string
  readonly endpoint: string | null
  readonly cloudwatchEndpoint: string | null
  readonly endpointSource: Endpoints['source']
  readonly maxRequestsPerSecond: number
  readonly alarms: readonly string[]
  readonly analysis: readonly string[]
  readonly minInvocations: number
}

export interface AwsClients {
  api: LambdaApi
  /** The same gateway's paced, retried call for any Lambda command (pruning lists and deletes through it). */
  controlPlane: <T>(command: object) => Promise<T>
  alarms: AlarmSource
  /** Only when analysis or min-invocations asks for figures. */
  metrics?: MetricsSource
  /** FIPS and dual-stack as the Lambda client resolved them (the post step builds the same client). */
  endpointFlags: () => Promise<EndpointFlags>
  /** When the credentials expire, if they say (the SDK's cached answer: no round trip). */
  credentialsExpiry: () => Promise<Date | undefined>
  /** Closes every connection the clients hold. */
  destroy(): void
}

export async function openClients(
  settings: ClientSettings,
  clock: Clock,
  budget: Budget
): Promise<AwsClients> {
  const { LambdaGateway, USER_AGENT } = await import('./lambda.js')
  const gateway = new LambdaGateway(
    {
      region: settings.region,
      endpoint: settings.endpoint,
      endpointSource: settings.endpointSource.lambda,
      clock,
      maxRequestsPerSecond: settings.maxRequestsPerSecond,
      userAgent: USER_AGENT
    },
    budget
  )
  const cloudwatch = {
    region: settings.region,
    endpoint: settings.cloudwatchEndpoint,
    endpointSource: settings.endpointSource.cloudwatch,
    userAgent: USER_AGENT
  }
  const alarms: AlarmSource & { destroy?: () => void } =
    settings.alarms.length === 0
      ? { names: [], read: async () => [] }
      : new (await import('./alarms.js')).AlarmWatcher(settings.alarms, cloudwatch, clock)
  const metrics =
    settings.analysis.length > 0 || settings.minInvocations > 0
      ? new (await import('./metrics.js')).CloudWatchMetrics(cloudwatch, clock)
      : undefined
  return {
    api: gateway,
    controlPlane: command => gateway.controlPlane(command),
    endpointFlags: () => gateway.endpointFlags(),
    credentialsExpiry: credentialsExpiry(gateway.client),
    alarms,
    ...(metrics ? { metrics } : {}),
    destroy: () => {
      gateway.destroy()
      alarms.destroy?.()
      metrics?.destroy()
    }
  }
}
