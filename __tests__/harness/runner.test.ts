// The harness is checked with small fixture actions (dist/ is not built yet): they use the real
// @actions/core, so the env naming and file formats are proven against the library the action uses.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  HARNESS_CONTEXT,
  inputEnvName,
  loadActionDefaults,
  parseFileCommands,
  parseWorkflowCommands,
  runAction,
  runMainThenPost
} from '../../testkit/runner.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const coreUrl = pathToFileURL(join(repoRoot, 'node_modules/@actions/core/lib/core.js')).href

const actionYml = `name: fixture
description: harness fixture
inputs:
  function-name:
    description: required, no default
    required: true
  strategy:
    description: string default
    default: all-at-once
  canary-percent:
    description: unquoted number default
    default: 10
  wait:
    description: unquoted boolean default
    default: true
  my input:
    description: a name with a space
    default: spaced
  github-token:
    description: expression default
    default: \${{ github.token }}
  mode:
    description: what the fixture does
    default: ''
runs:
  using: node24
  main: main.mjs
  post: post.mjs
  post-if: always()
`

const mainScript = `
import * as core from '${coreUrl}'
import { appendFileSync, readFileSync } from 'node:fs'
const mode = core.getInput('mode')
const env = {}
for (const [k, v] of Object.entries(process.env)) if (/^(INPUT_|STATE_|GITHUB_|RUNNER_|NODE_|AWS_)|^(HOME|CI)$/.test(k)) env[k] = v
core.setOutput('env', JSON.stringify(env, null, 2))
core.setOutput('node', process.versions.node)
core.setOutput('cwd', process.cwd())
core.setOutput('function', core.getInput('function-name'))
core.setOutput('multiline', 'first\\nsecond=2\\nthird<<x\\n')
core.setOutput('event', readFileSync(process.env.GITHUB_EVENT_PATH, 'utf8'))
core.saveState('token', 'secret-123')
core.saveState('json', JSON.stringify({ a: 1, b: 'two\\nlines' }))
await core.summary.addHeading('Fixture summary').addRaw('body').write()
core.warning('careful, 50%: yes\\nsecond line', { file: 'src/a.ts', startLine: 3, title: 'T: x, y' })
core.startGroup('group one')
core.info('inside')
core.endGroup()
const record = line => appendFileSync(process.env.GITHUB_OUTPUT, line + '\\n')
if (mode === 'wait') {
  process.on('SIGINT', () => { record('got=SIGINT'); process.exit(1) })
  setInterval(() => {}, 1000)
  console.log('ready')
}
if (mode === 'stubborn') {
  process.on('SIGINT', () => record('got-sigint=' + Date.now()))
  process.on('SIGTERM', () => record('got-sigterm=' + Date.now()))
  setInterval(() => {}, 1000)
  console.log('ready')
}
if (mode === 'fail') core.setFailed('boom')
`

const postScript = `
import * as core from '${coreUrl}'
const state = {}
for (const [k, v] of Object.entries(process.env)) if (k.startsWith('STATE_')) state[k] = v
core.setOutput('state', JSON.stringify(state))
core.setOutput('token', core.getState('token'))
core.setOutput('function', core.getInput('function-name'))
core.setOutput('cwd', process.cwd())
`

let actionDir: string

beforeAll(() => {
  actionDir = mkdtempSync(join(tmpdir(), 'harness-fixture-'))
  writeFileSync(join(actionDir, 'action.yml'), actionYml)
  writeFileSync(join(actionDir, 'main.mjs'), mainScript)
  writeFileSync(join(actionDir, 'post.mjs'), postScript)
})

afterAll(() => rmSync(actionDir, { recursive: true, force: true }))

function envOf(result: { outputs: Record<string, string> }): Record<string, string> {
  return JSON.parse(result.outputs.env ?? '{}') as Record<string, string>
}

