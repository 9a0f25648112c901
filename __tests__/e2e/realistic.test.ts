// The AWS the action meets in production, through dist/: the emulator on its realistic profile ($LATEST and
// new versions Pending for a while, metrics visible only after a lag, alarms that evaluate themselves),
// metrics by the second so that windows of seconds can be judged, and synthetic traffic on the alias.
// - Canary analysis on settled windows: a healthy version is promoted, one erring 30% is rolled back, and
//   every GetMetricData asks for exactly a window the run logged, inside its step's time on the alias,
//   once that window has settled.
// - An alarm that goes to ALARM by its own evaluation (no SetAlarmState anywhere here) rolls back; one
//   still in INSUFFICIENT_DATA does not block.
// - Denials (403 AccessDeniedException from deny fault rules): one line naming the IAM action and the
//   resource, and nothing changed that should not be.
import {
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  type CloudWatchClient
} from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import type { Emulator, RequestLogEntry, TrafficHandle } from '../../emulator/index.js'
import { act, emulator, errors, getAlias, lastSeq, pkg, splitSeen, writes } from '../../testkit/fixtures.js'
import type { RunResult } from '../../testkit/runner.js'
import { useEmulator } from '../../testkit/use-emulator.js'

/** The emulator's delivery lag, and the action's metrics-delay to match. */
const LAG_MS = 2000
const ACCOUNT = '123456789012'
const ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function`

let emu: Emulator
let client: LambdaClient
let cw: CloudWatchClient
useEmulator(
  f => ({ emu, lambda: client, cloudwatch: cw } = f),
  () => emulator({ profile: 'realistic', metricsResolutionMs: 1000, metricsDelayMs: LAG_MS })
)
afterAll(() => {
  // Every alarm state in this file came from the emulator's own evaluation.
  expect(emu.log.filter(e => e.operation === 'SetAlarmState')).toEqual([])
})

const env = (): Record<string, string> => ({ LAMBDA_PROMOTE_METRICS_RESOLUTION: '1s' })

/** Waits as a deploy pipeline would for $LATEST to leave InProgress (1.5 s on this profile). */
async function updated(fn: string): Promise<void> {
  await waitUntilFunctionUpdatedV2(
    { client, maxWaitTime: 60, minDelay: 0.2, maxDelay: 0.5 },
    { FunctionName: fn }
  )
}

/**
 * live on v1 (with `oldEnv`); new code (with `newEnv`) in $LATEST; timeout 1 s, so that a window settles 1 s
 * after it ends plus the lag; `rps` invocations a second on the alias.
 */
async function setUp(
  fn: string,
  opts: { oldEnv?: Record<string, string>; newEnv?: Record<string, string>; rps?: number } = {}
): Promise<TrafficHandle | undefined> {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: fn,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: `arn:aws:iam::${ACCOUNT}:role/lambda-role`,
      Timeout: 1,
      Code: { ZipFile: pkg(`${fn} one`) },
      Environment: { Variables: opts.oldEnv ?? {} }
    })
  )
  await updated(fn)
  await client.send(new PublishVersionCommand({ FunctionName: fn }))
  await waitUntilPublishedVersionActive(
    { client, maxWaitTime: 60, minDelay: 0.2, maxDelay: 0.5 },
    { FunctionName: fn, Qualifier: '1' }
  )
  await client.send(new CreateAliasCommand({ FunctionName: fn, Name: 'live', FunctionVersion: '1' }))
  await client.send(new UpdateFunctionCodeCommand({ FunctionName: fn, ZipFile: pkg(`${fn} two`) }))
  await updated(fn)
  if (opts.newEnv) {
    await client.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: fn,
        Environment: { Variables: opts.newEnv }
      })
    )
    await updated(fn)
  }
  return opts.rps ? emu.traffic.start({ functionName: fn, alias: 'live', rps: opts.rps }) : undefined
}

const aliasIs = async (fn: string): Promise<[string | undefined, Record<string, number>]> => {
  const alias = await getAlias(client, fn, 'live')
  return [alias.FunctionVersion, alias.RoutingConfig?.AdditionalVersionWeights ?? {}]
}

// --- windows ------------------------------------------------------------------------------------------------

interface LoggedWindow {
  start: string
  end: string
  at: string
}

/** The `judging HH:MM:SS–HH:MM:SS at HH:MM:SS, once its metrics have settled (…)` lines of a run. */
function loggedWindows(r: RunResult): LoggedWindow[] {
  return [
    ...r.stdout.matchAll(
      /^ {2}judging (\d\d:\d\d:\d\d)–(\d\d:\d\d:\d\d) at (\d\d:\d\d:\d\d), once its metrics have settled \(function timeout 1s, metrics-delay 2s\)$/gm
    )
  ].map(([, start = '', end = '', at = '']) => ({ start, end, at }))
}

const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19)

/** A wire timestamp (epoch seconds in JSON, ISO 8601 in the query protocol) as epoch ms. */
function epochMs(value: unknown): number {
  return typeof value === 'number' ? value * 1000 : Date.parse(String(value))
}

/** `HH:MM:SS` on the day of `near` (or the next day when that is before it): epoch ms. */
function atOrAfter(near: number, hms: string): number {
  const day = new Date(near).toISOString().slice(0, 10)
  const ms = Date.parse(`${day}T${hms}Z`)
  return ms < near - 12 * 3_600_000 ? ms + 86_400_000 : ms
}

const mentions = (e: RequestLogEntry, fn: string): boolean => JSON.stringify(e.request).includes(`"${fn}`)

