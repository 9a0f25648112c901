// Is the new version's p99 above the old one's by more than the tolerance, beyond sampling luck?
import type { TailPoint } from '../aws/api.js'
import { quantileRanks } from './stats.js'

interface TailFigures {
  /** Duration samples in the window. */
  samples: number
  tail: readonly TailPoint[]
}

interface P99Bounds {
  /** The new version's p99 is at least this (confidence 1 − a). */
  newAtLeastMs: number
  /** The old version's p99 is at most this (confidence 1 − a). */
  oldAtMostMs: number
}

/**
 * Bounds on both p99s from order statistics, each at confidence 1 − a: a nearest-rank percentile pct of
 * n samples is the ⌈pct·n/100⌉-th smallest, so the tail point at or below the lower rank bounds the new
 * p99 from below, the one at or above the upper rank bounds the old p99 from above. Undefined when either
 * side has too few samples for such a bound: a p99 from 120 samples is one or two invocations, and a
 * ratio of two such figures fails a healthy version about one time in ten. CloudWatch's percentiles
 * are estimates of these nearest-rank figures; the emulator computes them exactly.
 */
export function p99Bounds(fresh: TailFigures, old: TailFigures, a: number): P99Bounds | undefined {
  const low = quantileRanks(fresh.samples, 0.99, a).lower
  const high = quantileRanks(old.samples, 0.99, a).upper
  if (low === undefined || high === undefined) return undefined
  // Never a point past p99 for the lower bound, nor one short of it for the upper: with few samples
  // several points share a rank, and only this keeps "the new tail within tolerance of the old" a pass.
  const below = ascending(fresh.tail)
    .filter(t => t.pct <= 99 && rankOf(t.pct, fresh.samples) <= low)
    .at(-1)
  const above = ascending(old.tail).find(t => t.pct >= 99 && rankOf(t.pct, old.samples) >= high)
  if (!below || !above) return undefined
  return { newAtLeastMs: below.lowMs, oldAtMostMs: above.highMs }
}

/** The rank a nearest-rank percentile takes, in whole tenths so that 99.1·n/100 has no rounding. */
function rankOf(pct: number, n: number): number {
  return Math.max(1, Math.ceil((Math.round(pct * 10) * n) / 1000))
}

const ascending = (tail: readonly TailPoint[]): TailPoint[] => [...tail].sort((x, y) => x.pct - y.pct)
