// Many functions move in lockstep (step k for all before step k+1); if one fails, all roll back.
import { SetAlarmStateCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'
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
  okAlarm,
  updateCode
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
let cw: CloudWatchClient

useEmulator(f => ({ emu, lambda: client, cloudwatch: cw } = f))

/** `count` functions, each with `live` on v1 and new code in $LATEST, and an OK alarm of its own. */
async function fleet(prefix: string, count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(2, '0')}`)
  await Promise.all(
    names.map(async name => {
      await createFunction(client, name, 'one')
      await publish(client, name)
      await createAlias(client, name, 'live', '1')
      await updateCode(client, name, 'two')
      await okAlarm(cw, `${name}-errors`, 'fine')
    })
  )
  return names
}

type Weights = { RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> } }

test('20 functions canary in lockstep; one alarm flips mid-way; all 20 are restored', async () => {
  const names = await fleet('fleet', 20)
  const since = lastSeq(emu)
  const running = act(emu, {
    'function-name': names.join('\n'),
    alias: 'live',
    strategy: 'linear',
    'linear-percent': '30',
    interval: '1s',
    alarms: names.map(n => `${n}-errors`).join(',')
  })
  // Wait until every function carries the first step, then one function's alarm fires.
  for (let i = 0; i < 400; i++) {
    const split = emu.log.filter(e => e.seq > since && e.operation === 'UpdateAlias' && e.status === 200)
    if (new Set(split.map(e => e.functionName)).size === 20) break
    await new Promise(r => setTimeout(r, 25))
  }
  await cw.send(
    new SetAlarmStateCommand({
      AlarmName: 'fleet-07-errors',
      StateValue: 'ALARM',
      StateReason: 'errors on v2'
    })
  )
  const r = await running
  expect(r.exitCode).toBe(1)
  expect(r.outputs.status).toBe('rolled-back')
  expect(errors(r)[0]).toMatch(
    /alarm fleet-07-errors went into ALARM.*all 20 aliases are back as they were \(verified\)/
  )
  for (const name of names) {
    const alias = await getAlias(client, name, 'live')
    expect([name, alias.FunctionVersion, alias.RoutingConfig?.AdditionalVersionWeights ?? {}]).toEqual([
      name,
      '1',
      {}
    ])
  }
  const result = JSON.parse(r.outputs.result as string) as { function: string; status: string }[]
  expect(result).toHaveLength(20)
  expect(new Set(result.map(e => e.status))).toEqual(new Set(['rolled-back']))
  expect(r.summary.match(/\| fleet-\d\d \|/g)).toHaveLength(20)
})

test('steps are taken in lockstep: every function at step k before any at step k+1', async () => {
  const names = await fleet('lock', 12)
  const since = lastSeq(emu)
  const r = await act(emu, {
    'function-name': names.join(','),
    alias: 'live',
    strategy: 'linear',
    'linear-percent': '40',
    interval: '300ms',
    concurrency: '4'
  })
  expect(errors(r)).toEqual([])
  expect(r.outputs.status).toBe('promoted')
  const updates = emu.log.filter(e => e.seq > since && e.operation === 'UpdateAlias' && e.status === 200)
  const stepOf = (e: (typeof updates)[number]): number => {
    const w = Object.values((e.request as Weights).RoutingConfig?.AdditionalVersionWeights ?? {})[0]
    return w === undefined ? 1 : w
  }
  const steps = updates.map(stepOf)
  expect(steps).toEqual([...Array(12).fill(0.4), ...Array(12).fill(0.8), ...Array(12).fill(1)])
  // Each step starts only after the previous one has finished for every function.
  for (const [a, b] of [
    [0.4, 0.8],
    [0.8, 1]
  ] as const) {
    const lastOfA = Math.max(...updates.filter(e => stepOf(e) === a).map(e => e.endTime))
    const firstOfB = Math.min(...updates.filter(e => stepOf(e) === b).map(e => e.time))
    expect(firstOfB).toBeGreaterThanOrEqual(lastOfA)
  }
  const result = JSON.parse(r.outputs.result as string) as { function: string; status: string; to: string }[]
  expect(result.map(e => [e.function, e.status, e.to])).toEqual(names.map(n => [n, 'promoted', '2']))
})

test('a function that is unchanged rides along; a bad name among many fails before any write', async () => {
  const names = await fleet('mixed', 3)
  await act(emu, { 'function-name': 'mixed-00', alias: 'live' }) // mixed-00 now on v2: unchanged below
  const r = await act(emu, { 'function-name': names.join(','), alias: 'live' })
  expect(r.outputs.status).toBe('promoted')
  const result = JSON.parse(r.outputs.result as string) as { function: string; status: string }[]
  expect(result.map(e => e.status)).toEqual(['unchanged', 'promoted', 'promoted'])

  await updateCode(client, 'mixed-01', 'three')
  const since = lastSeq(emu)
  const bad = await act(emu, { 'function-name': `mixed-01,ghost-fn,mixed-02`, alias: 'live' })
  expect(errors(bad)).toEqual(['function-name "ghost-fn": no such function in us-east-1'])
  expect(emu.log.filter(e => e.seq > since && e.write)).toEqual([])
})
