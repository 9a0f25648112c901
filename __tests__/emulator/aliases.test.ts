// Aliases through the real SDK: CRUD, RevisionIds, every routing constraint, alias name rules, the [I]
// switches, ListAliases.
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  GetAliasCommand,
  ListAliasesCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionConfigurationCommand,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { OTHER_ROLE, createFunction, failure, harness, type Harness } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(async () => h.close())

// A function with versions 1..n, each published after a configuration change.
async function withVersions(lambda: LambdaClient, name: string, n: number): Promise<void> {
  await createFunction(lambda, name)
  for (let i = 1; i <= n; i++) {
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: `v${i}` }))
    await lambda.send(new PublishVersionCommand({ FunctionName: name }))
  }
}

const aliasArn = (fn: string, alias: string): string =>
  `arn:aws:lambda:us-east-1:123456789012:function:${fn}:${alias}`

describe('alias lifecycle', () => {
  test('create, get, update with RevisionId, delete (idempotent)', async () => {
    await withVersions(h.lambda, 'al-1', 3)
    const created = await h.lambda.send(
      new CreateAliasCommand({ FunctionName: 'al-1', Name: 'live', FunctionVersion: '1' })
    )
    expect(created.$metadata.httpStatusCode).toBe(201)
    expect(created).toMatchObject({
      AliasArn: aliasArn('al-1', 'live'),
      Name: 'live',
      FunctionVersion: '1',
      Description: ''
    })
    expect(created.RoutingConfig).toBeUndefined()
    expect(h.emu.log.at(-1)?.response).not.toHaveProperty('RoutingConfig')

    const dup = await failure(
      h.lambda.send(new CreateAliasCommand({ FunctionName: 'al-1', Name: 'live', FunctionVersion: '2' }))
    )
    expect([dup.name, dup.status]).toEqual(['ResourceConflictException', 409])

    const split = await h.lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'al-1',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
        RevisionId: created.RevisionId
      })
    )
    expect(split.RoutingConfig?.AdditionalVersionWeights).toEqual({ '2': 0.1 })
    expect(split.RevisionId).not.toBe(created.RevisionId)

    const stale = await failure(
      h.lambda.send(
        new UpdateAliasCommand({
          FunctionName: 'al-1',
          Name: 'live',
          FunctionVersion: '2',
          RevisionId: created.RevisionId
        })
      )
    )
    expect([stale.name, stale.status]).toEqual(['PreconditionFailedException', 412])

    // Identical request, still a new RevisionId.
    const same = await h.lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'al-1',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } }
      })
    )
    expect(same.RevisionId).not.toBe(split.RevisionId)

    const promoted = await h.lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'al-1',
        Name: 'live',
        FunctionVersion: '2',
        RoutingConfig: { AdditionalVersionWeights: {} }
      })
    )
    expect(promoted.FunctionVersion).toBe('2')
    expect(promoted.RoutingConfig).toBeUndefined()
    const read = await h.lambda.send(new GetAliasCommand({ FunctionName: 'al-1', Name: 'live' }))
    expect(read.RevisionId).toBe(promoted.RevisionId)
    expect(h.emu.log.at(-1)?.response).not.toHaveProperty('RoutingConfig')
    expect(h.emu.admin.getAlias('al-1', 'live')).toEqual(h.emu.log.at(-1)?.response)

    for (let i = 0; i < 2; i++) {
      const out = await h.lambda.send(new DeleteAliasCommand({ FunctionName: 'al-1', Name: 'live' }))
      expect(out.$metadata.httpStatusCode).toBe(204)
    }
    const gone = await failure(h.lambda.send(new GetAliasCommand({ FunctionName: 'al-1', Name: 'live' })))
    expect([gone.name, gone.status]).toEqual(['ResourceNotFoundException', 404])
    const missing = await failure(
      h.lambda.send(new UpdateAliasCommand({ FunctionName: 'al-1', Name: 'live', FunctionVersion: '1' }))
    )
    expect([missing.name, missing.status]).toEqual(['ResourceNotFoundException', 404])
    expect(h.emu.admin.getAlias('al-1', 'live')).toBeUndefined()
  })

  test('alias operations accept the ARN forms of the function name', async () => {
    await withVersions(h.lambda, 'al-arn', 1)
    const fnArn = 'arn:aws:lambda:us-east-1:123456789012:function:al-arn'
    await h.lambda.send(new CreateAliasCommand({ FunctionName: fnArn, Name: 'live', FunctionVersion: '1' }))
    const read = await h.lambda.send(
      new GetAliasCommand({ FunctionName: '123456789012:function:al-arn', Name: 'live' })
    )
    expect(read.AliasArn).toBe(aliasArn('al-arn', 'live'))
    const entry = h.emu.log.at(-1)
    expect([entry?.functionName, entry?.alias, entry?.write]).toEqual(['al-arn', 'live', false])
  })
})

