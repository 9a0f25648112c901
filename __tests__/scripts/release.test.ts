// The release: scripts/release-check.ts (what the release workflow checks and decides), the workflow that
// calls it, and the repository's own state (a CHANGELOG entry for package.json's version). The dist/
// comparison itself runs in .ci/run (`npm run release:check -- --dry-run`), where the tree is a fresh clone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadYaml } from '../../scripts/docs.js'
import {
  changelogEntry,
  checkRelease,
  compareTrees,
  movesFor,
  parseTag,
  unwrap
} from '../../scripts/release-check.js'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const read = (path: string): string => readFileSync(join(root, path), 'utf8')

describe('tags', () => {
  test('only vX.Y.Z is a release tag', () => {
    expect(parseTag('v1.2.3')).toEqual({ major: 1, minor: 2, patch: 3 })
    expect(parseTag('v10.0.0')).toEqual({ major: 10, minor: 0, patch: 0 })
    for (const bad of ['v1', 'v1.2', '1.2.3', 'v1.2.3-rc.1', 'v01.2.3', 'V1.2.3', 'v1.2.3 '])
      expect(parseTag(bad)).toBeUndefined()
  })

  test('vX and vX.Y move only to the newest release of their line; latest only for the newest of all', () => {
    expect(movesFor('v1.0.0', [])).toEqual({
      major: { tag: 'v1', move: true },
      minor: { tag: 'v1.0', move: true },
      latest: true
    })
    const existing = ['v1', 'v1.4', 'v1.5', 'v1.4.0', 'v1.5.0', 'v1.5.2', 'not-a-version']
    // A patch of an older minor: v1.4 follows, v1 stays on 1.5.2, and 1.5.2 stays the latest release.
    expect(movesFor('v1.4.1', existing)).toEqual({
      major: { tag: 'v1', move: false },
      minor: { tag: 'v1.4', move: true },
      latest: false
    })
    expect(movesFor('v1.6.0', existing)).toMatchObject({ major: { move: true }, latest: true })
    // A fix to v1 after v2 is out moves v1, not the latest badge.
    expect(movesFor('v1.5.3', [...existing, 'v2.0.0'])).toEqual({
      major: { tag: 'v1', move: true },
      minor: { tag: 'v1.5', move: true },
      latest: false
    })
    // A re-run: the tag already exists and is still the newest.
    expect(movesFor('v1.5.2', existing)).toMatchObject({ major: { move: true }, minor: { move: true } })
    expect(() => movesFor('v1', [])).toThrow('not a vX.Y.Z tag')
  })
})

describe('CHANGELOG.md entries', () => {
  const changelog = [
    '# Changelog',
    '',
    '## [Unreleased]',
    '',
    '- not yet',
    '',
    '## [1.1.0] - 2026-12-24',
    '',
    '### Added',
    '',
    '- a new input that',
    '  wraps',
    '',
    '## 1.0.1 - 2026-12-10',
    'Fixed a thing.',
    '## [1.0.0]',
    '',
    'first',
    '## [0.9.0] - 2026-13-45',
    'x',
    '## [0.8.0] - 2026-01-01',
    '',
    '[1.1.0]: https://example.com/compare/v1.0.1...v1.1.0'
  ].join('\n')

  test('the notes are the body up to the next version, unwrapped, without link definitions', () => {
    expect(changelogEntry(changelog, '1.1.0')).toEqual({
      version: '1.1.0',
      date: '2026-12-24',
      notes: '### Added\n\n- a new input that wraps\n'
    })
    expect(changelogEntry(changelog, '1.0.1')).toMatchObject({
      date: '2026-12-10',
      notes: 'Fixed a thing.\n'
    })
  })

  test('a missing entry, a missing or impossible date and an empty entry are refused', () => {
    expect(changelogEntry(changelog, '2.0.0')).toBe('CHANGELOG.md has no "## [2.0.0] - YYYY-MM-DD" entry')
    expect(changelogEntry(changelog, '1.0.0')).toMatch(/needs its release date/)
    expect(changelogEntry(changelog, '0.9.0')).toMatch(/needs its release date/)
    expect(changelogEntry(changelog, '0.8.0')).toBe('CHANGELOG.md: the 0.8.0 entry is empty')
    expect(changelogEntry(changelog, '1.1')).toMatch(/has no/)
  })

  test('unwrapping keeps blocks apart: headings, lists, code, tables, quotes', () => {
    const text = [
      'A paragraph',
      'wrapped.',
      '',
      '- item one',
      '  continued',
      '- item two',
      '1. numbered',
      '   more',
      '### Heading',
      'after heading',
      '```sh',
      'npm ci',
      'npm test',
      '```',
      '| a | b |',
      '| - | - |',
      '> quote'
    ].join('\n')
    expect(unwrap(text)).toBe(
      [
        'A paragraph wrapped.',
        '',
        '- item one continued',
        '- item two',
        '1. numbered more',
        '### Heading',
        'after heading',
        '```sh',
        'npm ci',
        'npm test',
        '```',
        '| a | b |',
        '| - | - |',
        '> quote'
      ].join('\n')
    )
  })
})

