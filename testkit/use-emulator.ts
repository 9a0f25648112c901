// One emulator per test file, with the real SDK's clients on it: started before the file's tests and
// closed after them. It registers Jest's hooks, so it is for test files only (scripts and bench start
// their emulators with fixtures.ts).
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { LambdaClient } from '@aws-sdk/client-lambda'
import type { Emulator } from '../emulator/index.js'
import { cloudwatch, emulator, lambda } from './fixtures.js'

export interface EmulatorFixture {
  emu: Emulator
  lambda: LambdaClient
  cloudwatch: CloudWatchClient
}

/**
 * `take` receives the emulator and its clients once they are up (test files keep them in their own
 * variables); `start` starts another kind of emulator (a server with a request hook, say).
 */
export function useEmulator(
  take: (fixture: EmulatorFixture) => void,
  start: () => Promise<Emulator> = () => emulator()
): void {
  let fixture: EmulatorFixture | undefined
  beforeAll(async () => {
    const emu = await start()
    fixture = { emu, lambda: lambda(emu), cloudwatch: cloudwatch(emu) }
    take(fixture)
  })
  afterAll(async () => {
    fixture?.lambda.destroy()
    fixture?.cloudwatch.destroy()
    await fixture?.emu.close()
  })
}
