// Per-version metrics through the real SDK: invocations of an alias split between two versions with
// different EMULATOR_ERROR_RATE and EMULATOR_DURATION_MS, read back with GetMetricData per ExecutedVersion
// and compared with what the invocations themselves reported (X-Amz-Executed-Version,
// X-Amz-Function-Error and the Duration in the Tail log).
import { GetMetricDataCommand, type StandardUnit } from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createFunction, fakeClock, harness, type Harness } from './helpers.js'

const clock = fakeClock(Date.UTC(2026, 0, 1, 12, 0, 30))
let h: Harness
const observed: Record<string, { errors: number; durations: number[] }> = {}
const ALIAS_CALLS = 300
const VERSION_CALLS = 5
const UNQUALIFIED_CALLS = 3

async function setEnv(lambda: LambdaClient, name: string, Variables: Record<string, string>): Promise<void> {
  await lambda.send(
    new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: { Variables } })
  )
}

const durationOf = (logResult?: string): number => {
  const log = Buffer.from(logResult ?? '', 'base64').toString('utf8')
  const match = /\tDuration: ([\d.]+) ms/.exec(log)
  if (!match?.[1]) throw new Error(`no Duration in the tail log: ${log}`)
  return Number(match[1])
}

beforeAll(async () => {
  h = await harness({ seed: 11, now: clock.now })
  await createFunction(h.lambda, 'mx')
  await setEnv(h.lambda, 'mx', { EMULATOR_ERROR_RATE: '0.1' })
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'mx' }))
  await setEnv(h.lambda, 'mx', { EMULATOR_ERROR_RATE: '0.6', EMULATOR_DURATION_MS: '200' })
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'mx' }))
  await h.lambda.send(
    new CreateAliasCommand({
      FunctionName: 'mx',
      Name: 'live',
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: { '2': 0.4 } }
    })
  )
  for (let i = 0; i < ALIAS_CALLS; i++) {
    const out = await h.lambda.send(
      new InvokeCommand({ FunctionName: 'mx', Qualifier: 'live', LogType: 'Tail' })
    )
    const seen = (observed[out.ExecutedVersion ?? '?'] ??= { errors: 0, durations: [] })
    if (out.FunctionError !== undefined) seen.errors += 1
    seen.durations.push(durationOf(out.LogResult))
  }
  for (let i = 0; i < VERSION_CALLS; i++) await h.lambda.send(new InvokeCommand({ FunctionName: 'mx:1' }))
  for (let i = 0; i < UNQUALIFIED_CALLS; i++) await h.lambda.send(new InvokeCommand({ FunctionName: 'mx' }))
})
afterAll(async () => h.close())

type Dims = Record<string, string>

function q(
  id: string,
  metric: string,
  stat: string,
  dims: Dims,
  opts: { namespace?: string; unit?: string } = {}
) {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: opts.namespace ?? 'AWS/Lambda',
        MetricName: metric,
        Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value }))
      },
      Period: 60,
      Stat: stat,
      ...(opts.unit !== undefined && { Unit: opts.unit as StandardUnit })
    }
  }
}

// One minute-wide bucket holds every invocation (the clock never moved), so each query has one value.
async function values(queries: ReturnType<typeof q>[]): Promise<Record<string, number[]>> {
  const out = await h.cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(clock.now() - 60000),
      EndTime: new Date(clock.now() + 60000),
      MetricDataQueries: queries
    })
  )
  return Object.fromEntries((out.MetricDataResults ?? []).map(r => [r.Id, r.Values ?? []]))
}

const executed = (v: string): Dims => ({ FunctionName: 'mx', Resource: 'mx:live', ExecutedVersion: v })
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0)
// Nearest rank, written out here rather than imported, so the test checks the emulator's percentile: the
// smallest observed value with at least p% of the values at or below it.
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted.find((_, i) => (i + 1) / sorted.length >= p / 100) ?? NaN
}

