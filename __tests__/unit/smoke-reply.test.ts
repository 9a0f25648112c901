import { contains, replyRefusal } from '../../src/aws/smoke-reply.js'

describe('replyRefusal', () => {
  it.each([
    ['{"statusCode": 500, "body": "oops"}', "the reply's statusCode is 500 (5xx: a server error)"],
    ['{"statusCode": 502}', "the reply's statusCode is 502 (5xx: a server error)"],
    ['{"statusCode": 599}', "the reply's statusCode is 599 (5xx: a server error)"]
  ])('a proxy-shaped reply %s fails', (payload, why) => {
    expect(replyRefusal(payload, null)).toBe(why)
  })

  it.each([
    '{"statusCode": 200}',
    '{"statusCode": 404}',
    '{"statusCode": "500"}',
    '[500]',
    '"ok"',
    'not json',
    ''
  ])('%j passes without an expectation', payload => {
    expect(replyRefusal(payload, null)).toBeNull()
  })

  it('the expectation is checked after the status', () => {
    const proxy = JSON.stringify({ statusCode: 200, body: JSON.stringify({ ok: true, build: 'abc' }) })
    expect(replyRefusal(proxy, '{"statusCode":200,"body":{"ok":true}}')).toBeNull()
    expect(replyRefusal(proxy, '{"body":{"ok":false}}')).toBe(
      'the reply does not contain what smoke-test-expect requires'
    )
    expect(replyRefusal('plain text', '"plain text"')).toBe(
      'the reply is not JSON, so smoke-test-expect cannot match it'
    )
  })
})

describe('contains (subset match)', () => {
  it.each([
    [{ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: null }, { a: null }, true],
    [{}, { a: null }, false],
    [[1, { x: 1, y: 2 }], [1, { x: 1 }], true],
    [[1, 2], [1], false],
    ['{"ok":true,"n":1}', { ok: true }, true],
    ['not json', { ok: true }, false],
    ['{"ok":true}', '{"ok":true}', true],
    [1, '1', false],
    [true, true, true],
    [{ a: [1] }, { a: {} }, false]
  ])('%j contains %j: %s', (actual, expected, result) => {
    expect(contains(actual, expected)).toBe(result)
  })
})
