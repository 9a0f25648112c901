// What pruning versions needs, through the real SDK: DeleteFunction with a qualifier, event source
// mappings (create, list by function with paging, delete), GetAccountSettings' code storage accounting and
// CodeStorageExceededException past the limit.
import {
  CreateAliasCommand,
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  GetAccountSettingsCommand,
  ListEventSourceMappingsCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createFunction, failure, harness, zip, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(async () => h.close())

async function withVersions(lambda: LambdaClient, name: string, n: number): Promise<void> {
  await createFunction(lambda, name)
  for (let i = 1; i <= n; i++) {
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: `v${i}` }))
    await lambda.send(new PublishVersionCommand({ FunctionName: name }))
  }
}

const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:jobs'
const arn = (fn: string, q?: string): string =>
  `arn:aws:lambda:us-east-1:123456789012:function:${fn}${q === undefined ? '' : `:${q}`}`

describe('DeleteFunction with a qualifier', () => {
  test('a version an alias routes to (primary or weighted) is 409; $LATEST is 400; others go', async () => {
    await withVersions(h.lambda, 'del-1', 4)
    await h.lambda.send(
      new CreateAliasCommand({
        FunctionName: 'del-1',
        Name: 'live',
        FunctionVersion: '3',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.2 } }
      })
    )
    for (const v of ['2', '3']) {
      const refused = await failure(
        h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-1', Qualifier: v }))
      )
      expect([refused.name, refused.status, refused.message]).toEqual([
        'ResourceConflictException',
        409,
        'Unable to delete version because the following aliases reference it: [live]'
      ])
    }
    const latest = await failure(
      h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-1', Qualifier: '$LATEST' }))
    )
    expect([latest.name, latest.status]).toEqual(['InvalidParameterValueException', 400])
    const gone = await h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-1', Qualifier: '1' }))
    expect(gone.$metadata.httpStatusCode).toBe(204)
    expect(
      (await failure(h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-1', Qualifier: '1' }))))
        .status
    ).toBe(404)
  })
})

describe('event source mappings', () => {
  test('created Enabled with a UUID on a version, listed by function (paged), deleted', async () => {
    await withVersions(h.lambda, 'esm-1', 3)
    await withVersions(h.lambda, 'esm-other', 1)
    const created = await h.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'esm-1:2', EventSourceArn: QUEUE })
    )
    expect(created.$metadata.httpStatusCode).toBe(202)
    expect(created).toMatchObject({ FunctionArn: arn('esm-1', '2'), EventSourceArn: QUEUE, State: 'Enabled' })
    expect(created.UUID).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.LastModified).toBeInstanceOf(Date)
    await h.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: arn('esm-1'), EventSourceArn: QUEUE })
    )
    await h.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'esm-1:3', EventSourceArn: QUEUE })
    )
    await h.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'esm-other', EventSourceArn: QUEUE })
    )

    const first = await h.lambda.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'esm-1', MaxItems: 2 })
    )
    expect(first.EventSourceMappings?.map(m => m.FunctionArn)).toEqual([arn('esm-1', '2'), arn('esm-1')])
    expect(first.NextMarker).toBeDefined()
    const second = await h.lambda.send(
      new ListEventSourceMappingsCommand({ FunctionName: 'esm-1', MaxItems: 2, Marker: first.NextMarker })
    )
    expect(second.EventSourceMappings?.map(m => m.FunctionArn)).toEqual([arn('esm-1', '3')])
    expect(second.NextMarker).toBeUndefined()
    const exact = await h.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: arn('esm-1', '3') }))
    expect(exact.EventSourceMappings?.map(m => m.FunctionArn)).toEqual([arn('esm-1', '3')])

    const deleted = await h.lambda.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID }))
    expect(deleted.$metadata.httpStatusCode).toBe(202)
    expect(deleted.State).toBe('Deleting')
    const after = await h.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'esm-1' }))
    expect(after.EventSourceMappings).toHaveLength(2)
    expect(
      (await failure(h.lambda.send(new DeleteEventSourceMappingCommand({ UUID: created.UUID })))).status
    ).toBe(404)
  })

  test('a missing function or qualifier is 404', async () => {
    const missing = await failure(
      h.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'esm-none', EventSourceArn: QUEUE }))
    )
    expect(missing.status).toBe(404)
    await withVersions(h.lambda, 'esm-2', 1)
    const noVersion = await failure(
      h.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'esm-2:7', EventSourceArn: QUEUE }))
    )
    expect(noVersion.status).toBe(404)
  })
})

describe('account settings and code storage', () => {
  test('TotalCodeSize counts $LATEST and every version; past the limit CodeStorageExceededException', async () => {
    h.emu.admin.reset()
    const before = await h.lambda.send(new GetAccountSettingsCommand({}))
    expect(before.AccountUsage).toEqual({ TotalCodeSize: 0, FunctionCount: 0 })
    expect(before.AccountLimit?.TotalCodeSize).toBe(75 * 1024 ** 3)
    await createFunction(h.lambda, 'cs-1')
    const size = zip('cs-1').length
    await h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'cs-1', Description: 'a' }))
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'cs-1' }))
    await h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'cs-1', Description: 'b' }))
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'cs-1' }))
    const usage = (await h.lambda.send(new GetAccountSettingsCommand({}))).AccountUsage
    expect(usage).toEqual({ TotalCodeSize: 3 * size, FunctionCount: 1 })

    h.emu.settings.codeStorageLimitBytes = 4 * size
    await h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'cs-1', Description: 'c' }))
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'cs-1' })) // exactly at the limit
    await h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'cs-1', Description: 'd' }))
    const full = await failure(h.lambda.send(new PublishVersionCommand({ FunctionName: 'cs-1' })))
    expect([full.name, full.status]).toEqual(['CodeStorageExceededException', 400])
    const bigger = await failure(
      h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'cs-1', ZipFile: zip('cs-1 and more') }))
    )
    expect(bigger.name).toBe('CodeStorageExceededException')
    expect((await failure(createFunction(h.lambda, 'cs-2'))).name).toBe('CodeStorageExceededException')

    await h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'cs-1', Qualifier: '1' }))
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'cs-1' }))
    expect((await h.lambda.send(new GetAccountSettingsCommand({}))).AccountUsage?.TotalCodeSize).toBe(
      4 * size
    )
  })
})
