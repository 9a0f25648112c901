// The AppSpec of a Lambda deployment (JSON or YAML):
//   Resources: [{<name>: {Type: AWS::Lambda::Function, Properties: {Name, Alias, CurrentVersion, TargetVersion}}}]
//   Hooks: [{BeforeAllowTraffic: <function>}, {AfterAllowTraffic: <function>}]   (optional)
// CreateDeployment accepts any content; a content CodeDeploy cannot use fails the deployment when it
// starts, with INVALID_LAMBDA_CONFIGURATION and this module's reason after AWS's fixed sentence.
import { parseYaml, YamlError } from './yaml-lite.js'

export interface LambdaAppSpec {
  resourceName: string
  functionName: string // as written: a name or an ARN
  alias: string
  currentVersion: string
  targetVersion: string
  hooks: { BeforeAllowTraffic?: string; AfterAllowTraffic?: string }
}

export const INVALID_APPSPEC =
  'The deployment failed because the AppSpec file that specifies the AWS Lambda deployment configuration is missing or has an invalid configuration.'

export class AppSpecError extends Error {}

const HOOK_EVENTS = ['BeforeAllowTraffic', 'AfterAllowTraffic'] as const

function parse(content: string): unknown {
  const text = content.trim()
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text) as unknown
    } catch (e) {
      throw new AppSpecError(`The AppSpec content is not valid JSON: ${(e as Error).message}`)
    }
  }
  try {
    return parseYaml(content)
  } catch (e) {
    if (e instanceof YamlError) throw new AppSpecError(`The AppSpec content is not valid YAML: ${e.message}`)
    throw e
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

// Versions may be written as numbers in YAML (`CurrentVersion: 1`).
function text(props: Record<string, unknown>, key: string): string {
  const value = props[key]
  if (typeof value === 'number' && Number.isInteger(value)) return String(value)
  if (typeof value !== 'string' || value === '') {
    throw new AppSpecError(`The Lambda resource's Properties.${key} is missing or not a string.`)
  }
  return value
}

function readHooks(doc: Record<string, unknown>): LambdaAppSpec['hooks'] {
  const hooks: LambdaAppSpec['hooks'] = {}
  if (doc.Hooks === undefined || doc.Hooks === null) return hooks
  if (!Array.isArray(doc.Hooks)) throw new AppSpecError('Hooks must be a list of {<event>: <function>}.')
  for (const entry of doc.Hooks) {
    if (!isObject(entry)) throw new AppSpecError('Hooks must be a list of {<event>: <function>}.')
    for (const [event, fn] of Object.entries(entry)) {
      if (!(HOOK_EVENTS as readonly string[]).includes(event)) {
        throw new AppSpecError(
          `Hook ${event} is not a Lambda lifecycle event (BeforeAllowTraffic, AfterAllowTraffic).`
        )
      }
      if (typeof fn !== 'string' || fn === '') throw new AppSpecError(`Hook ${event} must name a function.`)
      if (hooks[event as (typeof HOOK_EVENTS)[number]] !== undefined) {
        throw new AppSpecError(`Hook ${event} is given more than once.`)
      }
      hooks[event as (typeof HOOK_EVENTS)[number]] = fn
    }
  }
  return hooks
}

export function readAppSpec(content: string): LambdaAppSpec {
  const doc = parse(content)
  if (!isObject(doc)) throw new AppSpecError('The AppSpec content is not a mapping.')
  const resources = doc.Resources
  if (!Array.isArray(resources) || resources.length !== 1 || !isObject(resources[0])) {
    throw new AppSpecError('Resources must list exactly one AWS::Lambda::Function.')
  }
  const entries = Object.entries(resources[0])
  const [resourceName, resource] = entries[0] ?? []
  if (entries.length !== 1 || resourceName === undefined || !isObject(resource)) {
    throw new AppSpecError('Resources must list exactly one AWS::Lambda::Function.')
  }
  if (resource.Type !== 'AWS::Lambda::Function') {
    throw new AppSpecError(`Resource ${resourceName} must have Type AWS::Lambda::Function.`)
  }
  const props = resource.Properties
  if (!isObject(props)) throw new AppSpecError(`Resource ${resourceName} has no Properties.`)
  const spec: LambdaAppSpec = {
    resourceName,
    functionName: text(props, 'Name'),
    alias: text(props, 'Alias'),
    currentVersion: text(props, 'CurrentVersion'),
    targetVersion: text(props, 'TargetVersion'),
    hooks: readHooks(doc)
  }
  if (!/^\d+$/.test(spec.currentVersion) || !/^\d+$/.test(spec.targetVersion)) {
    throw new AppSpecError('CurrentVersion and TargetVersion must be published version numbers.')
  }
  if (Number(spec.currentVersion) === Number(spec.targetVersion)) {
    throw new AppSpecError('TargetVersion must differ from CurrentVersion.')
  }
  return spec
}
