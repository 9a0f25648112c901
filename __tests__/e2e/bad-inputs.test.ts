// Every bad input is one clear line naming the input, the value and what is allowed, and the
// emulator sees no writing call. Runs dist/ as the runner does.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import {
  act,
  createAlias,
  createFunction,
  errors,
  lastSeq,
  publish,
  updateCode,
  writes
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
const fn = 'inputs-fn'

useEmulator(f => ({ emu, lambda: client } = f))
beforeAll(async () => {
  await createFunction(client, fn, 'a')
  await publish(client, fn)
  await createAlias(client, fn, 'live', '1')
})

const STRATEGY = 'expected all-at-once, canary, linear or a CodeDeploy name such as Canary10Percent5Minutes'
const PERCENT = 'expected a percentage between 0 and 100, exclusive'
const DURATION = 'expected a duration such as 500ms, 90s, 5m, 1h or 1m30s'
const ALIAS = 'expected an alias name of 1-128 letters, digits, - and _, not all digits (e.g. live)'
const NAME =
  'expected a function name (my-fn, up to 64 letters, digits, - and _), an ARN (arn:aws:lambda:us-east-1:123456789012:function:my-fn) or a partial ARN (123456789012:function:my-fn), without a qualifier'

const cases: [string, Record<string, string>, string | RegExp][] = [
  ['unknown strategy', { strategy: 'canery' }, `strategy "canery": ${STRATEGY}`],
  [
    'CodeDeploy name without interval',
    { strategy: 'Canary10Percent' },
    `strategy "Canary10Percent": ${STRATEGY}`
  ],
  ['canary percent 0', { strategy: 'canary', 'canary-percent': '0' }, `canary-percent "0": ${PERCENT}`],
  ['canary percent 100', { strategy: 'canary', 'canary-percent': '100' }, `canary-percent "100": ${PERCENT}`],
  ['canary percent abc', { strategy: 'canary', 'canary-percent': 'abc' }, `canary-percent "abc": ${PERCENT}`],
  ['linear percent 0', { strategy: 'linear', 'linear-percent': '0' }, `linear-percent "0": ${PERCENT}`],
  ['interval without unit', { strategy: 'canary', interval: '5' }, `interval "5": ${DURATION}`],
  ['fractional interval', { strategy: 'canary', interval: '1.5m' }, `interval "1.5m": ${DURATION}`],
  ['negative bake time', { 'bake-time': '-1m' }, `bake-time "-1m": ${DURATION}`],
  ['timeout word', { timeout: 'soon' }, `timeout "soon": ${DURATION}`],
  [
    'steps not increasing',
    { steps: '50,25' },
    `steps "50,25": expected strictly increasing percentages, such as 5,25,50`
  ],
  ['steps with canary', { strategy: 'canary', steps: '5,25' }, /^steps "5,25": /],
  ['numeric alias', { alias: '123' }, `alias "123": ${ALIAS}`],
  ['alias with a space', { alias: 'my alias' }, `alias "my alias": ${ALIAS}`],
  ['alias too long', { alias: 'a'.repeat(129) }, `alias "${'a'.repeat(129)}": ${ALIAS}`],
  ['$LATEST as version', { version: '$LATEST' }, /^version "\$LATEST": \$LATEST cannot be promoted/],
  [
    'version 0',
    { version: '0' },
    `version "0": expected a published version number (1, 2, ...) or an alias name`
  ],
  [
    'malformed ARN',
    { 'function-name': 'arn:aws:lambda:us-east-1:123:function:x' },
    `function-name "arn:aws:lambda:us-east-1:123:function:x": ${NAME}`
  ],
  ['bad function name', { 'function-name': 'my fn!' }, `function-name "my fn!": ${NAME}`],
  [
    'qualified function name',
    { 'function-name': 'inputs-fn:live' },
    `function-name "inputs-fn:live": ${NAME}`
  ],
  ['unknown function', { 'function-name': 'ghost' }, 'function-name "ghost": no such function in us-east-1'],
  ['unknown version', { version: '99' }, `version "99": ${fn} has no version 99`],
  ['missing alias of version:', { version: 'staging' }, `version "staging": ${fn} has no alias staging`],
  ['unknown publish mode', { publish: 'sometimes' }, 'publish "sometimes": expected auto or always'],
  ['bad wait', { wait: 'maybe' }, 'wait "maybe": expected true or false'],
  ['bad rollback', { rollback: 'yes' }, 'rollback "yes": expected true or false'],
  ['bad dry-run', { 'dry-run': '1' }, 'dry-run "1": expected true or false'],
  [
    'smoke payload not JSON',
    { 'smoke-test-payload': '{bad' },
    /^smoke-test-payload "\{bad": expected JSON \(/
  ],
  [
    'endpoint not a URL',
    { 'endpoint-url': 'ftp://x' },
    'endpoint-url "ftp://x": expected an http(s) URL such as http://127.0.0.1:4599'
  ],
  ['bad region', { region: 'mars-1' }, 'region "mars-1": expected an AWS region such as us-east-1'],
  [
    'timeout shorter than the schedule',
    { strategy: 'canary', timeout: '1m' },
    /^timeout "1m": shorter than the rollout's schedule of 5m/
  ],
  [
    'unknown alarm',
    { alarms: 'no-such-alarm' },
    'alarms "no-such-alarm": no CloudWatch alarm by that name in this region; check the spelling and region'
  ],
  [
    'pacing 0',
    { 'max-requests-per-second': '0' },
    'max-requests-per-second "0": expected a number greater than 0 and at most 1000'
  ],
  [
    'function listed twice',
    { 'function-name': `${fn},${fn}` },
    `function-name "${fn}": listed twice; name each function once`
  ],
  [
    'analysis of an unknown check',
    { strategy: 'canary', analysis: 'errors,throughput' },
    'analysis "throughput": expected errors or latency'
  ],
  [
    'analysis with nothing to judge',
    { analysis: 'errors' },
    'analysis "errors": needs a hold to judge: use a canary, linear or steps strategy, or bake-time'
  ],
  [
    'min-invocations not a number',
    { strategy: 'canary', 'min-invocations': 'lots' },
    'min-invocations "lots": expected a whole number of invocations, 0 or more, such as 100'
  ],
  [
    'latency-tolerance not a percentage',
    { strategy: 'canary', analysis: 'latency', 'latency-tolerance': '-5%' },
    'latency-tolerance "-5%": expected a percentage from 0% to 1000%, such as 20%'
  ],
  [
    'endpoint-url with a password (never echoed)',
    { 'endpoint-url': 'http://user:hunter2@127.0.0.1:4599' },
    'endpoint-url "http://user:***@127.0.0.1:4599/": must not carry a user name or password; AWS requests are signed'
  ]
]

/** Bad values the environment brings: named by their variable, with the same one line. */
const envCases: [string, Record<string, string>, string][] = [
  [
    'AWS_ENDPOINT_URL_LAMBDA not a URL',
    { AWS_ENDPOINT_URL_LAMBDA: 'localhost:4599' },
    'AWS_ENDPOINT_URL_LAMBDA "localhost:4599": expected an http(s) URL such as http://127.0.0.1:4599'
  ],
  [
    'AWS_ENDPOINT_URL_CLOUDWATCH not a URL',
    { AWS_ENDPOINT_URL_CLOUDWATCH: 'cloudwatch' },
    'AWS_ENDPOINT_URL_CLOUDWATCH "cloudwatch": expected an http(s) URL such as http://127.0.0.1:4599'
  ],
  [
    'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS neither true nor false',
    { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'sometimes' },
    'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS "sometimes": expected true or false'
  ]
]

test.each(envCases)('%s', async (_label, env, expected) => {
  const since = lastSeq(emu)
  const r = await act(emu, { 'function-name': fn, alias: 'live' }, { env })
  expect(errors(r)).toEqual([expected])
  expect(r.exitCode).toBe(1)
  expect(writes(emu, since)).toEqual([])
})

test.each(cases)('%s', async (_label, inputs, expected) => {
  const since = lastSeq(emu)
  const r = await act(emu, { 'function-name': fn, alias: 'live', ...inputs })
  const messages = errors(r)
  expect(messages).toHaveLength(1)
  const message = messages[0] as string
  expect(message).not.toContain('\n')
  if (typeof expected === 'string') expect(message).toBe(expected)
  else expect(message).toMatch(expected)
  expect(r.exitCode).toBe(1)
  expect(r.outputs.status).toBe('failed')
  expect(writes(emu, since)).toEqual([])
})

// The plan's time, every judgement's settle time included, is checked before anything changes, in
// dry-run too. Linear 10% every 1m judges 9 holds, each: up to 1m to the next whole minute, the 1m
// window, metrics-delay 2m (the default).
test.each(['false', 'true'])(
  'linear 10%%/1m with analysis does not fit 9m30s (dry-run: %s)',
  async dryRun => {
    const since = lastSeq(emu)
    const r = await act(emu, {
      'function-name': fn,
      alias: 'live',
      strategy: 'linear',
      analysis: 'errors',
      timeout: '9m30s',
      'dry-run': dryRun
    })
    expect(errors(r)).toEqual([
      'timeout "9m30s": shorter than the 36m the plan needs: steps plus bake-time, and for each of its 9 judgements up to 1m to the next whole minute, metrics-delay 2m for its metrics to settle; raise timeout or shorten the schedule'
    ])
    expect(r.exitCode).toBe(1)
    expect(writes(emu, since)).toEqual([])
  }
)

test('env credentials that expire in 10 minutes refuse a 30-minute plan before any change', async () => {
  // New code in $LATEST, so that there is something to promote.
  const name = 'creds-fn'
  await createFunction(client, name, 'a')
  await publish(client, name)
  await createAlias(client, name, 'live', '1')
  await updateCode(client, name, 'b')
  const since = lastSeq(emu)
  const expires = new Date(Date.now() + 10 * 60_000)
  const r = await act(
    emu,
    { 'function-name': name, alias: 'live', strategy: 'canary', interval: '30m', timeout: '40m' },
    { env: { AWS_CREDENTIAL_EXPIRATION: expires.toISOString() } }
  )
  const messages = errors(r)
  expect(messages).toHaveLength(1)
  const at = expires.toISOString().slice(0, 19)
  expect(messages[0]).toMatch(
    new RegExp(
      `^the AWS credentials expire at ${at}Z, before the rollout can end \\(it needs 30m, until \\S+Z\\); nothing was changed; ask for a longer session, e\\.g\\. role-duration-seconds of aws-actions/configure-aws-credentials`
    )
  )
  expect(r.outputs.status).toBe('failed')
  expect(writes(emu, since)).toEqual([])
  // Credentials that last are taken: the same plan starts (dry-run, so nothing is written).
  const later = new Date(Date.now() + 2 * 3_600_000).toISOString()
  const ok = await act(
    emu,
    {
      'function-name': name,
      alias: 'live',
      strategy: 'canary',
      interval: '30m',
      timeout: '40m',
      'dry-run': 'true'
    },
    { env: { AWS_CREDENTIAL_EXPIRATION: later } }
  )
  expect(errors(ok)).toEqual([])
  expect(ok.outputs.status).toBe('dry-run')
})
