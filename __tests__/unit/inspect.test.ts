// The read phase in-process: $LATEST, the alias and the alias's version are asked for together, and the
// answers are only combined when they agree.
import { UpdateAliasCommand } from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import type { Transport } from '../../src/aws/lambda.js'
import type { RawInputs } from '../../src/inputs/config.js'
import type { Outcome } from '../../src/rollout/record.js'
import {
  createAlias,
  createFunction,
  emulator,
  getAlias,
  lambda,
  publish,
  readyToPromote,
  splitAlias,
  updateCode
} from '../../testkit/fixtures.js'
import { config, rig } from '../../testkit/rig.js'

let emu: Emulator
let n = 0
const fname = (): string => `read-${++n}`
// The emulator's clock runs ahead by `ahead` ms: a test moves it on instead of waiting for real time to pass,
// so what the engine sees does not depend on how fast the machine is.
let ahead = 0

beforeAll(async () => {
  emu = await emulator({ now: () => Date.now() + ahead })
})
afterAll(() => emu.close())

interface Call {
  name: string
  qualifier?: string
  answered?: unknown
}

interface Hooks {
  /** Runs before the call is sent; may throw a fault instead. */
  before?: (call: Call) => Promise<void>
  /** May change the answer the gateway gets. */
  after?: (call: Call, out: unknown) => unknown
}

interface Recorded {
  outcome: Outcome
  calls: Call[]
  /** `send X` and `answer X` in the order they happened; X is `GetFunction(live)` for a qualified read. */
  events: string[]
}

/** Runs the engine on `fn`, recording each call as it is sent and as it is answered. */
async function promoteRecorded(
  fn: string,
  inputs: Partial<RawInputs> = {},
  { before, after }: Hooks = {},
  calls: Call[] = []
): Promise<Recorded> {
  const events: string[] = []
  const transport =
    (send: Transport): Transport =>
    async (command, opts) => {
      const input = (command as { input: { Qualifier?: string } }).input
      const call: Call = {
        name: command.constructor.name.replace(/Command$/, ''),
        ...(input.Qualifier ? { qualifier: input.Qualifier } : {})
      }
      const label = call.qualifier ? `${call.name}(${call.qualifier})` : call.name
      calls.push(call)
      events.push(`send ${label}`)
      await before?.(call)
      const sent = await send(command, opts)
      call.answered = after ? after(call, sent) : sent
      events.push(`answer ${label}`)
      return call.answered
    }
  const c = config(emu, { 'function-name': fn, ...inputs })
  const r = rig(emu, c, transport)
  try {
    return { outcome: await r.run(c), calls, events }
  } finally {
    r.close()
  }
}

const qualified = (calls: Call[]): (string | undefined)[] =>
  calls.filter(x => x.name === 'GetFunction' && x.qualifier).map(x => x.qualifier)
const fault = (name: string, status: number): Error =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } })
/** Hooks that throw `error` instead of sending the calls `which` picks, the first `times` of them. */
function failing(which: (call: Call) => boolean, error: Error, times = Infinity): Hooks {
  let left = times
  return {
    before: async call => {
      if (which(call) && left-- > 0) throw error
    }
  }
}

it('asks for $LATEST, the alias and its version in one round trip, then publishes and moves', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn)
  const { outcome, calls, events } = await promoteRecorded(fn)

  expect(outcome.status).toBe('promoted')
  // All four reads (the alias's provisioned concurrency too) are on the wire before the first answer.
  expect(events.slice(0, 4).sort()).toEqual([
    'send GetAlias',
    'send GetFunction',
    'send GetFunction(live)',
    'send GetProvisionedConcurrencyConfig(live)'
  ])
  expect(calls.map(c => (c.qualifier ? `${c.name}(${c.qualifier})` : c.name)).sort()).toEqual(
    [
      'GetAlias',
      'GetFunction',
      'GetFunction(live)',
      'GetProvisionedConcurrencyConfig(live)',
      'PublishVersion',
      'UpdateAlias'
    ].sort()
  )
})

