// Lambda REST paths outside /2015-03-31/functions: provisioned concurrency (2019-09-30), event source
// mappings and account settings, with their handlers.
import { getAccountSettings } from './account.js'
import type { ApiResponse } from './errors.js'
import {
  createEventSourceMapping,
  deleteEventSourceMapping,
  listEventSourceMappings
} from './event-sources.js'
import type { LambdaRoute } from './lambda.js'
import {
  deleteProvisionedConcurrencyConfig,
  getProvisionedConcurrencyConfig,
  listProvisionedConcurrencyConfigs,
  putProvisionedConcurrencyConfig
} from './provisioned.js'
import type { LambdaRequest } from './request.js'
import type { LambdaContext } from './state.js'

export const MORE_HANDLERS: Record<string, (ctx: LambdaContext, req: LambdaRequest) => ApiResponse> = {
  PutProvisionedConcurrencyConfig: putProvisionedConcurrencyConfig,
  GetProvisionedConcurrencyConfig: getProvisionedConcurrencyConfig,
  DeleteProvisionedConcurrencyConfig: deleteProvisionedConcurrencyConfig,
  ListProvisionedConcurrencyConfigs: listProvisionedConcurrencyConfigs,
  CreateEventSourceMapping: createEventSourceMapping,
  ListEventSourceMappings: listEventSourceMappings,
  DeleteEventSourceMapping: deleteEventSourceMapping,
  GetAccountSettings: getAccountSettings
}

export const MORE_WRITES = [
  'PutProvisionedConcurrencyConfig',
  'DeleteProvisionedConcurrencyConfig',
  'CreateEventSourceMapping',
  'DeleteEventSourceMapping'
]

// `segments` are the percent-decoded path segments; undefined when the path is none of these.
export function routeMore(
  method: string,
  segments: string[],
  query: URLSearchParams
): LambdaRoute | undefined {
  const [date, a, b, c, ...rest] = segments
  if (date === '2019-09-30' && a === 'functions' && b !== undefined && c === 'provisioned-concurrency') {
    if (rest.length > 0) return { operation: 'Unknown', rawName: b }
    const get =
      query.get('List') === 'ALL' ? 'ListProvisionedConcurrencyConfigs' : 'GetProvisionedConcurrencyConfig'
    const ops: Record<string, string> = {
      GET: get,
      PUT: 'PutProvisionedConcurrencyConfig',
      DELETE: 'DeleteProvisionedConcurrencyConfig'
    }
    return { operation: ops[method] ?? 'Unknown', rawName: b }
  }
  if (date === '2015-03-31' && a === 'event-source-mappings' && c === undefined) {
    if (b === undefined) {
      const ops: Record<string, string> = { GET: 'ListEventSourceMappings', POST: 'CreateEventSourceMapping' }
      return { operation: ops[method] ?? 'Unknown' }
    }
    return { operation: method === 'DELETE' ? 'DeleteEventSourceMapping' : 'Unknown', resourceId: b }
  }
  if (date === '2016-08-19' && a === 'account-settings' && b === undefined) {
    return { operation: method === 'GET' ? 'GetAccountSettings' : 'Unknown' }
  }
  return undefined
}
