// In-memory Lambda state: functions, their immutable versions and aliases, revision ids, and the lazily
// computed update/publish lifecycle (LastUpdateStatus and State are derived from timestamps, so no timers).
import { randomUUID } from 'node:crypto'
import { functionNotFound, notFound } from './errors.js'
import { functionArn, type Place } from './names.js'
import type { MetricStore } from './metrics.js'
import type { Random } from './random.js'
import type { EventSourceMapping } from './event-sources.js'
import type { ProvisionedRecord } from './provisioned.js'
import type { EmulatorSettings } from './types.js'

// What a published version snapshots from $LATEST.
export interface FunctionConfig {
  Runtime?: string
  Role: string
  Handler?: string
  Description: string
  Timeout: number
  MemorySize: number
  Environment?: { Variables: Record<string, string> }
  DeadLetterConfig?: { TargetArn: string }
  CodeSha256: string
  CodeSize: number
  Architectures: string[]
  SnapStart?: 'PublishedVersions' | 'None' // SnapStart.ApplyOn; unset = None
}

export interface VersionRecord {
  version: string
  config: FunctionConfig // immutable; Description comes from the PublishVersion request
  sourceFingerprint: string // $LATEST's code + configuration when it was published (publish dedupe)
  revisionId: string
  lastModified: number
  activeAt: number // State Pending until then
}

export interface AliasRecord {
  name: string
  functionVersion: string
  description: string
  weights?: Record<string, number> // undefined = no RoutingConfig
  revisionId: string
}

export interface FunctionRecord {
  name: string
  latest: FunctionConfig
  revisionId: string // $LATEST's
  lastModified: number
  creating: boolean // State Pending (instead of Active) until the first update settles
  updateEndsAt: number // LastUpdateStatus InProgress until then
  updateSettled: boolean
  versions: Map<string, VersionRecord>
  lastVersion: number // never decreases: version numbers are not reused
  aliases: Map<string, AliasRecord>
  tags?: Record<string, string>
  provisioned?: Map<string, ProvisionedRecord> // by qualifier (alias name or version number)
}

export interface LambdaContext {
  place: Place
  functions: Map<string, FunctionRecord>
  settings: EmulatorSettings
  omittedRoutingConfig: 'keep' | 'clear'
  allowFullWeight: boolean
  invokeRandom: Random // which version a split alias runs
  outcomeRandom: Random // error-rate and duration draws, apart so they never shift routing draws
  metrics: MetricStore
  eventSourceMappings: Map<string, EventSourceMapping> // by UUID
  now(): number
}

export const newRevisionId = (): string => randomUUID()

// Completes an update whose delay has passed. Completion issues a new RevisionId, as on AWS.
export function settle(fn: FunctionRecord, now: number): void {
  if (!fn.updateSettled && now >= fn.updateEndsAt) {
    fn.updateSettled = true
    fn.creating = false
    fn.revisionId = newRevisionId()
  }
}

export function isUpdating(fn: FunctionRecord, now: number): boolean {
  settle(fn, now)
  return !fn.updateSettled
}

// An update starts: new RevisionId now, another one when it completes.
export function startUpdate(fn: FunctionRecord, now: number, delayMs: number): void {
  fn.updateEndsAt = now + Math.max(0, delayMs)
  fn.updateSettled = false
  fn.revisionId = newRevisionId()
  fn.lastModified = now
  settle(fn, now)
}

// Everything PublishVersion compares to decide whether $LATEST changed since the newest version.
export function fingerprint(config: FunctionConfig): string {
  const entries = Object.entries(config).sort(([a], [b]) => (a < b ? -1 : 1))
  return JSON.stringify(entries)
}

export function getFunction(ctx: LambdaContext, name: string): FunctionRecord {
  const fn = ctx.functions.get(name)
  if (fn === undefined) throw functionNotFound(functionArn(ctx.place, name))
  settle(fn, ctx.now())
  return fn
}

export function newestVersion(fn: FunctionRecord): VersionRecord | undefined {
  let newest: VersionRecord | undefined
  for (const v of fn.versions.values()) if (newest === undefined || +v.version > +newest.version) newest = v
  return newest
}

