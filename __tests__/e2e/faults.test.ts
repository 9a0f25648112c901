// Faults on the way: answers lost after the write landed, throttling, $LATEST still updating. The action
// must end promoted with exactly the plan's writes, never mistaking its own lost write for someone else's.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import {
  act,
  createFunction,
  errors,
  getAlias,
  lastSeq,
  readyToPromote,
  updateCode
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient

useEmulator(f => ({ emu, lambda: client } = f))
afterEach(() => emu.faults.clear())

/** `live` on v1, new code waiting in $LATEST. */
const ready = (fn: string): Promise<void> => readyToPromote(client, fn)

const applied = (since: number, operation: string): number =>
  emu.log.filter(
    e =>
      e.seq > since &&
      e.operation === operation &&
      (e.status === 200 || e.status === 201 || e.fault === 'lost-response')
  ).length

test('a canary step whose answer is lost is recognised as ours and the rollout goes on', async () => {
  await ready('lost-step-fn')
  emu.faults.add({ operation: 'UpdateAlias', lostResponseRate: 1, times: 1 })
  const since = lastSeq(emu)
  const r = await act(emu, {
    'function-name': 'lost-step-fn',
    alias: 'live',
    strategy: 'canary',
    interval: '200ms'
  })
  expect(errors(r)).toEqual([])
  expect(r.outputs.status).toBe('promoted')
  const ops = emu.log
    .filter(e => e.seq > since && e.operation.endsWith('Alias'))
    .map(e => `${e.operation}:${e.status}`)
  // lost (0) → retry meets 412 (the write had landed) → read shows our state → next step.
  expect(ops).toEqual(['GetAlias:200', 'UpdateAlias:0', 'UpdateAlias:412', 'GetAlias:200', 'UpdateAlias:200'])
  const alias = await getAlias(client, 'lost-step-fn', 'live')
  expect(alias.FunctionVersion).toBe('2')
})

test('a publish whose answer is lost does not publish twice', async () => {
  await ready('lost-publish-fn')
  emu.faults.add({ operation: 'PublishVersion', lostResponseRate: 1, times: 1 })
  const since = lastSeq(emu)
  const r = await act(emu, { 'function-name': 'lost-publish-fn', alias: 'live' })
  expect(errors(r)).toEqual([])
  expect(r.outputs).toMatchObject({ status: 'promoted', version: '2', published: 'true' })
  expect(applied(since, 'PublishVersion')).toBe(2) // the lost one and the answered retry, both v2
  expect((await getAlias(client, 'lost-publish-fn', 'live')).FunctionVersion).toBe('2')
})

test('a created alias whose answer is lost is taken as created', async () => {
  await createFunction(client, 'lost-create-fn', 'one')
  emu.faults.add({ operation: 'CreateAlias', lostResponseRate: 1, times: 1 })
  const r = await act(emu, { 'function-name': 'lost-create-fn', alias: 'live' })
  expect(errors(r)).toEqual([])
  expect(r.outputs.status).toBe('promoted')
  expect((await getAlias(client, 'lost-create-fn', 'live')).FunctionVersion).toBe('1')
})

test('429s on every alias call are retried with backoff inside the timeout', async () => {
  await ready('throttled-fn')
  emu.faults.add({ operation: ['UpdateAlias', 'GetAlias'], throttleRate: 1, times: 4 })
  const r = await act(emu, {
    'function-name': 'throttled-fn',
    alias: 'live',
    strategy: 'canary',
    interval: '100ms'
  })
  expect(errors(r)).toEqual([])
  expect(r.outputs.status).toBe('promoted')
  expect(emu.log.filter(e => e.fault === 'throttle' && e.functionName === 'throttled-fn')).toHaveLength(4)
})

test('$LATEST still being updated: the action waits, then publishes the finished code', async () => {
  await ready('updating-fn')
  emu.settings.updateDelayMs = 1200
  try {
    await updateCode(client, 'updating-fn', 'three')
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': 'updating-fn', alias: 'live' })
    expect(errors(r)).toEqual([])
    expect(r.outputs).toMatchObject({ status: 'promoted', version: '2' })
    // No PublishVersion was sent while the update was in progress.
    expect(emu.log.filter(e => e.seq > since && e.operation === 'PublishVersion').map(e => e.status)).toEqual(
      [201]
    )
  } finally {
    emu.settings.updateDelayMs = 0
  }
})
