import { describeRouting, percent } from './alias-state.js'
import type { Clock } from './clock.js'
import { short } from './decide.js'
import { newDeployment, type Deployment, type Status } from './deployment.js'
import { formatDuration, formatElapsed } from './duration.js'
import { DeployError, InputError } from './errors.js'
import { smokeTest, type AlarmState, type AlarmWatcher } from './health.js'
import type { Config } from './inputs.js'
import type { Budget, LambdaGateway } from './lambda.js'
import { mapLimit } from './limiter.js'
import type { Log } from './log.js'
import { describeStrategy } from './plan.js'
import { inspect, publishAndSettle, type Inspection, type PrepareOptions } from './prepare.js'
import { fixCommand, rollbackAll } from './rollback.js'
import { errorLine, movesAllAtOnce, shift, StopError, type Routing } from './shift.js'
import type { SavedRun } from './saved-state.js'

export interface PromoteDeps {
  gateway: LambdaGateway
  alarms: AlarmWatcher
  clock: Clock
  log: Log
  /** Records what post needs to undo a run main could not finish. */
  saveRun: (run: SavedRun) => void
  /** Aborted on cancellation or timeout. */
  signal: AbortSignal
  deadline: number
  description: string
  /** Called once the target versions are known and Active, before the smoke test and any traffic. */
  onReady?: (ds: Deployment[]) => Promise<void>
}

export interface Outcome {
  status: Status
  deployments: Deployment[]
  /** One line for setFailed, when the run failed. */
  error?: string
  /** What stopped a rollout that had started moving traffic (alarm, signal, timeout, …). */
  stopReason?: string
  alarms: AlarmState[]
  startedAt: number
  endedAt: number
  /** Lines of the plan, for dry-run and the summary. */
  plan: string[]
}

/** Time a rollback may take after cancellation: inside the runner's 7.5 s before SIGTERM. */
export const CANCEL_ROLLBACK_MS = 6000
const ROLLBACK_MS = 120_000

