// Figure 2: API calls per scenario must not grow with the number of versions (no
// ListVersionsByFunction scan). Same runs against a function with 1 and one with 1,000 versions.
import { emulator, lambda, updateCode } from '../../testkit/fixtures.js'
import { errorsOf, readyFunction, runAgainst } from '../setup.js'
import type { Figure, Scenario } from '../types.js'
import { countByOperation, formatCounts } from '../util.js'

interface Case {
  name: string
  expected: string
  /** Brings $LATEST to what the case needs before the run. */
  code?: string
  inputs: Record<string, string>
}

// In this order on the same function: unchanged, then a new code for each promote.
const CASES: Case[] = [
  { name: 'unchanged', expected: 'unchanged', inputs: {} },
  { name: 'publish + all-at-once', expected: 'promoted', code: 'two', inputs: {} },
  {
    name: 'publish + canary 20% / 200ms',
    expected: 'promoted',
    code: 'three',
    inputs: { strategy: 'canary', 'canary-percent': '20', interval: '200ms' }
  }
]

export const apiCalls: Scenario = {
  id: 'api-calls',
  title: 'API calls per scenario, 1 vs 1,000 versions',
  budgetMs: 40_000,
  async run() {
    const emu = await emulator()
    const client = lambda(emu)
    try {
      const counts = new Map<number, Record<string, number>[]>()
      for (const versions of [1, 1000]) {
        const fn = `calls-${versions}`
        await readyFunction(emu, client, fn, { versions, changed: false })
        const perCase: Record<string, number>[] = []
        for (const c of CASES) {
          if (c.code) await updateCode(client, fn, c.code)
          emu.clearLog()
          const r = await runAgainst(emu, { 'function-name': fn, alias: 'live', ...c.inputs })
          if (r.outputs.status !== c.expected)
            throw new Error(`${fn} ${c.name}: status ${r.outputs.status}: ${errorsOf(r).join('; ')}`)
          perCase.push(countByOperation(emu.log.filter(e => e.functionName === fn)))
        }
        counts.set(versions, perCase)
      }
      const total = (m: Record<string, number>): number => Object.values(m).reduce((a, b) => a + b, 0)
      return CASES.flatMap((c, i): Figure[] => {
        const one = counts.get(1)?.[i] ?? {}
        const many = counts.get(1000)?.[i] ?? {}
        return [
          {
            scenario: 'api-calls',
            name: `${c.name}, 1 version`,
            value: `${total(one)}: ${formatCounts(one)}`,
            data: { counts: one }
          },
          {
            scenario: 'api-calls',
            name: `${c.name}, 1,000 versions`,
            value: `${total(many)}: ${formatCounts(many)}`,
            target: '= 1-version counts',
            ok: formatCounts(one) === formatCounts(many),
            data: { counts: many }
          }
        ]
      })
    } finally {
      client.destroy()
      await emu.close()
    }
  }
}
