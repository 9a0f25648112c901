import { describeRouting, sameRouting, sameState, snapshot, type AliasSnapshot } from './alias-state.js'
import type { Clock } from './clock.js'
import type { Deployment } from './deployment.js'
import type { AliasWrite, Budget, LambdaGateway } from './lambda.js'
import { mapLimit } from './limiter.js'
import type { Routing } from './shift.js'
import { errorLine } from './shift.js'

export interface RollbackContext {
  alias: string
  gateway: LambdaGateway
  clock: Clock
  concurrency: number
  budget: Budget
  intents: Map<Deployment, Routing[]>
}

/** Whether a function's alias is back where it started, and what it holds if not. */
export interface RollbackResult {
  restored: boolean
  message: string
}

/** Restores every function this run touched; never throws, says per function what the alias holds. */
export async function rollbackAll(
  ds: Deployment[],
  ctx: RollbackContext
): Promise<Map<Deployment, RollbackResult>> {
  const touched = ds.filter(d => d.wrote)
  const results = await mapLimit(touched, ctx.concurrency, d => rollbackOne(d, ctx))
  const out = new Map<Deployment, RollbackResult>()
  touched.forEach((d, i) => {
    const r = results[i] as PromiseSettledResult<RollbackResult>
    out.set(
      d,
      r.status === 'fulfilled'
        ? r.value
        : {
            restored: false,
            message: `${d.fn.name}: rollback failed: ${errorLine(r.reason)}; ${fixCommand(d, ctx.alias)}`
          }
    )
  })
  return out
}

/**
 * SPEC §4.7: UpdateAlias to exactly the state read at the start (delete an alias this run created), guarded
 * by the RevisionId of our last write; then GetAlias to confirm. A 412 is looked at, not overridden: if
 * the alias shows a state this run wrote, our answer was lost and we go again; otherwise it is someone else's.
 */
export async function rollbackOne(d: Deployment, ctx: RollbackContext): Promise<RollbackResult> {
  const fn = d.fn.id
  const ours = ctx.intents.get(d) ?? []
  const isOurs = (now: AliasSnapshot): boolean => ours.some(r => sameRouting(now, r))
  const initial = d.initial

  // First try blind, guarded by the RevisionId of our own last write: one call fewer per function,
  // which counts when many aliases must be restored before the runner's SIGKILL.
  if (initial !== null && d.revisionId) {
    try {
      await ctx.gateway.updateAlias(fn, ctx.alias, restoreWrite(initial, d.revisionId), ctx.budget)
    } catch (error) {
      if ((error as Error).name !== 'PreconditionFailedException') throw error
    }
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const found = await ctx.gateway.getAlias(fn, ctx.alias, ctx.budget)
    const now = found ? snapshot(found) : null
    if (initial === null) {
      if (now === null)
        return { restored: true, message: `${d.fn.name}: alias ${ctx.alias} (created by this run) deleted` }
      if (!isOurs(now)) return foreign(d, ctx.alias, now)
      await ctx.gateway.deleteAlias(fn, ctx.alias, ctx.budget)
      continue
    }
    if (now === null)
      return {
        restored: false,
        message: `${d.fn.name}: alias ${ctx.alias} was deleted by someone else during the rollout; not recreating it`
      }
    if (sameState(now, initial)) {
      return {
        restored: true,
        message: `${d.fn.name}: alias ${ctx.alias} restored to ${describeRouting(initial)} and verified`
      }
    }
    if (!isOurs(now)) return foreign(d, ctx.alias, now)
    try {
      await ctx.gateway.updateAlias(fn, ctx.alias, restoreWrite(initial, now.revisionId), ctx.budget)
    } catch (error) {
      // Someone wrote between our read and our write: read again and judge afresh.
      if ((error as Error).name !== 'PreconditionFailedException') throw error
    }
  }
  const found = await ctx.gateway.getAlias(fn, ctx.alias, ctx.budget)
  return {
    restored: false,
    message: `${d.fn.name}: could not confirm the rollback; alias ${ctx.alias} holds ${found ? describeRouting(snapshot(found)) : 'nothing'}; ${fixCommand(d, ctx.alias)}`
  }
}

function restoreWrite(initial: AliasSnapshot, revisionId: string): AliasWrite {
  return {
    functionVersion: initial.functionVersion,
    weights: initial.weights,
    description: initial.description,
    revisionId
  }
}

function foreign(d: Deployment, alias: string, now: AliasSnapshot): RollbackResult {
  return {
    restored: false,
    message:
      `${d.fn.name}: alias ${alias} was changed by someone else (it holds ${describeRouting(now)}; before this run it held ` +
      `${d.initial ? describeRouting(d.initial) : 'nothing'}); not overwriting their change`
  }
}

/** The command a person runs to put the alias back by hand. */
export function fixCommand(d: Deployment, alias: string): string {
  if (!d.initial) return `to undo: aws lambda delete-alias --function-name ${d.fn.id} --name ${alias}`
  const weights = Object.entries(d.initial.weights)
    .map(([v, w]) => `${v}=${w}`)
    .join(',')
  return (
    `to undo: aws lambda update-alias --function-name ${d.fn.id} --name ${alias} --function-version ${d.initial.functionVersion} ` +
    `--routing-config 'AdditionalVersionWeights={${weights}}'`
  )
}
