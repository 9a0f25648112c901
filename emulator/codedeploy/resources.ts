// Applications and deployment groups: CreateApplication, GetApplication, CreateDeploymentGroup,
// GetDeploymentGroup, and the alarm and automatic-rollback settings a group (or a deployment) carries.
import { randomUUID } from 'node:crypto'
import type { ApiResponse } from '../errors.js'
import { DEFAULT_LAMBDA_CONFIG, findConfig } from './configs.js'
import {
  cdError,
  checkName,
  optBool,
  optList,
  optObj,
  optStr,
  reqStr,
  seconds,
  type Input
} from './protocol.js'
import {
  findApplication,
  findGroup,
  lastDeployment,
  type AlarmConfig,
  type AutoRollback,
  type CodeDeployContext
} from './store.js'

const PLATFORMS = ['Server', 'Lambda', 'ECS']
const ROLLBACK_EVENTS = ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST']
const ROLE_ARN = /^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/

const appName = (input: Input): string =>
  checkName(
    reqStr(input, 'applicationName', 'ApplicationNameRequiredException', 'Application name'),
    'InvalidApplicationNameException',
    'Application name'
  )

const groupName = (input: Input): string =>
  checkName(
    reqStr(input, 'deploymentGroupName', 'DeploymentGroupNameRequiredException', 'Deployment group name'),
    'InvalidDeploymentGroupNameException',
    'Deployment group name'
  )

export function createApplication(cd: CodeDeployContext, input: Input): ApiResponse {
  const name = appName(input)
  const platform = optStr(input, 'computePlatform') ?? 'Server'
  if (!PLATFORMS.includes(platform)) {
    throw cdError(
      'InvalidComputePlatformException',
      `The computePlatform is invalid: ${platform}. It should be Lambda, Server, or ECS.`
    )
  }
  if (cd.applications.has(name)) {
    throw cdError('ApplicationAlreadyExistsException', `Application ${name} already exists in your account.`)
  }
  const id = randomUUID()
  cd.applications.set(name, { id, name, createTime: cd.now(), computePlatform: platform, groups: new Map() })
  return { status: 200, json: { applicationId: id } }
}

export function getApplication(cd: CodeDeployContext, input: Input): ApiResponse {
  const app = findApplication(cd, appName(input))
  return {
    status: 200,
    json: {
      application: {
        applicationId: app.id,
        applicationName: app.name,
        createTime: seconds(app.createTime),
        linkedToGitHub: false,
        computePlatform: app.computePlatform
      }
    }
  }
}

export function readAlarmConfig(input: Input, key: string): AlarmConfig | undefined {
  const config = optObj(input, key)
  if (config === undefined) return undefined
  const list = optList(config, 'alarms') ?? []
  if (list.length > 10) {
    throw cdError(
      'AlarmsLimitExceededException',
      'The maximum number of alarms for a deployment group (10) was exceeded.'
    )
  }
  const alarms = list.map(a => (a !== null && typeof a === 'object' ? (a as Input).name : undefined))
  for (const name of alarms) {
    if (typeof name !== 'string' || name === '' || name.length > 255) {
      throw cdError('InvalidAlarmConfigException', 'Each alarm needs a name of 1 to 255 characters.')
    }
  }
  if (new Set(alarms).size !== alarms.length) {
    throw cdError('InvalidAlarmConfigException', 'Two alarms with the same name have been specified.')
  }
  const enabled = optBool(config, 'enabled') ?? false
  if (enabled && alarms.length === 0) {
    throw cdError('InvalidAlarmConfigException', 'The alarm configuration is enabled but lists no alarms.')
  }
  return {
    enabled,
    ignorePollAlarmFailure: optBool(config, 'ignorePollAlarmFailure') ?? false,
    alarms: alarms as string[]
  }
}

export function readAutoRollback(input: Input): AutoRollback | undefined {
  const config = optObj(input, 'autoRollbackConfiguration')
  if (config === undefined) return undefined
  const enabled = optBool(config, 'enabled') ?? false
  const events = optList(config, 'events') ?? []
  for (const event of events) {
    if (typeof event !== 'string' || !ROLLBACK_EVENTS.includes(event)) {
      throw cdError(
        'InvalidAutoRollbackConfigException',
        `Invalid automatic rollback event ${JSON.stringify(event)}; allowed: ${ROLLBACK_EVENTS.join(', ')}`
      )
    }
  }
  if (enabled && events.length === 0) {
    throw cdError('InvalidAutoRollbackConfigException', 'Automatic rollback is enabled but lists no events.')
  }
  return { enabled, events: [...new Set(events as string[])] }
}

