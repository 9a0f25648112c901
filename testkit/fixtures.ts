// Shared set-up for end-to-end tests: the emulator in-process, the real SDK to arrange state, and the
// bundled action run as the runner runs it.
import {
  CreateAliasCommand,
  CreateFunctionCommand,
  GetAliasCommand,
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type UpdateAliasCommandOutput
} from '@aws-sdk/client-lambda'
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.js'
import { runAction, type RunOptions, type RunResult } from './runner.js'

export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }

export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, ...options })
}

export function lambda(emu: Emulator): LambdaClient {
  return new LambdaClient({ region: 'us-east-1', endpoint: emu.url, credentials })
}

export function cloudwatch(emu: Emulator): CloudWatchClient {
  return new CloudWatchClient({ region: 'us-east-1', endpoint: emu.url, credentials })
}

/** A "package": the emulator hashes the bytes, it does not unzip them. */
export const pkg = (text: string): Uint8Array => new TextEncoder().encode(`zip:${text}`)

export async function createFunction(
  client: LambdaClient,
  name: string,
  code = 'v1',
  env: Record<string, string> = {}
): Promise<void> {
  await client.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Role: 'arn:aws:iam::123456789012:role/lambda-role',
      Code: { ZipFile: pkg(code) },
      Environment: { Variables: env }
    })
  )
}

export async function updateCode(client: LambdaClient, name: string, code: string): Promise<void> {
  await client.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: pkg(code) }))
}

export async function updateEnv(
  client: LambdaClient,
  name: string,
  env: Record<string, string>
): Promise<void> {
  await client.send(
    new UpdateFunctionConfigurationCommand({ FunctionName: name, Environment: { Variables: env } })
  )
}

export async function publish(client: LambdaClient, name: string): Promise<string> {
  return (await client.send(new PublishVersionCommand({ FunctionName: name }))).Version as string
}

export async function createAlias(
  client: LambdaClient,
  name: string,
  alias: string,
  version: string,
  description?: string
): Promise<void> {
  await client.send(
    new CreateAliasCommand({
      FunctionName: name,
      Name: alias,
      FunctionVersion: version,
      ...(description !== undefined ? { Description: description } : {})
    })
  )
}

/** The usual starting point: `live` on v1 (with `description`), new code (and `env`) waiting in $LATEST. */
export async function readyToPromote(
  client: LambdaClient,
  fn: string,
  opts: { description?: string; env?: Record<string, string> } = {}
): Promise<void> {
  await createFunction(client, fn, 'one')
  await publish(client, fn)
  await createAlias(client, fn, 'live', '1', opts.description)
  await updateCode(client, fn, 'two')
  if (opts.env) await updateEnv(client, fn, opts.env)
}

/** `live` split as a rollout leaves it: `primary` plus `weight` on `pending`. The answer carries its RevisionId. */
export function splitAlias(
  client: LambdaClient,
  fn: string,
  primary: string,
  pending: string,
  weight: number
): Promise<UpdateAliasCommandOutput> {
  return client.send(
    new UpdateAliasCommand({
      FunctionName: fn,
      Name: 'live',
      FunctionVersion: primary,
      RoutingConfig: { AdditionalVersionWeights: { [pending]: weight } }
    })
  )
}

/** Resolves once the emulator has accepted an UpdateAlias that split `fn`'s alias; its end time. */
export async function splitSeen(emu: Emulator, fn: string, since: number): Promise<number> {
  for (let i = 0; i < 400; i++) {
    const hit = emu.log.find(
      e =>
        e.seq > since &&
        e.operation === 'UpdateAlias' &&
        e.functionName === fn &&
        e.status === 200 &&
        Object.keys(
          (e.request as { RoutingConfig?: { AdditionalVersionWeights?: object } })?.RoutingConfig
            ?.AdditionalVersionWeights ?? {}
        ).length > 0
    )
    if (hit) return hit.endTime
    await new Promise(r => setTimeout(r, 25))
  }
  throw new Error(`the rollout never split ${fn}:live`)
}

export async function getAlias(client: LambdaClient, name: string, alias: string) {
  return client.send(new GetAliasCommand({ FunctionName: name, Name: alias }))
}

export async function putAlarm(client: CloudWatchClient, name: string, threshold = 1): Promise<void> {
  await client.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold'
    })
  )
}

/** putAlarm, then set to OK: an alarm a run can watch from the start. */
export async function okAlarm(
  client: CloudWatchClient,
  name: string,
  reason = 'ok',
  threshold = 1
): Promise<void> {
  await putAlarm(client, name, threshold)
  await client.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: 'OK', StateReason: reason }))
}

/** Runs dist/ (main) against the emulator as the runner would. */
export function act(
  emu: Emulator,
  inputs: Record<string, string>,
  extra: Partial<RunOptions> = {}
): Promise<RunResult> {
  return runAction({
    ...extra,
    inputs,
    env: { AWS_ENDPOINT_URL: emu.url, AWS_REGION: 'us-east-1', ...(extra.env ?? {}) }
  })
}

/** Requests that changed state, from the log. */
export function writes(emu: Emulator, since = 0): string[] {
  return emu.log.filter(e => e.seq > since && e.write).map(e => e.operation)
}

export function lastSeq(emu: Emulator): number {
  return emu.log.at(-1)?.seq ?? 0
}

export function errors(result: RunResult): string[] {
  return result.commands.filter(c => c.command === 'error').map(c => c.message)
}
