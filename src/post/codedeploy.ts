// Post's part for engine: codedeploy: main saved the id of the deployment it created; if main died while
// following it, stop exactly that one. Never another: a deployment this run did not create is not ours.
import { errorLine } from '../errors.js'
import { codeDeployToStop, type CodeDeployRecord, type StateStore } from '../ledger/hand-off.js'
import type { Log } from '../log.js'

export type StopDeployment = (record: CodeDeployRecord) => Promise<string>

/** null when main left no deployment to stop; else post's result. */
export async function stopIfLeft(
  store: StateStore,
  log: Log,
  stop: StopDeployment
): Promise<{ failure?: string } | null> {
  let record: CodeDeployRecord | undefined
  try {
    record = codeDeployToStop(store)
  } catch (error) {
    return {
      failure: `lambda-promote post: the CodeDeploy deployment main saved cannot be read (${errorLine(error)}); stop it by hand if it still runs`
    }
  }
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
      failure: `lambda-promote post: could not stop CodeDeploy deployment ${record.id}: ${errorLine(error)}; stop it by hand (aws deploy stop-deployment --deployment-id ${record.id} --auto-rollback-enabled)`
    }
  }
}
