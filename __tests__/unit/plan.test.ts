import fc from 'fast-check'
import { formatDuration } from '../../src/inputs/duration.js'
import { InputError } from '../../src/errors.js'
import {
  buildPlan,
  describeStrategy,
  parseStrategy,
  planDurationMs,
  type PlanStep,
  type Strategy,
  type StrategyInputs
} from '../../src/inputs/plan.js'

const SECOND = 1_000
const MINUTE = 60_000
const HOUR = 3_600_000

/** The inputs as action.yml defaults them, with overrides. */
function inputs(overrides: Partial<StrategyInputs> = {}): StrategyInputs {
  return {
    strategy: 'all-at-once',
    canaryPercent: '10',
    linearPercent: '10',
    interval: '',
    steps: '',
    ...overrides
  }
}

function parseError(overrides: Partial<StrategyInputs>): InputError {
  try {
    parseStrategy(inputs(overrides))
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`expected an InputError for ${JSON.stringify(overrides)}`)
}

const STRATEGY_ALLOWED =
  'expected all-at-once, canary, linear or a CodeDeploy name such as Canary10Percent5Minutes'
const PERCENT_ALLOWED = 'expected a percentage between 0 and 100, exclusive'
const DURATION_ALLOWED = 'expected a duration such as 500ms, 90s, 5m, 1h or 1m30s'
const POSITIVE_INTERVAL = 'expected a duration longer than 0, such as 90s, 5m or 1m30s'
const STEPS_ALLOWED = 'expected strictly increasing percentages, such as 5,25,50'
const STEPS_CONFLICT = 'steps replaces the strategy; set strategy to all-at-once or leave steps empty'

