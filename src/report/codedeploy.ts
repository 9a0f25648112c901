// The job summary's CodeDeploy section: which deployment, where to watch it, and what following it showed.
import type { CodeDeployReport } from '../rollout/record.js'
import { mdText } from '../untrusted.js'

export function codeDeploySummary(cd: CodeDeployReport): string[] {
  // The id, names and link are CodeDeploy's and validated inputs; the events carry CodeDeploy's words.
  const lines = [
    '### CodeDeploy',
    '',
    `Deployment [\`${cd.deploymentId}\`](${cd.link}) in \`${cd.application}\` / \`${cd.group}\` with \`${cd.config}\``,
    ''
  ]
  if (cd.events.length > 0) lines.push(...cd.events.map(e => `- ${mdText(e, 300)}`), '')
  return lines
}
