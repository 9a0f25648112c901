// In-process rig for the rollout engine: the emulator in-process, the real gateway (the real SDK over
// HTTP), a virtual clock so that five-minute holds pass in microseconds, an in-memory step state.
import { setMaxListeners } from 'node:events'
import { AlarmWatcher } from '../src/aws/alarms.js'
import { LambdaGateway, type GatewayOptions } from '../src/aws/lambda.js'
import { postBudget } from '../src/aws/budgets.js'
import { postGatewayOptions } from '../src/post/client.js'
import type { Clock } from '../src/clock.js'
import type { Config, RawInputs } from '../src/inputs/config.js'
import { DEFAULT_INPUTS } from './inputs.js'
import { parseInputs } from '../src/inputs/parse.js'
import type { Log } from '../src/log.js'
import { promote, type EngineDeps } from '../src/rollout/engine.js'
import { memoryStore } from '../src/ledger/hand-off.js'
import type { Outcome } from '../src/rollout/record.js'
import type { Emulator } from '../emulator/index.js'

export function config(emu: Emulator, overrides: Partial<RawInputs> = {}): Config {
  return parseInputs(
    { ...DEFAULT_INPUTS, 'endpoint-url': emu.url, ...overrides },
    { AWS_REGION: 'us-east-1' }
  )
}

/** Virtual time: sleeping advances it at once, so holds cost nothing but the calls around them. */
export class VirtualClock implements Clock {
  constructor(public time = Date.UTC(2026, 0, 1, 8, 0, 0)) {}
  now(): number {
    return this.time
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return
    this.time += Math.max(0, ms)
    await new Promise<void>(resolve => setImmediate(resolve))
  }
}

export interface RecordedLog extends Log {
  lines: string[]
}

export function recorder(): RecordedLog {
  const lines: string[] = []
  return {
    lines,
    info: m => void lines.push(m),
    warning: m => void lines.push(`warning: ${m}`),
    debug: () => undefined,
    group: async (name, body) => {
      lines.push(`[${name}]`)
      return body()
    }
  }
}

process.env.AWS_ACCESS_KEY_ID ??= 'test'
process.env.AWS_SECRET_ACCESS_KEY ??= 'test'

export interface Rig {
  clock: VirtualClock
  log: RecordedLog
  store: ReturnType<typeof memoryStore>
  gateway: LambdaGateway
  alarms: AlarmWatcher
  controller: AbortController
  deps: EngineDeps
  run(config: Config): Promise<Outcome>
  /** The post step's client, as post builds it. */
  aliasClient(): LambdaGateway
  close(): void
}

export function rig(emu: Emulator, config: Config, transport?: GatewayOptions['transport']): Rig {
  const clock = new VirtualClock()
  const log = recorder()
  const store = memoryStore()
  const controller = new AbortController()
  // Every request in flight holds an abort listener on this signal, and the engine reads all functions at
  // once: three functions put more than ten on it, and Node 20 (not 24) warns of a leak that is not one.
  setMaxListeners(100, controller.signal)
  const deadline = clock.now() + config.timeoutMs
  const gateway = new LambdaGateway(
    {
      region: 'us-east-1',
      endpoint: emu.url,
      clock,
      maxRequestsPerSecond: config.maxRequestsPerSecond,
      userAgent: 'test',
      random: () => 0.5,
      ...(transport ? { transport } : {})
    },
    { deadline, maxAttempts: 8, signal: controller.signal }
  )
  const alarms = new AlarmWatcher(
    config.alarms,
    { region: 'us-east-1', endpoint: emu.url, userAgent: 'test' },
    clock
  )
  const deps: EngineDeps = {
    api: gateway,
    alarms,
    clock,
    log,
    store,
    signal: controller.signal,
    deadline,
    description: 'main @ abc1234 https://github.com/o/r/actions/runs/1'
  }
  return {
    clock,
    log,
    store,
    gateway,
    alarms,
    controller,
    deps,
    run: c => promote(c, deps),
    aliasClient: () =>
      new LambdaGateway(
        postGatewayOptions({ region: 'us-east-1', endpoint: emu.url }, clock, () => 0.5),
        postBudget(clock.now())
      ),
    close: () => {
      gateway.destroy()
      alarms.destroy()
    }
  }
}

/** Stands for SIGKILL during the first long hold: main's promise is abandoned there, mid-rollout. */
export function killDuringHold(r: Rig): Promise<void> {
  const sleep = r.clock.sleep.bind(r.clock)
  return new Promise<void>(killed => {
    r.clock.sleep = async (ms, signal) => {
      if (ms < 1000) return sleep(ms, signal)
      killed()
      return new Promise<void>(() => undefined)
    }
  })
}
