import fc from 'fast-check'
import { createRandom } from '../../emulator/random.js'
import {
  judge,
  JUDGE_DEFAULTS,
  type Check,
  type JudgeSettings,
  type StepFigures,
  type VersionFigures
} from '../../src/analysis/judge.js'
import { TAIL_TENTHS, tailAround } from './support/tail.js'

const BOTH: Check[] = ['errors', 'latency']

function settings(over: Partial<JudgeSettings> = {}): JudgeSettings {
  return { ...JUDGE_DEFAULTS, checks: BOTH, minInvocations: 100, ...over }
}

function step(fresh: VersionFigures, old: VersionFigures, windowMs = 300_000): StepFigures {
  return { newVersion: '7', oldVersion: '6', windowMs, new: fresh, old }
}

describe('judge: errors', () => {
  it('fails a significant, material increase and says so in one line', () => {
    // 25/1204 ≈ 2.08% vs 43/10870 ≈ 0.40%; scipy's one-sided Fisher p for this table is 2.8e-9.
    const v = judge(
      step({ invocations: 1204, errors: 25, p99Ms: 420 }, { invocations: 10_870, errors: 43, p99Ms: 210 }),
      settings()
    )
    expect(v.outcome).toBe('fail')
    expect(v.outcome === 'fail' && v.reason).toBe('errors')
    expect(v.pValue).toBeLessThan(1e-8)
    expect(v.errorTest).toBe('fisher')
    expect(v.line).toBe(
      'v7 vs v6 over 5m: 1,204 vs 10,870 invocations, errors 2.1% vs 0.4% (p<0.001), p99 420 ms vs 210 ms (not judged: no percentiles around p99 to bound it) ✗'
    )
  })

  it('passes a significant increase smaller than the margin', () => {
    // 0.7% vs 0.4% over 100,000 each: p = 4.7e-20 (scipy) but only 0.3 points, under the 0.5-point margin.
    const v = judge(
      step({ invocations: 100_000, errors: 700 }, { invocations: 100_000, errors: 400 }),
      settings({ checks: ['errors'] })
    )
    expect(v.pValue).toBeLessThan(1e-10)
    expect(v.outcome).toBe('pass')
    expect(v.line).toBe('v7 vs v6 over 5m: 100,000 vs 100,000 invocations, errors 0.7% vs 0.4% (p<0.001) ✓')
  })

  it('passes a large increase that is not significant', () => {
    // 2 of 100 vs 0 of 100: 2 points over the margin, but Fisher p = 0.2487 (scipy).
    const v = judge(step({ invocations: 100, errors: 2 }, { invocations: 100, errors: 0 }), settings())
    expect(v.pValue).toBeCloseTo(0.24874, 4)
    expect(v.outcome).toBe('pass')
    expect(v.line).toContain('errors 2.0% vs 0% (p=0.249)')
  })

  it('a smaller alpha or a larger margin turns a failure into a pass', () => {
    const figures = step({ invocations: 1000, errors: 20 }, { invocations: 1000, errors: 5 })
    expect(judge(figures, settings({ checks: ['errors'] })).outcome).toBe('fail')
    expect(judge(figures, settings({ checks: ['errors'], alpha: 0.001 })).outcome).toBe('pass')
    expect(judge(figures, settings({ checks: ['errors'], errorMargin: 0.02 })).outcome).toBe('pass')
  })

  it('ignores errors when only latency is checked', () => {
    const v = judge(
      step({ invocations: 1000, errors: 500, p99Ms: 100 }, { invocations: 1000, errors: 0, p99Ms: 100 }),
      settings({ checks: ['latency'] })
    )
    expect(v.outcome).toBe('pass')
    expect(v.pValue).toBeUndefined()
    expect(v.line).toBe(
      'v7 vs v6 over 5m: 1,000 vs 1,000 invocations, p99 100 ms vs 100 ms (not judged: no percentiles around p99 to bound it) ✓'
    )
  })

  it('caps errors at invocations instead of failing on a skewed window edge', () => {
    const v = judge(step({ invocations: 200, errors: 201 }, { invocations: 200, errors: 0 }), settings())
    expect(v.new.errors).toBe(200)
    expect(v.outcome).toBe('fail')
  })

  it('rejects figures and settings that cannot be right', () => {
    const ok = { invocations: 10, errors: 0 }
    expect(() => judge(step({ invocations: -1, errors: 0 }, ok), settings())).toThrow(RangeError)
    expect(() => judge(step({ invocations: Number.NaN, errors: 0 }, ok), settings())).toThrow(RangeError)
    expect(() => judge(step(ok, { invocations: 10, errors: 0, p99Ms: Infinity }), settings())).toThrow(
      RangeError
    )
    expect(() => judge(step(ok, ok), settings({ alpha: 0 }))).toThrow(RangeError)
    expect(() => judge(step(ok, ok), settings({ errorMargin: -0.1 }))).toThrow(RangeError)
  })
})

