// Every workflow example in README.md and docs/ is safe to copy as printed: the role's trust policy shown in
// the README covers the OIDC subject of every job that assumes it; values reach run: scripts through env:;
// every workflow has a concurrency group and every job a timeout. And the README stays a landing page.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractYamlBlocks } from '../../scripts/actionlint.js'
import { loadYaml } from '../../scripts/docs.js'
import {
  allows,
  runExpressionProblems,
  subjectProblems,
  trustedSubjects,
  type TrustedSubjects
} from '../../scripts/example-checks.js'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const pages = ['README.md', ...readdirSync(join(root, 'docs')).map(f => `docs/${f}`)].filter(f =>
  f.endsWith('.md')
)
const workflows = pages.flatMap(file =>
  extractYamlBlocks(readFileSync(join(root, file), 'utf8'))
    .filter(b => b.isWorkflow)
    .map(b => ({ where: `${file}:${b.line}`, text: b.text }))
)
const trusted = trustedSubjects(readme) as TrustedSubjects

type Job = { environment?: unknown; concurrency?: unknown; 'timeout-minutes'?: unknown; steps?: unknown[] }
const parse = (text: string) =>
  loadYaml(text) as { on: unknown; concurrency?: unknown; jobs: Record<string, Job> }

const workflow = (on: string, job: string): string =>
  `on:\n${on}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n${job}    steps:\n      - uses: aws-actions/configure-aws-credentials@v6\n        with:\n          role-to-assume: arn:aws:iam::1:role/r\n          aws-region: us-east-1\n`

test('the README shows a trust policy, and the examples are found in README.md and docs/', () => {
  expect(trusted.exact).toEqual([
    'repo:your-org/your-repo:environment:production',
    'repo:your-org/your-repo:ref:refs/heads/main'
  ])
  expect(workflows.length).toBeGreaterThanOrEqual(5)
  expect(workflows.filter(w => w.text.includes('configure-aws-credentials')).length).toBeGreaterThanOrEqual(5)
})

test('every job that assumes a role does so under a sub the trust policy allows', () => {
  for (const w of workflows)
    expect({ where: w.where, problems: subjectProblems(w.text, trusted) }).toEqual({
      where: w.where,
      problems: []
    })
})

test('the sub check refuses what AWS would refuse', () => {
  const tag = workflow('  release:\n    types: [published]', '')
  expect(subjectProblems(tag, trusted)).toEqual([
    'jobs.deploy assumes an AWS role as a release, which the trust policy does not allow (its sub names the tag; give the job an environment)'
  ])
  const dispatch = workflow('  workflow_dispatch:', '')
  expect(subjectProblems(dispatch, trusted)).toHaveLength(1)
  expect(subjectProblems(workflow('  push:\n    branches: [develop]', ''), trusted)).toEqual([
    'jobs.deploy assumes an AWS role as repo:your-org/your-repo:ref:refs/heads/develop, which the trust policy does not allow'
  ])
  expect(subjectProblems(workflow('  push:\n    tags: [v*]', ''), trusted)).toHaveLength(1)
  // An environment is the subject whatever the trigger; one not in the policy is refused.
  expect(
    subjectProblems(workflow('  release:\n    types: [published]', '    environment: production\n'), trusted)
  ).toEqual([])
  expect(
    subjectProblems(workflow('  workflow_dispatch:', '    environment: staging\n'), trusted)
  ).toHaveLength(1)
  expect(subjectProblems(workflow('  push:\n    branches: [main]', ''), trusted)).toEqual([])
  // StringLike patterns, as IAM matches them.
  const like = { exact: [], patterns: ['repo:your-org/your-repo:ref:refs/tags/v*'] }
  expect(allows(like, 'repo:your-org/your-repo:ref:refs/tags/v1.2.3')).toBe(true)
  expect(allows(like, 'repo:your-org/your-repo:ref:refs/heads/v1')).toBe(false)
})

test('no ${{ }} is expanded inside a run: script; the check finds one', () => {
  for (const w of workflows)
    expect({ where: w.where, problems: runExpressionProblems(w.text) }).toEqual({
      where: w.where,
      problems: []
    })
  const unsafe =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ inputs.alias }}"\n'
  expect(runExpressionProblems(unsafe)).toEqual([
    'jobs.a.steps[0]: ${{ … }} inside a run: script; pass the value through env: and use "$NAME"'
  ])
})

test('every workflow has a concurrency group and every job a timeout-minutes', () => {
  for (const w of workflows) {
    const doc = parse(w.text)
    for (const [id, job] of Object.entries(doc.jobs)) {
      expect({ where: `${w.where} jobs.${id}`, timeout: typeof job['timeout-minutes'] }).toEqual({
        where: `${w.where} jobs.${id}`,
        timeout: 'number'
      })
      const group = doc.concurrency ?? job.concurrency
      expect({ where: `${w.where} jobs.${id}`, group: group !== undefined }).toEqual({
        where: `${w.where} jobs.${id}`,
        group: true
      })
    }
  }
})

test('the README is a landing page: short, with the sections users look for', () => {
  expect(readme.split('\n').length).toBeLessThan(450)
  for (const heading of [
    'Quick start',
    'Inputs',
    'Outputs',
    'Workflow examples',
    'Least-privilege IAM policy',
    'Living with infrastructure as code',
    'Behaviour',
    'Troubleshooting',
    'Limitations',
    'Rehearse locally',
    'Development'
  ])
    expect(readme).toMatch(new RegExp(`^## ${heading}$`, 'm'))
  const development = /^## Development$([\s\S]*)/m.exec(readme)?.[1] ?? ''
  expect(development.slice(0, 400)).toContain('npm ci && npm run demo')
  expect(development.slice(0, 400)).toContain('npm ci && npm test')
  for (const link of readme.matchAll(/\]\((docs\/[\w.-]+\.md)/g))
    expect({ link: link[1], exists: pages.includes(link[1] ?? '') }).toEqual({ link: link[1], exists: true })
})
