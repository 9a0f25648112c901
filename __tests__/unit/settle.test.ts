// The pure decisions about late metrics: which window a hold is judged on, when it has settled, how long
// a plan with judgements needs, whether credentials last, and which answers prove a write did not land.
import { isExpiredToken } from '../../src/aws/describe-error.js'
import { credentialsExpiry } from '../../src/aws/credentials-expiry.js'
import { refusedUnapplied } from '../../src/aws/refusal.js'
import { DeployError } from '../../src/errors.js'
import { scheduleRefusal } from '../../src/inputs/metrics-timing.js'
import { buildPlan } from '../../src/inputs/plan.js'
import { checkCredentialsLast } from '../../src/rollout/preflight.js'
import { judgedHoldMs, judgedWindow, planNeedsMs, settledAt, widened } from '../../src/inputs/settle.js'
import { settlingOf } from '../../src/rollout/settle.js'

const MIN = 60_000
const T0 = Date.UTC(2026, 0, 1, 8, 0, 0)

describe('judgedWindow', () => {
  it('starts at the first whole minute after the step began and spans the hold in whole minutes', () => {
    // The step began 20 s into a minute: that minute also holds the previous step's traffic.
    expect(judgedWindow(T0 + 20_000, 5 * MIN, MIN)).toEqual({ startMs: T0 + MIN, endMs: T0 + 6 * MIN })
    // On the minute: no time is lost.
    expect(judgedWindow(T0, 5 * MIN, MIN)).toEqual({ startMs: T0, endMs: T0 + 5 * MIN })
    // A hold shorter than a period, or not a whole number of them, is extended, never cut.
    expect(judgedWindow(T0 + 1, 30_000, MIN)).toEqual({ startMs: T0 + MIN, endMs: T0 + 2 * MIN })
    expect(judgedWindow(T0, 90_000, MIN)).toEqual({ startMs: T0, endMs: T0 + 2 * MIN })
    // A finer resolution (an emulator's) keeps windows of whole seconds.
    expect(judgedWindow(T0 + 1500, 2000, 1000)).toEqual({ startMs: T0 + 2000, endMs: T0 + 4000 })
  })

  it('the window always lies inside the step and covers at least the hold', () => {
    for (const offset of [0, 1, 999, 30_000, 59_999])
      for (const hold of [1, 500, MIN, 61_000, 5 * MIN]) {
        const start = T0 + offset
        const w = judgedWindow(start, hold, MIN)
        expect(w.startMs).toBeGreaterThanOrEqual(start)
        expect(w.startMs % MIN).toBe(0)
        expect(w.endMs % MIN).toBe(0)
        expect(w.endMs - w.startMs).toBeGreaterThanOrEqual(hold)
      }
  })

  it('widened adds whole periods, at least one, and keeps the start', () => {
    const w = { startMs: T0, endMs: T0 + MIN }
    expect(widened(w, 500, MIN)).toEqual({ startMs: T0, endMs: T0 + 2 * MIN })
    expect(widened(w, 90_000, MIN)).toEqual({ startMs: T0, endMs: T0 + 3 * MIN })
  })
})

