// Builds dist/index.js (main) and dist/post.js (post) with ncc. Each entry is bundled on its own
// and its index.js renamed, so both files are self-contained ESM that the runner can start directly.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, renameSync, rmSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'

const entries = { index: 'src/index.ts', post: 'src/post.ts' }
rmSync('dist', { recursive: true, force: true })
mkdirSync('dist')
for (const [name, src] of Object.entries(entries)) {
  const out = mkdtempSync(join(tmpdir(), 'ncc-'))
  execFileSync('ncc', ['build', src, '-o', out, '--quiet', '--target', 'es2023'], { stdio: 'inherit' })
  for (const file of readdirSync(out)) {
    if (file === 'index.js') renameSync(join(out, file), join('dist', `${name}.js`))
    else if (file === 'package.json') continue
    else renameSync(join(out, file), join('dist', file))
  }
  rmSync(out, { recursive: true, force: true })
}
// ESM: the runner starts dist/*.js with plain node, so dist/ declares its own module type.
writeFileSync('dist/package.json', JSON.stringify({ type: 'module' }) + '\n')
void readFileSync
