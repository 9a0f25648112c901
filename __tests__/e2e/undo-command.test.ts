// Through dist/: main is stopped with rollback: false, prints where it left the alias and the command that
// undoes it; that command, run by bash as printed (with `aws` standing for the CLI), gives arguments that
// restore the alias's exact description, line breaks and `::` included.
import { execFileSync } from 'node:child_process'
import { UpdateAliasCommand } from '@aws-sdk/client-lambda'
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { runAction } from '../../testkit/runner.js'
import { errors, getAlias, readyToPromote } from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
useEmulator(f => ({ emu, lambda: client } = f))

function argumentsOf(command: string): string[] {
  const stub = `aws() { node -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)))' -- "$@"; }`
  return JSON.parse(execFileSync('bash', ['-c', `${stub}\n${command}`], { encoding: 'utf8' })) as string[]
}
const option = (args: string[], name: string): string => args[args.indexOf(name) + 1] as string

test('the printed undo command sets the description the alias had, exactly', async () => {
  const description = 'prod  traffic\n::warning::owned by on-call ：：'
  await readyToPromote(client, 'undo-exact', { description })
  const main = await runAction({
    inputs: {
      'function-name': 'undo-exact',
      alias: 'live',
      strategy: 'canary',
      interval: '1h',
      timeout: '2h',
      rollback: 'false'
    },
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1' },
    signal: { name: 'SIGINT', whenStdout: /10% → v2/, afterMs: 100 }
  })
  expect(main.exitCode).toBe(1)
  const line = errors(main).join('\n')
  const command = /to undo: (aws lambda update-alias .*)$/m.exec(line)?.[1]
  expect(command).toBeDefined()
  const args = argumentsOf(command as string)
  expect(option(args, '--description')).toBe(description)
  await client.send(
    new UpdateAliasCommand({
      FunctionName: option(args, '--function-name'),
      Name: option(args, '--name'),
      FunctionVersion: option(args, '--function-version'),
      RoutingConfig: { AdditionalVersionWeights: {} },
      Description: option(args, '--description')
    })
  )
  expect((await getAlias(client, 'undo-exact', 'live')).Description).toBe(description)
}, 60_000)
