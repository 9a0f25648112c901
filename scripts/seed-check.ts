// Runs the AWS CLI commands README.md tells users to seed the emulator with, exactly as printed, against
// an emulator started here (realistic profile), and fails on any error. The CLI is Debian's `awscli`
// (v2 2.9, which speaks only the query protocol to CloudWatch): $AWS_CLI, else /usr/bin/aws, else `aws`.
// AWS CLI 2.9 ignores AWS_ENDPOINT_URL (that variable came in 2.13), so every `aws` call goes through a
// shell function that adds `--endpoint-url` for this emulator's ephemeral port; nothing else is changed.
//
//   npm run seed:check          (or: node --import tsx scripts/seed-check.ts)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulator } from '../emulator/index.js'

const ROOT = resolve(fileURLToPath(import.meta.url), '../..')

function fail(message: string): never {
  console.error(`seed-check: ${message}`)
  process.exit(1)
}

// The README's ```sh block that seeds the emulator (the one with `aws lambda create-function`), and the
// `aws` lines of the block after it (flipping the alarm, reading the alias).
export function seedingCommands(readme: string): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map(m => m[1]!)
  const at = blocks.findIndex(b => b.includes('aws lambda create-function') && b.includes('aws cloudwatch'))
  if (at < 0) fail('README.md has no ```sh block with `aws lambda create-function` and `aws cloudwatch`')
  const joined = (block: string): string[] =>
    block
      .replace(/\\\n/g, ' ')
      .split('\n')
      .map(l => l.trim())
      .filter(l => l !== '')
  const after = joined(blocks[at + 1] ?? '').filter(l => l.startsWith('aws '))
  return [...joined(blocks[at]!), ...after]
}

function cli(): string {
  const chosen = process.env.AWS_CLI ?? (existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws')
  const version = spawnSync(chosen, ['--version'], { encoding: 'utf8' })
  if (version.status !== 0) fail(`cannot run the AWS CLI "${chosen}" (install Debian's awscli, or set AWS_CLI)`)
  console.log(`seed-check: ${chosen}: ${version.stdout.trim()}`)
  return chosen
}

interface Run {
  status: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

function runScript(dir: string, endpoint: string): Promise<Run> {
  return new Promise((done, reject) => {
    const child = spawn('bash', ['seed.sh'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, SEED_CHECK_ENDPOINT: endpoint, AWS_PAGER: '' },
      stdio: ['ignore', 'inherit', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
      process.stderr.write(chunk)
    })
    const timer = setTimeout(() => child.kill('SIGTERM'), 180000)
    child.on('error', reject)
    child.on('close', (status, signal) => {
      clearTimeout(timer)
      done({ status, signal, stderr })
    })
  })
}

const aws = cli()
const commands = seedingCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'))
const emu = await startEmulator({ port: 0, profile: 'realistic' })
const dir = mkdtempSync(join(tmpdir(), 'seed-check-'))
try {
  // Each command is echoed, then run; the first failure stops the script (set -e, pipefail).
  const script = [
    'set -euo pipefail',
    `aws() { ${JSON.stringify(aws)} --endpoint-url "$SEED_CHECK_ENDPOINT" "$@"; }`,
    ...commands.flatMap(c => [`echo ${JSON.stringify(`$ ${c}`)}`, c])
  ].join('\n')
  writeFileSync(join(dir, 'seed.sh'), script + '\n')
  // Asynchronously: the emulator answers from this process's event loop.
  const run = await runScript(dir, emu.url)
  const refused = emu.log.filter(e => e.status >= 400)
  if (run.status !== 0) fail(`the README's commands failed (exit ${run.status ?? run.signal})`)
  if (/An error occurred/.test(run.stderr)) fail('the AWS CLI reported an error')
  if (refused.length > 0) {
    fail(`the emulator refused: ${refused.map(e => `${e.operation} ${e.status} ${e.errorType}`).join(', ')}`)
  }
  const operations = new Set(emu.log.map(e => e.operation))
  for (const op of ['CreateFunction', 'PublishVersion', 'CreateAlias', 'PutMetricAlarm', 'SetAlarmState']) {
    if (!operations.has(op)) fail(`the README's commands never called ${op}`)
  }
  console.log(`seed-check: ${commands.length} README commands, ${emu.log.length} requests, all answered`)
} finally {
  rmSync(dir, { recursive: true, force: true })
  await emu.close()
}
