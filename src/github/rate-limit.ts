// A GitHub rate limit is not a missing permission: GitHub answers both with 403 (or 429), and only the
// headers and the message tell them apart. Pure: the headers, the message and the time are handed in.

export interface RateLimitAnswer {
  status: number
  message: string
  /** Lower-case header names. */
  header: (name: string) => string | null
  now: number
}

function inWords(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return s < 120 ? `${s}s` : `${Math.ceil(s / 60)}m`
}

/**
 * One line when the answer is a rate limit, else null. Primary: x-ratelimit-remaining is 0, and
 * x-ratelimit-reset says when (epoch seconds). Secondary: the message names it, and retry-after (seconds)
 * says when, if GitHub sent it. The documented rule: 403 or 429 for both.
 */
export function rateLimitLine(a: RateLimitAnswer): string | null {
  if (a.status !== 403 && a.status !== 429) return null
  const retryAfter = Number(a.header('retry-after'))
  const after = Number.isFinite(retryAfter) && retryAfter > 0 ? ` in ${inWords(retryAfter * 1000)}` : ''
  if (/secondary rate limit/i.test(a.message))
    return `HTTP ${a.status}: GitHub's secondary rate limit (too many requests at once, not a permission problem); try again${after || ' in a minute or more'}`
  if (a.header('x-ratelimit-remaining') !== '0') {
    return a.status === 429 ? `HTTP 429: GitHub's rate limit; try again${after || ' later'}` : null
  }
  const reset = Number(a.header('x-ratelimit-reset'))
  const when =
    Number.isFinite(reset) && reset > 0
      ? `it resets at ${new Date(reset * 1000).toISOString().replace(/\.000Z$/, 'Z')} (in ${inWords(reset * 1000 - a.now)})`
      : `it resets${after || ' within the hour'}`
  const limit = a.header('x-ratelimit-limit')
  return `HTTP ${a.status}: GitHub's API rate limit is used up${limit ? ` (${limit} requests an hour for this token)` : ''}, not a permission problem; ${when}`
}
