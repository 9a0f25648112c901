import { logSafe } from '../untrusted.js'

/** The AWS call that failed, as the line about it names it. */
export interface AwsCall {
  /** The SDK command's name without "Command": GetAlias, UpdateAlias, DescribeAlarms, Invoke… */
  operation: string
  /** What the call was about, as a reader knows it: `my-fn`, `my-fn:live`, an alarm's name. */
  resource: string
  service: 'Lambda' | 'CloudWatch' | 'CodeDeploy'
  /** The endpoint called; null for AWS's own endpoint, which the line then does not name. */
  endpoint: string | null
  /** What chose the endpoint (`endpoint-url`, `AWS_ENDPOINT_URL_LAMBDA`…): the setting a hint names. */
  endpointSource?: string | null
}

/** Shapes the SDK and Node put on errors; everything optional, since anything can be thrown. */
interface ErrorShape {
  name?: unknown
  message?: unknown
  code?: unknown
  hostname?: unknown
  address?: unknown
  port?: unknown
  $metadata?: { httpStatusCode?: number }
  $response?: { headers?: Record<string, string | undefined> }
}

const DOING: Record<string, readonly [doing: string, preposition: string]> = {
  GetFunction: ['reading function', 'from'],
  GetFunctionConfiguration: ['reading the configuration of', 'from'],
  GetAlias: ['reading alias', 'from'],
  ListAliases: ['listing the aliases of', 'from'],
  ListVersionsByFunction: ['listing the versions of', 'from'],
  PublishVersion: ['publishing a version of', 'in'],
  CreateAlias: ['creating alias', 'in'],
  UpdateAlias: ['updating alias', 'in'],
  DeleteAlias: ['deleting alias', 'in'],
  Invoke: ['invoking', 'in'],
  DescribeAlarms: ['reading alarm', 'from']
}
/** IAM action names that differ from the operation's. */
const IAM_ACTION: Record<string, string> = { Invoke: 'InvokeFunction' }

const CERTIFICATE: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer is unknown',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is unknown',
  CERT_HAS_EXPIRED: 'it has expired',
  CERT_NOT_YET_VALID: 'it is not valid yet',
  ERR_TLS_CERT_ALTNAME_INVALID: 'it is for another host name'
}
const BAD_CREDENTIALS =
  /^(UnrecognizedClient|InvalidClientTokenId|InvalidSignature|SignatureDoesNotMatch|IncompleteSignature|MissingAuthenticationToken|ExpiredToken|InvalidAccessKeyId|AuthFailure)/
const THROTTLED = /^(TooManyRequests|Throttling|ThrottledException|RequestLimitExceeded|SlowDown)/
const INVALID = /^(InvalidParameter|Validation|InvalidRequest|InvalidInput|MissingParameter|InvalidFormat)/

/**
 * One line for the log about a failed AWS call: what we were doing, to which resource, at which endpoint
 * (when not AWS's own), what happened and what to check. The server's words are bounded and made safe
 * for the log; OpenSSL's and the SDK's internal text is replaced by a sentence.
 */
export function describeAwsError(error: unknown, call: AwsCall): string {
  const [doing, preposition] = DOING[call.operation] ?? [`calling ${call.operation} on`, 'in']
  const resource = call.resource === '' ? '' : ` ${logSafe(call.resource, 120)}`
  const plural = call.operation === 'DescribeAlarms' && call.resource.includes(',') ? 's' : ''
  const at = call.endpoint === null ? '' : ` at ${call.endpoint}`
  const { what, check } = explain(error, call)
  const line = `${doing}${plural}${resource} ${preposition} ${call.service}${at}: ${what}${check ? ` (${check})` : ''}`
  return logSafe(line, 1000)
}

