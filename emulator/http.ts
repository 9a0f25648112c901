// HTTP plumbing shared by the server and the control API: which service and operation a request is,
// reading and parsing bodies, and writing responses.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { CW_CONTENT_TYPE, CW_TARGET_PREFIX } from './cloudwatch.js'
import { CD_TARGET_PREFIX } from './codedeploy/protocol.js'
import type { ApiResponse } from './errors.js'
import { routeLambda, type LambdaRoute } from './lambda.js'
import { routeMore } from './more-routes.js'
import type { RequestLogEntry } from './types.js'

const MAX_BODY = 100 * 1024 * 1024 // above Lambda's 70 MB request limit for base64 zips

export interface Identified {
  service: RequestLogEntry['service']
  operation: string
  lambda?: LambdaRoute
}

export function identify(
  method: string,
  path: string,
  headers: IncomingMessage['headers'],
  query = new URLSearchParams()
): Identified {
  const target = headers['x-amz-target']
  if (typeof target === 'string') {
    if (method === 'POST' && target.startsWith(CW_TARGET_PREFIX)) {
      return { service: 'cloudwatch', operation: target.slice(CW_TARGET_PREFIX.length) }
    }
    if (method === 'POST' && target.startsWith(CD_TARGET_PREFIX)) {
      return { service: 'codedeploy', operation: target.slice(CD_TARGET_PREFIX.length) }
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
  const more = routeMore(method, segments, query)
  if (more !== undefined) return { service: 'lambda', operation: more.operation, lambda: more }
  return {
    service: /^\d{4}-\d{2}-\d{2}$/.test(segments[0] ?? '') ? 'lambda' : 'unknown',
    operation: 'Unknown'
  }
}

export function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
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
export function forLog(operation: string, json: unknown): unknown {
  if (json === null || typeof json !== 'object') return json
  const copy = structuredClone(json) as Record<string, unknown>
  const code = operation === 'CreateFunction' ? (copy.Code as Record<string, unknown> | undefined) : copy
  if (operation === 'CreateFunction' || operation === 'UpdateFunctionCode') {
    if (code && typeof code.ZipFile === 'string') code.ZipFile = `<${code.ZipFile.length} base64 characters>`
  }
  return copy
}

export function parseJson(raw: Buffer): { json?: unknown; error?: string } {
  if (raw.length === 0) return {}
  try {
    return { json: JSON.parse(raw.toString('utf8')) }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

// Writes the response; returns what the log records as the response body.
export function answer(res: ServerResponse, service: Identified['service'], response: ApiResponse): unknown {
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

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
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
