// The standalone emulator (`npm run emulator`): starts, prints its URL, serves the SDK, logs requests on
// stderr, and stops on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process'
import {
  CreateAliasCommand,
  GetAliasCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  LambdaClient
} from '@aws-sdk/client-lambda'
import { afterAll, expect, test } from '@jest/globals'
import { createFunction, zip } from './helpers.js'

let child: ChildProcess | undefined
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
})

// Equivalent of `npx tsx emulator/cli.ts --port 0`, without npx's start-up cost.
function start(): Promise<{ url: string; stderr: () => string }> {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--update-delay', '0'],
    {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let out = ''
  let err = ''
  child.stderr?.on('data', d => (err += d.toString()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}${err}`)), 15000)
    child?.stdout?.on('data', d => {
      out += d.toString()
      const match = /^lambda-promote emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ url: match[1], stderr: () => err })
      }
    })
    child?.on('exit', code => reject(new Error(`emulator exited (${code}): ${out}${err}`)))
  })
}

test('standalone: create a function, publish two versions, move an alias with a 10% weight, SIGTERM', async () => {
  const { url, stderr } = await start()
  const lambda = new LambdaClient({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
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
  for (let i = 0; i < 50 && lines().length < 7; i++) await new Promise(r => setTimeout(r, 20))
  expect(lines()).toHaveLength(7)
  expect(lines()[5]).toMatch(/#6 UpdateAlias standalone:live → 200 /)

  const exit = new Promise<number | null>(resolve => child?.on('exit', code => resolve(code)))
  child?.kill('SIGTERM')
  expect(await exit).toBe(0)
})
