// engine: codedeploy. The same decision, publishing and smoke test as the action engine, then a CodeDeploy
// deployment moves the alias: this run creates it (and the application, group and configuration it needs),
// then follows it to its end, or returns at once with wait: false.
import { rolloutBudget } from '../aws/budgets.js'
import { DeployError, failureLine } from '../errors.js'
import type { Config } from '../inputs/config.js'
import type { CodeDeploySettings } from '../inputs/engine.js'
import {
  saveCodeDeploy,
  markCodeDeployDone,
  saveCodeDeploySending,
  type CodeDeploySending
} from '../ledger/hand-off.js'
import { describeRouting, pendingSplit, snapshot } from '../ledger/snapshot.js'
import { prepare, type End, type EngineDeps } from '../rollout/engine.js'
import { openOutcome, type FunctionRollout, type Outcome } from '../rollout/record.js'
import { deploymentLink } from './api.js'
import { buildAppSpec } from './appspec.js'
import { hasStepToken } from './lost.js'
import { createFailed } from './recover.js'
import { createMissing, lookUp, type Missing } from './setup.js'
import { deploymentConfigFor, type ConfigChoice } from './strategy.js'
import { follow, type WatchDeps } from './watch.js'

export async function deployWithCodeDeploy(
  config: Config,
  choice: ConfigChoice,
  deps: WatchDeps
): Promise<Outcome> {
  const s = config.codedeploy as CodeDeploySettings
  const startedAt = deps.clock.now()
  const outcome = openOutcome(startedAt)
  let missing: Missing
  try {
    await aliasFitsCodeDeploy(config, deps)
    missing = await lookUp(deps.codedeploy, s, choice, config.alarms, budget(deps), deps.log)
  } catch (error) {
    return close(outcome, deps, { status: 'failed', error: failureLine(error) })
  }
  const early = await prepare(config, deps, outcome)
  if (early?.status === 'dry-run') sayWhatWouldHappen(deps, s, choice, missing)
  if (early) return close(outcome, deps, early)
  const d = outcome.deployments.find(x => !x.unchanged) as FunctionRollout
  let id: string
  let sending: CodeDeploySending | undefined
  try {
    await createMissing(deps.codedeploy, s, choice, missing, config.alarms, budget(deps), deps.log)
  } catch (error) {
    return close(outcome, deps, { status: 'failed', error: `${failureLine(error)}; no traffic was moved` })
  }
  try {
    id = await create(config, s, choice, d, deps, sent => (sending = sent))
  } catch (error) {
    return close(outcome, deps, { status: 'failed', error: await createFailed(error, sending, deps) })
  }
  saveCodeDeploy(deps.store, { id, region: config.region, endpoint: s.endpoint, rollback: config.rollback })
  const link = recordDeployment(outcome, d, s, choice, id, config.region, deps)
  if (!config.wait) {
    markCodeDeployDone(deps.store, 'in-progress')
    deps.log.info(`wait: false: CodeDeploy moves the traffic on its own; follow it at ${link}`)
    return close(outcome, deps, { status: 'in-progress' })
  }
  const end = await deps.log.group(`Following CodeDeploy deployment ${id}`, () =>
    follow(config, deps, outcome, d, id)
  )
  return close(outcome, deps, end)
}

/** The deployment in the outcome, the timeline and the log. Answers its console link. */
function recordDeployment(
  outcome: Outcome,
  d: FunctionRollout,
  s: CodeDeploySettings,
  choice: ConfigChoice,
  id: string,
  region: string,
  deps: WatchDeps
): string {
  const link = deploymentLink(region, id)
  outcome.codedeploy = {
    deploymentId: id,
    link,
    application: s.application,
    group: s.deploymentGroup,
    config: choice.name,
    events: []
  }
  const action = `CodeDeploy deployment ${id} (${choice.name})`
  d.timeline.push({ time: deps.clock.now(), weight: 0, action, result: 'created' })
  deps.log.info(`created CodeDeploy deployment ${id} (${choice.name}, v${d.from} → v${d.to}): ${link}`)
  return link
}

