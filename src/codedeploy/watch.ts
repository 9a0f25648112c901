// Following the deployment this run created until CodeDeploy ends it, and stopping it on a cancel or the
// timeout. A deployment is only ever stopped here, by the id CreateDeployment gave this run.
import type { Budget } from '../aws/api.js'
import { failureLine } from '../errors.js'
import type { Config } from '../inputs/config.js'
import { markCodeDeployDone } from '../ledger/hand-off.js'
import { describeRouting, snapshot } from '../ledger/snapshot.js'
import type { EngineDeps, End } from '../rollout/engine.js'
import type { FunctionRollout, Outcome } from '../rollout/record.js'
import type { CodeDeployApi, DeploymentView } from './api.js'
import { ending, observe, rollbackDone, START, type Ending, type Seen } from './follow.js'

export interface WatchDeps extends EngineDeps {
  codedeploy: CodeDeployApi
  /** How often GetDeployment is asked while following (default 2 s). */
  pollMs?: number
}

/** After a cancel: the runner sends SIGKILL 10 s after SIGINT, so stopping and confirming fit in 6 s. */
const STOP_MS = 6000
const STOP_POLL_MS = 500
const DEFAULT_POLL_MS = 2000

export async function follow(
  config: Config,
  deps: WatchDeps,
  outcome: Outcome,
  d: FunctionRollout,
  id: string
): Promise<End> {
  let seen: Seen = START
  const budget: Budget = { deadline: deps.deadline, maxAttempts: 8, signal: deps.signal }
  for (;;) {
    if (deps.signal.aborted) return stop(config, deps, outcome, d, id, seen)
    let view: DeploymentView
    try {
      view = await deps.codedeploy.view(id, budget)
    } catch (error) {
      if (deps.signal.aborted) continue
      markCodeDeployDone(deps.store, 'unfollowed')
      return {
        status: 'failed',
        error: `could not follow CodeDeploy deployment ${id}: ${failureLine(error)}; it goes on in CodeDeploy, which stops it on the group's alarms`
      }
    }
    seen = note(deps, outcome, d, seen, view)
    const ended = ending(view)
    if (ended) {
      markCodeDeployDone(deps.store, ended.status)
      return settle(config, deps, outcome, d, ended, budget)
    }
    await deps.clock.sleep(deps.pollMs ?? DEFAULT_POLL_MS, deps.signal)
  }
}

/** Logs what changed and records a move of traffic on the timeline. */
function note(deps: WatchDeps, outcome: Outcome, d: FunctionRollout, seen: Seen, view: DeploymentView): Seen {
  const change = observe(seen, view)
  for (const line of change.lines) {
    deps.log.info(line)
    outcome.codedeploy?.events.push(line)
  }
  if (change.moved !== undefined) {
    // Less traffic on the new version than before is CodeDeploy's rollback, not a step forward.
    const action = change.moved < d.weight ? 'CodeDeploy rollback' : 'CodeDeploy AllowTraffic'
    d.weight = change.moved
    d.timeline.push({ time: deps.clock.now(), weight: change.moved, action, result: 'ok' })
  }
  return change.seen
}

/** Cancelled or timed out while following: stop it (CodeDeploy rolls back), then watch the rollback land. */
async function stop(
  config: Config,
  deps: WatchDeps,
  outcome: Outcome,
  d: FunctionRollout,
  id: string,
  seen: Seen
): Promise<End> {
  const reason = String(deps.signal.reason ?? 'cancelled')
  outcome.stopReason = reason
  const budget: Budget = { deadline: deps.clock.now() + STOP_MS, maxAttempts: 3 }
  try {
    const said = await deps.codedeploy.stopDeployment(id, config.rollback, budget)
    deps.log.warning(
      `${reason}: stopped CodeDeploy deployment ${id} (${said})${config.rollback ? ', which rolls the alias back' : '; rollback: false, so the alias stays where it is'}`
    )
  } catch (error) {
    return {
      status: 'failed',
      error: `${reason}: could not stop CodeDeploy deployment ${id}: ${failureLine(error)}; the post step tries again`
    }
  }
  markCodeDeployDone(deps.store, 'stopped')
  for (;;) {
    let view: DeploymentView
    try {
      view = await deps.codedeploy.view(id, budget)
    } catch (error) {
      return {
        status: 'failed',
        error: `${reason}: stopped ${id}, then could not read it: ${failureLine(error)}`
      }
    }
    seen = note(deps, outcome, d, seen, view)
    const ended = ending(view)
    if (ended) {
      const end = await settle(config, deps, outcome, d, ended, budget)
      return end.status === 'promoted' ? end : { ...end, error: `${reason}: ${end.error ?? ''}` }
    }
    if (deps.clock.now() + STOP_POLL_MS > budget.deadline)
      return {
        status: 'failed',
        error: `${reason}: stopped ${id}; CodeDeploy had not finished stopping it when this step had to end`
      }
    await deps.clock.sleep(STOP_POLL_MS)
  }
}

/** The deployment ended: wait for a rollback to land, then read the alias and say where it stands. */
async function settle(
  config: Config,
  deps: WatchDeps,
  outcome: Outcome,
  d: FunctionRollout,
  ended: Ending,
  budget: Budget
): Promise<End> {
  if (ended.status === 'promoted') {
    d.weight = 1
    return { status: 'promoted' }
  }
  outcome.stopReason ??= ended.reason
  if (ended.status === 'failed') {
    d.message = `${ended.reason}, with no automatic rollback: alias ${config.alias} is ${await aliasNow(deps, d, config.alias, budget)}`
    return { status: 'failed', error: d.message }
  }
  const rolled = await waitRollback(deps, ended.rollbackDeploymentId, budget)
  const now = await aliasNow(deps, d, config.alias, budget)
  const back = now === `v${d.from}`
  d.restored = back
  // Unless a look already saw the traffic back on the old version.
  if (back && d.weight > 0)
    d.timeline.push({ time: deps.clock.now(), weight: 0, action: 'CodeDeploy rollback', result: 'ok' })
  if (back) d.weight = 0
  d.message = `${ended.reason}; CodeDeploy rollback ${ended.rollbackDeploymentId} ${rolled}: alias ${config.alias} is ${now}${back ? ' (verified)' : ''}`
  deps.log.info(d.message)
  return { status: back ? 'rolled-back' : 'failed', error: d.message }
}

async function waitRollback(deps: WatchDeps, id: string, budget: Budget): Promise<string> {
  for (;;) {
    try {
      const done = rollbackDone(await deps.codedeploy.view(id, budget))
      if (done) return done
    } catch (error) {
      return `could not be read (${failureLine(error)})`
    }
    if (deps.clock.now() + STOP_POLL_MS > budget.deadline) return 'had not finished'
    await deps.clock.sleep(STOP_POLL_MS, budget.signal)
  }
}

async function aliasNow(deps: WatchDeps, d: FunctionRollout, alias: string, budget: Budget): Promise<string> {
  try {
    const found = await deps.api.getAlias(d.fn.id, alias, { ...budget, signal: undefined })
    return found ? describeRouting(snapshot(found)) : 'missing'
  } catch (error) {
    return `unknown (${failureLine(error)})`
  }
}
