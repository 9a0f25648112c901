// Checks on the documentation's workflow examples that actionlint does not make, so that an example is safe
// to copy as printed:
//   - no `${{ … }}` inside a `run:` script: a value expanded there becomes shell code (GitHub's security
//     hardening guide: pass it through `env:`);
//   - every job that assumes an AWS role through OIDC runs under a `sub` the trust policy shown allows.
// The `sub` GitHub puts in a job's token: `repo:ORG/REPO:environment:NAME` when the job has an environment,
// else for push and workflow_dispatch `repo:ORG/REPO:ref:<the ref>`, for pull_request
// `repo:ORG/REPO:pull_request`. A release or a tag push names the tag, which no fixed list can cover.
import { loadYaml } from './docs.js'

export const EXAMPLE_REPO = 'your-org/your-repo'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The `sub` values a trust policy allows: StringEquals values, and StringLike patterns (`*`, `?`). */
export interface TrustedSubjects {
  exact: string[]
  patterns: string[]
}

/** The first JSON policy in a Markdown text that allows sts:AssumeRoleWithWebIdentity, or null. */
export function trustedSubjects(markdown: string): TrustedSubjects | null {
  for (const m of markdown.matchAll(/```json\n([\s\S]*?)\n```/g)) {
    if (!(m[1] ?? '').includes('sts:AssumeRoleWithWebIdentity')) continue
    const policy = JSON.parse(m[1] ?? '') as { Statement: Array<{ Condition?: Record<string, unknown> }> }
    const exact: string[] = []
    const patterns: string[] = []
    for (const s of policy.Statement) {
      const cond = s.Condition ?? {}
      const pick = (op: string, into: string[]): void => {
        const block = cond[op]
        if (!isRecord(block)) return
        const sub = block['token.actions.githubusercontent.com:sub']
        into.push(...[sub].flat().filter((v): v is string => typeof v === 'string'))
      }
      pick('StringEquals', exact)
      pick('StringLike', patterns)
    }
    return { exact, patterns }
  }
  return null
}

function matchesPattern(value: string, pattern: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${re}$`).test(value)
}

export function allows(trusted: TrustedSubjects, sub: string): boolean {
  return trusted.exact.includes(sub) || trusted.patterns.some(p => matchesPattern(sub, p))
}

/** What the triggers of a workflow make a job's `sub` without an environment; a string is a problem. */
function refSubjects(on: unknown): Array<string | { problem: string }> {
  const events: Record<string, unknown> =
    typeof on === 'string'
      ? { [on]: null }
      : Array.isArray(on)
        ? Object.fromEntries(on.map(e => [String(e), null]))
        : isRecord(on)
          ? on
          : {}
  const subs: Array<string | { problem: string }> = []
  for (const [event, spec] of Object.entries(events)) {
    const s = isRecord(spec) ? spec : {}
    if (event === 'push') {
      const branches = [s.branches ?? []].flat().map(String)
      if (s.tags !== undefined) subs.push({ problem: 'a tag push: its sub names the tag' })
      if (branches.length === 0 && s.tags === undefined)
        subs.push({ problem: 'a push to any branch: its sub names the branch' })
      for (const b of branches) {
        if (/[*?[\]!]/.test(b)) subs.push({ problem: `a push to branches "${b}": its sub names the branch` })
        else subs.push(`ref:refs/heads/${b}`)
      }
    } else if (event === 'release') subs.push({ problem: 'a release: its sub names the tag' })
    else if (event === 'workflow_dispatch')
      subs.push({ problem: 'workflow_dispatch: its sub names whichever branch it is started from' })
    else if (event === 'pull_request' || event === 'pull_request_target') subs.push('pull_request')
    else if (event === 'schedule')
      subs.push('ref:refs/heads/main') // the default branch
    else subs.push({ problem: `the ${event} event: its sub is not checked here` })
  }
  return subs
}

const assumesRole = (job: Record<string, unknown>): boolean =>
  Array.isArray(job.steps) &&
  job.steps.some(
    s =>
      isRecord(s) && typeof s.uses === 'string' && s.uses.startsWith('aws-actions/configure-aws-credentials@')
  )

/** One line per job that assumes a role under a `sub` the trust policy does not allow. */
export function subjectProblems(workflowText: string, trusted: TrustedSubjects): string[] {
  const doc = loadYaml(workflowText)
  if (!isRecord(doc) || !isRecord(doc.jobs)) return []
  const problems: string[] = []
  for (const [id, job] of Object.entries(doc.jobs)) {
    if (!isRecord(job) || !assumesRole(job)) continue
    const env = isRecord(job.environment) ? job.environment.name : job.environment
    const subs: Array<string | { problem: string }> =
      env === undefined
        ? refSubjects(doc.on)
        : typeof env === 'string' && !env.includes('${{')
          ? [`environment:${env}`]
          : [{ problem: 'an environment chosen by an expression' }]
    for (const sub of subs) {
      if (typeof sub !== 'string') {
        const [what, why] = sub.problem.split(': ')
        problems.push(
          `jobs.${id} assumes an AWS role as ${what}, which the trust policy does not allow (${why ?? what}; give the job an environment)`
        )
        continue
      }
      const full = `repo:${EXAMPLE_REPO}:${sub}`
      if (!allows(trusted, full))
        problems.push(`jobs.${id} assumes an AWS role as ${full}, which the trust policy does not allow`)
    }
  }
  return problems
}

/** One line per `run:` script that expands `${{ … }}` itself. */
export function runExpressionProblems(workflowText: string): string[] {
  const doc = loadYaml(workflowText)
  if (!isRecord(doc) || !isRecord(doc.jobs)) return []
  const problems: string[] = []
  for (const [id, job] of Object.entries(doc.jobs)) {
    if (!isRecord(job) || !Array.isArray(job.steps)) continue
    job.steps.forEach((step: unknown, i: number) => {
      if (isRecord(step) && typeof step.run === 'string' && step.run.includes('${{')) {
        problems.push(
          `jobs.${id}.steps[${i}]: \${{ … }} inside a run: script; pass the value through env: and use "$NAME"`
        )
      }
    })
  }
  return problems
}
