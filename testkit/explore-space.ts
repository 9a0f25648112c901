// Fault-point exploration: every scenario × every Lambda call index k × every fault at k, run in-process
// against the emulator with the real SDK, then main's outcome, the post step (twice) and the invariants.
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  GetAliasCommand,
  GetFunctionCommand,
  UpdateAliasCommand,
  type AliasConfiguration,
  type FunctionConfiguration,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import type { Emulator } from '../emulator/index.js'
import type { Transport } from '../src/aws/lambda.js'
import type { RawInputs } from '../src/inputs/config.js'
import { postRun } from '../src/post/run.js'
import { fingerprint } from '../src/rollout/inspect.js'
import { sameState, snapshot, type AliasState } from '../src/ledger/snapshot.js'
import {
  cloudwatch,
  createAlias,
  createFunction,
  lambda,
  publish,
  putAlarm,
  readyToPromote,
  splitAlias,
  updateCode,
  updateEnv
} from './fixtures.js'
import { config, recorder, rig } from './rig.js'

export interface Scenario {
  name: string
  functions: number
  /** Watches the alarm explore-alarm (OK at the start; the 'alarm fires' fault flips it). */
  alarm?: boolean
  inputs: Partial<RawInputs>
  setup(client: LambdaClient, fns: string[], emu: Emulator): Promise<void>
}

const ready = async (client: LambdaClient, fns: string[]): Promise<void> => {
  for (const fn of fns) await readyToPromote(client, fn, { description: 'prod' })
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'first deploy',
    functions: 1,
    inputs: {},
    setup: async (client, [fn]) => createFunction(client, fn as string, 'one')
  },
  { name: 'all-at-once', functions: 1, inputs: {}, setup: ready },
  {
    name: 'all-at-once, alarm, bake',
    functions: 1,
    alarm: true,
    inputs: { 'bake-time': '2m' },
    setup: ready
  },
  { name: 'canary', functions: 1, inputs: { strategy: 'canary', interval: '5m' }, setup: ready },
  {
    name: 'canary, alarm, bake',
    functions: 1,
    alarm: true,
    inputs: { strategy: 'canary', interval: '5m', 'bake-time': '1m' },
    setup: ready
  },
  {
    name: 'linear',
    functions: 1,
    inputs: { strategy: 'linear', 'linear-percent': '40', interval: '1m' },
    setup: ready
  },
  {
    name: 'wait: false',
    functions: 1,
    inputs: { strategy: 'canary', interval: '5m', wait: 'false' },
    setup: ready
  },
  {
    name: 'resume after wait: false',
    functions: 1,
    inputs: { strategy: 'canary', interval: '5m' },
    setup: async (client, [fn]) => {
      await ready(client, [fn as string])
      await splitAlias(client, fn as string, '1', await publish(client, fn as string), 0.1)
    }
  },
  {
    name: 'two functions in lockstep',
    functions: 2,
    inputs: { strategy: 'canary', interval: '5m' },
    setup: ready
  },
  {
    name: 'three functions, linear, alarm, bake',
    functions: 3,
    alarm: true,
    inputs: { strategy: 'linear', 'linear-percent': '50', interval: '1m', 'bake-time': '30s' },
    setup: ready
  },
  { name: 'steps 5,25,50', functions: 1, inputs: { steps: '5,25,50', interval: '2m' }, setup: ready },
  {
    name: 'version: an existing one, canary',
    functions: 1,
    inputs: { version: '2', strategy: 'canary', interval: '5m' },
    setup: async (client, [fn]) => {
      await ready(client, [fn as string])
      await publish(client, fn as string)
    }
  },
  {
    name: 'alias on $LATEST',
    functions: 1,
    inputs: { strategy: 'canary', interval: '5m' },
    setup: async (client, [fn]) => {
      await createFunction(client, fn as string, 'one')
      await createAlias(client, fn as string, 'live', '$LATEST', 'prod')
    }
  },
  {
    name: 'smoke test, canary',
    functions: 1,
    inputs: { strategy: 'canary', interval: '5m', 'smoke-test-payload': '{"ping":1}' },
    setup: ready
  }
]

