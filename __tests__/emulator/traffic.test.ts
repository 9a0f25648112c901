// Synthetic traffic on an injected clock: the schedule is floor(elapsed × rps) invocations, routing
// weights apply at each moment, metrics are recorded, and nothing reaches the request log.
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand
} from '@aws-sdk/client-lambda'
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { startEmulator } from '../../emulator/index.js'
import { createFunction, fakeClock, harness, waitFor, zip, type Harness } from './helpers.js'

const clock = fakeClock()
let h: Harness

async function twoVersions(name: string): Promise<void> {
  await createFunction(h.lambda, name)
  await h.lambda.send(new PublishVersionCommand({ FunctionName: name }))
  await h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zip(`${name} v2`) }))
  await h.lambda.send(new PublishVersionCommand({ FunctionName: name }))
  await h.lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }))
}

beforeAll(async () => {
  h = await harness({ now: clock.now, seed: 9, metricsResolutionMs: 1000 })
  await twoVersions('tr')
})
afterEach(() => h.emu.traffic.stopAll())
afterAll(async () => h.close())

describe('schedule', () => {
  test('floor(elapsed × rps) invocations by each moment; stop() sends what was due and no more', async () => {
    const t = h.emu.traffic.start({ functionName: 'tr', alias: 'live', rps: 7.5 })
    clock.advance(1000)
    await waitFor('the first second of traffic', () => t.stats().invocations === 7)
    clock.advance(1400)
    const final = t.stop() // 2.4 s × 7.5/s = 18
    expect(final).toMatchObject({ invocations: 18, failures: 0, skipped: 0, running: false })
    expect(final.versions).toEqual({ '1': 18 })
    clock.advance(5000)
    expect(t.stop().invocations).toBe(18)
    expect(h.emu.traffic.list()).toEqual([])
  })

  test('the ticks send due invocations on their own, without stop()', async () => {
    const t = h.emu.traffic.start({ functionName: 'tr', alias: 'live', rps: 100 })
    clock.advance(500)
    await waitFor('50 invocations', () => t.stats().invocations === 50)
    clock.advance(500)
    await waitFor('100 invocations', () => t.stats().invocations === 100)
    expect(h.emu.traffic.list().map(s => [s.id, s.running])).toEqual([[t.id, true]])
  })

  test('a clock jump beyond one tick’s cap is skipped and counted, not run', () => {
    const t = h.emu.traffic.start({ functionName: 'tr', alias: 'live', rps: 10 })
    clock.advance(3600 * 1000)
    const final = t.stop()
    expect(final.invocations + final.skipped).toBe(36000)
    expect(final.invocations).toBe(10000)
  })
})

