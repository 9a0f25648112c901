// A role missing a permission, and credentials that run out, in-process: the emulator behind the real
// gateway, with a transport that answers chosen calls as AWS does (an SDK-shaped 403 AccessDeniedException,
// or ExpiredTokenException). The emulator has no fault rule that answers 403 today.
import type { Emulator } from '../../emulator/index.js'
import type { Transport } from '../../src/aws/lambda.js'
import { readLedger } from '../../src/ledger/ledger.js'
import { emulator, getAlias, lambda, readyToPromote, writes } from '../../testkit/fixtures.js'
import { config, rig } from '../../testkit/rig.js'

let emu: Emulator
let n = 0
beforeAll(async () => {
  emu = await emulator()
})
afterAll(() => emu.close())

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function'

/** What the SDK throws for a 403 from Lambda, with IAM's message. */
function accessDenied(action: string, resource: string): Error {
  return Object.assign(
    new Error(
      `User: arn:aws:sts::123456789012:assumed-role/deploy/gha is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
    ),
    { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 403 } }
  )
}

function expiredToken(): Error {
  return Object.assign(new Error('The security token included in the request is expired'), {
    name: 'ExpiredTokenException',
    $fault: 'client',
    $metadata: { httpStatusCode: 403 }
  })
}

/** Answers the `nth` and later calls of `command` (1-based) with `error`; the rest reach the emulator. */
function refuse(command: string, error: (input: Record<string, string>) => Error, nth = 1) {
  let seen = 0
  return (send: Transport): Transport =>
    async (cmd, options) => {
      if (cmd.constructor.name === `${command}Command` && ++seen >= nth)
        throw error((cmd as { input: Record<string, string> }).input)
      return send(cmd, options)
    }
}

async function run(fn: string, transport: ReturnType<typeof refuse>, inputs: Record<string, string> = {}) {
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '5m', ...inputs })
  const r = rig(emu, c, transport)
  const outcome = await r.run(c)
  r.close()
  return { outcome, store: r.store }
}

const denyUpdate = (input: Record<string, string>) =>
  accessDenied('lambda:UpdateAlias', `${ARN}:${input.FunctionName}:${input.Name}`)

it('a denied UpdateAlias: one line naming lambda:UpdateAlias and the alias ARN, and the alias as it was', async () => {
  const fn = `deny-${++n}`
  await readyToPromote(lambda(emu), fn, { description: 'prod' })
  const before = await getAlias(lambda(emu), fn, 'live')
  const { outcome, store } = await run(fn, refuse('UpdateAlias', denyUpdate))
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toBe(
    `updating alias ${fn}:live in Lambda at ${emu.url}: access denied: the job's role needs lambda:UpdateAlias on ${ARN}:${fn}:live (because no identity-based policy allows the lambda:UpdateAlias action); no alias was changed`
  )
  const after = await getAlias(lambda(emu), fn, 'live')
  const { $metadata: _, ...was } = before
  const { $metadata: __, ...is } = after
  expect(is).toEqual(was)
  // The refused write is not in the ledger as one that may have landed: post has nothing to undo.
  const ledger = readLedger(store)
  expect(ledger.kind === 'found' && ledger.ledger.entries[0]?.intents).toEqual([])
  expect(ledger.kind === 'found' && ledger.done).toBe('failed')
})

it('a denied read fails before any write', async () => {
  const fn = `deny-${++n}`
  await readyToPromote(lambda(emu), fn)
  const since = emu.log.at(-1)?.seq ?? 0
  const { outcome } = await run(
    fn,
    refuse('GetAlias', input => accessDenied('lambda:GetAlias', `${ARN}:${input.FunctionName}:${input.Name}`))
  )
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(
    new RegExp(
      `^reading alias ${fn}:live from Lambda at \\S+: access denied: the job's role needs lambda:GetAlias on ${ARN}:${fn}:live`
    )
  )
  expect(writes(emu, since)).toEqual([])
})

it('a denial mid-rollout rolls back what it can and says what it could not', async () => {
  const fn = `deny-${++n}`
  await readyToPromote(lambda(emu), fn)
  // The 10% write lands; the promotion, and so the rollback's write, are denied.
  const { outcome } = await run(fn, refuse('UpdateAlias', denyUpdate, 2))
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(
    new RegExp(
      `^updating alias ${fn}:live in Lambda at \\S+: access denied: the job's role needs lambda:UpdateAlias on \\S+ \\(because [^)]*\\); rollback incomplete: ${fn}: .*lambda:UpdateAlias`
    )
  )
  expect(outcome.error).not.toContain('\n')
  const alias = await getAlias(lambda(emu), fn, 'live')
  expect([alias.FunctionVersion, alias.RoutingConfig?.AdditionalVersionWeights]).toEqual(['1', { '2': 0.1 }])
  expect(outcome.deployments[0]?.restored).toBe(false)
})

it('credentials that expire mid-run: the failure line says the session expired', async () => {
  const fn = `deny-${++n}`
  await readyToPromote(lambda(emu), fn)
  const { outcome } = await run(fn, refuse('UpdateAlias', expiredToken, 2))
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(
    /^updating alias deny-\d+:live in Lambda at \S+: AWS rejected the credentials: they expired \(ExpiredTokenException\) \(the session ended before the rollout did; ask for a longer one \(role-duration-seconds of aws-actions\/configure-aws-credentials\)\)/
  )
})

it('credentials that expire before the plan ends refuse it before any change', async () => {
  const fn = `deny-${++n}`
  await readyToPromote(lambda(emu), fn)
  const since = emu.log.at(-1)?.seq ?? 0
  const c = config(emu, { 'function-name': fn, strategy: 'canary', interval: '30m', timeout: '40m' })
  const r = rig(emu, c)
  const now = r.clock.now()
  r.deps.credentialsExpiry = async () => new Date(now + 10 * 60_000)
  const outcome = await r.run(c)
  r.close()
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toBe(
    "the AWS credentials expire at 2026-01-01T08:10:00Z, before the rollout can end (it needs 30m, until 2026-01-01T08:30:00Z); nothing was changed; ask for a longer session, e.g. role-duration-seconds of aws-actions/configure-aws-credentials (the role's maximum session duration must allow it)"
  )
  expect(writes(emu, since)).toEqual([])
})