describe('judge: not enough traffic', () => {
  it('is insufficient below min-invocations, whatever the errors', () => {
    const v = judge(
      step({ invocations: 12, errors: 12, p99Ms: 9000 }, { invocations: 10_000, errors: 0, p99Ms: 10 }),
      settings()
    )
    expect(v.outcome).toBe('insufficient')
    expect(v.line).toBe('v7 vs v6 over 5m: not enough traffic to judge (12 of 100 invocations)')
  })

  it('judges at exactly min-invocations', () => {
    expect(
      judge(step({ invocations: 100, errors: 0 }, { invocations: 100, errors: 0 }), settings()).outcome
    ).toBe('pass')
  })

  it('with min-invocations 0 and no traffic at all, passes with nothing to test', () => {
    const v = judge(
      step({ invocations: 0, errors: 0 }, { invocations: 0, errors: 0 }),
      settings({ minInvocations: 0 })
    )
    expect(v.outcome).toBe('pass')
    expect(v.pValue).toBeUndefined()
    expect(v.newRate).toBeUndefined()
    expect(v.line).toContain('errors n/a vs n/a')
  })
})

describe('judge: old version idle (e.g. a 100% step)', () => {
  it('fails when the new rate is significantly above the margin', () => {
    // 20 of 1000 at a 0.5% margin: binomial tail 3.1e-7 (scipy).
    const v = judge(
      step({ invocations: 1000, errors: 20, p99Ms: 300 }, { invocations: 0, errors: 0 }),
      settings()
    )
    expect(v.outcome).toBe('fail')
    expect(v.errorTest).toBe('binomial')
    expect(v.pValue).toBeCloseTo(3.0982e-7, 10)
    expect(v.line).toBe(
      'v7 vs v6 over 5m: 1,000 vs 0 invocations, errors 2.0% vs margin 0.5% (p<0.001), p99 300 ms vs n/a (not judged: no duration samples on one side) ✗'
    )
  })

  it('passes a rate at or below the margin, and a small excess that may be luck', () => {
    const idle = { invocations: 0, errors: 0 }
    expect(judge(step({ invocations: 1000, errors: 5 }, idle), settings()).outcome).toBe('pass')
    // 3 of 100 at 0.5%: p = 0.0141 < 0.05 → fails; 2 of 100: p = 0.0898 → passes (scipy).
    expect(judge(step({ invocations: 100, errors: 3 }, idle), settings()).outcome).toBe('fail')
    expect(judge(step({ invocations: 100, errors: 2 }, idle), settings()).outcome).toBe('pass')
  })

  it('never judges latency without old samples', () => {
    const v = judge(
      step({ invocations: 1000, errors: 0, p99Ms: 60_000 }, { invocations: 0, errors: 0 }),
      settings({ checks: ['latency'] })
    )
    expect(v.outcome).toBe('pass')
    expect(v.latencyChange).toBeUndefined()
  })
})

