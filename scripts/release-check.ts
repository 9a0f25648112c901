// Everything the release workflow checks before it publishes, and what it would publish. The workflow
// (.github/workflows/release.yml) runs it with --tag before `gh release create` and the tag moves, which
// live in the workflow only; .ci/run runs it with --dry-run, so every CI run rehearses a release of the
// version in package.json.
//
//   tsx scripts/release-check.ts --dry-run
//   tsx scripts/release-check.ts --tag vX.Y.Z [--notes FILE] [--github-output]
//
// Of the checked-out commit (HEAD; the release workflow checks out the tag or the dispatched commit):
//   - the tag is vX.Y.Z and package.json's version is X.Y.Z (--dry-run takes the tag from package.json);
//   - CHANGELOG.md has a "## [X.Y.Z] - YYYY-MM-DD" entry whose body is not empty: the release notes;
//   - dist/ bundled afresh from the committed sources, in place (webpack's module ids depend on where
//     node_modules is, so a copy elsewhere would not compare), is byte for byte the committed dist/; the
//     sources and dist/ must have no uncommitted changes, and dist/ is put back as committed afterwards;
//   - a tag that already exists points at this commit (a re-run), not at another one.
// Then it names the moves: vX and vX.Y follow the tag only when it is the newest release of that line
// (a 1.4.1 patch cut after 1.5.0 moves v1.4 but not v1), and the release is GitHub's "latest" only when
// it is the newest of all. --notes writes the notes to FILE; --github-output appends the results to
// $GITHUB_OUTPUT. Exit 0 when every check passes, 1 with one line per problem, 2 for bad arguments.
import { execFileSync } from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(fileURLToPath(import.meta.url), '../..')

export interface Version {
  major: number
  minor: number
  patch: number
}

const TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** vX.Y.Z → its numbers; anything else (v1, v1.2, 1.2.3, v1.2.3-rc.1) → undefined. */
export function parseTag(tag: string): Version | undefined {
  const m = TAG.exec(tag)
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) } : undefined
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

export interface ChangelogEntry {
  version: string
  date: string
  notes: string
}

/**
 * The entry of `version` in a Keep a Changelog file: the `## [X.Y.Z] - YYYY-MM-DD` heading (brackets
 * optional) and everything up to the next `## ` heading, link definitions left out.
 */
export function changelogEntry(changelog: string, version: string): ChangelogEntry | string {
  const lines = changelog.split('\n')
  const escaped = version.replace(/\./g, '\\.')
  const heading = new RegExp(`^## \\[?${escaped}\\]?(?:\\s+-\\s+(.*?))?\\s*$`)
  const at = lines.findIndex(l => heading.test(l))
  if (at < 0) return `CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" entry`
  const date = heading.exec(lines[at] ?? '')?.[1] ?? ''
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    return `CHANGELOG.md: the ${version} heading needs its release date, "## [${version}] - YYYY-MM-DD" (found "${lines[at]}")`
  const end = lines.findIndex((l, i) => i > at && /^## /.test(l))
  const body = lines
    .slice(at + 1, end < 0 ? undefined : end)
    .filter(l => !/^\[[^\]]+\]:\s+\S+/.test(l))
    .join('\n')
    .trim()
  if (body === '') return `CHANGELOG.md: the ${version} entry is empty`
  return { version, date, notes: unwrap(body) + '\n' }
}

const BLOCK_START = /^\s*([-*+]\s|\d+[.)]\s|#|>|\||```|~~~)/

/**
 * Joins hard-wrapped lines back into one line per paragraph or list item. CHANGELOG.md is wrapped for
 * reading in an editor, but GitHub shows every newline of a release's notes as a line break.
 */
export function unwrap(markdown: string): string {
  const out: string[] = []
  let fenced = false
  for (const line of markdown.split('\n')) {
    const fence = /^\s*(```|~~~)/.test(line)
    const previous = out.at(-1)
    const joins =
      !fenced &&
      !fence &&
      line.trim() !== '' &&
      !BLOCK_START.test(line) &&
      previous !== undefined &&
      previous.trim() !== '' &&
      !/^\s*(#|\||```|~~~)/.test(previous)
    if (joins) out[out.length - 1] = `${previous} ${line.trim()}`
    else out.push(line)
    if (fence) fenced = !fenced
  }
  return out.join('\n')
}

export interface Moves {
  /** vX, and whether it moves to this release. */
  major: { tag: string; move: boolean }
  minor: { tag: string; move: boolean }
  /** The newest release of all: GitHub's "Latest" badge. */
  latest: boolean
}

/** Which floating tags follow `tag`, given the version tags that exist (with or without `tag`). */
export function movesFor(tag: string, existingTags: readonly string[]): Moves {
  const v = parseTag(tag)
  if (!v) throw new Error(`not a vX.Y.Z tag: ${tag}`)
  const all = [...existingTags.map(parseTag).filter((x): x is Version => x !== undefined), v]
  const newest = (same: (x: Version) => boolean): boolean =>
    all.filter(same).every(x => compareVersions(x, v) <= 0)
  return {
    major: { tag: `v${v.major}`, move: newest(x => x.major === v.major) },
    minor: { tag: `v${v.major}.${v.minor}`, move: newest(x => x.major === v.major && x.minor === v.minor) },
    latest: newest(() => true)
  }
}