describe('routing constraints', () => {
  beforeAll(async () => {
    await withVersions(h.lambda, 'rt', 3)
    await h.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'rt', Role: OTHER_ROLE }))
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'rt' })) // 4: another role
    await h.lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: 'rt',
        Role: 'arn:aws:iam::123456789012:role/lambda-role',
        DeadLetterConfig: { TargetArn: 'arn:aws:sqs:us-east-1:123456789012:dlq' }
      })
    )
    await h.lambda.send(new PublishVersionCommand({ FunctionName: 'rt' })) // 5: a DLQ
    await h.lambda.send(new CreateAliasCommand({ FunctionName: 'rt', Name: 'live', FunctionVersion: '1' }))
  })

  const update = (FunctionVersion: string, weights: Record<string, number>) =>
    failure(
      h.lambda.send(
        new UpdateAliasCommand({
          FunctionName: 'rt',
          Name: 'live',
          FunctionVersion,
          RoutingConfig: { AdditionalVersionWeights: weights }
        })
      )
    )

  test.each([
    ['two additional versions', '1', { '2': 0.1, '3': 0.1 }, 'InvalidParameterValueException', 400],
    ['weight above 1', '1', { '2': 1.5 }, 'ValidationException', 400],
    ['negative weight', '1', { '2': -0.1 }, 'ValidationException', 400],
    ['$LATEST as a weight key', '1', { $LATEST: 0.1 }, 'ValidationException', 400],
    ['weighted version = primary', '2', { '2': 0.1 }, 'InvalidParameterValueException', 400],
    ['$LATEST primary with routing', '$LATEST', { '2': 0.1 }, 'InvalidParameterValueException', 400],
    ['missing weighted version', '1', { '99': 0.1 }, 'ResourceNotFoundException', 404],
    ['missing primary version', '98', {}, 'ResourceNotFoundException', 404],
    ['a different role', '1', { '4': 0.1 }, 'InvalidParameterValueException', 400],
    ['a different dead-letter queue', '1', { '5': 0.1 }, 'InvalidParameterValueException', 400]
  ])('%s', async (_label, primary, weights, name, status) => {
    const e = await update(primary, weights)
    expect([e.name, e.status]).toEqual([name, status])
    expect(h.emu.log.at(-1)?.errorType).toBe(name)
  })

  test('CreateAlias applies the same rules', async () => {
    const e = await failure(
      h.lambda.send(
        new CreateAliasCommand({
          FunctionName: 'rt',
          Name: 'beta',
          FunctionVersion: '1',
          RoutingConfig: { AdditionalVersionWeights: { '4': 0.5 } }
        })
      )
    )
    expect([e.name, e.status]).toEqual(['InvalidParameterValueException', 400])
    const ok = await h.lambda.send(
      new CreateAliasCommand({
        FunctionName: 'rt',
        Name: 'beta',
        FunctionVersion: '2',
        RoutingConfig: { AdditionalVersionWeights: { '3': 0 } }
      })
    )
    expect(ok.RoutingConfig?.AdditionalVersionWeights).toEqual({ '3': 0 })
  })

  test('weight 1.0 is accepted by default', async () => {
    const out = await h.lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'rt',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 1 } }
      })
    )
    expect(out.RoutingConfig?.AdditionalVersionWeights).toEqual({ '2': 1 })
  })
})