describe('parsing the runner file commands', () => {
  it('reads name=value lines and name<<DELIM heredoc blocks as the runner does', () => {
    const text = [
      'a=1',
      'b=x=y<<z',
      '',
      'c<<EOF',
      'line1',
      '',
      'line3=still<<value',
      'EOF',
      'empty<<END',
      'END',
      'a=2',
      ''
    ].join('\n')
    expect(parseFileCommands(text)).toEqual({
      a: '2',
      b: 'x=y<<z',
      c: 'line1\n\nline3=still<<value',
      empty: ''
    })
  })

  it('keeps a carriage return (the Linux runner splits on LF only) and needs no final newline', () => {
    expect(parseFileCommands('w<<D\r\nv\r\nD\r\nx<<D\nv\nD')).toEqual({ w: 'v\r', x: 'v' })
  })

  it.each([
    ['no separator', 'Invalid format'],
    ['=value', 'Name must not be empty'],
    ['<<EOF\nx\nEOF', 'Name and delimiter must not be empty'],
    ['name<<EOF\nvalue', "Matching delimiter not found 'EOF'"]
  ])('fails the step on %j', (text, message) => {
    expect(() => parseFileCommands(text)).toThrow(message)
  })

  it('parses workflow commands with escaped properties and data, honouring stop-commands', () => {
    const out = [
      'plain log line',
      '::warning file=src/a.ts,line=3,title=T%3A x%2C y::50%25 done%0Anext',
      '::group::deploy',
      '::endgroup::',
      '::stop-commands::pause-1',
      '::error::not a command while stopped',
      '::pause-1::',
      '::error::real error'
    ].join('\n')
    expect(parseWorkflowCommands(out)).toEqual([
      {
        command: 'warning',
        properties: { file: 'src/a.ts', line: '3', title: 'T: x, y' },
        message: '50% done\nnext'
      },
      { command: 'group', properties: {}, message: 'deploy' },
      { command: 'endgroup', properties: {}, message: '' },
      { command: 'stop-commands', properties: {}, message: 'pause-1' },
      { command: 'error', properties: {}, message: 'real error' }
    ])
  })

  it('names inputs as the runner does: upper-cased, spaces to underscores, hyphens kept', () => {
    expect(inputEnvName('function-name')).toBe('INPUT_FUNCTION-NAME')
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT')
  })
})

describe('action.yml defaults', () => {
  it('covers every input of the real action.yml, with ${{ github.token }} evaluated', () => {
    const defaults = loadActionDefaults()
    expect(defaults['function-name']).toBe('')
    expect(defaults.strategy).toBe('all-at-once')
    expect(defaults['github-token']).toBe(HARNESS_CONTEXT.token)
    expect(Object.values(defaults).some(value => value.includes('${{'))).toBe(false)
  })

  it('stringifies YAML numbers and booleans as the runner does', () => {
    expect(loadActionDefaults(actionDir)).toEqual({
      'function-name': '',
      strategy: 'all-at-once',
      'canary-percent': '10',
      wait: 'true',
      'my input': 'spaced',
      'github-token': HARNESS_CONTEXT.token,
      mode: ''
    })
  })
})

