// Functions and versions through the real @aws-sdk/client-lambda: CodeSha256, publish semantics,
// RevisionIds, version numbering, DeleteFunction, ListVersionsByFunction paging.
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  paginateListVersionsByFunction
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { ROLE, createFunction, failure, harness, sha256, zip, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(async () => h.close())

const arn = (name: string, qualifier?: string): string =>
  `arn:aws:lambda:us-east-1:123456789012:function:${name}${qualifier === undefined ? '' : `:${qualifier}`}`

function hasNull(value: unknown): boolean {
  if (value === null) return true
  if (typeof value !== 'object') return false
  return Object.values(value as object).some(hasNull)
}

describe('CreateFunction / GetFunction', () => {
  test('Timeout: 3 s by default as on AWS, the one set otherwise, and a published version keeps it', async () => {
    await createFunction(h.lambda, 'timeout-1')
    const got = await h.lambda.send(new GetFunctionCommand({ FunctionName: 'timeout-1' }))
    expect(got.Configuration?.Timeout).toBe(3)
    await createFunction(h.lambda, 'timeout-2', { Timeout: 30 })
    const config = await h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'timeout-2' }))
    expect(config.Timeout).toBe(30)
    await h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'timeout-2', Timeout: 900 }))
    const v1 = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'timeout-2' }))
    expect(v1.Timeout).toBe(900)
    const read = await h.lambda.send(new GetFunctionCommand({ FunctionName: 'timeout-2', Qualifier: '1' }))
    expect(read.Configuration?.Timeout).toBe(900)
    // Lambda's bounds: 1 to 900 seconds.
    const error = await failure(
      h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'timeout-2', Timeout: 901 }))
    )
    expect(error.name).toBe('ValidationException')
  })

  test('CodeSha256 is the base64 SHA-256 of the zip; unset fields are omitted', async () => {
    const code = zip('create-1')
    const out = await h.lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'create-1',
        Role: ROLE,
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Code: { ZipFile: code }
      })
    )
    expect(out.$metadata.httpStatusCode).toBe(201)
    expect(out.CodeSha256).toBe(sha256(code))
    expect(out.CodeSize).toBe(code.length)
    expect(out.Version).toBe('$LATEST')
    expect(out.FunctionArn).toBe(arn('create-1'))
    expect(out.State).toBe('Active')
    expect(out.LastUpdateStatus).toBe('Successful')
    const raw = h.emu.log.at(-1)?.response as Record<string, unknown>
    expect(raw).not.toHaveProperty('Environment')
    expect(raw).not.toHaveProperty('DeadLetterConfig')
    expect(raw).not.toHaveProperty('StateReason')
    expect(hasNull(raw)).toBe(false)

    const got = await h.lambda.send(new GetFunctionCommand({ FunctionName: 'create-1' }))
    expect(got.Configuration?.CodeSha256).toBe(sha256(code))
    expect(got.Code?.RepositoryType).toBe('S3')
  })

  test('an existing function is a 409, a bad role a ValidationException, a missing one a 404', async () => {
    await createFunction(h.lambda, 'create-2')
    const dup = await failure(createFunction(h.lambda, 'create-2'))
    expect([dup.name, dup.status]).toEqual(['ResourceConflictException', 409])
    const role = await failure(createFunction(h.lambda, 'create-3', { Role: 'not-a-role' }))
    expect([role.name, role.status]).toEqual(['ValidationException', 400])
    const missing = await failure(h.lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })))
    expect([missing.name, missing.status]).toEqual(['ResourceNotFoundException', 404])
    expect(missing.message).toBe(`Function not found: ${arn('nope')}`)
  })
})