function checkStyle(input: Input): void {
  const style = optObj(input, 'deploymentStyle')
  if (style === undefined) return
  if (
    (style.deploymentType ?? 'BLUE_GREEN') !== 'BLUE_GREEN' ||
    (style.deploymentOption ?? 'WITH_TRAFFIC_CONTROL') !== 'WITH_TRAFFIC_CONTROL'
  ) {
    throw cdError(
      'InvalidDeploymentStyleException',
      'A Lambda deployment group is BLUE_GREEN with WITH_TRAFFIC_CONTROL.'
    )
  }
}

export function createDeploymentGroup(cd: CodeDeployContext, input: Input): ApiResponse {
  const app = findApplication(cd, appName(input))
  const name = groupName(input)
  const role = optStr(input, 'serviceRoleArn')
  if (role === undefined || role === '') throw cdError('RoleRequiredException', 'Role ARN is required.')
  if (!ROLE_ARN.test(role)) throw cdError('InvalidRoleException', `The service role ARN is invalid: ${role}`)
  if (app.computePlatform !== 'Lambda') {
    throw cdError(
      'InvalidComputePlatformException',
      `Application ${app.name} is for compute platform ${app.computePlatform}; the emulator deploys to Lambda only.`
    )
  }
  const configName = optStr(input, 'deploymentConfigName') ?? DEFAULT_LAMBDA_CONFIG
  findConfig(cd.configs, configName)
  const alarm = readAlarmConfig(input, 'alarmConfiguration')
  const autoRollback = readAutoRollback(input)
  checkStyle(input)
  if (app.groups.has(name)) {
    throw cdError(
      'DeploymentGroupAlreadyExistsException',
      `Deployment Group ${name} already exists for application ${app.name}.`
    )
  }
  const id = randomUUID()
  app.groups.set(name, {
    id,
    name,
    applicationName: app.name,
    configName,
    serviceRoleArn: role,
    ...(alarm !== undefined && { alarm }),
    ...(autoRollback !== undefined && { autoRollback })
  })
  return { status: 200, json: { deploymentGroupId: id } }
}

export function getDeploymentGroup(cd: CodeDeployContext, input: Input): ApiResponse {
  const app = findApplication(cd, appName(input))
  const g = findGroup(cd, app, groupName(input))
  const attempted = lastDeployment(cd, g.lastAttempted)
  const successful = lastDeployment(cd, g.lastSuccessful)
  const target = g.lastAttempted === undefined ? undefined : cd.deployments.get(g.lastAttempted)?.revision
  return {
    status: 200,
    json: {
      deploymentGroupInfo: {
        applicationName: app.name,
        deploymentGroupId: g.id,
        deploymentGroupName: g.name,
        deploymentConfigName: g.configName,
        ec2TagFilters: [],
        onPremisesInstanceTagFilters: [],
        autoScalingGroups: [],
        serviceRoleArn: g.serviceRoleArn,
        ...(target !== undefined && { targetRevision: target }),
        triggerConfigurations: [],
        alarmConfiguration: alarmOut(g.alarm),
        autoRollbackConfiguration: g.autoRollback ?? { enabled: false, events: [] },
        deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        outdatedInstancesStrategy: 'UPDATE',
        ...(successful !== undefined && { lastSuccessfulDeployment: successful }),
        ...(attempted !== undefined && { lastAttemptedDeployment: attempted }),
        computePlatform: 'Lambda',
        terminationHookEnabled: false
      }
    }
  }
}

export function alarmOut(alarm: AlarmConfig | undefined): Record<string, unknown> {
  if (alarm === undefined) return { enabled: false, ignorePollAlarmFailure: false, alarms: [] }
  return {
    enabled: alarm.enabled,
    ignorePollAlarmFailure: alarm.ignorePollAlarmFailure,
    alarms: alarm.alarms.map(name => ({ name }))
  }
}
