import fc from 'fast-check'
import { analysisChart, chartLabel, weightChart, type AnalysisStep } from '../../src/report/chart.js'
import { loadMermaid, mermaidBlocks as blocks, parsesAsXyChart as parses } from './support/mermaid.js'

beforeAll(async () => {
  await loadMermaid()
})

async function expectValid(markdown: string, count: number): Promise<string[]> {
  const found = blocks(markdown)
  expect(found).toHaveLength(count)
  for (const b of found) expect(await parses(b)).toBe(true)
  return found
}

/** The numbers of a `bar [...]` or `line [...]` row. */
function series(diagram: string, mark: 'bar' | 'line'): number[] {
  const row = diagram.split('\n').find(l => l.trim().startsWith(`${mark} [`))
  return (row ?? '')
    .replace(/^.*\[|\].*$/g, '')
    .split(', ')
    .map(Number)
}

function categories(diagram: string): string[] {
  const row = diagram.split('\n').find(l => l.trim().startsWith('x-axis')) ?? ''
  return [...row.matchAll(/"([^"]*)"/g)].map(m => m[1] ?? '').filter(l => l !== 'elapsed')
}

const MIN = 60_000
const T0 = Date.UTC(2025, 0, 1, 12)

describe('the parser check itself (negative controls)', () => {
  const good = 'xychart-beta\n  title "Traffic"\n  x-axis ["0s", "1m"]\n  bar [10, 100]\n'

  it('accepts a well-formed chart', async () => {
    expect(await parses(good)).toBe(true)
  })

  it('rejects a label with an unescaped quote, a "%%" label, an empty label and an exponent', async () => {
    expect(await parses(good.replace('"Traffic"', '"Tra"ffic"'))).toBe(false)
    expect(await parses(good.replace('"Traffic"', '"%% x"'))).toBe(false)
    expect(await parses(good.replace('"Traffic"', '""'))).toBe(false)
    expect(await parses(good.replace('[10, 100]', '[1e1, 100]'))).toBe(false)
  })

  it('rejects our own output once a raw quote is spliced into its title', async () => {
    const [diagram] = await expectValid(weightChart([{ time: T0, weight: 0.1 }]), 1)
    expect(await parses((diagram ?? '').replace(/title "/, 'title "say "hi" '))).toBe(false)
  })
})

describe('chartLabel', () => {
  it.each([
    ['orders-api', 'orders-api'],
    ['say "hi"', "say 'hi'"],
    ['`md`', "'md'"],
    ['<img src=x onerror=alert(1)>', '_img src=x onerror=alert(1)_'],
    ['#quot; &amp;', '_quot_ _amp_'],
    ['%%{init: {}}%%', '%_init: ___%'],
    ['two\nlines\r\n\ttabbed', 'two lines tabbed'],
    ['ünïcödé 函数', 'ünïcödé 函数'],
    ['', '-'],
    ['   ', '-']
  ])('%j → %j', (raw, safe) => {
    expect(chartLabel(raw)).toBe(safe)
  })

  it('shortens long text to 60 characters', () => {
    const label = chartLabel('x'.repeat(200))
    expect([...label]).toHaveLength(60)
    expect(label.endsWith('…')).toBe(true)
  })
})

describe('weightChart', () => {
  it('draws a 10% canary held 5 minutes then 100%, on a 10 s grid', async () => {
    const md = weightChart(
      [
        { time: T0, weight: 0.1 },
        { time: T0 + 5 * MIN, weight: 1 }
      ],
      { newLabel: 'v7' }
    )
    const [d = ''] = await expectValid(md, 1)
    const labels = categories(d)
    expect(labels).toHaveLength(31)
    expect(labels.slice(0, 3)).toEqual(['0s', '10s', '20s'])
    expect(labels[6]).toBe('1m')
    expect(labels[30]).toBe('5m')
    expect(series(d, 'bar')).toEqual([...Array(30).fill(10), 100])
    expect(d).toContain('title "Traffic to v7"')
    expect(d).toContain('y-axis "% of traffic to v7" 0 --> 100')
  })

  it('draws linear steps of 10% a minute as a staircase on a 30 s grid', async () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ time: T0 + i * MIN, weight: (i + 1) / 10 }))
    const [d = ''] = await expectValid(weightChart(points), 1)
    // 9 minutes at 30 s a column: 19 columns, each minute's weight twice, 100% once at the end.
    const expected = Array.from({ length: 19 }, (_, j) => (Math.floor(j / 2) + 1) * 10)
    expect(series(d, 'bar')).toEqual(expected)
    expect(categories(d)[3]).toBe('1m30s')
  })

  it('ends on the final weight after a rollback, whatever the order of the points', async () => {
    const points = [
      { time: T0 + 190_000, weight: 0 },
      { time: T0, weight: 0.1 },
      { time: T0 + 2 * MIN, weight: 0.2 }
    ]
    const [d = ''] = await expectValid(weightChart(points), 1)
    const bars = series(d, 'bar')
    expect(bars[0]).toBe(10)
    expect(bars[12]).toBe(20)
    expect(bars[bars.length - 1]).toBe(0)
  })

  it('keeps to 31 columns over long rollouts and clamps weights to 0..100%', async () => {
    const points = [
      { time: T0, weight: -0.5 },
      { time: T0 + 47 * 60 * MIN, weight: 1.5 }
    ]
    const [d = ''] = await expectValid(weightChart(points), 1)
    const bars = series(d, 'bar')
    expect(bars.length).toBeLessThanOrEqual(31)
    expect(bars[0]).toBe(0)
    expect(bars[bars.length - 1]).toBe(100)
  })

  it('draws a single point, gives no chart for none, and refuses non-finite input', async () => {
    const [d = ''] = await expectValid(weightChart([{ time: T0, weight: 0.25 }]), 1)
    expect(series(d, 'bar')).toEqual([25])
    expect(weightChart([])).toBe('')
    expect(() => weightChart([{ time: Number.NaN, weight: 0.1 }])).toThrow(RangeError)
  })
})

