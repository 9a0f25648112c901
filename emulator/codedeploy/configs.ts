// Deployment configurations for the Lambda compute platform: the predefined CodeDeployDefault.Lambda*
// ones, custom ones (CreateDeploymentConfig) and the traffic plan a configuration makes: which weight
// the target version gets at which CodeDeploy minute.
import { randomUUID } from 'node:crypto'
import type { ApiResponse } from '../errors.js'
import { cdError, checkName, optObj, optStr, reqStr, seconds, type Input } from './protocol.js'

export type RoutingType = 'AllAtOnce' | 'TimeBasedCanary' | 'TimeBasedLinear'

export interface TrafficRouting {
  type: RoutingType
  percentage?: number // whole percent shifted first (canary) or per step (linear)
  interval?: number // whole minutes
}

export interface DeploymentConfigRecord {
  id: string
  name: string
  createTime: number // clock ms
  routing: TrafficRouting
}

const PREDEFINED: [string, TrafficRouting][] = [
  ['CodeDeployDefault.LambdaAllAtOnce', { type: 'AllAtOnce' }],
  ...[5, 10, 15, 30].map((m): [string, TrafficRouting] => [
    `CodeDeployDefault.LambdaCanary10Percent${m}Minutes`,
    { type: 'TimeBasedCanary', percentage: 10, interval: m }
  ]),
  ...[1, 2, 3, 10].map((m): [string, TrafficRouting] => [
    `CodeDeployDefault.LambdaLinear10PercentEvery${m}Minute${m === 1 ? '' : 's'}`,
    { type: 'TimeBasedLinear', percentage: 10, interval: m }
  ])
]

export const DEFAULT_LAMBDA_CONFIG = 'CodeDeployDefault.LambdaAllAtOnce'

export function predefinedConfigs(now: number): Map<string, DeploymentConfigRecord> {
  return new Map(
    PREDEFINED.map(([name, routing]) => [name, { id: randomUUID(), name, createTime: now, routing }])
  )
}

export function configNotFound(name: string): Error {
  return cdError('DeploymentConfigDoesNotExistException', `Deployment config ${name} doesn't exist`)
}

export function findConfig(
  configs: Map<string, DeploymentConfigRecord>,
  name: string
): DeploymentConfigRecord {
  const config = configs.get(name)
  if (config === undefined) throw configNotFound(name)
  return config
}

// Percentages 1..99 and intervals 1..2880 minutes (two days), whole numbers. [I] the bounds are the
// console's; the API model only says integer.
function wholeIn(value: unknown, min: number, max: number, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw cdError(
      'InvalidTrafficRoutingConfigurationException',
      `${field} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value ?? null)}`
    )
  }
  return value
}

export function readRouting(input: Input): TrafficRouting {
  const routing = optObj(input, 'trafficRoutingConfig')
  if (routing === undefined) {
    throw cdError(
      'InvalidTrafficRoutingConfigurationException',
      'A Lambda deployment configuration needs a trafficRoutingConfig.'
    )
  }
  const type = optStr(routing, 'type')
  if (type === 'AllAtOnce') return { type }
  if (type === 'TimeBasedCanary') {
    const canary = optObj(routing, 'timeBasedCanary') ?? {}
    return {
      type,
      percentage: wholeIn(canary.canaryPercentage, 1, 99, 'timeBasedCanary.canaryPercentage'),
      interval: wholeIn(canary.canaryInterval, 1, 2880, 'timeBasedCanary.canaryInterval')
    }
  }
  if (type === 'TimeBasedLinear') {
    const linear = optObj(routing, 'timeBasedLinear') ?? {}
    return {
      type,
      percentage: wholeIn(linear.linearPercentage, 1, 99, 'timeBasedLinear.linearPercentage'),
      interval: wholeIn(linear.linearInterval, 1, 2880, 'timeBasedLinear.linearInterval')
    }
  }
  throw cdError(
    'InvalidTrafficRoutingConfigurationException',
    `trafficRoutingConfig.type must be AllAtOnce, TimeBasedCanary or TimeBasedLinear, got ${JSON.stringify(type ?? null)}`
  )
}

