// Version operations: PublishVersion, ListVersionsByFunction, DeleteFunction (with or without a version
// Qualifier), and the preconditions every $LATEST-changing call shares.
import { checkCodeStorage } from './account.js'
import { conflict, functionNotFound, invalidParameter, preconditionFailed } from './errors.js'
import type { ApiResponse } from './errors.js'
import { functionArn } from './names.js'
import { paging, qualifierOf, requireFunctionRef, requireUnqualified, type LambdaRequest } from './request.js'
import {
  configurationOf,
  fingerprint,
  getFunction,
  isUpdating,
  newRevisionId,
  newestVersion,
  type FunctionRecord,
  type LambdaContext,
  type VersionRecord
} from './state.js'
import { description, optString } from './validate.js'

const inProgress = (arn: string): Error =>
  conflict(`The operation cannot be performed at this time. An update is in progress for resource: ${arn}`)

// Appends a version: an immutable snapshot of $LATEST. $LATEST's RevisionId changes on publish.
export function publishSnapshot(
  ctx: LambdaContext,
  fn: FunctionRecord,
  desc: string | undefined,
  now: number,
  activeAt = now + ctx.settings.publishDelayMs
): VersionRecord {
  checkCodeStorage(ctx, fn.latest.CodeSize)
  fn.lastVersion += 1
  const config = structuredClone(fn.latest)
  config.Description = desc ?? fn.latest.Description
  const version: VersionRecord = {
    version: String(fn.lastVersion),
    config,
    sourceFingerprint: fingerprint(fn.latest),
    revisionId: newRevisionId(),
    lastModified: now,
    // A SnapStart version stays Pending longer: Lambda initializes it and snapshots the environment.
    activeAt: activeAt + (config.SnapStart === 'PublishedVersions' ? ctx.settings.snapStartDelayMs : 0)
  }
  fn.versions.set(version.version, version)
  fn.revisionId = newRevisionId()
  return version
}

export const versionConfig = (
  ctx: LambdaContext,
  fn: FunctionRecord,
  v: VersionRecord
): Record<string, unknown> => configurationOf(ctx, fn, v, functionArn(ctx.place, fn.name, v.version))

// Shared preconditions of UpdateFunctionCode / UpdateFunctionConfiguration / PublishVersion.
export function lockForUpdate(ctx: LambdaContext, req: LambdaRequest): FunctionRecord {
  const ref = requireUnqualified(req)
  const fn = getFunction(ctx, ref.name)
  if (isUpdating(fn, ctx.now())) throw inProgress(functionArn(ctx.place, fn.name))
  const revision = optString(req.body, 'RevisionId')
  if (revision !== undefined && revision !== fn.revisionId) throw preconditionFailed('GetFunction')
  return fn
}

export function publishVersion(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const fn = lockForUpdate(ctx, req)
  const sha = optString(req.body, 'CodeSha256')
  const desc = description(req.body)
  if (sha !== undefined && sha !== fn.latest.CodeSha256) {
    throw invalidParameter(
      `CodeSHA256 (${sha}) is different from current CodeSHA256 in $LATEST (${fn.latest.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.`
    )
  }
  // Nothing changed since the newest version: no new version, that one is returned (still 201).
  const newest = newestVersion(fn)
  if (newest !== undefined && newest.sourceFingerprint === fingerprint(fn.latest)) {
    return { status: 201, json: versionConfig(ctx, fn, newest) }
  }
  const v = publishSnapshot(ctx, fn, desc, ctx.now())
  return { status: 201, json: versionConfig(ctx, fn, v) }
}

export function listVersionsByFunction(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const fn = getFunction(ctx, requireUnqualified(req).name)
  const keys = ['$LATEST', ...[...fn.versions.keys()].sort((a, b) => +a - +b)]
  // The marker is the first version of the next page, so deleted versions do not shift pages.
  const { page, nextMarker } = paging(
    req,
    keys,
    (key, marker) => key === marker || (key !== '$LATEST' && /^\d+$/.test(marker) && +key >= +marker)
  )
  const versions = page.map(key => {
    const v = fn.versions.get(key)
    return v === undefined
      ? configurationOf(ctx, fn, undefined, functionArn(ctx.place, fn.name, '$LATEST'))
      : versionConfig(ctx, fn, v)
  })
  return {
    status: 200,
    json: { Versions: versions, ...(nextMarker !== undefined && { NextMarker: nextMarker }) }
  }
}

export function deleteFunction(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const ref = requireFunctionRef(req)
  const qualifier = qualifierOf(req)
  const fn = getFunction(ctx, ref.name)
  if (qualifier === undefined) {
    ctx.functions.delete(fn.name)
    return { status: 204 }
  }
  if (qualifier === '$LATEST') {
    throw invalidParameter('$LATEST version cannot be deleted without deleting the function.')
  }
  if (!/^\d+$/.test(qualifier)) {
    throw invalidParameter(
      `Deletion of aliases is not supported by DeleteFunction; use DeleteAlias: ${qualifier}`
    )
  }
  const version = fn.versions.get(String(Number(qualifier)))
  if (version === undefined) throw functionNotFound(functionArn(ctx.place, fn.name, qualifier))
  const users = [...fn.aliases.values()]
    .filter(a => a.functionVersion === version.version || a.weights?.[version.version] !== undefined)
    .map(a => a.name)
    .sort()
  if (users.length > 0) {
    throw conflict(
      `Unable to delete version because the following aliases reference it: [${users.join(', ')}]`
    )
  }
  fn.versions.delete(version.version)
  fn.provisioned?.delete(version.version)
  return { status: 204 }
}

// In-process shortcut for tests and benchmarks: `count` Active versions with distinct descriptions.
// Returns their numbers.
export function adminPublishVersions(ctx: LambdaContext, name: string, count: number): string[] {
  const fn = getFunction(ctx, name)
  const now = ctx.now()
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    out.push(publishSnapshot(ctx, fn, `admin version ${fn.lastVersion + 1}`, now, now).version)
  }
  return out
}
