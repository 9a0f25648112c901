import { DescribeAlarmsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { Clock } from '../clock.js'
import { InputError } from '../errors.js'
import type { AlarmSource, AlarmState } from './api.js'
import { ATTEMPTS } from './budgets.js'
import { policyFor, withRetry } from './retry.js'
import { cloudwatchClient, type CloudWatchOptions } from './cloudwatch.js'
import { callOf, described } from './sdk-options.js'

/** Reads the named CloudWatch alarms (metric and composite). */
export class AlarmWatcher implements AlarmSource {
  private readonly client: CloudWatchClient | null

  constructor(
    readonly names: readonly string[],
    private readonly options: CloudWatchOptions,
    private readonly clock: Clock
  ) {
    this.client = names.length === 0 ? null : cloudwatchClient(options)
  }

  /** A name CloudWatch does not know is an input error: a typo must not pass as healthy. */
  async read(deadline: number, signal?: AbortSignal): Promise<AlarmState[]> {
    if (!this.client) return []
    const client = this.client
    const policy = policyFor({ deadline, maxAttempts: ATTEMPTS.cloudwatch, ...(signal ? { signal } : {}) })
    const found = new Map<string, AlarmState>()
    // DescribeAlarms takes at most 100 names a call.
    for (let i = 0; i < this.names.length; i += 100) {
      const batch = this.names.slice(i, i + 100)
      let token: string | undefined
      do {
        const command = new DescribeAlarmsCommand({
          AlarmNames: batch,
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          ...(token ? { NextToken: token } : {})
        })
        const out = await withRetry(this.clock, policy, () =>
          client.send(command, signal ? { abortSignal: signal } : {})
        ).catch(error => {
          throw described(error, {
            ...callOf(command, batch.join(', ')),
            service: 'CloudWatch',
            endpoint: this.options.endpoint,
            endpointSource: this.options.endpointSource ?? null
          })
        })
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

  destroy(): void {
    this.client?.destroy()
  }
}