export type Resolved =
  | { kind: 'latest' }
  | { kind: 'version'; version: VersionRecord }
  | { kind: 'alias'; alias: AliasRecord; version: VersionRecord | undefined } // undefined: primary is $LATEST

export function resolveQualifier(ctx: LambdaContext, fn: FunctionRecord, qualifier?: string): Resolved {
  if (qualifier === undefined || qualifier === '$LATEST') return { kind: 'latest' }
  if (/^\d+$/.test(qualifier)) {
    const version = fn.versions.get(String(Number(qualifier)))
    if (version === undefined) throw functionNotFound(functionArn(ctx.place, fn.name, qualifier))
    return { kind: 'version', version }
  }
  const alias = fn.aliases.get(qualifier)
  if (alias === undefined) throw functionNotFound(functionArn(ctx.place, fn.name, qualifier))
  if (alias.functionVersion === '$LATEST') return { kind: 'alias', alias, version: undefined }
  return { kind: 'alias', alias, version: fn.versions.get(alias.functionVersion) }
}

export function findAlias(ctx: LambdaContext, fn: FunctionRecord, name: string): AliasRecord {
  const alias = fn.aliases.get(name)
  if (alias === undefined) {
    throw notFound(`Cannot find alias arn: ${functionArn(ctx.place, fn.name, name)}`)
  }
  return alias
}

// Lambda's LastModified format: 2024-05-01T12:34:56.789+0000
export const lambdaTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000')

// SnapStart is applied to published versions only; their optimization is done once they are Active.
function snapStartOf(c: FunctionConfig, activeVersion: boolean): Record<string, string> {
  const applyOn = c.SnapStart ?? 'None'
  return {
    ApplyOn: applyOn,
    OptimizationStatus: applyOn === 'PublishedVersions' && activeVersion ? 'On' : 'Off'
  }
}

const CREATING = { reason: 'The function is being created.', code: 'Creating' }

// The FunctionConfiguration response shape. Unset fields are left out (no nulls).
export function configurationOf(
  ctx: LambdaContext,
  fn: FunctionRecord,
  version: VersionRecord | undefined, // undefined = $LATEST
  arn: string
): Record<string, unknown> {
  const now = ctx.now()
  const c = version?.config ?? fn.latest
  const pending = version === undefined ? fn.creating && !fn.updateSettled : now < version.activeAt
  const updating = version === undefined && !fn.updateSettled
  const out: Record<string, unknown> = {
    FunctionName: fn.name,
    FunctionArn: arn,
    ...(c.Runtime !== undefined && { Runtime: c.Runtime }),
    Role: c.Role,
    ...(c.Handler !== undefined && { Handler: c.Handler }),
    CodeSize: c.CodeSize,
    Description: c.Description,
    Timeout: c.Timeout,
    MemorySize: c.MemorySize,
    LastModified: lambdaTime(version?.lastModified ?? fn.lastModified),
    CodeSha256: c.CodeSha256,
    Version: version?.version ?? '$LATEST',
    ...(c.Environment !== undefined && { Environment: structuredClone(c.Environment) }),
    ...(c.DeadLetterConfig !== undefined && { DeadLetterConfig: { ...c.DeadLetterConfig } }),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: version?.revisionId ?? fn.revisionId,
    State: pending ? 'Pending' : 'Active',
    ...(pending && { StateReason: CREATING.reason, StateReasonCode: CREATING.code }),
    LastUpdateStatus: updating ? 'InProgress' : 'Successful',
    ...(updating && { LastUpdateStatusReason: CREATING.reason, LastUpdateStatusReasonCode: CREATING.code }),
    PackageType: 'Zip',
    Architectures: [...c.Architectures],
    EphemeralStorage: { Size: 512 },
    SnapStart: snapStartOf(c, version !== undefined && !pending),
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.name}` }
  }
  return out
}

export function aliasOf(ctx: LambdaContext, fn: FunctionRecord, alias: AliasRecord): Record<string, unknown> {
  return {
    AliasArn: functionArn(ctx.place, fn.name, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    ...(alias.weights !== undefined && { RoutingConfig: { AdditionalVersionWeights: { ...alias.weights } } }),
    RevisionId: alias.revisionId
  }
}
