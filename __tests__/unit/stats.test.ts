import fc from 'fast-check'
import {
  binomialUpperTail,
  erfc,
  errorIncreaseTest,
  FISHER_MAX_TOTAL,
  fisherOneSided,
  logFactorial,
  quantileRanks,
  twoProportionZ
} from '../../src/analysis/stats.js'

// Reference values below marked "scipy" come from scipy 1.17:
//   scipy.stats.fisher_exact([[a, n1 - a], [c, n2 - c]], alternative='greater')[1]
//   scipy.stats.binom.sf(k - 1, n, rate)
//   scipy.stats.norm.sf(z) with z from the pooled two-proportion formula
// scipy is good to ~1e-10 relative for counts in the millions (1/100 vs 0/1e6 is exactly 100/1000100,
// scipy gives 9.99900009878807e-5), so those references are the hypergeometric tail summed with mpmath
// at 60 digits from loggamma. Others are computed here from the textbook formulas with exact BigInt
// arithmetic.

function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n
  let r = 1n
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i)
  return r
}

/** P(X ≥ a), X hypergeometric: Σ C(K,x)·C(N−K,n1−x) / C(N,n1), exact rational then one division. */
function bruteFisher(a: number, n1: number, c: number, n2: number): number {
  const K = a + c
  const N = n1 + n2
  let num = 0n
  for (let x = a; x <= Math.min(K, n1); x++) num += choose(K, x) * choose(N - K, n1 - x)
  const den = choose(N, n1)
  // Scale before dividing so the quotient keeps ~15 significant digits.
  return Number((num * 10n ** 40n) / den) / 1e40
}

function bruteBinomialTail(k: number, n: number, rate: number): number {
  let sum = 0
  for (let x = k; x <= n; x++) sum += Number(choose(n, x)) * rate ** x * (1 - rate) ** (n - x)
  return sum
}

function closeTo(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative + 1e-300)
}

describe('logFactorial', () => {
  it('matches ln(n!) from exact factorials below the table boundary and just above it', () => {
    let f = 1n
    for (let n = 1; n <= 300; n++) {
      f *= BigInt(n)
      // ln of a BigInt: digits count plus the log of the leading digits.
      const s = f.toString()
      const lead = s.slice(0, 17)
      const ln = Math.log(Number(lead)) + (s.length - lead.length) * Math.LN10
      closeTo(logFactorial(n), ln, 1e-14)
    }
  })

  it('matches lgamma(n + 1) for large n (Python math.lgamma)', () => {
    closeTo(logFactorial(1000), 5912.128178488163, 1e-15)
    closeTo(logFactorial(1_000_000), 12815518.384658169, 1e-15)
  })

  it('rejects what is not a whole number ≥ 0', () => {
    expect(() => logFactorial(-1)).toThrow(RangeError)
    expect(() => logFactorial(1.5)).toThrow(RangeError)
  })
})

