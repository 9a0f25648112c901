// The approval example (docs/examples.md) rolls the canary back when the run is cancelled while it waits for a
// reviewer, not only when a job fails; and the release workflow never drops a tag's pending run.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { actionlint, extractYamlBlocks } from '../../scripts/actionlint.js'
import { loadYaml } from '../../scripts/docs.js'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const examples = readFileSync(join(root, 'docs/examples.md'), 'utf8')
const block = extractYamlBlocks(examples).find(b => /^name: deploy my-fn with approval$/m.test(b.text))
const workflow = loadYaml(block?.text ?? '') as { jobs: Record<string, { if?: string; needs?: string[] }> }

/**
 * The job's `if` as GitHub evaluates it in a job that needs others: failure() is true when a needed job
 * failed, cancelled() when the run was cancelled. Only the functions and the one output the example uses.
 */
function evaluate(
  expression: string,
  state: { failure: boolean; cancelled: boolean; status: string }
): boolean {
  const js = expression
    .replace(/failure\(\)/g, String(state.failure))
    .replace(/cancelled\(\)/g, String(state.cancelled))
    .replace(/needs\.start\.outputs\.status/g, JSON.stringify(state.status))
    .replace(/==/g, '===')
  expect(js).toMatch(/^[\s()!&|=a-z"'-]+$/)
  return Boolean(new Function(`return (${js})`)())
}

test('the example is a workflow actionlint finds no fault in', async () => {
  expect(block).toBeDefined()
  expect(await actionlint(block?.text ?? '', 'docs/examples.md')).toEqual([])
})

test('abort runs when finish failed (a rejection) and when the run was cancelled during the wait', () => {
  const condition = workflow.jobs.abort?.if ?? ''
  expect(workflow.jobs.abort?.needs).toEqual(['start', 'finish'])
  expect(evaluate(condition, { failure: true, cancelled: false, status: 'in-progress' })).toBe(true)
  expect(evaluate(condition, { failure: false, cancelled: true, status: 'in-progress' })).toBe(true)
  // Not after a finish that promoted, and not when start never left a canary.
  expect(evaluate(condition, { failure: false, cancelled: false, status: 'in-progress' })).toBe(false)
  expect(evaluate(condition, { failure: true, cancelled: false, status: 'failed' })).toBe(false)
  expect(evaluate(condition, { failure: false, cancelled: true, status: 'promoted' })).toBe(false)
})

test("release.yml: each tag has its own concurrency group, so a third tag never replaces the second's run", () => {
  const release = loadYaml(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as {
    concurrency: { group: string; 'cancel-in-progress': boolean }
  }
  expect(release.concurrency['cancel-in-progress']).toBe(false)
  expect(release.concurrency.group).toBe(
    "release-${{ github.event_name == 'push' && github.ref_name || inputs.tag }}"
  )
})
