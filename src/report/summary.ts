import { clockTime } from '../clock.js'
import { formatDuration, formatElapsed } from '../inputs/duration.js'
import type { Config } from '../inputs/config.js'
import type { Outcome } from '../rollout/record.js'
import { describeRouting, percent } from '../rollout/snapshot.js'
import { runner } from '../log.js'
import { consoleLink } from './status.js'

const STATUS_ICON: Record<string, string> = {
  promoted: '✅',
  unchanged: '⏸️',
  'in-progress': '🔀',
  'rolled-back': '↩️',
  failed: '❌',
  'dry-run': '📝'
}

/** The job summary: what changed, from → to, the timeline, alarms, the result and a console link. */
export function summaryMarkdown(outcome: Outcome, config: Config): string {
  const lines: string[] = []
  const took = formatElapsed(outcome.endedAt - outcome.startedAt)
  lines.push(`## ${STATUS_ICON[outcome.status] ?? ''} lambda-promote: ${outcome.status}`, '')
  if (outcome.error) lines.push(`> ${outcome.error.replace(/\n/g, ' ')}`, '')
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
  if (first) {
    lines.push(
      '### Timeline',
      '',
      '| time (UTC) | traffic on new version | action | result |',
      '|---|---|---|---|'
    )
    for (const t of first.timeline)
      lines.push(`| ${clockTime(t.time)} | ${percent(t.weight)} | ${t.action} | ${t.result} |`)
    if (outcome.deployments.length > 1)
      lines.push('', `_Timeline of ${first.fn.name}; every function's is in the \`result\` output._`)
    lines.push('')
  }
  if (outcome.alarms.length > 0) {
    lines.push('### Alarms', '', '| alarm | state at start |', '|---|---|')
    for (const a of outcome.alarms) lines.push(`| ${a.name} | ${a.state} |`)
    lines.push('')
  }
  const notes = outcome.deployments.filter(d => d.message).map(d => `- ${d.message}`)
  if (notes.length > 0) lines.push('### Alias state', '', ...notes, '')
  if (outcome.plan.length > 0)
    lines.push('<details><summary>Plan</summary>', '', '```', ...outcome.plan, '```', '</details>', '')
  return lines.join('\n')
}

function planText(config: Config): string {
  const steps = config.plan.map(s => percent(s.weight)).join(' → ')
  return `${steps}${config.bakeMs > 0 ? `, bake ${formatDuration(config.bakeMs)}` : ''}`
}

export function writeSummary(outcome: Outcome, config: Config): void {
  runner.appendSummary(summaryMarkdown(outcome, config))
}
