// `npm run rehearse -- [input=value …] [--option …]`: one command to try a deploy locally. Starts the Lambda
// API emulator in this process on its realistic profile (versions Pending for a moment, metrics after a
// lag, alarms that evaluate themselves), seeds a function (alias on version 1, new code in $LATEST), runs
// dist/index.js and then dist/post.js exactly as the GitHub runner does (through testkit/runner.ts:
// every action.yml default filled in, INPUT_ variables, file commands, the runner's cancellation), prints the
// log as it comes, then the outputs, the job summary and where the alias ended, and stops everything it
// started on exit, Ctrl-C or SIGTERM. `npm run rehearse -- --help` lists the options.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { GetAliasCommand, LambdaClient } from '@aws-sdk/client-lambda'
import { existsSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulator } from '../emulator/index.js'
import { startFakeGitHub, type FakeGitHub } from '../testkit/fake-github.js'
import { loadActionDefaults, runMainThenPost, type RunResult } from '../testkit/runner.js'
import { renderLogLine } from './lib/action-log.js'
import { ALARM_PERIOD_S, seedAlarm, seedFunction } from './lib/seed.js'
import { LineSplitter, styleFor, type Style } from './lib/terminal.js'
import { describeTraffic, MAX_RATE_PER_SECOND, startTraffic, type Traffic } from './lib/traffic.js'

const root = resolve(fileURLToPath(import.meta.url), '../..')

export const DEFAULT_TRAFFIC_RATE = 50
/** A CodeDeploy minute in the rehearsal's emulator: a 5-minute canary takes 5 seconds. */
export const DEFAULT_CODEDEPLOY_MINUTE_MS = 1000
const REHEARSAL_SERVICE_ROLE = 'arn:aws:iam::123456789012:role/rehearsal-codedeploy'
/** The runner's default job timeout (360 minutes): the longest a step can run on GitHub. */
const JOB_TIMEOUT_MS = 360 * 60_000
/** Two signals closer than this are one Ctrl-C delivered twice (the terminal, and npm forwarding it). */
const SAME_SIGNAL_MS = 1000
const CREDENTIALS = { accessKeyId: 'rehearsal', secretAccessKey: 'rehearsal' }
/**
 * The rehearsal's emulator: the realistic profile (its metrics arrive 3 s late, alarms evaluate
 * themselves), with metrics by the second so that canary analysis judges windows of seconds; the action
 * is told both (LAMBDA_PROMOTE_METRICS_RESOLUTION, and metrics-delay unless given).
 */
const EMULATOR = { profile: 'realistic', metricsResolutionMs: 1000 } as const
const METRICS_DELAY = '3s'

