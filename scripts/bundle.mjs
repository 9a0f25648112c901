// Builds dist/index.js (main) and dist/post.js (post) with ncc, minified (faster to start) with source
// maps beside them (NODE_OPTIONS=--enable-source-maps maps a stack trace back to src/). Each entry is bundled on its own and its
// index.js renamed, so both are self-contained ESM files the runner starts directly. ncc type-checks with
// src/tsconfig.json (src only). dist/ is replaced only once both builds succeed.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'

const entries = { index: 'src/index.ts', post: 'src/post.ts' }
const staging = mkdtempSync(join(tmpdir(), 'dist-'))
try {
  for (const [name, src] of Object.entries(entries)) {
    const out = join(staging, `.${name}`)
    execFileSync(
      'ncc',
      [
        'build',
        src,
        '-o',
        out,
        '--quiet',
        '--minify',
        '--source-map',
        '--no-source-map-register',
        '--target',
        'es2023'
      ],
      { stdio: 'inherit' }
    )
    // Lazy chunks are named N.index.js by ncc whatever the entry: give each entry's chunks its own suffix
    // (and point its chunk loader at it) so that the two builds never overwrite each other's.
    for (const file of readdirSync(out)) {
      if (file === 'package.json') continue
      const target = file.replace(/^index\.js/, `${name}.js`).replace(/^(\d+)\.index\.js/, `$1.${name}.js`)
      const text = readFileSync(join(out, file), 'utf8')
        .replaceAll('".index.js"', `".${name}.js"`)
        .replace(/(\/\/# sourceMappingURL=(?:\d+\.)?)index\.js\.map/g, `$1${name}.js.map`)
      writeFileSync(join(staging, target), text)
      rmSync(join(out, file))
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
