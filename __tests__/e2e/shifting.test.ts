// Canary, linear, explicit steps and CodeDeploy names through dist/, sampled from the emulator's
// request log; wait: false, resume, refusal of a second version, manual rollback.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator, RequestLogEntry } from '../../emulator/index.js'
import { act, errors, getAlias, lastSeq, updateCode, readyToPromote, writes } from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient

useEmulator(f => ({ emu, lambda: client } = f))

/** `live` on v1, new code waiting in $LATEST. */
const ready = (fn: string): Promise<void> => readyToPromote(client, fn)

type AliasBody = {
  FunctionVersion?: string
  RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> }
  RevisionId?: string
}

function aliasCalls(since: number): RequestLogEntry[] {
  return emu.log.filter(
    e => e.seq > since && (e.operation === 'UpdateAlias' || e.operation === 'GetAlias') && e.status < 300
  )
}

/** The UpdateAlias requests' (primary, weights) in order, and a check that each carried the previous RevisionId. */
function shifts(since: number): { version: string; weights: Record<string, number>; time: number }[] {
  const calls = aliasCalls(since)
  let revision: string | undefined
  const out: { version: string; weights: Record<string, number>; time: number }[] = []
  for (const call of calls) {
    const req = call.request as AliasBody | undefined
    const res = call.response as AliasBody
    if (call.operation === 'UpdateAlias') {
      expect(req?.RevisionId).toBe(revision)
      out.push({
        version: req?.FunctionVersion as string,
        weights: req?.RoutingConfig?.AdditionalVersionWeights as Record<string, number>,
        time: call.time
      })
    }
    revision = res.RevisionId
  }
  return out
}

test('canary: one step at the canary weight, held, then the new version with routing cleared', async () => {
  await ready('canary-fn')
  const since = lastSeq(emu)
  const r = await act(emu, {
    'function-name': 'canary-fn',
    alias: 'live',
    strategy: 'canary',
    'canary-percent': '20',
    interval: '300ms'
  })
  expect(errors(r)).toEqual([])
  expect(r.outputs).toMatchObject({
    status: 'promoted',
    version: '2',
    'previous-version': '1',
    published: 'true'
  })
  const s = shifts(since)
  expect(s.map(x => [x.version, x.weights])).toEqual([
    ['1', { '2': 0.2 }],
    ['2', {}]
  ])
  expect((s[1]?.time ?? 0) - (s[0]?.time ?? 0)).toBeGreaterThanOrEqual(300)
  const alias = await getAlias(client, 'canary-fn', 'live')
  expect(alias.FunctionVersion).toBe('2')
  expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
  expect(r.stdout).toMatch(/\d\d:\d\d:\d\d +20% → v2 {2}no alarms watched {2}holding 300ms/)
  expect(r.stdout).toMatch(/100% → v2/)
  expect(r.summary).toMatch(/\| 20% \| 20% to v2 \| ok \|/)
  expect(r.summary).toMatch(/\| 100% \| promoted to v2 \| ok \|/)
})

test('linear: every step of linear-percent until 100%, in order, RevisionIds chained', async () => {
  await ready('linear-fn')
  const since = lastSeq(emu)
  const r = await act(emu, {
    'function-name': 'linear-fn',
    alias: 'live',
    strategy: 'linear',
    'linear-percent': '30',
    interval: '200ms'
  })
  expect(r.outputs.status).toBe('promoted')
  const s = shifts(since)
  expect(s.map(x => [x.version, x.weights])).toEqual([
    ['1', { '2': 0.3 }],
    ['1', { '2': 0.6 }],
    ['1', { '2': 0.9 }],
    ['2', {}]
  ])
  for (let i = 1; i < s.length; i++)
    expect((s[i]?.time ?? 0) - (s[i - 1]?.time ?? 0)).toBeGreaterThanOrEqual(200)
})

test('explicit steps and a CodeDeploy name parse into the same kind of plan', async () => {
  await ready('steps-fn')
  let since = lastSeq(emu)
  const steps = await act(emu, {
    'function-name': 'steps-fn',
    alias: 'live',
    steps: '5,25,50',
    interval: '100ms'
  })
  expect(steps.outputs.status).toBe('promoted')
  expect(shifts(since).map(x => x.weights)).toEqual([{ '2': 0.05 }, { '2': 0.25 }, { '2': 0.5 }, {}])

  await updateCode(client, 'steps-fn', 'three')
  since = lastSeq(emu)
  const named = await act(emu, {
    'function-name': 'steps-fn',
    alias: 'live',
    strategy: 'CodeDeployDefault.LambdaLinear50PercentEvery1Second'
  })
  expect(named.outputs).toMatchObject({ status: 'promoted', version: '3', 'previous-version': '2' })
  expect(shifts(since).map(x => [x.version, x.weights])).toEqual([
    ['2', { '3': 0.5 }],
    ['3', {}]
  ])
})

