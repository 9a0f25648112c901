// Synthetic traffic: invocations of an alias at a steady rate, made in-process through the same code path
// as an Invoke request (routing weights apply at each moment, outcomes and metrics are recorded) but
// without HTTP, fault injection or the request log, so tests that count API calls are not disturbed.
//
// The schedule is a count, not a timer per call: by clock time t, floor((t - start) × rps / 1000)
// invocations are due. A tick every 50 ms sends what is due, and stop() sends the rest up to now, so the
// total after stop() is exact for the elapsed clock time, and an injected clock drives it deterministically.
import type { ApiResponse } from './errors.js'
import type { Traffic, TrafficHandle, TrafficOptions, TrafficStats } from './types.js'

export type Invoker = (functionName: string, qualifier: string) => ApiResponse

const TICK_MS = 50
const MAX_RPS = 1000
// A tick never sends more than this; a larger backlog (a clock jump, a stalled event loop) is skipped and
// counted, so moving a test clock by a day does not run millions of invocations.
const MAX_PER_TICK = 10000

function checkOptions(options: TrafficOptions): void {
  const { functionName, alias, rps } = options
  if (typeof functionName !== 'string' || functionName === '') {
    throw new TypeError('functionName must be a non-empty string')
  }
  if (typeof alias !== 'string' || alias === '') throw new TypeError('alias must be a non-empty string')
  if (typeof rps !== 'number' || !Number.isFinite(rps) || rps <= 0 || rps > MAX_RPS) {
    throw new RangeError(`rps must be a number above 0 and at most ${MAX_RPS}`)
  }
}

function failureText(response: ApiResponse): string {
  const body = (response.json ?? {}) as { message?: unknown; Message?: unknown }
  const message = body.message ?? body.Message ?? ''
  return `${response.status} ${response.errorType ?? 'Error'}: ${String(message)}`
}

class Stream implements TrafficHandle {
  private readonly counts: TrafficStats
  private due = 0 // invocations sent or skipped so far
  private readonly timer: ReturnType<typeof setInterval>

  constructor(
    readonly id: string,
    options: TrafficOptions,
    private readonly invoke: Invoker,
    private readonly now: () => number,
    private readonly onStop: (id: string) => void
  ) {
    this.counts = {
      id,
      functionName: options.functionName,
      alias: options.alias,
      rps: options.rps,
      startedAt: now(),
      running: true,
      invocations: 0,
      functionErrors: 0,
      failures: 0,
      skipped: 0,
      versions: {}
    }
    this.timer = setInterval(() => this.tick(), TICK_MS)
    this.timer.unref() // traffic alone never keeps a process alive
  }

  stats(): TrafficStats {
    return { ...this.counts, versions: { ...this.counts.versions } }
  }

  stop(): TrafficStats {
    if (this.counts.running) {
      this.tick()
      clearInterval(this.timer)
      this.counts.running = false
      this.onStop(this.id)
    }
    return this.stats()
  }

  private tick(): void {
    const c = this.counts
    const due = Math.floor(((this.now() - c.startedAt) * c.rps) / 1000)
    let n = due - this.due
    if (n <= 0) return
    if (n > MAX_PER_TICK) {
      c.skipped += n - MAX_PER_TICK
      this.due += n - MAX_PER_TICK
      n = MAX_PER_TICK
    }
    for (let i = 0; i < n; i++) {
      this.due += 1
      this.once()
    }
  }

  private once(): void {
    const c = this.counts
    let response: ApiResponse
    try {
      response = this.invoke(c.functionName, c.alias)
    } catch (e) {
      c.failures += 1
      c.lastFailure = `500 ServiceException: ${(e as Error).message}`
      return
    }
    if (response.status !== 200) {
      c.failures += 1
      c.lastFailure = failureText(response)
      return
    }
    c.invocations += 1
    const version = response.headers?.['X-Amz-Executed-Version'] ?? '$LATEST'
    c.versions[version] = (c.versions[version] ?? 0) + 1
    if (response.headers?.['X-Amz-Function-Error'] !== undefined) c.functionErrors += 1
  }
}

export class TrafficController implements Traffic {
  private readonly streams = new Map<string, Stream>()
  private nextId = 1

  constructor(
    private readonly invoke: Invoker,
    private readonly now: () => number
  ) {}

  start(options: TrafficOptions): TrafficHandle {
    checkOptions(options)
    const id = `traffic-${this.nextId++}`
    const stream = new Stream(
      id,
      { functionName: options.functionName, alias: options.alias, rps: options.rps },
      this.invoke,
      this.now,
      stopped => this.streams.delete(stopped)
    )
    this.streams.set(id, stream)
    return stream
  }

  get(id: string): TrafficHandle | undefined {
    return this.streams.get(id)
  }

  list(): TrafficStats[] {
    return [...this.streams.values()].map(s => s.stats())
  }

  stopAll(): void {
    for (const stream of [...this.streams.values()]) stream.stop()
  }
}
