// Reading fields of a parsed Lambda request body. A JSON type mismatch is what Lambda reports as
// InvalidRequestContentException (its JSON binder fails); a model constraint (length, range, pattern)
// is the unmodeled ValidationException.
import { invalidRequestContent, validation } from './errors.js'

export type Body = Record<string, unknown>

export function asBody(value: unknown): Body {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidRequestContent('Could not parse request body into json: expected a JSON object')
  }
  return value as Body
}

const typeError = (field: string, type: string): Error =>
  invalidRequestContent(`Could not parse request body into json: field '${field}' must be ${type}`)

export interface StringRule {
  min?: number
  max?: number
  pattern?: RegExp
  patternText?: string
}

export function optString(body: Body, key: string, rule: StringRule = {}): string | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw typeError(key, 'a string')
  const field = key[0]?.toLowerCase() + key.slice(1)
  if (rule.min !== undefined && value.length < rule.min) {
    throw validation(value, field, `Member must have length greater than or equal to ${rule.min}`)
  }
  if (rule.max !== undefined && value.length > rule.max) {
    throw validation(value, field, `Member must have length less than or equal to ${rule.max}`)
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    throw validation(
      value,
      field,
      `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`
    )
  }
  return value
}

export function reqString(body: Body, key: string, rule: StringRule = {}): string {
  const value = optString(body, key, rule)
  if (value === undefined) {
    const field = key[0]?.toLowerCase() + key.slice(1)
    throw validation('null', field, 'Member must not be null')
  }
  return value
}

export function optInt(body: Body, key: string, min: number, max: number): number | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(key, 'an integer')
  const field = key[0]?.toLowerCase() + key.slice(1)
  if (value < min) throw validation(value, field, `Member must have value greater than or equal to ${min}`)
  if (value > max) throw validation(value, field, `Member must have value less than or equal to ${max}`)
  return value
}

export function optBool(body: Body, key: string): boolean | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw typeError(key, 'a boolean')
  return value
}

export function optObject(body: Body, key: string): Body | undefined {
  const value = body[key]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value)) throw typeError(key, 'an object')
  return value as Body
}

export const description = (body: Body): string | undefined => optString(body, 'Description', { max: 256 })

export const ROLE = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/

export function environment(body: Body): { Variables: Record<string, string> } | undefined {
  const env = optObject(body, 'Environment')
  if (env === undefined) return undefined
  const vars = optObject(env, 'Variables') ?? {}
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(vars)) {
    if (typeof v !== 'string') throw typeError(`Environment.Variables.${k}`, 'a string')
    out[k] = v
  }
  return { Variables: out }
}

export function deadLetterConfig(body: Body): { TargetArn?: string } | undefined {
  const dlc = optObject(body, 'DeadLetterConfig')
  if (dlc === undefined) return undefined
  const target = optString(dlc, 'TargetArn')
  return target === undefined ? {} : { TargetArn: target }
}