describe('settledAt and the plan', () => {
  const s = { delayMs: 2 * MIN, resolutionMs: MIN, functionTimeoutMs: 30_000 }

  it('a window is settled at its end plus the function timeout plus metrics-delay', () => {
    expect(settledAt({ startMs: T0, endMs: T0 + 5 * MIN }, s)).toBe(T0 + 5 * MIN + 30_000 + 2 * MIN)
  })

  it('a judged hold takes up to a period to align, the window, and the settle time', () => {
    expect(judgedHoldMs(MIN, s)).toBe(MIN + MIN + 30_000 + 2 * MIN)
    expect(judgedHoldMs(90_000, s)).toBe(MIN + 2 * MIN + 30_000 + 2 * MIN)
  })

  it('linear 10% every 1m: 9 judged holds; without judgements just the holds', () => {
    const plan = buildPlan({ kind: 'linear', percent: 10, intervalMs: MIN }, 0)
    const none = { ...s, functionTimeoutMs: 3000 }
    expect(planNeedsMs(plan, false, none)).toBe(9 * MIN)
    expect(planNeedsMs(plan, true, none)).toBe(9 * (MIN + MIN + 3000 + 2 * MIN))
    expect(scheduleRefusal(plan, true, none, 9.5 * MIN)).toBe(
      "shorter than the 36m27s the plan needs: steps plus bake-time, and for each of its 9 judgements up to 1m to the next whole minute, metrics-delay 2m plus the function's timeout 3s for its metrics to settle; raise timeout or shorten the schedule"
    )
    expect(scheduleRefusal(plan, true, none, 45 * MIN)).toBeNull()
    expect(scheduleRefusal(plan, false, none, 9.5 * MIN)).toBeNull()
  })

  it("settlingOf takes the longest function timeout, Lambda's 3 s when unknown", () => {
    const m = { metricsDelayMs: 0, resolutionMs: MIN }
    expect(settlingOf([{ timeoutMs: 3000 }, { timeoutMs: 900_000 }], m).functionTimeoutMs).toBe(900_000)
    expect(settlingOf([{}], m).functionTimeoutMs).toBe(3000)
  })
})

describe('credentials that must last the plan', () => {
  const clock = { now: () => T0, sleep: async () => undefined }

  it('refuses an expiration before now + the time the plan needs, with both times and the remedy', async () => {
    const expiry = async () => new Date(T0 + 10 * MIN)
    const refusal = checkCredentialsLast(expiry, 30 * MIN, clock)
    await expect(refusal).rejects.toThrow(DeployError)
    await expect(refusal).rejects.toThrow(
      "the AWS credentials expire at 2026-01-01T08:10:00Z, before the rollout can end (it needs 30m, until 2026-01-01T08:30:00Z); nothing was changed; ask for a longer session, e.g. role-duration-seconds of aws-actions/configure-aws-credentials (the role's maximum session duration must allow it)"
    )
  })

  it('takes credentials that last, and those that do not say when they expire', async () => {
    await expect(
      checkCredentialsLast(async () => new Date(T0 + 31 * MIN), 30 * MIN, clock)
    ).resolves.toBeUndefined()
    await expect(checkCredentialsLast(async () => undefined, 30 * MIN, clock)).resolves.toBeUndefined()
    await expect(checkCredentialsLast(undefined, 30 * MIN, clock)).resolves.toBeUndefined()
  })

  it("reads the expiration from the client's credential provider; a provider that fails says nothing", async () => {
    const at = new Date(T0)
    expect(await credentialsExpiry({ config: { credentials: async () => ({ expiration: at }) } })()).toBe(at)
    const failing = {
      config: {
        credentials: async (): Promise<{ expiration?: Date }> => {
          throw new Error('no credentials')
        }
      }
    }
    expect(await credentialsExpiry(failing)()).toBeUndefined()
  })
})

describe('answers that prove a request was not carried out', () => {
  const sdk = (name: string, status: number, message = '') =>
    Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } })

  it('access denied and expired credentials are refusals; a conflict or a lost answer is not', () => {
    expect(refusedUnapplied(sdk('AccessDeniedException', 403))).toBe(true)
    expect(refusedUnapplied(sdk('AccessDenied', 403))).toBe(true)
    expect(refusedUnapplied(sdk('ExpiredTokenException', 403))).toBe(true)
    expect(refusedUnapplied(sdk('Forbidden', 403))).toBe(true)
    expect(refusedUnapplied(sdk('ResourceConflictException', 409))).toBe(false)
    expect(refusedUnapplied(sdk('ServiceException', 500))).toBe(false)
    expect(refusedUnapplied(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(false)
  })

  it('an expired session is known by its name or by its message', () => {
    expect(isExpiredToken(sdk('ExpiredToken', 400))).toBe(true)
    expect(isExpiredToken(sdk('X', 403, 'The security token included in the request is expired'))).toBe(true)
    expect(isExpiredToken(sdk('AccessDeniedException', 403, 'not authorized'))).toBe(false)
  })
})
