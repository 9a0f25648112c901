// The post step reaches what main reached, through dist/: main is killed mid-canary and post restores the
// alias through a gateway that serves Lambda under a path, and in the AWS European Sovereign Cloud.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Emulator } from '../../emulator/index.js'
import { runMainThenPost } from '../../testkit/runner.js'
import { getAlias, readyToPromote } from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

interface Seen {
  path: string
  headers: IncomingHttpHeaders
}

/** A gateway in front of Lambda: serves it under /lambda-proxy only, and records what it was sent. */
async function gateway(target: string): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers })
    if (!req.url?.startsWith('/lambda-proxy/')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route')
      return
    }
    const out = request(
      `${target}${req.url.slice('/lambda-proxy'.length)}`,
      { method: req.method, headers: req.headers },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    req.pipe(out)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, seen, server }
}

let emu: Emulator
let client: LambdaClient
let proxy: Awaited<ReturnType<typeof gateway>>
useEmulator(f => ({ emu, lambda: client } = f))
beforeAll(async () => {
  proxy = await gateway(emu.url)
})
afterAll(async () => {
  proxy.server.closeAllConnections()
  await new Promise(resolve => proxy.server.close(resolve))
})

const canary = (fn: string): Record<string, string> => ({
  'function-name': fn,
  alias: 'live',
  strategy: 'canary',
  interval: '1h',
  timeout: '2h'
})
const kill = { name: 'SIGKILL', whenStdout: /10% → v2/, afterMs: 100 } as const

test('endpoint-url with a path: after a kill, post restores the alias through the same path', async () => {
  await readyToPromote(client, 'behind-gateway')
  const { main, post } = await runMainThenPost({
    inputs: { ...canary('behind-gateway'), 'endpoint-url': `${proxy.url}/lambda-proxy` },
    env: { AWS_REGION: 'us-east-1' },
    signal: kill
  })
  expect(main.signal).toBe('SIGKILL')
  expect(post.exitCode).toBe(0)
  const alias = await getAlias(client, 'behind-gateway', 'live')
  expect([alias.FunctionVersion, alias.RoutingConfig?.AdditionalVersionWeights ?? {}]).toEqual(['1', {}])
  const byPost = proxy.seen.filter(s => /lambda-promote\/1-post/.test(String(s.headers['user-agent'])))
  expect(byPost.map(s => s.path)).toContain('/lambda-proxy/2015-03-31/functions/behind-gateway/aliases/live')
  // Nothing of either step went past the gateway's route.
  expect(proxy.seen.filter(s => !s.path.startsWith('/lambda-proxy/'))).toEqual([])
}, 60_000)

test('eusc-de-east-1: main runs there, and after a kill post signs for the same region and restores', async () => {
  await readyToPromote(client, 'sovereign')
  const before = proxy.seen.length
  const { main, post } = await runMainThenPost({
    inputs: canary('sovereign'),
    env: { AWS_REGION: 'eusc-de-east-1', AWS_ENDPOINT_URL: `${proxy.url}/lambda-proxy` },
    signal: kill
  })
  expect(main.signal).toBe('SIGKILL')
  expect(post.exitCode).toBe(0)
  const alias = await getAlias(client, 'sovereign', 'live')
  expect([alias.FunctionVersion, alias.RoutingConfig?.AdditionalVersionWeights ?? {}]).toEqual(['1', {}])
  const byPost = proxy.seen
    .slice(before)
    .filter(s => /lambda-promote\/1-post/.test(String(s.headers['user-agent'])))
  expect(byPost.length).toBeGreaterThan(0)
  // The SDK's signer, with the region main used in its credential scope.
  for (const s of byPost)
    expect(String(s.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/eusc-de-east-1\/lambda\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/
    )
}, 60_000)
