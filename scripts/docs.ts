// Generates the README's input and output tables from action.yml, between marker comments, so the
// documentation cannot drift from the metadata the runner reads.
//
//   tsx scripts/docs.ts           rewrite README.md in place
//   tsx scripts/docs.ts --check   exit 1, naming what differs, when README.md is not up to date
//   --readme PATH / --action PATH  other files than the repository's README.md / action.yml (tests)
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

export interface ActionInput {
  name: string
  description: string
  required: boolean
  default: string | undefined
}

export interface ActionOutput {
  name: string
  description: string
}

export interface ActionMetadata {
  inputs: ActionInput[]
  outputs: ActionOutput[]
}

// js-yaml is in node_modules through eslint; it ships no types, so it is loaded untyped and given one.
const require = createRequire(import.meta.url)
const jsYaml = require('js-yaml') as { load(text: string, options?: { filename?: string }): unknown }

export function loadYaml(text: string, filename?: string): unknown {
  return jsYaml.load(text, filename === undefined ? {} : { filename })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads inputs and outputs from action.yml text, in the order the file declares them. */
export function parseActionMetadata(text: string): ActionMetadata {
  const doc = loadYaml(text, 'action.yml')
  if (!isRecord(doc)) throw new Error('action.yml: expected a mapping at the top level')
  const inputs: ActionInput[] = []
  for (const [name, spec] of Object.entries(isRecord(doc.inputs) ? doc.inputs : {})) {
    const s = isRecord(spec) ? spec : {}
    inputs.push({
      name,
      description: typeof s.description === 'string' ? s.description : '',
      required: s.required === true || s.required === 'true',
      default: s.default === undefined || s.default === null ? undefined : String(s.default)
    })
  }
  const outputs: ActionOutput[] = []
  for (const [name, spec] of Object.entries(isRecord(doc.outputs) ? doc.outputs : {})) {
    const s = isRecord(spec) ? spec : {}
    outputs.push({ name, description: typeof s.description === 'string' ? s.description : '' })
  }
  return { inputs, outputs }
}

/** One table cell: a single line, pipes escaped so they do not split the cell. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}

export function renderInputsTable(inputs: readonly ActionInput[]): string {
  const rows = ['| name | required | default | description |', '| --- | --- | --- | --- |']
  for (const input of inputs) {
    const def = input.default === undefined || input.default === '' ? '' : code(cell(input.default))
    rows.push(
      `| ${code(input.name)} | ${input.required ? 'yes' : 'no'} | ${def} | ${cell(input.description)} |`
    )
  }
  return rows.join('\n')
}

export function renderOutputsTable(outputs: readonly ActionOutput[]): string {
  const rows = ['| name | description |', '| --- | --- |']
  for (const output of outputs) rows.push(`| ${code(output.name)} | ${cell(output.description)} |`)
  return rows.join('\n')
}

export type Section = 'inputs' | 'outputs'

function markers(section: Section): { start: string; end: string } {
  return { start: `<!-- ${section}:start -->`, end: `<!-- ${section}:end -->` }
}

/** Replaces what stands between one pair of markers. Throws when the markers are missing or misplaced. */
export function replaceSection(readme: string, section: Section, body: string): string {
  const { start, end } = markers(section)
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < 0 || to < from) {
    throw new Error(`expected the markers ${start} and ${end}, in that order`)
  }
  if (readme.indexOf(start, from + 1) >= 0 || readme.indexOf(end, to + 1) >= 0) {
    throw new Error(`the markers ${start} / ${end} appear more than once`)
  }
  return readme.slice(0, from + start.length) + '\n\n' + body + '\n\n' + readme.slice(to)
}

export function sectionBody(readme: string, section: Section): string {
  const { start, end } = markers(section)
  const from = readme.indexOf(start)
  const to = readme.indexOf(end)
  if (from < 0 || to < from) return ''
  return readme.slice(from + start.length, to).trim()
}

/** The README with both tables regenerated from the metadata. */
export function generateReadme(readme: string, meta: ActionMetadata): string {
  let out = replaceSection(readme, 'inputs', renderInputsTable(meta.inputs))
  out = replaceSection(out, 'outputs', renderOutputsTable(meta.outputs))
  return out
}

/** Names each difference between the README's tables and action.yml; empty when they agree. */
export function checkReadme(readme: string, meta: ActionMetadata): string[] {
  let expected: string
  try {
    expected = generateReadme(readme, meta)
  } catch (error) {
    return [(error as Error).message]
  }
  if (expected === readme) return []
  const problems: string[] = []
  const sections: Array<[Section, string[]]> = [
    ['inputs', meta.inputs.map(i => i.name)],
    ['outputs', meta.outputs.map(o => o.name)]
  ]
  for (const [section, names] of sections) {
    const have = sectionBody(readme, section)
    const want = sectionBody(expected, section)
    if (have === want) continue
    const listed = new Set([...have.matchAll(/^\| `([^`]+)`/gm)].map(m => m[1]))
    const missing = names.filter(n => !listed.has(n))
    const extra = [...listed].filter(n => n !== undefined && !names.includes(n))
    const detail: string[] = []
    if (missing.length > 0) detail.push(`missing ${missing.join(', ')}`)
    if (extra.length > 0) detail.push(`not in action.yml: ${extra.join(', ')}`)
    if (detail.length === 0) {
      const haveRows = have.split('\n')
      const wantRows = want.split('\n')
      const row = wantRows.findIndex((line, i) => line !== haveRows[i])
      detail.push(`first difference in row ${row + 1}: expected "${wantRows[row] ?? ''}"`)
    }
    problems.push(`the ${section} table differs from action.yml (${detail.join('; ')})`)
  }
  return problems
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      check: { type: 'boolean', default: false },
      readme: { type: 'string' },
      action: { type: 'string' }
    }
  })
  const root = resolve(fileURLToPath(import.meta.url), '../..')
  const readmePath = resolve(values.readme ?? resolve(root, 'README.md'))
  const meta = parseActionMetadata(readFileSync(values.action ?? resolve(root, 'action.yml'), 'utf8'))
  const readme = readFileSync(readmePath, 'utf8')
  if (values.check) {
    const problems = checkReadme(readme, meta)
    if (problems.length === 0) {
      console.log(
        `README.md tables match action.yml (${meta.inputs.length} inputs, ${meta.outputs.length} outputs)`
      )
      return 0
    }
    for (const p of problems) console.error(`${relative(process.cwd(), readmePath)}: ${p}`)
    console.error('README.md is out of date with action.yml: run `npm run docs` and commit the result.')
    return 1
  }
  const next = generateReadme(readme, meta)
  if (next !== readme) writeFileSync(readmePath, next)
  console.log(
    `README.md ${next === readme ? 'already up to date' : 'updated'} (${meta.inputs.length} inputs, ${meta.outputs.length} outputs)`
  )
  return 0
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (error) {
    console.error((error as Error).message)
    process.exitCode = 1
  }
}
