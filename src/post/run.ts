// The post step (post-if: always()): the net for SIGKILL, crashes and timeout-minutes. It reads the run
// ledger main wrote and hands it to the same restore algorithm main's own undo uses.
import type { AliasApi } from '../aws/api.js'
import { postBudget } from '../aws/budgets.js'
import { systemClock, type Clock } from '../clock.js'
import { errorLine } from '../errors.js'
import { runner, runnerLog, stepState, type Log } from '../log.js'
import { postDeploymentStatus } from '../github/deployment.js'
import { unreportedDeployment, type StateStore } from '../ledger/hand-off.js'
import { readLedger, type Ledger, type LedgerHead } from '../ledger/ledger.js'
import { restoreAll } from '../ledger/restore.js'
import { describeRouting, snapshot } from '../ledger/snapshot.js'
import { postGateway } from './client.js'
import { stopIfLeft, type RecoverDeployment, type StopDeployment } from './codedeploy.js'

export interface PostDeps {
  store: StateStore
  log: Log
  clock: Clock
  /** Builds the Lambda client main used, from what the ledger saved (region, endpoint, FIPS, dual-stack). */
  api: (head: LedgerHead) => Promise<AliasApi & { destroy?: () => void }>
  env: Record<string, string | undefined>
  /** engine: codedeploy: stops the deployment main created (absent: such runs are not checked). */
  stopDeployment?: StopDeployment
  /** engine: codedeploy: finds and stops the deployment main sent CreateDeployment for and never heard of. */
  recoverDeployment?: RecoverDeployment
}

export interface PostResult {
  /** One line for setFailed when post could not leave every alias as it was or as someone else left it. */
  failure?: string
  /** The outcome main recorded as final, if it got that far. */
  done?: string
}

/** The post step's decision and work, over injected seams so that tests run it in-process. */
export async function postRun(deps: PostDeps): Promise<PostResult> {
  const { log } = deps
  const stopped = deps.stopDeployment
    ? await stopIfLeft(deps.store, log, deps.stopDeployment, deps.recoverDeployment)
    : null
  if (stopped) return stopped
  const saved = readLedger(deps.store)
  if (saved.kind === 'none') {
    log.info(
      'lambda-promote post: main recorded no alias write (it stopped before any, or changed nothing); nothing to check'
    )
    return {}
  }
  if (saved.kind === 'unreadable') {
    const line = `lambda-promote post: the run ledger main saved cannot be read (${saved.reason}); check the alias by hand`
    return { failure: line }
  }
  const { ledger, done } = saved
  if (done) {
    log.info(`lambda-promote post: main finished (${done}); nothing to undo`)
    return { done }
  }
  log.warning(
    'lambda-promote post: main did not finish (killed, crashed or timed out); checking the aliases it was moving'
  )
  const region = ledger.head.region || deps.env.AWS_REGION || deps.env.AWS_DEFAULT_REGION || ''
  const api = await deps.api({ ...ledger.head, region })
  try {
    if (!ledger.head.rollback) return await sayWhereAliasesStand(ledger, api, log)
    const results = await restoreAll(
      ledger.entries.map(e => e.id),
      { api, ledger, concurrency: 10, budget: postBudget(deps.clock.now()) }
    )
    for (const r of results) {
      if (r.restored) log.info(r.message)
      else log.warning(r.message)
    }
    const failed = results.filter(r => !r.restored && !r.foreign)
    if (failed.length > 0)
      return { failure: `lambda-promote post could not restore: ${failed.map(r => r.message).join('; ')}` }
    return {}
  } finally {
    api.destroy?.()
  }
}

/** rollback: false holds after a kill too: say where each alias stands, change nothing. */
async function sayWhereAliasesStand(ledger: Ledger, api: AliasApi, log: Log): Promise<PostResult> {
  for (const e of ledger.entries) {
    try {
      const found = await api.getAlias(e.id, ledger.head.alias)
      log.warning(
        `${e.name}: rollback: false, so alias ${ledger.head.alias} is left as it is: ${found ? describeRouting(snapshot(found)) : 'no alias'}`
      )
    } catch (error) {
      log.warning(
        `${e.name}: rollback: false; could not read alias ${ledger.head.alias}: ${errorLine(error)}`
      )
    }
  }
  return {}
}

/** The bundle's post entry: the runner's state and inputs, the real gateway. */
export async function post(): Promise<void> {
  const clock = systemClock
  const result = await postRun({
    store: stepState,
    log: runnerLog,
    clock,
    env: process.env,
    api: head => postGateway(head, clock),
    stopDeployment: async record => (await import('../codedeploy/stop.js')).stopLeftDeployment(record, clock),
    recoverDeployment: async sent =>
      (await import('../codedeploy/stop.js')).recoverLeftDeployment(sent, clock)
  })
  await closeDeployment(result)
  if (result.failure) runner.setFailed(result.failure)
}

/** A GitHub deployment main could not finish is marked failed, so it is not left in_progress forever. */
async function closeDeployment(result: PostResult): Promise<void> {
  const ok = result.done === 'promoted' || result.done === 'in-progress'
  try {
    const d = unreportedDeployment(stepState)
    if (!d) return
    await postDeploymentStatus(
      { ...d, token: runner.getInput('github-token'), requestTimeoutMs: 5000 },
      d.id,
      ok ? 'success' : 'failure',
      result.failure ??
        (result.done
          ? `${result.done}; main stopped before reporting it`
          : 'main did not finish (killed, crashed or timed out); the post step checked the alias')
    )
  } catch (error) {
    runner.warning(`GitHub deployment: could not mark it failure: ${errorLine(error)}`)
  }
}
