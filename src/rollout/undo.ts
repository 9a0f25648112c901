// What main does when a rollout that moved traffic stops short: restore through the shared algorithm, or,
// with rollback: false, say exactly where each alias was left.
import type { Budget, LambdaApi } from '../aws/api.js'
import { ATTEMPTS } from '../aws/budgets.js'
import type { Clock } from '../clock.js'
import type { StopError } from '../errors.js'
import type { Config } from '../inputs/config.js'
import type { Log } from '../log.js'
import type { Ledger } from '../ledger/ledger.js'
import type { FunctionRollout, Status } from './record.js'
import { fixCommand, restoreAll } from '../ledger/restore.js'
import { weightPercent } from '../ledger/snapshot.js'
import { provisionedAfterRollback } from './provisioned.js'

/** Time a rollback may take after cancellation: inside the runner's 7.5 s before SIGTERM. */
const CANCEL_ROLLBACK_MS = 6000
const ROLLBACK_MS = 120_000

interface UndoDeps {
  api: LambdaApi
  clock: Clock
  log: Log
  ledger: Ledger
}

export async function undo(
  ds: FunctionRollout[],
  config: Config,
  deps: UndoDeps,
  stop: StopError
): Promise<[Status, string]> {
  const reason = stop.message
  const touched = ds.filter(d => d.wrote)
  if (touched.length === 0) return ['failed', `${reason}; no alias was changed`]
  const stoppedAt = deps.clock.now()
  for (const d of touched)
    d.timeline.push({ time: stoppedAt, weight: d.weight, action: 'stopped', result: reason })
  if (!config.rollback) return outcomeWithoutRollback(touched, config.alias, reason)
  const cancelled = stop.kind === 'cancelled'
  const budget = rollbackBudget(deps.clock.now(), cancelled)
  const results = await deps.log.group('Rolling back', () =>
    restoreAll(
      touched.map(d => d.fn.id),
      { api: deps.api, ledger: deps.ledger, concurrency: config.concurrency, budget, fromMain: true }
    )
  )
  touched.forEach((d, i) => {
    const r = results[i] as (typeof results)[number]
    d.message = r.message
    d.restored = r.restored
    d.foreign = r.foreign
    d.timeline.push({
      time: deps.clock.now(),
      weight: r.restored ? 0 : d.weight,
      action: 'rollback',
      result: r.restored ? 'restored, verified' : r.foreign ? 'left: changed by someone else' : 'NOT restored'
    })
    deps.log.info(`  ${r.message}`)
  })
  const pcNotes = await provisionedAfterRollback(
    touched,
    {
      ...deps,
      alias: config.alias,
      budget: () => budget,
      signal: budget.signal ?? new AbortController().signal
    },
    cancelled
  )
  const failed = results.filter(r => !r.restored)
  if (failed.length > 0) {
    const what = failed.every(r => r.foreign) ? 'not rolled back' : 'rollback incomplete'
    return ['failed', `${reason}; ${what}: ${failed.map(r => r.message).join('; ')}`]
  }
  return [
    'rolled-back',
    `${reason}; rolled back: ${touched.length === 1 ? 'the alias is back as it was' : `all ${touched.length} aliases are back as they were`} (verified)${pcNotes.map(n => `; ${n}`).join('')}`
  ]
}

/** Only a signal races the runner's SIGKILL; a timeout leaves the normal rollback budget. */
function rollbackBudget(now: number, cancelled: boolean): Budget {
  return {
    deadline: now + (cancelled ? CANCEL_ROLLBACK_MS : ROLLBACK_MS),
    maxAttempts: ATTEMPTS.rollback,
    // After a cancel every call is bounded too, not only the waits between them: a slow answer must not
    // carry main past the runner's SIGKILL (post would finish the job, but main's outputs would be lost).
    ...(cancelled ? { signal: AbortSignal.timeout(CANCEL_ROLLBACK_MS) } : {})
  }
}

function outcomeWithoutRollback(touched: FunctionRollout[], alias: string, reason: string): [Status, string] {
  const where = touched.map(d => {
    const at = d.weight >= 1 ? `v${d.to}` : `${weightPercent(d.weight)} to v${d.to}`
    d.message = `${d.fn.name}: alias ${alias} left at ${at} (rollback: false); ${fixCommand({ id: d.fn.id, initial: d.initial }, alias)}`
    return d.message
  })
  return ['failed', `${reason}; ${where.join('; ')}`]
}
