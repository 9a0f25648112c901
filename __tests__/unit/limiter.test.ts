import type { Clock } from '../../src/clock.js'
import { RateLimiter } from '../../src/aws/limiter.js'
import { mapLimit } from '../../src/concurrency.js'

/** Sleep advances time at once: sequential callers see a timeline, concurrent callers see their waits. */
function fakeClock(start = 0): Clock & { sleeps: number[]; advance: (ms: number) => void } {
  let t = start
  const sleeps: number[] = []
  return {
    sleeps,
    advance: ms => {
      t += ms
    },
    now: () => t,
    sleep: async ms => {
      sleeps.push(ms)
      t += ms
    }
  }
}

/** Sleep records the wait without moving time: every concurrent caller's slot is visible as its wait. */
function frozenClock(t = 1_000): Clock & { sleeps: number[] } {
  const sleeps: number[] = []
  return { sleeps, now: () => t, sleep: async ms => void sleeps.push(ms) }
}

function deferred<T = void>(): {
  promise: Promise<T>
  resolve: (v: T) => void
  reject: (e: unknown) => void
} {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

type Gate = ReturnType<typeof deferred<void>>

const tick = (): Promise<void> => new Promise(resolve => setImmediate(resolve))

describe('RateLimiter', () => {
  /** Start times of `n` sequential acquires. */
  async function sequential(limiter: RateLimiter, clock: Clock, n: number): Promise<number[]> {
    const times: number[] = []
    for (let i = 0; i < n; i++) {
      await limiter.acquire()
      times.push(clock.now())
    }
    return times
  }

  it.each([10, 4, 14, 1, 0.5])(
    '%p per second: a burst of at most 5 at once, then never more than the rate in any second',
    async perSecond => {
      const clock = fakeClock(5_000)
      const times = await sequential(new RateLimiter(clock, perSecond), clock, 40)
      const burst = Math.max(1, Math.min(5, Math.floor(perSecond)))
      expect(times.filter(t => t === 5_000)).toHaveLength(burst)
      const EPS = 1e-6
      const cap = Math.max(1, Math.floor(perSecond))
      for (const start of times)
        expect(times.filter(t => t >= start && t < start + 1000 - EPS).length).toBeLessThanOrEqual(cap)
      // Sustained at the rate: 40 calls span at least (40 - cap) / rate seconds.
      expect((times.at(-1) as number) - 5_000).toBeGreaterThanOrEqual(((40 - cap) * 1000) / perSecond - EPS)
    }
  )

  it.each([
    [1, 1000],
    [0.5, 2000]
  ])('%p per second has no burst: evenly %p ms apart', async (perSecond, gap) => {
    const clock = fakeClock()
    const times = await sequential(new RateLimiter(clock, perSecond), clock, 5)
    times.slice(1).forEach((t, i) => expect(t - (times[i] as number)).toBeCloseTo(gap, 6))
  })

  it('the first five concurrent callers go at once, the rest are spaced evenly, in call order', async () => {
    const clock = frozenClock()
    const limiter = new RateLimiter(clock, 10)
    await Promise.all(Array.from({ length: 8 }, () => limiter.acquire()))
    // Five at once (no sleep), then 100, 200, 300 ms.
    expect(clock.sleeps).toEqual([100, 200, 300])
  })

  it('a burst of 1 is the old even spacing', async () => {
    const clock = frozenClock()
    const limiter = new RateLimiter(clock, 10, 1)
    await Promise.all(Array.from({ length: 4 }, () => limiter.acquire()))
    expect(clock.sleeps).toEqual([100, 200, 300])
  })

  it('14 per second with a burst: never 15 calls in any one-second window, 14/s sustained', async () => {
    const clock = fakeClock()
    const times = await sequential(new RateLimiter(clock, 14), clock, 200)
    const EPS = 1e-6 // slots are sums of 1000/14: a boundary call lands within float noise of start + 1000
    for (const start of times)
      expect(times.filter(t => t >= start && t < start + 1000 - EPS).length).toBeLessThanOrEqual(14)
    // Sustained: 200 calls take (200 - 14) / 14 s at least, and not much more.
    expect(times.at(-1)).toBeGreaterThanOrEqual(((200 - 14) * 1000) / 14 - EPS)
    // …with the cap counted over 1.04 s (room for network jitter), not much slower than 14/s.
    expect(times.at(-1)).toBeLessThanOrEqual(((200 - 14) * 1040) / 14 + 1040)
  })

  it('banks at most a burst: after a quiet spell five go at once, the sixth waits a gap', async () => {
    const clock = fakeClock()
    const limiter = new RateLimiter(clock, 10)
    await sequential(limiter, clock, 20)
    clock.advance(60_000)
    clock.sleeps.length = 0
    await sequential(limiter, clock, 6)
    expect(clock.sleeps).toHaveLength(1)
    expect(clock.sleeps[0]).toBeCloseTo(100, 6)
  })

  it.each([0, -1, Infinity, NaN])('perSecond %p does not limit', async perSecond => {
    const clock = fakeClock()
    const limiter = new RateLimiter(clock, perSecond)
    for (let i = 0; i < 5; i++) await limiter.acquire()
    expect(clock.sleeps).toEqual([])
  })
})

describe('mapLimit', () => {
  it('preserves input order whatever order tasks finish in', async () => {
    const results = await mapLimit([30, 10, 20, 0, 5], 3, async (ms, i) => {
      await new Promise(resolve => setTimeout(resolve, ms))
      return `${i}:${ms}`
    })
    expect(results).toEqual([
      { status: 'fulfilled', value: '0:30' },
      { status: 'fulfilled', value: '1:10' },
      { status: 'fulfilled', value: '2:20' },
      { status: 'fulfilled', value: '3:0' },
      { status: 'fulfilled', value: '4:5' }
    ])
  })

  it.each([1, 2, 3, 7, 20])('never runs more than %p at once, and uses the limit fully', async limit => {
    const items = Array.from({ length: 12 }, (_, i) => i)
    const gates = items.map(() => deferred())
    let active = 0
    let peak = 0
    const started: number[] = []
    const done = mapLimit(items, limit, async i => {
      active++
      peak = Math.max(peak, active)
      started.push(i)
      await (gates[i] as Gate).promise
      active--
      return i
    })
    await tick()
    expect(active).toBe(Math.min(limit, items.length))
    // Release them in start order, one at a time: a freed slot is taken at once, never more than the limit.
    for (let n = 0; n < items.length; n++) {
      ;(gates[started[n] as number] as Gate).resolve()
      await tick()
      expect(active).toBeLessThanOrEqual(limit)
      expect(active).toBe(Math.min(limit, items.length - n - 1))
    }
    const results = await done
    expect(peak).toBe(Math.min(limit, items.length))
    expect(results.map(r => (r as PromiseFulfilledResult<number>).value)).toEqual(items)
  })

  it('settles rejections in place and keeps going with the rest', async () => {
    const boom = new Error('boom')
    const seen: number[] = []
    const results = await mapLimit([1, 2, 3, 4, 5], 2, async n => {
      seen.push(n)
      if (n === 2) throw boom
      if (n === 4) throw 'not an Error'
      return n * 10
    })
    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: boom },
      { status: 'fulfilled', value: 30 },
      { status: 'rejected', reason: 'not an Error' },
      { status: 'fulfilled', value: 50 }
    ])
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5])
  })

  it('settles a task that throws synchronously', async () => {
    const results = await mapLimit(['a', 'b'], 2, ((item: string) => {
      if (item === 'a') throw new Error('sync')
      return Promise.resolve(item)
    }) as (item: string) => Promise<string>)
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: 'sync' } })
    expect(results[1]).toEqual({ status: 'fulfilled', value: 'b' })
  })

  it('passes each item with its index, once', async () => {
    const calls: [string, number][] = []
    await mapLimit(['x', 'y', 'z'], 2, async (item, index) => {
      calls.push([item, index])
    })
    expect(calls.sort()).toEqual([
      ['x', 0],
      ['y', 1],
      ['z', 2]
    ])
  })

  it('an empty list gives an empty result without calling the task', async () => {
    let called = false
    expect(
      await mapLimit([], 5, async () => {
        called = true
      })
    ).toEqual([])
    expect(called).toBe(false)
  })

  it.each([0, -3])('a limit of %p still runs everything, one at a time', async limit => {
    let active = 0
    let peak = 0
    const results = await mapLimit([1, 2, 3], limit, async n => {
      active++
      peak = Math.max(peak, active)
      await tick()
      active--
      return n
    })
    expect(results.map(r => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled'])
    expect(peak).toBe(1)
  })
})
