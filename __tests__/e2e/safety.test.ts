// Alarms, smoke test, exact rollback, cancellation and the post step, a second writer — all
// through dist/ and the runner-faithful harness against the emulator.
import { SetAlarmStateCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { UpdateAliasCommand, type LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { runMainThenPost } from '../../testkit/runner.js'
import {
  act,
  errors,
  getAlias,
  lastSeq,
  publish,
  okAlarm,
  putAlarm,
  readyToPromote,
  splitSeen as splitSeenIn,
  updateCode,
  writes
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
let cw: CloudWatchClient

useEmulator(f => ({ emu, lambda: client, cloudwatch: cw } = f))

/** `live` on v1 with a description, new code in $LATEST. */
const ready = (fn: string, env?: Record<string, string>): Promise<void> =>
  readyToPromote(client, fn, { description: 'production traffic', ...(env ? { env } : {}) })
const splitSeen = (fn: string, since: number): Promise<number> => splitSeenIn(emu, fn, since)

async function expectRestored(fn: string): Promise<void> {
  const alias = await getAlias(client, fn, 'live')
  expect(alias.FunctionVersion).toBe('1')
  expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
  expect(alias.Description).toBe('production traffic')
}

const canary = (fn: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'function-name': fn,
  alias: 'live',
  strategy: 'canary',
  'canary-percent': '10',
  interval: '20s',
  ...extra
})

test('an alarm flipping to ALARM mid-canary rolls the alias back to exactly its start, verified', async () => {
  await ready('alarm-fn')
  await okAlarm(cw, 'alarm-fn-errors', 'fine')
  const since = lastSeq(emu)
  const running = act(emu, canary('alarm-fn', { alarms: 'alarm-fn-errors' }))
  await splitSeen('alarm-fn', since)
  await cw.send(
    new SetAlarmStateCommand({
      AlarmName: 'alarm-fn-errors',
      StateValue: 'ALARM',
      StateReason: 'Errors >= 1'
    })
  )
  const r = await running
  expect(r.exitCode).toBe(1)
  expect(r.outputs.status).toBe('rolled-back')
  expect(errors(r)[0]).toMatch(/alarm alarm-fn-errors went into ALARM.*rolled back.*verified/)
  // The restore wrote the starting state (description included), guarded by the RevisionId of the
  // canary step's answer; Lambda's answer to that write confirms it, with no further read.
  const after = emu.log.filter(
    e => e.seq > since && e.functionName === 'alarm-fn' && e.operation.endsWith('Alias')
  )
  expect(after.slice(-2).map(e => e.operation)).toEqual(['UpdateAlias', 'UpdateAlias'])
  const [step, restore] = after.slice(-2)
  expect(restore?.response).toMatchObject({ FunctionVersion: '1', Description: 'production traffic' })
  expect(restore?.request).toMatchObject({
    FunctionVersion: '1',
    RoutingConfig: { AdditionalVersionWeights: {} },
    Description: 'production traffic',
    RevisionId: (step?.response as { RevisionId: string }).RevisionId
  })
  await expectRestored('alarm-fn')
  expect(r.summary).toContain('restored, verified')
})

test('an alarm already in ALARM refuses the deploy with nothing written', async () => {
  await ready('alarmed-fn')
  await putAlarm(cw, 'alarmed-fn-errors')
  await cw.send(
    new SetAlarmStateCommand({
      AlarmName: 'alarmed-fn-errors',
      StateValue: 'ALARM',
      StateReason: 'already bad'
    })
  )
  const since = lastSeq(emu)
  const r = await act(emu, canary('alarmed-fn', { alarms: 'alarmed-fn-errors' }))
  expect(r.exitCode).toBe(1)
  expect(errors(r)).toEqual([
    'refused: alarm alarmed-fn-errors is in ALARM before any traffic moved; nothing was changed'
  ])
  expect(writes(emu, since)).toEqual([])
})

test('a failing smoke test aborts before any alias write and shows the function error', async () => {
  await ready('smoke-fn', { EMULATOR_FAIL: 'true', EMULATOR_ERROR_MESSAGE: 'db unreachable' })
  const since = lastSeq(emu)
  const r = await act(emu, canary('smoke-fn', { 'smoke-test-payload': '{"ping":true}' }))
  expect(r.exitCode).toBe(1)
  expect(r.outputs.status).toBe('failed')
  expect(errors(r)[0]).toMatch(
    /smoke test of smoke-fn v2 failed: function error \(Unhandled\): .*db unreachable/
  )
  expect(writes(emu, since)).toEqual(['PublishVersion'])
  expect(emu.log.filter(e => e.seq > since && e.operation === 'Invoke').map(e => e.status)).toEqual([200])
  await expectRestored('smoke-fn')
  expect(r.summary).toContain('db unreachable')
})

test('a passing smoke test invokes the new version by number, then shifts', async () => {
  await ready('smoke-ok-fn')
  const r = await act(emu, {
    'function-name': 'smoke-ok-fn',
    alias: 'live',
    'smoke-test-payload': '{"ping":true}'
  })
  expect(r.outputs.status).toBe('promoted')
  expect(r.stdout).toMatch(/smoke test passed: v2 answered 200/)
})

test('SIGINT mid-hold: rolled back within 2 s, outputs written, exit non-zero; post then does nothing', async () => {
  await ready('sigint-fn')
  const since = lastSeq(emu)
  const { main, post } = await runMainThenPost({
    inputs: canary('sigint-fn'),
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' },
    signal: { name: 'SIGINT', whenStdout: /10% → v2/, afterMs: 200 }
  })
  expect(main.exitCode).not.toBe(0)
  expect(main.outputs.status).toBe('rolled-back')
  const restore = emu.log
    .filter(
      e =>
        e.seq > since &&
        e.operation === 'UpdateAlias' &&
        (e.request as { FunctionVersion?: string }).FunctionVersion === '1' &&
        e.status === 200
    )
    .at(-1)
  expect(restore).toBeDefined()
  expect((restore?.endTime ?? 0) - (main.signalSentAt ?? 0)).toBeLessThan(2000)
  await expectRestored('sigint-fn')
  const beforePost = lastSeq(emu)
  expect(post.exitCode).toBe(0)
  expect(writes(emu, beforePost)).toEqual([])
})

test('SIGKILL mid-hold: the post step restores the alias from the saved state', async () => {
  await ready('sigkill-fn')
  const { main, post } = await runMainThenPost({
    inputs: canary('sigkill-fn'),
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' },
    signal: { name: 'SIGKILL', whenStdout: /10% → v2/, afterMs: 100 }
  })
  expect(main.signal).toBe('SIGKILL')
  expect(JSON.parse(main.state.run as string)).toMatchObject({ alias: 'live', rollback: true, count: 1 })
  // The ledger names the function, the target, and the RevisionId of main's last confirmed write.
  expect(JSON.parse(main.state.f0 as string)).toMatchObject({ id: 'sigkill-fn', to: '2', intents: [] })
  expect(main.state.done).toBeUndefined()
  // main died with the alias split (post ran only after that).
  const last = emu.log.filter(e => e.functionName === 'sigkill-fn' && e.operation === 'UpdateAlias')
  expect(last.map(e => (e.request as { RoutingConfig?: object }).RoutingConfig)).toEqual([
    { AdditionalVersionWeights: { '2': 0.1 } },
    { AdditionalVersionWeights: {} }
  ])
  expect(post.exitCode).toBe(0)
  expect(post.stdout).toMatch(/sigkill-fn: alias live is back on v1 \(verified\)/)
  await expectRestored('sigkill-fn')
})

test('post after a clean success changes nothing', async () => {
  await ready('clean-fn')
  const { main, post } = await runMainThenPost({
    inputs: { 'function-name': 'clean-fn', alias: 'live', strategy: 'canary', interval: '100ms' },
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' }
  })
  expect(main.outputs.status).toBe('promoted')
  expect(main.state.done).toBe('promoted')
  const since = lastSeq(emu)
  expect(post.exitCode).toBe(0)
  expect(post.stdout).toContain('main finished (promoted); nothing to undo')
  expect(emu.log.filter(e => e.seq > since)).toEqual([])
  expect((await getAlias(client, 'clean-fn', 'live')).FunctionVersion).toBe('2')
})

test('a second writer mid-rollout: no overwrite, a failure naming both states', async () => {
  await ready('contested-fn')
  await publish(client, 'contested-fn') // v2
  await updateCode(client, 'contested-fn', 'three')
  const since = lastSeq(emu)
  const running = act(emu, {
    'function-name': 'contested-fn',
    alias: 'live',
    strategy: 'linear',
    'linear-percent': '20',
    interval: '1s'
  })
  await splitSeen('contested-fn', since)
  // Someone else points the alias at v2 by hand.
  await client.send(
    new UpdateAliasCommand({
      FunctionName: 'contested-fn',
      Name: 'live',
      FunctionVersion: '2',
      RoutingConfig: { AdditionalVersionWeights: {} }
    })
  )
  const r = await running
  expect(r.exitCode).toBe(1)
  expect(r.outputs.status).toBe('failed')
  const [message] = errors(r)
  expect(message).toMatch(/changed by someone else/)
  expect(message).toContain('v2')
  expect(message).toMatch(/not overwriting/i)
  const alias = await getAlias(client, 'contested-fn', 'live')
  expect(alias.FunctionVersion).toBe('2')
  expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
})

test('rollback: false leaves the alias where it stands and says how to undo it', async () => {
  await ready('norollback-fn')
  await okAlarm(cw, 'norollback-errors', 'fine')
  const since = lastSeq(emu)
  const running = act(emu, canary('norollback-fn', { alarms: 'norollback-errors', rollback: 'false' }))
  await splitSeen('norollback-fn', since)
  await cw.send(
    new SetAlarmStateCommand({ AlarmName: 'norollback-errors', StateValue: 'ALARM', StateReason: 'bad' })
  )
  const r = await running
  expect(r.exitCode).toBe(1)
  expect(r.outputs.status).toBe('failed')
  expect(errors(r)[0]).toMatch(
    /left at 10% to v2 \(rollback: false\); to undo: aws lambda update-alias --function-name 'norollback-fn' --name 'live' --function-version '1'/
  )
  expect((await getAlias(client, 'norollback-fn', 'live')).RoutingConfig?.AdditionalVersionWeights).toEqual({
    '2': 0.1
  })
})

test('the timeout reached mid-hold rolls back and fails', async () => {
  await ready('timeout-fn')
  // The new version stays Pending for 4 s, so the 8 s hold runs past the 10 s timeout (which the plan
  // alone fits, so the input check lets it through). The first alias write comes at 4 s plus start-up:
  // a runner three times slower than usual still splits well before the deadline, then times out mid-hold.
  emu.settings.publishDelayMs = 4000
  try {
    const r = await act(emu, {
      'function-name': 'timeout-fn',
      alias: 'live',
      strategy: 'canary',
      interval: '8s',
      timeout: '10s'
    })
    expect(r.exitCode).toBe(1)
    expect(r.outputs.status).toBe('rolled-back')
    expect(errors(r)[0]).toMatch(/^timeout 10s reached; rolled back/)
    await expectRestored('timeout-fn')
  } finally {
    emu.settings.publishDelayMs = 0
  }
})

test('an alarm that fires while the new version is still Pending refuses the deploy before any alias write', async () => {
  await ready('pending-alarm-fn')
  await okAlarm(cw, 'pending-alarm-errors', 'fine')
  emu.settings.publishDelayMs = 1500
  try {
    const since = lastSeq(emu)
    const running = act(emu, {
      'function-name': 'pending-alarm-fn',
      alias: 'live',
      alarms: 'pending-alarm-errors'
    })
    for (let i = 0; i < 200 && !emu.log.some(e => e.seq > since && e.operation === 'PublishVersion'); i++) {
      await new Promise(r => setTimeout(r, 25))
    }
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: 'pending-alarm-errors', StateValue: 'ALARM', StateReason: 'bad' })
    )
    const r = await running
    expect(r.exitCode).toBe(1)
    expect(errors(r)).toEqual([
      'refused: alarm pending-alarm-errors is in ALARM before any traffic moved; no alias was changed'
    ])
    // The test's own SetAlarmState aside, the only write is the publish: no alias write.
    expect(writes(emu, since).filter(op => op !== 'SetAlarmState')).toEqual(['PublishVersion'])
    await expectRestored('pending-alarm-fn')
  } finally {
    emu.settings.publishDelayMs = 0
  }
})
