// CloudWatch statistics over the raw samples of one bucket: Sum, SampleCount, Average, Minimum, Maximum
// and percentiles `pNN` / `pNN.N`. Percentiles use the nearest-rank method on the exact samples
// (CloudWatch's own estimator is approximate and unpublished; on these sample sizes both agree closely).

export type Statistic = (values: number[]) => number

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0)

const NAMED: Record<string, Statistic> = {
  Sum: sum,
  SampleCount: values => values.length,
  Average: values => sum(values) / values.length,
  // Loops, not Math.min(...values): a bucket can hold more samples than a call has argument slots.
  Minimum: values => values.reduce((a, b) => (b < a ? b : a), Infinity),
  Maximum: values => values.reduce((a, b) => (b > a ? b : a), -Infinity)
}

// The smallest sample with at least p% of the samples at or below it.
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  // Less a hair, so that 98.9% of 1,000 is rank 989 even where floating point makes it 989.0000000001.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100 - 1e-9))
  return sorted[Math.min(rank, sorted.length) - 1]!
}

const PERCENTILE = /^p(\d{1,3}(?:\.\d{1,10})?)$/
// Statistics CloudWatch accepts that the emulator does not compute: named in the error, so a caller can
// tell "not supported here" from "not a statistic".
const UNSUPPORTED = /^(tm|wm|tc|ts|TM|WM|TC|TS|PR|IQM)/

export type StatParse = { stat: Statistic } | { error: 'invalid' | 'unsupported' }

export function parseStat(name: string): StatParse {
  const named = NAMED[name]
  if (named !== undefined) return { stat: named }
  const match = PERCENTILE.exec(name)
  if (match) {
    const p = Number(match[1])
    if (p >= 0 && p <= 100) return { stat: values => percentile(values, p) }
    return { error: 'invalid' }
  }
  return { error: UNSUPPORTED.test(name) ? 'unsupported' : 'invalid' }
}
