// engine: codedeploy's pure parts: strategy → deployment configuration (predefined or custom, named from
// its numbers), the refusals, the AppSpec, the CodeDeploy inputs, and following a deployment's state into
// an outcome (in-process, a scripted CodeDeploy and a virtual clock).
import { describe, expect, test } from '@jest/globals'
import { readAppSpec } from '../../emulator/codedeploy/appspec.js'
import { buildAppSpec } from '../../src/codedeploy/appspec.js'
import type { CodeDeployApi, DeploymentView } from '../../src/codedeploy/api.js'
import { ending, observe, START } from '../../src/codedeploy/follow.js'
import { deploymentConfigFor, sameRouting } from '../../src/codedeploy/strategy.js'
import { lookUp } from '../../src/codedeploy/setup.js'
import { follow } from '../../src/codedeploy/watch.js'
import { InputError } from '../../src/errors.js'
import { parseHooks } from '../../src/inputs/engine.js'
import { parseInputs } from '../../src/inputs/parse.js'
import type { RawInputs } from '../../src/inputs/config.js'
import { codeDeployToStop, memoryStore, saveCodeDeploy } from '../../src/ledger/hand-off.js'
import { stopIfLeft } from '../../src/post/codedeploy.js'
import { newRollout, type Outcome } from '../../src/rollout/record.js'
import { DEFAULT_INPUTS } from '../../testkit/inputs.js'
import { recorder, VirtualClock } from '../../testkit/rig.js'

const ENV = { AWS_REGION: 'us-east-1' }
const parse = (over: Partial<RawInputs>, env: Record<string, string> = ENV) =>
  parseInputs({ ...DEFAULT_INPUTS, engine: 'codedeploy', ...over }, env)
// A timeout longer than every schedule here: the action's own check of it is not what these test.
const choice = (over: Partial<RawInputs>) => deploymentConfigFor(parse({ timeout: '100h', ...over }))
const refusal = (over: Partial<RawInputs>): string => {
  try {
    choice(over)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('not refused')
}

describe('strategy → deployment configuration', () => {
  test("CodeDeploy's predefined configurations keep their names", () => {
    expect(choice({}).name).toBe('CodeDeployDefault.LambdaAllAtOnce')
    expect(choice({ strategy: 'canary' })).toEqual({
      name: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      predefined: true,
      routing: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 } }
    })
    expect(choice({ strategy: 'Canary10Percent30Minutes' }).name).toBe(
      'CodeDeployDefault.LambdaCanary10Percent30Minutes'
    )
    expect(choice({ strategy: 'CodeDeployDefault.LambdaLinear10PercentEvery1Minute' }).name).toBe(
      'CodeDeployDefault.LambdaLinear10PercentEvery1Minute'
    )
    expect(choice({ strategy: 'linear', interval: '10m' }).name).toBe(
      'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes'
    )
  })

  test('other numbers become a custom configuration named from them', () => {
    expect(choice({ strategy: 'canary', 'canary-percent': '25', interval: '1m' })).toEqual({
      name: 'LambdaPromote.Canary25Percent1Minute',
      predefined: false,
      routing: { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 25, canaryInterval: 1 } }
    })
    expect(choice({ strategy: 'Linear20PercentEvery2Hours' })).toEqual({
      name: 'LambdaPromote.Linear20PercentEvery120Minutes',
      predefined: false,
      routing: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 20, linearInterval: 120 } }
    })
    // 10% every 4 minutes is no predefined one.
    expect(choice({ strategy: 'linear', interval: '4m' }).predefined).toBe(false)
  })

  test('what CodeDeploy cannot express is refused, naming the input and what to use', () => {
    expect(refusal({ steps: '5,50' })).toMatch(
      /^steps "5,50": .*use strategy canary or linear, or engine: action$/
    )
    expect(refusal({ strategy: 'canary', interval: '90s' })).toMatch(/^interval "1m30s": .*whole minutes/)
    expect(refusal({ strategy: 'canary', interval: '49h' })).toMatch(/^interval "49h": .*from 1m to 48h/)
    expect(refusal({ strategy: 'linear', 'linear-percent': '0.5' })).toMatch(/^linear-percent "0.5": .*whole/)
    expect(refusal({ strategy: 'canary', 'min-invocations': '10' })).toMatch(/^min-invocations "10": /)
    expect(refusal({ strategy: 'canary', analysis: 'latency' })).toMatch(/^analysis "latency": .*alarm/)
    expect(refusal({ 'bake-time': '1m' })).toMatch(/^bake-time "1m": .*after-allow-traffic hook/)
    expect(refusal({ 'function-name': 'a,b' })).toMatch(/^function-name "a,b": .*lockstep/)
  })
})

