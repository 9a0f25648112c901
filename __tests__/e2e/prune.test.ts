// keep-versions through dist/ against the emulator: what a promotion deletes and keeps (and why), and
// that nothing is deleted after a rollback or without the input. A denied ListEventSourceMappings is
// covered in-process (__tests__/unit/prune.test.ts) with a fake client answering 403.
import { SetAlarmStateCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import {
  CreateEventSourceMappingCommand,
  ListVersionsByFunctionCommand,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import {
  act,
  createAlias,
  createFunction,
  errors,
  lastSeq,
  okAlarm,
  publish,
  splitSeen,
  updateCode
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
let cw: CloudWatchClient

useEmulator(f => ({ emu, lambda: client, cloudwatch: cw } = f))

/** Versions 1–8, `live` on 7, `staging` on 3, a queue mapped to version 2, new code in $LATEST. */
async function eightVersions(fn: string): Promise<void> {
  await createFunction(client, fn, 'code-1')
  await publish(client, fn)
  for (let i = 2; i <= 8; i++) {
    await updateCode(client, fn, `code-${i}`)
    await publish(client, fn)
  }
  await createAlias(client, fn, 'live', '7')
  await createAlias(client, fn, 'staging', '3')
  await client.send(
    new CreateEventSourceMappingCommand({
      FunctionName: `${fn}:2`,
      EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:jobs'
    })
  )
  await updateCode(client, fn, 'code-9')
}

async function versionsOf(fn: string): Promise<string[]> {
  const out = await client.send(new ListVersionsByFunctionCommand({ FunctionName: fn }))
  return (out.Versions ?? []).map(v => v.Version ?? '').filter(v => v !== '$LATEST')
}

test('promote live with keep-versions 2: 9, 8, 7 (rollback target), 3 and 2 stay; 1, 4, 5, 6 go', async () => {
  await eightVersions('pruned')
  const since = lastSeq(emu)
  const r = await act(emu, { 'function-name': 'pruned', alias: 'live', 'keep-versions': '2' })
  expect(errors(r)).toEqual([])
  expect(r.exitCode).toBe(0)
  expect(r.outputs).toMatchObject({ status: 'promoted', version: '9', 'pruned-versions': '1,4,5,6' })
  expect(await versionsOf('pruned')).toEqual(['2', '3', '7', '8', '9'])
  const deletes = emu.log.filter(e => e.seq > since && e.operation === 'DeleteFunction')
  expect(deletes.map(e => [e.functionName, e.status])).toEqual(Array(4).fill(['pruned', 204]))
  for (const line of [
    'v9 kept: among the 2 newest, alias live, this run promoted it',
    'v8 kept: among the 2 newest',
    'v7 kept: rollback target',
    'v3 kept: alias staging',
    'v2 kept: event source mapping',
    'deleted: v1, v4, v5, v6'
  ])
    expect(r.summary).toContain(line)
  expect(r.stdout).toContain('pruned: deleted v1')
  // The reads happened after the alias moved, and the account's storage was read once.
  const ops = emu.log.filter(e => e.seq > since).map(e => e.operation)
  expect(ops.indexOf('ListAliases')).toBeGreaterThan(ops.lastIndexOf('UpdateAlias'))
  expect(ops.filter(o => o === 'GetAccountSettings')).toHaveLength(1)
  expect(r.summary).toMatch(/Account code storage: .* of 75\.0 GB/)
})

test('without keep-versions nothing is listed or deleted', async () => {
  await eightVersions('kept-all')
  const since = lastSeq(emu)
  const r = await act(emu, { 'function-name': 'kept-all', alias: 'live' })
  expect(r.outputs.status).toBe('promoted')
  expect(r.outputs['pruned-versions']).toBeUndefined()
  const ops = emu.log.filter(e => e.seq > since).map(e => e.operation)
  expect(ops.filter(o => /^(List|Delete)|GetAccountSettings/.test(o))).toEqual([])
  expect(await versionsOf('kept-all')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9'])
})

test('a run that rolls back deletes nothing', async () => {
  await eightVersions('rolled')
  await okAlarm(cw, 'rolled-errors', 'fine')
  const since = lastSeq(emu)
  const running = act(emu, {
    'function-name': 'rolled',
    alias: 'live',
    strategy: 'canary',
    interval: '20s',
    alarms: 'rolled-errors',
    'keep-versions': '1'
  })
  await splitSeen(emu, 'rolled', since)
  await cw.send(
    new SetAlarmStateCommand({ AlarmName: 'rolled-errors', StateValue: 'ALARM', StateReason: 'Errors >= 1' })
  )
  const r = await running
  expect(r.outputs.status).toBe('rolled-back')
  expect(r.outputs['pruned-versions']).toBe('')
  expect(r.stdout).toContain('keep-versions: nothing deleted: the run ended rolled-back')
  const ops = emu.log.filter(e => e.seq > since).map(e => e.operation)
  expect(ops.filter(o => o === 'DeleteFunction' || o === 'ListVersionsByFunction')).toEqual([])
  expect(await versionsOf('rolled')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9'])
})
