// A GitHub rate limit (403 with x-ratelimit-remaining: 0, or the secondary-limit message) is said to be
// one, with when it resets, and not blamed on the token's permissions. Through dist/ against the fake
// GitHub API; the deploy itself goes on (reporting to GitHub never decides it).
import type { ServerResponse } from 'node:http'
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { startFakeGitHub, type FakeGitHub } from '../../testkit/fake-github.js'
import { act, getAlias, readyToPromote } from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
let fake: FakeGitHub
useEmulator(f => ({ emu, lambda: client } = f))
beforeAll(async () => {
  fake = await startFakeGitHub()
})
afterAll(() => fake.close())

const answer = (res: ServerResponse, status: number, headers: Record<string, string>, message: string) =>
  res
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify({ message, documentation_url: 'https://docs.github.com/rest' }))

async function deploy(fn: string) {
  await readyToPromote(client, fn)
  const r = await act(
    emu,
    { 'function-name': fn, alias: 'live', environment: 'production' },
    { env: { GITHUB_API_URL: fake.url } }
  )
  expect(r.outputs.status).toBe('promoted')
  expect((await getAlias(client, fn, 'live')).FunctionVersion).toBe('2')
  return r.commands.filter(c => c.command === 'warning' && /github/i.test(c.message)).map(c => c.message)
}

test('403 with x-ratelimit-remaining: 0: a rate limit, with the time it resets', async () => {
  const reset = Math.floor(Date.now() / 1000) + 25 * 60
  fake.respond((_req, res) =>
    answer(
      res,
      403,
      { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      'API rate limit exceeded for installation ID 1.'
    )
  )
  const lines = await deploy('gh-ratelimit')
  expect(lines).toHaveLength(1)
  const at = new Date(reset * 1000).toISOString().replace(/\.000Z$/, 'Z')
  expect(lines[0]).toContain(
    `HTTP 403: GitHub's API rate limit is used up (1000 requests an hour for this token), not a permission problem; it resets at ${at} (in 25m)`
  )
  expect(lines[0]).not.toMatch(/deployments: write/)
}, 60_000)

test('the secondary rate limit: said to be one, with retry-after', async () => {
  fake.respond((_req, res) =>
    answer(
      res,
      403,
      { 'retry-after': '60' },
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
    )
  )
  const lines = await deploy('gh-secondary')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(
    "HTTP 403: GitHub's secondary rate limit (too many requests at once, not a permission problem); try again in 60s"
  )
  expect(lines[0]).not.toMatch(/deployments: write/)
}, 60_000)
