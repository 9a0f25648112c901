// `published` is true only for the step whose PublishVersion created the version: two steps of one run
// attempt promoting two aliases of one function share every part of the default description but a
// per-step token, so the second is told the version is not its own. Through dist/.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { runAction } from '../../testkit/runner.js'
import { createAlias, getAlias, readyToPromote } from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
useEmulator(f => ({ emu, lambda: client } = f))

const step = (alias: string) =>
  runAction({
    inputs: { 'function-name': 'two-aliases', alias },
    // Both steps run in the same run attempt: the same GITHUB_RUN_ID, sha and ref.
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' }
  })

test('two steps of one run promoting two aliases: only the first says published=true', async () => {
  await readyToPromote(client, 'two-aliases')
  await createAlias(client, 'two-aliases', 'staging', '1')
  const first = await step('live')
  expect([first.outputs.status, first.outputs.version, first.outputs.published]).toEqual([
    'promoted',
    '2',
    'true'
  ])
  const second = await step('staging')
  // Lambda answered the second PublishVersion with the version the first step made.
  expect([second.outputs.status, second.outputs.version, second.outputs.published]).toEqual([
    'promoted',
    '2',
    'false'
  ])
  expect(JSON.parse(second.outputs.result as string)).toEqual([expect.objectContaining({ published: false })])
  expect(second.stdout).toMatch(/two-aliases: v2 exists, sha/)
  expect((await getAlias(client, 'two-aliases', 'staging')).FunctionVersion).toBe('2')
}, 60_000)