describe('per ExecutedVersion', () => {
  test('both versions ran, in about the routing weights', () => {
    expect(Object.keys(observed).sort()).toEqual(['1', '2'])
    const share = (observed['2']?.durations.length ?? 0) / ALIAS_CALLS
    expect(share).toBeGreaterThan(0.3)
    expect(share).toBeLessThan(0.5)
  })

  test.each(['1', '2'])(
    'version %s: Sum, SampleCount, Average, Minimum, Maximum and p99 match the invocations',
    async v => {
      const seen = observed[v]!
      const n = seen.durations.length
      const got = await values([
        q('inv', 'Invocations', 'Sum', executed(v)),
        q('err', 'Errors', 'Sum', executed(v)),
        q('rate', 'Errors', 'Average', executed(v)),
        q('count', 'Duration', 'SampleCount', executed(v)),
        q('avg', 'Duration', 'Average', executed(v)),
        q('min', 'Duration', 'Minimum', executed(v)),
        q('max', 'Duration', 'Maximum', executed(v)),
        q('p99', 'Duration', 'p99', executed(v)),
        q('p50', 'Duration', 'p50', executed(v)),
        q('p999', 'Duration', 'p99.9', executed(v))
      ])
      expect(got.inv).toEqual([n])
      expect(got.err).toEqual([seen.errors])
      expect(got.rate?.[0]).toBeCloseTo(seen.errors / n, 10)
      expect(got.count).toEqual([n])
      expect(got.avg?.[0]).toBeCloseTo(sum(seen.durations) / n, 6)
      expect(got.min).toEqual([Math.min(...seen.durations)])
      expect(got.max).toEqual([Math.max(...seen.durations)])
      expect(got.p99).toEqual([percentile(seen.durations, 99)])
      expect(got.p50).toEqual([percentile(seen.durations, 50)])
      expect(got.p999).toEqual([percentile(seen.durations, 99.9)])
    }
  )

  test('each version behaves as its own environment says: error rate and median duration', async () => {
    const got = await values([
      q('r1', 'Errors', 'Average', executed('1')),
      q('r2', 'Errors', 'Average', executed('2')),
      q('m1', 'Duration', 'p50', executed('1')),
      q('m2', 'Duration', 'p50', executed('2')),
      q('t2', 'Duration', 'p99', executed('2'))
    ])
    expect(got.r1?.[0]).toBeLessThan(0.2) // EMULATOR_ERROR_RATE 0.1
    expect(got.r2?.[0]).toBeGreaterThan(0.45) // EMULATOR_ERROR_RATE 0.6
    expect(got.r2?.[0]).toBeLessThan(0.75)
    expect(got.m1?.[0]).toBeGreaterThan(15) // default median 20 ms
    expect(got.m1?.[0]).toBeLessThan(26)
    expect(got.m2?.[0]).toBeGreaterThan(160) // EMULATOR_DURATION_MS 200
    expect(got.m2?.[0]).toBeLessThan(250)
    expect(got.t2?.[0]).toBeGreaterThan(1.5 * (got.m2?.[0] ?? 0)) // a right-skewed tail
  })
})

describe('dimension sets', () => {
  test('{FunctionName}, {FunctionName, Resource} for alias and version, {.., ExecutedVersion}', async () => {
    const got = await values([
      q('all', 'Invocations', 'Sum', { FunctionName: 'mx' }),
      q('alias', 'Invocations', 'Sum', { FunctionName: 'mx', Resource: 'mx:live' }),
      q('version', 'Invocations', 'Sum', { FunctionName: 'mx', Resource: 'mx:1' }),
      q('v1', 'Invocations', 'Sum', executed('1')),
      q('v2', 'Invocations', 'Sum', executed('2'))
    ])
    expect(got.all).toEqual([ALIAS_CALLS + VERSION_CALLS + UNQUALIFIED_CALLS])
    expect(got.alias).toEqual([ALIAS_CALLS])
    expect(got.version).toEqual([VERSION_CALLS])
    expect((got.v1?.[0] ?? 0) + (got.v2?.[0] ?? 0)).toBe(ALIAS_CALLS)
  })

  test('the order of dimensions does not matter', async () => {
    const reversed = q('r', 'Invocations', 'Sum', {
      ExecutedVersion: '2',
      Resource: 'mx:live',
      FunctionName: 'mx'
    })
    expect((await values([reversed])).r).toEqual([observed['2']?.durations.length])
  })

  test('a subset, a superset, another value, namespace or unit is another metric: no data', async () => {
    const all = ALIAS_CALLS + VERSION_CALLS + UNQUALIFIED_CALLS
    const got = await values([
      q('noResource', 'Invocations', 'Sum', { FunctionName: 'mx', ExecutedVersion: '1' }),
      q('noFunction', 'Invocations', 'Sum', { Resource: 'mx:live', ExecutedVersion: '1' }),
      q('extra', 'Invocations', 'Sum', { ...executed('1'), Region: 'us-east-1' }),
      q('otherValue', 'Invocations', 'Sum', executed('3')),
      q('byVersion', 'Invocations', 'Sum', { FunctionName: 'mx', Resource: 'mx:1', ExecutedVersion: '1' }),
      q('unqualified', 'Invocations', 'Sum', { FunctionName: 'mx', Resource: 'mx' }),
      q('namespace', 'Invocations', 'Sum', { FunctionName: 'mx' }, { namespace: 'AWS/Lambda2' }),
      q('unit', 'Duration', 'SampleCount', { FunctionName: 'mx' }, { unit: 'Count' }),
      q('unitOk', 'Duration', 'SampleCount', { FunctionName: 'mx' }, { unit: 'Milliseconds' })
    ])
    const empty = [
      'noResource',
      'noFunction',
      'extra',
      'otherValue',
      'byVersion',
      'unqualified',
      'namespace',
      'unit'
    ]
    expect(empty.filter(id => got[id]?.length !== 0)).toEqual([])
    expect(got.unitOk).toEqual([all])
  })
})

