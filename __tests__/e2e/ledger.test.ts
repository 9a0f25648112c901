// The hostile review's cases, each through dist/ with main then post run as the runner runs them: the
// alias ends promoted, exactly as it was, or as someone else left it, and the outputs say which.
import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import { CreateAliasCommand, UpdateAliasCommand, type LambdaClient } from '@aws-sdk/client-lambda'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../../emulator/index.js'
import { startServer } from '../../emulator/server.js'
import type { RequestLogEntry } from '../../emulator/types.js'
import { runAction, runMainThenPost } from '../../testkit/runner.js'
import { startFakeGitHub } from '../../testkit/fake-github.js'
import {
  cloudwatch,
  createAlias,
  createFunction,
  errors,
  getAlias,
  lastSeq,
  okAlarm,
  readyToPromote,
  splitAlias,
  splitSeen,
  updateEnv,
  writes
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
/** Called for every request the emulator logs: how a test acts at an exact point of the run. */
let onLog: (entry: RequestLogEntry) => void = () => undefined

useEmulator(
  f => ({ emu, lambda: client } = f),
  () => startServer({ port: 0 }, { onLog: entry => onLog(entry) })
)
afterEach(() => {
  onLog = () => undefined
  emu.faults.clear()
})

const env = (): Record<string, string> => ({ AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' })
const canary = (fn: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'function-name': fn,
  alias: 'live',
  strategy: 'canary',
  interval: '1h',
  timeout: '2h',
  ...extra
})
const split = (a: { RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> } }) =>
  a.RoutingConfig?.AdditionalVersionWeights ?? {}

test('1. a lost PublishVersion answer and a config change in between: nothing untested is promoted', async () => {
  await readyToPromote(client, 'lost-publish')
  emu.faults.add({ operation: 'PublishVersion', lostResponseRate: 1, times: 1 })
  onLog = entry => {
    if (entry.operation === 'PublishVersion' && entry.fault === 'lost-response')
      void updateEnv(client, 'lost-publish', { SOMEONE: 'else' })
  }
  const since = lastSeq(emu)
  const { main, post } = await runMainThenPost({
    inputs: { 'function-name': 'lost-publish', alias: 'live' },
    env: env()
  })
  expect(main.exitCode).toBe(1)
  expect(main.outputs.status).toBe('failed')
  expect(errors(main)[0]).toMatch(/\$LATEST changed while publishing.*nothing was promoted/)
  expect(writes(emu, since).filter(w => w.includes('Alias'))).toEqual([])
  expect((await getAlias(client, 'lost-publish', 'live')).FunctionVersion).toBe('1')
  expect(post.exitCode).toBe(0)
})

const linear = (fn: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'function-name': fn,
  alias: 'live',
  strategy: 'linear',
  'linear-percent': '20',
  interval: '1s',
  ...extra
})

test('2. post leaves a concurrent writer’s split alone after main refused to overwrite it', async () => {
  await readyToPromote(client, 'contested')
  const since = lastSeq(emu)
  const running = runMainThenPost({ inputs: linear('contested'), env: env() })
  await splitSeen(emu, 'contested', since)
  const theirs = await splitAlias(client, 'contested', '1', '2', 0.5)
  const { main, post } = await running
  expect(main.exitCode).toBe(1)
  expect(errors(main)[0]).toMatch(
    /changed by someone else during the rollout .*v1 50% \+ v2 50%.*Not overwriting/
  )
  expect(main.state.done).toBe('failed')
  expect(post.exitCode).toBe(0)
  expect((await getAlias(client, 'contested', 'live')).RevisionId).toBe(theirs.RevisionId)
})

