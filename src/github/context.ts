// The workflow run as the runner describes it to the step (GITHUB_* variables and the event payload):
// where GitHub deployments go, and what a published version's default description names.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { clampDescription, defaultDescription, type RunContext } from './version-description.js'

/** Reads the run context from the GITHUB_* variables and, for releases, the event payload. */
export function runContextFromEnv(env: NodeJS.ProcessEnv, eventPayload?: unknown): RunContext {
  const tag = (eventPayload as { release?: { tag_name?: unknown } } | null | undefined)?.release?.tag_name
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    ...(typeof tag === 'string' && tag ? { releaseTag: tag } : {}),
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    ...(env.GITHUB_RUN_ATTEMPT ? { runAttempt: env.GITHUB_RUN_ATTEMPT } : {})
  }
}

/** The event that started the workflow, or undefined when there is none or it cannot be read. */
function eventPayload(env: NodeJS.ProcessEnv): unknown {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

/** The description a published version gets when the description input is empty. */
export function runDescription(env: NodeJS.ProcessEnv): string {
  // A token of this step's own, so that a step can tell a version it published from one another step of
  // the same run published with the same description (PublishVersion answers the existing one).
  const stepToken = randomBytes(4).toString('hex')
  return clampDescription(defaultDescription({ ...runContextFromEnv(env, eventPayload(env)), stepToken }))
}

/** The repository GitHub deployments are recorded in, and the run's URL as their log link. */
export interface RepositoryTarget {
  owner: string
  repo: string
  apiUrl: string
  logUrl?: string
}

export function repositoryTarget(env: NodeJS.ProcessEnv): RepositoryTarget {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/')
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const runUrl = env.GITHUB_RUN_ID
    ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
    : undefined
  return {
    owner,
    repo,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    ...(runUrl ? { logUrl: runUrl } : {})
  }
}
