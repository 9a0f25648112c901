// Canary analysis through dist/, judged from the emulator's own per-version metrics under synthetic
// traffic on the alias: a worse new version is rolled back at its first judgement, an equal one is
// promoted, a slower one is rolled back, and without traffic the run says so and restores the alias.
import type { Emulator } from '../../emulator/index.js'
import { runMainThenPost } from '../../testkit/runner.js'
import { mermaidBlocks, parsesAsXyChart } from '../unit/support/mermaid.js'
import {
  createAlias,
  createFunction,
  emulator,
  errors,
  getAlias,
  lambda,
  publish,
  updateCode,
  updateEnv
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
// Metrics by the second, on time: the action is told the resolution, and metrics-delay is 0, so that a
// window of a few seconds is judged a few seconds after it ends (the function's 3 s timeout included).
useEmulator(
  f => ({ emu } = f),
  () => emulator({ metricsResolutionMs: 1000 })
)
afterEach(() => emu.traffic.stopAll())

/** live on v1 with `oldEnv`; new code with `newEnv` in $LATEST; traffic on the alias if rps > 0. */
async function setUp(
  fn: string,
  oldEnv: Record<string, string>,
  newEnv: Record<string, string>,
  rps: number
) {
  const client = lambda(emu)
  await createFunction(client, fn, 'one', oldEnv)
  await publish(client, fn)
  await createAlias(client, fn, 'live', '1')
  await updateCode(client, fn, 'two')
  await updateEnv(client, fn, newEnv)
  if (rps > 0) emu.traffic.start({ functionName: fn, alias: 'live', rps })
}

const run = (fn: string, inputs: Record<string, string>) =>
  runMainThenPost({
    inputs: {
      'function-name': fn,
      alias: 'live',
      strategy: 'canary',
      'canary-percent': '40',
      interval: '2s',
      'metrics-delay': '0s',
      ...inputs
    },
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1', LAMBDA_PROMOTE_METRICS_RESOLUTION: '1s' }
  })

const restored = async (fn: string): Promise<void> => {
  const alias = await getAlias(lambda(emu), fn, 'live')
  expect([alias.FunctionVersion, alias.RoutingConfig?.AdditionalVersionWeights ?? {}]).toEqual(['1', {}])
}

test('a new version erring 30% against 1% is rolled back at its first judgement', async () => {
  await setUp('errs', { EMULATOR_ERROR_RATE: '0.01' }, { EMULATOR_ERROR_RATE: '0.3' }, 150)
  const { main, post } = await run('errs', { analysis: 'errors' })
  expect(main.outputs.status).toBe('rolled-back')
  expect(errors(main)[0]).toMatch(
    /^canary analysis of errs at 40%: v2 vs v1 over \S+: [\d,]+ vs [\d,]+ invocations, errors \d+(\.\d)?% vs \d+(\.\d)?% \(p[<=]0\.\d+\) ✗/
  )
  const result = JSON.parse(main.outputs.result as string) as {
    analysis: { weight: number; outcome: string }[]
  }[]
  expect(result[0]?.analysis).toEqual([expect.objectContaining({ weight: 0.4, outcome: 'fail' })])
  expect(main.summary).toContain('### Canary analysis (v2 vs v1)')
  // The weight chart and the analysis charts, each valid Mermaid as GitHub will render it.
  const charts = mermaidBlocks(main.summary)
  expect(charts.length).toBeGreaterThanOrEqual(2)
  for (const chart of charts) expect(await parsesAsXyChart(chart)).toBe(true)
  expect(post.exitCode).toBe(0)
  await restored('errs')
}, 60_000)

test('equal error rates: judged, passed and promoted', async () => {
  // No errors on either side, and enough samples (about 1,000 new, 1,500 old) that latency is judged,
  // not skipped for want of samples: the p99 bounds exist, and a healthy version stays inside them.
  await setUp('equal', { EMULATOR_ERROR_RATE: '0' }, { EMULATOR_ERROR_RATE: '0' }, 500)
  const { main } = await run('equal', { analysis: 'errors, latency', interval: '5s' })
  expect(main.outputs.status).toBe('promoted')
  expect(main.stdout).toMatch(
    /equal: v2 vs v1 over \S+: [\d,]+ vs [\d,]+ invocations, errors .*, p99 .* \([+-]\d+%; new ≥ [\d,]+ ms, old ≤ [\d,]+ ms\) ✓/
  )
  expect((await getAlias(lambda(emu), 'equal', 'live')).FunctionVersion).toBe('2')
}, 60_000)

test('a p99 twice the old one at latency-tolerance 20% is rolled back', async () => {
  // About 960 new and 1,440 old samples: enough for the bounds on both p99s to separate.
  await setUp('slow', { EMULATOR_DURATION_MS: '100' }, { EMULATOR_DURATION_MS: '200' }, 600)
  const { main } = await run('slow', { analysis: 'latency', 'latency-tolerance': '20%', interval: '4s' })
  expect(main.outputs.status).toBe('rolled-back')
  expect(errors(main)[0]).toMatch(/p99 [\d,]+ ms vs [\d,]+ ms \(\+\d+%; new ≥ [\d,]+ ms, old ≤ [\d,]+ ms\) ✗/)
  await restored('slow')
}, 60_000)

test('no traffic and min-invocations 50: "not enough traffic to judge", and the alias is restored', async () => {
  await setUp('quiet', {}, {}, 0)
  const { main, post } = await run('quiet', { 'min-invocations': '50', interval: '1s', timeout: '15s' })
  expect(main.outputs.status).toBe('rolled-back')
  expect(errors(main)[0]).toMatch(
    /not enough traffic to judge: the new version served fewer than 50 invocations at 40%/
  )
  expect(post.exitCode).toBe(0)
  await restored('quiet')
}, 60_000)
