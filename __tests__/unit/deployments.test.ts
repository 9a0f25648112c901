// GitHub is not reachable from tests: a local fake of the two REST endpoints records what the tracker sends.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDeploymentTracker, type DeploymentContext } from '../../src/github/deployment.js'

interface Recorded {
  method: string
  path: string
  authorization: string | undefined
  body: Record<string, unknown>
}

type Responder = (req: Recorded, res: ServerResponse) => void

interface Fake {
  url: string
  requests: Recorded[]
  respond: (fn: Responder) => void
  close: () => Promise<void>
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

// Behaves like api.github.com for the happy path unless a test swaps the responder.
const github: Responder = (req, res) => {
  if (req.method === 'POST' && req.path === '/repos/octo/app/deployments') return json(res, 201, { id: 42 })
  if (req.method === 'POST' && req.path === '/repos/octo/app/deployments/42/statuses')
    return json(res, 201, { id: 1, state: req.body.state })
  json(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
}

async function startFake(): Promise<Fake> {
  const requests: Recorded[] = []
  let responder: Responder = github
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (text += chunk))
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {}
      }
      requests.push(recorded)
      responder(recorded, res)
    })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond: fn => (responder = fn),
    close: () =>
      new Promise<void>(done => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}

function context(apiUrl: string, extra: Partial<DeploymentContext> = {}): DeploymentContext {
  return {
    token: 'ghs_test_token',
    owner: 'octo',
    repo: 'app',
    ref: '0123456789abcdef0123456789abcdef01234567',
    environment: 'production',
    description: 'my-fn:live v41 → v42',
    apiUrl,
    logUrl: 'https://github.com/octo/app/actions/runs/4242',
    ...extra
  }
}

let fake: Fake
let warnings: string[]
const warn = (message: string): void => void warnings.push(message)

beforeEach(async () => {
  fake = await startFake()
  warnings = []
})
afterEach(() => fake.close())

const consoleUrl =
  'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/my-fn/aliases/live'

it('creates the deployment for the sha, marks it in_progress, then success with the alias link', async () => {
  const tracker = createDeploymentTracker(context(fake.url), warn)
  await tracker.start()
  await tracker.finish(
    'success',
    'promoted v42 to arn:aws:lambda:us-east-1:1:function:my-fn:live',
    consoleUrl
  )

  expect(warnings).toEqual([])
  expect(fake.requests.map(r => `${r.method} ${r.path}`)).toEqual([
    'POST /repos/octo/app/deployments',
    'POST /repos/octo/app/deployments/42/statuses',
    'POST /repos/octo/app/deployments/42/statuses'
  ])
  for (const r of fake.requests) expect(r.authorization).toBe('token ghs_test_token')
  const [create, inProgress, done] = fake.requests
  expect(create?.body).toEqual({
    ref: '0123456789abcdef0123456789abcdef01234567',
    environment: 'production',
    description: 'my-fn:live v41 → v42',
    auto_merge: false,
    required_contexts: [],
    transient_environment: false
  })
  expect(inProgress?.body).toEqual({
    state: 'in_progress',
    description: 'my-fn:live v41 → v42',
    log_url: 'https://github.com/octo/app/actions/runs/4242'
  })
  expect(done?.body).toEqual({
    state: 'success',
    description: 'promoted v42 to arn:aws:lambda:us-east-1:1:function:my-fn:live',
    log_url: 'https://github.com/octo/app/actions/runs/4242',
    environment_url: consoleUrl
  })
})

it('reports a rollback as failure, with the description cut to GitHub’s 140 characters', async () => {
  const tracker = createDeploymentTracker(
    context(fake.url, { productionEnvironment: true, logUrl: undefined }),
    warn
  )
  await tracker.start()
  const long = `rolled back: alarm my-fn-errors in ALARM at 10%\n${'x'.repeat(200)}`
  await tracker.finish('failure', long)

  expect(warnings).toEqual([])
  expect(fake.requests[0]?.body.production_environment).toBe(true)
  const final = fake.requests[2]?.body
  expect(final?.state).toBe('failure')
  expect(final).not.toHaveProperty('environment_url')
  expect(final).not.toHaveProperty('log_url')
  const description = String(final?.description)
  expect(description).toHaveLength(140)
  expect(description.startsWith('rolled back: alarm my-fn-errors in ALARM at 10% xxx')).toBe(true)
  expect(description.endsWith('…')).toBe(true)
})

