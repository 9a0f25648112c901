// CloudWatch alarms held in memory: metric alarms that evaluate their own metrics (evaluate.ts) at
// every step boundary of the injected clock, and composite alarms whose rule follows their children.
// Evaluation is lazy and deterministic: every CloudWatch call and the in-process admin catch up to the
// clock first, evaluating each boundary that passed in time order; a one-second timer (unref'ed, so it
// never keeps the process alive) does the same while alarms exist, for whoever only watches.
import { evaluateRule, referencedAlarms, type Rule } from './alarm-rule.js'
import { metricAlarmSpec } from './alarm-input.js'
import { cwError } from './errors.js'
import { evaluateMetricAlarm, evaluationStep, type MetricAlarmSpec } from './evaluate.js'
import type { MetricStore } from './metrics.js'
import type { Place } from './names.js'
import type { AlarmStateValue, EmulatorSettings } from './types.js'

export interface Alarm {
  name: string
  kind: 'metric' | 'composite'
  config: Record<string, unknown>
  configUpdated: number
  state: AlarmStateValue
  reason: string
  reasonData?: string
  stateUpdated: number
  stateTransitioned: number
  spec?: MetricAlarmSpec // a metric alarm the emulator evaluates
  nextEvaluation?: number // the next step boundary it is evaluated at
  rule?: Rule // a composite alarm's rule
}

export interface AlarmSources {
  metrics: MetricStore
  settings: EmulatorSettings
}

// A clock jump of hours must not mean millions of evaluations: only the most recent ones run.
const MAX_BACKLOG = 1000
const TICK_MS = 1000

export class Alarms {
  readonly byName = new Map<string, Alarm>()
  private pausedAt: number | undefined
  private timer: ReturnType<typeof setInterval> | undefined

  constructor(
    private readonly place: Place,
    readonly now: () => number = Date.now,
    private readonly sources?: AlarmSources
  ) {}

  arn(name: string): string {
    return `arn:aws:cloudwatch:${this.place.region}:${this.place.accountId}:alarm:${name}`
  }

  // A rule may name an alarm by its ARN or by its name.
  nameOf(ref: string): string {
    const prefix = this.arn('')
    return ref.startsWith(prefix) ? ref.slice(prefix.length) : ref
  }

  get(name: string): Alarm {
    const alarm = this.byName.get(name)
    if (alarm === undefined)
      throw cwError(404, 'ResourceNotFound', 'ResourceNotFound', `Alarm ${name} not found`)
    return alarm
  }

  // SetAlarmState and the admin API: the state holds until the next evaluation.
  setState(name: string, state: AlarmStateValue, reason: string, reasonData?: string): void {
    this.catchUp()
    const now = this.now()
    this.transition(this.get(name), state, reason, reasonData, now)
    this.recomputeComposites(now, name)
  }

  putMetric(config: Record<string, unknown>): void {
    this.catchUp()
    const now = this.now()
    const spec = metricAlarmSpec(config)
    const alarm = this.upsert(config.AlarmName as string, 'metric', config, now)
    if (spec === undefined) delete alarm.spec
    else alarm.spec = spec
    if (spec === undefined) delete alarm.nextEvaluation
    else alarm.nextEvaluation = nextBoundary(now, evaluationStep(spec.periodMs))
    this.startTicker()
  }

  putComposite(config: Record<string, unknown>, rule: Rule): void {
    this.catchUp()
    const now = this.now()
    const alarm = this.upsert(config.AlarmName as string, 'composite', config, now)
    alarm.rule = rule
    this.evaluateComposite(alarm, now)
  }

  delete(names: string[]): void {
    this.catchUp()
    for (const name of names) {
      if (this.byName.delete(name)) this.recomputeComposites(this.now(), name)
    }
    if (this.byName.size === 0) this.stopTicker()
  }

  clear(): void {
    this.byName.clear()
    this.stopTicker()
    this.pausedAt = undefined
  }

  // Runs every evaluation due by now, earliest first, so composites see their children change in order.
  catchUp(now = this.now()): void {
    const settings = this.sources?.settings
    if (settings === undefined || !settings.evaluateAlarms) {
      this.pausedAt = now // the last moment it was seen off
      return
    }
    const evaluated = [...this.byName.values()].filter(a => a.spec !== undefined)
    if (this.pausedAt !== undefined) {
      // Switched on again: no evaluations for the time it was off.
      for (const a of evaluated) {
        const step = evaluationStep(a.spec!.periodMs)
        a.nextEvaluation = Math.max(a.nextEvaluation!, nextBoundary(this.pausedAt, step))
      }
      this.pausedAt = undefined
    }
    for (const a of evaluated) {
      const step = evaluationStep(a.spec!.periodMs)
      a.nextEvaluation = Math.max(a.nextEvaluation!, Math.floor(now / step) * step - (MAX_BACKLOG - 1) * step)
    }
    for (;;) {
      let due: Alarm | undefined
      for (const a of evaluated)
        if (a.nextEvaluation! <= now && (due === undefined || a.nextEvaluation! < due.nextEvaluation!))
          due = a
      if (due === undefined) return
      const at = due.nextEvaluation!
      due.nextEvaluation = at + evaluationStep(due.spec!.periodMs)
      this.evaluate(due, at)
    }
  }

