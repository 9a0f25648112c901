// The standalone emulator (`npm run emulator`): starts, prints its URL, serves the SDK, logs requests on
// stderr, runs --traffic, says in one line when its port is taken, and leaves nothing listening when it,
// tsx or npm is stopped with SIGTERM or SIGINT.
import { spawn, type ChildProcess } from 'node:child_process'
import { connect, createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  GetAliasCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  LambdaClient
} from '@aws-sdk/client-lambda'
import { afterEach, describe, expect, test } from '@jest/globals'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { createFunction, waitFor, zip } from './helpers.js'

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }
const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx')
// Each launch is its own process group, so that cleanup also reaches whatever it started (sh, tsx, the
// emulator) even when a test fails because one of them was left running.
const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    } catch {
      // the whole group has exited
    }
  }
})

interface Launched {
  child: ChildProcess
  url: string
  port: number
  stdout: () => string
  stderr: () => string
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

function run(command: string, args: string[]): Omit<Launched, 'url' | 'port'> {
  const child = spawn(command, args, {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  children.push(child)
  let out = ''
  let err = ''
  child.stdout?.on('data', d => (out += d.toString()))
  child.stderr?.on('data', d => (err += d.toString()))
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve =>
    child.on('exit', (code, signal) => resolve({ code, signal }))
  )
  return { child, stdout: () => out, stderr: () => err, exit }
}

// Resolves once the emulator has printed its URL.
async function launch(command: string, args: string[]): Promise<Launched> {
  const p = run(command, args)
  let exited = false
  void p.exit.then(() => (exited = true))
  const match = () => /lambda-promote emulator listening on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(p.stdout())
  await waitFor(
    'the emulator to listen',
    () => {
      if (exited) throw new Error(`the emulator exited: ${p.stdout()}${p.stderr()}`)
      return match() !== null
    },
    20000
  )
  const [, url, port] = match()!
  return { ...p, url: url!, port: Number(port) }
}

// Equivalent of `npx tsx emulator/cli.ts`, without npx's start-up cost.
const direct = (...args: string[]) =>
  launch(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', ...args])

function refused(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
}

// Free = nothing accepts connections on it and this process can listen on it itself.
async function expectFree(port: number): Promise<void> {
  await waitFor(`port ${port} to close`, () => refused(port))
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  await new Promise(resolve => server.close(resolve))
}

test('standalone: create a function, publish two versions, move an alias with a 10% weight, SIGTERM', async () => {
  const { url, stderr, child, exit, port } = await direct('--update-delay', '0')
  const lambda = new LambdaClient({ region: 'us-east-1', endpoint: url, credentials })
  try {
    await createFunction(lambda, 'standalone')
    const v1 = await lambda.send(new PublishVersionCommand({ FunctionName: 'standalone' }))
    await lambda.send(
      new UpdateFunctionCodeCommand({ FunctionName: 'standalone', ZipFile: zip('standalone v2') })
    )
    const v2 = await lambda.send(new PublishVersionCommand({ FunctionName: 'standalone' }))
    expect([v1.Version, v2.Version]).toEqual(['1', '2'])
    const alias = await lambda.send(
      new CreateAliasCommand({ FunctionName: 'standalone', Name: 'live', FunctionVersion: '1' })
    )
    await lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'standalone',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
        RevisionId: alias.RevisionId
      })
    )
    const read = await lambda.send(new GetAliasCommand({ FunctionName: 'standalone', Name: 'live' }))
    expect(read.RoutingConfig?.AdditionalVersionWeights).toEqual({ '2': 0.1 })
  } finally {
    lambda.destroy()
  }
  // One stderr line per request; the last may still be in the pipe.
  const lines = () =>
    stderr()
      .split('\n')
      .filter(l => / → \d{3} /.test(l))
  await waitFor('seven request lines', () => lines().length >= 7)
  expect(lines()).toHaveLength(7)
  expect(lines()[5]).toMatch(/#6 UpdateAlias standalone:live → 200 /)

  child.kill('SIGTERM')
  expect(await exit).toEqual({ code: 0, signal: null })
  await expectFree(port)
})

test('a port already in use: one line on stderr, exit 1, no stack trace', async () => {
  const blocker: Server = createServer()
  await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve))
  const port = (blocker.address() as { port: number }).port
  try {
    const p = run(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', String(port)])
    expect(await p.exit).toEqual({ code: 1, signal: null })
    expect(p.stderr()).toBe(
      `lambda-promote emulator: port ${port} is already in use on 127.0.0.1; pick another with --port\n`
    )
    expect(p.stdout()).toBe('')
  } finally {
    await new Promise(resolve => blocker.close(resolve))
  }
})

