import * as core from '@actions/core'
import { describeRouting, percent } from './alias-state.js'
import { clockTime } from './clock.js'
import type { Deployment } from './deployment.js'
import { formatDuration, formatElapsed } from './duration.js'
import type { Config } from './inputs.js'
import type { Outcome } from './promote.js'

/** One `result` entry per function: the machine-readable record of what happened. */
export function resultEntries(outcome: Outcome, alias: string): object[] {
  return outcome.deployments.map(d => ({
    function: d.fn.name,
    functionArn: d.functionArn,
    aliasArn: d.aliasArn,
    alias,
    from: d.from,
    to: d.to || null,
    published: d.published,
    codeSha256: d.codeSha256,
    status: d.status,
    ...(d.message ? { message: d.message } : {}),
    timeline: d.timeline.map(t => ({
      time: new Date(t.time).toISOString(),
      weight: t.weight,
      action: t.action,
      result: t.result
    }))
  }))
}

/** SPEC §3: every output, on success and on failure alike. With several functions, scalars are the first's. */
export function writeOutputs(outcome: Outcome, config: Config): void {
  const first = outcome.deployments[0]
  core.setOutput('function-arn', first?.functionArn ?? '')
  core.setOutput('alias-arn', first?.aliasArn ?? '')
  core.setOutput('version', first?.to ?? '')
  core.setOutput('previous-version', first?.from ?? '')
  core.setOutput('published', String(outcome.deployments.some(d => d.published)))
  core.setOutput('code-sha256', first?.codeSha256 ?? '')
  core.setOutput('status', outcome.status)
  core.setOutput('result', JSON.stringify(resultEntries(outcome, config.alias)))
}

/**
 * The GitHub deployment status: the verdict and the alias ARN first, the reason last, because GitHub cuts
 * descriptions at 140 characters and the verdict is what a reader needs.
 */
export function deploymentStatus(outcome: Outcome): { state: 'success' | 'failure'; description: string } {
  const first = outcome.deployments[0]
  const arn = first?.aliasArn ?? ''
  const more = outcome.deployments.length > 1 ? ` (+${outcome.deployments.length - 1} more)` : ''
  const from = first?.from ? `v${first.from}` : 'new alias'
  switch (outcome.status) {
    case 'promoted':
      return { state: 'success', description: `promoted ${from} → v${first?.to} on ${arn}${more}` }
    case 'in-progress':
      return {
        state: 'success',
        description: `v${first?.to} at ${percent(first?.weight ?? 0)}, waiting for a later run, on ${arn}${more}`
      }
    case 'rolled-back':
      return {
        state: 'failure',
        description: `rolled back to ${from} (verified) on ${arn}${more}: ${outcome.stopReason ?? outcome.error ?? ''}`
      }
    default:
      return { state: 'failure', description: `failed on ${arn}${more}: ${outcome.error ?? outcome.status}` }
  }
}

export function consoleLink(region: string, d: Deployment, alias: string): string {
  return `https://${region}.console.aws.amazon.com/lambda/home?region=${region}#/functions/${encodeURIComponent(d.fn.name)}/aliases/${encodeURIComponent(alias)}`
}

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

export async function writeSummary(outcome: Outcome, config: Config): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(summaryMarkdown(outcome, config), true).write()
}
