import type { Clock } from '../clock.js'

/**
 * Paces calls to at most `perSecond`, spread evenly. Lambda's control plane allows 15 requests/s per
 * account and region for most calls together, so a rollout of many functions has to queue itself.
 */
export class RateLimiter {
  private next = 0

  constructor(
    private readonly clock: Clock,
    private readonly perSecond: number
  ) {}

  /** Waits for this caller's slot. Slots are handed out in call order. */
  async acquire(signal?: AbortSignal): Promise<void> {
    if (!(this.perSecond > 0) || !Number.isFinite(this.perSecond)) return
    const gap = 1000 / this.perSecond
    const now = this.clock.now()
    const slot = Math.max(now, this.next)
    this.next = slot + gap
    if (slot > now) await this.clock.sleep(slot - now, signal)
  }
}

/** Runs `task` over `items` with at most `limit` at once; results in input order; settles all. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>
): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length)
  let cursor = 0
  const worker = async (): Promise<void> => {
    while (cursor < items.length) {
      const index = cursor++
      try {
        results[index] = { status: 'fulfilled', value: await task(items[index] as T, index) }
      } catch (reason) {
        results[index] = { status: 'rejected', reason }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}
