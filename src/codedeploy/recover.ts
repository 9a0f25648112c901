// The deployment a lost CreateDeployment answer left running: main looks for it right after the loss, post
// when main died waiting for the answer. Only the one ownLostDeployment calls ours is ever stopped.
import type { Budget } from '../aws/api.js'
import { httpStatus } from '../aws/retry.js'
import { failureLine } from '../errors.js'
import { markCodeDeployDone, type CodeDeploySending, type StateStore } from '../ledger/hand-off.js'
import type { CodeDeployApi } from './api.js'
import { CLOCK_SKEW_MS, MAX_CANDIDATES, ownLostDeployment, stopCommand, type Verdict } from './lost.js'

export type LostApi = Pick<CodeDeployApi, 'listUnfinished' | 'describe' | 'stopDeployment'>

export interface Recovery {
  /** One clause: what was found and done. */
  line: string
  /**
   * stopped: ours was found and stopped; none: no deployment is this step's; ambiguous: some may be, a
   * person must choose (nothing was stopped); stop-failed: ours was found, the stop failed.
   */
  result: 'stopped' | 'none' | 'ambiguous' | 'stop-failed'
}

/** After a cancel the runner kills main 10 s after SIGINT: the lookup and the stop fit in 6 s then. */
const CANCELLED_MS = 6000
const LOOKUP_MS = 30_000

/**
 * Main's line when CreateDeployment failed (`sending`: what it sent, if it got that far; main cannot read
 * the step state back). A refusal (4xx) created nothing; a lost answer may have created
 * a deployment, which would then run alone: look for it and stop it.
 */
export async function createFailed(
  error: unknown,
  sending: CodeDeploySending | undefined,
  deps: { codedeploy: LostApi; store: StateStore; clock: { now(): number }; signal: AbortSignal }
): Promise<string> {
  const status = httpStatus(error)
  if ((status !== undefined && status >= 400 && status < 500) || !sending) {
    markCodeDeployDone(deps.store, 'refused')
    return `${failureLine(error)}; no deployment was created and no traffic was moved`
  }
  const where = `${sending.application}/${sending.group}`
  const ms = deps.signal.aborted ? CANCELLED_MS : LOOKUP_MS
  try {
    const r = await recoverLost(deps.codedeploy, sending, { deadline: deps.clock.now() + ms, maxAttempts: 3 })
    // None found, or the stop failed: the post step looks again (a creation may land after its lost answer).
    if (r.result === 'stopped' || r.result === 'ambiguous') markCodeDeployDone(deps.store, r.result)
    return `${failureLine(error)}; CreateDeployment's answer was lost: ${r.line}`
  } catch (lookup) {
    return `${failureLine(error)}; CodeDeploy may have created the deployment before its answer was lost: look at the deployments of ${where} (it runs under the group's alarms and rollback); looking for it failed: ${failureLine(lookup)}`
  }
}

/** Lists the group's unfinished deployments since shortly before the send, reads a few, judges them. */
export async function findLost(api: LostApi, s: CodeDeploySending, budget: Budget): Promise<Verdict> {
  const ids = await api.listUnfinished(s.application, s.group, s.sentAt - CLOCK_SKEW_MS, budget)
  const read = []
  for (const id of ids.slice(0, MAX_CANDIDATES)) read.push(await api.describe(id, budget))
  return ownLostDeployment(s, read, ids.length)
}

/** Finds this step's deployment and stops it if it is found. Throws only when the lookup itself failed. */
export async function recoverLost(api: LostApi, s: CodeDeploySending, budget: Budget): Promise<Recovery> {
  const verdict = await findLost(api, s, budget)
  if (verdict.kind !== 'ours')
    return { line: unstopped(verdict, s), result: verdict.kind === 'none' ? 'none' : 'ambiguous' }
  const { id } = verdict
  const where = `${s.application}/${s.group}`
  let said: string
  try {
    said = await api.stopDeployment(id, s.rollback, budget)
  } catch (error) {
    return {
      line: `found this step's deployment ${id} in ${where} but could not stop it: ${failureLine(error)}; stop it by hand (${stopCommand(id, s.rollback)})`,
      result: 'stop-failed'
    }
  }
  const after = s.rollback
    ? 'CodeDeploy rolls the alias back'
    : 'rollback: false, so the alias stays where it is'
  return {
    line: `found this step's deployment ${id} in ${where} and stopped it (${said}); ${after}`,
    result: 'stopped'
  }
}

function unstopped(verdict: Exclude<Verdict, { kind: 'ours' }>, s: CodeDeploySending): string {
  const where = `${s.application}/${s.group}`
  const commands = (ids: string[]): string => ids.map(id => stopCommand(id, s.rollback)).join('; ')
  switch (verdict.kind) {
    case 'none':
      return `no deployment of this step was found in ${where}, so none runs (its deployments are listed in the CodeDeploy console)`
    case 'unsure':
      return `${where} has ${verdict.listed} unfinished deployments, more than this step reads, and none of those read is this step's; none was stopped: look at the deployments of ${where}`
    case 'several':
      return `${verdict.ids.length} deployments in ${where} carry the description this step sent (${verdict.ids.join(', ')}), so none can be told this step's and none was stopped; stop yours: ${commands(verdict.ids)}`
    case 'untokened':
      return `${verdict.ids.length > 1 ? 'deployments' : 'deployment'} ${verdict.ids.join(', ')} in ${where} ${verdict.ids.length > 1 ? 'carry' : 'carries'} the description this step sent, but it is the description input, which other runs may share, so none was stopped; if it is this step's, stop it: ${commands(verdict.ids)}`
  }
}
