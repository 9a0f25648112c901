// The rollout engine: read → publish and smoke-test → gate → shift → finish or undo. Each phase is a
// function that returns what it found; the run ledger is written ahead of every alias write.
import type { AlarmSource, AlarmState, Budget, LambdaApi, MetricsSource } from '../aws/api.js'
import { rolloutBudget } from '../aws/budgets.js'
import { mapLimit } from '../concurrency.js'
import { smokeTest } from '../aws/smoke.js'
import type { Clock } from '../clock.js'
import { DeployError, failureLine, StopError, stopIfAborted } from '../errors.js'
import { formatElapsed } from '../inputs/duration.js'
import type { Config } from '../inputs/config.js'
import type { Log } from '../log.js'
import { short } from './decide.js'
import { analysisContext, canReadMetrics } from './analysis.js'
import { inspect, type Inspection } from './inspect.js'
import type { StateStore } from '../ledger/hand-off.js'
import { Ledger, type LedgerHead } from '../ledger/ledger.js'
import { planLines } from './plan-lines.js'
import { snapStartNote } from './provisioned.js'
import { preflight } from './preflight.js'
import { publishAndSettle } from './publish.js'
import { movesAllAtOnce, openOutcome, type FunctionRollout, type Outcome, type Status } from './record.js'
import { shift, type ShiftContext } from './shift.js'
import { describeRouting, weightPercent } from '../ledger/snapshot.js'
import { undo } from './undo.js'

export interface EngineDeps {
  api: LambdaApi
  alarms: AlarmSource
  clock: Clock
  log: Log
  /** Where the run ledger is kept: the step state, which the post step reads. */
  store: StateStore
  /** Aborted on cancellation or timeout; aborts calls in flight too. */
  signal: AbortSignal
  deadline: number
  description: string
  /** Called once the target versions are known and Active, before the smoke test and any traffic. */
  onReady?: (ds: FunctionRollout[]) => Promise<void>
  /** Per-version metrics, when the run has analysis or min-invocations. */
  metrics?: MetricsSource
  /** FIPS and dual-stack as the Lambda client resolved them, saved in the ledger for the post step. */
  endpointFlags?: () => Promise<Pick<LedgerHead, 'useFipsEndpoint' | 'useDualstackEndpoint'>>
  /** When the AWS credentials expire, if they say (the SDK's cached answer: no round trip). */
  credentialsExpiry?: () => Promise<Date | undefined>
}

export type End = { status: Status; error?: string }

export async function promote(config: Config, deps: EngineDeps): Promise<Outcome> {
  const startedAt = deps.clock.now()
  const outcome = openOutcome(startedAt)
  const early = await prepare(config, deps, outcome)
  if (early) return finish(outcome, deps.clock, early)
  let flags: Pick<LedgerHead, 'useFipsEndpoint' | 'useDualstackEndpoint'> = {}
  try {
    flags = (await deps.endpointFlags?.()) ?? {}
  } catch (error) {
    return finish(outcome, deps.clock, { status: 'failed', error: failureLine(error) })
  }
  const ledger = openLedger(config, deps.store, outcome.deployments, flags)
  return finish(outcome, deps.clock, await shiftOrUndo(config, deps, outcome, ledger), ledger)
}

/**
 * Reads, publishes and gates; returns how the run ended when it ends before any alias write. The CodeDeploy
 * engine runs it too: the same decision, publishing and smoke test before CodeDeploy moves anything.
 */
