// Start-up against bare Node, in paired runs on this machine: failing fast on a missing input (wall and
// peak RSS against `node -e 0`), spawn → first API request (against a bare node that makes one request),
// and a single-function publish + all-at-once (wall, API calls and round trips at 50 ms per answer).
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { emulator, lambda, publish } from '../../testkit/fixtures.js'
import type { Emulator } from '../../emulator/index.js'
import { inputEnvName, loadActionDefaults, runAction } from '../../testkit/runner.js'
import { readyFunction, runAgainst } from '../setup.js'
import type { Figure, Scenario } from '../types.js'
import { postStartup } from './post-startup.js'
import { median, ms, roundTrips } from '../util.js'

const RUNS = 15
const FAR_MS = 50
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const node = createRequire(import.meta.url).resolve('node/bin/node')
const action = join(root, 'dist', 'index.js')

interface Spawned {
  startedAt: number
  wallMs: number
  peakKiB: number
}

/** Runs `node args` to its exit; the peak RSS comes from GNU time when it is there (else NaN). */
function run(args: string[], env: Record<string, string>): Promise<Spawned> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-start-'))
  const out = join(dir, 'time.txt')
  const useTime = process.platform === 'linux'
  const [cmd, argv] = useTime ? ['/usr/bin/time', ['-f', '%M', '-o', out, node, ...args]] : [node, args]
  return new Promise((done, fail) => {
    const startedAt = Date.now()
    const t0 = process.hrtime.bigint()
    const child = spawn(cmd as string, argv as string[], { env, stdio: 'ignore', cwd: dir })
    child.on('error', fail)
    child.on('exit', () => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6
      let peakKiB = NaN
      try {
        peakKiB = Number(readFileSync(out, 'utf8').trim().split('\n').pop())
      } catch {
        // no GNU time: RSS not measured
      }
      rmSync(dir, { recursive: true, force: true })
      done({ startedAt, wallMs, peakKiB })
    })
  })
}

const baseEnv = (): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench'
})

/** Pairs A and B in turn, RUNS times: medians of each and of the differences. */
async function paired(
  a: () => Promise<number>,
  b: () => Promise<number>
): Promise<{ a: number; b: number; diff: number }> {
  const as: number[] = []
  const bs: number[] = []
  for (let i = 0; i < RUNS; i++) {
    as.push(await a())
    bs.push(await b())
  }
  return { a: median(as), b: median(bs), diff: median(as.map((x, i) => x - (bs[i] as number))) }
}

function firstRequestAfter(emu: Emulator, since: number, startedAt: number): number {
  const first = emu.log.filter(e => e.seq > since).reduce((t, e) => Math.min(t, e.time), Infinity)
  return first - startedAt
}