function explain(error: unknown, call: AwsCall): { what: string; check?: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape
  const name = typeof e.name === 'string' ? e.name : ''
  const code = typeof e.code === 'string' ? e.code : ''
  const raw = typeof e.message === 'string' ? e.message : String(error)
  // The SDK appends a note about its hidden $response field to deserialization errors: not for readers.
  const message = logSafe(raw.replace(/\n\s*Deserialization error:[\s\S]*$/, ''), 200)
  const status = e.$metadata?.httpStatusCode
  const setting = call.endpointSource ?? (call.endpoint === null ? null : 'the endpoint')
  const isItRight = setting ? `is ${setting} right?` : undefined

  if (name === 'CredentialsProviderError') {
    return /Could not load credentials from any providers/i.test(raw)
      ? {
          what: 'no AWS credentials found',
          check:
            'use aws-actions/configure-aws-credentials before this step, or for the emulator set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to any dummy pair'
        }
      : { what: `could not load AWS credentials: ${message}`, check: 'check the step that provides them' }
  }
  if (name === 'AbortError') return { what: 'cancelled before an answer came' }
  if (status === undefined) return network(e, name, code, message, call, isItRight)

  const headers = e.$response?.headers ?? {}
  const type = headers['content-type'] ?? headers['Content-Type'] ?? ''
  if (name === 'SyntaxError' || /Deserialization error/i.test(raw)) {
    // The SDK could not parse the body: whatever answered is not the AWS API. JSON.parse's message
    // quotes the body's start, which tells HTML from XML when the content type does not.
    const body =
      /html/i.test(type) || /"<(!doctype|html)/i.test(raw)
        ? 'HTML'
        : /xml/i.test(type) || /Unexpected token '<'/.test(raw)
          ? 'XML'
          : 'a body that is not JSON'
    return {
      what: `answered HTTP ${status} with ${body}, not the ${call.service} API`,
      check: isItRight ?? 'a proxy or firewall on the way answered instead of AWS'
    }
  }
  if (name === 'Unknown' || raw === 'UnknownError') {
    return {
      what: `answered HTTP ${status} with no error details`,
      check: status >= 500 ? (setting ? `is ${setting} right, and is it up?` : 'try again later') : isItRight
    }
  }
  if (isExpiredToken(e)) {
    return {
      what: `AWS rejected the credentials: they expired (${name || `HTTP ${status}`})`,
      check:
        'the session ended before the rollout did; ask for a longer one (role-duration-seconds of aws-actions/configure-aws-credentials)'
    }
  }
  return byStatus(name, status, { message, raw }, call, setting)
}

/** An AWS error answer: what its name and HTTP status say, and what to check. */
function byStatus(
  name: string,
  status: number,
  { message, raw }: { message: string; raw: string },
  call: AwsCall,
  setting: string | null
): { what: string; check?: string } {
  if (/^AccessDenied/.test(name) || (status === 403 && !BAD_CREDENTIALS.test(name)))
    return denied(raw, message, call)
  if (BAD_CREDENTIALS.test(name)) {
    return {
      what: `AWS rejected the credentials (${name})`,
      check: /Expired/.test(name)
        ? 'the session expired; get fresh credentials for this job'
        : 'check the credentials step, the account and the region'
    }
  }
  if (THROTTLED.test(name) || status === 429) {
    return {
      what: `throttled (${name || 'HTTP 429'})`,
      check: 'lower max-requests-per-second or concurrency, or try again later'
    }
  }
  const said = message ? `: ${message}` : ''
  if (name === 'ResourceNotFoundException' || status === 404)
    return { what: `not found${said}`, check: 'check the name, the region and the account' }
  if (name === 'PreconditionFailedException' || status === 412)
    return { what: `changed since it was read${said}`, check: 'someone else updated it meanwhile; run again' }
  if (name === 'ResourceConflictException' || status === 409)
    return { what: `conflict${said}`, check: 'another update is in progress; try again' }
  if (INVALID.test(name)) return { what: `rejected the request${said}` }
  if (status >= 500) {
    return {
      what: `${call.service} failed on its side: ${name || 'error'} (HTTP ${status})${said}`,
      check: setting ? `is ${setting} right, and is it healthy?` : 'try again later'
    }
  }
  return { what: `${name || 'error'} (HTTP ${status})${said}` }
}

/**
 * IAM's message names the action and the resource it refused (`User: arn:… is not authorized to perform:
 * lambda:UpdateAlias on resource: arn:… because …`): the line names them. Otherwise the operation's IAM
 * action and what the call addressed.
 */
function denied(raw: string, message: string, call: AwsCall): { what: string; check?: string } {
  const said =
    /not authorized to perform: ([\w-]+:[\w*]+) on resource: (arn:\S+?)\.?(?:\s+because\s+([^\n]+?))?\.?\s*$/.exec(
      raw
    )
  if (said) {
    const [, action = '', resource = '', because] = said
    return {
      what: `access denied: the job's role needs ${logSafe(action, 80)} on ${logSafe(resource, 200)}`,
      ...(because ? { check: `because ${logSafe(because, 200)}` } : {})
    }
  }
  const action = `${call.service === 'Lambda' ? 'lambda' : call.service === 'CodeDeploy' ? 'codedeploy' : 'cloudwatch'}:${IAM_ACTION[call.operation] ?? call.operation}`
  return {
    what: `access denied${message ? `: ${message}` : ''}`,
    check: `the job's role needs ${action} on ${logSafe(call.resource, 120) || 'the resource'}`
  }
}

