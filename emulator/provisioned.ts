// Provisioned concurrency: Put/Get/Delete/ListProvisionedConcurrencyConfigs on a version or an alias.
// Allocation takes `pcDelayMs` (after the versions are Active) and is derived from timestamps, like the
// update lifecycle, so no timers; it starts again when the alias moves or its weights change. A version
// whose environment sets EMULATOR_INIT_ERROR=true cannot initialize: the allocation ends FAILED.
import {
  ApiError,
  conflict,
  functionNotFound,
  invalidParameter,
  validation,
  type ApiResponse
} from './errors.js'
import { dimensionSets, LAMBDA_NAMESPACE } from './metrics.js'
import { functionArn } from './names.js'
import { paging, qualifierOf, requireFunctionRef, requireUnqualified, type LambdaRequest } from './request.js'
import {
  getFunction,
  lambdaTime,
  type AliasRecord,
  type FunctionRecord,
  type LambdaContext,
  type VersionRecord
} from './state.js'

export interface ProvisionedRecord {
  qualifier: string // alias name or version number
  requested: number
  lastModified: number
  versions: string[] // what the allocation is for: the version, or the alias's primary and weighted versions
  readyAt: number // IN_PROGRESS until then
}

// How Lambda reports an initialization failure of provisioned environments.
export const INIT_FAILURE_REASON = 'FUNCTION_ERROR_INIT_FAILURE'

const notConfigured = (): ApiError =>
  new ApiError(
    404,
    'ProvisionedConcurrencyConfigNotFoundException',
    'No Provisioned Concurrency Config found for this function'
  )

export const initFails = (v: VersionRecord | undefined): boolean =>
  v?.config.Environment?.Variables.EMULATOR_INIT_ERROR === 'true'

const aliasVersions = (alias: { functionVersion: string; weights?: Record<string, number> }): string[] => [
  alias.functionVersion,
  ...Object.keys(alias.weights ?? {})
]

function allocate(ctx: LambdaContext, fn: FunctionRecord, versions: string[]): number {
  const now = ctx.now()
  const active = Math.max(now, ...versions.map(v => fn.versions.get(v)?.activeAt ?? now))
  return active + ctx.settings.pcDelayMs
}

function statusOf(ctx: LambdaContext, fn: FunctionRecord, pc: ProvisionedRecord): Record<string, unknown> {
  const ready = ctx.now() >= pc.readyAt
  const failed = ready && pc.versions.some(v => initFails(fn.versions.get(v)))
  const allocated = ready && !failed ? pc.requested : 0
  return {
    RequestedProvisionedConcurrentExecutions: pc.requested,
    AvailableProvisionedConcurrentExecutions: allocated,
    AllocatedProvisionedConcurrentExecutions: allocated,
    Status: !ready ? 'IN_PROGRESS' : failed ? 'FAILED' : 'READY',
    ...(failed && { StatusReason: INIT_FAILURE_REASON }),
    LastModified: lambdaTime(pc.lastModified)
  }
}

// The versions a configuration on `qualifier` would cover; refuses $LATEST and weighted aliases.
function targetOf(ctx: LambdaContext, fn: FunctionRecord, qualifier: string): string[] {
  if (qualifier === '$LATEST') {
    throw invalidParameter(
      'Provisioned Concurrency Configs cannot be applied to unpublished function versions.'
    )
  }
  if (/^\d+$/.test(qualifier)) {
    if (!fn.versions.has(qualifier)) throw functionNotFound(functionArn(ctx.place, fn.name, qualifier))
    return [qualifier]
  }
  const alias = fn.aliases.get(qualifier)
  if (alias === undefined) throw functionNotFound(functionArn(ctx.place, fn.name, qualifier))
  if (alias.weights !== undefined) {
    throw invalidParameter('Alias with weights can not be used with Provisioned Concurrency')
  }
  if (alias.functionVersion === '$LATEST') {
    throw invalidParameter(
      'Provisioned Concurrency Configs cannot be applied to unpublished function versions.'
    )
  }
  return aliasVersions(alias)
}

// [I] One configuration per version: a second one that would cover a version already covered (another
// alias on it, or the version itself) is refused. AWS's wording is not documented.
function checkOverlap(fn: FunctionRecord, qualifier: string, versions: string[]): void {
  for (const other of fn.provisioned?.values() ?? []) {
    if (other.qualifier === qualifier) continue
    const shared = versions.find(v => other.versions.includes(v))
    if (shared !== undefined) {
      throw conflict(
        `Version ${shared} already has a Provisioned Concurrency Config through ${/^\d+$/.test(other.qualifier) ? 'version' : 'alias'} ${other.qualifier}`
      )
    }
  }
}

