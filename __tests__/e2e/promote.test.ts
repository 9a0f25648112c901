// The all-at-once path through dist/, run as the runner runs it, against the emulator.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import {
  act,
  createAlias,
  createFunction,
  errors,
  getAlias,
  lastSeq,
  publish,
  updateCode,
  updateEnv,
  writes
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient

useEmulator(f => ({ emu, lambda: client } = f))

describe('publish when changed, promote all at once', () => {
  const fn = 'orders'

  test('first deploy publishes v1 and creates the alias', async () => {
    await createFunction(client, fn, 'a')
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live' })
    expect(errors(r)).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({
      status: 'promoted',
      published: 'true',
      version: '1',
      'previous-version': '',
      'function-arn': `arn:aws:lambda:us-east-1:123456789012:function:${fn}`,
      'alias-arn': `arn:aws:lambda:us-east-1:123456789012:function:${fn}:live`
    })
    expect(writes(emu, since)).toEqual(['PublishVersion', 'CreateAlias'])
    const alias = await getAlias(client, fn, 'live')
    expect(alias.FunctionVersion).toBe('1')
    expect(r.summary).toContain('lambda-promote: promoted')
    expect(r.summary).toContain(r.outputs['alias-arn'])
    const result = JSON.parse(r.outputs.result as string) as {
      function: string
      status: string
      to: string
    }[]
    expect(result).toEqual([
      expect.objectContaining({ function: fn, status: 'promoted', to: '1', from: null })
    ])
  })

  test('new code: one published version and the alias on it, routing cleared', async () => {
    await updateCode(client, fn, 'b')
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live' })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({
      status: 'promoted',
      published: 'true',
      version: '2',
      'previous-version': '1'
    })
    expect(writes(emu, since)).toEqual(['PublishVersion', 'UpdateAlias'])
    const update = emu.log.find(e => e.seq > since && e.operation === 'UpdateAlias')
    expect(update?.request).toMatchObject({
      FunctionVersion: '2',
      RoutingConfig: { AdditionalVersionWeights: {} }
    })
    // The publish was guarded by $LATEST's CodeSha256 and RevisionId.
    const pub = emu.log.find(e => e.seq > since && e.operation === 'PublishVersion')
    expect(pub?.request).toEqual(
      expect.objectContaining({ CodeSha256: r.outputs['code-sha256'], RevisionId: expect.any(String) })
    )
    const alias = await getAlias(client, fn, 'live')
    expect(alias.FunctionVersion).toBe('2')
    expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
    expect(r.stdout).toMatch(/orders:live {2}v1 → publish \$LATEST/)
  })

  test('same code again: unchanged, nothing written', async () => {
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live' })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({
      status: 'unchanged',
      published: 'false',
      version: '2',
      'previous-version': '2'
    })
    expect(writes(emu, since)).toEqual([])
  })

  test('configuration-only change: auto leaves it, always publishes a new version', async () => {
    await updateEnv(client, fn, { FEATURE: 'on' })
    let since = lastSeq(emu)
    const auto = await act(emu, { 'function-name': fn, alias: 'live' })
    expect(auto.outputs.status).toBe('unchanged')
    expect(writes(emu, since)).toEqual([])

    since = lastSeq(emu)
    const always = await act(emu, { 'function-name': fn, alias: 'live', publish: 'always' })
    expect(always.exitCode).toBe(0)
    expect(always.outputs).toMatchObject({
      status: 'promoted',
      published: 'true',
      version: '3',
      'previous-version': '2'
    })
    expect(always.outputs['code-sha256']).toBe(auto.outputs['code-sha256'])
    expect(writes(emu, since)).toEqual(['PublishVersion', 'UpdateAlias'])
  })

  test('publish: always with nothing changed since the alias version: unchanged', async () => {
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live', publish: 'always' })
    expect(r.outputs).toMatchObject({ status: 'unchanged', published: 'false', version: '3' })
    // PublishVersion answered with the existing v3: no new version, no alias write.
    expect(writes(emu, since)).toEqual(['PublishVersion'])
  })

  test('version: 1 promotes an existing version without publishing', async () => {
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live', version: '1' })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({
      status: 'promoted',
      published: 'false',
      version: '1',
      'previous-version': '3'
    })
    expect(writes(emu, since)).toEqual(['UpdateAlias'])
    expect((await getAlias(client, fn, 'live')).FunctionVersion).toBe('1')
  })

  test('version: staging promotes the version behind another alias', async () => {
    await createAlias(client, fn, 'staging', '2')
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live', version: 'staging' })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({
      status: 'promoted',
      published: 'false',
      version: '2',
      'previous-version': '1'
    })
    expect(writes(emu, since)).toEqual(['UpdateAlias'])
    expect((await getAlias(client, fn, 'live')).FunctionVersion).toBe('2')
  })

  test('dry-run prints the plan and writes nothing', async () => {
    await updateCode(client, fn, 'c')
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live', strategy: 'canary', 'dry-run': 'true' })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.status).toBe('dry-run')
    expect(r.stdout).toContain('publish $LATEST')
    expect(r.stdout).toContain('canary 10% for 5m')
    expect(writes(emu, since)).toEqual([])
    expect((await getAlias(client, fn, 'live')).FunctionVersion).toBe('2')
  })
})

describe('API calls do not grow with the number of versions', () => {
  async function deployCount(fn: string, versions: number): Promise<Record<string, number>> {
    await createFunction(client, fn, 'one')
    await publish(client, fn)
    emu.admin.publishVersions(fn, versions - 1)
    await createAlias(client, fn, 'live', '1')
    await updateCode(client, fn, 'two')
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live' })
    expect(r.outputs.status).toBe('promoted')
    const counts: Record<string, number> = {}
    for (const e of emu.log.filter(e => e.seq > since)) counts[e.operation] = (counts[e.operation] ?? 0) + 1
    return counts
  }

  test('1 version and 500 versions make the same calls', async () => {
    const one = await deployCount('few-versions', 1)
    const many = await deployCount('many-versions', 500)
    expect(many).toEqual(one)
    expect(one.ListVersionsByFunction).toBeUndefined()
  })
})
