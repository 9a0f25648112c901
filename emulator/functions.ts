// Function operations: CreateFunction, GetFunction, GetFunctionConfiguration, UpdateFunctionCode,
// UpdateFunctionConfiguration. Version operations are in versions.ts.
import { createHash } from 'node:crypto'
import { checkCodeStorage } from './account.js'
import { conflict, invalidParameter, invalidRequestContent } from './errors.js'
import type { ApiResponse } from './errors.js'
import { functionArn, parseFunctionName } from './names.js'
import { qualifierOf, requireFunctionRef, type LambdaRequest } from './request.js'
import {
  configurationOf,
  getFunction,
  newRevisionId,
  resolveQualifier,
  startUpdate,
  type FunctionConfig,
  type FunctionRecord,
  type LambdaContext
} from './state.js'
import {
  ROLE,
  deadLetterConfig,
  description,
  environment,
  optBool,
  optInt,
  optObject,
  optString,
  reqString,
  type Body
} from './validate.js'
import { lockForUpdate, publishSnapshot, versionConfig } from './versions.js'

function zipFile(code: Body): Buffer {
  if (code.S3Bucket !== undefined || code.S3Key !== undefined || code.ImageUri !== undefined) {
    throw invalidParameter('The emulator stores code from Code.ZipFile only (no S3 or container images).')
  }
  const zip = optString(code, 'ZipFile')
  if (zip === undefined) throw invalidParameter('Please provide a source for function code.')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(zip)) {
    throw invalidRequestContent('Could not parse request body into json: ZipFile is not valid base64')
  }
  const bytes = Buffer.from(zip, 'base64')
  if (bytes.length === 0) throw invalidParameter('Uploaded file must be a non-empty zip')
  return bytes
}

// CodeSha256 is the base64 of the SHA-256 of the deployment package.
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('base64')

// Configuration fields shared by CreateFunction and UpdateFunctionConfiguration.
function applyConfig(config: FunctionConfig, body: Body): void {
  const role = optString(body, 'Role', { pattern: ROLE })
  if (role !== undefined) config.Role = role
  const runtime = optString(body, 'Runtime')
  if (runtime !== undefined) config.Runtime = runtime
  const handler = optString(body, 'Handler', { max: 128 })
  if (handler !== undefined) config.Handler = handler
  const desc = description(body)
  if (desc !== undefined) config.Description = desc
  const timeout = optInt(body, 'Timeout', 1, 900)
  if (timeout !== undefined) config.Timeout = timeout
  const memory = optInt(body, 'MemorySize', 128, 32768)
  if (memory !== undefined) config.MemorySize = memory
  const env = environment(body)
  if (env !== undefined) config.Environment = env
  const snapStart = optObject(body, 'SnapStart')
  if (snapStart !== undefined) {
    const applyOn = optString(snapStart, 'ApplyOn') ?? 'None'
    if (applyOn !== 'PublishedVersions' && applyOn !== 'None') {
      throw invalidParameter('SnapStart.ApplyOn must be PublishedVersions or None')
    }
    config.SnapStart = applyOn
  }
  const dlc = deadLetterConfig(body)
  // An empty TargetArn removes the dead-letter queue.
  if (dlc !== undefined) {
    if (dlc.TargetArn) config.DeadLetterConfig = { TargetArn: dlc.TargetArn }
    else delete config.DeadLetterConfig
  }
}

function architectures(body: Body): string[] | undefined {
  const value = body.Architectures
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value) || value.length !== 1 || (value[0] !== 'x86_64' && value[0] !== 'arm64')) {
    throw invalidParameter('Architectures must be exactly one of x86_64 or arm64')
  }
  return [value[0]]
}