describe('wait: false, resume and the way out', () => {
  const fn = 'gated-fn'

  test('wait: false moves the first step, reports in-progress and exits 0', async () => {
    await ready(fn)
    const since = lastSeq(emu)
    const r = await act(emu, {
      'function-name': fn,
      alias: 'live',
      strategy: 'linear',
      'linear-percent': '25',
      interval: '100ms',
      wait: 'false'
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ status: 'in-progress', version: '2', 'previous-version': '1' })
    expect(shifts(since).map(x => x.weights)).toEqual([{ '2': 0.25 }])
    const alias = await getAlias(client, fn, 'live')
    expect(alias.RoutingConfig?.AdditionalVersionWeights).toEqual({ '2': 0.25 })
    // main finished as intended: the post step must leave the split alone.
    const post = await act(emu, { 'function-name': fn, alias: 'live' }, { entry: 'post', state: r.state })
    expect(post.exitCode).toBe(0)
    expect((await getAlias(client, fn, 'live')).RoutingConfig?.AdditionalVersionWeights).toEqual({
      '2': 0.25
    })
  })

  test('a run for a different version while the split is pending is refused, naming both and the way out', async () => {
    await updateCode(client, fn, 'three')
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live' })
    expect(r.exitCode).toBe(1)
    const [message] = errors(r)
    expect(message).toContain('v1 75% + v2 25%')
    expect(message).toContain('version: 2')
    expect(message).toContain('version: 1 and strategy: all-at-once')
    expect(writes(emu, since)).toEqual([])
    const byNumber = await act(emu, { 'function-name': fn, alias: 'live', version: '1', strategy: 'canary' })
    expect(byNumber.outputs.status).not.toBe('failed')
  })

  test('resuming the same plan continues from the current weight instead of starting over', async () => {
    // The previous test's version: 1 run cleared the split; set it up again at 25%.
    const setup = await act(emu, {
      'function-name': fn,
      alias: 'live',
      version: '2',
      strategy: 'linear',
      'linear-percent': '25',
      interval: '100ms',
      wait: 'false'
    })
    expect(setup.outputs.status).toBe('in-progress')
    const since = lastSeq(emu)
    const r = await act(emu, {
      'function-name': fn,
      alias: 'live',
      version: '2',
      strategy: 'linear',
      'linear-percent': '25',
      interval: '100ms'
    })
    expect(r.outputs).toMatchObject({ status: 'promoted', version: '2' })
    expect(shifts(since).map(x => x.weights)).toEqual([{ '2': 0.5 }, { '2': 0.75 }, {}])
    expect(r.stdout).toContain('resuming at 25%')
  })

  test('version: <previous> with all-at-once clears a pending split (manual rollback)', async () => {
    await act(emu, { 'function-name': fn, alias: 'live', version: '1' })
    const started = await act(emu, {
      'function-name': fn,
      alias: 'live',
      version: '2',
      strategy: 'canary',
      wait: 'false'
    })
    expect(started.outputs.status).toBe('in-progress')
    const since = lastSeq(emu)
    const r = await act(emu, { 'function-name': fn, alias: 'live', version: '1' })
    expect(r.outputs).toMatchObject({ status: 'promoted', version: '1' })
    expect(shifts(since).map(x => [x.version, x.weights])).toEqual([['1', {}]])
    const alias = await getAlias(client, fn, 'live')
    expect(alias.FunctionVersion).toBe('1')
    expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
  })

  test('finishing with version: and all-at-once promotes the pending version', async () => {
    const started = await act(emu, {
      'function-name': fn,
      alias: 'live',
      version: '2',
      strategy: 'canary',
      wait: 'false'
    })
    expect(started.outputs.status).toBe('in-progress')
    const since = lastSeq(emu)
    const r = await act(emu, {
      'function-name': fn,
      alias: 'live',
      version: started.outputs.version as string
    })
    expect(r.outputs).toMatchObject({ status: 'promoted', version: '2', 'previous-version': '1' })
    expect(shifts(since).map(x => [x.version, x.weights])).toEqual([['2', {}]])
  })
})
