// Answers that prove a request was not carried out: AWS checks who asks, and whether they may, before it
// does anything. A write refused so did not land, and the alias is as it was before it.
import { isExpiredToken } from './describe-error.js'

const REFUSED =
  /^(AccessDenied|ExpiredToken|UnrecognizedClient|InvalidClientTokenId|InvalidSignature|SignatureDoesNotMatch|IncompleteSignature|MissingAuthenticationToken)/

export function refusedUnapplied(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown
    $metadata?: { httpStatusCode?: number }
  }
  return (
    (typeof e.name === 'string' && REFUSED.test(e.name)) ||
    e.$metadata?.httpStatusCode === 403 ||
    isExpiredToken(error)
  )
}
