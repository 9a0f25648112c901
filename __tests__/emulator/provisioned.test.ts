// Provisioned concurrency and SnapStart through the real SDK: the four PC operations with their statuses
// and errors, allocation on the injected clock, reallocation when the alias moves, the weighted-alias
// conflict, initialization failures, and the invocation metrics.
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  DeleteProvisionedConcurrencyConfigCommand,
  GetFunctionConfigurationCommand,
  GetProvisionedConcurrencyConfigCommand,
  InvokeCommand,
  ListProvisionedConcurrencyConfigsCommand,
  PublishVersionCommand,
  PutProvisionedConcurrencyConfigCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createFunction, failure, fakeClock, harness, type Harness } from './helpers.js'

const PC_DELAY = 30000
const clock = fakeClock()
let h: Harness
beforeAll(async () => {
  h = await harness({ now: clock.now, pcDelayMs: PC_DELAY, snapStartDelayMs: 90000 })
})
afterAll(async () => h.close())

async function withVersions(
  lambda: LambdaClient,
  name: string,
  n: number,
  env: Record<string, string>[] = []
) {
  await createFunction(lambda, name)
  for (let i = 1; i <= n; i++) {
    const Variables = { V: String(i), ...env[i - 1] }
    await lambda.send(
      new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: { Variables } })
    )
    await lambda.send(new PublishVersionCommand({ FunctionName: name }))
  }
}

const put = (FunctionName: string, Qualifier: string, n = 5) =>
  h.lambda.send(
    new PutProvisionedConcurrencyConfigCommand({
      FunctionName,
      Qualifier,
      ProvisionedConcurrentExecutions: n
    })
  )
const get = (FunctionName: string, Qualifier: string) =>
  h.lambda.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName, Qualifier }))

describe('the four operations', () => {
  test('404 before any configuration, then IN_PROGRESS → READY on the clock, listed, deleted', async () => {
    await withVersions(h.lambda, 'pc-1', 2)
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'pc-1', Name: 'live', FunctionVersion: '1' }))
    const none = await failure(get('pc-1', 'live'))
    expect([none.name, none.status]).toEqual(['ProvisionedConcurrencyConfigNotFoundException', 404])

    const started = await put('pc-1', 'live')
    expect(started.$metadata.httpStatusCode).toBe(202)
    expect(started).toMatchObject({
      RequestedProvisionedConcurrentExecutions: 5,
      AllocatedProvisionedConcurrentExecutions: 0,
      Status: 'IN_PROGRESS'
    })
    expect(typeof started.LastModified).toBe('string')
    clock.advance(PC_DELAY - 1)
    expect((await get('pc-1', 'live')).Status).toBe('IN_PROGRESS')
    clock.advance(1)
    expect(await get('pc-1', 'live')).toMatchObject({
      Status: 'READY',
      AllocatedProvisionedConcurrentExecutions: 5,
      AvailableProvisionedConcurrentExecutions: 5
    })

    await put('pc-1', '2', 3)
    const listed = await h.lambda.send(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: 'pc-1' }))
    expect(listed.ProvisionedConcurrencyConfigs?.map(c => [c.FunctionArn, c.Status])).toEqual([
      ['arn:aws:lambda:us-east-1:123456789012:function:pc-1:2', 'IN_PROGRESS'],
      ['arn:aws:lambda:us-east-1:123456789012:function:pc-1:live', 'READY']
    ])
    expect(h.emu.log.at(-1)?.operation).toBe('ListProvisionedConcurrencyConfigs')

    const deleted = await h.lambda.send(
      new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: 'pc-1', Qualifier: 'live' })
    )
    expect(deleted.$metadata.httpStatusCode).toBe(204)
    expect((await failure(get('pc-1', 'live'))).name).toBe('ProvisionedConcurrencyConfigNotFoundException')
    const again = await failure(
      h.lambda.send(
        new DeleteProvisionedConcurrencyConfigCommand({ FunctionName: 'pc-1', Qualifier: 'live' })
      )
    )
    expect(again.status).toBe(404)
  })

  test('$LATEST is refused with 400, a missing alias or version with 404', async () => {
    await withVersions(h.lambda, 'pc-2', 1)
    const latest = await failure(put('pc-2', '$LATEST'))
    expect([latest.name, latest.status]).toEqual(['InvalidParameterValueException', 400])
    expect(latest.message).toBe(
      'Provisioned Concurrency Configs cannot be applied to unpublished function versions.'
    )
    expect((await failure(put('pc-2', 'nope'))).status).toBe(404)
    expect((await failure(put('pc-2', '9'))).status).toBe(404)
    const zero = await failure(put('pc-2', '1', 0))
    expect(zero.status).toBe(400)
  })

  test('one configuration per version: a second alias on the same version is refused', async () => {
    await withVersions(h.lambda, 'pc-3', 2)
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'pc-3', Name: 'live', FunctionVersion: '1' }))
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'pc-3', Name: 'other', FunctionVersion: '1' }))
    await put('pc-3', 'live')
    const second = await failure(put('pc-3', 'other'))
    expect([second.name, second.status]).toEqual(['ResourceConflictException', 409])
    const onVersion = await failure(put('pc-3', '1'))
    expect(onVersion.status).toBe(409)
    // Updating the same configuration is not a second one.
    expect((await put('pc-3', 'live', 7)).RequestedProvisionedConcurrentExecutions).toBe(7)
    // Moving `other` (no PC) onto a version is fine; moving `live` onto a version with its own PC is not.
    await put('pc-3', '2')
    const move = await failure(
      h.lambda.send(new UpdateAliasCommand({ FunctionName: 'pc-3', Name: 'live', FunctionVersion: '2' }))
    )
    expect(move.status).toBe(409)
    // Deleting the alias deletes its configuration.
    await h.lambda.send(new DeleteAliasCommand({ FunctionName: 'pc-3', Name: 'live' }))
    await put('pc-3', 'other')
  })
})