export async function prepare(config: Config, deps: EngineDeps, outcome: Outcome): Promise<End | null> {
  const failed = (error: unknown): End => ({ status: 'failed', error: failureLine(error) })
  let found: Inspection[]
  try {
    found = await readPhase(config, deps, budget(deps))
    outcome.alarms = await deps.alarms.read(deps.deadline, deps.signal)
  } catch (error) {
    return failed(error)
  }
  const ds = (outcome.deployments = found.map(f => f.rollout))
  outcome.plan = planLines(config, found)
  for (const line of outcome.plan) deps.log.info(line)
  if (ds.every(d => d.unchanged)) {
    for (const d of ds) deps.log.info(`${d.fn.name}: unchanged: ${d.unchangedReason ?? ''}`)
    return { status: 'unchanged' }
  }
  const refusal = firingLine(outcome.alarms)
  if (refusal)
    return { status: 'failed', error: `refused: ${refusal} before any traffic moved; nothing was changed` }
  try {
    await preflight(config, ds, analysisContext(config, deps) !== undefined, deps)
  } catch (error) {
    return failed(error)
  }
  if (config.dryRun) return { status: 'dry-run' }
  try {
    const analysis = analysisContext(config, deps)
    if (analysis) await canReadMetrics(ds, analysis)
  } catch (error) {
    return failed(error)
  }
  try {
    await deps.log.group('Publishing and checking the new version', () =>
      publishPhase(config, deps, found, budget(deps))
    )
  } catch (error) {
    return failed(error)
  }
  if (ds.every(d => d.unchanged)) return { status: 'unchanged' }
  if (deps.signal.aborted)
    return {
      status: 'failed',
      error: `${String(deps.signal.reason)} before any traffic moved; nothing to roll back`
    }
  // Publishing and the smoke test took time, so look at the alarms again right before the first write.
  try {
    const late = firingLine(await deps.alarms.read(deps.deadline, deps.signal))
    return late
      ? { status: 'failed', error: `refused: ${late} before any traffic moved; no alias was changed` }
      : null
  } catch (error) {
    return failed(error)
  }
}

async function shiftOrUndo(config: Config, deps: EngineDeps, outcome: Outcome, ledger: Ledger): Promise<End> {
  const ds = outcome.deployments
  try {
    const shifted = await deps.log.group('Shifting traffic', () =>
      shift(ds, config.plan, shiftContext(config, deps, ledger), config.wait)
    )
    const took = formatElapsed(deps.clock.now() - outcome.startedAt)
    deps.log.info(
      shifted === 'promoted'
        ? `promoted in ${took}`
        : `left at ${weightPercent(ds.find(d => !d.unchanged)?.weight ?? 0)}: a later run finishes or rolls back (wait: false)`
    )
    return { status: shifted }
  } catch (error) {
    const stop = asStop(error, deps.signal)
    outcome.stopReason = stop.message
    const [status, line] = await undo(ds, config, { ...deps, ledger }, stop)
    return { status, error: line }
  }
}

function finish(outcome: Outcome, clock: Clock, end: End, ledger?: Ledger): Outcome {
  outcome.status = end.status
  if (end.error !== undefined) outcome.error = end.error
  outcome.endedAt = clock.now()
  for (const d of outcome.deployments)
    if (d.status === 'failed' || end.status !== 'failed') d.status = d.unchanged ? 'unchanged' : end.status
  // Final before any reporting: a summary that cannot be written must not look like an unfinished run.
  // A rollback that could not finish is left unfinished, so that post tries again with its own budget.
  const unfinished = outcome.deployments.some(d => d.restored === false && !d.foreign)
  if (ledger && !unfinished) ledger.finish(end.status)
  return outcome
}

const budget = (deps: EngineDeps): Budget => rolloutBudget(deps.deadline, deps.signal)

async function readPhase(config: Config, deps: EngineDeps, budget: Budget): Promise<Inspection[]> {
  return deps.log.group('Reading functions and aliases', async () => {
    const read = { ...config, splits: config.plan.length > 1, api: deps.api, clock: deps.clock, budget }
    const found = await settleAll(config.functions, config.concurrency, fn => inspect(fn, read))
    for (const { rollout: d } of found)
      deps.log.info(
        `${d.fn.name}:${config.alias}  ${d.initial ? describeRouting(d.initial) : '(alias missing: will be created)'}  $LATEST sha ${short(d.codeSha256)}`
      )
    return found
  })
}

