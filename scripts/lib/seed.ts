// Puts a function into the state a deploy pipeline leaves before the action runs, through the AWS SDK
// only (so it works against the emulator or any Lambda API): version 1 published behind the alias, and
// different code uploaded to $LATEST; and an alarm on the alias's errors. Used by `npm run rehearse` and by
// scripts/e2e-setup.ts.
import { PutMetricAlarmCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive
} from '@aws-sdk/client-lambda'

/** Poll every second or so: the emulator's realistic profile keeps a new function or version Pending 1–2 s. */
const WAIT = { maxWaitTime: 60, minDelay: 1, maxDelay: 5 }

export const SEED_ROLE = 'arn:aws:iam::123456789012:role/lambda-promote-rehearsal'

/**
 * How the emulator decides that a version fails: its own environment (see emulator/README.md, "Invoke
 * convention"). A real function would need code that throws.
 */
export const FAILING_ENVIRONMENT = {
  EMULATOR_FAIL: 'true',
  EMULATOR_ERROR_MESSAGE: 'rehearsal: the new version fails every invocation'
}

// --- a minimal zip writer (one stored, uncompressed entry), enough for a Lambda deployment package ----------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Uint8Array): number {
  let c = 0xffffffff
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export function zipOneFile(name: string, content: string): Buffer {
  const nameBytes = Buffer.from(name, 'utf8')
  const data = Buffer.from(content, 'utf8')
  const crc = crc32(data)
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0) // local file header
  local.writeUInt16LE(20, 4) // version needed
  local.writeUInt16LE(0x0800, 6) // UTF-8 names
  local.writeUInt16LE(0, 8) // stored
  local.writeUInt16LE(0, 10) // time
  local.writeUInt16LE(0x21, 12) // date: 1980-01-01, so the same content gives the same zip
  local.writeUInt32LE(crc, 14)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(data.length, 22)
  local.writeUInt16LE(nameBytes.length, 26)
  local.writeUInt16LE(0, 28)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0) // central directory header
  central.writeUInt16LE(0x031e, 4) // made by: unix, 3.0
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(0x0800, 8)
  central.writeUInt16LE(0, 10)
  central.writeUInt16LE(0, 12)
  central.writeUInt16LE(0x21, 14)
  central.writeUInt32LE(crc, 16)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(data.length, 24)
  central.writeUInt16LE(nameBytes.length, 28)
  central.writeUInt32LE((0o100644 << 16) >>> 0, 38) // external attributes: a regular file, rw-r--r--
  central.writeUInt32LE(0, 42) // offset of the local header
  const centralOffset = local.length + nameBytes.length + data.length
  const centralSize = central.length + nameBytes.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0) // end of central directory
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(centralSize, 12)
  end.writeUInt32LE(centralOffset, 16)
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end])
}

/** A Node.js handler package whose code differs by `release`. */
export function handlerZip(release: string): Buffer {
  const source = `export const handler = async event => ({ statusCode: 200, release: '${release}', event })\n`
  return zipOneFile('index.mjs', source)
}

// --- seeding ------------------------------------------------------------------------------------------------

export interface SeedOptions {
  functionName: string
  alias: string
  /** false: no version and no alias yet, as before a first deploy. Default true. */
  withAlias?: boolean
  /** false: $LATEST keeps the code of version 1 (the action will report unchanged). Default true. */
  newCode?: boolean
  /** $LATEST, and so the version the action publishes from it, fails every invocation. */
  failNew?: boolean
  /** Description of version 1. */
  description?: string
}

export interface Seeded {
  functionName: string
  /** The version behind the alias, when one was created. */
  initialVersion?: string
  initialSha?: string
  latestSha?: string
}

export async function seedFunction(lambda: LambdaClient, opts: SeedOptions): Promise<Seeded> {
  const fn = opts.functionName
  const created = await lambda.send(
    new CreateFunctionCommand({
      FunctionName: fn,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: SEED_ROLE,
      Code: { ZipFile: handlerZip('one') }
    })
  )
  await waitUntilFunctionActiveV2({ ...WAIT, client: lambda }, { FunctionName: fn })
  const seeded: Seeded = { functionName: fn, latestSha: created.CodeSha256 }
  if (opts.withAlias !== false) {
    const v1 = await lambda.send(
      new PublishVersionCommand({ FunctionName: fn, Description: opts.description ?? 'first release' })
    )
    const first = v1.Version ?? ''
    await waitUntilPublishedVersionActive({ ...WAIT, client: lambda }, { FunctionName: fn, Qualifier: first })
    await lambda.send(new CreateAliasCommand({ FunctionName: fn, Name: opts.alias, FunctionVersion: first }))
    seeded.initialVersion = first
    seeded.initialSha = v1.CodeSha256
    if (opts.newCode !== false) {
      const updated = await lambda.send(
        new UpdateFunctionCodeCommand({ FunctionName: fn, ZipFile: handlerZip('two') })
      )
      await waitUntilFunctionUpdatedV2({ ...WAIT, client: lambda }, { FunctionName: fn })
      seeded.latestSha = updated.CodeSha256
    }
  }
  if (opts.failNew) {
    await lambda.send(
      new UpdateFunctionConfigurationCommand({
        FunctionName: fn,
        Environment: { Variables: FAILING_ENVIRONMENT }
      })
    )
    await waitUntilFunctionUpdatedV2({ ...WAIT, client: lambda }, { FunctionName: fn })
  }
  return seeded
}

/** What a seeded alarm watches: Errors through the alias, summed over this many seconds. */
export const ALARM_PERIOD_S = 10

/**
 * An alarm on the alias's errors as one would set it up: `Errors` (FunctionName + Resource
 * `function:alias`) Sum >= 1 over 10 s. It starts in INSUFFICIENT_DATA, which the action treats as
 * healthy; on an emulator with alarm evaluation (the realistic profile) it goes to ALARM by itself within
 * two periods of the first failing invocation through the alias.
 */
export async function seedAlarm(
  cloudwatch: CloudWatchClient,
  name: string,
  functionName: string,
  alias: string
): Promise<void> {
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [
        { Name: 'FunctionName', Value: functionName },
        { Name: 'Resource', Value: `${functionName}:${alias}` }
      ],
      Statistic: 'Sum',
      Period: ALARM_PERIOD_S,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold'
    })
  )
}
