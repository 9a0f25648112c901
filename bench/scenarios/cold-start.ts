// Figure 1: how long `node dist/index.js` takes to reach its first API request, and the bundle sizes.
import { statSync } from 'node:fs'
import { lambda, emulator } from '../../testkit/fixtures.js'
import { readyFunction, runAgainst } from '../setup.js'
import type { Figure, Scenario } from '../types.js'
import { median, ms } from '../util.js'

const RUNS = 5

export const coldStart: Scenario = {
  id: 'cold-start',
  title: 'Cold start and bundle size',
  budgetMs: 30_000,
  async run() {
    const emu = await emulator()
    const client = lambda(emu)
    try {
      // An unchanged function: the run only reads, so every run starts from the same state.
      await readyFunction(emu, client, 'cold-fn', { changed: false })
      const samples: number[] = []
      for (let i = 0; i < RUNS; i++) {
        emu.clearLog()
        const r = await runAgainst(emu, { 'function-name': 'cold-fn', alias: 'live' })
        if (r.outputs.status !== 'unchanged')
          throw new Error(`run ${i}: status ${r.outputs.status}, expected unchanged`)
        // The log is appended as requests complete, so the first to arrive is the smallest `time`.
        samples.push(Math.min(...emu.log.map(e => e.time)) - r.startedAt)
      }
      const size = (file: string): number => statSync(file).size
      const figures: Figure[] = [
        {
          scenario: 'cold-start',
          name: `spawn → first API request (median of ${RUNS})`,
          value: `${ms(median(samples))} (min ${ms(Math.min(...samples))}, max ${ms(Math.max(...samples))})`,
          data: { samplesMs: samples, medianMs: median(samples) }
        }
      ]
      for (const file of ['dist/index.js', 'dist/post.js'])
        figures.push({
          scenario: 'cold-start',
          name: `bundle size ${file}`,
          value: `${(size(file) / 1024).toFixed(0)} KiB`,
          data: { bytes: size(file) }
        })
      return figures
    } finally {
      client.destroy()
      await emu.close()
    }
  }
}
