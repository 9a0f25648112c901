// The summary's provisioned-concurrency and SnapStart section: what each wait found and how long it took.
import { formatElapsed } from '../inputs/duration.js'
import type { Outcome } from '../rollout/record.js'
import { mdCell } from '../untrusted.js'

export function provisionedSummary(outcome: Outcome, alias: string): string[] {
  const lines: string[] = []
  for (const d of outcome.deployments) {
    const pc = d.provisioned
    if (pc) {
      const waits = pc.waits.map(w => `v${w.versions} ${w.status} after ${formatElapsed(w.waitedMs)}`)
      const reason = pc.reason ? ` (${pc.reason})` : ''
      lines.push(
        `| ${mdCell(d.fn.name)} | provisioned concurrency ${pc.requested} on ${mdCell(alias)} | ${mdCell(`${pc.status}${reason} on v${pc.versions}`)} | ${mdCell(waits.join(', ') || 'no alias write')} |`
      )
    }
    if (d.snapStart)
      lines.push(
        `| ${mdCell(d.fn.name)} | SnapStart on v${d.to} | OptimizationStatus ${mdCell(d.snapStart.optimizationStatus)} | Active after ${formatElapsed(d.snapStart.waitedMs)} |`
      )
  }
  if (lines.length === 0) return []
  return [
    '### Provisioned concurrency and SnapStart',
    '',
    '| function | what | now | waits |',
    '|---|---|---|---|',
    ...lines,
    ''
  ]
}