function weightsOf(e: RequestLogEntry): Record<string, number> {
  return (
    (e.request as { RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> } })?.RoutingConfig
      ?.AdditionalVersionWeights ?? {}
  )
}

/**
 * The run's GetMetricData for `fn`: one small read before anything is published (the action checks that it
 * may read the metrics), then one per judgement. Every judgement asks for exactly a window the run logged,
 * in order, in whole seconds; it was sent no earlier than the logged judgement time, once the window's end,
 * the function's timeout and the lag had passed; and the window lies inside the time the alias held the
 * step's weight (after the UpdateAlias that set it, before the next one), so that no datapoint from
 * another step, or from before the move, is counted.
 */
function expectJudgedOnWindows(r: RunResult, fn: string, since: number, weights: number[]): void {
  const windows = loggedWindows(r)
  const ofRun = emu.log.filter(e => e.seq > since)
  const reads = ofRun.filter(e => e.operation === 'GetMetricData' && mentions(e, fn))
  const moves = ofRun.filter(e => e.operation === 'UpdateAlias' && e.functionName === fn && e.status === 200)
  const firstWrite = ofRun.find(e => e.write && e.functionName === fn)
  expect(reads[0]?.seq).toBeLessThan(firstWrite?.seq ?? 0)
  const judgements = reads.slice(1)
  // One window per judged step, and a longer one of the same step each time there was too little traffic.
  expect(judgements).toHaveLength(windows.length)
  const stepWeights: number[] = []
  for (const [i, read] of judgements.entries()) {
    const w = windows[i] as LoggedWindow
    const q = read.request as { StartTime: unknown; EndTime: unknown }
    const start = epochMs(q.StartTime)
    const end = epochMs(q.EndTime)
    expect([start % 1000, end % 1000]).toEqual([0, 0])
    expect([clock(start), clock(end)]).toEqual([w.start, w.end])
    const judgedAt = atOrAfter(end, w.at)
    expect(judgedAt).toBeGreaterThanOrEqual(end + 1000 + LAG_MS - 999) // the line shows whole seconds
    expect(read.time).toBeGreaterThanOrEqual(judgedAt)
    const set = moves.filter(m => m.endTime <= start).at(-1)
    const next = moves.find(m => m.seq > (set?.seq ?? Infinity))
    const weight = Object.values(set ? weightsOf(set) : {})
    expect(weight).toHaveLength(1)
    if (stepWeights.at(-1) !== weight[0]) stepWeights.push(weight[0] as number)
    expect(next?.time).toBeGreaterThanOrEqual(end)
  }
  expect(stepWeights).toEqual(weights)
  // Each window's line is followed by its judgement's line.
  const lines = r.stdout.split('\n')
  const verdicts = lines.flatMap((l, i) =>
    l.startsWith('  judging ') ? [lines.slice(i + 1).find(n => n.startsWith(`  ${fn}: v2 vs v1 over `))] : []
  )
  expect(verdicts).toHaveLength(windows.length)
  expect(verdicts.every(l => l !== undefined)).toBe(true)
}

