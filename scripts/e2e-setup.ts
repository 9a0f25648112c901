// Prepares and checks the end-to-end run of the action against a Lambda API endpoint (the emulator in
// .github/workflows/e2e.yml), with nothing but the AWS SDK, as a user's own deploy pipeline would.
//
//   tsx scripts/e2e-setup.ts setup  --function e2e-fn --alias live
//       (re)creates the function from one zip, publishes it as a version, points the alias at it, then
//       uploads a different zip to $LATEST: exactly the state a deploy workflow leaves before the action runs.
//   tsx scripts/e2e-setup.ts verify --function e2e-fn --alias live --version 2 [--previous 1]
//                                   [--canary 20 --result "$RESULT_JSON"]
//       asserts that the alias routes all its traffic to that version, that the version holds the code now in
//       $LATEST and, with --canary, that the action's `result` output shows a step at that percentage.
//
// Endpoint: --endpoint, else AWS_ENDPOINT_URL, else http://127.0.0.1:4599. Region: AWS_REGION, else us-east-1.
// Credentials: the usual environment variables, else dummy ones (the emulator does not check them).
import { appendFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive
} from '@aws-sdk/client-lambda'

const ROLE = 'arn:aws:iam::123456789012:role/lambda-promote-e2e'

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

function handlerZip(release: string): Buffer {
  const source = `export const handler = async event => ({ statusCode: 200, release: '${release}', event })\n`
  return zipOneFile('index.mjs', source)
}

// --- commands -----------------------------------------------------------------------------------------------

function client(endpoint: string): LambdaClient {
  const haveCredentials =
    process.env.AWS_ACCESS_KEY_ID !== undefined && process.env.AWS_SECRET_ACCESS_KEY !== undefined
  return new LambdaClient({
    endpoint,
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1',
    ...(haveCredentials ? {} : { credentials: { accessKeyId: 'e2e', secretAccessKey: 'e2e' } })
  })
}

function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`)
}

async function setup(lambda: LambdaClient, fn: string, alias: string): Promise<void> {
  try {
    await lambda.send(new DeleteFunctionCommand({ FunctionName: fn }))
    console.log(`deleted an earlier ${fn}`)
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error
  }
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: fn,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: ROLE,
      Code: { ZipFile: handlerZip('one') }
    })
  )
  await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 60 }, { FunctionName: fn })
  const v1 = await lambda.send(
    new PublishVersionCommand({ FunctionName: fn, Description: 'e2e: first release' })
  )
  const first = v1.Version ?? ''
  await waitUntilPublishedVersionActive(
    { client: lambda, maxWaitTime: 60 },
    { FunctionName: fn, Qualifier: first }
  )
  await lambda.send(new CreateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: first }))
  const updated = await lambda.send(
    new UpdateFunctionCodeCommand({ FunctionName: fn, ZipFile: handlerZip('two') })
  )
  await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 60 }, { FunctionName: fn })
  console.log(
    `${fn}:${alias} -> version ${first} (sha ${v1.CodeSha256 ?? '?'}); $LATEST now has sha ${updated.CodeSha256 ?? '?'}`
  )
  setOutput('initial-version', first)
}

async function verify(
  lambda: LambdaClient,
  fn: string,
  alias: string,
  version: string,
  previous: string | undefined
): Promise<string[]> {
  const problems: string[] = []
  const got = await lambda.send(new GetAliasCommand({ FunctionName: fn, Name: alias }))
  const weights = got.RoutingConfig?.AdditionalVersionWeights ?? {}
  console.log(`${fn}:${alias} -> ${got.FunctionVersion ?? '?'} weights ${JSON.stringify(weights)}`)
  if (got.FunctionVersion !== version) {
    problems.push(`alias ${alias} points at version ${got.FunctionVersion ?? '(none)'}, expected ${version}`)
  }
  if (Object.keys(weights).length > 0) {
    problems.push(`alias ${alias} still splits traffic: ${JSON.stringify(weights)}`)
  }
  if (previous !== undefined && previous === version) {
    problems.push(`the promoted version ${version} is the one the alias had before: nothing was published`)
  }
  const [latest, promoted] = await Promise.all([
    lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fn })),
    lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fn, Qualifier: version }))
  ])
  if (latest.CodeSha256 !== promoted.CodeSha256) {
    problems.push(
      `version ${version} has sha ${promoted.CodeSha256 ?? '?'}, $LATEST has ${latest.CodeSha256 ?? '?'}`
    )
  }
  return problems
}

/** The action's `result` output shows a step at `percent` before the promotion. */
export function checkCanaryStep(resultJson: string, percent: number): string[] {
  let result: unknown
  try {
    result = JSON.parse(resultJson)
  } catch {
    return [`the result output is not JSON: ${JSON.stringify(resultJson.slice(0, 200))}`]
  }
  const first = Array.isArray(result) ? (result[0] as { timeline?: unknown } | undefined) : undefined
  const timeline = Array.isArray(first?.timeline) ? (first.timeline as Array<Record<string, unknown>>) : []
  const weights = timeline.map(t => t.weight)
  const hit = weights.some(w => typeof w === 'number' && Math.abs(w * 100 - percent) < 1e-9)
  return hit ? [] : [`no ${percent}% step in the result's timeline (weights ${JSON.stringify(weights)})`]
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      function: { type: 'string', default: 'e2e-fn' },
      alias: { type: 'string', default: 'live' },
      version: { type: 'string' },
      previous: { type: 'string' },
      result: { type: 'string' },
      canary: { type: 'string' },
      endpoint: { type: 'string' }
    }
  })
  const endpoint = values.endpoint ?? process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4599'
  const lambda = client(endpoint)
  const fn = values.function
  const alias = values.alias
  switch (positionals[0]) {
    case 'setup':
      await setup(lambda, fn, alias)
      return 0
    case 'verify': {
      if (values.version === undefined || !/^\d+$/.test(values.version)) {
        console.error(
          `verify: --version must be a version number, got ${JSON.stringify(values.version ?? '')}`
        )
        return 2
      }
      const problems = await verify(lambda, fn, alias, values.version, values.previous || undefined)
      if (values.canary !== undefined)
        problems.push(...checkCanaryStep(values.result ?? '', Number(values.canary)))
      for (const p of problems) console.error(`e2e verify: ${p}`)
      if (problems.length === 0)
        console.log(`e2e verify: ${fn}:${alias} serves version ${values.version} only`)
      return problems.length === 0 ? 0 : 1
    }
    default:
      console.error(
        'usage: e2e-setup.ts setup|verify --function NAME --alias NAME [--version N] [--previous N]'
      )
      return 2
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    (error: unknown) => {
      const e = error as Error & { $metadata?: { httpStatusCode?: number } }
      const status = e.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''
      console.error(`e2e-setup: ${e.name}: ${e.message}${status}`)
      process.exit(1)
    }
  )
}
