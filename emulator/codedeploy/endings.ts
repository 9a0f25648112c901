// How a deployment ends: succeeded, failed or stopped, and the automatic rollback that may follow
// (a new deployment, created by codeDeployRollback, that points the alias back at CurrentVersion at
// once, as CodeDeploy does for Lambda).
import type { ApiResponse } from '../errors.js'
import { DEFAULT_LAMBDA_CONFIG } from './configs.js'
import {
  newDeploymentId,
  type CodeDeployContext,
  type DeploymentRecord,
  type LifecycleEventRecord
} from './store.js'

export type RollbackEvent = 'DEPLOYMENT_FAILURE' | 'DEPLOYMENT_STOP_ON_ALARM' | 'DEPLOYMENT_STOP_ON_REQUEST'

// A Lambda error answer as one line: "404 ResourceNotFoundException: Function not found: ...".
export function lambdaFailure(response: ApiResponse): string {
  const body = (response.json ?? {}) as { message?: unknown; Message?: unknown }
  return `${response.status} ${response.errorType ?? 'Error'}: ${String(body.message ?? body.Message ?? '')}`
}

function group(
  cd: CodeDeployContext,
  d: DeploymentRecord
): { lastAttempted?: string; lastSuccessful?: string } {
  return cd.applications.get(d.applicationName)?.groups.get(d.groupName) ?? {}
}

// Events still pending are skipped; the one running when the deployment ended failed.
function closeEvents(events: LifecycleEventRecord[], now: number): void {
  for (const e of events) {
    if (e.status === 'Pending') e.status = 'Skipped'
    if (e.status === 'InProgress') {
      e.status = 'Failed'
      e.endTime = now
    }
  }
}

export function succeed(cd: CodeDeployContext, d: DeploymentRecord, now: number): void {
  d.status = 'Succeeded'
  d.completeTime = now
  d.targetUpdated = now
  group(cd, d).lastSuccessful = d.id
}

export function end(
  cd: CodeDeployContext,
  d: DeploymentRecord,
  how: { status: 'Failed' | 'Stopped'; code: string; message: string; rollback: boolean },
  now: number
): void {
  d.status = how.status
  d.error = { code: how.code, message: how.message }
  d.completeTime = now
  d.targetUpdated = now
  delete d.hook
  closeEvents(d.events, now)
  if (how.rollback) rollback(cd, d, now)
}

export function wantsRollback(d: DeploymentRecord, event: RollbackEvent): boolean {
  return d.autoRollback?.enabled === true && d.autoRollback.events.includes(event)
}

function rollback(cd: CodeDeployContext, d: DeploymentRecord, now: number): void {
  const spec = d.spec
  if (spec === undefined) return // nothing was read, so nothing was shifted
  const r: DeploymentRecord = {
    id: newDeploymentId(),
    applicationName: d.applicationName,
    groupName: d.groupName,
    configName: DEFAULT_LAMBDA_CONFIG,
    routing: { type: 'AllAtOnce' },
    revision: d.previousRevision ?? d.revision,
    previousRevision: d.revision,
    creator: 'codeDeployRollback',
    status: 'InProgress',
    createTime: now,
    startTime: now,
    rollbackInfo: { rollbackTriggeringDeploymentId: d.id },
    spec: { ...spec, currentVersion: spec.targetVersion, targetVersion: spec.currentVersion, hooks: {} },
    events: [
      { name: 'BeforeAllowTraffic', status: 'Skipped' },
      { name: 'AllowTraffic', status: 'InProgress', startTime: now },
      { name: 'AfterAllowTraffic', status: 'Skipped' }
    ],
    hooks: [],
    stepsDone: 0,
    weight: 0,
    targetUpdated: now
  }
  cd.deployments.set(r.id, r)
  group(cd, d).lastAttempted = r.id
  const answer = cd.lambda('UpdateAlias', spec.functionName, {
    alias: spec.alias,
    body: { FunctionVersion: spec.currentVersion, RoutingConfig: { AdditionalVersionWeights: {} } }
  })
  const allow = r.events[1]!
  allow.endTime = now
  if (answer.status === 200) {
    allow.status = 'Succeeded'
    r.weight = 1
    d.weight = 0
    succeed(cd, r, now)
    d.rollbackInfo = {
      rollbackDeploymentId: r.id,
      rollbackMessage: `Automatic rollback: deployment ${r.id} pointed alias ${spec.alias} back at version ${spec.currentVersion}.`
    }
    return
  }
  allow.status = 'Failed'
  const message = `The rollback could not update alias ${spec.alias}: ${lambdaFailure(answer)}`
  allow.diagnostics = { errorCode: 'UnknownError', message }
  r.status = 'Failed'
  r.completeTime = now
  r.error = { code: 'INVALID_LAMBDA_CONFIGURATION', message }
  d.rollbackInfo = {
    rollbackDeploymentId: r.id,
    rollbackMessage: `Automatic rollback deployment ${r.id} failed.`
  }
}
