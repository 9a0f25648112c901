// npm run lint's check that no files in src/ import each other in a circle (ESLint's rules keep the
// wings' order; this keeps the files inside a wing, and the root's, free of loops). Exits 1 on a circle.
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'
import { findCircles, importGraph } from './lib/import-graph.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const dir = process.argv[2] ?? 'src'
const graph = importGraph(root, dir)
const circles = findCircles(graph)
for (const circle of circles) console.error(`import circle: ${circle.join(' → ')}`)
if (circles.length > 0) process.exit(1)
console.log(`${graph.size} files in ${dir}/, no import circle`)