test('an existing custom configuration is the same by its numbers, whatever its key order', () => {
  const wanted = choice({ strategy: 'canary', 'canary-percent': '25' }).routing
  const found = JSON.parse(
    '{"timeBasedCanary":{"canaryInterval":5,"canaryPercentage":25},"type":"TimeBasedCanary"}'
  ) as typeof wanted
  expect(sameRouting(found, wanted)).toBe(true)
  expect(
    sameRouting(
      { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 25, canaryInterval: 6 } },
      wanted
    )
  ).toBe(false)
  expect(sameRouting({ type: 'AllAtOnce' }, wanted)).toBe(false)
})

describe('the CodeDeploy inputs', () => {
  test('defaults: application from the function, group from function and alias', () => {
    const c = parse({ 'function-name': 'arn:aws:lambda:us-east-1:123456789012:function:orders' })
    expect(c.codedeploy).toMatchObject({
      application: 'orders',
      deploymentGroup: 'orders-live',
      serviceRole: null,
      hooks: {}
    })
  })

  test('the endpoint by the same precedence as Lambda: input, service variable, shared variable', () => {
    const env = {
      ...ENV,
      AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL_CODEDEPLOY: 'http://127.0.0.1:2'
    }
    expect(parse({}, env).codedeploy?.endpoint).toBe('http://127.0.0.1:2')
    expect(parse({}, { ...ENV, AWS_ENDPOINT_URL: 'http://127.0.0.1:1' }).codedeploy?.endpoint).toBe(
      'http://127.0.0.1:1'
    )
    expect(parse({ 'endpoint-url': 'http://127.0.0.1:3' }, env).codedeploy).toMatchObject({
      endpoint: 'http://127.0.0.1:3',
      endpointSource: 'endpoint-url'
    })
    expect(parse({}, { ...env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }).codedeploy?.endpoint).toBeNull()
  })

  test('hooks: both, any order, a name or an ARN; a default name too long for CodeDeploy is refused', () => {
    expect(
      parseHooks(
        'after-allow-traffic: post, Before-Allow-Traffic:arn:aws:lambda:us-east-1:123456789012:function:pre'
      )
    ).toEqual({
      AfterAllowTraffic: 'post',
      BeforeAllowTraffic: 'arn:aws:lambda:us-east-1:123456789012:function:pre'
    })
    expect(() => parseHooks('before-allow-traffic: bad name!')).toThrow(
      'hooks "before-allow-traffic: bad name!"'
    )
    expect(() => parse({ 'function-name': 'f'.repeat(64), alias: 'a'.repeat(40) })).toThrow(
      /^codedeploy-deployment-group "f{64}-a{40}": expected 1-100/
    )
  })
})

