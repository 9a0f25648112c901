// Everything the emulator holds in memory, built from the start options, and the in-process admin
// shortcuts over it (shared by `emu.admin` and the HTTP control API). reset() returns it to the state
// right after start, with the PRNG streams re-seeded.
import { adminGetAlias } from './aliases.js'
import { Alarms, type CloudWatchContext } from './cloudwatch.js'
import { FaultController } from './faults.js'
import { handleLambda } from './lambda.js'
import { MetricStore } from './metrics.js'
import { createRandom } from './random.js'
import type { LambdaContext } from './state.js'
import { TrafficController } from './traffic.js'
import type { Emulator, EmulatorOptions, EmulatorSettings, RequestLogEntry } from './types.js'
import { adminPublishVersions } from './versions.js'
import { DEFAULT_CODE_STORAGE_LIMIT } from './account.js'

// Separate streams per purpose, so that injecting faults or setting an error rate never changes which
// versions a split alias runs.
const FAULT_STREAM = 0x5bd1e995
const OUTCOME_STREAM = 0x27d4eb2f

export interface World {
  ctx: LambdaContext
  cw: CloudWatchContext
  faults: FaultController
  traffic: TrafficController
  log: RequestLogEntry[]
  settings: EmulatorSettings
  admin: Emulator['admin']
}

export function initialSettings(options: EmulatorOptions): EmulatorSettings {
  return {
    updateDelayMs: options.updateDelayMs ?? 0,
    publishDelayMs: options.publishDelayMs ?? 0,
    metricsDelayMs: options.metricsDelayMs ?? 0,
    metricsResolutionMs: options.metricsResolutionMs ?? 60000,
    pcDelayMs: options.pcDelayMs ?? 0,
    snapStartDelayMs: options.snapStartDelayMs ?? 0,
    codeStorageLimitBytes: options.codeStorageLimitBytes ?? DEFAULT_CODE_STORAGE_LIMIT
  }
}

export function createWorld(options: EmulatorOptions = {}): World {
  const place = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '123456789012' }
  const seed = options.seed ?? 1
  const now = options.now ?? (() => Date.now())
  const settings = initialSettings(options)
  if (!Number.isInteger(settings.metricsResolutionMs) || settings.metricsResolutionMs < 1) {
    throw new RangeError('metricsResolutionMs must be a positive whole number of milliseconds')
  }
  const metrics = new MetricStore()
  const ctx: LambdaContext = {
    place,
    functions: new Map(),
    settings,
    omittedRoutingConfig: options.omittedRoutingConfig ?? 'keep',
    allowFullWeight: options.allowFullWeight ?? true,
    invokeRandom: createRandom(seed),
    outcomeRandom: createRandom(seed ^ OUTCOME_STREAM),
    metrics,
    eventSourceMappings: new Map(),
    now
  }
  const alarms = new Alarms(place, now)
  const cw: CloudWatchContext = { alarms, metrics, settings, now }
  const faults = new FaultController(createRandom(seed ^ FAULT_STREAM))
  // Traffic invokes exactly as a request would: the Lambda handler with the alias as Qualifier.
  const traffic = new TrafficController(
    (functionName, qualifier) =>
      handleLambda(
        ctx,
        { operation: 'Invoke', rawName: functionName },
        {
          headers: {},
          query: new URLSearchParams({ Qualifier: qualifier }),
          raw: Buffer.alloc(0),
          json: undefined
        }
      ),
    now
  )
  const log: RequestLogEntry[] = []

  const reset = (): void => {
    traffic.stopAll()
    ctx.functions.clear()
    ctx.eventSourceMappings.clear()
    alarms.byName.clear()
    metrics.clear()
    log.length = 0
    faults.clear()
    faults.reseed(createRandom(seed ^ FAULT_STREAM))
    ctx.invokeRandom = createRandom(seed)
    ctx.outcomeRandom = createRandom(seed ^ OUTCOME_STREAM)
    Object.assign(settings, initialSettings(options))
  }

  return {
    ctx,
    cw,
    faults,
    traffic,
    log,
    settings,
    admin: {
      publishVersions: (functionName, count) => adminPublishVersions(ctx, functionName, count),
      getAlias: (functionName, alias) => adminGetAlias(ctx, functionName, alias),
      setAlarmState: (name, state, reason) =>
        alarms.setState(name, state, reason ?? 'Set by the emulator admin API'),
      reset
    }
  }
}