describe('which invocations count', () => {
  test('Event invocations count, DryRun does not, EMULATOR_FAIL counts as an error', async () => {
    await createFunction(h.lambda, 'mx-types', { Environment: { Variables: { EMULATOR_FAIL: 'true' } } })
    await h.lambda.send(new InvokeCommand({ FunctionName: 'mx-types', InvocationType: 'Event' }))
    await h.lambda.send(new InvokeCommand({ FunctionName: 'mx-types', InvocationType: 'DryRun' }))
    const sync = await h.lambda.send(new InvokeCommand({ FunctionName: 'mx-types' }))
    expect(sync.FunctionError).toBe('Unhandled')
    const got = await values([
      q('inv', 'Invocations', 'Sum', { FunctionName: 'mx-types' }),
      q('err', 'Errors', 'Sum', { FunctionName: 'mx-types' })
    ])
    expect(got).toEqual({ inv: [2], err: [2] })
  })

  test('an unusable EMULATOR_ERROR_RATE makes the version fail and says why', async () => {
    await createFunction(h.lambda, 'mx-bad', { Environment: { Variables: { EMULATOR_ERROR_RATE: '1.5' } } })
    const out = await h.lambda.send(new InvokeCommand({ FunctionName: 'mx-bad' }))
    expect(out.FunctionError).toBe('Unhandled')
    expect(JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8'))).toEqual({
      errorType: 'Error',
      errorMessage: "EMULATOR_ERROR_RATE must be a number from 0 to 1, got '1.5'"
    })
  })
})

test('error rates and durations draw from their own stream: the same seed routes the same way', async () => {
  // Two emulators with the same seed, one whose versions have an error rate and a duration: the
  // sequence of executed versions must not depend on those draws.
  async function sequence(env: Record<string, string>): Promise<string[]> {
    const other = await harness({ seed: 5 })
    try {
      await createFunction(other.lambda, 'seq', { Environment: { Variables: env } })
      await other.lambda.send(new PublishVersionCommand({ FunctionName: 'seq' }))
      await setEnv(other.lambda, 'seq', { ...env, MARK: '2' })
      await other.lambda.send(new PublishVersionCommand({ FunctionName: 'seq' }))
      await other.lambda.send(
        new CreateAliasCommand({
          FunctionName: 'seq',
          Name: 'live',
          FunctionVersion: '1',
          RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } }
        })
      )
      const out: string[] = []
      for (let i = 0; i < 40; i++) {
        const r = await other.lambda.send(new InvokeCommand({ FunctionName: 'seq', Qualifier: 'live' }))
        out.push(r.ExecutedVersion ?? '?')
      }
      return out
    } finally {
      await other.close()
    }
  }
  const plain = await sequence({})
  const noisy = await sequence({ EMULATOR_ERROR_RATE: '0.5', EMULATOR_DURATION_MS: '80' })
  expect(new Set(plain)).toEqual(new Set(['1', '2']))
  expect(noisy).toEqual(plain)
})
