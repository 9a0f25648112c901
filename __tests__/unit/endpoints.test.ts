import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  type CloudWatchClientConfig
} from '@aws-sdk/client-cloudwatch'
import { GetAliasCommand, LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda'
import { clientEndpointConfig, resolveEndpoints } from '../../src/aws/endpoints.js'
import { InputError } from '../../src/errors.js'

const A = 'http://127.0.0.1:4599'
const B = 'https://emulator.internal:8443/base'

describe('resolveEndpoints', () => {
  it('uses AWS defaults when nothing is set', () => {
    expect(resolveEndpoints(null, {})).toEqual({
      lambda: null,
      cloudwatch: null,
      source: { lambda: null, cloudwatch: null },
      ignored: []
    })
    expect(resolveEndpoints('', { AWS_ENDPOINT_URL: '' }).lambda).toBeNull()
  })

  it('reads each service its own variable: the Lambda one is not used for CloudWatch', () => {
    const r = resolveEndpoints(null, { AWS_ENDPOINT_URL_LAMBDA: A })
    expect([r.lambda, r.cloudwatch]).toEqual([A, null])
    expect(r.source).toEqual({ lambda: 'AWS_ENDPOINT_URL_LAMBDA', cloudwatch: null })
    const both = resolveEndpoints(null, { AWS_ENDPOINT_URL_LAMBDA: A, AWS_ENDPOINT_URL_CLOUDWATCH: B })
    expect([both.lambda, both.cloudwatch]).toEqual([A, B])
  })

  it('falls back to AWS_ENDPOINT_URL per service, and reports it unused when both services have their own', () => {
    const r = resolveEndpoints(null, { AWS_ENDPOINT_URL: A, AWS_ENDPOINT_URL_CLOUDWATCH: B })
    expect([r.lambda, r.cloudwatch]).toEqual([A, B])
    expect(r.source).toEqual({ lambda: 'AWS_ENDPOINT_URL', cloudwatch: 'AWS_ENDPOINT_URL_CLOUDWATCH' })
    expect(r.ignored).toEqual([])
    const shadowed = resolveEndpoints(null, {
      AWS_ENDPOINT_URL: A,
      AWS_ENDPOINT_URL_LAMBDA: B,
      AWS_ENDPOINT_URL_CLOUDWATCH: B
    })
    expect(shadowed.ignored).toEqual(['AWS_ENDPOINT_URL'])
  })

  it('counts an empty variable as unset, as the SDK does', () => {
    const r = resolveEndpoints(null, { AWS_ENDPOINT_URL_LAMBDA: '', AWS_ENDPOINT_URL: A })
    expect(r.lambda).toBe(A)
    expect(r.source.lambda).toBe('AWS_ENDPOINT_URL')
  })

  it('lets the endpoint-url input override every variable, for both services', () => {
    const env = { AWS_ENDPOINT_URL_LAMBDA: A, AWS_ENDPOINT_URL_CLOUDWATCH: A, AWS_ENDPOINT_URL: 'not a url' }
    const r = resolveEndpoints(B, env)
    expect([r.lambda, r.cloudwatch]).toEqual([B, B])
    expect(r.source).toEqual({ lambda: 'endpoint-url', cloudwatch: 'endpoint-url' })
    expect(r.ignored).toEqual(['AWS_ENDPOINT_URL_LAMBDA', 'AWS_ENDPOINT_URL_CLOUDWATCH', 'AWS_ENDPOINT_URL'])
  })

  it.each(['true', 'TRUE', 'True', ' true '])(
    'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=%j switches every variable off, not the input',
    flag => {
      const env = {
        AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: flag,
        AWS_ENDPOINT_URL_LAMBDA: A,
        AWS_ENDPOINT_URL: A
      }
      const r = resolveEndpoints(null, env)
      expect([r.lambda, r.cloudwatch]).toEqual([null, null])
      expect(r.ignored).toEqual(['AWS_ENDPOINT_URL_LAMBDA', 'AWS_ENDPOINT_URL'])
      expect(resolveEndpoints(B, env).cloudwatch).toBe(B)
    }
  )

  it.each(['false', 'FALSE', ''])('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=%j leaves the variables on', flag => {
    expect(
      resolveEndpoints(null, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: flag, AWS_ENDPOINT_URL: A }).lambda
    ).toBe(A)
  })

  it.each(['1', 'yes', 'on'])('refuses AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=%j rather than guess', flag => {
    expect(() => resolveEndpoints(null, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: flag })).toThrow(
      new InputError('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', flag, 'expected true or false')
    )
  })

  it.each([
    ['ftp://host:21', 'expected an http(s) URL such as http://127.0.0.1:4599'],
    ['localhost:4599', 'expected an http(s) URL such as http://127.0.0.1:4599'],
    ['127.0.0.1:4599', 'expected an http(s) URL such as http://127.0.0.1:4599'],
    ['http://', 'expected an http(s) URL such as http://127.0.0.1:4599'],
    ['http://a b:1', 'expected an http(s) URL such as http://127.0.0.1:4599'],
    [
      'http://host:1/?debug=1',
      'must not have a query or fragment; expected a base URL such as http://127.0.0.1:4599'
    ]
  ])('rejects %j, naming where it came from', (value, allowed) => {
    for (const name of ['AWS_ENDPOINT_URL_LAMBDA', 'AWS_ENDPOINT_URL_CLOUDWATCH', 'AWS_ENDPOINT_URL']) {
      expect(() => resolveEndpoints(null, { [name]: value })).toThrow(new InputError(name, value, allowed))
    }
    expect(() => resolveEndpoints(value, {})).toThrow(new InputError('endpoint-url', value, allowed))
  })

  it('rejects credentials in the URL without echoing the password', () => {
    let error: unknown
    try {
      resolveEndpoints(null, { AWS_ENDPOINT_URL_CLOUDWATCH: 'http://me:s3cret@host:1/' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('AWS_ENDPOINT_URL_CLOUDWATCH')
    expect((error as Error).message).toContain('http://me:***@host:1/')
    expect((error as Error).message).not.toContain('s3cret')
  })

  it('does not judge a variable it does not use', () => {
    expect(
      resolveEndpoints(null, { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'junk' }).lambda
    ).toBeNull()
    expect(resolveEndpoints(A, { AWS_ENDPOINT_URL_LAMBDA: 'junk' }).lambda).toBe(A)
  })
})

describe('clientEndpointConfig', () => {
  it('always tells the SDK to ignore configured endpoints; passes ours when there is one', () => {
    expect(clientEndpointConfig(null)).toEqual({ ignoreConfiguredEndpointUrls: true })
    expect(clientEndpointConfig(A)).toEqual({ endpoint: A, ignoreConfiguredEndpointUrls: true })
    // Both clients take these options as they are (checked by npm run build).
    const lambda: LambdaClientConfig = { region: 'us-east-1', ...clientEndpointConfig(A) }
    const cloudwatch: CloudWatchClientConfig = { region: 'us-east-1', ...clientEndpointConfig(null) }
    expect([lambda.endpoint, cloudwatch.endpoint]).toEqual([A, undefined])
  })
})

/** Where real SDK clients send a request, under a given process environment. */
describe('where the SDK sends requests', () => {
  const hits: Record<'A' | 'B', string[]> = { A: [], B: [] }
  const servers: Server[] = []
  const url: Record<'A' | 'B', string> = { A: '', B: '' }
  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' }
  let dir = ''

  beforeAll(async () => {
    for (const name of ['A', 'B'] as const) {
      const server = createServer((req, res) => {
        hits[name].push(`${req.method} ${req.url}`)
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
      })
      await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
      servers.push(server)
      url[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    }
    dir = mkdtempSync(join(tmpdir(), 'endpoints-'))
  })
  afterAll(async () => {
    await Promise.all(servers.map(s => new Promise(resolve => s.close(resolve))))
    rmSync(dir, { recursive: true, force: true })
  })

  const CONTROLLED = [
    'AWS_ENDPOINT_URL',
    'AWS_ENDPOINT_URL_LAMBDA',
    'AWS_ENDPOINT_URL_CLOUDWATCH',
    'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
    'AWS_CONFIG_FILE',
    'AWS_PROFILE'
  ]
  let saved: Record<string, string | undefined> = {}
  beforeEach(() => {
    saved = Object.fromEntries(CONTROLLED.map(k => [k, process.env[k]]))
    for (const k of CONTROLLED) delete process.env[k]
    // No stray ~/.aws/config may steer the SDK during these tests.
    process.env.AWS_CONFIG_FILE = join(dir, 'none')
    hits.A.length = 0
    hits.B.length = 0
  })
  afterEach(() => {
    for (const k of CONTROLLED) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
  })

  /**
   * The SDK's own HTTP handler for requests to this machine; a request for anywhere else (AWS itself)
   * is recorded and answered here, so nothing leaves the machine.
   */
  const network = new LambdaClient({ region: 'us-east-1' }).config.requestHandler
  const toAws: string[] = []
  const guard = {
    handle: async (request: { protocol: string; hostname: string }, options?: object) => {
      if (request.hostname === '127.0.0.1') return network.handle(request as never, options as never)
      toAws.push(`${request.protocol}//${request.hostname}`)
      const body = new TextEncoder().encode('{}')
      return { response: { statusCode: 200, headers: { 'content-type': 'application/json' }, body } }
    }
  }

  /** Sends one GetAlias and one DescribeAlarms; answers where each went: server 'A', 'B' or an AWS host. */
  async function destinations(options: {
    lambda: Record<string, unknown>
    cloudwatch: Record<string, unknown>
  }): Promise<{ lambda: string; cloudwatch: string }> {
    const where = async (send: () => Promise<unknown>): Promise<string> => {
      const before = { A: hits.A.length, B: hits.B.length, aws: toAws.length }
      await send()
      if (hits.A.length > before.A) return 'A'
      if (hits.B.length > before.B) return 'B'
      return toAws[before.aws] ?? 'nowhere'
    }
    const common = { region: 'us-east-1', credentials, maxAttempts: 1, requestHandler: guard }
    const lambda = new LambdaClient({ ...common, ...options.lambda })
    const cloudwatch = new CloudWatchClient({ ...common, ...options.cloudwatch })
    try {
      return {
        lambda: await where(() => lambda.send(new GetAliasCommand({ FunctionName: 'fn', Name: 'live' }))),
        cloudwatch: await where(() =>
          cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['fn-errors'] }))
        )
      }
    } finally {
      lambda.destroy()
      cloudwatch.destroy()
    }
  }

  const LAMBDA_AWS = 'https://lambda.us-east-1.amazonaws.com'
  const CLOUDWATCH_AWS = 'https://monitoring.us-east-1.amazonaws.com'

  it.each<[string, Record<string, string>, 'A' | 'B' | null, string, string]>([
    ['the Lambda variable alone', { AWS_ENDPOINT_URL_LAMBDA: 'A' }, null, 'A', CLOUDWATCH_AWS],
    [
      'one variable per service',
      { AWS_ENDPOINT_URL_LAMBDA: 'A', AWS_ENDPOINT_URL_CLOUDWATCH: 'B' },
      null,
      'A',
      'B'
    ],
    [
      'the shared variable and a CloudWatch one',
      { AWS_ENDPOINT_URL: 'A', AWS_ENDPOINT_URL_CLOUDWATCH: 'B' },
      null,
      'A',
      'B'
    ],
    [
      'the ignore switch',
      { AWS_ENDPOINT_URL: 'A', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
      null,
      LAMBDA_AWS,
      CLOUDWATCH_AWS
    ],
    [
      'the ignore switch in capitals',
      { AWS_ENDPOINT_URL: 'A', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE' },
      null,
      LAMBDA_AWS,
      CLOUDWATCH_AWS
    ],
    [
      'the input over every variable',
      { AWS_ENDPOINT_URL_LAMBDA: 'A', AWS_ENDPOINT_URL_CLOUDWATCH: 'A' },
      'B',
      'B',
      'B'
    ],
    [
      'the input with the ignore switch',
      { AWS_ENDPOINT_URL: 'A', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
      'B',
      'B',
      'B'
    ],
    ['nothing set', {}, null, LAMBDA_AWS, CLOUDWATCH_AWS]
  ])('with %s, requests go where resolveEndpoints says', async (_, vars, input, lambda, cloudwatch) => {
    const env = Object.fromEntries(
      Object.entries(vars).map(([k, v]) => [k, v === 'A' || v === 'B' ? url[v] : v])
    )
    // The SDK reads the real environment on every request: set it as the runner would.
    Object.assign(process.env, env)
    const resolved = resolveEndpoints(input === null ? null : url[input], env)
    expect(
      await destinations({
        lambda: clientEndpointConfig(resolved.lambda),
        cloudwatch: clientEndpointConfig(resolved.cloudwatch)
      })
    ).toEqual({ lambda, cloudwatch })
  })

  it('also shuts out an endpoint_url in the shared config file', async () => {
    const file = join(dir, 'config')
    writeFileSync(file, `[default]\nendpoint_url = ${url.A}\n`)
    process.env.AWS_CONFIG_FILE = file
    const resolved = resolveEndpoints(null, {})
    expect(
      await destinations({
        lambda: clientEndpointConfig(resolved.lambda),
        cloudwatch: clientEndpointConfig(resolved.cloudwatch)
      })
    ).toEqual({ lambda: LAMBDA_AWS, cloudwatch: CLOUDWATCH_AWS })
    // Left to itself, the SDK would have followed the file.
    expect(await destinations({ lambda: {}, cloudwatch: {} })).toEqual({ lambda: 'A', cloudwatch: 'A' })
  })

  // What the SDK does on its own, which is why clientEndpointConfig always sets the flag. These fail if an
  // SDK upgrade changes the rules, and the doc comment in endpoints.ts must then be revisited.
  describe('the SDK left to itself', () => {
    it('follows AWS_ENDPOINT_URL_<SERVICE> when the client has no endpoint', async () => {
      process.env.AWS_ENDPOINT_URL_LAMBDA = url.A
      process.env.AWS_ENDPOINT_URL = url.B
      expect(await destinations({ lambda: {}, cloudwatch: {} })).toEqual({ lambda: 'A', cloudwatch: 'B' })
    })

    it('prefers an explicit endpoint to every variable', async () => {
      process.env.AWS_ENDPOINT_URL_LAMBDA = url.A
      process.env.AWS_ENDPOINT_URL_CLOUDWATCH = url.A
      expect(await destinations({ lambda: { endpoint: url.B }, cloudwatch: { endpoint: url.B } })).toEqual({
        lambda: 'B',
        cloudwatch: 'B'
      })
    })

    it('does not honour AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=TRUE: it follows the variables all the same', async () => {
      process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'TRUE'
      process.env.AWS_ENDPOINT_URL = url.A
      expect(await destinations({ lambda: {}, cloudwatch: {} })).toEqual({ lambda: 'A', cloudwatch: 'A' })
      process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true'
      expect(await destinations({ lambda: {}, cloudwatch: {} })).toEqual({
        lambda: LAMBDA_AWS,
        cloudwatch: CLOUDWATCH_AWS
      })
    })
  })
})
