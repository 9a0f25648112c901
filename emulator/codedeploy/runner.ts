// Runs Lambda deployments on the emulator's clock. A tick every 20 ms (real time, unref'd, only while a
// deployment is active) moves each active deployment as far as the clock allows:
//   Created → InProgress (the AppSpec and the alias are checked) → BeforeAllowTraffic hook →
//   AllowTraffic (the alias is shifted by the configuration's plan, one CodeDeploy minute being
//   settings.codedeployMinuteMs of clock time) → AfterAllowTraffic hook → Succeeded.
// Every tick also honours a StopDeployment and polls the alarms; a failure, a stop or an alarm ends the
// deployment and may roll it back (endings.ts). Hooks and alias updates go through the Lambda handlers.
import { INVALID_APPSPEC, type LambdaAppSpec } from './appspec.js'
import { trafficPlan } from './configs.js'
import { end, lambdaFailure, succeed, wantsRollback } from './endings.js'
import {
  ACTIVE,
  newHookExecutionId,
  type CodeDeployContext,
  type DeploymentRecord,
  type HookExecution,
  type LifecycleEventRecord
} from './store.js'

const TICK_MS = 20
const HOOK_TIMEOUT_MINUTES = 60
const HOOK_FAILED =
  'The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.'

type Hooked = 'BeforeAllowTraffic' | 'AfterAllowTraffic'

function fail(cd: CodeDeployContext, d: DeploymentRecord, code: string, message: string, now: number): void {
  end(cd, d, { status: 'Failed', code, message, rollback: wantsRollback(d, 'DEPLOYMENT_FAILURE') }, now)
}

// Created → InProgress: CodeDeploy reads the AppSpec and checks the alias before anything changes.
function start(cd: CodeDeployContext, d: DeploymentRecord, now: number): void {
  d.status = 'InProgress'
  d.startTime = now
  d.targetUpdated = now
  const spec = d.spec
  if (spec === undefined)
    return fail(cd, d, 'INVALID_LAMBDA_CONFIGURATION', `${INVALID_APPSPEC} ${d.specError}`, now)
  const alias = cd.lambda('GetAlias', spec.functionName, { alias: spec.alias })
  if (alias.status !== 200) {
    return fail(
      cd,
      d,
      'INVALID_LAMBDA_FUNCTION',
      `The Lambda function or alias cannot be read: ${lambdaFailure(alias)}`,
      now
    )
  }
  const read = alias.json as {
    FunctionVersion?: string
    RoutingConfig?: { AdditionalVersionWeights?: object }
  }
  if (read.FunctionVersion !== spec.currentVersion) {
    const detail = 'The Lambda function alias version does not match the current version in AppSpec file.'
    return fail(cd, d, 'INVALID_LAMBDA_CONFIGURATION', `${INVALID_APPSPEC} ${detail}`, now)
  }
  if (Object.keys(read.RoutingConfig?.AdditionalVersionWeights ?? {}).length > 0) {
    const detail = `Alias ${spec.alias} already routes traffic to another version.`
    return fail(cd, d, 'INVALID_LAMBDA_CONFIGURATION', `${INVALID_APPSPEC} ${detail}`, now)
  }
  const target = cd.lambda('GetFunctionConfiguration', spec.functionName, { qualifier: spec.targetVersion })
  if (target.status !== 200) {
    return fail(
      cd,
      d,
      'INVALID_LAMBDA_FUNCTION',
      `TargetVersion ${spec.targetVersion} cannot be read: ${lambdaFailure(target)}`,
      now
    )
  }
}

function hookFailed(
  cd: CodeDeployContext,
  d: DeploymentRecord,
  e: LifecycleEventRecord,
  message: string,
  now: number
): void {
  e.diagnostics = { errorCode: 'UnknownError', scriptName: d.hook?.functionName ?? '', message }
  fail(cd, d, 'HEALTH_CONSTRAINTS', HOOK_FAILED, now)
}

