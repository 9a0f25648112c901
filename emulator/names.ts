// Function name forms Lambda accepts in the {FunctionName} path segment: `my-fn`, `my-fn:qual`,
// `ACCOUNT:function:my-fn[:qual]`, `arn:PARTITION:lambda:REGION:ACCOUNT:function:my-fn[:qual]`.
import { functionNotFound, invalidParameter, validation } from './errors.js'

export interface Place {
  region: string
  accountId: string
}

export interface FunctionRef {
  name: string // bare function name
  qualifier?: string // from the name itself (`my-fn:3`)
}

const NAME = /^[a-zA-Z0-9_-]+$/
const QUALIFIER = /^(\$LATEST|[a-zA-Z0-9_-]+)$/
const ACCOUNT = /^\d{12}$/
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/
const PATTERN =
  'Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?'

export function parseFunctionName(raw: string, place: Place): FunctionRef {
  if (raw.length < 1)
    throw validation(raw, 'functionName', 'Member must have length greater than or equal to 1')
  const parts = raw.split(':')
  let name: string | undefined
  let qualifier: string | undefined
  let region: string | undefined
  let account: string | undefined
  if (parts[0] === 'arn') {
    // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
    if ((parts.length !== 7 && parts.length !== 8) || parts[2] !== 'lambda' || parts[5] !== 'function') {
      throw validation(raw, 'functionName', PATTERN)
    }
    if (!/^aws[a-zA-Z-]*$/.test(parts[1] ?? '')) throw validation(raw, 'functionName', PATTERN)
    ;[region, account, name, qualifier] = [parts[3], parts[4], parts[6], parts[7]]
    if (!REGION.test(region ?? '')) throw validation(raw, 'functionName', PATTERN)
  } else if (parts.length >= 3 && parts[1] === 'function') {
    if (parts.length > 4) throw validation(raw, 'functionName', PATTERN)
    ;[account, name, qualifier] = [parts[0], parts[2], parts[3]]
  } else {
    if (parts.length > 2) throw validation(raw, 'functionName', PATTERN)
    ;[name, qualifier] = [parts[0], parts[1]]
  }
  if (account !== undefined && !ACCOUNT.test(account)) throw validation(raw, 'functionName', PATTERN)
  if (name === undefined || !NAME.test(name)) throw validation(raw, 'functionName', PATTERN)
  if (qualifier !== undefined && !QUALIFIER.test(qualifier)) throw validation(raw, 'functionName', PATTERN)
  const max = qualifier === undefined ? 140 : 170
  if (raw.length > max) {
    throw validation(raw, 'functionName', `Member must have length less than or equal to ${max}`)
  }
  if (name.length > 64) {
    throw invalidParameter(`Function name must be 64 characters or fewer: ${name}`)
  }
  // [I] An ARN of another region or account does not name a function of this emulator.
  if (
    (region !== undefined && region !== place.region) ||
    (account !== undefined && account !== place.accountId)
  ) {
    throw functionNotFound(raw)
  }
  return qualifier === undefined ? { name } : { name, qualifier }
}

export function checkQualifier(value: string, field = 'qualifier'): string {
  if (value.length > 128) throw validation(value, field, 'Member must have length less than or equal to 128')
  if (!QUALIFIER.test(value)) {
    throw validation(value, field, 'Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)')
  }
  return value
}

export function functionArn(place: Place, name: string, qualifier?: string): string {
  const base = `arn:aws:lambda:${place.region}:${place.accountId}:function:${name}`
  return qualifier === undefined ? base : `${base}:${qualifier}`
}
