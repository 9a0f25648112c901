// Builds dist/index.js (main) and dist/post.js (post) with ncc. Each entry is bundled on its own and its
// index.js renamed, so both are self-contained ESM files the runner starts directly. ncc type-checks with
// src/tsconfig.json (src only). dist/ is replaced only once both builds succeed.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, renameSync, rmSync, mkdirSync, writeFileSync, cpSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'

const entries = { index: 'src/index.ts', post: 'src/post.ts' }
const staging = mkdtempSync(join(tmpdir(), 'dist-'))
try {
  for (const [name, src] of Object.entries(entries)) {
    const out = join(staging, `.${name}`)
    execFileSync('ncc', ['build', src, '-o', out, '--quiet', '--target', 'es2023'], { stdio: 'inherit' })
    for (const file of readdirSync(out)) {
      if (file === 'package.json') continue
      renameSync(join(out, file), join(staging, file === 'index.js' ? `${name}.js` : file))
    }
    rmSync(out, { recursive: true, force: true })
  }
  // ESM: the runner starts dist/*.js with plain node, so dist/ declares its own module type.
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ type: 'module' }) + '\n')
  rmSync('dist', { recursive: true, force: true })
  mkdirSync('dist')
  cpSync(staging, 'dist', { recursive: true })
} finally {
  rmSync(staging, { recursive: true, force: true })
}
