// engine: codedeploy when CreateDeployment's answer is lost, or main dies before it: which deployment is
// this step's (pure), what main and post then do (a scripted CodeDeploy), and main's path through the real
// client against the in-process emulator, whose lost-response fault applies CreateDeployment and then
// drops the answer.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { buildAppSpec } from '../../src/codedeploy/appspec.js'
import { CodeDeployGateway } from '../../src/codedeploy/client.js'
import { CLOCK_SKEW_MS, hasStepToken, ownLostDeployment, type Candidate } from '../../src/codedeploy/lost.js'
import { createFailed, recoverLost, type LostApi } from '../../src/codedeploy/recover.js'
import { systemClock } from '../../src/clock.js'
import { defaultDescription } from '../../src/github/version-description.js'
import {
  codeDeployUnanswered,
  memoryStore,
  saveCodeDeploy,
  saveCodeDeploySending,
  type CodeDeploySending
} from '../../src/ledger/hand-off.js'
import { stopIfLeft } from '../../src/post/codedeploy.js'
import { recorder } from '../../testkit/rig.js'
import {
  alias,
  appAndGroup,
  codeDeployClient,
  deployment,
  twoVersions,
  untilStatus
} from '../emulator/codedeploy-helpers.js'
import { harness, waitFor, type Harness } from '../emulator/helpers.js'

const T = Date.UTC(2026, 0, 1, 12, 0, 0)
const OURS = defaultDescription({
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: 'abc1234def',
  serverUrl: 'https://github.com',
  repository: 'o/r',
  runId: '7',
  stepToken: '0a1b2c3d'
})
const sending = (over: Partial<CodeDeploySending> = {}): CodeDeploySending => ({
  application: 'app',
  group: 'grp',
  description: OURS,
  tokened: true,
  sentAt: T,
  region: 'us-east-1',
  endpoint: null,
  rollback: true,
  ...over
})
const at = (id: string, description: string, createTime: number): Candidate => ({
  id,
  description,
  createTime
})

describe('which deployment is this step’s', () => {
  test('the default description carries the step token; a description without it does not', () => {
    expect(OURS).toMatch(/ step 0a1b2c3d /)
    expect(hasStepToken(OURS)).toBe(true)
    expect(hasStepToken(OURS.replace(' step 0a1b2c3d', ''))).toBe(false)
    expect(hasStepToken('mystep 0a1b2c3d')).toBe(false)
    expect(hasStepToken('step 0A1B2C3D')).toBe(false)
  })

  test('ours: the exact description, tokened, created no earlier than the skew before the send', () => {
    expect(ownLostDeployment(sending(), [at('d-1', OURS, T + 2000)])).toEqual({ kind: 'ours', id: 'd-1' })
    // CodeDeploy's clock behind the runner's: still ours within the skew, not beyond it.
    expect(ownLostDeployment(sending(), [at('d-1', OURS, T - CLOCK_SKEW_MS)])).toEqual({
      kind: 'ours',
      id: 'd-1'
    })
    expect(ownLostDeployment(sending(), [at('d-1', OURS, T - CLOCK_SKEW_MS - 1)])).toEqual({ kind: 'none' })
    expect(ownLostDeployment(sending(), [at('d-1', `${OURS} `, T)])).toEqual({ kind: 'none' })
    expect(ownLostDeployment(sending(), [at('d-2', 'other', T), at('d-1', OURS, T)])).toEqual({
      kind: 'ours',
      id: 'd-1'
    })
    expect(ownLostDeployment(sending(), [])).toEqual({ kind: 'none' })
  })

  test('two matches, a description input, or more listed than read: never "ours"', () => {
    expect(ownLostDeployment(sending(), [at('d-2', OURS, T + 1), at('d-1', OURS, T)])).toEqual({
      kind: 'several',
      ids: ['d-2', 'd-1']
    })
    // A description input: the very same text, but nothing says it is this step's.
    expect(ownLostDeployment(sending({ tokened: false }), [at('d-1', OURS, T)])).toEqual({
      kind: 'untokened',
      ids: ['d-1']
    })
    const plain = sending({ description: 'release 1.2', tokened: true })
    expect(ownLostDeployment(plain, [at('d-1', 'release 1.2', T)])).toEqual({
      kind: 'untokened',
      ids: ['d-1']
    })
    expect(ownLostDeployment(sending(), [at('d-9', 'other', T)], 7)).toEqual({ kind: 'unsure', listed: 7 })
  })
})

/** A CodeDeploy holding `deployments` (oldest first), listing as ListDeployments does, recording stops. */
function scripted(deployments: Candidate[], fail?: { list?: Error; stop?: Error }) {
  const stops: [string, boolean][] = []
  const since: number[] = []
  const api: LostApi = {
    listUnfinished: async (_app, _group, from) => {
      since.push(from)
      if (fail?.list) throw fail.list
      return deployments
        .filter(d => d.createTime >= from)
        .map(d => d.id)
        .reverse()
    },
    describe: async id => deployments.find(d => d.id === id) as Candidate,
    stopDeployment: async (id, rollback) => {
      if (fail?.stop) throw fail.stop
      stops.push([id, rollback])
      return 'Pending: Stopping Pending.'
    }
  }
  return { api, stops, since }
}