describe('PublishVersion', () => {
  test('publishes only on change; config-only changes keep CodeSha256; code changes do not', async () => {
    await createFunction(h.lambda, 'pub-1', { Environment: { Variables: { A: '1' } } })
    const v1 = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'pub-1', Description: 'first' }))
    expect(v1.$metadata.httpStatusCode).toBe(201)
    expect([v1.Version, v1.Description, v1.FunctionArn]).toEqual(['1', 'first', arn('pub-1', '1')])

    const again = await h.lambda.send(
      new PublishVersionCommand({ FunctionName: 'pub-1', Description: 'again' })
    )
    expect(again.$metadata.httpStatusCode).toBe(201)
    expect([again.Version, again.Description]).toEqual(['1', 'first'])

    await h.lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'pub-1',
        Environment: { Variables: { A: '2' } }
      })
    )
    const v2 = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'pub-1' }))
    expect(v2.Version).toBe('2')
    expect(v2.CodeSha256).toBe(v1.CodeSha256)

    await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'pub-1', ZipFile: zip('pub-1 v3') }))
    const v3 = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'pub-1' }))
    expect(v3.Version).toBe('3')
    expect(v3.CodeSha256).toBe(sha256(zip('pub-1 v3')))

    // Versions are immutable snapshots of $LATEST at publish time.
    const c1 = await h.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'pub-1', Qualifier: '1' })
    )
    expect(c1.Environment?.Variables).toEqual({ A: '1' })
    expect(c1.FunctionArn).toBe(arn('pub-1', '1'))
    const c2 = await h.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'pub-1', Qualifier: '2' })
    )
    expect(c2.Environment?.Variables).toEqual({ A: '2' })
  })

  test('a CodeSha256 that is not $LATEST is a 400, a stale RevisionId a 412', async () => {
    await createFunction(h.lambda, 'pub-2')
    const latest = await h.lambda.send(new GetFunctionCommand({ FunctionName: 'pub-2' }))
    const bad = await failure(
      h.lambda.send(new PublishVersionCommand({ FunctionName: 'pub-2', CodeSha256: sha256(zip('other')) }))
    )
    expect([bad.name, bad.status]).toEqual(['InvalidParameterValueException', 400])
    const stale = await failure(
      h.lambda.send(
        new PublishVersionCommand({
          FunctionName: 'pub-2',
          RevisionId: '00000000-0000-0000-0000-000000000000'
        })
      )
    )
    expect([stale.name, stale.status]).toEqual(['PreconditionFailedException', 412])
    const ok = await h.lambda.send(
      new PublishVersionCommand({
        FunctionName: 'pub-2',
        CodeSha256: latest.Configuration?.CodeSha256,
        RevisionId: latest.Configuration?.RevisionId
      })
    )
    expect(ok.Version).toBe('1')
  })

  test("$LATEST's RevisionId changes on update and on publish", async () => {
    await createFunction(h.lambda, 'rev-1')
    const r0 = (await h.lambda.send(new GetFunctionCommand({ FunctionName: 'rev-1' }))).Configuration
      ?.RevisionId
    await h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'rev-1', Description: 'd' }))
    const r1 = (await h.lambda.send(new GetFunctionCommand({ FunctionName: 'rev-1' }))).Configuration
      ?.RevisionId
    const v = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'rev-1' }))
    const r2 = (await h.lambda.send(new GetFunctionCommand({ FunctionName: 'rev-1' }))).Configuration
      ?.RevisionId
    expect(new Set([r0, r1, r2, v.RevisionId]).size).toBe(4)
    const stale = await failure(
      h.lambda.send(
        new UpdateFunctionCodeCommand({ FunctionName: 'rev-1', ZipFile: zip('x'), RevisionId: r1 })
      )
    )
    expect([stale.name, stale.status]).toEqual(['PreconditionFailedException', 412])
  })
})

describe('DeleteFunction and version numbers', () => {
  test('version numbers are never reused after a version is deleted', async () => {
    await createFunction(h.lambda, 'del-1')
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'del-1' }))
    await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'del-1', ZipFile: zip('del-1 b') }))
    expect((await h.lambda.send(new PublishVersionCommand({ FunctionName: 'del-1' }))).Version).toBe('2')
    const deleted = await h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-1', Qualifier: '2' }))
    expect(deleted.$metadata.httpStatusCode).toBe(204)
    const gone = await failure(
      h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'del-1', Qualifier: '2' }))
    )
    expect([gone.name, gone.status, gone.message]).toEqual([
      'ResourceNotFoundException',
      404,
      `Function not found: ${arn('del-1', '2')}`
    ])
    expect((await h.lambda.send(new PublishVersionCommand({ FunctionName: 'del-1' }))).Version).toBe('3')
  })

  test('$LATEST cannot be deleted alone; a version an alias references is a 409', async () => {
    await createFunction(h.lambda, 'del-2')
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'del-2' }))
    await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'del-2', ZipFile: zip('del-2 b') }))
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'del-2' }))
    await h.lambda.send(
      new CreateAliasCommand({
        FunctionName: 'del-2',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } }
      })
    )
    const latest = await failure(
      h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-2', Qualifier: '$LATEST' }))
    )
    expect([latest.name, latest.status]).toEqual(['InvalidParameterValueException', 400])
    for (const version of ['1', '2']) {
      const used = await failure(
        h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-2', Qualifier: version }))
      )
      expect([used.name, used.status]).toEqual(['ResourceConflictException', 409])
      expect(used.message).toBe('Unable to delete version because the following aliases reference it: [live]')
    }
    const missing = await failure(
      h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-2', Qualifier: '9' }))
    )
    expect([missing.name, missing.status]).toEqual(['ResourceNotFoundException', 404])
    await h.lambda.send(new DeleteFunctionCommand({ FunctionName: 'del-2' }))
    const fn = await failure(h.lambda.send(new GetFunctionCommand({ FunctionName: 'del-2' })))
    expect(fn.status).toBe(404)
  })
})