// The payload CodeDeploy sends a hook; an invocation Lambda refuses or a function error fails the hook
// at once. EMULATOR_HOOK_STATUS on the executed version answers for the function, as a real hook
// function would call PutLifecycleEventHookExecutionStatus.
function invokeHook(
  cd: CodeDeployContext,
  d: DeploymentRecord,
  e: LifecycleEventRecord,
  fn: string,
  now: number
): void {
  const hook: HookExecution = {
    id: newHookExecutionId(),
    event: e.name as Hooked,
    functionName: fn,
    invokedAt: now
  }
  d.hooks.push(hook)
  d.hook = hook
  e.status = 'InProgress'
  e.startTime = now
  const payload = { DeploymentId: d.id, LifecycleEventHookExecutionId: hook.id }
  const answer = cd.lambda('Invoke', fn, { raw: Buffer.from(JSON.stringify(payload)) })
  if (answer.raw !== undefined) hook.response = answer.raw.toString('utf8').slice(0, 1000)
  if (answer.status !== 200)
    return hookFailed(cd, d, e, `The hook function ${fn} could not be invoked: ${lambdaFailure(answer)}`, now)
  if (answer.headers?.['X-Amz-Function-Error'] !== undefined) {
    const body = answer.raw?.toString('utf8') ?? ''
    return hookFailed(cd, d, e, `The hook function ${fn} failed: ${body.slice(0, 500)}`, now)
  }
  const auto = cd.functionEnv(
    fn,
    answer.headers?.['X-Amz-Executed-Version'] ?? '$LATEST'
  ).EMULATOR_HOOK_STATUS
  if (auto === 'Succeeded' || auto === 'Failed') hook.status = auto
  else if (auto !== undefined) {
    hookFailed(
      cd,
      d,
      e,
      `The hook function ${fn} has EMULATOR_HOOK_STATUS=${auto}; expected Succeeded or Failed.`,
      now
    )
  }
}

// One hook event; returns true when it is settled and the deployment may go on.
function hookEvent(
  cd: CodeDeployContext,
  d: DeploymentRecord,
  e: LifecycleEventRecord,
  spec: LambdaAppSpec,
  now: number
): boolean {
  const fn = spec.hooks[e.name as Hooked]
  if (e.status === 'Pending') {
    if (fn === undefined) {
      e.status = 'Skipped'
      return true
    }
    invokeHook(cd, d, e, fn, now)
  }
  const hook = d.hook
  if (d.status !== 'InProgress' || hook === undefined) return e.status !== 'InProgress'
  if (hook.status === 'Succeeded') {
    e.status = 'Succeeded'
    e.endTime = now
    delete d.hook
    d.targetUpdated = now
    return true
  }
  if (hook.status === 'Failed') {
    hookFailed(cd, d, e, `The hook function ${hook.functionName} reported Failed.`, now)
  } else if (now >= hook.invokedAt + HOOK_TIMEOUT_MINUTES * cd.settings.codedeployMinuteMs) {
    hookFailed(
      cd,
      d,
      e,
      `The hook function ${hook.functionName} did not report a status within one hour.`,
      now
    )
  }
  return false
}