export const FAULTS = [
  'lost',
  'dropped',
  '429',
  '409',
  '500',
  'hang',
  'cancel',
  'kill',
  'kill, then a foreign write',
  'foreign routing',
  'foreign description',
  'foreign code',
  'foreign config',
  'foreign delete',
  'alarm fires',
  'lost twice',
  'timeout',
  'lands late',
  'lands late, cancelled'
] as const
export type Fault = (typeof FAULTS)[number]

export interface CaseResult {
  scenario: string
  fault: Fault
  k: number
  status: string
  /** Main's one line when it failed. */
  error?: string
  violations: string[]
}

const netError = (): Error =>
  Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', $metadata: {} })
const apiError = (name: string, status: number, message: string): Error =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })

let counter = 0
const clients = new WeakMap<Emulator, LambdaClient>()
/** One SDK client per emulator for arranging and checking: its connections are reused across cases. */
function clientFor(emu: Emulator): LambdaClient {
  let client = clients.get(emu)
  if (!client) clients.set(emu, (client = lambda(emu)))
  return client
}

/** The number of Lambda calls main makes in a clean run of the scenario: the k to explore. */
export async function callCount(emu: Emulator, s: Scenario): Promise<number> {
  let calls = 0
  await runCase(emu, s, null, -1, () => calls++)
  return calls
}

interface Foreign {
  fn: string
  /** The alias state and RevisionId the foreign writer left. */
  alias?: { state: AliasState; revisionId: string }
  /** Before the engine read the alias: then it is simply the state the run started from. */
  beforeRead: boolean
}