/** SPEC §4: validate against Lambda, publish, gate, shift, and restore on any failure. */
export async function promote(config: Config, deps: PromoteDeps): Promise<Outcome> {
  const { clock, log } = deps
  const startedAt = clock.now()
  const ds = config.functions.map(newDeployment)
  const outcome: Outcome = {
    status: 'failed',
    deployments: ds,
    alarms: [],
    startedAt,
    endedAt: startedAt,
    plan: []
  }
  const budget = (): Budget => ({ deadline: deps.deadline, maxAttempts: 8, signal: deps.signal })
  const prep: PrepareOptions = {
    alias: config.alias,
    version: config.version,
    publish: config.publish,
    region: config.region,
    gateway: deps.gateway,
    clock,
    budget: budget()
  }
  const intents = new Map<Deployment, Routing[]>()
  // Saved before publishing and again once the targets are known, before the first alias write.
  const saveRun = (): void =>
    deps.saveRun({
      alias: config.alias,
      functions: ds.map(d => ({ id: d.fn.id, initial: d.initial, to: d.to }))
    })
  const finish = (status: Status, error?: string): Outcome => {
    outcome.status = status
    if (error !== undefined) outcome.error = error
    outcome.endedAt = clock.now()
    for (const d of ds)
      if (d.status === 'failed' || status !== 'failed') d.status = d.unchanged ? 'unchanged' : status
    return outcome
  }

  // Reads only, so any failure here leaves everything as it was.
  let inspections: Inspection[]
  try {
    inspections = await log.group('Reading functions and aliases', async () => {
      const found = await settleAll(ds, config.concurrency, d => inspect(d, prep))
      for (const d of ds)
        log.info(
          `${d.fn.name}:${config.alias}  ${d.initial ? describeRouting(d.initial) : '(alias missing: will be created)'}  $LATEST sha ${short(d.codeSha256)}`
        )
      return found
    })
    outcome.alarms = await deps.alarms.read(deps.deadline)
  } catch (error) {
    return finish('failed', failureLine(error))
  }
  outcome.plan = planLines(config, ds, inspections)
  for (const line of outcome.plan) log.info(line)

  if (ds.every(d => d.unchanged)) {
    for (const d of ds) log.info(`${d.fn.name}: unchanged: ${d.unchangedReason ?? ''}`)
    return finish('unchanged')
  }
  const firing = outcome.alarms.filter(a => a.state === 'ALARM')
  if (firing.length > 0) {
    return finish(
      'failed',
      `refused: alarm ${firing.map(a => a.name).join(', ')} is in ALARM before any traffic moved; nothing was changed`
    )
  }
  if (config.dryRun) return finish('dry-run')

  saveRun()
  try {
    await log.group('Publishing and checking the new version', async () => {
      await settleAll(ds, config.concurrency, (d, i) =>
        publishAndSettle(d, inspections[i] as Inspection, deps.description, prep)
      )
      const active = ds.filter(d => !d.unchanged)
      if (active.length > 0) await deps.onReady?.(active)
      for (const d of active) {
        log.info(
          `${d.fn.name}: v${d.to} ${d.published ? 'published' : 'exists'}, sha ${short(d.codeSha256)}, Active`
        )
        if (!movesAllAtOnce(d) && config.plan.length > 1) checkSplittable(d)
      }
      if (config.smokeTestPayload !== null) {
        for (const d of active) {
          const result = await smokeTest(deps.gateway, d.fn.id, d.to, config.smokeTestPayload)
          log.info(`${d.fn.name}: smoke test ${result.ok ? 'passed' : 'FAILED'}: ${result.detail}`)
          if (!result.ok)
            throw new DeployError(
              `smoke test of ${d.fn.name} v${d.to} failed: ${result.detail}; no traffic was moved`
            )
        }
      }
    })
  } catch (error) {
    return finish('failed', failureLine(error))
  }
  if (ds.every(d => d.unchanged)) return finish('unchanged')
  if (deps.signal.aborted)
    return finish('failed', `${String(deps.signal.reason)} before any traffic moved; nothing to roll back`)

  // SPEC §2: an alarm in ALARM before the first shift refuses the deploy. Publishing and the smoke test
  // took time, so look again right before the first write.
  try {
    const late = await deps.alarms.firing(deps.deadline)
    if (late.length > 0) {
      const names = late.map(a => a.name).join(', ')
      return finish(
        'failed',
        `refused: alarm ${names} is in ALARM before any traffic moved; no alias was changed`
      )
    }
  } catch (error) {
    return finish('failed', failureLine(error))
  }
  saveRun()
  try {
    const shifted = await log.group('Shifting traffic', () =>
      shift(
        ds,
        config.plan,
        {
          alias: config.alias,
          gateway: deps.gateway,
          clock,
          alarms: deps.alarms,
          log,
          concurrency: config.concurrency,
          signal: deps.signal,
          budget,
          intents
        },
        config.wait
      )
    )
    const took = formatElapsed(clock.now() - startedAt)
    log.info(
      shifted === 'promoted'
        ? `promoted in ${took}`
        : `left at ${percent(ds.find(d => !d.unchanged)?.weight ?? 0)}: a later run finishes or rolls back (wait: false)`
    )
    return finish(shifted)
  } catch (error) {
    const reason = error instanceof StopError ? error.message : failureLine(error)
    outcome.stopReason = reason
    return finish(...(await undo(ds, config, deps, intents, error, reason)))
  }
}

