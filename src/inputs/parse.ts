import { resolveEndpoints } from '../aws/endpoints.js'
import { InputError } from '../errors.js'
import type { Config, RawInputs } from './config.js'
import { parseDuration } from './duration.js'
import { metricsResolution, parseMetricsDelay, scheduleRefusal } from './metrics-timing.js'
import { engineInputs } from './engine.js'
import { isKnownRegion, REGION_EXAMPLES } from './regions.js'
import { buildPlan, parseStrategy, type PlanStep } from './plan.js'
import {
  parseFunctionRef,
  parseVersionSpec,
  splitList,
  validateAliasName,
  type FunctionRef
} from './names.js'

/** Validates every input into a frozen config; the first bad value throws an InputError. Pure. */
export function parseInputs(raw: RawInputs, env: Record<string, string | undefined>): Config {
  const target = targetInputs(raw)
  const { plan, ...schedule } = scheduleInputs(raw, env)
  const alarms = alarmInputs(raw)
  const smokeTestPayload =
    raw['smoke-test-payload'] === '' ? null : json('smoke-test-payload', raw['smoke-test-payload'])
  const smokeTestExpect = smokeExpect(raw['smoke-test-expect'], smokeTestPayload)
  const region = resolveRegion(raw.region, env, target.functions)
  // The SDK's own precedence, decided once here: the input, else the per-service variable, else
  // AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
  const endpoints = resolveEndpoints(raw['endpoint-url'] || null, env)
  if (raw.description.length > 256) {
    throw new InputError(
      'description',
      `${raw.description.slice(0, 40)}…`,
      'Lambda allows at most 256 characters'
    )
  }

  return Object.freeze({
    ...target,
    functions: Object.freeze(target.functions),
    ...schedule,
    plan: Object.freeze(plan),
    alarms: Object.freeze(alarms),
    smokeTestPayload,
    smokeTestExpect,
    rollback: bool('rollback', raw.rollback || 'true'),
    description: raw.description === '' ? null : raw.description,
    region,
    endpoint: endpoints.lambda,
    cloudwatchEndpoint: endpoints.cloudwatch,
    endpointSource: endpoints.source,
    dryRun: bool('dry-run', raw['dry-run'] || 'false'),
    environment: raw.environment,
    githubToken: raw['github-token'],
    maxRequestsPerSecond: positiveNumber(
      'max-requests-per-second',
      raw['max-requests-per-second'] || '14',
      1000
    ),
    concurrency: positiveNumber('concurrency', raw.concurrency || '10', 100, true),
    keepVersions:
      raw['keep-versions'] === '' ? null : positiveNumber('keep-versions', raw['keep-versions'], 10000, true),
    ...engineInputs(raw, env, target)
  })
}

/** What is promoted: the functions, the alias, and the version or how to publish one. */
function targetInputs(
  raw: RawInputs
): Pick<Config, 'alias' | 'version' | 'publish'> & { functions: FunctionRef[] } {
  const names = splitList(raw['function-name'])
  if (names.length === 0)
    throw new InputError('function-name', raw['function-name'], 'a function name is required')
  const functions = names.map(parseFunctionRef)
  functions.forEach((fn, i) => {
    // The same name in two accounts is two functions; a name and its ARN are one.
    const twin = functions
      .slice(0, i)
      .find(o => o.name === fn.name && (o.account === fn.account || !o.account || !fn.account))
    if (twin) throw new InputError('function-name', fn.id, 'listed twice; name each function once')
  })
  if (raw.alias === '') throw new InputError('alias', '', 'an alias name is required (e.g. live)')
  const alias = validateAliasName('alias', raw.alias)
  const version = parseVersionSpec(raw.version)
  if (version?.kind === 'alias' && version.alias === alias) {
    throw new InputError(
      'version',
      raw.version,
      `names the alias being promoted; name another alias or a version number`
    )
  }
  const publish = oneOf('publish', raw.publish, ['auto', 'always'] as const)
  if (version && publish === 'always') {
    throw new InputError(
      'publish',
      raw.publish,
      'always cannot be combined with version (an existing version is promoted, nothing is published)'
    )
  }
  return { functions, alias, version, publish }
}

