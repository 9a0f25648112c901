import { InputError } from '../../src/errors.js'
import { parseFunctionRef, parseVersionSpec, splitList, validateAliasName } from '../../src/inputs/names.js'

const NAME_FORMS =
  'expected a function name (my-fn, up to 64 letters, digits, - and _), an ARN ' +
  '(arn:aws:lambda:us-east-1:123456789012:function:my-fn) or a partial ARN (123456789012:function:my-fn), without a qualifier'
const ALIAS_ALLOWED = 'expected an alias name of 1-128 letters, digits, - and _, not all digits (e.g. live)'

function thrown(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('parseFunctionRef', () => {
  it.each([
    ['my-fn', { id: 'my-fn', name: 'my-fn' }],
    ['My_Fn-2', { id: 'My_Fn-2', name: 'My_Fn-2' }],
    ['a'.repeat(64), { id: 'a'.repeat(64), name: 'a'.repeat(64) }],
    [
      'arn:aws:lambda:us-east-1:123456789012:function:my-fn',
      {
        id: 'arn:aws:lambda:us-east-1:123456789012:function:my-fn',
        name: 'my-fn',
        region: 'us-east-1',
        account: '123456789012'
      }
    ],
    [
      'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:gov-fn',
      {
        id: 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:gov-fn',
        name: 'gov-fn',
        region: 'us-gov-west-1',
        account: '123456789012'
      }
    ],
    [
      'arn:aws-cn:lambda:cn-north-1:123456789012:function:cn-fn',
      {
        id: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:cn-fn',
        name: 'cn-fn',
        region: 'cn-north-1',
        account: '123456789012'
      }
    ],
    [
      '123456789012:function:my-fn',
      { id: '123456789012:function:my-fn', name: 'my-fn', account: '123456789012' }
    ]
  ])('accepts %s', (value, expected) => {
    expect(parseFunctionRef(value)).toEqual(expected)
  })

  it('keeps the id exactly as given (Lambda accepts every form as FunctionName)', () => {
    const arn = 'arn:aws:lambda:eu-west-1:123456789012:function:x'
    expect(parseFunctionRef(arn).id).toBe(arn)
  })

  it.each([
    ['my-fn:live', 'bare name with an alias qualifier'],
    ['my-fn:42', 'bare name with a version qualifier'],
    ['my-fn:$LATEST', 'bare name with $LATEST'],
    ['arn:aws:lambda:us-east-1:123456789012:function:my-fn:live', 'full ARN with an alias qualifier'],
    ['arn:aws:lambda:us-east-1:123456789012:function:my-fn:7', 'full ARN with a version qualifier'],
    ['123456789012:function:my-fn:live', 'partial ARN with a qualifier'],
    ['12345:function:my-fn', 'partial ARN with a short account'],
    ['1234567890123:function:my-fn', 'partial ARN with a 13-digit account'],
    ['abcdefghijkl:function:my-fn', 'partial ARN with letters for an account'],
    ['arn:aws:lambda:us-east-1:12345:function:my-fn', 'ARN with a short account'],
    ['arn:aws:lambda:useast1:123456789012:function:my-fn', 'ARN with a malformed region'],
    ['arn:aws:s3:us-east-1:123456789012:function:my-fn', 'ARN of another service'],
    ['arn:aws:lambda:us-east-1:123456789012:layer:my-layer', 'layer ARN'],
    ['arn:aws:lambda:us-east-1:123456789012:function:', 'ARN without a name'],
    ['arn:my-fn', 'arn: prefix that is no ARN'],
    ['a'.repeat(65), 'name of 65 characters'],
    ['my fn', 'name with a space'],
    ['my.fn', 'name with a dot'],
    ['my/fn', 'name with a slash']
  ])('refuses %s (%s) with one line naming the forms', value => {
    const error = thrown(() => parseFunctionRef(value))
    expect(error.input).toBe('function-name')
    expect(error.value).toBe(value)
    expect(error.message).toBe(`function-name "${value}": ${NAME_FORMS}`)
    expect(error.message).not.toContain('\n')
  })
})

describe('splitList', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a\nb', ['a', 'b']],
    [' a ,\n b \n\n, ,c\n', ['a', 'b', 'c']],
    ['a\r\nb', ['a', 'b']],
    [',,,', []]
  ])('%j → %j', (value, expected) => {
    expect(splitList(value)).toEqual(expected)
  })
})

describe('validateAliasName', () => {
  it.each(['live', 'prod-1', 'a_b', 'x', 'v41', '1a', 'a'.repeat(128), 'LIVE'])('accepts %s', value => {
    expect(validateAliasName('alias', value)).toBe(value)
  })

  it.each([
    ['123', 'all digits'],
    ['0', 'a single digit'],
    ['a'.repeat(129), '129 characters'],
    ['', 'empty'],
    ['my alias', 'a space'],
    ['my.alias', 'a dot'],
    ['$LATEST', 'a dollar sign'],
    ['live:1', 'a colon']
  ])('refuses %j (%s)', value => {
    const error = thrown(() => validateAliasName('alias', value))
    expect(error.message).toBe(`alias "${value}": ${ALIAS_ALLOWED}`)
  })

  it('names the input it was given', () => {
    expect(thrown(() => validateAliasName('version', '12 3')).message).toBe(
      `version "12 3": ${ALIAS_ALLOWED}`
    )
  })
})

describe('parseVersionSpec', () => {
  it('empty means "publish from $LATEST"', () => {
    expect(parseVersionSpec('')).toBeNull()
  })

  it.each([
    ['1', { kind: 'number', version: '1' }],
    ['41', { kind: 'number', version: '41' }],
    ['100', { kind: 'number', version: '100' }],
    ['staging', { kind: 'alias', alias: 'staging' }],
    ['v41', { kind: 'alias', alias: 'v41' }],
    ['blue_green-2', { kind: 'alias', alias: 'blue_green-2' }],
    // Lambda's alias rule allows a leading hyphen, so this is an alias name, not a negative number.
    ['-1', { kind: 'alias', alias: '-1' }]
  ])('%s → %j', (value, expected) => {
    expect(parseVersionSpec(value)).toEqual(expected)
  })

  it.each(['$LATEST', '$latest', '$Latest'])('refuses %s', value => {
    expect(() => parseVersionSpec(value)).toThrow(
      new InputError(
        'version',
        value,
        '$LATEST cannot be promoted: an alias must point at a published version (leave version empty to publish $LATEST)'
      )
    )
    expect(thrown(() => parseVersionSpec(value)).message).toBe(
      `version "${value}": $LATEST cannot be promoted: an alias must point at a published version (leave version empty to publish $LATEST)`
    )
  })

  it.each(['0', '007', '00', '01'])('refuses the number %s', value => {
    expect(thrown(() => parseVersionSpec(value)).message).toBe(
      `version "${value}": expected a published version number (1, 2, ...) or an alias name`
    )
  })

  it.each(['4.1', '+1', 'v 41', 'a'.repeat(129), 'live:1', '$LATEST2'])('refuses %j', value => {
    expect(thrown(() => parseVersionSpec(value)).message).toBe(
      `version "${value}": expected a published version number (e.g. 41) or an alias name (e.g. staging)`
    )
  })
})
