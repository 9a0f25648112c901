// The smoke test judges the reply, not only the invoke: a proxy-shaped 5xx fails, and smoke-test-expect
// is a subset the reply must contain. Through dist/; EMULATOR_RESPONSE is the new version's reply.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { runAction } from '../../testkit/runner.js'
import { errors, getAlias, lastSeq, readyToPromote, writes } from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
useEmulator(f => ({ emu, lambda: client } = f))

async function promote(fn: string, reply: string, smoke: Record<string, string>) {
  await readyToPromote(client, fn, { env: { EMULATOR_RESPONSE: reply } })
  const since = lastSeq(emu)
  const main = await runAction({
    inputs: { 'function-name': fn, alias: 'live', ...smoke },
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' }
  })
  const alias = await getAlias(client, fn, 'live')
  return { main, aliasWrites: writes(emu, since).filter(w => w.includes('Alias')), alias }
}

const PROXY_OK = JSON.stringify({ statusCode: 200, body: JSON.stringify({ ok: true, secret: 'hunter2' }) })

test('a reply {"statusCode": 502} fails the smoke test and nothing moves', async () => {
  const r = await promote('smoke-502', '{"statusCode": 502}', { 'smoke-test-payload': '{}' })
  expect(r.main.exitCode).toBe(1)
  expect(r.main.outputs.status).toBe('failed')
  expect(errors(r.main)).toEqual([
    "smoke test of smoke-502 v2 failed: the reply's statusCode is 502 (5xx: a server error); no traffic was moved"
  ])
  expect(r.aliasWrites).toEqual([])
  expect(r.alias.FunctionVersion).toBe('1')
  expect(r.alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
}, 60_000)

test('smoke-test-expect met: the promotion goes on, and the reply is not printed', async () => {
  const r = await promote('smoke-expect-ok', PROXY_OK, {
    'smoke-test-payload': '{}',
    'smoke-test-expect': '{"statusCode": 200, "body": {"ok": true}}'
  })
  expect(r.main.exitCode).toBe(0)
  expect(r.main.stdout).toMatch(/smoke-expect-ok: smoke test passed: v2 answered 200/)
  expect(r.main.stdout).not.toContain('hunter2')
  expect(r.alias.FunctionVersion).toBe('2')
}, 60_000)

test('smoke-test-expect not met: fails with nothing moved, and the reply is not printed', async () => {
  const r = await promote('smoke-expect-miss', PROXY_OK, {
    'smoke-test-payload': '{}',
    'smoke-test-expect': '{"body": {"ok": false}}'
  })
  expect(r.main.exitCode).toBe(1)
  expect(errors(r.main)).toEqual([
    'smoke test of smoke-expect-miss v2 failed: the reply does not contain what smoke-test-expect requires; no traffic was moved'
  ])
  expect(r.main.stdout).not.toContain('hunter2')
  expect(r.aliasWrites).toEqual([])
  expect(r.alias.FunctionVersion).toBe('1')
}, 60_000)

test('smoke-test-expect that is not JSON: one input error, before anything changes', async () => {
  const r = await promote('smoke-expect-bad', PROXY_OK, {
    'smoke-test-payload': '{}',
    'smoke-test-expect': '{ok: true}'
  })
  expect(r.main.exitCode).toBe(1)
  expect(errors(r.main)).toHaveLength(1)
  expect(errors(r.main)[0]).toMatch(/^smoke-test-expect "\{ok: true\}": expected JSON \(/)
  expect(r.aliasWrites).toEqual([])
  expect(r.alias.FunctionVersion).toBe('1')
}, 60_000)
