/**
 * Mermaid charts for the job summary, as `xychart-beta` blocks (in Mermaid since 10.6; GitHub renders
 * ```mermaid blocks in Markdown). Only recent Mermaid draws a legend for named plots, so the two versions
 * are told apart by mark, bars for the old version and a line for the new one, and the title says which.
 */

interface WeightPoint {
  /** Epoch ms at which the weight took effect. */
  time: number
  /** The new version's share of traffic, 0..1. */
  weight: number
}

export interface AnalysisStep {
  label: string
  /** Error rates as fractions 0..1; undefined when the version served nothing. */
  newErrorRate: number | undefined
  oldErrorRate: number | undefined
  /** p99 Duration in ms; undefined without samples. */
  newP99: number | undefined
  oldP99: number | undefined
}

interface ChartNames {
  /** Shown for the new and the old version, e.g. "v7" and "v6". */
  newLabel?: string
  oldLabel?: string
  title?: string
}

const MAX_LABEL = 60
const MAX_COLUMNS = 30
const STEPS_MS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400].map(
  s => s * 1000
)

/**
 * Text from outside (function names, versions, step labels) made safe inside a quoted Mermaid string:
 * letters, digits and a few harmless punctuation marks are kept; a double quote or backtick becomes an
 * apostrophe (a quote would end the string, a backtick starts Markdown); anything else, including < > &
 * # and line breaks, becomes "_" or a space, so nothing can close the string, start a comment or
 * directive, or reach the page as HTML or an entity.
 */
export function chartLabel(text: string, fallback = '-'): string {
  const cleaned = [...text.normalize('NFC')]
    .map(ch =>
      /["`]/.test(ch) ? "'" : /\s/u.test(ch) ? ' ' : /[\p{L}\p{N} .,:/@+()%'_=!?-]/u.test(ch) ? ch : '_'
    )
    .join('')
    // "%%" starts a Mermaid comment even right after the opening quote.
    .replace(/%+/g, '%')
    .replace(/ +/g, ' ')
    .trim()
  const short =
    [...cleaned].length > MAX_LABEL ? `${[...cleaned].slice(0, MAX_LABEL - 1).join('')}…` : cleaned
  // Mermaid rejects an empty string.
  return short === '' ? fallback : short
}

function quoted(text: string): string {
  return `"${chartLabel(text)}"`
}

/** A number as xychart reads it: plain decimals only, no exponent, no NaN. */
function num(x: number, digits: number): string {
  const fixed = (Number.isFinite(x) ? x : 0).toFixed(digits)
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed
}

/** A round axis top at or above max: 1, 2 or 5 times a power of ten, at least `least`. */
function axisTop(max: number, least: number): number {
  const target = Math.max(max, least)
  const power = 10 ** Math.floor(Math.log10(target))
  return [1, 2, 5, 10].map(m => m * power).find(top => top >= target) ?? target
}

function fence(lines: string[]): string {
  return ['```mermaid', ...lines, '```', ''].join('\n')
}

function elapsed(ms: number): string {
  const s = Math.round(ms / 1000)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = s % 60
  return [h ? `${h}h` : '', m ? `${m}m` : '', rest || s === 0 ? `${rest}s` : ''].join('')
}

/**
 * The new version's traffic weight over time. The weight is sampled on an even grid (a round step, at
 * most 31 columns) as the weight in effect at each instant, so uneven change times keep a true time
 * axis; the last column always shows the final weight. Empty input gives no chart ('').
 */
export function weightChart(points: readonly WeightPoint[], names: ChartNames = {}): string {
  if (points.some(p => !Number.isFinite(p.time) || !Number.isFinite(p.weight)))
    throw new RangeError('weightChart: every point needs a finite time and weight')
  if (points.length === 0) return ''
  const sorted = [...points].sort((a, b) => a.time - b.time)
  const start = sorted[0]!.time
  const span = sorted[sorted.length - 1]!.time - start
  const step = STEPS_MS.find(s => Math.ceil(span / s) <= MAX_COLUMNS) ?? Math.ceil(span / MAX_COLUMNS)
  const columns = span === 0 ? 0 : Math.ceil(span / step)
  const labels: string[] = []
  const weights: string[] = []
  for (let i = 0; i <= columns; i++) {
    const at = start + i * step
    const inEffect = sorted.filter(p => p.time <= at).pop() ?? sorted[0]!
    labels.push(`"${elapsed(i * step)}"`)
    weights.push(num(Math.min(1, Math.max(0, inEffect.weight)) * 100, 1))
  }
  const version = names.newLabel ?? 'the new version'
  return fence([
    'xychart-beta',
    `  title ${quoted(names.title ?? `Traffic to ${version}`)}`,
    `  x-axis "elapsed" [${labels.join(', ')}]`,
    `  y-axis ${quoted(`% of traffic to ${version}`)} 0 --> 100`,
    `  bar [${weights.join(', ')}]`
  ])
}

/**
 * Both versions' error rate and p99 per step: two charts (units differ), bars for the old version and a
 * line for the new one. A missing figure is drawn as 0 and its step labelled "(no data)". The p99 chart is
 * left out when no step has a p99. Empty input gives ''.
 */
export function analysisChart(steps: readonly AnalysisStep[], names: ChartNames = {}): string {
  if (steps.length === 0) return ''
  const fresh = names.newLabel ?? 'new'
  const old = names.oldLabel ?? 'old'
  const key = `bars ${old}, line ${fresh}`
  const prefix = names.title ? `${names.title}: ` : ''
  const chart = (
    title: string,
    axis: string,
    pick: (s: AnalysisStep) => [number | undefined, number | undefined],
    scale: number,
    least: number
  ): string => {
    const pairs = steps.map(pick)
    const labels = steps.map((s, i) => {
      const missing = pairs[i]!.some(v => v === undefined || !Number.isFinite(v))
      return quoted(missing ? `${chartLabel(s.label)} (no data)` : s.label)
    })
    const value = (v: number | undefined): number => (v !== undefined && Number.isFinite(v) ? v * scale : 0)
    const top = axisTop(Math.max(...pairs.flat().map(value)), least)
    return fence([
      'xychart-beta',
      `  title ${quoted(`${prefix}${title} (${key})`)}`,
      `  x-axis [${labels.join(', ')}]`,
      `  y-axis ${quoted(axis)} 0 --> ${num(top, 3)}`,
      `  bar [${pairs.map(([, o]) => num(value(o), 3)).join(', ')}]`,
      `  line [${pairs.map(([n]) => num(value(n), 3)).join(', ')}]`
    ])
  }
  const errors = chart('error rate', 'errors (%)', s => [s.newErrorRate, s.oldErrorRate], 100, 1)
  const anyP99 = steps.some(s => s.newP99 !== undefined || s.oldP99 !== undefined)
  const latency = anyP99 ? chart('p99 duration', 'p99 (ms)', s => [s.newP99, s.oldP99], 1, 10) : ''
  return [errors, latency].filter(Boolean).join('\n')
}
