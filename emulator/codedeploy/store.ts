// CodeDeploy's in-memory state (applications, deployment groups, configurations, deployments) and the
// response shapes built from it. Times are clock ms here and epoch seconds on the wire.
import { randomBytes } from 'node:crypto'
import type { ApiResponse } from '../errors.js'
import type { Place } from '../names.js'
import type { AlarmStateValue, EmulatorSettings } from '../types.js'
import type { LambdaAppSpec } from './appspec.js'
import type { DeploymentConfigRecord, TrafficRouting } from './configs.js'
import { cdError, seconds } from './protocol.js'

export interface AlarmConfig {
  enabled: boolean
  ignorePollAlarmFailure: boolean
  alarms: string[]
}

export interface AutoRollback {
  enabled: boolean
  events: string[] // DEPLOYMENT_FAILURE | DEPLOYMENT_STOP_ON_ALARM | DEPLOYMENT_STOP_ON_REQUEST
}

export interface GroupRecord {
  id: string
  name: string
  applicationName: string
  configName: string
  serviceRoleArn: string
  alarm?: AlarmConfig
  autoRollback?: AutoRollback
  lastAttempted?: string // deployment ids
  lastSuccessful?: string
}

export interface ApplicationRecord {
  id: string
  name: string
  createTime: number
  computePlatform: string
  groups: Map<string, GroupRecord>
}

export type DeploymentStatus = 'Created' | 'InProgress' | 'Succeeded' | 'Failed' | 'Stopped'
export type EventName = 'BeforeAllowTraffic' | 'AllowTraffic' | 'AfterAllowTraffic'
export type EventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped'

export interface LifecycleEventRecord {
  name: EventName
  status: EventStatus
  startTime?: number
  endTime?: number
  diagnostics?: { errorCode: string; scriptName?: string; message: string }
}

export interface HookExecution {
  id: string // LifecycleEventHookExecutionId
  event: 'BeforeAllowTraffic' | 'AfterAllowTraffic'
  functionName: string
  invokedAt: number
  status?: 'Succeeded' | 'Failed' // reported through PutLifecycleEventHookExecutionStatus
  response?: string // the invocation's reply (first 1000 characters)
}

export interface DeploymentRecord {
  id: string
  applicationName: string
  groupName: string
  configName: string
  routing: TrafficRouting
  revision: Record<string, unknown> // as sent
  previousRevision?: Record<string, unknown>
  description?: string
  creator: 'user' | 'codeDeployRollback'
  status: DeploymentStatus
  createTime: number
  startTime?: number
  completeTime?: number
  error?: { code: string; message: string }
  rollbackInfo?: {
    rollbackDeploymentId?: string
    rollbackTriggeringDeploymentId?: string
    rollbackMessage?: string
  }
  autoRollback?: AutoRollback
  alarm?: AlarmConfig
  spec?: LambdaAppSpec // undefined until the content is read (or when it could not be)
  specError?: string
  events: LifecycleEventRecord[]
  hook?: HookExecution // the hook being waited for
  hooks: HookExecution[] // every hook execution, for the admin view
  trafficStart?: number // clock ms when AllowTraffic began
  stepsDone: number
  weight: number // the target version's current share, 0..1
  stopRequest?: { rollback: boolean }
  targetUpdated: number
}

export interface CodeDeployContext {
  place: Place
  now(): number
  settings: EmulatorSettings
  applications: Map<string, ApplicationRecord>
  configs: Map<string, DeploymentConfigRecord>
  deployments: Map<string, DeploymentRecord> // in creation order
  lambda(operation: string, functionName: string, extra: LambdaCall): ApiResponse
  functionEnv(functionName: string, version: string): Record<string, string> // a version's Environment.Variables
  alarmStates(names: string[]): Map<string, AlarmStateValue> // alarms CloudWatch could not describe are left out
  wake(): void // a deployment needs the runner's ticks
}

