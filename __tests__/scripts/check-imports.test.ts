// The lint's circle check: which imports it reads, and that it finds a circle and only a circle.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { findCircles, importGraph, relativeSpecifiers } from '../../scripts/lib/import-graph.js'

const root = resolve(fileURLToPath(import.meta.url), '../../..')

describe('relativeSpecifiers', () => {
  test('reads static, type-only, re-exported and dynamic imports, and nothing from packages', () => {
    const text = [
      "import { a } from './a.js'",
      "import type { B } from '../b/b.js'",
      'import {',
      '  c,',
      '  type D',
      "} from './c.js'",
      "export { e } from './e.js'",
      "import './side-effect.js'",
      "const f = await import('./f.js')",
      "import { readFileSync } from 'node:fs'",
      "import { LambdaClient } from '@aws-sdk/client-lambda'",
      "// a comment that mentions from './not-an-import.js' mid-line"
    ].join('\n')
    expect(relativeSpecifiers(text).sort()).toEqual(
      ['../b/b.js', './a.js', './c.js', './e.js', './f.js', './side-effect.js'].sort()
    )
  })
})

describe('findCircles', () => {
  test('none in a tree of imports, even where two paths meet', () => {
    const graph = new Map([
      ['main.ts', ['a.ts', 'b.ts']],
      ['a.ts', ['c.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', []]
    ])
    expect(findCircles(graph)).toEqual([])
  })

  test('a circle once, in import order, however many files lead into it', () => {
    const graph = new Map([
      ['entry.ts', ['a.ts', 'b.ts']],
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']]
    ])
    expect(findCircles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']])
  })

  test('a file that imports itself is a circle', () => {
    expect(findCircles(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts', 'a.ts']])
  })
})

describe('importGraph and the check', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'check-imports-'))
    mkdirSync(join(dir, 'src', 'wing'), { recursive: true })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  test('resolves .js specifiers to the .ts sources across folders', () => {
    writeFileSync(join(dir, 'src', 'main.ts'), "import { a } from './wing/a.js'\nexport const m = a\n")
    writeFileSync(
      join(dir, 'src', 'wing', 'a.ts'),
      "import type { L } from '../log.js'\nexport const a = 1\n"
    )
    writeFileSync(join(dir, 'src', 'log.ts'), 'export type L = string\n')
    expect(Object.fromEntries(importGraph(dir, 'src'))).toEqual({
      'src/main.ts': ['src/wing/a.ts'],
      'src/wing/a.ts': ['src/log.ts'],
      'src/log.ts': []
    })
  })

  test('the script fails on a circle and names it; passes on the real src/', async () => {
    writeFileSync(join(dir, 'src', 'wing', 'a.ts'), "import { b } from '../b.js'\nexport const a = b\n")
    writeFileSync(
      join(dir, 'src', 'b.ts'),
      "export const b = 1\nexport const later = () => import('./wing/a.js')\n"
    )
    const tsx = join(root, 'node_modules', '.bin', 'tsx')
    const failed = await promisify(execFile)(
      tsx,
      [join(root, 'scripts', 'check-imports.ts'), join(dir, 'src')],
      {
        cwd: root
      }
    ).catch((error: { code: number; stderr: string }) => error)
    expect('code' in failed && failed.code).toBe(1)
    expect((failed as { stderr: string }).stderr).toContain('import circle: ')
    expect((failed as { stderr: string }).stderr).toMatch(
      /wing\/a\.ts → .*b\.ts → .*wing\/a\.ts|b\.ts → .*wing\/a\.ts → .*b\.ts/
    )
    const passed = await promisify(execFile)(tsx, [join(root, 'scripts', 'check-imports.ts')], { cwd: root })
    expect(passed.stdout).toMatch(/^\d+ files in src\/, no import circle$/m)
  })
})
