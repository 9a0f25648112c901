// The one CloudWatch client factory (alarms and metrics), apart from sdk-options so that the Lambda
// chunk never loads the CloudWatch client.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { clientEndpointConfig } from './endpoints.js'
import { REQUEST_HANDLER } from './sdk-options.js'

export interface CloudWatchOptions {
  region: string
  endpoint: string | null
  userAgent: string
  endpointSource?: string | null
}

/** CloudWatch as the action uses it: our endpoint and nowhere else, our one retry layer, real timeouts. */
export function cloudwatchClient(o: CloudWatchOptions): CloudWatchClient {
  return new CloudWatchClient({
    region: o.region,
    ...clientEndpointConfig(o.endpoint),
    customUserAgent: o.userAgent,
    maxAttempts: 1,
    requestHandler: REQUEST_HANDLER
  })
}