describe('aliases that move', () => {
  test('moving the alias reallocates for the new version, on the clock', async () => {
    await withVersions(h.lambda, 'pc-4', 2)
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'pc-4', Name: 'live', FunctionVersion: '1' }))
    await put('pc-4', 'live')
    clock.advance(PC_DELAY)
    expect((await get('pc-4', 'live')).Status).toBe('READY')
    await h.lambda.send(new UpdateAliasCommand({ FunctionName: 'pc-4', Name: 'live', FunctionVersion: '2' }))
    expect((await get('pc-4', 'live')).Status).toBe('IN_PROGRESS')
    clock.advance(PC_DELAY)
    expect((await get('pc-4', 'live')).Status).toBe('READY')
  })

  test('PC cannot be managed on a weighted alias; weights on an alias with PC reallocate', async () => {
    await withVersions(h.lambda, 'pc-5', 2)
    await h.lambda.send(
      new CreateAliasCommand({
        FunctionName: 'pc-5',
        Name: 'split',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } }
      })
    )
    const weighted = await failure(put('pc-5', 'split'))
    expect([weighted.name, weighted.status, weighted.message]).toEqual([
      'InvalidParameterValueException',
      400,
      'Alias with weights can not be used with Provisioned Concurrency'
    ])
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'pc-5', Name: 'live', FunctionVersion: '1' }))
    await put('pc-5', 'live')
    clock.advance(PC_DELAY)
    await h.lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'pc-5',
        Name: 'live',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } }
      })
    )
    expect((await get('pc-5', 'live')).Status).toBe('IN_PROGRESS')
    // While weighted, its settings cannot be changed.
    expect((await failure(put('pc-5', 'live', 9))).status).toBe(400)
  })
})

describe('initialization failures', () => {
  test('EMULATOR_INIT_ERROR=true: allocation FAILED, every invocation an init error', async () => {
    await withVersions(h.lambda, 'pc-6', 2, [{}, { EMULATOR_INIT_ERROR: 'true' }])
    await put('pc-6', '2')
    clock.advance(PC_DELAY)
    expect(await get('pc-6', '2')).toMatchObject({
      Status: 'FAILED',
      StatusReason: 'FUNCTION_ERROR_INIT_FAILURE',
      AllocatedProvisionedConcurrentExecutions: 0
    })
    const out = await h.lambda.send(new InvokeCommand({ FunctionName: 'pc-6', Qualifier: '2' }))
    expect(out.FunctionError).toBe('Unhandled')
    const body = JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8')) as Record<string, string>
    expect(body.errorType).toBe('Runtime.ExitError')
    expect(body.errorMessage).toMatch(
      /^RequestId: [0-9a-f-]+ Error: Runtime exited with error: exit status 1$/
    )
    const fine = await h.lambda.send(new InvokeCommand({ FunctionName: 'pc-6', Qualifier: '1' }))
    expect(fine.FunctionError).toBeUndefined()
  })
})

describe('metrics', () => {
  test('provisioned and spillover invocations are counted apart', async () => {
    await withVersions(h.lambda, 'pc-7', 1)
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'pc-7', Name: 'live', FunctionVersion: '1' }))
    await put('pc-7', 'live')
    const invoke = () => h.lambda.send(new InvokeCommand({ FunctionName: 'pc-7', Qualifier: 'live' }))
    await invoke() // IN_PROGRESS: on-demand
    clock.advance(PC_DELAY)
    await invoke()
    await invoke()
    const dims = [
      { Name: 'FunctionName', Value: 'pc-7' },
      { Name: 'Resource', Value: 'pc-7:live' }
    ]
    const query = (Id: string, MetricName: string) => ({
      Id,
      MetricStat: {
        Metric: { Namespace: 'AWS/Lambda', MetricName, Dimensions: dims },
        Period: 3600,
        Stat: 'Sum'
      }
    })
    const out = await h.cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(clock.now() - 3600000),
        EndTime: new Date(clock.now() + 60000),
        MetricDataQueries: [
          query('pc', 'ProvisionedConcurrencyInvocations'),
          query('spill', 'ProvisionedConcurrencySpilloverInvocations')
        ]
      })
    )
    const sums = Object.fromEntries(
      (out.MetricDataResults ?? []).map(r => [r.Id, (r.Values ?? []).reduce((a, b) => a + b, 0)])
    )
    expect(sums).toEqual({ pc: 2, spill: 1 })
  })
})

describe('SnapStart', () => {
  test('a published version is Pending longer, then OptimizationStatus On; $LATEST Off', async () => {
    await createFunction(h.lambda, 'snap-1', { Runtime: 'java21' })
    const updated = await h.lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'snap-1',
        SnapStart: { ApplyOn: 'PublishedVersions' }
      })
    )
    expect(updated.SnapStart).toEqual({ ApplyOn: 'PublishedVersions', OptimizationStatus: 'Off' })
    const v = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'snap-1' }))
    expect(v.State).toBe('Pending')
    expect(v.SnapStart).toEqual({ ApplyOn: 'PublishedVersions', OptimizationStatus: 'Off' })
    clock.advance(89999)
    const pending = await h.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'snap-1', Qualifier: '1' })
    )
    expect(pending.State).toBe('Pending')
    clock.advance(1)
    const ready = await h.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'snap-1', Qualifier: '1' })
    )
    expect(ready.State).toBe('Active')
    expect(ready.SnapStart).toEqual({ ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' })
    const latest = await h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'snap-1' }))
    expect(latest.SnapStart).toEqual({ ApplyOn: 'PublishedVersions', OptimizationStatus: 'Off' })
  })
})
