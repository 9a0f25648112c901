// CodeDeploy in the emulator: its state wired to the Lambda handlers (hooks and alias updates go
// through them, so routing rules, RevisionIds and invocation outcomes are Lambda's own) and to
// DescribeAlarms (so alarm states are whatever CloudWatch answers), the operation table, and the
// admin view of hook executions.
import { handleCloudWatch, type CloudWatchContext } from '../cloudwatch.js'
import { ApiError, type ApiResponse } from '../errors.js'
import { handleLambda } from '../lambda.js'
import { parseFunctionName } from '../names.js'
import type { LambdaContext } from '../state.js'
import type { AlarmStateValue, CodeDeployHookExecution, EmulatorSettings } from '../types.js'
import { createDeploymentConfig, getDeploymentConfig, predefinedConfigs } from './configs.js'
import {
  batchGetDeploymentTargets,
  createDeployment,
  getDeployment,
  getDeploymentTarget,
  listDeployments,
  listDeploymentTargets,
  putHookStatus,
  stopDeployment
} from './deployments.js'
import { CD_CONTENT_TYPE, cdError, codedeployErrorResponse, type Input } from './protocol.js'
import { createApplication, createDeploymentGroup, getApplication, getDeploymentGroup } from './resources.js'
import { DeploymentRunner } from './runner.js'
import type { CodeDeployContext, LambdaCall } from './store.js'

type Handler = (cd: CodeDeployContext, input: Input) => ApiResponse

const HANDLERS: Record<string, Handler> = {
  CreateApplication: createApplication,
  GetApplication: getApplication,
  CreateDeploymentGroup: createDeploymentGroup,
  GetDeploymentGroup: getDeploymentGroup,
  CreateDeploymentConfig: (cd, input) => createDeploymentConfig(cd.configs, cd.now(), input),
  GetDeploymentConfig: (cd, input) => getDeploymentConfig(cd.configs, input),
  CreateDeployment: createDeployment,
  GetDeployment: getDeployment,
  ListDeployments: listDeployments,
  StopDeployment: stopDeployment,
  PutLifecycleEventHookExecutionStatus: putHookStatus,
  ListDeploymentTargets: listDeploymentTargets,
  BatchGetDeploymentTargets: batchGetDeploymentTargets,
  GetDeploymentTarget: getDeploymentTarget
}

export function handleCodeDeploy(
  cd: CodeDeployContext,
  operation: string,
  json: unknown,
  jsonError?: string
): ApiResponse {
  try {
    const handler = HANDLERS[operation]
    if (handler === undefined) {
      throw cdError('UnknownOperationException', `Operation ${operation} is not supported by the emulator`)
    }
    if (
      jsonError !== undefined ||
      (json !== undefined && (typeof json !== 'object' || json === null || Array.isArray(json)))
    ) {
      throw cdError('SerializationException', `Malformed JSON request body: ${jsonError ?? 'not an object'}`)
    }
    const response = handler(cd, (json ?? {}) as Input)
    return { ...response, headers: { 'Content-Type': CD_CONTENT_TYPE, ...response.headers } }
  } catch (e) {
    if (e instanceof ApiError) return codedeployErrorResponse(e)
    throw e
  }
}

function callLambda(
  ctx: LambdaContext,
  operation: string,
  functionName: string,
  call: LambdaCall
): ApiResponse {
  const query = new URLSearchParams(call.qualifier === undefined ? {} : { Qualifier: call.qualifier })
  return handleLambda(
    ctx,
    { operation, rawName: functionName, ...(call.alias !== undefined && { aliasName: call.alias }) },
    { headers: {}, query, raw: call.raw ?? Buffer.alloc(0), json: call.body }
  )
}

function functionEnv(ctx: LambdaContext, functionName: string, version: string): Record<string, string> {
  let name: string
  try {
    name = parseFunctionName(functionName, ctx.place).name
  } catch {
    return {}
  }
  const fn = ctx.functions.get(name)
  const config = version === '$LATEST' ? fn?.latest : fn?.versions.get(version)?.config
  return config?.Environment?.Variables ?? {}
}

function alarmStates(cw: CloudWatchContext, names: string[]): Map<string, AlarmStateValue> {
  const answer = handleCloudWatch(cw, 'DescribeAlarms', { AlarmNames: names, MaxRecords: 100 })
  const alarms =
    answer.status === 200 ? ((answer.json as { MetricAlarms?: unknown[] }).MetricAlarms ?? []) : []
  const states = new Map<string, AlarmStateValue>()
  for (const a of alarms as { AlarmName: string; StateValue: AlarmStateValue }[])
    states.set(a.AlarmName, a.StateValue)
  return states
}

export interface CodeDeployService {
  context: CodeDeployContext
  handle(operation: string, json: unknown, jsonError?: string): ApiResponse
  hookExecutions(): CodeDeployHookExecution[]
  reset(): void
  stop(): void
}

export function createCodeDeploy(
  ctx: LambdaContext,
  cw: CloudWatchContext,
  settings: EmulatorSettings
): CodeDeployService {
  const cd: CodeDeployContext = {
    place: ctx.place,
    now: () => ctx.now(),
    settings,
    applications: new Map(),
    configs: predefinedConfigs(ctx.now()),
    deployments: new Map(),
    lambda: (operation, functionName, call) => callLambda(ctx, operation, functionName, call),
    functionEnv: (functionName, version) => functionEnv(ctx, functionName, version),
    alarmStates: names => alarmStates(cw, names),
    wake: () => runner.wake()
  }
  const runner = new DeploymentRunner(cd) // cd.wake() is only called after this line
  return {
    context: cd,
    handle: (operation, json, jsonError) => handleCodeDeploy(cd, operation, json, jsonError),
    hookExecutions: () =>
      [...cd.deployments.values()].flatMap(d =>
        d.hooks.map(h => ({
          deploymentId: d.id,
          lifecycleEventHookExecutionId: h.id,
          lifecycleEvent: h.event,
          functionName: h.functionName,
          invokedAt: h.invokedAt,
          ...(h.status !== undefined && { status: h.status }),
          ...(h.response !== undefined && { response: h.response })
        }))
      ),
    reset: () => {
      runner.stop()
      cd.applications.clear()
      cd.deployments.clear()
      cd.configs = predefinedConfigs(ctx.now())
    },
    stop: () => runner.stop()
  }
}
