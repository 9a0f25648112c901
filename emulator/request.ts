// The parsed form of a Lambda REST request, and helpers the operations share.
import type { IncomingHttpHeaders } from 'node:http'
import { invalidParameter, validation } from './errors.js'
import { checkQualifier, parseFunctionName, type FunctionRef, type Place } from './names.js'
import type { Body } from './validate.js'

export interface LambdaRequest {
  operation: string
  place: Place
  rawName?: string // percent-decoded {FunctionName} path segment
  aliasName?: string // percent-decoded {Name} path segment
  resourceId?: string // percent-decoded {UUID} path segment
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: Body // parsed JSON body ({} when none)
  raw: Buffer // the body bytes (Invoke payload)
}

export function requireFunctionRef(req: LambdaRequest): FunctionRef {
  return parseFunctionName(req.rawName ?? '', req.place)
}

// Operations without a Qualifier parameter refuse a qualified name. [I] AWS's exact answer is unrecorded.
export function requireUnqualified(req: LambdaRequest): FunctionRef {
  const ref = requireFunctionRef(req)
  if (ref.qualifier !== undefined) {
    throw invalidParameter(`${req.operation} does not accept a qualified function name: ${req.rawName ?? ''}`)
  }
  return ref
}

// The qualifier from `?Qualifier=` or from the name itself (`my-fn:live`); both must agree.
export function qualifierOf(req: LambdaRequest): string | undefined {
  const ref = requireFunctionRef(req)
  const fromQuery = req.query.get('Qualifier') ?? undefined
  if (fromQuery !== undefined) checkQualifier(fromQuery)
  if (fromQuery !== undefined && ref.qualifier !== undefined && fromQuery !== ref.qualifier) {
    throw invalidParameter(
      'The derived qualifier from the function name does not match the specified qualifier.'
    )
  }
  return fromQuery ?? ref.qualifier
}

// MaxItems (model range 1..10000, Lambda answers at most 50) and an opaque Marker that names the first
// item of the next page.
export function paging(
  req: LambdaRequest,
  keys: string[],
  atOrAfter: (key: string, marker: string) => boolean
): { page: string[]; nextMarker?: string } {
  const rawMax = req.query.get('MaxItems')
  let max = 50
  if (rawMax !== null) {
    const n = Number(rawMax)
    if (!Number.isInteger(n)) throw validation(rawMax, 'maxItems', 'Member must be an integer')
    if (n < 1) throw validation(n, 'maxItems', 'Member must have value greater than or equal to 1')
    if (n > 10000) throw validation(n, 'maxItems', 'Member must have value less than or equal to 10000')
    max = Math.min(n, 50)
  }
  const marker = req.query.get('Marker')
  let start = 0
  if (marker !== null && marker !== '') {
    start = keys.findIndex(k => atOrAfter(k, marker))
    if (start < 0) start = keys.length
  }
  const page = keys.slice(start, start + max)
  const next = keys[start + max]
  return next === undefined ? { page } : { page, nextMarker: next }
}
