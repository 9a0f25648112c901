import { clockTime } from '../clock.js'
import { formatDuration, formatElapsed } from '../inputs/duration.js'
import type { Config } from '../inputs/config.js'
import { runner } from '../log.js'
import type { FunctionRollout, Outcome } from '../rollout/record.js'
import { describeRouting, weightPercent } from '../ledger/snapshot.js'
import { pruneSummary } from '../prune/words.js'
import { analysisChart, weightChart } from './chart.js'
import { provisionedSummary } from './provisioned.js'
import { codeDeploySummary } from './codedeploy.js'
import { consoleLink } from './status.js'
import { mdCell, mdText } from '../untrusted.js'

const STATUS_ICON: Record<string, string> = {
  promoted: '✅',
  unchanged: '⏸️',
  'in-progress': '🔀',
  'rolled-back': '↩️',
  failed: '❌',
  'dry-run': '📝'
}

/**
 * The job summary: what changed, from → to, the timeline and its chart, the analysis, alarms, the result
 * and a console link. Every value that can come from outside (messages, alarm names and reasons, the
 * reason a rollout stopped) is escaped, so it renders as text and a table cell stays one cell.
 */
export function summaryMarkdown(outcome: Outcome, config: Config): string {
  const lines: string[] = []
  const took = formatElapsed(outcome.endedAt - outcome.startedAt)
  lines.push(`## ${STATUS_ICON[outcome.status] ?? ''} lambda-promote: ${outcome.status}`, '')
  if (outcome.error) lines.push(`> ${mdText(outcome.error, 1000)}`, '')
  lines.push(`Alias \`${config.alias}\` · strategy ${planText(config)} · ${took}`, '')
  lines.push(
    '| function | from | to | published | CodeSha256 | status | alias |',
    '|---|---|---|---|---|---|---|'
  )
  for (const d of outcome.deployments) {
    const from = d.initial ? describeRouting(d.initial) : '(new alias)'
    const to = d.to ? `v${d.to}` : '—'
    const link = d.aliasArn ? `[\`${d.aliasArn}\`](${consoleLink(config.region, d, config.alias)})` : '—'
    lines.push(
      `| ${d.fn.name} | ${from} | ${to} | ${d.published ? 'yes' : 'no'} | \`${d.codeSha256 || '—'}\` | ${d.status} | ${link} |`
    )
  }
  lines.push('')
  const first = outcome.deployments.find(d => d.timeline.length > 0)
  if (first) lines.push(...timeline(first, outcome))
  const judged = outcome.deployments.find(d => (d.analysis ?? []).length > 0)
  if (judged) lines.push(...analysis(judged))
  if (outcome.alarms.length > 0) {
    lines.push('### Alarms', '', '| alarm | state at start |', '|---|---|')
    for (const a of outcome.alarms) lines.push(`| ${mdCell(a.name)} | ${mdCell(a.state)} |`)
    lines.push('')
  }
  lines.push(...provisionedSummary(outcome, config.alias))
  if (outcome.codedeploy) lines.push(...codeDeploySummary(outcome.codedeploy))
  if (outcome.pruning) lines.push(...pruneSummary(outcome.pruning))
  const notes = outcome.deployments.filter(d => d.message).map(d => `- ${mdText(d.message ?? '', 1000)}`)
  if (notes.length > 0) lines.push('### Alias state', '', ...notes, '')
  if (outcome.plan.length > 0)
    lines.push(
      '<details><summary>Plan</summary>',
      '',
      '```',
      // Inside a fence only a run of backticks could end it early.
      ...outcome.plan.map(line => line.replace(/`/g, "'")),
      '```',
      '</details>',
      ''
    )
  return lines.join('\n')
}

/** The weight over time as a chart (every rollout), then as a table. */
function timeline(d: FunctionRollout, outcome: Outcome): string[] {
  // Function names and versions are validated inputs and Lambda's own numbers; actions and results can
  // carry an alarm's reason or an error text.
  const lines = ['### Timeline', '']
  const chart = weightChart(
    d.timeline.map(t => ({ time: t.time, weight: t.weight })),
    { newLabel: d.to ? `v${d.to}` : 'the new version' }
  )
  if (chart) lines.push(chart, '')
  lines.push('| time (UTC) | traffic on new version | action | result |', '|---|---|---|---|')
  for (const t of d.timeline)
    lines.push(
      `| ${clockTime(t.time)} | ${weightPercent(t.weight)} | ${mdCell(t.action)} | ${mdCell(t.result, 300)} |`
    )
  if (outcome.deployments.length > 1)
    lines.push('', `_Timeline of ${mdText(d.fn.name)}; every function's is in the \`result\` output._`)
  lines.push('')
  return lines
}

/** Canary analysis per step: both versions' figures, the verdict, and a chart of error rate and p99. */
function analysis(d: FunctionRollout): string[] {
  const steps = d.analysis ?? []
  const rate = (r: number | undefined): string => (r === undefined ? '—' : `${(r * 100).toFixed(2)}%`)
  const p99 = (v: number | undefined): string => (v === undefined ? '—' : `${Math.round(v)} ms`)
  const lines = [
    `### Canary analysis (v${d.to} vs v${d.from ?? '-'})`,
    '',
    '| step | invocations new / old | errors new / old | p99 new / old | p | verdict |',
    '|---|---|---|---|---|---|'
  ]
  for (const s of steps)
    lines.push(
      `| ${weightPercent(s.weight)} | ${s.newInvocations} / ${s.oldInvocations} | ${rate(s.newErrorRate)} / ${rate(s.oldErrorRate)} | ${p99(s.newP99Ms)} / ${p99(s.oldP99Ms)} | ${s.pValue === undefined ? '—' : s.pValue.toPrecision(2)} | ${s.outcome === 'pass' ? '✓' : s.outcome === 'fail' ? '✗' : 'not enough traffic'} |`
    )
  const chart = analysisChart(
    steps.map(s => ({
      label: weightPercent(s.weight),
      newErrorRate: s.newErrorRate,
      oldErrorRate: s.oldErrorRate,
      newP99: s.newP99Ms,
      oldP99: s.oldP99Ms
    })),
    { newLabel: `v${d.to}`, oldLabel: `v${d.from ?? '-'}` }
  )
  lines.push('', ...(chart ? [chart, ''] : []))
  return lines
}

function planText(config: Config): string {
  const steps = config.plan.map(s => weightPercent(s.weight)).join(' → ')
  return `${steps}${config.bakeMs > 0 ? `, bake ${formatDuration(config.bakeMs)}` : ''}`
}

export function writeSummary(outcome: Outcome, config: Config): void {
  runner.appendSummary(summaryMarkdown(outcome, config))
}
