/**
 * Statistics for canary analysis: is the new version's error proportion greater than the old one's?
 *
 * Fisher's exact test, one-sided. The error count of the new version, given both versions' totals and
 * the total error count, is hypergeometric; the p-value is its upper tail from the observed count. The
 * tail is one log-space term (log-factorials via Stirling's error, so no huge numbers cancel) times a sum
 * of running ratios of neighbouring terms: relative error ~1e-12 even for counts in the millions, no overflow,
 * and about 10·σ of the error count's spread in steps, however large the counts.
 */

/** Above this total the two-proportion z-test may stand in for Fisher's test (see errorIncreaseTest). */
export const FISHER_MAX_TOTAL = 1_000_000_000
/** ...but only when every cell's expected count is at least this, where the normal approximation holds. */
const Z_MIN_EXPECTED = 100

/** Stop summing a tail once a term adds less than this fraction: below double precision. */
const NEGLIGIBLE = 1e-17

const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI)
const TABLE_SIZE = 16
const smallLogFactorials: number[] = [0]
for (let k = 1; k < TABLE_SIZE; k++) smallLogFactorials.push(smallLogFactorials[k - 1]! + Math.log(k))

/**
 * Stirling's error ln(n!) − [(n + ½)·ln n − n + ln √(2π)]: a small number, so unlike ln(n!) itself (~1e7
 * for n in the millions, carrying only ~1e-9 absolute precision) it keeps full precision. Exact sums below
 * 16, Stirling's series above (next term below 1e-16 there).
 */
function stirlingError(n: number): number {
  if (n < TABLE_SIZE) return n === 0 ? 0 : smallLogFactorials[n]! - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI
  const inv2 = 1 / (n * n)
  return (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188)))) / n
}

/** ln(n!) for a whole n ≥ 0. */
export function logFactorial(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`logFactorial: ${n} is not a whole number ≥ 0`)
  if (n < TABLE_SIZE) return smallLogFactorials[n]!
  return (n + 0.5) * Math.log(n) - n + LN_SQRT_2PI + stirlingError(n)
}

/** x·ln(x/m) + m − x, by a series when x ≈ m where the direct form cancels. */
function deviance(x: number, m: number): number {
  if (x === 0) return m
  if (Math.abs(x - m) >= 0.1 * (x + m)) return x * Math.log(x / m) + m - x
  let v = (x - m) / (x + m)
  let sum = (x - m) * v
  let term = 2 * x * v
  v *= v
  for (let j = 1; j < 1000; j++) {
    term *= v
    const next = sum + term / (2 * j + 1)
    if (next === sum) break
    sum = next
  }
  return sum
}

/**
 * ln P(X = x), X ~ Binomial(n, p), q = 1 − p, in Loader's saddle-point form: built from Stirling's errors
 * and deviances, which stay small, instead of differences of huge log-factorials. Precise to ~1e-14 for
 * any n a double holds.
 */
function logBinomialPmf(x: number, n: number, p: number, q: number): number {
  if (x < 0 || x > n) return -Infinity
  if (p === 0) return x === 0 ? 0 : -Infinity
  if (q === 0) return x === n ? 0 : -Infinity
  if (x === 0) return n === 0 ? 0 : p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q)
  if (x === n) return q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p)
  const core =
    stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviance(x, n * p) - deviance(n - x, n * q)
  // ln(n − x) rather than log1p(−x/n): n − x is exact, x/n near 1 is not.
  return core - 0.5 * (Math.log(2 * Math.PI) + Math.log(x) + Math.log(n - x) - Math.log(n))
}

/** ln P(X = x) for x errors among `drawn` of `total` invocations, `errors` of which failed (hypergeometric). */
function logHypergeometricPmf(x: number, errors: number, total: number, drawn: number): number {
  // C(K,x)·C(N−K,n−x)/C(N,n) equals the same ratio of binomial probabilities at any p; p = n/N keeps each near its mode.
  const p = drawn / total
  const q = (total - drawn) / total
  return (
    logBinomialPmf(x, errors, p, q) +
    logBinomialPmf(drawn - x, total - errors, p, q) -
    logBinomialPmf(drawn, total, p, q)
  )
}