  describe(alarm: Alarm): Record<string, unknown> {
    const base: Record<string, unknown> = {
      AlarmName: alarm.name,
      AlarmArn: this.arn(alarm.name),
      AlarmConfigurationUpdatedTimestamp: alarm.configUpdated / 1000,
      ActionsEnabled: alarm.config.ActionsEnabled ?? true,
      OKActions: alarm.config.OKActions ?? [],
      AlarmActions: alarm.config.AlarmActions ?? [],
      InsufficientDataActions: alarm.config.InsufficientDataActions ?? [],
      StateValue: alarm.state,
      StateReason: alarm.reason,
      ...(alarm.reasonData !== undefined && { StateReasonData: alarm.reasonData }),
      StateUpdatedTimestamp: alarm.stateUpdated / 1000,
      StateTransitionedTimestamp: alarm.stateTransitioned / 1000
    }
    return base
  }

  stopTicker(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
    this.timer = undefined
  }

  private startTicker(): void {
    if (this.timer !== undefined || this.sources === undefined) return
    this.timer = setInterval(() => this.catchUp(), TICK_MS)
    this.timer.unref()
  }

  private evaluateComposite(alarm: Alarm, at: number): void {
    const stateOf = (ref: string): AlarmStateValue | undefined => this.byName.get(this.nameOf(ref))?.state
    const state: AlarmStateValue = evaluateRule(alarm.rule!, stateOf) ? 'ALARM' : 'OK'
    if (state === alarm.state) return
    this.compositeTransition(
      alarm,
      state,
      referencedAlarms(alarm.rule!).map(ref => this.nameOf(ref)),
      at
    )
    this.recomputeComposites(at, alarm.name)
  }

  private upsert(name: string, kind: Alarm['kind'], config: Record<string, unknown>, now: number): Alarm {
    const existing = this.byName.get(name)
    if (existing !== undefined && existing.kind !== kind) {
      throw cwError(
        400,
        'ValidationException',
        'ValidationError',
        `An alarm named ${name} already exists as a ${existing.kind} alarm`
      )
    }
    if (existing !== undefined) {
      // An update overwrites the configuration and leaves the state alone.
      existing.config = config
      existing.configUpdated = now
      return existing
    }
    const alarm: Alarm = {
      name,
      kind,
      config,
      configUpdated: now,
      state: 'INSUFFICIENT_DATA',
      reason: 'Unchecked: Initial alarm creation',
      stateUpdated: now,
      stateTransitioned: now
    }
    this.byName.set(name, alarm)
    return alarm
  }

  private evaluate(alarm: Alarm, at: number): void {
    const spec = alarm.spec!
    const { metrics, settings } = this.sources!
    const series = metrics.find(spec.namespace, spec.metricName, spec.dimensions)
    const result = evaluateMetricAlarm(spec, series, at, settings.metricsDelayMs)
    // The same state again is no state change: the reason and timestamps stay (CloudWatch's history
    // records transitions only).
    if (result.state === 'unchanged' || result.state === alarm.state) return
    this.transition(alarm, result.state, result.reason, result.reasonData, at)
    this.recomputeComposites(at, alarm.name)
  }

  private transition(
    alarm: Alarm,
    state: AlarmStateValue,
    reason: string,
    reasonData: string | undefined,
    at: number
  ): void {
    if (alarm.state !== state) alarm.stateTransitioned = at
    alarm.state = state
    alarm.reason = reason
    alarm.stateUpdated = at
    if (reasonData === undefined) delete alarm.reasonData
    else alarm.reasonData = reasonData
  }

  // A composite is ALARM while its rule holds, OK otherwise. It is evaluated when it is put and whenever
  // one of the alarms it names changes state, so a SetAlarmState on a composite holds until then.
  private recomputeComposites(at: number, changed?: string): void {
    const queue = changed === undefined ? undefined : [changed]
    const stateOf = (ref: string): AlarmStateValue | undefined => this.byName.get(this.nameOf(ref))?.state
    // Composites may watch composites; a cycle stops after as many rounds as there are alarms.
    for (let round = 0; round <= this.byName.size; round++) {
      const next: string[] = []
      for (const alarm of this.byName.values()) {
        if (alarm.kind !== 'composite' || alarm.rule === undefined) continue
        const names = referencedAlarms(alarm.rule).map(ref => this.nameOf(ref))
        if (queue !== undefined && !names.some(n => queue.includes(n))) continue
        const state: AlarmStateValue = evaluateRule(alarm.rule, stateOf) ? 'ALARM' : 'OK'
        if (state === alarm.state) continue
        this.compositeTransition(alarm, state, names, at)
        next.push(alarm.name)
      }
      if (next.length === 0 || queue === undefined) return
      queue.splice(0, queue.length, ...next)
    }
  }

  private compositeTransition(alarm: Alarm, state: AlarmStateValue, names: string[], at: number): void {
    const triggering = names
      .map(name => this.byName.get(name))
      .filter((a): a is Alarm => a !== undefined)
      .sort((a, b) => b.stateUpdated - a.stateUpdated)[0]
    if (triggering === undefined) {
      this.transition(
        alarm,
        state,
        `The alarm rule evaluates to ${state === 'ALARM' ? 'TRUE' : 'FALSE'}`,
        undefined,
        at
      )
      return
    }
    const arn = this.arn(triggering.name)
    const when = new Date(triggering.stateUpdated).toISOString()
    const data = { triggeringAlarms: [{ arn, state: { value: triggering.state, timestamp: when } }] }
    this.transition(
      alarm,
      state,
      `${arn} transitioned to ${triggering.state} at ${when}`,
      JSON.stringify(data),
      at
    )
  }
}

function nextBoundary(t: number, step: number): number {
  return Math.floor(t / step) * step + step
}
