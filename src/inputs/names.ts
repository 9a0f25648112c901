import { InputError } from '../errors.js'
import { isKnownPartition, isKnownRegion, PARTITION_LIST, partitionsOf } from './regions.js'

/** A function as the user named it, plus what its ARN form tells. */
export interface FunctionRef {
  /** What is sent as FunctionName: the name or ARN exactly as given (Lambda accepts all forms). */
  id: string
  name: string
  region?: string
  account?: string
}

const NAME = '[a-zA-Z0-9_-]{1,64}'
const FULL_ARN = new RegExp(
  `^arn:([a-z][a-z0-9-]*):lambda:([a-z0-9-]+):(\\d{12}):function:(${NAME})(?::(.+))?$`
)
const PARTIAL_ARN = new RegExp(`^(\\d{12}):function:(${NAME})(?::(.+))?$`)
const BARE = new RegExp(`^(${NAME})(?::(.+))?$`)
const NAME_FORMS =
  'expected a function name (my-fn, up to 64 letters, digits, - and _), an ARN ' +
  '(arn:aws:lambda:us-east-1:123456789012:function:my-fn) or a partial ARN (123456789012:function:my-fn), without a qualifier'

/** Parses one entry of `function-name`. A qualifier is refused: the alias is what this action moves. */
export function parseFunctionRef(value: string): FunctionRef {
  const full = FULL_ARN.exec(value)
  if (full) {
    if (full[5] !== undefined) throw new InputError('function-name', value, NAME_FORMS)
    if (!isKnownRegion(full[2] as string)) throw new InputError('function-name', value, NAME_FORMS)
    checkPartition(value, full[1] as string, full[2] as string)
    return { id: value, name: full[4] as string, region: full[2] as string, account: full[3] as string }
  }
  const partial = PARTIAL_ARN.exec(value)
  if (partial) {
    if (partial[3] !== undefined) throw new InputError('function-name', value, NAME_FORMS)
    return { id: value, name: partial[2] as string, account: partial[1] as string }
  }
  const bare = BARE.exec(value)
  if (bare && bare[2] === undefined && !value.startsWith('arn:'))
    return { id: value, name: bare[1] as string }
  throw new InputError('function-name', value, NAME_FORMS)
}

/** The ARN's partition and region, by the SDK's partition data: one it knows, and a region of it. */
function checkPartition(value: string, partition: string, region: string): void {
  if (!isKnownPartition(partition))
    throw new InputError(
      'function-name',
      value,
      `has partition ${partition}; expected one of ${PARTITION_LIST}`
    )
  if (!partitionsOf(region).includes(partition))
    throw new InputError(
      'function-name',
      value,
      `names region ${region}, which is not a region of partition ${partition}`
    )
}

/** Splits a list input on newlines and commas, dropping blanks. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item.length > 0)
}

const ALIAS = /^[a-zA-Z0-9_-]{1,128}$/

/** Lambda's alias rule: 1–128 of [a-zA-Z0-9-_], not all digits (that would read as a version). */
export function validateAliasName(input: string, value: string): string {
  if (!ALIAS.test(value) || /^\d+$/.test(value)) {
    throw new InputError(
      input,
      value,
      'expected an alias name of 1-128 letters, digits, - and _, not all digits (e.g. live)'
    )
  }
  return value
}

export type VersionSpec = { kind: 'number'; version: string } | { kind: 'alias'; alias: string }

/** `version:` is an existing version number or the name of another alias of the same function. */
export function parseVersionSpec(value: string): VersionSpec | null {
  if (value === '') return null
  if (/^\$latest$/i.test(value)) {
    throw new InputError(
      'version',
      value,
      '$LATEST cannot be promoted: an alias must point at a published version (leave version empty to publish $LATEST)'
    )
  }
  if (/^\d+$/.test(value)) {
    if (/^0\d/.test(value) || value === '0') {
      throw new InputError(
        'version',
        value,
        'expected a published version number (1, 2, ...) or an alias name'
      )
    }
    return { kind: 'number', version: value }
  }
  if (ALIAS.test(value)) return { kind: 'alias', alias: value }
  throw new InputError(
    'version',
    value,
    'expected a published version number (e.g. 41) or an alias name (e.g. staging)'
  )
}
