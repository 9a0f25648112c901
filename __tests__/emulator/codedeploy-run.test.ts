// CodeDeploy running Lambda deployments on an injected clock (one CodeDeploy minute = 1000 ms of it):
// traffic shifting by the configuration through UpdateAlias, lifecycle hooks invoked with CodeDeploy's
// payload and waited for, alarms, StopDeployment, automatic rollback, one active deployment per group
// and the AppSpec checks made when a deployment starts. All through the real SDK clients over HTTP.
import {
  BatchGetDeploymentTargetsCommand,
  CreateDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  GetDeploymentTargetCommand,
  ListDeploymentTargetsCommand,
  PutLifecycleEventHookExecutionStatusCommand,
  StopDeploymentCommand,
  type CodeDeployClient,
  type LambdaTarget
} from '@aws-sdk/client-codedeploy'
import { PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import { PublishVersionCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  alias,
  appAndGroup,
  appSpecJson,
  codeDeployClient,
  deploy,
  deployment,
  twoVersions,
  untilStatus,
  untilWeights
} from './codedeploy-helpers.js'
import { createFunction, failure, fakeClock, harness, OTHER_ROLE, waitFor, type Harness } from './helpers.js'

const MINUTE = 1000
const clock = fakeClock()
let h: Harness
let cd: CodeDeployClient

beforeAll(async () => {
  h = await harness({ now: clock.now, codedeployMinuteMs: MINUTE })
  cd = codeDeployClient(h.emu)
})
afterAll(async () => {
  cd.destroy()
  await h.close()
})

async function target(id: string, fn: string): Promise<LambdaTarget> {
  const { deploymentTargets } = await cd.send(
    new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds: [`${fn}:live`] })
  )
  return deploymentTargets?.[0]?.lambdaTarget as LambdaTarget
}

const events = async (id: string, fn: string): Promise<[string | undefined, string | undefined][]> =>
  ((await target(id, fn)).lifecycleEvents ?? []).map(e => [e.lifecycleEventName, e.status])

// Lets the runner's ticks run: an assertion that nothing changed is only meaningful after they had a chance.
const ticks = (): Promise<void> => new Promise(r => setTimeout(r, 100))

function hookOf(
  id: string,
  event: string
): { lifecycleEventHookExecutionId: string; response?: string } | undefined {
  return h.emu.codedeploy.hookExecutions().find(x => x.deploymentId === id && x.lifecycleEvent === event)
}

async function untilHook(id: string, event: string): Promise<string> {
  await waitFor(`the ${event} hook of ${id}`, () => hookOf(id, event) !== undefined)
  return hookOf(id, event)!.lifecycleEventHookExecutionId
}