type AnalysisField = 'analysis' | 'minInvocations' | 'latencyTolerance'
type TimingField = 'metricsDelayMs' | 'metricsResolutionMs'

/** How traffic moves and how long it may take: the strategy, its plan, bake-time, wait and timeout. */
function scheduleInputs(
  raw: RawInputs,
  env: Record<string, string | undefined>
): Pick<Config, 'strategy' | 'bakeMs' | 'timeoutMs' | 'wait' | AnalysisField | TimingField> & {
  plan: PlanStep[]
} {
  const strategy = parseStrategy({
    strategy: raw.strategy,
    canaryPercent: raw['canary-percent'],
    linearPercent: raw['linear-percent'],
    interval: raw.interval,
    steps: raw.steps
  })
  const bakeMs = parseDuration('bake-time', raw['bake-time'] || '0')
  const timeoutMs = parseDuration('timeout', raw.timeout || '30m')
  if (timeoutMs <= 0) throw new InputError('timeout', raw.timeout, 'expected a positive duration such as 30m')
  const plan = buildPlan(strategy, bakeMs)
  const wait = bool('wait', raw.wait || 'true')
  const analysed = analysisInputs(raw, plan, wait)
  const metricsDelayMs = parseMetricsDelay(raw['metrics-delay'])
  const metricsResolutionMs = metricsResolution(env)
  // With wait: false this step holds no partial step, but a move all at once still bakes here. The
  // function's timeout is not known yet: the engine checks again once it is, before any change.
  const judged = analysed.analysis.length > 0 || analysed.minInvocations > 0
  const settling = { delayMs: metricsDelayMs, resolutionMs: metricsResolutionMs, functionTimeoutMs: 0 }
  const refusal = scheduleRefusal(wait ? plan : [{ weight: 1, holdMs: bakeMs }], judged, settling, timeoutMs)
  if (refusal) throw new InputError('timeout', raw.timeout, refusal)
  return { strategy, bakeMs, timeoutMs, plan, wait, ...analysed, metricsDelayMs, metricsResolutionMs }
}

function alarmInputs(raw: RawInputs): string[] {
  const alarms = splitList(raw.alarms)
  for (const name of alarms) {
    if (name.length > 255) throw new InputError('alarms', name, 'an alarm name is at most 255 characters')
  }
  if (new Set(alarms).size !== alarms.length)
    throw new InputError('alarms', raw.alarms, 'an alarm is listed twice')
  return alarms
}

function oneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find(option => option === value.toLowerCase())
  if (!found) throw new InputError(input, value, `expected ${allowed.join(' or ')}`)
  return found
}

// The runner's YAML 1.2 core schema booleans, as core.getBooleanInput accepts them.
function bool(input: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(input, value, 'expected true or false')
}

function positiveNumber(input: string, value: string, max: number, integer = false): number {
  const n = Number(value)
  const shape = integer ? /^\d+$/ : /^\d+(\.\d+)?$/
  if (!shape.test(value) || !(n > 0) || n > max) {
    throw new InputError(
      input,
      value,
      `expected a ${integer ? 'whole ' : ''}number greater than 0 and at most ${max}`
    )
  }
  return n
}

function json(input: string, value: string): string {
  try {
    JSON.parse(value)
    return value
  } catch (error) {
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value
    throw new InputError(input, shown, `expected JSON (${(error as Error).message})`)
  }
}

function smokeExpect(value: string, payload: string | null): string | null {
  if (value === '') return null
  const checked = json('smoke-test-expect', value)
  if (payload === null)
    throw new InputError('smoke-test-expect', value, 'needs smoke-test-payload (there is no reply to match)')
  return checked
}