function checkCounts(what: string, errors: number, total: number): void {
  if (!Number.isSafeInteger(errors) || !Number.isSafeInteger(total) || errors < 0 || errors > total)
    throw new RangeError(`${what}: ${errors} errors of ${total} is not a count`)
}

/**
 * Sums a unimodal tail that starts at a term whose log is logFirst and moves away from the mode: each
 * next term is the previous one times ratio(x), x being the previous term's position. Returns the log.
 */
function logTail(
  logFirst: number,
  from: number,
  to: number,
  step: 1 | -1,
  ratio: (x: number) => number
): number {
  let term = 1
  let sum = 1
  for (let x = from; x !== to; x += step) {
    term *= ratio(x)
    sum += term
    if (term < sum * NEGLIGIBLE) break
  }
  return logFirst + Math.log(sum)
}

/**
 * One-sided Fisher's exact test: the probability, if both versions fail at the same rate, of the new
 * version showing at least newErrors of its newTotal invocations as errors. Small means "worse".
 */
export function fisherOneSided(
  newErrors: number,
  newTotal: number,
  oldErrors: number,
  oldTotal: number
): number {
  checkCounts('new version', newErrors, newTotal)
  checkCounts('old version', oldErrors, oldTotal)
  const a = newErrors
  const n = newTotal
  const total = newTotal + oldTotal
  const errors = newErrors + oldErrors
  if (a === 0) return 1
  const ok = total - errors
  const lowest = Math.max(0, n - ok)
  const highest = Math.min(errors, n)
  const logPmf = (x: number): number => logHypergeometricPmf(x, errors, total, n)
  const mode = Math.floor(((n + 1) * (errors + 1)) / (total + 2))
  if (a >= mode) {
    // Upper tail from a: terms shrink as x grows past the mode.
    const up = (x: number): number => ((errors - x) * (n - x)) / ((x + 1) * (ok - n + x + 1))
    return clamp01(Math.exp(logTail(logPmf(a), a, highest, 1, up)))
  }
  // The observed count is below the mode, so the tail holds most of the mass: 1 − the (short) lower tail.
  if (a - 1 < lowest) return 1
  const down = (x: number): number => (x * (ok - n + x)) / ((errors - x + 1) * (n - x + 1))
  return clamp01(1 - Math.exp(logTail(logPmf(a - 1), a - 1, lowest, -1, down)))
}

/**
 * One-sided two-proportion z-test with pooled variance: P(Z ≥ z) for the difference newRate − oldRate.
 * An approximation of Fisher's test for large counts; 1 when there is nothing to compare.
 */
export function twoProportionZ(
  newErrors: number,
  newTotal: number,
  oldErrors: number,
  oldTotal: number
): number {
  checkCounts('new version', newErrors, newTotal)
  checkCounts('old version', oldErrors, oldTotal)
  if (newTotal === 0 || oldTotal === 0) return 1
  const pooled = (newErrors + oldErrors) / (newTotal + oldTotal)
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / newTotal + 1 / oldTotal))
  // No errors at all (or nothing but errors): no evidence either way.
  if (se === 0) return 1
  const z = (newErrors / newTotal - oldErrors / oldTotal) / se
  return clamp01(0.5 * erfc(z / Math.SQRT2))
}

interface ErrorTest {
  p: number
  test: 'fisher' | 'z'
}

/**
 * The p-value for "the new version's error rate is higher". Fisher's exact test, except past
 * FISHER_MAX_TOTAL invocations with every expected cell ≥ Z_MIN_EXPECTED: there Fisher's tail could take
 * ~10·σ ≈ 5·√total (over 150,000) steps, and the normal approximation is accurate, so the z-test answers.
 * No real canary window comes near that total (an hour at 100,000 requests a second is 3.6e8); the switch
 * only keeps the cost bounded for any input. With few errors the z-test would be wrong, so Fisher stays.
 */
