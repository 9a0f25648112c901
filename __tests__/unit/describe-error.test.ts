import { createServer as createHttpServer, Agent, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { GetAliasCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { describeAwsError, type AwsCall } from '../../src/aws/describe-error.js'
import { runnerCommands } from './workflow-commands.js'

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' }
type Handler = (req: IncomingMessage, res: ServerResponse) => void

/** Starts a server (HTTP, or raw TCP when `tcp` is given); returns its base URL and a closer. */
async function listen(handler: Handler | { tcp: (socket: import('node:net').Socket) => void }) {
  const server: Server =
    typeof handler === 'function' ? createHttpServer(handler) : createTcpServer(handler.tcp)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise(resolve => server.close(resolve))
  }
}

/** What a real SDK client throws for one call against `endpoint`. */
async function thrown(
  service: 'Lambda' | 'CloudWatch',
  endpoint: string,
  extra: Record<string, unknown> = {}
): Promise<unknown> {
  const options = { region: 'us-east-1', endpoint, credentials, maxAttempts: 1, ...extra }
  const client = service === 'Lambda' ? new LambdaClient(options) : new CloudWatchClient(options)
  try {
    if (client instanceof LambdaClient)
      await client.send(new GetAliasCommand({ FunctionName: 'my-fn', Name: 'live' }))
    else await client.send(new DescribeAlarmsCommand({ AlarmNames: ['my-fn-errors'] }))
  } catch (error) {
    return error
  } finally {
    client.destroy()
  }
  throw new Error('the call succeeded')
}

const lambdaCall = (endpoint: string | null, endpointSource: string | null = 'endpoint-url'): AwsCall => ({
  operation: 'GetAlias',
  resource: 'my-fn:live',
  service: 'Lambda',
  endpoint,
  endpointSource
})
const alarmCall = (
  endpoint: string | null,
  endpointSource: string | null = 'AWS_ENDPOINT_URL_CLOUDWATCH'
): AwsCall => ({
  operation: 'DescribeAlarms',
  resource: 'my-fn-errors',
  service: 'CloudWatch',
  endpoint,
  endpointSource
})

const PROBE = fileURLToPath(new URL('./sdk-error-probe.mjs', import.meta.url))

/** What the SDK throws for one call in a plain Node process (see sdk-error-probe.mjs), rebuilt here. */
function probe(service: 'Lambda' | 'CloudWatch', endpoint: string): Promise<Error> {
  return new Promise((resolve, reject) => {
    // Asynchronous on purpose: the servers the probe calls live in this process.
    execFile(process.execPath, [PROBE, service, endpoint], { timeout: 30_000 }, (failure, stdout) => {
      if (failure) return reject(failure)
      const shape = JSON.parse(stdout) as { message?: string; succeeded?: boolean }
      if (shape.succeeded) return reject(new Error('the call succeeded'))
      resolve(Object.assign(new Error(shape.message), shape))
    })
  })
}

/** Every line must be one line the runner cannot read as a command. */
function expectSafe(line: string): void {
  expect(line).not.toMatch(/[\r\n\u2028\u2029]/)
  expect(runnerCommands(line)).toEqual([])
}

describe('describeAwsError against real SDK clients and local servers', () => {
  it('HTML with HTTP 500: not the API, check the endpoint setting', async () => {
    const server = await listen((_, res) => {
      res.writeHead(500, { 'content-type': 'text/html' })
      res.end('<!doctype html><title>Bad gateway</title>\n::error::pwned\n')
    })
    try {
      const lambda = describeAwsError(await thrown('Lambda', server.url), lambdaCall(server.url))
      expect(lambda).toBe(
        `reading alias my-fn:live from Lambda at ${server.url}: answered HTTP 500 with HTML, not the Lambda API (is endpoint-url right?)`
      )
      const alarms = describeAwsError(await thrown('CloudWatch', server.url), alarmCall(server.url))
      expect(alarms).toBe(
        `reading alarm my-fn-errors from CloudWatch at ${server.url}: answered HTTP 500 with HTML, not the CloudWatch API (is AWS_ENDPOINT_URL_CLOUDWATCH right?)`
      )
      expectSafe(lambda)
    } finally {
      await server.close()
    }
  })

  it('what the SDK throws for HTML: a SyntaxError carrying the status and the response', async () => {
    const server = await listen((_, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>'))
    try {
      const error = (await thrown('Lambda', server.url)) as SyntaxError & {
        $metadata: { httpStatusCode: number }
        $response: { headers: Record<string, string> }
      }
      expect(error.name).toBe('SyntaxError')
      expect(error.message).toMatch(/^Unexpected token '<'[^\n]*\n {2}Deserialization error/)
      expect(error.$metadata.httpStatusCode).toBe(502)
      expect(error.$response.headers['content-type']).toBe('text/html')
    } finally {
      await server.close()
    }
  })

  it('garbage with HTTP 200, and XML where CloudWatch now answers JSON', async () => {
    const garbage = await listen((_, res) => res.writeHead(200).end('garbage{{'))
    const xml = await listen((_, res) =>
      res.writeHead(200, { 'content-type': 'text/xml' }).end('<DescribeAlarmsResponse/>')
    )
    try {
      expect(describeAwsError(await thrown('Lambda', garbage.url), lambdaCall(garbage.url, null))).toBe(
        `reading alias my-fn:live from Lambda at ${garbage.url}: answered HTTP 200 with a body that is not JSON, not the Lambda API (is the endpoint right?)`
      )
      expect(describeAwsError(await thrown('CloudWatch', xml.url), alarmCall(xml.url))).toBe(
        `reading alarm my-fn-errors from CloudWatch at ${xml.url}: answered HTTP 200 with XML, not the CloudWatch API (is AWS_ENDPOINT_URL_CLOUDWATCH right?)`
      )
    } finally {
      await garbage.close()
      await xml.close()
    }
  })

  it('an empty 502: no details, is the endpoint up?', async () => {
    const server = await listen((_, res) => res.writeHead(502).end())
    try {
      const error = await thrown('Lambda', server.url)
      expect((error as Error).name).toBe('Unknown')
      expect(describeAwsError(error, lambdaCall(server.url))).toBe(
        `reading alias my-fn:live from Lambda at ${server.url}: answered HTTP 502 with no error details (is endpoint-url right, and is it up?)`
      )
    } finally {
      await server.close()
    }
  })

  it('a closed port: nothing is listening', async () => {
    const server = await listen(() => undefined)
    await server.close()
    const error = await probe('CloudWatch', server.url)
    expect(error).toMatchObject({ name: 'Error', code: 'ECONNREFUSED', syscall: 'connect' })
    expect(describeAwsError(error, alarmCall(server.url))).toBe(
      `reading alarm my-fn-errors from CloudWatch at ${server.url}: nothing is listening at 127.0.0.1:${server.port} (is AWS_ENDPOINT_URL_CLOUDWATCH right? is the emulator running?)`
    )
  })

  it('https:// to a plain-HTTP emulator: a sentence, not OpenSSL', async () => {
    const server = await listen((_, res) => res.end('{}'))
    const tls = `https://127.0.0.1:${server.port}`
    try {
      const error = await probe('Lambda', tls)
      // Node reports OpenSSL's record-layer complaint.
      expect(error).toMatchObject({ code: 'EPROTO', message: expect.stringMatching(/wrong version number/) })
      const line = describeAwsError(error, lambdaCall(tls))
      expect(line).toBe(
        `reading alias my-fn:live from Lambda at ${tls}: the endpoint speaks plain HTTP, not TLS (use ${server.url})`
      )
      expect(line).not.toMatch(/SSL|EPROTO|openssl/i)
    } finally {
      await server.close()
    }
  })

  it('a connection closed without an answer (what http:// to a TLS port gives too)', async () => {
    const server = await listen({ tcp: socket => socket.destroy() })
    try {
      const error = await probe('Lambda', server.url)
      // The SDK renames ECONNRESET to TimeoutError: the code tells it apart.
      expect(error).toMatchObject({ name: 'TimeoutError', code: 'ECONNRESET' })
      expect(describeAwsError(error, lambdaCall(server.url))).toBe(
        `reading alias my-fn:live from Lambda at ${server.url}: the connection was closed without an answer (is endpoint-url right? if it speaks HTTPS, use https://127.0.0.1:${server.port})`
      )
    } finally {
      await server.close()
    }
  })

  it('no answer within the request timeout', async () => {
    const server = await listen(() => undefined)
    try {
      const handler = { requestTimeout: 100, throwOnRequestTimeout: true }
      const error = await thrown('Lambda', server.url, { requestHandler: handler })
      expect(error).toMatchObject({ name: 'TimeoutError', code: 'ETIMEDOUT' })
      expect(describeAwsError(error, lambdaCall(server.url))).toBe(
        `reading alias my-fn:live from Lambda at ${server.url}: no answer within 100 ms (is endpoint-url right? is it stuck?)`
      )
    } finally {
      await server.close()
    }
  })

  it('a host name that does not resolve', async () => {
    // The lookup fails here as getaddrinfo would, so no DNS query leaves the machine.
    const lookup = (hostname: string, _: unknown, callback: (error: Error) => void) =>
      process.nextTick(
        callback,
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: 'ENOTFOUND',
          errno: -3008,
          syscall: 'getaddrinfo',
          hostname
        })
      )
    const endpoint = 'http://emulator.invalid:4599'
    const error = await thrown('Lambda', endpoint, {
      requestHandler: { httpAgent: new Agent({ lookup } as never) }
    })
    expect(describeAwsError(error, lambdaCall(endpoint))).toBe(
      `reading alias my-fn:live from Lambda at ${endpoint}: the host name emulator.invalid does not resolve (is endpoint-url right?)`
    )
  })

  it('access denied names the IAM action, and the server text cannot inject commands', async () => {
    const message =
      'User: arn:aws:sts::123456789012:assumed-role/deploy/gha is not authorized to perform: lambda:GetAlias\n::error::pwned\r\n::save-state name=done::true'
    const server = await listen((_, res) => {
      res.writeHead(403, { 'x-amzn-errortype': 'AccessDeniedException', 'content-type': 'application/json' })
      res.end(JSON.stringify({ Message: message }))
    })
    try {
      const line = describeAwsError(await thrown('Lambda', server.url), lambdaCall(server.url))
      expect(line).toBe(
        `reading alias my-fn:live from Lambda at ${server.url}: access denied: User: arn:aws:sts::123456789012:assumed-role/deploy/gha is not authorized to perform: lambda:GetAlias : :error::pwned : :save-state name=done::true (the job's role needs lambda:GetAlias on my-fn:live)`
      )
      expectSafe(line)
    } finally {
      await server.close()
    }
  })

  it("CloudWatch's access denied and throttling, as its JSON protocol names them", async () => {
    const answers = [
      [403, {}, { __type: 'com.amazonaws.cloudwatch#AccessDenied', message: 'not allowed' }],
      [
        400,
        { 'x-amzn-query-error': 'Throttling;Sender' },
        { __type: 'ThrottlingException', message: 'Rate exceeded' }
      ]
    ] as const
    let next = 0
    const server = await listen((_, res) => {
      const [status, headers, body] = answers[next++] ?? answers[0]
      res
        .writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...headers })
        .end(JSON.stringify(body))
    })
    try {
      expect(describeAwsError(await thrown('CloudWatch', server.url), alarmCall(null, null))).toBe(
        "reading alarm my-fn-errors from CloudWatch: access denied: not allowed (the job's role needs cloudwatch:DescribeAlarms on my-fn-errors)"
      )
      expect(describeAwsError(await thrown('CloudWatch', server.url), alarmCall(null, null))).toBe(
        'reading alarm my-fn-errors from CloudWatch: throttled (Throttling) (lower max-requests-per-second or concurrency, or try again later)'
      )
    } finally {
      await server.close()
    }
  })

  it('Lambda throttling and not-found answers', async () => {
    const answers = [
      [
        429,
        'TooManyRequestsException',
        { Reason: 'CallerRateLimitExceeded', Type: 'User', message: 'Rate exceeded' }
      ],
      [
        404,
        'ResourceNotFoundException',
        { Type: 'User', Message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:my-fn' }
      ]
    ] as const
    let next = 0
    const server = await listen((_, res) => {
      const [status, type, body] = answers[next++] ?? answers[0]
      res
        .writeHead(status, { 'x-amzn-errortype': type, 'content-type': 'application/json' })
        .end(JSON.stringify(body))
    })
    try {
      expect(describeAwsError(await thrown('Lambda', server.url), lambdaCall(server.url))).toBe(
        `reading alias my-fn:live from Lambda at ${server.url}: throttled (TooManyRequestsException) (lower max-requests-per-second or concurrency, or try again later)`
      )
      expect(describeAwsError(await thrown('Lambda', server.url), lambdaCall(server.url))).toBe(
        `reading alias my-fn:live from Lambda at ${server.url}: not found: Function not found: arn:aws:lambda:us-east-1:123456789012:function:my-fn (check the name, the region and the account)`
      )
    } finally {
      await server.close()
    }
  })

  describe('with no credentials anywhere', () => {
    let saved: NodeJS.ProcessEnv
    beforeEach(() => {
      saved = { ...process.env }
      for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key]
      // Keep the default chain on this machine: no instance metadata call, no shared files.
      process.env.AWS_EC2_METADATA_DISABLED = 'true'
      process.env.AWS_CONFIG_FILE = '/nonexistent/aws-config'
      process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/aws-credentials'
    })
    afterEach(() => {
      process.env = saved
    })

    it('one line on how to provide them, not the provider chain', async () => {
      let requests = 0
      const server = await listen((_, res) => {
        requests++
        res.end('{}')
      })
      const client = new LambdaClient({ region: 'us-east-1', endpoint: server.url, maxAttempts: 1 })
      try {
        const error = await client
          .send(new InvokeCommand({ FunctionName: 'my-fn', Qualifier: '7' }))
          .catch(e => e)
        expect(error).toMatchObject({
          name: 'CredentialsProviderError',
          message: 'Could not load credentials from any providers'
        })
        const call = {
          operation: 'Invoke',
          resource: 'my-fn:7',
          service: 'Lambda',
          endpoint: server.url
        } as const
        expect(describeAwsError(error, call)).toBe(
          `invoking my-fn:7 in Lambda at ${server.url}: no AWS credentials found (use aws-actions/configure-aws-credentials before this step, or for the emulator set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to any dummy pair)`
        )
        expect(requests).toBe(0)
      } finally {
        client.destroy()
        await server.close()
      }
    })
  })
})

