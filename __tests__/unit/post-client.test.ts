// The post step reaches exactly the Lambda endpoint main reached: the SDK's endpoint rules for every
// partition, FIPS and dual-stack as main's client resolved them, and an endpoint-url's path.
import { GetAliasCommand, LambdaClient, type LambdaClientConfig } from '@aws-sdk/client-lambda'
import { LambdaGateway } from '../../src/aws/lambda.js'
import { systemClock } from '../../src/clock.js'
import { postBudget } from '../../src/aws/budgets.js'
import { postGatewayOptions } from '../../src/post/client.js'

// The SDK resolves credentials before it builds the request: any will do, nothing is sent.
process.env.AWS_ACCESS_KEY_ID ??= 'test'
process.env.AWS_SECRET_ACCESS_KEY ??= 'test'

/** The URL a client would send GetAlias to: captured after the endpoint is resolved, before signing. */
async function urlOf(client: LambdaClient): Promise<string> {
  let seen = ''
  client.middlewareStack.add(
    () => async args => {
      const r = args.request as { protocol: string; hostname: string; port?: number; path: string }
      seen = `${r.protocol}//${r.hostname}${r.port ? `:${r.port}` : ''}${r.path}`
      throw new Error('captured')
    },
    { step: 'build', name: 'capture' }
  )
  await expect(client.send(new GetAliasCommand({ FunctionName: 'fn', Name: 'live' }))).rejects.toThrow(
    'captured'
  )
  client.destroy()
  return seen
}

const sdk = (config: LambdaClientConfig): LambdaClient =>
  new LambdaClient({ ...config, ignoreConfiguredEndpointUrls: true })

const ENV_NAMES = ['AWS_USE_FIPS_ENDPOINT', 'AWS_USE_DUALSTACK_ENDPOINT'] as const
const saved = Object.fromEntries(ENV_NAMES.map(n => [n, process.env[n]]))
afterEach(() => {
  for (const n of ENV_NAMES) {
    if (saved[n] === undefined) delete process.env[n]
    else process.env[n] = saved[n]
  }
})

/** Main's gateway as main builds it under `env`; what the engine saves from it; post's gateway from that. */
async function mainThenPost(
  region: string,
  env: Partial<Record<(typeof ENV_NAMES)[number], string>>,
  endpoint: string | null = null
): Promise<{ main: string; post: string }> {
  Object.assign(process.env, env)
  const main = new LambdaGateway(
    { region, endpoint, clock: systemClock, maxRequestsPerSecond: 14, userAgent: 'test' },
    postBudget(systemClock.now())
  )
  const flags = await main.endpointFlags()
  // Post runs later, perhaps after a step changed the job's environment: it goes by the ledger.
  for (const n of ENV_NAMES) delete process.env[n]
  const post = new LambdaGateway(
    postGatewayOptions({ region, endpoint, ...flags }, systemClock),
    postBudget(systemClock.now())
  )
  return { main: await urlOf(main.client), post: await urlOf(post.client) }
}

const PATH = '/2015-03-31/functions/fn/aliases/live'

test.each([
  ['us-east-1', `https://lambda.us-east-1.amazonaws.com${PATH}`],
  ['cn-north-1', `https://lambda.cn-north-1.amazonaws.com.cn${PATH}`],
  ['eusc-de-east-1', `https://lambda.eusc-de-east-1.amazonaws.eu${PATH}`],
  ['us-iso-east-1', `https://lambda.us-iso-east-1.c2s.ic.gov${PATH}`]
])("in %s post's endpoint is main's and the SDK's", async (region, expected) => {
  const { main, post } = await mainThenPost(region, {})
  const reference = await urlOf(sdk({ region }))
  expect(post).toBe(reference)
  expect(post).toBe(main)
  // The SDK's answer, spelled out, so that a change in the pinned SDK's partitions shows here.
  expect(post).toBe(expected)
})

test('with AWS_USE_FIPS_ENDPOINT=true for main, post goes to the FIPS endpoint too', async () => {
  const { main, post } = await mainThenPost('us-east-1', { AWS_USE_FIPS_ENDPOINT: 'true' })
  expect(post).toBe(await urlOf(sdk({ region: 'us-east-1', useFipsEndpoint: true })))
  expect(post).toBe(main)
  expect(post).toBe(`https://lambda-fips.us-east-1.amazonaws.com${PATH}`)
})

test('with dual-stack on for main, post goes to the dual-stack endpoint too', async () => {
  const { main, post } = await mainThenPost('eu-west-1', { AWS_USE_DUALSTACK_ENDPOINT: 'true' })
  expect(post).toBe(await urlOf(sdk({ region: 'eu-west-1', useDualstackEndpoint: true })))
  expect(post).toBe(main)
  expect(post).toBe(`https://lambda.eu-west-1.api.aws${PATH}`)
})

test("an endpoint-url's path is kept by post as by main", async () => {
  const { main, post } = await mainThenPost('us-east-1', {}, 'http://127.0.0.1:4599/lambda-proxy')
  expect(post).toBe(main)
  expect(post).toBe(`http://127.0.0.1:4599/lambda-proxy${PATH}`)
})

test('a ledger from before the flags were saved: the SDK reads them as it did for main', async () => {
  process.env.AWS_USE_FIPS_ENDPOINT = 'true'
  const post = new LambdaGateway(
    postGatewayOptions({ region: 'us-gov-west-1', endpoint: null }, systemClock),
    postBudget(systemClock.now())
  )
  expect(await urlOf(post.client)).toBe(await urlOf(sdk({ region: 'us-gov-west-1', useFipsEndpoint: true })))
})
