// Everything the emulator holds in memory, built from the start options, and the in-process admin
// shortcuts over it (shared by `emu.admin` and the HTTP control API). reset() returns it to the state
// right after start, with the PRNG streams re-seeded.
import { adminGetAlias } from './aliases.js'
import { Alarms } from './alarms.js'
import type { CloudWatchContext } from './cloudwatch.js'
import { createCodeDeploy, type CodeDeployService } from './codedeploy/service.js'
import { FaultController } from './faults.js'
import { handleLambda } from './lambda.js'
import { MetricStore } from './metrics.js'
import { profileSettings } from './profile.js'
import { createRandom } from './random.js'
import type { LambdaContext } from './state.js'
import { TrafficController } from './traffic.js'
import type { Emulator, EmulatorOptions, EmulatorSettings, RequestLogEntry } from './types.js'
import { adminPublishVersions } from './versions.js'

// Separate streams per purpose, so that injecting faults or setting an error rate never changes which
// versions a split alias runs.
const FAULT_STREAM = 0x5bd1e995
const OUTCOME_STREAM = 0x27d4eb2f

export interface World {
  ctx: LambdaContext
  cw: CloudWatchContext
  faults: FaultController
  traffic: TrafficController
  codedeploy: CodeDeployService
  log: RequestLogEntry[]
  settings: EmulatorSettings
  admin: Emulator['admin']
}

export const initialSettings = profileSettings

export function createWorld(options: EmulatorOptions = {}): World {
  const place = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '123456789012' }
  const seed = options.seed ?? 1
  const now = options.now ?? (() => Date.now())
  const settings = initialSettings(options)
  if (!Number.isInteger(settings.metricsResolutionMs) || settings.metricsResolutionMs < 1) {
    throw new RangeError('metricsResolutionMs must be a positive whole number of milliseconds')
  }
  if (!(settings.codedeployMinuteMs > 0)) throw new RangeError('codedeployMinuteMs must be above 0')
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
  const alarms = new Alarms(place, now, { metrics, settings })
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
  const codedeploy = createCodeDeploy(ctx, cw, settings)
  const log: RequestLogEntry[] = []

  const reset = (): void => {
    traffic.stopAll()
    codedeploy.reset()
    ctx.functions.clear()
    ctx.eventSourceMappings.clear()
    alarms.clear()
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
    codedeploy,
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
