// The relative imports between a tree's TypeScript files, and the circles among them. Type-only imports
// count too: a circle of types still ties the files to each other.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/** Every relative module a file names: static imports, re-exports and dynamic import(). */
export function relativeSpecifiers(text: string): string[] {
  const found = new Set<string>()
  const forms = [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/gm,
    /^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm,
    /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g
  ]
  for (const form of forms) for (const m of text.matchAll(form)) found.add(m[1] as string)
  return [...found]
}

/** `./a.js` from `dir/b.ts` → `dir/a.ts`, the way NodeNext resolution maps .js to a .ts source. */
function resolveSource(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier)
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]
  return candidates.find(c => c.endsWith('.ts') && existsSync(c))
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourcesUnder(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** file → the files it imports, every path relative to `root`. */
export function importGraph(root: string, dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sourcesUnder(resolve(root, dir))) {
    const targets = relativeSpecifiers(readFileSync(file, 'utf8'))
      .map(s => resolveSource(file, s))
      .filter((t): t is string => t !== undefined)
      .map(t => relative(root, t))
    graph.set(relative(root, file), [...new Set(targets)].sort())
  }
  return graph
}

/** Each circle once, as the files in import order with the first repeated at the end. */
export function findCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = []
  const seen = new Set<string>()
  const state = new Map<string, 'open' | 'done'>()
  const path: string[] = []
  const visit = (file: string): void => {
    state.set(file, 'open')
    path.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const circle = [...path.slice(path.indexOf(next)), next]
        const key = [...circle.slice(0, -1)].sort().join('\n')
        if (!seen.has(key)) {
          seen.add(key)
          circles.push(circle)
        }
      } else if (!state.has(next)) visit(next)
    }
    path.pop()
    state.set(file, 'done')
  }
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file)
  return circles
}
