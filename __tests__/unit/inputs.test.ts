import { readFileSync } from 'node:fs'
import { InputError } from '../../src/errors.js'
import { INPUT_NAMES, type RawInputs } from '../../src/inputs/config.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { DEFAULT_INPUTS } from '../../testkit/inputs.js'

const ACTION_YML = new URL('../../action.yml', import.meta.url)

/** `inputs:` of action.yml → name → default ('' when none). Indentation-based: enough for this file. */
function actionDefaults(): Record<string, string | undefined> {
  const lines = readFileSync(ACTION_YML, 'utf8').split('\n')
  const start = lines.indexOf('inputs:')
  const out: Record<string, string | undefined> = {}
  let current: string | null = null
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break
    const name = /^ {2}([a-z0-9-]+):\s*$/.exec(line)
    if (name) {
      current = name[1] as string
      out[current] = undefined
      continue
    }
    const def = /^ {4}default:\s*(.*)$/.exec(line)
    if (def && current) out[current] = (def[1] as string).replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1')
  }
  return out
}

const ymlDefaults = actionDefaults()

const DEFAULTS: RawInputs = DEFAULT_INPUTS
const ENV = { AWS_REGION: 'us-east-1' }

function raw(overrides: Partial<RawInputs> = {}): RawInputs {
  return { ...DEFAULTS, ...overrides }
}

function inputError(
  overrides: Partial<RawInputs>,
  env: Record<string, string | undefined> = ENV
): InputError {
  try {
    parseInputs(raw(overrides), env)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`expected an InputError for ${JSON.stringify(overrides)}`)
}

function jsonMessage(text: string): string {
  try {
    JSON.parse(text)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`${text} is valid JSON`)
}

const ARN = (region: string, name: string): string => `arn:aws:lambda:${region}:123456789012:function:${name}`
const FN_FORMS =
  'expected a function name (my-fn, up to 64 letters, digits, - and _), an ARN ' +
  '(arn:aws:lambda:us-east-1:123456789012:function:my-fn) or a partial ARN (123456789012:function:my-fn), without a qualifier'
const ALIAS_ALLOWED = 'expected an alias name of 1-128 letters, digits, - and _, not all digits (e.g. live)'
const STRATEGY_ALLOWED =
  'expected all-at-once, canary, linear or a CodeDeploy name such as Canary10Percent5Minutes'
const PERCENT = 'expected a percentage between 0 and 100, exclusive'
const DURATION = 'expected a duration such as 500ms, 90s, 5m, 1h or 1m30s'
const REGION = 'expected an AWS region such as us-east-1'
const BOOL = 'expected true or false'
const RPS = 'expected a number greater than 0 and at most 1000'
const CONC = 'expected a whole number greater than 0 and at most 100'
const ENDPOINT = 'expected an http(s) URL such as http://127.0.0.1:4599'
const LONG_DESCRIPTION = 'd'.repeat(257)
const LONG_PAYLOAD = `{"key": "${'x'.repeat(80)}"`
const LONG_ALARM = 'A'.repeat(256)

describe('action.yml and the raw inputs agree', () => {
  it('INPUT_NAMES lists exactly the inputs action.yml declares', () => {
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(ymlDefaults).sort())
  })

  it('the DEFAULTS used here are action.yml defaults', () => {
    const expected = { ...ymlDefaults, 'function-name': 'my-fn', alias: 'live', 'github-token': 'tok' }
    for (const name of INPUT_NAMES) {
      if (name === 'function-name' || name === 'alias' || name === 'github-token') continue
      expect([name, ymlDefaults[name]]).toEqual([name, DEFAULTS[name]])
    }
    expect(ymlDefaults['github-token']).toBe('${{ github.token }}')
    expect(DEFAULTS).toEqual(expected)
  })
})