export const startup: Scenario = {
  id: 'startup',
  title: 'Start-up against bare Node, paired',
  budgetMs: 120_000,
  async run() {
    const figures: Figure[] = []
    // 1. Fail fast: no inputs at all.
    const failFast = await paired(
      async () => (await run([action], baseEnv())).wallMs,
      async () => (await run(['-e', '0'], baseEnv())).wallMs
    )
    const rss = await run([action], baseEnv())
    const bare = await run(['-e', '0'], baseEnv())
    figures.push({
      scenario: 'startup',
      name: `fail fast on a missing input, wall (median of ${RUNS}, paired with node -e 0)`,
      value: `${ms(failFast.a)} vs ${ms(failFast.b)}: +${ms(failFast.diff)}`,
      target: '≤ +60 ms',
      ok: failFast.diff <= 60,
      data: failFast
    })
    figures.push({
      scenario: 'startup',
      name: 'fail fast, peak RSS (vs node -e 0)',
      value: `${(rss.peakKiB / 1024).toFixed(1)} MiB vs ${(bare.peakKiB / 1024).toFixed(1)} MiB`,
      data: { actionKiB: rss.peakKiB, bareKiB: bare.peakKiB }
    })

    // A wrong endpoint fails fast: a closed port, through the runner-faithful harness.
    const closed = await runAction({
      inputs: { 'function-name': 'my-fn', alias: 'live', 'endpoint-url': 'http://127.0.0.1:9' },
      env: { AWS_REGION: 'us-east-1' }
    })
    const closedMs = closed.endedAt - closed.startedAt
    figures.push({
      scenario: 'startup',
      name: 'endpoint-url on a closed port: spawn → failed, one line naming the call',
      value: `${ms(closedMs)} (exit ${closed.exitCode})`,
      target: '≤ 5 s',
      ok: closedMs <= 5000 && closed.exitCode === 1
    })

    // 2. Spawn → first API request, against a bare node that makes one request.
    const emu = await emulator()
    const client = lambda(emu)
    try {
      await readyFunction(emu, client, 'start-fn', { changed: false })
      // Every input as the runner hands it over: action.yml's defaults, then the step's own.
      const inputs = { ...loadActionDefaults(), 'function-name': 'start-fn', alias: 'live' }
      const env = {
        ...baseEnv(),
        AWS_ENDPOINT_URL: emu.url,
        AWS_REGION: 'us-east-1',
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v]))
      }
      const toFirst = async (args: string[]): Promise<number> => {
        const since = emu.log.at(-1)?.seq ?? 0
        const r = await run(args, env)
        return firstRequestAfter(emu, since, r.startedAt)
      }
      const request = `await fetch(${JSON.stringify(`${emu.url}/2015-03-31/functions/start-fn`)})`
      const first = await paired(
        () => toFirst([action]),
        () => toFirst(['--input-type=module', '-e', request])
      )
      figures.push({
        scenario: 'startup',
        name: `spawn → first API request (median of ${RUNS})`,
        value: ms(first.a),
        target: '≤ 120 ms',
        ok: first.a <= 120,
        data: first
      })
      figures.push({
        scenario: 'startup',
        name: 'spawn → first request, above a bare node making one request (paired)',
        value: `${ms(first.a)} vs ${ms(first.b)}: +${ms(first.diff)}`,
        target: '≤ +85 ms',
        ok: first.diff <= 85
      })

      // 3. One function: publish + all-at-once, through the runner-faithful harness.
      const walls: number[] = []
      let calls = 0
      for (let i = 0; i < 5; i++) {
        await readyFunction(emu, client, `pub-${i}`)
        const since = emu.log.at(-1)?.seq ?? 0
        const r = await runAgainst(emu, { 'function-name': `pub-${i}`, alias: 'live' })
        if (r.outputs.status !== 'promoted') throw new Error(`publish run ${i}: ${r.outputs.status}`)
        walls.push(r.endedAt - r.startedAt)
        calls = emu.log.filter(e => e.seq > since && e.service === 'lambda').length
      }
      figures.push({
        scenario: 'startup',
        name: 'publish + all-at-once, one function: wall (median of 5)',
        value: ms(median(walls)),
        target: '≤ 155 ms',
        ok: median(walls) <= 155,
        data: { wallsMs: walls }
      })
      figures.push({
        scenario: 'startup',
        name: 'publish + all-at-once: API calls, publish: auto (reads the current version to compare code)',
        value: String(calls),
        // 6 since the alias's provisioned-concurrency read: sent beside the others, it adds no round trip.
        target: '≤ 6',
        ok: calls <= 6
      })
      // The same at 50 ms per Lambda answer, about what a runner far from the region waits: on AWS the
      // round trips, not the calls, make the wall time. int128/deploy-lambda-action makes 3 calls in a row.
      /** One run at FAR_MS per Lambda answer: its calls and the round trips they took in a row. */
      const far = async (fn: string, inputs: Record<string, string>, expected: number, what: string) => {
        const since = emu.log.at(-1)?.seq ?? 0
        emu.faults.add({ latencyMs: FAR_MS })
        const r = await runAgainst(emu, { 'function-name': fn, alias: 'live', ...inputs }).finally(() =>
          emu.faults.clear()
        )
        const calls = emu.log.filter(e => e.seq > since && e.service === 'lambda')
        const trips = roundTrips(calls)
        figures.push({
          scenario: 'startup',
          name: `${what} at ${FAR_MS} ms per answer: round trips in a row (reads sent together)`,
          value: `${trips} round trips for ${calls.length} calls; wall ${ms(r.endedAt - r.startedAt)}`,
          target: `≤ ${expected}`,
          ok: trips <= expected && r.outputs.status === 'promoted',
          data: { trips, calls: calls.length, wallMs: r.endedAt - r.startedAt, latencyMs: FAR_MS }
        })
      }
      await readyFunction(emu, client, 'pub-far')
      await far('pub-far', {}, 3, 'publish + all-at-once')
      // Finishing after an approval: an existing version, all at once.
      await readyFunction(emu, client, 'ver-far')
      await far('ver-far', { version: await publish(client, 'ver-far') }, 2, 'version: N, all-at-once')
      await readyFunction(emu, client, 'pub-always')
      const since = emu.log.at(-1)?.seq ?? 0
      await runAgainst(emu, { 'function-name': 'pub-always', alias: 'live', publish: 'always' })
      const always = emu.log.filter(e => e.seq > since && e.service === 'lambda').length
      figures.push({
        scenario: 'startup',
        name: 'publish + all-at-once: API calls, publish: always',
        value: String(always),
        target: '≤ 5',
        ok: always <= 5
      })
      figures.push(
        ...(await postStartup(emu, client, { root, run, paired, baseEnv, firstRequestAfter, runs: RUNS }))
      )
      return figures
    } finally {
      client.destroy()
      await emu.close()
    }
  }
}
