// The post step's Lambda client: GetAlias, UpdateAlias and DeleteAlias over fetch with SigV4. The AWS SDK
// client is most of a megabyte; the net for a killed run must start fast and stay small.
import type { Clock, Random } from '../clock.js'
import type { AliasConfiguration, AliasWrite, Budget, LambdaApi } from './api.js'
import { isNamed } from './api.js'
import { RateLimiter } from './limiter.js'
import { policyFor, withRetry } from './retry.js'
import { sign, type Credentials } from './sigv4.js'

export type AliasApi = Pick<LambdaApi, 'getAlias' | 'updateAlias' | 'deleteAlias'>

export interface AliasClientOptions {
  region: string
  endpoint: string | null
  clock: Clock
  userAgent: string
  budget: Budget
  env: Record<string, string | undefined>
  random?: Random
  /** The SDK's default chain, loaded only when the environment holds no keys (instance roles, SSO). */
  fallbackCredentials?: () => Promise<Credentials>
}

/** An error shaped like the SDK's: `name` from x-amzn-ErrorType, the HTTP status in `$metadata`. */
class ApiError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly $metadata: { httpStatusCode?: number },
    readonly $response?: { headers: Record<string, string> }
  ) {
    super(message)
  }
}

export function lambdaEndpoint(region: string): string {
  return `https://lambda.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`
}

export class AliasClient implements AliasApi {
  private readonly limiter: RateLimiter
  private credentials: Promise<Credentials> | undefined

  constructor(private readonly o: AliasClientOptions) {
    this.limiter = new RateLimiter(o.clock, 14)
  }

  async getAlias(fn: string, alias: string, budget = this.o.budget): Promise<AliasConfiguration | null> {
    try {
      return (await this.call('GET', path(fn, alias), undefined, budget)) as AliasConfiguration
    } catch (error) {
      if (isNamed(error, 'ResourceNotFoundException')) return null
      throw error
    }
  }

  async updateAlias(
    fn: string,
    alias: string,
    write: AliasWrite,
    budget = this.o.budget
  ): Promise<AliasConfiguration> {
    const body = {
      FunctionVersion: write.functionVersion,
      RoutingConfig: { AdditionalVersionWeights: write.weights },
      Description: write.description,
      ...(write.revisionId ? { RevisionId: write.revisionId } : {})
    }
    return (await this.call('PUT', path(fn, alias), body, budget)) as AliasConfiguration
  }

  async deleteAlias(fn: string, alias: string, budget = this.o.budget): Promise<void> {
    await this.call('DELETE', path(fn, alias), undefined, budget)
  }

  private call(method: string, p: string, body: object | undefined, budget: Budget): Promise<unknown> {
    return withRetry(this.o.clock, policyFor(budget, this.o.random), async () => {
      await this.limiter.acquire(budget.signal)
      return this.once(method, p, body, budget.signal)
    })
  }

  private async once(
    method: string,
    p: string,
    body: object | undefined,
    signal?: AbortSignal
  ): Promise<unknown> {
    const url = new URL(p, this.o.endpoint ?? lambdaEndpoint(this.o.region))
    const text = body === undefined ? '' : JSON.stringify(body)
    const headers = sign({
      method,
      url,
      headers: { 'content-type': 'application/json', 'user-agent': this.o.userAgent },
      body: text,
      region: this.o.region,
      service: 'lambda',
      credentials: await this.creds(),
      now: this.o.clock.now()
    })
    const timeout = AbortSignal.timeout(20_000)
    let response: Response
    let raw: string
    try {
      response = await fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: text }),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout
      })
      // The body is part of the answer: a connection dropped while it streams is a network fault too.
      raw = await response.text()
    } catch (error) {
      if (signal?.aborted) throw error
      throw networkError(error)
    }
    let json: Record<string, unknown> = {}
    try {
      json = raw ? (JSON.parse(raw) as Record<string, unknown>) : {}
    } catch {
      json = { message: `not the Lambda API: ${raw.slice(0, 80)}` }
    }
    if (response.status < 300) return json
    const type = (response.headers.get('x-amzn-errortype') ?? `Http${response.status}`).split(
      ':'
    )[0] as string
    const retryAfter = response.headers.get('retry-after')
    throw new ApiError(
      type,
      String(json.message ?? json.Message ?? response.statusText),
      { httpStatusCode: response.status },
      retryAfter ? { headers: { 'retry-after': retryAfter } } : undefined
    )
  }

  private creds(): Promise<Credentials> {
    const env = this.o.env
    if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
      return Promise.resolve({
        accessKeyId: env.AWS_ACCESS_KEY_ID,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
        ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {})
      })
    }
    if (!this.o.fallbackCredentials)
      return Promise.reject(
        new ApiError('CredentialsProviderError', 'no AWS credentials in the environment', {})
      )
    this.credentials ??= this.o.fallbackCredentials()
    return this.credentials
  }
}

function path(fn: string, alias: string): string {
  return `/2015-03-31/functions/${encodeURIComponent(fn)}/aliases/${encodeURIComponent(alias)}`
}

/**
 * fetch hides the socket error in `cause`. No HTTP answer at all is a network fault whatever its code
 * (reset, closed, timed out, DNS): retrying is safe, every write carries its RevisionId guard.
 */
function networkError(error: unknown): Error {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  const code = cause?.code ?? (error as Error).name
  return Object.assign(
    new ApiError('NetworkingError', `${code}: ${cause?.message ?? (error as Error).message}`, {}),
    {
      code
    }
  )
}
