// Event source mappings, enough to name which function version or alias a queue or stream invokes:
// Create, List (by function and/or event source, paged) and Delete. Nothing is polled. EventSourceArn is
// accepted as given; a mapping is Enabled as soon as it is created.
import { randomUUID } from 'node:crypto'
import { functionNotFound, notFound, validation, type ApiResponse } from './errors.js'
import { functionArn, parseFunctionName, type FunctionRef } from './names.js'
import { paging, type LambdaRequest } from './request.js'
import { getFunction, resolveQualifier, type LambdaContext } from './state.js'
import { optInt, reqString } from './validate.js'

export interface EventSourceMapping {
  UUID: string
  FunctionArn: string // qualified when the mapping names a version or an alias
  EventSourceArn: string
  BatchSize: number
  created: number // creation order, for stable paging
  lastModified: number
}

const EVENT_SOURCE_ARN =
  /^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)$/
let sequence = 0

function shape(m: EventSourceMapping): Record<string, unknown> {
  return {
    UUID: m.UUID,
    BatchSize: m.BatchSize,
    EventSourceArn: m.EventSourceArn,
    FunctionArn: m.FunctionArn,
    LastModified: m.lastModified / 1000, // epoch seconds, as the rest-json timestamp
    State: 'Enabled',
    StateTransitionReason: 'USER_INITIATED'
  }
}

// The mapping's function ARN; the function and the qualifier must exist.
function targetArn(ctx: LambdaContext, ref: FunctionRef): string {
  const fn = getFunction(ctx, ref.name)
  if (ref.qualifier !== undefined && ref.qualifier !== '$LATEST') resolveQualifier(ctx, fn, ref.qualifier)
  return functionArn(ctx.place, fn.name, ref.qualifier)
}

export function createEventSourceMapping(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const ref = parseFunctionName(reqString(req.body, 'FunctionName', { min: 1, max: 140 }), ctx.place)
  const source = reqString(req.body, 'EventSourceArn', { pattern: EVENT_SOURCE_ARN })
  const batch = optInt(req.body, 'BatchSize', 1, 10000) ?? 10
  const now = ctx.now()
  const mapping: EventSourceMapping = {
    UUID: randomUUID(),
    FunctionArn: targetArn(ctx, ref),
    EventSourceArn: source,
    BatchSize: batch,
    created: ++sequence,
    lastModified: now
  }
  ctx.eventSourceMappings.set(mapping.UUID, mapping)
  return { status: 202, json: shape(mapping) }
}

// [I] An unqualified FunctionName lists the mappings of every version and alias of the function (the safe
// reading for a caller deciding whether a version is in use); a qualified one, that qualifier's only.
export function listEventSourceMappings(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const rawName = req.query.get('FunctionName')
  const source = req.query.get('EventSourceArn')
  let match = (_m: EventSourceMapping): boolean => true
  if (rawName !== null) {
    const ref = parseFunctionName(rawName, ctx.place)
    const base = functionArn(ctx.place, ref.name)
    if (!ctx.functions.has(ref.name)) throw functionNotFound(base)
    const exact = functionArn(ctx.place, ref.name, ref.qualifier)
    match = m =>
      ref.qualifier === undefined
        ? m.FunctionArn === base || m.FunctionArn.startsWith(`${base}:`)
        : m.FunctionArn === exact
  }
  const chosen = [...ctx.eventSourceMappings.values()]
    .filter(m => match(m) && (source === null || m.EventSourceArn === source))
    .sort((a, b) => a.created - b.created)
  const order = chosen.map(m => m.UUID)
  const { page, nextMarker } = paging(req, order, (key, marker) => key === marker)
  return {
    status: 200,
    json: {
      EventSourceMappings: page.map(id => shape(ctx.eventSourceMappings.get(id)!)),
      ...(nextMarker !== undefined && { NextMarker: nextMarker })
    }
  }
}

export function deleteEventSourceMapping(ctx: LambdaContext, req: LambdaRequest): ApiResponse {
  const id = req.resourceId ?? ''
  const mapping = ctx.eventSourceMappings.get(id)
  if (mapping === undefined) {
    if (id.length === 0) throw validation(id, 'UUID', 'Member must not be null')
    throw notFound(`The resource you requested does not exist. (Service: Lambda, Status Code: 404)`)
  }
  ctx.eventSourceMappings.delete(id)
  return { status: 202, json: { ...shape(mapping), State: 'Deleting' } }
}
