// The engine's side of settling: what a judgement of these functions waits for. The window maths are
// pure and live with the plan (inputs/settle.ts), so the input checks can count them too.
import type { Settling } from '../inputs/settle.js'
import type { FunctionRollout } from './record.js'

/** What a judgement of these functions waits for: the lag, the resolution, their longest timeout. */
export function settlingOf(
  ds: readonly Pick<FunctionRollout, 'timeoutMs'>[],
  m: { metricsDelayMs: number; resolutionMs: number }
): Settling {
  return {
    delayMs: m.metricsDelayMs,
    resolutionMs: m.resolutionMs,
    functionTimeoutMs: Math.max(0, ...ds.map(d => d.timeoutMs ?? 3000))
  }
}
