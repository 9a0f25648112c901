// Denials injected as fault rules ({operation, deny: true}), in-process and through the control API:
// 403 AccessDeniedException with IAM's message naming the principal, the action (lambda:InvokeFunction
// for Invoke) and the ARN the call addresses; CloudWatch answers the same in JSON 1.0 and AccessDenied
// in the query protocol. Nothing changes when a call is denied.
import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand
} from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateAliasCommand
} from '@aws-sdk/client-lambda'
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals'
import { CONTROL_PREFIX } from '../../emulator/index.js'
import { createFunction, failure, harness, type Harness } from './helpers.js'

let h: Harness
const ROLE = 'arn:aws:sts::123456789012:assumed-role/lambda-promote-emulator/emulator'
const FN = 'arn:aws:lambda:us-east-1:123456789012:function:dn'
const denied = (action: string, resource: string, principal = ROLE) =>
  `User: ${principal} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`

beforeAll(async () => {
  h = await harness()
  await createFunction(h.lambda, 'dn')
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'dn' }))
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'dn', Description: 'same code: still 1' }))
  await h.lambda.send(new CreateAliasCommand({ FunctionName: 'dn', Name: 'live', FunctionVersion: '1' }))
  await h.cw.send(
    new PutMetricAlarmCommand({
      AlarmName: 'dn-errors',
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold'
    })
  )
})
afterEach(() => h.emu.faults.clear())
afterAll(async () => h.close())

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${h.emu.url}${CONTROL_PREFIX}${path}`, {
    method,
    ...(body !== undefined && { body: JSON.stringify(body) })
  })

test('in-process: UpdateAlias denied on the alias ARN, and the alias stays', async () => {
  h.emu.faults.add({ operation: 'UpdateAlias', deny: true })
  const e = await failure(
    h.lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'dn',
        Name: 'live',
        RoutingConfig: { AdditionalVersionWeights: {} }
      })
    )
  )
  expect([e.name, e.status, e.message]).toEqual([
    'AccessDeniedException',
    403,
    denied('lambda:UpdateAlias', `${FN}:live`)
  ])
  expect(h.emu.log.at(-1)).toMatchObject({
    operation: 'UpdateAlias',
    status: 403,
    fault: 'deny',
    errorType: 'AccessDeniedException'
  })
  const alias = await h.lambda.send(new GetAliasCommand({ FunctionName: 'dn', Name: 'live' }))
  expect(alias.FunctionVersion).toBe('1')
})

test('the resource is the ARN the call addresses; Invoke is lambda:InvokeFunction', async () => {
  h.emu.faults.add({
    operation: ['Invoke', 'GetFunctionConfiguration'],
    deny: true,
    principal: 'arn:aws:sts::123456789012:assumed-role/deployer/gh'
  })
  const invoke = await failure(h.lambda.send(new InvokeCommand({ FunctionName: 'dn', Qualifier: 'live' })))
  expect(invoke.message).toBe(
    denied('lambda:InvokeFunction', `${FN}:live`, 'arn:aws:sts::123456789012:assumed-role/deployer/gh')
  )
  const version = await failure(
    h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'dn', Qualifier: '1' }))
  )
  expect(version.message).toContain(`lambda:GetFunctionConfiguration on resource: ${FN}:1 because`)
  const byArn = await failure(h.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: FN })))
  expect(byArn.message).toContain(`on resource: ${FN} because`)
})

test('control API: UpdateAlias denied through POST /_emulator/faults', async () => {
  const res = await control('POST', '/faults', { operation: 'UpdateAlias', deny: true, times: 1 })
  expect([res.status, await res.json()]).toEqual([
    201,
    { added: { operation: 'UpdateAlias', deny: true, times: 1 } }
  ])
  const e = await failure(
    h.lambda.send(new UpdateAliasCommand({ FunctionName: `${FN}:live`, Name: 'live', FunctionVersion: '1' }))
  )
  expect([e.name, e.status, e.message]).toEqual([
    'AccessDeniedException',
    403,
    denied('lambda:UpdateAlias', `${FN}:live`)
  ])
  await h.lambda.send(new UpdateAliasCommand({ FunctionName: 'dn', Name: 'live', FunctionVersion: '1' }))
})

test('times: 1 denies the next call only', async () => {
  h.emu.faults.add({ operation: 'GetAlias', deny: true, times: 1 })
  expect(
    (await failure(h.lambda.send(new GetAliasCommand({ FunctionName: 'dn', Name: 'live' })))).status
  ).toBe(403)
  expect((await h.lambda.send(new GetAliasCommand({ FunctionName: 'dn', Name: 'live' }))).Name).toBe('live')
})

test('control API: DescribeAlarms denied on the alarm ARN (JSON 1.0), GetMetricData on *', async () => {
  const res = await control('POST', '/faults', { operation: ['DescribeAlarms', 'GetMetricData'], deny: true })
  expect(res.status).toBe(201)
  const e = await failure(h.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['dn-errors'] })))
  expect([e.status, e.message]).toEqual([
    403,
    denied('cloudwatch:DescribeAlarms', 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:dn-errors')
  ])
  // The SDK names a query-compatible error by its query code.
  expect(e.name).toBe('AccessDenied')
  const raw = await fetch(`${h.emu.url}/`, {
    method: 'POST',
    headers: {
      'X-Amz-Target': 'GraniteServiceVersion20100801.DescribeAlarms',
      'Content-Type': 'application/x-amz-json-1.0'
    },
    body: '{}'
  })
  expect([raw.status, raw.headers.get('x-amzn-query-error')]).toEqual([403, 'AccessDenied;Sender'])
  expect(((await raw.json()) as { __type: string }).__type).toBe(
    'com.amazon.coral.service#AccessDeniedException'
  )
  const metrics = await failure(
    h.cw.send(
      new GetMetricDataCommand({ StartTime: new Date(0), EndTime: new Date(60000), MetricDataQueries: [] })
    )
  )
  expect(metrics.message).toBe(denied('cloudwatch:GetMetricData', '*'))
})

test('query protocol: AccessDenied in an ErrorResponse', async () => {
  h.emu.faults.add({ operation: 'SetAlarmState', deny: true })
  const res = await fetch(`${h.emu.url}/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'Action=SetAlarmState&Version=2010-08-01&AlarmName=dn-errors&StateValue=ALARM&StateReason=x'
  })
  const text = await res.text()
  expect(res.status).toBe(403)
  expect(text).toContain('<Error><Type>Sender</Type><Code>AccessDenied</Code>')
  expect(text).toContain(
    `<Message>${denied('cloudwatch:SetAlarmState', 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:dn-errors')}</Message>`
  )
  const alarm = await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['dn-errors'] }))
  expect(alarm.MetricAlarms?.[0]?.StateValue).toBe('INSUFFICIENT_DATA')
})

test('control API: a deny rule is read strictly', async () => {
  for (const body of [
    { operation: 'UpdateAlias', deny: 'yes' },
    { operation: 'UpdateAlias', principal: '' },
    { operation: 'UpdateAlias' }
  ]) {
    const res = await control('POST', '/faults', body)
    expect(res.status).toBe(400)
  }
})