/** The session's credentials ran out: STS's ExpiredToken, whatever the service calls it. */
export function isExpiredToken(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape
  const name = typeof e.name === 'string' ? e.name : ''
  const message = typeof e.message === 'string' ? e.message : ''
  return /^ExpiredToken/.test(name) || /security token included in the request is expired/i.test(message)
}

/** No HTTP answer: the connection, TLS or DNS failed, or the time ran out. */
function network(
  e: ErrorShape,
  name: string,
  code: string,
  message: string,
  call: AwsCall,
  isItRight: string | undefined
): { what: string; check?: string } {
  const endpoint = call.endpoint
  // A hint about our own endpoint setting first, then the specific question.
  const ask = (...more: string[]): string => [isItRight ?? '', ...more].filter(Boolean).join(' ')
  const host =
    typeof e.hostname === 'string'
      ? e.hostname
      : typeof e.address === 'string'
        ? `${e.address}${typeof e.port === 'number' ? `:${e.port}` : ''}`
        : ''
  if (code === 'ECONNREFUSED') {
    return endpoint
      ? // The address tried, which for localhost may be ::1 where the emulator listens on 127.0.0.1.
        { what: `nothing is listening at ${host || endpoint}`, check: ask('is the emulator running?') }
      : { what: `connection refused by ${host || 'AWS'}`, check: "check the runner's network" }
  }
  const handshake = tls(code, message, endpoint, isItRight)
  if (handshake) return handshake
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    const what = code === 'ENOTFOUND' ? 'does not resolve' : 'could not be resolved (DNS did not answer)'
    return {
      what: `the host name ${logSafe(host, 120) || '?'} ${what}`,
      check: endpoint ? isItRight : "check the region and the runner's DNS"
    }
  }
  // Node's ECONNRESET and EPIPE arrive named TimeoutError: tell them apart by code first.
  if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(message)) {
    return {
      what: 'the connection was closed without an answer',
      check: endpoint?.startsWith('http:')
        ? ask(`if it speaks HTTPS, use ${endpoint.replace(/^http:/, 'https:')}`)
        : ask() || 'a network fault; try again'
    }
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
    const ms = /(\d+) ?ms/.exec(message)?.[1]
    const within = ms ? ` within ${ms} ms` : ''
    return /establish a connection/i.test(message)
      ? {
          what: `no connection${within}`,
          check: endpoint ? ask('is it reachable?') : "check the runner's network"
        }
      : { what: `no answer${within}`, check: endpoint ? ask('is it stuck?') : 'try again later' }
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return {
      what: `the network cannot reach ${host || endpoint || 'AWS'}`,
      check: isItRight ?? "check the runner's network"
    }
  }
  return { what: `${name || 'error'}${code && code !== name ? ` ${code}` : ''}: ${message}` }
}

/** TLS that failed: plain HTTP where TLS was expected, or a certificate that is not trusted. */
function tls(
  code: string,
  message: string,
  endpoint: string | null,
  isItRight: string | undefined
): { what: string; check?: string } | undefined {
  if (
    code === 'EPROTO' ||
    code.startsWith('ERR_SSL_') ||
    /wrong version number|packet length too long/i.test(message)
  ) {
    return endpoint?.startsWith('https:')
      ? {
          what: 'the endpoint speaks plain HTTP, not TLS',
          check: `use ${endpoint.replace(/^https:/, 'http:')}`
        }
      : { what: 'the TLS handshake failed', check: isItRight ?? 'a proxy on the way may be interfering' }
  }
  const certificate = CERTIFICATE[code]
  if (certificate) {
    return {
      what: `the TLS certificate is not trusted: ${certificate}`,
      check: endpoint
        ? 'for a local emulator use http://, or trust its CA with NODE_EXTRA_CA_CERTS'
        : 'a proxy may be intercepting TLS; trust its CA with NODE_EXTRA_CA_CERTS'
    }
  }
  return undefined
}
