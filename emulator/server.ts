// The HTTP server: reads a request, decides which service and operation it is, applies injected faults,
// runs the operation, answers, and appends the request to the log. Nothing a client sends may crash it.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { adminGetAlias } from './aliases.js'
import { Alarms, CW_CONTENT_TYPE, CW_TARGET_PREFIX, CW_WRITES, handleCloudWatch } from './cloudwatch.js'
import {
  ApiError,
  cloudwatchErrorResponse,
  cwInternal,
  cwThrottle,
  lambdaErrorResponse,
  serviceError,
  tooManyRequests,
  type ApiResponse
} from './errors.js'
import { FaultController, faultLabel, type FaultDecision } from './faults.js'
import { adminPublishVersions } from './versions.js'
import { LAMBDA_WRITES, handleLambda, routeLambda, type LambdaRoute } from './lambda.js'
import { parseFunctionName } from './names.js'
import { createRandom } from './random.js'
import type { LambdaContext } from './state.js'
import type { Emulator, EmulatorOptions, RequestLogEntry } from './types.js'

export interface ServerHooks {
  onLog?: (entry: RequestLogEntry) => void // called after each entry is appended (the CLI prints it)
}

const MAX_BODY = 100 * 1024 * 1024 // above Lambda's 70 MB request limit for base64 zips

interface Identified {
  service: RequestLogEntry['service']
  operation: string
  lambda?: LambdaRoute
}