describe('parseStrategy: strategy spellings', () => {
  it.each<[string, Strategy]>([
    ['all-at-once', { kind: 'all-at-once' }],
    ['ALL-AT-ONCE', { kind: 'all-at-once' }],
    ['  All-At-Once\n', { kind: 'all-at-once' }],
    ['', { kind: 'all-at-once' }],
    ['AllAtOnce', { kind: 'all-at-once' }],
    ['allatonce', { kind: 'all-at-once' }],
    ['LambdaAllAtOnce', { kind: 'all-at-once' }],
    ['lambdaallatonce', { kind: 'all-at-once' }],
    ['CodeDeployDefault.LambdaAllAtOnce', { kind: 'all-at-once' }],
    ['CODEDEPLOYDEFAULT.LAMBDAALLATONCE', { kind: 'all-at-once' }],
    ['canary', { kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }],
    ['Canary', { kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }],
    [' CANARY ', { kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }],
    ['linear', { kind: 'linear', percent: 10, intervalMs: MINUTE }],
    ['LINEAR', { kind: 'linear', percent: 10, intervalMs: MINUTE }],
    ['Canary10Percent5Minutes', { kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }],
    ['canary10percent5minutes', { kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }],
    ['CANARY10PERCENT5MINUTES', { kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }],
    ['LambdaCanary10Percent5Minutes', { kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }],
    [
      'CodeDeployDefault.LambdaCanary10Percent5Minutes',
      { kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }
    ],
    [
      'codedeploydefault.lambdacanary10percent10minutes',
      { kind: 'canary', percent: 10, intervalMs: 10 * MINUTE }
    ],
    [
      'CodeDeployDefault.LambdaCanary10Percent15Minutes',
      { kind: 'canary', percent: 10, intervalMs: 15 * MINUTE }
    ],
    [
      'CodeDeployDefault.LambdaCanary10Percent30Minutes',
      { kind: 'canary', percent: 10, intervalMs: 30 * MINUTE }
    ],
    ['Canary25Percent1Minute', { kind: 'canary', percent: 25, intervalMs: MINUTE }],
    ['Canary25Percent1Minutes', { kind: 'canary', percent: 25, intervalMs: MINUTE }],
    ['Canary5Percent2Minute', { kind: 'canary', percent: 5, intervalMs: 2 * MINUTE }],
    ['Canary2.5Percent1Hour', { kind: 'canary', percent: 2.5, intervalMs: HOUR }],
    ['Canary5Percent2Hours', { kind: 'canary', percent: 5, intervalMs: 2 * HOUR }],
    ['Canary50Percent30Seconds', { kind: 'canary', percent: 50, intervalMs: 30 * SECOND }],
    ['LambdaCanary1Percent1Second', { kind: 'canary', percent: 1, intervalMs: SECOND }],
    ['Canary99.99Percent1Minute', { kind: 'canary', percent: 99.99, intervalMs: MINUTE }],
    ['Canary07Percent5Minutes', { kind: 'canary', percent: 7, intervalMs: 5 * MINUTE }],
    ['Linear10PercentEvery1Minute', { kind: 'linear', percent: 10, intervalMs: MINUTE }],
    ['linear10percentevery1minute', { kind: 'linear', percent: 10, intervalMs: MINUTE }],
    ['LambdaLinear10PercentEvery1Minute', { kind: 'linear', percent: 10, intervalMs: MINUTE }],
    [
      'CodeDeployDefault.LambdaLinear10PercentEvery1Minute',
      { kind: 'linear', percent: 10, intervalMs: MINUTE }
    ],
    [
      'CodeDeployDefault.LambdaLinear10PercentEvery2Minutes',
      { kind: 'linear', percent: 10, intervalMs: 2 * MINUTE }
    ],
    [
      'CodeDeployDefault.LambdaLinear10PercentEvery3Minutes',
      { kind: 'linear', percent: 10, intervalMs: 3 * MINUTE }
    ],
    [
      'CodeDeployDefault.LambdaLinear10PercentEvery10Minutes',
      { kind: 'linear', percent: 10, intervalMs: 10 * MINUTE }
    ],
    ['Linear20PercentEvery1Minutes', { kind: 'linear', percent: 20, intervalMs: MINUTE }],
    ['Linear33PercentEvery1Hour', { kind: 'linear', percent: 33, intervalMs: HOUR }],
    ['LINEAR25PERCENTEVERY2HOURS', { kind: 'linear', percent: 25, intervalMs: 2 * HOUR }],
    ['Linear0.5PercentEvery10Seconds', { kind: 'linear', percent: 0.5, intervalMs: 10 * SECOND }],
    ['LambdaLinear50PercentEvery1Second', { kind: 'linear', percent: 50, intervalMs: SECOND }]
  ])('%j', (strategy, expected) => {
    expect(parseStrategy(inputs({ strategy }))).toEqual(expected)
  })

  it.each([
    'canery',
    'all at once',
    'all_at_once',
    'allAtOnce2',
    'blue-green',
    'canary10',
    'Canary10Percent',
    'Canary10Percent5',
    'Canary10Percent5Min',
    'Canary10Percent5Days',
    'Canary10Percent5Minutess',
    'Canary10Percent1.5Minutes',
    'Canary-10Percent5Minutes',
    'Canary1e1Percent5Minutes',
    'CanaryTenPercent5Minutes',
    'Canary 10 Percent 5 Minutes',
    'Linear10Percent1Minute',
    'Linear10PercentEvery',
    'Linear10PercentEveryMinute',
    'Lambda',
    'LambdaCanary',
    'LambdaLinear',
    'Lambda-Canary10Percent5Minutes',
    'lambda.Canary10Percent5Minutes',
    'CodeDeployDefault.Canary10Percent5Minutes',
    'CodeDeployDefault.AllAtOnce',
    'CodeDeployDefault.LambdaCanary',
    'LambdaLambdaAllAtOnce'
  ])('rejects %j', strategy => {
    const error = parseError({ strategy })
    expect(error.message).toBe(`strategy "${strategy}": ${STRATEGY_ALLOWED}`)
    expect(error.input).toBe('strategy')
  })

  it('quotes the value as given, then what is allowed', () => {
    expect(() => parseStrategy(inputs({ strategy: 'canery' }))).toThrow(
      'strategy "canery": expected all-at-once, canary, linear or a CodeDeploy name such as Canary10Percent5Minutes'
    )
  })

  it.each([
    'Canary0Percent5Minutes',
    'Canary100Percent5Minutes',
    'Canary150Percent5Minutes',
    'Canary0.00Percent5Minutes',
    'Canary2.555Percent5Minutes',
    'Linear100PercentEvery1Minute',
    'LambdaLinear0PercentEvery1Minute'
  ])('rejects the percentage in %j', strategy => {
    expect(parseError({ strategy }).message).toBe(
      `strategy "${strategy}": ${PERCENT_ALLOWED}, with at most 2 decimals, such as Canary10Percent5Minutes`
    )
  })

  it.each(['Canary10Percent0Minutes', 'Linear10PercentEvery0Seconds', 'Linear10PercentEvery000Hours'])(
    'rejects the zero interval in %j',
    strategy => {
      expect(parseError({ strategy }).message).toBe(
        `strategy "${strategy}": expected an interval longer than 0, such as Canary10Percent5Minutes`
      )
    }
  )
})

