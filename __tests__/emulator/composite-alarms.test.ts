// Composite alarms through the real SDK: rules over metric alarms with ALARM(), OK(),
// INSUFFICIENT_DATA(), TRUE, FALSE, NOT, AND, OR and parentheses; names or ARNs; DescribeAlarms lists
// them under CompositeAlarms; a rule that does not parse or names a missing alarm is a ValidationError.
import {
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand
} from '@aws-sdk/client-cloudwatch'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { failure, fakeClock, harness, type Harness } from './helpers.js'

const clock = fakeClock()
let h: Harness
const ARN = 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:'

beforeAll(async () => {
  h = await harness({ now: clock.now })
  for (const AlarmName of ['errors', 'latency', 'throttles']) {
    await h.cw.send(
      new PutMetricAlarmCommand({
        AlarmName,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold'
      })
    )
  }
})
afterAll(async () => h.close())

const set = (AlarmName: string, StateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA') =>
  h.cw.send(new SetAlarmStateCommand({ AlarmName, StateValue, StateReason: 'test' }))
const composite = async (name: string) =>
  (await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: [name], AlarmTypes: ['CompositeAlarm'] })))
    .CompositeAlarms?.[0]
const put = (AlarmName: string, AlarmRule: string) =>
  h.cw.send(new PutCompositeAlarmCommand({ AlarmName, AlarmRule, AlarmDescription: 'any trouble' }))

describe('rules', () => {
  test.each([
    ['ALARM(errors) OR ALARM(latency)', { errors: 'OK', latency: 'ALARM' }, 'ALARM'],
    ['ALARM(errors) OR ALARM(latency)', { errors: 'OK', latency: 'OK' }, 'OK'],
    ['ALARM(errors) AND ALARM(latency)', { errors: 'ALARM', latency: 'OK' }, 'OK'],
    ['ALARM(errors) AND NOT OK(latency)', { errors: 'ALARM', latency: 'INSUFFICIENT_DATA' }, 'ALARM'],
    ['INSUFFICIENT_DATA("latency")', { errors: 'OK', latency: 'INSUFFICIENT_DATA' }, 'ALARM'],
    [`ALARM(${ARN}errors) AND TRUE`, { errors: 'ALARM', latency: 'OK' }, 'ALARM'],
    ['ALARM(errors) AND FALSE', { errors: 'ALARM', latency: 'OK' }, 'OK'],
    // AND binds tighter than OR; parentheses change that.
    ['ALARM(errors) OR ALARM(latency) AND ALARM(throttles)', { errors: 'ALARM', latency: 'OK' }, 'ALARM'],
    ['(ALARM(errors) OR ALARM(latency)) AND ALARM(throttles)', { errors: 'ALARM', latency: 'OK' }, 'OK']
  ] as const)('%s with %j is %s', async (rule, states, expected) => {
    await set('throttles', 'OK')
    for (const [name, value] of Object.entries(states)) await set(name, value)
    await put('rule-under-test', rule)
    expect((await composite('rule-under-test'))?.StateValue).toBe(expected)
    await h.cw.send(new DeleteAlarmsCommand({ AlarmNames: ['rule-under-test'] }))
  })
})

test('a composite follows its children, with a reason naming the one that changed', async () => {
  await set('errors', 'OK')
  await set('latency', 'OK')
  await put('any-trouble', 'ALARM(errors) OR ALARM(latency)')
  const created = await composite('any-trouble')
  expect(created).toMatchObject({
    AlarmName: 'any-trouble',
    AlarmArn: `${ARN}any-trouble`,
    AlarmRule: 'ALARM(errors) OR ALARM(latency)',
    AlarmDescription: 'any trouble',
    StateValue: 'OK'
  })
  clock.advance(5000)
  await set('latency', 'ALARM')
  const tripped = await composite('any-trouble')
  expect(tripped?.StateValue).toBe('ALARM')
  expect(tripped?.StateReason).toMatch(new RegExp(`^${ARN}latency transitioned to ALARM at `))
  expect(tripped?.StateUpdatedTimestamp?.getTime()).toBe(clock.now())
  // DescribeAlarms lists metric alarms under MetricAlarms and composites under CompositeAlarms.
  const all = await h.cw.send(new DescribeAlarmsCommand({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }))
  expect(all.CompositeAlarms?.map(a => a.AlarmName)).toEqual(['any-trouble'])
  expect(all.MetricAlarms?.map(a => a.AlarmName)).toEqual(['errors', 'latency', 'throttles'])
  // Without AlarmTypes, only metric alarms, as CloudWatch does.
  const metricOnly = await h.cw.send(new DescribeAlarmsCommand({}))
  expect(metricOnly.CompositeAlarms).toEqual([])
  // SetAlarmState works on a composite too.
  await h.cw.send(
    new SetAlarmStateCommand({ AlarmName: 'any-trouble', StateValue: 'OK', StateReason: 'ack' })
  )
  expect((await composite('any-trouble'))?.StateValue).toBe('OK')
  await h.cw.send(new DeleteAlarmsCommand({ AlarmNames: ['any-trouble'] }))
})

test('a rule that does not parse or names a missing alarm is refused', async () => {
  for (const rule of ['ALARM(errors', 'ALARM(errors) XOR ALARM(latency)', 'SOMETIMES(errors)', '']) {
    const e = await failure(put('bad-rule', rule))
    expect([e.name, e.status]).toEqual(['ValidationException', 400])
  }
  const missing = await failure(put('bad-rule', 'ALARM(errors) OR ALARM(nope)'))
  expect(missing.message).toBe(
    'Could not save the composite alarm as alarms [nope] in the alarm rule do not exist'
  )
  expect(
    (await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['bad-rule'], AlarmTypes: ['CompositeAlarm'] })))
      .CompositeAlarms
  ).toEqual([])
})
