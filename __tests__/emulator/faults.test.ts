// Fault injection as the SDK experiences it: latency, 429 with Retry-After, 500, dropped connections,
// the rate limit and `times`, each visible in the request log.
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  ListAliasesCommand,
  PublishVersionCommand
} from '@aws-sdk/client-lambda'
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { cloudWatchClient, createFunction, failure, harness, lambdaClient, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
  await createFunction(h.lambda, 'ff')
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'ff' }))
  await h.lambda.send(new CreateAliasCommand({ FunctionName: 'ff', Name: 'live', FunctionVersion: '1' }))
})
afterEach(() => {
  h.emu.faults.clear()
  h.emu.clearLog()
})
afterAll(async () => h.close())

const getAlias = (client = h.lambda) => client.send(new GetAliasCommand({ FunctionName: 'ff', Name: 'live' }))
const entries = (operation: string) => h.emu.log.filter(e => e.operation === operation)

describe('rules', () => {
  test('latency delays only the named operation', async () => {
    h.emu.faults.add({ operation: 'GetAlias', latencyMs: 250 })
    const started = Date.now()
    await getAlias()
    expect(Date.now() - started).toBeGreaterThanOrEqual(240)
    const fast = Date.now()
    await h.lambda.send(new GetFunctionCommand({ FunctionName: 'ff' }))
    expect(Date.now() - fast).toBeLessThan(200)
    const [entry] = entries('GetAlias')
    expect(entry).toMatchObject({ status: 200, fault: 'latency' })
    expect((entry?.endTime ?? 0) - (entry?.time ?? 0)).toBeGreaterThanOrEqual(240)
  })

  test('a throttle is a 429 TooManyRequestsException with Retry-After, which the SDK waits out and retries', async () => {
    h.emu.faults.add({ operation: 'GetAlias', throttleRate: 1, times: 1 })
    const out = await getAlias()
    expect(out.Name).toBe('live')
    const [first, second] = entries('GetAlias')
    expect(first).toMatchObject({ status: 429, fault: 'throttle', errorType: 'TooManyRequestsException' })
    expect(second).toMatchObject({ status: 200 })
    expect(second?.fault).toBeUndefined()
    expect((second?.time ?? 0) - (first?.time ?? 0)).toBeGreaterThanOrEqual(900) // Retry-After: 1

    h.emu.faults.add({ throttleRate: 1, times: 1 })
    const single = lambdaClient(h.emu, 1)
    try {
      const e = await failure(getAlias(single))
      expect([e.name, e.status]).toEqual(['TooManyRequestsException', 429])
      expect(e.error.Reason).toBe('CallerRateLimitExceeded')
      expect(e.error.retryAfterSeconds).toBe('1')
    } finally {
      single.destroy()
    }
  })

  test('errors are 500 ServiceException, retried by the SDK; `times` limits the rule', async () => {
    h.emu.faults.add({ operation: ['GetAlias', 'ListAliases'], errorRate: 1, times: 2 })
    await getAlias()
    expect(entries('GetAlias').map(e => [e.status, e.fault, e.errorType])).toEqual([
      [500, 'error', 'ServiceException'],
      [500, 'error', 'ServiceException'],
      [200, undefined, undefined]
    ])
    await h.lambda.send(new ListAliasesCommand({ FunctionName: 'ff' }))
    expect(entries('ListAliases').map(e => e.status)).toEqual([200])

    h.emu.faults.add({ errorRate: 1 })
    const single = lambdaClient(h.emu, 1)
    try {
      const e = await failure(getAlias(single))
      expect([e.name, e.status]).toEqual(['ServiceException', 500])
    } finally {
      single.destroy()
    }
  })

  test('a dropped connection is logged with status 0 and retried by the SDK', async () => {
    h.emu.faults.add({ operation: 'GetAlias', dropRate: 1, times: 1 })
    await getAlias()
    expect(entries('GetAlias').map(e => [e.status, e.fault])).toEqual([
      [0, 'drop'],
      [200, undefined]
    ])
    h.emu.faults.add({ operation: 'GetAlias', dropRate: 1, times: 1 })
    const single = lambdaClient(h.emu, 1)
    try {
      await expect(getAlias(single)).rejects.toThrow()
    } finally {
      single.destroy()
    }
  })

  test('CloudWatch calls can be throttled too', async () => {
    h.emu.faults.add({ operation: 'DescribeAlarms', throttleRate: 1, times: 1 })
    const cw = cloudWatchClient(h.emu, 1)
    try {
      const e = await failure(cw.send(new DescribeAlarmsCommand({})))
      expect(e.status).toBe(429)
      expect(entries('DescribeAlarms')[0]).toMatchObject({
        service: 'cloudwatch',
        status: 429,
        fault: 'throttle'
      })
      expect((await cw.send(new DescribeAlarmsCommand({}))).MetricAlarms).toEqual([])
    } finally {
      cw.destroy()
    }
  })

  test('clear() removes rules', async () => {
    h.emu.faults.add({ errorRate: 1 })
    h.emu.faults.clear()
    await getAlias()
    expect(entries('GetAlias').map(e => e.status)).toEqual([200])
  })
})

describe('rate limit', () => {
  test('beyond N requests/s the control plane answers 429; GetFunction is outside it', async () => {
    h.emu.faults.setRateLimit(5)
    const single = lambdaClient(h.emu, 1)
    try {
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => getAlias(single)))
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(5)
      const rejected = results.filter(r => r.status === 'rejected') as PromiseRejectedResult[]
      expect(rejected.map(r => (r.reason as Error).name)).toEqual(Array(5).fill('TooManyRequestsException'))
      expect(entries('GetAlias').filter(e => e.fault === 'rate-limit' && e.status === 429)).toHaveLength(5)
      const gets = await Promise.all(
        Array.from({ length: 10 }, () => single.send(new GetFunctionCommand({ FunctionName: 'ff' })))
      )
      expect(gets).toHaveLength(10)
    } finally {
      single.destroy()
    }
  })

  test("the SDK's retries get every call through; scope 'all' covers GetFunction", async () => {
    h.emu.faults.setRateLimit(4)
    const started = Date.now()
    const results = await Promise.all(Array.from({ length: 8 }, () => getAlias()))
    expect(results).toHaveLength(8)
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(entries('GetAlias').filter(e => e.status === 200)).toHaveLength(8)

    h.emu.faults.setRateLimit(2, 'all')
    const single = lambdaClient(h.emu, 1)
    try {
      const gets = await Promise.allSettled(
        Array.from({ length: 4 }, () => single.send(new GetFunctionCommand({ FunctionName: 'ff' })))
      )
      expect(gets.filter(r => r.status === 'rejected')).toHaveLength(2)
    } finally {
      single.destroy()
    }
  })
})
