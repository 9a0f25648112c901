// Update and publish lifecycle: LastUpdateStatus InProgress for updateDelayMs, State Pending for
// publishDelayMs, the 409s meanwhile, and the SDK's own waiters polling until they settle.
import {
  CreateAliasCommand,
  GetFunctionCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { createFunction, failure, harness, zip, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  // 1.5 s: long enough that the few calls made meanwhile land inside it on a machine several times slower.
  h = await harness({ updateDelayMs: 1500, publishDelayMs: 1500 })
})
afterAll(async () => h.close())

// Short polling intervals keep the test fast; maxWaitTime is always explicit.
const waiter = (h: Harness) => ({ client: h.lambda, maxWaitTime: 10, minDelay: 0.1, maxDelay: 0.2 })
const IN_PROGRESS =
  /^The operation cannot be performed at this time\. An update is in progress for resource: /

test('a new function is Pending / InProgress for updateDelayMs, then Active / Successful', async () => {
  await createFunction(h.lambda, 'life-1')
  const during = await h.lambda.send(new GetFunctionCommand({ FunctionName: 'life-1' }))
  expect(during.Configuration?.State).toBe('Pending')
  expect(during.Configuration?.LastUpdateStatus).toBe('InProgress')
  const early = await failure(h.lambda.send(new PublishVersionCommand({ FunctionName: 'life-1' })))
  expect([early.name, early.status]).toEqual(['ResourceConflictException', 409])
  const result = await waitUntilFunctionUpdatedV2(waiter(h), { FunctionName: 'life-1' })
  expect(result.state).toBe('SUCCESS')
  const after = await h.lambda.send(new GetFunctionCommand({ FunctionName: 'life-1' }))
  expect([after.Configuration?.State, after.Configuration?.LastUpdateStatus]).toEqual([
    'Active',
    'Successful'
  ])
  expect(after.Configuration?.RevisionId).not.toBe(during.Configuration?.RevisionId)
})

test('during an update: 409 for PublishVersion / UpdateFunctionCode / UpdateFunctionConfiguration; RevisionId changes at start and end', async () => {
  await createFunction(h.lambda, 'life-2')
  await waitUntilFunctionUpdatedV2(waiter(h), { FunctionName: 'life-2' })
  const before = (await h.lambda.send(new GetFunctionCommand({ FunctionName: 'life-2' }))).Configuration
    ?.RevisionId
  const started = await h.lambda.send(
    new UpdateFunctionCodeCommand({ FunctionName: 'life-2', ZipFile: zip('life-2 b') })
  )
  expect(started.LastUpdateStatus).toBe('InProgress')
  expect(started.State).toBe('Active')
  expect(started.RevisionId).not.toBe(before)

  for (const call of [
    h.lambda.send(new PublishVersionCommand({ FunctionName: 'life-2' })),
    h.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'life-2', ZipFile: zip('life-2 c') })),
    h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'life-2', Description: 'x' }))
  ]) {
    const e = await failure(call)
    expect([e.name, e.status]).toEqual(['ResourceConflictException', 409])
    expect(e.message).toMatch(IN_PROGRESS)
  }
  // The SDK does not retry 409s: one attempt each.
  expect(h.emu.log.filter(e => e.functionName === 'life-2' && e.status === 409)).toHaveLength(3)

  await waitUntilFunctionUpdatedV2(waiter(h), { FunctionName: 'life-2' })
  const settled = (await h.lambda.send(new GetFunctionCommand({ FunctionName: 'life-2' }))).Configuration
  expect(settled?.LastUpdateStatus).toBe('Successful')
  expect(settled?.RevisionId).not.toBe(started.RevisionId)
})

test('a published version stays Pending for publishDelayMs; waitUntilPublishedVersionActive sees it Active', async () => {
  await createFunction(h.lambda, 'life-3')
  await waitUntilFunctionUpdatedV2(waiter(h), { FunctionName: 'life-3' })
  const v = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'life-3' }))
  expect([v.Version, v.State, v.StateReasonCode]).toEqual(['1', 'Pending', 'Creating'])
  // Aliases may point at a Pending version; invoking it is refused until it is Active.
  await h.lambda.send(new CreateAliasCommand({ FunctionName: 'life-3', Name: 'live', FunctionVersion: '1' }))
  const invoke = await failure(h.lambda.send(new InvokeCommand({ FunctionName: 'life-3', Qualifier: '1' })))
  expect([invoke.name, invoke.status]).toEqual(['ResourceConflictException', 409])

  const result = await waitUntilPublishedVersionActive(waiter(h), { FunctionName: 'life-3', Qualifier: '1' })
  expect(result.state).toBe('SUCCESS')
  const polls = h.emu.log.filter(
    e => e.functionName === 'life-3' && e.operation === 'GetFunctionConfiguration'
  )
  expect(polls.length).toBeGreaterThanOrEqual(2)
  expect((polls[0]?.response as { State?: string }).State).toBe('Pending')
  expect((polls.at(-1)?.response as { State?: string }).State).toBe('Active')
  const ok = await h.lambda.send(new InvokeCommand({ FunctionName: 'life-3', Qualifier: 'live' }))
  expect(ok.ExecutedVersion).toBe('1')
})

test('settings are mutable at runtime', async () => {
  h.emu.settings.updateDelayMs = 0
  h.emu.settings.publishDelayMs = 0
  try {
    await createFunction(h.lambda, 'life-4')
    const v = await h.lambda.send(new PublishVersionCommand({ FunctionName: 'life-4' }))
    expect(v.State).toBe('Active')
  } finally {
    h.emu.settings.updateDelayMs = 300
    h.emu.settings.publishDelayMs = 300
  }
})
