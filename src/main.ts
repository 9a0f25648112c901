import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { systemClock } from './clock.js'
import type { Deployment } from './deployment.js'
import { createDeploymentTracker, type DeploymentTracker } from './deployments.js'
import { clampDescription, defaultDescription, runContextFromEnv } from './description.js'
import { formatDuration } from './duration.js'
import { AlarmWatcher } from './health.js'
import { parseInputs, readInputs, type Config } from './inputs.js'
import { LambdaGateway } from './lambda.js'
import type { Log } from './log.js'
import { failureLine, promote, type Outcome } from './promote.js'
import { consoleLink, deploymentStatus, writeOutputs, writeSummary } from './report.js'
import { encodeRun, STATE_DONE, STATE_ENDPOINT, STATE_REGION, STATE_RUN } from './saved-state.js'

export const USER_AGENT = 'lambda-promote/0.1'

export const coreLog: Log = {
  info: message => core.info(message),
  warning: message => core.warning(message),
  debug: message => core.debug(message),
  group: (name, body) => core.group(name, body)
}

/** The main step: validate, promote, report. Every failure ends here as one line and a non-zero exit. */
export async function run(): Promise<void> {
  let config: Config
  try {
    config = parseInputs(readInputs(), process.env)
  } catch (error) {
    core.setOutput('status', 'failed')
    core.setOutput('result', '[]')
    core.setFailed(failureLine(error))
    return
  }

  const clock = systemClock
  const startedAt = clock.now()
  const controller = new AbortController()
  // The runner sends SIGINT, then SIGTERM 7.5 s later, then SIGKILL: stop at the first and roll back.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    core.warning(`received ${signal}: the workflow was cancelled; stopping and rolling back`)
    controller.abort(`cancelled (${signal})`)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const timer = setTimeout(
    () => controller.abort(`timeout ${formatDuration(config.timeoutMs)} reached`),
    config.timeoutMs
  )

  const gateway = new LambdaGateway(
    {
      region: config.region,
      endpoint: config.endpoint,
      clock,
      maxRequestsPerSecond: config.maxRequestsPerSecond,
      userAgent: USER_AGENT
    },
    { deadline: startedAt + config.timeoutMs, maxAttempts: 8, signal: controller.signal }
  )
  const alarms = new AlarmWatcher(
    config.alarms,
    { region: config.region, endpoint: config.endpoint, userAgent: USER_AGENT },
    clock
  )
  let tracker: DeploymentTracker | null = null
  let outcome: Outcome | null = null
  try {
    outcome = await promote(config, {
      gateway,
      alarms,
      clock,
      log: coreLog,
      signal: controller.signal,
      deadline: startedAt + config.timeoutMs,
      description:
        config.description ??
        clampDescription(defaultDescription(runContextFromEnv(process.env, eventPayload()))),
      saveRun: run => {
        core.saveState(STATE_REGION, config.region)
        core.saveState(STATE_ENDPOINT, config.endpoint ?? '')
        core.saveState(STATE_RUN, encodeRun(run))
      },
      onReady: async ds => {
        tracker = config.environment ? deploymentTracker(config, ds) : null
        await tracker?.start()
      }
    })
    writeOutputs(outcome, config)
    await writeSummary(outcome, config)
    const first = outcome.deployments[0]
    const status = deploymentStatus(outcome)
    await (tracker as DeploymentTracker | null)?.finish(
      status.state,
      status.description,
      first ? consoleLink(config.region, first, config.alias) : undefined
    )
    // Main reached a definite end (a verified rollback or a deliberate wait: false split included): post
    // leaves it be. A rollback that could not finish is left to post, which tries again with its own budget.
    if (!outcome.deployments.some(d => d.restored === false)) core.saveState(STATE_DONE, 'true')
    if (outcome.error) core.setFailed(outcome.error)
  } catch (error) {
    // A bug or an unexpected failure: say so, leave STATE_DONE unset so that post checks the alias.
    core.setOutput('status', 'failed')
    core.debug((error as Error).stack ?? String(error))
    const message = `unexpected failure: ${failureLine(error)}; the post step will check the alias and restore it if this run left it changed`
    await (tracker as DeploymentTracker | null)?.finish('failure', message)
    core.setFailed(message)
  } finally {
    clearTimeout(timer)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    gateway.destroy()
    alarms.destroy()
  }
}

function eventPayload(): unknown {
  const path = process.env.GITHUB_EVENT_PATH
  if (!path) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return undefined
  }
}

function deploymentTracker(config: Config, ds: Deployment[]): DeploymentTracker {
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '/').split('/')
  const first = ds[0] as Deployment
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com'
  const runUrl = process.env.GITHUB_RUN_ID
    ? `${server}/${owner}/${repo}/actions/runs/${process.env.GITHUB_RUN_ID}`
    : undefined
  return createDeploymentTracker(
    {
      token: config.githubToken,
      owner,
      repo,
      ref: process.env.GITHUB_SHA ?? '',
      environment: config.environment,
      description: `${ds.length > 1 ? `${ds.length} functions` : first.fn.name}:${config.alias} v${first.from ?? '-'} → v${first.to}`,
      apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
      // Well inside the runner's 10 s between a cancel's SIGINT and SIGKILL.
      requestTimeoutMs: 5000,
      ...(runUrl ? { logUrl: runUrl } : {})
    },
    message => core.warning(message)
  )
}