export function createFunction(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const body = req.body
  const ref = parseFunctionName(reqString(body, 'FunctionName', { min: 1, max: 140 }), ctx.place)
  if (ref.qualifier !== undefined) throw invalidParameter('A function name cannot carry a qualifier here.')
  const role = reqString(body, 'Role', { pattern: ROLE })
  const code = optObject(body, 'Code')
  if (code === undefined) throw invalidParameter('Please provide a source for function code.')
  if (body.PackageType === 'Image') throw invalidParameter('The emulator supports PackageType Zip only.')
  if (ctx.functions.has(ref.name)) throw conflict(`Function already exist: ${ref.name}`)
  const zip = zipFile(code)
  checkCodeStorage(ctx, zip.length * (optBool(body, 'Publish') === true ? 2 : 1))
  const latest: FunctionConfig = {
    Role: role,
    Description: '',
    Timeout: 3,
    MemorySize: 128,
    CodeSha256: sha256(zip),
    CodeSize: zip.length,
    Architectures: architectures(body) ?? ['x86_64']
  }
  applyConfig(latest, body)
  const tags = optObject(body, 'Tags')
  const now = ctx.now()
  const fn: FunctionRecord = {
    name: ref.name,
    latest,
    revisionId: newRevisionId(),
    lastModified: now,
    creating: true,
    updateEndsAt: now,
    updateSettled: false,
    versions: new Map(),
    lastVersion: 0,
    aliases: new Map(),
    ...(tags !== undefined && { tags: tags as Record<string, string> })
  }
  startUpdate(fn, now, ctx.settings.updateDelayMs)
  ctx.functions.set(fn.name, fn)
  if (optBool(body, 'Publish') === true) {
    const v = publishSnapshot(
      ctx,
      fn,
      undefined,
      now,
      Math.max(fn.updateEndsAt, now + ctx.settings.publishDelayMs)
    )
    return { status: 201, json: versionConfig(ctx, fn, v) }
  }
  return { status: 201, json: configurationOf(ctx, fn, undefined, functionArn(ctx.place, fn.name)) }
}

// Configuration for GetFunction / GetFunctionConfiguration. An alias answers its primary version's
// configuration under the alias ARN.
function readConfiguration(
  ctx: LambdaContext,
  req: LambdaRequest
): [FunctionRecord, Record<string, unknown>] {
  const ref = requireFunctionRef(req)
  const qualifier = qualifierOf(req)
  const fn = getFunction(ctx, ref.name)
  const resolved = resolveQualifier(ctx, fn, qualifier)
  const arn = functionArn(ctx.place, fn.name, qualifier)
  if (resolved.kind === 'latest') return [fn, configurationOf(ctx, fn, undefined, arn)]
  if (resolved.version === undefined) return [fn, configurationOf(ctx, fn, undefined, arn)]
  return [fn, configurationOf(ctx, fn, resolved.version, arn)]
}

export function getFunctionOp(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const [fn, configuration] = readConfiguration(ctx, req)
  const { region, accountId } = ctx.place
  const code = {
    RepositoryType: 'S3',
    Location: `https://awslambda-${region}-tasks.s3.${region}.amazonaws.com/snapshots/${accountId}/${fn.name}`
  }
  return {
    status: 200,
    json: { Configuration: configuration, Code: code, ...(fn.tags !== undefined && { Tags: { ...fn.tags } }) }
  }
}

export function getFunctionConfiguration(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  return { status: 200, json: readConfiguration(ctx, req)[1] }
}

export function updateFunctionCode(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const fn = lockForUpdate(ctx, req)
  const zip = zipFile(req.body)
  const arch = architectures(req.body)
  const latestArn = functionArn(ctx.place, fn.name)
  if (optBool(req.body, 'DryRun') === true)
    return { status: 200, json: configurationOf(ctx, fn, undefined, latestArn) }
  const publish = optBool(req.body, 'Publish') === true
  checkCodeStorage(ctx, zip.length - fn.latest.CodeSize + (publish ? zip.length : 0))
  fn.latest.CodeSha256 = sha256(zip)
  fn.latest.CodeSize = zip.length
  if (arch !== undefined) fn.latest.Architectures = arch
  const now = ctx.now()
  startUpdate(fn, now, ctx.settings.updateDelayMs)
  if (publish) {
    const v = publishSnapshot(
      ctx,
      fn,
      undefined,
      now,
      Math.max(fn.updateEndsAt, now + ctx.settings.publishDelayMs)
    )
    return { status: 200, json: versionConfig(ctx, fn, v) }
  }
  return { status: 200, json: configurationOf(ctx, fn, undefined, latestArn) }
}

export function updateFunctionConfiguration(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const fn = lockForUpdate(ctx, req)
  const next = structuredClone(fn.latest)
  applyConfig(next, req.body)
  fn.latest = next
  startUpdate(fn, ctx.now(), ctx.settings.updateDelayMs)
  return { status: 200, json: configurationOf(ctx, fn, undefined, functionArn(ctx.place, fn.name)) }
}
