// GitHub deployment records for the `environment` input, over the REST API with fetch: small enough for
// the post step to mark a killed run's deployment failed. Reporting to GitHub is a courtesy: nothing here
// may fail or delay a deploy or a rollback, so every error becomes one warning line and requests are
// bounded by a short timeout.

import { rateLimitLine } from './rate-limit.js'
import { clampDescription } from './version-description.js'

export interface GitHubTarget {
  token: string
  owner: string
  repo: string
  /** GITHUB_API_URL (GitHub Enterprise Server has its own). */
  apiUrl: string
  /** The workflow run URL, shown as the status' log link. */
  logUrl?: string
  /** Per request; default 10 s. */
  requestTimeoutMs?: number
}

export interface DeploymentContext extends GitHubTarget {
  /** The workflow's commit sha. */
  ref: string
  environment: string
  description: string
  /** Sent only when set; GitHub otherwise guesses from the environment name ("production"). */
  productionEnvironment?: boolean
}

type DeploymentState = 'in_progress' | 'success' | 'failure'

export interface DeploymentTracker {
  /** Creates the deployment and marks it in_progress; returns its id, or undefined when none was made. */
  start(): Promise<number | undefined>
  /** Final status; a no-op when start did not create a deployment. */
  finish(state: 'success' | 'failure', description: string, environmentUrl?: string): Promise<void>
}

/** GitHub rejects status descriptions longer than this. */
const STATUS_DESCRIPTION_MAX = 140

class GitHubError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Set when the answer is a rate limit: the line that says so and when it resets. */
    readonly rateLimit: string | null = null
  ) {
    super(message)
  }
}

/** One line, cut like a version description (never half a surrogate pair before the ellipsis). */
function clamp(text: string, max: number): string {
  return clampDescription(text.replace(/\s+/g, ' ').trim(), max)
}

/** The innermost message: fetch wraps the useful part ("connect ECONNREFUSED …", a timeout) in `cause`. */
function rootMessage(error: unknown): string {
  let current = error as { message?: unknown; cause?: unknown } | undefined
  let message = String(error)
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if (typeof current.message === 'string' && current.message) message = current.message
    current = current.cause as typeof current
  }
  return message.replace(/\s+/g, ' ').trim()
}

function describeError(error: unknown): string {
  if (!(error instanceof GitHubError)) return `GitHub not reachable: ${rootMessage(error)}`
  if (error.rateLimit) return error.rateLimit
  const hint =
    error.status === 403 || error.status === 404
      ? ' (the token needs `permissions: deployments: write` in the workflow or job)'
      : ''
  return `HTTP ${error.status}: ${error.message.replace(/\s+/g, ' ').trim()}${hint}`
}

async function request(
  target: GitHubTarget,
  path: string,
  body: object
): Promise<{ status: number; data: Record<string, unknown> }> {
  if (!target.token) throw new Error('no github-token: pass one to record GitHub deployments')
  const response = await fetch(
    `${target.apiUrl.replace(/\/+$/, '')}/repos/${target.owner}/${target.repo}${path}`,
    {
      method: 'POST',
      headers: {
        authorization: `token ${target.token}`,
        accept: 'application/vnd.github+json',
        'content-type': 'application/json',
        'user-agent': 'lambda-promote',
        'x-github-api-version': '2022-11-28'
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(target.requestTimeoutMs ?? 10_000)
    }
  )
  const text = await response.text()
  let data: Record<string, unknown> = {}
  try {
    data = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  } catch {
    data = { message: text.slice(0, 200) }
  }
  if (response.status >= 400) {
    const message = String(data.message ?? response.statusText)
    const limited = rateLimitLine({
      status: response.status,
      message,
      header: name => response.headers.get(name),
      now: Date.now()
    })
    throw new GitHubError(response.status, message, limited)
  }
  return { status: response.status, data }
}

/** One deployment status; throws on failure (callers turn that into a warning). */
export async function postDeploymentStatus(
  target: GitHubTarget,
  id: number,
  state: DeploymentState,
  description: string,
  environmentUrl?: string
): Promise<void> {
  await request(target, `/deployments/${id}/statuses`, {
    state,
    description: clamp(description, STATUS_DESCRIPTION_MAX),
    ...(target.logUrl ? { log_url: target.logUrl } : {}),
    ...(environmentUrl ? { environment_url: environmentUrl } : {})
  })
}

export function createDeploymentTracker(
  ctx: DeploymentContext,
  warn: (message: string) => void
): DeploymentTracker {
  let deploymentId: number | undefined
  let started = false
  const report = (what: string, error: unknown): void =>
    warn(
      `GitHub deployment for "${ctx.environment}": could not ${what}; the deploy goes on. ${describeError(error)}`
    )

  return {
    async start(): Promise<number | undefined> {
      if (started) return deploymentId
      started = true
      try {
        const response = await request(ctx, '/deployments', {
          ref: ctx.ref,
          environment: ctx.environment,
          description: ctx.description,
          // Deploy exactly this sha: no merging of the default branch, no waiting on commit statuses.
          auto_merge: false,
          required_contexts: [],
          transient_environment: false,
          ...(ctx.productionEnvironment === undefined
            ? {}
            : { production_environment: ctx.productionEnvironment })
        })
        // 202 carries a message instead of a deployment (an auto-merge happened), so there is nothing to track.
        if (typeof response.data.id !== 'number') {
          const message = typeof response.data.message === 'string' ? response.data.message : undefined
          throw new Error(
            `no deployment in the response (HTTP ${response.status}${message ? `: ${message}` : ''})`
          )
        }
        deploymentId = response.data.id
      } catch (error) {
        report('create the deployment', error)
        return undefined
      }
      try {
        await postDeploymentStatus(ctx, deploymentId, 'in_progress', ctx.description)
      } catch (error) {
        report('mark it in progress', error)
      }
      return deploymentId
    },

    async finish(state, description, environmentUrl): Promise<void> {
      if (deploymentId === undefined) return
      try {
        await postDeploymentStatus(ctx, deploymentId, state, description, environmentUrl)
      } catch (error) {
        report(`mark it ${state}`, error)
      }
    }
  }
}