export const HELP = `usage: npm run rehearse -- [input=value …] [option …]

Rehearses a deploy on this machine, with no AWS account and nothing sent to AWS or GitHub. It starts the
Lambda API emulator in this process on its realistic profile (new versions Pending for a moment, metrics
3 s late and by the second, alarms that evaluate themselves), creates a function whose alias is on version 1 with new code in
$LATEST, runs dist/index.js exactly as the GitHub runner does (every action.yml default filled in, INPUT_
variables, file commands), then the post step, and prints the log, the outputs, the job summary and where
the alias ended. Ctrl-C cancels the way the runner does (SIGINT to the action, which rolls back), runs the
post step, and stops everything; a second Ctrl-C stops at once.

Inputs: any input of action.yml as name=value, e.g. strategy=canary interval=2s bake-time=5s.
  function-name defaults to my-fn and alias to live; every other input to its action.yml default.
  Each function named is created; every alarm named in alarms= is created as Errors >= 1 over ${ALARM_PERIOD_S} s
  on the alias of the function it is named after (else the first), in INSUFFICIENT_DATA until it is
  evaluated. metrics-delay defaults to ${METRICS_DELAY}, the emulator's lag. endpoint-url is the rehearsal's own (see --endpoint).

Options:
  --fail-new        the new code fails every invocation; implies --alarm and --traffic
  --alarm[=NAME]    create alarm NAME (default <first function>-errors) and add it to alarms=. It goes
                    to ALARM by its own evaluation within two periods (${2 * ALARM_PERIOD_S} s) of the first function error
                    through the alias: hold a step longer than that (interval=30s) to see it stop one
  --traffic[=RPS]   invoke each alias RPS times a second while the action runs (default ${DEFAULT_TRAFFIC_RATE}, at most
                    ${MAX_RATE_PER_SECOND}, 0 = none) and report which version answered
  --first-deploy    no version and no alias yet: the action publishes v1 and creates the alias
  --unchanged       $LATEST keeps version 1's code: the action reports status=unchanged
  --port=N          the emulator's port (default: any free one), to look at it with the AWS CLI meanwhile
  --endpoint=URL    use an emulator you started (npm run emulator) and seeded yourself, on this machine:
                    nothing is started or created; only --traffic and --verbose apply
  --codedeploy-minute=MS
                    how long one CodeDeploy minute lasts in the emulator (default ${DEFAULT_CODEDEPLOY_MINUTE_MS} ms), for
                    engine=codedeploy: Canary10Percent5Minutes then takes 5 s. With engine=codedeploy a
                    service role is filled in, so that the action creates the application and group
  --verbose         also show the action's ::debug:: lines
  -h, --help        this text

Exit status: the action's (0 promoted, unchanged or in-progress; 1 failed or rolled back), or the post
step's when main succeeded and post did not; 130 after Ctrl-C, 143 after SIGTERM; 2 for bad arguments.

Examples:
  npm run rehearse -- strategy=canary interval=2s
  npm run rehearse -- strategy=canary interval=30s --fail-new
  npm run rehearse -- strategy=canary canary-percent=50 interval=3s analysis=errors --traffic=100
  npm run rehearse -- strategy=linear linear-percent=25 interval=1s --traffic=20 --alarm
  npm run rehearse -- function-name=orders-api,billing-api strategy=canary interval=1s
  npm run rehearse -- version=1 strategy=all-at-once            # roll back to v1 by hand
  npm run rehearse -- engine=codedeploy strategy=canary         # CodeDeploy moves the alias`

export class UsageError extends Error {}

export interface Rehearsal {
  help: boolean
  /** The inputs given on the command line, plus the rehearsal's defaults for function-name and alias. */
  inputs: Record<string, string>
  functions: string[]
  /** Alarms to create (those in alarms= plus --alarm). */
  alarms: string[]
  failNew: boolean
  trafficRate: number
  firstDeploy: boolean
  unchanged: boolean
  port: number
  /** The emulator's CodeDeploy minute, in ms. */
  codedeployMinuteMs: number
  endpoint?: string
  verbose: boolean
}

const LIST = /[\n,]/

function splitList(value: string): string[] {
  return value
    .split(LIST)
    .map(s => s.trim())
    .filter(s => s !== '')
}

