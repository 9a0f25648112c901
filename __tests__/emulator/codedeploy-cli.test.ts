// The standalone emulator's --codedeploy-minute-ms flag: it sets the CodeDeploy minute the control API
// reports, and a value that is not a positive number is a usage error (exit 2).
import { spawn, type ChildProcess } from 'node:child_process'
import { afterEach, expect, test } from '@jest/globals'
import { waitFor } from './helpers.js'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

function start(...args: string[]): { out: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  children.push(child)
  let out = ''
  child.stdout?.on('data', d => (out += d.toString()))
  child.stderr?.on('data', d => (out += d.toString()))
  return { out: () => out, exit: new Promise(resolve => child.on('exit', code => resolve(code))) }
}

test('--codedeploy-minute-ms sets the CodeDeploy minute', async () => {
  const emulator = start('--codedeploy-minute-ms', '250')
  const url = () => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(emulator.out())?.[1]
  await waitFor('the emulator to listen', () => url() !== undefined, 20000)
  const settings = await (await fetch(`${url()}/_emulator/settings`)).json()
  expect(settings).toMatchObject({ codedeployMinuteMs: 250 })
  children[0]?.kill('SIGTERM')
  expect(await emulator.exit).toBe(0)
})

test('--codedeploy-minute-ms 0 is a usage error', async () => {
  const emulator = start('--codedeploy-minute-ms', '0')
  expect(await emulator.exit).toBe(2)
  expect(emulator.out()).toContain('--codedeploy-minute-ms "0": expected a positive number')
})
