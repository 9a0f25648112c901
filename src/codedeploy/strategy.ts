// Which CodeDeploy deployment configuration a strategy is, and what CodeDeploy cannot express. Pure: a
// refusal is one InputError naming the input, before anything is read or written.
import { InputError } from '../errors.js'
import type { Config } from '../inputs/config.js'
import { formatDuration } from '../inputs/duration.js'
import type { TrafficRouting } from './api.js'

export interface ConfigChoice {
  name: string
  /** CodeDeploy's own (CodeDeployDefault.*): never created, always there. */
  predefined: boolean
  routing: TrafficRouting
}

const MINUTE = 60_000
/** CodeDeploy's bounds for a custom Lambda configuration's interval, in minutes. */
const MAX_MINUTES = 2880
const PREDEFINED_CANARY_MINUTES = [5, 10, 15, 30]
const PREDEFINED_LINEAR_MINUTES = [1, 2, 3, 10]
/** Custom configurations this action creates, named from their numbers (created once, then reused). */
export const CUSTOM_PREFIX = 'LambdaPromote.'

type Settings = Pick<
  Config,
  'functions' | 'strategy' | 'bakeMs' | 'analysis' | 'minInvocations' | 'keepVersions'
>

/** The configuration for the strategy, or an InputError saying why CodeDeploy cannot do it and what to use. */
export function deploymentConfigFor(config: Settings): ConfigChoice {
  refuseWhatCodeDeployCannotDo(config)
  const s = config.strategy
  if (s.kind === 'all-at-once')
    return { name: 'CodeDeployDefault.LambdaAllAtOnce', predefined: true, routing: { type: 'AllAtOnce' } }
  if (s.kind === 'steps')
    throw new InputError(
      'steps',
      s.percents.join(','),
      'CodeDeploy shifts by canary or linear configurations only, not by explicit steps; use strategy canary or linear, or engine: action'
    )
  const percent = s.percent
  const inputName = s.kind === 'canary' ? 'canary-percent' : 'linear-percent'
  if (!Number.isInteger(percent) || percent < 1 || percent > 99)
    throw new InputError(
      inputName,
      String(percent),
      'CodeDeploy takes whole percentages from 1 to 99; round it, or use engine: action'
    )
  const minutes = s.intervalMs / MINUTE
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES)
    throw new InputError(
      'interval',
      formatDuration(s.intervalMs),
      `CodeDeploy counts intervals in whole minutes, from 1m to ${MAX_MINUTES / 60}h; use such an interval, or engine: action for sub-minute steps`
    )
  if (s.kind === 'canary') {
    const predefined = percent === 10 && PREDEFINED_CANARY_MINUTES.includes(minutes)
    return {
      name: predefined
        ? `CodeDeployDefault.LambdaCanary10Percent${minutes}Minutes`
        : `${CUSTOM_PREFIX}Canary${percent}Percent${minutes}Minute${minutes === 1 ? '' : 's'}`,
      predefined,
      routing: {
        type: 'TimeBasedCanary',
        timeBasedCanary: { canaryPercentage: percent, canaryInterval: minutes }
      }
    }
  }
  const predefined = percent === 10 && PREDEFINED_LINEAR_MINUTES.includes(minutes)
  const every = `${minutes}Minute${minutes === 1 ? '' : 's'}`
  return {
    name: predefined
      ? `CodeDeployDefault.LambdaLinear10PercentEvery${every}`
      : `${CUSTOM_PREFIX}Linear${percent}PercentEvery${every}`,
    predefined,
    routing: {
      type: 'TimeBasedLinear',
      timeBasedLinear: { linearPercentage: percent, linearInterval: minutes }
    }
  }
}

function refuseWhatCodeDeployCannotDo(config: Settings): void {
  if (config.functions.length > 1)
    throw new InputError(
      'function-name',
      config.functions.map(f => f.id).join(','),
      'engine: codedeploy deploys one function per deployment, so several cannot move in lockstep; use one step per function, or engine: action'
    )
  if (config.analysis.length > 0 || config.minInvocations > 0)
    throw new InputError(
      config.analysis.length > 0 ? 'analysis' : 'min-invocations',
      config.analysis.length > 0 ? config.analysis.join(',') : String(config.minInvocations),
      "CodeDeploy cannot compare the versions' metrics; it stops on the deployment group's alarms, so put the check in a CloudWatch alarm (alarms), or use engine: action"
    )
  if (config.bakeMs > 0)
    throw new InputError(
      'bake-time',
      formatDuration(config.bakeMs),
      'CodeDeploy ends the deployment once all traffic has moved, so nothing bakes after it; use an after-allow-traffic hook, or engine: action'
    )
}

/** Whether an existing custom configuration routes traffic as this run would (by its numbers, not its JSON). */
export function sameRouting(found: TrafficRouting, wanted: TrafficRouting): boolean {
  const numbers = (r: TrafficRouting): [string, number?, number?] =>
    r.type === 'TimeBasedCanary'
      ? [r.type, r.timeBasedCanary?.canaryPercentage, r.timeBasedCanary?.canaryInterval]
      : r.type === 'TimeBasedLinear'
        ? [r.type, r.timeBasedLinear?.linearPercentage, r.timeBasedLinear?.linearInterval]
        : [r.type]
  const [a, b] = [numbers(found), numbers(wanted)]
  return a.length === b.length && a.every((v, i) => v === b[i])
}
