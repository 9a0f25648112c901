// Start-up against bare Node, in paired runs on this machine: failing fast on a missing input (wall and
// peak RSS against `node -e 0`), spawn → first API request (against a bare node that makes one request),
// and a single-function publish + all-at-once (wall, API calls and round trips at 50 ms per answer).
// Every time target is a ratio to a baseline measured in the same run, pair by pair: a machine where
// `node -e 0` takes 300 ms instead of 26 ms is slower at everything, and only the ratio says whether the
// action is. The absolute figures are recorded beside them, with the machine (bench/results.json).
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

/** Pairs A and B in turn, `runs` times: medians of each, of the differences and of the ratios A / B. */
async function paired(
  a: () => Promise<number>,
  b: () => Promise<number>,
  runs = RUNS
): Promise<{ a: number; b: number; diff: number; ratio: number }> {
  const as: number[] = []
  const bs: number[] = []
  for (let i = 0; i < runs; i++) {
    as.push(await a())
    bs.push(await b())
  }
  return {
    a: median(as),
    b: median(bs),
    diff: median(as.map((x, i) => x - (bs[i] as number))),
    ratio: median(as.map((x, i) => x / Math.max(1, bs[i] as number)))
  }
}

const times = (r: number): string => `${r.toFixed(2)}×`

/** Wall time of a bare node that makes `count` requests to `url` one after another, then exits. */
function bareRequests(url: string, count: number): string[] {
  const one = `await fetch(${JSON.stringify(url)}).then(r => r.arrayBuffer(), () => null)`
  return ['--input-type=module', '-e', Array.from({ length: count }, () => one).join(';')]
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
      value: `${times(failFast.ratio)} (${ms(failFast.a)} vs ${ms(failFast.b)}: +${ms(failFast.diff)})`,
      target: '≤ 2.5× node -e 0',
      ok: failFast.ratio <= 2.5,
      data: failFast
    })
    figures.push({
      scenario: 'startup',
      name: 'fail fast, peak RSS (vs node -e 0)',
      value: `${(rss.peakKiB / 1024).toFixed(1)} MiB vs ${(bare.peakKiB / 1024).toFixed(1)} MiB`,
      data: { actionKiB: rss.peakKiB, bareKiB: bare.peakKiB }
    })

    // A wrong endpoint fails fast: a closed port, through the runner-faithful harness, against a bare node
    // whose one fetch to the same port fails. The action retries a refused connection 3 times with backoff.
    const closedUrl = 'http://127.0.0.1:9'
    let closedExit: number | null = null
    const closed = await paired(
      async () => {
        const r = await runAction({
          inputs: { 'function-name': 'my-fn', alias: 'live', 'endpoint-url': closedUrl },
          env: { AWS_REGION: 'us-east-1' }
        })
        closedExit = r.exitCode
        return r.endedAt - r.startedAt
      },
      async () => (await run(bareRequests(closedUrl, 1), baseEnv())).wallMs,
      3
    )
    figures.push({
      scenario: 'startup',
      name: 'endpoint-url on a closed port: spawn → failed, one line naming the call (median of 3, vs a bare node whose fetch fails)',
      value: `${times(closed.ratio)} (${ms(closed.a)} vs ${ms(closed.b)}; exit ${String(closedExit)})`,
      target: '≤ 25× the bare failed fetch',
      ok: closed.ratio <= 25 && closedExit === 1,
      data: closed
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
        name: `spawn → first API request, against a bare node making one request (median of ${RUNS}, paired)`,
        value: `${times(first.ratio)} (${ms(first.a)} vs ${ms(first.b)}: +${ms(first.diff)})`,
        target: '≤ 3× the bare node',
        ok: first.ratio <= 3,
        data: first
      })

      // 3. One function: publish + all-at-once, through the runner-faithful harness, paired with a bare
      // node that sends as many requests to the emulator one after another.
      const walls: number[] = []
      let calls = 0
      let i = 0
      const bareUrl = `${emu.url}/2015-03-31/functions/start-fn`
      const pub = await paired(
        async () => {
          const n = i++
          await readyFunction(emu, client, `pub-${n}`)
          const since = emu.log.at(-1)?.seq ?? 0
          const r = await runAgainst(emu, { 'function-name': `pub-${n}`, alias: 'live' })
          if (r.outputs.status !== 'promoted') throw new Error(`publish run ${n}: ${r.outputs.status}`)
          walls.push(r.endedAt - r.startedAt)
          calls = emu.log.filter(e => e.seq > since && e.service === 'lambda').length
          return r.endedAt - r.startedAt
        },
        async () => (await run(bareRequests(bareUrl, Math.max(1, calls)), baseEnv())).wallMs,
        5
      )
      figures.push({
        scenario: 'startup',
        name: 'publish + all-at-once, one function: wall (median of 5), against a bare node sending as many requests',
        value: `${times(pub.ratio)} (${ms(pub.a)} vs ${ms(pub.b)})`,
        target: '≤ 3× the bare node',
        ok: pub.ratio <= 3,
        data: { ...pub, wallsMs: walls }
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
