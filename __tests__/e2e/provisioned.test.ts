// Provisioned concurrency through dist/, run as the runner runs it: a canary on an alias with PC waits for
// READY after each write and leaves PC READY on the new version; a version that cannot initialize makes
// the allocation FAILED, and the run rolls back to the old version, whose PC is READY again.
import {
  GetProvisionedConcurrencyConfigCommand,
  PutProvisionedConcurrencyConfigCommand,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { act, emulator, errors, getAlias, lastSeq, readyToPromote, writes } from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

const PC_DELAY = 400
let emu: Emulator
let client: LambdaClient

useEmulator(
  f => ({ emu, lambda: client } = f),
  () => emulator({ pcDelayMs: PC_DELAY })
)

const pcOf = (fn: string) =>
  client.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: fn, Qualifier: 'live' }))

/** `live` on v1 with PC 5, READY; new code in $LATEST. */
async function ready(fn: string, env?: Record<string, string>): Promise<void> {
  await readyToPromote(client, fn, env ? { env } : {})
  await client.send(
    new PutProvisionedConcurrencyConfigCommand({
      FunctionName: fn,
      Qualifier: 'live',
      ProvisionedConcurrentExecutions: 5
    })
  )
  // Generous: the allocation takes PC_DELAY of wall time; a slow machine only waits longer here.
  for (let i = 0; i < 100 && (await pcOf(fn)).Status !== 'READY'; i++)
    await new Promise(r => setTimeout(r, 100))
  expect((await pcOf(fn)).Status).toBe('READY')
}

const canary = (fn: string) => ({
  'function-name': fn,
  alias: 'live',
  strategy: 'canary',
  'canary-percent': '10',
  interval: '300ms'
})

test('a canary on an alias with PC 5 waits for READY after each write and ends promoted', async () => {
  const fn = 'pc-promoted'
  await ready(fn)
  const since = lastSeq(emu)
  const r = await act(emu, canary(fn))
  expect(errors(r)).toEqual([])
  expect(r.exitCode).toBe(0)
  expect(r.outputs.status).toBe('promoted')
  expect(r.stdout).toMatch(/pc-promoted: provisioned concurrency 5 on live: READY after \S+ \(v1\+2\)/)
  expect(r.stdout).toMatch(/pc-promoted: provisioned concurrency 5 on live: READY after \S+ \(v2\)/)
  expect(writes(emu, since)).toEqual(['PublishVersion', 'UpdateAlias', 'UpdateAlias'])
  expect((await getAlias(client, fn, 'live')).FunctionVersion).toBe('2')
  expect(await pcOf(fn)).toMatchObject({ Status: 'READY', AllocatedProvisionedConcurrentExecutions: 5 })
  const [entry] = JSON.parse(r.outputs.result ?? '[]') as {
    provisionedConcurrency?: { status: string; versions: string; waits: { status: string }[] }
  }[]
  expect(entry?.provisionedConcurrency).toMatchObject({ status: 'READY', versions: '2' })
  expect(entry?.provisionedConcurrency?.waits.map(w => w.status)).toEqual(['READY', 'READY'])
  expect(r.summary).toContain('### Provisioned concurrency and SnapStart')
})

test('a new version that cannot initialize: PC FAILED, rolled back, the old version READY again', async () => {
  const fn = 'pc-failed'
  await ready(fn, { EMULATOR_INIT_ERROR: 'true' })
  const r = await act(emu, canary(fn))
  expect(r.exitCode).toBe(1)
  expect(r.outputs.status).toBe('rolled-back')
  const [line] = errors(r)
  expect(line).toMatch(
    /pc-failed: provisioned concurrency 5 on live FAILED on v1\+2: FUNCTION_ERROR_INIT_FAILURE/
  )
  expect(line).toMatch(/rolled back: the alias is back as it was \(verified\)/)
  expect(line).toMatch(/provisioned concurrency 5 on live READY again on v1 after/)
  const alias = await getAlias(client, fn, 'live')
  expect(alias.FunctionVersion).toBe('1')
  expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
  expect(await pcOf(fn)).toMatchObject({ Status: 'READY', AllocatedProvisionedConcurrentExecutions: 5 })
})