describe('fisherOneSided', () => {
  it('the tea-tasting table 3/1/1/3 gives 17/70 ≈ 0.2429', () => {
    closeTo(fisherOneSided(3, 4, 1, 4), 17 / 70, 1e-12)
  })

  it.each([
    [5, 10, 0, 10, 0.016253869969040248],
    [1, 1, 0, 1, 0.5],
    [10, 10, 0, 10, 5.412544112234515e-6],
    [7, 12, 2, 15, 0.019374523264683453],
    [2, 5, 3, 5, 0.8968253968253967],
    [12, 1000, 5, 1000, 0.07088029152326587],
    [25, 1204, 43, 10870, 2.833680293996711e-9]
  ])('%d/%d vs %d/%d matches scipy (%d)', (a, n1, c, n2, p) => {
    closeTo(fisherOneSided(a, n1, c, n2), p, 1e-10)
  })

  it.each([
    [1050, 1_000_000, 1000, 1_000_000, 0.13945047355316675],
    [30, 2_000_000, 10, 3_000_000, 7.462229543333893e-6],
    [1, 100, 0, 1_000_000, 9.999000099990002e-5],
    [4000, 2_000_000, 3500, 2_000_000, 3.977049782882337e-9],
    [1_002_000, 100_000_000, 1_000_000, 100_000_000, 0.0778147746097485]
  ])('huge counts %d/%d vs %d/%d match the 60-digit sum (%d)', (a, n1, c, n2, p) => {
    closeTo(fisherOneSided(a, n1, c, n2), p, 1e-12)
  })

  it('is 1 when there are no errors on either side, and when the new version has none', () => {
    expect(fisherOneSided(0, 0, 0, 0)).toBe(1)
    expect(fisherOneSided(0, 5000, 0, 5000)).toBe(1)
    expect(fisherOneSided(0, 5, 3, 5)).toBe(1)
  })

  it('is 1 when everything failed on both sides: equal rates are no evidence', () => {
    expect(fisherOneSided(10, 10, 10, 10)).toBeCloseTo(1, 12)
    expect(fisherOneSided(1, 1, 1_000_000, 1_000_000)).toBeCloseTo(1, 12)
  })

  it('equal rates are never significant', () => {
    for (const [e, n] of [
      [1, 10],
      [5, 100],
      [50, 1000],
      [2000, 1_000_000]
    ] as const)
      expect(fisherOneSided(e, n, e, n)).toBeGreaterThan(0.4)
  })

  it('tiny samples: one error in one invocation against none in one is not significant', () => {
    expect(fisherOneSided(1, 1, 0, 1)).toBeCloseTo(0.5, 12)
    expect(fisherOneSided(1, 1, 0, 0)).toBe(1)
    expect(fisherOneSided(2, 2, 0, 2)).toBeCloseTo(1 / 6, 12)
  })

  it('agrees with the exact hypergeometric sum on random small tables', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.nat(),
        fc.nat(),
        (n1, n2, ra, rc) => {
          const a = ra % (n1 + 1)
          const c = rc % (n2 + 1)
          closeTo(fisherOneSided(a, n1, c, n2), bruteFisher(a, n1, c, n2), 1e-11)
        }
      )
    )
  })

  it('upper and lower tails add up to 1 on large tables (both summing paths agree)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (n1, n2, r1, r2) => {
          const a = Math.max(1, Math.round(n1 * r1))
          const c = Math.min(n2 - 1, Math.round(n2 * r2))
          fc.pre(a <= n1 && c >= 0)
          // P(X ≥ a) + P(X ≤ a − 1) = 1; the second is the swapped table's upper tail from c + 1.
          const sum = fisherOneSided(a, n1, c, n2) + fisherOneSided(c + 1, n2, a - 1, n1)
          expect(Math.abs(sum - 1)).toBeLessThan(1e-12)
        }
      ),
      { numRuns: 200 }
    )
  })

  it('more errors in the new version never make the p-value larger', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.nat(),
        fc.nat(),
        (n1, n2, ra, rc) => {
          const a = ra % n1
          const c = rc % (n2 + 1)
          expect(fisherOneSided(a + 1, n1, c, n2)).toBeLessThanOrEqual(fisherOneSided(a, n1, c, n2) + 1e-12)
        }
      )
    )
  })

  it('rejects counts that are not counts', () => {
    expect(() => fisherOneSided(3, 2, 0, 5)).toThrow(RangeError)
    expect(() => fisherOneSided(-1, 2, 0, 5)).toThrow(RangeError)
    expect(() => fisherOneSided(1, 2, 0.5, 5)).toThrow(RangeError)
    expect(() => fisherOneSided(1, 2, 0, Number.NaN)).toThrow(RangeError)
  })
})

describe('twoProportionZ', () => {
  it.each([
    [60, 1000, 40, 1000, 0.020086935144256055],
    [4000, 2_000_000, 3500, 2_000_000, 3.759016656634723e-9]
  ])('%d/%d vs %d/%d matches scipy (%d)', (a, n1, c, n2, p) => {
    closeTo(twoProportionZ(a, n1, c, n2), p, 1e-6)
  })

  it('is 1 with nothing to compare or no variance, and about 0.5 for equal rates', () => {
    expect(twoProportionZ(0, 1000, 0, 1000)).toBe(1)
    expect(twoProportionZ(10, 10, 10, 10)).toBe(1)
    expect(twoProportionZ(5, 10, 0, 0)).toBe(1)
    expect(twoProportionZ(50, 1000, 50, 1000)).toBeCloseTo(0.5, 6)
  })

  it('approaches Fisher on large balanced tables', () => {
    const fisher = fisherOneSided(10_300, 1_000_000, 10_000, 1_000_000)
    const z = twoProportionZ(10_300, 1_000_000, 10_000, 1_000_000)
    expect(Math.abs(z - fisher) / fisher).toBeLessThan(0.05)
  })
})

describe('erfc', () => {
  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028516],
    [2, 0.004677734981047266],
    [-1, 1.8427007929497148],
    [4, 1.541725790028002e-8]
  ])('erfc(%d) = %d within 1.2e-7 relative', (x, expected) => {
    closeTo(erfc(x), expected, 1.2e-7)
  })
})

