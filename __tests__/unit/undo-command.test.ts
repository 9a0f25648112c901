// The printed "to undo" command restores the alias's exact description: the command is put through the
// log's neutralising as the runner would show it, run by bash (with `aws` standing for the CLI, printing
// the arguments it was given), and those arguments are sent as UpdateAlias to the emulator.
import { execFileSync } from 'node:child_process'
import { UpdateAliasCommand } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { fixCommand } from '../../src/ledger/restore.js'
import { shellQuoteExact } from '../../src/ledger/shell-quote.js'
import { logSafe } from '../../src/untrusted.js'
import {
  createAlias,
  createFunction,
  emulator,
  getAlias,
  lambda,
  publish,
  updateCode
} from '../../testkit/fixtures.js'

let emu: Emulator
beforeAll(async () => {
  emu = await emulator()
})
afterAll(() => emu.close())

/** The arguments bash passes to `aws` when it runs `command`. */
function argumentsOf(command: string): string[] {
  const stub = `aws() { node -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)))' -- "$@"; }`
  return JSON.parse(execFileSync('bash', ['-c', `${stub}\n${command}`], { encoding: 'utf8' })) as string[]
}

const option = (args: string[], name: string): string => args[args.indexOf(name) + 1] as string

const DESCRIPTIONS = [
  'prod',
  "it's live",
  'two  spaces and a trailing one ',
  ' leading',
  'line one\nline two\r\nand a\ttab',
  '::set-output name=x::y',
  'x ##[error]not a command',
  'full-width ：： colons and an é and an emoji 🚀',
  'back\\slash and $HOME and `cmd` and "quotes" and %0A',
  'ends with a newline\n',
  ''
]

test.each(DESCRIPTIONS)('the printed command restores %j exactly', async description => {
  const fn = `undo-${DESCRIPTIONS.indexOf(description)}`
  const client = lambda(emu)
  await createFunction(client, fn)
  await publish(client, fn)
  await updateCode(client, fn, 'two')
  await publish(client, fn)
  await createAlias(client, fn, 'live', '1')
  const initial = { functionVersion: '1', weights: { '2': 0.25 }, description, revisionId: '', arn: '' }
  const line = fixCommand({ id: fn, initial }, 'live')
  // The log changes nothing in it, so what a person copies is what was printed.
  expect(logSafe(line, 10_000)).toBe(line)
  const args = argumentsOf(line.replace(/^to undo: /, ''))
  expect(args.slice(0, 2)).toEqual(['lambda', 'update-alias'])
  expect(option(args, '--description')).toBe(description)
  expect(option(args, '--routing-config')).toBe('AdditionalVersionWeights={2=0.25}')
  // The CLI's shorthand AdditionalVersionWeights={2=0.25} is the map {"2": 0.25}.
  const weights = Object.fromEntries(
    /^AdditionalVersionWeights=\{(.*)\}$/
      .exec(option(args, '--routing-config'))![1]!
      .split(',')
      .filter(Boolean)
      .map(pair => [pair.split('=')[0], Number(pair.split('=')[1])])
  )
  await client.send(
    new UpdateAliasCommand({
      FunctionName: option(args, '--function-name'),
      Name: option(args, '--name'),
      FunctionVersion: option(args, '--function-version'),
      RoutingConfig: { AdditionalVersionWeights: weights },
      Description: option(args, '--description')
    })
  )
  const alias = await getAlias(client, fn, 'live')
  expect([alias.Description ?? '', alias.RoutingConfig?.AdditionalVersionWeights]).toEqual([
    description,
    { '2': 0.25 }
  ])
  client.destroy()
})

test('plain text keeps the readable single-quoted form', () => {
  expect(shellQuoteExact('release v1.2 (abc1234)')).toBe("'release v1.2 (abc1234)'")
  expect(shellQuoteExact('a\nb')).toBe("$'a\\x0ab'")
})
