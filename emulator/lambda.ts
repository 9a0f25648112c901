// Lambda REST routing: which operation a method + /2015-03-31/... path is, and its dispatch.
import { createAlias, deleteAlias, getAlias, listAliases, updateAlias } from './aliases.js'
import { ApiError, invalidRequestContent, lambdaErrorResponse, type ApiResponse } from './errors.js'
import {
  createFunction,
  getFunctionConfiguration,
  getFunctionOp,
  updateFunctionCode,
  updateFunctionConfiguration
} from './functions.js'
import { invoke } from './invoke.js'
import { MORE_HANDLERS, MORE_WRITES } from './more-routes.js'
import type { LambdaRequest } from './request.js'
import type { LambdaContext } from './state.js'
import { asBody } from './validate.js'
import { deleteFunction, listVersionsByFunction, publishVersion } from './versions.js'

type Handler = (ctx: LambdaContext, req: LambdaRequest) => ApiResponse

const HANDLERS: Record<string, Handler> = {
  CreateFunction: createFunction,
  GetFunction: getFunctionOp,
  GetFunctionConfiguration: getFunctionConfiguration,
  UpdateFunctionCode: updateFunctionCode,
  UpdateFunctionConfiguration: updateFunctionConfiguration,
  PublishVersion: publishVersion,
  ListVersionsByFunction: listVersionsByFunction,
  DeleteFunction: deleteFunction,
  CreateAlias: createAlias,
  GetAlias: getAlias,
  UpdateAlias: updateAlias,
  DeleteAlias: deleteAlias,
  ListAliases: listAliases,
  Invoke: invoke,
  ...MORE_HANDLERS
}

export const LAMBDA_WRITES = new Set([
  'CreateFunction',
  'UpdateFunctionCode',
  'UpdateFunctionConfiguration',
  'PublishVersion',
  'CreateAlias',
  'UpdateAlias',
  'DeleteAlias',
  'DeleteFunction',
  ...MORE_WRITES
])

// Paths under /2015-03-31/functions/{FunctionName}: sub-path → method → operation.
const FUNCTION_ROUTES: Record<string, Record<string, string>> = {
  '': { GET: 'GetFunction', DELETE: 'DeleteFunction' },
  configuration: { GET: 'GetFunctionConfiguration', PUT: 'UpdateFunctionConfiguration' },
  code: { PUT: 'UpdateFunctionCode' },
  versions: { POST: 'PublishVersion', GET: 'ListVersionsByFunction' },
  aliases: { POST: 'CreateAlias', GET: 'ListAliases' },
  'aliases/*': { GET: 'GetAlias', PUT: 'UpdateAlias', DELETE: 'DeleteAlias' },
  invocations: { POST: 'Invoke' }
}

export interface LambdaRoute {
  operation: string // 'Unknown' when no operation matches
  rawName?: string
  aliasName?: string
  resourceId?: string // e.g. an event source mapping's UUID
}

// `segments` are the percent-decoded path segments after /2015-03-31/functions.
export function routeLambda(method: string, segments: string[]): LambdaRoute {
  if (segments.length === 0) return { operation: method === 'POST' ? 'CreateFunction' : 'Unknown' }
  const [rawName, sub = '', aliasName, ...rest] = segments
  if (rest.length > 0 || (aliasName !== undefined && sub !== 'aliases'))
    return { operation: 'Unknown', rawName }
  const key = aliasName === undefined ? sub : 'aliases/*'
  const operation = FUNCTION_ROUTES[key]?.[method] ?? 'Unknown'
  return { operation, rawName, ...(aliasName !== undefined && { aliasName }) }
}

export interface LambdaInput {
  headers: LambdaRequest['headers']
  query: URLSearchParams
  raw: Buffer
  json: unknown
  jsonError?: string
}

export function handleLambda(ctx: LambdaContext, route: LambdaRoute, input: LambdaInput): ApiResponse {
  try {
    const handler = HANDLERS[route.operation]
    if (handler === undefined) throw new ApiError(404, 'UnknownOperationException', 'Unknown operation')
    // Invoke's body is the function's payload, parsed by the operation itself.
    if (route.operation !== 'Invoke' && input.jsonError !== undefined) {
      throw invalidRequestContent(`Could not parse request body into json: ${input.jsonError}`)
    }
    const req: LambdaRequest = {
      operation: route.operation,
      place: ctx.place,
      ...(route.rawName !== undefined && { rawName: route.rawName }),
      ...(route.aliasName !== undefined && { aliasName: route.aliasName }),
      ...(route.resourceId !== undefined && { resourceId: route.resourceId }),
      query: input.query,
      headers: input.headers,
      body: route.operation === 'Invoke' ? {} : asBody(input.json),
      raw: input.raw
    }
    return handler(ctx, req)
  } catch (e) {
    if (e instanceof ApiError) return lambdaErrorResponse(e)
    throw e
  }
}