async function undo(
  ds: Deployment[],
  config: Config,
  deps: PromoteDeps,
  intents: Map<Deployment, Routing[]>,
  error: unknown,
  reason: string
): Promise<[Status, string]> {
  const touched = ds.filter(d => d.wrote)
  if (touched.length === 0) return ['failed', `${reason}; no alias was changed`]
  const stoppedAt = deps.clock.now()
  for (const d of touched)
    d.timeline.push({ time: stoppedAt, weight: d.weight, action: 'stopped', result: reason })
  if (!config.rollback) {
    const where = touched.map(
      d =>
        `${d.fn.name}: alias ${config.alias} left at ${d.weight >= 1 ? `v${d.to}` : `${percent(d.weight)} to v${d.to}`} (rollback: false); ${fixCommand(d, config.alias)}`
    )
    for (const d of touched) d.message = where[touched.indexOf(d)] as string
    return ['failed', `${reason}; ${where.join('; ')}`]
  }
  // Only a signal races the runner's SIGKILL; a timeout leaves the normal rollback budget.
  const cancelled = error instanceof StopError && error.kind === 'cancelled'
  const deadline = deps.clock.now() + (cancelled ? CANCEL_ROLLBACK_MS : ROLLBACK_MS)
  const results = await deps.log.group('Rolling back', async () => {
    const r = await rollbackAll(ds, {
      alias: config.alias,
      gateway: deps.gateway,
      clock: deps.clock,
      concurrency: config.concurrency,
      budget: { deadline, maxAttempts: 20 },
      intents
    })
    for (const [d, result] of r) {
      d.message = result.message
      d.restored = result.restored
      d.timeline.push({
        time: deps.clock.now(),
        weight: result.restored ? 0 : d.weight,
        action: 'rollback',
        result: result.restored ? 'restored, verified' : 'NOT restored'
      })
      deps.log.info(`  ${result.message}`)
    }
    return r
  })
  const failed = [...results.values()].filter(r => !r.restored)
  if (failed.length > 0)
    return ['failed', `${reason}; rollback incomplete: ${failed.map(r => r.message).join('; ')}`]
  return [
    'rolled-back',
    `${reason}; rolled back: ${touched.length === 1 ? 'the alias is back as it was' : `all ${touched.length} aliases are back as they were`} (verified)`
  ]
}

/** Lambda refuses a split between versions with different roles or dead-letter queues: say so before any write. */
function checkSplittable(d: Deployment): void {
  if (d.fromRole !== undefined && d.toRole !== undefined && d.fromRole !== d.toRole) {
    throw new DeployError(
      `${d.fn.name}: v${d.from} and v${d.to} have different execution roles, so Lambda cannot split traffic between them; use strategy: all-at-once`
    )
  }
  if ((d.fromDlq ?? '') !== (d.toDlq ?? '')) {
    throw new DeployError(
      `${d.fn.name}: v${d.from} and v${d.to} have different dead-letter queues, so Lambda cannot split traffic between them; use strategy: all-at-once`
    )
  }
}

function planLines(config: Config, ds: Deployment[], inspections: Inspection[]): string[] {
  const lines = ds.map((d, i) => {
    const head = `lambda-promote: ${d.fn.name}:${config.alias}  ${d.from ? `v${d.from}` : '(new alias)'} → `
    if (d.unchanged) return `${head}v${d.to}  unchanged`
    const target = inspections[i]?.publish
      ? `publish $LATEST (sha ${short(d.codeSha256)})`
      : `v${d.to}${d.resumeWeight > 0 ? ` (resuming at ${percent(d.resumeWeight)})` : ''}`
    const how = movesAllAtOnce(d)
      ? d.initial === null
        ? 'create the alias, all at once'
        : 'clear the pending split, all at once'
      : describeStrategy(config.strategy)
    return `${head}${target}  ${how}`
  })
  if (config.bakeMs > 0) lines.push(`  then bake ${formatDuration(config.bakeMs)}`)
  if (config.alarms.length > 0) lines.push(`  watching alarms: ${config.alarms.join(', ')}`)
  if (!config.wait) lines.push('  wait: false: stop after the first step')
  return lines
}

/** Runs over all functions, then throws the first failure: one function's bad input fails the run. */
async function settleAll<T>(
  ds: Deployment[],
  limit: number,
  task: (d: Deployment, i: number) => Promise<T>
): Promise<T[]> {
  const results = await mapLimit(ds, limit, task)
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  return results.map(r => (r as PromiseFulfilledResult<T>).value)
}

export function failureLine(error: unknown): string {
  if (error instanceof InputError || error instanceof DeployError || error instanceof StopError)
    return error.message
  return errorLine(error)
}
