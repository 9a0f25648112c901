// engine: codedeploy through dist/, as the runner runs it, against the emulator's CodeDeploy at a short
// CodeDeploy minute: promoted, wait: false, an alarm mid-way, a cancel, and a kill that post cleans up.
import { GetDeploymentCommand, type CodeDeployClient } from '@aws-sdk/client-codedeploy'
import { SetAlarmStateCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import {
  act,
  createAlias,
  createFunction,
  errors,
  getAlias,
  okAlarm,
  publish,
  updateCode
} from '../../testkit/fixtures.js'
import { runMainThenPost } from '../../testkit/runner.js'
import { useEmulator } from '../../testkit/use-emulator.js'
import { codeDeployClient, SERVICE_ROLE } from '../emulator/codedeploy-helpers.js'

let emu: Emulator
let lambda: LambdaClient
let cloudwatch: CloudWatchClient
let cd: CodeDeployClient

useEmulator(
  f => ({ emu, lambda, cloudwatch } = f),
  async () => {
    const { emulator } = await import('../../testkit/fixtures.js')
    return emulator({ codedeployMinuteMs: 200 })
  }
)
beforeAll(() => void (cd = codeDeployClient(emu)))
afterAll(() => cd.destroy())

/** `fn` with its alias live on v1 and new code in $LATEST. */
async function ready(fn: string, env: Record<string, string> = {}): Promise<void> {
  await createFunction(lambda, fn, `${fn} v1`, env)
  await publish(lambda, fn)
  await createAlias(lambda, fn, 'live', '1')
  await updateCode(lambda, fn, `${fn} v2`)
}

const inputs = (fn: string, more: Record<string, string> = {}): Record<string, string> => ({
  'function-name': fn,
  alias: 'live',
  engine: 'codedeploy',
  'codedeploy-service-role': SERVICE_ROLE,
  // The action's own timeout covers the CodeDeploy schedule it follows (30 CodeDeploy minutes here).
  timeout: '1h',
  ...more
})

const env = (): Record<string, string> => ({ AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' })

async function deploymentStatus(id: string): Promise<string | undefined> {
  return (await cd.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo?.status
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 60_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await read()
    if (ok(value) || Date.now() > until) return value
    await new Promise(r => setTimeout(r, 100))
  }
}

const routing = async (fn: string): Promise<string> => {
  const a = await getAlias(lambda, fn, 'live')
  return `${a.FunctionVersion}${JSON.stringify(a.RoutingConfig?.AdditionalVersionWeights ?? {})}`
}

test('Canary10Percent5Minutes with a before-allow-traffic hook ends promoted, as CodeDeploy ended it', async () => {
  await createFunction(lambda, 'cd-hook', 'hook', { EMULATOR_HOOK_STATUS: 'Succeeded' })
  await ready('cd-promote')
  const r = await act(
    emu,
    inputs('cd-promote', { strategy: 'Canary10Percent5Minutes', hooks: 'before-allow-traffic: cd-hook' })
  )
  expect(errors(r)).toEqual([])
  expect(r.exitCode).toBe(0)
  expect(r.outputs.status).toBe('promoted')
  const id = r.outputs['deployment-id'] ?? ''
  expect(id).toMatch(/^d-[A-Z0-9]+$/)
  expect(await deploymentStatus(id)).toBe('Succeeded')
  expect(await routing('cd-promote')).toBe('2{}')
  expect(r.stdout).toContain('created CodeDeploy application cd-promote')
  expect(r.stdout).toContain('BeforeAllowTraffic: Succeeded')
  expect(r.summary).toContain('### CodeDeploy')
  expect(r.summary).toContain('CodeDeployDefault.LambdaCanary10Percent5Minutes')
  expect(emu.codedeploy.hookExecutions().some(h => h.deploymentId === id)).toBe(true)
})

test('wait: false returns in-progress before the deployment ends; CodeDeploy finishes it alone', async () => {
  await ready('cd-nowait')
  const r = await act(emu, inputs('cd-nowait', { strategy: 'Canary10Percent30Minutes', wait: 'false' }))
  expect(errors(r)).toEqual([])
  expect(r.outputs.status).toBe('in-progress')
  const id = r.outputs['deployment-id'] ?? ''
  expect(r.stdout).toContain(`codedeploy/deployments/${id}?region=us-east-1`)
  // The step has exited (runAction waits for the process); the deployment has not ended yet.
  expect(['Created', 'InProgress']).toContain(await deploymentStatus(id))
  expect(
    await eventually(
      () => deploymentStatus(id),
      s => s === 'Succeeded'
    )
  ).toBe('Succeeded')
  expect(await routing('cd-nowait')).toBe('2{}')
})

test('an alarm in ALARM mid-way: CodeDeploy stops and rolls back; the step ends rolled-back', async () => {
  await ready('cd-alarm')
  await okAlarm(cloudwatch, 'cd-alarm-errors')
  let seen = ''
  let raised: Promise<unknown> | undefined
  const r = await act(
    emu,
    inputs('cd-alarm', { strategy: 'Canary10Percent30Minutes', alarms: 'cd-alarm-errors' }),
    {
      onOutput: chunk => {
        seen += chunk
        if (raised || !seen.includes('traffic on the new version: 10%')) return
        raised = cloudwatch.send(
          new SetAlarmStateCommand({
            AlarmName: 'cd-alarm-errors',
            StateValue: 'ALARM',
            StateReason: 'errors'
          })
        )
      }
    }
  )
  await raised
  expect(raised).toBeDefined()
  expect(r.outputs.status).toBe('rolled-back')
  expect(r.exitCode).toBe(1)
  const [error] = errors(r)
  expect(error).toMatch(
    /^CodeDeploy stopped the deployment \(ALARM_ACTIVE: .*\); CodeDeploy rollback d-\w+ succeeded: alias live is v1 \(verified\)$/
  )
  expect(await deploymentStatus(r.outputs['deployment-id'] ?? '')).toBe('Stopped')
  expect(await routing('cd-alarm')).toBe('1{}')
})

test('SIGINT while following stops the deployment; CodeDeploy rolls back; post has nothing left', async () => {
  await ready('cd-cancel')
  const { main, post } = await runMainThenPost({
    inputs: inputs('cd-cancel', { strategy: 'Canary10Percent30Minutes' }),
    env: env(),
    signal: { name: 'SIGINT', whenStdout: /traffic on the new version: 10%/ }
  })
  expect(main.outputs.status).toBe('rolled-back')
  expect(main.stdout).toMatch(
    /cancelled \(SIGINT\): stopped CodeDeploy deployment d-\w+ .*which rolls the alias back/
  )
  const id = main.outputs['deployment-id'] ?? ''
  expect(await deploymentStatus(id)).toBe('Stopped')
  expect(await routing('cd-cancel')).toBe('1{}')
  expect(post.exitCode).toBe(0)
  expect(post.stdout).not.toContain('stopping it')
})

test('post after a SIGKILL stops exactly the deployment main created, and the alias goes back', async () => {
  await ready('cd-kill')
  const { main, post } = await runMainThenPost({
    inputs: inputs('cd-kill', { strategy: 'Canary10Percent30Minutes' }),
    env: env(),
    signal: { name: 'SIGKILL', whenStdout: /traffic on the new version: 10%/ }
  })
  expect(main.signal).toBe('SIGKILL')
  const id = main.state.codedeploy ? (JSON.parse(main.state.codedeploy) as { id: string }).id : ''
  expect(id).toMatch(/^d-/)
  expect(post.stdout).toContain(`stopped CodeDeploy deployment ${id}`)
  expect(post.exitCode).toBe(0)
  expect(
    await eventually(
      () => deploymentStatus(id),
      s => s === 'Stopped'
    )
  ).toBe('Stopped')
  expect(
    await eventually(
      () => routing('cd-kill'),
      s => s === '1{}'
    )
  ).toBe('1{}')
})

test('post leaves alone a deployment main left running on purpose (wait: false)', async () => {
  await ready('cd-left')
  const { main, post } = await runMainThenPost({
    inputs: inputs('cd-left', { strategy: 'Canary10Percent30Minutes', wait: 'false' }),
    env: env()
  })
  const id = main.outputs['deployment-id'] ?? ''
  expect(main.outputs.status).toBe('in-progress')
  expect(post.stdout).not.toContain('stopping it')
  expect(
    await eventually(
      () => deploymentStatus(id),
      s => s !== 'InProgress' && s !== 'Created'
    )
  ).toBe('Succeeded')
})

test("a failing hook: rolled-back before any traffic; the hook's words stay text in the log and summary", async () => {
  await createFunction(lambda, 'cd-bad-hook', 'hook', {
    EMULATOR_FAIL: 'true',
    EMULATOR_ERROR_MESSAGE: 'nope\n::set-output name=status::promoted\n::error::pwned <img src=x>'
  })
  await ready('cd-hooked')
  const r = await act(
    emu,
    inputs('cd-hooked', { strategy: 'Canary10Percent5Minutes', hooks: 'before-allow-traffic: cd-bad-hook' })
  )
  expect(r.outputs.status).toBe('rolled-back')
  expect(r.stdout).toMatch(/BeforeAllowTraffic: Failed \(The hook function cd-bad-hook failed: .*pwned/)
  const commands = r.commands.map(c => `${c.command}: ${c.message}`)
  expect(commands.filter(c => c.includes('pwned') && !c.startsWith('error: CodeDeploy'))).toEqual([])
  expect(r.stdout.split('\n').filter(l => /^\s*::(set-output|error::pwned)/.test(l))).toEqual([])
  expect(errors(r)).toHaveLength(1)
  expect(errors(r)[0]).toMatch(
    /^CodeDeploy failed the deployment \(HEALTH_CONSTRAINTS: .*alias live is v1 \(verified\)$/
  )
  expect(r.summary).not.toContain('<img')
  expect(await routing('cd-hooked')).toBe('1{}')
})

test('other numbers: a custom configuration, created by the first run and reused by the next', async () => {
  await ready('cd-custom')
  const custom = { strategy: 'canary', 'canary-percent': '20', interval: '1m' }
  const first = await act(emu, inputs('cd-custom', custom))
  expect(first.outputs.status).toBe('promoted')
  expect(first.stdout).toContain('created deployment configuration LambdaPromote.Canary20Percent1Minute')
  await updateCode(lambda, 'cd-custom', 'cd-custom v3')
  const second = await act(emu, inputs('cd-custom', custom))
  expect(errors(second)).toEqual([])
  expect(second.outputs.status).toBe('promoted')
  expect(second.stdout).not.toContain('created deployment configuration')
  expect(second.stdout).not.toContain('created CodeDeploy application')
  expect(second.stdout).toMatch(
    /created CodeDeploy deployment d-\w+ \(LambdaPromote\.Canary20Percent1Minute, v2 → v3\)/
  )
  expect(await routing('cd-custom')).toBe('3{}')
})

test('nothing new to promote: unchanged, and no deployment is created', async () => {
  const before = emu.log.filter(e => e.operation === 'CreateDeployment').length
  const r = await act(
    emu,
    inputs('cd-custom', { strategy: 'canary', 'canary-percent': '20', interval: '1m' })
  )
  expect(r.outputs.status).toBe('unchanged')
  expect(r.outputs['deployment-id']).toBe('')
  expect(emu.log.filter(e => e.operation === 'CreateDeployment').length).toBe(before)
})