export async function runCase(
  emu: Emulator,
  s: Scenario,
  fault: Fault | null,
  k: number,
  onCall: () => void = () => undefined
): Promise<CaseResult> {
  const client = clientFor(emu)
  const fns = Array.from({ length: s.functions }, () => `x${++counter}`)
  await s.setup(client, fns, emu)
  if (s.alarm) {
    await putAlarm(cloudwatch(emu), 'explore-alarm')
    emu.admin.setAlarmState('explore-alarm', 'OK')
  }
  const c = config(emu, {
    ...s.inputs,
    'function-name': fns.join(','),
    ...(s.alarm ? { alarms: 'explore-alarm' } : {})
  })
  const latestRead = new Map<string, FunctionConfiguration>()
  const aliasRead = new Set<string>()
  const foreign: Foreign[] = []
  let index = 0
  let killed = false
  let loseNext = false
  let late: (() => Promise<unknown>) | null = null
  const deleted = new Set<string>()
  const deletedBeforeRead = new Set<string>()
  let onKill!: () => void
  const dead = new Promise<'killed'>(resolve => (onKill = () => resolve('killed')))
  const r = rig(emu, c, send => transport(send))

  function transport(send: Transport): Transport {
    return async (command, opts) => {
      if (killed) return new Promise(() => undefined)
      const i = index++
      onCall()
      const input = (command as { input: { FunctionName?: string; Qualifier?: string } }).input
      const fn = input.FunctionName ?? (fns[0] as string)
      const name = command.constructor.name
      const remember = (out: unknown): unknown => {
        if (name === 'GetFunctionCommand' && !input.Qualifier && !latestRead.has(fn))
          latestRead.set(fn, (out as { Configuration: FunctionConfiguration }).Configuration)
        if (name === 'GetAliasCommand') aliasRead.add(fn)
        return out
      }
      // A request held back earlier reaches Lambda now, before this call: it lands late.
      if (late && (command.constructor.name === 'GetAliasCommand' || i > k + 1)) {
        const request = late
        late = null
        await request().catch(() => undefined)
      }
      if (loseNext) {
        // The retry's answer is lost too.
        loseNext = false
        remember(await send(command, opts))
        throw netError()
      }
      if (i !== k || fault === null) return remember(await send(command, opts))
      switch (fault) {
        case 'lost':
          remember(await send(command, opts))
          throw netError()
        case 'lost twice':
          remember(await send(command, opts))
          loseNext = true
          throw netError()
        case 'alarm fires':
          if (c.alarms.length > 0) emu.admin.setAlarmState('explore-alarm', 'ALARM')
          return remember(await send(command, opts))
        case 'dropped':
          throw netError()
        case '429':
          throw apiError('TooManyRequestsException', 429, 'Rate exceeded')
        case '409':
          throw apiError('ResourceConflictException', 409, 'An update is in progress for resource: x')
        case '500':
          throw apiError('ServiceException', 500, 'internal')
        case 'hang':
          if (!opts.abortSignal) throw Object.assign(new Error('request timed out'), { name: 'TimeoutError' })
          r.controller.abort('cancelled (SIGINT)')
          throw Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })
        case 'cancel':
          r.controller.abort('cancelled (SIGINT)')
          return remember(await send(command, opts))
        case 'lands late':
          // On the wire but slow: our side gives up (a network fault, so it retries) and it lands later.
          late = () => send(command, {})
          throw netError()
        case 'lands late, cancelled':
          // The same as the workflow is cancelled, and our side does not retry it.
          late = () => send(command, {})
          r.controller.abort('cancelled (SIGINT)')
          throw Object.assign(new Error('connection lost'), { name: 'UnknownError' })
        case 'timeout':
          r.controller.abort('timeout 30m reached')
          return remember(await send(command, opts))
        case 'foreign delete':
          if (await client.send(getAliasCmd(fn)).catch(() => null)) {
            await client.send(new DeleteAliasCommand({ FunctionName: fn, Name: 'live' }))
            ;(aliasRead.has(fn) ? deleted : deletedBeforeRead).add(fn)
          }
          return remember(await send(command, opts))
        case 'kill':
        case 'kill, then a foreign write': {
          remember(await send(command, opts))
          killed = true
          if (fault !== 'kill') await foreignWrite(client, fn, 'routing', foreign, aliasRead)
          onKill()
          return new Promise(() => undefined)
        }
        default:
          await foreignWrite(client, fn, fault.replace('foreign ', '') as ForeignKind, foreign, aliasRead)
          return remember(await send(command, opts))
      }
    }
  }

  const pre = new Map<string, AliasState | null>()
  for (const fn of fns) pre.set(fn, await aliasState(client, fn))
  const ended = await Promise.race([r.run(c), dead])
  const outcome = ended === 'killed' ? null : ended
  // A request still on the wire when main stopped reaches Lambda before post runs.
  if (late) await (late as () => Promise<unknown>)().catch(() => undefined)
  // The runner runs post after main, whatever happened; a second post must change nothing.
  const post = (): Promise<{ failure?: string }> =>
    postRun({ store: r.store, log: recorder(), clock: r.clock, env: {}, api: async () => r.aliasClient() })
  const firstPost = await post()
  const afterFirst = await Promise.all(fns.map(fn => client.send(getAliasCmd(fn)).catch(() => null)))
  await post()
  const afterSecond = await Promise.all(fns.map(fn => client.send(getAliasCmd(fn)).catch(() => null)))
  r.close()

  const violations: string[] = []
  for (const [i, fn] of fns.entries()) {
    const f = foreign.find(x => x.fn === fn && x.alias)
    const initial = deletedBeforeRead.has(fn)
      ? null
      : f?.beforeRead
        ? (f.alias?.state ?? null)
        : (pre.get(fn) ?? null)
    const foreignAfterRead = f && !f.beforeRead ? f.alias : undefined
    const end = afterFirst[i] ? snapshot(afterFirst[i] as AliasConfiguration) : null
    const again = afterSecond[i] ? snapshot(afterSecond[i] as AliasConfiguration) : null
    if ((end?.revisionId ?? null) !== (again?.revisionId ?? null))
      violations.push(`${fn}: the second post changed the alias`)
    const sameAs = (a: AliasState | null): boolean =>
      a === null ? end === null : end !== null && sameState(end, a)
    const isForeign =
      (foreignAfterRead !== undefined && end?.revisionId === foreignAfterRead.revisionId) ||
      (deleted.has(fn) && end === null)
    const d = outcome?.deployments[i]
    const status = outcome?.status ?? 'killed'
    const promotedTo = (v: string): boolean =>
      end !== null &&
      end.functionVersion === v &&
      Object.keys(end.weights).length === 0 &&
      end.description === (initial?.description ?? '')
    let ok: boolean
    switch (status) {
      case 'promoted':
        ok = d !== undefined && promotedTo(d.to)
        break
      case 'in-progress':
        ok = d !== undefined && end !== null && end.weights[d.to] !== undefined
        break
      case 'unchanged':
      case 'dry-run':
        ok = sameAs(initial) || isForeign
        break
      case 'rolled-back':
        ok = sameAs(initial)
        break
      default:
        // failed, or killed and then post: as it was, or the foreign writer's state untouched.
        ok = sameAs(initial) || isForeign
    }
    if (!ok)
      violations.push(
        `${fn}: status ${status} but the alias holds ${end ? JSON.stringify(end) : 'nothing'} (before: ${JSON.stringify(initial)})`
      )
    if (!s.inputs.version) await checkLineage(client, fn, end, initial, latestRead.get(fn), violations)
    else if (end && end.functionVersion !== s.inputs.version && !sameAs(initial) && !isForeign)
      violations.push(
        `${fn}: the alias is on v${end.functionVersion}, not the requested v${s.inputs.version}`
      )
  }
  if (outcome && firstPost.failure && outcome.status !== 'failed')
    violations.push(`post failed after main reported ${outcome.status}: ${firstPost.failure}`)
  return {
    scenario: s.name,
    fault: fault ?? ('none' as Fault),
    k,
    status: outcome?.status ?? 'killed',
    ...(outcome?.error ? { error: outcome.error } : {}),
    violations
  }
}

