import type { Clock } from '../clock.js'

/**
 * Paces calls: up to `burst` go at once, then `perSecond` sustained (a token bucket in its GCRA form), and
 * never more than `perSecond` in any one-second window. Lambda's control plane allows 15 requests/s per
 * account and region for most calls together, so a rollout of many functions queues itself, while the few
 * calls of a small rollout are not held back at all. Slots are handed out in call order.
 */
/**
 * The cap is counted over a little more than a second when calls can burst: requests handed the same slot
 * leave a few milliseconds apart and arrive unevenly, and a strict second lets jitter squeeze one more
 * into Lambda's window.
 */
const JITTER_MS = 40

export class RateLimiter {
  /** The GCRA's theoretical arrival time of the next call. */
  private tat = -Infinity
  /** Times of the last `window` slots handed out, oldest first. */
  private readonly recent: number[] = []
  private readonly interval: number
  private readonly tolerance: number
  private readonly window: number
  private readonly windowMs: number

  constructor(
    private readonly clock: Clock,
    private readonly perSecond: number,
    burst = 5
  ) {
    this.interval = 1000 / perSecond
    this.window = Math.floor(perSecond)
    // Only bursts send calls close together; at a few calls a second even spacing has room for jitter.
    this.windowMs = this.window >= 5 ? 1000 + JITTER_MS : 1000
    this.tolerance = (Math.max(1, Math.min(burst, this.window || 1)) - 1) * this.interval
  }

  /** Waits for this caller's slot. */
  async acquire(signal?: AbortSignal): Promise<void> {
    if (!(this.perSecond > 0) || !Number.isFinite(this.perSecond)) return
    const now = this.clock.now()
    let slot = Math.max(now, this.tat - this.tolerance)
    // The window cap: the call `window` slots back must be a full second before this one.
    if (this.window >= 1 && this.recent.length >= this.window)
      slot = Math.max(slot, (this.recent[this.recent.length - this.window] as number) + this.windowMs)
    // Sums of 1000/14 carry float noise: a slot within a microsecond of now is now.
    if (slot - now < 1e-3) slot = now
    this.tat = Math.max(this.tat, slot) + this.interval
    this.recent.push(slot)
    if (this.recent.length > this.window) this.recent.shift()
    if (slot > now) await this.clock.sleep(slot - now, signal)
  }
}
