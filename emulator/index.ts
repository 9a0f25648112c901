// Public in-process API of the local Lambda + CloudWatch emulator (see emulator/README.md).
import { startServer } from './server.js'
import type { Emulator, EmulatorOptions } from './types.js'

export type {
  AlarmStateValue,
  CodeDeployHookExecution,
  Emulator,
  EmulatorOptions,
  EmulatorSettings,
  FaultKind,
  FaultRule,
  Faults,
  RateLimitScope,
  RequestLogEntry,
  Traffic,
  TrafficHandle,
  TrafficOptions,
  TrafficStats
} from './types.js'
export { CONTROL_PREFIX } from './control.js'

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startServer(options)
}