test('bad arguments: exit 2 naming the argument, no stack trace', async () => {
  for (const args of [['--traffic', 'fn:live'], ['--metrics-resolution', '0'], ['--port', 'x'], ['--nope']]) {
    const p = run(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args])
    expect((await p.exit).code).toBe(2)
    expect(p.stderr().split('\n')[0]).toMatch(/^lambda-promote emulator: /)
    expect(p.stderr()).not.toMatch(/\n\s+at /)
  }
})

describe('stopping leaves nothing listening', () => {
  test('SIGINT to the emulator: exit 0', async () => {
    const { child, exit, port } = await direct()
    child.kill('SIGINT')
    expect(await exit).toEqual({ code: 0, signal: null })
    await expectFree(port)
  })

  test('SIGTERM to tsx (`tsx emulator/cli.ts`): tsx passes it on and the port is freed', async () => {
    const { child, exit, port } = await launch(tsx, ['emulator/cli.ts', '--port', '0'])
    child.kill('SIGTERM')
    // tsx relays the signal and exits with the emulator's code (0), unless the emulator does not confirm
    // receipt within tsx's 30 ms window (a loaded machine): then tsx SIGKILLs it and exits 143.
    expect([0, 143]).toContain((await exit).code)
    await expectFree(port)
  })

  test('SIGTERM to npm (`npm run emulator`): the emulator stops with it', async () => {
    // npm forwards the signal to `sh -c`, which dies without passing it on; the emulator notices that
    // its parent is gone (--exit-with-parent, set by the npm script) and closes.
    const { child, exit, port, stderr } = await launch('npm', [
      'run',
      '--silent',
      'emulator',
      '--',
      '--port',
      '0'
    ])
    child.kill('SIGTERM')
    await exit
    await expectFree(port)
    await waitFor('the reason on stderr', () => stderr().includes('stopping, its parent process exited'))
  })
})

test('--traffic invokes the alias at the rate once it exists; metrics show it; no request lines', async () => {
  const { url, stderr, child, exit } = await direct(
    '--traffic',
    'cli-traffic:live:50',
    '--metrics-resolution',
    '1000'
  )
  const lambda = new LambdaClient({ region: 'us-east-1', endpoint: url, credentials })
  const cw = new CloudWatchClient({ region: 'us-east-1', endpoint: url, credentials })
  const stats = async () =>
    ((await (await fetch(`${url}/_emulator/traffic`)).json()) as { traffic: Record<string, number>[] })
      .traffic[0]
  try {
    expect(await stats()).toMatchObject({ functionName: 'cli-traffic', alias: 'live', rps: 50 })
    await waitFor('failures before the function exists', async () => ((await stats())?.failures ?? 0) > 0)
    await createFunction(lambda, 'cli-traffic', { Publish: true })
    await lambda.send(
      new CreateAliasCommand({ FunctionName: 'cli-traffic', Name: 'live', FunctionVersion: '1' })
    )
    const created = Date.now()
    await waitFor('invocations', async () => ((await stats())?.invocations ?? 0) >= 10)
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(created - 2000),
        EndTime: new Date(Date.now() + 2000),
        MetricDataQueries: [
          {
            Id: 'n',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/Lambda',
                MetricName: 'Invocations',
                Dimensions: [
                  { Name: 'FunctionName', Value: 'cli-traffic' },
                  { Name: 'Resource', Value: 'cli-traffic:live' },
                  { Name: 'ExecutedVersion', Value: '1' }
                ]
              },
              Period: 1,
              Stat: 'Sum'
            }
          }
        ]
      })
    )
    const total = (out.MetricDataResults?.[0]?.Values ?? []).reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThanOrEqual(10)
    expect(stderr()).not.toMatch(/ Invoke /)
  } finally {
    lambda.destroy()
    cw.destroy()
  }
  child.kill('SIGTERM')
  expect((await exit).code).toBe(0)
})