test('3. a description-only change by someone else is never overwritten, by main or by post', async () => {
  await readyToPromote(client, 'described', { description: 'ours' })
  const since = lastSeq(emu)
  const running = runMainThenPost({ inputs: linear('described'), env: env() })
  await splitSeen(emu, 'described', since)
  const now = await getAlias(client, 'described', 'live')
  const theirs = await client.send(
    new UpdateAliasCommand({
      FunctionName: 'described',
      Name: 'live',
      FunctionVersion: now.FunctionVersion,
      RoutingConfig: now.RoutingConfig,
      Description: 'edited by the on-call'
    })
  )
  const { main, post } = await running
  expect(main.outputs.status).toBe('failed')
  expect(errors(main)[0]).toMatch(/changed by someone else/)
  expect(post.exitCode).toBe(0)
  const after = await getAlias(client, 'described', 'live')
  expect(after.RevisionId).toBe(theirs.RevisionId)
  expect(after.Description).toBe('edited by the on-call')
})

test('4. a cancel while a CloudWatch poll hangs aborts the call and restores within the grace', async () => {
  await readyToPromote(client, 'hung-poll')
  const cw = cloudwatch(emu)
  await okAlarm(cw, 'hung-poll-errors')
  const since = lastSeq(emu)
  onLog = entry => {
    // Once traffic is split, every further alarm poll hangs for a minute.
    if (entry.seq > since && entry.operation === 'UpdateAlias' && entry.status === 200)
      emu.faults.add({ operation: 'DescribeAlarms', latencyMs: 60_000 })
  }
  const { main, post } = await runMainThenPost({
    inputs: canary('hung-poll', { alarms: 'hung-poll-errors' }),
    env: env(),
    // The poll right after the first step hangs, so the step's log line never comes: cancel mid-poll.
    signal: { name: 'SIGINT', whenStdout: /::group::Shifting traffic/, afterMs: 1500, escalate: true }
  })
  cw.destroy()
  // main itself finished the rollback: no SIGTERM or SIGKILL was needed.
  expect(main.signal).toBeNull()
  expect(main.exitCode).toBe(1)
  expect(main.outputs.status).toBe('rolled-back')
  expect(main.state.done).toBe('rolled-back')
  expect(post.exitCode).toBe(0)
  const after = await getAlias(client, 'hung-poll', 'live')
  expect([after.FunctionVersion, split(after)]).toEqual(['1', {}])
}, 60_000)

test('5. post honours rollback: false after a kill and says where the alias stands', async () => {
  await readyToPromote(client, 'no-rollback')
  const since = lastSeq(emu)
  const { main, post } = await runMainThenPost({
    inputs: canary('no-rollback', { rollback: 'false' }),
    env: env(),
    signal: { name: 'SIGKILL', whenStdout: /10% → v2/, afterMs: 100 }
  })
  expect(main.signal).toBe('SIGKILL')
  const beforePost = lastSeq(emu)
  expect(post.exitCode).toBe(0)
  expect(post.commands.map(c => c.message)).toContainEqual(
    expect.stringMatching(/rollback: false, so alias live is left as it is: v1 90% \+ v2 10%/)
  )
  expect(writes(emu, beforePost)).toEqual([])
  expect(split(await getAlias(client, 'no-rollback', 'live'))).toEqual({ '2': 0.1 })
  expect(writes(emu, since)).toContain('UpdateAlias')
})

test('6. a job summary that cannot be written does not turn a promotion into a rollback', async () => {
  await readyToPromote(client, 'summary-fails')
  // A directory where the summary file should be: writing it fails. Removed afterwards.
  const directory = mkdtempSync(join(tmpdir(), 'summary-'))
  const { main, post } = await runMainThenPost({
    inputs: { 'function-name': 'summary-fails', alias: 'live' },
    env: { ...env(), GITHUB_STEP_SUMMARY: directory }
  }).finally(() => rmSync(directory, { recursive: true, force: true }))
  expect(main.exitCode).toBe(0)
  expect(main.outputs.status).toBe('promoted')
  expect(
    main.commands.some(
      c => c.command === 'warning' && /could not write the job summary.*promoted.*stands/.test(c.message)
    )
  ).toBe(true)
  expect(main.state.done).toBe('promoted')
  const beforePost = lastSeq(emu)
  expect(post.exitCode).toBe(0)
  expect(writes(emu, beforePost)).toEqual([])
  expect((await getAlias(client, 'summary-fails', 'live')).FunctionVersion).toBe('2')
})