interface Finished {
  r: RunResult
  since: number
}

/** Seeds `fn`, runs the action on it with `inputs`, stops its traffic. */
async function seededRun(
  fn: string,
  seed: Parameters<typeof setUp>[1],
  inputs: Record<string, string>,
  before: () => Promise<void> = async () => undefined
): Promise<Finished> {
  const traffic = await setUp(fn, seed)
  await before()
  const since = lastSeq(emu)
  try {
    return { r: await act(emu, { 'function-name': fn, alias: 'live', ...inputs }, { env: env() }), since }
  } finally {
    traffic?.stop()
  }
}

const judged = (strategy: Record<string, string>): Record<string, string> => ({
  analysis: 'errors',
  'min-invocations': '50',
  'metrics-delay': `${LAG_MS / 1000}s`,
  ...strategy
})
const CANARY = judged({ strategy: 'canary', 'canary-percent': '40', interval: '3s' })
const LINEAR = judged({ strategy: 'linear', 'linear-percent': '34', interval: '2s' })
const ERRING = { newEnv: { EMULATOR_ERROR_RATE: '0.3' } }

/** Errors Sum >= 1 over 10 s on the alias (FunctionName + Resource), as one would alarm on a live alias. */
async function aliasErrorsAlarm(name: string, fn: string): Promise<void> {
  await cw.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [
        { Name: 'FunctionName', Value: fn },
        { Name: 'Resource', Value: `${fn}:live` }
      ],
      Statistic: 'Sum',
      Period: 10,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold'
    })
  )
}

interface AlarmSeen {
  StateValue?: string
  StateReason?: string
  StateUpdatedTimestamp?: number
}

/** The alarm as each of the run's DescribeAlarms answers showed it. */
function alarmAsSeen(name: string, since: number): AlarmSeen[] {
  return emu.log
    .filter(e => e.seq > since && e.operation === 'DescribeAlarms' && e.status === 200)
    .flatMap(
      e => (e.response as { MetricAlarms?: (AlarmSeen & { AlarmName?: string })[] }).MetricAlarms ?? []
    )
    .filter(a => a.AlarmName === name)
}

/** When `fn:live` first recorded an error (a 1 s datapoint's start), from `from` on. */
async function firstErrorAt(fn: string, from: number, to: number): Promise<number | undefined> {
  const out = await cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(from),
      EndTime: new Date(to),
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [
        {
          Id: 'errors',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/Lambda',
              MetricName: 'Errors',
              Dimensions: [
                { Name: 'FunctionName', Value: fn },
                { Name: 'Resource', Value: `${fn}:live` }
              ]
            },
            Period: 1,
            Stat: 'Sum'
          }
        }
      ]
    })
  )
  const series = out.MetricDataResults?.[0]
  const i = (series?.Values ?? []).findIndex(v => v > 0)
  return i < 0 ? undefined : series?.Timestamps?.[i]?.getTime()
}

