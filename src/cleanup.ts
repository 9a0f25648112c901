import * as core from '@actions/core'
import { describeRouting, sameState, snapshot, type AliasSnapshot } from './alias-state.js'
import { systemClock } from './clock.js'
import { LambdaGateway } from './lambda.js'
import { decodeRun, STATE_DONE, STATE_ENDPOINT, STATE_REGION, STATE_RUN } from './saved-state.js'
import { USER_AGENT } from './main.js'
import { errorLine } from './shift.js'

export type PostAction = 'none' | 'restore' | 'delete' | 'foreign'

/**
 * What post does with one alias, given what main saved and what the alias holds now. Pure. Only a state
 * that carries this run's version is undone; anything else is someone else's and is left alone.
 */
export function postAction(initial: AliasSnapshot | null, to: string, now: AliasSnapshot | null): PostAction {
  if (now === null) return initial === null ? 'none' : 'foreign'
  if (initial !== null && sameState(now, initial)) return 'none'
  // Ours: weight on our version, or the alias switched to it, including a split this run was clearing.
  const switchedToOurs =
    now.functionVersion === to && (initial?.functionVersion !== to || Object.keys(now.weights).length === 0)
  const carriesOurs = to !== '' && (now.weights[to] !== undefined || switchedToOurs)
  if (!carriesOurs) return 'foreign'
  return initial === null ? 'delete' : 'restore'
}

/** The post step (post-if: always()): the net for SIGKILL, crashes and timeout-minutes. */
export async function post(): Promise<void> {
  const saved = decodeRun(core.getState(STATE_RUN))
  if (!saved) {
    core.info('lambda-promote post: main changed no alias; nothing to check')
    return
  }
  if (core.getState(STATE_DONE) === 'true') {
    core.info('lambda-promote post: main finished cleanly; nothing to undo')
    return
  }
  core.warning(
    'lambda-promote post: main did not finish (killed, crashed or timed out); checking the aliases it was moving'
  )
  const clock = systemClock
  const gateway = new LambdaGateway(
    {
      region: core.getState(STATE_REGION),
      endpoint: core.getState(STATE_ENDPOINT) || null,
      clock,
      maxRequestsPerSecond: 14,
      userAgent: `${USER_AGENT} post`
    },
    { deadline: clock.now() + 60_000, maxAttempts: 12 }
  )
  const problems: string[] = []
  try {
    for (const fn of saved.functions) {
      try {
        const line = await restore(gateway, saved.alias, fn)
        core.info(line)
      } catch (error) {
        problems.push(`${fn.id}: ${errorLine(error)}`)
      }
    }
  } finally {
    gateway.destroy()
  }
  if (problems.length > 0) core.setFailed(`lambda-promote post could not restore: ${problems.join('; ')}`)
}

async function restore(
  gateway: LambdaGateway,
  alias: string,
  fn: { id: string; initial: AliasSnapshot | null; to: string }
): Promise<string> {
  const found = await gateway.getAlias(fn.id, alias)
  const now = found ? snapshot(found) : null
  const action = postAction(fn.initial, fn.to, now)
  const label = `${fn.id}:${alias}`
  switch (action) {
    case 'none':
      return `${label}: as it was before the run (${fn.initial ? describeRouting(fn.initial) : 'no alias'}); nothing to do`
    case 'foreign':
      core.warning(
        `${label}: holds ${now ? describeRouting(now) : 'nothing'}, which this run did not set; leaving it alone`
      )
      return `${label}: left alone`
    case 'delete':
      await gateway.deleteAlias(fn.id, alias)
      if (await gateway.getAlias(fn.id, alias))
        throw new Error(`alias ${alias} still exists after DeleteAlias`)
      return `${label}: deleted the alias this run had created (verified)`
    case 'restore': {
      const initial = fn.initial as AliasSnapshot
      await gateway.updateAlias(fn.id, alias, {
        functionVersion: initial.functionVersion,
        weights: initial.weights,
        description: initial.description,
        revisionId: (now as AliasSnapshot).revisionId
      })
      const after = await gateway.getAlias(fn.id, alias)
      if (!after || !sameState(snapshot(after), initial)) {
        throw new Error(`alias ${alias} does not read back as ${describeRouting(initial)} after the restore`)
      }
      return `${label}: restored from ${describeRouting(now as AliasSnapshot)} to ${describeRouting(initial)} (verified)`
    }
  }
}
