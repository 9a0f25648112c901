// GitHub deployment records for the `environment` input. Reporting to GitHub is a courtesy: nothing here
// may fail or delay a deploy or a rollback, so every error becomes one warning line and requests are
// bounded by a short timeout.
import { getOctokit } from '@actions/github'

export interface DeploymentContext {
  token: string
  owner: string
  repo: string
  /** The workflow's commit sha. */
  ref: string
  environment: string
  description: string
  /** GITHUB_API_URL (GitHub Enterprise Server has its own). */
  apiUrl: string
  /** The workflow run URL, shown as the status' log link. */
  logUrl?: string
  /** Sent only when set; GitHub otherwise guesses from the environment name ("production"). */
  productionEnvironment?: boolean
  /** Per request; default 10 s. */
  requestTimeoutMs?: number
}

export interface DeploymentTracker {
  /** Creates the deployment and marks it in_progress. */
  start(): Promise<void>
  /** Final status; a no-op when start did not create a deployment. */
  finish(state: 'success' | 'failure', description: string, environmentUrl?: string): Promise<void>
}

/** GitHub rejects status descriptions longer than this. */
export const STATUS_DESCRIPTION_MAX = 140

function clamp(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  if (oneLine.length <= max) return oneLine
  // Do not leave half a surrogate pair before the ellipsis.
  let cut = max - 1
  if (/[\uD800-\uDBFF]/.test(oneLine.charAt(cut - 1))) cut--
  return `${oneLine.slice(0, cut)}…`
}

interface ErrorLike {
  status?: number
  response?: unknown
  message?: string
  cause?: unknown
}

/** The innermost message: fetch wraps the useful part ("connect ECONNREFUSED …", a timeout) in `cause`. */
function rootMessage(error: unknown): string {
  let current = error as ErrorLike | undefined
  let message = String(error)
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if (typeof current.message === 'string' && current.message) message = current.message
    current = current.cause as ErrorLike | undefined
  }
  return message.replace(/\s+/g, ' ').trim()
}

function describeError(error: unknown): string {
  const err = error as ErrorLike | undefined
  // @octokit/request reports network failures as status 500 without a response; say what happened instead.
  if (typeof err?.status !== 'number' || err.response === undefined)
    return `GitHub not reachable: ${rootMessage(error)}`
  const message = (err.message ?? '').replace(/\s+/g, ' ').trim()
  const hint =
    err.status === 403 || err.status === 404
      ? ' (the token needs `permissions: deployments: write` in the workflow or job)'
      : ''
  return `HTTP ${err.status}: ${message}${hint}`
}

export function createDeploymentTracker(
  ctx: DeploymentContext,
  warn: (message: string) => void
): DeploymentTracker {
  let octokit: ReturnType<typeof getOctokit> | undefined
  let deploymentId: number | undefined
  let started = false
  const timeoutMs = ctx.requestTimeoutMs ?? 10_000
  const request = (): { signal: AbortSignal } => ({ signal: AbortSignal.timeout(timeoutMs) })
  const report = (what: string, error: unknown): void =>
    warn(
      `GitHub deployment for "${ctx.environment}": could not ${what}; the deploy goes on. ${describeError(error)}`
    )

  const postStatus = async (
    state: 'in_progress' | 'success' | 'failure',
    description: string,
    environmentUrl?: string
  ): Promise<void> => {
    if (!octokit || deploymentId === undefined) return
    await octokit.rest.repos.createDeploymentStatus({
      owner: ctx.owner,
      repo: ctx.repo,
      deployment_id: deploymentId,
      state,
      description: clamp(description, STATUS_DESCRIPTION_MAX),
      ...(ctx.logUrl ? { log_url: ctx.logUrl } : {}),
      ...(environmentUrl ? { environment_url: environmentUrl } : {}),
      request: request()
    })
  }

  return {
    async start(): Promise<void> {
      if (started) return
      started = true
      try {
        octokit = getOctokit(ctx.token, { baseUrl: ctx.apiUrl })
        const response = await octokit.rest.repos.createDeployment({
          owner: ctx.owner,
          repo: ctx.repo,
          ref: ctx.ref,
          environment: ctx.environment,
          description: ctx.description,
          // Deploy exactly this sha: no merging of the default branch, no waiting on commit statuses.
          auto_merge: false,
          required_contexts: [],
          transient_environment: false,
          ...(ctx.productionEnvironment === undefined
            ? {}
            : { production_environment: ctx.productionEnvironment }),
          request: request()
        })
        // 202 carries a message instead of a deployment (an auto-merge happened), so there is nothing to track.
        if (!('id' in response.data) || typeof response.data.id !== 'number') {
          const message = 'message' in response.data ? response.data.message : undefined
          throw new Error(
            `no deployment in the response (HTTP ${response.status}${message ? `: ${message}` : ''})`
          )
        }
        deploymentId = response.data.id
      } catch (error) {
        report('create the deployment', error)
        return
      }
      try {
        await postStatus('in_progress', ctx.description)
      } catch (error) {
        report('mark it in progress', error)
      }
    },

    async finish(state, description, environmentUrl): Promise<void> {
      if (deploymentId === undefined) return
      try {
        await postStatus(state, description, environmentUrl)
      } catch (error) {
        report(`mark it ${state}`, error)
      }
    }
  }
}
