// The publish phase: PublishVersion from the $LATEST revision that was read, and nothing else, then wait
// until the target version is Active.
import type { FunctionConfiguration, LambdaApi, Budget } from '../aws/api.js'
import { isNamed } from '../aws/api.js'
import type { Clock } from '../clock.js'
import { DeployError } from '../errors.js'
import { short } from './decide.js'
import { fingerprint, type Inspection } from './inspect.js'
import { pause } from './reads.js'
import type { FunctionRollout } from './record.js'

interface PublishOptions {
  api: LambdaApi
  clock: Clock
  budget: Budget
}

/** Publishes when the inspection asked for it, then waits until the target version is Active. */
export async function publishAndSettle(
  insp: Inspection,
  description: string,
  o: PublishOptions
): Promise<FunctionRollout> {
  const d = insp.rollout
  const started = o.clock.now()
  let target = insp.target
  if (insp.publish) {
    const published = await publishAsRead(d, insp.publish, description, o)
    d.to = published.Version ?? ''
    d.codeSha256 = published.CodeSha256 ?? d.codeSha256
    // PublishVersion answers with the newest version when nothing changed since it; ours carries our description.
    d.published = published.Description === description && d.to !== d.from
    if (d.to === d.from) {
      d.unchanged = true
      d.unchangedReason = `nothing changed since v${d.to}, which alias ${d.aliasArn.split(':').pop()} already points at`
      d.status = 'unchanged'
      return d
    }
    target = published
  }
  if (d.unchanged) return d
  // An answer that already says Active needs no second look.
  const ready = target?.State === 'Active' ? target : await waitActive(o, d.fn.id, d.to)
  noteRoles(d, insp.current, ready)
  // A SnapStart version is Pending while Lambda initializes it and takes the snapshot: say how long.
  if (ready.SnapStart?.ApplyOn === 'PublishedVersions')
    d.snapStart = {
      optimizationStatus: ready.SnapStart.OptimizationStatus ?? 'Off',
      waitedMs: o.clock.now() - started
    }
  return d
}

/**
 * PublishVersion guarded by the CodeSha256 and RevisionId read. A 412 means $LATEST moved since: our own
 * publish whose answer was lost moves it too, so look again. Only when $LATEST still holds exactly what was
 * read is it published again (Lambda then answers with the version already made from it); the version
 * returned must match what was read, or nothing is promoted.
 */
async function publishAsRead(
  d: FunctionRollout,
  read: NonNullable<Inspection['publish']>,
  description: string,
  o: PublishOptions
): Promise<FunctionConfiguration> {
  const changed = (): DeployError =>
    new DeployError(
      `${d.fn.name}: $LATEST changed while publishing (it no longer holds what was read, CodeSha256 ${short(read.codeSha256)}): ` +
        `another deploy is updating this function; nothing was promoted. Run again once it is done`
    )
  let published: FunctionConfiguration
  try {
    published = await o.api.publishVersion(d.fn.id, { ...read, description }, o.budget)
  } catch (error) {
    if (!isNamed(error, 'PreconditionFailedException') && !isNamed(error, 'InvalidParameterValueException'))
      throw error
    const latest = await o.api.getFunction(d.fn.id, undefined, o.budget)
    if (!latest?.RevisionId || fingerprint(latest) !== read.fingerprint) throw changed()
    try {
      published = await o.api.publishVersion(
        d.fn.id,
        { codeSha256: read.codeSha256, revisionId: latest.RevisionId, description },
        o.budget
      )
    } catch (again) {
      if (isNamed(again, 'PreconditionFailedException') || isNamed(again, 'InvalidParameterValueException'))
        throw changed()
      throw again
    }
  }
  if (fingerprint(published) !== read.fingerprint) throw changed()
  return published
}

function noteRoles(d: FunctionRollout, from?: FunctionConfiguration, to?: FunctionConfiguration): void {
  if (from?.Role) d.fromRole = from.Role
  if (to?.Role) d.toRole = to.Role
  d.fromDlq = from?.DeadLetterConfig?.TargetArn ?? ''
  d.toDlq = to?.DeadLetterConfig?.TargetArn ?? ''
}

async function waitActive(o: PublishOptions, fn: string, version: string): Promise<FunctionConfiguration> {
  for (;;) {
    const config = await o.api.getFunction(fn, version, o.budget)
    if (!config)
      throw new DeployError(`${fn}: version ${version} disappeared while waiting for it to become Active`)
    if (config.State === 'Active') return config
    if (config.State === 'Failed' || config.State === 'Inactive') {
      throw new DeployError(
        `${fn}: version ${version} is ${config.State} (${config.StateReason ?? 'no reason given'})`
      )
    }
    const snap = config.SnapStart?.ApplyOn === 'PublishedVersions'
    const optimizing = snap
      ? ` (SnapStart OptimizationStatus ${config.SnapStart?.OptimizationStatus ?? 'Off'})`
      : ''
    await pause(o, `${fn}: version ${version} is still ${config.State ?? 'Pending'}${optimizing}`)
  }
}
