import type { AliasSnapshot } from '../../src/ledger/snapshot.js'
import type { Config, RawInputs } from '../../src/inputs/config.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { DEFAULT_INPUTS } from '../../testkit/inputs.js'
import {
  newRollout as newDeployment,
  type FunctionRollout as Deployment,
  type Outcome
} from '../../src/rollout/record.js'
import { resultEntries } from '../../src/report/outputs.js'
import { consoleLink } from '../../src/report/status.js'
import { summaryMarkdown } from '../../src/report/summary.js'

const T0 = Date.UTC(2025, 0, 2, 8, 0, 0)
const ACCOUNT = '123456789012'
const fnArn = (name: string): string => `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${name}`

function config(overrides: Partial<RawInputs> = {}): Config {
  return parseInputs({ ...DEFAULT_INPUTS, ...overrides }, { AWS_REGION: 'eu-west-1' })
}

function alias(name: string, functionVersion: string, weights: Record<string, number> = {}): AliasSnapshot {
  return { arn: `${fnArn(name)}:live`, functionVersion, weights, description: '', revisionId: 'r1' }
}

function deployment(name: string, overrides: Partial<Deployment> = {}): Deployment {
  return {
    ...newDeployment({ id: name, name }),
    functionArn: fnArn(name),
    aliasArn: `${fnArn(name)}:live`,
    initial: alias(name, '41'),
    from: '41',
    to: '42',
    codeSha256: 'c2hhNDI=',
    published: true,
    weight: 1,
    wrote: true,
    status: 'promoted',
    timeline: [
      { time: T0 + 1_000, weight: 0.1, action: '10% to v42', result: 'ok' },
      { time: T0 + 301_000, weight: 1, action: 'promoted to v42', result: 'ok' }
    ],
    ...overrides
  }
}

function outcome(overrides: Partial<Outcome> = {}): Outcome {
  return {
    status: 'promoted',
    deployments: [deployment('my-fn')],
    alarms: [],
    startedAt: T0,
    endedAt: T0 + 302_400,
    plan: [],
    ...overrides
  }
}

const LINK =
  'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/my-fn/aliases/live'