describe('parseInputs: valid configurations', () => {
  it('action.yml defaults give an all-at-once promotion in AWS_REGION', () => {
    expect(parseInputs(raw(), ENV)).toEqual({
      functions: [{ id: 'my-fn', name: 'my-fn' }],
      alias: 'live',
      version: null,
      publish: 'auto',
      strategy: { kind: 'all-at-once' },
      plan: [{ weight: 1, holdMs: 0 }],
      wait: true,
      alarms: [],
      smokeTestPayload: null,
      smokeTestExpect: null,
      bakeMs: 0,
      rollback: true,
      timeoutMs: 30 * 60_000,
      description: null,
      region: 'us-east-1',
      endpoint: null,
      cloudwatchEndpoint: null,
      endpointSource: { lambda: null, cloudwatch: null },
      dryRun: false,
      environment: '',
      githubToken: 'tok',
      maxRequestsPerSecond: 14,
      concurrency: 10,
      analysis: [],
      minInvocations: 0,
      latencyTolerance: 0.2,
      keepVersions: null,
      metricsDelayMs: 120_000,
      metricsResolutionMs: 60_000,
      engine: 'action',
      codedeploy: null
    })
  })

  it('analysis: checks, the min-invocations default that comes with it, and the tolerance', () => {
    const canary = { strategy: 'canary' }
    expect(parseInputs(raw({ ...canary, analysis: 'errors, latency' }), ENV)).toMatchObject({
      analysis: ['errors', 'latency'],
      minInvocations: 100,
      latencyTolerance: 0.2
    })
    expect(
      parseInputs(
        raw({ ...canary, analysis: 'Latency', 'min-invocations': '0', 'latency-tolerance': '35%' }),
        ENV
      )
    ).toMatchObject({ analysis: ['latency'], minInvocations: 0, latencyTolerance: 0.35 })
    // min-invocations alone is a traffic-sufficiency guard, bake-time alone is a hold to judge.
    expect(parseInputs(raw({ 'min-invocations': '50', 'bake-time': '1m' }), ENV)).toMatchObject({
      analysis: [],
      minInvocations: 50
    })
  })

  it('returns a frozen config', () => {
    const config = parseInputs(raw({ alarms: 'a' }), ENV)
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.functions)).toBe(true)
    expect(Object.isFrozen(config.plan)).toBe(true)
    expect(Object.isFrozen(config.alarms)).toBe(true)
  })

  it('is pure: reads the env it is given, not process.env', () => {
    const saved = process.env.AWS_REGION
    process.env.AWS_REGION = 'eu-west-1'
    try {
      expect(parseInputs(raw(), { AWS_REGION: 'us-west-2' }).region).toBe('us-west-2')
      expect(() => parseInputs(raw(), {})).toThrow(InputError)
    } finally {
      if (saved === undefined) delete process.env.AWS_REGION
      else process.env.AWS_REGION = saved
    }
  })

  it('canary with defaults: 10% for 5m then 100%', () => {
    const config = parseInputs(raw({ strategy: 'canary' }), ENV)
    expect(config.strategy).toEqual({ kind: 'canary', percent: 10, intervalMs: 300_000 })
    expect(config.plan).toEqual([
      { weight: 0.1, holdMs: 300_000 },
      { weight: 1, holdMs: 0 }
    ])
  })

  it('linear with a CodeDeploy name and a bake time', () => {
    const config = parseInputs(
      raw({ strategy: 'CodeDeployDefault.LambdaLinear25PercentEvery2Minutes', 'bake-time': '5m' }),
      ENV
    )
    expect(config.strategy).toEqual({ kind: 'linear', percent: 25, intervalMs: 120_000 })
    expect(config.plan).toEqual([
      { weight: 0.25, holdMs: 120_000 },
      { weight: 0.5, holdMs: 120_000 },
      { weight: 0.75, holdMs: 120_000 },
      { weight: 1, holdMs: 300_000 }
    ])
    expect(config.bakeMs).toBe(300_000)
  })

  it('explicit steps', () => {
    const config = parseInputs(raw({ steps: '5,25,50', interval: '90s' }), ENV)
    expect(config.plan.map(s => s.weight)).toEqual([0.05, 0.25, 0.5, 1])
    expect(config.plan.map(s => s.holdMs)).toEqual([90_000, 90_000, 90_000, 0])
  })

  it('a timeout just above the schedule is accepted', () => {
    expect(parseInputs(raw({ strategy: 'canary', timeout: '5m1s' }), ENV).timeoutMs).toBe(301_000)
    expect(parseInputs(raw({ timeout: '500ms' }), ENV).timeoutMs).toBe(500)
  })

  it('several functions, newline- and comma-separated, region from their ARNs', () => {
    const config = parseInputs(
      raw({
        'function-name': `${ARN('eu-west-1', 'a')}\n${ARN('eu-west-1', 'b')}, 123456789012:function:c\n\n`
      }),
      {}
    )
    expect(config.region).toBe('eu-west-1')
    expect(config.functions).toEqual([
      { id: ARN('eu-west-1', 'a'), name: 'a', region: 'eu-west-1', account: '123456789012' },
      { id: ARN('eu-west-1', 'b'), name: 'b', region: 'eu-west-1', account: '123456789012' },
      { id: '123456789012:function:c', name: 'c', account: '123456789012' }
    ])
  })

  it('an ARN agreeing with AWS_REGION is fine', () => {
    expect(parseInputs(raw({ 'function-name': ARN('us-east-1', 'a') }), ENV).region).toBe('us-east-1')
  })

  it('region precedence: region input, then AWS_REGION, then AWS_DEFAULT_REGION, then the ARN', () => {
    const env = { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-central-1' }
    expect(parseInputs(raw({ region: 'ap-southeast-2' }), env).region).toBe('ap-southeast-2')
    expect(parseInputs(raw(), env).region).toBe('us-west-2')
    expect(parseInputs(raw(), { AWS_DEFAULT_REGION: 'eu-central-1' }).region).toBe('eu-central-1')
    expect(parseInputs(raw(), { AWS_REGION: '', AWS_DEFAULT_REGION: 'eu-central-1' }).region).toBe(
      'eu-central-1'
    )
    expect(parseInputs(raw({ region: 'us-gov-west-1' }), {}).region).toBe('us-gov-west-1')
  })

  it('version: a number or another alias', () => {
    expect(parseInputs(raw({ version: '41' }), ENV).version).toEqual({ kind: 'number', version: '41' })
    expect(parseInputs(raw({ version: 'staging' }), ENV).version).toEqual({ kind: 'alias', alias: 'staging' })
  })

  it.each([
    ['auto', 'auto'],
    ['always', 'always'],
    ['Always', 'always'],
    ['AUTO', 'auto']
  ])('publish %s → %s', (value, expected) => {
    expect(parseInputs(raw({ publish: value }), ENV).publish).toBe(expected)
  })

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false]
  ])('YAML boolean %s → %s for wait, rollback and dry-run', (value, expected) => {
    const config = parseInputs(raw({ wait: value, rollback: value, 'dry-run': value }), ENV)
    expect([config.wait, config.rollback, config.dryRun]).toEqual([expected, expected, expected])
  })

  it('empty values fall back to the defaults', () => {
    const config = parseInputs(
      raw({
        wait: '',
        rollback: '',
        'dry-run': '',
        timeout: '',
        'bake-time': '',
        'max-requests-per-second': '',
        concurrency: ''
      }),
      ENV
    )
    expect(config).toMatchObject({
      wait: true,
      rollback: true,
      dryRun: false,
      timeoutMs: 1_800_000,
      bakeMs: 0,
      maxRequestsPerSecond: 14,
      concurrency: 10
    })
  })

  it('alarms are split and trimmed', () => {
    expect(parseInputs(raw({ alarms: ' errors ,\nthrottles\n\nlatency-p99 ' }), ENV).alarms).toEqual([
      'errors',
      'throttles',
      'latency-p99'
    ])
    expect(parseInputs(raw({ alarms: 'A'.repeat(255) }), ENV).alarms).toEqual(['A'.repeat(255)])
  })

  it.each(['{"a":1}', '[]', '"text"', '42', 'null', '{\n  "nested": {"b": [1, 2]}\n}'])(
    'smoke-test-payload %j is kept as text',
    payload => {
      expect(parseInputs(raw({ 'smoke-test-payload': payload }), ENV).smokeTestPayload).toBe(payload)
    }
  )

  it('description: kept up to exactly 256 characters; empty means "build one"', () => {
    const d = 'x'.repeat(256)
    expect(parseInputs(raw({ description: d }), ENV).description).toBe(d)
    expect(parseInputs(raw({ description: 'release v1' }), ENV).description).toBe('release v1')
  })

  it('endpoint: input, else AWS_ENDPOINT_URL_LAMBDA, else AWS_ENDPOINT_URL', () => {
    const env = { ...ENV, AWS_ENDPOINT_URL_LAMBDA: 'http://lambda:1', AWS_ENDPOINT_URL: 'http://all:2' }
    expect(parseInputs(raw({ 'endpoint-url': 'https://127.0.0.1:4599' }), env).endpoint).toBe(
      'https://127.0.0.1:4599'
    )
    expect(parseInputs(raw(), env).endpoint).toBe('http://lambda:1')
    expect(parseInputs(raw(), { ...ENV, AWS_ENDPOINT_URL: 'http://all:2' }).endpoint).toBe('http://all:2')
    expect(parseInputs(raw(), ENV).endpoint).toBeNull()
  })

  it.each([
    ['1', 1],
    ['2.5', 2.5],
    ['1000', 1000],
    ['0.5', 0.5]
  ])('max-requests-per-second %s', (value, expected) => {
    expect(parseInputs(raw({ 'max-requests-per-second': value }), ENV).maxRequestsPerSecond).toBe(expected)
  })

  it.each([
    ['1', 1],
    ['100', 100]
  ])('concurrency %s', (value, expected) => {
    expect(parseInputs(raw({ concurrency: value }), ENV).concurrency).toBe(expected)
  })

  it.each([
    ['', null],
    ['1', 1],
    ['25', 25]
  ])('keep-versions %p', (value, expected) => {
    expect(parseInputs(raw({ 'keep-versions': value }), ENV).keepVersions).toBe(expected)
  })

  it('environment and github-token pass through', () => {
    const config = parseInputs(raw({ environment: 'production', 'github-token': 'ghs_x' }), ENV)
    expect(config.environment).toBe('production')
    expect(config.githubToken).toBe('ghs_x')
  })

  it('dry-run with every option set', () => {
    const config = parseInputs(
      raw({
        'dry-run': 'true',
        strategy: 'Canary5Percent10Minutes',
        alarms: 'a,b',
        'smoke-test-payload': '{}',
        'bake-time': '1m',
        version: 'staging'
      }),
      ENV
    )
    expect(config.dryRun).toBe(true)
    expect(config.plan).toEqual([
      { weight: 0.05, holdMs: 600_000 },
      { weight: 1, holdMs: 60_000 }
    ])
  })
})