it('reads the version by number when the alias moved between the reads, and compares code with it', async () => {
  // v1 has code one, v2 code two; $LATEST holds code two (= v2); live starts on v1.
  const fn = fname()
  const client = lambda(emu)
  await createFunction(client, fn, 'one')
  await publish(client, fn)
  await createAlias(client, fn, 'live', '1')
  await updateCode(client, fn, 'two')
  await publish(client, fn)

  // The alias read waits until the read through the alias has answered (v1), and someone moves live to v2.
  let moved!: () => void
  const aliasMoved = new Promise<void>(resolve => (moved = resolve))
  const calls: Call[] = []
  const watching = (async () => {
    for (let i = 0; i < 2000 && !calls.some(x => x.qualifier === 'live' && x.answered); i++)
      await new Promise(r => setTimeout(r, 1))
    await client.send(new UpdateAliasCommand({ FunctionName: fn, Name: 'live', FunctionVersion: '2' }))
    moved()
  })()
  const { outcome } = await promoteRecorded(
    fn,
    {},
    {
      // Bounded, so that a read phase that never reads through the alias fails here instead of hanging.
      before: async call => {
        if (call.name === 'GetAlias')
          await Promise.race([aliasMoved, new Promise(r => setTimeout(r, 2000).unref())])
      }
    },
    calls
  )
  await watching

  const viaAlias = calls.find(x => x.qualifier === 'live')?.answered as { Configuration: { Version: string } }
  expect(viaAlias.Configuration.Version).toBe('1')
  // The alias read saw v2, so v2 was read by number, and its code is $LATEST's: nothing to do.
  expect(qualified(calls)).toEqual(['live', '2'])
  expect(outcome.status).toBe('unchanged')
  expect(calls.map(x => x.name)).not.toContain('PublishVersion')
  expect((await getAlias(client, fn, 'live')).FunctionVersion).toBe('2')
})

it('reads the alias again once $LATEST has finished updating', async () => {
  const fn = fname()
  const client = lambda(emu)
  await readyToPromote(client, fn)
  // $LATEST stays InProgress until the engine has seen it so; then its clock jumps past the update.
  emu.settings.updateDelayMs = 60_000
  try {
    await updateCode(client, fn, 'three')
    const { outcome, calls, events } = await promoteRecorded(
      fn,
      {},
      {
        after: (call, out) => {
          if (call.name === 'GetFunction' && !call.qualifier) ahead += 60_000
          return out
        }
      }
    )

    expect(outcome.status).toBe('promoted')
    const status = (x: Call | undefined): string | undefined =>
      (x?.answered as { Configuration?: { LastUpdateStatus?: string } } | undefined)?.Configuration
        ?.LastUpdateStatus
    const latestReads = calls.filter(x => x.name === 'GetFunction' && !x.qualifier)
    expect(latestReads.length).toBeGreaterThan(1)
    expect(status(latestReads[0])).toBe('InProgress')
    expect(status(latestReads.at(-1))).toBe('Successful')
    // The last alias read was sent after $LATEST answered Successful.
    const settled = events.indexOf('answer GetFunction', events.lastIndexOf('send GetFunction'))
    expect(events.lastIndexOf('send GetAlias')).toBeGreaterThan(settled)
    expect(calls.filter(x => x.name === 'GetAlias')).toHaveLength(2)
  } finally {
    emu.settings.updateDelayMs = 0
  }
})

it('asks the alias again, after $LATEST answered, when its one early attempt failed', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn)
  const { outcome, calls, events } = await promoteRecorded(
    fn,
    {},
    failing(call => call.name === 'GetAlias', fault('ServiceException', 500), 1)
  )

  expect(outcome.status).toBe('promoted')
  expect(calls.filter(x => x.name === 'GetAlias')).toHaveLength(2)
  expect(events.lastIndexOf('send GetAlias')).toBeGreaterThan(events.indexOf('answer GetFunction'))
})

it('reads the version by number when the one attempt through the alias fails, and goes on', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn)
  const { outcome, calls } = await promoteRecorded(
    fn,
    {},
    failing(call => call.name === 'GetFunction' && call.qualifier === 'live', fault('ServiceException', 502))
  )
  expect(outcome.status).toBe('promoted')
  expect(qualified(calls)).toEqual(['live', '1'])
})

it('says the function does not exist in one line, even when the alias reads beside it fail', async () => {
  const { outcome, calls } = await promoteRecorded(
    'no-such-fn',
    {},
    failing(call => call.name === 'GetAlias', fault('AccessDeniedException', 403))
  )
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toBe('function-name "no-such-fn": no such function in us-east-1')
  expect(calls.map(x => x.name)).toContain('GetAlias')
})

