// All at once with bake time and analysis: the old version serves nothing in the bake window, so its
// baseline is its own figures over the bake's length just before the move. A new version as good as the
// old one is promoted, a worse one rolled back. The engine in-process on a virtual clock; the metrics are
// a source that answers as CloudWatch would for a function whose old version erred 2% before the move.
import type { FigureWindow, MetricsSource, VersionMetrics } from '../../src/aws/api.js'
import type { Emulator } from '../../emulator/index.js'
import { emulator, getAlias, lambda, readyToPromote } from '../../testkit/fixtures.js'
import { promote } from '../../src/rollout/engine.js'
import { config, rig } from '../../testkit/rig.js'

let emu: Emulator
beforeAll(async () => {
  emu = await emulator()
})
afterAll(() => emu.close())

const BAKE_MS = 5 * 60_000
const figures = (version: string, invocations: number, errors: number): VersionMetrics => ({
  version,
  invocations,
  errors,
  p99Ms: undefined,
  durationSamples: 0,
  tail: []
})

/** v1 served 10,000 at 2% until the move at `moveAt`; after it v2 serves everything at `newRate`. */
function metrics(moveAt: () => number, newRate: number): MetricsSource & { windows: FigureWindow[] } {
  const windows: FigureWindow[] = []
  return {
    windows,
    figures: async w => {
      windows.push(w)
      const [fresh, old] = w.versions
      const before = w.endMs <= moveAt()
      return {
        new: before ? figures(fresh, 0, 0) : figures(fresh, 10_000, Math.round(10_000 * newRate)),
        old: before ? figures(old, 10_000, 200) : figures(old, 0, 0)
      }
    }
  }
}

async function bake(fn: string, newRate: number) {
  await readyToPromote(lambda(emu), fn)
  const c = config(emu, { 'function-name': fn, 'bake-time': '5m', analysis: 'errors' })
  const r = rig(emu, c)
  const start = r.clock.now()
  // The move happens right after publishing, well inside the first minute of a five-minute bake.
  const source = metrics(() => start + BAKE_MS / 2, newRate)
  const outcome = await promote(c, { ...r.deps, metrics: source })
  r.close()
  return { outcome, lines: r.log.lines, windows: source.windows, start }
}

test('equal error rates (2% and 2%): judged against the old version before the move, promoted', async () => {
  const { outcome, lines, windows, start } = await bake('bake-equal', 0.02)
  expect(outcome.status).toBe('promoted')
  expect(lines).toContainEqual(
    expect.stringMatching(
      /baseline for the bake: v1 over the 5m before the move: 10000 invocations, 200 errors/
    )
  )
  // The baseline window is the bake's length, ending before the move.
  const baseline = windows.find(w => w.versions[0] === '2' && w.endMs < start + BAKE_MS)
  expect(baseline && baseline.endMs - baseline.startMs).toBe(BAKE_MS)
  expect(outcome.deployments[0]?.analysis).toEqual([
    expect.objectContaining({ weight: 1, outcome: 'pass', oldInvocations: 10_000, oldErrorRate: 0.02 })
  ])
  expect(lines.join('\n')).not.toMatch(/vs margin/)
  expect((await getAlias(lambda(emu), 'bake-equal', 'live')).FunctionVersion).toBe('2')
})

test('a worse new version (2% → 5%) is rolled back against that baseline', async () => {
  const { outcome } = await bake('bake-worse', 0.05)
  expect(outcome.status).toBe('rolled-back')
  expect(outcome.error).toMatch(/^canary analysis of bake-worse at 100%: .*errors 5(\.0)?% vs 2(\.0)?% .*✗/)
  expect((await getAlias(lambda(emu), 'bake-worse', 'live')).FunctionVersion).toBe('1')
})
