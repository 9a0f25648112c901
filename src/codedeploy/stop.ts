// The post step's stop: the deployment main created and was following when it was killed, by the id the
// step state holds, with the client main used (region and endpoint as saved).
import { postBudget } from '../aws/budgets.js'
import type { Clock } from '../clock.js'
import type { CodeDeployRecord, CodeDeploySending } from '../ledger/hand-off.js'
import type { CodeDeployGateway } from './client.js'
import { recoverLost, type Recovery } from './recover.js'

/** Stops it (CodeDeploy rolls the alias back when rollback was on); answers CodeDeploy's status line. */
export async function stopLeftDeployment(record: CodeDeployRecord, clock: Clock): Promise<string> {
  const gateway = await postGateway(record, clock)
  try {
    return await gateway.stopDeployment(record.id, record.rollback, postBudget(clock.now()))
  } finally {
    gateway.destroy()
  }
}

/** Main died before CreateDeployment answered: finds that deployment by what main sent, stops it if ours. */
export async function recoverLeftDeployment(sending: CodeDeploySending, clock: Clock): Promise<Recovery> {
  const gateway = await postGateway(sending, clock)
  try {
    return await recoverLost(gateway, sending, postBudget(clock.now()))
  } finally {
    gateway.destroy()
  }
}

async function postGateway(
  at: { region: string; endpoint: string | null },
  clock: Clock
): Promise<CodeDeployGateway> {
  const { CodeDeployGateway } = await import('./client.js')
  return new CodeDeployGateway({
    region: at.region,
    endpoint: at.endpoint,
    endpointSource: at.endpoint === null ? null : 'the endpoint main used',
    clock,
    userAgent: 'lambda-promote/1 post'
  })
}