describe('judge: latency', () => {
  const withP99 = (p99Ms: number | undefined, samples = 1_000_000): VersionFigures => ({
    invocations: samples,
    errors: 0,
    p99Ms,
    durationSamples: samples,
    ...(p99Ms === undefined ? {} : { tail: tailAround(p99Ms) })
  })
  const latencyOnly = settings({ checks: ['latency'] })

  it('fails when even the lower bound of the new p99 is above the old upper bound × (1 + tolerance)', () => {
    // 1,000,000 samples each: the bounds (alpha/2 = 2.5% each side) fall at p98.98 and p99.02, so the
    // tail points used are p98.9 (−1%) and p99.1 (+1%).
    const fail = judge(step(withP99(250), withP99(200)), latencyOnly)
    expect(fail.outcome === 'fail' && fail.reason).toBe('latency')
    expect(fail.line).toBe(
      'v7 vs v6 over 5m: 1,000,000 vs 1,000,000 invocations, p99 250 ms vs 200 ms (+25%; new ≥ 248 ms, old ≤ 202 ms) ✗'
    )
    // 240 × 0.99 = 237.6 is not above 202 × 1.2 = 242.4: within what the tolerance allows.
    expect(judge(step(withP99(240), withP99(200)), latencyOnly).outcome).toBe('pass')
    expect(judge(step(withP99(120), withP99(200)), latencyOnly).line).toContain(
      '(-40%; new ≥ 119 ms, old ≤ 202 ms) ✓'
    )
  })

  it('widens the bounds at lower traffic, so a p99 just past the tolerance is not enough', () => {
    // 5,000 samples: the bounds reach out to p98.5 (−5%) and p99.3 (+3%).
    const v = judge(step(withP99(255, 5000), withP99(200, 5000)), latencyOnly)
    expect(v.outcome).toBe('pass')
    expect(v.line).toContain('p99 255 ms vs 200 ms (+27%; new ≥ 242 ms, old ≤ 206 ms) ✓')
    // The same p99s from 1,000,000 samples each: 252 > 242.4.
    expect(judge(step(withP99(255), withP99(200)), latencyOnly).outcome).toBe('fail')
    expect(judge(step(withP99(300, 5000), withP99(200, 5000)), latencyOnly).outcome).toBe('fail')
  })

  it('honours the tolerance setting', () => {
    expect(
      judge(step(withP99(290), withP99(200)), settings({ checks: ['latency'], latencyTolerance: 0.5 }))
        .outcome
    ).toBe('pass')
    expect(
      judge(step(withP99(210), withP99(200)), settings({ checks: ['latency'], latencyTolerance: 0 })).outcome
    ).toBe('fail')
  })

  it('does not judge what too few samples cannot bound, a missing p99, or figures without a tail', () => {
    // 180 old samples: the largest is above the true p99 with probability 1 − 0.99^180 = 84%, short of 97.5%.
    const few = judge(step(withP99(900, 120), withP99(100, 180)), latencyOnly)
    expect(few.outcome).toBe('pass')
    expect(few.line).toContain(
      'p99 900 ms vs 100 ms (not judged: 120 vs 180 samples are too few to bound p99)'
    )
    // 400 old samples are enough for the maximum to bound it; 41 new ones for p95.
    const anyTraffic = settings({ checks: ['latency'], minInvocations: 0 })
    expect(judge(step(withP99(900, 41), withP99(100, 400)), anyTraffic).line).toContain(
      '(+800%; new ≥ 540 ms, old ≤ 108 ms) ✗'
    )
    expect(judge(step(withP99(undefined), withP99(100)), latencyOnly).line).toContain('p99 n/a vs 100 ms')
    const bare = { invocations: 1_000_000, errors: 0, p99Ms: 900 }
    expect(judge(step(bare, withP99(100)), latencyOnly).outcome).toBe('pass')
  })

  it('reports errors first when both fail', () => {
    const v = judge(step({ ...withP99(900, 1000), errors: 100 }, withP99(100, 1000)), settings())
    expect(v.outcome === 'fail' && v.reason).toBe('errors')
  })
})

describe('judge: line formatting', () => {
  it.each([
    [90_000, 'over 1m30s'],
    [3_600_000, 'over 1h'],
    [45_000, 'over 45s'],
    [500, 'over 500ms']
  ])('a %d ms window reads %s', (windowMs, text) => {
    expect(
      judge(step({ invocations: 0, errors: 0 }, { invocations: 0, errors: 0 }, windowMs), settings()).line
    ).toContain(text)
  })

  it('keeps tiny rates readable and labels non-numeric versions as they are', () => {
    const v = judge(
      {
        ...step({ invocations: 100_000, errors: 42 }, { invocations: 100_000, errors: 40 }),
        newVersion: '$LATEST'
      },
      settings({ checks: ['errors'] })
    )
    expect(v.line).toMatch(/^\$LATEST vs v6 over 5m: .*errors 0\.042% vs 0\.04% \(p=0\.\d{3}\) ✓$/)
  })
})

