// CloudWatch's query protocol (what AWS CLI 2.9 and older SDKs speak): form-encoded `Action=…` bodies
// posted to `/`, lists as `X.member.N`, answers as XML in CloudWatch's namespace, errors as
// <ErrorResponse>. Every operation, parsed with a real XML parser, and seen by the JSON SDK alongside.
// (The Debian AWS CLI itself runs against the emulator in scripts/seed-check.ts, which .ci/run runs.)
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { JSDOM } from 'jsdom'
import { fakeClock, harness, type Harness } from './helpers.js'

const NS = 'http://monitoring.amazonaws.com/doc/2010-08-01/'
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0)
const clock = fakeClock(T0)
let h: Harness
const parser = new new JSDOM('').window.DOMParser()

beforeAll(async () => {
  h = await harness({ now: clock.now })
})
afterAll(async () => h.close())

interface Answer {
  status: number
  type: string | null
  doc: Document
  text(path: string): string[] // text of every element at a slash-separated path below the root
}

async function query(Action: string, params: Record<string, string | number> = {}): Promise<Answer> {
  const body = new URLSearchParams({ Action, Version: '2010-08-01' })
  for (const [k, v] of Object.entries(params)) body.append(k, String(v))
  const res = await fetch(`${h.emu.url}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body
  })
  const doc = parser.parseFromString(await res.text(), 'text/xml')
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
  const text = (path: string): string[] => {
    let nodes: Element[] = [doc.documentElement]
    for (const name of path.split('/')) {
      nodes = nodes.flatMap(n => [...n.children].filter(c => c.localName === name))
    }
    return nodes.map(n => n.textContent ?? '')
  }
  return { status: res.status, type: res.headers.get('content-type'), doc, text }
}

const alarmParams = (name: string, extra: Record<string, string | number> = {}) => ({
  AlarmName: name,
  Namespace: 'AWS/Lambda',
  MetricName: 'Errors',
  'Dimensions.member.1.Name': 'FunctionName',
  'Dimensions.member.1.Value': 'q-fn',
  'Dimensions.member.2.Name': 'Resource',
  'Dimensions.member.2.Value': 'q-fn:live',
  Statistic: 'Sum',
  Period: 60,
  EvaluationPeriods: 1,
  Threshold: 1,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  TreatMissingData: 'notBreaching',
  ...extra
})

describe('operations', () => {
  test('PutMetricAlarm, then DescribeAlarms answers XML with lists as member elements', async () => {
    const put = await query('PutMetricAlarm', alarmParams('q-errors'))
    expect([put.status, put.type]).toEqual([200, 'text/xml'])
    expect(put.doc.documentElement.localName).toBe('PutMetricAlarmResponse')
    expect(put.doc.documentElement.namespaceURI).toBe(NS)
    expect(put.text('ResponseMetadata/RequestId')[0]).toMatch(/^[0-9a-f-]{36}$/)

    const d = await query('DescribeAlarms', { 'AlarmNames.member.1': 'q-errors' })
    expect(d.status).toBe(200)
    const alarm = 'DescribeAlarmsResult/MetricAlarms/member'
    expect(d.text(`${alarm}/AlarmName`)).toEqual(['q-errors'])
    expect(d.text(`${alarm}/StateValue`)).toEqual(['INSUFFICIENT_DATA'])
    expect(d.text(`${alarm}/Dimensions/member/Value`)).toEqual(['q-fn', 'q-fn:live'])
    expect(d.text(`${alarm}/Period`)).toEqual(['60'])
    expect(d.text(`${alarm}/TreatMissingData`)).toEqual(['notBreaching'])
    expect(d.text(`${alarm}/StateUpdatedTimestamp`)).toEqual([new Date(T0).toISOString()])
    expect(d.text('DescribeAlarmsResult/CompositeAlarms')).toEqual([''])
    // The JSON SDK sees the same alarm.
    const json = await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['q-errors'] }))
    expect(json.MetricAlarms?.[0]?.Dimensions).toEqual([
      { Name: 'FunctionName', Value: 'q-fn' },
      { Name: 'Resource', Value: 'q-fn:live' }
    ])
  })

  test('SetAlarmState and DeleteAlarms', async () => {
    await h.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'q-json',
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold'
      })
    )
    const set = await query('SetAlarmState', {
      AlarmName: 'q-json',
      StateValue: 'ALARM',
      StateReason: 'from <query>'
    })
    expect([set.status, set.doc.documentElement.localName]).toEqual([200, 'SetAlarmStateResponse'])
    const d = await query('DescribeAlarms', { 'AlarmNames.member.1': 'q-json' })
    expect(d.text('DescribeAlarmsResult/MetricAlarms/member/StateReason')).toEqual(['from <query>'])
    const del = await query('DeleteAlarms', { 'AlarmNames.member.1': 'q-json' })
    expect(del.status).toBe(200)
    const after = await query('DescribeAlarms', { AlarmNamePrefix: 'q-json' })
    expect(after.text('DescribeAlarmsResult/MetricAlarms/member')).toEqual([])
  })

  test('PutMetricData, then GetMetricData with ISO timestamps', async () => {
    clock.advance(5000)
    const put = await query('PutMetricData', {
      Namespace: 'Q/Test',
      'MetricData.member.1.MetricName': 'Depth',
      'MetricData.member.1.Dimensions.member.1.Name': 'Queue',
      'MetricData.member.1.Dimensions.member.1.Value': 'jobs',
      'MetricData.member.1.Value': 7,
      'MetricData.member.1.Unit': 'Count',
      'MetricData.member.2.MetricName': 'Depth',
      'MetricData.member.2.Dimensions.member.1.Name': 'Queue',
      'MetricData.member.2.Dimensions.member.1.Value': 'jobs',
      'MetricData.member.2.StatisticValues.SampleCount': 2,
      'MetricData.member.2.StatisticValues.Sum': 10,
      'MetricData.member.2.StatisticValues.Minimum': 4,
      'MetricData.member.2.StatisticValues.Maximum': 6,
      'MetricData.member.2.Unit': 'Count'
    })
    expect(put.status).toBe(200)
    const q = 'MetricDataQueries.member.1'
    const get = await query('GetMetricData', {
      StartTime: new Date(T0).toISOString(),
      EndTime: new Date(T0 + 60000).toISOString(),
      [`${q}.Id`]: 'd',
      [`${q}.MetricStat.Metric.Namespace`]: 'Q/Test',
      [`${q}.MetricStat.Metric.MetricName`]: 'Depth',
      [`${q}.MetricStat.Metric.Dimensions.member.1.Name`]: 'Queue',
      [`${q}.MetricStat.Metric.Dimensions.member.1.Value`]: 'jobs',
      [`${q}.MetricStat.Period`]: 60,
      [`${q}.MetricStat.Stat`]: 'Sum',
      [`${q}.ReturnData`]: 'true'
    })
    expect(get.status).toBe(200)
    const r = 'GetMetricDataResult/MetricDataResults/member'
    expect(get.text(`${r}/Id`)).toEqual(['d'])
    expect(get.text(`${r}/Timestamps/member`)).toEqual([new Date(T0).toISOString()])
    expect(get.text(`${r}/Values/member`)).toEqual(['17'])
    expect(get.text(`${r}/StatusCode`)).toEqual(['Complete'])
  })

  test('PutCompositeAlarm, listed under CompositeAlarms', async () => {
    await query('PutMetricAlarm', alarmParams('q-child'))
    const put = await query('PutCompositeAlarm', {
      AlarmName: 'q-any',
      AlarmRule: 'ALARM("q-child") OR ALARM(q-errors)'
    })
    expect(put.status).toBe(200)
    await query('SetAlarmState', { AlarmName: 'q-child', StateValue: 'ALARM', StateReason: 'x' })
    const d = await query('DescribeAlarms', {
      'AlarmTypes.member.1': 'CompositeAlarm',
      'AlarmTypes.member.2': 'MetricAlarm'
    })
    const c = 'DescribeAlarmsResult/CompositeAlarms/member'
    expect(d.text(`${c}/AlarmName`)).toEqual(['q-any'])
    expect(d.text(`${c}/AlarmRule`)).toEqual(['ALARM("q-child") OR ALARM(q-errors)'])
    expect(d.text(`${c}/StateValue`)).toEqual(['ALARM'])
    expect(d.text('DescribeAlarmsResult/MetricAlarms/member/AlarmName')).toEqual(['q-child', 'q-errors'])
  })
})

describe('errors', () => {
  test.each([
    [
      'PutMetricAlarm',
      alarmParams('q-bad', { Period: 20 }),
      400,
      'ValidationError',
      'Period must be 10, 30 or a multiple of 60'
    ],
    [
      'SetAlarmState',
      { AlarmName: 'q-none', StateValue: 'OK', StateReason: 'x' },
      404,
      'ResourceNotFound',
      'Alarm q-none not found'
    ],
    [
      'PutCompositeAlarm',
      { AlarmName: 'q-c', AlarmRule: 'ALARM(q-none)' },
      400,
      'ValidationError',
      'Could not save the composite alarm as alarms [q-none] in the alarm rule do not exist'
    ],
    ['DescribeAlarms', { StateValue: 'BAD' }, 400, 'ValidationError', undefined],
    ['ListDashboards', {}, 400, 'InvalidAction', undefined]
  ] as const)('%s answers an ErrorResponse', async (action, params, status, code, message) => {
    const a = await query(action, params as Record<string, string>)
    expect(a.status).toBe(status)
    expect(a.doc.documentElement.localName).toBe('ErrorResponse')
    expect(a.doc.documentElement.namespaceURI).toBe(NS)
    expect(a.text('Error/Type')).toEqual(['Sender'])
    expect(a.text('Error/Code')).toEqual([code])
    if (message !== undefined) expect(a.text('Error/Message')).toEqual([message])
    expect(a.text('RequestId')[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(h.emu.log.at(-1)).toMatchObject({ service: 'cloudwatch', operation: action, status })
  })
})
