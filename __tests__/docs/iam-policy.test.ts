// The README's least-privilege IAM policy grants exactly the AWS operations the action can send: every SDK
// command constructed anywhere under src/ (found by reading the sources, wherever they live), no more. The
// CodeDeploy engine's extra policy, in docs/codedeploy.md, is held to the same rule for codedeploy:.
// A new call without its permission would fail in users' accounts; a permission nothing uses is not least
// privilege.
import * as cloudwatchSdk from '@aws-sdk/client-cloudwatch'
import * as codedeploySdk from '@aws-sdk/client-codedeploy'
import * as lambdaSdk from '@aws-sdk/client-lambda'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(import.meta.url), '../../..')

/** IAM action names that differ from the API operation's name. */
const IAM_NAME: Record<string, string> = {
  'lambda:Invoke': 'lambda:InvokeFunction',
  'lambda:InvokeWithResponseStream': 'lambda:InvokeFunction'
}

/**
 * What AWS authorizes beside an operation's own action: CreateDeployment with a revision registers it in
 * the application (RegisterApplicationRevision, GetApplicationRevision), and CreateDeploymentGroup hands
 * CodeDeploy the service role (iam:PassRole).
 */
const ALSO_NEEDED: Record<string, string[]> = {
  'codedeploy:CreateDeployment': [
    'codedeploy:RegisterApplicationRevision',
    'codedeploy:GetApplicationRevision'
  ],
  'codedeploy:CreateDeploymentGroup': ['iam:PassRole']
}

function sourceFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter(f => /\.[cm]?ts$/.test(f) && !/\.d\.ts$/.test(f))
    .map(f => join(dir, f))
}

/** `lambda:GetAlias`, … for every `new XCommand(` in src/, named by the SDK that exports XCommand. */
function operationsSent(): { actions: Set<string>; unknown: string[] } {
  const actions = new Set<string>()
  const unknown: string[] = []
  for (const file of sourceFiles(join(root, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bnew\s+(\w+)Command\s*\(/g)) {
      const op = m[1] ?? ''
      const service =
        `${op}Command` in lambdaSdk
          ? 'lambda'
          : `${op}Command` in cloudwatchSdk
            ? 'cloudwatch'
            : `${op}Command` in codedeploySdk
              ? 'codedeploy'
              : undefined
      if (service === undefined) unknown.push(`${op}Command in ${file.slice(root.length + 1)}`)
      else actions.add(IAM_NAME[`${service}:${op}`] ?? `${service}:${op}`)
    }
  }
  return { actions, unknown }
}

/** The actions of the first JSON policy under `heading` (README: "## Least-privilege IAM policy"). */
function policyActions(readme: string, heading = '## Least-privilege IAM policy'): Set<string> {
  const level = heading.split(' ')[0] ?? '##'
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const section = new RegExp(`^${escaped}\\s*$([\\s\\S]*?)(?=^${level} |(?![\\s\\S]))`, 'm').exec(readme)?.[1]
  if (section === undefined) throw new Error(`no "${heading}" section`)
  const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1]
  if (json === undefined) throw new Error('the IAM policy section has no ```json block')
  const policy = JSON.parse(json) as { Statement: Array<{ Effect: string; Action: string | string[] }> }
  const actions = new Set<string>()
  for (const s of policy.Statement) {
    expect(s.Effect).toBe('Allow')
    for (const a of [s.Action].flat()) actions.add(a)
  }
  return actions
}

describe('the README IAM policy', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')

  test('finds the operations the gateway sends', () => {
    const { actions, unknown } = operationsSent()
    expect(unknown).toEqual([])
    // A glob that found nothing would make the comparison below vacuous.
    expect(actions).toContain('lambda:GetAlias')
    expect(actions).toContain('lambda:UpdateAlias')
  })

  test('grants exactly the lambda: and cloudwatch: actions the code can send', () => {
    const granted = [...policyActions(readme)].filter(a => /^(lambda|cloudwatch):/.test(a)).sort()
    const sent = [...operationsSent().actions].filter(a => /^(lambda|cloudwatch):/.test(a)).sort()
    const missing = sent.filter(a => !granted.includes(a))
    const unused = granted.filter(a => !sent.includes(a))
    expect({ missing, unused }).toEqual({ missing: [], unused: [] })
    expect(granted.filter(a => a.includes('*'))).toEqual([])
  })
})

describe("docs/codedeploy.md's policy for the workflow role", () => {
  const page = readFileSync(join(root, 'docs', 'codedeploy.md'), 'utf8')

  test('grants exactly the codedeploy: actions the code can send, with what AWS requires beside them', () => {
    const sent = [...operationsSent().actions].filter(a => a.startsWith('codedeploy:'))
    expect(sent).toContain('codedeploy:CreateDeployment')
    const needed = [...new Set([...sent, ...sent.flatMap(a => ALSO_NEEDED[a] ?? [])])].sort()
    const granted = [...policyActions(page, '### The workflow role')].sort()
    const missing = needed.filter(a => !granted.includes(a))
    const unused = granted.filter(a => !needed.includes(a))
    expect({ missing, unused }).toEqual({ missing: [], unused: [] })
    expect(granted.filter(a => a.includes('*'))).toEqual([])
  })
})
