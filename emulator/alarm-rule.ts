// Composite alarm rules: ALARM(x), OK(x), INSUFFICIENT_DATA(x) (x an alarm name or ARN, optionally in
// double quotes), TRUE, FALSE, NOT, AND, OR and parentheses. NOT binds tightest, then AND, then OR.
import type { AlarmStateValue } from './types.js'

export type Rule =
  | { kind: 'const'; value: boolean }
  | { kind: 'state'; state: AlarmStateValue; alarm: string }
  | { kind: 'not'; rule: Rule }
  | { kind: 'and' | 'or'; rules: Rule[] }

const TOKEN = /\s*(\(|\)|"(?:[^"\\]|\\.)*"|[^\s()"]+)/y
const STATES = new Set<string>(['ALARM', 'OK', 'INSUFFICIENT_DATA'])

function tokenize(text: string): string[] {
  const tokens: string[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break
    const match = TOKEN.exec(text)
    if (match === null) throw new Error(`unexpected text at position ${TOKEN.lastIndex}`)
    tokens.push(match[1]!)
  }
  return tokens
}

// Throws an Error whose message says what is wrong; the caller wraps it in a ValidationError.
export function parseRule(text: string): Rule {
  const tokens = tokenize(text)
  let at = 0
  const peek = (): string | undefined => tokens[at]
  const take = (expected?: string): string => {
    const token = tokens[at++]
    if (token === undefined) throw new Error('the rule ends too early')
    if (expected !== undefined && token !== expected)
      throw new Error(`expected "${expected}", found "${token}"`)
    return token
  }
  const primary = (): Rule => {
    const token = take()
    if (token === 'NOT') return { kind: 'not', rule: primary() }
    if (token === 'TRUE' || token === 'FALSE') return { kind: 'const', value: token === 'TRUE' }
    if (token === '(') {
      const rule = or()
      take(')')
      return rule
    }
    if (STATES.has(token)) {
      take('(')
      const raw = take()
      const alarm = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw
      take(')')
      return { kind: 'state', state: token as AlarmStateValue, alarm }
    }
    throw new Error(`unexpected "${token}"`)
  }
  const chain = (op: 'AND' | 'OR', next: () => Rule): Rule => {
    const rules = [next()]
    while (peek() === op) {
      take()
      rules.push(next())
    }
    return rules.length === 1 ? rules[0]! : { kind: op === 'AND' ? 'and' : 'or', rules }
  }
  const and = (): Rule => chain('AND', primary)
  const or = (): Rule => chain('OR', and)
  const rule = or()
  if (at < tokens.length) throw new Error(`unexpected "${tokens[at]}"`)
  return rule
}

// The alarm names or ARNs a rule refers to.
export function referencedAlarms(rule: Rule): string[] {
  switch (rule.kind) {
    case 'const':
      return []
    case 'state':
      return [rule.alarm]
    case 'not':
      return referencedAlarms(rule.rule)
    default:
      return rule.rules.flatMap(referencedAlarms)
  }
}

export function evaluateRule(rule: Rule, stateOf: (alarm: string) => AlarmStateValue | undefined): boolean {
  switch (rule.kind) {
    case 'const':
      return rule.value
    case 'state':
      return stateOf(rule.alarm) === rule.state
    case 'not':
      return !evaluateRule(rule.rule, stateOf)
    case 'and':
      return rule.rules.every(r => evaluateRule(r, stateOf))
    case 'or':
      return rule.rules.some(r => evaluateRule(r, stateOf))
  }
}