test('7. an alias on $LATEST: the code is published and the alias moved to it all at once', async () => {
  for (const strategy of ['all-at-once', 'canary']) {
    const fn = `on-latest-${strategy}`
    await createFunction(client, fn, 'one')
    await createAlias(client, fn, 'live', '$LATEST', 'prod')
    const since = lastSeq(emu)
    const r = await runAction({ inputs: { 'function-name': fn, alias: 'live', strategy }, env: env() })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({
      status: 'promoted',
      published: 'true',
      version: '1',
      'previous-version': '$LATEST'
    })
    expect(writes(emu, since)).toEqual(['PublishVersion', 'UpdateAlias'])
    const after = await getAlias(client, fn, 'live')
    expect([after.FunctionVersion, split(after), after.Description]).toEqual(['1', {}, 'prod'])
  }
})

test('8. timeouts are honoured as validated: beyond setTimeout’s range, and bake time with wait: false', async () => {
  await readyToPromote(client, 'long-timeout')
  const r = await runAction({
    inputs: { 'function-name': 'long-timeout', alias: 'live', timeout: '700h' },
    env: env()
  })
  expect(r.outputs.status).toBe('promoted')
  const since = lastSeq(emu)
  const refused = await runAction({
    inputs: {
      'function-name': 'long-timeout',
      alias: 'live',
      wait: 'false',
      'bake-time': '10s',
      timeout: '3s'
    },
    env: env()
  })
  expect(refused.exitCode).toBe(1)
  expect(errors(refused)).toEqual([
    expect.stringMatching(/^timeout "3s": shorter than the rollout's schedule of 10s/)
  ])
  expect(writes(emu, since)).toEqual([])
})

test('9a. a foreign write before this run’s first write is reported as such', async () => {
  await readyToPromote(client, 'early-writer', { description: 'prod' })
  const since = lastSeq(emu)
  // Their write goes out once main has read the alias, and main's publish is held for a second, so
  // theirs lands between main's read and main's first write (fired on the publish answer instead, it
  // raced main's first write, and when main won, the test waited out the 1h hold).
  emu.faults.add({ operation: 'PublishVersion', latencyMs: 1000, times: 1 })
  let fired = false
  onLog = entry => {
    if (fired || entry.seq <= since || entry.operation !== 'GetAlias') return
    fired = true
    void client.send(
      new UpdateAliasCommand({
        FunctionName: 'early-writer',
        Name: 'live',
        FunctionVersion: '1',
        Description: 'theirs'
      })
    )
  }
  const { main, post } = await runMainThenPost({ inputs: canary('early-writer'), env: env() })
  expect(main.outputs.status).toBe('failed')
  expect(errors(main)[0]).toMatch(/changed by someone else before this run's first write/)
  expect(errors(main)[0]).not.toMatch(/this run last set|rollback incomplete/)
  expect(post.exitCode).toBe(0)
  expect((await getAlias(client, 'early-writer', 'live')).Description).toBe('theirs')
  // Theirs landed before main's first write: that write was refused, and nothing of main's landed.
  const aliasWrites = emu.log.filter(e => e.seq > since && e.operation === 'UpdateAlias')
  expect(aliasWrites.map(e => e.status)).toEqual([200, 412])
})

test('9b. post says an unreadable ledger is unreadable, and falls back to AWS_REGION for an empty region', async () => {
  const garbled = await runAction({
    entry: 'post',
    inputs: { 'function-name': 'x', alias: 'live' },
    state: { run: '{not json' },
    env: env()
  })
  expect(garbled.exitCode).toBe(1)
  expect(errors(garbled)[0]).toMatch(/the run ledger main saved cannot be read/)

  await readyToPromote(client, 'no-region')
  const { main } = await runMainThenPost({
    inputs: canary('no-region'),
    env: env(),
    signal: { name: 'SIGKILL', whenStdout: /10% → v2/, afterMs: 100 }
  })
  const head = { ...JSON.parse(main.state.run as string), region: '' }
  const post = await runAction({
    entry: 'post',
    inputs: canary('no-region'),
    state: { ...main.state, run: JSON.stringify(head) },
    env: env()
  })
  expect(post.exitCode).toBe(0)
  expect(post.stdout).toMatch(/no-region: alias live is back on v1 \(verified\)/)
})

test('10. a re-run that gets an existing version back reports published=false', async () => {
  await readyToPromote(client, 'rerun')
  const cw = cloudwatch(emu)
  await okAlarm(cw, 'rerun-errors')
  const since = lastSeq(emu)
  const first = runAction({ inputs: canary('rerun', { alarms: 'rerun-errors', interval: '2s' }), env: env() })
  await splitSeen(emu, 'rerun', since)
  await cw.send(
    new SetAlarmStateCommand({ AlarmName: 'rerun-errors', StateValue: 'ALARM', StateReason: 'boom' })
  )
  expect((await first).outputs).toMatchObject({ status: 'rolled-back', published: 'true', version: '2' })
  await cw.send(new SetAlarmStateCommand({ AlarmName: 'rerun-errors', StateValue: 'OK', StateReason: 'ok' }))
  cw.destroy()
  const again = await runAction({
    inputs: { 'function-name': 'rerun', alias: 'live', alarms: 'rerun-errors' },
    env: { ...env(), GITHUB_RUN_ATTEMPT: '2' }
  })
  expect(again.outputs).toMatchObject({ status: 'promoted', published: 'false', version: '2' })
  expect(again.stdout).toMatch(/rerun: v2 exists/)
})

test('11. post marks the GitHub deployment failed when main was killed', async () => {
  const github = await startFakeGitHub()
  try {
    await readyToPromote(client, 'deployed')
    const { main, post } = await runMainThenPost({
      inputs: canary('deployed', { environment: 'production' }),
      env: { ...env(), GITHUB_API_URL: github.url },
      signal: { name: 'SIGKILL', whenStdout: /10% → v2/, afterMs: 200 }
    })
    expect(main.signal).toBe('SIGKILL')
    expect(post.exitCode).toBe(0)
    const states = github.requests.filter(r => r.path.endsWith('/statuses')).map(r => r.body.state)
    expect(states).toEqual(['in_progress', 'failure'])
  } finally {
    await github.close()
  }
})

test('12. a 409 on CreateAlias never deletes someone else’s alias', async () => {
  await createFunction(client, 'raced', 'one')
  const since = lastSeq(emu)
  let theirs: string | undefined
  // As in 9a: theirs goes out once main has found no alias, while main's publish is held back.
  emu.faults.add({ operation: 'PublishVersion', latencyMs: 1000, times: 1 })
  onLog = entry => {
    if (entry.seq > since && entry.operation === 'GetAlias' && theirs === undefined) {
      theirs = 'pending'
      void client
        .send(
          new CreateAliasCommand({
            FunctionName: 'raced',
            Name: 'live',
            FunctionVersion: '$LATEST',
            Description: 'theirs'
          })
        )
        .then(out => (theirs = out.RevisionId))
    }
  }
  const { main, post } = await runMainThenPost({
    inputs: { 'function-name': 'raced', alias: 'live' },
    env: env()
  })
  expect(main.outputs.status).toBe('failed')
  expect(errors(main)[0]).toMatch(/changed by someone else/)
  expect(post.exitCode).toBe(0)
  expect(writes(emu, since)).not.toContain('DeleteAlias')
  expect((await getAlias(client, 'raced', 'live')).RevisionId).toBe(theirs)
  // Theirs was created first; main's CreateAlias was the one refused with 409.
  const creates = emu.log.filter(e => e.seq > since && e.operation === 'CreateAlias')
  expect(creates.map(e => e.status)).toEqual([201, 409])
})
