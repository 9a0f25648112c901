// The ownership rule main's undo and the post step share: what the ledger proves is this run's.
import { ownership, type LedgerEntry } from '../../src/ledger/ledger.js'
import { fixCommand } from '../../src/ledger/restore.js'
import type { AliasSnapshot } from '../../src/ledger/snapshot.js'

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:my-fn:live'

function alias(
  functionVersion: string,
  weights: Record<string, number> = {},
  extra: Partial<AliasSnapshot> = {}
): AliasSnapshot {
  return { arn: ARN, functionVersion, weights, description: 'prod', revisionId: 'r-initial', ...extra }
}

function entry(extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: 'my-fn',
    name: 'my-fn',
    initial: alias('41'),
    to: '42',
    confirmed: null,
    intents: [],
    foreign: null,
    ...extra
  }
}

const split = (w: number, rev: string): AliasSnapshot => alias('41', { '42': w }, { revisionId: rev })

describe('ownership', () => {
  describe('initial: the alias is as it was before the run', () => {
    it('same routing and description, whatever the RevisionId', () => {
      expect(ownership(entry({ confirmed: 'r-ours' }), alias('41', {}, { revisionId: 'r-other' }))).toBe(
        'initial'
      )
    })

    it('a split that existed before the run is back as it was', () => {
      const initial = alias('41', { '42': 0.1 })
      expect(ownership(entry({ initial }), { ...initial, revisionId: 'r-x' })).toBe('initial')
    })

    it('the run would have created the alias and there is none', () => {
      expect(ownership(entry({ initial: null }), null)).toBe('initial')
    })
  })

  describe('ours: proven by the ledger', () => {
    it('its RevisionId is the last one this run got back', () => {
      expect(ownership(entry({ confirmed: 'r-ours' }), split(0.1, 'r-ours'))).toBe('ours')
    })

    it('an answer was lost and the alias is exactly the recorded intent', () => {
      const intent = {
        state: { functionVersion: '41', weights: { '42': 0.5 }, description: 'prod' },
        guard: 'r-1'
      }
      expect(ownership(entry({ confirmed: 'r-1', intents: [intent] }), split(0.5, 'r-unknown'))).toBe('ours')
    })

    it('an alias this run created, confirmed by its RevisionId', () => {
      const created = alias('42', {}, { description: '', revisionId: 'r-created' })
      expect(ownership(entry({ initial: null, confirmed: 'r-created' }), created)).toBe('ours')
    })
  })

  describe('foreign: anything else, left alone', () => {
    it('someone set their own split over ours (weight on our version, another RevisionId)', () => {
      expect(ownership(entry({ confirmed: 'r-ours' }), split(0.5, 'r-theirs'))).toBe('foreign')
    })

    it('someone changed only the description after our write', () => {
      const theirs = alias('41', { '42': 0.1 }, { description: 'edited by hand', revisionId: 'r-theirs' })
      expect(ownership(entry({ confirmed: 'r-ours' }), theirs)).toBe('foreign')
    })

    it('someone changed only the description before any write of ours', () => {
      expect(ownership(entry(), alias('41', {}, { description: 'edited', revisionId: 'r-theirs' }))).toBe(
        'foreign'
      )
    })

    it('the alias existed and is now gone', () => {
      expect(ownership(entry({ confirmed: 'r-ours' }), null)).toBe('foreign')
    })

    it('the intent differs from what the alias holds, even by the description', () => {
      const intent = {
        state: { functionVersion: '41', weights: { '42': 0.5 }, description: 'prod' },
        guard: 'r-1'
      }
      const theirs = alias('41', { '42': 0.5 }, { description: 'theirs', revisionId: 'r-2' })
      expect(ownership(entry({ intents: [intent] }), theirs)).toBe('foreign')
    })

    it('main recorded that someone else changed it: never ours again', () => {
      expect(
        ownership(entry({ confirmed: 'r-ours', foreign: 'v41 50% + v42 50%' }), split(0.1, 'r-ours'))
      ).toBe('foreign')
    })

    it('an alias this run would have created was created by someone else', () => {
      expect(ownership(entry({ initial: null }), alias('40', {}, { revisionId: 'r-theirs' }))).toBe('foreign')
    })
  })
})

describe('fixCommand', () => {
  it('an alias this run created: delete it', () => {
    expect(fixCommand({ id: 'my-fn', initial: null }, 'live')).toBe(
      "to undo: aws lambda delete-alias --function-name 'my-fn' --name 'live'"
    )
  })

  it('an alias that pointed at one version: put it back with empty routing and its description', () => {
    expect(fixCommand({ id: 'my-fn', initial: alias('41') }, 'live')).toBe(
      "to undo: aws lambda update-alias --function-name 'my-fn' --name 'live' --function-version '41' --routing-config 'AdditionalVersionWeights={}' --description 'prod'"
    )
  })

  it('an alias that was split: restore the split, using the id as given (ARN)', () => {
    const id = 'arn:aws:lambda:us-east-1:123456789012:function:my-fn'
    expect(fixCommand({ id, initial: alias('41', { '42': 0.25 }) }, 'live')).toBe(
      `to undo: aws lambda update-alias --function-name '${id}' --name 'live' --function-version '41' --routing-config 'AdditionalVersionWeights={42=0.25}' --description 'prod'`
    )
  })

  it('quotes for the shell: $LATEST stays $LATEST, a quote in the description stays a quote', () => {
    const cmd = fixCommand(
      { id: 'my-fn', initial: alias('$LATEST', {}, { description: "it's live" }) },
      'live'
    )
    expect(cmd).toContain("--function-version '$LATEST'")
    expect(cmd).toContain(`--description 'it'\\''s live'`)
  })
})