async function publishPhase(
  config: Config,
  deps: EngineDeps,
  found: Inspection[],
  budget: Budget
): Promise<void> {
  const publish = { api: deps.api, clock: deps.clock, budget }
  const ds = await settleAll(found, config.concurrency, f => publishAndSettle(f, deps.description, publish))
  const active = ds.filter(d => !d.unchanged)
  if (active.length > 0) await deps.onReady?.(active)
  for (const d of active) {
    deps.log.info(
      `${d.fn.name}: v${d.to} ${d.published ? 'published' : 'exists'}, sha ${short(d.codeSha256)}, Active${snapStartNote(d)}`
    )
    if (!movesAllAtOnce(d) && config.plan.length > 1) checkSplittable(d)
  }
  if (config.smokeTestPayload === null) return
  for (const d of active) {
    const { smokeTestPayload: payload, smokeTestExpect: expect } = config
    const result = await smokeTest(deps.api, d.fn.id, d.to, payload, deps.signal, expect)
    deps.log.info(`${d.fn.name}: smoke test ${result.ok ? 'passed' : 'FAILED'}: ${result.detail}`)
    if (!result.ok)
      throw new DeployError(
        `smoke test of ${d.fn.name} v${d.to} failed: ${result.detail}; no traffic was moved`
      )
  }
}

function openLedger(
  config: Config,
  store: StateStore,
  ds: FunctionRollout[],
  flags: Pick<LedgerHead, 'useFipsEndpoint' | 'useDualstackEndpoint'>
): Ledger {
  const active = ds.filter(d => !d.unchanged)
  const ledger = new Ledger(
    store,
    {
      v: 1,
      alias: config.alias,
      region: config.region,
      endpoint: config.endpoint,
      ...flags,
      rollback: config.rollback,
      count: active.length
    },
    active.map(d => ({
      id: d.fn.id,
      name: d.fn.name,
      initial: d.initial,
      to: d.to,
      confirmed: null,
      intents: [],
      foreign: null
    }))
  )
  ledger.begin()
  return ledger
}

function shiftContext(config: Config, deps: EngineDeps, ledger: Ledger): ShiftContext {
  const analysis = analysisContext(config, deps)
  return {
    alias: config.alias,
    api: deps.api,
    clock: deps.clock,
    alarms: deps.alarms,
    log: deps.log,
    ledger,
    concurrency: config.concurrency,
    signal: deps.signal,
    budget: () => budget(deps),
    ...(analysis ? { analysis } : {})
  }
}

/** A call cut short by the cancel signal is the cancel, not a failed step. */
function asStop(error: unknown, signal: AbortSignal): StopError {
  if (error instanceof StopError && error.kind !== 'step-failed') return error
  try {
    stopIfAborted(signal)
  } catch (stop) {
    return stop as StopError
  }
  return error instanceof StopError ? error : new StopError('step-failed', failureLine(error))
}

function firingLine(alarms: AlarmState[]): string | null {
  const firing = alarms.filter(a => a.state === 'ALARM')
  return firing.length > 0 ? `alarm ${firing.map(a => a.name).join(', ')} is in ALARM` : null
}

/** Lambda refuses a split between versions with different roles or dead-letter queues: say so before any write. */
function checkSplittable(d: FunctionRollout): void {
  const differs =
    d.fromRole !== undefined && d.toRole !== undefined && d.fromRole !== d.toRole
      ? 'execution roles'
      : (d.fromDlq ?? '') !== (d.toDlq ?? '')
        ? 'dead-letter queues'
        : null
  if (differs)
    throw new DeployError(
      `${d.fn.name}: v${d.from} and v${d.to} have different ${differs}, so Lambda cannot split traffic between them; use strategy: all-at-once`
    )
}

/** Runs over all items, then throws the first failure: one function's bad input fails the run. */
async function settleAll<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>
): Promise<R[]> {
  const results = await mapLimit(items, limit, task)
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason
  return results.map(r => (r as PromiseFulfilledResult<R>).value)
}
