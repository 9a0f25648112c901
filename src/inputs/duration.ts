import { InputError } from '../errors.js'

const HOUR = 3_600_000
const MINUTE = 60_000
const SECOND = 1_000

const ALLOWED = 'expected a duration such as 500ms, 90s, 5m, 1h or 1m30s'

// Units in descending order, each at most once. `(?!s)` keeps `5ms` from being read as `5m` + `s`.
const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/

/**
 * Parses `interval` / `timeout` / `bake-time` values (`500ms`, `90s`, `5m`, `1h`, `1m30s`, `0`) into
 * milliseconds. Units are lowercase only: `M` could mean minutes or months, so it is refused.
 */
export function parseDuration(input: string, value: string): number {
  const text = value.trim()
  if (text === '0') return 0
  const match = text === '' ? null : DURATION.exec(text)
  if (!match) throw new InputError(input, value, ALLOWED)
  const [, h, m, s, ms] = match
  const total = num(h) * HOUR + num(m) * MINUTE + num(s) * SECOND + num(ms)
  // Absurdly long values would lose precision; no real interval or timeout gets near this.
  if (!Number.isSafeInteger(total)) throw new InputError(input, value, ALLOWED)
  return total
}

/** Renders milliseconds for logs and summaries: 330000 → `5m30s`, 500 → `500ms`, 0 → `0s`. */
export function formatDuration(ms: number): string {
  let rest = Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0
  if (rest === 0) return '0s'
  const parts: string[] = []
  for (const [unit, size] of [
    ['h', HOUR],
    ['m', MINUTE],
    ['s', SECOND],
    ['ms', 1]
  ] as const) {
    const count = Math.floor(rest / size)
    if (count > 0) parts.push(`${count}${unit}`)
    rest -= count * size
  }
  return parts.join('')
}

function num(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(digits)
}

/** Elapsed time for a person: tenths of a second under 10 s, whole seconds above. */
export function formatElapsed(ms: number): string {
  return ms < 10_000
    ? formatDuration(Math.round(ms / 100) * 100)
    : formatDuration(Math.round(ms / 1000) * 1000)
}