describe('dist/ comparison', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'release-trees-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('names every file that differs, is missing or is extra', () => {
    const built = join(dir, 'built')
    const committed = join(dir, 'committed')
    for (const d of [built, committed]) mkdirSync(join(d, 'sub'), { recursive: true })
    writeFileSync(join(built, 'index.js'), 'a')
    writeFileSync(join(committed, 'index.js'), 'a')
    writeFileSync(join(built, 'post.js'), 'new')
    writeFileSync(join(committed, 'post.js'), 'old')
    writeFileSync(join(built, 'sub', 'x.js'), '')
    writeFileSync(join(committed, 'stale.js'), '')
    expect(compareTrees(built, committed)).toEqual([
      'dist/post.js differs from a fresh bundle of the sources',
      'dist/sub/x.js is built from the sources but not committed',
      'dist/stale.js is committed but not built from the sources'
    ])
    expect(compareTrees(built, built)).toEqual([])
  })
})

describe('this repository', () => {
  test("package.json's version has a dated CHANGELOG.md entry, and its tag would be releasable", () => {
    const r = checkRelease({ dryRun: true, skipDist: true })
    expect(r.problems).toEqual([])
    expect(r.tag).toBe(`v${(JSON.parse(read('package.json')) as { version: string }).version}`)
    expect(r.notes?.length).toBeGreaterThan(100)
    expect(checkRelease({ tag: 'v0.0.1', skipDist: true }).problems).toEqual([
      expect.stringMatching(/^tag v0.0.1 does not match package.json's version/)
    ])
  })

  test('the release workflow runs CI and the e2e first, checks with the script, then publishes', () => {
    const wf = loadYaml(read('.github/workflows/release.yml')) as {
      on: { push: { tags: string[] }; workflow_dispatch: { inputs: Record<string, unknown> } }
      jobs: Record<string, { uses?: string; needs?: string[]; steps?: Array<{ run?: string }> }>
    }
    expect(wf.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+'])
    expect(Object.keys(wf.on.workflow_dispatch.inputs)).toEqual(['tag'])
    expect(wf.jobs.ci?.uses).toBe('./.github/workflows/ci.yml')
    expect(wf.jobs.e2e?.uses).toBe('./.github/workflows/e2e.yml')
    for (const called of ['ci.yml', 'e2e.yml'])
      expect(loadYaml(read(`.github/workflows/${called}`))).toMatchObject({ on: { workflow_call: null } })
    expect(wf.jobs.release?.needs).toEqual(['ci', 'e2e'])
    const runs = (wf.jobs.release?.steps ?? []).map(s => s.run ?? '')
    const at = (pattern: RegExp): number => runs.findIndex(r => pattern.test(r))
    expect(at(/npm run release:check -- --tag "\$TAG"/)).toBeGreaterThan(-1)
    expect(at(/npm run release:check/)).toBeLessThan(at(/gh release create/))
    expect(at(/gh release create/)).toBeLessThan(at(/git push --force/))
    // The dry run CI does is the same script: only the workflow publishes.
    expect(read('.ci/run')).toContain('npm run release:check -- --dry-run')
    expect(read('.ci/run')).not.toMatch(/gh release|git push/)
  })
})