describe('ListVersionsByFunction', () => {
  test('pages of at most 50, $LATEST first then ascending, with NextMarker', async () => {
    await createFunction(h.lambda, 'list-1')
    h.emu.admin.publishVersions('list-1', 120)
    const first = await h.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'list-1' }))
    expect(first.Versions).toHaveLength(50)
    expect(first.Versions?.[0]?.Version).toBe('$LATEST')
    expect(first.Versions?.[0]?.FunctionArn).toBe(arn('list-1', '$LATEST'))
    expect(first.Versions?.[1]?.Version).toBe('1')
    expect(first.NextMarker).toBeDefined()
    const small = await h.lambda.send(
      new ListVersionsByFunctionCommand({ FunctionName: 'list-1', MaxItems: 7 })
    )
    expect(small.Versions?.map(v => v.Version)).toEqual(['$LATEST', '1', '2', '3', '4', '5', '6'])
    const all: string[] = []
    let pages = 0
    for await (const page of paginateListVersionsByFunction(
      { client: h.lambda },
      { FunctionName: 'list-1' }
    )) {
      pages += 1
      all.push(...(page.Versions ?? []).map(v => v.Version ?? ''))
    }
    expect(pages).toBe(3)
    expect(all).toEqual(['$LATEST', ...Array.from({ length: 120 }, (_, i) => String(i + 1))])
    const distinct = new Set(
      (
        await h.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'list-1', MaxItems: 5 }))
      ).Versions?.map(v => v.Description)
    )
    expect(distinct.size).toBe(5)
    const tooMany = await failure(
      h.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'list-1', MaxItems: 20000 }))
    )
    expect([tooMany.name, tooMany.status]).toEqual(['ValidationException', 400])
  })
})

describe('function name forms', () => {
  beforeAll(async () => {
    await createFunction(h.lambda, 'forms')
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'forms' }))
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'forms', Name: 'live', FunctionVersion: '1' }))
  })

  test.each([
    ['forms', undefined, arn('forms')],
    [arn('forms'), undefined, arn('forms')],
    ['123456789012:function:forms', undefined, arn('forms')],
    ['forms:1', '1', arn('forms', '1')],
    [arn('forms', 'live'), '1', arn('forms', 'live')],
    ['123456789012:function:forms:$LATEST', '$LATEST', arn('forms', '$LATEST')]
  ])('%s resolves', async (name, version, functionArn) => {
    const out = await h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }))
    expect(out.Version).toBe(version ?? '$LATEST')
    expect(out.FunctionArn).toBe(functionArn)
  })

  test('Qualifier = alias answers the primary version under the alias ARN', async () => {
    const out = await h.lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'forms', Qualifier: 'live' })
    )
    expect([out.Version, out.FunctionArn]).toEqual(['1', arn('forms', 'live')])
    const missing = await failure(
      h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'forms', Qualifier: 'nope' }))
    )
    expect([missing.name, missing.status]).toEqual(['ResourceNotFoundException', 404])
  })

  test('bad names: too long, bad characters, other region, conflicting qualifiers', async () => {
    const long = await failure(h.lambda.send(new GetFunctionCommand({ FunctionName: 'f'.repeat(65) })))
    expect([long.name, long.status]).toEqual(['InvalidParameterValueException', 400])
    const chars = await failure(h.lambda.send(new GetFunctionCommand({ FunctionName: 'bad name!' })))
    expect([chars.name, chars.status]).toEqual(['ValidationException', 400])
    const region = await failure(
      h.lambda.send(
        new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:forms' })
      )
    )
    expect([region.name, region.status]).toEqual(['ResourceNotFoundException', 404])
    const both = await failure(
      h.lambda.send(new GetFunctionCommand({ FunctionName: 'forms:1', Qualifier: 'live' }))
    )
    expect([both.name, both.status]).toEqual(['InvalidParameterValueException', 400])
  })
})

describe('endpoint from the environment', () => {
  test('an SDK client configured only through AWS_ENDPOINT_URL reaches the emulator', async () => {
    const saved = process.env.AWS_ENDPOINT_URL
    process.env.AWS_ENDPOINT_URL = h.emu.url
    const client = new LambdaClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
    })
    try {
      await createFunction(client, 'env-endpoint')
      const out = await client.send(new GetFunctionCommand({ FunctionName: 'env-endpoint' }))
      expect(out.Configuration?.FunctionName).toBe('env-endpoint')
    } finally {
      client.destroy()
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL
      else process.env.AWS_ENDPOINT_URL = saved
    }
  })
})
