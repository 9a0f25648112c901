// Runs the bundled action the way the GitHub runner (actions/runner) starts a `node24` action, so
// end-to-end tests exercise dist/ through the same contract a workflow does:
// - the runner's own node (here node_modules/.bin/node, Node 24) runs `<action dir>/<runs.main|post>`
//   with the workspace as cwd, stdin closed, and a job-like environment;
// - every input declared in action.yml becomes INPUT_<NAME> (upper-cased, spaces → `_`, hyphens kept),
//   with the action.yml default (or '') when the step gives none;
// - each step gets fresh GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY / GITHUB_ENV / GITHUB_PATH
//   files, read back after the process ends whatever its exit (the runner does it in a `finally`);
// - the post step sees main's saved state as STATE_<name> variables;
// - cancellation is SIGINT to the process only, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after that;
// - the log is available as it is printed (onOutput), as the runner streams it.
// Nothing here depends on jest, so scripts (the demo, npm run rehearse) can import it too.
import { spawn, execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
  existsSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface SignalOptions {
  name: NodeJS.Signals
  /** Send after this many ms (counted from spawn, or from the stdout match when both are given). */
  afterMs?: number
  /** Send once stdout matches (checked against everything printed so far). */
  whenStdout?: RegExp
  /**
   * Follow up as the runner's cancellation does when the process is still alive: SIGTERM, then SIGKILL.
   * `true` uses the runner's timings (7.5 s, then 2.5 s); an object sets them (tests).
   */
  escalate?: boolean | { termAfterMs: number; killAfterMs: number }
}

export interface RunOptions {
  /** kebab-case names as in action.yml; missing ones get action.yml defaults. */
  inputs: Record<string, string>
  /** Extra environment (AWS_ENDPOINT_URL, AWS_REGION, …); overrides the runner-like base; undefined unsets. */
  env?: Record<string, string | undefined>
  /** For the post entry: becomes STATE_<name> variables. */
  state?: Record<string, string>
  entry?: 'main' | 'post'
  signal?: SignalOptions
  /** SIGKILL after this (default 60 s). */
  timeoutMs?: number
  /** Run this script instead of the action's runs.main / runs.post (harness self-tests). */
  script?: string
  /** Directory holding action.yml (default: the repository root). */
  actionDir?: string
  /** Triggering event (default: push to main). `release` payloads also set GITHUB_REF to the tag. */
  event?: { name: string; payload: unknown }
  /** Called with each chunk the process prints, as it prints it. */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void
  /** Called once the process has been started. */
  onSpawn?: (info: { entry: 'main' | 'post'; pid: number; script: string }) => void
  /**
   * Cancels the step as the runner cancels a job once this aborts: SIGINT, then SIGTERM 7.5 s later, then
   * SIGKILL 2.5 s after that. (A Ctrl-C in a terminal also reaches the process directly, as it shares the
   * terminal's process group; the second SIGINT changes nothing for an action that handles the first.)
   */
  cancel?: AbortSignal
}

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

export interface RunResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Parsed from GITHUB_OUTPUT. */
  outputs: Record<string, string>
  /** Parsed from GITHUB_STATE. */
  state: Record<string, string>
  /** GITHUB_STEP_SUMMARY contents. */
  summary: string
  /** `::command props::message` lines from stdout, then stderr (the runner reads both). */
  commands: WorkflowCommand[]
  /** What the runner would report itself: unexpected inputs (warning), unparsable file commands (step fails). */
  runnerWarnings: string[]
  runnerErrors: string[]
  timedOut: boolean
  startedAt: number
  signalSentAt?: number
  endedAt: number
}

/** The runner's cancellation ladder (actions/runner ProcessInvoker). */
export const RUNNER_CANCEL_TIMINGS = { termAfterMs: 7500, killAfterMs: 2500 } as const

/** Stable fake job context; tests can assert against these. */
export const HARNESS_CONTEXT = {
  repository: 'octo/app',
  sha: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/heads/main',
  runId: '4242',
  serverUrl: 'https://github.com',
  apiUrl: 'https://api.github.com',
  token: 'ghs_harnessDummyToken0000000000000000000'
} as const

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface ActionManifest {
  dir: string
  inputs: Record<string, { default?: unknown }>
  runs: { using: string; main: string; post?: string }
}