describe('summaryMarkdown', () => {
  it('a promoted canary: heading, from → to table, timeline, alarms, plan', () => {
    const cfg = config({ strategy: 'canary', 'bake-time': '5m', alarms: 'errors' })
    const text = summaryMarkdown(
      outcome({
        alarms: [{ name: 'errors', state: 'OK', reason: 'fine' }],
        plan: ['my-fn:live  v41 → publish', 'canary 10% for 5m']
      }),
      cfg
    )
    // The weight chart (checked as Mermaid in chart.test.ts) sits under the Timeline heading.
    const chart =
      /```mermaid\nxychart-beta\n {2}title "Traffic to v42"\n[^]*?\n {2}bar \[10, 10, [^\]]*, 100\]\n```\n+/
    expect(text).toMatch(chart)
    expect(text.replace(chart, '')).toBe(
      [
        '## ✅ lambda-promote: promoted',
        '',
        'Alias `live` · strategy 10% → 100%, bake 5m · 5m2s',
        '',
        '| function | from | to | published | CodeSha256 | status | alias |',
        '|---|---|---|---|---|---|---|',
        `| my-fn | v41 | v42 | yes | \`c2hhNDI=\` | promoted | [\`${fnArn('my-fn')}:live\`](${LINK}) |`,
        '',
        '### Timeline',
        '',
        '| time (UTC) | traffic on new version | action | result |',
        '|---|---|---|---|',
        '| 08:00:01 | 10% | 10% to v42 | ok |',
        '| 08:05:01 | 100% | promoted to v42 | ok |',
        '',
        '### Alarms',
        '',
        '| alarm | state at start |',
        '|---|---|',
        '| errors | OK |',
        '',
        '<details><summary>Plan</summary>',
        '',
        '```',
        'my-fn:live  v41 → publish',
        'canary 10% for 5m',
        '```',
        '</details>',
        ''
      ].join('\n')
    )
  })

  it('all at once with no bake, no alarms, no plan: only the heading and the table', () => {
    const text = summaryMarkdown(
      outcome({
        status: 'unchanged',
        endedAt: T0 + 61_400,
        deployments: [deployment('my-fn', { to: '41', published: false, status: 'unchanged', timeline: [] })]
      }),
      config()
    )
    expect(text.split('\n').slice(0, 3)).toEqual([
      '## ⏸️ lambda-promote: unchanged',
      '',
      'Alias `live` · strategy 100% · 1m1s'
    ])
    expect(text).toContain('| my-fn | v41 | v41 | no |')
    expect(text).not.toContain('### Timeline')
    expect(text).not.toContain('### Alarms')
    expect(text).not.toContain('<details>')
  })

  it('weights print without float noise, in the strategy and the timeline', () => {
    const cfg = config({ steps: '10,30,60' })
    const text = summaryMarkdown(
      outcome({
        deployments: [
          deployment('my-fn', {
            timeline: [
              { time: T0, weight: 0.1, action: 'a', result: 'ok' },
              { time: T0, weight: 0.1 + 0.2, action: 'b', result: 'ok' },
              { time: T0, weight: 0.07, action: 'c', result: 'ok' },
              { time: T0, weight: 0, action: 'rolled back', result: 'ok' }
            ]
          })
        ]
      }),
      cfg
    )
    expect(text).toContain('strategy 10% → 30% → 60% → 100%')
    expect(text).toContain('| 08:00:00 | 30% | b | ok |')
    expect(text).toContain('| 08:00:00 | 7% | c | ok |')
    expect(text).toContain('| 08:00:00 | 0% | rolled back | ok |')
    expect(text).not.toMatch(/\d\.\d{5,}/)
  })

  it('a rolled-back run of several functions: error line, split and new aliases, notes, timeline note', () => {
    const a = deployment('fn-a', {
      initial: alias('fn-a', '41', { '40': 0.25 }),
      status: 'rolled-back',
      message: 'fn-a: alias live restored to v41 75% + v40 25% and verified'
    })
    const b = deployment('fn-b', {
      initial: null,
      from: null,
      to: '',
      codeSha256: '',
      aliasArn: '',
      published: false,
      timeline: [],
      status: 'failed',
      message: 'fn-b: publish failed'
    })
    const text = summaryMarkdown(
      outcome({
        status: 'rolled-back',
        error: 'alarm errors went into ALARM\n(threshold crossed)',
        deployments: [b, a],
        alarms: [{ name: 'errors', state: 'ALARM', reason: 'threshold crossed' }]
      }),
      config({ 'function-name': 'fn-a,fn-b', strategy: 'canary' })
    )
    const lines = text.split('\n')
    expect(lines[0]).toBe('## ↩️ lambda-promote: rolled-back')
    // One line, with the parentheses escaped as every outside text is.
    expect(lines[2]).toBe('> alarm errors went into ALARM &#40;threshold crossed&#41;')
    expect(text).toContain('| fn-b | (new alias) | — | no | `—` | failed | — |')
    expect(text).toContain('| fn-a | v41 75% + v40 25% | v42 | yes |')
    expect(text).toContain("_Timeline of fn-a; every function's is in the `result` output._")
    expect(text).toContain('| errors | ALARM |')
    expect(text).toContain(
      [
        '### Alias state',
        '',
        '- fn-b&#58; publish failed',
        '- fn-a&#58; alias live restored to v41 75% + v40 25% and verified',
        ''
      ].join('\n')
    )
    // One table row per function.
    expect(lines.filter(l => /^\| fn-[ab] \|/.test(l))).toHaveLength(2)
  })

  it.each([
    ['promoted', '✅'],
    ['unchanged', '⏸️'],
    ['in-progress', '🔀'],
    ['rolled-back', '↩️'],
    ['failed', '❌'],
    ['dry-run', '📝']
  ] as const)('status %s has the icon %s', (status, icon) => {
    expect(summaryMarkdown(outcome({ status }), config()).split('\n')[0]).toBe(
      `## ${icon} lambda-promote: ${status}`
    )
  })
})

describe('consoleLink', () => {
  it('points at the alias in the function’s region', () => {
    expect(consoleLink('eu-west-1', deployment('my-fn'), 'live')).toBe(LINK)
  })
})

describe('resultEntries', () => {
  it('one entry per function, with ISO times and no message key when there is none', () => {
    const entries = resultEntries(outcome(), 'live')
    expect(entries).toEqual([
      {
        function: 'my-fn',
        functionArn: fnArn('my-fn'),
        aliasArn: `${fnArn('my-fn')}:live`,
        alias: 'live',
        from: '41',
        to: '42',
        published: true,
        codeSha256: 'c2hhNDI=',
        status: 'promoted',
        timeline: [
          { time: '2025-01-02T08:00:01.000Z', weight: 0.1, action: '10% to v42', result: 'ok' },
          { time: '2025-01-02T08:05:01.000Z', weight: 1, action: 'promoted to v42', result: 'ok' }
        ]
      }
    ])
    expect(Object.keys(entries[0] as object)).not.toContain('message')
  })

  it('a failed function before publishing: to is null, from null for a new alias, message kept', () => {
    const d = deployment('fn-b', {
      initial: null,
      from: null,
      to: '',
      published: false,
      codeSha256: '',
      timeline: [],
      status: 'failed',
      message: 'fn-b: boom'
    })
    const [entry] = resultEntries(outcome({ deployments: [deployment('fn-a'), d] }), 'live').slice(1)
    expect(entry).toMatchObject({
      function: 'fn-b',
      from: null,
      to: null,
      published: false,
      status: 'failed',
      message: 'fn-b: boom',
      timeline: []
    })
  })

  it('is valid JSON, in input order', () => {
    const ds = ['a', 'b', 'c'].map(n => deployment(n))
    const parsed = JSON.parse(JSON.stringify(resultEntries(outcome({ deployments: ds }), 'live'))) as {
      function: string
    }[]
    expect(parsed.map(e => e.function)).toEqual(['a', 'b', 'c'])
  })
})
