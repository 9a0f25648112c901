// The seam between the CodeDeploy engine and AWS: the engine depends on this interface only, so a test can
// hand it the real client against the emulator or a fake. Plain shapes, no SDK types: the SDK loads lazily.
import type { Budget } from '../aws/api.js'

/** A deployment configuration's traffic routing, as CodeDeploy's trafficRoutingConfig holds it. */
export type TrafficRouting =
  | { type: 'AllAtOnce' }
  | { type: 'TimeBasedCanary'; timeBasedCanary: { canaryPercentage: number; canaryInterval: number } }
  | { type: 'TimeBasedLinear'; timeBasedLinear: { linearPercentage: number; linearInterval: number } }

export interface GroupInfo {
  alarms: string[]
  alarmsEnabled: boolean
}

export interface NewGroup {
  application: string
  group: string
  serviceRole: string
  alarms: readonly string[]
}

export interface NewDeployment {
  application: string
  group: string
  config: string
  appSpec: { content: string; sha256: string }
  description: string
  rollback: boolean
}

/** What GetDeployment and the deployment's one Lambda target say, reduced to what following needs. */
export interface DeploymentView {
  status: string
  errorCode?: string
  errorMessage?: string
  rollbackDeploymentId?: string
  rollbackMessage?: string
  /** Lifecycle events in order; empty until the deployment has started. */
  events: { name: string; status: string; diagnostic?: string }[]
  /** The target version's share of the alias's traffic, 0..1, once known. */
  weight?: number
}

export interface CodeDeployApi {
  /** The application's compute platform, or null when it does not exist. */
  getApplication(name: string, budget: Budget): Promise<{ computePlatform: string } | null>
  createApplication(name: string, budget: Budget): Promise<void>
  getDeploymentGroup(application: string, group: string, budget: Budget): Promise<GroupInfo | null>
  createDeploymentGroup(group: NewGroup, budget: Budget): Promise<void>
  /** A custom configuration's routing, or null when there is none by that name. */
  getDeploymentConfig(name: string, budget: Budget): Promise<TrafficRouting | null>
  createDeploymentConfig(name: string, routing: TrafficRouting, budget: Budget): Promise<void>
  createDeployment(deployment: NewDeployment, budget: Budget): Promise<string>
  view(deploymentId: string, budget: Budget): Promise<DeploymentView>
  /** The group's deployments not yet ended and created since `since` (epoch ms), newest first. */
  listUnfinished(application: string, group: string, since: number, budget: Budget): Promise<string[]>
  /** A deployment's description and createTime (epoch ms; NaN when CodeDeploy gave none). */
  describe(
    deploymentId: string,
    budget: Budget
  ): Promise<{ id: string; description: string; createTime: number }>
  /** Stops a deployment; `rollback` asks CodeDeploy to put the alias back. Answers CodeDeploy's status line. */
  stopDeployment(deploymentId: string, rollback: boolean, budget: Budget): Promise<string>
  destroy(): void
}

/** The CodeDeploy console's page of a deployment. */
export function deploymentLink(region: string, deploymentId: string): string {
  return `https://${region}.console.aws.amazon.com/codesuite/codedeploy/deployments/${encodeURIComponent(deploymentId)}?region=${region}`
}
