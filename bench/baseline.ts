// How slow this machine is right now, measured at the start of every run: the median wall time of a bare
// `node -e 0`. Time budgets scale by it against the machine the figures were recorded on, so a run on a
// loaded or slower machine is given the time it needs instead of failing as an overrun; the targets
// themselves are ratios against baselines measured beside each figure (see scenarios/startup.ts).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { median } from './util.js'

/** `node -e 0` on the machine bench/results.json was recorded on (2-core AMD EPYC, 2026-12-02). */
export const RECORDED_BARE_NODE_MS = 26

export function bareNodeMs(runs = 5): number {
  const node = createRequire(import.meta.url).resolve('node/bin/node')
  const walls: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint()
    spawnSync(node, ['-e', '0'], { stdio: 'ignore' })
    walls.push(Number(process.hrtime.bigint() - t0) / 1e6)
  }
  return median(walls)
}

/** How many times slower than the recorded machine this one is now; never below 1. */
export function slowdown(bareMs: number): number {
  return Math.max(1, bareMs / RECORDED_BARE_NODE_MS)
}