const budget = { deadline: Date.now() + 60_000, maxAttempts: 1 }

describe('looking for it and stopping it', () => {
  test('ours is stopped with the rollback input; another run’s is left alone', async () => {
    const cd = scripted([at('d-OLD', 'someone else', T - 1000), at('d-OURS', OURS, T + 500)])
    const r = await recoverLost(cd.api, sending({ rollback: false }), budget)
    expect(cd.since).toEqual([T - CLOCK_SKEW_MS])
    expect(cd.stops).toEqual([['d-OURS', false]])
    expect(r).toEqual({
      result: 'stopped',
      line: "found this step's deployment d-OURS in app/grp and stopped it (Pending: Stopping Pending.); rollback: false, so the alias stays where it is"
    })
  })

  test('several or a description input: nothing stopped, the stop commands printed', async () => {
    const two = scripted([at('d-A', OURS, T), at('d-B', OURS, T + 1)])
    const r = await recoverLost(two.api, sending(), budget)
    expect(two.stops).toEqual([])
    expect(r.result).toBe('ambiguous')
    expect(r.line).toContain('2 deployments in app/grp carry the description this step sent (d-B, d-A)')
    expect(r.line).toContain('aws deploy stop-deployment --deployment-id d-B --auto-rollback-enabled')
    const given = scripted([at('d-A', 'release 1.2', T)])
    const u = await recoverLost(given.api, sending({ description: 'release 1.2', tokened: false }), budget)
    expect(given.stops).toEqual([])
    expect(u.result).toBe('ambiguous')
    expect(u.line).toMatch(/description input, which other runs may share, so none was stopped/)
  })

  test('a stop CodeDeploy refuses: said, with the command', async () => {
    const cd = scripted([at('d-OURS', OURS, T)], { stop: new Error('nope') })
    const r = await recoverLost(cd.api, sending(), budget)
    expect(r.result).toBe('stop-failed')
    expect(r.line).toMatch(/^found this step's deployment d-OURS in app\/grp but could not stop it: .*nope/)
  })
})

describe("main's line after CreateDeployment failed", () => {
  const lost = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })
  const deps = (api: LostApi, signal = new AbortController().signal) => {
    const store = memoryStore()
    saveCodeDeploySending(store, sending())
    return { store, codedeploy: api, clock: { now: () => T + 1000 }, signal }
  }

  test('a refusal (4xx) created nothing: no lookup, and post has nothing to look for', async () => {
    const cd = scripted([at('d-OURS', OURS, T)])
    const d = deps(cd.api)
    const refused = Object.assign(new Error('bad'), { $metadata: { httpStatusCode: 400 } })
    expect(await createFailed(refused, sending(), d)).toMatch(
      /; no deployment was created and no traffic was moved$/
    )
    expect(cd.since).toEqual([])
    expect(codeDeployUnanswered(d.store)).toBeUndefined()
  })

  test('a lost answer: ours found and stopped, and post will not look again', async () => {
    const cd = scripted([at('d-OURS', OURS, T + 10)])
    const d = deps(cd.api)
    const line = await createFailed(lost, sending(), d)
    expect(line).toMatch(
      /^TimeoutError: socket hang up; CreateDeployment's answer was lost: found this step's deployment d-OURS in app\/grp and stopped it .*; CodeDeploy rolls the alias back$/
    )
    expect(cd.stops).toEqual([['d-OURS', true]])
    expect(d.store.get('codedeploy-done')).toBe('stopped')
    expect(codeDeployUnanswered(d.store)).toBeUndefined()
  })

  test('none found: said so; post looks again, for a creation landing after its lost answer', async () => {
    const d = deps(scripted([at('d-X', 'another run', T)]).api)
    expect(await createFailed(lost, sending(), d)).toMatch(
      /CreateDeployment's answer was lost: no deployment of this step was found in app\/grp, so none runs/
    )
    expect(codeDeployUnanswered(d.store)?.description).toBe(OURS)
  })

  test('the lookup fails: the old warning, and why the lookup failed', async () => {
    const d = deps(scripted([], { list: new Error('list broke') }).api)
    expect(await createFailed(lost, sending(), d)).toMatch(
      /CodeDeploy may have created the deployment before its answer was lost: look at the deployments of app\/grp .*; looking for it failed: Error: list broke$/
    )
  })
})

