import { InputError } from '../errors.js'

/**
 * Which endpoint each AWS service is called at, decided once from the `endpoint-url` input and the
 * environment, by the SDK's own precedence:
 * 1. the `endpoint-url` input, for both services;
 * 2. else, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true, `AWS_ENDPOINT_URL_<SERVICE>`
 *    (AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL_CLOUDWATCH), then AWS_ENDPOINT_URL;
 * 3. else null: AWS's public endpoint for the region.
 *
 * How the SDK itself picks an endpoint (@smithy/core endpoints: resolveEndpointConfig and the endpoint
 * middleware, read in node_modules for @aws-sdk/client-* 3.1164):
 * - an explicit `endpoint` marks the client custom and nothing else is read;
 * - without one, on each request, unless the client option `ignoreConfiguredEndpointUrls` is set, it
 *   reads AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, then AWS_ENDPOINT_URL_<service id, upper-cased, spaces
 *   as _>, then AWS_ENDPOINT_URL, then the shared config file's `endpoint_url`. The switch counts only
 *   as the exact word "true": "TRUE" fails its check, the failure is swallowed and the SDK goes on to
 *   follow the variables it was asked to ignore.
 * So a client built with no endpoint is not one that goes to AWS. `clientEndpointConfig` gives the
 * client exactly the endpoint resolved here, or AWS's default, and keeps the SDK from reading the
 * environment or ~/.aws/config a second time by different rules.
 */

export type Service = 'lambda' | 'cloudwatch'

/** What chose an endpoint: the input, an environment variable, or null for AWS's default. */
export type EndpointSource =
  'endpoint-url' | 'AWS_ENDPOINT_URL_LAMBDA' | 'AWS_ENDPOINT_URL_CLOUDWATCH' | 'AWS_ENDPOINT_URL' | null

export interface Endpoints {
  readonly lambda: string | null
  readonly cloudwatch: string | null
  readonly source: Readonly<Record<Service, EndpointSource>>
  /** Endpoint variables that are set but not used (the input or the ignore switch overrides them). */
  readonly ignored: readonly string[]
}

const SERVICE_VARIABLE = {
  lambda: 'AWS_ENDPOINT_URL_LAMBDA',
  cloudwatch: 'AWS_ENDPOINT_URL_CLOUDWATCH'
} as const satisfies Record<Service, EndpointSource>
const SHARED_VARIABLE = 'AWS_ENDPOINT_URL'
const IGNORE_VARIABLE = 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'
const EXAMPLE = 'such as http://127.0.0.1:4599'

/** Pure: the endpoints for Lambda and CloudWatch. Throws an InputError for a bad value that would be used. */
export function resolveEndpoints(input: string | null, env: Record<string, string | undefined>): Endpoints {
  const read = (name: string): string => (env[name] ?? '').trim()
  const configured = [SERVICE_VARIABLE.lambda, SERVICE_VARIABLE.cloudwatch, SHARED_VARIABLE].filter(
    name => read(name) !== ''
  )
  const explicit = (input ?? '').trim()
  if (explicit !== '') {
    const url = checkEndpoint('endpoint-url', explicit)
    return {
      lambda: url,
      cloudwatch: url,
      source: { lambda: 'endpoint-url', cloudwatch: 'endpoint-url' },
      ignored: configured
    }
  }
  if (ignoreSwitch(read(IGNORE_VARIABLE))) {
    return { lambda: null, cloudwatch: null, source: { lambda: null, cloudwatch: null }, ignored: configured }
  }
  const pick = (service: Service): [string | null, EndpointSource] => {
    for (const name of [SERVICE_VARIABLE[service], SHARED_VARIABLE] as const) {
      // An empty variable counts as unset, as the SDK counts it.
      if (read(name) !== '') return [checkEndpoint(name, read(name)), name]
    }
    return [null, null]
  }
  const [lambda, lambdaSource] = pick('lambda')
  const [cloudwatch, cloudwatchSource] = pick('cloudwatch')
  const used = new Set<string | null>([lambdaSource, cloudwatchSource])
  return {
    lambda,
    cloudwatch,
    source: { lambda: lambdaSource, cloudwatch: cloudwatchSource },
    ignored: configured.filter(name => !used.has(name))
  }
}

/**
 * One more service's endpoint by the same precedence (the input, else `variable` unless the ignore switch
 * is on, else AWS_ENDPOINT_URL), for a client only some runs build (CodeDeploy's).
 */
export function resolveServiceEndpoint(
  input: string | null,
  env: Record<string, string | undefined>,
  variable: string
): { url: string | null; source: string | null } {
  const explicit = (input ?? '').trim()
  if (explicit !== '') return { url: checkEndpoint('endpoint-url', explicit), source: 'endpoint-url' }
  if (ignoreSwitch((env[IGNORE_VARIABLE] ?? '').trim())) return { url: null, source: null }
  for (const name of [variable, SHARED_VARIABLE]) {
    const value = (env[name] ?? '').trim()
    if (value !== '') return { url: checkEndpoint(name, value), source: name }
  }
  return { url: null, source: null }
}

/**
 * The SDK client options that send requests to `endpoint`, or to AWS's default when null, and nowhere
 * else: the flag is what stops the SDK from reading AWS_ENDPOINT_URL* and ~/.aws/config on its own.
 */
export function clientEndpointConfig(endpoint: string | null): {
  endpoint?: string
  ignoreConfiguredEndpointUrls: true
} {
  return endpoint === null
    ? { ignoreConfiguredEndpointUrls: true }
    : { endpoint, ignoreConfiguredEndpointUrls: true }
}

// Case-insensitive, unlike the SDK, which fails every request on "TRUE"; a value that is neither is an
// error rather than a guess, since guessing wrong sends requests to an endpoint someone meant to switch off.
function ignoreSwitch(value: string): boolean {
  const normal = value.toLowerCase()
  if (normal === 'true') return true
  if (normal === 'false' || normal === '') return false
  throw new InputError(IGNORE_VARIABLE, value, 'expected true or false')
}

/** The URL as given, if it is a usable endpoint; else an InputError naming where it came from. */
function checkEndpoint(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(name, value, `expected an http(s) URL ${EXAMPLE}`)
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || /\s/.test(value)) {
    throw new InputError(name, value, `expected an http(s) URL ${EXAMPLE}`)
  }
  if (url.username !== '' || url.password !== '') {
    // Never echo a password into the log.
    const shown = `${url.protocol}//${url.username}${url.password === '' ? '' : ':***'}@${url.host}${url.pathname}`
    throw new InputError(name, shown, 'must not carry a user name or password; AWS requests are signed')
  }
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
    throw new InputError(name, value, `must not have a query or fragment; expected a base URL ${EXAMPLE}`)
  }
  return value
}