describe('parseInputs: bad inputs fail with one line naming input, value and what is allowed', () => {
  const rows: [string, Partial<RawInputs>, Record<string, string | undefined>, string][] = [
    // strategy and its numbers
    ['unknown strategy', { strategy: 'canery' }, ENV, `strategy "canery": ${STRATEGY_ALLOWED}`],
    [
      'canary-percent 0',
      { strategy: 'canary', 'canary-percent': '0' },
      ENV,
      `canary-percent "0": ${PERCENT}`
    ],
    [
      'canary-percent 100',
      { strategy: 'canary', 'canary-percent': '100' },
      ENV,
      `canary-percent "100": ${PERCENT}`
    ],
    [
      'canary-percent abc',
      { strategy: 'canary', 'canary-percent': 'abc' },
      ENV,
      `canary-percent "abc": ${PERCENT}`
    ],
    [
      'linear-percent 0',
      { strategy: 'linear', 'linear-percent': '0' },
      ENV,
      `linear-percent "0": ${PERCENT}`
    ],
    [
      'linear-percent 100',
      { strategy: 'linear', 'linear-percent': '100' },
      ENV,
      `linear-percent "100": ${PERCENT}`
    ],
    [
      'steps not increasing',
      { steps: '50,25' },
      ENV,
      `steps "50,25": expected strictly increasing percentages, such as 5,25,50`
    ],
    [
      'interval with a CodeDeploy name',
      { strategy: 'Canary10Percent5Minutes', interval: '1m' },
      ENV,
      `interval "1m": Canary10Percent5Minutes sets its own interval; leave interval empty`
    ],
    // durations
    ['interval without a unit', { strategy: 'canary', interval: '5' }, ENV, `interval "5": ${DURATION}`],
    [
      'interval with a fraction',
      { strategy: 'canary', interval: '1.5m' },
      ENV,
      `interval "1.5m": ${DURATION}`
    ],
    ['negative interval', { strategy: 'linear', interval: '-1m' }, ENV, `interval "-1m": ${DURATION}`],
    ['bake-time without a unit', { 'bake-time': '5' }, ENV, `bake-time "5": ${DURATION}`],
    ['bake-time with a fraction', { 'bake-time': '1.5m' }, ENV, `bake-time "1.5m": ${DURATION}`],
    ['negative timeout', { timeout: '-1m' }, ENV, `timeout "-1m": ${DURATION}`],
    ['timeout in capital minutes', { timeout: '30M' }, ENV, `timeout "30M": ${DURATION}`],
    ['timeout 0', { timeout: '0' }, ENV, `timeout "0": expected a positive duration such as 30m`],
    [
      'timeout equal to a canary schedule',
      { strategy: 'canary', timeout: '5m' },
      ENV,
      `timeout "5m": shorter than the rollout's schedule of 5m (steps plus bake-time); raise timeout or shorten the schedule`
    ],
    [
      'timeout shorter than linear steps plus bake',
      { strategy: 'linear', 'bake-time': '1m', timeout: '10m' },
      ENV,
      `timeout "10m": shorter than the rollout's schedule of 10m (steps plus bake-time); raise timeout or shorten the schedule`
    ],
    [
      'timeout shorter than the bake time alone',
      { 'bake-time': '1h', timeout: '30m' },
      ENV,
      `timeout "30m": shorter than the rollout's schedule of 1h (steps plus bake-time); raise timeout or shorten the schedule`
    ],
    // alias
    ['numeric alias', { alias: '123' }, ENV, `alias "123": ${ALIAS_ALLOWED}`],
    ['alias too long', { alias: 'a'.repeat(129) }, ENV, `alias "${'a'.repeat(129)}": ${ALIAS_ALLOWED}`],
    ['alias with a dot', { alias: 'my.alias' }, ENV, `alias "my.alias": ${ALIAS_ALLOWED}`],
    ['alias with a space', { alias: 'my alias' }, ENV, `alias "my alias": ${ALIAS_ALLOWED}`],
    ['alias $LATEST', { alias: '$LATEST' }, ENV, `alias "$LATEST": ${ALIAS_ALLOWED}`],
    ['empty alias', { alias: '' }, ENV, `alias "": an alias name is required (e.g. live)`],
    // version
    [
      '$LATEST as version',
      { version: '$LATEST' },
      ENV,
      `version "$LATEST": $LATEST cannot be promoted: an alias must point at a published version (leave version empty to publish $LATEST)`
    ],
    [
      '$latest as version',
      { version: '$latest' },
      ENV,
      `version "$latest": $LATEST cannot be promoted: an alias must point at a published version (leave version empty to publish $LATEST)`
    ],
    [
      'version 0',
      { version: '0' },
      ENV,
      `version "0": expected a published version number (1, 2, ...) or an alias name`
    ],
    [
      'version 007',
      { version: '007' },
      ENV,
      `version "007": expected a published version number (1, 2, ...) or an alias name`
    ],
    [
      'version 4.1',
      { version: '4.1' },
      ENV,
      `version "4.1": expected a published version number (e.g. 41) or an alias name (e.g. staging)`
    ],
    [
      'version naming the alias being promoted',
      { version: 'live' },
      ENV,
      `version "live": names the alias being promoted; name another alias or a version number`
    ],
    // function-name
    ['empty function-name', { 'function-name': '' }, ENV, `function-name "": a function name is required`],
    [
      'function-name of separators only',
      { 'function-name': ' ,\n' },
      ENV,
      `function-name " ,\n": a function name is required`
    ],
    [
      'malformed ARN (short account)',
      { 'function-name': 'arn:aws:lambda:us-east-1:12345:function:x' },
      ENV,
      `function-name "arn:aws:lambda:us-east-1:12345:function:x": ${FN_FORMS}`
    ],
    [
      'ARN of another service',
      { 'function-name': 'arn:aws:sqs:us-east-1:123456789012:queue' },
      ENV,
      `function-name "arn:aws:sqs:us-east-1:123456789012:queue": ${FN_FORMS}`
    ],
    [
      'ARN with a qualifier',
      { 'function-name': `${ARN('us-east-1', 'my-fn')}:live` },
      ENV,
      `function-name "${ARN('us-east-1', 'my-fn')}:live": ${FN_FORMS}`
    ],
    ['name with a qualifier', { 'function-name': 'my-fn:3' }, ENV, `function-name "my-fn:3": ${FN_FORMS}`],
    [
      'partial ARN with a bad account',
      { 'function-name': '12345:function:my-fn' },
      ENV,
      `function-name "12345:function:my-fn": ${FN_FORMS}`
    ],
    ['one bad entry in a list', { 'function-name': 'a\nb c\nd' }, ENV, `function-name "b c": ${FN_FORMS}`],
    [
      'two regions across ARNs',
      { 'function-name': `${ARN('us-east-1', 'a')},${ARN('eu-west-1', 'b')}` },
      {},
      `function-name "${ARN('us-east-1', 'a')},${ARN('eu-west-1', 'b')}": all functions must be in one region`
    ],
    [
      'ARN region vs AWS_REGION',
      { 'function-name': ARN('eu-west-1', 'a') },
      { AWS_REGION: 'us-east-1' },
      `function-name "${ARN('eu-west-1', 'a')}": is in eu-west-1 but the region is us-east-1 (from AWS_REGION); make them agree`
    ],
    [
      'ARN region vs region input',
      { 'function-name': `b\n${ARN('eu-west-1', 'a')}`, region: 'us-east-2' },
      {},
      `function-name "${ARN('eu-west-1', 'a')}": is in eu-west-1 but the region is us-east-2 (from region); make them agree`
    ],
    [
      'ARN region vs AWS_DEFAULT_REGION',
      { 'function-name': ARN('eu-west-1', 'a') },
      { AWS_DEFAULT_REGION: 'ap-south-1' },
      `function-name "${ARN('eu-west-1', 'a')}": is in eu-west-1 but the region is ap-south-1 (from AWS_DEFAULT_REGION); make them agree`
    ],
    [
      'no region at all',
      {},
      {},
      `region "": no region: set the region input or AWS_REGION, or name the function by its ARN`
    ],
    [
      'no region with a partial ARN',
      { 'function-name': '123456789012:function:a' },
      {},
      `region "": no region: set the region input or AWS_REGION, or name the function by its ARN`
    ],
    ['bad region input', { region: 'US-EAST-1' }, ENV, `region "US-EAST-1": ${REGION}`],
    ['region without a number', { region: 'us-east' }, {}, `region "us-east": ${REGION}`],
    ['bad AWS_REGION', {}, { AWS_REGION: 'mars' }, `AWS_REGION "mars": ${REGION}`],
    [
      'bad AWS_DEFAULT_REGION',
      {},
      { AWS_DEFAULT_REGION: 'eu_west_1' },
      `AWS_DEFAULT_REGION "eu_west_1": ${REGION}`
    ],
    [
      'duplicate function',
      { 'function-name': 'my-fn,other,my-fn' },
      ENV,
      `function-name "my-fn": listed twice; name each function once`
    ],
    [
      'duplicate function by name and ARN',
      { 'function-name': `my-fn\n${ARN('us-east-1', 'my-fn')}` },
      ENV,
      `function-name "${ARN('us-east-1', 'my-fn')}": listed twice; name each function once`
    ],
    // publish
    ['bad publish', { publish: 'sometimes' }, ENV, `publish "sometimes": expected auto or always`],
    ['publish true', { publish: 'true' }, ENV, `publish "true": expected auto or always`],
    [
      'publish always with version',
      { publish: 'always', version: '41' },
      ENV,
      `publish "always": always cannot be combined with version (an existing version is promoted, nothing is published)`
    ],
    // booleans
    ['wait yes', { wait: 'yes' }, ENV, `wait "yes": ${BOOL}`],
    ['wait tRue', { wait: 'tRue' }, ENV, `wait "tRue": ${BOOL}`],
    ['rollback no', { rollback: 'no' }, ENV, `rollback "no": ${BOOL}`],
    ['rollback 0', { rollback: '0' }, ENV, `rollback "0": ${BOOL}`],
    ['dry-run 1', { 'dry-run': '1' }, ENV, `dry-run "1": ${BOOL}`],
    ['dry-run on', { 'dry-run': 'on' }, ENV, `dry-run "on": ${BOOL}`],
    // alarms
    [
      'duplicate alarm',
      { alarms: 'HighErrors\nThrottles\nHighErrors' },
      ENV,
      `alarms "HighErrors\nThrottles\nHighErrors": an alarm is listed twice`
    ],
    [
      'alarm name too long',
      { alarms: `ok,${LONG_ALARM}` },
      ENV,
      `alarms "${LONG_ALARM}": an alarm name is at most 255 characters`
    ],
    // smoke test
    [
      'bad JSON smoke payload',
      { 'smoke-test-payload': '{bad' },
      ENV,
      `smoke-test-payload "{bad": expected JSON (${jsonMessage('{bad')})`
    ],
    [
      'smoke payload that is not JSON at all',
      { 'smoke-test-payload': "{'a': 1}" },
      ENV,
      `smoke-test-payload "{'a': 1}": expected JSON (${jsonMessage("{'a': 1}")})`
    ],
    [
      'long bad JSON smoke payload is shown cut',
      { 'smoke-test-payload': LONG_PAYLOAD },
      ENV,
      `smoke-test-payload "${LONG_PAYLOAD.slice(0, 60)}…": expected JSON (${jsonMessage(LONG_PAYLOAD)})`
    ],
    [
      'bad JSON smoke expectation',
      { 'smoke-test-payload': '{}', 'smoke-test-expect': '{"ok":' },
      ENV,
      `smoke-test-expect "{"ok":": expected JSON (${jsonMessage('{"ok":')})`
    ],
    [
      'smoke expectation without a payload',
      { 'smoke-test-expect': '{"ok":true}' },
      ENV,
      'smoke-test-expect "{"ok":true}": needs smoke-test-payload (there is no reply to match)'
    ],
    // description, endpoint
    [
      'description over 256 characters',
      { description: LONG_DESCRIPTION },
      ENV,
      `description "${'d'.repeat(40)}…": Lambda allows at most 256 characters`
    ],
    [
      'endpoint-url without a scheme',
      { 'endpoint-url': 'localhost:4566' },
      ENV,
      `endpoint-url "localhost:4566": ${ENDPOINT}`
    ],
    [
      'endpoint-url ftp',
      { 'endpoint-url': 'ftp://example.com' },
      ENV,
      `endpoint-url "ftp://example.com": ${ENDPOINT}`
    ],
    [
      'endpoint-url without a host',
      { 'endpoint-url': 'http://' },
      ENV,
      `endpoint-url "http://": ${ENDPOINT}`
    ],
    [
      'bad AWS_ENDPOINT_URL',
      {},
      { ...ENV, AWS_ENDPOINT_URL: '127.0.0.1:4599' },
      `AWS_ENDPOINT_URL "127.0.0.1:4599": ${ENDPOINT}`
    ],
    [
      'bad AWS_ENDPOINT_URL_CLOUDWATCH, named as such',
      {},
      { ...ENV, AWS_ENDPOINT_URL_CLOUDWATCH: 'localhost:4599' },
      `AWS_ENDPOINT_URL_CLOUDWATCH "localhost:4599": ${ENDPOINT}`
    ],
    [
      'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS neither true nor false',
      {},
      { ...ENV, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'yes' },
      'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS "yes": expected true or false'
    ],
    // pacing
    [
      'max-requests-per-second 0',
      { 'max-requests-per-second': '0' },
      ENV,
      `max-requests-per-second "0": ${RPS}`
    ],
    [
      'max-requests-per-second abc',
      { 'max-requests-per-second': 'abc' },
      ENV,
      `max-requests-per-second "abc": ${RPS}`
    ],
    [
      'max-requests-per-second -1',
      { 'max-requests-per-second': '-1' },
      ENV,
      `max-requests-per-second "-1": ${RPS}`
    ],
    [
      'max-requests-per-second 1001',
      { 'max-requests-per-second': '1001' },
      ENV,
      `max-requests-per-second "1001": ${RPS}`
    ],
    [
      'max-requests-per-second 1e3',
      { 'max-requests-per-second': '1e3' },
      ENV,
      `max-requests-per-second "1e3": ${RPS}`
    ],
    ['concurrency 1.5', { concurrency: '1.5' }, ENV, `concurrency "1.5": ${CONC}`],
    ['concurrency 0', { concurrency: '0' }, ENV, `concurrency "0": ${CONC}`],
    ['concurrency 101', { concurrency: '101' }, ENV, `concurrency "101": ${CONC}`],
    ['concurrency ten', { concurrency: 'ten' }, ENV, `concurrency "ten": ${CONC}`],
    [
      'keep-versions 0',
      { 'keep-versions': '0' },
      ENV,
      'keep-versions "0": expected a whole number greater than 0 and at most 10000'
    ],
    [
      'keep-versions 2.5',
      { 'keep-versions': '2.5' },
      ENV,
      'keep-versions "2.5": expected a whole number greater than 0 and at most 10000'
    ],
    [
      'keep-versions two',
      { 'keep-versions': 'two' },
      ENV,
      'keep-versions "two": expected a whole number greater than 0 and at most 10000'
    ],
    [
      'keep-versions -1',
      { 'keep-versions': '-1' },
      ENV,
      'keep-versions "-1": expected a whole number greater than 0 and at most 10000'
    ],
    [
      'keep-versions 10001',
      { 'keep-versions': '10001' },
      ENV,
      'keep-versions "10001": expected a whole number greater than 0 and at most 10000'
    ],
    // canary analysis
    [
      'analysis of an unknown check',
      { strategy: 'canary', analysis: 'errors, throughput' },
      ENV,
      'analysis "throughput": expected errors or latency'
    ],
    [
      'analysis listing a check twice',
      { strategy: 'canary', analysis: 'errors,errors' },
      ENV,
      'analysis "errors,errors": a check is listed twice; expected errors, latency or both'
    ],
    [
      'analysis with nothing to judge (all at once, no bake)',
      { analysis: 'errors' },
      ENV,
      'analysis "errors": needs a hold to judge: use a canary, linear or steps strategy, or bake-time'
    ],
    [
      'min-invocations negative',
      { strategy: 'canary', 'min-invocations': '-5' },
      ENV,
      'min-invocations "-5": expected a whole number of invocations, 0 or more, such as 100'
    ],
    [
      'min-invocations with nothing to judge',
      { 'min-invocations': '50' },
      ENV,
      'min-invocations "50": needs a hold to judge: use a canary, linear or steps strategy, or bake-time'
    ],
    [
      'latency-tolerance not a percentage',
      { strategy: 'canary', analysis: 'latency', 'latency-tolerance': 'fast' },
      ENV,
      'latency-tolerance "fast": expected a percentage from 0% to 1000%, such as 20%'
    ],
    [
      'latency-tolerance without analysis: latency',
      { strategy: 'canary', analysis: 'errors', 'latency-tolerance': '50%' },
      ENV,
      'latency-tolerance "50%": only matters with analysis: latency; add it or drop this input'
    ]
  ]

  it('has a row for every case the brief lists', () => {
    expect(rows.length).toBeGreaterThanOrEqual(30)
  })

  it.each(rows)('%s', (_label, overrides, env, expected) => {
    const error = inputError(overrides, env)
    expect(error.name).toBe('InputError')
    expect(error.message).toBe(expected)
    expect(error.message).toBe(`${error.input} "${error.value}": ${error.allowed}`)
  })

  it.each(rows.filter(([, overrides]) => !Object.values(overrides).some(v => v.includes('\n'))))(
    '%s: the message is one line',
    (_label, overrides, env) => {
      expect(inputError(overrides, env).message).not.toMatch(/[\r\n]/)
    }
  )
})