function loadManifest(actionDir = repoRoot): ActionManifest {
  // js-yaml ships no types and is only a transitive dependency; require keeps it sync and typed here.
  const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }
  const doc = yaml.load(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as Partial<ActionManifest> | null
  const runs = doc?.runs
  if (!runs || typeof runs.main !== 'string') throw new Error(`${actionDir}/action.yml: runs.main missing`)
  if (runs.using !== 'node24')
    throw new Error(`${actionDir}/action.yml: runs.using is ${runs.using}, not node24`)
  return { dir: actionDir, inputs: doc.inputs ?? {}, runs }
}

// The runner evaluates default expressions against the job's contexts; only what action.yml uses is known.
function evaluateDefault(raw: unknown): string {
  if (raw === undefined || raw === null) return ''
  const text = String(raw)
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_match, expr: string) => {
    const known: Record<string, string> = {
      'github.token': HARNESS_CONTEXT.token,
      'github.repository': HARNESS_CONTEXT.repository,
      'github.sha': HARNESS_CONTEXT.sha,
      'github.ref': HARNESS_CONTEXT.ref
    }
    const value = known[expr]
    if (value === undefined) throw new Error(`harness cannot evaluate default expression \${{ ${expr} }}`)
    return value
  })
}

/** Input defaults of action.yml, evaluated as the runner would (`${{ github.token }}` → a dummy token). */
export function loadActionDefaults(actionDir?: string): Record<string, string> {
  const manifest = loadManifest(actionDir)
  const defaults: Record<string, string> = {}
  for (const [name, spec] of Object.entries(manifest.inputs)) defaults[name] = evaluateDefault(spec?.default)
  return defaults
}

/** Runner's env name for an input: `INPUT_` + upper-cased name, spaces → `_`, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

let nodePath: string | undefined
function node24(): string {
  if (nodePath) return nodePath
  const candidate = join(repoRoot, 'node_modules', '.bin', 'node')
  if (!existsSync(candidate))
    throw new Error(`${candidate} missing: run npm ci (the "node" devDependency is Node 24)`)
  const path = realpathSync(candidate)
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()
  if (!version.startsWith('v24.')) throw new Error(`${path} is ${version}; action.yml says node24`)
  return (nodePath = path)
}

/**
 * Parses a file-command file as the runner does: `name=value` lines, or `name<<DELIM` then lines up to
 * one equal to DELIM (the newline before it is not part of the value). Empty lines are skipped.
 * Later entries win. Throws on what makes the runner fail the step.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  // A trailing newline does not start another line.
  if (lines.at(-1) === '') lines.pop()
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '') continue
    const eq = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      const name = line.slice(0, eq)
      if (name === '') throw new Error(`Invalid format '${line}'. Name must not be empty`)
      result[name] = line.slice(eq + 1)
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc)
      const delimiter = line.slice(heredoc + 2)
      if (name === '' || delimiter === '')
        throw new Error(`Invalid format '${line}'. Name and delimiter must not be empty`)
      const end = lines.indexOf(delimiter, i + 1)
      if (end < 0) throw new Error(`Invalid value. Matching delimiter not found '${delimiter}'`)
      result[name] = lines.slice(i + 1, end).join('\n')
      i = end
    } else {
      throw new Error(`Invalid format '${line}'`)
    }
  }
  return result
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

/** `::command key=value,key=value::message` lines, honouring `::stop-commands::token` … `::token::`. */
export function parseWorkflowCommands(output: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const rawLine of output.split('\n')) {
    const line = rawLine.replace(/\r$/, '')
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      continue
    }
    const match = /^::([^\s:]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!match) continue
    const [, command = '', props = '', message = ''] = match
    const properties: Record<string, string> = {}
    for (const pair of props.split(',')) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1))
    }
    const parsed = { command, properties, message: unescapeData(message) }
    if (command === 'stop-commands') stopToken = parsed.message
    commands.push(parsed)
  }
  return commands
}

interface Sandbox {
  root: string
  workspace: string
  temp: string
  home: string
  eventPath: string
}

