// engine: codedeploy refuses what CodeDeploy cannot do, and bad CodeDeploy inputs, with one line naming the
// input, before anything is written (Lambda or CodeDeploy). Runs dist/ as the runner does.
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import {
  act,
  createAlias,
  createFunction,
  errors,
  lastSeq,
  publish,
  updateCode,
  writes
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
const fn = 'cd-refuse'
const ROLE = 'arn:aws:iam::123456789012:role/codedeploy-role'

useEmulator(f => ({ emu, lambda: client } = f))
beforeAll(async () => {
  await createFunction(client, fn, 'a')
  await publish(client, fn)
  await createAlias(client, fn, 'live', '1')
  await updateCode(client, fn, 'b')
  await createFunction(client, 'cd-other', 'a')
})

const cd = { engine: 'codedeploy', 'codedeploy-service-role': ROLE }

const cases: [string, Record<string, string>, string | RegExp][] = [
  [
    'explicit steps',
    { ...cd, steps: '5,25,50' },
    'steps "5,25,50": CodeDeploy shifts by canary or linear configurations only, not by explicit steps; use strategy canary or linear, or engine: action'
  ],
  [
    'a sub-minute interval',
    { ...cd, strategy: 'canary', interval: '30s' },
    'interval "30s": CodeDeploy counts intervals in whole minutes, from 1m to 48h; use such an interval, or engine: action for sub-minute steps'
  ],
  [
    'a CodeDeploy-style name in seconds',
    { ...cd, strategy: 'Linear20PercentEvery90Seconds' },
    /^interval "1m30s": CodeDeploy counts intervals in whole minutes/
  ],
  [
    'a fractional percentage',
    { ...cd, strategy: 'canary', 'canary-percent': '2.5' },
    'canary-percent "2.5": CodeDeploy takes whole percentages from 1 to 99; round it, or use engine: action'
  ],
  [
    'analysis',
    { ...cd, strategy: 'canary', analysis: 'errors' },
    /^analysis "errors": CodeDeploy cannot compare the versions' metrics; .* or use engine: action$/
  ],
  [
    'bake-time',
    { ...cd, 'bake-time': '5m' },
    /^bake-time "5m": CodeDeploy ends the deployment once all traffic has moved, .*engine: action$/
  ],
  [
    'several functions in lockstep',
    { ...cd, 'function-name': `${fn},cd-other` },
    /^function-name "cd-refuse,cd-other": engine: codedeploy deploys one function per deployment, .*engine: action$/
  ],
  ['an unknown engine', { engine: 'lambda' }, 'engine "lambda": expected action or codedeploy'],
  [
    'a service role that is no role ARN',
    { ...cd, 'codedeploy-service-role': 'codedeploy' },
    'codedeploy-service-role "codedeploy": expected an IAM role ARN such as arn:aws:iam::123456789012:role/codedeploy-lambda'
  ],
  [
    'an unknown hook',
    { ...cd, hooks: 'before-install: my-hook' },
    'hooks "before-install: my-hook": expected "before-allow-traffic: <function>" or "after-allow-traffic: <function>"'
  ],
  [
    'a hook given twice',
    { ...cd, hooks: 'before-allow-traffic: a\nbefore-allow-traffic: b' },
    'hooks "before-allow-traffic: b": before-allow-traffic is given twice'
  ],
  [
    'a CodeDeploy input with the action engine',
    { 'codedeploy-application': 'app' },
    'codedeploy-application "app": only used with engine: codedeploy; set it or drop this input'
  ],
  [
    'a missing application and no service role',
    { engine: 'codedeploy' },
    /^CodeDeploy application cd-refuse does not exist: set codedeploy-service-role .* or create it: aws deploy create-application --application-name cd-refuse --compute-platform Lambda && aws deploy create-deployment-group .*; nothing was changed$/
  ]
]

test.each(cases)('%s: one line, nothing written', async (_label, inputs, expected) => {
  const since = lastSeq(emu)
  const r = await act(emu, { 'function-name': fn, alias: 'live', ...inputs })
  const messages = errors(r)
  expect(messages).toHaveLength(1)
  const message = messages[0] as string
  if (typeof expected === 'string') expect(message).toBe(expected)
  else expect(message).toMatch(expected)
  expect(r.exitCode).toBe(1)
  expect(r.outputs.status).toBe('failed')
  expect(writes(emu, since)).toEqual([])
})

test('an alias on $LATEST is refused before anything is written', async () => {
  await createFunction(client, 'cd-latest', 'a')
  await createAlias(client, 'cd-latest', 'live', '$LATEST')
  const since = lastSeq(emu)
  const r = await act(emu, { 'function-name': 'cd-latest', alias: 'live', ...cd })
  expect(errors(r)).toEqual([
    'alias live of cd-latest points at $LATEST, so CodeDeploy cannot shift it (it moves between published versions); point it at a version first, or use engine: action; nothing was changed'
  ])
  expect(writes(emu, since)).toEqual([])
})