function resolveRegion(
  input: string,
  env: Record<string, string | undefined>,
  functions: readonly FunctionRef[]
): string {
  const arnRegions = [...new Set(functions.map(fn => fn.region).filter((r): r is string => r !== undefined))]
  if (arnRegions.length > 1) {
    throw new InputError(
      'function-name',
      functions.map(f => f.id).join(','),
      'all functions must be in one region'
    )
  }
  const [source, region] = input
    ? ['region', input]
    : env.AWS_REGION
      ? ['AWS_REGION', env.AWS_REGION]
      : env.AWS_DEFAULT_REGION
        ? ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION]
        : ['function-name', arnRegions[0] ?? '']
  if (region === '') {
    throw new InputError(
      'region',
      '',
      'no region: set the region input or AWS_REGION, or name the function by its ARN'
    )
  }
  if (!isKnownRegion(region))
    throw new InputError(source, region, `expected an AWS region ${REGION_EXAMPLES}`)
  const arnRegion = arnRegions[0]
  if (arnRegion !== undefined && arnRegion !== region) {
    const fn = functions.find(f => f.region === arnRegion) as FunctionRef
    throw new InputError(
      'function-name',
      fn.id,
      `is in ${arnRegion} but the region is ${region} (from ${source}); make them agree`
    )
  }
  return region
}

const CHECKS = ['errors', 'latency'] as const

/** analysis, min-invocations and latency-tolerance, checked together: each only matters with the others. */
function analysisInputs(
  raw: RawInputs,
  plan: readonly PlanStep[],
  wait: boolean
): Pick<Config, AnalysisField> {
  const analysis = splitList(raw.analysis).map(c => oneOf('analysis', c, CHECKS))
  if (new Set(analysis).size !== analysis.length)
    throw new InputError(
      'analysis',
      raw.analysis,
      'a check is listed twice; expected errors, latency or both'
    )
  const min = raw['min-invocations']
  if (min !== '' && !/^\d+$/.test(min))
    throw new InputError(
      'min-invocations',
      min,
      'expected a whole number of invocations, 0 or more, such as 100'
    )
  const minInvocations = min === '' ? (analysis.length > 0 ? 100 : 0) : Number(min)
  if (minInvocations > 1_000_000_000)
    throw new InputError('min-invocations', min, 'expected at most 1000000000')
  const tolerance = (raw['latency-tolerance'] || '20%').trim()
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(tolerance)
  const percent = match ? Number(match[1]) : NaN
  // "0.2" could mean 20% (a fraction) or 0.2%: without the sign, only whole percentages are taken.
  if (match && match[2] === '' && percent < 1 && percent !== 0)
    throw new InputError('latency-tolerance', tolerance, 'write it as a percentage, such as 20%')
  if (!(percent >= 0 && percent <= 1000))
    throw new InputError(
      'latency-tolerance',
      tolerance,
      'expected a percentage from 0% to 1000%, such as 20%'
    )
  if (
    analysis.includes('latency') === false &&
    raw['latency-tolerance'] !== '' &&
    raw['latency-tolerance'] !== '20%'
  )
    throw new InputError(
      'latency-tolerance',
      tolerance,
      'only matters with analysis: latency; add it or drop this input'
    )
  // A setting that cannot matter is an error: a user who sets it expects it to.
  if ((analysis.length > 0 || minInvocations > 0) && plan.every(step => step.holdMs <= 0))
    throw new InputError(
      analysis.length > 0 ? 'analysis' : 'min-invocations',
      analysis.length > 0 ? raw.analysis : min,
      'needs a hold to judge: use a canary, linear or steps strategy, or bake-time'
    )
  // wait: false moves the first partial step and exits: no hold, so nothing is judged in this step.
  if ((analysis.length > 0 || minInvocations > 0) && !wait && plan.some(step => step.weight < 1))
    throw new InputError(
      analysis.length > 0 ? 'analysis' : 'min-invocations',
      analysis.length > 0 ? raw.analysis : min,
      'cannot take effect with wait: false, which moves the first step and exits without holding it; set wait: true, or set it on the run that finishes the rollout'
    )
  return { analysis, minInvocations, latencyTolerance: percent / 100 }
}
