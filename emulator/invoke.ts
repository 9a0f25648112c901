// Invoke. Nothing is executed: the executed version's own Environment.Variables decide the result (see
// outcome.ts), and every invocation that runs is recorded as AWS/Lambda metrics.
import { randomUUID } from 'node:crypto'
import { conflict, invalidRequestContent, validation } from './errors.js'
import type { ApiResponse } from './errors.js'
import { recordInvocation } from './metrics.js'
import { concurrencyOf, recordConcurrency } from './provisioned.js'
import { decideOutcome } from './outcome.js'
import { qualifierOf, requireFunctionRef, type LambdaRequest } from './request.js'
import {
  getFunction,
  resolveQualifier,
  type FunctionConfig,
  type LambdaContext,
  type VersionRecord
} from './state.js'

const INVOCATION_TYPES = ['RequestResponse', 'Event', 'DryRun']
const LOG_TYPES = ['None', 'Tail']

function header(
  req: LambdaRequest,
  name: string,
  allowed: string[],
  field: string,
  fallback: string
): string {
  const value = req.headers[name]
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text === '') return fallback
  if (!allowed.includes(text)) {
    throw validation(text, field, `Member must satisfy enum value set: [${allowed.join(', ')}]`)
  }
  return text
}

function parsePayload(raw: Buffer): unknown {
  if (raw.length === 0) return {}
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch (e) {
    throw invalidRequestContent(
      `Could not parse request body into json: Could not parse payload into json: ${(e as Error).message}`
    )
  }
}

function tailLog(
  requestId: string,
  version: string,
  config: FunctionConfig,
  durationMs: number,
  error?: string
): string {
  const lines = [`START RequestId: ${requestId} Version: ${version}`]
  if (error !== undefined) {
    lines.push(`${new Date().toISOString()}\t${requestId}\tERROR\tInvoke Error \t${error}`)
  }
  lines.push(`END RequestId: ${requestId}`)
  lines.push(
    `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\tMemory Size: ${config.MemorySize} MB\tMax Memory Used: 64 MB\t`
  )
  return Buffer.from(lines.join('\n') + '\n').toString('base64')
}

export function invoke(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const ref = requireFunctionRef(req)
  const qualifier = qualifierOf(req)
  const invocationType = header(
    req,
    'x-amz-invocation-type',
    INVOCATION_TYPES,
    'invocationType',
    'RequestResponse'
  )
  const logType = header(req, 'x-amz-log-type', LOG_TYPES, 'logType', 'None')
  const fn = getFunction(ctx, ref.name)
  const resolved = resolveQualifier(ctx, fn, qualifier)
  let version: VersionRecord | undefined
  if (resolved.kind === 'version') version = resolved.version
  if (resolved.kind === 'alias') {
    version = resolved.version
    const [entry] = Object.entries(resolved.alias.weights ?? {})
    // One seeded draw per invocation of a split alias: the additional version runs with its weight.
    if (entry !== undefined && ctx.invokeRandom() < entry[1])
      version = fn.versions.get(String(Number(entry[0])))
  }
  const now = ctx.now()
  const pending = version === undefined ? fn.creating && !fn.updateSettled : now < version.activeAt
  if (pending) {
    throw conflict(
      'The operation cannot be performed at this time. The function is currently in the following state: Pending'
    )
  }
  const payload = parsePayload(req.raw)
  const executed = version?.version ?? '$LATEST'
  const headers: Record<string, string> = { 'X-Amz-Executed-Version': executed }
  if (invocationType === 'DryRun') return { status: 204, headers }
  const config = version?.config ?? fn.latest
  const env = config.Environment?.Variables ?? {}
  const outcome = decideOutcome(env, ctx.outcomeRandom)
  const initError = env.EMULATOR_INIT_ERROR === 'true'
  if (initError) outcome.error = 'Runtime exited with error: exit status 1'
  // Resource names the qualifier as invoked (`fn:live`, `fn:7`); ExecutedVersion only exists for aliases.
  const resource =
    resolved.kind === 'alias'
      ? `${fn.name}:${resolved.alias.name}`
      : resolved.kind === 'version'
        ? `${fn.name}:${resolved.version.version}`
        : undefined
  const record = {
    functionName: fn.name,
    ...(resource !== undefined && { resource }),
    ...(resolved.kind === 'alias' && { executedVersion: executed }),
    error: outcome.error !== undefined,
    durationMs: outcome.durationMs,
    time: now
  }
  recordInvocation(ctx.metrics, record)
  recordConcurrency(
    ctx,
    record,
    concurrencyOf(ctx, fn, executed, resolved.kind === 'alias' ? resolved.alias.name : undefined)
  )
  if (invocationType === 'Event') return { status: 202, headers }
  const requestId = randomUUID()
  let body: string
  let error: string | undefined
  if (outcome.error !== undefined) {
    // An initialization failure is reported the way Lambda reports a runtime that exited during init.
    body = JSON.stringify(
      initError
        ? { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${outcome.error}` }
        : { errorType: 'Error', errorMessage: outcome.error }
    )
    error = body
    headers['X-Amz-Function-Error'] = 'Unhandled'
  } else {
    body = env.EMULATOR_RESPONSE ?? JSON.stringify({ ok: true, version: executed, event: payload })
  }
  if (logType === 'Tail') {
    headers['X-Amz-Log-Result'] = tailLog(requestId, executed, config, outcome.durationMs, error)
  }
  headers['Content-Type'] = 'application/json'
  return { status: 200, headers, raw: Buffer.from(body, 'utf8') }
}
