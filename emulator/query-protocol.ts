// CloudWatch's AWS query protocol, beside JSON 1.0, for clients that only speak it (AWS CLI v2 before
// CloudWatch moved to JSON, older SDKs, boto): `POST /` with an application/x-www-form-urlencoded body
// `Action=Op&Version=2010-08-01&...`, lists as `Name.member.N`, structures as `Name.member.N.Field`,
// timestamps in ISO 8601. The form becomes the JSON-shaped input the handlers in cloudwatch.ts read, and
// their answer becomes XML: `<OpResponse><OpResult>…</OpResult><ResponseMetadata>` or an `<ErrorResponse>`.
import { randomUUID } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import type { ApiResponse } from './errors.js'

export const CW_XML_NAMESPACE = 'http://monitoring.amazonaws.com/doc/2010-08-01/'
export const CW_API_VERSION = '2010-08-01'

// Leaf fields by name: what the query protocol sends as text and the JSON handlers read as numbers,
// booleans or (epoch seconds) timestamps.
const NUMBERS = new Set([
  'Period',
  'EvaluationPeriods',
  'DatapointsToAlarm',
  'Threshold',
  'MaxRecords',
  'MaxDatapoints',
  'Value',
  'Values',
  'Counts',
  'SampleCount',
  'Sum',
  'Minimum',
  'Maximum',
  'StorageResolution'
])
const BOOLEANS = new Set(['ActionsEnabled', 'ReturnData'])
const TIMESTAMPS = new Set(['StartTime', 'EndTime', 'Timestamp'])
// An empty list is sent as `Name=` with no members.
const LISTS = new Set([
  'AlarmNames',
  'AlarmTypes',
  'Dimensions',
  'MetricData',
  'MetricDataQueries',
  'Metrics',
  'Values',
  'Counts',
  'OKActions',
  'AlarmActions',
  'InsufficientDataActions',
  'Tags'
])

export function isQueryRequest(method: string, path: string, headers: IncomingHttpHeaders): boolean {
  const type = headers['content-type'] ?? ''
  return (
    method === 'POST' &&
    path === '/' &&
    headers['x-amz-target'] === undefined &&
    type.toLowerCase().startsWith('application/x-www-form-urlencoded')
  )
}

interface Tree {
  list: boolean
  children: Map<string, Tree | string>
}

const tree = (): Tree => ({ list: false, children: new Map() })

function coerce(field: string, text: string): unknown {
  if (NUMBERS.has(field)) {
    const n = Number(text)
    return text.trim() !== '' && Number.isFinite(n) ? n : text
  }
  if (BOOLEANS.has(field)) return text === 'true' ? true : text === 'false' ? false : text
  if (TIMESTAMPS.has(field)) {
    const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Date.parse(text) / 1000
    return Number.isFinite(seconds) ? seconds : text
  }
  return text
}

function build(node: Tree, field: string): unknown {
  if (node.list) {
    return [...node.children.entries()]
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, child]) => (typeof child === 'string' ? coerce(field, child) : build(child, field)))
  }
  const out: Record<string, unknown> = {}
  for (const [key, child] of node.children) {
    out[key] =
      typeof child === 'string'
        ? child === '' && LISTS.has(key)
          ? []
          : coerce(key, child)
        : build(child, key)
  }
  return out
}

export interface QueryRequest {
  action: string
  version?: string
  input: Record<string, unknown>
}

export function parseQueryRequest(raw: Buffer): QueryRequest {
  const form = new URLSearchParams(raw.toString('utf8'))
  const root = tree()
  for (const [key, value] of form) {
    if (key === 'Action' || key === 'Version') continue
    const path = key.split('.')
    let node = root
    for (let i = 0; i < path.length; i++) {
      let segment = path[i]!
      if (segment === 'member' && /^\d+$/.test(path[i + 1] ?? '')) {
        node.list = true
        segment = path[++i]!
      }
      if (i === path.length - 1) {
        node.children.set(segment, value)
      } else {
        let next = node.children.get(segment)
        if (next === undefined || typeof next === 'string') {
          next = tree()
          node.children.set(segment, next)
        }
        node = next
      }
    }
  }
  const version = form.get('Version') ?? undefined
  return {
    action: form.get('Action') ?? '',
    ...(version !== undefined && { version }),
    input: build(root, '') as Record<string, unknown>
  }
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const iso = (seconds: number): string => new Date(Math.round(seconds * 1000)).toISOString()

function xml(value: unknown, field: string): string {
  if (Array.isArray(value)) {
    // Timestamps of GetMetricData are a list of timestamps.
    const item = field === 'Timestamps' ? 'Timestamp' : field
    return value.map(v => `<member>${xml(v, item)}</member>`).join('')
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${xml(v, k)}</${k}>`)
      .join('')
  }
  if (typeof value === 'number' && (field.endsWith('Timestamp') || TIMESTAMPS.has(field))) return iso(value)
  return escape(String(value))
}

// The JSON handler's answer as the query protocol's XML.
export function toQueryResponse(action: string, response: ApiResponse): ApiResponse {
  const requestId = randomUUID()
  const headers: Record<string, string> = { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId }
  if (response.headers?.['Retry-After'] !== undefined)
    headers['Retry-After'] = response.headers['Retry-After']
  let body: string
  if (response.status >= 400) {
    const json = (response.json ?? {}) as { __type?: string; message?: string }
    const [queryCode, fault] = (response.headers?.['x-amzn-query-error'] ?? '').split(';')
    const code = queryCode || (json.__type ?? 'InternalFailure').split('#').pop()!
    body =
      `<ErrorResponse xmlns="${CW_XML_NAMESPACE}"><Error><Type>${fault || (response.status >= 500 ? 'Receiver' : 'Sender')}</Type>` +
      `<Code>${escape(code)}</Code><Message>${escape(json.message ?? '')}</Message></Error>` +
      `<RequestId>${requestId}</RequestId></ErrorResponse>`
  } else {
    const result =
      response.json === undefined ? '' : `<${action}Result>${xml(response.json, '')}</${action}Result>`
    body =
      `<${action}Response xmlns="${CW_XML_NAMESPACE}">${result}` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  }
  return {
    status: response.status,
    headers,
    raw: Buffer.from(body, 'utf8'),
    ...(response.errorType !== undefined && { errorType: response.errorType })
  }
}