describe('parseStrategy: percentages', () => {
  it.each([
    ['10', 10],
    ['2.5', 2.5],
    ['2.50', 2.5],
    ['0.01', 0.01],
    ['0.07', 0.07],
    ['33.33', 33.33],
    ['99.99', 99.99],
    ['50', 50],
    ['010', 10],
    [' 25 ', 25]
  ])('canary-percent %j → %d', (canaryPercent, percent) => {
    expect(parseStrategy(inputs({ strategy: 'canary', canaryPercent }))).toEqual({
      kind: 'canary',
      percent,
      intervalMs: 5 * MINUTE
    })
  })

  it.each([
    ['10', 10],
    ['2.5', 2.5],
    ['99.99', 99.99]
  ])('linear-percent %j → %d', (linearPercent, percent) => {
    expect(parseStrategy(inputs({ strategy: 'linear', linearPercent }))).toEqual({
      kind: 'linear',
      percent,
      intervalMs: MINUTE
    })
  })

  const BAD_PERCENTS = [
    '0',
    '100',
    'abc',
    '-5',
    '1e1',
    '',
    '0.00',
    '100.0',
    '150',
    '.5',
    '5.',
    '5%',
    '1,5',
    '+5',
    'Infinity',
    'NaN',
    '0x10',
    '5 0'
  ]

  it.each(BAD_PERCENTS)('canary-percent %j names the input', canaryPercent => {
    expect(parseError({ strategy: 'canary', canaryPercent }).message).toBe(
      `canary-percent "${canaryPercent}": ${PERCENT_ALLOWED}`
    )
  })

  it.each(BAD_PERCENTS)('linear-percent %j names the input', linearPercent => {
    expect(parseError({ strategy: 'linear', linearPercent }).message).toBe(
      `linear-percent "${linearPercent}": ${PERCENT_ALLOWED}`
    )
  })

  it('gives the exact message of the brief for 0', () => {
    expect(() => parseStrategy(inputs({ strategy: 'canary', canaryPercent: '0' }))).toThrow(
      'canary-percent "0": expected a percentage between 0 and 100, exclusive'
    )
  })

  it.each(['2.555', '0.001', '99.999'])('says why %j is refused: too many decimals', canaryPercent => {
    expect(parseError({ strategy: 'canary', canaryPercent }).message).toBe(
      `canary-percent "${canaryPercent}": ${PERCENT_ALLOWED}, with at most 2 decimals`
    )
  })

  describe('a percent input the strategy does not use must stay at its default', () => {
    it.each([
      ['all-at-once', 'canaryPercent', 'canary-percent', 'canary'],
      ['all-at-once', 'linearPercent', 'linear-percent', 'linear'],
      ['AllAtOnce', 'canaryPercent', 'canary-percent', 'canary'],
      ['linear', 'canaryPercent', 'canary-percent', 'canary'],
      ['Linear10PercentEvery1Minute', 'canaryPercent', 'canary-percent', 'canary'],
      ['canary', 'linearPercent', 'linear-percent', 'linear'],
      ['Canary10Percent5Minutes', 'linearPercent', 'linear-percent', 'linear']
    ] as const)('%s with %s', (strategy, key, input, owner) => {
      expect(parseError({ strategy, [key]: '20' }).message).toBe(
        `${input} "20": only used with strategy ${owner}; set strategy to ${owner} or leave ${input} at its default`
      )
      expect(() => parseStrategy(inputs({ strategy, [key]: '10' }))).not.toThrow()
      expect(() => parseStrategy(inputs({ strategy, [key]: '10.00' }))).not.toThrow()
      expect(() => parseStrategy(inputs({ strategy, [key]: '' }))).not.toThrow()
      expect(parseError({ strategy, [key]: 'abc' }).message).toBe(`${input} "abc": ${PERCENT_ALLOWED}`)
    })

    it('also with steps', () => {
      expect(parseError({ steps: '5,50', canaryPercent: '5' }).message).toBe(
        'canary-percent "5": only used with strategy canary; set strategy to canary or leave canary-percent at its default'
      )
    })
  })

  describe('a CodeDeploy name carries its own percentage', () => {
    it.each([
      ['Canary25Percent5Minutes', 'canaryPercent', '10', 25],
      ['Canary25Percent5Minutes', 'canaryPercent', '25', 25],
      ['Canary25Percent5Minutes', 'canaryPercent', '25.0', 25],
      ['Canary25Percent5Minutes', 'canaryPercent', '', 25],
      ['Linear20PercentEvery1Minute', 'linearPercent', '10', 20],
      ['Linear20PercentEvery1Minute', 'linearPercent', '20', 20],
      ['Linear2.5PercentEvery1Minute', 'linearPercent', '2.50', 2.5]
    ] as const)('%s with %s %j', (strategy, key, value, percent) => {
      expect(parseStrategy(inputs({ strategy, [key]: value }))).toMatchObject({ percent })
    })

    it.each([
      ['Canary25Percent5Minutes', 'canaryPercent', 'canary-percent', '20', 25],
      ['CodeDeployDefault.LambdaCanary10Percent5Minutes', 'canaryPercent', 'canary-percent', '5', 10],
      ['Linear20PercentEvery1Minute', 'linearPercent', 'linear-percent', '25', 20]
    ] as const)('%s with a disagreeing %s is refused', (strategy, key, input, value, percent) => {
      expect(parseError({ strategy, [key]: value }).message).toBe(
        `${input} "${value}": ${strategy} sets its own percentage (${percent}); leave ${input} at its default`
      )
    })

    it('still checks the format of the percent input', () => {
      expect(parseError({ strategy: 'Canary25Percent5Minutes', canaryPercent: '1e1' }).message).toBe(
        `canary-percent "1e1": ${PERCENT_ALLOWED}`
      )
    })
  })
})

