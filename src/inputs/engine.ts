// engine and the CodeDeploy inputs: which engine moves the traffic, and, for CodeDeploy, the application,
// deployment group, service role and hooks it uses. Pure; the first bad value throws an InputError.
import { resolveServiceEndpoint } from '../aws/endpoints.js'
import { InputError } from '../errors.js'
import { splitList, type FunctionRef } from './names.js'

export type Engine = 'action' | 'codedeploy'

/** The lifecycle hooks of a CodeDeploy Lambda deployment, by AppSpec name: a function name or ARN each. */
export interface Hooks {
  BeforeAllowTraffic?: string
  AfterAllowTraffic?: string
}

export interface CodeDeploySettings {
  readonly application: string
  readonly deploymentGroup: string
  /** The role CodeDeploy assumes, for what this run creates; null: use existing ones only. */
  readonly serviceRole: string | null
  readonly hooks: Readonly<Hooks>
  /** CodeDeploy's endpoint by the same precedence as Lambda's (AWS_ENDPOINT_URL_CODEDEPLOY); null: AWS's. */
  readonly endpoint: string | null
  readonly endpointSource: string | null
}

const CODEDEPLOY_INPUTS = [
  'codedeploy-application',
  'codedeploy-deployment-group',
  'codedeploy-service-role',
  'hooks'
] as const
const HOOK_NAMES: Record<string, keyof Hooks> = {
  'before-allow-traffic': 'BeforeAllowTraffic',
  'after-allow-traffic': 'AfterAllowTraffic'
}
// CodeDeploy's own limits: application and group names are 1-100 characters.
const CD_NAME = /^[A-Za-z0-9_.+=,@-]{1,100}$/
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[A-Za-z0-9_+=,.@/-]{1,512}$/
const HOOK_FUNCTION =
  /^(?:arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:)?[A-Za-z0-9_-]{1,64}(?::[A-Za-z0-9_$-]{1,128})?$/

type EngineRaw = Record<(typeof CODEDEPLOY_INPUTS)[number] | 'engine' | 'endpoint-url', string>

export function engineInputs(
  raw: EngineRaw,
  env: Record<string, string | undefined>,
  target: { functions: readonly FunctionRef[]; alias: string }
): { engine: Engine; codedeploy: CodeDeploySettings | null } {
  const value = raw.engine.trim().toLowerCase() || 'action'
  if (value !== 'action' && value !== 'codedeploy')
    throw new InputError('engine', raw.engine, 'expected action or codedeploy')
  if (value === 'action') {
    const set = CODEDEPLOY_INPUTS.find(name => raw[name].trim() !== '')
    if (set)
      throw new InputError(set, raw[set], 'only used with engine: codedeploy; set it or drop this input')
    return { engine: 'action', codedeploy: null }
  }
  const fn = target.functions[0] as FunctionRef
  const application = cdName('codedeploy-application', raw['codedeploy-application'] || fn.name)
  const deploymentGroup = cdName(
    'codedeploy-deployment-group',
    raw['codedeploy-deployment-group'] || `${fn.name}-${target.alias}`
  )
  const role = raw['codedeploy-service-role'].trim()
  if (role !== '' && !ROLE_ARN.test(role))
    throw new InputError(
      'codedeploy-service-role',
      role,
      'expected an IAM role ARN such as arn:aws:iam::123456789012:role/codedeploy-lambda'
    )
  const endpoint = resolveServiceEndpoint(raw['endpoint-url'] || null, env, 'AWS_ENDPOINT_URL_CODEDEPLOY')
  return {
    engine: 'codedeploy',
    codedeploy: Object.freeze({
      application,
      deploymentGroup,
      serviceRole: role === '' ? null : role,
      hooks: Object.freeze(parseHooks(raw.hooks)),
      endpoint: endpoint.url,
      endpointSource: endpoint.source
    })
  }
}

function cdName(input: string, value: string): string {
  if (!CD_NAME.test(value))
    throw new InputError(
      input,
      value,
      'expected 1-100 letters, digits and _ . + = , @ - (a CodeDeploy name); set it explicitly when the default is too long'
    )
  return value
}

/** `before-allow-traffic: fn`, one per line or comma-separated; each hook at most once. */
export function parseHooks(value: string): Hooks {
  const hooks: Hooks = {}
  for (const item of splitList(value)) {
    const match = /^([a-z-]+)\s*:\s*(\S+)$/i.exec(item)
    const key = match ? HOOK_NAMES[(match[1] as string).toLowerCase()] : undefined
    if (!match || !key)
      throw new InputError(
        'hooks',
        item,
        'expected "before-allow-traffic: <function>" or "after-allow-traffic: <function>"'
      )
    const fn = match[2] as string
    if (!HOOK_FUNCTION.test(fn))
      throw new InputError('hooks', item, 'expected a function name or ARN after the colon')
    if (hooks[key] !== undefined)
      throw new InputError('hooks', item, `${(match[1] as string).toLowerCase()} is given twice`)
    hooks[key] = fn
  }
  return hooks
}