// Figures for property tests: counts up to 20,000 with errors ≤ invocations.
const versionFigures = fc
  .record({
    invocations: fc.integer({ min: 0, max: 20_000 }),
    share: fc.double({ min: 0, max: 1, noNaN: true })
  })
  .map(({ invocations, share }) => ({ invocations, errors: Math.floor(invocations * share) }))

describe('judge: properties', () => {
  const errorsOnly = settings({ checks: ['errors'], minInvocations: 0 })

  it('never fails on errors when the new rate is at most the old one', () => {
    fc.assert(
      fc.property(versionFigures, versionFigures, (fresh, old) => {
        fc.pre(fresh.invocations > 0 && old.invocations > 0)
        fc.pre(fresh.errors / fresh.invocations <= old.errors / old.invocations)
        expect(judge(step(fresh, old), errorsOnly).outcome).toBe('pass')
      })
    )
  })

  it('never fails on errors when the new version had none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), versionFigures, (invocations, old) => {
        expect(judge(step({ invocations, errors: 0 }, old), errorsOnly).outcome).toBe('pass')
      })
    )
  })

  it('never fails on errors by less than the margin', () => {
    fc.assert(
      fc.property(
        versionFigures,
        versionFigures,
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        (fresh, old, margin) => {
          fc.pre(fresh.invocations > 0 && old.invocations > 0)
          fc.pre(fresh.errors / fresh.invocations - old.errors / old.invocations <= margin)
          expect(judge(step(fresh, old), { ...errorsOnly, errorMargin: margin }).outcome).toBe('pass')
        }
      )
    )
  })

  it('more new errors never turn a failure into a pass', () => {
    fc.assert(
      fc.property(versionFigures, versionFigures, fc.integer({ min: 1, max: 500 }), (fresh, old, extra) => {
        const more = { ...fresh, errors: Math.min(fresh.invocations, fresh.errors + extra) }
        if (judge(step(fresh, old), errorsOnly).outcome === 'fail')
          expect(judge(step(more, old), errorsOnly).outcome).toBe('fail')
      })
    )
  })

  it('is insufficient exactly when the new version served fewer than min-invocations', () => {
    fc.assert(
      fc.property(versionFigures, versionFigures, fc.integer({ min: 0, max: 20_000 }), (fresh, old, min) => {
        const v = judge(step(fresh, old), settings({ minInvocations: min }))
        expect(v.outcome === 'insufficient').toBe(fresh.invocations < min)
      })
    )
  })

  it('never fails on latency when the whole new tail is within the tolerance of the old one', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 900_000, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        (oldP99, within, tolerance, newSamples, oldSamples) => {
          const scale = 1 + tolerance * within
          const oldTail = tailAround(oldP99)
          const v = judge(
            step(
              {
                invocations: newSamples,
                errors: 0,
                p99Ms: oldP99 * scale,
                tail: oldTail.map(t => ({ ...t, lowMs: t.lowMs * scale, highMs: t.highMs * scale }))
              },
              { invocations: oldSamples, errors: 0, p99Ms: oldP99, tail: oldTail }
            ),
            settings({ checks: ['latency'], latencyTolerance: tolerance, minInvocations: 0 })
          )
          expect(v.outcome).toBe('pass')
        }
      )
    )
  })

  it('writes one line ending in ✓ on pass and ✗ on fail', () => {
    fc.assert(
      fc.property(versionFigures, versionFigures, (fresh, old) => {
        const v = judge(step(fresh, old), settings())
        expect(v.line).not.toContain('\n')
        expect(v.line.endsWith(' ✓')).toBe(v.outcome === 'pass')
        expect(v.line.endsWith(' ✗')).toBe(v.outcome === 'fail')
      })
    )
  })
})

