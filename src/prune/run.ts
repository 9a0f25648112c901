// keep-versions at the edge: after a run that promoted (or found nothing to do), read what each function's
// versions are used by, decide (prune/decide.ts), delete the rest one by one, and check the account's code
// storage. Never throws and never fails the run: what it cannot do is a warning, and in doubt nothing is
// deleted.
import { mapLimit } from '../concurrency.js'
import { errorLine } from '../errors.js'
import type { Log } from '../log.js'
import type { PruneApi } from './api.js'
import { decidePrune, type PruneDecision, type PruneFacts, type PublishedVersion } from './decide.js'
import type { FinishedFunction, FinishedRun, FunctionPruning, PruneReport } from './report.js'
import { formatBytes, keptLine, STORAGE_WARNING } from './words.js'

export interface PruneDeps {
  api: PruneApi
  log: Log
  concurrency: number
  signal?: AbortSignal
}

const PRUNABLE = ['promoted', 'unchanged', 'dry-run']

const numeric = (v: string | null | undefined): string | null => (v && /^\d+$/.test(v) ? v : null)

export async function pruneVersions(
  outcome: FinishedRun,
  keep: number,
  deps: PruneDeps
): Promise<PruneReport> {
  const report: PruneReport = { keep, dryRun: outcome.status === 'dry-run', functions: [] }
  if (!PRUNABLE.includes(outcome.status)) {
    report.notRun = `the run ended ${outcome.status}`
    deps.log.info(`keep-versions: nothing deleted: ${report.notRun}`)
    return report
  }
  const targets = outcome.deployments.filter(d => PRUNABLE.includes(d.status))
  const results = await mapLimit(targets, deps.concurrency, d => pruneOne(d, report, deps))
  for (const r of results) if (r.status === 'fulfilled') report.functions.push(r.value)
  try {
    report.storage = await deps.api.codeStorage()
    const { usedBytes, limitBytes } = report.storage
    if (limitBytes > 0 && usedBytes > STORAGE_WARNING * limitBytes)
      deps.log.warning(
        `code storage: ${formatBytes(usedBytes)} of the account's ${formatBytes(limitBytes)} used (${Math.round((usedBytes / limitBytes) * 100)}%); delete unused versions or raise the quota before publishing fails`
      )
  } catch (error) {
    deps.log.warning(`keep-versions: could not read the account's code storage: ${errorLine(error)}`)
  }
  return report
}

async function readFacts(d: FinishedFunction, keep: number, api: PruneApi): Promise<PruneFacts> {
  const [versions, aliases, provisioned, eventSources] = await Promise.all([
    api.listVersions(d.fn.id),
    api.listAliases(d.fn.id),
    api.listProvisioned(d.fn.id),
    api.listEventSources(d.fn.id)
  ])
  return {
    versions,
    keep,
    aliases,
    rollbackTarget: d.status === 'promoted' ? numeric(d.from) : null,
    current: numeric(d.to),
    provisioned,
    eventSources
  }
}

async function pruneOne(d: FinishedFunction, report: PruneReport, deps: PruneDeps): Promise<FunctionPruning> {
  const name = d.fn.name
  const result: FunctionPruning = { name, deleted: [], kept: [], skipped: [], reclaimedBytes: 0 }
  let decision: PruneDecision | undefined
  try {
    decision = decidePrune(await readFacts(d, report.keep, deps.api))
  } catch (error) {
    result.notDeleted = `could not read what its versions are used by: ${errorLine(error)}`
  }
  if (decision && 'doubt' in decision) result.notDeleted = decision.doubt
  if (!decision || 'doubt' in decision) {
    deps.log.warning(`${name}: keep-versions: nothing deleted: ${result.notDeleted ?? ''}`)
    return result
  }
  result.kept = decision.kept
  for (const k of decision.kept) deps.log.info(`${name}: ${keptLine(k)}`)
  if (report.dryRun) {
    result.deleted = decision.remove
    result.reclaimedBytes = decision.reclaimBytes
    deps.log.info(`${name}: dry run: would delete ${versionList(decision.remove)}`)
    return result
  }
  for (const v of decision.remove) {
    if (deps.signal?.aborted) {
      result.skipped.push({ version: v.version, reason: 'the run was cancelled' })
      continue
    }
    try {
      await deps.api.deleteVersion(d.fn.id, v.version)
      result.deleted.push(v)
      result.reclaimedBytes += v.codeSize
      deps.log.info(`${name}: deleted v${v.version} (${formatBytes(v.codeSize)})`)
    } catch (error) {
      // In use after all (409), denied, or gone wrong: this version stays, the others are still tried.
      const reason = errorLine(error)
      result.skipped.push({ version: v.version, reason })
      deps.log.warning(`${name}: v${v.version} not deleted: ${reason}`)
    }
  }
  deps.log.info(
    `${name}: deleted ${versionList(result.deleted)}, reclaimed ${formatBytes(result.reclaimedBytes)}`
  )
  return result
}

const versionList = (vs: readonly PublishedVersion[]): string =>
  vs.length === 0 ? 'no version' : vs.map(v => `v${v.version}`).join(', ')

/** The main step's entry: pruning in its own log group, after the outcome is final. */
export async function pruneAfterRun(
  outcome: FinishedRun,
  keep: number,
  deps: PruneDeps
): Promise<PruneReport> {
  return deps.log.group(`Pruning versions (keep-versions: ${keep})`, async () => {
    try {
      return await pruneVersions(outcome, keep, deps)
    } catch (error) {
      // A bug here must not turn a promotion into a failure.
      deps.log.warning(`keep-versions: stopped: ${errorLine(error)}`)
      return {
        keep,
        dryRun: outcome.status === 'dry-run',
        functions: [],
        notRun: 'pruning stopped on an error'
      }
    }
  })
}
