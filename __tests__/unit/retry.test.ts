import { jest } from '@jest/globals'
import type { Clock } from '../../src/clock.js'
import { isBusy, isTransient, withRetry, type RetryPolicy } from '../../src/aws/retry.js'

/** A clock whose sleep advances time at once and records each wait. */
function fakeClock(start = 0): Clock & { sleeps: number[]; time: () => number } {
  let t = start
  const sleeps: number[] = []
  return {
    sleeps,
    time: () => t,
    now: () => t,
    sleep: async ms => {
      sleeps.push(ms)
      t += ms
    }
  }
}

function awsError(name: string, status: number, message = name, headers?: Record<string, string>): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status },
    ...(headers ? { $response: { statusCode: status, headers } } : {})
  })
}

const throttled = (): Error => awsError('TooManyRequestsException', 429, 'Rate exceeded')
const inProgress = (): Error =>
  awsError('ResourceConflictException', 409, 'An update is in progress for resource: x')

/** An operation that throws each given error in turn, then answers 'ok'. */
function failing(...errors: unknown[]): jest.Mock<() => Promise<string>> {
  const queue = [...errors]
  return jest.fn(async () => {
    if (queue.length > 0) throw queue.shift()
    return 'ok'
  })
}

const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
  deadline: 60_000,
  maxAttempts: 8,
  retryable: isBusy,
  ...overrides
})

afterEach(() => {
  jest.restoreAllMocks()
})

describe('isBusy', () => {
  it.each([
    [
      'TooManyRequestsException 429',
      { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } }
    ],
    ['ThrottlingException', { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }],
    ['any 429', { name: 'SomethingElse', $metadata: { httpStatusCode: 429 } }],
    ['update in progress (409)', inProgress()],
    [
      'update in progress, full Lambda text',
      awsError(
        'ResourceConflictException',
        409,
        'The operation cannot be performed at this time. An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:my-fn'
      )
    ],
    [
      'function still Pending',
      awsError(
        'ResourceConflictException',
        409,
        'The operation cannot be performed at this time. The function is currently in the following state: Pending'
      )
    ]
  ])('%s is busy', (_label, error) => {
    expect(isBusy(error)).toBe(true)
    expect(isTransient(error)).toBe(true)
  })

  it.each([
    ['404 ResourceNotFoundException', awsError('ResourceNotFoundException', 404, 'Function not found')],
    ['412 PreconditionFailedException', awsError('PreconditionFailedException', 412, 'RevisionId mismatch')],
    ['400 InvalidParameterValueException', awsError('InvalidParameterValueException', 400, 'bad')],
    ['409 alias already exists', awsError('ResourceConflictException', 409, 'Alias already exists: live')],
    ['403 AccessDenied', awsError('AccessDeniedException', 403, 'not authorized')],
    ['500 ServiceException', awsError('ServiceException', 500, 'oops')],
    ['a plain Error', new Error('boom')],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'TooManyRequestsException']
  ])('%s is not busy', (_label, error) => {
    expect(isBusy(error)).toBe(false)
  })
})