describe('errorIncreaseTest', () => {
  it('uses Fisher up to FISHER_MAX_TOTAL', () => {
    expect(errorIncreaseTest(3, 4, 1, 4)).toEqual({ p: fisherOneSided(3, 4, 1, 4), test: 'fisher' })
    const half = FISHER_MAX_TOTAL / 2
    expect(errorIncreaseTest(60_000, half, 50_000, half).test).toBe('fisher')
  })

  it('switches to the z-test past FISHER_MAX_TOTAL when every cell is large', () => {
    const out = errorIncreaseTest(120_000, 1e9, 100_000, 1e9)
    expect(out.test).toBe('z')
    expect(out.p).toBeLessThan(1e-100)
  })

  it('keeps Fisher past FISHER_MAX_TOTAL when errors are few, where the z-test would be wrong', () => {
    const n = 600_000_000
    const out = errorIncreaseTest(3, n, 0, n)
    expect(out.test).toBe('fisher')
    // All 3 errors landed in the new half: (n/N)·((n−1)/(N−1))·((n−2)/(N−2)), about 1/8.
    const N = 2 * n
    closeTo(out.p, (n / N) * ((n - 1) / (N - 1)) * ((n - 2) / (N - 2)), 1e-9)
    expect(twoProportionZ(3, n, 0, n)).toBeLessThan(0.05)
  })
})

describe('binomialUpperTail', () => {
  it.each([
    [3, 100, 0.005, 0.014102916535846985],
    [20, 1000, 0.005, 3.0982250424544864e-7],
    [1, 10, 0.005, 0.04888986953422811],
    [5, 1000, 0.005, 0.5599465941935615],
    [60, 10_000, 0.005, 0.09172118302681997],
    [2, 1000, 0.005, 0.9599090033868365]
  ])('k=%d of n=%d at rate %d matches scipy (%d)', (k, n, rate, p) => {
    closeTo(binomialUpperTail(k, n, rate), p, 1e-12)
  })

  it('agrees with the direct sum on random small cases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.nat(),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (n, rk, rate) => {
          const k = rk % (n + 1)
          closeTo(binomialUpperTail(k, n, rate), Math.min(1, bruteBinomialTail(k, n, rate)), 1e-9)
        }
      )
    )
  })

  it('handles the edges: no errors, rate 0 and rate 1', () => {
    expect(binomialUpperTail(0, 100, 0.01)).toBe(1)
    expect(binomialUpperTail(1, 100, 0)).toBe(0)
    expect(binomialUpperTail(100, 100, 1)).toBe(1)
    expect(() => binomialUpperTail(1, 100, 1.5)).toThrow(RangeError)
  })
})

describe('quantileRanks (order-statistic bounds for p99)', () => {
  // Exact values from Python's fractions and math.comb, summing Binomial(n, 0.01) term by term.
  it.each([
    [1, 0.025, 1, undefined],
    [120, 0.025, 116, undefined],
    [366, 0.025, 358, undefined],
    [367, 0.025, 359, undefined],
    [400, 0.025, 392, 400],
    [1000, 0.025, 983, 997],
    [5000, 0.0125, 4934, 4966],
    [20_000, 0.0025, 19_759, 19_839]
  ])('n %i at a %d: lower rank %s, upper rank %s', (n, a, lower, upper) => {
    expect(quantileRanks(n, 0.99, a)).toEqual({ lower, upper })
  })

  it('has no bounds for no samples, and brackets n·q at any size', () => {
    expect(quantileRanks(0, 0.99, 0.025)).toEqual({ lower: undefined, upper: undefined })
    for (const n of [10_000, 1_000_000, 500_000_000]) {
      const { lower, upper } = quantileRanks(n, 0.99, 0.025)
      const sd = Math.sqrt(n * 0.99 * 0.01)
      // ±1.96 σ of the count above p99, give or take the discreteness.
      expect(Math.abs(n * 0.99 - 1.96 * sd - (lower as number))).toBeLessThan(2)
      expect(Math.abs(n * 0.99 + 1.96 * sd - (upper as number))).toBeLessThan(2)
    }
  })

  it('rejects what is not a count or a probability', () => {
    expect(() => quantileRanks(1.5, 0.99, 0.025)).toThrow(RangeError)
    expect(() => quantileRanks(100, 1, 0.025)).toThrow(RangeError)
    expect(() => quantileRanks(100, 0.99, 0.5)).toThrow(RangeError)
  })
})
