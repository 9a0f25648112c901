// keep-versions: the pure decision (which versions go, why each other one stays), and the edge with a
// fake PruneApi: a read that fails (a 403, as a denied ListEventSourceMappings answers) deletes nothing,
// a refused delete is skipped with one warning, and only a run that promoted or changed nothing prunes.
import { describe, expect, test } from '@jest/globals'
import type { PruneApi } from '../../src/prune/api.js'
import { qualifierOf } from '../../src/prune/api.js'
import { decidePrune, type PruneFacts } from '../../src/prune/decide.js'
import { pruneVersions } from '../../src/prune/run.js'
import { formatBytes, prunedVersions, pruneSummary } from '../../src/prune/words.js'
import { newRollout, type Outcome, type Status } from '../../src/rollout/record.js'
import { recorder } from '../../testkit/rig.js'

const versions = (n: number, size = 100) =>
  Array.from({ length: n }, (_, i) => ({ version: String(i + 1), codeSize: size * (i + 1) }))

function facts(over: Partial<PruneFacts> = {}): PruneFacts {
  return {
    versions: versions(9),
    keep: 2,
    aliases: [
      { name: 'live', version: '9', weights: {} },
      { name: 'staging', version: '3', weights: {} }
    ],
    rollbackTarget: '7',
    current: '9',
    provisioned: [],
    eventSources: ['2'],
    ...over
  }
}

describe('decidePrune', () => {
  test('keeps the N newest and everything in use, deletes the rest, oldest first', () => {
    const d = decidePrune(facts())
    if ('doubt' in d) throw new Error(d.doubt)
    expect(d.remove.map(v => v.version)).toEqual(['1', '4', '5', '6'])
    expect(d.reclaimBytes).toBe(100 + 400 + 500 + 600)
    expect(Object.fromEntries(d.kept.map(k => [k.version, k.reasons]))).toEqual({
      '9': ['among the 2 newest', 'alias live', 'this run promoted it'],
      '8': ['among the 2 newest'],
      '7': ['rollback target'],
      '3': ['alias staging'],
      '2': ['event source mapping']
    })
  })

  test('a weighted version, provisioned concurrency and mappings through an alias count as in use', () => {
    const d = decidePrune(
      facts({
        versions: versions(12),
        keep: 1,
        aliases: [
          { name: 'live', version: '10', weights: { '11': 0.25 } },
          { name: 'batch', version: '4', weights: {} }
        ],
        rollbackTarget: null,
        current: null,
        provisioned: ['6', 'live'],
        eventSources: ['batch', null, '$LATEST']
      })
    )
    if ('doubt' in d) throw new Error(d.doubt)
    expect(d.remove.map(v => v.version)).toEqual(['1', '2', '3', '5', '7', '8', '9'])
    const why = Object.fromEntries(d.kept.map(k => [k.version, k.reasons.join('; ')]))
    expect(why['11']).toBe('alias live (25% weighted); provisioned concurrency (alias live)')
    expect(why['6']).toBe('provisioned concurrency')
    expect(why['4']).toBe('alias batch; event source mapping (alias batch)')
  })

  test('a configuration or mapping on an alias the listing did not show: doubt, nothing deleted', () => {
    expect(decidePrune(facts({ eventSources: ['gone'] }))).toEqual({
      doubt: 'event source mapping names alias gone, which the alias listing did not show'
    })
    expect('doubt' in decidePrune(facts({ provisioned: ['ghost'] }))).toBe(true)
  })

  test('keep covers every version: nothing to delete', () => {
    const d = decidePrune(facts({ keep: 100 }))
    expect('remove' in d && d.remove).toEqual([])
  })
})

test('qualifierOf reads the qualifier of a function ARN', () => {
  expect(qualifierOf('arn:aws:lambda:us-east-1:123456789012:function:f:7')).toBe('7')
  expect(qualifierOf('arn:aws:lambda:us-east-1:123456789012:function:f')).toBeNull()
})

test('formatBytes', () => {
  expect([formatBytes(512), formatBytes(2048), formatBytes(75 * 1024 ** 3)]).toEqual([
    '512 bytes',
    '2.0 KB',
    '75.0 GB'
  ])
})

// A fake Lambda holding versions 1..9 of `orders`: live on 9 (moved from 7), staging on 3, a mapping on 2.
function fakeApi(over: Partial<PruneApi> = {}) {
  const deleted: string[] = []
  const api: PruneApi = {
    listVersions: async () => versions(9),
    listAliases: async () => [
      { name: 'live', version: '9', weights: {} },
      { name: 'staging', version: '3', weights: {} }
    ],
    listProvisioned: async () => [],
    listEventSources: async () => ['2'],
    deleteVersion: async (_fn, v) => void deleted.push(v),
    codeStorage: async () => ({ usedBytes: 10, limitBytes: 100 }),
    ...over
  }
  return { api, deleted }
}

