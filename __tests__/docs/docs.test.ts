import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  checkReadme,
  generateReadme,
  parseActionMetadata,
  renderInputsTable,
  sectionBody,
  type ActionMetadata
} from '../../scripts/docs.js'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const actionYml = readFileSync(join(root, 'action.yml'), 'utf8')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const meta = parseActionMetadata(actionYml)
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const run = promisify(execFile)

const small: ActionMetadata = {
  inputs: [
    { name: 'function-name', description: 'Name\n  or ARN.', required: true, default: undefined },
    { name: 'steps', description: 'Weights, e.g. 5|25', required: false, default: '' },
    { name: 'token', description: 'Token.', required: false, default: '${{ github.token }}' }
  ],
  outputs: [{ name: 'status', description: 'promoted or failed.' }]
}
const skeleton = [
  '# x',
  '<!-- inputs:start -->',
  'stale',
  '<!-- inputs:end -->',
  'between',
  '<!-- outputs:start --><!-- outputs:end -->',
  'after',
  ''
].join('\n')

describe('scripts/docs.ts', () => {
  test('reads every input and output of action.yml, in order', () => {
    expect(meta.inputs.length).toBeGreaterThan(10)
    expect(meta.inputs[0]).toMatchObject({ name: 'function-name', required: true })
    expect(meta.outputs.map(o => o.name)).toContain('status')
    for (const input of meta.inputs) expect(input.description).not.toBe('')
  })

  test('renders one row per input: name, required, default, description on one line', () => {
    const table = renderInputsTable(small.inputs).split('\n')
    expect(table[0]).toBe('| name | required | default | description |')
    expect(table[2]).toBe('| `function-name` | yes |  | Name or ARN. |')
    expect(table[3]).toBe('| `steps` | no |  | Weights, e.g. 5\\|25 |')
    expect(table[4]).toBe('| `token` | no | `${{ github.token }}` | Token. |')
  })

  test('generation is idempotent and touches only what is between the markers', () => {
    const once = generateReadme(skeleton, small)
    expect(generateReadme(once, small)).toBe(once)
    expect(once).not.toContain('stale')
    expect(once.startsWith('# x\n<!-- inputs:start -->\n\n| name |')).toBe(true)
    expect(once).toContain('<!-- inputs:end -->\nbetween\n')
    expect(once.endsWith('<!-- outputs:end -->\nafter\n')).toBe(true)
    expect(generateReadme(generateReadme(readme, meta), meta)).toBe(generateReadme(readme, meta))
  })

  test('the README tables equal action.yml, and every input and output appears in them', () => {
    expect(checkReadme(readme, meta)).toEqual([])
    const inputs = sectionBody(readme, 'inputs')
    for (const input of meta.inputs) expect(inputs).toContain(`| \`${input.name}\` |`)
    const outputs = sectionBody(readme, 'outputs')
    for (const output of meta.outputs) expect(outputs).toContain(`| \`${output.name}\` |`)
  })

  test('the check names what drifted', () => {
    const good = generateReadme(skeleton, small)
    expect(checkReadme(good, small)).toEqual([])
    const missing = good.replace(/^\| `steps` .*\n/m, '')
    expect(checkReadme(missing, small)).toEqual(['the inputs table differs from action.yml (missing steps)'])
    const extra = good.replace('| `status` |', '| `state` |')
    expect(checkReadme(extra, small)[0]).toMatch(/outputs table .*missing status; not in action.yml: state/)
    const reworded = good.replace('Token.', 'A token.')
    expect(checkReadme(reworded, small)[0]).toMatch(/inputs table differs .*row 5: expected "\| `token` \|/)
    expect(checkReadme('# no markers\n', small)[0]).toMatch(/expected the markers <!-- inputs:start -->/)
  })

  describe('command line', () => {
    let dir: string
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'docs-test-'))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    test('--check passes on the repository README', async () => {
      const { stdout } = await run(tsx, ['scripts/docs.ts', '--check'], { cwd: root })
      expect(stdout).toMatch(/README.md tables match action.yml/)
    })

    test('--check fails with a clear message on a drifted copy; regenerating fixes it', async () => {
      const copy = join(dir, 'README.md')
      const first = meta.inputs[0]?.name ?? ''
      writeFileSync(copy, readme.replace(new RegExp(`^\\| \`${first}\` .*\\n`, 'm'), ''))
      const failed = await run(tsx, ['scripts/docs.ts', '--check', '--readme', copy], { cwd: root }).then(
        () => undefined,
        (error: { code: number; stderr: string }) => error
      )
      expect(failed?.code).toBe(1)
      expect(failed?.stderr).toContain(`the inputs table differs from action.yml (missing ${first})`)
      expect(failed?.stderr).toContain('run `npm run docs`')

      await run(tsx, ['scripts/docs.ts', '--readme', copy], { cwd: root })
      expect(readFileSync(copy, 'utf8')).toBe(generateReadme(readme, meta))
      await run(tsx, ['scripts/docs.ts', '--check', '--readme', copy], { cwd: root })
    })
  })
})
