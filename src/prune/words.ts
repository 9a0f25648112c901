// How pruning is told: byte counts, the kept-version lines, and the summary section.
import { mdText } from '../untrusted.js'
import type { KeptVersion } from './decide.js'
import type { PruneReport } from './report.js'

/** The share of the account's code storage above which the log and the summary warn. */
export const STORAGE_WARNING = 0.8

export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB']
  let value = n
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return unit === 0 ? `${n} bytes` : `${value.toFixed(1)} ${units[unit]}`
}

export const keptLine = (k: KeptVersion): string => `v${k.version} kept: ${k.reasons.join(', ')}`

/** The comma-separated versions deleted from the first pruned function (the `pruned-versions` output). */
export function prunedVersions(report: PruneReport | undefined): string {
  if (report === undefined || report.dryRun) return ''
  return (report.functions[0]?.deleted ?? []).map(v => v.version).join(',')
}

/** The job summary's section; names and reasons are Lambda's validated names, escaped all the same. */
export function pruneSummary(report: PruneReport): string[] {
  const title = report.dryRun ? 'Versions keep-versions would delete' : 'Pruned versions'
  const lines = [`### ${title} (keep-versions: ${report.keep})`, '']
  if (report.notRun) return [...lines, `Nothing deleted: ${mdText(report.notRun)}.`, '']
  for (const f of report.functions) {
    lines.push(`**${mdText(f.name)}**`, '')
    if (f.notDeleted) {
      lines.push(`- ⚠️ nothing deleted: ${mdText(f.notDeleted, 500)}`, '')
      continue
    }
    const verb = report.dryRun ? 'would delete' : 'deleted'
    const list = f.deleted.map(v => `v${v.version}`).join(', ') || 'nothing'
    lines.push(`- ${verb}: ${list} (${formatBytes(f.reclaimedBytes)})`)
    for (const k of f.kept) lines.push(`- v${k.version} kept: ${mdText(k.reasons.join(', '), 500)}`)
    for (const s of f.skipped) lines.push(`- ⚠️ v${s.version} not deleted: ${mdText(s.reason, 300)}`)
    lines.push('')
  }
  const s = report.storage
  if (s && s.limitBytes > 0) {
    const share = s.usedBytes / s.limitBytes
    const text = `Account code storage: ${formatBytes(s.usedBytes)} of ${formatBytes(s.limitBytes)} (${Math.round(share * 100)}%).`
    lines.push(
      share > STORAGE_WARNING ? `> ⚠️ ${text} Above 80%: delete unused versions or raise the quota.` : text,
      ''
    )
  }
  return lines
}
