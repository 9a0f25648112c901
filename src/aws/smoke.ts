import type { InvokeResult, LambdaApi } from './api.js'

export interface SmokeResult {
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
  signal?: AbortSignal
): Promise<SmokeResult> {
  let reply: InvokeResult
  try {
    reply = await api.invoke(fn, version, payload, signal)
  } catch (error) {
    return { ok: false, detail: `invoke failed: ${(error as Error).name}: ${(error as Error).message}` }
  }
  return judgeReply(reply, version)
}

/** Pure: what a reply says about the version. */
export function judgeReply(reply: InvokeResult, version: string): SmokeResult {
  if (reply.statusCode < 200 || reply.statusCode > 299) {
    return { ok: false, detail: `invoke answered HTTP ${reply.statusCode}` }
  }
  if (reply.executedVersion !== undefined && reply.executedVersion !== version) {
    return { ok: false, detail: `invoke ran v${reply.executedVersion}, not v${version}` }
  }
  if (reply.functionError) {
    let message = reply.payload
    try {
      const body = JSON.parse(reply.payload) as { errorType?: string; errorMessage?: string }
      if (body.errorType || body.errorMessage)
        message = `${body.errorType ?? 'Error'}: ${body.errorMessage ?? ''}`
    } catch {
      // not JSON: show the raw reply
    }
    return { ok: false, detail: `function error (${reply.functionError}): ${message.slice(0, 300)}` }
  }
  return { ok: true, detail: `v${version} answered ${reply.statusCode}: ${reply.payload.slice(0, 120)}` }
}
