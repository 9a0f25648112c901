// Provisioned concurrency (PC) and SnapStart in the engine, in-process: the emulator allocates PC on the
// rig's virtual clock, so the waits after each alias write, the rollback's wait and the refusal are
// deterministic.
import {
  CreateAliasCommand,
  GetProvisionedConcurrencyConfigCommand,
  PutProvisionedConcurrencyConfigCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { resultEntries } from '../../src/report/outputs.js'
import { summaryMarkdown } from '../../src/report/summary.js'
import {
  emulator,
  getAlias,
  lambda,
  lastSeq,
  publish,
  readyToPromote,
  writes
} from '../../testkit/fixtures.js'
import { config, rig, VirtualClock, type Rig } from '../../testkit/rig.js'

const PC_DELAY = 400
// Setup runs on its own clock, an hour before the rig's; each run's rig clock then drives the emulator.
const setup = new VirtualClock(Date.UTC(2026, 0, 1, 7, 0, 0))
let active: VirtualClock = setup
let emu: Emulator
let client: LambdaClient
let n = 0
const fname = (): string => `pc-fn-${++n}`

beforeAll(async () => {
  emu = await emulator({ now: () => active.now(), pcDelayMs: PC_DELAY, snapStartDelayMs: 2000 })
  client = lambda(emu)
})
afterAll(async () => {
  client.destroy()
  await emu.close()
})

function rigFor(c: ReturnType<typeof config>): Rig {
  const r = rig(emu, c)
  active = r.clock
  return r
}

/** Puts PC on a qualifier and lets the setup clock run until it is READY. */
async function provision(fn: string, qualifier: string, count = 5): Promise<void> {
  await client.send(
    new PutProvisionedConcurrencyConfigCommand({
      FunctionName: fn,
      Qualifier: qualifier,
      ProvisionedConcurrentExecutions: count
    })
  )
  active = setup
  await setup.sleep(PC_DELAY + 1)
}

const pcOf = (fn: string, qualifier: string) =>
  client.send(new GetProvisionedConcurrencyConfigCommand({ FunctionName: fn, Qualifier: qualifier }))

it('waits for the alias PC to be READY after each canary write; the hold starts after it', async () => {
  const fn = fname()
  await readyToPromote(client, fn)
  await provision(fn, 'live')
  const c = config(emu, { 'function-name': fn, strategy: 'canary', 'canary-percent': '10', interval: '5m' })
  const r = rigFor(c)
  const outcome = await r.run(c)
  r.close()

  expect(outcome.status).toBe('promoted')
  const d = outcome.deployments[0]
  expect(d?.provisioned).toMatchObject({ requested: 5, status: 'READY', versions: '2' })
  expect(d?.provisioned?.waits.map(w => [w.versions, w.status])).toEqual([
    ['1+2', 'READY'],
    ['2', 'READY']
  ])
  // Allocation takes PC_DELAY on the emulator's clock, which is the rig's: each wait saw it.
  for (const w of d?.provisioned?.waits ?? []) expect(w.waitedMs).toBeGreaterThanOrEqual(PC_DELAY)
  // The 5-minute hold began after the wait, not at the write.
  const [split, full] = d?.timeline ?? []
  expect((full?.time ?? 0) - (split?.time ?? 0)).toBeGreaterThanOrEqual(
    5 * 60_000 + (d?.provisioned?.waits[0]?.waitedMs ?? 0)
  )
  expect(outcome.plan[0]).toMatch(
    /canary 10%.*\(provisioned concurrency 5, READY: every alias write waits for READY\)/
  )
  expect(
    r.log.lines.filter(l => /provisioned concurrency 5 on live: READY after \S+ \(v/.test(l))
  ).toHaveLength(2)
  const alias = await getAlias(client, fn, 'live')
  expect(alias.FunctionVersion).toBe('2')
  expect(await pcOf(fn, 'live')).toMatchObject({
    Status: 'READY',
    AllocatedProvisionedConcurrentExecutions: 5
  })
  const [entry] = resultEntries(outcome, 'live') as { provisionedConcurrency?: unknown }[]
  expect(entry?.provisionedConcurrency).toMatchObject({ requested: 5, status: 'READY' })
  expect(summaryMarkdown(outcome, c)).toMatch(
    /provisioned concurrency 5 on live \| READY on v2 \| v1\+2 READY after/
  )
})

it('rolls back when the new version cannot initialize (PC FAILED) and waits for the old PC to be READY', async () => {
  const fn = fname()
  await readyToPromote(client, fn, { env: { EMULATOR_INIT_ERROR: 'true' } })
  await provision(fn, 'live')
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m' })
  const r = rigFor(c)
  const outcome = await r.run(c)
  r.close()

  expect(outcome.status).toBe('rolled-back')
  expect(outcome.error).toMatch(
    /provisioned concurrency 5 on live FAILED on v1\+2: FUNCTION_ERROR_INIT_FAILURE; rolled back: the alias is back as it was \(verified\); .*provisioned concurrency 5 on live READY again on v1 after/
  )
  const alias = await getAlias(client, fn, 'live')
  expect(alias.FunctionVersion).toBe('1')
  expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
  expect(await pcOf(fn, 'live')).toMatchObject({ Status: 'READY' })
  expect(outcome.deployments[0]?.provisioned?.status).toBe('READY')
})

it('refuses, before any change, a version whose PC another alias owns', async () => {
  const fn = fname()
  await readyToPromote(client, fn)
  const v2 = await publish(client, fn)
  await client.send(new CreateAliasCommand({ FunctionName: fn, Name: 'beta', FunctionVersion: v2 }))
  await provision(fn, 'live')
  await provision(fn, 'beta', 2)
  const since = lastSeq(emu)
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m', version: v2 })
  const r = rigFor(c)
  const outcome = await r.run(c)
  r.close()

  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(
    /alias live has provisioned concurrency and v2 is already covered by the provisioned concurrency of alias beta; .*nothing was changed/
  )
  expect(writes(emu, since)).toEqual([])
  expect((await getAlias(client, fn, 'live')).FunctionVersion).toBe('1')
})

it('records nothing about PC for an alias without it', async () => {
  const fn = fname()
  await readyToPromote(client, fn)
  const c = config(emu, { 'function-name': fn })
  const r = rigFor(c)
  const outcome = await r.run(c)
  r.close()
  expect(outcome.status).toBe('promoted')
  expect(outcome.deployments[0]?.provisioned).toBeUndefined()
  expect(r.log.lines.some(l => l.includes('provisioned concurrency'))).toBe(false)
})

it('reports how long a SnapStart version took and its OptimizationStatus', async () => {
  const fn = fname()
  await readyToPromote(client, fn)
  await client.send(
    new UpdateFunctionConfigurationCommand({ FunctionName: fn, SnapStart: { ApplyOn: 'PublishedVersions' } })
  )
  const c = config(emu, { 'function-name': fn })
  const r = rigFor(c)
  const outcome = await r.run(c)
  r.close()
  expect(outcome.status).toBe('promoted')
  expect(outcome.deployments[0]?.snapStart?.optimizationStatus).toBe('On')
  expect(outcome.deployments[0]?.snapStart?.waitedMs).toBeGreaterThanOrEqual(2000)
  expect(r.log.lines.some(l => /v2 published, .*Active, SnapStart OptimizationStatus On after/.test(l))).toBe(
    true
  )
})

it('refuses PC on the alias with a SnapStart version to publish, before any change', async () => {
  const fn = fname()
  await readyToPromote(client, fn)
  await provision(fn, 'live')
  await client.send(
    new UpdateFunctionConfigurationCommand({ FunctionName: fn, SnapStart: { ApplyOn: 'PublishedVersions' } })
  )
  const since = lastSeq(emu)
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m' })
  const r = rigFor(c)
  const outcome = await r.run(c)
  r.close()
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(
    /alias live has provisioned concurrency and the version to publish uses SnapStart, .*nothing was changed/
  )
  expect(writes(emu, since)).toEqual([])
})

it('fails the read phase with one line when the PC read is denied', async () => {
  const fn = fname()
  await readyToPromote(client, fn)
  const since = lastSeq(emu)
  emu.faults.add({ operation: 'GetProvisionedConcurrencyConfig', deny: true })
  const c = config(emu, { 'function-name': fn })
  const r = rigFor(c)
  const outcome = await r.run(c).finally(() => emu.faults.clear())
  r.close()
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(/lambda:GetProvisionedConcurrencyConfig/)
  expect(writes(emu, since)).toEqual([])
})

const pcDelay = (pcDelayMs: number) =>
  fetch(`${emu.url}/_emulator/settings`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pcDelayMs })
  }).then(r => expect(r.status).toBe(200))

it('bounds the wait by timeout: still IN_PROGRESS at the timeout stops and rolls back, saying PC is not READY', async () => {
  const fn = fname()
  await readyToPromote(client, fn)
  await provision(fn, 'live')
  await pcDelay(3_600_000)
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '1m', timeout: '10m' })
  const r = rigFor(c)
  const started = r.clock.now()
  const outcome = await r.run(c).finally(() => pcDelay(PC_DELAY))
  r.close()
  expect(outcome.status).toBe('rolled-back')
  expect(outcome.error).toMatch(
    /^timeout: .*provisioned concurrency 5 on live still IN_PROGRESS on v1\+2 after .*rolled back: the alias is back as it was \(verified\); .*provisioned concurrency 5 on live NOT READY on v1: IN_PROGRESS after \S+$/
  )
  // The wait stopped at the run's deadline, not before and not long after.
  expect(r.clock.now() - started).toBeGreaterThanOrEqual(9 * 60_000)
  expect((await getAlias(client, fn, 'live')).FunctionVersion).toBe('1')
})
