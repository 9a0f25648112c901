import { formatDuration } from '../inputs/duration.js'
import type { Config } from '../inputs/config.js'
import { describeStrategy } from '../inputs/plan.js'
import { short } from './decide.js'
import type { Inspection } from './inspect.js'
import { movesAllAtOnce } from './record.js'
import { weightPercent } from '../ledger/snapshot.js'

/** The plan as the log and the summary show it: one line per function, then bake, alarms and wait. */
export function planLines(config: Config, found: readonly Inspection[]): string[] {
  const lines = found.map(({ rollout: d, publish }) => {
    const head = `lambda-promote: ${d.fn.name}:${config.alias}  ${d.from ? `v${d.from}` : '(new alias)'} → `
    if (d.unchanged) return `${head}v${d.to}  unchanged`
    const target = publish
      ? `publish $LATEST (sha ${short(d.codeSha256)})`
      : `v${d.to}${d.resumeWeight > 0 ? ` (resuming at ${weightPercent(d.resumeWeight)})` : ''}`
    const how = movesAllAtOnce(d)
      ? d.initial === null
        ? 'create the alias, all at once'
        : d.from === '$LATEST'
          ? 'move off $LATEST, all at once'
          : 'clear the pending split, all at once'
      : describeStrategy(config.strategy)
    const pc = d.provisioned
      ? `  (provisioned concurrency ${d.provisioned.requested}, ${d.provisioned.status}: every alias write waits for READY)`
      : ''
    return `${head}${target}  ${how}${pc}`
  })
  if (config.bakeMs > 0) lines.push(`  then bake ${formatDuration(config.bakeMs)}`)
  if (config.alarms.length > 0) lines.push(`  watching alarms: ${config.alarms.join(', ')}`)
  if (!config.wait) lines.push('  wait: false: stop after the first step')
  return lines
}