// No fault rules are set in this block, so its runs go at once, each on its own function: the block takes
// as long as its longest run (the alarm's), not the sum.
describe('on settled windows, and with alarms that evaluate themselves', () => {
  const runs = new Map<string, Promise<Finished>>()
  const finished = (fn: string): Promise<Finished> => runs.get(fn) as Promise<Finished>
  beforeAll(() => {
    const start = (fn: string, run: () => Promise<Finished>): void => {
      const p = run()
      p.catch(() => undefined) // reported by the test that awaits it
      runs.set(fn, p)
    }
    start('canary-ok', () => seededRun('canary-ok', { rps: 100 }, CANARY))
    start('canary-bad', () => seededRun('canary-bad', { ...ERRING, rps: 100 }, CANARY))
    start('linear-ok', () => seededRun('linear-ok', { rps: 150 }, LINEAR))
    start('linear-bad', () => seededRun('linear-bad', { ...ERRING, rps: 150 }, LINEAR))
    // Held 60 s, so that only the alarm can end the step early.
    start('tripped', () =>
      seededRun(
        'tripped',
        { newEnv: { EMULATOR_FAIL: 'true' }, rps: 20 },
        { strategy: 'canary', 'canary-percent': '50', interval: '60s', alarms: 'tripped-errors' },
        () => aliasErrorsAlarm('tripped-errors', 'tripped')
      )
    )
    // No traffic at all: the alarm has no data to evaluate and stays as created.
    start('unchecked', () =>
      seededRun(
        'unchecked',
        {},
        { strategy: 'canary', 'canary-percent': '50', interval: '2s', alarms: 'unchecked-errors' },
        () => aliasErrorsAlarm('unchecked-errors', 'unchecked')
      )
    )
  })

  test('canary 40% for 3s with analysis errors: a healthy version is promoted', async () => {
    const { r, since } = await finished('canary-ok')
    expect(errors(r)).toEqual([])
    expect(r.outputs.status).toBe('promoted')
    expect(await aliasIs('canary-ok')).toEqual(['2', {}])
    expect(r.stdout).toMatch(/ {2}canary-ok: v2 vs v1 over 3s: [\d,]+ vs [\d,]+ invocations, errors .*✓/)
    expectJudgedOnWindows(r, 'canary-ok', since, [0.4])
  }, 90_000)

  test('canary 40% for 3s: a version erring 30% is rolled back at its judgement', async () => {
    const { r, since } = await finished('canary-bad')
    expect(r.outputs.status).toBe('rolled-back')
    expect(errors(r)[0]).toMatch(
      /^canary analysis of canary-bad at 40%: v2 vs v1 over 3s: [\d,]+ vs [\d,]+ invocations, errors \d+(\.\d)?% vs 0% \(p[<=]0\.\d+\) ✗/
    )
    expect(await aliasIs('canary-bad')).toEqual(['1', {}])
    expectJudgedOnWindows(r, 'canary-bad', since, [0.4])
  }, 90_000)

  test('linear 34% every 2s (34%, 68%, 100%): a healthy version is judged twice and promoted', async () => {
    const { r, since } = await finished('linear-ok')
    expect(errors(r)).toEqual([])
    expect(r.outputs.status).toBe('promoted')
    expect(await aliasIs('linear-ok')).toEqual(['2', {}])
    expectJudgedOnWindows(r, 'linear-ok', since, [0.34, 0.68])
  }, 90_000)

  test('linear 34% every 2s: a version erring 30% is rolled back at 34%', async () => {
    const { r, since } = await finished('linear-bad')
    expect(r.outputs.status).toBe('rolled-back')
    expect(errors(r)[0]).toMatch(/^canary analysis of linear-bad at 34%: v2 vs v1 over 2s: .* ✗/)
    expect(await aliasIs('linear-bad')).toEqual(['1', {}])
    expectJudgedOnWindows(r, 'linear-bad', since, [0.34])
  }, 90_000)

  test('an Errors alarm on tripped:live goes to ALARM by its own evaluation and the canary rolls back', async () => {
    const { r, since } = await finished('tripped')
    expect(r.outputs.status).toBe('rolled-back')
    expect(errors(r)[0]).toMatch(/alarm tripped-errors went into ALARM \(Threshold Crossed: /)
    expect(await aliasIs('tripped')).toEqual(['1', {}])
    // Created in INSUFFICIENT_DATA, it did not stop the run; the state the run acted on came from an
    // evaluation (a Period boundary) within two periods of the first failing invocation on the alias.
    const seen = alarmAsSeen('tripped-errors', since)
    expect(seen[0]?.StateValue).not.toBe('ALARM')
    const alarmed = seen.find(a => a.StateValue === 'ALARM')
    const at = (alarmed?.StateUpdatedTimestamp ?? 0) * 1000
    expect(at % 10_000).toBe(0)
    const split = emu.log.find(
      e => e.seq > since && e.operation === 'UpdateAlias' && e.functionName === 'tripped'
    )
    const firstError = await firstErrorAt('tripped', split?.time ?? 0, at)
    expect(firstError).toBeGreaterThanOrEqual(Math.floor((split?.time ?? 0) / 1000) * 1000)
    expect(at).toBeGreaterThan(firstError ?? Infinity)
    expect(at).toBeLessThanOrEqual((firstError ?? 0) + 2 * 10_000)
  }, 90_000)

  test('an alarm in INSUFFICIENT_DATA does not block: healthy by default, promoted', async () => {
    const { r, since } = await finished('unchecked')
    expect(errors(r)).toEqual([])
    expect(r.outputs.status).toBe('promoted')
    expect(await aliasIs('unchecked')).toEqual(['2', {}])
    const seen = alarmAsSeen('unchecked-errors', since)
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every(a => a.StateValue === 'INSUFFICIENT_DATA')).toBe(true)
  }, 90_000)
})

