// The CodeDeploy client: the SDK's, built as the Lambda client is (our endpoint and nowhere else, our one
// retry layer, real timeouts, one line per failure). Imported only with engine: codedeploy.
import {
  BatchGetDeploymentTargetsCommand,
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentConfigCommand,
  CreateDeploymentGroupCommand,
  GetApplicationCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  ListDeploymentsCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
  type DeploymentInfo,
  type LambdaTarget
} from '@aws-sdk/client-codedeploy'
import type { Budget } from '../aws/api.js'
import { isNamed, USER_AGENT } from '../aws/api.js'
import { clientEndpointConfig } from '../aws/endpoints.js'
import { isBusy, isTransient, policyFor, withRetry } from '../aws/retry.js'
import { described, REQUEST_HANDLER } from '../aws/sdk-options.js'
import type { Clock } from '../clock.js'
import type { CodeDeployApi, DeploymentView, GroupInfo, TrafficRouting } from './api.js'
import { UNFINISHED } from './lost.js'

/** CodeDeploy's own id shape: an id that lands in the log and a stop command is only ever one of these. */
const DEPLOYMENT_ID = /^d-[A-Za-z0-9]{1,32}$/

export interface CodeDeployOptions {
  region: string
  endpoint: string | null
  endpointSource: string | null
  clock: Clock
  userAgent?: string
}

export class CodeDeployGateway implements CodeDeployApi {
  private readonly client: CodeDeployClient

  constructor(private readonly o: CodeDeployOptions) {
    this.client = new CodeDeployClient({
      region: o.region,
      ...clientEndpointConfig(o.endpoint),
      customUserAgent: o.userAgent ?? USER_AGENT,
      maxAttempts: 1,
      requestHandler: REQUEST_HANDLER
    })
  }

  private async call<T>(
    command: object,
    resource: string,
    budget: Budget,
    worth: (error: unknown) => boolean = isTransient
  ): Promise<T> {
    const send = (): Promise<T> => {
      if (budget.signal?.aborted)
        throw Object.assign(new Error(String(budget.signal.reason ?? 'cancelled')), { name: 'AbortError' })
      const options = budget.signal ? { abortSignal: budget.signal } : {}
      return this.client.send(command as GetDeploymentCommand, options) as Promise<T>
    }
    try {
      return await withRetry(this.o.clock, policyFor(budget, undefined, worth), send)
    } catch (error) {
      throw described(error, {
        operation: command.constructor.name.replace(/Command$/, ''),
        resource,
        service: 'CodeDeploy',
        endpoint: this.o.endpoint,
        endpointSource: this.o.endpointSource
      })
    }
  }

  /** null for the named "does not exist" exception; anything else is thrown. */
  private async orNull<T>(missing: string, read: () => Promise<T>): Promise<T | null> {
    try {
      return await read()
    } catch (error) {
      if (isNamed(error, missing)) return null
      throw error
    }
  }

  async getApplication(name: string, budget: Budget): Promise<{ computePlatform: string } | null> {
    const out = await this.orNull('ApplicationDoesNotExistException', () =>
      this.call<{ application?: { computePlatform?: string } }>(
        new GetApplicationCommand({ applicationName: name }),
        name,
        budget
      )
    )
    return out ? { computePlatform: out.application?.computePlatform ?? '' } : null
  }

  async createApplication(name: string, budget: Budget): Promise<void> {
    await this.call(
      new CreateApplicationCommand({ applicationName: name, computePlatform: 'Lambda' }),
      name,
      budget
    )
  }

  async getDeploymentGroup(application: string, group: string, budget: Budget): Promise<GroupInfo | null> {
    const out = await this.orNull('DeploymentGroupDoesNotExistException', () =>
      this.call<{
        deploymentGroupInfo?: { alarmConfiguration?: { enabled?: boolean; alarms?: { name?: string }[] } }
      }>(
        new GetDeploymentGroupCommand({ applicationName: application, deploymentGroupName: group }),
        `${application}/${group}`,
        budget
      )
    )
    if (!out) return null
    const alarms = out.deploymentGroupInfo?.alarmConfiguration
    return {
      alarms: (alarms?.alarms ?? []).map(a => a.name ?? '').filter(Boolean),
      alarmsEnabled: alarms?.enabled === true
    }
  }