describe('traffic shifting', () => {
  test('canary: Created → InProgress at 10 % → Succeeded on the target after the interval', async () => {
    await twoVersions(h.lambda, 'canary-fn')
    await appAndGroup(cd, 'canary-app', 'g')
    const before = await alias(h.lambda, 'canary-fn')
    const id = await deploy(
      cd,
      'canary-app',
      'g',
      appSpecJson('canary-fn'),
      'CodeDeployDefault.LambdaCanary10Percent5Minutes'
    )
    const created = await deployment(cd, id)
    expect(created).toMatchObject({
      status: 'Created',
      applicationName: 'canary-app',
      deploymentGroupName: 'g',
      creator: 'user'
    })
    expect((await failure(cd.send(new ListDeploymentTargetsCommand({ deploymentId: id })))).name).toBe(
      'DeploymentNotStartedException'
    )
    clock.advance(1)
    const split = await untilWeights(h.lambda, 'canary-fn', '1', { '2': 0.1 })
    expect(split.RevisionId).not.toBe(before.RevisionId)
    expect((await deployment(cd, id)).status).toBe('InProgress')
    expect((await cd.send(new ListDeploymentTargetsCommand({ deploymentId: id }))).targetIds).toEqual([
      'canary-fn:live'
    ])
    const mid = await target(id, 'canary-fn')
    expect(mid).toMatchObject({
      deploymentId: id,
      targetId: 'canary-fn:live',
      targetArn: 'arn:aws:lambda:us-east-1:123456789012:function:canary-fn:live',
      status: 'InProgress',
      lambdaFunctionInfo: {
        functionName: 'canary-fn',
        functionAlias: 'live',
        currentVersion: '1',
        targetVersion: '2',
        targetVersionWeight: 0.1
      }
    })
    expect(await events(id, 'canary-fn')).toEqual([
      ['BeforeAllowTraffic', 'Skipped'],
      ['AllowTraffic', 'InProgress'],
      ['AfterAllowTraffic', 'Pending']
    ])
    const single = await cd.send(
      new GetDeploymentTargetCommand({ deploymentId: id, targetId: 'canary-fn:live' })
    )
    expect(single.deploymentTarget).toEqual({ deploymentTargetType: 'LambdaTarget', lambdaTarget: mid })
    const filtered = await cd.send(
      new ListDeploymentTargetsCommand({ deploymentId: id, targetFilters: { TargetStatus: ['Succeeded'] } })
    )
    expect(filtered.targetIds).toEqual([])
    clock.advance(5 * MINUTE - 1) // one ms short of the interval
    await ticks()
    expect((await alias(h.lambda, 'canary-fn')).RevisionId).toBe(split.RevisionId)
    clock.advance(1)
    const done = await untilStatus(cd, id, 'Succeeded')
    const after = await alias(h.lambda, 'canary-fn')
    expect(after.FunctionVersion).toBe('2')
    expect(after.RoutingConfig).toBeUndefined()
    expect(after.RevisionId).not.toBe(split.RevisionId)
    expect(done).toMatchObject({
      deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      computePlatform: 'Lambda',
      deploymentOverview: { Succeeded: 1, Failed: 0, InProgress: 0, Pending: 0 },
      createTime: new Date(created.createTime as Date),
      completeTime: new Date(clock.now())
    })
    expect(done.errorInformation).toBeUndefined()
    expect((await target(id, 'canary-fn')).lambdaFunctionInfo?.targetVersionWeight).toBe(1)
    const { deploymentGroupInfo } = await cd.send(
      new GetDeploymentGroupCommand({ applicationName: 'canary-app', deploymentGroupName: 'g' })
    )
    expect(deploymentGroupInfo?.lastSuccessfulDeployment).toMatchObject({
      deploymentId: id,
      status: 'Succeeded'
    })
  })

  test('a custom linear configuration (YAML AppSpec): 25 %, 50 %, 75 % one interval apart, then all', async () => {
    await twoVersions(h.lambda, 'linear-fn')
    await appAndGroup(cd, 'linear-app', 'g')
    await cd.send(
      new CreateDeploymentConfigCommand({
        deploymentConfigName: 'Linear25Every2',
        computePlatform: 'Lambda',
        trafficRoutingConfig: {
          type: 'TimeBasedLinear',
          timeBasedLinear: { linearPercentage: 25, linearInterval: 2 }
        }
      })
    )
    const yaml = [
      'version: 0.0',
      'Resources:',
      '  - linearFunction:',
      '      Type: AWS::Lambda::Function',
      '      Properties:',
      '        Name: "linear-fn"',
      '        Alias: "live"',
      '        CurrentVersion: "1"',
      '        TargetVersion: 2 # a number in YAML'
    ].join('\n')
    const id = await deploy(cd, 'linear-app', 'g', yaml, 'Linear25Every2')
    clock.advance(1)
    await untilWeights(h.lambda, 'linear-fn', '1', { '2': 0.25 })
    clock.advance(2 * MINUTE)
    await untilWeights(h.lambda, 'linear-fn', '1', { '2': 0.5 })
    clock.advance(2 * MINUTE)
    await untilWeights(h.lambda, 'linear-fn', '1', { '2': 0.75 })
    expect((await deployment(cd, id)).status).toBe('InProgress')
    clock.advance(2 * MINUTE)
    await untilWeights(h.lambda, 'linear-fn', '2', undefined)
    await untilStatus(cd, id, 'Succeeded')
  })

  test('a routing conflict (the target has another role) fails the deployment; rollback restores the alias', async () => {
    await twoVersions(h.lambda, 'conflict-fn')
    await h.lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: 'conflict-fn', Role: OTHER_ROLE })
    )
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'conflict-fn' })) // version 3
    await appAndGroup(cd, 'conflict-app', 'g', {
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] }
    })
    const id = await deploy(
      cd,
      'conflict-app',
      'g',
      appSpecJson('conflict-fn', { target: '3' }),
      'CodeDeployDefault.LambdaCanary10Percent5Minutes'
    )
    clock.advance(1)
    const failed = await untilStatus(cd, id, 'Failed')
    expect(failed.errorInformation?.code).toBe('INVALID_LAMBDA_CONFIGURATION')
    expect(failed.errorInformation?.message).toContain('same execution role')
    const rollbackId = failed.rollbackInfo?.rollbackDeploymentId as string
    expect(await deployment(cd, rollbackId)).toMatchObject({
      status: 'Succeeded',
      creator: 'codeDeployRollback',
      rollbackInfo: { rollbackTriggeringDeploymentId: id }
    })
    const restored = await alias(h.lambda, 'conflict-fn')
    expect([restored.FunctionVersion, restored.RoutingConfig]).toEqual(['1', undefined])
  })
})

