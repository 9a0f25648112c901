// The main step, wiring only: inputs → engine → report. Every failure ends as one line and a non-zero exit.
import { setFlagsFromString } from 'node:v8'
import { rolloutBudget } from './aws/budgets.js'
import { openClients } from './aws/clients.js'
import { atDeadline, systemClock } from './clock.js'
import { failureLine } from './errors.js'
import { repositoryTarget, runDescription } from './github/context.js'
import { createDeploymentTracker, type DeploymentTracker } from './github/deployment.js'
import type { Config } from './inputs/config.js'
import { formatDuration } from './inputs/duration.js'
import { parseInputs } from './inputs/parse.js'
import { readInputs } from './inputs/read.js'
import { markReported, saveDeployment } from './ledger/hand-off.js'
import { runner, runnerLog, stepState } from './log.js'
import { writeOutputs } from './report/outputs.js'
import { consoleLink, deploymentDescription, deploymentStatus } from './report/status.js'
import { writeSummary } from './report/summary.js'
import { promote } from './rollout/engine.js'
import type { FunctionRollout, Outcome } from './rollout/record.js'
import type { ControlPlane } from './prune/api.js'
import type { PruneReport } from './prune/report.js'

/**
 * A rollout of many functions is a long wait on the network: keeping V8's young generation at its first
 * size (instead of letting it grow to 32 MiB) takes ~20 MiB off a 200-function rollout's peak RSS. Not for
 * a few functions: the extra scavenges while the AWS SDK loads would cost ~15 ms of start-up.
 */
const SMALL_YOUNG_GENERATION_FROM = 20

export async function run(): Promise<void> {
  const config = readConfig()
  if (!config) return
  const engine = config.engine === 'codedeploy' ? await codeDeployEngine(config) : promote
  if (!engine) return
  if (config.functions.length >= SMALL_YOUNG_GENERATION_FROM)
    setFlagsFromString('--semi-space-growth-factor=1')

  const clock = systemClock
  const deadline = clock.now() + config.timeoutMs
  const cancel = cancelOnSignals()
  const cancelTimer = atDeadline(deadline, () =>
    cancel.controller.abort(`timeout ${formatDuration(config.timeoutMs)} reached`)
  )
  const aws = await openClients(config, clock, rolloutBudget(deadline, cancel.controller.signal))
  let tracker: DeploymentTracker | null = null
  let outcome: Outcome | null = null
  try {
    outcome = await engine(config, {
      api: aws.api,
      alarms: aws.alarms,
      ...(aws.metrics ? { metrics: aws.metrics } : {}),
      clock,
      log: runnerLog,
      store: stepState,
      signal: cancel.controller.signal,
      deadline,
      endpointFlags: () => aws.endpointFlags(),
      credentialsExpiry: aws.credentialsExpiry,
      description: config.description ?? runDescription(process.env),
      onReady: async ds => {
        tracker = config.environment ? deploymentTracker(config, ds) : null
        const id = await tracker?.start()
        if (id !== undefined) saveDeployment(stepState, { id, ...repositoryTarget(process.env) })
      }
    })
    if (config.keepVersions !== null && !cancel.controller.signal.aborted)
      outcome.pruning = await prune(outcome, config, aws, cancel.controller.signal)
  } catch (error) {
    await failUnexpectedly(error, tracker)
    return
  } finally {
    cancelTimer()
    aws.destroy()
  }
  // The handlers stay until the report is out: a cancel now changes nothing (the outcome is final) and
  // must not end the process with an exit code that disagrees with it.
  await report(outcome, config, tracker)
  cancel.release()
  if (outcome.error) runner.setFailed(outcome.error)
}

/** keep-versions, loaded only when it is set (the SDK commands it sends are not part of start-up). */
async function prune(
  outcome: Outcome,
  config: Config,
  gateway: ControlPlane,
  signal: AbortSignal
): Promise<PruneReport> {
  const { lambdaPruneApi } = await import('./prune/api.js')
  const { pruneAfterRun } = await import('./prune/run.js')
  const deps = { api: lambdaPruneApi(gateway), log: runnerLog, concurrency: config.concurrency, signal }
  return pruneAfterRun(outcome, config.keepVersions ?? 1, deps)
}

/** The inputs as one Config, or null once a bad one has been reported. */
function readConfig(): Config | null {
  try {
    return parseInputs(readInputs(), process.env)
  } catch (error) {
    refused(error)
    return null
  }
}

/** engine: codedeploy, loaded only when chosen; null once what CodeDeploy cannot do has been refused. */
async function codeDeployEngine(config: Config): Promise<typeof promote | null> {
  const { codeDeployEngine } = await import('./codedeploy/run.js')
  try {
    return codeDeployEngine(config)
  } catch (error) {
    refused(error)
    return null
  }
}

function refused(error: unknown): void {
  runner.setOutput('status', 'failed')
  runner.setOutput('result', '[]')
  runner.setFailed(failureLine(error))
}

/** The runner sends SIGINT, then SIGTERM 7.5 s later, then SIGKILL: stop at the first and roll back. */
function cancelOnSignals(): { controller: AbortController; release: () => void } {
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    runner.warning(`received ${signal}: the workflow was cancelled; stopping and rolling back`)
    controller.abort(`cancelled (${signal})`)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    controller,
    release: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}

/** A bug: the ledger is not finished, so post checks the aliases and restores what is provably ours. */
async function failUnexpectedly(error: unknown, tracker: DeploymentTracker | null): Promise<void> {
  runner.setOutput('status', 'failed')
  runner.debug((error as Error).stack ?? String(error))
  const message = `unexpected failure: ${failureLine(error)}; the post step will check the alias and restore it if this run left it changed`
  await tracker?.finish('failure', message)
  markReported(stepState)
  runner.setFailed(message)
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
    markReported(stepState)
  })
}

function deploymentTracker(config: Config, ds: FunctionRollout[]): DeploymentTracker {
  return createDeploymentTracker(
    {
      ...repositoryTarget(process.env),
      token: config.githubToken,
      ref: process.env.GITHUB_SHA ?? '',
      environment: config.environment,
      description: deploymentDescription(ds, config.alias),
      // Well inside the runner's 10 s between a cancel's SIGINT and SIGKILL.
      requestTimeoutMs: 5000
    },
    message => runner.warning(message)
  )
}
