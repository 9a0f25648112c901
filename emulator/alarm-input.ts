// Reading PutMetricAlarm and PutCompositeAlarm input with CloudWatch's ValidationError wording, and
// turning a metric alarm's configuration into what evaluate.ts needs.
import { parseRule, referencedAlarms, type Rule } from './alarm-rule.js'
import { ApiError, cwValidation } from './errors.js'
import { evaluableOperator, type MetricAlarmSpec, type TreatMissingData } from './evaluate.js'
import { parseStat } from './statistics.js'

type Input = Record<string, unknown>

export const OPERATORS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold'
]
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']
const TREAT_MISSING: TreatMissingData[] = ['breaching', 'notBreaching', 'ignore', 'missing']

const camel = (key: string): string => key[0]!.toLowerCase() + key.slice(1)

export function str(input: Input, key: string, required: boolean, max = 255): string | undefined {
  const value = input[key]
  if (value === undefined || value === null) {
    if (required)
      throw cwValidation(
        `1 validation error detected: Value null at '${camel(key)}' failed to satisfy constraint: Member must not be null`
      )
    return undefined
  }
  if (typeof value !== 'string') throw new ApiError(400, 'SerializationException', `${key} must be a string`)
  if (value.length < 1 || value.length > max) {
    throw cwValidation(
      `1 validation error detected: Value '${value}' at '${camel(key)}' failed to satisfy constraint: Member must have length between 1 and ${max}`
    )
  }
  return value
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string
): T | undefined {
  if (value !== undefined && !allowed.includes(value as T)) {
    throw cwValidation(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`
    )
  }
  return value as T | undefined
}

function int(input: Input, key: string, min: number): number | undefined {
  const value = input[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw cwValidation(
      `1 validation error detected: Value '${String(value)}' at '${camel(key)}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`
    )
  }
  return value
}

// Validates PutMetricAlarm; throws ValidationError as CloudWatch words it.
export function checkMetricAlarm(input: Input): void {
  str(input, 'AlarmName', true)
  oneOf(str(input, 'ComparisonOperator', true), OPERATORS, 'comparisonOperator')
  const periods = int(input, 'EvaluationPeriods', 1)
  if (periods === undefined) {
    throw cwValidation(
      `1 validation error detected: Value 'null' at 'evaluationPeriods' failed to satisfy constraint: Member must not be null`
    )
  }
  if ((input.MetricName === undefined) === (input.Metrics === undefined)) {
    throw cwValidation('Exactly one of MetricName or Metrics must be specified.')
  }
  const toAlarm = int(input, 'DatapointsToAlarm', 1)
  if (toAlarm !== undefined && toAlarm > periods) {
    throw cwValidation('DatapointsToAlarm must be less than or equal to EvaluationPeriods')
  }
  oneOf(str(input, 'TreatMissingData', false), TREAT_MISSING, 'treatMissingData')
  if (input.MetricName === undefined) return
  str(input, 'MetricName', true)
  str(input, 'Namespace', true)
  const period = int(input, 'Period', 1)
  if (period === undefined) throw cwValidation('Period must not be null')
  if (period !== 10 && period !== 30 && period % 60 !== 0) {
    throw cwValidation('Period must be 10, 30 or a multiple of 60')
  }
  const statistic = oneOf(str(input, 'Statistic', false), STATISTICS, 'statistic')
  const extended = str(input, 'ExtendedStatistic', false)
  if ((statistic === undefined) === (extended === undefined)) {
    throw cwValidation('Exactly one of Statistic or ExtendedStatistic must be specified.')
  }
  if (extended !== undefined && !/^p\d/.test(extended)) {
    throw cwValidation(`The value ${extended} for parameter ExtendedStatistic is not supported.`)
  }
  if (extended !== undefined && 'error' in parseStat(extended)) {
    throw cwValidation(`The value ${extended} for parameter ExtendedStatistic is not supported.`)
  }
  if (input.ThresholdMetricId === undefined && typeof input.Threshold !== 'number') {
    throw cwValidation('Threshold must not be null unless ThresholdMetricId is set')
  }
}

// What evaluate.ts needs, or undefined for an alarm the emulator does not evaluate (metric math,
// anomaly detection): such an alarm changes state only through SetAlarmState.
export function metricAlarmSpec(c: Input): MetricAlarmSpec | undefined {
  if (typeof c.MetricName !== 'string' || typeof c.Threshold !== 'number') return undefined
  const operator = c.ComparisonOperator as string
  if (!evaluableOperator(operator)) return undefined
  const statName = (c.Statistic ?? c.ExtendedStatistic) as string
  const parsed = parseStat(statName)
  if ('error' in parsed) return undefined
  const periods = c.EvaluationPeriods as number
  return {
    namespace: c.Namespace as string,
    metricName: c.MetricName,
    dimensions: (c.Dimensions as MetricAlarmSpec['dimensions'] | undefined) ?? [],
    statName,
    stat: parsed.stat,
    ...(typeof c.Unit === 'string' && { unit: c.Unit }),
    periodMs: (c.Period as number) * 1000,
    evaluationPeriods: periods,
    datapointsToAlarm: (c.DatapointsToAlarm as number | undefined) ?? periods,
    threshold: c.Threshold,
    operator,
    treatMissingData: (c.TreatMissingData as TreatMissingData | undefined) ?? 'missing'
  }
}

// PutCompositeAlarm: the rule must parse and name alarms that exist.
export function checkCompositeAlarm(
  input: Input,
  exists: (alarm: string) => boolean,
  nameOf: (alarm: string) => string
): Rule {
  const name = str(input, 'AlarmName', true)!
  const text = str(input, 'AlarmRule', true, 10240)!
  let rule: Rule
  try {
    rule = parseRule(text)
  } catch (e) {
    throw cwValidation(`Error in alarm rule: ${(e as Error).message}`)
  }
  const missing = referencedAlarms(rule).filter(a => !exists(a))
  if (missing.length > 0) {
    throw cwValidation(
      `Could not save the composite alarm as alarms [${missing.join(', ')}] in the alarm rule do not exist`
    )
  }
  if (referencedAlarms(rule).some(a => nameOf(a) === name))
    throw cwValidation('A composite alarm cannot refer to itself.')
  return rule
}
