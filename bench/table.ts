// Printing the table and writing results.json.
import { execFileSync } from 'node:child_process'
import { writeFileSync, mkdirSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname } from 'node:path'
import type { Figure } from './types.js'

const mark = (f: Figure): string => (f.ok === undefined ? '' : f.ok ? '✓' : '✗')

/** A Markdown table, padded so it also reads well in a terminal (and pastes into the README as is). */
export function renderTable(figures: readonly Figure[]): string {
  const rows = [
    ['scenario', 'figure', 'value', 'target', 'ok'],
    ...figures.map(f => [f.scenario, f.name, f.value, f.target ?? '', mark(f)])
  ]
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map(r => [...(r[col] ?? '')].length)))
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ')} |`
  return [line(rows[0]!), line(widths.map(w => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n')
}

export function machine(): Record<string, unknown> {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    // The harness runs the action with the runner's Node 24 (node_modules/.bin/node), not tsx's node.
    actionNode: execFileSync('node_modules/.bin/node', ['--version'], { encoding: 'utf8' }).trim(),
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString()
  }
}

export function writeResults(path: string, body: Record<string, unknown>): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify(body, null, 2) + '\n')
}
