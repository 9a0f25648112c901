// The HTTP server: reads a request, decides which service and operation it is, applies injected faults,
// runs the operation, answers, and appends the request to the log. Control API requests (/_emulator/...)
// are answered before any of that. Nothing a client sends may crash it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { CW_WRITES, handleCloudWatch } from './cloudwatch.js'
import { CD_WRITES, cdInternal, cdThrottle, codedeployErrorResponse } from './codedeploy/protocol.js'
import { handleControl, isControlPath } from './control.js'
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
import { denialFor } from './deny.js'
import { faultLabel, type FaultDecision } from './faults.js'
import { answer, forLog, identify, parseJson, readBody, sleep, type Identified } from './http.js'
import { LAMBDA_WRITES, handleLambda } from './lambda.js'
import { parseFunctionName } from './names.js'
import { isQueryRequest, parseQueryRequest, toQueryResponse } from './query-protocol.js'
import { recordThrottledInvoke } from './throttles.js'
import type { Emulator, EmulatorOptions, RequestLogEntry } from './types.js'
import { createWorld } from './world.js'

export interface ServerHooks {
  onLog?: (entry: RequestLogEntry) => void // called after each entry is appended (the CLI prints it)
}

export async function startServer(options: EmulatorOptions = {}, hooks: ServerHooks = {}): Promise<Emulator> {
  const world = createWorld(options)
  const { ctx, cw, faults, log, settings, traffic } = world
  const place = ctx.place
  const sockets = new Set<Socket>()
  const closing = new AbortController()
  let seq = 0

  function faultResponse(
    id: Identified,
    decision: FaultDecision,
    query: URLSearchParams,
    json: unknown
  ): ApiResponse {
    const { service } = id
    const outcome = decision.outcome
    if (outcome === 'deny') return denialFor(place, id, decision.principal, query, json)
    const throttled = outcome === 'throttle' || outcome === 'rate-limit'
    if (service === 'cloudwatch') return cloudwatchErrorResponse(throttled ? cwThrottle() : cwInternal())
    if (service === 'codedeploy') return codedeployErrorResponse(throttled ? cdThrottle() : cdInternal())
    return lambdaErrorResponse(throttled ? tooManyRequests() : serviceError())
  }

  function operate(
    id: Identified,
    req: IncomingMessage,
    query: URLSearchParams,
    raw: Buffer,
    { json, error }: { json?: unknown; error?: string }
  ): ApiResponse {
    if (id.service === 'cloudwatch') return handleCloudWatch(cw, id.operation, json, error)
    if (id.service === 'codedeploy') return world.codedeploy.handle(id.operation, json, error)
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

  async function handleControlRequest(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: string
  ): Promise<void> {
    const raw = await readBody(req)
    let response: ApiResponse
    try {
      response =
        raw === 'too-large'
          ? { status: 413, json: { error: 'the body is too large' } }
          : handleControl(world, req.method ?? 'GET', path, new URLSearchParams(query), raw)
    } catch (e) {
      response = { status: 500, json: { error: `Emulator internal error: ${(e as Error).message}` } }
    }
    answer(res, 'unknown', response)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const target = req.url ?? '/'
    const q = target.indexOf('?')
    const path = q < 0 ? target : target.slice(0, q)
    const queryText = q < 0 ? '' : target.slice(q + 1)
    if (isControlPath(path)) return handleControlRequest(req, res, path, queryText)
    const time = Date.now()
    const entrySeq = ++seq
    let id = identify(method, path, req.headers, new URLSearchParams(queryText))
    const entry: RequestLogEntry = {
      seq: entrySeq,
      time,
      endTime: time,
      service: id.service,
      operation: id.operation,
      method,
      path,
      status: 0,
      write:
        LAMBDA_WRITES.has(id.operation) ||
        (id.service === 'cloudwatch' && CW_WRITES.has(id.operation)) ||
        (id.service === 'codedeploy' && CD_WRITES.has(id.operation))
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
      // CloudWatch's query protocol: the form is read into the JSON handlers' input, the answer is XML.
      const queryRequest = isQueryRequest(method, path, req.headers) ? parseQueryRequest(raw) : undefined
      if (queryRequest !== undefined) {
        id = { service: 'cloudwatch', operation: queryRequest.action || 'Unknown' }
        entry.service = id.service
        entry.operation = id.operation
        entry.write = CW_WRITES.has(id.operation)
      }
      const body = queryRequest !== undefined ? { json: queryRequest.input } : parseJson(raw)
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

      // The injected clock, so that a test's fake time also drives the rate limit's window.
      const decision = faults.decide(id.service, id.operation, ctx.now())
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
            ? faultResponse(id, decision, new URLSearchParams(queryText), parsed)
            : operate(id, req, new URLSearchParams(queryText), raw, body)
        if (decision.outcome === 'throttle' || decision.outcome === 'rate-limit') {
          recordThrottledInvoke(ctx, id, new URLSearchParams(queryText))
        }
      } catch (e) {
        // A bug in an operation: answer like AWS's internal error rather than dropping the connection.
        const err = new ApiError(500, 'ServiceException', `Emulator internal error: ${(e as Error).message}`)
        response =
          id.service === 'cloudwatch'
            ? cloudwatchErrorResponse(err)
            : id.service === 'codedeploy'
              ? codedeployErrorResponse(cdInternal())
              : lambdaErrorResponse(err)
      }
      if (queryRequest !== undefined) response = toQueryResponse(id.operation, response)
      if (decision.answerLatencyMs) {
        await sleep(decision.answerLatencyMs, closing.signal)
        if (closing.signal.aborted) return
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
    traffic,
    codedeploy: { hookExecutions: () => world.codedeploy.hookExecutions() },
    admin: world.admin,
    close: () =>
      new Promise<void>(resolve => {
        traffic.stopAll()
        cw.alarms.stopTicker()
        world.codedeploy.stop()
        closing.abort()
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      })
  }
}