describe('parseInputs: wait: false', () => {
  // With wait: false the step moves the first step and exits before holding, so the schedule's length
  // is no reason to refuse it (e.g. LambdaCanary10Percent30Minutes with the default 30m timeout).
  it('does not refuse a long schedule that this step never waits for', () => {
    const config = parseInputs(
      raw({ wait: 'false', strategy: 'CodeDeployDefault.LambdaCanary10Percent30Minutes' }),
      ENV
    )
    expect(config.wait).toBe(false)
    expect(config.plan[0]).toEqual({ weight: 0.1, holdMs: 1_800_000 })
  })
})

describe('parseInputs: endpoint-url must be a URL', () => {
  // The whole value must parse as a URL: a prefix check let these through to fail later inside the SDK.
  it.each(['http://local host:4566', 'http://127.0.0.1:port', 'https://[::1'])('refuses %j', value => {
    expect(inputError({ 'endpoint-url': value }).message).toBe(`endpoint-url "${value}": ${ENDPOINT}`)
  })
})

describe('parseInputs: metrics-delay and the time judgements need', () => {
  const linear = { strategy: 'linear', analysis: 'errors' }

  it('metrics-delay takes a duration, 2m by default; the resolution is a minute unless an emulator says', () => {
    expect(parseInputs(raw({ 'metrics-delay': '' }), ENV).metricsDelayMs).toBe(120_000)
    expect(parseInputs(raw({ 'metrics-delay': '90s' }), ENV).metricsDelayMs).toBe(90_000)
    expect(parseInputs(raw({ 'metrics-delay': '0' }), ENV).metricsDelayMs).toBe(0)
    expect(parseInputs(raw(), { ...ENV, LAMBDA_PROMOTE_METRICS_RESOLUTION: '1s' }).metricsResolutionMs).toBe(
      1000
    )
  })

  it.each([
    ['2', `metrics-delay "2": ${DURATION}`],
    ['2 minutes', `metrics-delay "2 minutes": ${DURATION}`],
    ['2h', 'metrics-delay "2h": expected at most 1h, such as 2m (0 for no delay)']
  ])('a bad metrics-delay %j is one line naming it', (value, line) => {
    expect(inputError({ 'metrics-delay': value }).message).toBe(line)
  })

  it('a resolution that CloudWatch cannot have is refused', () => {
    expect(inputError({}, { ...ENV, LAMBDA_PROMOTE_METRICS_RESOLUTION: '1500ms' }).message).toBe(
      'LAMBDA_PROMOTE_METRICS_RESOLUTION "1500ms": expected whole seconds from 1s to 1m (CloudWatch periods are whole seconds)'
    )
  })

  it('linear 10% every 1m with analysis does not fit 9m30s: the line says the plan needs 36m', () => {
    // 9 judged holds, each: up to 1m to the next whole minute, the 1m window, metrics-delay 2m.
    expect(inputError({ ...linear, timeout: '9m30s' }).message).toBe(
      'timeout "9m30s": shorter than the 36m the plan needs: steps plus bake-time, and for each of its 9 judgements up to 1m to the next whole minute, metrics-delay 2m for its metrics to settle; raise timeout or shorten the schedule'
    )
    // The same plan without analysis fits, as before.
    expect(parseInputs(raw({ strategy: 'linear', timeout: '9m30s' }), ENV).timeoutMs).toBe(570_000)
    // A comfortable timeout is taken.
    expect(parseInputs(raw({ ...linear, timeout: '45m' }), ENV).timeoutMs).toBe(45 * 60_000)
  })

  it('min-invocations alone makes judgements too, and a shorter metrics-delay shortens the plan', () => {
    expect(inputError({ strategy: 'canary', 'min-invocations': '10', timeout: '8m' }).message).toMatch(
      /^timeout "8m": shorter than the 8m the plan needs: .* each of its 1 judgement up to 1m/
    )
    expect(
      parseInputs(
        raw({ strategy: 'canary', 'min-invocations': '10', 'metrics-delay': '1m', timeout: '8m' }),
        ENV
      ).timeoutMs
    ).toBe(480_000)
  })
})
