// The seams between the rollout engine and AWS: the engine depends on these interfaces only, so a test
// can hand it the real gateway against the emulator, a fault-injecting transport, or a fake.
import type { AliasConfiguration, FunctionConfiguration } from '@aws-sdk/client-lambda'

export type { AliasConfiguration, FunctionConfiguration }

/** How hard one call may try: until `deadline`, at most `maxAttempts`, and not once `signal` aborts. */
export interface Budget {
  deadline: number
  maxAttempts: number
  /** Aborts the call in flight too, not only the waits between attempts and before the next one. */
  signal?: AbortSignal
  /**
   * The signal stops waits and further attempts but never a request already sent: an alias write cut
   * short on our side may still land at Lambda, after the rollback has looked.
   */
  keepInFlight?: boolean
}

export interface AliasWrite {
  functionVersion: string
  /** {} clears the routing; it is always sent, never left to Lambda's default. */
  weights: Record<string, number>
  /** Always sent, so that the state a write leaves is exactly the one recorded before it. */
  description: string
  /** The RevisionId just read or got back: the write fails with 412 if anyone wrote since. */
  revisionId?: string
}

export interface PublishRequest {
  codeSha256: string
  /** $LATEST's RevisionId as read: the publish fails with 412 if $LATEST changed since. */
  revisionId: string
  description: string
}

/** One provisioned-concurrency configuration: READY, IN_PROGRESS or FAILED (with Lambda's reason). */
export interface ProvisionedState {
  requested: number
  allocated: number
  status: string
  reason?: string
}

export interface InvokeResult {
  statusCode: number
  functionError?: string
  executedVersion?: string
  payload: string
}

/** The Lambda operations the rollout uses. */
export interface LambdaApi {
  /** A function's or version's configuration; null when it does not exist. */
  getFunction(fn: string, qualifier?: string, budget?: Budget): Promise<FunctionConfiguration | null>
  getAlias(fn: string, alias: string, budget?: Budget): Promise<AliasConfiguration | null>
  publishVersion(fn: string, request: PublishRequest, budget?: Budget): Promise<FunctionConfiguration>
  createAlias(fn: string, alias: string, version: string, budget?: Budget): Promise<AliasConfiguration>
  updateAlias(fn: string, alias: string, write: AliasWrite, budget?: Budget): Promise<AliasConfiguration>
  deleteAlias(fn: string, alias: string, budget?: Budget): Promise<void>
  /** The provisioned-concurrency configuration on a version or alias; null when it has none. */
  getProvisionedConcurrency?(fn: string, qualifier: string, budget?: Budget): Promise<ProvisionedState | null>
  /** The qualifiers of the function that have a provisioned-concurrency configuration. */
  listProvisionedConcurrency?(fn: string, budget?: Budget): Promise<string[]>
  /** Invokes a version by number, synchronously. Not retried: a smoke test runs once. */
  invoke(fn: string, version: string, payload: string, signal?: AbortSignal): Promise<InvokeResult>
}

/** What restoring an alias needs: main's undo and the post step call it through this. */
export type AliasApi = Pick<LambdaApi, 'getAlias' | 'updateAlias' | 'deleteAlias'>

export interface AlarmState {
  name: string
  state: string
  reason: string
}

/** The rollout's health signal: the named CloudWatch alarms. */
export interface AlarmSource {
  readonly names: readonly string[]
  /** Every named alarm's state; throws InputError for a name CloudWatch does not know. */
  read(deadline: number, signal?: AbortSignal): Promise<AlarmState[]>
}

export interface FigureWindow {
  /** A function name or ARN; the metric dimension takes the bare name. */
  functionName: string
  alias: string
  /** [new, old] */
  versions: readonly [string, string]
  startMs: number
  endMs: number
  /** Seconds per datapoint, a multiple of 60. By default one datapoint spans the whole window. */
  periodSec?: number | undefined
  /** The metrics' resolution in ms (60000 for Lambda's, the default): StartTime is rounded down to it. */
  resolutionMs?: number | undefined
}

export interface VersionMetrics {
  version: string
  invocations: number
  errors: number
  /** p99 Duration in ms; undefined when the window holds no duration samples. */
  p99Ms: number | undefined
  durationSamples: number
  /** Duration percentiles from p95 to the maximum (100), ascending: what bounds p99 in the judgement. */
  tail: TailPoint[]
}

export interface WindowFigures {
  new: VersionMetrics
  old: VersionMetrics
}

/**
 * One point of a version's Duration tail: CloudWatch's percentile `pct` over the window. `lowMs` and
 * `highMs` are the smallest and largest value over the window's datapoints (equal with one datapoint):
 * the lower bound reads the smallest, the upper bound the largest, so several datapoints only widen them.
 */
export interface TailPoint {
  pct: number
  lowMs: number
  highMs: number
}

/** Per-version figures for canary analysis (CloudWatch GetMetricData). */
export interface MetricsSource {
  figures(window: FigureWindow, signal?: AbortSignal): Promise<WindowFigures>
}

/** Sent with every AWS request (the post step adds " post"). */
export const USER_AGENT = 'lambda-promote/1'

export const isNamed = (error: unknown, name: string): boolean =>
  (error as { name?: string } | null)?.name === name
