import type { AliasSnapshot } from '../../src/ledger/snapshot.js'
import { decide, short, type DecisionInput } from '../../src/rollout/decide.js'

const SHA_A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa='
const SHA_B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb='

function alias(functionVersion: string, weights: Record<string, number> = {}): AliasSnapshot {
  return {
    arn: 'arn:aws:lambda:us-east-1:123456789012:function:my-fn:live',
    functionVersion,
    weights,
    description: '',
    revisionId: 'rev-1'
  }
}

function input(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    alias: 'live',
    publish: 'auto',
    current: alias('41'),
    requested: null,
    latestSha: SHA_A,
    currentSha: SHA_A,
    ...overrides
  }
}

describe('decide: publishing from $LATEST (no version input)', () => {
  it('no alias yet → publish (a first deploy)', () => {
    expect(decide(input({ current: null, currentSha: undefined }))).toEqual({ kind: 'publish' })
    expect(decide(input({ current: null, publish: 'always' }))).toEqual({ kind: 'publish' })
  })

  it('same CodeSha256 with publish: auto → unchanged, naming the version and the sha', () => {
    const decision = decide(input())
    expect(decision).toEqual({
      kind: 'unchanged',
      version: '41',
      reason: `$LATEST has the same code as v41 (CodeSha256 ${SHA_A.slice(0, 8)}…); publish: always publishes a configuration-only change`
    })
  })

  it('same CodeSha256 with publish: always → publish', () => {
    expect(decide(input({ publish: 'always' }))).toEqual({ kind: 'publish' })
  })

  it('different CodeSha256 → publish', () => {
    expect(decide(input({ latestSha: SHA_B }))).toEqual({ kind: 'publish' })
    expect(decide(input({ latestSha: SHA_B, publish: 'always' }))).toEqual({ kind: 'publish' })
  })

  it('unknown sha of the current version → publish (never "unchanged" on a guess)', () => {
    expect(decide(input({ currentSha: undefined }))).toEqual({ kind: 'publish' })
  })

  it('a pending split whose version has $LATEST’s code → resume it at its weight', () => {
    const decision = decide(
      input({ current: alias('41', { '42': 0.3 }), latestSha: SHA_B, currentSha: SHA_A, pendingSha: SHA_B })
    )
    expect(decision).toEqual({ kind: 'promote', version: '42', resumeWeight: 0.3 })
  })

  it('a pending split is resumed even with publish: always (no second version is published)', () => {
    const decision = decide(
      input({ publish: 'always', current: alias('41', { '42': 0.1 }), latestSha: SHA_B, pendingSha: SHA_B })
    )
    expect(decision).toEqual({ kind: 'promote', version: '42', resumeWeight: 0.1 })
  })

  it('a pending split with other code → refuse, naming both versions and the way out', () => {
    const decision = decide(
      input({ current: alias('41', { '42': 0.1 }), latestSha: SHA_B, currentSha: SHA_A, pendingSha: SHA_A })
    )
    expect(decision).toEqual({
      kind: 'refuse',
      message:
        'alias live is split (v41 90% + v42 10%): an earlier rollout of v42 is unfinished, so a new version from ' +
        '$LATEST is not promoted. Finish it with version: 42, or undo it with version: 41 and strategy: ' +
        'all-at-once, then run again'
    })
  })

  it('a pending split whose sha is unknown → refuse', () => {
    const decision = decide(input({ current: alias('41', { '42': 0.1 }), pendingSha: undefined }))
    expect(decision.kind).toBe('refuse')
  })

  it('the refusal is one line with no float noise in the weights', () => {
    const decision = decide(input({ current: alias('7', { '8': 0.1 + 0.2 }), pendingSha: SHA_B }))
    expect(decision.kind).toBe('refuse')
    const message = (decision as { message: string }).message
    expect(message).toContain('(v7 70% + v8 30%)')
    expect(message).not.toMatch(/\n|0000/)
  })
})

describe('decide: version input', () => {
  it('no alias yet → promote the version from 0', () => {
    expect(decide(input({ current: null, requested: '5' }))).toEqual({
      kind: 'promote',
      version: '5',
      resumeWeight: 0
    })
  })

  it('another version, no split → promote it from 0 (sha does not matter)', () => {
    expect(decide(input({ requested: '40' }))).toEqual({ kind: 'promote', version: '40', resumeWeight: 0 })
    expect(decide(input({ requested: '43', latestSha: SHA_B }))).toEqual({
      kind: 'promote',
      version: '43',
      resumeWeight: 0
    })
  })

  it('the version a split is moving to → resume with its weight', () => {
    expect(decide(input({ current: alias('41', { '42': 0.25 }), requested: '42' }))).toEqual({
      kind: 'promote',
      version: '42',
      resumeWeight: 0.25
    })
  })

  it('the primary while a split is pending → promote it with weight 0: clears the split (manual rollback)', () => {
    expect(decide(input({ current: alias('41', { '42': 0.25 }), requested: '41' }))).toEqual({
      kind: 'promote',
      version: '41',
      resumeWeight: 0
    })
  })

  it('the primary with no split → unchanged', () => {
    expect(decide(input({ requested: '41', latestSha: SHA_B }))).toEqual({
      kind: 'unchanged',
      version: '41',
      reason: 'alias live already points at v41'
    })
  })

  it('the primary with no split → unchanged even with publish: always', () => {
    expect(decide(input({ requested: '41', publish: 'always' })).kind).toBe('unchanged')
  })

  it('another version while a split is pending → refuse, naming all three and the way out', () => {
    expect(decide(input({ current: alias('41', { '42': 0.1 }), requested: '43' }))).toEqual({
      kind: 'refuse',
      message:
        'alias live is split (v41 90% + v42 10%): an earlier rollout of v42 is unfinished, so v43 is not promoted. ' +
        'Finish it with version: 42, or undo it with version: 41 and strategy: all-at-once, then run again'
    })
  })
})

describe('short', () => {
  it.each([
    ['', ''],
    ['abcdefgh', 'abcdefgh'],
    ['abcdefghi', 'abcdefgh…'],
    [SHA_A, 'aaaaaaaa…']
  ])('%j → %j', (sha, expected) => {
    expect(short(sha)).toBe(expected)
  })
})