export interface LambdaCall {
  alias?: string
  qualifier?: string
  body?: unknown
  raw?: Buffer
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
export const DEPLOYMENT_ID = /^d-[A-Z0-9]{9}$/

export function newDeploymentId(): string {
  return `d-${[...randomBytes(9)].map(b => ID_CHARS[b % ID_CHARS.length]).join('')}`
}

export const newHookExecutionId = (): string => randomBytes(48).toString('base64')

export const ACTIVE: DeploymentStatus[] = ['Created', 'InProgress']

export function findApplication(cd: CodeDeployContext, name: string): ApplicationRecord {
  const app = cd.applications.get(name)
  if (app === undefined)
    throw cdError('ApplicationDoesNotExistException', `No application found for name: ${name}`)
  return app
}

export function findGroup(cd: CodeDeployContext, app: ApplicationRecord, name: string): GroupRecord {
  const group = app.groups.get(name)
  if (group === undefined) {
    throw cdError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`)
  }
  return group
}

export function findDeployment(cd: CodeDeployContext, id: string | undefined): DeploymentRecord {
  if (id === undefined || id === '')
    throw cdError('DeploymentIdRequiredException', 'Deployment id is required.')
  if (!DEPLOYMENT_ID.test(id)) throw cdError('InvalidDeploymentIdException', `Invalid deployment id: ${id}`)
  const d = cd.deployments.get(id)
  if (d === undefined) throw cdError('DeploymentDoesNotExistException', `Deployment ${id} does not exist.`)
  return d
}

export const targetId = (d: DeploymentRecord): string | undefined =>
  d.spec === undefined ? undefined : `${bareName(d.spec.functionName)}:${d.spec.alias}`

// `arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUAL]` or `NAME` → NAME
export const bareName = (fn: string): string => (fn.startsWith('arn:') ? (fn.split(':')[6] ?? fn) : fn)

function overview(d: DeploymentRecord): Record<string, number> {
  const counts = { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 }
  const key = targetStatus(d)
  if (key !== 'Unknown') counts[key] += 1
  return counts
}

export function targetStatus(
  d: DeploymentRecord
): 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown' {
  if (d.status === 'Created') return 'Pending'
  if (d.status === 'InProgress') return 'InProgress'
  if (d.status === 'Succeeded') return 'Succeeded'
  if (d.spec === undefined) return 'Unknown'
  return 'Failed' // a failed or stopped deployment's target did not complete
}

export function deploymentInfo(d: DeploymentRecord): Record<string, unknown> {
  return {
    applicationName: d.applicationName,
    deploymentGroupName: d.groupName,
    deploymentConfigName: d.configName,
    deploymentId: d.id,
    ...(d.previousRevision !== undefined && { previousRevision: d.previousRevision }),
    revision: d.revision,
    status: d.status,
    ...(d.error !== undefined && { errorInformation: { ...d.error } }),
    createTime: seconds(d.createTime),
    ...(d.startTime !== undefined && { startTime: seconds(d.startTime) }),
    ...(d.completeTime !== undefined && { completeTime: seconds(d.completeTime) }),
    deploymentOverview: overview(d),
    ...(d.description !== undefined && { description: d.description }),
    creator: d.creator,
    ignoreApplicationStopFailures: false,
    ...(d.autoRollback !== undefined && { autoRollbackConfiguration: structuredClone(d.autoRollback) }),
    updateOutdatedInstancesOnly: false,
    ...(d.rollbackInfo !== undefined && { rollbackInfo: { ...d.rollbackInfo } }),
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    instanceTerminationWaitTimeStarted: false,
    deploymentStatusMessages: [],
    computePlatform: 'Lambda'
  }
}

function lifecycleEvent(e: LifecycleEventRecord): Record<string, unknown> {
  return {
    lifecycleEventName: e.name,
    ...(e.diagnostics !== undefined && { diagnostics: { ...e.diagnostics } }),
    ...(e.startTime !== undefined && { startTime: seconds(e.startTime) }),
    ...(e.endTime !== undefined && { endTime: seconds(e.endTime) }),
    status: e.status
  }
}

export function lambdaTarget(cd: CodeDeployContext, d: DeploymentRecord): Record<string, unknown> {
  const spec = d.spec as LambdaAppSpec
  const name = bareName(spec.functionName)
  const { region, accountId } = cd.place
  return {
    deploymentTargetType: 'LambdaTarget',
    lambdaTarget: {
      deploymentId: d.id,
      targetId: targetId(d),
      targetArn: `arn:aws:lambda:${region}:${accountId}:function:${name}:${spec.alias}`,
      status: targetStatus(d),
      lastUpdatedAt: seconds(d.targetUpdated),
      lifecycleEvents: d.events.map(lifecycleEvent),
      lambdaFunctionInfo: {
        functionName: name,
        functionAlias: spec.alias,
        currentVersion: spec.currentVersion,
        targetVersion: spec.targetVersion,
        targetVersionWeight: d.weight
      }
    }
  }
}

export function lastDeployment(
  cd: CodeDeployContext,
  id: string | undefined
): Record<string, unknown> | undefined {
  const d = id === undefined ? undefined : cd.deployments.get(id)
  if (d === undefined) return undefined
  return {
    deploymentId: d.id,
    status: d.status,
    ...(d.completeTime !== undefined && { endTime: seconds(d.completeTime) }),
    createTime: seconds(d.createTime)
  }
}
