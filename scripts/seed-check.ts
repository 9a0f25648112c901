// Runs the AWS CLI commands docs/rehearsal.md tells users to seed the emulator with, exactly as printed, against
// an emulator started here (realistic profile), then one call of each other CloudWatch operation, and
// fails on any error. The CLI is Debian's `awscli`
// (v2 2.9, which speaks only the query protocol to CloudWatch): $AWS_CLI, else /usr/bin/aws, else `aws`.
// AWS CLI 2.9 ignores AWS_ENDPOINT_URL (that variable came in 2.13), so every `aws` call goes through a
// shell function that adds `--endpoint-url` for this emulator's ephemeral port; nothing else is changed.
//
//   node --import tsx scripts/seed-check.ts        (.ci/run runs it)
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

// The ```sh block of docs/rehearsal.md that seeds the emulator (the one with `aws lambda create-function`), and the
// `aws` lines of the block after it (flipping the alarm, reading the alias).
export function seedingCommands(readme: string): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map(m => m[1]!)
  const at = blocks.findIndex(b => b.includes('aws lambda create-function') && b.includes('aws cloudwatch'))
  if (at < 0)
    fail('docs/rehearsal.md has no ```sh block with `aws lambda create-function` and `aws cloudwatch`')
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
  if (version.status !== 0)
    fail(`cannot run the AWS CLI "${chosen}" (install Debian's awscli, or set AWS_CLI)`)
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

// Then every other CloudWatch operation the emulator serves, through the same CLI and protocol.
const EXTRA = [
  'aws cloudwatch describe-alarms --alarm-names my-fn-errors --query "MetricAlarms[0].StateValue" --output text',
  'aws cloudwatch put-metric-data --namespace Seed/Check --metric-name Depth --value 3 --unit Count',
  `aws cloudwatch get-metric-data --start-time 2020-01-01T00:00:00Z --end-time 2100-01-01T00:00:00Z --metric-data-queries '[{"Id":"d","MetricStat":{"Metric":{"Namespace":"Seed/Check","MetricName":"Depth"},"Period":60,"Stat":"Sum"}}]' --query "MetricDataResults[0].StatusCode" --output text`,
  `aws cloudwatch put-composite-alarm --alarm-name my-fn-any --alarm-rule 'ALARM("my-fn-errors") OR NOT OK(my-fn-errors)'`,
  'aws cloudwatch describe-alarms --alarm-types CompositeAlarm --query "CompositeAlarms[0].StateValue" --output text',
  'aws cloudwatch delete-alarms --alarm-names my-fn-any'
]

const aws = cli()
const commands = [...seedingCommands(readFileSync(join(ROOT, 'docs', 'rehearsal.md'), 'utf8')), ...EXTRA]
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
  if (run.status !== 0) fail(`docs/rehearsal.md's commands failed (exit ${run.status ?? run.signal})`)
  if (/An error occurred/.test(run.stderr)) fail('the AWS CLI reported an error')
  if (refused.length > 0) {
    fail(`the emulator refused: ${refused.map(e => `${e.operation} ${e.status} ${e.errorType}`).join(', ')}`)
  }
  const operations = new Set(emu.log.map(e => e.operation))
  const expected = ['CreateFunction', 'PublishVersion', 'CreateAlias', 'PutMetricAlarm', 'SetAlarmState']
  expected.push('DescribeAlarms', 'PutMetricData', 'GetMetricData', 'PutCompositeAlarm', 'DeleteAlarms')
  for (const op of expected) {
    if (!operations.has(op)) fail(`docs/rehearsal.md's commands never called ${op}`)
  }
  console.log(`seed-check: ${commands.length} commands, ${emu.log.length} requests, all answered`)
} finally {
  rmSync(dir, { recursive: true, force: true })
  await emu.close()
}
