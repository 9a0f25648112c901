// The npm registry reachable here mirrors only some platforms' optional native packages (e.g. of
// unrs-resolver, which Jest 30 uses). `npm install` then leaves them out of package-lock.json and `npm ci`
// rejects the lock as out of sync. This adds a lock entry, with its os/cpu/libc, for every optional
// dependency the lock names but lacks. npm never fetches a package whose platform does not match, so here
// nothing is downloaded; elsewhere npm fetches them as usual. Run after `npm install`: node scripts/lock-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs'

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'))
const packages = lock.packages
const PLATFORM =
  /-(android|darwin|freebsd|linux|openharmony|win32|wasm32)-([a-z0-9]+)(?:-(gnu|gnueabihf|musl|musleabihf|msvc|eabi|wasi))?$/
let added = 0
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`
    if (packages[key] || packages[`${path}/node_modules/${name}`]) continue
    const m = PLATFORM.exec(name)
    if (!m || !/^\d+\.\d+\.\d+$/.test(version))
      throw new Error(`${name}@${version}: not a platform package this script understands`)
    const [, os, cpu, abi] = m
    const unscoped = name.split('/').pop()
    packages[key] = {
      version,
      resolved: `https://registry.npmjs.org/${name}/-/${unscoped}-${version}.tgz`,
      ...(os === 'wasm32' ? { cpu: ['wasm32'] } : { cpu: [cpu === 'arm' ? 'arm' : cpu], os: [os] }),
      ...(abi === 'gnu' || abi === 'gnueabihf'
        ? { libc: ['glibc'] }
        : abi === 'musl' || abi === 'musleabihf'
          ? { libc: ['musl'] }
          : {}),
      dev: entry.dev ?? false,
      optional: true
    }
    added++
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0))
)
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n')
console.log(`package-lock.json: added ${added} platform entries`)