function requireQualifier(ctx: LambdaContext, req: LambdaRequest): [FunctionRecord, string] {
  const fn = getFunction(ctx, requireFunctionRef(req).name)
  const qualifier = qualifierOf(req)
  if (qualifier === undefined) throw validation(null, 'qualifier', 'Member must not be null')
  return [fn, /^\d+$/.test(qualifier) ? String(Number(qualifier)) : qualifier]
}

export function putProvisionedConcurrencyConfig(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const requested = req.body.ProvisionedConcurrentExecutions
  if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1) {
    throw validation(
      requested ?? null,
      'provisionedConcurrentExecutions',
      'Member must have value greater than or equal to 1'
    )
  }
  const [fn, qualifier] = requireQualifier(ctx, req)
  const versions = targetOf(ctx, fn, qualifier)
  checkOverlap(fn, qualifier, versions)
  const pc: ProvisionedRecord = {
    qualifier,
    requested,
    lastModified: ctx.now(),
    versions,
    readyAt: allocate(ctx, fn, versions)
  }
  fn.provisioned ??= new Map()
  fn.provisioned.set(qualifier, pc)
  return { status: 202, json: statusOf(ctx, fn, pc) }
}

export function getProvisionedConcurrencyConfig(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const [fn, qualifier] = requireQualifier(ctx, req)
  const pc = fn.provisioned?.get(qualifier)
  if (pc === undefined) throw notConfigured()
  return { status: 200, json: statusOf(ctx, fn, pc) }
}

// [I] Deleting a configuration that does not exist answers like reading one.
export function deleteProvisionedConcurrencyConfig(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const [fn, qualifier] = requireQualifier(ctx, req)
  if (fn.provisioned?.delete(qualifier) !== true) throw notConfigured()
  return { status: 204 }
}

export function listProvisionedConcurrencyConfigs(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const fn = getFunction(ctx, requireUnqualified(req).name)
  const keys = [...(fn.provisioned?.keys() ?? [])].sort()
  const { page, nextMarker } = paging(req, keys, (key, marker) => key >= marker)
  const items = page.map(q => ({
    FunctionArn: functionArn(ctx.place, fn.name, q),
    ...statusOf(ctx, fn, fn.provisioned!.get(q)!)
  }))
  return {
    status: 200,
    json: {
      ProvisionedConcurrencyConfigs: items,
      ...(nextMarker !== undefined && { NextMarker: nextMarker })
    }
  }
}

// Before an alias moves: the versions it would then cover must not be another configuration's.
export function checkAliasMove(
  fn: FunctionRecord,
  alias: AliasRecord,
  next: Pick<AliasRecord, 'functionVersion' | 'weights'>
): void {
  if (fn.provisioned?.has(alias.name) === true) checkOverlap(fn, alias.name, aliasVersions(next))
}

// After an alias moved or its weights changed: Lambda deallocates from the old versions and allocates
// for the new ones, split by weight while the alias is weighted.
export function aliasChanged(ctx: LambdaContext, fn: FunctionRecord, alias: AliasRecord): void {
  const pc = fn.provisioned?.get(alias.name)
  if (pc === undefined) return
  const versions = aliasVersions(alias)
  if (versions.join() === pc.versions.join()) return
  pc.versions = versions
  pc.readyAt = allocate(ctx, fn, versions)
}

// Whether an invocation of `executed` ran on provisioned environments ('provisioned'), on-demand beside a
// configuration not (yet) READY ('spillover'), or without any configuration (undefined).
export function concurrencyOf(
  ctx: LambdaContext,
  fn: FunctionRecord,
  executed: string,
  aliasName?: string
): 'provisioned' | 'spillover' | undefined {
  const pc =
    (aliasName !== undefined ? fn.provisioned?.get(aliasName) : undefined) ?? fn.provisioned?.get(executed)
  if (pc === undefined) return undefined
  const status = statusOf(ctx, fn, pc).Status
  return status === 'READY' && pc.versions.includes(executed) ? 'provisioned' : 'spillover'
}

// ProvisionedConcurrencyInvocations or ProvisionedConcurrencySpilloverInvocations, beside Invocations.
export function recordConcurrency(
  ctx: LambdaContext,
  inv: { functionName: string; resource?: string; executedVersion?: string; time: number },
  kind: 'provisioned' | 'spillover' | undefined
): void {
  if (kind === undefined) return
  const name =
    kind === 'provisioned'
      ? 'ProvisionedConcurrencyInvocations'
      : 'ProvisionedConcurrencySpilloverInvocations'
  for (const dims of dimensionSets(inv.functionName, inv.resource, inv.executedVersion))
    ctx.metrics.record(LAMBDA_NAMESPACE, name, dims, 1, 'Count', inv.time)
}
