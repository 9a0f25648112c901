// Deployment operations: CreateDeployment, GetDeployment, ListDeployments, StopDeployment,
// PutLifecycleEventHookExecutionStatus, ListDeploymentTargets, BatchGetDeploymentTargets and
// GetDeploymentTarget. Running a deployment is runner.ts's job; these only record requests and read.
import { createHash } from 'node:crypto'
import type { ApiResponse } from '../errors.js'
import { AppSpecError, readAppSpec } from './appspec.js'
import { findConfig } from './configs.js'
import { cdError, optBool, optList, optObj, optStr, reqStr, type Input } from './protocol.js'
import { readAlarmConfig, readAutoRollback } from './resources.js'
import {
  ACTIVE,
  deploymentInfo,
  findApplication,
  findDeployment,
  findGroup,
  lambdaTarget,
  newDeploymentId,
  targetId,
  targetStatus,
  type CodeDeployContext,
  type DeploymentRecord
} from './store.js'

const PAGE = 100 // [I] ListDeployments page size
const STATUSES = ['Created', 'Queued', 'InProgress', 'Baking', 'Succeeded', 'Failed', 'Stopped', 'Ready']

// The AppSpec text of an AppSpecContent (or String) revision, its sha256 checked when given.
function revisionContent(input: Input): { revision: Record<string, unknown>; content: string } {
  const revision = optObj(input, 'revision')
  if (revision === undefined) throw cdError('RevisionRequiredException', 'Revision is required.')
  const type = optStr(revision, 'revisionType')
  const key = type === 'AppSpecContent' ? 'appSpecContent' : type === 'String' ? 'string' : undefined
  if (key === undefined) {
    throw cdError(
      'InvalidRevisionException',
      `Revision type ${JSON.stringify(type ?? null)} is not supported by the emulator for Lambda deployments; use AppSpecContent or String.`
    )
  }
  const body = optObj(revision, key)
  const content = body === undefined ? undefined : optStr(body, 'content')
  if (body === undefined || content === undefined || content === '') {
    throw cdError('InvalidRevisionException', `The ${key} revision has no content.`)
  }
  const sha256 = optStr(body, 'sha256')
  if (sha256 !== undefined && sha256 !== createHash('sha256').update(content).digest('hex')) {
    throw cdError('InvalidRevisionException', `The ${key} sha256 does not match its content.`)
  }
  return { revision: structuredClone(revision), content }
}

// Flags that only mean something for EC2/on-premises deployments.
function checkLambdaOnly(input: Input): void {
  if (optBool(input, 'ignoreApplicationStopFailures') === true) {
    throw cdError(
      'InvalidIgnoreApplicationStopFailuresValueException',
      'For Lambda deployments, false is expected.'
    )
  }
  if (optBool(input, 'updateOutdatedInstancesOnly') === true) {
    throw cdError(
      'InvalidUpdateOutdatedInstancesOnlyValueException',
      'For Lambda deployments, false is expected.'
    )
  }
  if (optObj(input, 'targetInstances') !== undefined) {
    throw cdError('InvalidTargetInstancesException', 'Target instances do not apply to Lambda deployments.')
  }
}

