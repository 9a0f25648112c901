// Runs the action's main (dist/index.js) in this very process and, at exit, writes the process's peak
// resident set size to $BENCH_RSS_FILE. The harness returns a result, not the child's pid, so the child
// reports on itself. The 100 ms sampler only adds a breakdown (heap vs the rest) for results.json.
import { readFileSync, writeFileSync } from 'node:fs'

const peak = { heapUsed: 0, heapTotal: 0, external: 0 }
const sample = () => {
  const m = process.memoryUsage()
  for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], m[key])
}
setInterval(sample, 100).unref()

process.on('exit', () => {
  sample()
  const status = readFileSync('/proc/self/status', 'utf8')
  const vmHwmKb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN)
  const file = process.env.BENCH_RSS_FILE
  if (file) writeFileSync(file, JSON.stringify({ vmHwmKb, peak }))
})

await import('../dist/index.js')
