// `npm run demo`: a real rollout, no AWS account. Starts the emulator in-process on its realistic profile
// (new versions Pending for a moment, metrics 3 s late, alarms that evaluate themselves), creates a
// function, changes its code and runs the bundled action (dist/) exactly as the GitHub runner would — four
// times: a first deploy, a canary that passes, a canary whose new version fails under traffic until its
// alarm goes to ALARM by its own evaluation and it is rolled back, and a canary whose alarm stays quiet but
// whose new version errs five times as often as the old one: canary analysis compares the two versions and
// rolls it back.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import {
  CreateFunctionCommand,
  GetAliasCommand,
  LambdaClient,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2
} from '@aws-sdk/client-lambda'
import { existsSync } from 'node:fs'
import { startEmulator } from '../emulator/index.js'
import { putAlarm } from '../testkit/fixtures.js'
import { runAction, type RunResult } from '../testkit/runner.js'
import { renderLogLine } from './lib/action-log.js'
import { seedAlarm } from './lib/seed.js'
import { styleFor } from './lib/terminal.js'

if (!existsSync('dist/index.js')) {
  console.error('dist/index.js is missing: run npm run bundle first')
  process.exit(1)
}

// Metrics by the second, so that the canary analysis of step 4 judges windows of seconds; the action is
// told (LAMBDA_PROMOTE_METRICS_RESOLUTION), and its metrics-delay matches the profile's 3 s lag.
const emu = await startEmulator({ port: 0, profile: 'realistic', metricsResolutionMs: 1000 })
const credentials = { accessKeyId: 'demo', secretAccessKey: 'demo' }
const lambda = new LambdaClient({ region: 'us-east-1', endpoint: emu.url, credentials })
const cloudwatch = new CloudWatchClient({ region: 'us-east-1', endpoint: emu.url, credentials })
const fn = 'hello-api'
const zip = (text: string): Uint8Array => new TextEncoder().encode(`demo package ${text}`)
// Bold headings on a terminal only: piped or with NO_COLOR set, the output is plain text.
const style = styleFor(process.stdout)
const say = (text: string): void => console.log(`\n${style.bold(`=== ${text}`)}`)

function show(r: RunResult): void {
  for (const line of r.stdout.split('\n'))
    for (const shown of renderLogLine(line, { style, indent: '  ' })) console.log(shown)
  const { result: _result, ...outputs } = r.outputs
  console.log(`  exit code ${r.exitCode}; outputs: ${JSON.stringify(outputs)}`)
}

/** A function with `code` in $LATEST, as a deploy step would leave it. */
async function createFunction(name: string, code: string, env: Record<string, string> = {}): Promise<void> {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: 'arn:aws:iam::123456789012:role/demo',
      Code: { ZipFile: zip(code) },
      ...(Object.keys(env).length > 0 ? { Environment: { Variables: env } } : {})
    })
  )
}

/** $LATEST's update has finished (it stays InProgress for a moment on this profile). */
async function updated(name: string): Promise<void> {
  await waitUntilFunctionUpdatedV2(
    { client: lambda, maxWaitTime: 60, minDelay: 1, maxDelay: 2 },
    { FunctionName: name }
  )
}

async function alias(): Promise<string> {
  const a = await lambda.send(new GetAliasCommand({ FunctionName: fn, Name: 'live' }))
  const split = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {})
  return `live → v${a.FunctionVersion}${split.map(([v, w]) => ` + v${v} at ${w * 100}%`).join('')}`
}

const env = { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' }
try {
  console.log(`lambda-promote demo: emulator at ${emu.url} (no AWS involved)`)
  await createFunction(fn, '1.0')
  // Errors >= 1 over 10 s through hello-api:live; INSUFFICIENT_DATA (healthy) until traffic gives it data.
  await seedAlarm(cloudwatch, 'hello-api-errors', fn, 'live')

  say('1. First deploy: publish $LATEST as v1 and create the alias')
  show(await runAction({ inputs: { 'function-name': fn, alias: 'live' }, env }))
  console.log(`  alias now: ${await alias()}`)

  say('2. New code, canary 20% for 2s with the smoke test and alarm watched')
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: fn, ZipFile: zip('1.1') }))
  show(
    await runAction({
      inputs: {
        'function-name': fn,
        alias: 'live',
        strategy: 'canary',
        'canary-percent': '20',
        interval: '2s',
        alarms: 'hello-api-errors',
        'smoke-test-payload': '{"ping":1}'
      },
      env
    })
  )
  console.log(`  alias now: ${await alias()}`)

  say('3. Newer code that fails, canary 20% for 30s under traffic: the alarm trips by itself, rollback')
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: fn, ZipFile: zip('1.2-broken') }))
  await updated(fn)
  await lambda.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: fn,
      Environment: { Variables: { EMULATOR_FAIL: 'true' } }
    })
  )
  // Users' requests on the alias: the new version's failures reach the alarm's metric, and the emulator
  // evaluates the alarm every 10 s; nobody sets its state.
  const users = emu.traffic.start({ functionName: fn, alias: 'live', rps: 20 })
  const r3 = await runAction({
    inputs: {
      'function-name': fn,
      alias: 'live',
      strategy: 'canary',
      'canary-percent': '20',
      interval: '30s',
      alarms: 'hello-api-errors'
    },
    env
  })
  users.stop()
  show(r3)
  console.log(`  alias now: ${await alias()}`)
  console.log('\n--- job summary of run 3 (GITHUB_STEP_SUMMARY) ---\n')
  console.log(r3.summary)

  say("4. Canary analysis: v2 errs 10% against v1's 2%; the function-wide alarm stays quiet")
  const orders = 'orders-api'
  await createFunction(orders, '2.0', { EMULATOR_ERROR_RATE: '0.02' })
  show(await runAction({ inputs: { 'function-name': orders, alias: 'live' }, env }))
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: orders, ZipFile: zip('2.1') }))
  await updated(orders)
  await lambda.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: orders,
      Environment: { Variables: { EMULATOR_ERROR_RATE: '0.1' } }
    })
  )
  await putAlarm(cloudwatch, 'orders-api-errors', 1000)
  // Steady traffic on the alias, as production would send; the emulator records per-version metrics.
  const traffic = emu.traffic.start({ functionName: orders, alias: 'live', rps: 200 })
  const r4 = await runAction({
    inputs: {
      'function-name': orders,
      alias: 'live',
      strategy: 'canary',
      'canary-percent': '10',
      interval: '3s',
      alarms: 'orders-api-errors',
      analysis: 'errors, latency',
      'metrics-delay': '3s'
    },
    env: { ...env, LAMBDA_PROMOTE_METRICS_RESOLUTION: '1s' }
  })
  traffic.stop()
  show(r4)
  const a4 = await lambda.send(new GetAliasCommand({ FunctionName: orders, Name: 'live' }))
  console.log(`  alias now: live → v${a4.FunctionVersion} (the alarm never fired; the comparison did)`)
  const writes = emu.log.filter(e => e.write).length
  console.log(`The emulator served ${emu.log.length} requests (${writes} writes). Done.`)
} finally {
  lambda.destroy()
  cloudwatch.destroy()
  await emu.close()
}