describe('isTransient', () => {
  it.each([
    ['500', awsError('ServiceException', 500)],
    ['502', awsError('BadGateway', 502)],
    ['503', awsError('ServiceUnavailable', 503)],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
    ['socket hang up', new Error('socket hang up')],
    ['TimeoutError', Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' })]
  ])('%s is transient', (_label, error) => {
    expect(isTransient(error)).toBe(true)
  })

  it.each([
    ['404', awsError('ResourceNotFoundException', 404)],
    ['412', awsError('PreconditionFailedException', 412)],
    ['400', awsError('InvalidParameterValueException', 400)],
    [
      '400 whose message says timeout',
      awsError('InvalidParameterValueException', 400, 'TimeoutError in config')
    ],
    ['a plain Error', new Error('boom')],
    ['null', null]
  ])('%s is not transient', (_label, error) => {
    expect(isTransient(error)).toBe(false)
  })
})

describe('withRetry', () => {
  it('answers at once when the operation succeeds', async () => {
    const clock = fakeClock()
    const op = failing()
    await expect(withRetry(clock, policy(), op)).resolves.toBe('ok')
    expect(op).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toEqual([])
  })

  it('retries a 429 throttle until it succeeds', async () => {
    const clock = fakeClock()
    const op = failing(
      { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } },
      { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } }
    )
    await expect(withRetry(clock, policy(), op)).resolves.toBe('ok')
    expect(op).toHaveBeenCalledTimes(3)
    expect(clock.sleeps).toHaveLength(2)
  })

  it('retries a 409 "update in progress"', async () => {
    const clock = fakeClock()
    const op = failing(inProgress(), inProgress(), inProgress())
    await expect(withRetry(clock, policy(), op)).resolves.toBe('ok')
    expect(op).toHaveBeenCalledTimes(4)
  })

  it.each([
    ['404', awsError('ResourceNotFoundException', 404)],
    ['412', awsError('PreconditionFailedException', 412)],
    ['400', awsError('InvalidParameterValueException', 400)],
    ['a 409 that is not "busy"', awsError('ResourceConflictException', 409, 'Alias already exists')]
  ])('does not retry a %s: the same error comes out after one attempt', async (_label, error) => {
    const clock = fakeClock()
    const op = failing(error)
    await expect(withRetry(clock, policy(), op)).rejects.toBe(error)
    expect(op).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toEqual([])
  })

  it('stops after maxAttempts and throws the last error', async () => {
    const clock = fakeClock()
    const errors = Array.from({ length: 10 }, () => throttled())
    const op = failing(...errors)
    await expect(withRetry(clock, policy({ maxAttempts: 4 }), op)).rejects.toBe(errors[3])
    expect(op).toHaveBeenCalledTimes(4)
    expect(clock.sleeps).toHaveLength(3)
  })

  it('maxAttempts 1 means no retry', async () => {
    const clock = fakeClock()
    const op = failing(throttled())
    await expect(withRetry(clock, policy({ maxAttempts: 1 }), op)).rejects.toMatchObject({
      name: 'TooManyRequestsException'
    })
    expect(op).toHaveBeenCalledTimes(1)
  })

  it('backs off exponentially with jitter in [backoff/2, backoff], capped at maxDelayMs', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999)
    const clock = fakeClock()
    const op = failing(...Array.from({ length: 7 }, () => throttled()))
    await withRetry(clock, policy({ baseDelayMs: 100, maxDelayMs: 1000, deadline: 1e9 }), op)
    expect(clock.sleeps.map(ms => Math.round(ms))).toEqual([100, 200, 400, 800, 1000, 1000, 1000])

    jest.spyOn(Math, 'random').mockReturnValue(0)
    const low = fakeClock()
    await withRetry(
      low,
      policy({ baseDelayMs: 100, maxDelayMs: 1000, deadline: 1e9 }),
      failing(throttled(), throttled())
    )
    expect(low.sleeps).toEqual([50, 100])
  })

  it('defaults: base 200 ms, cap 5 s', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999)
    const clock = fakeClock()
    await withRetry(
      clock,
      policy({ deadline: 1e9, maxAttempts: 20 }),
      failing(...Array.from({ length: 8 }, throttled))
    )
    expect(clock.sleeps.map(ms => Math.round(ms))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000, 5000])
  })

  it('never sleeps past the deadline: gives up with the last error instead', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999)
    const clock = fakeClock(10_000)
    const errors = Array.from({ length: 20 }, () => throttled())
    const op = failing(...errors)
    // Sleeps of ~200, 400, 800 reach 11_400; the next (1600) would end past 12_000.
    await expect(withRetry(clock, policy({ deadline: 12_000, maxAttempts: 20 }), op)).rejects.toBe(errors[3])
    expect(op).toHaveBeenCalledTimes(4)
    expect(clock.time()).toBeLessThanOrEqual(12_000)
    expect(clock.sleeps).toHaveLength(3)
  })

  it('a deadline already passed means one attempt only', async () => {
    const clock = fakeClock(5_000)
    const op = failing(throttled())
    await expect(withRetry(clock, policy({ deadline: 4_000 }), op)).rejects.toMatchObject({
      name: 'TooManyRequestsException'
    })
    expect(op).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toEqual([])
  })

  it('honours Retry-After (seconds) when it asks for longer than the backoff', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5)
    const clock = fakeClock()
    const op = failing(awsError('TooManyRequestsException', 429, 'Rate exceeded', { 'retry-after': '3' }))
    await expect(withRetry(clock, policy(), op)).resolves.toBe('ok')
    expect(clock.sleeps).toEqual([3000])
  })

  it('keeps the backoff when Retry-After asks for less', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999)
    const clock = fakeClock()
    const op = failing(awsError('TooManyRequestsException', 429, 'x', { 'retry-after': '0' }))
    await withRetry(clock, policy(), op)
    expect(Math.round(clock.sleeps[0] as number)).toBe(200)
  })

  it('caps Retry-After at 10 s', async () => {
    const clock = fakeClock()
    const op = failing(awsError('TooManyRequestsException', 429, 'x', { 'retry-after': '3600' }))
    await withRetry(clock, policy({ deadline: 1e9 }), op)
    expect(clock.sleeps).toEqual([10_000])
  })

  it('ignores a Retry-After that is not a number of seconds', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999999)
    const clock = fakeClock()
    const op = failing(
      awsError('TooManyRequestsException', 429, 'x', { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' })
    )
    await withRetry(clock, policy(), op)
    expect(Math.round(clock.sleeps[0] as number)).toBe(200)
  })

  it('gives up at once when Retry-After would end past the deadline', async () => {
    const clock = fakeClock()
    const error = awsError('TooManyRequestsException', 429, 'x', { 'retry-after': '5' })
    const op = failing(error)
    await expect(withRetry(clock, policy({ deadline: 2_000 }), op)).rejects.toBe(error)
    expect(op).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toEqual([])
  })

  it('uses the given retryable predicate (isTransient retries a 500, isBusy does not)', async () => {
    const e500 = (): Error => awsError('ServiceException', 500)
    const busyOnly = failing(e500())
    await expect(withRetry(fakeClock(), policy({ retryable: isBusy }), busyOnly)).rejects.toMatchObject({
      name: 'ServiceException'
    })
    const transient = failing(e500(), e500())
    await expect(withRetry(fakeClock(), policy({ retryable: isTransient }), transient)).resolves.toBe('ok')
    expect(transient).toHaveBeenCalledTimes(3)
  })
})