describe('runAction', () => {
  it('starts Node 24 in a fresh workspace with a runner-like env and INPUT_ variables', async () => {
    const result = await runAction({
      actionDir,
      inputs: { 'function-name': 'my-fn', strategy: 'canary' },
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_REGION: undefined, AWS_DEFAULT_REGION: 'eu-west-1' }
    })
    expect(result.runnerErrors).toEqual([])
    expect(result.stderr).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs.node).toMatch(/^24\./)
    const env = envOf(result)
    expect(result.outputs.cwd).toBe(env.GITHUB_WORKSPACE)
    expect(env).toMatchObject({
      'INPUT_FUNCTION-NAME': 'my-fn',
      INPUT_STRATEGY: 'canary',
      'INPUT_CANARY-PERCENT': '10',
      INPUT_WAIT: 'true',
      INPUT_MY_INPUT: 'spaced',
      'INPUT_GITHUB-TOKEN': HARNESS_CONTEXT.token,
      INPUT_MODE: '',
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:1'
    })
    expect(env.AWS_REGION).toBeUndefined()
    expect(env.GITHUB_SHA).toMatch(/^[0-9a-f]{40}$/)
    expect(env.GITHUB_RUN_ID).toMatch(/^\d+$/)
    expect(env.GITHUB_OUTPUT).toMatch(/_runner_file_commands\/set_output_[0-9a-f-]{36}$/)
    expect(env.GITHUB_STATE).toMatch(/save_state_/)
    expect(env.GITHUB_STEP_SUMMARY).toMatch(/step_summary_/)
    expect(env.RUNNER_TEMP).toBeTruthy()
    // Nothing of the jest process leaks in: no NODE_OPTIONS (--experimental-vm-modules), no debug, own HOME.
    expect(env.NODE_OPTIONS).toBeUndefined()
    expect(env.RUNNER_DEBUG).toBeUndefined()
    expect(env.HOME).not.toBe(process.env.HOME)
    expect(JSON.parse(result.outputs.event ?? '')).toMatchObject({ ref: 'refs/heads/main' })
  })

  it('parses heredoc outputs and state, the summary and the workflow commands', async () => {
    const result = await runAction({ actionDir, inputs: { 'function-name': 'fn' } })
    expect(result.outputs.multiline).toBe('first\nsecond=2\nthird<<x\n')
    expect(result.outputs.function).toBe('fn')
    expect(result.state).toEqual({ token: 'secret-123', json: JSON.stringify({ a: 1, b: 'two\nlines' }) })
    expect(result.summary).toContain('<h1>Fixture summary</h1>')
    expect(result.commands).toEqual([
      {
        command: 'warning',
        properties: { title: 'T: x, y', file: 'src/a.ts', line: '3' },
        message: 'careful, 50%: yes\nsecond line'
      },
      { command: 'group', properties: {}, message: 'group one' },
      { command: 'endgroup', properties: {}, message: '' }
    ])
  })

  it('reports a failing step and an unexpected input as the runner would', async () => {
    const result = await runAction({ actionDir, inputs: { 'function-name': 'fn', mode: 'fail', tyop: 'x' } })
    expect(result.exitCode).toBe(1)
    expect(result.commands).toContainEqual({ command: 'error', properties: {}, message: 'boom' })
    expect(result.runnerWarnings).toEqual([expect.stringContaining("Unexpected input(s) 'tyop'")])
    expect(envOf(result).INPUT_TYOP).toBe('x')
  })

  it('runs a script override against the real action.yml inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'harness-script-'))
    const script = join(dir, 'raw.mjs')
    writeFileSync(
      script,
      `import { appendFileSync } from 'node:fs'
const out = process.env.GITHUB_OUTPUT
appendFileSync(out, 'fn=' + process.env['INPUT_FUNCTION-NAME'] + '\\n')
appendFileSync(out, 'strategy=' + process.env.INPUT_STRATEGY + '\\n')
appendFileSync(out, 'token=' + process.env['INPUT_GITHUB-TOKEN'] + '\\n')
appendFileSync(out, 'broken line\\n')
`
    )
    try {
      const result = await runAction({ script, inputs: { 'function-name': 'a,b', alias: 'live' } })
      expect(result.exitCode).toBe(0)
      expect(result.runnerWarnings).toEqual([])
      // A malformed line makes the runner fail the step; the harness reports it instead of outputs.
      expect(result.runnerErrors).toEqual([expect.stringContaining("Invalid format 'broken line'")])
      expect(result.outputs).toEqual({})
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('takes the release tag into GITHUB_REF on a release event', async () => {
    const payload = { action: 'published', release: { tag_name: 'v1.2.3' } }
    const result = await runAction({ actionDir, inputs: {}, event: { name: 'release', payload } })
    expect(envOf(result)).toMatchObject({
      GITHUB_EVENT_NAME: 'release',
      GITHUB_REF: 'refs/tags/v1.2.3',
      GITHUB_REF_NAME: 'v1.2.3',
      GITHUB_REF_TYPE: 'tag',
      AWS_REGION: 'us-east-1',
      // The runner does not enforce `required: true`; an input not given is simply empty.
      'INPUT_FUNCTION-NAME': ''
    })
    expect(JSON.parse(result.outputs.event ?? '')).toEqual(payload)
  })

  it('delivers SIGINT when stdout matches and records when', async () => {
    const result = await runAction({
      actionDir,
      inputs: { 'function-name': 'fn', mode: 'wait' },
      signal: { name: 'SIGINT', whenStdout: /^ready$/m }
    })
    expect(result.outputs.got).toBe('SIGINT')
    expect(result.exitCode).toBe(1)
    expect(result.signal).toBeNull()
    expect(result.signalSentAt).toBeGreaterThanOrEqual(result.startedAt)
    expect(result.endedAt - (result.signalSentAt ?? 0)).toBeLessThan(5000)
  })

  it('escalates SIGINT → SIGTERM → SIGKILL like the runner, keeping what was written', async () => {
    const result = await runAction({
      actionDir,
      inputs: { 'function-name': 'fn', mode: 'stubborn' },
      signal: {
        name: 'SIGINT',
        whenStdout: /ready/,
        afterMs: 50,
        escalate: { termAfterMs: 300, killAfterMs: 300 }
      }
    })
    expect(result.signal).toBe('SIGKILL')
    expect(result.exitCode).toBeNull()
    const sigint = Number(result.outputs['got-sigint'])
    const sigterm = Number(result.outputs['got-sigterm'])
    expect(sigterm - sigint).toBeGreaterThanOrEqual(250)
    expect(result.state.token).toBe('secret-123')
  })

  it('kills the process with SIGKILL at the timeout', async () => {
    const result = await runAction({ actionDir, inputs: { mode: 'stubborn' }, timeoutMs: 1500 })
    expect(result.timedOut).toBe(true)
    expect(result.signal).toBe('SIGKILL')
    expect(result.signalSentAt).toBeUndefined()
  })
})