export function createDeployment(cd: CodeDeployContext, input: Input): ApiResponse {
  const app = findApplication(
    cd,
    reqStr(input, 'applicationName', 'ApplicationNameRequiredException', 'Application name')
  )
  const group = findGroup(
    cd,
    app,
    reqStr(input, 'deploymentGroupName', 'DeploymentGroupNameRequiredException', 'Deployment group name')
  )
  const { revision, content } = revisionContent(input)
  const config = findConfig(cd.configs, optStr(input, 'deploymentConfigName') ?? group.configName)
  checkLambdaOnly(input)
  const autoRollback = readAutoRollback(input) ?? group.autoRollback
  const alarm = readAlarmConfig(input, 'overrideAlarmConfiguration') ?? group.alarm
  const description = optStr(input, 'description')
  const active = [...cd.deployments.values()].find(
    d => d.applicationName === app.name && d.groupName === group.name && ACTIVE.includes(d.status)
  )
  if (active !== undefined) {
    throw cdError(
      'DeploymentLimitExceededException',
      `The Deployment Group '${group.name}' already has an active Deployment '${active.id}'`
    )
  }
  const previous = group.lastSuccessful === undefined ? undefined : cd.deployments.get(group.lastSuccessful)
  const now = cd.now()
  const d: DeploymentRecord = {
    id: newDeploymentId(),
    applicationName: app.name,
    groupName: group.name,
    configName: config.name,
    routing: { ...config.routing },
    revision,
    ...(previous !== undefined && { previousRevision: previous.revision }),
    ...(description !== undefined && { description }),
    creator: 'user',
    status: 'Created',
    createTime: now,
    ...(autoRollback !== undefined && { autoRollback }),
    ...(alarm !== undefined && { alarm }),
    events: [
      { name: 'BeforeAllowTraffic', status: 'Pending' },
      { name: 'AllowTraffic', status: 'Pending' },
      { name: 'AfterAllowTraffic', status: 'Pending' }
    ],
    hooks: [],
    stepsDone: 0,
    weight: 0,
    targetUpdated: now
  }
  try {
    d.spec = readAppSpec(content)
  } catch (e) {
    if (!(e instanceof AppSpecError)) throw e
    d.specError = e.message // the deployment fails with it when it starts, as on AWS
  }
  cd.deployments.set(d.id, d)
  group.lastAttempted = d.id
  cd.wake()
  return { status: 200, json: { deploymentId: d.id } }
}

export function getDeployment(cd: CodeDeployContext, input: Input): ApiResponse {
  return {
    status: 200,
    json: { deploymentInfo: deploymentInfo(findDeployment(cd, optStr(input, 'deploymentId'))) }
  }
}

function timeRange(input: Input): { start: number; end: number } {
  const range = optObj(input, 'createTimeRange') ?? {}
  const edge = (key: string, fallback: number): number => {
    const value = range[key]
    if (value === undefined || value === null) return fallback
    if (typeof value !== 'number')
      throw cdError('InvalidTimeRangeException', `createTimeRange.${key} must be a timestamp.`)
    return value * 1000
  }
  return { start: edge('start', -Infinity), end: edge('end', Infinity) }
}

export function listDeployments(cd: CodeDeployContext, input: Input): ApiResponse {
  const appName = optStr(input, 'applicationName')
  const groupName = optStr(input, 'deploymentGroupName')
  if (appName !== undefined && groupName === undefined) {
    throw cdError(
      'DeploymentGroupNameRequiredException',
      'Deployment group name is required with an application name.'
    )
  }
  if (groupName !== undefined && appName === undefined) {
    throw cdError(
      'ApplicationNameRequiredException',
      'Application name is required with a deployment group name.'
    )
  }
  if (appName !== undefined && groupName !== undefined) findGroup(cd, findApplication(cd, appName), groupName)
  const statuses = optList(input, 'includeOnlyStatuses') ?? []
  for (const s of statuses) {
    if (typeof s !== 'string' || !STATUSES.includes(s)) {
      throw cdError('InvalidDeploymentStatusException', `Invalid deployment status: ${JSON.stringify(s)}`)
    }
  }
  const { start, end } = timeRange(input)
  const ids = [...cd.deployments.values()]
    .filter(d => appName === undefined || (d.applicationName === appName && d.groupName === groupName))
    .filter(d => statuses.length === 0 || statuses.includes(d.status))
    .filter(d => d.createTime >= start && d.createTime <= end)
    .map(d => d.id)
    .reverse() // newest first
  const token = optStr(input, 'nextToken')
  const from = token === undefined ? 0 : Number(token)
  if (!Number.isInteger(from) || from < 0 || from > ids.length) {
    throw cdError('InvalidNextTokenException', 'The next token was specified in an invalid format.')
  }
  const more = from + PAGE < ids.length
  return {
    status: 200,
    json: { deployments: ids.slice(from, from + PAGE), ...(more && { nextToken: String(from + PAGE) }) }
  }
}