describe('parseStrategy: interval', () => {
  it.each<[string, string, number]>([
    ['canary', '', 5 * MINUTE],
    ['linear', '', MINUTE],
    ['canary', '2m', 2 * MINUTE],
    ['canary', '300ms', 300],
    ['linear', '30s', 30 * SECOND],
    ['linear', '1m30s', 90 * SECOND],
    ['canary', ' 1h ', HOUR],
    ['canary', '   ', 5 * MINUTE]
  ])('%s with interval %j holds %d ms', (strategy, interval, intervalMs) => {
    expect(parseStrategy(inputs({ strategy, interval }))).toMatchObject({ intervalMs })
  })

  it('defaults to 1m for steps and takes interval when set', () => {
    expect(parseStrategy(inputs({ steps: '5,50' }))).toEqual({
      kind: 'steps',
      percents: [5, 50],
      intervalMs: MINUTE
    })
    expect(parseStrategy(inputs({ steps: '5,50', interval: '200ms' }))).toEqual({
      kind: 'steps',
      percents: [5, 50],
      intervalMs: 200
    })
  })

  it.each(['canary', 'linear'])('%s refuses a zero interval', strategy => {
    for (const interval of ['0', '0s', '0ms', '0h0m0s']) {
      expect(parseError({ strategy, interval }).message).toBe(`interval "${interval}": ${POSITIVE_INTERVAL}`)
    }
  })

  it('steps refuses a zero interval', () => {
    expect(parseError({ steps: '5,50', interval: '0' }).message).toBe(`interval "0": ${POSITIVE_INTERVAL}`)
  })

  it.each(['soon', '5', '1.5m', '5 m'])('refuses the malformed interval %j', interval => {
    expect(parseError({ strategy: 'canary', interval }).message).toBe(
      `interval "${interval}": ${DURATION_ALLOWED}`
    )
  })

  it.each(['all-at-once', 'AllAtOnce', 'LambdaAllAtOnce', ''])('%j refuses an interval', strategy => {
    for (const interval of ['5m', 'banana', '0']) {
      expect(parseError({ strategy, interval }).message).toBe(
        `interval "${interval}": all-at-once has no steps to hold; leave interval empty`
      )
    }
  })

  it.each([
    ['Canary10Percent5Minutes', '2m'],
    ['CodeDeployDefault.LambdaCanary10Percent5Minutes', '5m'],
    ['LambdaLinear10PercentEvery1Minute', '1m'],
    ['linear10percentevery1minute', '0']
  ])('%s refuses interval %j', (strategy, interval) => {
    expect(parseError({ strategy, interval }).message).toBe(
      `interval "${interval}": ${strategy} sets its own interval; leave interval empty`
    )
  })

  it('gives the exact message of the brief for a CodeDeploy name', () => {
    expect(() => parseStrategy(inputs({ strategy: 'Canary10Percent5Minutes', interval: '2m' }))).toThrow(
      'interval "2m": Canary10Percent5Minutes sets its own interval; leave interval empty'
    )
  })
})

