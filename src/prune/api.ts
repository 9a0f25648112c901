// The Lambda calls pruning makes, as an interface (a test hands in a fake), and their implementation over
// the gateway: every page and every delete goes through its pacing and retries.
import {
  DeleteFunctionCommand,
  GetAccountSettingsCommand,
  ListAliasesCommand,
  ListEventSourceMappingsCommand,
  ListProvisionedConcurrencyConfigsCommand,
  ListVersionsByFunctionCommand,
  type AliasConfiguration,
  type EventSourceMappingConfiguration,
  type FunctionConfiguration,
  type ProvisionedConcurrencyConfigListItem
} from '@aws-sdk/client-lambda'
import type { AliasRoute, PublishedVersion } from './decide.js'

export interface CodeStorage {
  usedBytes: number
  limitBytes: number
}

export interface PruneApi {
  listVersions(fn: string): Promise<PublishedVersion[]>
  listAliases(fn: string): Promise<AliasRoute[]>
  /** Qualifiers (version numbers or alias names) with a provisioned-concurrency configuration. */
  listProvisioned(fn: string): Promise<string[]>
  /** The qualifier each event source mapping of the function names; null for the unqualified function. */
  listEventSources(fn: string): Promise<(string | null)[]>
  deleteVersion(fn: string, version: string): Promise<void>
  codeStorage(): Promise<CodeStorage>
}

/** What the gateway offers pruning: one paced, retried control-plane call. */
export interface ControlPlane {
  controlPlane<T>(command: object): Promise<T>
}

/** The qualifier of a function ARN (`…:function:name:7` → 7), null when unqualified. */
export function qualifierOf(arn: string | undefined): string | null {
  const parts = (arn ?? '').split(':')
  return parts.length === 8 ? (parts[7] ?? null) : null
}

// 50 is Lambda's largest page for these lists.
const PAGE = 50

async function allPages<T>(page: (marker?: string) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const out: T[] = []
  let marker: string | undefined
  do {
    const { items, next } = await page(marker)
    out.push(...items)
    marker = next
  } while (marker)
  return out
}

type Send = <T>(command: object) => Promise<T>
type Page<T> = { items: T[]; next?: string }
const marker = (Marker?: string): { MaxItems: number; Marker?: string } => ({
  MaxItems: PAGE,
  ...(Marker ? { Marker } : {})
})
const next = (NextMarker?: string): { next?: string } => (NextMarker ? { next: NextMarker } : {})

async function versionsPage(send: Send, fn: string, m?: string): Promise<Page<PublishedVersion>> {
  const out = await send<{ Versions?: FunctionConfiguration[]; NextMarker?: string }>(
    new ListVersionsByFunctionCommand({ FunctionName: fn, ...marker(m) })
  )
  const items = (out.Versions ?? [])
    .filter(v => v.Version !== undefined && v.Version !== '$LATEST')
    .map(v => ({ version: v.Version as string, codeSize: v.CodeSize ?? 0 }))
  return { items, ...next(out.NextMarker) }
}

async function aliasesPage(send: Send, fn: string, m?: string): Promise<Page<AliasRoute>> {
  const out = await send<{ Aliases?: AliasConfiguration[]; NextMarker?: string }>(
    new ListAliasesCommand({ FunctionName: fn, ...marker(m) })
  )
  const items = (out.Aliases ?? []).map(a => ({
    name: a.Name ?? '',
    version: a.FunctionVersion ?? '',
    weights: { ...(a.RoutingConfig?.AdditionalVersionWeights ?? {}) }
  }))
  return { items, ...next(out.NextMarker) }
}

async function provisionedPage(send: Send, fn: string, m?: string): Promise<Page<string>> {
  const out = await send<{
    ProvisionedConcurrencyConfigs?: ProvisionedConcurrencyConfigListItem[]
    NextMarker?: string
  }>(new ListProvisionedConcurrencyConfigsCommand({ FunctionName: fn, ...marker(m) }))
  const items = (out.ProvisionedConcurrencyConfigs ?? []).map(c => qualifierOf(c.FunctionArn) ?? '$LATEST')
  return { items, ...next(out.NextMarker) }
}

async function mappingsPage(send: Send, fn: string, m?: string): Promise<Page<string | null>> {
  const out = await send<{ EventSourceMappings?: EventSourceMappingConfiguration[]; NextMarker?: string }>(
    new ListEventSourceMappingsCommand({ FunctionName: fn, ...marker(m) })
  )
  return {
    items: (out.EventSourceMappings ?? []).map(e => qualifierOf(e.FunctionArn)),
    ...next(out.NextMarker)
  }
}

export function lambdaPruneApi(gateway: ControlPlane): PruneApi {
  const send: Send = command => gateway.controlPlane(command)
  return {
    listVersions: fn => allPages(m => versionsPage(send, fn, m)),
    listAliases: fn => allPages(m => aliasesPage(send, fn, m)),
    listProvisioned: fn => allPages(m => provisionedPage(send, fn, m)),
    listEventSources: fn => allPages(m => mappingsPage(send, fn, m)),
    deleteVersion: async (fn, version) => {
      await send(new DeleteFunctionCommand({ FunctionName: fn, Qualifier: version }))
    },
    codeStorage: async () => {
      const out = await send<{
        AccountLimit?: { TotalCodeSize?: number }
        AccountUsage?: { TotalCodeSize?: number }
      }>(new GetAccountSettingsCommand({}))
      return {
        usedBytes: out.AccountUsage?.TotalCodeSize ?? 0,
        limitBytes: out.AccountLimit?.TotalCodeSize ?? 0
      }
    }
  }
}
