import { snapshot } from './alias-state.js'
import type { Clock } from './clock.js'
import { decide, short } from './decide.js'
import type { Deployment } from './deployment.js'
import { DeployError, InputError } from './errors.js'
import type { Budget, FunctionConfiguration, LambdaGateway } from './lambda.js'
import type { VersionSpec } from './names.js'

export interface PrepareOptions {
  alias: string
  version: VersionSpec | null
  publish: 'auto' | 'always'
  region: string
  gateway: LambdaGateway
  clock: Clock
  budget: Budget
}

/** What the read phase needs to remember for the publish phase. */
export interface Inspection {
  /** Publish from $LATEST with these preconditions. */
  publish?: { codeSha256: string; revisionId: string }
  current?: FunctionConfiguration
}

const POLL_MS = 500

/** Reads only: $LATEST, the alias, the versions involved; decides what this function needs. */
export async function inspect(d: Deployment, o: PrepareOptions): Promise<Inspection> {
  const { gateway } = o
  const fnLabel = d.fn.id
  const latest =
    o.version === null
      ? await waitLatestSettled(o, fnLabel)
      : await gateway.getConfiguration(fnLabel, undefined, o.budget)
  if (!latest) throw new InputError('function-name', fnLabel, `no such function in ${o.region}`)
  d.functionArn = (latest.FunctionArn ?? '').replace(/:\$LATEST$/, '')
  d.aliasArn = `${d.functionArn}:${o.alias}`

  const alias = await gateway.getAlias(fnLabel, o.alias, o.budget)
  d.initial = alias ? snapshot(alias) : null
  d.from = d.initial?.functionVersion ?? null
  d.revisionId = d.initial?.revisionId ?? null
  if (d.initial?.arn) d.aliasArn = d.initial.arn

  const requested = o.version ? await resolveRequested(o, fnLabel, o.version) : null
  const current = d.from
    ? ((await gateway.getConfiguration(fnLabel, d.from, o.budget)) ?? undefined)
    : undefined
  const pendingVersion = d.initial ? Object.keys(d.initial.weights)[0] : undefined
  const pending =
    pendingVersion && requested === null
      ? await gateway.getConfiguration(fnLabel, pendingVersion, o.budget)
      : null

  const decision = decide({
    alias: o.alias,
    publish: o.publish,
    current: d.initial,
    requested: requested?.Version ?? null,
    latestSha: latest.CodeSha256 ?? '',
    ...(current?.CodeSha256 ? { currentSha: current.CodeSha256 } : {}),
    ...(pending?.CodeSha256 ? { pendingSha: pending.CodeSha256 } : {})
  })
  switch (decision.kind) {
    case 'refuse':
      throw new DeployError(`${d.fn.name}: ${decision.message}`)
    case 'unchanged':
      d.unchanged = true
      d.unchangedReason = decision.reason
      d.to = decision.version
      d.codeSha256 = current?.CodeSha256 ?? requested?.CodeSha256 ?? ''
      d.status = 'unchanged'
      return {}
    case 'promote': {
      const target = requested ?? pending
      d.to = decision.version
      d.resumeWeight = decision.resumeWeight
      d.weight = decision.resumeWeight
      d.codeSha256 = target?.CodeSha256 ?? current?.CodeSha256 ?? ''
      noteRoles(d, current, target ?? current)
      return current ? { current } : {}
    }
    case 'publish':
      d.codeSha256 = latest.CodeSha256 ?? ''
      return {
        publish: { codeSha256: latest.CodeSha256 ?? '', revisionId: latest.RevisionId ?? '' },
        ...(current ? { current } : {})
      }
  }
}