describe('the AppSpec', () => {
  test('names function, alias, versions and hooks; its sha256 is its own; the emulator reads it back', () => {
    const spec = buildAppSpec({
      functionName: 'my-fn',
      alias: 'live',
      currentVersion: '3',
      targetVersion: '4',
      hooks: { AfterAllowTraffic: 'post-hook', BeforeAllowTraffic: 'pre-hook' }
    })
    const doc = JSON.parse(spec.content) as { Hooks: object[] }
    expect(doc.Hooks).toEqual([{ BeforeAllowTraffic: 'pre-hook' }, { AfterAllowTraffic: 'post-hook' }])
    expect(spec.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(readAppSpec(spec.content)).toMatchObject({
      functionName: 'my-fn',
      alias: 'live',
      currentVersion: '3',
      targetVersion: '4'
    })
    const bare = buildAppSpec({
      functionName: 'f',
      alias: 'a',
      currentVersion: '1',
      targetVersion: '2',
      hooks: {}
    })
    expect(JSON.parse(bare.content)).not.toHaveProperty('Hooks')
  })
})

describe('following a deployment', () => {
  const view = (status: string, more: Partial<DeploymentView> = {}): DeploymentView => ({
    status,
    events: [],
    ...more
  })

  test('observe: a line per change, nothing when nothing changed; CodeDeploy words made safe', () => {
    const a = observe(
      START,
      view('InProgress', { events: [{ name: 'AllowTraffic', status: 'InProgress' }], weight: 0.1 })
    )
    expect(a.lines).toEqual([
      'deployment InProgress',
      'AllowTraffic: InProgress',
      'traffic on the new version: 10%'
    ])
    expect(a.moved).toBe(0.1)
    expect(
      observe(
        a.seen,
        view('InProgress', { events: [{ name: 'AllowTraffic', status: 'InProgress' }], weight: 0.1 })
      ).lines
    ).toEqual([])
    const hook = observe(
      a.seen,
      view('InProgress', {
        events: [{ name: 'BeforeAllowTraffic', status: 'Failed', diagnostic: 'bad\n::error::x' }]
      })
    )
    expect(hook.lines).toEqual(['BeforeAllowTraffic: Failed (bad : :error::x)'])
  })

  test('ending: Succeeded is promoted; stopped with a rollback is rolled-back; without one, failed', () => {
    expect(ending(view('InProgress'))).toBeNull()
    expect(ending(view('Succeeded'))).toEqual({ status: 'promoted' })
    expect(
      ending(
        view('Stopped', { errorCode: 'ALARM_ACTIVE', errorMessage: 'alarm x', rollbackDeploymentId: 'd-R' })
      )
    ).toEqual({
      status: 'rolled-back',
      reason: 'CodeDeploy stopped the deployment (ALARM_ACTIVE: alarm x)',
      rollbackDeploymentId: 'd-R'
    })
    expect(ending(view('Failed', { errorCode: 'HEALTH_CONSTRAINTS' }))).toEqual({
      status: 'failed',
      reason: 'CodeDeploy failed the deployment (HEALTH_CONSTRAINTS)'
    })
  })

  /** A CodeDeploy that answers the scripted views in turn (the last one from then on). */
  function scripted(views: DeploymentView[], rollback: DeploymentView[] = [view('Succeeded')]) {
    const stops: [string, boolean][] = []
    const api = {
      view: async (id: string) => (id === 'd-R' ? rollback : views).shift() ?? view('Unknown'),
      stopDeployment: async (id: string, rb: boolean) => {
        stops.push([id, rb])
        return 'Pending: stopping'
      }
    } as unknown as CodeDeployApi
    return { api, stops }
  }

  function run(api: CodeDeployApi, controller = new AbortController(), aliasVersion = '1') {
    const clock = new VirtualClock()
    const store = memoryStore()
    const log = recorder()
    const d = { ...newRollout({ id: 'fn', name: 'fn' }), from: '1', to: '2' }
    const outcome = { deployments: [d], codedeploy: { events: [] } } as unknown as Outcome
    const lambda = { getAlias: async () => ({ FunctionVersion: aliasVersion, RevisionId: 'r' }) }
    const deps = {
      api: lambda,
      codedeploy: api,
      clock,
      log,
      store,
      signal: controller.signal,
      deadline: clock.now() + 3_600_000,
      description: ''
    } as unknown as Parameters<typeof follow>[1]
    const config = { alias: 'live', rollback: true } as Parameters<typeof follow>[0]
    return { go: () => follow(config, deps, outcome, d, 'd-1'), d, store, log, clock, controller }
  }

  test('an alarm stop with its rollback: rolled-back, the alias verified back, the timeline 10% → 0', async () => {
    const { api } = scripted([
      view('Created'),
      view('InProgress', { weight: 0.1 }),
      view('Stopped', {
        errorCode: 'ALARM_ACTIVE',
        errorMessage: 'alarm a',
        rollbackDeploymentId: 'd-R',
        weight: 0.1
      })
    ])
    const r = run(api)
    const end = await r.go()
    expect(end).toEqual({
      status: 'rolled-back',
      error:
        'CodeDeploy stopped the deployment (ALARM_ACTIVE: alarm a); CodeDeploy rollback d-R succeeded: alias live is v1 (verified)'
    })
    expect(r.d.timeline.map(t => t.weight)).toEqual([0.1, 0])
    expect(r.d.restored).toBe(true)
    expect(r.store.get('codedeploy-done')).toBe('rolled-back')
  })

  test('a rollback that leaves the alias elsewhere is failed, not rolled-back', async () => {
    const { api } = scripted([
      view('Failed', { errorCode: 'HEALTH_CONSTRAINTS', rollbackDeploymentId: 'd-R' })
    ])
    const end = await run(api, undefined, '2').go()
    expect(end.status).toBe('failed')
    expect(end.error).toMatch(/alias live is v2$/)
  })

  test('a cancel stops the deployment with rollback, once, and follows it to its end', async () => {
    const { api, stops } = scripted([
      view('Stopped', { errorCode: 'MANUAL_STOP', rollbackDeploymentId: 'd-R' })
    ])
    const controller = new AbortController()
    controller.abort('cancelled (SIGINT)')
    const r = run(api, controller)
    const end = await r.go()
    expect(stops).toEqual([['d-1', true]])
    expect(end.status).toBe('rolled-back')
    expect(end.error).toMatch(/^cancelled \(SIGINT\): CodeDeploy stopped the deployment \(MANUAL_STOP\)/)
    expect(
      r.log.lines.some(l => l.startsWith('warning: cancelled (SIGINT): stopped CodeDeploy deployment d-1'))
    ).toBe(true)
  })
})

describe('looking up what a deployment needs', () => {
  const settings = parse({ 'function-name': 'orders', alarms: 'orders-errors' }).codedeploy!
  const canary = choice({ strategy: 'canary' })
  const budget = { deadline: Date.now() + 60_000, maxAttempts: 1 }
  const api = (app: object | null, group: object | null) =>
    ({
      getApplication: async () => app,
      getDeploymentGroup: async () => group,
      getDeploymentConfig: async () => null
    }) as unknown as CodeDeployApi

  test('a missing group without a service role: one line with the command that creates it', async () => {
    await expect(
      lookUp(
        api({ computePlatform: 'Lambda' }, null),
        settings,
        canary,
        ['orders-errors'],
        budget,
        recorder()
      )
    ).rejects.toThrow(
      /^CodeDeploy deployment group orders-live of application orders does not exist: set codedeploy-service-role .* or create it: aws deploy create-deployment-group --application-name orders --deployment-group-name orders-live .*--alarm-configuration 'enabled=true,alarms=\[\{name=orders-errors\}\]'.*; nothing was changed$/
    )
  })

  test('an application of another platform is refused; a group that does not watch the alarms is warned about', async () => {
    await expect(
      lookUp(api({ computePlatform: 'Server' }, null), settings, canary, [], budget, recorder())
    ).rejects.toThrow('CodeDeploy application orders is for Server, not Lambda')
    const log = recorder()
    const missing = await lookUp(
      api({ computePlatform: 'Lambda' }, { alarms: [], alarmsEnabled: false }),
      settings,
      choice({ strategy: 'canary', 'canary-percent': '30' }),
      ['orders-errors'],
      budget,
      log
    )
    expect(missing).toEqual({ application: false, group: false, config: true })
    expect(log.lines.join('\n')).toMatch(
      /^warning: deployment group orders-live does not watch alarm orders-errors/m
    )
  })
})

describe('post and the hand-off', () => {
  test('post stops exactly the saved deployment while main had not finished, and nothing after', async () => {
    const store = memoryStore()
    const stopped: string[] = []
    const stop = async (r: { id: string }): Promise<string> => {
      stopped.push(r.id)
      return 'Pending'
    }
    expect(await stopIfLeft(store, recorder(), stop)).toBeNull()
    saveCodeDeploy(store, { id: 'd-ABC', region: 'us-east-1', endpoint: null, rollback: true })
    expect(await stopIfLeft(store, recorder(), stop)).toEqual({})
    expect(stopped).toEqual(['d-ABC'])
    store.save('codedeploy-done', 'promoted')
    expect(codeDeployToStop(store)).toBeUndefined()
  })
})
