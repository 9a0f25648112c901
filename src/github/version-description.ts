// The default description of a published Lambda version: enough to trace the version back to the
// release or commit and the workflow run that made it, inside Lambda's 256-character limit.

export interface RunContext {
  eventName: string
  ref: string
  sha: string
  /** The release's tag on `release` events. */
  releaseTag?: string
  serverUrl: string
  repository: string
  runId: string
  /** GITHUB_RUN_ATTEMPT: a re-run keeps the run id, so the attempt tells its versions apart. */
  runAttempt?: string
  /**
   * Random per step: two steps (or matrix jobs) of one run attempt share everything else, and `published`
   * must tell the version this step's PublishVersion created from one another step created.
   */
  stepToken?: string
}

/** Lambda's limit on a version's description. */
export const LAMBDA_DESCRIPTION_MAX = 256

/** Cuts to `max` characters (UTF-16 units, as Lambda counts), ending in `…` when cut. */
export function clampDescription(text: string, max: number = LAMBDA_DESCRIPTION_MAX): string {
  if (text.length <= max) return text
  if (max <= 0) return ''
  let cut = max - 1
  // Never leave half a surrogate pair before the ellipsis.
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--
  return `${text.slice(0, cut)}…`
}

/** refs/heads/main → main, refs/tags/v1 → v1, refs/pull/12/merge → PR #12. */
function shortRef(ref: string): string {
  const pull = /^refs\/pull\/(\d+)\//.exec(ref)
  if (pull) return `PR #${pull[1]}`
  return ref.replace(/^refs\/(heads|tags)\//, '')
}

function runUrl(ctx: RunContext): string {
  if (!ctx.serverUrl || !ctx.repository || !ctx.runId) return ''
  const attempt = ctx.runAttempt && ctx.runAttempt !== '1' ? `/attempts/${ctx.runAttempt}` : ''
  return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/actions/runs/${ctx.runId}${attempt}`
}

/**
 * `release v1.2.3 (abc1234) step <token> <run URL>` on release events, else `main @ abc1234 step <token>
 * <run URL>`. When too long,
 * the tag or ref is shortened first so the sha and the run URL survive.
 */
export function defaultDescription(ctx: RunContext, max: number = LAMBDA_DESCRIPTION_MAX): string {
  const sha = ctx.sha.slice(0, 7)
  const isRelease = ctx.eventName === 'release' && !!ctx.releaseTag
  const name = isRelease ? (ctx.releaseTag ?? '') : shortRef(ctx.ref)
  const url = runUrl(ctx)
  const build = (label: string): string => {
    const head = isRelease
      ? `release ${label}${sha ? ` (${sha})` : ''}`
      : [label, sha].filter(Boolean).join(' @ ')
    return [head, ctx.stepToken ? `step ${ctx.stepToken}` : '', url].filter(Boolean).join(' ')
  }
  const full = build(name)
  if (full.length <= max) return full
  // Shorten only the tag or ref, so the short sha and the run URL stay whole; give up on that when
  // too little of the name would remain to be useful.
  const room = max - (full.length - name.length)
  if (room >= 8) return build(clampDescription(name, room))
  return clampDescription(full, max)
}
