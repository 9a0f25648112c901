// GitHub deployments for `environment` (created, in_progress, then success or failure;
// GitHub being down is a warning, never a failed deploy) and the default description of a published
// version (release tag or ref, short sha, run URL, ≤ 256 characters) — all through dist/ and the
// runner-faithful harness, against the emulator and a local fake of GitHub's REST API.
import { SetAlarmStateCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import {
  CreateAliasCommand,
  GetFunctionConfigurationCommand,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import type { Emulator, RequestLogEntry } from '../../emulator/index.js'
import { HARNESS_CONTEXT, type RunOptions, type RunResult } from '../../testkit/runner.js'
import {
  json,
  refusedUrl,
  startFakeGitHub,
  type FakeGitHub,
  type GitHubRequest
} from '../../testkit/fake-github.js'
import {
  act,
  createFunction,
  errors,
  getAlias,
  lastSeq,
  publish,
  putAlarm,
  readyToPromote,
  splitSeen as splitSeenIn,
  writes
} from '../../testkit/fixtures.js'
import { useEmulator } from '../../testkit/use-emulator.js'

let emu: Emulator
let client: LambdaClient
let cw: CloudWatchClient
let fake: FakeGitHub

useEmulator(f => ({ emu, lambda: client, cloudwatch: cw } = f))
beforeEach(async () => {
  fake = await startFakeGitHub()
})
afterEach(async () => {
  await fake.close()
})

const SHA = HARNESS_CONTEXT.sha
const SHORT_SHA = SHA.slice(0, 7)
const RUN_URL = `${HARNESS_CONTEXT.serverUrl}/${HARNESS_CONTEXT.repository}/actions/runs/${HARNESS_CONTEXT.runId}`
const DEPLOYMENTS = '/repos/octo/app/deployments'

/** Runs dist/ against the emulator with GITHUB_API_URL on the fake (or `github`). */
function deploy(
  inputs: Record<string, string>,
  opts: { github?: string; env?: Record<string, string> } & Pick<RunOptions, 'event' | 'signal'> = {}
): Promise<RunResult> {
  const { github, env, ...rest } = opts
  return act(emu, inputs, { ...rest, env: { GITHUB_API_URL: github ?? fake.url, ...env } })
}

const canary = (fn: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'function-name': fn,
  alias: 'live',
  strategy: 'canary',
  'canary-percent': '10',
  interval: '200ms',
  environment: 'production',
  ...extra
})

const calls = (requests: GitHubRequest[] = fake.requests): string[] =>
  requests.map(r => `${r.method} ${r.path}`)

const warnings = (r: RunResult): string[] =>
  r.commands.filter(c => c.command === 'warning').map(c => c.message)

const githubWarnings = (r: RunResult): string[] => warnings(r).filter(w => /github/i.test(w))

/** The action's UpdateAlias calls on `fn` that the emulator accepted. */
function aliasUpdates(fn: string, since: number): RequestLogEntry[] {
  return emu.log.filter(
    e => e.seq > since && e.functionName === fn && e.operation === 'UpdateAlias' && e.status === 200
  )
}

const ready = (fn: string, env?: Record<string, string>): Promise<void> =>
  readyToPromote(client, fn, env ? { env } : {})
const splitSeen = (fn: string, since: number): Promise<number> => splitSeenIn(emu, fn, since)

async function expectOnV1(fn: string): Promise<void> {
  const alias = await getAlias(client, fn, 'live')
  expect(alias.FunctionVersion).toBe('1')
  expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
}

/** The Description the action sent with PublishVersion for `fn`, and the published version's number. */
function published(fn: string, since: number): { description: string; version: string } {
  const call = emu.log.filter(
    e => e.seq > since && e.functionName === fn && e.operation === 'PublishVersion' && e.status < 300
  )
  expect(call).toHaveLength(1)
  return {
    description: (call[0]?.request as { Description?: string }).Description ?? '',
    version: (call[0]?.response as { Version?: string }).Version ?? ''
  }
}

/** What Lambda itself holds as the version's description. */
async function versionDescription(fn: string, version: string): Promise<string> {
  const config = await client.send(
    new GetFunctionConfigurationCommand({ FunctionName: fn, Qualifier: version })
  )
  return config.Description ?? ''
}

describe('environment: GitHub deployment and statuses', () => {
  test('a successful canary: deployment for the sha, in_progress with the run URL, then success with a console link', async () => {
    await ready('gh-canary-fn')
    const since = lastSeq(emu)
    const r = await deploy(canary('gh-canary-fn'))
    expect(r.exitCode).toBe(0)
    expect(errors(r)).toEqual([])
    expect(githubWarnings(r)).toEqual([])
    expect(r.outputs.status).toBe('promoted')

    const [id] = [...fake.deployments.keys()]
    expect(calls()).toEqual([
      `POST ${DEPLOYMENTS}`,
      `POST ${DEPLOYMENTS}/${id}/statuses`,
      `POST ${DEPLOYMENTS}/${id}/statuses`
    ])
    for (const req of fake.requests) {
      expect(req.authorization).toBe(`token ${HARNESS_CONTEXT.token}`)
      expect(req.contentType).toMatch(/^application\/json/)
    }
    const [create, inProgress, success] = fake.requests as [GitHubRequest, GitHubRequest, GitHubRequest]
    expect(create.body).toMatchObject({
      ref: SHA,
      environment: 'production',
      // Deploy exactly this sha: no merge of the default branch, no wait on commit statuses.
      auto_merge: false,
      required_contexts: []
    })
    expect(create.body.description).toMatch(/gh-canary-fn:live v1 → v2/)
    expect(inProgress.body).toMatchObject({ state: 'in_progress', log_url: RUN_URL })
    expect(success.body).toMatchObject({ state: 'success', log_url: RUN_URL })
    expect(success.body.description).toMatch(/promoted.*v1 → v2/)
    expect(String(success.body.environment_url)).toBe(
      'https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/gh-canary-fn/aliases/live'
    )
    for (const body of [create.body, inProgress.body, success.body])
      expect(String(body.description).length).toBeLessThanOrEqual(140)

    // Timed against the rollout: created once v2 exists and before any traffic moves; success only
    // once the alias is wholly on v2.
    const publishedAt = emu.log.find(
      e => e.seq > since && e.functionName === 'gh-canary-fn' && e.operation === 'PublishVersion'
    )
    const updates = aliasUpdates('gh-canary-fn', since)
    expect(updates.map(e => (e.request as { FunctionVersion: string }).FunctionVersion)).toEqual(['1', '2'])
    expect(create.time).toBeGreaterThanOrEqual(publishedAt?.endTime ?? Infinity)
    expect(inProgress.time).toBeLessThanOrEqual(updates[0]?.time ?? -Infinity)
    expect(success.time).toBeGreaterThanOrEqual(updates[1]?.endTime ?? Infinity)
  })

  // The status carries the alias ARN (the `alias-arn` output), not only a console link.
  test('the final status names the alias ARN', async () => {
    await ready('gh-arn-fn')
    const r = await deploy({ 'function-name': 'gh-arn-fn', alias: 'live', environment: 'production' })
    expect(r.outputs.status).toBe('promoted')
    expect(r.outputs['alias-arn']).toMatch(/^arn:aws:lambda:us-east-1:\d{12}:function:gh-arn-fn:live$/)
    const final = fake.requests.at(-1) as GitHubRequest
    expect(final.body.state).toBe('success')
    expect(JSON.stringify(final.body)).toContain(r.outputs['alias-arn'])
  })

  test('an alarm going off mid-canary: status failure saying it was rolled back; the alias is back on v1', async () => {
    await ready('gh-alarm-fn')
    await putAlarm(cw, 'gh-alarm-fn-errors')
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: 'gh-alarm-fn-errors', StateValue: 'OK', StateReason: 'fine' })
    )
    const since = lastSeq(emu)
    const running = deploy(canary('gh-alarm-fn', { interval: '20s', alarms: 'gh-alarm-fn-errors' }))
    await splitSeen('gh-alarm-fn', since)
    await cw.send(
      new SetAlarmStateCommand({
        AlarmName: 'gh-alarm-fn-errors',
        StateValue: 'ALARM',
        StateReason: 'Errors >= 1'
      })
    )
    const r = await running
    expect(r.exitCode).toBe(1)
    expect(r.outputs.status).toBe('rolled-back')
    await expectOnV1('gh-alarm-fn')
    expect(githubWarnings(r)).toEqual([])

    const [id] = [...fake.deployments.keys()]
    expect(calls()).toEqual([
      `POST ${DEPLOYMENTS}`,
      `POST ${DEPLOYMENTS}/${id}/statuses`,
      `POST ${DEPLOYMENTS}/${id}/statuses`
    ])
    expect(fake.requests.map(q => q.body.state)).toEqual([undefined, 'in_progress', 'failure'])
    const failure = fake.requests[2] as GitHubRequest
    expect(failure.body.log_url).toBe(RUN_URL)
    expect(failure.body.description).toMatch(/gh-alarm-fn-errors went into ALARM/)
    expect(failure.body.description).toMatch(/rolled back/)
    // Posted once the rollback was done (and verified), not before.
    const restore = aliasUpdates('gh-alarm-fn', since).at(-1)
    expect((restore?.request as { FunctionVersion?: string }).FunctionVersion).toBe('1')
    expect(failure.time).toBeGreaterThanOrEqual(restore?.endTime ?? Infinity)
  })

  // GitHub cuts status descriptions at 140 characters: the verdict comes before CloudWatch's long reason.
  test('with a real-length CloudWatch StateReason the failure status still says it was rolled back', async () => {
    await ready('gh-reason-fn')
    await putAlarm(cw, 'gh-reason-fn-errors')
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: 'gh-reason-fn-errors', StateValue: 'OK', StateReason: 'fine' })
    )
    const since = lastSeq(emu)
    const running = deploy(canary('gh-reason-fn', { interval: '20s', alarms: 'gh-reason-fn-errors' }))
    await splitSeen('gh-reason-fn', since)
    await cw.send(
      new SetAlarmStateCommand({
        AlarmName: 'gh-reason-fn-errors',
        StateValue: 'ALARM',
        StateReason:
          'Threshold Crossed: 1 out of the last 1 datapoints [3.0 (05/12/25 08:00:00)] was greater than or ' +
          'equal to the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).'
      })
    )
    const r = await running
    expect(r.outputs.status).toBe('rolled-back')
    await expectOnV1('gh-reason-fn')
    const failure = fake.requests.at(-1) as GitHubRequest
    expect(failure.body.state).toBe('failure')
    expect(String(failure.body.description).length).toBeLessThanOrEqual(140)
    expect(failure.body.description).toMatch(/rolled back/)
  })

  test('a failing smoke test: the deployment ends in failure naming it; no traffic moved', async () => {
    await ready('gh-smoke-fn', { EMULATOR_FAIL: 'true', EMULATOR_ERROR_MESSAGE: 'db unreachable' })
    const since = lastSeq(emu)
    const r = await deploy(canary('gh-smoke-fn', { 'smoke-test-payload': '{"ping":true}' }))
    expect(r.exitCode).toBe(1)
    expect(r.outputs.status).toBe('failed')
    expect(writes(emu, since)).toEqual(['PublishVersion'])
    expect(fake.requests.map(q => q.body.state)).toEqual([undefined, 'in_progress', 'failure'])
    expect((fake.requests[2] as GitHubRequest).body.description).toMatch(
      /smoke test of gh-smoke-fn v2 failed/
    )
  })

  test('SIGINT mid-canary: the failure status goes out after the rollback, before the process ends', async () => {
    await ready('gh-sigint-fn')
    const since = lastSeq(emu)
    const r = await deploy(canary('gh-sigint-fn', { interval: '20s' }), {
      signal: { name: 'SIGINT', whenStdout: /10% → v2/, afterMs: 200, escalate: true }
    })
    expect(r.signal).toBeNull()
    expect(r.exitCode).not.toBe(0)
    expect(r.outputs.status).toBe('rolled-back')
    await expectOnV1('gh-sigint-fn')
    expect(fake.requests.map(q => q.body.state)).toEqual([undefined, 'in_progress', 'failure'])
    const failure = fake.requests[2] as GitHubRequest
    expect(failure.body.description).toMatch(/cancel/i)
    expect(failure.body.description).toMatch(/rolled back/)
    const restore = aliasUpdates('gh-sigint-fn', since).at(-1)
    expect(failure.time).toBeGreaterThanOrEqual(restore?.endTime ?? Infinity)
    expect(failure.time).toBeLessThanOrEqual(r.endedAt)
  })

  test('GitHub Enterprise Server: requests go under the API URL’s /api/v3 prefix', async () => {
    const ghes = await startFakeGitHub({ prefix: '/api/v3' })
    try {
      await ready('gh-ghes-fn')
      const r = await deploy(
        { 'function-name': 'gh-ghes-fn', alias: 'live', environment: 'staging' },
        { github: ghes.url }
      )
      expect(r.outputs.status).toBe('promoted')
      expect(githubWarnings(r)).toEqual([])
      expect(ghes.requests.map(q => q.rawPath)).toEqual([
        `/api/v3${DEPLOYMENTS}`,
        expect.stringMatching(/^\/api\/v3\/repos\/octo\/app\/deployments\/\d+\/statuses$/),
        expect.stringMatching(/^\/api\/v3\/repos\/octo\/app\/deployments\/\d+\/statuses$/)
      ])
      expect(ghes.requests[0]?.body).toMatchObject({ ref: SHA, environment: 'staging' })
      expect(ghes.requests.map(q => q.body.state)).toEqual([undefined, 'in_progress', 'success'])
    } finally {
      await ghes.close()
    }
  })

  test('a first deploy (alias created): deployment and success for the new version', async () => {
    await createFunction(client, 'gh-first-fn', 'one')
    const r = await deploy({ 'function-name': 'gh-first-fn', alias: 'live', environment: 'production' })
    expect(r.outputs.status).toBe('promoted')
    expect(r.outputs.version).toBe('1')
    expect(fake.requests.map(q => q.body.state)).toEqual([undefined, 'in_progress', 'success'])
    expect(fake.requests[0]?.body).toMatchObject({ ref: SHA, environment: 'production' })
    expect(fake.requests[0]?.body.description).toMatch(/gh-first-fn:live .*→ v1/)
    expect(fake.requests[2]?.body.description).toMatch(/promoted.*→ v1/)
  })

  test('a custom github-token is the one sent', async () => {
    await ready('gh-token-fn')
    const r = await deploy({
      'function-name': 'gh-token-fn',
      alias: 'live',
      environment: 'production',
      'github-token': 'ghp_customToken123'
    })
    expect(r.outputs.status).toBe('promoted')
    expect(fake.requests).toHaveLength(3)
    for (const req of fake.requests) expect(req.authorization).toBe('token ghp_customToken123')
  })
})

