import {
  CreateAliasCommand,
  DeleteAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand
} from '@aws-sdk/client-lambda'
import type { Clock, Random } from '../clock.js'
import type {
  AliasConfiguration,
  AliasWrite,
  Budget,
  FunctionConfiguration,
  InvokeResult,
  LambdaApi,
  ProvisionedState,
  PublishRequest
} from './api.js'
import { isNamed } from './api.js'
import { RateLimiter } from './limiter.js'
import { listProvisioned, readProvisioned } from './provisioned.js'
import { callOf, described, REQUEST_HANDLER } from './sdk-options.js'
import type { AwsCall } from './describe-error.js'
import { clientEndpointConfig } from './endpoints.js'
import { isBusy, isTransient, policyFor, withRetry } from './retry.js'

export { USER_AGENT } from './api.js'

/** What actually sends a command: the SDK client, or a test's fault-injecting wrapper around it. */
export type Transport = (command: object, options: { abortSignal?: AbortSignal }) => Promise<unknown>

export interface GatewayOptions {
  region: string
  endpoint: string | null
  clock: Clock
  maxRequestsPerSecond: number
  userAgent: string
  random?: Random
  /** Wraps the client's send; tests inject faults below the retry layer with it. */
  transport?: (send: Transport) => Transport
  /** What chose the endpoint, for error lines that say what to check. */
  endpointSource?: string | null
  /**
   * FIPS and dual-stack as main's client resolved them (post passes what the ledger saved); unset, the
   * SDK reads AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT and the shared config as usual.
   */
  useFipsEndpoint?: boolean
  useDualstackEndpoint?: boolean
}

/** The endpoint switches a client resolved: saved in the ledger so that post builds the same client. */
export interface EndpointFlags {
  useFipsEndpoint: boolean
  useDualstackEndpoint: boolean
}

/**
 * A cancel that came while waiting for a slot means the request is never sent; one sent is aborted
 * only when the budget allows it.
 */
function sendOptions(budget: Budget): { abortSignal?: AbortSignal } {
  if (budget.signal?.aborted)
    throw Object.assign(new Error(String(budget.signal.reason ?? 'cancelled')), { name: 'AbortError' })
  return budget.signal && !budget.keepInFlight ? { abortSignal: budget.signal } : {}
}

/**
 * The one place main talks to Lambda (post has its own small alias client). Every attempt passes the pacer, so retries count against the
 * control-plane budget too; that is why the SDK's own retries are off and ours run here.
 */
export class LambdaGateway implements LambdaApi {
  readonly client: LambdaClient
  /** GetFunction has its own 100 req/s quota; everything else shares 15 req/s. */
  private readonly reads: RateLimiter
  private readonly writes: RateLimiter
  private readonly send: Transport

  constructor(
    private readonly options: GatewayOptions,
    public budget: Budget
  ) {
    this.client = new LambdaClient({
      region: options.region,
      ...clientEndpointConfig(options.endpoint),
      ...(options.useFipsEndpoint !== undefined ? { useFipsEndpoint: options.useFipsEndpoint } : {}),
      ...(options.useDualstackEndpoint !== undefined
        ? { useDualstackEndpoint: options.useDualstackEndpoint }
        : {}),
      customUserAgent: options.userAgent,
      // Our retry layer is the only one: the SDK's own would multiply the attempts.
      maxAttempts: 1,
      requestHandler: REQUEST_HANDLER
    })
    const send: Transport = (command, opts) =>
      this.client.send(command as GetAliasCommand, opts) as Promise<unknown>
    this.send = options.transport ? options.transport(send) : send
    this.reads = new RateLimiter(options.clock, 80)
    this.writes = new RateLimiter(options.clock, options.maxRequestsPerSecond)
  }

  private async call<T>(limiter: RateLimiter, budget: Budget, command: object): Promise<T> {
    try {
      return await this.attempts<T>(limiter, budget, command)
    } catch (error) {
      throw described(error, this.where(command))
    }
  }

  private attempts<T>(limiter: RateLimiter, budget: Budget, command: object): Promise<T> {
    return withRetry(this.options.clock, policyFor(budget, this.options.random), async () => {
      await limiter.acquire(budget.signal)
      return (await this.send(command, sendOptions(budget))) as T
    })
  }

  /** Any other Lambda control-plane command (pruning's reads and deletes), paced and retried like the rest. */
  controlPlane<T>(command: object, budget = this.budget): Promise<T> {
    return this.call<T>(this.writes, budget, command)
  }

  async getFunction(
    fn: string,
    qualifier?: string,
    budget = this.budget
  ): Promise<FunctionConfiguration | null> {
    try {
      const out = await this.call<{ Configuration?: FunctionConfiguration }>(
        this.reads,
        budget,
        new GetFunctionCommand({ FunctionName: fn, ...(qualifier ? { Qualifier: qualifier } : {}) })
      )
      return out.Configuration ?? null
    } catch (error) {
      if (isNamed(error, 'ResourceNotFoundException')) return null
      throw error
    }
  }

