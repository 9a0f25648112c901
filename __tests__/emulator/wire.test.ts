// The wire itself, below the SDK: error envelopes and body casing, percent-decoding, malformed JSON,
// unknown paths, and a server that keeps answering whatever it is sent.
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { ROLE } from './helpers.js'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ region: 'eu-west-1', accountId: '111122223333' })
  await call('POST', '/2015-03-31/functions', {
    FunctionName: 'wire',
    Role: ROLE,
    Runtime: 'nodejs20.x',
    Handler: 'index.handler',
    Code: { ZipFile: Buffer.from('zip').toString('base64') }
  })
  await call('POST', '/2015-03-31/functions/wire/versions', {})
  await call('POST', '/2015-03-31/functions/wire/aliases', { Name: 'live', FunctionVersion: '1' })
})
afterAll(async () => emu.close())

interface Reply {
  status: number
  headers: Headers
  body: Record<string, unknown>
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<Reply> {
  const res = await fetch(emu.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) })
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {}
  }
}

describe('Lambda error envelope', () => {
  test('404: x-amzn-ErrorType, x-amzn-RequestId, {Type, Message}', async () => {
    const r = await call('GET', '/2015-03-31/functions/missing')
    expect(r.status).toBe(404)
    expect(r.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException')
    expect(r.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/)
    expect(r.body).toEqual({
      Type: 'User',
      Message: 'Function not found: arn:aws:lambda:eu-west-1:111122223333:function:missing'
    })
  })

  test('400 / 409 / 412: {Type, message}', async () => {
    const ipve = await call('POST', '/2015-03-31/functions/wire/versions', { CodeSha256: 'nope' })
    expect([ipve.status, ipve.headers.get('x-amzn-errortype')]).toEqual([
      400,
      'InvalidParameterValueException'
    ])
    expect(Object.keys(ipve.body).sort()).toEqual(['Type', 'message'])
    const dup = await call('POST', '/2015-03-31/functions/wire/aliases', {
      Name: 'live',
      FunctionVersion: '1'
    })
    expect([dup.status, dup.headers.get('x-amzn-errortype'), dup.body.Type]).toEqual([
      409,
      'ResourceConflictException',
      'User'
    ])
    expect(dup.body.message).toBe(
      'Alias already exists: arn:aws:lambda:eu-west-1:111122223333:function:wire:live'
    )
    const stale = await call('PUT', '/2015-03-31/functions/wire/aliases/live', { RevisionId: 'old' })
    expect([stale.status, stale.headers.get('x-amzn-errortype')]).toEqual([
      412,
      'PreconditionFailedException'
    ])
    expect(typeof stale.body.message).toBe('string')
  })

  test('429: {Reason, Type, message} and Retry-After', async () => {
    emu.faults.add({ throttleRate: 1, times: 1 })
    const r = await call('GET', '/2015-03-31/functions/wire/aliases/live')
    expect([r.status, r.headers.get('x-amzn-errortype'), r.headers.get('retry-after')]).toEqual([
      429,
      'TooManyRequestsException',
      '1'
    ])
    expect(r.body).toEqual({ Reason: 'CallerRateLimitExceeded', Type: 'User', message: 'Rate exceeded' })
  })

  test('model constraint failures are the unmodeled ValidationException', async () => {
    const r = await call('PUT', '/2015-03-31/functions/wire/aliases/live', {
      RoutingConfig: { AdditionalVersionWeights: { '1': 2 } }
    })
    expect([r.status, r.headers.get('x-amzn-errortype')]).toEqual([400, 'ValidationException'])
    expect(String(r.body.message)).toMatch(/^1 validation error detected: /)
  })
})

describe('paths', () => {
  test('percent-encoded segments are decoded (ARN, $LATEST)', async () => {
    const arn = encodeURIComponent('arn:aws:lambda:eu-west-1:111122223333:function:wire')
    const alias = await call('GET', `/2015-03-31/functions/${arn}/aliases/live`)
    expect([alias.status, alias.body.FunctionVersion]).toEqual([200, '1'])
    const latest = await call('GET', `/2015-03-31/functions/wire/configuration?Qualifier=%24LATEST`)
    expect([latest.status, latest.body.Version]).toEqual([200, '$LATEST'])
    const qualified = await call('GET', `/2015-03-31/functions/wire%3A1/configuration`)
    expect([qualified.status, qualified.body.Version]).toEqual([200, '1'])
  })

  test.each([
    ['GET', '/'],
    ['GET', '/2015-03-31/nothing'],
    ['PATCH', '/2015-03-31/functions/wire'],
    ['GET', '/2015-03-31/functions/wire/unknown'],
    ['GET', '/2015-03-31/functions/wire/aliases/live/extra'],
    ['GET', '/2015-03-31/functions/%zz']
  ])('%s %s is a 404 UnknownOperationException', async (method, path) => {
    const r = await call(method, path)
    expect([r.status, r.headers.get('x-amzn-errortype')]).toEqual([404, 'UnknownOperationException'])
    expect(emu.log.at(-1)).toMatchObject({ operation: 'Unknown', status: 404 })
  })
})

describe('bad input never breaks the server', () => {
  test('malformed JSON is a 400 InvalidRequestContentException', async () => {
    const r = await call('POST', '/2015-03-31/functions/wire/aliases', '{"Name": "x", ')
    expect([r.status, r.headers.get('x-amzn-errortype')]).toEqual([400, 'InvalidRequestContentException'])
    const wrongType = await call('POST', '/2015-03-31/functions/wire/aliases', {
      Name: 5,
      FunctionVersion: '1'
    })
    expect([wrongType.status, wrongType.headers.get('x-amzn-errortype')]).toEqual([
      400,
      'InvalidRequestContentException'
    ])
    const array = await call('PUT', '/2015-03-31/functions/wire/aliases/live', '[1,2]')
    expect(array.status).toBe(400)
  })

  test('CloudWatch: malformed JSON and unknown targets', async () => {
    const cw = { 'content-type': 'application/x-amz-json-1.0' }
    const bad = await call('POST', '/', '{oops', {
      ...cw,
      'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms'
    })
    expect([bad.status, bad.body.__type]).toEqual([400, 'com.amazon.coral.service#SerializationException'])
    const unknown = await call('POST', '/', '{}', {
      ...cw,
      'x-amz-target': 'GraniteServiceVersion20100801.DeleteDashboards'
    })
    expect([unknown.status, unknown.body.__type]).toEqual([
      400,
      'com.amazon.coral.service#UnknownOperationException'
    ])
    const missing = await call('POST', '/', '{"AlarmName":"x","StateValue":"OK","StateReason":"r"}', {
      ...cw,
      'x-amz-target': 'GraniteServiceVersion20100801.SetAlarmState'
    })
    expect([missing.status, missing.headers.get('x-amzn-query-error'), missing.body.__type]).toEqual([
      404,
      'ResourceNotFound;Sender',
      'com.amazonaws.cloudwatch#ResourceNotFound'
    ])
  })

  test('garbage on the socket gets a 400 and the server keeps serving', async () => {
    const reply = await new Promise<string>(resolve => {
      const socket = connect(emu.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'))
      let data = ''
      socket.on('data', d => (data += d.toString()))
      socket.on('close', () => resolve(data))
      socket.on('error', () => resolve(data))
    })
    expect(reply).toMatch(/^HTTP\/1\.1 400/)
    expect((await call('GET', '/2015-03-31/functions/wire')).status).toBe(200)
  })
})

describe('request log', () => {
  test('records operation, function, alias, write flag and bodies', async () => {
    emu.clearLog()
    await call('PUT', '/2015-03-31/functions/wire/aliases/live', {
      FunctionVersion: '1',
      RoutingConfig: { AdditionalVersionWeights: {} }
    })
    await call('POST', '/2015-03-31/functions/wire/invocations', { a: 1 })
    const [update, invoke] = emu.log
    expect(update).toMatchObject({
      seq: expect.any(Number),
      service: 'lambda',
      operation: 'UpdateAlias',
      method: 'PUT',
      path: '/2015-03-31/functions/wire/aliases/live',
      status: 200,
      write: true,
      functionName: 'wire',
      alias: 'live',
      request: { FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: {} } },
      response: { Name: 'live', FunctionVersion: '1' }
    })
    expect(invoke).toMatchObject({
      operation: 'Invoke',
      write: false,
      response: { ok: true, version: '$LATEST', event: { a: 1 } }
    })
    expect((invoke?.seq ?? 0) > (update?.seq ?? 0)).toBe(true)
    expect(update?.time).toBeLessThanOrEqual(update?.endTime ?? 0)
  })

  test('CreateFunction logs the function name and not the zip', async () => {
    const zip = Buffer.alloc(3000, 1).toString('base64')
    await call('POST', '/2015-03-31/functions', {
      FunctionName: 'logged',
      Role: ROLE,
      Code: { ZipFile: zip }
    })
    const entry = emu.log.at(-1)
    expect(entry).toMatchObject({
      operation: 'CreateFunction',
      functionName: 'logged',
      write: true,
      status: 201
    })
    expect((entry?.request as { Code: { ZipFile: string } }).Code.ZipFile).toBe(
      `<${zip.length} base64 characters>`
    )
  })
})
