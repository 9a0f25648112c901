// Standalone emulator: `npm run emulator -- --port 4599`. Prints one line with its URL when it is ready,
// one line per request on stderr, and serves until SIGINT/SIGTERM.
import { parseArgs } from 'node:util'
import { startServer } from './server.js'
import type { RequestLogEntry } from './types.js'

const USAGE =
  'usage: emulator [--port N] [--host H] [--update-delay MS] [--publish-delay MS] [--seed N] [--rate-limit N]'

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) {
    console.error(`--${name} "${value}": expected a non-negative number\n${USAGE}`)
    process.exit(2)
  }
  return n
}

function describe(e: RequestLogEntry): string {
  const target = [e.functionName, e.alias].filter(Boolean).join(':')
  const extra = [e.errorType, e.fault && `fault=${e.fault}`].filter(Boolean).join(' ')
  const ms = e.endTime - e.time
  return `${new Date(e.time).toISOString()} #${e.seq} ${e.operation}${target ? ` ${target}` : ''} → ${e.status} ${ms}ms${extra ? ` ${extra}` : ''}`
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
      help: { type: 'boolean' }
    }
  }).values
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`)
  process.exit(2)
}
if (args.help) {
  console.log(USAGE)
  process.exit(0)
}

const port = number('port', args.port)
const updateDelayMs = number('update-delay', args['update-delay'])
const publishDelayMs = number('publish-delay', args['publish-delay'])
const seed = number('seed', args.seed)
const rateLimit = number('rate-limit', args['rate-limit'])

const emulator = await startServer(
  {
    ...(port !== undefined && { port }),
    ...(args.host !== undefined && { host: args.host }),
    ...(updateDelayMs !== undefined && { updateDelayMs }),
    ...(publishDelayMs !== undefined && { publishDelayMs }),
    ...(seed !== undefined && { seed })
  },
  { onLog: entry => console.error(describe(entry)) }
)
if (rateLimit !== undefined && rateLimit > 0) emulator.faults.setRateLimit(rateLimit, 'control-plane')
console.log(`lambda-promote emulator listening on ${emulator.url}`)

let stopping = false
function stop(): void {
  if (stopping) return
  stopping = true
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
