// `npm run rehearse`: the command line, and the real script spawned as a person runs it — a promoted canary
// exits 0, a failing new version trips its alarm by the emulator's own evaluation (the realistic profile) and
// is rolled back with exit 1, SIGTERM cancels like the runner, and nothing
// it started is left running or listening.
import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadActionDefaults } from '../../testkit/runner.js'
import { DEFAULT_TRAFFIC_RATE, parseRehearsal, UsageError } from '../../scripts/rehearse.js'

const root = resolve(fileURLToPath(import.meta.url), '../../..')
const inputs = Object.keys(loadActionDefaults())
const parse = (...argv: string[]): ReturnType<typeof parseRehearsal> => parseRehearsal(argv, inputs)
const usage = (...argv: string[]): string => {
  try {
    parse(...argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`no usage error for ${argv.join(' ')}`)
}

describe('the command line', () => {
  test('inputs are name=value; function-name and alias have rehearsal defaults', () => {
    const r = parse('strategy=canary', 'interval=2s', 'smoke-test-payload={"a": 1}')
    expect(r.inputs).toEqual({
      strategy: 'canary',
      interval: '2s',
      'smoke-test-payload': '{"a": 1}',
      'function-name': 'my-fn',
      alias: 'live'
    })
    expect(r).toMatchObject({ functions: ['my-fn'], alarms: [], trafficRate: 0, failNew: false, port: 0 })
    expect(parse('function-name=a, b', 'alias=prod').functions).toEqual(['a', 'b'])
  })

  test('--fail-new brings an alarm, added to alarms=, and traffic', () => {
    const r = parse('alarms=mine', '--fail-new')
    expect(r.alarms).toEqual(['mine', 'my-fn-errors'])
    expect(r.inputs.alarms).toBe('mine,my-fn-errors')
    expect(r.trafficRate).toBe(DEFAULT_TRAFFIC_RATE)
    expect(parse('--fail-new', '--traffic=5', '--alarm=x').alarms).toEqual(['x'])
    expect(parse('--traffic').trafficRate).toBe(DEFAULT_TRAFFIC_RATE)
    expect(parse('--alarm', 'function-name=f').inputs.alarms).toBe('f-errors')
  })

  test('refuses what it cannot rehearse, in one line', () => {
    expect(usage('strategie=canary')).toMatch(
      /^"strategie" is not an input of action.yml; inputs are function-name, /
    )
    expect(usage('endpoint-url=http://127.0.0.1:1')).toMatch(/set by the rehearsal.*--endpoint=URL/)
    expect(usage('--nope')).toMatch(/unknown option --nope/)
    expect(usage('canary')).toMatch(/neither an input/)
    expect(usage('--traffic=1000')).toMatch(/0 to 200/)
    expect(usage('--port=x')).toMatch(/port number/)
    expect(usage('function-name=arn:aws:lambda:us-east-1:1:function:f')).toMatch(/plain names/)
    expect(usage('--endpoint=https://lambda.us-east-1.amazonaws.com')).toMatch(/on this machine/)
    expect(usage('--endpoint=http://127.0.0.1:4599', '--fail-new')).toMatch(/does not apply with --endpoint/)
    expect(usage('--unchanged', '--fail-new')).toMatch(/contradict/)
    expect(usage('--verbose=yes')).toMatch(/takes no value/)
    expect(parse('--endpoint=http://localhost:4599', '--traffic=3').endpoint).toBe('http://localhost:4599')
    expect(parse('-h').help).toBe(true)
  })

  test('engine=codedeploy: a service role is filled in; the CodeDeploy minute is a second unless given', () => {
    const r = parse('engine=codedeploy', 'strategy=canary')
    expect(r.inputs['codedeploy-service-role']).toMatch(/^arn:aws:iam::\d{12}:role\//)
    expect(r.codedeployMinuteMs).toBe(1000)
    expect(
      parse('engine=codedeploy', 'codedeploy-service-role=arn:aws:iam::111122223333:role/mine').inputs
    ).toMatchObject({
      'codedeploy-service-role': 'arn:aws:iam::111122223333:role/mine'
    })
    expect(parse('--codedeploy-minute=200').codedeployMinuteMs).toBe(200)
    expect(parse('strategy=canary').inputs).not.toHaveProperty('codedeploy-service-role')
    expect(usage('--codedeploy-minute=0')).toMatch(/expected milliseconds/)
  })
})

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** The script as `npm run rehearse` starts it, with `onStdout` to act on what it printed so far. */
function rehearse(args: string[], onStdout?: (text: string, pid: number) => void): Promise<Run> {
  const child = spawn(
    join(root, 'node_modules', '.bin', 'node'),
    ['--import', 'tsx', 'scripts/rehearse.ts', ...args],
    {
      cwd: root,
      env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, NODE_OPTIONS: undefined },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    onStdout?.(stdout, child.pid ?? 0)
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((done, fail) => {
    child.on('error', fail)
    child.on('close', code => done({ code, stdout, stderr }))
  })
}

/** Everything the run started is gone: the emulator's port refuses connections, the action's processes exited. */
async function expectNothingLeft(stdout: string): Promise<void> {
  const port = Number(/emulator at http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1])
  expect(port).toBeGreaterThan(0)
  const refused = await new Promise<boolean>(done => {
    const socket = connect(port, '127.0.0.1')
    socket.on('connect', () => {
      socket.destroy()
      done(false)
    })
    socket.on('error', () => done(true))
  })
  expect(refused).toBe(true)
  const pids = [...stdout.matchAll(/\(pid (\d+)\)/g)].map(m => Number(m[1]))
  expect(pids).toHaveLength(2) // main and post
  for (const pid of pids)
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }))
}