export function stopDeployment(cd: CodeDeployContext, input: Input): ApiResponse {
  const d = findDeployment(cd, optStr(input, 'deploymentId'))
  if (!ACTIVE.includes(d.status)) {
    throw cdError('DeploymentAlreadyCompletedException', `Deployment ${d.id} has already completed.`)
  }
  const asked = optBool(input, 'autoRollbackEnabled')
  const byGroup =
    d.autoRollback?.enabled === true && d.autoRollback.events.includes('DEPLOYMENT_STOP_ON_REQUEST')
  d.stopRequest ??= { rollback: asked ?? byGroup }
  cd.wake()
  return {
    status: 200,
    json: {
      status: 'Pending',
      statusMessage: 'Stopping Pending. Stopping to schedule update of the deployment.'
    }
  }
}

export function putHookStatus(cd: CodeDeployContext, input: Input): ApiResponse {
  const d = findDeployment(cd, optStr(input, 'deploymentId'))
  const status = optStr(input, 'status')
  if (status !== 'Succeeded' && status !== 'Failed') {
    throw cdError(
      'InvalidLifecycleEventHookExecutionStatusException',
      `The lifecycle event hook execution status must be Succeeded or Failed, got ${JSON.stringify(status ?? null)}.`
    )
  }
  const id = optStr(input, 'lifecycleEventHookExecutionId')
  const hook = d.hooks.find(h => h.id === id)
  if (hook === undefined) {
    throw cdError(
      'InvalidLifecycleEventHookExecutionIdException',
      `The lifecycle event hook execution id is not valid for deployment ${d.id}.`
    )
  }
  if (hook.status !== undefined || d.hook !== hook || !ACTIVE.includes(d.status)) {
    throw cdError(
      'LifecycleEventAlreadyCompletedException',
      `The ${hook.event} lifecycle event has already completed.`
    )
  }
  hook.status = status
  cd.wake()
  return { status: 200, json: { lifecycleEventHookExecutionId: hook.id } }
}

// A Lambda deployment has one target, `function:alias`, once it has started.
function startedTarget(cd: CodeDeployContext, input: Input): { d: DeploymentRecord; id: string | undefined } {
  const d = findDeployment(cd, optStr(input, 'deploymentId'))
  if (d.status === 'Created')
    throw cdError('DeploymentNotStartedException', `Deployment ${d.id} has not started.`)
  return { d, id: targetId(d) }
}

export function listDeploymentTargets(cd: CodeDeployContext, input: Input): ApiResponse {
  const { d, id } = startedTarget(cd, input)
  const filters = optObj(input, 'targetFilters') ?? {}
  const wanted = filters.TargetStatus
  const keep = !Array.isArray(wanted) || wanted.length === 0 || wanted.includes(targetStatus(d))
  return { status: 200, json: { targetIds: id !== undefined && keep ? [id] : [] } }
}

function target(
  cd: CodeDeployContext,
  d: DeploymentRecord,
  id: string | undefined,
  wanted: unknown
): Record<string, unknown> {
  if (typeof wanted !== 'string' || wanted === '') {
    throw cdError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.')
  }
  if (id === undefined || wanted !== id) {
    throw cdError(
      'DeploymentTargetDoesNotExistException',
      `Target ${wanted} does not belong to deployment ${d.id}.`
    )
  }
  return lambdaTarget(cd, d)
}

export function batchGetDeploymentTargets(cd: CodeDeployContext, input: Input): ApiResponse {
  const { d, id } = startedTarget(cd, input)
  const ids = optList(input, 'targetIds') ?? []
  if (ids.length === 0)
    throw cdError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.')
  if (ids.length > 1) {
    throw cdError('DeploymentTargetListSizeExceededException', 'A Lambda deployment has exactly one target.')
  }
  return { status: 200, json: { deploymentTargets: [target(cd, d, id, ids[0])] } }
}

export function getDeploymentTarget(cd: CodeDeployContext, input: Input): ApiResponse {
  const { d, id } = startedTarget(cd, input)
  return { status: 200, json: { deploymentTarget: target(cd, d, id, input.targetId) } }
}