function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** Parses the command line; throws UsageError with one line that says what is wrong. */
export function parseRehearsal(argv: readonly string[], declaredInputs: readonly string[]): Rehearsal {
  const declared = new Set(declaredInputs)
  const inputs: Record<string, string> = {}
  const flags = new Map<string, string | undefined>()
  const VALUE_FLAGS = new Set(['port', 'endpoint', 'codedeploy-minute'])
  const OPTIONAL_VALUE = new Set(['alarm', 'traffic'])
  const BOOLEAN = new Set(['fail-new', 'first-deploy', 'unchanged', 'verbose', 'help'])
  for (const arg of argv) {
    if (arg === '-h') {
      flags.set('help', undefined)
      continue
    }
    const flag = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg)
    if (flag) {
      const [, name = '', value] = flag
      if (!VALUE_FLAGS.has(name) && !OPTIONAL_VALUE.has(name) && !BOOLEAN.has(name))
        throw new UsageError(`unknown option --${name} (npm run rehearse -- --help lists them)`)
      if (BOOLEAN.has(name) && value !== undefined) throw new UsageError(`--${name} takes no value`)
      if (VALUE_FLAGS.has(name) && (value === undefined || value === ''))
        throw new UsageError(`--${name} needs a value: --${name}=…`)
      if (flags.has(name)) throw new UsageError(`--${name} is given twice`)
      flags.set(name, value)
      continue
    }
    const input = /^([A-Za-z0-9_-]+)=(.*)$/s.exec(arg)
    if (input) {
      const [, name = '', value = ''] = input
      if (!declared.has(name))
        throw new UsageError(
          `"${name}" is not an input of action.yml; inputs are ${[...declared].join(', ')}`
        )
      if (name === 'endpoint-url')
        throw new UsageError(
          'endpoint-url is set by the rehearsal; to use an emulator you started, give --endpoint=URL'
        )
      if (name in inputs) throw new UsageError(`input ${name} is given twice`)
      inputs[name] = value
      continue
    }
    throw new UsageError(
      `"${arg}" is neither an input (name=value) nor an option (--name); npm run rehearse -- --help`
    )
  }

  const help = flags.has('help')
  inputs['function-name'] ??= 'my-fn'
  inputs.alias ??= 'live'
  const functions = splitList(inputs['function-name'])
  if (functions.length === 0) throw new UsageError('function-name is empty')

  const endpoint = flags.get('endpoint')
  if (endpoint !== undefined) {
    let url: URL
    try {
      url = new URL(endpoint)
    } catch {
      throw new UsageError(`--endpoint=${endpoint} is not a URL`)
    }
    if (!/^https?:$/.test(url.protocol) || !isLoopback(url))
      throw new UsageError(
        `--endpoint=${endpoint}: a rehearsal runs against an emulator on this machine (http://127.0.0.1:PORT)`
      )
    for (const name of ['fail-new', 'alarm', 'first-deploy', 'unchanged', 'port', 'codedeploy-minute'])
      if (flags.has(name))
        throw new UsageError(
          `--${name} seeds the rehearsal's own emulator; it does not apply with --endpoint`
        )
  } else {
    const plain = functions.find(f => !/^[A-Za-z0-9_-]{1,64}$/.test(f))
    if (plain !== undefined)
      throw new UsageError(
        `function-name "${plain}": the rehearsal creates its functions, so give plain names (no ARN)`
      )
  }

  const failNew = flags.has('fail-new')
  const firstDeploy = flags.has('first-deploy')
  const unchanged = flags.has('unchanged')
  if (unchanged && failNew) throw new UsageError('--unchanged and --fail-new contradict each other')
  if (unchanged && firstDeploy) throw new UsageError('--unchanged and --first-deploy contradict each other')

  const alarms = splitList(inputs.alarms ?? '')
  if (flags.has('alarm') || failNew) {
    const name = flags.get('alarm') || `${functions[0]}-errors`
    if (!alarms.includes(name)) alarms.push(name)
    inputs.alarms = alarms.join(',')
  }

  let trafficRate = 0
  if (flags.has('traffic')) {
    const raw = flags.get('traffic')
    trafficRate = raw === undefined || raw === '' ? DEFAULT_TRAFFIC_RATE : Number(raw)
    if (!Number.isFinite(trafficRate) || trafficRate < 0 || trafficRate > MAX_RATE_PER_SECOND)
      throw new UsageError(`--traffic=${raw}: expected requests per second, 0 to ${MAX_RATE_PER_SECOND}`)
  } else if (failNew) trafficRate = DEFAULT_TRAFFIC_RATE

  const rawPort = flags.get('port')
  const port = rawPort === undefined ? 0 : Number(rawPort)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port=${rawPort}: expected a port number`)

  const rawMinute = flags.get('codedeploy-minute')
  const codedeployMinuteMs = rawMinute === undefined ? DEFAULT_CODEDEPLOY_MINUTE_MS : Number(rawMinute)
  if (!Number.isInteger(codedeployMinuteMs) || codedeployMinuteMs < 1 || codedeployMinuteMs > 60_000)
    throw new UsageError(`--codedeploy-minute=${rawMinute}: expected milliseconds, 1 to 60000`)
  // The rehearsal's emulator starts empty: a service role lets the action create what CodeDeploy needs.
  if ((inputs.engine ?? '').toLowerCase() === 'codedeploy' && endpoint === undefined)
    inputs['codedeploy-service-role'] ??= REHEARSAL_SERVICE_ROLE

  return {
    help,
    inputs,
    functions,
    alarms: endpoint === undefined ? alarms : [],
    failNew,
    trafficRate,
    firstDeploy,
    unchanged,
    port,
    codedeployMinuteMs,
    endpoint,
    verbose: flags.has('verbose')
  }
}

// ---------------------------------------------------------------------------------------------------------

interface Printer {
  style: Style
  line(text?: string): void
  heading(text: string): void
  note(text: string): void
}

function printer(): Printer {
  const style = styleFor(process.stdout)
  const line = (text = ''): void => void process.stdout.write(`${text}\n`)
  return {
    style,
    line,
    heading: text => line(style.bold(`── ${text}`)),
    note: text => line(style.dim(`» ${text}`))
  }
}

async function aliasState(lambda: LambdaClient, fn: string, alias: string): Promise<string> {
  try {
    const a = await lambda.send(new GetAliasCommand({ FunctionName: fn, Name: alias }))
    const split = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {})
    return `v${a.FunctionVersion ?? '?'}${split.map(([v, w]) => ` + v${v} at ${Math.round(w * 1000) / 10}%`).join('')}`
  } catch (error) {
    const e = error as Error
    return e.name === 'ResourceNotFoundException' ? 'no such alias' : `unknown (${e.name}: ${e.message})`
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

function signalNumber(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? 15 : signal === 'SIGHUP' ? 1 : 2
}

export async function rehearse(argv: readonly string[]): Promise<number> {
  const out = printer()
  const defaults = loadActionDefaults()
  let r: Rehearsal
  try {
    r = parseRehearsal(argv, Object.keys(defaults))
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`rehearse: ${error.message}`)
    return 2
  }
  if (r.help) {
    out.line(HELP)
    return 0
  }
  for (const file of ['dist/index.js', 'dist/post.js'])
    if (!existsSync(resolve(root, file))) {
      console.error(`rehearse: ${file} is missing: run npm run bundle first`)
      return 2
    }

  // Everything started is stopped in reverse order, whatever happens.
  const stops: Array<() => Promise<unknown> | void> = []
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop()
      } catch {
        // keep stopping the rest
      }
    }
  }

  const cancel = new AbortController()
  let cancelledBy: NodeJS.Signals | undefined
  let firstSignalAt = 0
  let actionPid: number | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    if (cancelledBy === undefined) {
      cancelledBy = signal
      firstSignalAt = Date.now()
      out.line()
      out.note(
        `${signal}: cancelling as the runner does (SIGINT to the action, which rolls back), then the post step; again to stop at once`
      )
      cancel.abort()
      return
    }
    if (Date.now() - firstSignalAt < SAME_SIGNAL_MS) return
    out.note(`${signal} again: stopping now`)
    if (actionPid !== undefined) {
      try {
        process.kill(actionPid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    void stopAll().finally(() => process.exit(128 + signalNumber(cancelledBy ?? signal)))
  }
  // SIGHUP: the terminal went away. Cancel as for SIGTERM; output that can no longer be written is dropped.
  process.stdout.on('error', () => undefined)
  for (const signal of SIGNALS) process.on(signal, onSignal)

  try {
    const region = r.inputs.region || 'us-east-1'
    let endpoint = r.endpoint
    if (endpoint === undefined) {
      const emu = await startEmulator({
        ...EMULATOR,
        port: r.port,
        region,
        codedeployMinuteMs: r.codedeployMinuteMs
      })
      stops.push(() => emu.close())
      endpoint = emu.url
      r.inputs['metrics-delay'] ??= METRICS_DELAY
      out.line(
        `lambda-promote rehearsal: emulator at ${emu.url} (in this process, realistic profile; nothing goes to AWS)`
      )
    } else {
      out.line(`lambda-promote rehearsal: against the emulator at ${endpoint} (not seeded by the rehearsal)`)
    }
    // The action only reaches GitHub with `environment`; even then it talks to this stand-in, never github.com.
    const github: FakeGitHub = await startFakeGitHub()
    stops.push(() => github.close())

    const lambda = new LambdaClient({ region, endpoint, credentials: CREDENTIALS })
    const cloudwatch = new CloudWatchClient({ region, endpoint, credentials: CREDENTIALS })
    stops.push(() => {
      lambda.destroy()
      cloudwatch.destroy()
    })

    if (r.endpoint === undefined) {
      for (const fn of r.functions) {
        const seeded = await seedFunction(lambda, {
          functionName: fn,
          alias: r.inputs.alias ?? 'live',
          withAlias: !r.firstDeploy,
          newCode: !r.unchanged,
          failNew: r.failNew,
          description: 'rehearsal: first release'
        })
        const sha = (s?: string): string => (s ? `${s.slice(0, 8)}…` : '?')
        const alias = r.inputs.alias
        const what = r.firstDeploy
          ? `no version, no alias ${alias}; $LATEST sha ${sha(seeded.latestSha)}`
          : `${alias} → v${seeded.initialVersion} (sha ${sha(seeded.initialSha)}); $LATEST ${
              r.unchanged ? 'has the same code' : `has new code (sha ${sha(seeded.latestSha)})`
            }`
        out.note(`created ${fn}: ${what}${r.failNew ? ', which fails every invocation' : ''}`)
      }
      for (const name of r.alarms) {
        const fn = r.functions.find(f => name.startsWith(`${f}-`)) ?? (r.functions[0] as string)
        const alias = r.inputs.alias ?? 'live'
        await seedAlarm(cloudwatch, name, fn, alias)
        out.note(
          `created alarm ${name}: Errors >= 1 over ${ALARM_PERIOD_S} s on ${fn}:${alias}, INSUFFICIENT_DATA until evaluated`
        )
      }
    }

    const first = ['function-name', 'alias']
    const given = Object.entries(r.inputs)
      .filter(([name, value]) => defaults[name] !== value)
      .sort(([a], [b]) => Number(first.includes(b)) - Number(first.includes(a)))
      .map(
        ([name, value]) => `${name}=${value.includes(' ') || value === '' ? JSON.stringify(value) : value}`
      )
    out.note(`inputs: ${given.join(' ')} (the rest: action.yml defaults)`)

    let traffic: Traffic | undefined
    const targets = r.functions.map(functionName => ({ functionName, alias: r.inputs.alias ?? 'live' }))
    if (r.trafficRate > 0) {
      // Nobody sets an alarm's state: the emulator evaluates each one from the metrics the traffic leaves.
      let failed = false
      traffic = startTraffic({
        lambda,
        targets,
        ratePerSecond: r.trafficRate,
        maxDurationMs: JOB_TIMEOUT_MS,
        onInvocation: i => {
          if (failed || i.version === undefined || i.error === undefined) return
          failed = true
          const alarms =
            r.alarms.length > 0 ? `; ${r.alarms.join(', ')} will see it at its next evaluation` : ''
          out.note(`first function error: ${i.functionName} v${i.version} answered ${i.error}${alarms}`)
        }
      })
      stops.push(() => traffic?.stop())
      out.note(
        `traffic: ${r.trafficRate} invocations a second to ${targets.map(t => `${t.functionName}:${t.alias}`).join(', ')}`
      )
    }

    if (cancel.signal.aborted) return 128 + signalNumber(cancelledBy ?? 'SIGINT')

    const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() }
    const show = (lines: string[]): void => {
      for (const l of lines)
        for (const shown of renderLogLine(l, { style: out.style, debug: r.verbose, indent: '  ' }))
          out.line(shown)
    }
    const flush = (): void => {
      show(splitters.stdout.flush())
      show(splitters.stderr.flush())
    }
    const { main, post } = await runMainThenPost({
      inputs: r.inputs,
      env: {
        AWS_ENDPOINT_URL: endpoint,
        AWS_REGION: region,
        AWS_DEFAULT_REGION: region,
        GITHUB_API_URL: github.url,
        ...(r.endpoint === undefined ? { LAMBDA_PROMOTE_METRICS_RESOLUTION: '1s' } : {})
      },
      timeoutMs: JOB_TIMEOUT_MS,
      cancel: cancel.signal,
      onSpawn: ({ entry, pid, script }) => {
        flush()
        actionPid = pid
        out.heading(`${entry}: node ${relative(root, script)} (pid ${pid})`)
      },
      onOutput: (chunk, stream) => show(splitters[stream].push(chunk))
    })
    flush()
    actionPid = undefined
    const report = await traffic?.stop()

    const ended = (name: string, result: RunResult): string =>
      `${name} exited ${result.exitCode ?? result.signal} after ${((result.endedAt - result.startedAt) / 1000).toFixed(1)} s`
    out.heading(`${ended('main', main)}; ${ended('post', post)}`)
    for (const problem of [...main.runnerErrors, ...post.runnerErrors])
      out.line(out.style.red(`  runner: ${problem}`))

    out.heading('outputs')
    for (const [name, value] of Object.entries(main.outputs)) {
      if (name === 'result') {
        let pretty = value
        try {
          pretty = JSON.stringify(JSON.parse(value), null, 2)
        } catch {
          // shown as it is
        }
        out.line(`  result=${pretty.split('\n').join('\n  ')}`)
      } else out.line(`  ${name}=${value}`)
    }

    out.heading('job summary')
    const summary = [main.summary, post.summary].filter(s => s.trim() !== '').join('\n')
    for (const l of summary.trimEnd().split('\n')) out.line(l === '' ? '' : `  ${l}`)

    out.heading('afterwards')
    for (const t of targets)
      out.line(`  ${t.functionName}:${t.alias} → ${await aliasState(lambda, t.functionName, t.alias)}`)
    if (report) for (const l of describeTraffic(report, targets)) out.line(`  traffic ${l}`)
    for (const [id, d] of github.deployments) {
      const states = d.statuses.map(s => String(s.state)).join(' → ')
      out.line(`  GitHub deployment ${id} (${String(d.body.environment)}): ${states || 'no status'}`)
    }

    const code = cancelledBy
      ? 128 + signalNumber(cancelledBy)
      : main.exitCode !== 0
        ? (main.exitCode ?? 1)
        : post.exitCode !== 0
          ? (post.exitCode ?? 1)
          : 0
    const status = main.outputs.status ?? 'no status'
    out.line(
      (code === 0 ? out.style.green : out.style.red)(
        `rehearsal: ${status}${cancelledBy ? ` (cancelled by ${cancelledBy})` : ''}; exit ${code}`
      )
    )
    return code
  } finally {
    await stopAll()
    for (const signal of SIGNALS) process.off(signal, onSignal)
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  rehearse(process.argv.slice(2)).then(
    code => process.exit(code),
    (error: unknown) => {
      const e = error as Error & { $metadata?: { httpStatusCode?: number } }
      const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''
      console.error(`rehearse: ${e.name}: ${e.message}${status}`)
      process.exit(1)
    }
  )
}