// AllowTraffic: applies every step of the plan that is due; returns true once the alias is on the target.
function shiftTraffic(
  cd: CodeDeployContext,
  d: DeploymentRecord,
  e: LifecycleEventRecord,
  spec: LambdaAppSpec,
  now: number
): boolean {
  if (e.status === 'Pending') {
    e.status = 'InProgress'
    e.startTime = now
    d.trafficStart = now
  }
  const plan = trafficPlan(d.routing)
  const minute = cd.settings.codedeployMinuteMs
  for (let step = plan[d.stepsDone]; step !== undefined; step = plan[d.stepsDone]) {
    if ((d.trafficStart ?? now) + step.minute * minute > now) return false
    const body =
      step.percent >= 100
        ? { FunctionVersion: spec.targetVersion, RoutingConfig: { AdditionalVersionWeights: {} } }
        : {
            FunctionVersion: spec.currentVersion,
            RoutingConfig: { AdditionalVersionWeights: { [spec.targetVersion]: step.percent / 100 } }
          }
    const answer = cd.lambda('UpdateAlias', spec.functionName, { alias: spec.alias, body })
    if (answer.status !== 200) {
      e.diagnostics = { errorCode: 'UnknownError', message: `UpdateAlias failed: ${lambdaFailure(answer)}` }
      fail(
        cd,
        d,
        'INVALID_LAMBDA_CONFIGURATION',
        `Traffic could not be shifted to version ${spec.targetVersion}: ${lambdaFailure(answer)}`,
        now
      )
      return false
    }
    d.stepsDone += 1
    d.weight = step.percent / 100
    d.targetUpdated = now
  }
  e.status = 'Succeeded'
  e.endTime = now
  return true
}

// Any alarm in ALARM stops the deployment; an alarm CodeDeploy cannot read stops it too unless
// ignorePollAlarmFailure.
function pollAlarms(cd: CodeDeployContext, d: DeploymentRecord, now: number): void {
  const config = d.alarm
  if (config === undefined || !config.enabled) return
  const states = cd.alarmStates(config.alarms)
  const firing = config.alarms.filter(name => states.get(name) === 'ALARM')
  const unread = config.alarms.filter(name => !states.has(name))
  let message: string | undefined
  if (firing.length > 0) {
    message = `One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: <${firing.join(', ')}>`
  } else if (unread.length > 0 && !config.ignorePollAlarmFailure) {
    message = `The deployment was stopped because the state of alarms <${unread.join(', ')}> could not be retrieved from CloudWatch.`
  }
  if (message === undefined) return
  const rollback = wantsRollback(d, 'DEPLOYMENT_STOP_ON_ALARM')
  end(cd, d, { status: 'Stopped', code: 'ALARM_ACTIVE', message, rollback }, now)
}

export function advance(cd: CodeDeployContext, d: DeploymentRecord): void {
  const now = cd.now()
  if (d.status === 'Created') {
    if (now <= d.createTime) return // Created until the clock has moved on
    start(cd, d, now)
  }
  if (d.status !== 'InProgress') return
  if (d.stopRequest !== undefined) {
    const message = 'The deployment was stopped by a StopDeployment request.'
    return end(
      cd,
      d,
      { status: 'Stopped', code: 'MANUAL_STOP', message, rollback: d.stopRequest.rollback },
      now
    )
  }
  pollAlarms(cd, d, now)
  const spec = d.spec as LambdaAppSpec
  for (const e of d.events) {
    if (d.status !== 'InProgress') return
    if (e.status === 'Succeeded' || e.status === 'Skipped') continue
    const settled =
      e.name === 'AllowTraffic' ? shiftTraffic(cd, d, e, spec, now) : hookEvent(cd, d, e, spec, now)
    if (!settled) return
  }
  if (d.status === 'InProgress') succeed(cd, d, now)
}

export class DeploymentRunner {
  private timer: ReturnType<typeof setInterval> | undefined

  constructor(private readonly cd: CodeDeployContext) {}

  wake(): void {
    if (this.timer !== undefined) return
    this.timer = setInterval(() => this.tick(), TICK_MS)
    this.timer.unref() // deployments alone never keep a process alive
  }

  tick(): void {
    const active = [...this.cd.deployments.values()].filter(d => ACTIVE.includes(d.status))
    for (const d of active) {
      try {
        advance(this.cd, d)
      } catch (e) {
        // A bug here must not crash the process from a timer: the deployment fails like AWS's internal error.
        const message = `Emulator internal error: ${(e as Error).message}`
        end(this.cd, d, { status: 'Failed', code: 'INTERNAL_ERROR', message, rollback: false }, this.cd.now())
      }
    }
    if (active.every(d => !ACTIVE.includes(d.status))) this.stop()
  }

  stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }
}