describe('environment: GitHub down is a warning, never a failed deploy', () => {
  /** Promoted, exit 0, alias on v2, no error line; returns the GitHub warning lines. */
  async function expectPromotedDespiteGitHub(fn: string, r: RunResult): Promise<string[]> {
    expect(r.exitCode).toBe(0)
    expect(r.outputs.status).toBe('promoted')
    expect(errors(r)).toEqual([])
    expect(r.commands.filter(c => c.command === 'error')).toEqual([])
    const alias = await getAlias(client, fn, 'live')
    expect(alias.FunctionVersion).toBe('2')
    expect(alias.RoutingConfig?.AdditionalVersionWeights ?? {}).toEqual({})
    const lines = githubWarnings(r)
    expect(lines.length).toBeGreaterThan(0)
    // Each is one `::warning::` workflow command line on stdout.
    for (const line of lines) expect(line).not.toContain('\n')
    expect(r.stdout.split('\n').filter(l => l.startsWith('::warning::GitHub deployment'))).toHaveLength(
      lines.length
    )
    return lines
  }

  test('nothing listening at GITHUB_API_URL: one warning, the canary completes', async () => {
    await ready('gh-refused-fn')
    const r = await deploy(canary('gh-refused-fn'), { github: await refusedUrl() })
    const lines = await expectPromotedDespiteGitHub('gh-refused-fn', r)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      /GitHub deployment for "production": could not create the deployment; the deploy goes on\. GitHub not reachable: .*ECONNREFUSED/
    )
  })

  test('GitHub answering 500: a warning, the canary completes, no status for a deployment that was never made', async () => {
    await ready('gh-500-fn')
    fake.respond((_req, res) => json(res, 500, { message: 'Server Error' }))
    const r = await deploy(canary('gh-500-fn'))
    const lines = await expectPromotedDespiteGitHub('gh-500-fn', r)
    expect(lines[0]).toMatch(/could not create the deployment.*HTTP 500/)
    expect(new Set(calls())).toEqual(new Set([`POST ${DEPLOYMENTS}`]))
  })

  test('a token without deployments: write (403): the warning says which permission is missing', async () => {
    await ready('gh-403-fn')
    fake.respond((_req, res) =>
      json(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
        status: '403'
      })
    )
    const r = await deploy(canary('gh-403-fn'))
    const lines = await expectPromotedDespiteGitHub('gh-403-fn', r)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/HTTP 403: Resource not accessible by integration/)
    expect(lines[0]).toMatch(/deployments: write/)
  })

  test('deployment created but the statuses fail: a warning each, the canary completes', async () => {
    await ready('gh-status500-fn')
    // Creates go through; statuses get 502s.
    fake.respond((req, res) => {
      if (req.path === DEPLOYMENTS) return json(res, 201, { id: 7, sha: req.body.ref })
      json(res, 502, { message: 'Bad Gateway' })
    })
    const r = await deploy(canary('gh-status500-fn'))
    const lines = await expectPromotedDespiteGitHub('gh-status500-fn', r)
    expect(lines).toEqual([
      expect.stringMatching(/could not mark it in progress.*HTTP 502/),
      expect.stringMatching(/could not mark it success.*HTTP 502/)
    ])
    expect(calls()).toEqual([
      `POST ${DEPLOYMENTS}`,
      `POST ${DEPLOYMENTS}/7/statuses`,
      `POST ${DEPLOYMENTS}/7/statuses`
    ])
  })

  test('GitHub accepting connections but never answering: bounded, then a warning; the deploy completes', async () => {
    await ready('gh-hang-fn')
    fake.respond(() => undefined)
    const r = await deploy(canary('gh-hang-fn'))
    const lines = await expectPromotedDespiteGitHub('gh-hang-fn', r)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/could not create the deployment/)
    expect(r.timedOut).toBe(false)
    // The request timeout (10 s) bounds the delay; the rollout itself is ~1 s.
    expect(r.endedAt - r.startedAt).toBeLessThan(20_000)
  }, 40_000)

  test('SIGINT while GitHub hangs on the failure status: the rollback is not held up by it', async () => {
    await ready('gh-hang-cancel-fn')
    fake.respond((req, res) => {
      if (req.path === DEPLOYMENTS) return json(res, 201, { id: 9, sha: req.body.ref })
      if (req.body.state === 'in_progress') return json(res, 201, { id: 1, state: 'in_progress' })
      // The final status never gets an answer.
    })
    const since = lastSeq(emu)
    const r = await deploy(canary('gh-hang-cancel-fn', { interval: '20s' }), {
      signal: { name: 'SIGINT', whenStdout: /10% → v2/, afterMs: 200, escalate: true }
    })
    expect(r.outputs.status).toBe('rolled-back')
    await expectOnV1('gh-hang-cancel-fn')
    const restore = aliasUpdates('gh-hang-cancel-fn', since).at(-1)
    expect((restore?.request as { FunctionVersion?: string }).FunctionVersion).toBe('1')
    expect((restore?.endTime ?? Infinity) - (r.signalSentAt ?? 0)).toBeLessThan(2000)
    expect(fake.requests.map(q => q.body.state)).toEqual([undefined, 'in_progress', 'failure'])
  }, 40_000)
})