function outcome(status: Status): Outcome {
  const d = newRollout({ id: 'orders', name: 'orders' })
  Object.assign(d, { from: '7', to: '9', status })
  return { status, deployments: [d], alarms: [], startedAt: 0, endedAt: 0, plan: [] }
}

const denied = (): Error =>
  Object.assign(new Error('User is not authorized to perform: lambda:ListEventSourceMappings'), {
    name: 'AccessDeniedException',
    $metadata: { httpStatusCode: 403 }
  })

describe('pruneVersions', () => {
  test('a promotion deletes what nothing uses; the summary says why each kept version stays', async () => {
    const { api, deleted } = fakeApi()
    const log = recorder()
    const report = await pruneVersions(outcome('promoted'), 2, { api, log, concurrency: 2 })
    expect(deleted).toEqual(['1', '4', '5', '6'])
    expect(prunedVersions(report)).toBe('1,4,5,6')
    const summary = pruneSummary(report).join('\n')
    expect(summary).toContain('v7 kept: rollback target')
    expect(summary).toContain('v3 kept: alias staging')
    expect(summary).toContain('v2 kept: event source mapping')
    expect(summary).toContain('deleted: v1, v4, v5, v6 (1.6 KB)')
    expect(log.lines.filter(l => l.startsWith('warning'))).toEqual([])
  })

  test('a denied ListEventSourceMappings (403): nothing deleted, one warning', async () => {
    const { api, deleted } = fakeApi({
      listEventSources: async () => {
        throw denied()
      }
    })
    const log = recorder()
    const report = await pruneVersions(outcome('promoted'), 2, { api, log, concurrency: 1 })
    expect(deleted).toEqual([])
    expect(prunedVersions(report)).toBe('')
    const warnings = log.lines.filter(l => l.startsWith('warning'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /orders: keep-versions: nothing deleted: could not read .*AccessDeniedException \(HTTP 403\)/
    )
  })

  test('a delete refused (409 in use after all) is skipped with one warning; the others go', async () => {
    const { api, deleted } = fakeApi({
      deleteVersion: async (_fn, v) => {
        if (v === '4')
          throw Object.assign(
            new Error('Unable to delete version because the following aliases reference it: [new]'),
            {
              name: 'ResourceConflictException',
              $metadata: { httpStatusCode: 409 }
            }
          )
        deleted.push(v)
      }
    })
    const log = recorder()
    const report = await pruneVersions(outcome('promoted'), 2, { api, log, concurrency: 1 })
    expect(deleted).toEqual(['1', '5', '6'])
    expect(prunedVersions(report)).toBe('1,5,6')
    expect(log.lines.filter(l => l.startsWith('warning'))).toEqual([
      expect.stringMatching(/^warning: orders: v4 not deleted: ResourceConflictException \(HTTP 409\)/)
    ])
  })

  test.each(['rolled-back', 'failed', 'in-progress'] as const)(
    'after a run that ended %s nothing is read or deleted',
    async status => {
      let calls = 0
      const count = async () => {
        calls += 1
        return []
      }
      const { api, deleted } = fakeApi({ listVersions: count, listAliases: count })
      const report = await pruneVersions(outcome(status), 2, { api, log: recorder(), concurrency: 1 })
      expect([calls, deleted, report.notRun]).toEqual([0, [], `the run ended ${status}`])
    }
  )

  test('dry-run lists what it would delete and deletes nothing', async () => {
    // Nothing moved: live is still on v7.
    const { api, deleted } = fakeApi({
      listAliases: async () => [
        { name: 'live', version: '7', weights: {} },
        { name: 'staging', version: '3', weights: {} }
      ]
    })
    const log = recorder()
    const report = await pruneVersions(outcome('dry-run'), 2, { api, log, concurrency: 1 })
    expect(deleted).toEqual([])
    expect(prunedVersions(report)).toBe('')
    expect(log.lines).toContain('orders: dry run: would delete v1, v4, v5, v6')
    expect(pruneSummary(report).join('\n')).toContain('would delete: v1, v4, v5, v6')
  })

  test('code storage above 80% of the limit is a warning', async () => {
    const { api } = fakeApi({ codeStorage: async () => ({ usedBytes: 81, limitBytes: 100 }) })
    const log = recorder()
    const report = await pruneVersions(outcome('unchanged'), 2, { api, log, concurrency: 1 })
    expect(log.lines.filter(l => l.startsWith('warning'))).toEqual([
      expect.stringMatching(/^warning: code storage: 81 bytes of the account's 100 bytes used \(81%\)/)
    ])
    expect(pruneSummary(report).join('\n')).toContain('Above 80%')
  })
})
