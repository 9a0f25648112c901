// CloudWatch alarms and GetMetricData on the wire protocol the pinned @aws-sdk/client-cloudwatch speaks:
// AWS JSON 1.0 (POST /, X-Amz-Target: GraniteServiceVersion20100801.<Op>) with query-compatible errors.
// Timestamps are epoch seconds, the JSON codec's default.
import { ApiError, cloudwatchErrorResponse, cwError, cwValidation, type ApiResponse } from './errors.js'
import { getMetricData, type MetricsContext } from './get-metric-data.js'
import type { Place } from './names.js'
import type { AlarmStateValue } from './types.js'

export const CW_TARGET_PREFIX = 'GraniteServiceVersion20100801.'
export const CW_CONTENT_TYPE = 'application/x-amz-json-1.0'
export const CW_WRITES = new Set(['PutMetricAlarm', 'SetAlarmState'])

const STATES: AlarmStateValue[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA']
const OPERATORS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold'
]
// PutMetricAlarm fields that DescribeAlarms echoes back as they were sent.
const ECHOED = [
  'AlarmDescription',
  'MetricName',
  'Namespace',
  'Statistic',
  'ExtendedStatistic',
  'Period',
  'Unit',
  'EvaluationPeriods',
  'DatapointsToAlarm',
  'Threshold',
  'ComparisonOperator',
  'TreatMissingData',
  'EvaluateLowSampleCountPercentile',
  'Metrics',
  'ThresholdMetricId'
]

interface Alarm {
  name: string
  config: Record<string, unknown>
  configUpdated: number
  state: AlarmStateValue
  reason: string
  reasonData?: string
  stateUpdated: number
  stateTransitioned: number
}

export class Alarms {
  readonly byName = new Map<string, Alarm>()
  constructor(
    private readonly place: Place,
    readonly now: () => number = Date.now
  ) {}

  setState(name: string, state: AlarmStateValue, reason: string, reasonData?: string): void {
    const alarm = this.byName.get(name)
    if (alarm === undefined)
      throw cwError(404, 'ResourceNotFound', 'ResourceNotFound', `Alarm ${name} not found`)
    const now = this.now()
    if (alarm.state !== state) alarm.stateTransitioned = now
    alarm.state = state
    alarm.reason = reason
    alarm.stateUpdated = now
    if (reasonData === undefined) delete alarm.reasonData
    else alarm.reasonData = reasonData
  }

  describe(alarm: Alarm): Record<string, unknown> {
    const c = alarm.config
    const out: Record<string, unknown> = {
      AlarmName: alarm.name,
      AlarmArn: `arn:aws:cloudwatch:${this.place.region}:${this.place.accountId}:alarm:${alarm.name}`,
      AlarmConfigurationUpdatedTimestamp: alarm.configUpdated / 1000,
      ActionsEnabled: c.ActionsEnabled ?? true,
      OKActions: c.OKActions ?? [],
      AlarmActions: c.AlarmActions ?? [],
      InsufficientDataActions: c.InsufficientDataActions ?? [],
      StateValue: alarm.state,
      StateReason: alarm.reason,
      ...(alarm.reasonData !== undefined && { StateReasonData: alarm.reasonData }),
      StateUpdatedTimestamp: alarm.stateUpdated / 1000,
      Dimensions: c.Dimensions ?? [],
      StateTransitionedTimestamp: alarm.stateTransitioned / 1000
    }
    for (const key of ECHOED) if (c[key] !== undefined && c[key] !== null) out[key] = c[key]
    return out
  }
}

type Input = Record<string, unknown>

function str(input: Input, key: string, required: boolean, max = 255): string | undefined {
  const value = input[key]
  const field = key[0]?.toLowerCase() + key.slice(1)
  if (value === undefined || value === null) {
    if (required)
      throw cwValidation(
        `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`
      )
    return undefined
  }
  if (typeof value !== 'string') throw new ApiError(400, 'SerializationException', `${key} must be a string`)
  if (value.length < 1 || value.length > max) {
    throw cwValidation(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must have length between 1 and ${max}`
    )
  }
  return value
}

function oneOf<T extends string>(value: string | undefined, allowed: T[], field: string): T | undefined {
  if (value !== undefined && !allowed.includes(value as T)) {
    throw cwValidation(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`
    )
  }
  return value as T | undefined
}