/** Every version on the alias that was not there before was published from the $LATEST main read. */
async function checkLineage(
  client: LambdaClient,
  fn: string,
  end: AliasState | null,
  initial: AliasState | null,
  latest: FunctionConfiguration | undefined,
  violations: string[]
): Promise<void> {
  if (!end || !latest) return
  const before = new Set([initial?.functionVersion, ...Object.keys(initial?.weights ?? {})])
  for (const v of [end.functionVersion, ...Object.keys(end.weights)]) {
    if (before.has(v) || v === '$LATEST') continue
    const config = (await client.send(new GetFunctionCommand({ FunctionName: fn, Qualifier: v })))
      .Configuration
    if (!config || fingerprint(config) !== fingerprint(latest))
      violations.push(`${fn}: v${v} on the alias was not published from the $LATEST main read`)
  }
}

type ForeignKind = 'routing' | 'description' | 'code' | 'config'

async function foreignWrite(
  client: LambdaClient,
  fn: string,
  kind: ForeignKind,
  foreign: Foreign[],
  aliasRead: Set<string>
): Promise<void> {
  if (kind === 'code') return updateCode(client, fn, `theirs-${counter}`)
  if (kind === 'config') return updateEnv(client, fn, { THEIRS: String(counter) })
  const now = await client.send(getAliasCmd(fn)).catch(() => null)
  let out: AliasConfiguration
  if (!now) {
    if (kind === 'description') return
    out = await client.send(
      new CreateAliasCommand({ FunctionName: fn, Name: 'live', FunctionVersion: '$LATEST' })
    )
  } else {
    out = await client.send(
      new UpdateAliasCommand({
        FunctionName: fn,
        Name: 'live',
        // $LATEST: a state this run never writes, so it cannot be mistaken for this run's own.
        FunctionVersion: kind === 'routing' ? '$LATEST' : now.FunctionVersion,
        RoutingConfig: {
          AdditionalVersionWeights:
            kind === 'routing' ? {} : (now.RoutingConfig?.AdditionalVersionWeights ?? {})
        },
        Description: kind === 'description' ? 'theirs' : (now.Description ?? '')
      })
    )
  }
  const s = snapshot(out)
  foreign.push({ fn, alias: { state: s, revisionId: s.revisionId }, beforeRead: !aliasRead.has(fn) })
}

const getAliasCmd = (fn: string): GetAliasCommand => new GetAliasCommand({ FunctionName: fn, Name: 'live' })

async function aliasState(client: LambdaClient, fn: string): Promise<AliasState | null> {
  const a = await client.send(getAliasCmd(fn)).catch(() => null)
  return a ? snapshot(a) : null
}