describe('error rule under simulation (seeded, so the same every run)', () => {
  const random = createRandom
  /** A Binomial(n, p) draw by walking its distribution function from 0: one uniform per draw. */
  function binomial(next: () => number, n: number, p: number): number {
    const u = next()
    let k = 0
    let pmf = (1 - p) ** n
    let cdf = pmf
    while (u > cdf && k < n) {
      pmf *= ((n - k) / (k + 1)) * (p / (1 - p))
      k++
      cdf += pmf
    }
    return k
  }
  // No margin, so only the significance test stands between a healthy version and a failure.
  const strict = settings({ checks: ['errors'], errorMargin: 0 })

  it('fails a version no worse than the old one in at most about alpha of windows', () => {
    const next = random(1)
    let fails = 0
    const runs = 1000
    for (let i = 0; i < runs; i++) {
      const fresh = { invocations: 2000, errors: binomial(next, 2000, 0.01) }
      const old = { invocations: 2000, errors: binomial(next, 2000, 0.01) }
      if (judge(step(fresh, old), strict).outcome === 'fail') fails++
    }
    // Binomial noise on 1000 runs at 5% is ±0.7%: 6.5% is two standard deviations above alpha.
    expect(fails / runs).toBeLessThan(0.065)
  })

  it('catches a version that triples the error rate in nearly every window', () => {
    const next = random(2)
    let fails = 0
    for (let i = 0; i < 200; i++) {
      const fresh = { invocations: 2000, errors: binomial(next, 2000, 0.03) }
      const old = { invocations: 2000, errors: binomial(next, 2000, 0.01) }
      if (judge(step(fresh, old), settings({ checks: ['errors'] })).outcome === 'fail') fails++
    }
    expect(fails / 200).toBeGreaterThan(0.95)
  })
})

describe('latency rule under simulation (seeded, so the same every run)', () => {
  /** Log-normal durations (σ 0.4, a right-skewed tail, as the emulator draws them) by Box–Muller. */
  function durations(next: () => number, n: number, medianMs: number): Float64Array {
    const out = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
      out[i] = medianMs * Math.exp(0.4 * z)
    }
    // A typed array sorts numerically, natively: several times faster than a comparator over 50,000 figures.
    return out.sort()
  }
  /** What CloudWatch answers for one datapoint: nearest-rank percentiles of the sorted sample. */
  function figures(sorted: Float64Array): VersionFigures {
    const at = (tenths: number): number =>
      sorted[Math.max(1, Math.ceil((tenths * sorted.length) / 1000)) - 1]!
    return {
      invocations: sorted.length,
      errors: 0,
      p99Ms: at(990),
      durationSamples: sorted.length,
      tail: TAIL_TENTHS.map(t => ({ pct: t / 10, lowMs: at(t), highMs: at(t) }))
    }
  }
  const latencyOnly = settings({ checks: ['latency'] })
  /** The share of windows failed and the share judged at all (the line shows both bounds). */
  const rates = (seed: number, runs: number, n: [number, number], medians: [number, number]) => {
    const next = createRandom(seed)
    let fails = 0
    let judged = 0
    for (let i = 0; i < runs; i++) {
      const fresh = figures(durations(next, n[0], medians[0]))
      const old = figures(durations(next, n[1], medians[1]))
      const v = judge(step(fresh, old), latencyOnly)
      if (v.outcome === 'fail') fails++
      if (v.line.includes('new ≥')) judged++
    }
    return { fail: fails / runs, judged: judged / runs }
  }
  const failRate = (...args: Parameters<typeof rates>): number => rates(...args).fail

  // A ratio of two raw p99s at 120 vs 180 samples failed a healthy version in about 9% of windows; now
  // such a window is not judged at all (the old side needs 368 samples), and from 400 vs 600 on every
  // window is judged and passed.
  it('does not judge latency at 120 vs 180 samples', () => {
    expect(rates(120, 100, [120, 180], [100, 100])).toEqual({ fail: 0, judged: 0 })
  })

  it.each([
    [400, 600],
    [1000, 1500],
    [20_000, 30_000]
  ])('judges and passes a healthy version in every window at %i vs %i samples', (fresh, old) => {
    expect(rates(fresh, fresh > 10_000 ? 30 : 300, [fresh, old], [100, 100])).toEqual({ fail: 0, judged: 1 })
  })

  it('fails a version exactly at the tolerance (p99 1.2× the old) in at most alpha of windows', () => {
    // The boundary of what may pass: any looser bound would show here first.
    expect(failRate(11, 400, [1000, 1500], [120, 100])).toBeLessThanOrEqual(0.05)
    expect(failRate(12, 30, [20_000, 30_000], [120, 100])).toBeLessThanOrEqual(0.05)
  })

  it('catches a version twice as slow in nearly every window from 1,000 vs 1,500 samples', () => {
    expect(failRate(7, 200, [1000, 1500], [200, 100])).toBeGreaterThan(0.95)
  })

  it('catches a version 40% slower (past a 20% tolerance) at high traffic', () => {
    expect(failRate(8, 20, [20_000, 30_000], [140, 100])).toBe(1)
  })
})
