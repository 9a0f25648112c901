// Public types of the emulator. index.ts re-exports them; other modules import them from here so that
// index.ts (which imports the server) is never part of an import cycle.

export interface EmulatorOptions {
  port?: number // 0 = ephemeral (default 0)
  host?: string // default '127.0.0.1'
  region?: string // default 'us-east-1'
  accountId?: string // default '123456789012'
  updateDelayMs?: number // how long $LATEST stays LastUpdateStatus InProgress after Create/UpdateFunctionCode/Configuration (default 0)
  publishDelayMs?: number // how long a new published version stays State Pending (default 0)
  seed?: number // PRNG seed for weighted alias invocation, invocation outcomes and fault draws (default 1)
  metricsDelayMs?: number // metrics become visible this long after the invocation ends: delivery lag (default 0)
  metricsResolutionMs?: number // GetMetricData's StartTime rounding and Period granularity (default 60000)
  profile?: 'fast' | 'realistic' // timing defaults (profile.ts): 'fast' (default) or AWS-like 'realistic'
  evaluateAlarms?: boolean // metric alarms evaluate their metrics every period (default: the profile's)
  now?: () => number // clock (epoch ms) for lifecycle delays, metrics, alarms and traffic (default Date.now)
  omittedRoutingConfig?: 'keep' | 'clear' // [I] UpdateAlias without RoutingConfig: keep existing routing (default 'keep')
  allowFullWeight?: boolean // [I] accept AdditionalVersionWeights value 1.0 (default true; false → 400 InvalidParameterValueException)
  codedeployMinuteMs?: number // how long one CodeDeploy minute (canary/linear intervals, the hook timeout) lasts in clock ms (default 60000)
  pcDelayMs?: number // how long a provisioned-concurrency allocation stays IN_PROGRESS (default 0)
  snapStartDelayMs?: number // extra time a SnapStart version stays Pending while it is optimized (default 0)
  codeStorageLimitBytes?: number // account code storage: past it, CodeStorageExceededException (default 75 GB)
}

export type FaultKind = 'latency' | 'throttle' | 'error' | 'drop' | 'lost-response' | 'rate-limit' | 'deny'

export interface RequestLogEntry {
  seq: number
  time: number // Date.now() at arrival
  endTime: number
  service: 'lambda' | 'cloudwatch' | 'codedeploy' | 'unknown'
  operation: string // e.g. 'UpdateAlias', 'DescribeAlarms', 'Unknown'
  method: string
  path: string
  status: number // 0 when the connection was dropped
  write: boolean // true for state-changing operations (Invoke is not a write)
  functionName?: string // resolved bare function name when the path names one
  alias?: string // alias name for alias operations
  request?: unknown // parsed JSON request body (if any)
  response?: unknown // parsed JSON response body (if any)
  errorType?: string // x-amzn-ErrorType / CloudWatch error code when status >= 400
  fault?: FaultKind
}

export interface FaultRule {
  operation?: string | string[] // operations it applies to; default all
  latencyMs?: number // added delay before handling
  answerLatencyMs?: number // added delay after handling, before answering: the change is made, its answer late
  throttleRate?: number // 0..1 chance of 429 TooManyRequestsException with Retry-After: 1
  errorRate?: number // 0..1 chance of 500 ServiceException
  dropRate?: number // 0..1 chance of destroying the socket without a response
  lostResponseRate?: number // 0..1 chance of applying the request, then destroying the socket before answering
  times?: number // apply to the next N matching requests only, then the rule expires
  deny?: boolean // 403 AccessDeniedException (CloudWatch query protocol: AccessDenied), see deny.ts
  principal?: string // the caller named in a denial (default arn:aws:sts::ACCOUNT:assumed-role/lambda-promote-emulator/emulator)
}

export type RateLimitScope = 'control-plane' | 'all'

export interface Faults {
  add(rule: FaultRule): void
  clear(): void // remove rules and rate limit
  setRateLimit(perSecond: number | null, scope?: RateLimitScope): void
}

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'

// Mutable at runtime (in-process or through the control API).
export interface EmulatorSettings {
  updateDelayMs: number
  publishDelayMs: number
  metricsDelayMs: number
  metricsResolutionMs: number
  pcDelayMs: number
  snapStartDelayMs: number
  codeStorageLimitBytes: number
  evaluateAlarms: boolean
  codedeployMinuteMs: number
}

// A CodeDeploy lifecycle hook invocation (emu.codedeploy.hookExecutions()), so a test or a rehearsal can
// answer it with PutLifecycleEventHookExecutionStatus.
export interface CodeDeployHookExecution {
  deploymentId: string
  lifecycleEventHookExecutionId: string
  lifecycleEvent: 'BeforeAllowTraffic' | 'AfterAllowTraffic'
  functionName: string // as the AppSpec names it
  invokedAt: number // clock ms
  status?: 'Succeeded' | 'Failed' // once reported
  response?: string // what the hook function answered (by default it echoes its event), first 1000 characters
}

export interface TrafficOptions {
  functionName: string // name or ARN
  alias: string // the qualifier invoked: an alias (or a version number)
  rps: number // invocations per second, > 0 and <= 1000
}

export interface TrafficStats {
  id: string
  functionName: string
  alias: string
  rps: number
  startedAt: number // clock ms
  running: boolean
  invocations: number // Invoke calls answered 200 (function errors included)
  functionErrors: number // of those, how many ended in a function error
  failures: number // Invoke calls Lambda refused (missing alias, Pending version, ...)
  lastFailure?: string // e.g. "404 ResourceNotFoundException: Function not found: ..."
  skipped: number // invocations dropped because the backlog exceeded one tick's cap (clock jumps)
  versions: Record<string, number> // invocations per executed version
}

export interface TrafficHandle {
  readonly id: string
  stats(): TrafficStats
  stop(): TrafficStats // sends what was due up to now, then stops; idempotent
}

export interface Traffic {
  start(options: TrafficOptions): TrafficHandle
  get(id: string): TrafficHandle | undefined
  list(): TrafficStats[] // running traffic only
  stopAll(): void
}

export interface Emulator {
  url: string // e.g. http://127.0.0.1:43121
  port: number
  region: string
  accountId: string
  log: RequestLogEntry[] // live array, appended as requests complete
  clearLog(): void
  faults: Faults
  settings: EmulatorSettings // mutable at runtime
  traffic: Traffic
  codedeploy: { hookExecutions(): CodeDeployHookExecution[] }
  admin: {
    publishVersions(functionName: string, count: number): string[] // the new version numbers
    getAlias(functionName: string, alias: string): unknown | undefined
    setAlarmState(name: string, state: AlarmStateValue, reason?: string): void
    reset(): void // back to the state right after start: no functions, alarms, metrics, log, faults or traffic
  }
  close(): Promise<void>
}
