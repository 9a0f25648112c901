import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import type { Clock } from './clock.js'
import { InputError } from './errors.js'
import type { LambdaGateway } from './lambda.js'
import { isTransient, withRetry, type RetryPolicy } from './retry.js'

export interface AlarmState {
  name: string
  state: string
  reason: string
}

/** Reads the named CloudWatch alarms (metric and composite); the rollout's health signal. */
export class AlarmWatcher {
  private readonly client: CloudWatchClient | null

  constructor(
    readonly names: readonly string[],
    options: { region: string; endpoint: string | null; userAgent: string },
    private readonly clock: Clock
  ) {
    this.client =
      names.length === 0
        ? null
        : new CloudWatchClient({
            region: options.region,
            ...(options.endpoint ? { endpoint: options.endpoint } : {}),
            customUserAgent: options.userAgent,
            requestHandler: { connectionTimeout: 5000, requestTimeout: 20000 }
          })
  }

  /** Every named alarm's state. A name CloudWatch does not know is an input error: a typo must not pass as healthy. */
  async read(deadline: number): Promise<AlarmState[]> {
    if (!this.client) return []
    const client = this.client
    const policy: RetryPolicy = { deadline, maxAttempts: 5, retryable: isTransient }
    const found = new Map<string, AlarmState>()
    // DescribeAlarms takes at most 100 names a call.
    for (let i = 0; i < this.names.length; i += 100) {
      const batch = this.names.slice(i, i + 100)
      let token: string | undefined
      do {
        const out = await withRetry(this.clock, policy, () =>
          client.send(
            new DescribeAlarmsCommand({
              AlarmNames: batch,
              AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
              ...(token ? { NextToken: token } : {})
            })
          )
        )
        for (const alarm of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])]) {
          if (alarm.AlarmName) {
            found.set(alarm.AlarmName, {
              name: alarm.AlarmName,
              state: alarm.StateValue ?? 'UNKNOWN',
              reason: alarm.StateReason ?? ''
            })
          }
        }
        token = out.NextToken
      } while (token)
    }
    const missing = this.names.filter(name => !found.has(name))
    if (missing.length > 0) {
      throw new InputError(
        'alarms',
        missing.join(', '),
        'no CloudWatch alarm by that name in this region; check the spelling and region'
      )
    }
    return this.names.map(name => found.get(name) as AlarmState)
  }

  /** Names of the alarms in ALARM now. */
  async firing(deadline: number): Promise<AlarmState[]> {
    return (await this.read(deadline)).filter(alarm => alarm.state === 'ALARM')
  }

  destroy(): void {
    this.client?.destroy()
  }
}

export interface SmokeResult {
  ok: boolean
  /** One line for the log; the function's error type and message when it failed. */
  detail: string
}

/** Invokes the new version by number (no alias, so no user traffic) and judges the reply. */
export async function smokeTest(
  gateway: LambdaGateway,
  fn: string,
  version: string,
  payload: string
): Promise<SmokeResult> {
  let reply
  try {
    reply = await gateway.invoke(fn, version, payload)
  } catch (error) {
    return { ok: false, detail: `invoke failed: ${(error as Error).name}: ${(error as Error).message}` }
  }
  if (reply.statusCode < 200 || reply.statusCode > 299) {
    return { ok: false, detail: `invoke answered HTTP ${reply.statusCode}` }
  }
  if (reply.executedVersion !== undefined && reply.executedVersion !== version) {
    return { ok: false, detail: `invoke ran v${reply.executedVersion}, not v${version}` }
  }
  if (reply.functionError) {
    let message = reply.payload
    try {
      const body = JSON.parse(reply.payload) as { errorType?: string; errorMessage?: string }
      if (body.errorType || body.errorMessage)
        message = `${body.errorType ?? 'Error'}: ${body.errorMessage ?? ''}`
    } catch {
      // not JSON: show the raw reply
    }
    return { ok: false, detail: `function error (${reply.functionError}): ${message.slice(0, 300)}` }
  }
  return { ok: true, detail: `v${version} answered ${reply.statusCode}: ${reply.payload.slice(0, 120)}` }
}
