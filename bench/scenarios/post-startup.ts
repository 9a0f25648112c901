// The post step's start-up, paired with bare Node as main's is: with nothing to restore (main finished;
// the AWS SDK is never loaded) and after a kill (the SDK's Lambda client loaded lazily, then its first
// request). The state is what a real main saved, handed over as the runner hands it (STATE_* variables).
import type { LambdaClient } from '@aws-sdk/client-lambda'
import { join } from 'node:path'
import type { Emulator } from '../../emulator/index.js'
import { readyFunction, runAgainst } from '../setup.js'
import type { Figure } from '../types.js'
import { ms } from '../util.js'

export interface StartupTools {
  root: string
  run(args: string[], env: Record<string, string>): Promise<{ startedAt: number; wallMs: number }>
  paired(a: () => Promise<number>, b: () => Promise<number>): Promise<{ a: number; b: number; diff: number }>
  baseEnv(): Record<string, string>
  firstRequestAfter(emu: Emulator, since: number, startedAt: number): number
  runs: number
}

const stateEnv = (state: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))

export async function postStartup(emu: Emulator, client: LambdaClient, t: StartupTools): Promise<Figure[]> {
  const post = join(t.root, 'dist', 'post.js')
  const env = { ...t.baseEnv(), AWS_REGION: 'us-east-1' }
  // 1. Main finished: post reads the ledger and stops, without the SDK.
  await readyFunction(emu, client, 'post-done')
  const finished = await runAgainst(emu, { 'function-name': 'post-done', alias: 'live' })
  if (finished.state.done !== 'promoted') throw new Error(`post-done: main ended ${finished.state.done}`)
  const idle = await t.paired(
    async () => (await t.run([post], { ...env, ...stateEnv(finished.state) })).wallMs,
    async () => (await t.run(['-e', '0'], env)).wallMs
  )
  // 2. Main killed mid-canary: post loads the SDK's Lambda client and reads the alias first.
  await readyFunction(emu, client, 'post-kill')
  const killed = await runAgainst(
    emu,
    { 'function-name': 'post-kill', alias: 'live', strategy: 'canary', interval: '1h', timeout: '2h' },
    { signal: { name: 'SIGKILL', whenStdout: /10% → v2/, afterMs: 50 } }
  )
  if (!killed.state.run || killed.state.done) throw new Error('post-kill: main was not stopped mid-canary')
  const request = `await fetch(${JSON.stringify(`${emu.url}/2015-03-31/functions/post-kill/aliases/live`)})`
  const toFirst = async (args: string[], extra: Record<string, string>): Promise<number> => {
    const since = emu.log.at(-1)?.seq ?? 0
    const r = await t.run(args, { ...env, ...extra })
    return t.firstRequestAfter(emu, since, r.startedAt)
  }
  // The first run restores the alias; the others find it as it was and confirm that, with the same reads.
  const first = await t.paired(
    () => toFirst([post], stateEnv(killed.state)),
    () => toFirst(['--input-type=module', '-e', request], {})
  )
  return [
    {
      scenario: 'startup',
      name: `post with nothing to restore (main finished), wall (median of ${t.runs}, paired with node -e 0)`,
      value: `${ms(idle.a)} vs ${ms(idle.b)}: +${ms(idle.diff)}`,
      data: idle
    },
    {
      scenario: 'startup',
      name: `post after a kill: spawn → first API request, SDK loaded lazily (median of ${t.runs}, paired with a bare node making one request)`,
      value: `${ms(first.a)} vs ${ms(first.b)}: +${ms(first.diff)}`,
      data: first
    }
  ]
}