/** Files that differ between two dist/ directories, as "index.js differs", "x.js only in …". */
export function compareTrees(built: string, committed: string): string[] {
  const files = (dir: string): string[] =>
    existsSync(dir)
      ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
          .filter(e => e.isFile())
          .map(e => relative(dir, join(e.parentPath, e.name)))
          .sort()
      : []
  const a = files(built)
  const b = files(committed)
  const problems: string[] = []
  for (const f of a) {
    if (!b.includes(f)) problems.push(`dist/${f} is built from the sources but not committed`)
    else if (!readFileSync(join(built, f)).equals(readFileSync(join(committed, f))))
      problems.push(`dist/${f} differs from a fresh bundle of the sources`)
  }
  for (const f of b)
    if (!a.includes(f)) problems.push(`dist/${f} is committed but not built from the sources`)
  return problems
}

// ---------------------------------------------------------------------------------------------------------

function git(args: string[], options: { input?: Buffer } = {}): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    input: options.input,
    stdio: ['pipe', 'pipe', 'pipe']
  })
}

function fileAt(ref: string, path: string): string | undefined {
  try {
    return git(['show', `${ref}:${path}`])
  } catch {
    return undefined
  }
}

/** What the bundle is made of: an uncommitted change here would not be what the release ships. */
const BUILD_INPUTS = [
  'src',
  'dist',
  'scripts/bundle.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json'
]

/** Bundles the committed sources in place and compares the result with the committed dist/. */
function checkDist(dryRun: boolean): { problems: string[]; files: string[]; skipped?: string } {
  const dirty = git(['status', '--porcelain', '--', ...BUILD_INPUTS]).trim()
  if (dirty !== '') {
    const what = `uncommitted changes in what dist/ is built from (${BUILD_INPUTS.join(', ')})`
    // A dry run in a work tree being edited says so and goes on; a release never ships such a tree.
    if (dryRun)
      return { problems: [], files: [], skipped: `${what}: the dist/ check is left to a clean tree` }
    return {
      problems: [`${what}; commit or stash them first:\n${dirty.replace(/^/gm, '      ')}`],
      files: []
    }
  }
  const committed = mkdtempSync(join(tmpdir(), 'release-check-'))
  try {
    cpSync(join(root, 'dist'), committed, { recursive: true })
    const bin = join(root, 'node_modules', '.bin')
    execFileSync(process.execPath, ['scripts/bundle.mjs'], {
      cwd: root,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'inherit', 'inherit']
    })
    const built = join(root, 'dist')
    const files = readdirSync(built).sort()
    const problems = compareTrees(built, committed)
    if (problems.length > 0) {
      // Leave the working tree as it was: the check changes nothing.
      git(['checkout', 'HEAD', '--', 'dist'])
      git(['clean', '-fdq', '--', 'dist'])
    }
    return { problems, files }
  } finally {
    rmSync(committed, { recursive: true, force: true })
  }
}

export interface CheckResult {
  problems: string[]
  /** What a dry run notes without failing. */
  notices: string[]
  tag: string
  version: string
  sha: string
  tagExists: boolean
  notes?: string
  date?: string
  moves?: Moves
  distFiles: string[]
  /** Why dist/ was not checked (a dry run in a work tree with uncommitted changes). */
  distSkipped?: string
}

export function checkRelease(opts: { tag?: string; dryRun?: boolean; skipDist?: boolean }): CheckResult {
  const problems: string[] = []
  const sha = git(['rev-parse', '--verify', 'HEAD^{commit}']).trim()
  const pkgText = fileAt(sha, 'package.json')
  let version = ''
  try {
    version = String((JSON.parse(pkgText ?? '{}') as { version?: unknown }).version ?? '')
  } catch {
    problems.push('package.json is not JSON')
  }
  const tag = opts.tag ?? `v${version}`
  const result: CheckResult = { problems, notices: [], tag, version, sha, tagExists: false, distFiles: [] }

  if (!parseTag(tag)) problems.push(`tag "${tag}" is not vX.Y.Z (major.minor.patch, no prerelease suffix)`)
  else if (tag !== `v${version}`)
    problems.push(
      `tag ${tag} does not match package.json's version ${version || '(none)'}: expected v${version}`
    )

  const changelog = fileAt(sha, 'CHANGELOG.md')
  if (changelog === undefined) problems.push('CHANGELOG.md is missing')
  else if (version !== '') {
    const entry = changelogEntry(changelog, version)
    if (typeof entry === 'string') problems.push(entry)
    else {
      result.notes = entry.notes
      result.date = entry.date
    }
  }

  let existing: string[] = []
  try {
    existing = git(['tag', '--list', 'v*']).split('\n').filter(Boolean)
  } catch {
    existing = []
  }
  if (existing.includes(tag)) {
    result.tagExists = true
    const at = git(['rev-parse', `refs/tags/${tag}^{commit}`]).trim()
    if (at !== sha) {
      // Between releases main carries the last released version: a dry run says so, a release refuses.
      const message = `tag ${tag} already points at ${at.slice(0, 12)}, not at ${sha.slice(0, 12)}`
      if (opts.dryRun)
        result.notices.push(
          `${message}: ${tag} is released; the next release needs a new version and CHANGELOG entry`
        )
      else problems.push(message)
    }
  }
  if (parseTag(tag)) result.moves = movesFor(tag, existing)

  if (!opts.skipDist) {
    const dist = checkDist(opts.dryRun === true)
    problems.push(...dist.problems)
    result.distFiles = dist.files
    result.distSkipped = dist.skipped
  }
  return result
}