/** CodeDeploy moves an existing alias from one published version, with no split pending. */
async function aliasFitsCodeDeploy(config: Config, deps: WatchDeps): Promise<void> {
  const fn = config.functions[0]
  if (!fn) return
  const found = await deps.api.getAlias(fn.id, config.alias, budget(deps))
  const cannot = 'so CodeDeploy cannot shift it'
  if (!found)
    throw new DeployError(
      `${fn.name} has no alias ${config.alias}, ${cannot}: create it on the current version (or run once with engine: action, which creates it); nothing was changed`
    )
  const alias = snapshot(found)
  if (alias.functionVersion === '$LATEST')
    throw new DeployError(
      `alias ${config.alias} of ${fn.name} points at $LATEST, ${cannot} (it moves between published versions); point it at a version first, or use engine: action; nothing was changed`
    )
  if (pendingSplit(alias))
    throw new DeployError(
      `alias ${config.alias} of ${fn.name} is split (${describeRouting(alias)}), ${cannot}: finish or undo that rollout first (version: and strategy: all-at-once with engine: action); nothing was changed`
    )
}

async function create(
  config: Config,
  s: CodeDeploySettings,
  choice: ConfigChoice,
  d: FunctionRollout,
  deps: WatchDeps,
  sent: (sending: CodeDeploySending) => void
): Promise<string> {
  const appSpec = buildAppSpec({
    functionName: d.fn.name,
    alias: config.alias,
    currentVersion: d.from ?? '',
    targetVersion: d.to,
    hooks: s.hooks
  })
  // Saved before the send: should the answer be lost, or main die before it, the deployment can be found.
  const sending: CodeDeploySending = {
    application: s.application,
    group: s.deploymentGroup,
    description: deps.description,
    tokened: config.description === null && hasStepToken(deps.description),
    sentAt: deps.clock.now(),
    region: config.region,
    endpoint: s.endpoint,
    rollback: config.rollback
  }
  saveCodeDeploySending(deps.store, sending)
  sent(sending)
  const id = await deps.codedeploy.createDeployment(
    {
      application: s.application,
      group: s.deploymentGroup,
      config: choice.name,
      appSpec,
      description: deps.description,
      rollback: config.rollback
    },
    budget(deps)
  )
  // The id lands in links, the log and the step state: only CodeDeploy's own shape (d-XXXXXXXXX) is taken.
  if (!/^d-[A-Za-z0-9]{1,32}$/.test(id))
    throw new DeployError(`CodeDeploy answered CreateDeployment with no usable deployment id`)
  return id
}

function sayWhatWouldHappen(
  deps: WatchDeps,
  s: CodeDeploySettings,
  choice: ConfigChoice,
  missing: Missing
): void {
  const creates = [
    missing.application ? `application ${s.application}` : '',
    missing.group ? `deployment group ${s.deploymentGroup}` : '',
    missing.config ? `deployment configuration ${choice.name}` : ''
  ].filter(Boolean)
  if (creates.length > 0) deps.log.info(`dry run: would create CodeDeploy ${creates.join(', ')}`)
  deps.log.info(
    `dry run: would create a CodeDeploy deployment in ${s.application}/${s.deploymentGroup} with ${choice.name}`
  )
}

function close(outcome: Outcome, deps: WatchDeps, end: End): Outcome {
  outcome.status = end.status
  if (end.error !== undefined) outcome.error = end.error
  outcome.endedAt = deps.clock.now()
  for (const d of outcome.deployments) d.status = d.unchanged ? 'unchanged' : end.status
  return outcome
}

const budget = (deps: WatchDeps): ReturnType<typeof rolloutBudget> =>
  rolloutBudget(deps.deadline, deps.signal)

/**
 * The engine as main calls it: refuses what CodeDeploy cannot do before anything is read (throws an
 * InputError), and loads the SDK's CodeDeploy client only now.
 */
export function codeDeployEngine(config: Config): (config: Config, deps: EngineDeps) => Promise<Outcome> {
  const choice = deploymentConfigFor(config)
  return async (config, deps) => {
    const s = config.codedeploy as CodeDeploySettings
    const { CodeDeployGateway } = await import('./client.js')
    const codedeploy = new CodeDeployGateway({
      region: config.region,
      endpoint: s.endpoint,
      endpointSource: s.endpointSource,
      clock: deps.clock
    })
    try {
      return await deployWithCodeDeploy(config, choice, { ...deps, codedeploy })
    } finally {
      codedeploy.destroy()
    }
  }
}
