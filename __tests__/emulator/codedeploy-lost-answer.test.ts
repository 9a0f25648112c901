// What finding a deployment whose CreateDeployment answer was lost relies on, through the real
// @aws-sdk/client-codedeploy: the lost-response fault applies CreateDeployment and drops its answer;
// ListDeployments filters by status and createTimeRange; GetDeployment gives description and createTime;
// answerLatencyMs makes the deployment while its answer is held back (a caller killed meanwhile).
import { CodeDeployClient, CreateDeploymentCommand, ListDeploymentsCommand } from '@aws-sdk/client-codedeploy'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { appAndGroup, appSpecJson, deployment, revision } from './codedeploy-helpers.js'
import { failure, fakeClock, harness, waitFor, type Harness } from './helpers.js'

const clock = fakeClock()
let h: Harness
let cd: CodeDeployClient

beforeAll(async () => {
  h = await harness({ now: clock.now })
  // One attempt: the SDK's own retry would send CreateDeployment again after the lost answer.
  cd = new CodeDeployClient({
    region: 'us-east-1',
    endpoint: h.emu.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1
  })
})
afterAll(async () => {
  cd.destroy()
  await h.close()
})

test('a lost CreateDeployment answer: the deployment exists, listed by status and time, with its description', async () => {
  await appAndGroup(cd, 'la-app', 'la-grp')
  h.emu.faults.add({ operation: 'CreateDeployment', lostResponseRate: 1, times: 1 })
  const sent = clock.now()
  const create = new CreateDeploymentCommand({
    applicationName: 'la-app',
    deploymentGroupName: 'la-grp',
    description: 'main @ abc1234 step 0a1b2c3d',
    revision: revision(appSpecJson('la-fn'))
  })
  const error = await failure(cd.send(create))
  expect(error.status).toBeUndefined()
  expect(h.emu.log.filter(e => e.operation === 'CreateDeployment').map(e => [e.status, e.fault])).toEqual([
    [0, 'lost-response']
  ])
  const list = (start: number) =>
    cd.send(
      new ListDeploymentsCommand({
        applicationName: 'la-app',
        deploymentGroupName: 'la-grp',
        includeOnlyStatuses: ['Created', 'Queued', 'InProgress', 'Baking', 'Ready', 'Failed'],
        createTimeRange: { start: new Date(start) }
      })
    )
  const [id] = (await list(sent - 300_000)).deployments ?? []
  expect(id).toMatch(/^d-[A-Z0-9]{9}$/)
  const info = await deployment(cd, id as string)
  expect(info.description).toBe('main @ abc1234 step 0a1b2c3d')
  expect(info.createTime?.getTime()).toBe(sent)
  expect((await list(sent + 1000)).deployments).toEqual([])
})

test('answerLatencyMs: the deployment exists while its CreateDeployment answer is still held back', async () => {
  await appAndGroup(cd, 'held-app', 'held-grp')
  h.emu.faults.add({ operation: 'CreateDeployment', answerLatencyMs: 60_000, times: 1 })
  const abort = new AbortController()
  let answered = false
  const create = cd
    .send(
      new CreateDeploymentCommand({
        applicationName: 'held-app',
        deploymentGroupName: 'held-grp',
        revision: revision(appSpecJson('held-fn'))
      }),
      { abortSignal: abort.signal }
    )
    .finally(() => (answered = true))
  const listed = () =>
    cd.send(new ListDeploymentsCommand({ applicationName: 'held-app', deploymentGroupName: 'held-grp' }))
  await waitFor(
    'the held deployment to be listed',
    async () => ((await listed()).deployments ?? []).length === 1
  )
  expect(answered).toBe(false)
  abort.abort()
  expect((await failure(create)).name).toBe('AbortError')
})
