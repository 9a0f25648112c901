import fc from 'fast-check'
import {
  describeRouting,
  pendingSplit,
  weightPercent,
  sameRouting,
  sameState,
  snapshot,
  type AliasSnapshot
} from '../../src/ledger/snapshot.js'

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:my-fn:live'

function alias(
  functionVersion: string,
  weights: Record<string, number> = {},
  extra: Partial<AliasSnapshot> = {}
): AliasSnapshot {
  return { arn: ARN, functionVersion, weights, description: '', revisionId: 'r1', ...extra }
}

describe('snapshot', () => {
  it('keeps what a rollback must restore', () => {
    expect(
      snapshot({
        AliasArn: ARN,
        Name: 'live',
        FunctionVersion: '41',
        RoutingConfig: { AdditionalVersionWeights: { '42': 0.1 } },
        Description: 'prod',
        RevisionId: 'abc'
      })
    ).toEqual({
      arn: ARN,
      functionVersion: '41',
      weights: { '42': 0.1 },
      description: 'prod',
      revisionId: 'abc'
    })
  })

  it('fills what is missing with empty values', () => {
    expect(snapshot({})).toEqual({
      arn: '',
      functionVersion: '',
      weights: {},
      description: '',
      revisionId: ''
    })
    expect(snapshot({ FunctionVersion: '3', RoutingConfig: {} }).weights).toEqual({})
  })

  it('copies the weights: a later change to the SDK object does not alter the snapshot', () => {
    const weights: Record<string, number> = { '42': 0.1 }
    const snap = snapshot({ FunctionVersion: '41', RoutingConfig: { AdditionalVersionWeights: weights } })
    weights['42'] = 0.9
    weights['43'] = 0.05
    expect(snap.weights).toEqual({ '42': 0.1 })
  })
})

describe('pendingSplit', () => {
  it('none without weights', () => {
    expect(pendingSplit({ weights: {} })).toBeNull()
  })

  it('the extra version and its weight', () => {
    expect(pendingSplit({ weights: { '42': 0.25 } })).toEqual({ version: '42', weight: 0.25 })
  })
})

describe('sameRouting / sameState', () => {
  it('ignores the ARN and RevisionId', () => {
    const a = alias('41', { '42': 0.1 })
    const b = alias('41', { '42': 0.1 }, { arn: 'other', revisionId: 'r2' })
    expect(sameRouting(a, b)).toBe(true)
    expect(sameState(a, b)).toBe(true)
  })

  it.each([
    ['primary version', alias('41'), alias('42')],
    ['a split vs none', alias('41', { '42': 0.1 }), alias('41')],
    ['none vs a split', alias('41'), alias('41', { '42': 0.1 })],
    ['the weight', alias('41', { '42': 0.1 }), alias('41', { '42': 0.2 })],
    ['the split version', alias('41', { '42': 0.1 }), alias('41', { '43': 0.1 })]
  ])('differs by %s', (_label, a, b) => {
    expect(sameRouting(a, b)).toBe(false)
    expect(sameRouting(b, a)).toBe(false)
    expect(sameState(a, b)).toBe(false)
  })

  it('a different description is the same routing but not the same state', () => {
    const a = alias('41', {}, { description: 'before' })
    const b = alias('41', {}, { description: 'after' })
    expect(sameRouting(a, b)).toBe(true)
    expect(sameState(a, b)).toBe(false)
  })

  it('no weights on both sides is the same', () => {
    expect(sameRouting({ functionVersion: '1', weights: {} }, { functionVersion: '1', weights: {} })).toBe(
      true
    )
  })
})

describe('percent', () => {
  it.each([
    [0.1, '10%'],
    [0.1 + 0.2, '30%'],
    [0.3, '30%'],
    [0.7, '70%'],
    [1 - 0.3, '70%'],
    [1 - 0.07, '93%'],
    [0.07, '7%'],
    [0.025, '2.5%'],
    [0.0005, '0.05%'],
    [0.1234, '12.34%'],
    [0.9999, '99.99%'],
    [0.57, '57%'],
    [0.29, '29%'],
    [0, '0%'],
    [1, '100%']
  ])('%p → %s', (weight, expected) => {
    expect(weightPercent(weight)).toBe(expected)
  })

  it('every weight of hundredths of a percent prints as a short decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), h => {
        const weight = h / 10_000
        expect(weightPercent(weight)).toBe(`${h / 100}%`)
        // The remainder shown for the primary version has no float noise either.
        expect(weightPercent(1 - weight)).toBe(`${(10_000 - h) / 100}%`)
      })
    )
  })
})

describe('describeRouting', () => {
  it.each([
    [{ functionVersion: '41', weights: {} }, 'v41'],
    [{ functionVersion: '41', weights: { '42': 0.1 } }, 'v41 90% + v42 10%'],
    [{ functionVersion: '41', weights: { '42': 0.1 + 0.2 } }, 'v41 70% + v42 30%'],
    [{ functionVersion: '1', weights: { '2': 0.07 } }, 'v1 93% + v2 7%'],
    [{ functionVersion: '1', weights: { '2': 0.025 } }, 'v1 97.5% + v2 2.5%'],
    [{ functionVersion: '9', weights: { '10': 0.5 } }, 'v9 50% + v10 50%']
  ])('%j → %s', (routing, expected) => {
    expect(describeRouting(routing)).toBe(expected)
  })
})