describe('environment: when no deployment is recorded', () => {
  test('no environment input: not a single request to GitHub', async () => {
    await ready('gh-none-fn')
    const r = await deploy(canary('gh-none-fn', { environment: '' }))
    expect(r.outputs.status).toBe('promoted')
    expect(fake.requests).toEqual([])
    expect(githubWarnings(r)).toEqual([])
  })

  test('no environment input and a rollback: still no request', async () => {
    await ready('gh-none-rb-fn', { EMULATOR_FAIL: 'true' })
    const r = await deploy(canary('gh-none-rb-fn', { environment: '', 'smoke-test-payload': '{}' }))
    expect(r.outputs.status).toBe('failed')
    expect(fake.requests).toEqual([])
  })

  // A no-op run deploys nothing: the environment keeps pointing at the deployment that put this code live.
  test('unchanged (same code as the alias’s version): no deployment, nothing written', async () => {
    await createFunction(client, 'gh-same-fn', 'one')
    await publish(client, 'gh-same-fn')
    await client.send(
      new CreateAliasCommand({ FunctionName: 'gh-same-fn', Name: 'live', FunctionVersion: '1' })
    )
    const since = lastSeq(emu)
    const r = await deploy(canary('gh-same-fn'))
    expect(r.exitCode).toBe(0)
    expect(r.outputs.status).toBe('unchanged')
    expect(writes(emu, since)).toEqual([])
    expect(fake.requests).toEqual([])
    expect(githubWarnings(r)).toEqual([])
  })

  test('dry-run: no deployment', async () => {
    await ready('gh-dry-fn')
    const since = lastSeq(emu)
    const r = await deploy(canary('gh-dry-fn', { 'dry-run': 'true' }))
    expect(r.outputs.status).toBe('dry-run')
    expect(writes(emu, since)).toEqual([])
    expect(fake.requests).toEqual([])
  })

  test('bad input with an environment: one error line, no AWS write, no deployment', async () => {
    await ready('gh-bad-fn')
    const since = lastSeq(emu)
    const r = await deploy(canary('gh-bad-fn', { strategy: 'canery' }))
    expect(r.exitCode).toBe(1)
    expect(errors(r)).toHaveLength(1)
    expect(writes(emu, since)).toEqual([])
    expect(fake.requests).toEqual([])
  })
})

