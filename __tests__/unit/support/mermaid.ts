// The real Mermaid parser, for tests that check a chart is valid Mermaid. mermaid.parse() needs a DOM only
// because Mermaid's sanitizer (DOMPurify) binds to `window` when the module loads, so jsdom goes in first.
import { JSDOM } from 'jsdom'
import type { Mermaid } from 'mermaid'

let loaded: Promise<Mermaid> | undefined

export function loadMermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    const dom = new JSDOM('<!doctype html><html><body></body></html>')
    Object.assign(globalThis, { window: dom.window, document: dom.window.document })
    return (await import('mermaid')).default
  })()
  return loaded
}

/** The body of every ```mermaid block in a piece of Markdown. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map(m => m[1] ?? '')
}

/** True when Mermaid parses the diagram as an xychart. */
export async function parsesAsXyChart(diagram: string): Promise<boolean> {
  const mermaid = await loadMermaid()
  try {
    return (await mermaid.parse(diagram)).diagramType === 'xychart'
  } catch {
    return false
  }
}