describe('same path as Invoke', () => {
  test('routing weights apply at each moment and metrics record every invocation by version', async () => {
    clock.advance(2000 - (clock.now() % 1000)) // a whole second, clear of earlier tests' invocations
    const start = clock.now()
    const t = h.emu.traffic.start({ functionName: 'tr', alias: 'live', rps: 20 })
    clock.advance(1000)
    await waitFor('20 invocations on version 1', () => t.stats().invocations === 20)
    await h.lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'tr',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } }
      })
    )
    clock.advance(1000)
    const final = t.stop()
    expect(final.invocations).toBe(40)
    const v2 = final.versions['2'] ?? 0
    expect(v2).toBeGreaterThan(0)
    expect(v2).toBeLessThan(20)

    const query = (v: string) => ({
      Id: `v${v}`,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/Lambda',
          MetricName: 'Invocations',
          Dimensions: [
            { Name: 'FunctionName', Value: 'tr' },
            { Name: 'Resource', Value: 'tr:live' },
            { Name: 'ExecutedVersion', Value: v }
          ]
        },
        Period: 1,
        Stat: 'Sum'
      }
    })
    const out = await h.cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(start),
        EndTime: new Date(clock.now() + 1),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [query('1'), query('2')]
      })
    )
    const [one, two] = out.MetricDataResults ?? []
    // Second 1 ran before the split: all on version 1. Second 2 ran after it: both versions.
    expect(one?.Timestamps?.map(d => d.getTime() - start)).toEqual([1000, 2000])
    expect(one?.Values).toEqual([20, 20 - v2])
    expect(two?.Timestamps?.map(d => d.getTime() - start)).toEqual([2000])
    expect(two?.Values).toEqual([v2])
    await h.lambda.send(
      new UpdateAliasCommand({ FunctionName: 'tr', Name: 'live', FunctionVersion: '1', RoutingConfig: {} })
    )
  })

  test('traffic is not in the request log', async () => {
    const before = h.emu.log.length
    const t = h.emu.traffic.start({ functionName: 'tr', alias: 'live', rps: 50 })
    clock.advance(1000)
    expect(t.stop().invocations).toBe(50)
    expect(h.emu.log.length).toBe(before)
  })

  test('a missing alias, then a Pending version: failures with the reason, until it works', async () => {
    const t = h.emu.traffic.start({ functionName: 'tr-late', alias: 'live', rps: 10 })
    clock.advance(300)
    await waitFor('three failures', () => t.stats().failures === 3)
    expect(t.stats().lastFailure).toMatch(/^404 ResourceNotFoundException: Function not found: .*tr-late/)
    h.emu.settings.publishDelayMs = 1000
    try {
      await createFunction(h.lambda, 'tr-late', { Publish: true })
      await h.lambda.send(
        new CreateAliasCommand({ FunctionName: 'tr-late', Name: 'live', FunctionVersion: '1' })
      )
      clock.advance(500)
      await waitFor('the Pending failures', () => t.stats().failures === 8)
      expect(t.stats().lastFailure).toMatch(/^409 ResourceConflictException: .*Pending/)
      clock.advance(1000) // past the version's activation: the next ten run
      const final = t.stop()
      expect(final).toMatchObject({ failures: 8, invocations: 10, versions: { '1': 10 } })
    } finally {
      h.emu.settings.publishDelayMs = 0
    }
  })

  test('function errors are counted apart from failures', async () => {
    await createFunction(h.lambda, 'tr-fail', {
      Environment: { Variables: { EMULATOR_FAIL: 'true' } },
      Publish: true
    })
    await h.lambda.send(
      new CreateAliasCommand({ FunctionName: 'tr-fail', Name: 'live', FunctionVersion: '1' })
    )
    const t = h.emu.traffic.start({ functionName: 'tr-fail', alias: 'live', rps: 5 })
    clock.advance(2000)
    expect(t.stop()).toMatchObject({ invocations: 10, functionErrors: 10, failures: 0 })
  })
})

describe('lifecycle', () => {
  test('stopAll() stops every stream', () => {
    const a = h.emu.traffic.start({ functionName: 'tr', alias: 'live', rps: 1 })
    const b = h.emu.traffic.start({ functionName: 'tr', alias: 'live', rps: 2 })
    expect(h.emu.traffic.list().map(s => s.id)).toEqual([a.id, b.id])
    h.emu.traffic.stopAll()
    expect(h.emu.traffic.list()).toEqual([])
    expect([a.stats().running, b.stats().running]).toEqual([false, false])
    expect(h.emu.traffic.get(a.id)).toBeUndefined()
  })

  test('close() stops traffic', async () => {
    const own = fakeClock()
    const emu = await startEmulator({ now: own.now })
    const t = emu.traffic.start({ functionName: 'nothing', alias: 'live', rps: 10 })
    own.advance(1000)
    await emu.close()
    expect(t.stats()).toMatchObject({ running: false, failures: 10 })
    own.advance(1000)
    await new Promise(r => setTimeout(r, 120)) // two ticks' worth: nothing more may run
    expect(t.stats().failures).toBe(10)
  })

  test('bad options are refused', () => {
    const start = (o: object) => () =>
      h.emu.traffic.start({ functionName: 'tr', alias: 'live', rps: 1, ...o })
    expect(start({ rps: 0 })).toThrow(RangeError)
    expect(start({ rps: 1001 })).toThrow(RangeError)
    expect(start({ rps: Number.NaN })).toThrow(RangeError)
    expect(start({ functionName: '' })).toThrow(TypeError)
    expect(start({ alias: '' })).toThrow(TypeError)
    expect(h.emu.traffic.list()).toEqual([])
  })
})

test('with the real clock, traffic runs on its own', async () => {
  const emu = await startEmulator()
  try {
    const t = emu.traffic.start({ functionName: 'nothing', alias: 'live', rps: 200 })
    await waitFor('some attempts', () => t.stats().failures >= 5)
    expect(t.stop().invocations).toBe(0)
  } finally {
    await emu.close()
  }
})
