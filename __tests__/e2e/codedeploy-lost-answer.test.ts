// engine: codedeploy through dist/ when CreateDeployment's answer never reaches main: lost (main looks for
// the deployment it created and stops it) or held back while main is killed (post looks and stops it).
// Either way the alias ends where it was. CodeDeploy minutes of 2 s: the canary holds 10% for a minute,
// far longer than finding and stopping the deployment takes.
import {
  GetDeploymentCommand,
  ListDeploymentsCommand,
  type CodeDeployClient
} from '@aws-sdk/client-codedeploy'
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { createAlias, createFunction, errors, getAlias, publish, updateCode } from '../../testkit/fixtures.js'
import { runMainThenPost } from '../../testkit/runner.js'
import { useEmulator } from '../../testkit/use-emulator.js'
import { codeDeployClient, SERVICE_ROLE } from '../emulator/codedeploy-helpers.js'

let emu: Emulator
let lambda: LambdaClient
let cd: CodeDeployClient

useEmulator(
  f => ({ emu, lambda } = f),
  async () => {
    const { emulator } = await import('../../testkit/fixtures.js')
    return emulator({ codedeployMinuteMs: 2000 })
  }
)
beforeAll(() => void (cd = codeDeployClient(emu)))
afterAll(() => cd.destroy())

async function ready(fn: string): Promise<void> {
  await createFunction(lambda, fn, `${fn} v1`)
  await publish(lambda, fn)
  await createAlias(lambda, fn, 'live', '1')
  await updateCode(lambda, fn, `${fn} v2`)
}

const inputs = (fn: string): Record<string, string> => ({
  'function-name': fn,
  alias: 'live',
  engine: 'codedeploy',
  'codedeploy-service-role': SERVICE_ROLE,
  strategy: 'Canary10Percent30Minutes',
  timeout: '2h'
})
const env = (): Record<string, string> => ({ AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' })

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await read()
    if (ok(value) || Date.now() > until) return value
    await new Promise(r => setTimeout(r, 100))
  }
}

const status = async (id: string): Promise<string | undefined> =>
  (await cd.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo?.status
const routing = async (fn: string): Promise<string> => {
  const a = await getAlias(lambda, fn, 'live')
  return `${a.FunctionVersion}${JSON.stringify(a.RoutingConfig?.AdditionalVersionWeights ?? {})}`
}
const deploymentsOf = async (fn: string): Promise<string[]> => {
  try {
    const out = await cd.send(
      new ListDeploymentsCommand({ applicationName: fn, deploymentGroupName: `${fn}-live` })
    )
    return out.deployments ?? []
  } catch {
    return [] // the application is not created yet
  }
}

test('a lost CreateDeployment answer: main finds the deployment it created, stops it, says so', async () => {
  await ready('cdl-lost')
  emu.faults.add({ operation: 'CreateDeployment', lostResponseRate: 1, times: 1 })
  const { main, post } = await runMainThenPost({ inputs: inputs('cdl-lost'), env: env() })
  expect(main.outputs.status).toBe('failed')
  const [error = ''] = errors(main)
  expect(error).toMatch(
    /; CreateDeployment's answer was lost: found this step's deployment d-\w+ in cdl-lost\/cdl-lost-live and stopped it \(.*\); CodeDeploy rolls the alias back$/
  )
  const id = /deployment (d-\w+) in/.exec(error)?.[1] ?? ''
  // Main sent one CreateDeployment (a lost answer is not retried); the other deployment is the rollback.
  expect(await deploymentsOf('cdl-lost')).toContain(id)
  const sent = emu.log.filter(e => e.operation === 'CreateDeployment' && e.functionName === undefined)
  expect(
    sent.filter(e => (e.request as { applicationName?: string }).applicationName === 'cdl-lost')
  ).toHaveLength(1)
  expect(
    await eventually(
      () => status(id),
      s => s === 'Stopped'
    )
  ).toBe('Stopped')
  expect(
    await eventually(
      () => routing('cdl-lost'),
      s => s === '1{}'
    )
  ).toBe('1{}')
  // Main was done with it: post neither looks again nor stops anything.
  expect(post.exitCode).toBe(0)
  expect(post.stdout).not.toContain('looking for the deployment')
})

test('main killed while the answer is held back: post finds the deployment and stops it', async () => {
  await ready('cdl-kill')
  emu.faults.add({ operation: 'CreateDeployment', answerLatencyMs: 600_000, times: 1 })
  let mainPid: number | undefined
  const run = runMainThenPost({
    inputs: inputs('cdl-kill'),
    env: env(),
    onSpawn: s => void (s.entry === 'main' && (mainPid = s.pid))
  })
  const [created] = await eventually(
    () => deploymentsOf('cdl-kill'),
    ids => ids.length > 0
  )
  expect(created).toMatch(/^d-/)
  // The deployment exists and main still waits for its answer: this is the window.
  process.kill(mainPid as number, 'SIGKILL')
  const { main, post } = await run
  expect(main.signal).toBe('SIGKILL')
  expect(main.state.codedeploy).toBeUndefined()
  expect(JSON.parse(main.state['codedeploy-sending'] ?? '{}')).toMatchObject({
    application: 'cdl-kill',
    group: 'cdl-kill-live',
    tokened: true
  })
  expect(post.stdout).toContain(
    `lambda-promote post: found this step's deployment ${created} in cdl-kill/cdl-kill-live`
  )
  expect(post.exitCode).toBe(0)
  expect(
    await eventually(
      () => status(created as string),
      s => s === 'Stopped'
    )
  ).toBe('Stopped')
  expect(
    await eventually(
      () => routing('cdl-kill'),
      s => s === '1{}'
    )
  ).toBe('1{}')
})