/** Publishes when the inspection asked for it, then waits until the target version is Active. */
export async function publishAndSettle(
  d: Deployment,
  insp: Inspection,
  description: string,
  o: PrepareOptions
): Promise<void> {
  const fnLabel = d.fn.id
  if (insp.publish) {
    let published: FunctionConfiguration
    try {
      published = await o.gateway.publishVersion(fnLabel, { ...insp.publish, description }, o.budget)
    } catch (error) {
      const name = (error as Error).name
      if (name === 'PreconditionFailedException' || name === 'InvalidParameterValueException') {
        throw new DeployError(
          `${d.fn.name}: $LATEST changed while publishing (expected CodeSha256 ${short(insp.publish.codeSha256)}): ` +
            `another deploy is updating this function; nothing was promoted. Run again once it is done`
        )
      }
      throw error
    }
    d.to = published.Version ?? ''
    d.codeSha256 = published.CodeSha256 ?? d.codeSha256
    // PublishVersion answers with the newest version when nothing changed since it; ours carries our description.
    d.published = published.Description === description && d.to !== d.from
    if (d.to === d.from) {
      d.unchanged = true
      d.unchangedReason = `nothing changed since v${d.to}, which alias ${d.aliasArn.split(':').pop()} already points at`
      d.status = 'unchanged'
      return
    }
    noteRoles(d, insp.current, published)
  }
  if (d.unchanged) return
  const ready = await waitActive(o, fnLabel, d.to)
  noteRoles(d, insp.current, ready)
}

function noteRoles(d: Deployment, from?: FunctionConfiguration, to?: FunctionConfiguration): void {
  if (from?.Role) d.fromRole = from.Role
  if (to?.Role) d.toRole = to.Role
  d.fromDlq = from?.DeadLetterConfig?.TargetArn ?? ''
  d.toDlq = to?.DeadLetterConfig?.TargetArn ?? ''
}

async function resolveRequested(
  o: PrepareOptions,
  fn: string,
  spec: VersionSpec
): Promise<FunctionConfiguration> {
  if (spec.kind === 'number') {
    const config = await o.gateway.getConfiguration(fn, spec.version, o.budget)
    if (!config) throw new InputError('version', spec.version, `${fn} has no version ${spec.version}`)
    return config
  }
  const other = await o.gateway.getAlias(fn, spec.alias, o.budget)
  if (!other?.FunctionVersion) throw new InputError('version', spec.alias, `${fn} has no alias ${spec.alias}`)
  const config = await o.gateway.getConfiguration(fn, other.FunctionVersion, o.budget)
  if (!config)
    throw new InputError(
      'version',
      spec.alias,
      `alias ${spec.alias} points at v${other.FunctionVersion}, which no longer exists`
    )
  return config
}

/** SPEC §4.2: publishing while $LATEST is mid-update would publish half of it (or answer 409). */
async function waitLatestSettled(o: PrepareOptions, fn: string): Promise<FunctionConfiguration | null> {
  for (;;) {
    const latest = await o.gateway.getConfiguration(fn, undefined, o.budget)
    if (!latest || latest.LastUpdateStatus !== 'InProgress') {
      if (latest?.LastUpdateStatus === 'Failed') {
        throw new DeployError(
          `${fn}: the last update of $LATEST failed (${latest.LastUpdateStatusReason ?? 'no reason given'}); fix it before promoting`
        )
      }
      return latest
    }
    await pause(o, `${fn}: $LATEST is still being updated`)
  }
}

async function waitActive(o: PrepareOptions, fn: string, version: string): Promise<FunctionConfiguration> {
  for (;;) {
    const config = await o.gateway.getConfiguration(fn, version, o.budget)
    if (!config)
      throw new DeployError(`${fn}: version ${version} disappeared while waiting for it to become Active`)
    if (config.State === 'Active') return config
    if (config.State === 'Failed' || config.State === 'Inactive') {
      throw new DeployError(
        `${fn}: version ${version} is ${config.State} (${config.StateReason ?? 'no reason given'})`
      )
    }
    await pause(o, `${fn}: version ${version} is still ${config.State ?? 'Pending'}`)
  }
}

async function pause(o: PrepareOptions, what: string): Promise<void> {
  if (o.budget.signal?.aborted) throw new DeployError(`${what} when the run was stopped`)
  if (o.clock.now() + POLL_MS > o.budget.deadline) throw new DeployError(`${what} at the timeout`)
  await o.clock.sleep(POLL_MS, o.budget.signal)
}
