// TypeScript to JavaScript for Jest, with esbuild (what tsx runs on): type-checking is `npm run build`'s job,
// so tests only strip types, file by file (tsconfig's isolatedModules keeps that sound). It replaced
// ts-jest's transpiler, which took about 35 s more of CPU over the suite on a cold cache.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { transformSync, version } from 'esbuild'

const tsconfigRaw = readFileSync(new URL('./tsconfig.json', import.meta.url), 'utf8')

export default {
  getCacheKey(source, path) {
    return createHash('sha256').update(version).update(tsconfigRaw).update(path).update(source).digest('hex')
  },
  process(source, path) {
    const { code } = transformSync(source, {
      loader: 'ts',
      format: 'esm',
      target: 'es2023',
      sourcemap: 'inline',
      sourcefile: path,
      tsconfigRaw
    })
    return { code }
  }
}