function createSandbox(event: RunOptions['event']): Sandbox {
  const root = mkdtempSync(join(tmpdir(), 'lambda-promote-run-'))
  const sandbox = {
    root,
    workspace: join(root, 'workspace'),
    temp: join(root, 'runner-temp'),
    home: join(root, 'home'),
    eventPath: join(root, 'event.json')
  }
  for (const dir of [
    sandbox.workspace,
    sandbox.temp,
    sandbox.home,
    join(sandbox.temp, '_runner_file_commands')
  ])
    mkdirSync(dir, { recursive: true })
  const payload = event?.payload ?? {
    ref: HARNESS_CONTEXT.ref,
    after: HARNESS_CONTEXT.sha,
    repository: { full_name: HARNESS_CONTEXT.repository, name: 'app', owner: { login: 'octo' } }
  }
  writeFileSync(sandbox.eventPath, JSON.stringify(payload))
  return sandbox
}

function releaseTag(payload: unknown): string | undefined {
  const tag = (payload as { release?: { tag_name?: unknown } } | null)?.release?.tag_name
  return typeof tag === 'string' ? tag : undefined
}

function baseEnv(sandbox: Sandbox, event: RunOptions['event']): Record<string, string> {
  const tag = event?.name === 'release' ? releaseTag(event.payload) : undefined
  const ref = tag ? `refs/tags/${tag}` : HARNESS_CONTEXT.ref
  const env: Record<string, string> = {
    // HOME is a fresh dir so ~/.aws of whoever runs the tests can never leak in.
    HOME: sandbox.home,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: sandbox.workspace,
    GITHUB_REPOSITORY: HARNESS_CONTEXT.repository,
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_SHA: HARNESS_CONTEXT.sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: tag ? 'tag' : 'branch',
    GITHUB_EVENT_NAME: event?.name ?? 'push',
    GITHUB_EVENT_PATH: sandbox.eventPath,
    GITHUB_RUN_ID: HARNESS_CONTEXT.runId,
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_ACTION: '__self',
    GITHUB_SERVER_URL: HARNESS_CONTEXT.serverUrl,
    GITHUB_API_URL: HARNESS_CONTEXT.apiUrl,
    GITHUB_GRAPHQL_URL: `${HARNESS_CONTEXT.apiUrl}/graphql`,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'harness',
    RUNNER_ENVIRONMENT: 'self-hosted',
    RUNNER_TEMP: sandbox.temp,
    RUNNER_TOOL_CACHE: join(sandbox.root, 'toolcache'),
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1'
  }
  // PATH is inherited as on a real runner; nothing else of the test process is (NODE_OPTIONS included).
  if (process.env.PATH) env.PATH = process.env.PATH
  return env
}

const fileCommands = {
  GITHUB_OUTPUT: 'set_output_',
  GITHUB_STATE: 'save_state_',
  GITHUB_STEP_SUMMARY: 'step_summary_',
  GITHUB_ENV: 'set_env_',
  GITHUB_PATH: 'add_path_'
} as const

