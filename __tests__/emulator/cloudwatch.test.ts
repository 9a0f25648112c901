// CloudWatch alarms through the real @aws-sdk/client-cloudwatch (AWS JSON 1.0, query-compatible errors).
import {
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
  type CloudWatchClient
} from '@aws-sdk/client-cloudwatch'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { failure, harness, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(async () => h.close())

async function putAlarm(cw: CloudWatchClient, AlarmName: string): Promise<void> {
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [
        { Name: 'FunctionName', Value: 'my-fn' },
        { Name: 'Resource', Value: 'my-fn:live' }
      ],
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold'
    })
  )
}

const describeOne = async (name: string) =>
  (await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0]

test('a new alarm is INSUFFICIENT_DATA and described with its configuration', async () => {
  const before = Date.now()
  await putAlarm(h.cw, 'errors-a')
  const out = await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['errors-a', 'not-there'] }))
  expect(out.CompositeAlarms).toEqual([])
  expect(out.MetricAlarms).toHaveLength(1)
  const alarm = out.MetricAlarms?.[0]
  expect(alarm).toMatchObject({
    AlarmName: 'errors-a',
    AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:errors-a',
    StateValue: 'INSUFFICIENT_DATA',
    Namespace: 'AWS/Lambda',
    MetricName: 'Errors',
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    ActionsEnabled: true
  })
  expect(alarm?.Dimensions).toHaveLength(2)
  expect(alarm?.StateUpdatedTimestamp).toBeInstanceOf(Date)
  expect(alarm?.StateUpdatedTimestamp?.getTime()).toBeGreaterThanOrEqual(before - 1000)
  const entry = h.emu.log.find(e => e.operation === 'PutMetricAlarm')
  expect(entry).toMatchObject({ service: 'cloudwatch', method: 'POST', path: '/', status: 200, write: true })
  expect(h.emu.log.at(-1)).toMatchObject({ operation: 'DescribeAlarms', write: false })
})

test('SetAlarmState flips the state; updating the alarm keeps it; admin can flip it too', async () => {
  await putAlarm(h.cw, 'errors-b')
  const out = await h.cw.send(
    new SetAlarmStateCommand({ AlarmName: 'errors-b', StateValue: 'ALARM', StateReason: 'test' })
  )
  expect(out.$metadata.httpStatusCode).toBe(200)
  expect(await describeOne('errors-b')).toMatchObject({ StateValue: 'ALARM', StateReason: 'test' })
  expect(h.emu.log.at(-2)).toMatchObject({ operation: 'SetAlarmState', write: true })
  await putAlarm(h.cw, 'errors-b')
  expect((await describeOne('errors-b'))?.StateValue).toBe('ALARM')
  h.emu.admin.setAlarmState('errors-b', 'OK')
  expect((await describeOne('errors-b'))?.StateValue).toBe('OK')
  const alarming = await h.cw.send(new DescribeAlarmsCommand({ StateValue: 'ALARM' }))
  expect(alarming.MetricAlarms?.map(a => a.AlarmName)).not.toContain('errors-b')
  expect(() => h.emu.admin.setAlarmState('nope', 'OK')).toThrow()
})

test('errors carry the query-compatible codes the SDK maps', async () => {
  const missing = await failure(
    h.cw.send(new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'ALARM', StateReason: 'x' }))
  )
  expect([missing.name, missing.status]).toEqual(['ResourceNotFound', 404])
  expect(h.emu.log.at(-1)?.errorType).toBe('ResourceNotFound')
  await putAlarm(h.cw, 'errors-c')
  const state = await failure(
    h.cw.send(
      new SetAlarmStateCommand({ AlarmName: 'errors-c', StateValue: 'BROKEN' as 'OK', StateReason: 'x' })
    )
  )
  expect([state.name, state.status]).toEqual(['ValidationException', 400])
  const data = await failure(
    h.cw.send(
      new SetAlarmStateCommand({
        AlarmName: 'errors-c',
        StateValue: 'OK',
        StateReason: 'x',
        StateReasonData: '{no'
      })
    )
  )
  expect([data.name, data.status]).toEqual(['InvalidFormatFault', 400])
  const combo = await failure(
    h.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['a'], AlarmNamePrefix: 'a' }))
  )
  expect([combo.name, combo.status]).toEqual(['InvalidParameterCombinationException', 400])
})

test('DescribeAlarms pages with NextToken', async () => {
  for (const n of ['page-1', 'page-2', 'page-3']) await putAlarm(h.cw, n)
  const first = await h.cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'page-', MaxRecords: 2 }))
  expect(first.MetricAlarms?.map(a => a.AlarmName)).toEqual(['page-1', 'page-2'])
  const second = await h.cw.send(
    new DescribeAlarmsCommand({ AlarmNamePrefix: 'page-', MaxRecords: 2, NextToken: first.NextToken })
  )
  expect(second.MetricAlarms?.map(a => a.AlarmName)).toEqual(['page-3'])
  expect(second.NextToken).toBeUndefined()
})
