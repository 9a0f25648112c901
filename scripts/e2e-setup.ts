// Prepares and checks the end-to-end run of the action against a Lambda API endpoint (the emulator in
// .github/workflows/e2e.yml), with nothing but the AWS SDK, as a user's own deploy pipeline would. To try
// the action locally, `npm run rehearse` does all of this (and more) in one command.
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
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionConfigurationCommand,
  LambdaClient
} from '@aws-sdk/client-lambda'
import { seedFunction } from './lib/seed.js'

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
  const seeded = await seedFunction(lambda, { functionName: fn, alias, description: 'e2e: first release' })
  const first = seeded.initialVersion ?? ''
  console.log(
    `${fn}:${alias} -> version ${first} (sha ${seeded.initialSha ?? '?'}); $LATEST now has sha ${seeded.latestSha ?? '?'}`
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
