// Checks after the reads and before any change, dry-run included: the plan, every judgement's settle time
// with the functions' own timeouts, fits timeout, and the credentials last until it ends.
import type { Clock } from '../clock.js'
import { DeployError, InputError } from '../errors.js'
import type { Config } from '../inputs/config.js'
import { formatDuration } from '../inputs/duration.js'
import { scheduleRefusal } from '../inputs/metrics-timing.js'
import { judgeable } from './analysis.js'
import type { FunctionRollout } from './record.js'
import type { PlanStep } from '../inputs/plan.js'
import { planNeedsMs, type Settling } from '../inputs/settle.js'
import { settlingOf } from './settle.js'

type Timing = Pick<
  Config,
  'plan' | 'wait' | 'bakeMs' | 'timeoutMs' | 'metricsDelayMs' | 'metricsResolutionMs'
>

/** The plan this step runs (with wait: false only a move all at once, then bake-time) and its judgements. */
function schedule(
  config: Timing,
  ds: readonly FunctionRollout[],
  judged: boolean
): { plan: readonly PlanStep[]; judged: boolean; settling: Settling } {
  const plan = config.wait ? config.plan : [{ weight: 1, holdMs: config.bakeMs }]
  const judgedOnes = judged ? judgeable(ds) : []
  const settling = settlingOf(judgedOnes, {
    metricsDelayMs: config.metricsDelayMs,
    resolutionMs: config.metricsResolutionMs
  })
  return { plan, judged: judgedOnes.length > 0, settling }
}

/** How long the rollout of these functions needs, judgements' settle time included. */
export function plannedMs(config: Timing, ds: readonly FunctionRollout[], judged: boolean): number {
  const s = schedule(config, ds, judged)
  return planNeedsMs(s.plan, s.judged, s.settling)
}

/**
 * Throws the timeout's InputError when `timeout` cannot hold the plan with the functions' timeouts: the
 * inputs' check again, now that they are known (the reads' own few seconds are not counted, as there).
 */
export function checkPlanFits(config: Timing, ds: readonly FunctionRollout[], judged: boolean): void {
  const s = schedule(config, ds, judged)
  const refusal = scheduleRefusal(s.plan, s.judged, s.settling, config.timeoutMs)
  if (refusal) throw new InputError('timeout', formatDuration(config.timeoutMs), refusal)
}

/**
 * Credentials that expire before the plan can end would fail mid-rollout: refuse now. The expiration is
 * the SDK's own answer, cached from the reads' first request, so asking costs no round trip.
 */
export async function checkCredentialsLast(
  expiry: (() => Promise<Date | undefined>) | undefined,
  neededMs: number,
  clock: Clock
): Promise<void> {
  const expiration = await expiry?.()
  if (!expiration || !Number.isFinite(expiration.getTime())) return
  const now = clock.now()
  const end = now + neededMs
  if (expiration.getTime() >= end) return
  throw new DeployError(
    `the AWS credentials expire at ${stamp(expiration.getTime())}, before the rollout can end ` +
      `(it needs ${formatDuration(neededMs)}, until ${stamp(end)}); nothing was changed; ask for a longer ` +
      `session, e.g. role-duration-seconds of aws-actions/configure-aws-credentials (the role's maximum session duration must allow it)`
  )
}

/** Before any change, dry-run included: the plan fits timeout, and the credentials last that long. */
export async function preflight(
  config: Timing,
  ds: readonly FunctionRollout[],
  judged: boolean,
  checks: { credentialsExpiry?: () => Promise<Date | undefined>; clock: Clock }
): Promise<void> {
  checkPlanFits(config, ds, judged)
  await checkCredentialsLast(checks.credentialsExpiry, plannedMs(config, ds, judged), checks.clock)
}

/** An instant for the log, in UTC to the second. */
function stamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`
}
