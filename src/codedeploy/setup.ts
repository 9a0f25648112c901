// The application, deployment group and deployment configuration a deployment needs: looked up before
// anything is written (a missing one without a service role is one line saying what to create and how),
// created once the new version has passed its checks.
import type { Budget } from '../aws/api.js'
import { DeployError } from '../errors.js'
import type { CodeDeploySettings } from '../inputs/engine.js'
import type { Log } from '../log.js'
import { logSafe } from '../untrusted.js'
import type { CodeDeployApi } from './api.js'
import { sameRouting, type ConfigChoice } from './strategy.js'

/** What is missing and will be created. */
export interface Missing {
  application: boolean
  group: boolean
  config: boolean
}

export async function lookUp(
  api: CodeDeployApi,
  s: CodeDeploySettings,
  choice: ConfigChoice,
  alarms: readonly string[],
  budget: Budget,
  log: Log
): Promise<Missing> {
  const app = await api.getApplication(s.application, budget)
  if (app && app.computePlatform !== 'Lambda')
    throw new DeployError(
      `CodeDeploy application ${s.application} is for ${logSafe(app.computePlatform, 40) || 'another compute platform'}, not Lambda; name a Lambda application in codedeploy-application`
    )
  const group = app ? await api.getDeploymentGroup(s.application, s.deploymentGroup, budget) : null
  if ((!app || !group) && s.serviceRole === null) throw new DeployError(whatToCreate(s, !app, alarms))
  if (group) noteAlarms(group.alarmsEnabled ? group.alarms : [], alarms, s, log)
  let config = false
  if (!choice.predefined) {
    const found = await api.getDeploymentConfig(choice.name, budget)
    if (found && !sameRouting(found, choice.routing))
      throw new DeployError(
        `CodeDeploy deployment configuration ${choice.name} exists with other numbers (${logSafe(JSON.stringify(found), 200)}); delete it, or choose another strategy`
      )
    config = found === null
  }
  return { application: !app, group: !group, config }
}

export async function createMissing(
  api: CodeDeployApi,
  s: CodeDeploySettings,
  choice: ConfigChoice,
  missing: Missing,
  alarms: readonly string[],
  budget: Budget,
  log: Log
): Promise<void> {
  if (missing.application) {
    await api.createApplication(s.application, budget)
    log.info(`created CodeDeploy application ${s.application} (compute platform Lambda)`)
  }
  if (missing.group) {
    await api.createDeploymentGroup(
      { application: s.application, group: s.deploymentGroup, serviceRole: s.serviceRole ?? '', alarms },
      budget
    )
    log.info(
      `created deployment group ${s.deploymentGroup} (blue/green with traffic control, alarms: ${alarms.join(', ') || 'none'}, automatic rollback on failure and alarm)`
    )
  }
  if (missing.config) {
    await api.createDeploymentConfig(choice.name, choice.routing, budget)
    log.info(`created deployment configuration ${choice.name}`)
  }
}

/** One line: what does not exist, and the commands (or the input) that make it. */
function whatToCreate(s: CodeDeploySettings, noApp: boolean, alarms: readonly string[]): string {
  const app = `aws deploy create-application --application-name ${s.application} --compute-platform Lambda`
  const alarmArg =
    alarms.length > 0
      ? ` --alarm-configuration 'enabled=true,alarms=[${alarms.map(a => `{name=${a}}`).join(',')}]'`
      : ''
  const group =
    `aws deploy create-deployment-group --application-name ${s.application} --deployment-group-name ${s.deploymentGroup}` +
    ` --service-role-arn <role> --deployment-style deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL${alarmArg}` +
    ` --auto-rollback-configuration enabled=true,events=DEPLOYMENT_FAILURE,DEPLOYMENT_STOP_ON_ALARM`
  const what = noApp
    ? `CodeDeploy application ${s.application} does not exist`
    : `CodeDeploy deployment group ${s.deploymentGroup} of application ${s.application} does not exist`
  return `${what}: set codedeploy-service-role (a role CodeDeploy assumes, with AWSCodeDeployRoleForLambda) so that this action creates it, or create it: ${noApp ? `${app} && ` : ''}${group}; nothing was changed`
}

/** CodeDeploy stops on the group's alarms, not on the input: say so when they differ. */
function noteAlarms(group: string[], input: readonly string[], s: CodeDeploySettings, log: Log): void {
  const missing = input.filter(a => !group.includes(a))
  if (missing.length === 0) return
  log.warning(
    `deployment group ${s.deploymentGroup} does not watch alarm${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: this step checks them before the deployment, but CodeDeploy stops only on the group's alarms (${group.join(', ') || 'none'}); add them to the group`
  )
}
