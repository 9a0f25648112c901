import { DeployError, errorLine } from '../errors.js'
import { logSafe } from '../untrusted.js'
import type { InvokeResult, LambdaApi } from './api.js'
import { replyRefusal } from './smoke-reply.js'

interface SmokeResult {
  ok: boolean
  /** One line for the log; the function's error type and message when it failed. */
  detail: string
}

/** Invokes the new version by number (no alias, so no user traffic) and judges the reply. */
export async function smokeTest(
  api: LambdaApi,
  fn: string,
  version: string,
  payload: string,
  signal?: AbortSignal,
  expect: string | null = null
): Promise<SmokeResult> {
  let reply: InvokeResult
  try {
    reply = await api.invoke(fn, version, payload, signal)
  } catch (error) {
    // A timeout or a cancel cut the invoke short: say that, not that the version failed its smoke test.
    if (signal?.aborted)
      throw new DeployError(
        `${String(signal.reason)} during the smoke test of ${fn} v${version}, before it answered; no traffic was moved`
      )
    return { ok: false, detail: `invoke failed: ${errorLine(error)}` }
  }
  return judgeReply(reply, version, expect)
}

/** Pure: what a reply says about the version. */
function judgeReply(reply: InvokeResult, version: string, expect: string | null): SmokeResult {
  if (reply.statusCode < 200 || reply.statusCode > 299) {
    return { ok: false, detail: `invoke answered HTTP ${reply.statusCode}` }
  }
  if (reply.executedVersion !== undefined && reply.executedVersion !== version) {
    return { ok: false, detail: `invoke ran v${reply.executedVersion}, not v${version}` }
  }
  // The reply is the function's text: it may carry secrets or workflow commands, so it is never printed
  // on success, and on failure only the error type and a bounded, neutralised message are.
  if (reply.functionError) {
    let message = 'the reply is not JSON'
    try {
      const body = JSON.parse(reply.payload) as { errorType?: unknown; errorMessage?: unknown }
      message = `${String(body.errorType ?? 'Error')}: ${String(body.errorMessage ?? '')}`
    } catch {
      // not JSON: say so rather than print it
    }
    return {
      ok: false,
      detail: `function error (${logSafe(reply.functionError, 40)}): ${logSafe(message, 200)}`
    }
  }
  const refusal = replyRefusal(reply.payload, expect)
  if (refusal) return { ok: false, detail: refusal }
  const size = new TextEncoder().encode(reply.payload).length
  return {
    ok: true,
    detail: `v${version} answered ${reply.statusCode} (executed v${reply.executedVersion ?? version}, ${size} bytes)`
  }
}
