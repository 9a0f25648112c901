// Post's part for engine: codedeploy: main saved the id of the deployment it created; if main died while
// following it, stop exactly that one. Never another: a deployment this run did not create is not ours.
// Main killed between sending CreateDeployment and its answer left no id, only what it sent: then the
// deployment is looked for by that (codedeploy/lost.ts) and stopped only when it is certainly this step's.
import { stopCommand } from '../codedeploy/lost.js'
import type { Recovery } from '../codedeploy/recover.js'
import { errorLine } from '../errors.js'
import {
  codeDeployToStop,
  codeDeployUnanswered,
  type CodeDeployRecord,
  type CodeDeploySending,
  type StateStore
} from '../ledger/hand-off.js'
import type { Log } from '../log.js'

export type StopDeployment = (record: CodeDeployRecord) => Promise<string>
/** Looks for the deployment an unanswered CreateDeployment created, and stops it if it is this step's. */
export type RecoverDeployment = (sending: CodeDeploySending) => Promise<Recovery>

/** null when main left no deployment to stop; else post's result. */
export async function stopIfLeft(
  store: StateStore,
  log: Log,
  stop: StopDeployment,
  recover?: RecoverDeployment
): Promise<{ failure?: string } | null> {
  let record: CodeDeployRecord | undefined
  let sending: CodeDeploySending | undefined
  try {
    record = codeDeployToStop(store)
    sending = record ? undefined : codeDeployUnanswered(store)
  } catch (error) {
    return {
      failure: `lambda-promote post: the CodeDeploy deployment main saved cannot be read (${errorLine(error)}); stop it by hand if it still runs`
    }
  }
  if (sending && recover) return recoverUnanswered(sending, log, recover)
  if (!record) return null
  log.warning(
    `lambda-promote post: main did not finish following CodeDeploy deployment ${record.id} (killed, crashed or timed out); stopping it`
  )
  try {
    const said = await stop(record)
    log.info(
      `lambda-promote post: stopped CodeDeploy deployment ${record.id} (${said})${record.rollback ? '; CodeDeploy rolls the alias back' : '; rollback: false, so the alias stays where it is'}`
    )
    return {}
  } catch (error) {
    return {
      failure: `lambda-promote post: could not stop CodeDeploy deployment ${record.id}: ${errorLine(error)}; stop it by hand (${stopCommand(record.id, record.rollback)})`
    }
  }
}

async function recoverUnanswered(
  sending: CodeDeploySending,
  log: Log,
  recover: RecoverDeployment
): Promise<{ failure?: string }> {
  const where = `${sending.application}/${sending.group}`
  log.warning(
    `lambda-promote post: main sent CreateDeployment to ${where} and never learnt the deployment's id (the answer was lost, or main was killed before it); looking for the deployment`
  )
  try {
    const r = await recover(sending)
    if (r.result === 'ambiguous' || r.result === 'stop-failed')
      return { failure: `lambda-promote post: ${r.line}` }
    log.info(`lambda-promote post: ${r.line}`)
    return {}
  } catch (error) {
    return {
      failure: `lambda-promote post: could not look for the deployment main was creating: ${errorLine(error)}; look at the deployments of ${where} and stop this run's if it still runs`
    }
  }
}
