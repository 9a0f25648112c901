// The main step, wiring only: inputs → engine → report. Every failure ends as one line and a non-zero exit.
import { readFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import type { AlarmSource } from './aws/api.js'
import { credentialsExpiry } from './aws/credentials-expiry.js'
import { atDeadline, systemClock } from './clock.js'
import { failureLine } from './errors.js'
import type { Config } from './inputs/config.js'
import { formatDuration } from './inputs/duration.js'
import { parseInputs } from './inputs/parse.js'
import { readInputs } from './inputs/read.js'
import { runner, runnerLog, stepState } from './log.js'
import { KEY_DEPLOYMENT, KEY_REPORTED } from './post/keys.js'
import { createDeploymentTracker, type DeploymentTracker } from './report/github-deployment.js'
import { writeOutputs } from './report/outputs.js'
import { consoleLink, deploymentStatus } from './report/status.js'
import { writeSummary } from './report/summary.js'
import { clampDescription, defaultDescription, runContextFromEnv } from './report/version-description.js'
import { promote } from './rollout/engine.js'
import type { FunctionRollout, Outcome } from './rollout/record.js'

/**
 * A rollout of many functions is a long wait on the network: keeping V8's young generation at its first
 * size (instead of letting it grow to 32 MiB) takes ~20 MiB off a 200-function rollout's peak RSS. Not for
 * a few functions: the extra scavenges while the AWS SDK loads would cost ~15 ms of start-up.
 */
const SMALL_YOUNG_GENERATION_FROM = 20

export async function run(): Promise<void> {
  let config: Config
  try {
    config = parseInputs(readInputs(), process.env)
  } catch (error) {
    runner.setOutput('status', 'failed')
    runner.setOutput('result', '[]')
    runner.setFailed(failureLine(error))
    return
  }
  if (config.functions.length >= SMALL_YOUNG_GENERATION_FROM)
    setFlagsFromString('--semi-space-growth-factor=1')

  const clock = systemClock
  const deadline = clock.now() + config.timeoutMs
  const controller = new AbortController()
  // The runner sends SIGINT, then SIGTERM 7.5 s later, then SIGKILL: stop at the first and roll back.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    runner.warning(`received ${signal}: the workflow was cancelled; stopping and rolling back`)
    controller.abort(`cancelled (${signal})`)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  const cancelTimer = atDeadline(deadline, () =>
    controller.abort(`timeout ${formatDuration(config.timeoutMs)} reached`)
  )
  const budget = { deadline, maxAttempts: 8, signal: controller.signal }
  // The AWS SDK is most of the start-up time: loaded only once the inputs are known to be good, and
  // CloudWatch's client only when there are alarms to watch.
  const { LambdaGateway, USER_AGENT } = await import('./aws/lambda.js')
  const endpoint = config.endpoint
  const gateway = new LambdaGateway(
    {
      region: config.region,
      endpoint,
      endpointSource: config.endpointSource.lambda,
      clock,
      maxRequestsPerSecond: config.maxRequestsPerSecond,
      userAgent: USER_AGENT
    },
    budget
  )
  const cloudwatch = {
    region: config.region,
    endpoint: config.cloudwatchEndpoint,
    endpointSource: config.endpointSource.cloudwatch,
    userAgent: USER_AGENT
  }
  const alarms: AlarmSource & { destroy?: () => void } =
    config.alarms.length === 0
      ? { names: [], read: async () => [] }
      : new (await import('./aws/alarms.js')).AlarmWatcher(config.alarms, cloudwatch, clock)
  const metrics =
    config.analysis.length > 0 || config.minInvocations > 0
      ? new (await import('./aws/metrics.js')).CloudWatchMetrics(cloudwatch, clock)
      : undefined
  let tracker: DeploymentTracker | null = null
  let outcome: Outcome | null = null
  try {
    outcome = await promote(config, {
      api: gateway,
      alarms,
      clock,
      log: runnerLog,
      store: stepState,
      ...(metrics ? { metrics } : {}),
      credentialsExpiry: credentialsExpiry(gateway.client),
      signal: controller.signal,
      deadline,
      description:
        config.description ??
        clampDescription(defaultDescription(runContextFromEnv(process.env, eventPayload()))),
      onReady: async ds => {
        tracker = config.environment ? deploymentTracker(config, ds) : null
        const id = await tracker?.start()
        if (id !== undefined) stepState.save(KEY_DEPLOYMENT, JSON.stringify({ id, ...gitHubTarget() }))
      }
    })
  } catch (error) {
    // A bug: the ledger is not finished, so post checks the aliases and restores what is provably ours.
    runner.setOutput('status', 'failed')
    runner.debug((error as Error).stack ?? String(error))
    const message = `unexpected failure: ${failureLine(error)}; the post step will check the alias and restore it if this run left it changed`
    await (tracker as DeploymentTracker | null)?.finish('failure', message)
    stepState.save(KEY_REPORTED, 'true')
    runner.setFailed(message)
    return
  } finally {
    cancelTimer()
    gateway.destroy()
    alarms.destroy?.()
    metrics?.destroy()
  }
  // The handlers stay until the report is out: a cancel now changes nothing (the outcome is final) and
  // must not end the process with an exit code that disagrees with it.
  await report(outcome, config, tracker)
  process.off('SIGINT', onSignal)
  process.off('SIGTERM', onSignal)
  if (outcome.error) runner.setFailed(outcome.error)
}

/** Reporting is told, never decisive: the outcome is final and in the ledger before any of this runs. */
async function report(outcome: Outcome, config: Config, tracker: DeploymentTracker | null): Promise<void> {
  const attempt = async (what: string, step: () => unknown): Promise<void> => {
    try {
      await step()
    } catch (error) {
      runner.warning(`could not ${what}: ${failureLine(error)}; the outcome (${outcome.status}) stands`)
    }
  }
  await attempt('write the outputs', () => writeOutputs(outcome, config))
  await attempt('write the job summary', () => writeSummary(outcome, config))
  const first = outcome.deployments[0]
  const status = deploymentStatus(outcome)
  await attempt('report the GitHub deployment', async () => {
    await tracker?.finish(
      status.state,
      status.description,
      first ? consoleLink(config.region, first, config.alias) : undefined
    )
    stepState.save(KEY_REPORTED, 'true')
  })
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

function gitHubTarget(): { owner: string; repo: string; apiUrl: string; logUrl?: string } {
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '/').split('/')
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com'
  const runUrl = process.env.GITHUB_RUN_ID
    ? `${server}/${owner}/${repo}/actions/runs/${process.env.GITHUB_RUN_ID}`
    : undefined
  return {
    owner,
    repo,
    apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    ...(runUrl ? { logUrl: runUrl } : {})
  }
}

function deploymentTracker(config: Config, ds: FunctionRollout[]): DeploymentTracker {
  const first = ds[0] as FunctionRollout
  return createDeploymentTracker(
    {
      ...gitHubTarget(),
      token: config.githubToken,
      ref: process.env.GITHUB_SHA ?? '',
      environment: config.environment,
      description: `${ds.length > 1 ? `${ds.length} functions` : first.fn.name}:${config.alias} v${first.from ?? '-'} → v${first.to}`,
      // Well inside the runner's 10 s between a cancel's SIGINT and SIGKILL.
      requestTimeoutMs: 5000
    },
    message => runner.warning(message)
  )
}