  async createDeploymentGroup(
    g: Parameters<CodeDeployApi['createDeploymentGroup']>[0],
    budget: Budget
  ): Promise<void> {
    const command = new CreateDeploymentGroupCommand({
      applicationName: g.application,
      deploymentGroupName: g.group,
      serviceRoleArn: g.serviceRole,
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      alarmConfiguration: { enabled: g.alarms.length > 0, alarms: g.alarms.map(name => ({ name })) },
      autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] }
    })
    await this.call(command, `${g.application}/${g.group}`, budget)
  }

  async getDeploymentConfig(name: string, budget: Budget): Promise<TrafficRouting | null> {
    const out = await this.orNull('DeploymentConfigDoesNotExistException', () =>
      this.call<{ deploymentConfigInfo?: { trafficRoutingConfig?: unknown } }>(
        new GetDeploymentConfigCommand({ deploymentConfigName: name }),
        name,
        budget
      )
    )
    if (!out) return null
    return (out.deploymentConfigInfo?.trafficRoutingConfig ?? { type: 'AllAtOnce' }) as TrafficRouting
  }

  async createDeploymentConfig(name: string, routing: TrafficRouting, budget: Budget): Promise<void> {
    const command = new CreateDeploymentConfigCommand({
      deploymentConfigName: name,
      computePlatform: 'Lambda',
      trafficRoutingConfig: routing
    })
    // Another run may have created it a moment ago: the same name carries the same numbers.
    await this.orNull('DeploymentConfigAlreadyExistsException', () => this.call(command, name, budget))
  }

  async createDeployment(
    d: Parameters<CodeDeployApi['createDeployment']>[0],
    budget: Budget
  ): Promise<string> {
    const command = new CreateDeploymentCommand({
      applicationName: d.application,
      deploymentGroupName: d.group,
      deploymentConfigName: d.config,
      description: d.description,
      revision: { revisionType: 'AppSpecContent', appSpecContent: d.appSpec },
      autoRollbackConfiguration: d.rollback
        ? {
            enabled: true,
            events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST']
          }
        : { enabled: false }
    })
    // Retried only when CodeDeploy said "not now": after a lost answer a deployment may exist already.
    const out = await this.call<{ deploymentId?: string }>(
      command,
      `${d.application}/${d.group}`,
      budget,
      isBusy
    )
    return out.deploymentId ?? ''
  }

  async view(id: string, budget: Budget): Promise<DeploymentView> {
    const info = await this.deploymentInfo(id, budget)
    const status = info?.status ?? 'Unknown'
    const view: DeploymentView = {
      status,
      events: [],
      ...(info?.errorInformation?.code ? { errorCode: info.errorInformation.code } : {}),
      ...(info?.errorInformation?.message ? { errorMessage: info.errorInformation.message } : {}),
      ...(info?.rollbackInfo?.rollbackDeploymentId
        ? { rollbackDeploymentId: info.rollbackInfo.rollbackDeploymentId }
        : {}),
      ...(info?.rollbackInfo?.rollbackMessage ? { rollbackMessage: info.rollbackInfo.rollbackMessage } : {})
    }
    if (status === 'Created' || status === 'Queued') return view
    const target = await this.target(id, budget)
    if (!target) return view
    view.events = (target.lifecycleEvents ?? []).map(e => ({
      name: e.lifecycleEventName ?? '',
      status: e.status ?? '',
      ...(e.diagnostics?.message ? { diagnostic: e.diagnostics.message } : {})
    }))
    const weight = target.lambdaFunctionInfo?.targetVersionWeight
    if (typeof weight === 'number') view.weight = weight
    return view
  }

  async listUnfinished(application: string, group: string, since: number, budget: Budget): Promise<string[]> {
    const command = new ListDeploymentsCommand({
      applicationName: application,
      deploymentGroupName: group,
      includeOnlyStatuses: [...UNFINISHED],
      createTimeRange: { start: new Date(since) }
    })
    const out = await this.call<{ deployments?: string[] }>(command, `${application}/${group}`, budget)
    return (out.deployments ?? []).filter(id => DEPLOYMENT_ID.test(id))
  }

  async describe(
    id: string,
    budget: Budget
  ): Promise<{ id: string; description: string; createTime: number }> {
    const info = await this.deploymentInfo(id, budget)
    return { id, description: info?.description ?? '', createTime: info?.createTime?.getTime() ?? NaN }
  }

  private async deploymentInfo(id: string, budget: Budget): Promise<DeploymentInfo | undefined> {
    const command = new GetDeploymentCommand({ deploymentId: id })
    return (await this.call<{ deploymentInfo?: DeploymentInfo }>(command, id, budget)).deploymentInfo
  }

  /** The deployment's one Lambda target; null before CodeDeploy has listed it. */
  private async target(id: string, budget: Budget): Promise<LambdaTarget | null> {
    const list = await this.orNull('DeploymentNotStartedException', () =>
      this.call<{ targetIds?: string[] }>(new ListDeploymentTargetsCommand({ deploymentId: id }), id, budget)
    )
    const targetIds = list?.targetIds ?? []
    if (targetIds.length === 0) return null
    const out = await this.call<{ deploymentTargets?: { lambdaTarget?: LambdaTarget }[] }>(
      new BatchGetDeploymentTargetsCommand({ deploymentId: id, targetIds }),
      id,
      budget
    )
    return out.deploymentTargets?.[0]?.lambdaTarget ?? null
  }

  async stopDeployment(id: string, rollback: boolean, budget: Budget): Promise<string> {
    const out = await this.call<{ status?: string; statusMessage?: string }>(
      new StopDeploymentCommand({ deploymentId: id, autoRollbackEnabled: rollback }),
      id,
      budget
    )
    return [out.status, out.statusMessage].filter(Boolean).join(': ')
  }

  destroy(): void {
    this.client.destroy()
  }
}
