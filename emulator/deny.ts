// Denials, as IAM answers a caller whose policy lacks an action: 403 AccessDeniedException (CloudWatch's
// query protocol: code AccessDenied) with the message form AWS uses for an assumed role:
//   User: <principal> is not authorized to perform: lambda:UpdateAlias on resource: <arn> because no
//   identity-based policy allows the lambda:UpdateAlias action
// The resource is the ARN the call addresses: qualified for alias and version calls, an alarm's ARN for
// alarm calls, `*` where CloudWatch has no resource (GetMetricData, PutMetricData, DescribeAlarms by prefix).
import { ApiError, cloudwatchErrorResponse, lambdaErrorResponse, type ApiResponse } from './errors.js'
import type { Identified } from './http.js'
import type { LambdaRoute } from './lambda.js'
import { functionArn, parseFunctionName, type Place } from './names.js'

export const defaultPrincipal = (place: Place): string =>
  `arn:aws:sts::${place.accountId}:assumed-role/lambda-promote-emulator/emulator`

// IAM action names: Invoke is lambda:InvokeFunction; every other operation is its own action.
const iamAction = (service: 'lambda' | 'cloudwatch', operation: string): string =>
  `${service}:${service === 'lambda' && operation === 'Invoke' ? 'InvokeFunction' : operation}`

export function lambdaResource(
  place: Place,
  route: LambdaRoute,
  query: URLSearchParams,
  body: unknown
): string {
  const named = route.rawName ?? (body as { FunctionName?: unknown } | undefined)?.FunctionName
  if (typeof named !== 'string') return '*'
  let ref: { name: string; qualifier?: string }
  try {
    ref = parseFunctionName(named, place)
  } catch {
    return '*' // an invalid name: the denial comes first, as IAM is checked before the input
  }
  const qualifier = route.aliasName ?? query.get('Qualifier') ?? ref.qualifier
  return functionArn(place, ref.name, qualifier ?? undefined)
}

export function cloudWatchResource(place: Place, input: unknown): string {
  const i = (input ?? {}) as { AlarmName?: unknown; AlarmNames?: unknown }
  const names =
    typeof i.AlarmName === 'string' ? [i.AlarmName] : Array.isArray(i.AlarmNames) ? i.AlarmNames : []
  const first = names[0]
  return typeof first === 'string'
    ? `arn:aws:cloudwatch:${place.region}:${place.accountId}:alarm:${first}`
    : '*'
}

export function denial(
  service: 'lambda' | 'cloudwatch',
  operation: string,
  resource: string,
  principal: string
): ApiResponse {
  const action = iamAction(service, operation)
  const message = `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
  if (service === 'lambda') return lambdaErrorResponse(new ApiError(403, 'AccessDeniedException', message))
  return cloudwatchErrorResponse(
    new ApiError(403, 'AccessDeniedException', message, {
      queryCode: 'AccessDenied',
      namespace: 'com.amazon.coral.service',
      fault: 'Sender'
    })
  )
}

// The denial for a request a deny rule matched.
export function denialFor(
  place: Place,
  id: Identified,
  principal: string | undefined,
  query: URLSearchParams,
  json: unknown
): ApiResponse {
  const caller = principal ?? defaultPrincipal(place)
  if (id.service === 'cloudwatch') {
    return denial('cloudwatch', id.operation, cloudWatchResource(place, json), caller)
  }
  const route = id.lambda ?? { operation: id.operation }
  return denial('lambda', id.operation, lambdaResource(place, route, query, json), caller)
}
