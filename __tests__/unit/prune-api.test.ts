// The pruning calls through the real gateway against the emulator: pages of 50, qualifiers read from the
// ARNs, and a refused delete reported with a line that names the call.
import {
  CreateAliasCommand,
  CreateEventSourceMappingCommand,
  CreateFunctionCommand,
  LambdaClient,
  PutProvisionedConcurrencyConfigCommand
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { LambdaGateway } from '../../src/aws/lambda.js'
import { errorLine } from '../../src/errors.js'
import { lambdaPruneApi, type PruneApi } from '../../src/prune/api.js'
import { VirtualClock } from '../../testkit/rig.js'

let emu: Emulator
let client: LambdaClient
let api: PruneApi

beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  client = new LambdaClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
  const clock = new VirtualClock()
  const gateway = new LambdaGateway(
    { region: 'us-east-1', endpoint: emu.url, clock, maxRequestsPerSecond: 14, userAgent: 'test' },
    { deadline: clock.now() + 600_000, maxAttempts: 8 }
  )
  api = lambdaPruneApi(gateway)
  // A function with 120 versions, a split alias, PC on version 5 and a mapping on the alias.
  await client.send(
    new CreateFunctionCommand({
      FunctionName: 'many',
      Role: 'arn:aws:iam::123456789012:role/r',
      Code: { ZipFile: new TextEncoder().encode('zip') }
    })
  )
  emu.admin.publishVersions('many', 120)
  await client.send(
    new CreateAliasCommand({
      FunctionName: 'many',
      Name: 'live',
      FunctionVersion: '119',
      RoutingConfig: { AdditionalVersionWeights: { '120': 0.1 } }
    })
  )
  await client.send(
    new PutProvisionedConcurrencyConfigCommand({
      FunctionName: 'many',
      Qualifier: '5',
      ProvisionedConcurrentExecutions: 1
    })
  )
  await client.send(
    new CreateEventSourceMappingCommand({
      FunctionName: 'many:live',
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q'
    })
  )
})
afterAll(async () => {
  client.destroy()
  await emu.close()
})

test('versions are listed 50 at a time, $LATEST left out', async () => {
  const since = emu.log.at(-1)?.seq ?? 0
  const versions = await api.listVersions('many')
  expect(versions.map(v => v.version)).toEqual(Array.from({ length: 120 }, (_, i) => String(i + 1)))
  expect(versions[0]?.codeSize).toBe(3)
  // 121 entries with $LATEST: three pages.
  expect(emu.log.filter(e => e.seq > since).map(e => e.operation)).toEqual(
    Array(3).fill('ListVersionsByFunction')
  )
})

test('aliases with their weights, PC and mapping qualifiers, code storage', async () => {
  expect(await api.listAliases('many')).toEqual([{ name: 'live', version: '119', weights: { '120': 0.1 } }])
  expect(await api.listProvisioned('many')).toEqual(['5'])
  expect(await api.listEventSources('many')).toEqual(['live'])
  expect(await api.codeStorage()).toEqual({ usedBytes: 121 * 3, limitBytes: 75 * 1024 ** 3 })
})

test('a refused delete throws with a line naming the call; a free version goes', async () => {
  const refused = await api.deleteVersion('many', '120').then(
    () => null,
    (e: unknown) => e
  )
  expect(refused).toMatchObject({ name: 'ResourceConflictException' })
  expect(errorLine(refused)).toMatch(/DeleteFunction.*many:120/)
  await api.deleteVersion('many', '7')
  expect((await api.listVersions('many')).map(v => v.version)).not.toContain('7')
})
