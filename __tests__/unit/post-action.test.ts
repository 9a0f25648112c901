import type { AliasSnapshot } from '../../src/alias-state.js'
import { postAction } from '../../src/cleanup.js'
import { newDeployment } from '../../src/deployment.js'
import { fixCommand } from '../../src/rollback.js'

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:my-fn:live'

function alias(
  functionVersion: string,
  weights: Record<string, number> = {},
  extra: Partial<AliasSnapshot> = {}
): AliasSnapshot {
  return { arn: ARN, functionVersion, weights, description: 'prod', revisionId: 'r-initial', ...extra }
}

/** The alias as post reads it later: a new RevisionId (and possibly ARN) whatever else changed. */
function later(
  functionVersion: string,
  weights: Record<string, number> = {},
  extra: Partial<AliasSnapshot> = {}
) {
  return alias(functionVersion, weights, { revisionId: 'r-later', ...extra })
}

describe('postAction', () => {
  describe('none: nothing of this run is left', () => {
    it('the alias is as it was before the run (RevisionId aside)', () => {
      expect(postAction(alias('41'), '42', later('41'))).toBe('none')
    })

    it('a split that existed before the run is back as it was', () => {
      expect(postAction(alias('41', { '42': 0.1 }), '42', later('41', { '42': 0.1 }))).toBe('none')
    })

    it('the run created no alias and there is none', () => {
      expect(postAction(null, '42', null)).toBe('none')
      expect(postAction(null, '', null)).toBe('none')
    })

    it('the ARN in the reading does not matter', () => {
      expect(postAction(alias('41'), '42', later('41', {}, { arn: '' }))).toBe('none')
    })
  })

  describe('delete: the alias this run created still exists', () => {
    it('pointing at our version', () => {
      expect(postAction(null, '42', later('42'))).toBe('delete')
    })

    it('splitting to our version', () => {
      expect(postAction(null, '42', later('41', { '42': 0.1 }))).toBe('delete')
    })
  })

  describe('restore: the alias still carries this run’s traffic shift', () => {
    it('split to our version', () => {
      expect(postAction(alias('41'), '42', later('41', { '42': 0.1 }))).toBe('restore')
    })

    it('switched to our version', () => {
      expect(postAction(alias('41'), '42', later('42'))).toBe('restore')
    })

    it('a resumed split moved further than where it stood', () => {
      expect(postAction(alias('41', { '42': 0.1 }), '42', later('41', { '42': 0.5 }))).toBe('restore')
      expect(postAction(alias('41', { '42': 0.1 }), '42', later('42'))).toBe('restore')
    })

    it('a manual rollback that cleared a pending split (to = the primary) before main was killed', () => {
      expect(postAction(alias('41', { '42': 0.1 }), '41', later('41'))).toBe('restore')
    })

    it('switched to our version with the description untouched or not', () => {
      expect(postAction(alias('41'), '42', later('42', {}, { description: 'other' }))).toBe('restore')
    })
  })

  describe('foreign: someone else’s state, left alone', () => {
    it('the alias existed and is now gone', () => {
      expect(postAction(alias('41'), '42', null)).toBe('foreign')
    })

    it('points at a version this run did not promote', () => {
      expect(postAction(alias('41'), '42', later('43'))).toBe('foreign')
    })

    it('splits to a version this run did not promote', () => {
      expect(postAction(alias('41'), '42', later('41', { '43': 0.2 }))).toBe('foreign')
    })

    it('only the description changed', () => {
      expect(postAction(alias('41'), '42', later('41', {}, { description: 'edited by hand' }))).toBe(
        'foreign'
      )
    })

    it('main had no target version yet (nothing published) but the alias moved', () => {
      expect(postAction(alias('41'), '', later('43'))).toBe('foreign')
      expect(postAction(null, '', later('43'))).toBe('foreign')
    })

    it('an alias this run would have created was created by someone else', () => {
      expect(postAction(null, '42', later('40'))).toBe('foreign')
    })
  })
})

describe('fixCommand', () => {
  it('an alias this run created: delete it', () => {
    const d = newDeployment({ id: 'my-fn', name: 'my-fn' })
    expect(fixCommand(d, 'live')).toBe('to undo: aws lambda delete-alias --function-name my-fn --name live')
  })

  it('an alias that pointed at one version: put it back with empty routing', () => {
    const d = { ...newDeployment({ id: 'my-fn', name: 'my-fn' }), initial: alias('41') }
    expect(fixCommand(d, 'live')).toBe(
      "to undo: aws lambda update-alias --function-name my-fn --name live --function-version 41 --routing-config 'AdditionalVersionWeights={}'"
    )
  })

  it('an alias that was split: restore the split, using the id as given (ARN)', () => {
    const id = 'arn:aws:lambda:us-east-1:123456789012:function:my-fn'
    const d = { ...newDeployment({ id, name: 'my-fn' }), initial: alias('41', { '42': 0.25 }) }
    expect(fixCommand(d, 'live')).toBe(
      `to undo: aws lambda update-alias --function-name ${id} --name live --function-version 41 --routing-config 'AdditionalVersionWeights={42=0.25}'`
    )
  })
})