function identify(method: string, path: string, headers: IncomingMessage['headers']): Identified {
  const target = headers['x-amz-target']
  if (typeof target === 'string') {
    if (method === 'POST' && target.startsWith(CW_TARGET_PREFIX)) {
      return { service: 'cloudwatch', operation: target.slice(CW_TARGET_PREFIX.length) }
    }
    return { service: 'unknown', operation: 'Unknown' }
  }
  let segments: string[]
  try {
    // The SDK percent-encodes path segments (`:` → %3A, `$` → %24).
    segments = path.split('/').slice(1).map(decodeURIComponent)
  } catch {
    return { service: 'unknown', operation: 'Unknown' }
  }
  if (segments.at(-1) === '') segments.pop()
  if (segments[0] === '2015-03-31' && segments[1] === 'functions') {
    const lambda = routeLambda(method, segments.slice(2))
    return { service: 'lambda', operation: lambda.operation, lambda }
  }
  return {
    service: /^\d{4}-\d{2}-\d{2}$/.test(segments[0] ?? '') ? 'lambda' : 'unknown',
    operation: 'Unknown'
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY ? 'too-large' : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

// Keeps the log small: a deployment package is replaced by its size.
function forLog(operation: string, json: unknown): unknown {
  if (json === null || typeof json !== 'object') return json
  const copy = structuredClone(json) as Record<string, unknown>
  const code = operation === 'CreateFunction' ? (copy.Code as Record<string, unknown> | undefined) : copy
  if (operation === 'CreateFunction' || operation === 'UpdateFunctionCode') {
    if (code && typeof code.ZipFile === 'string') code.ZipFile = `<${code.ZipFile.length} base64 characters>`
  }
  return copy
}

function parseJson(raw: Buffer): { json?: unknown; error?: string } {
  if (raw.length === 0) return {}
  try {
    return { json: JSON.parse(raw.toString('utf8')) }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

export async function startServer(options: EmulatorOptions = {}, hooks: ServerHooks = {}): Promise<Emulator> {
  const place = { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '123456789012' }
  const seed = options.seed ?? 1
  const settings = { updateDelayMs: options.updateDelayMs ?? 0, publishDelayMs: options.publishDelayMs ?? 0 }
  const ctx: LambdaContext = {
    place,
    functions: new Map(),
    settings,
    omittedRoutingConfig: options.omittedRoutingConfig ?? 'keep',
    allowFullWeight: options.allowFullWeight ?? true,
    invokeRandom: createRandom(seed),
    now: () => Date.now()
  }
  const alarms = new Alarms(place)
  // A separate stream for faults, so injecting faults does not change which versions invocations pick.
  const faults = new FaultController(createRandom(seed ^ 0x5bd1e995))
  const log: RequestLogEntry[] = []
  const sockets = new Set<Socket>()
  const closing = new AbortController()
  let seq = 0

  function answer(res: ServerResponse, service: Identified['service'], response: ApiResponse): unknown {
    const headers: Record<string, string> = { 'x-amzn-RequestId': randomUUID(), ...response.headers }
    let body: Buffer | undefined = response.raw
    if (response.json !== undefined) {
      body = Buffer.from(JSON.stringify(response.json))
      headers['Content-Type'] ??= service === 'cloudwatch' ? CW_CONTENT_TYPE : 'application/json'
    }
    if (body === undefined || response.status === 204) body = Buffer.alloc(0)
    headers['Content-Length'] = String(body.length)
    res.writeHead(response.status, headers)
    res.end(body)
    if (response.json !== undefined) return response.json
    return body.length > 0 ? (parseJson(body).json ?? body.toString('utf8')) : undefined
  }

  function faultResponse(service: Identified['service'], outcome: FaultDecision['outcome']): ApiResponse {
    const throttled = outcome === 'throttle' || outcome === 'rate-limit'
    if (service === 'cloudwatch') return cloudwatchErrorResponse(throttled ? cwThrottle() : cwInternal())
    return lambdaErrorResponse(throttled ? tooManyRequests() : serviceError())
  }

  function operate(
    id: Identified,
    req: IncomingMessage,
    query: URLSearchParams,
    raw: Buffer,
    { json, error }: { json?: unknown; error?: string }
  ): ApiResponse {
    if (id.service === 'cloudwatch') return handleCloudWatch(alarms, id.operation, json, error)
    if (id.lambda !== undefined) {
      const input = {
        headers: req.headers,
        query,
        raw,
        json,
        ...(error !== undefined && { jsonError: error })
      }
      return handleLambda(ctx, id.lambda, input)
    }
    return lambdaErrorResponse(
      new ApiError(404, 'UnknownOperationException', `Unknown operation: ${req.method} ${req.url}`)
    )
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = Date.now()
    const entrySeq = ++seq
    const method = req.method ?? 'GET'
    const target = req.url ?? '/'
    const q = target.indexOf('?')
    const path = q < 0 ? target : target.slice(0, q)
    const queryText = q < 0 ? '' : target.slice(q + 1)
    const id = identify(method, path, req.headers)
    const entry: RequestLogEntry = {
      seq: entrySeq,
      time,
      endTime: time,
      service: id.service,
      operation: id.operation,
      method,
      path,
      status: 0,
      write: LAMBDA_WRITES.has(id.operation) || (id.service === 'cloudwatch' && CW_WRITES.has(id.operation))
    }
    const raw = await readBody(req)
    try {
      if (raw === 'too-large') {
        const e = new ApiError(
          413,
          'RequestEntityTooLargeException',
          'Request must be smaller than 70167211 bytes'
        )
        answer(res, id.service, lambdaErrorResponse(e))
        entry.status = 413
        entry.errorType = e.type
        return
      }
      const body = parseJson(raw)
      const parsed = body.json
      if (parsed !== undefined) entry.request = forLog(id.operation, parsed)
      const named =
        id.operation === 'CreateFunction' ? (parsed as { FunctionName?: unknown })?.FunctionName : undefined
      const rawName = id.lambda?.rawName ?? (typeof named === 'string' ? named : undefined)
      if (rawName !== undefined) {
        try {
          entry.functionName = parseFunctionName(rawName, place).name
        } catch {
          // an invalid name is the operation's error to report
        }
      }
      const aliasName =
        id.lambda?.aliasName ??
        (id.operation === 'CreateAlias' ? (parsed as { Name?: unknown })?.Name : undefined)
      if (typeof aliasName === 'string') entry.alias = aliasName

      const decision = faults.decide(id.service, id.operation, time)
      const fault = faultLabel(decision)
      if (fault !== undefined) entry.fault = fault
      if (decision.latencyMs > 0) await sleep(decision.latencyMs, closing.signal)
      if (closing.signal.aborted) return
      if (decision.outcome === 'drop') {
        req.socket.destroy()
        return
      }
      let response: ApiResponse
      try {
        response =
          decision.outcome !== undefined && decision.outcome !== 'lost-response'
            ? faultResponse(id.service, decision.outcome)
            : operate(id, req, new URLSearchParams(queryText), raw, body)
      } catch (e) {
        // A bug in an operation: answer like AWS's internal error rather than dropping the connection.
        const err = new ApiError(500, 'ServiceException', `Emulator internal error: ${(e as Error).message}`)
        response = id.service === 'cloudwatch' ? cloudwatchErrorResponse(err) : lambdaErrorResponse(err)
      }
      if (decision.outcome === 'lost-response') {
        // The change is made, the answer never arrives: the client cannot tell this from a drop.
        entry.status = 0
        req.socket.destroy()
        return
      }
      const sent = answer(res, id.service, response)
      entry.status = response.status
      if (sent !== undefined) entry.response = sent
      if (response.errorType !== undefined && response.status >= 400) entry.errorType = response.errorType
    } finally {
      entry.endTime = Date.now()
      log.push(entry)
      hooks.onLog?.(entry)
    }
  }

  const server = createServer((req, res) => {
    // Only reading the body can fail here (the client went away): nothing left to answer.
    handle(req, res).catch(() => res.destroy())
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')
    else socket.destroy()
  })

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host

  return {
    url: `http://${urlHost}:${port}`,
    port,
    region: place.region,
    accountId: place.accountId,
    log,
    clearLog: () => {
      log.length = 0
    },
    faults,
    settings,
    admin: {
      publishVersions: (functionName, count) => adminPublishVersions(ctx, functionName, count),
      getAlias: (functionName, alias) => adminGetAlias(ctx, functionName, alias),
      setAlarmState: (name, state) => alarms.setState(name, state, 'Set by the emulator admin API')
    },
    close: () =>
      new Promise<void>(resolve => {
        closing.abort()
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done)
  })
}