export function errorIncreaseTest(
  newErrors: number,
  newTotal: number,
  oldErrors: number,
  oldTotal: number
): ErrorTest {
  const total = newTotal + oldTotal
  const errors = newErrors + oldErrors
  if (total > FISHER_MAX_TOTAL) {
    const smallestExpected =
      (Math.min(errors, total - errors) * Math.min(newTotal, oldTotal)) / Math.max(total, 1)
    if (smallestExpected >= Z_MIN_EXPECTED)
      return { p: twoProportionZ(newErrors, newTotal, oldErrors, oldTotal), test: 'z' }
  }
  return { p: fisherOneSided(newErrors, newTotal, oldErrors, oldTotal), test: 'fisher' }
}

/**
 * P(X ≥ errors) for X ~ Binomial(total, rate): how surprising this many errors would be if the true
 * error rate were `rate`. Used when there is no old version to compare with.
 */
export function binomialUpperTail(errors: number, total: number, rate: number): number {
  checkCounts('binomial', errors, total)
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`binomial: rate ${rate} is not in [0, 1]`)
  if (errors === 0 || rate === 1) return 1
  if (rate === 0) return 0
  const logPmf = (x: number): number => logBinomialPmf(x, total, rate, 1 - rate)
  const odds = rate / (1 - rate)
  const mode = Math.floor((total + 1) * rate)
  if (errors >= mode) {
    const up = (x: number): number => ((total - x) / (x + 1)) * odds
    return clamp01(Math.exp(logTail(logPmf(errors), errors, total, 1, up)))
  }
  const down = (x: number): number => x / (total - x + 1) / odds
  return clamp01(1 - Math.exp(logTail(logPmf(errors - 1), errors - 1, 0, -1, down)))
}

const ERFC_COEFFICIENTS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
  -0.82215223, 0.17087277
]

/** erfc(x): Chebyshev fit with fractional error below 1.2e-7 everywhere (Numerical Recipes' erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  let poly = 0
  for (let i = ERFC_COEFFICIENTS.length - 1; i >= 0; i--) poly = ERFC_COEFFICIENTS[i]! + t * poly
  const r = t * Math.exp(-z * z + poly)
  return x >= 0 ? r : 2 - r
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p))
}

/** Ranks of the sorted sample (1 = smallest) that bound a quantile; undefined where n cannot. */
interface QuantileRanks {
  /** The k-th smallest sample is at most the true quantile with probability ≥ 1 − a. */
  lower: number | undefined
  /** The u-th smallest sample is at least the true quantile with probability ≥ 1 − a. */
  upper: number | undefined
}

/**
 * Distribution-free confidence bounds for the q-quantile from n samples (order statistics): the count of
 * samples above the true quantile is Binomial(n, 1 − q), whatever the distribution. Its distribution
 * function is summed from 40 σ below its mean, where the terms are still far below double precision,
 * to about 2 σ above it: some 42 σ steps, not n.
 */
export function quantileRanks(n: number, q: number, a: number): QuantileRanks {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`quantileRanks: ${n} is not a count`)
  if (!(q > 0 && q < 1 && a > 0 && a < 0.5))
    throw new RangeError(`quantileRanks: q ${q} or a ${a} out of range`)
  const p = 1 - q
  const mean = n * p
  const from = Math.max(0, Math.floor(mean - 40 * Math.sqrt(mean * q) - 1))
  let cdf = 0
  // j: the most samples that can be above the quantile while P(above ≥ j) ≥ 1 − a (0: none).
  let j = 0
  for (let x = from; x <= n; x++) {
    cdf += Math.exp(logBinomialPmf(x, n, p, q))
    if (cdf <= a) j = x + 1
    if (cdf >= 1 - a) {
      // x: the fewest above the quantile that cover it with probability ≥ 1 − a.
      const k = n - x
      return { lower: k >= 1 ? k : undefined, upper: j >= 1 ? n - j + 1 : undefined }
    }
  }
  return { lower: undefined, upper: j >= 1 ? n - j + 1 : undefined }
}