describe('description of the published version', () => {
  const allAtOnce = (fn: string, extra: Record<string, string> = {}): Record<string, string> => ({
    'function-name': fn,
    alias: 'live',
    ...extra
  })

  test('release event: "release <tag>", the short sha and the run URL, on the version Lambda keeps', async () => {
    await ready('desc-release-fn')
    const since = lastSeq(emu)
    const r = await deploy(allAtOnce('desc-release-fn'), {
      event: { name: 'release', payload: { action: 'published', release: { tag_name: 'v1.2.3' } } }
    })
    expect(r.outputs.status).toBe('promoted')
    expect(r.outputs.published).toBe('true')
    const { description, version } = published('desc-release-fn', since)
    expect(version).toBe(r.outputs.version)
    expect(description.startsWith('release v1.2.3')).toBe(true)
    expect(description).toContain(SHORT_SHA)
    expect(description).not.toContain(SHA)
    expect(description).toContain(RUN_URL)
    expect(description.length).toBeLessThanOrEqual(256)
    expect(await versionDescription('desc-release-fn', version)).toBe(description)
  })

  test('release with a very long tag: cut to 256, the sha and the run URL kept whole', async () => {
    await ready('desc-longtag-fn')
    const tag = `v9.9.9-${'rc'.repeat(120)}`
    const since = lastSeq(emu)
    const r = await deploy(allAtOnce('desc-longtag-fn'), {
      event: { name: 'release', payload: { action: 'published', release: { tag_name: tag } } }
    })
    expect(r.outputs.status).toBe('promoted')
    const { description, version } = published('desc-longtag-fn', since)
    expect(description.length).toBeLessThanOrEqual(256)
    expect(description.startsWith('release v9.9.9-rcrc')).toBe(true)
    expect(description).toContain(SHORT_SHA)
    expect(description.endsWith(RUN_URL)).toBe(true)
    expect(await versionDescription('desc-longtag-fn', version)).toBe(description)
  })

  test('push event: ref name, short sha and run URL', async () => {
    await ready('desc-push-fn')
    const since = lastSeq(emu)
    const r = await deploy(allAtOnce('desc-push-fn'))
    expect(r.outputs.status).toBe('promoted')
    const { description, version } = published('desc-push-fn', since)
    expect(description).toMatch(/^main\b/)
    expect(description).not.toMatch(/release/)
    expect(description).not.toContain('refs/heads')
    expect(description).toContain(SHORT_SHA)
    expect(description).toContain(RUN_URL)
    expect(description.length).toBeLessThanOrEqual(256)
    expect(await versionDescription('desc-push-fn', version)).toBe(description)
  })

  test('pull request on GitHub Enterprise Server: PR number and the server’s run URL', async () => {
    await ready('desc-pr-fn')
    const since = lastSeq(emu)
    const r = await deploy(allAtOnce('desc-pr-fn'), {
      event: { name: 'pull_request', payload: { number: 12, pull_request: { number: 12 } } },
      env: { GITHUB_REF: 'refs/pull/12/merge', GITHUB_SERVER_URL: 'https://ghe.example.com' }
    })
    expect(r.outputs.status).toBe('promoted')
    const { description } = published('desc-pr-fn', since)
    expect(description).toContain('12')
    expect(description).not.toContain('refs/pull')
    expect(description).toContain(SHORT_SHA)
    expect(description).toContain(`https://ghe.example.com/octo/app/actions/runs/${HARNESS_CONTEXT.runId}`)
  })

  test('an explicit description input wins, even on a release', async () => {
    await ready('desc-input-fn')
    const since = lastSeq(emu)
    const r = await deploy(allAtOnce('desc-input-fn', { description: 'hotfix for INC-123' }), {
      event: { name: 'release', payload: { action: 'published', release: { tag_name: 'v1.2.3' } } }
    })
    expect(r.outputs.status).toBe('promoted')
    const { description, version } = published('desc-input-fn', since)
    expect(description).toBe('hotfix for INC-123')
    expect(await versionDescription('desc-input-fn', version)).toBe('hotfix for INC-123')
  })

  test('a description input of exactly 256 characters is published as it is', async () => {
    await ready('desc-256-fn')
    const text = 'd'.repeat(256)
    const since = lastSeq(emu)
    const r = await deploy(allAtOnce('desc-256-fn', { description: text }))
    expect(r.outputs.status).toBe('promoted')
    expect(published('desc-256-fn', since).description).toBe(text)
  })

  test('a 300-character description input is a bad input: one line naming it, no write, no deployment', async () => {
    await ready('desc-300-fn')
    const since = lastSeq(emu)
    const r = await deploy(
      allAtOnce('desc-300-fn', { description: 'x'.repeat(300), environment: 'production' })
    )
    expect(r.exitCode).toBe(1)
    expect(r.outputs.status).toBe('failed')
    const lines = errors(r)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/description/)
    expect(lines[0]).toMatch(/256/)
    expect(lines[0]).not.toContain('x'.repeat(300))
    expect(writes(emu, since)).toEqual([])
    expect(emu.log.filter(e => e.seq > since && e.functionName === 'desc-300-fn')).toEqual([])
    expect(fake.requests).toEqual([])
  })
})
