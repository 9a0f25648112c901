// An Invoke refused with 429 (an injected throttle or the rate limit) is a throttle in Lambda's metrics:
// Throttles 1 under the function and, for a qualified call, its Resource.
import type { Identified } from './http.js'
import { recordThrottle } from './metrics.js'
import { parseFunctionName } from './names.js'
import type { LambdaContext } from './state.js'

export function recordThrottledInvoke(ctx: LambdaContext, id: Identified, query: URLSearchParams): void {
  if (id.operation !== 'Invoke' || id.lambda?.rawName === undefined) return
  let ref
  try {
    ref = parseFunctionName(id.lambda.rawName, ctx.place)
  } catch {
    return // an invalid name: nothing to record
  }
  if (!ctx.functions.has(ref.name)) return
  const qualifier = query.get('Qualifier') ?? ref.qualifier
  const resource = qualifier === undefined || qualifier === '$LATEST' ? undefined : `${ref.name}:${qualifier}`
  recordThrottle(ctx.metrics, ref.name, resource, ctx.now())
}
