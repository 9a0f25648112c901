// The emulator's pure CodeDeploy pieces: the traffic plan a configuration makes, the block YAML an
// AppSpec is written in, and the AppSpec checks.
import { describe, expect, test } from '@jest/globals'
import { readAppSpec } from '../../emulator/codedeploy/appspec.js'
import { trafficPlan } from '../../emulator/codedeploy/configs.js'
import { parseYaml } from '../../emulator/codedeploy/yaml-lite.js'

describe('trafficPlan', () => {
  test('canary: the percentage at once, the rest one interval later', () => {
    expect(trafficPlan({ type: 'TimeBasedCanary', percentage: 10, interval: 5 })).toEqual([
      { minute: 0, percent: 10 },
      { minute: 5, percent: 100 }
    ])
  })

  test('linear: one more percentage every interval, then 100 % one interval after the last step', () => {
    expect(
      trafficPlan({ type: 'TimeBasedLinear', percentage: 10, interval: 1 }).map(s => [s.minute, s.percent])
    ).toEqual([
      [0, 10],
      [1, 20],
      [2, 30],
      [3, 40],
      [4, 50],
      [5, 60],
      [6, 70],
      [7, 80],
      [8, 90],
      [9, 100]
    ])
    expect(trafficPlan({ type: 'TimeBasedLinear', percentage: 30, interval: 2 })).toEqual([
      { minute: 0, percent: 30 },
      { minute: 2, percent: 60 },
      { minute: 4, percent: 90 },
      { minute: 6, percent: 100 }
    ])
    expect(trafficPlan({ type: 'TimeBasedLinear', percentage: 50, interval: 3 })).toEqual([
      { minute: 0, percent: 50 },
      { minute: 3, percent: 100 }
    ])
  })

  test('all at once', () => {
    expect(trafficPlan({ type: 'AllAtOnce' })).toEqual([{ minute: 0, percent: 100 }])
  })
})

describe('parseYaml', () => {
  test('the AppSpec example shape: nested mappings, sequences of mappings, quotes, comments, numbers', () => {
    const doc = [
      'version: 0.0',
      '# a comment',
      'Resources:',
      '  - myFunction:',
      '      Type: AWS::Lambda::Function',
      '      Properties:',
      '        Name: "my-fn"   # trailing comment',
      "        Alias: 'live'",
      '        CurrentVersion: 1',
      '        TargetVersion: "2"',
      'Hooks:',
      '- BeforeAllowTraffic: "pre # not a comment"',
      '- AfterAllowTraffic: arn:aws:lambda:us-east-1:123456789012:function:post'
    ].join('\n')
    expect(parseYaml(doc)).toEqual({
      version: 0,
      Resources: [
        {
          myFunction: {
            Type: 'AWS::Lambda::Function',
            Properties: { Name: 'my-fn', Alias: 'live', CurrentVersion: 1, TargetVersion: '2' }
          }
        }
      ],
      Hooks: [
        { BeforeAllowTraffic: 'pre # not a comment' },
        { AfterAllowTraffic: 'arn:aws:lambda:us-east-1:123456789012:function:post' }
      ]
    })
  })

  test('what it does not read is refused with the line number', () => {
    expect(() => parseYaml('a: 1\n   b: 2')).toThrow('line 2: bad indentation')
    expect(() => parseYaml('a: {b: 1}')).toThrow('line 1: unsupported YAML')
    expect(() => parseYaml('a: "open')).toThrow('line 1: unterminated string')
    expect(() => parseYaml('just text')).toThrow('line 1: expected "key: value"')
  })
})

describe('readAppSpec', () => {
  const spec = (props: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
    JSON.stringify({
      version: 0.0,
      Resources: [{ f: { Type: 'AWS::Lambda::Function', Properties: props } }],
      ...extra
    })
  const ok = { Name: 'fn', Alias: 'live', CurrentVersion: '1', TargetVersion: '2' }

  test('reads the function, alias, versions and hooks', () => {
    expect(readAppSpec(spec(ok, { Hooks: [{ BeforeAllowTraffic: 'pre' }] }))).toEqual({
      resourceName: 'f',
      functionName: 'fn',
      alias: 'live',
      currentVersion: '1',
      targetVersion: '2',
      hooks: { BeforeAllowTraffic: 'pre' }
    })
  })

  test('refuses what CodeDeploy cannot deploy, saying why', () => {
    expect(() => readAppSpec(spec({ ...ok, Alias: undefined }))).toThrow('Properties.Alias')
    expect(() => readAppSpec(spec({ ...ok, TargetVersion: '$LATEST' }))).toThrow('published version numbers')
    expect(() => readAppSpec(spec({ ...ok, TargetVersion: '01' }))).toThrow('must differ')
    expect(() => readAppSpec(spec(ok, { Hooks: [{ BeforeInstall: 'x' }] }))).toThrow(
      'not a Lambda lifecycle event'
    )
    expect(() => readAppSpec('{"Resources": []}')).toThrow('exactly one')
    expect(() => readAppSpec('{"Resources": ')).toThrow('not valid JSON')
  })
})