it('refuses a $LATEST whose last update failed before the alias answers matter, and writes nothing', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn)
  const { outcome, calls } = await promoteRecorded(
    fn,
    {},
    {
      // The alias read fails for good: only $LATEST's failed update may be reported.
      before: async call => {
        if (call.name === 'GetAlias') throw fault('AccessDeniedException', 403)
      },
      after: (call, out) => {
        if (call.name !== 'GetFunction' || call.qualifier) return out
        const o = out as { Configuration: object }
        return {
          ...o,
          Configuration: { ...o.Configuration, LastUpdateStatus: 'Failed', LastUpdateStatusReason: 'bad zip' }
        }
      }
    }
  )
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(/the last update of \$LATEST failed \(bad zip\); fix it before promoting/)
  expect(calls.map(x => x.name)).not.toContain('PublishVersion')
  expect(calls.filter(x => x.name === 'GetAlias')).toHaveLength(1)
})

it('reads nothing through the alias when neither code nor roles need comparing', async () => {
  for (const inputs of [{ publish: 'always' }, { version: '1' }]) {
    const fn = fname()
    await readyToPromote(lambda(emu), fn)
    const { outcome, calls } = await promoteRecorded(fn, inputs)
    expect(outcome.status).toBe(inputs.version ? 'unchanged' : 'promoted')
    expect(qualified(calls)).toEqual(inputs.version ? ['1'] : [])
  }
})

it("reads a split alias's primary version through it, and resumes without reading it again", async () => {
  const fn = fname()
  const client = lambda(emu)
  await readyToPromote(client, fn)
  const v2 = await publish(client, fn)
  await splitAlias(client, fn, '1', v2, 0.1)
  const { outcome, calls } = await promoteRecorded(fn, { strategy: 'canary', interval: '5m' })
  expect(outcome.status).toBe('promoted')
  // Through the alias: v1, its primary; then v2, the pending version, by number. v1 is not read again.
  expect(qualified(calls)).toEqual(['live', '2'])
  const via = calls.find(x => x.qualifier === 'live')?.answered as { Configuration: { Version: string } }
  expect(via.Configuration.Version).toBe('1')
})

it('reads a version asked for by number in the same round trip as $LATEST and the alias', async () => {
  const fn = fname()
  const client = lambda(emu)
  await readyToPromote(client, fn)
  await publish(client, fn)
  const { outcome, calls, events } = await promoteRecorded(fn, { version: '2' })
  expect(outcome.status).toBe('promoted')
  expect(events.slice(0, 4).sort()).toEqual([
    'send GetAlias',
    'send GetFunction',
    'send GetFunction(2)',
    'send GetProvisionedConcurrencyConfig(live)'
  ])
  expect(calls.map(x => (x.qualifier ? `${x.name}(${x.qualifier})` : x.name)).sort()).toEqual([
    'GetAlias',
    'GetFunction',
    'GetFunction(2)',
    'GetProvisionedConcurrencyConfig(live)',
    'UpdateAlias'
  ])
})

it('says a version asked for by number does not exist, after reading it once', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn)
  const { outcome, calls } = await promoteRecorded(fn, { version: '9' })
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(/version "9": .* has no version 9/)
  expect(qualified(calls)).toEqual(['9'])
})

it('does not ask the alias again when its one early attempt was refused for good, and says why', async () => {
  const fn = fname()
  await readyToPromote(lambda(emu), fn)
  const { outcome, calls } = await promoteRecorded(
    fn,
    {},
    failing(call => call.name === 'GetAlias', fault('AccessDeniedException', 403))
  )
  expect(outcome.status).toBe('failed')
  expect(outcome.error).toMatch(/AccessDenied/)
  expect(calls.filter(x => x.name === 'GetAlias')).toHaveLength(1)
  expect(calls.map(x => x.name)).not.toContain('PublishVersion')
})

it('asks a version: number again, after $LATEST answered, when its one early attempt met a fault', async () => {
  const fn = fname()
  const client = lambda(emu)
  await readyToPromote(client, fn)
  await publish(client, fn)
  const { outcome, calls, events } = await promoteRecorded(
    fn,
    { version: '2' },
    failing(call => call.qualifier === '2', fault('ServiceException', 500), 1)
  )
  expect(outcome.status).toBe('promoted')
  expect(qualified(calls)).toEqual(['2', '2'])
  expect(events.lastIndexOf('send GetFunction(2)')).toBeGreaterThan(events.indexOf('answer GetFunction'))
})
