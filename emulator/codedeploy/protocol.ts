// CodeDeploy's wire protocol as the pinned @aws-sdk/client-codedeploy speaks it: AWS JSON 1.1
// (POST /, X-Amz-Target: CodeDeploy_20141006.<Operation>, application/x-amz-json-1.1). Errors are a 400
// with `{"__type": "<ErrorShape>", "message": "..."}`; the SDK takes the error name from `__type` first.
// Timestamps travel as epoch seconds, the JSON codec's default.
import { ApiError, type ApiResponse } from '../errors.js'

export const CD_TARGET_PREFIX = 'CodeDeploy_20141006.'
export const CD_CONTENT_TYPE = 'application/x-amz-json-1.1'

export const CD_WRITES = new Set([
  'CreateApplication',
  'CreateDeploymentGroup',
  'CreateDeploymentConfig',
  'CreateDeployment',
  'StopDeployment',
  'PutLifecycleEventHookExecutionStatus'
])

// A modeled CodeDeploy error (client fault, 400 unless said otherwise).
export const cdError = (type: string, message: string, status = 400): ApiError =>
  new ApiError(status, type, message)

export function codedeployErrorResponse(err: ApiError): ApiResponse {
  const headers: Record<string, string> = { 'Content-Type': CD_CONTENT_TYPE }
  if (err.details.retryAfter !== undefined) headers['Retry-After'] = err.details.retryAfter
  return {
    status: err.status,
    headers,
    json: { __type: err.type, message: err.message },
    errorType: err.type
  }
}

// Injected faults: CodeDeploy throttles with a modeled 400 ThrottlingException (the SDK retries it by
// name) and fails with an unmodeled 500.
export const cdThrottle = (): ApiError => cdError('ThrottlingException', 'Rate exceeded')
export const cdInternal = (): ApiError =>
  cdError('InternalFailure', 'The service encountered an internal error (injected by the emulator).', 500)

// Epoch seconds, as the JSON codec sends timestamps.
export const seconds = (ms: number): number => ms / 1000

export type Input = Record<string, unknown>

// Reading request fields. A type mismatch is the SerializationException AWS's JSON binder answers.
function wrongType(key: string, type: string): ApiError {
  return cdError('SerializationException', `Expected ${type} for field '${key}'`)
}

export function optStr(input: Input, key: string): string | undefined {
  const value = input[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw wrongType(key, 'a string')
  return value
}

// A required name: missing or empty is the operation's own `...RequiredException`.
export function reqStr(input: Input, key: string, requiredError: string, what: string): string {
  const value = optStr(input, key)
  if (value === undefined || value === '') throw cdError(requiredError, `${what} is required.`)
  return value
}

export function optObj(input: Input, key: string): Input | undefined {
  const value = input[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw wrongType(key, 'an object')
  return value as Input
}

export function optBool(input: Input, key: string): boolean | undefined {
  const value = input[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw wrongType(key, 'a boolean')
  return value
}

export function optList(input: Input, key: string): unknown[] | undefined {
  const value = input[key]
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw wrongType(key, 'a list')
  return value
}

// Application, deployment group and deployment configuration names: 1..100 characters.
export function checkName(value: string, invalidError: string, what: string): string {
  if (value.length > 100) throw cdError(invalidError, `${what} must be at most 100 characters: ${value}`)
  return value
}
