// Timing profiles. `fast` (the default) answers at once, for unit and conformance tests. `realistic`
// behaves like AWS in time, scaled down so a demo or rehearsal takes seconds: on AWS an update or a new
// version takes seconds to minutes and Lambda's metrics reach CloudWatch a minute or more after the
// invocation ends. Every number is a setting: options, CLI flags and the control API override each one.
import { DEFAULT_CODE_STORAGE_LIMIT } from './account.js'
import type { EmulatorOptions, EmulatorSettings } from './types.js'

export const PROFILES = {
  fast: {
    updateDelayMs: 0,
    publishDelayMs: 0,
    metricsDelayMs: 0,
    metricsResolutionMs: 60000,
    evaluateAlarms: false,
    codedeployMinuteMs: 60000,
    pcDelayMs: 0,
    snapStartDelayMs: 0,
    codeStorageLimitBytes: DEFAULT_CODE_STORAGE_LIMIT
  },
  realistic: {
    updateDelayMs: 1500, // AWS: a few seconds to a minute
    publishDelayMs: 1000, // AWS: a few seconds (longer with provisioned concurrency or a VPC)
    metricsDelayMs: 3000, // AWS: about a minute or more after the invocation ends
    metricsResolutionMs: 60000, // Lambda's metrics are standard resolution, as on AWS
    evaluateAlarms: true, // alarms evaluate their metrics every period
    codedeployMinuteMs: 60000, // a CodeDeploy minute is a minute unless a test shortens it
    pcDelayMs: 3000, // AWS: allocation starts after a minute or two, then proceeds at a bounded rate
    snapStartDelayMs: 2000, // AWS: publishing a SnapStart version takes noticeably longer
    codeStorageLimitBytes: DEFAULT_CODE_STORAGE_LIMIT
  }
} as const satisfies Record<string, EmulatorSettings>

export type ProfileName = keyof typeof PROFILES
export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[]

export function isProfileName(value: unknown): value is ProfileName {
  return typeof value === 'string' && (PROFILE_NAMES as string[]).includes(value)
}

// The profile's numbers, then whatever the options set explicitly.
export function profileSettings(options: EmulatorOptions): EmulatorSettings {
  const name = options.profile ?? 'fast'
  if (!isProfileName(name)) {
    throw new RangeError(`profile must be one of ${PROFILE_NAMES.join(', ')}, got ${JSON.stringify(name)}`)
  }
  const base = PROFILES[name]
  return {
    updateDelayMs: options.updateDelayMs ?? base.updateDelayMs,
    publishDelayMs: options.publishDelayMs ?? base.publishDelayMs,
    metricsDelayMs: options.metricsDelayMs ?? base.metricsDelayMs,
    metricsResolutionMs: options.metricsResolutionMs ?? base.metricsResolutionMs,
    evaluateAlarms: options.evaluateAlarms ?? base.evaluateAlarms,
    codedeployMinuteMs: options.codedeployMinuteMs ?? base.codedeployMinuteMs,
    pcDelayMs: options.pcDelayMs ?? base.pcDelayMs,
    snapStartDelayMs: options.snapStartDelayMs ?? base.snapStartDelayMs,
    codeStorageLimitBytes: options.codeStorageLimitBytes ?? base.codeStorageLimitBytes
  }
}
