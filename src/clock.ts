/** Time, injected so that a five-minute canary is tested in milliseconds. */
export interface Clock {
  now(): number
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

/** Uniform in [0, 1): injected so that retry jitter is reproducible in tests. */
export type Random = () => number

// setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): longer waits are chained.
const MAX_TIMER_MS = 2_147_483_647

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise(resolve => {
      if (signal?.aborted || ms <= 0) return resolve()
      const end = Date.now() + ms
      let timer: NodeJS.Timeout
      const done = (): void => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      const arm = (): void => {
        const left = end - Date.now()
        if (left <= 0) return done()
        timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS))
      }
      arm()
      signal?.addEventListener('abort', done, { once: true })
    })
}

/** Calls `fire` at `deadline` (epoch ms), however far away; the returned function cancels it. */
export function atDeadline(deadline: number, fire: () => void): () => void {
  const cancel = new AbortController()
  void systemClock.sleep(deadline - Date.now(), cancel.signal).then(() => {
    if (!cancel.signal.aborted) fire()
  })
  return () => cancel.abort()
}

/** `08:00:01` in UTC, the way the runner's log timestamps read. */
export function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19)
}