export function createDeploymentConfig(
  configs: Map<string, DeploymentConfigRecord>,
  now: number,
  input: Input
): ApiResponse {
  const name = checkName(
    reqStr(input, 'deploymentConfigName', 'DeploymentConfigNameRequiredException', 'Deployment config name'),
    'InvalidDeploymentConfigNameException',
    'Deployment config name'
  )
  const platform = optStr(input, 'computePlatform') ?? 'Server'
  if (!['Server', 'Lambda', 'ECS'].includes(platform)) {
    throw cdError('InvalidComputePlatformException', `Invalid computePlatform: ${platform}`)
  }
  if (platform !== 'Lambda') {
    throw cdError('InvalidComputePlatformException', 'The emulator models the Lambda compute platform only.')
  }
  if (input.minimumHealthyHosts !== undefined && input.minimumHealthyHosts !== null) {
    throw cdError(
      'InvalidMinimumHealthyHostValueException',
      'minimumHealthyHosts does not apply to the Lambda compute platform.'
    )
  }
  const routing = readRouting(input)
  if (name.startsWith('CodeDeployDefault.')) {
    throw cdError('InvalidDeploymentConfigNameException', 'The prefix CodeDeployDefault. is reserved.')
  }
  if (configs.has(name)) {
    throw cdError('DeploymentConfigAlreadyExistsException', `Deployment config ${name} already exists.`)
  }
  const record: DeploymentConfigRecord = { id: randomUUID(), name, createTime: now, routing }
  configs.set(name, record)
  return { status: 200, json: { deploymentConfigId: record.id } }
}

export function routingOut(routing: TrafficRouting): Record<string, unknown> {
  if (routing.type === 'TimeBasedCanary') {
    return {
      type: routing.type,
      timeBasedCanary: { canaryPercentage: routing.percentage, canaryInterval: routing.interval }
    }
  }
  if (routing.type === 'TimeBasedLinear') {
    return {
      type: routing.type,
      timeBasedLinear: { linearPercentage: routing.percentage, linearInterval: routing.interval }
    }
  }
  return { type: routing.type }
}

export function getDeploymentConfig(configs: Map<string, DeploymentConfigRecord>, input: Input): ApiResponse {
  const name = reqStr(
    input,
    'deploymentConfigName',
    'DeploymentConfigNameRequiredException',
    'Deployment config name'
  )
  const c = findConfig(configs, name)
  return {
    status: 200,
    json: {
      deploymentConfigInfo: {
        deploymentConfigId: c.id,
        deploymentConfigName: c.name,
        createTime: seconds(c.createTime),
        computePlatform: 'Lambda',
        trafficRoutingConfig: routingOut(c.routing)
      }
    }
  }
}

export interface TrafficStep {
  minute: number // CodeDeploy minutes after AllowTraffic starts
  percent: number // the target version's share; 100 = the alias points at the target
}

// Canary: the percentage at once, the rest one interval later. Linear: one more percentage every
// interval until 100. All at once: 100 at once.
export function trafficPlan(routing: TrafficRouting): TrafficStep[] {
  const { percentage = 100, interval = 0 } = routing
  if (routing.type === 'TimeBasedCanary') {
    return [
      { minute: 0, percent: percentage },
      { minute: interval, percent: 100 }
    ]
  }
  if (routing.type === 'TimeBasedLinear') {
    const steps: TrafficStep[] = []
    for (let k = 1; k * percentage < 100; k++)
      steps.push({ minute: (k - 1) * interval, percent: k * percentage })
    steps.push({ minute: steps.length * interval, percent: 100 })
    return steps
  }
  return [{ minute: 0, percent: 100 }]
}
