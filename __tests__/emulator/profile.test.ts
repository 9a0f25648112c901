// The realistic profile: AWS's timing, scaled down, as one option (`profile: 'realistic'`), one CLI flag
// (`--profile realistic`) and one control call (`PUT /_emulator/profile`), every number still a setting.
// Through the real SDK on an injected clock: $LATEST updates take a while, new versions are Pending for
// a while, metrics arrive late, alarms evaluate themselves.
import { spawn } from 'node:child_process'
import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand
} from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { CONTROL_PREFIX, startEmulator } from '../../emulator/index.js'
import { PROFILES } from '../../emulator/profile.js'
import { createFunction, failure, fakeClock, harness, waitFor, zip, type Harness } from './helpers.js'

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0)
const clock = fakeClock(T0)
let h: Harness
const { updateDelayMs, publishDelayMs, metricsDelayMs } = PROFILES.realistic

beforeAll(async () => {
  h = await harness({ now: clock.now, profile: 'realistic' })
})
afterAll(async () => h.close())

describe('realistic profile, in-process', () => {
  test('its numbers are the settings; the fast default has no delays; explicit options win', async () => {
    expect(h.emu.settings).toEqual(PROFILES.realistic)
    expect(updateDelayMs).toBeGreaterThan(0)
    expect(publishDelayMs).toBeGreaterThan(0)
    expect(metricsDelayMs).toBeGreaterThan(0)
    const fast = await startEmulator()
    const mixed = await startEmulator({ profile: 'realistic', metricsDelayMs: 250, evaluateAlarms: false })
    try {
      expect(fast.settings).toEqual(PROFILES.fast)
      expect(mixed.settings).toEqual({ ...PROFILES.realistic, metricsDelayMs: 250, evaluateAlarms: false })
    } finally {
      await fast.close()
      await mixed.close()
    }
    await expect(startEmulator({ profile: 'slow' as 'fast' })).rejects.toThrow(
      'profile must be one of fast, realistic'
    )
  })

  test('$LATEST updates take updateDelayMs, a new version is Pending for publishDelayMs', async () => {
    await createFunction(h.lambda, 'rp')
    const state = async (Qualifier?: string) =>
      h.lambda.send(
        new GetFunctionConfigurationCommand({ FunctionName: 'rp', ...(Qualifier && { Qualifier }) })
      )
    expect((await state()).State).toBe('Pending')
    const early = await failure(h.lambda.send(new PublishVersionCommand({ FunctionName: 'rp' })))
    expect(early.status).toBe(409)
    clock.advance(updateDelayMs)
    expect(await state()).toMatchObject({ State: 'Active', LastUpdateStatus: 'Successful' })
    const v1 = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'rp' }))
    expect(v1.State).toBe('Pending')
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'rp', Name: 'live', FunctionVersion: '1' }))
    expect((await failure(h.lambda.send(new InvokeCommand({ FunctionName: 'rp:live' })))).status).toBe(409)
    clock.advance(publishDelayMs)
    expect((await state('1')).State).toBe('Active')
    await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'rp', ZipFile: zip('rp v2') }))
    expect((await state()).LastUpdateStatus).toBe('InProgress')
    clock.advance(updateDelayMs)
    expect((await state()).LastUpdateStatus).toBe('Successful')
  })

  test('metrics arrive metricsDelayMs after the invocation ends; alarms evaluate themselves', async () => {
    await h.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'rp-invocations',
        Namespace: 'AWS/Lambda',
        MetricName: 'Invocations',
        Dimensions: [
          { Name: 'FunctionName', Value: 'rp' },
          { Name: 'Resource', Value: 'rp:live' }
        ],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold'
      })
    )
    await h.lambda.send(new InvokeCommand({ FunctionName: 'rp:live' }))
    const count = async () => {
      const out = await h.cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(T0),
          EndTime: new Date(clock.now() + 60000),
          MetricDataQueries: [
            {
              Id: 'n',
              MetricStat: {
                Metric: {
                  Namespace: 'AWS/Lambda',
                  MetricName: 'Invocations',
                  Dimensions: [{ Name: 'FunctionName', Value: 'rp' }]
                },
                Period: 60,
                Stat: 'Sum'
              }
            }
          ]
        })
      )
      return out.MetricDataResults?.[0]?.Values ?? []
    }
    expect(await count()).toEqual([])
    clock.advance(metricsDelayMs + 1000) // the invocation lasted about 20 ms
    expect(await count()).toEqual([1])
    clock.advance(120000)
    const alarm = (await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['rp-invocations'] })))
      .MetricAlarms?.[0]
    expect(alarm?.StateValue).not.toBe('INSUFFICIENT_DATA') // evaluated: ALARM, then missing data
    expect(alarm?.StateReason).not.toBe('Unchecked: Initial alarm creation')
  })
})

describe('control API and CLI', () => {
  test('PUT /_emulator/profile applies a profile; PATCH /settings overrides one number', async () => {
    const emu = await startEmulator()
    try {
      const call = (method: string, path: string, body: unknown) =>
        fetch(`${emu.url}${CONTROL_PREFIX}${path}`, { method, body: JSON.stringify(body) })
      const put = await call('PUT', '/profile', { profile: 'realistic' })
      expect([put.status, await put.json()]).toEqual([200, PROFILES.realistic])
      const patch = await call('PATCH', '/settings', { metricsDelayMs: 100, evaluateAlarms: false })
      expect(await patch.json()).toEqual({
        ...PROFILES.realistic,
        metricsDelayMs: 100,
        evaluateAlarms: false
      })
      expect(emu.settings.metricsDelayMs).toBe(100)
      const bad = await call('PUT', '/profile', { profile: 'slow' })
      expect([bad.status, await bad.json()]).toEqual([
        400,
        { error: '"profile" must be one of fast, realistic, got "slow"' }
      ])
      expect((await call('PUT', '/profile', { profile: 'fast' })).status).toBe(200)
      expect(emu.settings).toEqual(PROFILES.fast)
    } finally {
      await emu.close()
    }
  })

  function cli(...args: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', ...args], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', d => (out += d.toString()))
    child.stderr.on('data', d => (err += d.toString()))
    const exit = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
    return { child, out: () => out, err: () => err, exit }
  }

  test('--profile realistic with an override; a bad profile exits 2', async () => {
    const run = cli('--profile', 'realistic', '--metrics-delay', '100', '--no-evaluate-alarms')
    try {
      await waitFor('the emulator to listen', () => /listening on (http:\S+)\n/.test(run.out()), 20000)
      const url = /listening on (http:\S+)\n/.exec(run.out())![1]
      const settings = await (await fetch(`${url}${CONTROL_PREFIX}/settings`)).json()
      expect(settings).toEqual({ ...PROFILES.realistic, metricsDelayMs: 100, evaluateAlarms: false })
    } finally {
      run.child.kill('SIGTERM')
    }
    expect(await run.exit).toBe(0)
    const bad = cli('--profile', 'slow')
    expect(await bad.exit).toBe(2)
    expect(bad.err()).toContain('--profile "slow": expected one of fast, realistic')
  })
})