// --- denials ------------------------------------------------------------------------------------------------

// A deny rule applies to every function, so these run one at a time, after the block above.
describe('denials', () => {
  beforeAll(async () => {
    await Promise.all(['deny-write', 'deny-read', 'deny-alarms', 'deny-prune'].map(fn => setUp(fn)))
    await aliasErrorsAlarm('deny-alarms-errors', 'deny-alarms')
    emu.admin.publishVersions('deny-prune', 4)
  }, 60_000)
  afterEach(() => emu.faults.clear())

  test('UpdateAlias denied: one line naming lambda:UpdateAlias and the alias ARN; the alias unchanged', async () => {
    const { $metadata: _before, ...before } = await getAlias(client, 'deny-write', 'live')
    emu.faults.add({ operation: 'UpdateAlias', deny: true })
    const r = await act(emu, { 'function-name': 'deny-write', alias: 'live' }, { env: env() })
    expect(r.exitCode).toBe(1)
    expect(errors(r)).toHaveLength(1)
    expect(errors(r)[0]).toMatch(
      new RegExp(
        `^updating alias deny-write:live in Lambda at \\S+: access denied: the job's role needs lambda:UpdateAlias on ${ARN}:deny-write:live \\(`
      )
    )
    const { $metadata: _after, ...after } = await getAlias(client, 'deny-write', 'live')
    expect(after).toEqual(before)
  }, 60_000)

  test('GetAlias denied: the run fails before any write', async () => {
    const since = lastSeq(emu)
    emu.faults.add({ operation: 'GetAlias', deny: true })
    const r = await act(emu, { 'function-name': 'deny-read', alias: 'live' }, { env: env() })
    expect(r.exitCode).toBe(1)
    expect(errors(r)).toHaveLength(1)
    expect(errors(r)[0]).toMatch(
      new RegExp(
        `^reading alias deny-read:live from Lambda at \\S+: access denied: the job's role needs lambda:GetAlias on ${ARN}:deny-read:live`
      )
    )
    expect(writes(emu, since)).toEqual([])
  }, 60_000)

  test('DescribeAlarms denied after the first shift: rolled back, and the line says what was denied', async () => {
    const since = lastSeq(emu)
    const run = act(
      emu,
      {
        'function-name': 'deny-alarms',
        alias: 'live',
        strategy: 'canary',
        'canary-percent': '20',
        interval: '30s',
        alarms: 'deny-alarms-errors'
      },
      { env: env() }
    )
    await splitSeen(emu, 'deny-alarms', since)
    emu.faults.add({ operation: 'DescribeAlarms', deny: true })
    const r = await run
    expect(r.outputs.status).toBe('rolled-back')
    expect(errors(r)[0]).toMatch(
      /^reading alarm deny-alarms-errors from CloudWatch at \S+: access denied: the job's role needs cloudwatch:DescribeAlarms/
    )
    expect(await aliasIs('deny-alarms')).toEqual(['1', {}])
  }, 60_000)

  test('keep-versions with ListEventSourceMappings denied: promoted, nothing deleted, a warning says so', async () => {
    const since = lastSeq(emu)
    emu.faults.add({ operation: 'ListEventSourceMappings', deny: true })
    const r = await act(
      emu,
      { 'function-name': 'deny-prune', alias: 'live', 'keep-versions': '1' },
      { env: env() }
    )
    expect(errors(r)).toEqual([])
    expect(r.outputs.status).toBe('promoted')
    expect(r.outputs['pruned-versions'] ?? '').toBe('')
    expect(emu.log.filter(e => e.seq > since && e.operation === 'DeleteFunction')).toEqual([])
    const warnings = r.commands.filter(c => c.command === 'warning').map(c => c.message)
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^deny-prune: keep-versions: nothing deleted: could not read .*access denied.*lambda:ListEventSourceMappings/
      )
    )
  }, 60_000)
})