describe('parseStrategy: steps', () => {
  it.each<[string, number[]]>([
    ['5,25,50', [5, 25, 50]],
    ['5, 25, 50', [5, 25, 50]],
    ['5 25 50', [5, 25, 50]],
    ['5\n25\n50\n', [5, 25, 50]],
    [' 5,25,50, ', [5, 25, 50]],
    ['2.5,10,99.99', [2.5, 10, 99.99]],
    ['0.01', [0.01]],
    ['50', [50]]
  ])('%j → %j', (steps, percents) => {
    expect(parseStrategy(inputs({ steps }))).toEqual({ kind: 'steps', percents, intervalMs: MINUTE })
  })

  it.each(['AllAtOnce', 'LambdaAllAtOnce', 'ALL-AT-ONCE', ''])('is allowed with %j', strategy => {
    expect(parseStrategy(inputs({ strategy, steps: '5,25' }))).toEqual({
      kind: 'steps',
      percents: [5, 25],
      intervalMs: MINUTE
    })
  })

  it.each(['canary', 'linear', 'Canary10Percent5Minutes', 'LambdaLinear10PercentEvery1Minute'])(
    'replaces the strategy, so %j with steps is refused',
    strategy => {
      expect(parseError({ strategy, steps: '5,25' }).message).toBe(`steps "5,25": ${STEPS_CONFLICT}`)
    }
  )

  it('reports a bad strategy before a steps conflict', () => {
    expect(parseError({ strategy: 'canery', steps: '5,25' }).input).toBe('strategy')
  })

  it.each([
    ['25,5', STEPS_ALLOWED],
    ['5,5', STEPS_ALLOWED],
    ['5,25,25.00', STEPS_ALLOWED],
    ['50,25,75', STEPS_ALLOWED],
    [',', STEPS_ALLOWED],
    [', ,', STEPS_ALLOWED],
    ['0,50', `"0" is not a percentage between 0 and 100, exclusive`],
    ['5,100', `"100" is not a percentage between 0 and 100, exclusive`],
    ['5,abc', `"abc" is not a percentage between 0 and 100, exclusive`],
    ['5,-10', `"-10" is not a percentage between 0 and 100, exclusive`],
    ['5,2.555', `"2.555" is not a percentage between 0 and 100, exclusive`],
    ['5;25', `"5;25" is not a percentage between 0 and 100, exclusive`],
    ['5%,25%', `"5%" is not a percentage between 0 and 100, exclusive`]
  ])('refuses %j naming steps and the whole value', (steps, allowed) => {
    expect(parseError({ steps }).message).toBe(`steps "${steps}": ${allowed}`)
  })
})