describe('lifecycle hooks', () => {
  test('hooks get {DeploymentId, LifecycleEventHookExecutionId} and traffic waits for their status', async () => {
    await twoVersions(h.lambda, 'hooked-fn')
    await createFunction(h.lambda, 'pre-hook')
    await createFunction(h.lambda, 'post-hook')
    await appAndGroup(cd, 'hooked-app', 'g')
    const spec = appSpecJson('hooked-fn', {
      before: 'pre-hook',
      after: 'arn:aws:lambda:us-east-1:123456789012:function:post-hook'
    })
    const id = await deploy(cd, 'hooked-app', 'g', spec)
    clock.advance(1)
    const pre = await untilHook(id, 'BeforeAllowTraffic')
    const echoed = JSON.parse(hookOf(id, 'BeforeAllowTraffic')!.response!) as { event: unknown }
    expect(echoed.event).toEqual({ DeploymentId: id, LifecycleEventHookExecutionId: pre })
    const listed = (await (await fetch(`${h.emu.url}/_emulator/codedeploy/hooks`)).json()) as {
      hooks: unknown[]
    }
    expect(listed.hooks).toContainEqual(
      expect.objectContaining({
        deploymentId: id,
        lifecycleEventHookExecutionId: pre,
        lifecycleEvent: 'BeforeAllowTraffic',
        functionName: 'pre-hook'
      })
    )
    clock.advance(30 * MINUTE) // within the hour CodeDeploy waits
    await ticks()
    expect((await alias(h.lambda, 'hooked-fn')).FunctionVersion).toBe('1')
    expect(await events(id, 'hooked-fn')).toEqual([
      ['BeforeAllowTraffic', 'InProgress'],
      ['AllowTraffic', 'Pending'],
      ['AfterAllowTraffic', 'Pending']
    ])
    const wrong = await failure(
      cd.send(
        new PutLifecycleEventHookExecutionStatusCommand({
          deploymentId: id,
          lifecycleEventHookExecutionId: 'x',
          status: 'Succeeded'
        })
      )
    )
    expect(wrong.name).toBe('InvalidLifecycleEventHookExecutionIdException')
    const badStatus = await failure(
      cd.send(
        new PutLifecycleEventHookExecutionStatusCommand({
          deploymentId: id,
          lifecycleEventHookExecutionId: pre,
          status: 'Skipped'
        })
      )
    )
    expect(badStatus.name).toBe('InvalidLifecycleEventHookExecutionStatusException')
    const put = await cd.send(
      new PutLifecycleEventHookExecutionStatusCommand({
        deploymentId: id,
        lifecycleEventHookExecutionId: pre,
        status: 'Succeeded'
      })
    )
    expect(put.lifecycleEventHookExecutionId).toBe(pre)
    const again = await failure(
      cd.send(
        new PutLifecycleEventHookExecutionStatusCommand({
          deploymentId: id,
          lifecycleEventHookExecutionId: pre,
          status: 'Succeeded'
        })
      )
    )
    expect(again.name).toBe('LifecycleEventAlreadyCompletedException')
    await untilWeights(h.lambda, 'hooked-fn', '2', undefined) // AllAtOnce
    const post = await untilHook(id, 'AfterAllowTraffic')
    expect((await deployment(cd, id)).status).toBe('InProgress')
    await cd.send(
      new PutLifecycleEventHookExecutionStatusCommand({
        deploymentId: id,
        lifecycleEventHookExecutionId: post,
        status: 'Succeeded'
      })
    )
    await untilStatus(cd, id, 'Succeeded')
    expect(await events(id, 'hooked-fn')).toEqual([
      ['BeforeAllowTraffic', 'Succeeded'],
      ['AllowTraffic', 'Succeeded'],
      ['AfterAllowTraffic', 'Succeeded']
    ])
  })

  test('a Failed status fails the deployment and rolls the alias back', async () => {
    await twoVersions(h.lambda, 'post-fail-fn')
    await createFunction(h.lambda, 'post-fail-hook')
    await appAndGroup(cd, 'post-fail-app', 'g', {
      deploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] }
    })
    const id = await deploy(
      cd,
      'post-fail-app',
      'g',
      appSpecJson('post-fail-fn', { after: 'post-fail-hook' })
    )
    clock.advance(1)
    await untilWeights(h.lambda, 'post-fail-fn', '1', { '2': 0.1 })
    clock.advance(9 * MINUTE) // every step at once: the clock jumped past them
    await untilWeights(h.lambda, 'post-fail-fn', '2', undefined)
    const post = await untilHook(id, 'AfterAllowTraffic')
    await cd.send(
      new PutLifecycleEventHookExecutionStatusCommand({
        deploymentId: id,
        lifecycleEventHookExecutionId: post,
        status: 'Failed'
      })
    )
    const failed = await untilStatus(cd, id, 'Failed')
    expect(failed.errorInformation?.code).toBe('HEALTH_CONSTRAINTS')
    const after = (await target(id, 'post-fail-fn')).lifecycleEvents?.[2]
    expect(after).toMatchObject({ lifecycleEventName: 'AfterAllowTraffic', status: 'Failed' })
    expect(after?.diagnostics?.message).toContain('reported Failed')
    expect(failed.rollbackInfo?.rollbackDeploymentId).toMatch(/^d-/)
    await untilWeights(h.lambda, 'post-fail-fn', '1', undefined)
  })

  test('a function error or no answer within one CodeDeploy hour fails the hook; EMULATOR_HOOK_STATUS answers', async () => {
    await twoVersions(h.lambda, 'hook-cases-fn')
    await createFunction(h.lambda, 'broken-hook', { Environment: { Variables: { EMULATOR_FAIL: 'true' } } })
    await createFunction(h.lambda, 'silent-hook')
    await createFunction(h.lambda, 'auto-hook', {
      Environment: { Variables: { EMULATOR_HOOK_STATUS: 'Succeeded' } }
    })
    await appAndGroup(cd, 'hook-cases-app', 'g')

    const broken = await deploy(
      cd,
      'hook-cases-app',
      'g',
      appSpecJson('hook-cases-fn', { before: 'broken-hook' })
    )
    clock.advance(1)
    const b = await untilStatus(cd, broken, 'Failed')
    expect(b.errorInformation?.code).toBe('HEALTH_CONSTRAINTS')
    expect((await target(broken, 'hook-cases-fn')).lifecycleEvents?.[0]?.diagnostics?.message).toContain(
      'emulated failure'
    )

    const silent = await deploy(
      cd,
      'hook-cases-app',
      'g',
      appSpecJson('hook-cases-fn', { before: 'silent-hook' })
    )
    clock.advance(1)
    await untilHook(silent, 'BeforeAllowTraffic')
    clock.advance(60 * MINUTE)
    await untilStatus(cd, silent, 'Failed')
    expect((await target(silent, 'hook-cases-fn')).lifecycleEvents?.[0]?.diagnostics?.message).toContain(
      'within one hour'
    )

    const auto = await deploy(
      cd,
      'hook-cases-app',
      'g',
      appSpecJson('hook-cases-fn', { before: 'auto-hook' })
    )
    clock.advance(1)
    await untilStatus(cd, auto, 'Succeeded')
    expect(hookOf(auto, 'BeforeAllowTraffic')).toMatchObject({ status: 'Succeeded' })
  })
})

