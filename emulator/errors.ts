// AWS error envelopes. Lambda (rest-json): status + x-amzn-ErrorType + JSON body whose casing depends on
// the status (404: `Message`, others: `message`; 429 adds `Reason`). CloudWatch (AWS JSON 1.0, query-compatible): `__type` in the body and
// `x-amzn-query-error: Code;Sender|Receiver`, from which the pinned SDK takes the error code first.

export interface ApiResponse {
  status: number
  headers?: Record<string, string>
  json?: unknown // serialized as application/json (or the CloudWatch content type)
  raw?: Buffer // sent as is (Invoke payloads)
  errorType?: string // for the request log
}

export interface ApiErrorDetails {
  reason?: string // 429 Reason
  retryAfter?: string // Retry-After header
  queryCode?: string // CloudWatch awsQueryError code
  namespace?: string // CloudWatch __type namespace
  fault?: 'Sender' | 'Receiver'
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly details: ApiErrorDetails = {}
  ) {
    super(message)
  }
}

// ---- Lambda errors ------------------------------------------------------------------------------

export const notFound = (message: string): ApiError => new ApiError(404, 'ResourceNotFoundException', message)
export const functionNotFound = (arn: string): ApiError => notFound(`Function not found: ${arn}`)
export const invalidParameter = (message: string): ApiError =>
  new ApiError(400, 'InvalidParameterValueException', message)
export const conflict = (message: string): ApiError => new ApiError(409, 'ResourceConflictException', message)
export const preconditionFailed = (what: 'GetFunction' | 'GetAlias'): ApiError =>
  new ApiError(
    412,
    'PreconditionFailedException',
    `The Revision Id provided does not match the latest Revision Id. Call the ${what} API to retrieve the latest Revision Id`
  )
export const invalidRequestContent = (message: string): ApiError =>
  new ApiError(400, 'InvalidRequestContentException', message)
export const tooManyRequests = (): ApiError =>
  new ApiError(429, 'TooManyRequestsException', 'Rate exceeded', {
    reason: 'CallerRateLimitExceeded',
    retryAfter: '1'
  })
export const serviceError = (): ApiError =>
  new ApiError(
    500,
    'ServiceException',
    'The service encountered an internal error (injected by the emulator).'
  )

// Unmodeled error that real Lambda answers when a request breaks a model constraint.
export function validation(value: unknown, field: string, constraint: string): ApiError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value)
  return new ApiError(
    400,
    'ValidationException',
    `1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${constraint}`
  )
}

export function lambdaErrorResponse(err: ApiError): ApiResponse {
  const headers: Record<string, string> = { 'x-amzn-ErrorType': err.type }
  let json: Record<string, unknown>
  if (err.status === 429) {
    json = { Reason: err.details.reason ?? 'CallerRateLimitExceeded', Type: 'User', message: err.message }
  } else if (err.type === 'ValidationException') {
    json = { message: err.message }
  } else if (err.status === 404) {
    json = { Type: 'User', Message: err.message }
  } else {
    json = { Type: err.status >= 500 ? 'Service' : 'User', message: err.message }
  }
  if (err.details.retryAfter !== undefined) headers['Retry-After'] = err.details.retryAfter
  return { status: err.status, headers, json, errorType: err.type }
}

// ---- CloudWatch errors --------------------------------------------------------------------------

const CW_NS = 'com.amazonaws.cloudwatch'

export const cwError = (
  status: number,
  shape: string,
  queryCode: string,
  message: string,
  fault: 'Sender' | 'Receiver' = 'Sender'
): ApiError => new ApiError(status, shape, message, { queryCode, namespace: CW_NS, fault })

export const cwValidation = (message: string): ApiError =>
  cwError(400, 'ValidationException', 'ValidationError', message)
export const cwThrottle = (): ApiError =>
  new ApiError(429, 'ThrottlingException', 'Rate exceeded', {
    queryCode: 'Throttling',
    namespace: 'com.amazon.coral.availability',
    retryAfter: '1'
  })
export const cwInternal = (): ApiError =>
  cwError(
    500,
    'InternalServiceFault',
    'InternalServiceError',
    'Internal error (injected by the emulator).',
    'Receiver'
  )

export function cloudwatchErrorResponse(err: ApiError): ApiResponse {
  const ns = err.details.namespace ?? 'com.amazon.coral.service'
  const headers: Record<string, string> = {}
  if (err.details.queryCode !== undefined) {
    headers['x-amzn-query-error'] = `${err.details.queryCode};${err.details.fault ?? 'Sender'}`
  }
  if (err.details.retryAfter !== undefined) headers['Retry-After'] = err.details.retryAfter
  return {
    status: err.status,
    headers,
    json: { __type: `${ns}#${err.type}`, message: err.message },
    errorType: err.details.queryCode ?? err.type
  }
}
