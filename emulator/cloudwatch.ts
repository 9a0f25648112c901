// CloudWatch alarms, GetMetricData and PutMetricData on the wire protocol the pinned
// @aws-sdk/client-cloudwatch speaks: AWS JSON 1.0 (POST /, X-Amz-Target: GraniteServiceVersion20100801.<Op>)
// with query-compatible errors. Timestamps are epoch seconds, the JSON codec's default. The query
// protocol (query-protocol.ts) translates to and from the same handlers.
import { ApiError, cloudwatchErrorResponse, cwError, cwValidation, type ApiResponse } from './errors.js'
import { checkCompositeAlarm, checkMetricAlarm, oneOf, str } from './alarm-input.js'
import type { Alarm, Alarms } from './alarms.js'
import { getMetricData, type MetricsContext } from './get-metric-data.js'
import { putMetricData } from './put-metric-data.js'
import type { AlarmStateValue } from './types.js'

export const CW_TARGET_PREFIX = 'GraniteServiceVersion20100801.'
export const CW_CONTENT_TYPE = 'application/x-amz-json-1.0'
export const CW_WRITES = new Set([
  'PutMetricAlarm',
  'PutCompositeAlarm',
  'SetAlarmState',
  'DeleteAlarms',
  'PutMetricData'
])

const STATES: AlarmStateValue[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA']
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

type Input = Record<string, unknown>

function describe(alarms: Alarms, alarm: Alarm): Record<string, unknown> {
  const out = alarms.describe(alarm)
  const c = alarm.config
  if (alarm.kind === 'composite') {
    out.AlarmRule = c.AlarmRule
    if (c.AlarmDescription !== undefined) out.AlarmDescription = c.AlarmDescription
    return out
  }
  out.Dimensions = c.Dimensions ?? []
  for (const key of ECHOED) if (c[key] !== undefined && c[key] !== null) out[key] = c[key]
  return out
}

function putMetricAlarm(alarms: Alarms, input: Input): ApiResponse {
  checkMetricAlarm(input)
  alarms.putMetric(structuredClone(input))
  return { status: 200 }
}

function putCompositeAlarm(alarms: Alarms, input: Input): ApiResponse {
  const rule = checkCompositeAlarm(
    input,
    ref => alarms.byName.has(alarms.nameOf(ref)),
    ref => alarms.nameOf(ref)
  )
  alarms.putComposite(structuredClone(input), rule)
  return { status: 200 }
}

function deleteAlarms(alarms: Alarms, input: Input): ApiResponse {
  const names = input.AlarmNames
  if (!Array.isArray(names) || names.length > 100 || names.some(n => typeof n !== 'string')) {
    throw cwValidation('The parameter AlarmNames must be a list of at most 100 alarm names.')
  }
  alarms.delete(names as string[])
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
  const wanted = (a: Alarm): boolean => types.includes(a.kind === 'metric' ? 'MetricAlarm' : 'CompositeAlarm')
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
  const selected = matching.filter(wanted)
  const page = selected.slice(start, start + max)
  const more = start + max < selected.length
  return {
    status: 200,
    json: {
      MetricAlarms: page.filter(a => a.kind === 'metric').map(a => describe(alarms, a)),
      CompositeAlarms: page.filter(a => a.kind === 'composite').map(a => describe(alarms, a)),
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
  PutCompositeAlarm: (cw, input) => putCompositeAlarm(cw.alarms, input),
  DescribeAlarms: (cw, input) => describeAlarms(cw.alarms, input),
  SetAlarmState: (cw, input) => setAlarmState(cw.alarms, input),
  DeleteAlarms: (cw, input) => deleteAlarms(cw.alarms, input),
  GetMetricData: getMetricData,
  PutMetricData: putMetricData
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
        `Operation ${operation} is not supported by the emulator`,
        {
          queryCode: 'InvalidAction'
        }
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
    // Alarms catch up with the clock before anything reads or changes them.
    cw.alarms.catchUp()
    const response = handler(cw, (json ?? {}) as Input)
    return { ...response, headers: { 'Content-Type': CW_CONTENT_TYPE, ...response.headers } }
  } catch (e) {
    if (e instanceof ApiError) return cloudwatchErrorResponse(e)
    throw e
  }
}
