// The engine in-process: the emulator and the real SDK, a virtual clock, the ledger in memory.
import { UpdateAliasCommand } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { postRun } from '../../src/post/run.js'
import { readLedger } from '../../src/ledger/ledger.js'
import {
  cloudwatch,
  emulator,
  getAlias,
  lambda,
  putAlarm,
  readyToPromote,
  splitAlias,
  updateEnv,
  writes
} from '../../testkit/fixtures.js'
import { config, killDuringHold, rig, recorder } from '../../testkit/rig.js'

let emu: Emulator
let n = 0
const fname = (): string => `fn-${++n}`

beforeAll(async () => {
  emu = await emulator()
})
afterAll(() => emu.close())

const split = (a: { RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> } }) =>
  a.RoutingConfig?.AdditionalVersionWeights ?? {}

it('runs a whole canary with 5-minute holds on a virtual clock and promotes', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn, { description: 'prod' })
  const c = config(emu, { 'function-name': fn, strategy: 'canary', 'canary-percent': '10', interval: '5m' })
  const r = rig(emu, c)
  const started = r.clock.now()
  const outcome = await r.run(c)
  r.close()

  expect(outcome.status).toBe('promoted')
  expect(outcome.deployments[0]).toMatchObject({ from: '1', to: '2', published: true, weight: 1 })
  expect(outcome.deployments[0]?.timeline.map(t => t.weight)).toEqual([0.1, 1])
  // The hold passed on the virtual clock, not the wall clock.
  expect(r.clock.now() - started).toBeGreaterThanOrEqual(5 * 60_000)
  const alias = await getAlias(lambda(emu), fn, 'live')
  expect(alias.FunctionVersion).toBe('2')
  expect(split(alias)).toEqual({})
  expect(alias.Description).toBe('prod')
  // The ledger says finished, and its last confirmed RevisionId is the alias's.
  const saved = readLedger(r.store)
  expect(saved.kind === 'found' && saved.done).toBe('promoted')
  expect(saved.kind === 'found' && saved.ledger.entries[0]?.confirmed).toBe(alias.RevisionId)
})

it('rolls a canary back when an alarm fires during the hold, exactly to the state read', async () => {
  const fn = fname()
  const cw = cloudwatch(emu)
  await putAlarm(cw, `${fn}-errors`)
  emu.admin.setAlarmState(`${fn}-errors`, 'OK')
  await readyToPromote(lambda(emu), fn, { description: 'before' })
  const before = await getAlias(lambda(emu), fn, 'live')
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m', alarms: `${fn}-errors` })
  const r = rig(emu, c)
  // Flip the alarm as soon as the first split lands.
  const sleep = r.clock.sleep.bind(r.clock)
  r.clock.sleep = async (ms, signal) => {
    if (Object.keys(split(await getAlias(lambda(emu), fn, 'live'))).length > 0)
      emu.admin.setAlarmState(`${fn}-errors`, 'ALARM')
    return sleep(ms, signal)
  }
  const outcome = await r.run(c)
  r.close()

  expect(outcome.status).toBe('rolled-back')
  expect(outcome.error).toMatch(
    /alarm .*-errors went into ALARM.*rolled back: the alias is back as it was \(verified\)/
  )
  const after = await getAlias(lambda(emu), fn, 'live')
  expect({ v: after.FunctionVersion, w: split(after), d: after.Description }).toEqual({
    v: before.FunctionVersion,
    w: split(before),
    d: 'before'
  })
  const saved = readLedger(r.store)
  expect(saved.kind === 'found' && saved.done).toBe('rolled-back')
})

/** A canary whose main is killed during its hour-long hold, leaving the alias split. */
async function killedMidCanary() {
  const fn = fname()
  await readyToPromote(lambda(emu), fn)
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '1h', timeout: '2h' })
  const r = rig(emu, c)
  const dead = killDuringHold(r)
  void r.run(c)
  await dead
  return { fn, r }
}

it('post restores a split main left behind when it was killed, through the same restore', async () => {
  const { fn, r } = await killedMidCanary()
  expect(split(await getAlias(lambda(emu), fn, 'live'))).toEqual({ '2': 0.1 })

  const log = recorder()
  const result = await postRun({
    store: r.store,
    log,
    clock: r.clock,
    env: {},
    api: async () => r.aliasClient()
  })
  r.close()
  expect(result.failure).toBeUndefined()
  expect(log.lines.join('\n')).toMatch(/alias live is back on v1 \(verified\)/)
  const after = await getAlias(lambda(emu), fn, 'live')
  expect(after.FunctionVersion).toBe('1')
  expect(split(after)).toEqual({})
})

