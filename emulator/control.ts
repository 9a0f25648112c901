// The HTTP control API: everything `emu.faults`, `emu.settings`, `emu.traffic` and `emu.admin` do
// in-process, as JSON over HTTP, for tools in any language and for workflow rehearsals. It lives under
// /_emulator/, which neither Lambda (/2015-03-31/...) nor CloudWatch (POST / with X-Amz-Target) can ever
// use. Control requests are not logged, not subject to injected faults and not rate limited.
import { ApiError, type ApiResponse } from './errors.js'
import {
  alarmState,
  ControlError,
  faultRule,
  parseBody,
  profileName,
  rateLimit,
  settingsPatch,
  sinceSeq,
  trafficOptions,
  versionCount,
  type Body
} from './control-input.js'
import { PROFILES } from './profile.js'
import type { World } from './world.js'

export const CONTROL_PREFIX = '/_emulator'

export const isControlPath = (path: string): boolean =>
  path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)

interface Call {
  world: World
  params: string[] // percent-decoded path parameters
  body: Body
  query: URLSearchParams
}

interface Route {
  method: string
  path: RegExp // matched against the path after the prefix
  run(call: Call): ApiResponse
}

const ok = (json: unknown, status = 200): ApiResponse => ({ status, json })
const notFound = (message: string): ControlError => new ControlError(404, message)

function trafficById(world: World, id: string): NonNullable<ReturnType<World['traffic']['get']>> {
  const handle = world.traffic.get(id)
  if (handle === undefined) throw notFound(`no running traffic with id "${id}"`)
  return handle
}

const ROUTES: Route[] = [
  { method: 'GET', path: /^\/settings$/, run: ({ world }) => ok(world.settings) },
  {
    method: 'PATCH',
    path: /^\/settings$/,
    run: ({ world, body }) => ok(Object.assign(world.settings, settingsPatch(body)))
  },
  {
    // A profile's numbers, all at once; PATCH /settings then changes single ones.
    method: 'PUT',
    path: /^\/profile$/,
    run: ({ world, body }) => ok(Object.assign(world.settings, PROFILES[profileName(body)]))
  },
  {
    method: 'POST',
    path: /^\/faults$/,
    run: ({ world, body }) => {
      const rule = faultRule(body)
      world.faults.add(rule)
      return ok({ added: rule }, 201)
    }
  },
  {
    method: 'DELETE',
    path: /^\/faults$/,
    run: ({ world }) => {
      world.faults.clear()
      return ok({ cleared: true })
    }
  },
  {
    method: 'PUT',
    path: /^\/faults\/rate-limit$/,
    run: ({ world, body }) => {
      const { perSecond, scope } = rateLimit(body)
      world.faults.setRateLimit(perSecond, scope)
      return ok(perSecond === null ? { perSecond } : { perSecond, scope })
    }
  },
  {
    method: 'PUT',
    path: /^\/alarms\/([^/]+)\/state$/,
    run: ({ world, params, body }) => {
      const { state, reason } = alarmState(body)
      world.admin.setAlarmState(params[0]!, state, reason)
      return ok({ alarmName: params[0], state })
    }
  },
  {
    method: 'GET',
    path: /^\/codedeploy\/hooks$/,
    run: ({ world }) => ok({ hooks: world.codedeploy.hookExecutions() })
  },
  { method: 'GET', path: /^\/traffic$/, run: ({ world }) => ok({ traffic: world.traffic.list() }) },
  {
    method: 'POST',
    path: /^\/traffic$/,
    run: ({ world, body }) => ok(world.traffic.start(trafficOptions(body)).stats(), 201)
  },
  {
    method: 'DELETE',
    path: /^\/traffic$/,
    run: ({ world }) => {
      const stopped = world.traffic.list().map(t => world.traffic.get(t.id)!.stop())
      return ok({ stopped })
    }
  },
  {
    method: 'GET',
    path: /^\/traffic\/([^/]+)$/,
    run: ({ world, params }) => ok(trafficById(world, params[0]!).stats())
  },
  {
    method: 'DELETE',
    path: /^\/traffic\/([^/]+)$/,
    run: ({ world, params }) => ok(trafficById(world, params[0]!).stop())
  },
  {
    method: 'GET',
    path: /^\/log$/,
    run: ({ world, query }) => {
      const since = sinceSeq(query)
      return ok({ entries: world.log.filter(e => e.seq > since) })
    }
  },
  {
    method: 'DELETE',
    path: /^\/log$/,
    run: ({ world }) => {
      const cleared = world.log.length
      world.log.length = 0
      return ok({ cleared })
    }
  },
  {
    method: 'POST',
    path: /^\/functions\/([^/]+)\/versions$/,
    run: ({ world, params, body }) =>
      ok({ versions: world.admin.publishVersions(params[0]!, versionCount(body)) }, 201)
  },
  {
    method: 'GET',
    path: /^\/functions\/([^/]+)\/aliases\/([^/]+)$/,
    run: ({ world, params }) => {
      const alias = world.admin.getAlias(params[0]!, params[1]!)
      if (alias === undefined) throw notFound(`no alias "${params[1]}" on function "${params[0]}"`)
      return ok(alias)
    }
  },
  {
    method: 'POST',
    path: /^\/reset$/,
    run: ({ world }) => {
      world.admin.reset()
      return ok({ reset: true })
    }
  }
]

function failure(status: number, message: string, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers, json: { error: message } }
}

export function handleControl(
  world: World,
  method: string,
  path: string,
  query: URLSearchParams,
  raw: Buffer
): ApiResponse {
  const rest = path.slice(CONTROL_PREFIX.length)
  const matching = ROUTES.filter(r => r.path.test(rest))
  if (matching.length === 0) return failure(404, `no control endpoint ${rest || '/'}; see emulator/README.md`)
  const route = matching.find(r => r.method === method)
  if (route === undefined) {
    const allow = matching.map(r => r.method).join(', ')
    return failure(405, `${method} is not allowed on ${rest}; use ${allow}`, { Allow: allow })
  }
  try {
    const params = (route.path.exec(rest) ?? []).slice(1).map(p => decodeURIComponent(p))
    return route.run({ world, params, body: parseBody(raw), query })
  } catch (e) {
    if (e instanceof ControlError) return failure(e.status, e.message)
    // A malformed %-escape in the path, or input the in-process call refuses; missing functions and
    // alarms arrive as AWS 404s.
    if (e instanceof RangeError || e instanceof URIError) return failure(400, e.message)
    if (e instanceof ApiError) return failure(e.status, e.message)
    throw e
  }
}