describe('post after main died waiting for the answer', () => {
  const never = async (): Promise<string> => {
    throw new Error('no id to stop')
  }

  test('it looks for the deployment, stops the one that is ours, says so in one line', async () => {
    const store = memoryStore()
    saveCodeDeploySending(store, sending())
    const cd = scripted([at('d-OURS', OURS, T + 10)])
    const log = recorder()
    expect(await stopIfLeft(store, log, never, s => recoverLost(cd.api, s, budget))).toEqual({})
    expect(cd.stops).toEqual([['d-OURS', true]])
    expect(log.lines.at(-1)).toMatch(/^lambda-promote post: found this step's deployment d-OURS in app\/grp/)
  })

  test('several match: nothing stopped, post fails with the commands', async () => {
    const store = memoryStore()
    saveCodeDeploySending(store, sending())
    const cd = scripted([at('d-A', OURS, T), at('d-B', OURS, T)])
    const r = await stopIfLeft(store, recorder(), never, s => recoverLost(cd.api, s, budget))
    expect(cd.stops).toEqual([])
    expect(r?.failure).toMatch(/^lambda-promote post: 2 deployments in app\/grp .*stop-deployment/)
  })

  test('once the id arrived, post stops by the id and never looks', async () => {
    const store = memoryStore()
    saveCodeDeploySending(store, sending())
    saveCodeDeploy(store, { id: 'd-ID', region: 'us-east-1', endpoint: null, rollback: true })
    const stopped: string[] = []
    const r = await stopIfLeft(
      store,
      recorder(),
      async rec => (stopped.push(rec.id), 'Pending'),
      async () => {
        throw new Error('looked')
      }
    )
    expect(r).toEqual({})
    expect(stopped).toEqual(['d-ID'])
  })

  test.each([
    [true, '--auto-rollback-enabled'],
    [false, '--no-auto-rollback-enabled']
  ])(
    'a stop that fails gives the command to stop it by hand, as rollback: %s asked',
    async (rollback, flag) => {
      const store = memoryStore()
      saveCodeDeploy(store, { id: 'd-ID', region: 'us-east-1', endpoint: null, rollback })
      const r = await stopIfLeft(store, recorder(), never)
      expect(r?.failure).toBe(
        `lambda-promote post: could not stop CodeDeploy deployment d-ID: Error: no id to stop; stop it by hand (aws deploy stop-deployment --deployment-id d-ID ${flag})`
      )
    }
  )
})

describe('main’s path through the real client, the emulator losing the answer', () => {
  let h: Harness
  const cd = () => codeDeployClient(h.emu)
  beforeAll(async () => {
    // A CodeDeploy minute of a real minute: the canary holds at 10% for as long as this test runs.
    h = await harness({ codedeployMinuteMs: 60_000 })
  })
  afterAll(async () => h.close())

  test('CreateDeployment applied, its answer lost: the deployment is found, stopped, the alias rolled back', async () => {
    const client = cd()
    await twoVersions(h.lambda, 'lost-fn')
    await appAndGroup(client, 'lost-app', 'lost-grp')
    const gateway = new CodeDeployGateway({
      region: 'us-east-1',
      endpoint: h.emu.url,
      endpointSource: 'test',
      clock: systemClock
    })
    const store = memoryStore()
    const sent = sending({ application: 'lost-app', group: 'lost-grp', sentAt: Date.now() })
    saveCodeDeploySending(store, sent)
    h.emu.faults.add({ operation: 'CreateDeployment', lostResponseRate: 1, times: 1 })
    const appSpec = buildAppSpec({
      functionName: 'lost-fn',
      alias: 'live',
      currentVersion: '1',
      targetVersion: '2',
      hooks: {}
    })
    let error: unknown
    try {
      await gateway.createDeployment(
        {
          application: 'lost-app',
          group: 'lost-grp',
          config: 'CodeDeployDefault.LambdaCanary10Percent5Minutes',
          appSpec,
          description: OURS,
          rollback: true
        },
        budget
      )
    } catch (e) {
      error = e
    }
    expect(error).toBeDefined()
    const created = h.emu.log.filter(e => e.operation === 'CreateDeployment')
    expect(created.map(e => [e.status, e.fault])).toEqual([[0, 'lost-response']])
    await waitFor(
      'the canary at 10%',
      async () => (await alias(h.lambda, 'lost-fn')).RoutingConfig !== undefined
    )
    const line = await createFailed(error, sent, {
      store,
      codedeploy: gateway,
      clock: systemClock,
      signal: new AbortController().signal
    })
    const id = /deployment (d-[A-Z0-9]+)/.exec(line)?.[1] ?? ''
    expect((await deployment(client, id)).description).toBe(OURS)
    expect(line).toMatch(
      /CreateDeployment's answer was lost: found this step's deployment d-[A-Z0-9]+ in lost-app\/lost-grp and stopped it/
    )
    await untilStatus(client, id, 'Stopped')
    await waitFor('the rollback', async () => {
      const a = await alias(h.lambda, 'lost-fn')
      return a.FunctionVersion === '1' && a.RoutingConfig?.AdditionalVersionWeights === undefined
    })
    expect(store.get('codedeploy-done')).toBe('stopped')
    gateway.destroy()
    client.destroy()
  })
})
