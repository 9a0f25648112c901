import {
  clampDescription,
  defaultDescription,
  LAMBDA_DESCRIPTION_MAX,
  type RunContext
} from '../../src/github/version-description.js'
import { runContextFromEnv } from '../../src/github/context.js'

const sha = 'abc1234def5678901234567890abcdef12345678'
const base: RunContext = {
  eventName: 'push',
  ref: 'refs/heads/main',
  sha,
  serverUrl: 'https://github.com',
  repository: 'o/r',
  runId: '1'
}
const url = 'https://github.com/o/r/actions/runs/1'

describe('defaultDescription', () => {
  it('names the release tag and short sha on release events', () => {
    expect(
      defaultDescription({ ...base, eventName: 'release', ref: 'refs/tags/v1.2.3', releaseTag: 'v1.2.3' })
    ).toBe(`release v1.2.3 (abc1234) ${url}`)
  })

  it.each([
    ['refs/heads/main', `main @ abc1234 ${url}`],
    ['refs/heads/feature/x', `feature/x @ abc1234 ${url}`],
    ['refs/tags/v2', `v2 @ abc1234 ${url}`],
    ['refs/pull/12/merge', `PR #12 @ abc1234 ${url}`],
    ['', `abc1234 ${url}`]
  ])('shortens ref %j', (ref, expected) => {
    expect(defaultDescription({ ...base, ref })).toBe(expected)
  })

  it('uses the ref when a release event carries no tag', () => {
    expect(defaultDescription({ ...base, eventName: 'release', ref: 'refs/tags/v3' })).toBe(
      `v3 @ abc1234 ${url}`
    )
  })

  it('leaves out what the context lacks', () => {
    expect(defaultDescription({ ...base, runId: '' })).toBe('main @ abc1234')
    expect(defaultDescription({ ...base, sha: '' })).toBe(`main ${url}`)
    expect(defaultDescription({ ...base, serverUrl: 'https://ghe.example.com/' })).toBe(
      'main @ abc1234 https://ghe.example.com/o/r/actions/runs/1'
    )
  })

  it('cuts a long ref, keeping the sha and the run URL, to exactly 256 characters', () => {
    const long = `refs/heads/${'very-long-branch-name-'.repeat(20)}`
    const text = defaultDescription({ ...base, ref: long })
    expect(text).toHaveLength(LAMBDA_DESCRIPTION_MAX)
    expect(text.startsWith('very-long-branch-name-very')).toBe(true)
    expect(text.endsWith(`… @ abc1234 ${url}`)).toBe(true)
  })

  it('cuts a long release tag the same way', () => {
    const tag = `v1.0.0-${'rc'.repeat(200)}`
    const text = defaultDescription({ ...base, eventName: 'release', releaseTag: tag })
    expect(text).toHaveLength(LAMBDA_DESCRIPTION_MAX)
    expect(text).toMatch(
      /^release v1\.0\.0-rcrc.*… \(abc1234\) https:\/\/github\.com\/o\/r\/actions\/runs\/1$/
    )
  })

  it('falls back to a plain cut when even the URL leaves no room', () => {
    const repository = `o/${'r'.repeat(300)}`
    const text = defaultDescription({ ...base, repository })
    expect(text).toHaveLength(LAMBDA_DESCRIPTION_MAX)
    expect(text.startsWith('main @ abc1234 https://github.com/o/rrr')).toBe(true)
    expect(text.endsWith('…')).toBe(true)
  })

  it('never exceeds 256 characters for any ref', () => {
    for (let n = 0; n < 400; n += 7) {
      const ref = `refs/heads/${'é😀x'.repeat(n)}`
      expect(defaultDescription({ ...base, ref }).length).toBeLessThanOrEqual(LAMBDA_DESCRIPTION_MAX)
    }
  })
})

describe('clampDescription', () => {
  it('keeps text within the limit unchanged', () => {
    expect(clampDescription('short')).toBe('short')
    expect(clampDescription('x'.repeat(256))).toBe('x'.repeat(256))
  })

  it('cuts with an ellipsis to exactly the limit', () => {
    expect(clampDescription('x'.repeat(300))).toBe(`${'x'.repeat(255)}…`)
    expect(clampDescription('abcdef', 4)).toBe('abc…')
  })

  it('does not split a surrogate pair', () => {
    const text = `ab😀cd`
    expect(clampDescription(text, 4)).toBe('ab…')
    expect(clampDescription(text, 5)).toBe('ab😀…')
  })
})

describe('runContextFromEnv', () => {
  const env = {
    GITHUB_EVENT_NAME: 'release',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_SHA: sha,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_RUN_ID: '1'
  }

  it('reads the GITHUB_* variables and the release tag from the payload', () => {
    expect(runContextFromEnv(env, { action: 'published', release: { tag_name: 'v1.2.3' } })).toEqual({
      eventName: 'release',
      ref: 'refs/tags/v1.2.3',
      sha,
      releaseTag: 'v1.2.3',
      serverUrl: 'https://github.com',
      repository: 'o/r',
      runId: '1'
    })
  })

  it('has no release tag without a release payload, and defaults what is missing', () => {
    expect(runContextFromEnv({}, { ref: 'refs/heads/main' })).toEqual({
      eventName: '',
      ref: '',
      sha: '',
      serverUrl: 'https://github.com',
      repository: '',
      runId: ''
    })
    expect(runContextFromEnv(env, null).releaseTag).toBeUndefined()
    expect(runContextFromEnv(env, { release: { tag_name: 42 } }).releaseTag).toBeUndefined()
  })

  it('feeds defaultDescription end to end', () => {
    const ctx = runContextFromEnv(env, { release: { tag_name: 'v1.2.3' } })
    expect(defaultDescription(ctx)).toBe(`release v1.2.3 (abc1234) ${url}`)
  })
})

describe('defaultDescription: the per-step token', () => {
  it('sits before the run URL, so two steps of one run attempt never share a description', () => {
    expect(defaultDescription({ ...base, stepToken: '3f9a1c2e' })).toBe(`main @ abc1234 step 3f9a1c2e ${url}`)
    expect(defaultDescription({ ...base, stepToken: 'aaaa0000' })).not.toBe(
      defaultDescription({ ...base, stepToken: 'bbbb1111' })
    )
  })

  it('survives a long tag being cut, as the sha and the run URL do', () => {
    const text = defaultDescription({
      ...base,
      eventName: 'release',
      releaseTag: `v1-${'x'.repeat(300)}`,
      stepToken: '3f9a1c2e'
    })
    expect(text.length).toBeLessThanOrEqual(LAMBDA_DESCRIPTION_MAX)
    expect(text.endsWith(`(abc1234) step 3f9a1c2e ${url}`)).toBe(true)
  })
})