describe('streaming and cancelling (npm run rehearse)', () => {
  it('hands over the output as it is printed and names the process it started', async () => {
    const chunks: Array<[string, string]> = []
    const spawned: Array<{ entry: string; pid: number; script: string }> = []
    const result = await runAction({
      actionDir,
      inputs: { 'function-name': 'fn', mode: 'fail' },
      onOutput: (chunk, stream) => chunks.push([stream, chunk]),
      onSpawn: info => spawned.push(info)
    })
    expect(
      chunks
        .filter(([s]) => s === 'stdout')
        .map(([, c]) => c)
        .join('')
    ).toBe(result.stdout)
    expect(result.stdout).toContain('::error::boom')
    expect(spawned).toEqual([{ entry: 'main', pid: expect.any(Number), script: join(actionDir, 'main.mjs') }])
  })

  it('cancels main like the runner when the AbortSignal fires, then still runs post', async () => {
    const controller = new AbortController()
    const entries: string[] = []
    const { main, post } = await runMainThenPost({
      actionDir,
      inputs: { 'function-name': 'fn', mode: 'wait' },
      onOutput: chunk => {
        if (chunk.includes('ready')) controller.abort()
      },
      onSpawn: info => entries.push(info.entry),
      cancel: controller.signal
    })
    expect(main.outputs.got).toBe('SIGINT')
    expect(main.exitCode).toBe(1)
    expect(main.signalSentAt).toBeGreaterThanOrEqual(main.startedAt)
    expect(entries).toEqual(['main', 'post'])
    expect(post.signalSentAt).toBeUndefined()
    expect(post.exitCode).toBe(0)
  })
})

describe('runMainThenPost', () => {
  it("gives post main's saved state as STATE_ variables, the same inputs and workspace", async () => {
    const { main, post } = await runMainThenPost({ actionDir, inputs: { 'function-name': 'fn' } })
    expect(main.exitCode).toBe(0)
    expect(post.exitCode).toBe(0)
    expect(JSON.parse(post.outputs.state ?? '')).toEqual({
      STATE_token: 'secret-123',
      STATE_json: JSON.stringify({ a: 1, b: 'two\nlines' })
    })
    expect(post.outputs.token).toBe('secret-123')
    expect(post.outputs.function).toBe('fn')
    expect(post.outputs.cwd).toBe(main.outputs.cwd)
  })

  it('runs post after main was killed, with the state main saved before', async () => {
    const { main, post } = await runMainThenPost({
      actionDir,
      inputs: { 'function-name': 'fn', mode: 'stubborn' },
      signal: { name: 'SIGKILL', whenStdout: /ready/ }
    })
    expect(main.signal).toBe('SIGKILL')
    expect(post.signalSentAt).toBeUndefined()
    expect(post.exitCode).toBe(0)
    expect(post.outputs.token).toBe('secret-123')
  })
})
