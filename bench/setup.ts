// Arranging state and running the action. State goes through the real SDK (the e2e fixtures) or the
// emulator's admin shortcuts; the action always runs as dist/ under the runner-faithful harness.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../emulator/index.js'
import { createAlias, createFunction, publish, updateCode } from '../testkit/fixtures.js'
import { runAction, type RunOptions, type RunResult } from '../testkit/runner.js'

/**
 * Runs dist/ main (or `opts.entry`) against `emu`. Not the fixtures' `act`: that one lets `extra.env`
 * replace the endpoint variables instead of adding to them.
 */
export function runAgainst(
  emu: Emulator,
  inputs: Record<string, string>,
  opts: Omit<RunOptions, 'inputs'> = {}
): Promise<RunResult> {
  return runAction({
    timeoutMs: 60_000,
    ...opts,
    inputs,
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1', ...(opts.env ?? {}) }
  })
}

/**
 * A function ready to promote: `live` on v1 and different code in $LATEST. With `versions` > 1 the
 * admin shortcut adds the rest first (same code), and `live` points at the newest.
 */
export async function readyFunction(
  emu: Emulator,
  client: LambdaClient,
  name: string,
  opts: { versions?: number; changed?: boolean } = {}
): Promise<void> {
  await createFunction(client, name, 'one')
  await publish(client, name)
  const versions = opts.versions ?? 1
  if (versions > 1) emu.admin.publishVersions(name, versions - 1)
  await createAlias(client, name, 'live', String(versions))
  if (opts.changed ?? true) await updateCode(client, name, 'two')
}

/** `count` ready functions `<prefix>-000`…, set up 25 at a time (the SDK's socket pool is 50). */
export async function readyFleet(
  emu: Emulator,
  client: LambdaClient,
  prefix: string,
  count: number
): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`)
  for (let i = 0; i < names.length; i += 25)
    await Promise.all(names.slice(i, i + 25).map(name => readyFunction(emu, client, name)))
  return names
}

interface AliasView {
  FunctionVersion?: string
  Description?: string
  RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> }
}

/** The parts of an alias a rollback must restore exactly (version, routing and description), as one comparable string. */
export function aliasState(emu: Emulator, fn: string, alias = 'live'): string {
  const a = emu.admin.getAlias(fn, alias) as AliasView | undefined
  if (a === undefined) return 'missing'
  const split = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {})
  return `v${a.FunctionVersion}${split.map(([v, w]) => ` +v${v}@${w}`).join('')} "${a.Description ?? ''}"`
}

export type Ending = 'promoted' | 'rolled-back' | 'BAD'

/** promoted: on `to` with no routing; rolled back: exactly `initial`; anything else (split, lost…) is BAD. */
export function classify(
  emu: Emulator,
  fn: string,
  initial: string,
  to: string
): { ending: Ending; now: string } {
  const now = aliasState(emu, fn)
  if (now === initial) return { ending: 'rolled-back', now }
  const a = emu.admin.getAlias(fn, 'live') as AliasView | undefined
  const split = Object.keys(a?.RoutingConfig?.AdditionalVersionWeights ?? {}).length > 0
  if (a?.FunctionVersion === to && !split) return { ending: 'promoted', now }
  return { ending: 'BAD', now }
}

export interface ResultEntry {
  function: string
  status: string
}

/** The `result` output: one entry per function. */
export function resultEntries(r: RunResult): ResultEntry[] {
  try {
    return JSON.parse(r.outputs.result ?? '[]') as ResultEntry[]
  } catch {
    return []
  }
}

/** The `::error::` lines the action printed, for explaining a failed row. */
export const errorsOf = (r: RunResult): string[] =>
  r.commands.filter(c => c.command === 'error').map(c => c.message)