async function runInSandbox(sandbox: Sandbox, opts: RunOptions): Promise<RunResult> {
  const manifest = loadManifest(opts.actionDir)
  const entry = opts.entry ?? 'main'
  const target =
    opts.script ?? join(manifest.dir, entry === 'main' ? manifest.runs.main : (manifest.runs.post ?? ''))
  if (entry === 'post' && !opts.script && !manifest.runs.post)
    throw new Error('action.yml declares no runs.post')

  const env = baseEnv(sandbox, opts.event)
  // Fresh files per step, named as the runner names them.
  const suffix = randomUUID()
  const fileOf = (variable: keyof typeof fileCommands): string =>
    join(sandbox.temp, '_runner_file_commands', `${fileCommands[variable]}${suffix}`)
  for (const variable of Object.keys(fileCommands) as (keyof typeof fileCommands)[]) {
    writeFileSync(fileOf(variable), '')
    env[variable] = fileOf(variable)
  }

  const runnerWarnings: string[] = []
  const defaults = loadActionDefaults(opts.actionDir)
  const declared = new Set(Object.keys(defaults).map(name => name.toLowerCase()))
  const unexpected = Object.keys(opts.inputs).filter(name => !declared.has(name.toLowerCase()))
  if (unexpected.length > 0)
    runnerWarnings.push(
      `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${Object.keys(defaults).join("', '")}']`
    )
  for (const [name, value] of Object.entries({ ...defaults, ...opts.inputs })) env[inputEnvName(name)] = value
  for (const [name, value] of Object.entries(opts.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  for (const [name, value] of Object.entries(opts.state ?? {})) env[`STATE_${name}`] = value

  const child = spawn(node24(), [target], { cwd: sandbox.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const startedAt = Date.now()
  if (child.pid !== undefined) opts.onSpawn?.({ entry, pid: child.pid, script: target })
  let stdout = ''
  let stderr = ''
  let signalSentAt: number | undefined
  let timedOut = false
  const timers: NodeJS.Timeout[] = []
  const later = (ms: number, fn: () => void): void => void timers.push(setTimeout(fn, ms))
  let exited = false

  const sendSignal = (spec: SignalOptions | undefined = opts.signal): void => {
    if (!spec || signalSentAt !== undefined || exited) return
    signalSentAt = Date.now()
    child.kill(spec.name)
    if (!spec.escalate) return
    const timings = spec.escalate === true ? RUNNER_CANCEL_TIMINGS : spec.escalate
    later(timings.termAfterMs, () => {
      if (exited) return
      child.kill('SIGTERM')
      later(timings.killAfterMs, () => void (exited || child.kill('SIGKILL')))
    })
  }
  let armed = false
  const arm = (): void => {
    if (armed) return
    armed = true
    if (opts.signal?.afterMs) later(opts.signal.afterMs, () => sendSignal())
    else sendSignal()
  }
  if (opts.signal && !opts.signal.whenStdout) arm()
  const cancel = (): void => sendSignal({ name: 'SIGINT', escalate: true })
  if (opts.cancel?.aborted) cancel()
  else opts.cancel?.addEventListener('abort', cancel, { once: true })

  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    opts.onOutput?.(chunk, 'stdout')
    if (opts.signal?.whenStdout?.test(stdout)) arm()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    opts.onOutput?.(chunk, 'stderr')
  })
  later(opts.timeoutMs ?? 60_000, () => {
    if (exited) return
    timedOut = true
    child.kill('SIGKILL')
  })

  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.on('error', fail)
    child.on('exit', () => (exited = true))
    child.on('close', (code, sig) => done([code, sig]))
  })
  const endedAt = Date.now()
  for (const timer of timers) clearTimeout(timer)
  opts.cancel?.removeEventListener('abort', cancel)

  // As the runner: file commands are read whatever the exit; a malformed one fails the step.
  const runnerErrors: string[] = []
  const readCommands = (variable: 'GITHUB_OUTPUT' | 'GITHUB_STATE'): Record<string, string> => {
    try {
      return parseFileCommands(readFileSync(fileOf(variable), 'utf8'))
    } catch (error) {
      runnerErrors.push(`Unable to process file command '${variable}': ${(error as Error).message}`)
      return {}
    }
  }
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: readCommands('GITHUB_OUTPUT'),
    state: readCommands('GITHUB_STATE'),
    summary: readFileSync(fileOf('GITHUB_STEP_SUMMARY'), 'utf8'),
    commands: [...parseWorkflowCommands(stdout), ...parseWorkflowCommands(stderr)],
    runnerWarnings,
    runnerErrors,
    timedOut,
    startedAt,
    signalSentAt,
    endedAt
  }
}

/** One step of the action (main by default) in a fresh workspace. */
export async function runAction(opts: RunOptions): Promise<RunResult> {
  const sandbox = createSandbox(opts.event)
  try {
    return await runInSandbox(sandbox, opts)
  } finally {
    rmSync(sandbox.root, { recursive: true, force: true })
  }
}

/**
 * Main, then post (`post-if: always()`: whatever main's outcome) in the same workspace, the post step
 * given main's saved state. The signal and the cancellation apply to main only; opts.state is ignored.
 */
export async function runMainThenPost(opts: RunOptions): Promise<{ main: RunResult; post: RunResult }> {
  const sandbox = createSandbox(opts.event)
  try {
    const main = await runInSandbox(sandbox, { ...opts, entry: 'main', state: {} })
    const { signal: _signal, cancel: _cancel, ...postOpts } = opts
    const post = await runInSandbox(sandbox, { ...postOpts, entry: 'post', state: main.state })
    return { main, post }
  } finally {
    rmSync(sandbox.root, { recursive: true, force: true })
  }
}
