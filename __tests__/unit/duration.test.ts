import fc from 'fast-check'
import { formatDuration, parseDuration } from '../../src/inputs/duration.js'
import { InputError } from '../../src/errors.js'

const ALLOWED = 'expected a duration such as 500ms, 90s, 5m, 1h or 1m30s'

describe('parseDuration', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['0ms', 0],
    ['500ms', 500],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000],
    ['1h2m3s', 3_723_000],
    ['2s500ms', 2_500],
    ['1h500ms', 3_600_500],
    ['1m5ms', 60_005],
    ['1h2m3s4ms', 3_723_004],
    ['05m', 300_000],
    ['  5m ', 300_000]
  ])('%j → %d ms', (value, ms) => {
    expect(parseDuration('interval', value)).toBe(ms)
  })

  it.each([
    '',
    ' ',
    '5',
    '00',
    '-1m',
    '1.5m',
    '5 m',
    '1m 30s',
    '1m1h',
    '30s1m',
    '10x',
    '1s1s',
    '5M',
    '5S',
    '1d',
    'm',
    'ms',
    '5mss',
    '1e3ms',
    '+5m',
    '99999999999999999999h'
  ])('rejects %j with one clear line', value => {
    expect(() => parseDuration('timeout', value)).toThrow(new InputError('timeout', value, ALLOWED))
    expect(() => parseDuration('timeout', value)).toThrow(`timeout "${value}": ${ALLOWED}`)
  })

  it('names the input it was given', () => {
    expect(() => parseDuration('bake-time', '5 m')).toThrow(
      'bake-time "5 m": expected a duration such as 500ms, 90s, 5m, 1h or 1m30s'
    )
  })

  it('accepts any ordered combination of units', () => {
    const part = fc.option(fc.nat({ max: 10_000 }), { nil: undefined })
    fc.assert(
      fc.property(part, part, part, part, (h, m, s, ms) => {
        const text = [
          h === undefined ? '' : `${h}h`,
          m === undefined ? '' : `${m}m`,
          s === undefined ? '' : `${s}s`,
          ms === undefined ? '' : `${ms}ms`
        ].join('')
        fc.pre(text !== '')
        const expected = (h ?? 0) * 3_600_000 + (m ?? 0) * 60_000 + (s ?? 0) * 1_000 + (ms ?? 0)
        expect(parseDuration('interval', text)).toBe(expected)
      })
    )
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [1, '1ms'],
    [500, '500ms'],
    [1_000, '1s'],
    [90_000, '1m30s'],
    [330_000, '5m30s'],
    [3_600_000, '1h'],
    [3_723_004, '1h2m3s4ms'],
    [90_000_000, '25h'],
    [1_500.4, '1s500ms'],
    [-5, '0s']
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it('round-trips through parseDuration', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000 * 3_600_000 }), ms => {
        expect(parseDuration('interval', formatDuration(ms))).toBe(ms)
      })
    )
  })
})