describe('[I] switches', () => {
  test('omittedRoutingConfig keep (default) keeps the split; clear drops it', async () => {
    await withVersions(h.lambda, 'sw', 3)
    await h.lambda.send(
      new CreateAliasCommand({
        FunctionName: 'sw',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.2 } }
      })
    )
    const kept = await h.lambda.send(
      new UpdateAliasCommand({ FunctionName: 'sw', Name: 'live', Description: 'kept' })
    )
    expect(kept.RoutingConfig?.AdditionalVersionWeights).toEqual({ '2': 0.2 })
    expect(kept.Description).toBe('kept')
    // Keeping the split makes moving the primary onto the weighted version invalid.
    const clash = await failure(
      h.lambda.send(new UpdateAliasCommand({ FunctionName: 'sw', Name: 'live', FunctionVersion: '2' }))
    )
    expect(clash.name).toBe('InvalidParameterValueException')

    const other = await harness({ omittedRoutingConfig: 'clear', allowFullWeight: false })
    try {
      await withVersions(other.lambda, 'sw', 2)
      await other.lambda.send(
        new CreateAliasCommand({
          FunctionName: 'sw',
          Name: 'live',
          FunctionVersion: '1',
          RoutingConfig: { AdditionalVersionWeights: { '2': 0.2 } }
        })
      )
      const cleared = await other.lambda.send(
        new UpdateAliasCommand({ FunctionName: 'sw', Name: 'live', FunctionVersion: '2' })
      )
      expect(cleared.RoutingConfig).toBeUndefined()
      const full = await failure(
        other.lambda.send(
          new UpdateAliasCommand({
            FunctionName: 'sw',
            Name: 'live',
            FunctionVersion: '1',
            RoutingConfig: { AdditionalVersionWeights: { '2': 1 } }
          })
        )
      )
      expect([full.name, full.status]).toEqual(['InvalidParameterValueException', 400])
    } finally {
      await other.close()
    }
  })
})

describe('alias names and ListAliases', () => {
  test.each([
    ['all digits', '123'],
    ['129 characters', 'a'.repeat(129)],
    ['a dot', 'bad.name'],
    ['$LATEST', '$LATEST']
  ])('an alias name with %s is a ValidationException', async (_label, name) => {
    const e = await failure(
      h.lambda.send(new CreateAliasCommand({ FunctionName: 'rt', Name: name, FunctionVersion: '1' }))
    )
    expect([e.name, e.status]).toEqual(['ValidationException', 400])
  })

  test('valid names: letters, digits, - and _, up to 128', async () => {
    await withVersions(h.lambda, 'names', 2)
    for (const name of ['live_1-x', 'v2', 'a'.repeat(128), '1a']) {
      const out = await h.lambda.send(
        new CreateAliasCommand({
          FunctionName: 'names',
          Name: name,
          FunctionVersion: name === 'v2' ? '2' : '1'
        })
      )
      expect(out.Name).toBe(name)
    }
    const all = await h.lambda.send(new ListAliasesCommand({ FunctionName: 'names' }))
    expect(all.Aliases?.map(a => a.Name)).toEqual(['1a', 'a'.repeat(128), 'live_1-x', 'v2'])
    const onV2 = await h.lambda.send(new ListAliasesCommand({ FunctionName: 'names', FunctionVersion: '2' }))
    expect(onV2.Aliases?.map(a => a.Name)).toEqual(['v2'])
    const page = await h.lambda.send(new ListAliasesCommand({ FunctionName: 'names', MaxItems: 3 }))
    expect(page.Aliases).toHaveLength(3)
    const rest = await h.lambda.send(
      new ListAliasesCommand({ FunctionName: 'names', Marker: page.NextMarker })
    )
    expect(rest.Aliases?.map(a => a.Name)).toEqual(['v2'])
    expect(rest.NextMarker).toBeUndefined()
  })
})
