// Canary analysis in the engine, in-process: the emulator for Lambda, a scripted metrics source for the
// figures, a virtual clock. (Through dist/ with the emulator's own metrics: __tests__/e2e/analysis.test.ts.)
import type { Emulator } from '../../emulator/index.js'
import type { MetricsSource } from '../../src/aws/api.js'
import type { FigureWindow, WindowFigures } from '../../src/aws/api.js'
import { emulator, getAlias, lambda, readyToPromote } from '../../testkit/fixtures.js'
import { config, rig } from '../../testkit/rig.js'
import { tailAround } from './support/tail.js'

let emu: Emulator
let n = 0
beforeAll(async () => {
  emu = await emulator()
})
afterAll(() => emu.close())

const figures = (
  newInv: number,
  newErr: number,
  oldInv: number,
  oldErr: number,
  p99 = [100, 100]
): WindowFigures => ({
  new: {
    version: '2',
    invocations: newInv,
    errors: newErr,
    p99Ms: p99[0],
    durationSamples: newInv,
    tail: newInv > 0 ? tailAround(p99[0] as number) : []
  },
  old: {
    version: '1',
    invocations: oldInv,
    errors: oldErr,
    p99Ms: p99[1],
    durationSamples: oldInv,
    tail: oldInv > 0 ? tailAround(p99[1] as number) : []
  }
})

/** Answers each step's window from a script and records it; the check before any traffic gets zeros. */
function scripted(...answers: WindowFigures[]): MetricsSource & { windows: FigureWindow[]; checks: number } {
  const windows: FigureWindow[] = []
  const source = {
    windows,
    checks: 0,
    figures: async (w: FigureWindow) => {
      if (w.versions[0] === w.versions[1]) {
        source.checks++
        return figures(0, 0, 0, 0)
      }
      windows.push(w)
      return answers[Math.min(windows.length - 1, answers.length - 1)] as WindowFigures
    }
  }
  return source
}

async function run(inputs: Record<string, string>, metrics: MetricsSource) {
  const fn = `an-${++n}`
  await readyToPromote(lambda(emu), fn, { description: 'prod' })
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m', ...inputs })
  const r = rig(emu, c)
  r.deps.metrics = metrics
  const outcome = await r.run(c)
  r.close()
  return { fn, outcome, log: r.log.lines, alias: await getAlias(lambda(emu), fn, 'live') }
}

it('a new version that errs 30% against 1% is rolled back at its first judgement', async () => {
  const metrics = scripted(figures(1000, 300, 9000, 90))
  const { outcome, log, alias } = await run({ analysis: 'errors' }, metrics)
  expect(outcome.status).toBe('rolled-back')
  expect(outcome.error).toMatch(
    /^canary analysis of an-\d+ at 10%: v2 vs v1 over 5m: 1,000 vs 9,000 invocations, errors 30(\.0)?% vs 1(\.0)?% \(p<0\.001\) ✗/
  )
  expect(log).toContainEqual(expect.stringMatching(/v2 vs v1 over 5m: .* ✗$/))
  expect(alias.FunctionVersion).toBe('1')
  // One window per function and step: the hold, new and old version named.
  expect(metrics.windows).toHaveLength(1)
  expect(metrics.windows[0]).toMatchObject({ alias: 'live', versions: ['2', '1'] })
  expect((metrics.windows[0]?.endMs ?? 0) - (metrics.windows[0]?.startMs ?? 0)).toBe(5 * 60_000)
  expect(outcome.deployments[0]?.analysis).toEqual([
    expect.objectContaining({ weight: 0.1, outcome: 'fail', newErrorRate: 0.3 })
  ])
})

it('equal error rates pass and the canary is promoted, judged at each hold and at bake time', async () => {
  const metrics = scripted(figures(1000, 10, 9000, 90), figures(10000, 100, 0, 0))
  const { outcome } = await run({ analysis: 'errors, latency', 'bake-time': '2m' }, metrics)
  expect(outcome.error).toBeUndefined()
  expect(outcome.status).toBe('promoted')
  expect(metrics.windows).toHaveLength(2)
  expect(outcome.deployments[0]?.analysis?.map(a => [a.weight, a.outcome])).toEqual([
    [0.1, 'pass'],
    [1, 'pass']
  ])
})

it('a p99 twice the old one at latency-tolerance 20% is rolled back', async () => {
  const metrics = scripted(figures(1000, 0, 9000, 0, [400, 200]))
  const { outcome } = await run({ analysis: 'latency', 'latency-tolerance': '20%' }, metrics)
  expect(outcome.status).toBe('rolled-back')
  // 1,000 vs 9,000 samples: the new p99 is at least its p98 (360), the old at most its p99.3 (206).
  expect(outcome.error).toMatch(/p99 400 ms vs 200 ms \(\+100%; new ≥ 360 ms, old ≤ 206 ms\) ✗/)
})

it('too little traffic extends the hold until enough has come, then judges', async () => {
  const metrics = scripted(figures(20, 0, 200, 0), figures(60, 0, 600, 0), figures(150, 1, 1500, 15))
  const { outcome, log } = await run({ analysis: 'errors' }, metrics)
  expect(outcome.status).toBe('promoted')
  expect(metrics.windows).toHaveLength(3)
  // The same step, judged over a longer window each time.
  const spans = metrics.windows.map(w => w.endMs - w.startMs)
  expect(spans[1]).toBeGreaterThan(spans[0] as number)
  expect(log.filter(l => /not enough traffic to judge \(\d+ of 100 invocations\)/.test(l))).toHaveLength(2)
  expect(outcome.deployments[0]?.analysis).toHaveLength(1)
})

it('no traffic at all: "not enough traffic to judge" at the timeout, and the alias is restored', async () => {
  const metrics = scripted(figures(0, 0, 0, 0))
  const { outcome, alias } = await run({ 'min-invocations': '50', timeout: '10m' }, metrics)
  expect(outcome.status).toBe('rolled-back')
  expect(outcome.error).toMatch(
    /not enough traffic to judge: the new version served fewer than 50 invocations at 10%/
  )
  expect(alias.FunctionVersion).toBe('1')
  expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
})

it('metrics that cannot be read stop the run before anything is published or moved', async () => {
  const denied: MetricsSource = {
    figures: async () => {
      throw Object.assign(new Error('User is not authorized to perform: cloudwatch:GetMetricData'), {
        name: 'AccessDenied'
      })
    }
  }
  const since = emu.log.at(-1)?.seq ?? 0
  const { outcome, alias } = await run({ analysis: 'errors' }, denied)
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(
    /^canary analysis cannot read the metrics of an-\d+: .*GetMetricData.*nothing was changed/
  )
  // Past the set-up (its last write puts the new code in $LATEST), the run wrote nothing.
  const writes = emu.log.filter(e => e.seq > since && e.write).map(e => e.operation)
  expect(writes.slice(writes.lastIndexOf('UpdateFunctionCode') + 1)).toEqual([])
  expect(alias.FunctionVersion).toBe('1')
})

it('the significance level is shared out over every planned judgement', async () => {
  const { analysisAlpha } = await import('../../src/rollout/analysis.js')
  expect(analysisAlpha(config(emu, { strategy: 'canary' }))).toBeCloseTo(0.05)
  // Linear 10%: 9 holds and the bake, for 2 functions: 20 judgements.
  expect(
    analysisAlpha(
      config(emu, { 'function-name': 'a,b', strategy: 'linear', 'bake-time': '1m', timeout: '1h' })
    )
  ).toBeCloseTo(0.05 / 20)
})
