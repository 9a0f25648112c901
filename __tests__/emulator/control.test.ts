// The HTTP control API under /_emulator/: one round trip per capability, checked through its effect on
// the emulator (seen by the real SDK) or on the in-process handles; bad bodies are 400s; control calls
// are never in the request log.
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand
} from '@aws-sdk/client-lambda'
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { CONTROL_PREFIX } from '../../emulator/index.js'
import { createFunction, failure, fakeClock, harness, lambdaClient, zip, type Harness } from './helpers.js'

const clock = fakeClock()
let h: Harness

beforeAll(async () => {
  h = await harness({ now: clock.now, updateDelayMs: 0, publishDelayMs: 0 })
  await createFunction(h.lambda, 'ctl')
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'ctl' }))
  await h.lambda.send(new CreateAliasCommand({ FunctionName: 'ctl', Name: 'live', FunctionVersion: '1' }))
})
afterEach(() => {
  h.emu.faults.clear()
  h.emu.traffic.stopAll()
})
afterAll(async () => h.close())

interface Reply {
  status: number
  headers: Headers
  body: Record<string, unknown>
}

async function control(method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${h.emu.url}${CONTROL_PREFIX}${path}`, {
    method,
    ...(body !== undefined && {
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body)
    })
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {}
  }
}

const getAlias = (client = h.lambda) =>
  client.send(new GetAliasCommand({ FunctionName: 'ctl', Name: 'live' }))

test('the prefix is its own: CloudWatch headers do not divert it, Lambda paths never reach it', async () => {
  h.emu.clearLog()
  const res = await fetch(`${h.emu.url}${CONTROL_PREFIX}/settings`, {
    headers: { 'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms' }
  })
  expect([res.status, ((await res.json()) as { metricsResolutionMs?: number }).metricsResolutionMs]).toEqual([
    200, 60000
  ])
  const lambda = await fetch(`${h.emu.url}/2015-03-31/functions/_emulator`)
  expect([lambda.status, lambda.headers.get('x-amzn-errortype')]).toEqual([404, 'ResourceNotFoundException'])
  expect(h.emu.log.map(e => e.operation)).toEqual(['GetFunction'])
})

describe('settings', () => {
  test('GET reads them, PATCH changes the named ones and they take effect', async () => {
    const initial = await control('GET', '/settings')
    expect(initial).toMatchObject({
      status: 200,
      body: { updateDelayMs: 0, publishDelayMs: 0, metricsDelayMs: 0, metricsResolutionMs: 60000 }
    })
    const patched = await control('PATCH', '/settings', { publishDelayMs: 1000, metricsResolutionMs: 1000 })
    expect(patched.body).toEqual({
      updateDelayMs: 0,
      publishDelayMs: 1000,
      metricsDelayMs: 0,
      metricsResolutionMs: 1000,
      evaluateAlarms: false,
      codedeployMinuteMs: 60000,
      pcDelayMs: 0,
      snapStartDelayMs: 0,
      codeStorageLimitBytes: 75 * 1024 ** 3
    })
    expect(h.emu.settings.publishDelayMs).toBe(1000)
    await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'ctl', ZipFile: zip('ctl v2') }))
    const v2 = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'ctl' }))
    expect(v2.State).toBe('Pending')
    clock.advance(1000)
    await control('PATCH', '/settings', { publishDelayMs: 0, metricsResolutionMs: 60000 })
    expect(h.emu.settings).toMatchObject({ publishDelayMs: 0, metricsResolutionMs: 60000 })
  })

  test('bad bodies are 400s that name the problem, and change nothing', async () => {
    const cases: [unknown, RegExp][] = [
      ['{not json', /not valid JSON/],
      [[1, 2], /must be a JSON object/],
      [{ publishDelay: 5 }, /unknown field "publishDelay"/],
      [{ updateDelayMs: -1 }, /"updateDelayMs" must be a number >= 0/],
      [{ updateDelayMs: '5' }, /"updateDelayMs" must be a number/],
      [{ metricsResolutionMs: 0 }, /"metricsResolutionMs" must be a whole number >= 1/],
      [{ publishDelayMs: 5, metricsResolutionMs: 1.5 }, /metricsResolutionMs/]
    ]
    for (const [body, message] of cases) {
      const r = await control('PATCH', '/settings', body)
      expect([r.status, r.body.error]).toEqual([400, expect.stringMatching(message)])
    }
    expect(h.emu.settings.publishDelayMs).toBe(0)
  })
})

describe('faults', () => {
  test('POST adds a rule the SDK then meets; DELETE clears it', async () => {
    const added = await control('POST', '/faults', { operation: 'GetAlias', throttleRate: 1 })
    expect(added).toMatchObject({ status: 201, body: { added: { operation: 'GetAlias', throttleRate: 1 } } })
    const single = lambdaClient(h.emu, 1)
    try {
      const e = await failure(getAlias(single))
      expect([e.name, e.status]).toEqual(['TooManyRequestsException', 429])
      expect((await control('DELETE', '/faults')).status).toBe(200)
      expect((await getAlias(single)).Name).toBe('live')
    } finally {
      single.destroy()
    }
  })

  test('`times`, latency and rates are checked', async () => {
    expect((await control('POST', '/faults', { errorRate: 1.5 })).status).toBe(400)
    expect((await control('POST', '/faults', { operation: 'GetAlias' })).body.error).toMatch(
      /at least one of/
    )
    expect((await control('POST', '/faults', { times: 0 })).status).toBe(400)
    expect((await control('POST', '/faults', { operation: [] })).status).toBe(400)
    expect((await control('POST', '/faults', { latency: 5 })).body.error).toMatch(/unknown field "latency"/)
    await control('POST', '/faults', { operation: ['GetAlias'], errorRate: 1, times: 1 })
    await getAlias() // the SDK retries the one 500
    expect(
      h.emu.log
        .filter(e => e.operation === 'GetAlias')
        .slice(-2)
        .map(e => e.status)
    ).toEqual([500, 200])
  })

  test('PUT rate-limit sets and removes the limit', async () => {
    const set = await control('PUT', '/faults/rate-limit', { perSecond: 1, scope: 'all' })
    expect(set.body).toEqual({ perSecond: 1, scope: 'all' })
    const single = lambdaClient(h.emu, 1)
    try {
      await getAlias(single) // the clock is frozen: both calls fall in the same one-second window
      const e = await failure(getAlias(single))
      expect([e.name, h.emu.log.at(-1)?.fault]).toEqual(['TooManyRequestsException', 'rate-limit'])
      expect((await control('PUT', '/faults/rate-limit', { perSecond: null })).body).toEqual({
        perSecond: null
      })
      expect((await getAlias(single)).Name).toBe('live')
    } finally {
      single.destroy()
    }
    expect((await control('PUT', '/faults/rate-limit', {})).status).toBe(400)
    expect((await control('PUT', '/faults/rate-limit', { perSecond: 0 })).status).toBe(400)
    expect((await control('PUT', '/faults/rate-limit', { perSecond: 5, scope: 'some' })).status).toBe(400)
  })
})

test('alarms: PUT state flips what DescribeAlarms reports; a missing alarm is a 404', async () => {
  await h.cw.send(
    new PutMetricAlarmCommand({
      AlarmName: 'ctl errors',
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold'
    })
  )
  const r = await control('PUT', `/alarms/${encodeURIComponent('ctl errors')}/state`, {
    state: 'ALARM',
    reason: 'rehearsal'
  })
  expect(r).toMatchObject({ status: 200, body: { alarmName: 'ctl errors', state: 'ALARM' } })
  const out = await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['ctl errors'] }))
  expect(out.MetricAlarms?.[0]).toMatchObject({ StateValue: 'ALARM', StateReason: 'rehearsal' })
  expect((await control('PUT', '/alarms/nope/state', { state: 'OK' })).status).toBe(404)
  expect((await control('PUT', '/alarms/ctl%20errors/state', { state: 'RED' })).status).toBe(400)
})

test('traffic: POST starts it, GET lists and reads it, DELETE stops one or all', async () => {
  const started = await control('POST', '/traffic', { functionName: 'ctl', alias: 'live', rps: 10 })
  expect(started).toMatchObject({
    status: 201,
    body: { functionName: 'ctl', alias: 'live', rps: 10, running: true }
  })
  const id = started.body.id as string
  await control('POST', '/traffic', { functionName: 'ctl', alias: 'live', rps: 4 })
  expect(((await control('GET', '/traffic')).body.traffic as unknown[]).length).toBe(2)
  clock.advance(1500)
  const stopped = await control('DELETE', `/traffic/${id}`)
  expect(stopped.body).toMatchObject({ id, running: false, invocations: 15, versions: { '1': 15 } })
  expect((await control('GET', `/traffic/${id}`)).status).toBe(404)
  const rest = await control('DELETE', '/traffic')
  expect(rest.body.stopped).toEqual([expect.objectContaining({ rps: 4, invocations: 6, running: false })])
  expect(h.emu.traffic.list()).toEqual([])
  const bad = await control('POST', '/traffic', { functionName: 'ctl', alias: 'live', rps: 0 })
  expect([bad.status, bad.body.error]).toEqual([
    400,
    expect.stringMatching(/"rps" must be a number > 0 <= 1000/)
  ])
  expect((await control('POST', '/traffic', { functionName: 'ctl', rps: 1 })).body.error).toMatch(
    /"alias" is required/
  )
})

test('log: GET reads entries (since a seq), DELETE clears them; control calls are never logged', async () => {
  h.emu.clearLog()
  await getAlias()
  await control('GET', '/settings')
  await h.lambda.send(new GetFunctionCommand({ FunctionName: 'ctl' }))
  const all = await control('GET', '/log')
  const entries = all.body.entries as { seq: number; operation: string; status: number }[]
  expect(entries.map(e => [e.operation, e.status])).toEqual([
    ['GetAlias', 200],
    ['GetFunction', 200]
  ])
  const since = await control('GET', `/log?since=${entries[0]?.seq}`)
  expect((since.body.entries as { operation: string }[]).map(e => e.operation)).toEqual(['GetFunction'])
  expect((await control('GET', '/log?since=-1')).status).toBe(400)
  expect((await control('DELETE', '/log')).body).toEqual({ cleared: 2 })
  expect(h.emu.log).toEqual([])
})

test('functions: POST versions publishes Active versions; GET alias reads one without a log entry', async () => {
  const published = await control('POST', '/functions/ctl/versions', { count: 3 })
  expect(published.status).toBe(201)
  const numbers = published.body.versions as string[]
  expect(numbers).toHaveLength(3)
  const listed = await h.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'ctl' }))
  const active = (listed.Versions ?? []).filter(
    v => numbers.includes(v.Version ?? '') && v.State === 'Active'
  )
  expect(active).toHaveLength(3)
  expect((await control('POST', '/functions/ghost/versions', { count: 1 })).status).toBe(404)
  expect((await control('POST', '/functions/ctl/versions', { count: 0 })).status).toBe(400)

  h.emu.clearLog()
  const alias = await control('GET', '/functions/ctl/aliases/live')
  const sdk = await getAlias()
  expect(alias.body).toMatchObject({
    Name: 'live',
    FunctionVersion: '1',
    RevisionId: sdk.RevisionId,
    AliasArn: sdk.AliasArn
  })
  expect((await control('GET', '/functions/ctl/aliases/nope')).status).toBe(404)
  expect(h.emu.log.map(e => e.operation)).toEqual(['GetAlias'])
})

test('unknown paths are 404s, wrong methods 405s with Allow', async () => {
  expect((await control('GET', '/nothing')).status).toBe(404)
  expect((await control('GET', '')).status).toBe(404)
  const wrong = await control('POST', '/settings', {})
  expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET, PATCH'])
})

test('reset: everything back to the state after start (runs last: it empties the emulator)', async () => {
  await control('PATCH', '/settings', { updateDelayMs: 500, metricsDelayMs: 60000 })
  await control('POST', '/faults', { operation: 'GetFunction', errorRate: 1 })
  const t = await control('POST', '/traffic', { functionName: 'ctl', alias: 'live', rps: 1 })
  expect((await control('POST', '/reset')).body).toEqual({ reset: true })
  expect(h.emu.settings).toEqual({
    updateDelayMs: 0,
    publishDelayMs: 0,
    metricsDelayMs: 0,
    metricsResolutionMs: 60000,
    evaluateAlarms: false,
    codedeployMinuteMs: 60000,
    pcDelayMs: 0,
    snapStartDelayMs: 0,
    codeStorageLimitBytes: 75 * 1024 ** 3
  })
  expect(h.emu.traffic.list()).toEqual([])
  expect((await control('GET', `/traffic/${t.body.id as string}`)).status).toBe(404)
  expect(h.emu.log).toEqual([])
  const gone = await failure(h.lambda.send(new GetFunctionCommand({ FunctionName: 'ctl' })))
  expect([gone.name, gone.status]).toEqual(['ResourceNotFoundException', 404]) // no injected 500 either
  expect((await h.cw.send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([])
})
