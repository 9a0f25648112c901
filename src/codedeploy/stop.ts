// The post step's stop: the deployment main created and was following when it was killed, by the id the
// step state holds, with the client main used (region and endpoint as saved).
import { postBudget } from '../aws/budgets.js'
import type { Clock } from '../clock.js'
import type { CodeDeployRecord } from '../ledger/hand-off.js'

/** Stops it (CodeDeploy rolls the alias back when rollback was on); answers CodeDeploy's status line. */
export async function stopLeftDeployment(record: CodeDeployRecord, clock: Clock): Promise<string> {
  const { CodeDeployGateway } = await import('./client.js')
  const gateway = new CodeDeployGateway({
    region: record.region,
    endpoint: record.endpoint,
    endpointSource: record.endpoint === null ? null : 'the endpoint main used',
    clock,
    userAgent: 'lambda-promote/1 post'
  })
  try {
    return await gateway.stopDeployment(record.id, record.rollback, postBudget(clock.now()))
  } finally {
    gateway.destroy()
  }
}