describe('alarms, stop and the active deployment', () => {
  test('an alarm set to ALARM mid-way stops the deployment and rolls it back', async () => {
    await twoVersions(h.lambda, 'alarm-fn')
    await h.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'alarm-fn-errors',
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold'
      })
    )
    await appAndGroup(cd, 'alarm-app', 'g', {
      deploymentConfigName: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
      alarmConfiguration: { enabled: true, alarms: [{ name: 'alarm-fn-errors' }] },
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_ALARM'] }
    })
    const id = await deploy(cd, 'alarm-app', 'g', appSpecJson('alarm-fn'))
    clock.advance(1)
    await untilWeights(h.lambda, 'alarm-fn', '1', { '2': 0.1 })
    clock.advance(MINUTE)
    await untilWeights(h.lambda, 'alarm-fn', '1', { '2': 0.2 })
    await h.cw.send(
      new SetAlarmStateCommand({ AlarmName: 'alarm-fn-errors', StateValue: 'ALARM', StateReason: 'test' })
    )
    const stopped = await untilStatus(cd, id, 'Stopped')
    expect(stopped.errorInformation?.code).toBe('ALARM_ACTIVE')
    expect(stopped.errorInformation?.message).toContain('alarm-fn-errors')
    expect(stopped.rollbackInfo?.rollbackDeploymentId).toMatch(/^d-/)
    await untilWeights(h.lambda, 'alarm-fn', '1', undefined)
  })

  test('one active deployment per group; StopDeployment with rollback puts the alias back', async () => {
    await twoVersions(h.lambda, 'stop-fn')
    await appAndGroup(cd, 'stop-app', 'g')
    const content = appSpecJson('stop-fn')
    const id = await deploy(cd, 'stop-app', 'g', content, 'CodeDeployDefault.LambdaCanary10Percent30Minutes')
    const second = await failure(deploy(cd, 'stop-app', 'g', content))
    expect(second).toMatchObject({ name: 'DeploymentLimitExceededException', status: 400 })
    expect(second.message).toContain(id)
    clock.advance(1)
    await untilWeights(h.lambda, 'stop-fn', '1', { '2': 0.1 })
    const stop = await cd.send(new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled: true }))
    expect(stop.status).toBe('Pending')
    const stopped = await untilStatus(cd, id, 'Stopped')
    expect(stopped.errorInformation?.code).toBe('MANUAL_STOP')
    await untilWeights(h.lambda, 'stop-fn', '1', undefined)
    expect((await failure(cd.send(new StopDeploymentCommand({ deploymentId: id })))).name).toBe(
      'DeploymentAlreadyCompletedException'
    )
    // Without rollback the alias stays where the stop found it.
    const next = await deploy(
      cd,
      'stop-app',
      'g',
      content,
      'CodeDeployDefault.LambdaCanary10Percent30Minutes'
    )
    clock.advance(1)
    await untilWeights(h.lambda, 'stop-fn', '1', { '2': 0.1 })
    await cd.send(new StopDeploymentCommand({ deploymentId: next, autoRollbackEnabled: false }))
    const kept = await untilStatus(cd, next, 'Stopped')
    expect(kept.rollbackInfo).toBeUndefined()
    expect((await alias(h.lambda, 'stop-fn')).RoutingConfig?.AdditionalVersionWeights).toEqual({ '2': 0.1 })
    // ... and a split alias blocks the next deployment.
    const blocked = await deploy(cd, 'stop-app', 'g', content)
    clock.advance(1)
    const failed = await untilStatus(cd, blocked, 'Failed')
    expect(failed.errorInformation?.code).toBe('INVALID_LAMBDA_CONFIGURATION')
    expect(failed.errorInformation?.message).toContain('already routes traffic')
  })
})