describe('analysisChart', () => {
  const steps: AnalysisStep[] = [
    { label: 'step 1 (10%)', newErrorRate: 0.001, oldErrorRate: 0.002, newP99: 200, oldP99: 210 },
    { label: 'step 2 (50%)', newErrorRate: 0.021, oldErrorRate: 0.004, newP99: 420, oldP99: 210 },
    { label: 'bake (100%)', newErrorRate: 0.03, oldErrorRate: undefined, newP99: 430, oldP99: undefined }
  ]

  it('draws error rate and p99 per step: bars for the old version, a line for the new', async () => {
    const [errors = '', latency = ''] = await expectValid(
      analysisChart(steps, { newLabel: 'v7', oldLabel: 'v6' }),
      2
    )
    expect(errors).toContain('title "error rate (bars v6, line v7)"')
    expect(series(errors, 'line')).toEqual([0.1, 2.1, 3])
    expect(series(errors, 'bar')).toEqual([0.2, 0.4, 0])
    expect(errors).toContain('y-axis "errors (%)" 0 --> 5')
    expect(categories(errors)).toEqual(['step 1 (10%)', 'step 2 (50%)', 'bake (100%) (no data)'])
    expect(series(latency, 'line')).toEqual([200, 420, 430])
    expect(series(latency, 'bar')).toEqual([210, 210, 0])
    expect(latency).toContain('y-axis "p99 (ms)" 0 --> 500')
  })

  it('leaves out the p99 chart when no step has a p99, and draws nothing for no steps', async () => {
    const noLatency = steps.map(s => ({ ...s, newP99: undefined, oldP99: undefined }))
    await expectValid(analysisChart(noLatency), 1)
    expect(analysisChart([])).toBe('')
  })

  it('keeps tiny rates as plain decimals, never as exponents', async () => {
    const tiny = [{ label: 's', newErrorRate: 1e-7, oldErrorRate: 0, newP99: 0.25, oldP99: 1e-9 }]
    const [errors = ''] = await expectValid(analysisChart(tiny), 2)
    expect(errors).not.toMatch(/\de-?\d/)
    expect(errors).toContain('y-axis "errors (%)" 0 --> 1')
  })
})

describe('hostile text cannot break a chart', () => {
  const hostile = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.constantFrom(
      '"',
      '"]\n  line [1',
      '%%{init: {"theme":"forest"}}%%',
      '<script>alert(1)</script>',
      '`x`',
      '\n\n'
    )
  )

  it('weightChart parses, keeps its shape and lets no quote, angle bracket or line break through', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (title, version) => {
        const md = weightChart([{ time: T0, weight: 0.5 }], { title, newLabel: version })
        const [d = ''] = blocks(md)
        expect(d.split('\n')).toHaveLength(6)
        expect(d.replace(/ --> /g, ' ')).not.toMatch(/[<>`]/)
        expect(d.match(/"/g)?.length).toBe(8)
        expect(await parses(d)).toBe(true)
      }),
      { numRuns: 60 }
    )
  })

  it('analysisChart parses with hostile step labels and version names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 4 }), hostile, async (labels, name) => {
        const hostileSteps = labels.map(label => ({
          label,
          newErrorRate: 0.01,
          oldErrorRate: 0.02,
          newP99: 100,
          oldP99: 90
        }))
        for (const d of blocks(
          analysisChart(hostileSteps, { newLabel: name, oldLabel: name, title: name })
        )) {
          expect(d.replace(/ --> /g, ' ')).not.toMatch(/[<>`]/)
          expect(await parses(d)).toBe(true)
        }
      }),
      { numRuns: 40 }
    )
  })
})