it('warns once and sends nothing more when GitHub is down', async () => {
  const url = fake.url
  await fake.close()
  const tracker = createDeploymentTracker(context(url), warn)
  await expect(tracker.start()).resolves.toBeUndefined()
  await expect(tracker.finish('success', 'done')).resolves.toBeUndefined()
  expect(warnings).toHaveLength(1)
  expect(warnings[0]).toMatch(
    /^GitHub deployment for "production": could not create the deployment; .*GitHub not reachable: .*ECONNREFUSED/
  )
  expect(warnings[0]).not.toContain('\n')
})

it('warns on a 500 from create and makes finish a no-op without any request', async () => {
  fake.respond((_req, res) => json(res, 500, { message: 'Server Error' }))
  const tracker = createDeploymentTracker(context(fake.url), warn)
  await tracker.start()
  await tracker.finish('failure', 'rolled back')
  expect(fake.requests).toHaveLength(1)
  expect(warnings).toEqual([
    expect.stringMatching(/could not create the deployment; .*HTTP 500: Server Error/)
  ])
})

it('names the missing permission on 403', async () => {
  fake.respond((_req, res) => json(res, 403, { message: 'Resource not accessible by integration' }))
  const tracker = createDeploymentTracker(context(fake.url), warn)
  await tracker.start()
  expect(warnings).toEqual([
    expect.stringContaining(
      'HTTP 403: Resource not accessible by integration (the token needs `permissions: deployments: write`'
    )
  ])
})

it('warns when a status fails but still reports the final state', async () => {
  let statuses = 0
  fake.respond((req, res) => {
    if (req.path.endsWith('/statuses') && statuses++ === 0) return json(res, 502, { message: 'Bad Gateway' })
    github(req, res)
  })
  const tracker = createDeploymentTracker(context(fake.url), warn)
  await tracker.start()
  await tracker.finish('success', 'promoted')
  expect(warnings).toEqual([
    expect.stringContaining('could not mark it in progress; the deploy goes on. HTTP 502')
  ])
  expect(fake.requests.at(-1)?.body.state).toBe('success')
})

it('warns when the final status fails, never throws', async () => {
  const tracker = createDeploymentTracker(context(fake.url), warn)
  await tracker.start()
  fake.respond((_req, res) => json(res, 500, { message: 'Server Error' }))
  await expect(tracker.finish('failure', 'rolled back')).resolves.toBeUndefined()
  expect(warnings).toEqual([
    expect.stringContaining('could not mark it failure; the deploy goes on. HTTP 500')
  ])
})

it('treats a 202 without a deployment as not created', async () => {
  fake.respond((_req, res) => json(res, 202, { message: 'Auto-merged main into topic on deployment.' }))
  const tracker = createDeploymentTracker(context(fake.url), warn)
  await tracker.start()
  await tracker.finish('success', 'x')
  expect(fake.requests).toHaveLength(1)
  expect(warnings).toEqual([expect.stringContaining('no deployment in the response (HTTP 202: Auto-merged')])
})

it('gives up on a GitHub that does not answer within the request timeout', async () => {
  fake.respond(() => undefined) // never responds
  const tracker = createDeploymentTracker(context(fake.url, { requestTimeoutMs: 200 }), warn)
  const started = Date.now()
  await tracker.start()
  expect(Date.now() - started).toBeLessThan(5000)
  expect(warnings).toEqual([expect.stringMatching(/GitHub not reachable: .*(timeout|aborted)/i)])
})

it('warns instead of throwing when there is no token', async () => {
  const tracker = createDeploymentTracker(context(fake.url, { token: '' }), warn)
  await tracker.start()
  await tracker.finish('success', 'x')
  expect(fake.requests).toHaveLength(0)
  expect(warnings).toEqual([expect.stringContaining('no github-token')])
})
