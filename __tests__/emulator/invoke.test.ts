// Invoke: each version's own environment decides success or failure; weighted alias draws are
// reproducible from the seed.
import {
  CreateAliasCommand,
  InvokeCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createFunction, failure, harness, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness({ seed: 7 })
  // v1 succeeds, v2 fails with a message, v3 answers a fixed response; $LATEST fails with the default message.
  await createFunction(h.lambda, 'inv')
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'inv' }))
  await setEnv(h.lambda, 'inv', { EMULATOR_FAIL: 'true', EMULATOR_ERROR_MESSAGE: 'boom' })
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'inv' }))
  await setEnv(h.lambda, 'inv', { EMULATOR_RESPONSE: '"plain"' })
  await h.lambda.send(new PublishVersionCommand({ FunctionName: 'inv' }))
  await setEnv(h.lambda, 'inv', { EMULATOR_FAIL: 'true' })
})
afterAll(async () => h.close())

async function setEnv(lambda: LambdaClient, name: string, Variables: Record<string, string>): Promise<void> {
  await lambda.send(
    new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: { Variables } })
  )
}

const text = (payload?: Uint8Array): string => Buffer.from(payload ?? []).toString('utf8')
const payload = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value))

describe('deterministic results', () => {
  test('a healthy version echoes the event with its version', async () => {
    const out = await h.lambda.send(
      new InvokeCommand({ FunctionName: 'inv', Qualifier: '1', Payload: payload({ hello: 'world' }) })
    )
    expect(out.StatusCode).toBe(200)
    expect(out.FunctionError).toBeUndefined()
    expect(out.ExecutedVersion).toBe('1')
    expect(JSON.parse(text(out.Payload))).toEqual({ ok: true, version: '1', event: { hello: 'world' } })
    expect(h.emu.log.at(-1)).toMatchObject({ operation: 'Invoke', write: false, request: { hello: 'world' } })
  })

  test('EMULATOR_FAIL=true answers 200 with X-Amz-Function-Error: Unhandled', async () => {
    const v2 = await h.lambda.send(new InvokeCommand({ FunctionName: 'inv', Qualifier: '2' }))
    expect([v2.StatusCode, v2.FunctionError, v2.ExecutedVersion]).toEqual([200, 'Unhandled', '2'])
    expect(JSON.parse(text(v2.Payload))).toEqual({ errorType: 'Error', errorMessage: 'boom' })
    const latest = await h.lambda.send(new InvokeCommand({ FunctionName: 'inv' }))
    expect([latest.FunctionError, latest.ExecutedVersion]).toEqual(['Unhandled', '$LATEST'])
    expect(JSON.parse(text(latest.Payload))).toEqual({ errorType: 'Error', errorMessage: 'emulated failure' })
  })

  test('EMULATOR_RESPONSE is the raw response body', async () => {
    const out = await h.lambda.send(new InvokeCommand({ FunctionName: 'inv:3' }))
    expect([out.ExecutedVersion, text(out.Payload)]).toEqual(['3', '"plain"'])
  })

  test('invocation types and the tail log', async () => {
    const event = await h.lambda.send(
      new InvokeCommand({ FunctionName: 'inv', Qualifier: '1', InvocationType: 'Event' })
    )
    expect(event.StatusCode).toBe(202)
    const dry = await h.lambda.send(
      new InvokeCommand({ FunctionName: 'inv', Qualifier: '1', InvocationType: 'DryRun' })
    )
    expect(dry.StatusCode).toBe(204)
    const tail = await h.lambda.send(
      new InvokeCommand({ FunctionName: 'inv', Qualifier: '2', LogType: 'Tail' })
    )
    const log = Buffer.from(tail.LogResult ?? '', 'base64').toString('utf8')
    expect(log).toMatch(/^START RequestId: \S+ Version: 2\n/)
    expect(log).toContain('boom')
    expect(log).toMatch(/REPORT RequestId: /)
  })

  test('errors: bad payload 400, missing version 404', async () => {
    const bad = await failure(
      h.lambda.send(new InvokeCommand({ FunctionName: 'inv', Payload: new TextEncoder().encode('{nope') }))
    )
    expect([bad.name, bad.status]).toEqual(['InvalidRequestContentException', 400])
    const missing = await failure(h.lambda.send(new InvokeCommand({ FunctionName: 'inv', Qualifier: '42' })))
    expect([missing.name, missing.status]).toEqual(['ResourceNotFoundException', 404])
  })
})

describe('weighted aliases', () => {
  async function draws(seed: number, n: number): Promise<string[]> {
    const other = await harness({ seed })
    try {
      await createFunction(other.lambda, 'w')
      other.emu.admin.publishVersions('w', 2)
      await other.lambda.send(
        new CreateAliasCommand({
          FunctionName: 'w',
          Name: 'live',
          FunctionVersion: '1',
          RoutingConfig: { AdditionalVersionWeights: { '2': 0.3 } }
        })
      )
      const out: string[] = []
      for (let i = 0; i < n; i++) {
        out.push(
          (await other.lambda.send(new InvokeCommand({ FunctionName: 'w', Qualifier: 'live' })))
            .ExecutedVersion ?? ''
        )
      }
      return out
    } finally {
      await other.close()
    }
  }

  test('a split alias picks versions by weight, reproducibly for a seed', async () => {
    const a = await draws(42, 200)
    const b = await draws(42, 200)
    const c = await draws(43, 200)
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
    const share = a.filter(v => v === '2').length / a.length
    expect(share).toBeGreaterThan(0.2)
    expect(share).toBeLessThan(0.4)
    expect(new Set(a)).toEqual(new Set(['1', '2']))
  })

  test('an alias without a split always runs its primary version', async () => {
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'inv', Name: 'stable', FunctionVersion: '1' }))
    for (let i = 0; i < 5; i++) {
      const out = await h.lambda.send(new InvokeCommand({ FunctionName: 'inv', Qualifier: 'stable' }))
      expect(out.ExecutedVersion).toBe('1')
    }
  })
})
