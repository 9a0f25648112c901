// A local stand-in for the GitHub REST API, for end-to-end tests of the `environment` input: GitHub is not
// reachable from tests, so the action is pointed at this server through GITHUB_API_URL. It records every
// request and, by default, answers the two deployment endpoints as api.github.com does (201 with the new
// object; 404 for an unknown deployment; 422 for a body GitHub would refuse). Tests can swap the answer
// (an HTTP error, no answer at all) or use a URL where nothing listens.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface GitHubRequest {
  method: string
  /** Path without the API prefix (as in GitHub's REST docs), e.g. /repos/octo/app/deployments. */
  path: string
  /** The full request path, prefix included. */
  rawPath: string
  authorization: string | undefined
  accept: string | undefined
  contentType: string | undefined
  body: Record<string, unknown>
  /** Date.now() at arrival, comparable with the emulator's log times (same process). */
  time: number
}

/** Answers one recorded request; may leave `res` unanswered to play a hung GitHub. */
export type Responder = (req: GitHubRequest, res: ServerResponse) => void

export interface FakeGitHub {
  /** Base URL to pass as GITHUB_API_URL (ends with the prefix, if any). */
  url: string
  requests: GitHubRequest[]
  /** Replaces how requests are answered (they are recorded either way). */
  respond(fn: Responder): void
  /** Deployments created so far, by id, with their statuses in order. */
  deployments: Map<number, { body: Record<string, unknown>; statuses: Record<string, unknown>[] }>
  close(): Promise<void>
}

export const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}

const notFound = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }
const STATES = new Set(['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'])

/** Starts the fake on 127.0.0.1 and a free port. `prefix` plays GitHub Enterprise Server's `/api/v3`. */
export async function startFakeGitHub(options: { prefix?: string } = {}): Promise<FakeGitHub> {
  const prefix = (options.prefix ?? '').replace(/\/+$/, '')
  const requests: GitHubRequest[] = []
  const deployments: FakeGitHub['deployments'] = new Map()
  let nextId = 1000

  // Behaves like api.github.com for the endpoints the action uses.
  const github: Responder = (req, res) => {
    if (req.method !== 'POST') return json(res, 404, notFound)
    if (/^\/repos\/[^/]+\/[^/]+\/deployments$/.test(req.path)) {
      if (typeof req.body.ref !== 'string' || req.body.ref === '')
        return json(res, 422, { message: 'Invalid request.\n\n"ref" wasn\'t supplied.', status: '422' })
      const id = nextId++
      deployments.set(id, { body: req.body, statuses: [] })
      return json(res, 201, {
        id,
        sha: req.body.ref,
        ref: req.body.ref,
        task: req.body.task ?? 'deploy',
        environment: req.body.environment ?? 'production',
        description: req.body.description ?? null,
        created_at: new Date(req.time).toISOString()
      })
    }
    const status = /^\/repos\/[^/]+\/[^/]+\/deployments\/(\d+)\/statuses$/.exec(req.path)
    if (status) {
      const deployment = deployments.get(Number(status[1]))
      if (!deployment) return json(res, 404, notFound)
      if (typeof req.body.state !== 'string' || !STATES.has(req.body.state))
        return json(res, 422, { message: 'Validation Failed', status: '422' })
      if (typeof req.body.description === 'string' && req.body.description.length > 140)
        return json(res, 422, { message: 'Validation Failed: description is too long', status: '422' })
      deployment.statuses.push(req.body)
      return json(res, 201, { id: nextId++, state: req.body.state })
    }
    json(res, 404, notFound)
  }
  let responder: Responder = github

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => (text += chunk))
    req.on('end', () => {
      const rawPath = req.url ?? ''
      const path = rawPath.startsWith(`${prefix}/`) ? rawPath.slice(prefix.length) : rawPath
      let body: Record<string, unknown> = {}
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {}
      } catch {
        body = { unparsable: text }
      }
      const recorded: GitHubRequest = {
        method: req.method ?? '',
        path,
        rawPath,
        authorization: req.headers.authorization,
        accept: req.headers.accept,
        contentType: req.headers['content-type'],
        body,
        time: Date.now()
      }
      requests.push(recorded)
      responder(recorded, res)
    })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    deployments,
    respond: fn => (responder = fn),
    close: () =>
      new Promise<void>(done => {
        // Hung requests included: nothing may keep jest alive.
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}

/** A URL on 127.0.0.1 where nothing listens (connection refused): GitHub down. */
export async function refusedUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise<void>(done => server.close(() => done()))
  return `http://127.0.0.1:${port}`
}