describe('the AppSpec is checked when the deployment starts', () => {
  test('a missing Alias, an alias on another version, a target equal to the current version', async () => {
    await twoVersions(h.lambda, 'spec-fn')
    await appAndGroup(cd, 'spec-app', 'g')
    const noAlias = JSON.stringify({
      version: 0.0,
      Resources: [
        {
          f: {
            Type: 'AWS::Lambda::Function',
            Properties: { Name: 'spec-fn', CurrentVersion: '1', TargetVersion: '2' }
          }
        }
      ]
    })
    const cases: [string, string][] = [
      [noAlias, 'Properties.Alias'],
      [appSpecJson('spec-fn', { current: '2', target: '1' }), 'does not match the current version'],
      [appSpecJson('spec-fn', { current: '1', target: '1' }), 'must differ'],
      ['Resources: [oops', 'not valid YAML']
    ]
    for (const [content, reason] of cases) {
      const id = await deploy(cd, 'spec-app', 'g', content)
      clock.advance(1)
      const failed = await untilStatus(cd, id, 'Failed')
      expect(failed.errorInformation?.code).toBe('INVALID_LAMBDA_CONFIGURATION')
      expect(failed.errorInformation?.message).toContain('missing or has an invalid configuration')
      expect(failed.errorInformation?.message).toContain(reason)
    }
    expect((await alias(h.lambda, 'spec-fn')).FunctionVersion).toBe('1')
  })

  test('the CodeDeploy minute is a setting the control API changes', async () => {
    const patched = await fetch(`${h.emu.url}/_emulator/settings`, {
      method: 'PATCH',
      body: JSON.stringify({ codedeployMinuteMs: 250 })
    })
    expect(await patched.json()).toMatchObject({ codedeployMinuteMs: 250 })
    expect(h.emu.settings.codedeployMinuteMs).toBe(250)
    const bad = await fetch(`${h.emu.url}/_emulator/settings`, {
      method: 'PATCH',
      body: JSON.stringify({ codedeployMinuteMs: 0 })
    })
    expect(bad.status).toBe(400)
    h.emu.settings.codedeployMinuteMs = MINUTE
  })
})

describe('on the real clock', () => {
  test('a 50 ms CodeDeploy minute runs a canary to the end on the real clock', async () => {
    const real = await harness({ codedeployMinuteMs: 50 })
    const client = codeDeployClient(real.emu)
    try {
      await twoVersions(real.lambda, 'real-fn')
      await appAndGroup(client, 'real-app', 'g')
      const id = await deploy(
        client,
        'real-app',
        'g',
        appSpecJson('real-fn'),
        'CodeDeployDefault.LambdaCanary10Percent5Minutes'
      )
      await untilStatus(client, id, 'Succeeded')
      const { deploymentTargets } = await client.send(
        new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds: ['real-fn:live'] })
      )
      const allow = deploymentTargets?.[0]?.lambdaTarget?.lifecycleEvents?.[1]
      const waited = (allow?.endTime?.getTime() ?? 0) - (allow?.startTime?.getTime() ?? 0)
      expect(waited).toBeGreaterThanOrEqual(5 * 50) // the canary interval, five CodeDeploy minutes
      expect((await alias(real.lambda, 'real-fn')).FunctionVersion).toBe('2')
    } finally {
      client.destroy()
      await real.close()
    }
  })
})