describe('buildPlan', () => {
  const weights = (plan: PlanStep[]): number[] => plan.map(step => step.weight)

  it('all-at-once is one step to 100% held for the bake time', () => {
    expect(buildPlan({ kind: 'all-at-once' }, 0)).toEqual([{ weight: 1, holdMs: 0 }])
    expect(buildPlan({ kind: 'all-at-once' }, 90_000)).toEqual([{ weight: 1, holdMs: 90_000 }])
  })

  it('canary is one partial step, then 100%', () => {
    expect(buildPlan({ kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }, 30_000)).toEqual([
      { weight: 0.1, holdMs: 5 * MINUTE },
      { weight: 1, holdMs: 30_000 }
    ])
  })

  it('linear follows CodeDeploy: 10%…90% held one interval each, then 100%', () => {
    const plan = buildPlan(parseStrategy(inputs({ strategy: 'Linear10PercentEvery1Minute' })), 0)
    expect(weights(plan)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
    expect(plan.slice(0, -1).every(step => step.holdMs === MINUTE)).toBe(true)
    expect(planDurationMs(plan)).toBe(9 * MINUTE)
  })

  it.each<[number, number[]]>([
    [30, [0.3, 0.6, 0.9, 1]],
    [25, [0.25, 0.5, 0.75, 1]],
    [33.33, [0.3333, 0.6666, 0.9999, 1]],
    [50, [0.5, 1]],
    [60, [0.6, 1]],
    [99.99, [0.9999, 1]],
    [7, [0.07, 0.14, 0.21, 0.28, 0.35, 0.42, 0.49, 0.56, 0.63, 0.7, 0.77, 0.84, 0.91, 0.98, 1]]
  ])('linear %d%% → %j', (percent, expected) => {
    const plan = buildPlan({ kind: 'linear', percent, intervalMs: 1 }, 0)
    expect(weights(plan)).toEqual(expected)
    // toEqual compares numbers by value; the printed form is what reaches the API.
    expect(weights(plan).map(String)).toEqual(expected.map(String))
  })

  it('weights carry no float noise where naive arithmetic would', () => {
    expect(String(0.1 * 3)).toBe('0.30000000000000004')
    expect(String(7 / 100)).toBe('0.07')
    expect(String(buildPlan({ kind: 'linear', percent: 10, intervalMs: 1 }, 0)[2]?.weight)).toBe('0.3')
    expect(String(buildPlan({ kind: 'canary', percent: 0.07, intervalMs: 1 }, 0)[0]?.weight)).toBe('0.0007')
    expect(String(buildPlan({ kind: 'canary', percent: 0.01, intervalMs: 1 }, 0)[0]?.weight)).toBe('0.0001')
  })

  it('steps holds each listed percentage, then 100%', () => {
    expect(buildPlan({ kind: 'steps', percents: [5, 25, 50], intervalMs: 200 }, 1_000)).toEqual([
      { weight: 0.05, holdMs: 200 },
      { weight: 0.25, holdMs: 200 },
      { weight: 0.5, holdMs: 200 },
      { weight: 1, holdMs: 1_000 }
    ])
  })

  it.each<[Strategy, number]>([
    [{ kind: 'canary', percent: 0, intervalMs: 1 }, 0],
    [{ kind: 'canary', percent: 100, intervalMs: 1 }, 0],
    [{ kind: 'linear', percent: 0.001, intervalMs: 1 }, 0],
    [{ kind: 'linear', percent: -10, intervalMs: 1 }, 0],
    [{ kind: 'linear', percent: Number.NaN, intervalMs: 1 }, 0],
    [{ kind: 'steps', percents: [25, 5], intervalMs: 1 }, 0],
    [{ kind: 'steps', percents: [5, 5], intervalMs: 1 }, 0],
    [{ kind: 'all-at-once' }, -1],
    [{ kind: 'all-at-once' }, Number.POSITIVE_INFINITY]
  ])('refuses a strategy built in code that breaks the invariants: %j bake %d', (strategy, bakeMs) => {
    expect(() => buildPlan(strategy, bakeMs)).toThrow(RangeError)
  })
})

describe('describeStrategy', () => {
  it.each<[Partial<StrategyInputs>, string]>([
    [{}, 'all at once'],
    [{ strategy: 'canary' }, 'canary 10% for 5m'],
    [{ strategy: 'canary', canaryPercent: '2.5', interval: '1m30s' }, 'canary 2.5% for 1m30s'],
    [{ strategy: 'linear' }, 'linear 10% every 1m'],
    [{ strategy: 'LambdaLinear20PercentEvery2Hours' }, 'linear 20% every 2h'],
    [{ strategy: 'CodeDeployDefault.LambdaCanary10Percent15Minutes' }, 'canary 10% for 15m'],
    [{ steps: '5,25,50' }, 'steps 5%, 25%, 50% every 1m'],
    [{ steps: '0.5 99.99', interval: '500ms' }, 'steps 0.5%, 99.99% every 500ms']
  ])('%j → %s', (overrides, text) => {
    expect(describeStrategy(parseStrategy(inputs(overrides)))).toBe(text)
  })
})

describe('planDurationMs', () => {
  it('sums the holds, bake time included', () => {
    expect(planDurationMs([])).toBe(0)
    expect(planDurationMs(buildPlan({ kind: 'all-at-once' }, 5_000))).toBe(5_000)
    expect(planDurationMs(buildPlan({ kind: 'canary', percent: 10, intervalMs: 5 * MINUTE }, MINUTE))).toBe(
      6 * MINUTE
    )
    expect(planDurationMs(buildPlan({ kind: 'linear', percent: 10, intervalMs: 200 }, 0))).toBe(1_800)
  })
})

describe('properties', () => {
  // Percentages as integer hundredths, so generated values are exactly the ones the inputs accept.
  const hundredths = fc.integer({ min: 1, max: 9_999 })
  const percent = hundredths.map(h => h / 100)
  const intervalMs = fc.integer({ min: 1, max: 24 * HOUR })
  const bakeMs = fc.nat({ max: 24 * HOUR })

  const strategy: fc.Arbitrary<Strategy> = fc.oneof(
    fc.constant<Strategy>({ kind: 'all-at-once' }),
    fc.record({ kind: fc.constant('canary' as const), percent, intervalMs }),
    fc.record({ kind: fc.constant('linear' as const), percent, intervalMs }),
    fc.record({
      kind: fc.constant('steps' as const),
      percents: fc
        .uniqueArray(hundredths, { minLength: 1, maxLength: 30 })
        .map(list => [...list].sort((a, b) => a - b).map(h => h / 100)),
      intervalMs
    })
  )

  function expectedPartialSteps(s: Strategy): number {
    switch (s.kind) {
      case 'all-at-once':
        return 0
      case 'canary':
        return 1
      case 'linear':
        return Math.ceil(10_000 / Math.round(s.percent * 100)) - 1
      case 'steps':
        return s.percents.length
    }
  }

  function checkPlan(s: Strategy, bake: number): void {
    const plan = buildPlan(s, bake)
    const last = plan[plan.length - 1]
    const partials = plan.slice(0, -1)

    expect(last).toEqual({ weight: 1, holdMs: bake })
    // One assertion over all steps: a 0.01% linear plan has 9999 of them.
    const bad = partials.filter(
      (step, i) =>
        !(step.weight > 0 && step.weight < 1) ||
        !/^0\.\d{1,4}$/.test(String(step.weight)) ||
        (i > 0 && !(step.weight > (partials[i - 1]?.weight ?? 1)))
    )
    expect(bad).toEqual([])
    expect(partials.length).toBe(expectedPartialSteps(s))

    const interval = s.kind === 'all-at-once' ? 0 : s.intervalMs
    const holds = plan.reduce((sum, step) => sum + step.holdMs, 0)
    expect(planDurationMs(plan)).toBe(holds)
    expect(planDurationMs(plan)).toBe(partials.length * interval + bake)
  }

  it('any valid strategy: partial weights strictly increase inside (0,1), print short, end at exactly 1', () => {
    fc.assert(fc.property(strategy, bakeMs, checkPlan))
  })

  it('weights are the listed or accumulated percentages, exactly', () => {
    fc.assert(
      fc.property(strategy, s => {
        const partials = buildPlan(s, 0).slice(0, -1)
        const expected =
          s.kind === 'canary'
            ? [s.percent]
            : s.kind === 'steps'
              ? s.percents
              : s.kind === 'linear'
                ? partials.map((_, k) => ((k + 1) * Math.round(s.percent * 100)) / 100)
                : []
        expect(partials.map(step => step.weight * 100).map(w => Math.round(w * 100) / 100)).toEqual(expected)
      })
    )
  })

  const unit = fc.constantFrom(
    ['Second', SECOND],
    ['Seconds', SECOND],
    ['Minute', MINUTE],
    ['Minutes', MINUTE],
    ['Hour', HOUR],
    ['Hours', HOUR]
  )
  const prefix = fc.constantFrom('', 'Lambda', 'CodeDeployDefault.Lambda')
  const count = fc.integer({ min: 1, max: 48 })

  it('any CodeDeploy name, in any case and prefix, parses into the plan its numbers describe', () => {
    fc.assert(
      fc.property(
        prefix,
        fc.constantFrom('canary' as const, 'linear' as const),
        percent,
        count,
        unit,
        bakeMs,
        (pre, kind, p, n, [unitName, unitMs], bake) => {
          const name = `${pre}${kind === 'canary' ? 'Canary' : 'Linear'}${p}Percent${kind === 'canary' ? '' : 'Every'}${n}${unitName}`
          for (const spelling of [name, name.toLowerCase(), name.toUpperCase()]) {
            const parsed = parseStrategy(inputs({ strategy: spelling }))
            expect(parsed).toEqual({ kind, percent: p, intervalMs: n * unitMs })
            checkPlan(parsed, bake)
          }
        }
      )
    )
  })

  it('canary, linear and steps inputs round-trip through their text form', () => {
    fc.assert(
      fc.property(strategy, s => {
        const text: Partial<StrategyInputs> =
          s.kind === 'all-at-once'
            ? {}
            : s.kind === 'steps'
              ? { steps: s.percents.join(','), interval: formatDuration(s.intervalMs) }
              : {
                  strategy: s.kind,
                  [s.kind === 'canary' ? 'canaryPercent' : 'linearPercent']: String(s.percent),
                  interval: formatDuration(s.intervalMs)
                }
        expect(parseStrategy(inputs(text))).toEqual(s)
      })
    )
  })

  it('arbitrary input text either parses into a valid plan or fails with an InputError', () => {
    const field = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', '10', '2.5', '0', '100', '5m', '0s', '5,25,50', 'canary', 'linear', 'AllAtOnce')
    )
    fc.assert(
      fc.property(
        field,
        field,
        field,
        field,
        field,
        (strategyText, canaryPercent, linearPercent, interval, steps) => {
          let parsed: Strategy
          try {
            parsed = parseStrategy({ strategy: strategyText, canaryPercent, linearPercent, interval, steps })
          } catch (error) {
            expect(error).toBeInstanceOf(InputError)
            return
          }
          checkPlan(parsed, 0)
        }
      ),
      { numRuns: 500 }
    )
  })
})
