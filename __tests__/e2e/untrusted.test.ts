// Text from outside the workflow, endpoints and AWS failures, through dist/ as the runner runs it:
// no injected workflow command works, no secret from a reply reaches the log, the summary renders
// outside text as text, requests go where the SDK would send them, and failures name the call.
import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Emulator } from '../../emulator/index.js'
import { runAction, runMainThenPost } from '../../testkit/runner.js'
import {
  cloudwatch,
  emulator,
  errors,
  getAlias,
  lambda,
  lastSeq,
  okAlarm,
  putAlarm,
  readyToPromote,
  splitSeen
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
useEmulator(f => ({ emu } = f))

const INJECTION = [
  'boom',
  '::error::injected-error',
  '::save-state name=done::true',
  '::set-output name=status::promoted',
  '  ::add-mask::x',
  '##[error]injected-legacy',
  '<img src=x onerror=alert(1)> | broken cell | [link](http://evil.example) ![i](http://evil.example/i.png)'
].join('\n')

const env = (): Record<string, string> => ({ AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' })

/** Nothing the outside text carried became a command, and the summary shows it only as text. */
function expectInert(result: Awaited<ReturnType<typeof runAction>>): void {
  // The text shows up inside our own error line, as data; it never starts a command of its own.
  const injected = result.commands.filter(
    c => ['save-state', 'set-output', 'add-mask'].includes(c.command) || /^injected/.test(c.message)
  )
  expect(injected).toEqual([])
  expect(result.state.done).not.toBe('true')
  expect(result.outputs.status).not.toBe('promoted')
  expect(result.summary).not.toMatch(/<img|<script|\]\(http:\/\/evil|!\[i\]/)
  // Every table row keeps its cell count.
  for (const table of result.summary.split('\n\n').filter(b => b.startsWith('|'))) {
    const rows = table.split('\n').filter(l => l.startsWith('|'))
    const cells = (l: string): number => l.split('|').length
    for (const row of rows) expect(cells(row)).toBe(cells(rows[0] as string))
  }
}

test('a failing smoke test whose reply carries workflow commands, Markdown and HTML: all inert', async () => {
  await readyToPromote(lambda(emu), 'smoke-inject', {
    env: { EMULATOR_FAIL: 'true', EMULATOR_ERROR_MESSAGE: INJECTION }
  })
  const r = await runAction({
    inputs: { 'function-name': 'smoke-inject', alias: 'live', 'smoke-test-payload': '{}' },
    env: env()
  })
  expect(r.exitCode).toBe(1)
  expect(errors(r)[0]).toMatch(
    /smoke test of smoke-inject v2 failed: function error \(Unhandled\): Error: boom/
  )
  expectInert(r)
})

test('a passing smoke test prints the status, the version and the size, never the reply', async () => {
  await readyToPromote(lambda(emu), 'smoke-secret', {
    env: { EMULATOR_RESPONSE: '{"token":"s3cr3t-VALUE-42"}' }
  })
  const r = await runAction({
    inputs: { 'function-name': 'smoke-secret', alias: 'live', 'smoke-test-payload': '{}' },
    env: env()
  })
  expect(r.outputs.status).toBe('promoted')
  expect(r.stdout).toMatch(/smoke test passed: v2 answered 200 \(executed v2, 27 bytes\)/)
  expect(`${r.stdout}${r.stderr}${r.summary}`).not.toContain('s3cr3t-VALUE-42')
})

test('an alarm reason carrying workflow commands and HTML: the rollback happens, nothing is injected', async () => {
  await readyToPromote(lambda(emu), 'reason-inject')
  const cw = cloudwatch(emu)
  await okAlarm(cw, 'reason-inject-errors')
  const since = lastSeq(emu)
  const running = runMainThenPost({
    inputs: {
      'function-name': 'reason-inject',
      alias: 'live',
      strategy: 'canary',
      interval: '3s',
      alarms: 'reason-inject-errors'
    },
    env: env()
  })
  await splitSeen(emu, 'reason-inject', since)
  await cw.send(
    new SetAlarmStateCommand({
      AlarmName: 'reason-inject-errors',
      StateValue: 'ALARM',
      StateReason: INJECTION
    })
  )
  cw.destroy()
  const { main, post } = await running
  expect(main.outputs.status).toBe('rolled-back')
  expect(errors(main)[0]).toMatch(
    /alarm reason-inject-errors went into ALARM \(boom : :error::injected-error : :save-state/
  )
  expectInert(main)
  expect(main.state.done).toBe('rolled-back')
  expect(post.exitCode).toBe(0)
  expect((await getAlias(lambda(emu), 'reason-inject', 'live')).FunctionVersion).toBe('1')
})

test('AWS_ENDPOINT_URL_LAMBDA and AWS_ENDPOINT_URL_CLOUDWATCH each send their service to its own endpoint', async () => {
  const lambdaSide = await emulator()
  const cloudwatchSide = await emulator()
  try {
    await readyToPromote(lambda(lambdaSide), 'split-endpoints')
    await putAlarm(cloudwatch(cloudwatchSide), 'split-endpoints-errors')
    cloudwatchSide.admin.setAlarmState('split-endpoints-errors', 'OK')
    const r = await runAction({
      inputs: { 'function-name': 'split-endpoints', alias: 'live', alarms: 'split-endpoints-errors' },
      env: {
        AWS_ENDPOINT_URL: undefined,
        AWS_ENDPOINT_URL_LAMBDA: lambdaSide.url,
        AWS_ENDPOINT_URL_CLOUDWATCH: cloudwatchSide.url,
        AWS_REGION: 'us-east-1'
      }
    })
    expect(r.outputs.status).toBe('promoted')
    const services = (e: Emulator): string[] => [...new Set(e.log.map(x => x.service))]
    expect(services(lambdaSide)).toEqual(['lambda'])
    expect(services(cloudwatchSide)).toEqual(['cloudwatch'])
  } finally {
    await lambdaSide.close()
    await cloudwatchSide.close()
  }
})

test('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true: the environment endpoints are not used, the input still is', async () => {
  await readyToPromote(lambda(emu), 'ignored-endpoints')
  const since = lastSeq(emu)
  const ignored = await runAction({
    inputs: { 'function-name': 'ignored-endpoints', alias: 'live' },
    env: { ...env(), AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }
  })
  // Off to AWS's own endpoint, which this machine cannot reach; the emulator saw nothing.
  expect(ignored.exitCode).toBe(1)
  expect(emu.log.filter(e => e.seq > since)).toEqual([])
  expect(errors(ignored)[0]).toMatch(/reading function ignored-endpoints from Lambda/)
  const explicit = await runAction({
    inputs: { 'function-name': 'ignored-endpoints', alias: 'live', 'endpoint-url': emu.url },
    env: { ...env(), AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }
  })
  expect(explicit.outputs.status).toBe('promoted')
})

/** A server that answers everything with an HTML 500, recording each request's path. */
async function htmlServer(): Promise<{ url: string; paths: string[]; close: () => Promise<void> }> {
  const paths: string[] = []
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '')
    res.writeHead(500, { 'content-type': 'text/html' }).end('<!doctype html><html><body>oops</body></html>')
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () => new Promise(done => server.close(() => done()))
  }
}

test('an endpoint answering HTML 500 to everything: at most 6 attempts at the first call, one line naming the call and the endpoint', async () => {
  const html = await htmlServer()
  try {
    const r = await runAction({
      inputs: { 'function-name': 'my-fn', alias: 'live', 'endpoint-url': html.url },
      env: { AWS_REGION: 'us-east-1' }
    })
    expect(r.exitCode).toBe(1)
    // $LATEST's read is retried; the three reads sent beside it (the alias, the alias's version read
    // through it, its provisioned concurrency) get one attempt each and are not asked again once
    // $LATEST's read has failed.
    const latest = html.paths.filter(p => p === '/2015-03-31/functions/my-fn')
    expect(latest.length).toBeLessThanOrEqual(6)
    expect(latest.length).toBeGreaterThan(1)
    expect(html.paths.filter(p => p !== '/2015-03-31/functions/my-fn').sort()).toEqual([
      '/2015-03-31/functions/my-fn/aliases/live',
      '/2015-03-31/functions/my-fn?Qualifier=live',
      '/2019-09-30/functions/my-fn/provisioned-concurrency?Qualifier=live'
    ])
    expect(errors(r)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^reading function my-fn from Lambda at ${html.url}: answered HTTP 500 with HTML, not the Lambda API \\(is endpoint-url right\\?\\)`
        )
      )
    ])
  } finally {
    await html.close()
  }
})

test('a closed port: one line saying nothing listens there', async () => {
  const r = await runAction({
    inputs: { 'function-name': 'my-fn', alias: 'live', 'endpoint-url': 'http://127.0.0.1:9' },
    env: { AWS_REGION: 'us-east-1' }
  })
  expect(r.exitCode).toBe(1)
  expect(errors(r)).toEqual([
    expect.stringMatching(
      /^reading function my-fn from Lambda at http:\/\/127\.0\.0\.1:9: nothing is listening at 127\.0\.0\.1:9/
    )
  ])
})

test('no credentials: one line saying so and how to provide them', async () => {
  const r = await runAction({
    inputs: { 'function-name': 'my-fn', alias: 'live' },
    env: {
      ...env(),
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_EC2_METADATA_DISABLED: 'true',
      HOME: '/nonexistent'
    }
  })
  expect(r.exitCode).toBe(1)
  expect(errors(r)).toEqual([
    expect.stringMatching(/no AWS credentials found.*configure-aws-credentials.*dummy/)
  ])
})
