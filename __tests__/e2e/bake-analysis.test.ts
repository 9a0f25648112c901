// Analysis where no partial step holds, through dist/: all at once with bake time judges the new version
// against the old version's own figures from before the move (equal error rates pass, worse ones are
// rolled back), and analysis that cannot take effect (wait: false with a partial step) is refused.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { runMainThenPost } from '../../testkit/runner.js'
import {
  createAlias,
  createFunction,
  emulator,
  errors,
  getAlias,
  lastSeq,
  publish,
  updateCode,
  updateEnv,
  writes
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
// Metrics by the second and on time (the action is told so), so that a 3 s bake is judged seconds after it.
useEmulator(
  f => ({ emu, lambda: client } = f),
  () => emulator({ metricsResolutionMs: 1000 })
)
afterEach(() => emu.traffic.stopAll())

/** live on v1 erring at `oldRate`, new code erring at `newRate` in $LATEST, traffic on the alias. */
async function setUp(fn: string, oldRate: string, newRate: string, rps: number): Promise<void> {
  await createFunction(client, fn, 'one', { EMULATOR_ERROR_RATE: oldRate })
  await publish(client, fn)
  await createAlias(client, fn, 'live', '1')
  await updateCode(client, fn, 'two')
  await updateEnv(client, fn, { EMULATOR_ERROR_RATE: newRate })
  if (rps > 0) emu.traffic.start({ functionName: fn, alias: 'live', rps })
}

/** The old version has served for longer than the bake before the run starts: a full baseline window. */
const served = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

const bake = (fn: string, extra: Record<string, string> = {}) =>
  runMainThenPost({
    inputs: {
      'function-name': fn,
      alias: 'live',
      'bake-time': '3s',
      analysis: 'errors',
      'metrics-delay': '0s',
      ...extra
    },
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1', LAMBDA_PROMOTE_METRICS_RESOLUTION: '1s' }
  })

// Exactly equal rates would be rolled back by chance in up to 5% of runs (the test's significance level);
// the deterministic equal-rate case is __tests__/unit/bake-baseline.test.ts. Here the new version errs a
// little less, so the judgement against the baseline passes every time.
test('all at once + bake: a new version no worse (2% before, 1.5% after) is judged against the old version and promoted', async () => {
  await setUp('bake-equal', '0.02', '0.015', 300)
  await served(3500)
  const { main } = await bake('bake-equal')
  expect(main.outputs.status).toBe('promoted')
  expect(main.stdout).toMatch(
    /bake-equal: baseline for the bake: v1 over the 3s before the move: [1-9][\d,]* invocations, \d+ errors/
  )
  // Judged against v1's own rate, not against an absolute margin.
  expect(main.stdout).toMatch(/bake-equal: v2 vs v1 over \S+: .*errors \d+(\.\d)?% vs \d+(\.\d)?% \(p.*\) ✓/)
  expect(main.stdout).not.toMatch(/vs margin/)
  expect((await getAlias(client, 'bake-equal', 'live')).FunctionVersion).toBe('2')
}, 60_000)

test('all at once + bake: a worse new version (2% → 30%) is rolled back', async () => {
  await setUp('bake-worse', '0.02', '0.3', 300)
  await served(3500)
  const { main, post } = await bake('bake-worse')
  expect(main.outputs.status).toBe('rolled-back')
  expect(errors(main)[0]).toMatch(
    /^canary analysis of bake-worse at 100%: v2 vs v1 over \S+: .*errors \d+(\.\d)?% vs \d+(\.\d)?% \(p.*\) ✗/
  )
  expect(post.exitCode).toBe(0)
  const alias = await getAlias(client, 'bake-worse', 'live')
  expect([alias.FunctionVersion, alias.RoutingConfig?.AdditionalVersionWeights ?? {}]).toEqual(['1', {}])
}, 60_000)

test.each([
  ['analysis', { analysis: 'errors' }, 'analysis "errors"'],
  ['min-invocations', { 'min-invocations': '50' }, 'min-invocations "50"']
])(
  '%s with wait: false and a canary is refused before anything changes',
  async (_, extra, named) => {
    await setUp(`nowait-${_}`, '0', '0', 0)
    const since = lastSeq(emu)
    const { main } = await runMainThenPost({
      inputs: { 'function-name': `nowait-${_}`, alias: 'live', strategy: 'canary', wait: 'false', ...extra },
      env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' }
    })
    expect(main.exitCode).toBe(1)
    expect(errors(main)).toEqual([
      `${named}: cannot take effect with wait: false, which moves the first step and exits without holding it; set wait: true, or set it on the run that finishes the rollout`
    ])
    expect(writes(emu, since)).toEqual([])
  },
  60_000
)
