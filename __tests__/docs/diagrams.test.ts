// The README's diagrams are real Mermaid: GitHub draws them with the same parser.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadMermaid, mermaidBlocks } from '../unit/support/mermaid.js'

const readme = readFileSync(resolve(fileURLToPath(import.meta.url), '../../../README.md'), 'utf8')

test("the README's Mermaid blocks parse, the wings' flowchart among them", async () => {
  const blocks = mermaidBlocks(readme)
  const wings = blocks.filter(b => b.includes('ledger["ledger/"]'))
  expect(wings).toHaveLength(1)
  const mermaid = await loadMermaid()
  // parse throws on a diagram Mermaid cannot read.
  for (const block of blocks) expect((await mermaid.parse(block)).diagramType).toEqual(expect.any(String))
})