function main(argv: string[]): number {
  let values: {
    tag?: string
    notes?: string
    'dry-run'?: boolean
    'github-output'?: boolean
    help?: boolean
  }
  try {
    values = parseArgs({
      args: argv,
      options: {
        tag: { type: 'string' },
        notes: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'github-output': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    }).values
  } catch (error) {
    console.error(`release-check: ${(error as Error).message}`)
    return 2
  }
  const usage =
    'usage: tsx scripts/release-check.ts --dry-run\n' +
    '       tsx scripts/release-check.ts --tag vX.Y.Z [--notes FILE] [--github-output]'
  if (values.help) {
    console.log(usage)
    return 0
  }
  if (!values['dry-run'] && values.tag === undefined) {
    console.error(`release-check: give --tag vX.Y.Z, or --dry-run for package.json's version\n${usage}`)
    return 2
  }
  const r = checkRelease({ tag: values.tag, dryRun: values['dry-run'] === true })
  const short = r.sha.slice(0, 12)
  console.log(`release check: ${r.tag} at ${short} (HEAD)${values['dry-run'] ? ', dry run' : ''}`)
  const ok = (text: string): void => console.log(`  ok  ${text}`)
  if (parseTag(r.tag) && r.tag === `v${r.version}`) ok(`package.json version ${r.version} matches ${r.tag}`)
  if (r.notes !== undefined)
    ok(
      `CHANGELOG.md has ${r.version} (${r.date}): ${r.notes.trimEnd().split('\n').length} lines of release notes`
    )
  for (const n of r.notices) console.log(`  note ${n}`)
  if (r.distSkipped !== undefined) console.log(`  skip ${r.distSkipped}`)
  else if (!r.problems.some(p => p.startsWith('dist/') || p.startsWith('uncommitted')))
    ok(`dist/ bundled afresh from ${short} equals the committed dist/ (${r.distFiles.join(', ')})`)
  for (const p of r.problems) console.error(`  FAIL ${p}`)

  if (values.notes !== undefined && r.notes !== undefined) writeFileSync(values.notes, r.notes)
  const moves = r.moves
  if (values['github-output'] && moves) {
    const file = process.env.GITHUB_OUTPUT
    if (!file) {
      console.error('release-check: --github-output needs GITHUB_OUTPUT')
      return 2
    }
    const out: Record<string, string> = {
      tag: r.tag,
      version: r.version,
      sha: r.sha,
      'tag-exists': String(r.tagExists),
      major: moves.major.tag,
      'move-major': String(moves.major.move),
      minor: moves.minor.tag,
      'move-minor': String(moves.minor.move),
      latest: String(moves.latest)
    }
    appendFileSync(
      file,
      Object.entries(out)
        .map(([k, v]) => `${k}=${v}\n`)
        .join('')
    )
  }

  if (r.problems.length > 0) {
    console.error(`release check failed: ${r.problems.length} problem(s); nothing would be published`)
    return 1
  }
  if (moves && r.notices.length === 0) {
    const lines = [
      r.tagExists ? `tag ${r.tag} exists at ${short}` : `create tag ${r.tag} at ${short}`,
      `create the GitHub release ${r.tag}, notes from CHANGELOG.md${moves.latest ? ', marked latest' : ', not marked latest (a newer release exists)'}`,
      moves.major.move
        ? `move ${moves.major.tag} to ${short}`
        : `leave ${moves.major.tag} (a newer ${moves.major.tag}.x exists)`,
      moves.minor.move
        ? `move ${moves.minor.tag} to ${short}`
        : `leave ${moves.minor.tag} (a newer ${moves.minor.tag}.x exists)`
    ]
    console.log(values['dry-run'] ? 'the release workflow would:' : 'the release workflow will:')
    for (const l of lines) console.log(`  - ${l}`)
  }
  if (values['dry-run'] && r.notes !== undefined) {
    console.log(`release notes of ${r.tag}:`)
    for (const l of r.notes.trimEnd().split('\n')) console.log(`  |${l === '' ? '' : ` ${l}`}`)
  }
  return 0
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (error) {
    console.error(`release-check: ${(error as Error).message}`)
    process.exitCode = 1
  }
}
