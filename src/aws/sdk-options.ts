// What every AWS SDK client of the action shares: timeouts that end a call, and one line per failure.
import { describeAwsError, type AwsCall } from './describe-error.js'

/**
 * Connection and request timeouts that really end a call: without throwOnRequestTimeout the SDK only
 * warns about a request that takes too long, and a hung endpoint would hold the rollout.
 */
export const REQUEST_HANDLER = { connectionTimeout: 5000, requestTimeout: 20000, throwOnRequestTimeout: true }

/** The operation and resource of an SDK command, as an error line names them. */
export function callOf(command: object, resource?: string): Pick<AwsCall, 'operation' | 'resource'> {
  const input =
    (command as { input?: { FunctionName?: string; Name?: string; Qualifier?: string } }).input ?? {}
  return {
    operation: command.constructor.name.replace(/Command$/, ''),
    resource:
      resource ?? [input.FunctionName ?? '', input.Name ?? input.Qualifier ?? ''].filter(Boolean).join(':')
  }
}

/**
 * The SDK's error, kept as it is (its name and status still decide retries and ownership), with one
 * line for a person: which operation on which resource failed, where, and what to check.
 */
export function described(error: unknown, call: AwsCall): unknown {
  if (error === null || typeof error !== 'object' || 'described' in error) return error
  Object.defineProperty(error, 'described', { value: describeAwsError(error, call), enumerable: false })
  return error
}