it('post leaves alone a split someone else set after main was killed', async () => {
  const { fn, r } = await killedMidCanary()
  // Someone else moves it to 50/50 by hand.
  const theirs = await splitAlias(lambda(emu), fn, '1', '2', 0.5)
  const since = emu.log.at(-1)?.seq ?? 0
  const log = recorder()
  await postRun({ store: r.store, log, clock: r.clock, env: {}, api: async () => r.aliasClient() })
  r.close()
  expect(writes(emu, since)).toEqual([])
  expect(log.lines.join('\n')).toMatch(/changed by someone else: it holds v1 50% \+ v2 50%/)
  expect((await getAlias(lambda(emu), fn, 'live')).RevisionId).toBe(theirs.RevisionId)
})

it('stops without promoting when $LATEST changes between the read and the publish', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn)
  const c = config(emu, { 'function-name': fn })
  let changed = false
  const r = rig(emu, c, send => async (command, opts) => {
    if (!changed && command.constructor.name === 'PublishVersionCommand') {
      changed = true
      await updateEnv(lambda(emu), fn, { SOMEONE: 'else' })
    }
    return send(command, opts)
  })
  const outcome = await r.run(c)
  r.close()
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(/\$LATEST changed while publishing.*nothing was promoted/)
  expect((await getAlias(lambda(emu), fn, 'live')).FunctionVersion).toBe('1')
})

it('a first write whose request lands only while the rollback reads the alias is still undone', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn, { description: 'prod' })
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m' })
  let held: (() => Promise<unknown>) | null = null
  let landed = false
  let lateAnswer: unknown = null
  const r = rig(emu, c, send => async (command, opts) => {
    const name = command.constructor.name
    if (!held && name === 'UpdateAliasCommand') {
      // The request is on its way to Lambda; our side loses it for good (no retry) as the workflow is
      // cancelled, and it lands only while the rollback reads the alias.
      held = () => send(command, {})
      r.controller.abort('cancelled (SIGINT)')
      throw Object.assign(new Error('connection lost'), { name: 'UnknownError' })
    }
    try {
      return await send(command, opts)
    } finally {
      if (held && !landed && name === 'GetAliasCommand') {
        landed = true
        lateAnswer = await held().catch((error: Error) => error.name)
      }
    }
  })
  const outcome = await r.run(c)
  r.close()
  // The late write landed after the read that showed the alias as it was; the restore's fence write met
  // a 412, read again, saw the split as this run's unanswered intent and undid it.
  expect(lateAnswer).toMatchObject({ RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } } })
  expect(outcome.status).toBe('rolled-back')
  const alias = await getAlias(lambda(emu), fn, 'live')
  expect([alias.FunctionVersion, split(alias), alias.Description]).toEqual(['1', {}, 'prod'])
})

it('lockstep: once one function fails a step, the others are not moved in that step', async () => {
  const fns = [fname(), fname(), fname()]
  for (const fn of fns) await readyToPromote(lambda(emu), fn)
  const c = config(emu, {
    'function-name': fns.join(','),
    strategy: 'canary',
    interval: '5m',
    concurrency: '1'
  })
  const r = rig(emu, c, send => async (command, opts) => {
    const input = (command as { input: { FunctionName?: string } }).input
    // Someone else changes the first function just before our first write to it.
    if (command.constructor.name === 'UpdateAliasCommand' && input.FunctionName === fns[0])
      await lambda(emu).send(
        new UpdateAliasCommand({
          FunctionName: fns[0],
          Name: 'live',
          FunctionVersion: '1',
          Description: 'theirs'
        })
      )
    return send(command, opts)
  })
  const since = emu.log.at(-1)?.seq ?? 0
  const outcome = await r.run(c)
  r.close()
  expect(outcome.status).toBe('failed')
  const moved = emu.log.filter(
    e => e.seq > since && e.operation === 'UpdateAlias' && e.status === 200 && e.functionName !== fns[0]
  )
  expect(moved).toEqual([])
})

it('a cancel while a forward write is throttled: no further attempt, the rollback starts at once', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn, { description: 'prod' })
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m' })
  let attempts = 0
  const r = rig(emu, c, send => async (command, opts) => {
    if (command.constructor.name === 'UpdateAliasCommand' && attempts === 0) {
      attempts++
      r.controller.abort('cancelled (SIGINT)')
      // A 429 proves the write did not land.
      throw Object.assign(new Error('Rate exceeded'), {
        name: 'TooManyRequestsException',
        $metadata: { httpStatusCode: 429 }
      })
    }
    return send(command, opts)
  })
  const since = emu.log.at(-1)?.seq ?? 0
  const outcome = await r.run(c)
  r.close()
  expect(attempts).toBe(1)
  expect(outcome.error).toMatch(/^cancelled \(SIGINT\)/)
  // The forward write was not tried again; the only alias writes after the cancel put the state read
  // before the run (the restore fences off the unanswered attempt, which cannot tell it did not land).
  const writes = emu.log.filter(e => e.seq > since && e.operation === 'UpdateAlias')
  for (const w of writes)
    expect(w.request).toMatchObject({ FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: {} } })
  expect(outcome.status).toBe('rolled-back')
  expect((await getAlias(lambda(emu), fn, 'live')).FunctionVersion).toBe('1')
})
