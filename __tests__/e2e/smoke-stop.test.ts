// A timeout or a cancel during a slow smoke test is reported as what it is, not as a failed smoke test.
// Through dist/, with the emulator holding every Invoke for longer than the step may take.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { runAction } from '../../testkit/runner.js'
import { errors, getAlias, lastSeq, readyToPromote, writes } from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
useEmulator(f => ({ emu, lambda: client } = f))
afterEach(() => emu.faults.clear())

const inputs = (fn: string, extra: Record<string, string> = {}) => ({
  'function-name': fn,
  alias: 'live',
  'smoke-test-payload': '{"ping":true}',
  ...extra
})

async function slowSmoke(fn: string): Promise<number> {
  await readyToPromote(client, fn)
  emu.faults.add({ operation: 'Invoke', latencyMs: 30_000 })
  return lastSeq(emu)
}

test('the timeout reached during the smoke test says timeout, and nothing moved', async () => {
  const since = await slowSmoke('smoke-timeout')
  const main = await runAction({
    inputs: inputs('smoke-timeout', { timeout: '10s' }),
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' }
  })
  expect(main.exitCode).toBe(1)
  expect(main.outputs.status).toBe('failed')
  expect(errors(main)).toEqual([
    'timeout 10s reached during the smoke test of smoke-timeout v2, before it answered; no traffic was moved'
  ])
  expect(main.stdout).not.toMatch(/smoke test FAILED/)
  expect(writes(emu, since).filter(w => w.includes('Alias'))).toEqual([])
  expect((await getAlias(client, 'smoke-timeout', 'live')).FunctionVersion).toBe('1')
}, 60_000)

test('a cancel (SIGINT) during the smoke test says cancelled, and nothing moved', async () => {
  const since = await slowSmoke('smoke-cancel')
  const main = await runAction({
    inputs: inputs('smoke-cancel'),
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' },
    signal: { name: 'SIGINT', whenStdout: /v2 published/, afterMs: 300 }
  })
  expect(main.exitCode).toBe(1)
  expect(errors(main)).toEqual([
    'cancelled (SIGINT) during the smoke test of smoke-cancel v2, before it answered; no traffic was moved'
  ])
  expect(main.stdout).not.toMatch(/smoke test FAILED/)
  expect(writes(emu, since).filter(w => w.includes('Alias'))).toEqual([])
}, 60_000)
