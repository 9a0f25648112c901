import {
  CreateAliasCommand,
  DeleteAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  type AliasConfiguration,
  type FunctionConfiguration
} from '@aws-sdk/client-lambda'
import type { Clock } from './clock.js'
import { RateLimiter } from './limiter.js'
import { isBusy, isTransient, withRetry } from './retry.js'

export type { AliasConfiguration, FunctionConfiguration }

/** How hard one call may try: until `deadline`, at most `maxAttempts`, and not once `signal` aborts. */
export interface Budget {
  deadline: number
  maxAttempts: number
  signal?: AbortSignal
}

export interface AliasWrite {
  functionVersion: string
  /** {} clears the routing; it is always sent, never left to Lambda's default. */
  weights: Record<string, number>
  revisionId?: string
  description?: string
}

export interface InvokeResult {
  statusCode: number
  functionError?: string
  executedVersion?: string
  payload: string
}

export interface GatewayOptions {
  region: string
  endpoint: string | null
  clock: Clock
  maxRequestsPerSecond: number
  userAgent: string
}

const notFound = (error: unknown): boolean =>
  (error as { name?: string })?.name === 'ResourceNotFoundException'
const named = (error: unknown, name: string): boolean => (error as { name?: string })?.name === name

/**
 * The one place that talks to Lambda. Every attempt passes the pacer, so retries count against the
 * control-plane budget too; that is why the SDK's own retries are off and ours run here.
 */
export class LambdaGateway {
  readonly client: LambdaClient
  /** GetFunction has its own 100 req/s quota; everything else shares 15 req/s. */
  private readonly reads: RateLimiter
  private readonly writes: RateLimiter

  constructor(
    private readonly options: GatewayOptions,
    public budget: Budget
  ) {
    this.client = new LambdaClient({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      customUserAgent: options.userAgent,
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 5000, requestTimeout: 20000 }
    })
    this.reads = new RateLimiter(options.clock, 80)
    this.writes = new RateLimiter(options.clock, options.maxRequestsPerSecond)
  }

  private call<T>(limiter: RateLimiter, budget: Budget, operation: () => Promise<T>): Promise<T> {
    return withRetry(
      this.options.clock,
      { ...budget, retryable: error => isTransient(error) && !budget.signal?.aborted },
      async () => {
        await limiter.acquire()
        return operation()
      }
    )
  }

  /** A function's or version's configuration; null when it does not exist. */
  async getConfiguration(
    fn: string,
    qualifier?: string,
    budget = this.budget
  ): Promise<FunctionConfiguration | null> {
    try {
      const out = await this.call(this.reads, budget, () =>
        this.client.send(
          new GetFunctionCommand({ FunctionName: fn, ...(qualifier ? { Qualifier: qualifier } : {}) })
        )
      )
      return out.Configuration ?? null
    } catch (error) {
      if (notFound(error)) return null
      throw error
    }
  }

  async getAlias(fn: string, alias: string, budget = this.budget): Promise<AliasConfiguration | null> {
    try {
      return await this.call(this.writes, budget, () =>
        this.client.send(new GetAliasCommand({ FunctionName: fn, Name: alias }))
      )
    } catch (error) {
      if (notFound(error)) return null
      throw error
    }
  }

  /**
   * PublishVersion guarded by $LATEST's CodeSha256 and RevisionId. If an attempt's answer was lost and the
   * retry meets 412 (the publish landed and moved the RevisionId), ask again with the CodeSha256 alone:
   * Lambda then answers with the version already published.
   */
  async publishVersion(
    fn: string,
    input: { codeSha256: string; revisionId?: string; description: string },
    budget = this.budget
  ): Promise<FunctionConfiguration> {
    let lostAnswer = false
    return this.call(this.writes, budget, async () => {
      const guard = lostAnswer ? {} : input.revisionId ? { RevisionId: input.revisionId } : {}
      try {
        return await this.client.send(
          new PublishVersionCommand({
            FunctionName: fn,
            CodeSha256: input.codeSha256,
            Description: input.description,
            ...guard
          })
        )
      } catch (error) {
        if (isTransient(error) && !isBusy(error)) lostAnswer = true
        throw error
      }
    })
  }

  async createAlias(
    fn: string,
    alias: string,
    version: string,
    budget = this.budget
  ): Promise<AliasConfiguration> {
    let lostAnswer = false
    return this.call(this.writes, budget, async () => {
      try {
        return await this.client.send(
          new CreateAliasCommand({
            FunctionName: fn,
            Name: alias,
            FunctionVersion: version,
            RoutingConfig: { AdditionalVersionWeights: {} }
          })
        )
      } catch (error) {
        if (isTransient(error) && !isBusy(error)) lostAnswer = true
        // Our earlier attempt created it and its answer was lost: it is ours if it points where we asked.
        if (lostAnswer && named(error, 'ResourceConflictException')) {
          const found = await this.getAlias(fn, alias, budget)
          if (found?.FunctionVersion === version) return found
        }
        throw error
      }
    })
  }

  /** UpdateAlias; RoutingConfig is always sent explicitly (AWS's handling of an omitted one is unverified). */
  async updateAlias(
    fn: string,
    alias: string,
    write: AliasWrite,
    budget = this.budget
  ): Promise<AliasConfiguration> {
    return this.call(this.writes, budget, () =>
      this.client.send(
        new UpdateAliasCommand({
          FunctionName: fn,
          Name: alias,
          FunctionVersion: write.functionVersion,
          RoutingConfig: { AdditionalVersionWeights: write.weights },
          ...(write.revisionId ? { RevisionId: write.revisionId } : {}),
          ...(write.description !== undefined ? { Description: write.description } : {})
        })
      )
    )
  }

  async deleteAlias(fn: string, alias: string, budget = this.budget): Promise<void> {
    await this.call(this.writes, budget, () =>
      this.client.send(new DeleteAliasCommand({ FunctionName: fn, Name: alias }))
    )
  }

  /** Invokes a version by number, synchronously, with the log tail. Not retried: a smoke test runs once. */
  async invoke(fn: string, version: string, payload: string): Promise<InvokeResult> {
    const out = await this.client.send(
      new InvokeCommand({
        FunctionName: fn,
        Qualifier: version,
        InvocationType: 'RequestResponse',
        LogType: 'Tail',
        Payload: new TextEncoder().encode(payload)
      })
    )
    return {
      statusCode: out.StatusCode ?? 0,
      ...(out.FunctionError ? { functionError: out.FunctionError } : {}),
      ...(out.ExecutedVersion ? { executedVersion: out.ExecutedVersion } : {}),
      payload: out.Payload ? new TextDecoder().decode(out.Payload) : ''
    }
  }

  destroy(): void {
    this.client.destroy()
  }
}