  async getAlias(fn: string, alias: string, budget = this.budget): Promise<AliasConfiguration | null> {
    try {
      return await this.call<AliasConfiguration>(
        this.writes,
        budget,
        new GetAliasCommand({ FunctionName: fn, Name: alias })
      )
    } catch (error) {
      if (isNamed(error, 'ResourceNotFoundException')) return null
      throw error
    }
  }

  /** Always guarded by $LATEST's CodeSha256 and RevisionId, retries included: see rollout/publish.ts. */
  publishVersion(fn: string, request: PublishRequest, budget = this.budget): Promise<FunctionConfiguration> {
    return this.call(
      this.writes,
      budget,
      new PublishVersionCommand({
        FunctionName: fn,
        CodeSha256: request.codeSha256,
        Description: request.description,
        RevisionId: request.revisionId
      })
    )
  }

  async createAlias(
    fn: string,
    alias: string,
    version: string,
    budget = this.budget
  ): Promise<AliasConfiguration> {
    const command = new CreateAliasCommand({
      FunctionName: fn,
      Name: alias,
      FunctionVersion: version,
      Description: '',
      RoutingConfig: { AdditionalVersionWeights: {} }
    })
    try {
      return await this.createAttempts(command, fn, alias, version, budget)
    } catch (error) {
      throw described(error, this.where(command))
    }
  }

  private createAttempts(
    command: CreateAliasCommand,
    fn: string,
    alias: string,
    version: string,
    budget: Budget
  ): Promise<AliasConfiguration> {
    let lostAnswer = false
    return withRetry(this.options.clock, policyFor(budget, this.options.random), async () => {
      try {
        await this.writes.acquire(budget.signal)
        return (await this.send(command, sendOptions(budget))) as AliasConfiguration
      } catch (error) {
        if (isTransient(error) && !isBusy(error)) lostAnswer = true
        // An earlier attempt's answer was lost: the alias is ours only if it is exactly what we asked for.
        if (lostAnswer && isNamed(error, 'ResourceConflictException')) {
          const found = await this.getAlias(fn, alias, budget)
          const weights = Object.keys(found?.RoutingConfig?.AdditionalVersionWeights ?? {})
          if (found?.FunctionVersion === version && weights.length === 0 && !found.Description) return found
        }
        throw error
      }
    })
  }

  /** UpdateAlias with RoutingConfig and Description always sent explicitly. */
  updateAlias(
    fn: string,
    alias: string,
    write: AliasWrite,
    budget = this.budget
  ): Promise<AliasConfiguration> {
    return this.call(
      this.writes,
      budget,
      new UpdateAliasCommand({
        FunctionName: fn,
        Name: alias,
        FunctionVersion: write.functionVersion,
        RoutingConfig: { AdditionalVersionWeights: write.weights },
        Description: write.description,
        ...(write.revisionId ? { RevisionId: write.revisionId } : {})
      })
    )
  }

  getProvisionedConcurrency(
    fn: string,
    qualifier: string,
    budget = this.budget
  ): Promise<ProvisionedState | null> {
    return readProvisioned((c, b) => this.call(this.writes, b, c), fn, qualifier, budget)
  }

  listProvisionedConcurrency(fn: string, budget = this.budget): Promise<string[]> {
    return listProvisioned((c, b) => this.call(this.writes, b, c), fn, budget)
  }

  async deleteAlias(fn: string, alias: string, budget = this.budget): Promise<void> {
    await this.call(this.writes, budget, new DeleteAliasCommand({ FunctionName: fn, Name: alias }))
  }

  /** Retried only while Lambda throttles: any other failure is the smoke test's verdict. */
  async invoke(fn: string, version: string, payload: string, signal?: AbortSignal): Promise<InvokeResult> {
    const command = new InvokeCommand({
      FunctionName: fn,
      Qualifier: version,
      InvocationType: 'RequestResponse',
      LogType: 'Tail',
      Payload: new TextEncoder().encode(payload)
    })
    const out = (await withRetry(
      this.options.clock,
      policyFor({ ...this.budget, ...(signal ? { signal } : {}) }, this.options.random, isBusy),
      () => this.send(command, signal ? { abortSignal: signal } : {})
    ).catch(error => {
      throw described(error, this.where(command))
    })) as { StatusCode?: number; FunctionError?: string; ExecutedVersion?: string; Payload?: Uint8Array }
    return {
      statusCode: out.StatusCode ?? 0,
      ...(out.FunctionError ? { functionError: out.FunctionError } : {}),
      ...(out.ExecutedVersion ? { executedVersion: out.ExecutedVersion } : {}),
      payload: out.Payload ? new TextDecoder().decode(out.Payload) : ''
    }
  }

  private where(command: object): AwsCall {
    const { endpoint, endpointSource } = this.options
    return { ...callOf(command), service: 'Lambda', endpoint, endpointSource: endpointSource ?? null }
  }

  /** FIPS and dual-stack as the SDK resolved them for this client (environment, shared config). */
  async endpointFlags(): Promise<EndpointFlags> {
    const config = this.client.config
    return {
      useFipsEndpoint: await config.useFipsEndpoint(),
      useDualstackEndpoint: await config.useDualstackEndpoint()
    }
  }

  destroy(): void {
    this.client.destroy()
  }
}
