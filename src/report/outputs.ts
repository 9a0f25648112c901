import { runner } from '../log.js'
import type { Config } from '../inputs/config.js'
import { prunedVersions } from '../prune/words.js'
import type { Outcome } from '../rollout/record.js'

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
    ...(d.analysis ? { analysis: d.analysis } : {}),
    ...(d.provisioned ? { provisionedConcurrency: d.provisioned } : {}),
    ...(d.snapStart ? { snapStart: d.snapStart } : {}),
    timeline: d.timeline.map(t => ({
      time: new Date(t.time).toISOString(),
      weight: t.weight,
      action: t.action,
      result: t.result
    }))
  }))
}

/** Every output, on success and on failure alike. With several functions, scalars are the first's. */
export function writeOutputs(outcome: Outcome, config: Config): void {
  const first = outcome.deployments[0]
  runner.setOutput('function-arn', first?.functionArn ?? '')
  runner.setOutput('alias-arn', first?.aliasArn ?? '')
  runner.setOutput('version', first?.to ?? '')
  runner.setOutput('previous-version', first?.from ?? '')
  runner.setOutput('published', String(outcome.deployments.some(d => d.published)))
  runner.setOutput('code-sha256', first?.codeSha256 ?? '')
  runner.setOutput('status', outcome.status)
  runner.setOutput('result', JSON.stringify(resultEntries(outcome, config.alias)))
  if (config.keepVersions !== null) runner.setOutput('pruned-versions', prunedVersions(outcome.pruning))
  if (config.engine === 'codedeploy')
    runner.setOutput('deployment-id', outcome.codedeploy?.deploymentId ?? '')
}