function putMetricAlarm(alarms: Alarms, input: Input): ApiResponse {
  const name = str(input, 'AlarmName', true) as string
  oneOf(str(input, 'ComparisonOperator', true), OPERATORS, 'comparisonOperator')
  const periods = input.EvaluationPeriods
  if (typeof periods !== 'number' || !Number.isInteger(periods) || periods < 1) {
    throw cwValidation(
      `1 validation error detected: Value '${String(periods)}' at 'evaluationPeriods' failed to satisfy constraint: Member must have value greater than or equal to 1`
    )
  }
  if (input.MetricName === undefined && input.Metrics === undefined) {
    throw cwValidation('Exactly one of MetricName or Metrics must be specified.')
  }
  const now = alarms.now()
  const existing = alarms.byName.get(name)
  const config = structuredClone(input)
  if (existing !== undefined) {
    // An update overwrites the configuration and leaves the state alone.
    existing.config = config
    existing.configUpdated = now
  } else {
    alarms.byName.set(name, {
      name,
      config,
      configUpdated: now,
      state: 'INSUFFICIENT_DATA',
      reason: 'Unchecked: Initial alarm creation',
      stateUpdated: now,
      stateTransitioned: now
    })
  }
  return { status: 200 }
}

function describeAlarms(alarms: Alarms, input: Input): ApiResponse {
  const names = input.AlarmNames
  if (names !== undefined && (!Array.isArray(names) || names.length > 100)) {
    throw cwValidation('AlarmNames must be a list of at most 100 names')
  }
  const prefix = str(input, 'AlarmNamePrefix', false)
  if (names !== undefined && prefix !== undefined) {
    throw cwError(
      400,
      'InvalidParameterCombinationException',
      'InvalidParameterCombination',
      'AlarmNames and AlarmNamePrefix cannot be used together'
    )
  }
  const state = oneOf(str(input, 'StateValue', false), STATES, 'stateValue')
  const types = Array.isArray(input.AlarmTypes) ? input.AlarmTypes : ['MetricAlarm']
  const max = typeof input.MaxRecords === 'number' ? input.MaxRecords : 50
  if (!Number.isInteger(max) || max < 1 || max > 100)
    throw cwValidation('MaxRecords must be between 1 and 100')
  const token = str(input, 'NextToken', false, 1024)
  const start = token === undefined ? 0 : Number(token)
  if (!Number.isInteger(start) || start < 0)
    throw cwError(400, 'InvalidNextToken', 'InvalidNextToken', 'The service returned an invalid next token.')
  const matching = [...alarms.byName.values()]
    .filter(a => names === undefined || (names as unknown[]).includes(a.name))
    .filter(a => prefix === undefined || a.name.startsWith(prefix))
    .filter(a => state === undefined || a.state === state)
    .sort((a, b) => (a.name < b.name ? -1 : 1))
  const selected = types.includes('MetricAlarm') ? matching : []
  const page = selected.slice(start, start + max)
  const more = start + max < selected.length
  return {
    status: 200,
    json: {
      MetricAlarms: page.map(a => alarms.describe(a)),
      CompositeAlarms: [],
      ...(more && { NextToken: String(start + max) })
    }
  }
}

function setAlarmState(alarms: Alarms, input: Input): ApiResponse {
  const name = str(input, 'AlarmName', true) as string
  const state = oneOf(str(input, 'StateValue', true), STATES, 'stateValue') as AlarmStateValue
  const reason = str(input, 'StateReason', true, 1023) as string
  const data = str(input, 'StateReasonData', false, 4000)
  if (data !== undefined) {
    try {
      JSON.parse(data)
    } catch {
      throw cwError(400, 'InvalidFormatFault', 'InvalidFormat', 'StateReasonData is not valid JSON')
    }
  }
  alarms.setState(name, state, reason, data)
  return { status: 200 }
}

export interface CloudWatchContext extends MetricsContext {
  alarms: Alarms
}

const HANDLERS: Record<string, (cw: CloudWatchContext, input: Input) => ApiResponse> = {
  PutMetricAlarm: (cw, input) => putMetricAlarm(cw.alarms, input),
  DescribeAlarms: (cw, input) => describeAlarms(cw.alarms, input),
  SetAlarmState: (cw, input) => setAlarmState(cw.alarms, input),
  GetMetricData: getMetricData
}

export function handleCloudWatch(
  cw: CloudWatchContext,
  operation: string,
  json: unknown,
  jsonError?: string
): ApiResponse {
  try {
    const handler = HANDLERS[operation]
    if (handler === undefined) {
      throw new ApiError(
        400,
        'UnknownOperationException',
        `Operation ${operation} is not supported by the emulator`
      )
    }
    if (
      jsonError !== undefined ||
      (json !== undefined && (typeof json !== 'object' || json === null || Array.isArray(json)))
    ) {
      throw new ApiError(
        400,
        'SerializationException',
        `Malformed JSON request body: ${jsonError ?? 'not an object'}`
      )
    }
    const response = handler(cw, (json ?? {}) as Input)
    return { ...response, headers: { 'Content-Type': CW_CONTENT_TYPE, ...response.headers } }
  } catch (e) {
    if (e instanceof ApiError) return cloudwatchErrorResponse(e)
    throw e
  }
}
