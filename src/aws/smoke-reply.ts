// What a smoke test's reply says beyond "no function error": an HTTP-shaped reply (API Gateway, an ALB,
// a function URL) that answers 500 or more, and the optional `smoke-test-expect` subset. Pure.

/** Why the reply is not acceptable, or null when it is. Never quotes the reply itself. */
export function replyRefusal(payload: string, expect: string | null): string | null {
  let body: unknown
  try {
    body = JSON.parse(payload)
  } catch {
    return expect === null ? null : 'the reply is not JSON, so smoke-test-expect cannot match it'
  }
  const status = httpStatus(body)
  if (status !== null && status >= 500) return `the reply's statusCode is ${status} (5xx: a server error)`
  if (expect !== null && !contains(body, JSON.parse(expect))) {
    return 'the reply does not contain what smoke-test-expect requires'
  }
  return null
}

/** `statusCode` of a proxy-integration reply, when the reply has that shape. */
function httpStatus(body: unknown): number | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null
  const code = (body as Record<string, unknown>).statusCode
  return typeof code === 'number' && Number.isInteger(code) ? code : null
}

/**
 * Subset match: every key of an expected object is in the actual one and matches; arrays match element
 * by element with the same length; anything else must be equal. A string that holds JSON (a proxy
 * reply's `body`) is matched as the JSON it holds when an object or array is expected.
 */
export function contains(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string' && typeof expected === 'object' && expected !== null) {
    try {
      return contains(JSON.parse(actual), expected)
    } catch {
      return false
    }
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => contains(actual[i], item))
    )
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false
    const record = actual as Record<string, unknown>
    return Object.entries(expected).every(
      ([key, value]) => Object.hasOwn(record, key) && contains(record[key], value)
    )
  }
  return Object.is(actual, expected)
}
