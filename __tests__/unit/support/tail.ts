// Duration tails for judgement tests: the percentile grid the metrics reader asks for, and a tail of
// figures shaped around a given p99.
import type { TailPoint } from '../../../src/aws/api.js'

/** The grid in tenths of a percent, p99 included; 1000 is the maximum. */
export const TAIL_TENTHS = [
  950, 960, 970, 975, 980, 985, 988, 989, 990, 991, 992, 993, 995, 997, 998, 999, 1000
]

/** A tail around a p99: each tenth of a percent above 99 adds 1% to it, each below takes 1% off. */
export const tailAround = (p99: number): TailPoint[] =>
  TAIL_TENTHS.map(t => {
    const ms = p99 * (1 + (t - 990) / 100)
    return { pct: t / 10, lowMs: ms, highMs: ms }
  })
