// The read phase: $LATEST, the alias and the versions involved, and the decision for each function.
// Reads only, so any failure here leaves everything as it was.
import type { FunctionConfiguration } from '../aws/api.js'
import { DeployError, InputError } from '../errors.js'
import type { FunctionRef, VersionSpec } from '../inputs/names.js'
import { decide, type Decision } from './decide.js'
import { newRollout, type FunctionRollout } from './record.js'
import { noteProvisioned, refuseProvisionedConflict } from './provisioned.js'
import { currentVersion, readTogether, type ReadOptions } from './reads.js'
import { snapshot } from '../ledger/snapshot.js'

/** What the read phase found that the publish phase needs. */
export interface Inspection {
  rollout: FunctionRollout
  /** Publish from $LATEST as read: its CodeSha256, RevisionId and what a version of it must look like. */
  publish?: { codeSha256: string; revisionId: string; fingerprint: string }
  /** The alias's current version's configuration (the Role/DLQ split check). */
  current?: FunctionConfiguration
  /** The target version's configuration when it already exists. */
  target?: FunctionConfiguration
}

export async function inspect(fn: FunctionRef, o: ReadOptions): Promise<Inspection> {
  const { api } = o
  const d = newRollout(fn)
  const together = await readTogether(fn.id, o)
  const { latest, alias } = together
  if (!latest) throw new InputError('function-name', fn.id, `no such function in ${o.region}`)
  d.functionArn = (latest.FunctionArn ?? '').replace(/:\$LATEST$/, '')
  d.aliasArn = `${d.functionArn}:${o.alias}`

  d.initial = alias ? snapshot(alias) : null
  d.from = d.initial?.functionVersion ?? null
  if (d.initial?.arn) d.aliasArn = d.initial.arn
  noteProvisioned(d, together.provisioned)

  // The version asked for is settled before the current one is read by number: its error comes first.
  const requested = o.version ? await resolveRequested(o, fn.id, o.version, together.requested ?? null) : null
  const current = await currentVersion(fn.id, o, together)
  const pendingVersion = d.initial ? Object.keys(d.initial.weights)[0] : undefined
  const pending =
    pendingVersion && requested === null ? await api.getFunction(fn.id, pendingVersion, o.budget) : null

  d.timeoutMs = longestTimeoutMs([latest, current, requested, pending])
  const decision = decide({
    alias: o.alias,
    publish: o.publish,
    current: d.initial,
    requested: requested?.Version ?? null,
    latestSha: latest.CodeSha256 ?? '',
    ...(current?.CodeSha256 ? { currentSha: current.CodeSha256 } : {}),
    ...(pending?.CodeSha256 ? { pendingSha: pending.CodeSha256 } : {})
  })
  const found = settle(d, decision, { latest, current, requested, pending })
  const toConfig = found.publish ? latest : found.target
  await refuseProvisionedConflict(d, o, toConfig?.SnapStart?.ApplyOn === 'PublishedVersions')
  return found
}

interface Read {
  latest: FunctionConfiguration
  current: FunctionConfiguration | undefined
  requested: FunctionConfiguration | null
  pending: FunctionConfiguration | null | undefined
}

/** Fills the record from the decision and says what the publish phase has to do. */
function settle(d: FunctionRollout, decision: Decision, read: Read): Inspection {
  const { latest, current, requested, pending } = read
  const found = { rollout: d, ...(current ? { current } : {}) }
  switch (decision.kind) {
    case 'refuse':
      throw new DeployError(`${d.fn.name}: ${decision.message}`)
    case 'unchanged':
      d.unchanged = true
      d.unchangedReason = decision.reason
      d.to = decision.version
      d.codeSha256 = current?.CodeSha256 ?? requested?.CodeSha256 ?? ''
      d.status = 'unchanged'
      return { rollout: d }
    case 'promote': {
      const target = requested ?? pending ?? current
      d.to = decision.version
      d.resumeWeight = decision.resumeWeight
      d.weight = decision.resumeWeight
      d.codeSha256 = target?.CodeSha256 ?? ''
      return { ...found, ...(target ? { target } : {}) }
    }
    case 'publish':
      d.codeSha256 = latest.CodeSha256 ?? ''
      return {
        ...found,
        publish: {
          codeSha256: latest.CodeSha256 ?? '',
          revisionId: latest.RevisionId ?? '',
          fingerprint: fingerprint(latest)
        }
      }
  }
}

/** Lambda's default Timeout is 3 s: a configuration that does not say is taken to have it. */
function longestTimeoutMs(configs: readonly (FunctionConfiguration | null | undefined)[]): number {
  return 1000 * Math.max(...configs.map(c => (c ? (c.Timeout ?? 3) : 0)))
}

/** Fields that name or describe one version rather than what it runs. */
const IDENTITY = new Set([
  'FunctionArn',
  'Version',
  'RevisionId',
  'LastModified',
  'Description',
  'MasterArn',
  'SigningJobArn',
  'State',
  'StateReason',
  'StateReasonCode',
  'LastUpdateStatus',
  'LastUpdateStatusReason',
  'LastUpdateStatusReasonCode'
])

/**
 * What a version published from this $LATEST must look like: every field of the configuration but those
 * that identify a version (ARN, number, RevisionId, times, state, description), so that a setting added
 * to Lambda later is compared too. SnapStart's optimization status differs between $LATEST and a version
 * by design; only ApplyOn is compared.
 */
export function fingerprint(c: FunctionConfiguration): string {
  const kept = Object.entries(c)
    .filter(([key, value]) => !IDENTITY.has(key) && value !== undefined && !key.startsWith('$'))
    .map(([key, value]): [string, unknown] =>
      key === 'SnapStart' ? [key, (value as { ApplyOn?: string }).ApplyOn] : [key, value]
    )
  return stable(Object.fromEntries(kept))
}

/** JSON with object keys in order, so that equal configurations give equal text. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map(k => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}

async function resolveRequested(
  o: ReadOptions,
  fn: string,
  spec: VersionSpec,
  /** A number's configuration, read beside $LATEST by readTogether (null: no such version). */
  byNumber: FunctionConfiguration | null
): Promise<FunctionConfiguration> {
  if (spec.kind === 'number') {
    if (!byNumber) throw new InputError('version', spec.version, `${fn} has no version ${spec.version}`)
    return byNumber
  }
  const other = await o.api.getAlias(fn, spec.alias, o.budget)
  if (!other?.FunctionVersion) throw new InputError('version', spec.alias, `${fn} has no alias ${spec.alias}`)
  if (other.FunctionVersion === '$LATEST')
    throw new InputError(
      'version',
      spec.alias,
      `alias ${spec.alias} points at $LATEST, which cannot be promoted`
    )
  const config = await o.api.getFunction(fn, other.FunctionVersion, o.budget)
  if (!config)
    throw new InputError(
      'version',
      spec.alias,
      `alias ${spec.alias} points at v${other.FunctionVersion}, which no longer exists`
    )
  return config
}
