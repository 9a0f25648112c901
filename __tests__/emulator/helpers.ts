// Shared set-up for the emulator conformance tests: the real SDK clients pointed at an emulator.
import { createHash } from 'node:crypto'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { CreateFunctionCommand, LambdaClient, type CreateFunctionCommandInput } from '@aws-sdk/client-lambda'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.js'

export const ROLE = 'arn:aws:iam::123456789012:role/lambda-role'
export const OTHER_ROLE = 'arn:aws:iam::123456789012:role/other-role'

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' }

export function lambdaClient(emu: Emulator, maxAttempts?: number): LambdaClient {
  return new LambdaClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials,
    ...(maxAttempts && { maxAttempts })
  })
}

export function cloudWatchClient(emu: Emulator, maxAttempts?: number): CloudWatchClient {
  return new CloudWatchClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials,
    ...(maxAttempts && { maxAttempts })
  })
}

export const zip = (text: string): Uint8Array => new Uint8Array(Buffer.from(`PK-fake-zip:${text}`))
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64')

export interface Harness {
  emu: Emulator
  lambda: LambdaClient
  cw: CloudWatchClient
  close(): Promise<void>
}

export async function harness(options: EmulatorOptions = {}, maxAttempts?: number): Promise<Harness> {
  const emu = await startEmulator(options)
  const lambda = lambdaClient(emu, maxAttempts)
  const cw = cloudWatchClient(emu, maxAttempts)
  return {
    emu,
    lambda,
    cw,
    close: async () => {
      lambda.destroy()
      cw.destroy()
      await emu.close()
    }
  }
}

export async function createFunction(
  lambda: LambdaClient,
  name: string,
  extra: Partial<CreateFunctionCommandInput> = {}
): Promise<void> {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Role: ROLE,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Code: { ZipFile: zip(name) },
      ...extra
    })
  )
}

// Runs `action` expecting an AWS error; returns it for assertions on name and status.
export async function failure(
  action: Promise<unknown>
): Promise<{ name: string; status?: number; message: string; error: Record<string, unknown> }> {
  try {
    await action
  } catch (e) {
    const error = e as Error & { $metadata?: { httpStatusCode?: number } }
    return {
      name: error.name,
      ...(error.$metadata?.httpStatusCode !== undefined && { status: error.$metadata.httpStatusCode }),
      message: error.message,
      error: error as unknown as Record<string, unknown>
    }
  }
  throw new Error('expected the call to fail, it succeeded')
}

// A clock the test moves by hand, injected as the emulator's `now`: lifecycle delays, metric timestamps,
// the ingestion delay and the traffic schedule then follow it exactly.
export interface FakeClock {
  now(): number
  advance(ms: number): number // returns the new time
}

export function fakeClock(start = Date.UTC(2026, 0, 1, 12, 0, 0)): FakeClock {
  let t = start
  return {
    now: () => t,
    advance: ms => (t += ms)
  }
}

// Waits for a condition that an asynchronous part of the emulator (a timer tick, another process) will
// make true; fails with `what` if it has not after `timeoutMs`. Not a timing assertion: only the order
// of events matters.
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(r => setTimeout(r, 10))
  }
}
