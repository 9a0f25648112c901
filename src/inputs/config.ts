import type { Endpoints } from '../aws/endpoints.js'
import type { CodeDeploySettings, Engine } from './engine.js'
import type { PlanStep, Strategy } from './plan.js'
import type { FunctionRef, VersionSpec } from './names.js'

export interface Config {
  readonly functions: readonly FunctionRef[]
  readonly alias: string
  readonly version: VersionSpec | null
  readonly publish: 'auto' | 'always'
  readonly strategy: Strategy
  /** Partial steps then the final {weight: 1, holdMs: bake}. */
  readonly plan: readonly PlanStep[]
  readonly wait: boolean
  readonly alarms: readonly string[]
  /** Validated JSON text, or null for no smoke test. */
  readonly smokeTestPayload: string | null
  /** Validated JSON text the smoke reply must contain (a subset match), or null. */
  readonly smokeTestExpect: string | null
  readonly bakeMs: number
  readonly rollback: boolean
  readonly timeoutMs: number
  /** Explicit description input, or null to build one from the workflow context. */
  readonly description: string | null
  readonly region: string
  /** Lambda's endpoint; null: AWS's own for the region. */
  readonly endpoint: string | null
  /** CloudWatch's endpoint, resolved on its own (AWS_ENDPOINT_URL_CLOUDWATCH). */
  readonly cloudwatchEndpoint: string | null
  /** What chose each endpoint, for error lines that say what to check. */
  readonly endpointSource: Endpoints['source']
  readonly dryRun: boolean
  readonly environment: string
  readonly githubToken: string
  readonly maxRequestsPerSecond: number
  readonly concurrency: number
  /** Canary analysis checks; empty: off. */
  readonly analysis: readonly ('errors' | 'latency')[]
  /** Invocations the new version must serve in a step before it may pass; 0: no such guard. */
  readonly minInvocations: number
  /** Allowed p99 increase as a fraction (0.2 = 20%). */
  readonly latencyTolerance: number
  /** keep-versions: how many newest versions to keep when pruning; null: no pruning. */
  readonly keepVersions: number | null
  /** CloudWatch's delivery lag: a window is judged this long (plus the function's timeout) after it ends. */
  readonly metricsDelayMs: number
  /** The metrics' resolution: windows are whole periods of it (one minute for Lambda). */
  readonly metricsResolutionMs: number
  /** Who moves the traffic: this step (action) or an AWS CodeDeploy deployment. */
  readonly engine: Engine
  /** engine: codedeploy's application, group, role and hooks; null with the action engine. */
  readonly codedeploy: CodeDeploySettings | null
}

/** Every input the action declares, as the runner hands them over (trimmed strings). */
export const INPUT_NAMES = [
  'function-name',
  'alias',
  'version',
  'publish',
  'strategy',
  'canary-percent',
  'linear-percent',
  'interval',
  'steps',
  'wait',
  'alarms',
  'smoke-test-payload',
  'smoke-test-expect',
  'bake-time',
  'rollback',
  'timeout',
  'description',
  'region',
  'endpoint-url',
  'dry-run',
  'environment',
  'github-token',
  'max-requests-per-second',
  'concurrency',
  'analysis',
  'min-invocations',
  'latency-tolerance',
  'keep-versions',
  'metrics-delay',
  'engine',
  'codedeploy-application',
  'codedeploy-deployment-group',
  'codedeploy-service-role',
  'hooks'
] as const
type InputName = (typeof INPUT_NAMES)[number]
export type RawInputs = Record<InputName, string>
