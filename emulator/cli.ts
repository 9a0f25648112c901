// Standalone emulator: `npm run emulator -- --port 4599`. Prints one line with its URL when it is ready,
// one line per request on stderr, and serves until SIGINT/SIGTERM (then exits 0). Start-up problems are
// one line on stderr, never a stack trace: exit 2 for bad arguments, 1 when it cannot listen.
import { parseArgs } from 'node:util'
import { isProfileName, PROFILE_NAMES } from './profile.js'
import { startServer } from './server.js'
import type { Emulator, RequestLogEntry, TrafficOptions } from './types.js'

const USAGE = `usage: emulator [--port N] [--host H] [--update-delay MS] [--publish-delay MS] [--seed N]
                [--rate-limit N] [--metrics-delay MS] [--metrics-resolution MS]
                [--codedeploy-minute-ms MS]
                [--profile fast|realistic] [--[no-]evaluate-alarms]
                [--pc-delay MS] [--snapstart-delay MS] [--code-storage-limit BYTES]
                [--traffic FUNCTION:ALIAS:RPS]... [--exit-with-parent]`
const NAME = 'lambda-promote emulator'

function usage(problem: string): never {
  console.error(`${NAME}: ${problem}\n${USAGE}`)
  process.exit(2)
}

function number(name: string, value: string | undefined, positive = false): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (positive && n === 0)) {
    usage(`--${name} "${value}": expected a ${positive ? 'positive' : 'non-negative'} number`)
  }
  return n
}

// FUNCTION may itself contain colons (an ARN), so the alias and the rate are taken from the right.
function traffic(spec: string): TrafficOptions {
  const parts = spec.split(':')
  const rps = Number(parts.pop())
  const alias = parts.pop() ?? ''
  const functionName = parts.join(':')
  if (functionName === '' || alias === '' || !Number.isFinite(rps) || rps <= 0 || rps > 1000) {
    usage(`--traffic "${spec}": expected FUNCTION:ALIAS:RPS with RPS above 0 and at most 1000`)
  }
  return { functionName, alias, rps }
}

function describe(e: RequestLogEntry): string {
  const target = [e.functionName, e.alias].filter(Boolean).join(':')
  const extra = [e.errorType, e.fault && `fault=${e.fault}`].filter(Boolean).join(' ')
  const ms = e.endTime - e.time
  return `${new Date(e.time).toISOString()} #${e.seq} ${e.operation}${target ? ` ${target}` : ''} → ${e.status} ${ms}ms${extra ? ` ${extra}` : ''}`
}

// npm runs a script through `sh -c`, and sh neither passes on the SIGTERM npm forwards nor execs its
// command: stopping npm would leave this process listening. With --exit-with-parent (the npm script
// passes it) the emulator stops as soon as the process that started it is gone.
function exitWithParent(stop: (why: string) => void): void {
  const parent = process.ppid
  const alive = (): boolean => {
    try {
      process.kill(parent, 0)
      return true
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM'
    }
  }
  setInterval(() => {
    if (process.ppid !== parent || !alive()) stop('its parent process exited')
  }, 200).unref()
}

let args
try {
  args = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'update-delay': { type: 'string' },
      'publish-delay': { type: 'string' },
      seed: { type: 'string' },
      'rate-limit': { type: 'string' },
      'metrics-delay': { type: 'string' },
      'metrics-resolution': { type: 'string' },
      'codedeploy-minute-ms': { type: 'string' },
      'pc-delay': { type: 'string' },
      'snapstart-delay': { type: 'string' },
      'code-storage-limit': { type: 'string' },
      traffic: { type: 'string', multiple: true },
      profile: { type: 'string' },
      'evaluate-alarms': { type: 'boolean' },
      'exit-with-parent': { type: 'boolean' },
      help: { type: 'boolean' }
    },
    allowNegative: true
  }).values
} catch (e) {
  usage((e as Error).message)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}

const port = number('port', args.port)
const host = args.host ?? '127.0.0.1'
const updateDelayMs = number('update-delay', args['update-delay'])
const publishDelayMs = number('publish-delay', args['publish-delay'])
const seed = number('seed', args.seed)
const rateLimit = number('rate-limit', args['rate-limit'])
const metricsDelayMs = number('metrics-delay', args['metrics-delay'])
const metricsResolutionMs = number('metrics-resolution', args['metrics-resolution'], true)
if (metricsResolutionMs !== undefined && !Number.isInteger(metricsResolutionMs)) {
  usage(`--metrics-resolution "${args['metrics-resolution']}": expected whole milliseconds`)
}
const codedeployMinuteMs = number('codedeploy-minute-ms', args['codedeploy-minute-ms'], true)
const pcDelayMs = number('pc-delay', args['pc-delay'])
const snapStartDelayMs = number('snapstart-delay', args['snapstart-delay'])
const codeStorageLimitBytes = number('code-storage-limit', args['code-storage-limit'])
const streams = (args.traffic ?? []).map(traffic)
const profile = args.profile
if (profile !== undefined && !isProfileName(profile)) {
  usage(`--profile "${profile}": expected one of ${PROFILE_NAMES.join(', ')}`)
}
const evaluateAlarms = args['evaluate-alarms']

let emulator: Emulator
try {
  emulator = await startServer(
    {
      host,
      ...(port !== undefined && { port }),
      ...(updateDelayMs !== undefined && { updateDelayMs }),
      ...(publishDelayMs !== undefined && { publishDelayMs }),
      ...(seed !== undefined && { seed }),
      ...(metricsDelayMs !== undefined && { metricsDelayMs }),
      ...(metricsResolutionMs !== undefined && { metricsResolutionMs }),
      ...(profile !== undefined && { profile }),
      ...(evaluateAlarms !== undefined && { evaluateAlarms }),
      ...(codedeployMinuteMs !== undefined && { codedeployMinuteMs }),
      ...(pcDelayMs !== undefined && { pcDelayMs }),
      ...(snapStartDelayMs !== undefined && { snapStartDelayMs }),
      ...(codeStorageLimitBytes !== undefined && { codeStorageLimitBytes })
    },
    { onLog: entry => console.error(describe(entry)) }
  )
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code
  console.error(
    code === 'EADDRINUSE'
      ? `${NAME}: port ${port} is already in use on ${host}; pick another with --port`
      : `${NAME}: cannot listen on ${host}:${port ?? 0}: ${(e as Error).message}`
  )
  process.exit(1)
}
if (rateLimit !== undefined && rateLimit > 0) emulator.faults.setRateLimit(rateLimit, 'control-plane')
// Handlers first: whoever waits for the "listening" line may signal at once.
let stopping = false
function stop(why?: string): void {
  if (stopping) return
  stopping = true
  if (why !== undefined) console.error(`${NAME}: stopping, ${why}`)
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.on('SIGINT', () => stop())
process.on('SIGTERM', () => stop())
console.log(`${NAME} listening on ${emulator.url}`)
for (const options of streams) {
  emulator.traffic.start(options)
  console.log(`${NAME}: traffic on ${options.functionName}:${options.alias} at ${options.rps}/s`)
}

if (args['exit-with-parent']) exitWithParent(stop)
