// Alias operations and the routing-configuration rules Lambda enforces on them (one extra version,
// weights 0..1, no $LATEST with routing, same role and DLQ).
import { conflict, functionNotFound, invalidParameter, preconditionFailed, validation } from './errors.js'
import type { ApiResponse } from './errors.js'
import { functionArn } from './names.js'
import { aliasChanged, checkAliasMove } from './provisioned.js'
import { paging, requireUnqualified, type LambdaRequest } from './request.js'
import {
  aliasOf,
  findAlias,
  getFunction,
  newRevisionId,
  type AliasRecord,
  type FunctionRecord,
  type LambdaContext
} from './state.js'
import { description, optObject, optString, reqString, type Body } from './validate.js'

const ALIAS_NAME = {
  min: 1,
  max: 128,
  pattern: /^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/,
  patternText: '(?!^[0-9]+$)([a-zA-Z0-9-_]+)'
}
const FUNCTION_VERSION = {
  min: 1,
  max: 1024,
  pattern: /^(\$LATEST|[0-9]+)$/,
  patternText: '(\\$LATEST|[0-9]+)'
}
const WEIGHTS_FIELD = 'routingConfig.additionalVersionWeights'

// Version numbers are compared as numbers ("01" is version 1).
const normalize = (version: string): string => (version === '$LATEST' ? version : String(Number(version)))

function checkAliasName(name: string): string {
  return reqString({ Name: name }, 'Name', ALIAS_NAME)
}

// undefined: RoutingConfig not sent; null: sent without weights (clears the routing).
function readWeights(body: Body): Record<string, number> | null | undefined {
  const routing = optObject(body, 'RoutingConfig')
  if (routing === undefined) return undefined
  const weights = optObject(routing, 'AdditionalVersionWeights')
  if (weights === undefined || Object.keys(weights).length === 0) return null
  const out: Record<string, number> = {}
  for (const [key, value] of Object.entries(weights)) {
    if (key.length < 1 || key.length > 1024 || !/^[0-9]+$/.test(key)) {
      throw validation(
        key,
        WEIGHTS_FIELD,
        'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [0-9]+]'
      )
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw validation(
        value,
        WEIGHTS_FIELD,
        'Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0]'
      )
    }
    out[normalize(key)] = value
  }
  if (Object.keys(weights).length > 1) {
    throw invalidParameter('Number of items in AdditionalVersionWeights cannot be greater than 1')
  }
  return out
}

// The rules an alias's (primary, weights) pair must satisfy, checked after every create and update.
// Versions arrive normalized.
function checkRouting(
  ctx: LambdaContext,
  fn: FunctionRecord,
  primary: string,
  weights?: Record<string, number>
): void {
  const primaryVersion = primary === '$LATEST' ? undefined : fn.versions.get(primary)
  if (primary !== '$LATEST' && primaryVersion === undefined) {
    throw functionNotFound(functionArn(ctx.place, fn.name, primary))
  }
  const [entry] = Object.entries(weights ?? {})
  if (entry === undefined) return
  const [extra, weight] = entry
  if (primary === '$LATEST') {
    throw invalidParameter('$LATEST is not supported for an alias pointing to more than 1 version')
  }
  if (extra === primary) {
    throw invalidParameter(
      `Invalid function version ${extra}. Function version ${extra} is already included in routing configuration.`
    )
  }
  if (weight === 1 && !ctx.allowFullWeight) {
    // [I] switch allowFullWeight: promote by switching FunctionVersion instead.
    throw invalidParameter('Weight 1.0 is not accepted; promote by setting FunctionVersion instead.')
  }
  const extraVersion = fn.versions.get(extra)
  if (extraVersion === undefined) throw functionNotFound(functionArn(ctx.place, fn.name, extra))
  if (primaryVersion === undefined) return
  if (extraVersion.config.Role !== primaryVersion.config.Role) {
    throw invalidParameter(
      `Invalid routing configuration: version ${extra} and version ${primary} must have the same execution role.`
    )
  }
  if (extraVersion.config.DeadLetterConfig?.TargetArn !== primaryVersion.config.DeadLetterConfig?.TargetArn) {
    throw invalidParameter(
      `Invalid routing configuration: version ${extra} and version ${primary} must have the same dead-letter queue configuration.`
    )
  }
}

