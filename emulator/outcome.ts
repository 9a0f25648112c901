// What one invocation of a version does. Nothing is executed: the version's own environment variables
// decide whether it ends in a function error and how long it took, so a version's behaviour is fixed when
// it is published. Random draws come from their own seeded stream (see server.ts).
import type { Random } from './random.js'

export interface Outcome {
  error?: string // errorMessage of a function error; undefined = success
  durationMs: number // what the Duration metric and the Tail log report
}

const DEFAULT_MEDIAN_MS = 20
// Spread of ln(duration). 0.4 puts p99 at about 2.5 × the median: a right-skewed tail, as real functions
// show, without the extremes that would make small test samples erratic.
const SIGMA = 0.4

// undefined when unset; a string describing the problem when set to something unusable.
function read(env: Record<string, string>, key: string, max: number): number | string | undefined {
  const text = env[key]
  if (text === undefined) return undefined
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > max) {
    return `${key} must be a number from 0 to ${max}, got '${text}'`
  }
  return value
}

// Standard normal from two uniforms (Box-Muller); 1 - u keeps the logarithm's argument in (0, 1].
function normal(random: Random): number {
  const u1 = 1 - random()
  const u2 = random()
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2)
}

export function decideOutcome(env: Record<string, string>, random: Random): Outcome {
  const rate = read(env, 'EMULATOR_ERROR_RATE', 1)
  const median = read(env, 'EMULATOR_DURATION_MS', 900000)
  // Both draws happen whether or not they are used, so setting one variable never shifts another's draws.
  const errorDraw = random()
  const spread = Math.exp(SIGMA * normal(random))
  const base = typeof median === 'number' ? median : DEFAULT_MEDIAN_MS
  const durationMs = Math.max(0.01, Math.round(base * spread * 100) / 100) // Lambda reports 0.01 ms
  const failure = env.EMULATOR_ERROR_MESSAGE ?? 'emulated failure'
  // A misconfigured version fails, like a real function that cannot read its own configuration.
  let error: string | undefined
  if (typeof rate === 'string') error = rate
  else if (typeof median === 'string') error = median
  else if (env.EMULATOR_FAIL === 'true') error = failure
  else if (rate !== undefined && errorDraw < rate) error = failure
  return error === undefined ? { durationMs } : { error, durationMs }
}