describe('npm run rehearse, spawned', () => {
  test('a canary is promoted: the log, the outputs, the summary, exit 0', async () => {
    const run = await rehearse(['strategy=canary', 'interval=500ms', '--traffic=20'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('created my-fn: live → v1')
    expect(run.stdout).toMatch(/── main: node dist\/index\.js \(pid \d+\)/)
    expect(run.stdout).toMatch(/10% → v2 .*holding 500ms/)
    expect(run.stdout).toMatch(/── post: node dist\/post\.js/)
    expect(run.stdout).toContain('  status=promoted')
    expect(run.stdout).toContain('  previous-version=1')
    expect(run.stdout).toContain('## ✅ lambda-promote: promoted')
    expect(run.stdout).toContain('my-fn:live → v2\n')
    expect(run.stdout).toMatch(/traffic my-fn:live {2}\d+ calls {2}v1 \d+ ok {2}v2 \d+ ok/)
    expect(run.stdout).toMatch(/rehearsal: promoted; exit 0\n$/)
    expect(run.stdout).not.toContain('\x1b')
    await expectNothingLeft(run.stdout)
  })

  test('a failing new version: the alarm goes to ALARM by its own evaluation, rollback, exit 1', async () => {
    // The alarm (Errors >= 1 over 10 s on my-fn:live) trips within two periods of the first error: a 30 s
    // hold leaves it the time. Nothing in the rehearsal sets an alarm's state.
    const run = await rehearse(['strategy=canary', 'canary-percent=20', 'interval=30s', '--fail-new'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('emulator at http://127.0.0.1:')
    expect(run.stdout).toContain('realistic profile')
    expect(run.stdout).toContain(
      'created alarm my-fn-errors: Errors >= 1 over 10 s on my-fn:live, INSUFFICIENT_DATA until evaluated'
    )
    expect(run.stdout).toMatch(
      /first function error: my-fn v2 answered Unhandled; my-fn-errors will see it at its next evaluation/
    )
    expect(run.stdout).toMatch(
      /alarm my-fn-errors went into ALARM \(Threshold Crossed: 1 datapoint \[\d+\.0 \(/
    )
    expect(run.stdout).toContain('▸ Rolling back')
    expect(run.stdout).toContain('my-fn: alias live is back on v1 (verified)')
    expect(run.stdout).toContain('  status=rolled-back')
    expect(run.stdout).toContain('my-fn:live → v1\n')
    expect(run.stdout).toMatch(/v2 \d+ failed \(Unhandled: rehearsal: the new version fails/)
    expect(run.stdout).toMatch(/rehearsal: rolled-back; exit 1\n$/)
    await expectNothingLeft(run.stdout)
  }, 90_000)

  test('engine=codedeploy strategy=canary: CodeDeploy moves the alias, promoted, exit 0', async () => {
    const run = await rehearse(['engine=codedeploy', 'strategy=canary', '--codedeploy-minute=400'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('created CodeDeploy application my-fn')
    expect(run.stdout).toMatch(
      /created CodeDeploy deployment d-\w+ \(CodeDeployDefault\.LambdaCanary10Percent5Minutes/
    )
    expect(run.stdout).toMatch(/ {2}deployment-id=d-\w+/)
    expect(run.stdout).toContain('  status=promoted')
    expect(run.stdout).toContain('my-fn:live → v2\n')
    await expectNothingLeft(run.stdout)
  })

  test('SIGTERM mid-hold cancels like the runner: rollback, post step, everything stopped', async () => {
    let sent = false
    const run = await rehearse(['strategy=canary', 'interval=30s'], (stdout, pid) => {
      if (!sent && /holding 30s/.test(stdout)) {
        sent = true
        process.kill(pid, 'SIGTERM')
      }
    })
    expect(sent).toBe(true)
    expect(run.code).toBe(143)
    expect(run.stdout).toContain('SIGTERM: cancelling as the runner does')
    expect(run.stdout).toContain('Warning: received SIGINT: the workflow was cancelled')
    expect(run.stdout).toContain('  status=rolled-back')
    expect(run.stdout).toContain('my-fn:live → v1\n')
    expect(run.stdout).toMatch(/rehearsal: rolled-back \(cancelled by SIGTERM\); exit 143\n$/)
    await expectNothingLeft(run.stdout)
  })
})