function aliasFunction(ctx: LambdaContext, req: LambdaRequest): FunctionRecord {
  return getFunction(ctx, requireUnqualified(req).name)
}

export function createAlias(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const name = reqString(req.body, 'Name', ALIAS_NAME)
  const primary = normalize(reqString(req.body, 'FunctionVersion', FUNCTION_VERSION))
  const desc = description(req.body)
  const weights = readWeights(req.body)
  const fn = aliasFunction(ctx, req)
  if (fn.aliases.has(name)) throw conflict(`Alias already exists: ${functionArn(ctx.place, fn.name, name)}`)
  checkRouting(ctx, fn, primary, weights ?? undefined)
  const alias: AliasRecord = {
    name,
    functionVersion: primary,
    description: desc ?? '',
    ...(weights && { weights }),
    revisionId: newRevisionId()
  }
  fn.aliases.set(name, alias)
  return { status: 201, json: aliasOf(ctx, fn, alias) }
}

export function getAlias(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const name = checkAliasName(req.aliasName ?? '')
  const fn = aliasFunction(ctx, req)
  return { status: 200, json: aliasOf(ctx, fn, findAlias(ctx, fn, name)) }
}

export function updateAlias(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const name = checkAliasName(req.aliasName ?? '')
  const sentVersion = optString(req.body, 'FunctionVersion', FUNCTION_VERSION)
  const primary = sentVersion === undefined ? undefined : normalize(sentVersion)
  const desc = description(req.body)
  const sent = readWeights(req.body)
  const revision = optString(req.body, 'RevisionId')
  const fn = aliasFunction(ctx, req)
  const alias = findAlias(ctx, fn, name)
  if (revision !== undefined && revision !== alias.revisionId) throw preconditionFailed('GetAlias')
  // [I] switch omittedRoutingConfig: what an UpdateAlias without RoutingConfig does to the routing.
  const weights =
    sent === undefined ? (ctx.omittedRoutingConfig === 'keep' ? alias.weights : undefined) : sent
  const nextPrimary = primary ?? alias.functionVersion
  checkRouting(ctx, fn, nextPrimary, weights ?? undefined)
  checkAliasMove(fn, alias, { functionVersion: nextPrimary, ...(weights && { weights }) })
  alias.functionVersion = nextPrimary
  if (desc !== undefined) alias.description = desc
  if (weights) alias.weights = { ...weights }
  else delete alias.weights
  alias.revisionId = newRevisionId() // always a new RevisionId, even when nothing changed
  aliasChanged(ctx, fn, alias)
  return { status: 200, json: aliasOf(ctx, fn, alias) }
}

export function deleteAlias(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const name = checkAliasName(req.aliasName ?? '')
  const fn = aliasFunction(ctx, req)
  fn.aliases.delete(name) // idempotent: a missing alias is not an error
  fn.provisioned?.delete(name) // its provisioned concurrency goes with it
  return { status: 204 }
}

export function listAliases(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const rawFilter = req.query.get('FunctionVersion')
  const filter =
    rawFilter === null
      ? null
      : normalize(reqString({ FunctionVersion: rawFilter }, 'FunctionVersion', FUNCTION_VERSION))
  const fn = aliasFunction(ctx, req)
  // [I] The FunctionVersion filter matches the primary version only.
  const names = [...fn.aliases.values()]
    .filter(a => filter === null || a.functionVersion === filter)
    .map(a => a.name)
    .sort()
  const { page, nextMarker } = paging(req, names, (key, marker) => key >= marker)
  const aliases = page.map(n => aliasOf(ctx, fn, fn.aliases.get(n) as AliasRecord))
  return {
    status: 200,
    json: { Aliases: aliases, ...(nextMarker !== undefined && { NextMarker: nextMarker }) }
  }
}

export function adminGetAlias(ctx: LambdaContext, functionName: string, name: string): unknown | undefined {
  const fn = ctx.functions.get(functionName)
  const alias = fn?.aliases.get(name)
  return fn === undefined || alias === undefined ? undefined : aliasOf(ctx, fn, alias)
}