describe('describeAwsError on error shapes seen from Node and the SDK', () => {
  const aws = (name: string, status: number, message = '') =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })

  it('a self-signed certificate', () => {
    const error = Object.assign(
      new Error(
        'self-signed certificate; if the root CA is installed locally, try running Node.js with --use-system-ca'
      ),
      { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }
    )
    expect(describeAwsError(error, lambdaCall('https://localhost:4599'))).toBe(
      'reading alias my-fn:live from Lambda at https://localhost:4599: the TLS certificate is not trusted: it is self-signed (for a local emulator use http://, or trust its CA with NODE_EXTRA_CA_CERTS)'
    )
    expect(describeAwsError(error, lambdaCall(null, null))).toContain('a proxy may be intercepting TLS')
  })

  it("AWS's own endpoint that does not resolve points at the region and DNS", () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND lambda.xx-east-9.amazonaws.com'), {
      code: 'ENOTFOUND',
      hostname: 'lambda.xx-east-9.amazonaws.com'
    })
    expect(describeAwsError(error, lambdaCall(null, null))).toBe(
      "reading alias my-fn:live from Lambda: the host name lambda.xx-east-9.amazonaws.com does not resolve (check the region and the runner's DNS)"
    )
  })

  it('a connection that could not be set up in time', () => {
    const error = Object.assign(
      new Error(
        '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.'
      ),
      { name: 'TimeoutError' }
    )
    expect(describeAwsError(error, alarmCall(null, null))).toBe(
      "reading alarm my-fn-errors from CloudWatch: no connection within 5000 ms (check the runner's network)"
    )
  })

  it('expired and invalid credentials', () => {
    expect(
      describeAwsError(
        aws('ExpiredTokenException', 403, 'The security token included in the request is expired'),
        lambdaCall(null, null)
      )
    ).toBe(
      'reading alias my-fn:live from Lambda: AWS rejected the credentials: they expired (ExpiredTokenException) (the session ended before the rollout did; ask for a longer one (role-duration-seconds of aws-actions/configure-aws-credentials))'
    )
    // CloudWatch's ExpiredToken, and the message alone under another name.
    for (const error of [
      aws('ExpiredToken', 403, 'The security token included in the request is expired'),
      aws('UnrecognizedClientException', 403, 'The security token included in the request is expired')
    ])
      expect(describeAwsError(error, lambdaCall(null, null))).toContain(
        'AWS rejected the credentials: they expired'
      )
    expect(describeAwsError(aws('UnrecognizedClientException', 403), lambdaCall(null, null))).toContain(
      'AWS rejected the credentials (UnrecognizedClientException) (check the credentials step, the account and the region)'
    )
  })

  it("a denial names the IAM action and the resource from IAM's message, and why", () => {
    const update = { ...lambdaCall(null, null), operation: 'UpdateAlias' }
    const message =
      'User: arn:aws:sts::123456789012:assumed-role/deploy/gha is not authorized to perform: lambda:UpdateAlias on resource: arn:aws:lambda:us-east-1:123456789012:function:my-fn:live because no identity-based policy allows the lambda:UpdateAlias action'
    expect(describeAwsError(aws('AccessDeniedException', 403, message), update)).toBe(
      "updating alias my-fn:live in Lambda: access denied: the job's role needs lambda:UpdateAlias on arn:aws:lambda:us-east-1:123456789012:function:my-fn:live (because no identity-based policy allows the lambda:UpdateAlias action)"
    )
    // CloudWatch's AccessDenied, without a reason.
    const cw = {
      operation: 'GetMetricData',
      resource: 'my-fn:live',
      service: 'CloudWatch',
      endpoint: null
    } as const
    expect(
      describeAwsError(
        aws(
          'AccessDenied',
          403,
          'User: arn:aws:iam::1:user/x is not authorized to perform: cloudwatch:GetMetricData on resource: arn:aws:cloudwatch:us-east-1:1:*.'
        ),
        cw
      )
    ).toBe(
      "calling GetMetricData on my-fn:live in CloudWatch: access denied: the job's role needs cloudwatch:GetMetricData on arn:aws:cloudwatch:us-east-1:1:*"
    )
  })

  it('names lambda:InvokeFunction, not lambda:Invoke, for a denied invoke', () => {
    const call = { operation: 'Invoke', resource: 'my-fn:7', service: 'Lambda', endpoint: null } as const
    expect(describeAwsError(aws('AccessDeniedException', 403, 'denied'), call)).toBe(
      "invoking my-fn:7 in Lambda: access denied: denied (the job's role needs lambda:InvokeFunction on my-fn:7)"
    )
  })

  it('conflict, precondition, validation and a service fault', () => {
    const update = { ...lambdaCall(null, null), operation: 'UpdateAlias' }
    expect(
      describeAwsError(
        aws('PreconditionFailedException', 412, 'The Revision Id provided does not match'),
        update
      )
    ).toBe(
      'updating alias my-fn:live in Lambda: changed since it was read: The Revision Id provided does not match (someone else updated it meanwhile; run again)'
    )
    expect(
      describeAwsError(aws('ResourceConflictException', 409, 'An update is in progress'), update)
    ).toContain('conflict: An update is in progress (another update is in progress; try again)')
    expect(describeAwsError(aws('InvalidParameterValueException', 400, 'bad weight'), update)).toBe(
      'updating alias my-fn:live in Lambda: rejected the request: bad weight'
    )
    expect(describeAwsError(aws('ServiceException', 500, 'oops'), update)).toBe(
      'updating alias my-fn:live in Lambda: Lambda failed on its side: ServiceException (HTTP 500): oops (try again later)'
    )
  })

  it('several alarms, an unknown operation, and things that are not errors', () => {
    const alarms = { ...alarmCall(null, null), resource: 'a, b' }
    expect(describeAwsError(aws('Throttling', 400), alarms)).toMatch(
      /^reading alarms a, b from CloudWatch: throttled/
    )
    const other = { ...lambdaCall(null, null), operation: 'TagResource' }
    expect(describeAwsError('boom', other)).toBe('calling TagResource on my-fn:live in Lambda: error: boom')
    expect(describeAwsError(Object.assign(new Error('stop'), { name: 'AbortError' }), other)).toBe(
      'calling TagResource on my-fn:live in Lambda: cancelled before an answer came'
    )
  })

  it('is always one safe, bounded line, whatever the server says', () => {
    const text = fc.string({ unit: 'binary', maxLength: 2000 })
    const shape = fc.record({
      name: fc.oneof(
        fc.constantFrom('AccessDeniedException', 'ServiceException', 'SyntaxError', 'Weird'),
        text
      ),
      message: text,
      status: fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }),
      code: fc.option(fc.constantFrom('ECONNRESET', 'ENOTFOUND', 'EPROTO', 'X'), { nil: undefined }),
      hostname: fc.option(text, { nil: undefined })
    })
    fc.assert(
      fc.property(shape, text, ({ name, message, status, code, hostname }, resource) => {
        const error = Object.assign(new Error(message), {
          name,
          ...(status ? { $metadata: { httpStatusCode: status } } : {}),
          ...(code ? { code } : {}),
          ...(hostname ? { hostname } : {})
        })
        const line = describeAwsError(error, { ...alarmCall('http://127.0.0.1:4599'), resource })
        expectSafe(line)
        expect(Array.from(line).length).toBeLessThanOrEqual(1000)
      }),
      { numRuns: 500 }
    )
  })
})
