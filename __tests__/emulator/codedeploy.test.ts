// CodeDeploy's resource operations through the real @aws-sdk/client-codedeploy (AWS JSON 1.1 on the
// emulator's port): applications, deployment groups, predefined and custom deployment configurations,
// the deployment list, and AWS's errors for what is missing or malformed.
import {
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentConfigCommand,
  CreateDeploymentGroupCommand,
  GetApplicationCommand,
  GetDeploymentCommand,
  GetDeploymentConfigCommand,
  GetDeploymentGroupCommand,
  ListDeploymentsCommand,
  type CodeDeployClient
} from '@aws-sdk/client-codedeploy'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  appAndGroup,
  appSpecJson,
  codeDeployClient,
  deploy,
  revision,
  SERVICE_ROLE
} from './codedeploy-helpers.js'
import { failure, fakeClock, harness, type Harness } from './helpers.js'

const clock = fakeClock()
let h: Harness
let cd: CodeDeployClient

beforeAll(async () => {
  h = await harness({ now: clock.now })
  cd = codeDeployClient(h.emu)
})
afterAll(async () => {
  cd.destroy()
  await h.close()
})

describe('applications', () => {
  test('CreateApplication answers an id; GetApplication reads it back', async () => {
    const { applicationId } = await cd.send(
      new CreateApplicationCommand({ applicationName: 'apps-1', computePlatform: 'Lambda' })
    )
    expect(applicationId).toMatch(/^[0-9a-f-]{36}$/)
    const { application } = await cd.send(new GetApplicationCommand({ applicationName: 'apps-1' }))
    expect(application).toEqual({
      applicationId,
      applicationName: 'apps-1',
      createTime: new Date(clock.now()),
      linkedToGitHub: false,
      computePlatform: 'Lambda'
    })
  })

  test('AWS errors: an existing name, a missing application, no name, a bad compute platform', async () => {
    await cd.send(new CreateApplicationCommand({ applicationName: 'apps-2', computePlatform: 'Lambda' }))
    const dup = await failure(cd.send(new CreateApplicationCommand({ applicationName: 'apps-2' })))
    expect(dup).toMatchObject({ name: 'ApplicationAlreadyExistsException', status: 400 })
    const missing = await failure(cd.send(new GetApplicationCommand({ applicationName: 'nope' })))
    expect(missing).toMatchObject({ name: 'ApplicationDoesNotExistException', status: 400 })
    expect(missing.message).toContain('nope')
    const noName = await failure(cd.send(new CreateApplicationCommand({ applicationName: '' })))
    expect(noName.name).toBe('ApplicationNameRequiredException')
    const platform = await failure(
      cd.send(
        new CreateApplicationCommand({ applicationName: 'apps-3', computePlatform: 'Mainframe' as never })
      )
    )
    expect(platform.name).toBe('InvalidComputePlatformException')
  })
})

describe('deployment groups', () => {
  test('GetDeploymentGroup answers what CreateDeploymentGroup stored, with Lambda defaults', async () => {
    await cd.send(new CreateApplicationCommand({ applicationName: 'grp-1', computePlatform: 'Lambda' }))
    const { deploymentGroupId } = await cd.send(
      new CreateDeploymentGroupCommand({
        applicationName: 'grp-1',
        deploymentGroupName: 'prod',
        serviceRoleArn: SERVICE_ROLE,
        alarmConfiguration: { enabled: true, alarms: [{ name: 'errors' }, { name: 'latency' }] },
        autoRollbackConfiguration: {
          enabled: true,
          events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']
        }
      })
    )
    const { deploymentGroupInfo } = await cd.send(
      new GetDeploymentGroupCommand({ applicationName: 'grp-1', deploymentGroupName: 'prod' })
    )
    expect(deploymentGroupInfo).toMatchObject({
      applicationName: 'grp-1',
      deploymentGroupId,
      deploymentGroupName: 'prod',
      deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce',
      serviceRoleArn: SERVICE_ROLE,
      alarmConfiguration: {
        enabled: true,
        ignorePollAlarmFailure: false,
        alarms: [{ name: 'errors' }, { name: 'latency' }]
      },
      autoRollbackConfiguration: {
        enabled: true,
        events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM']
      },
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      computePlatform: 'Lambda'
    })
    expect(deploymentGroupInfo?.lastAttemptedDeployment).toBeUndefined()
  })

  test('AWS errors for groups', async () => {
    await cd.send(new CreateApplicationCommand({ applicationName: 'grp-2', computePlatform: 'Lambda' }))
    const base = { applicationName: 'grp-2', deploymentGroupName: 'g', serviceRoleArn: SERVICE_ROLE }
    const cases: [Record<string, unknown>, string][] = [
      [{ applicationName: 'no-such-app' }, 'ApplicationDoesNotExistException'],
      [{ serviceRoleArn: undefined }, 'RoleRequiredException'],
      [{ serviceRoleArn: 'codedeploy-role' }, 'InvalidRoleException'],
      [{ deploymentConfigName: 'NoSuchConfig' }, 'DeploymentConfigDoesNotExistException'],
      [{ deploymentGroupName: '' }, 'DeploymentGroupNameRequiredException'],
      [{ autoRollbackConfiguration: { enabled: true, events: [] } }, 'InvalidAutoRollbackConfigException'],
      [
        { alarmConfiguration: { enabled: true, alarms: [{ name: 'a' }, { name: 'a' }] } },
        'InvalidAlarmConfigException'
      ],
      [
        {
          alarmConfiguration: {
            enabled: true,
            alarms: Array.from({ length: 11 }, (_, i) => ({ name: `a${i}` }))
          }
        },
        'AlarmsLimitExceededException'
      ]
    ]
    for (const [change, name] of cases) {
      const e = await failure(cd.send(new CreateDeploymentGroupCommand({ ...base, ...change } as never)))
      expect({ change, name: e.name, status: e.status }).toEqual({ change, name, status: 400 })
    }
    await cd.send(new CreateDeploymentGroupCommand(base))
    const dup = await failure(cd.send(new CreateDeploymentGroupCommand(base)))
    expect(dup.name).toBe('DeploymentGroupAlreadyExistsException')
    const missing = await failure(
      cd.send(new GetDeploymentGroupCommand({ applicationName: 'grp-2', deploymentGroupName: 'other' }))
    )
    expect(missing.name).toBe('DeploymentGroupDoesNotExistException')
  })
})

describe('deployment configurations', () => {
  test('the predefined Lambda configurations', async () => {
    const expected: [string, Record<string, unknown>][] = [
      ['CodeDeployDefault.LambdaAllAtOnce', { type: 'AllAtOnce' }],
      ...[5, 10, 15, 30].map((m): [string, Record<string, unknown>] => [
        `CodeDeployDefault.LambdaCanary10Percent${m}Minutes`,
        { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: m } }
      ]),
      ...[1, 2, 3, 10].map((m): [string, Record<string, unknown>] => [
        `CodeDeployDefault.LambdaLinear10PercentEvery${m}Minute${m === 1 ? '' : 's'}`,
        { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 10, linearInterval: m } }
      ])
    ]
    for (const [name, trafficRoutingConfig] of expected) {
      const { deploymentConfigInfo } = await cd.send(
        new GetDeploymentConfigCommand({ deploymentConfigName: name })
      )
      expect(deploymentConfigInfo).toMatchObject({
        deploymentConfigName: name,
        computePlatform: 'Lambda',
        trafficRoutingConfig
      })
    }
    const missing = await failure(
      cd.send(
        new GetDeploymentConfigCommand({
          deploymentConfigName: 'CodeDeployDefault.LambdaCanary10Percent1Minute'
        })
      )
    )
    expect(missing).toMatchObject({ name: 'DeploymentConfigDoesNotExistException', status: 400 })
  })

  test('custom canary and linear configurations, and their errors', async () => {
    const { deploymentConfigId } = await cd.send(
      new CreateDeploymentConfigCommand({
        deploymentConfigName: 'Canary25Percent7Minutes',
        computePlatform: 'Lambda',
        trafficRoutingConfig: {
          type: 'TimeBasedCanary',
          timeBasedCanary: { canaryPercentage: 25, canaryInterval: 7 }
        }
      })
    )
    const { deploymentConfigInfo } = await cd.send(
      new GetDeploymentConfigCommand({ deploymentConfigName: 'Canary25Percent7Minutes' })
    )
    expect(deploymentConfigInfo).toEqual({
      deploymentConfigId,
      deploymentConfigName: 'Canary25Percent7Minutes',
      createTime: new Date(clock.now()),
      computePlatform: 'Lambda',
      trafficRoutingConfig: {
        type: 'TimeBasedCanary',
        timeBasedCanary: { canaryPercentage: 25, canaryInterval: 7 }
      }
    })
    const linear = {
      deploymentConfigName: 'Linear20Every3',
      computePlatform: 'Lambda' as const,
      trafficRoutingConfig: {
        type: 'TimeBasedLinear' as const,
        timeBasedLinear: { linearPercentage: 20, linearInterval: 3 }
      }
    }
    await cd.send(new CreateDeploymentConfigCommand(linear))
    expect((await failure(cd.send(new CreateDeploymentConfigCommand(linear)))).name).toBe(
      'DeploymentConfigAlreadyExistsException'
    )
    const bad = await failure(
      cd.send(
        new CreateDeploymentConfigCommand({
          ...linear,
          deploymentConfigName: 'Linear0',
          trafficRoutingConfig: {
            type: 'TimeBasedLinear',
            timeBasedLinear: { linearPercentage: 0, linearInterval: 3 }
          }
        })
      )
    )
    expect(bad.name).toBe('InvalidTrafficRoutingConfigurationException')
    expect(bad.message).toContain('linearPercentage')
    const server = await failure(
      cd.send(new CreateDeploymentConfigCommand({ deploymentConfigName: 'S', computePlatform: 'Server' }))
    )
    expect(server.name).toBe('InvalidComputePlatformException')
  })
})

describe('deployments: requests CreateDeployment refuses', () => {
  beforeAll(async () => appAndGroup(cd, 'dep-app', 'dep-group'))

  test('a missing application, group or configuration, no revision, a wrong sha256', async () => {
    const content = appSpecJson('fn')
    const base = { applicationName: 'dep-app', deploymentGroupName: 'dep-group', revision: revision(content) }
    const cases: [Record<string, unknown>, string][] = [
      [{ applicationName: 'nope' }, 'ApplicationDoesNotExistException'],
      [{ deploymentGroupName: 'nope' }, 'DeploymentGroupDoesNotExistException'],
      [{ deploymentGroupName: undefined }, 'DeploymentGroupNameRequiredException'],
      [{ deploymentConfigName: 'CodeDeployDefault.Nope' }, 'DeploymentConfigDoesNotExistException'],
      [{ revision: undefined }, 'RevisionRequiredException'],
      [
        { revision: { revisionType: 'AppSpecContent', appSpecContent: { content, sha256: '00' } } },
        'InvalidRevisionException'
      ],
      [
        { revision: { revisionType: 'S3', s3Location: { bucket: 'b', key: 'k' } } },
        'InvalidRevisionException'
      ],
      [{ ignoreApplicationStopFailures: true }, 'InvalidIgnoreApplicationStopFailuresValueException']
    ]
    for (const [change, name] of cases) {
      const e = await failure(cd.send(new CreateDeploymentCommand({ ...base, ...change } as never)))
      expect({ change, name: e.name, status: e.status }).toEqual({ change, name, status: 400 })
    }
    expect(h.emu.log.filter(e => e.operation === 'CreateDeployment').every(e => e.status === 400)).toBe(true)
  })

  test('GetDeployment of an unknown or malformed id; ListDeployments by group and status', async () => {
    expect((await failure(cd.send(new GetDeploymentCommand({ deploymentId: 'd-AAAAAAAAA' })))).name).toBe(
      'DeploymentDoesNotExistException'
    )
    expect((await failure(cd.send(new GetDeploymentCommand({ deploymentId: 'deploy-1' })))).name).toBe(
      'InvalidDeploymentIdException'
    )
    // The function does not exist: the deployment is accepted and fails when it starts.
    const id = await deploy(cd, 'dep-app', 'dep-group', appSpecJson('fn'))
    expect(id).toMatch(/^d-[A-Z0-9]{9}$/)
    const listed = await cd.send(
      new ListDeploymentsCommand({ applicationName: 'dep-app', deploymentGroupName: 'dep-group' })
    )
    expect(listed.deployments).toEqual([id])
    const created = await cd.send(
      new ListDeploymentsCommand({
        applicationName: 'dep-app',
        deploymentGroupName: 'dep-group',
        includeOnlyStatuses: ['Succeeded']
      })
    )
    expect(created.deployments).toEqual([])
    const noGroup = await failure(cd.send(new ListDeploymentsCommand({ applicationName: 'dep-app' })))
    expect(noGroup.name).toBe('DeploymentGroupNameRequiredException')
  })
})

describe('wire', () => {
  test('the request log names the service and operation; an unknown operation is a 400', async () => {
    await cd.send(new GetApplicationCommand({ applicationName: 'apps-1' }))
    const entry = h.emu.log.at(-1)
    expect(entry).toMatchObject({
      service: 'codedeploy',
      operation: 'GetApplication',
      status: 200,
      write: false
    })
    const res = await fetch(h.emu.url, {
      method: 'POST',
      headers: {
        'X-Amz-Target': 'CodeDeploy_20141006.DeleteApplication',
        'Content-Type': 'application/x-amz-json-1.1'
      },
      body: '{}'
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1')
    expect(await res.json()).toMatchObject({ __type: 'UnknownOperationException' })
  })

  test('an injected throttle is a ThrottlingException the SDK retries', async () => {
    h.emu.clearLog()
    h.emu.faults.add({ operation: 'GetApplication', throttleRate: 1, times: 1 })
    const { application } = await cd.send(new GetApplicationCommand({ applicationName: 'apps-1' }))
    expect(application?.applicationName).toBe('apps-1')
    expect(h.emu.log.map(e => [e.operation, e.status, e.errorType])).toEqual([
      ['GetApplication', 400, 'ThrottlingException'],
      ['GetApplication', 200, undefined]
    ])
  })
})

test('admin.reset() empties CodeDeploy and keeps the predefined configurations (runs last)', async () => {
  h.emu.admin.reset()
  expect((await failure(cd.send(new GetApplicationCommand({ applicationName: 'apps-1' })))).name).toBe(
    'ApplicationDoesNotExistException'
  )
  expect((await cd.send(new ListDeploymentsCommand({}))).deployments).toEqual([])
  expect(
    (await failure(cd.send(new GetDeploymentConfigCommand({ deploymentConfigName: 'Linear20Every3' })))).name
  ).toBe('DeploymentConfigDoesNotExistException')
  const { deploymentConfigInfo } = await cd.send(
    new GetDeploymentConfigCommand({ deploymentConfigName: 'CodeDeployDefault.LambdaAllAtOnce' })
  )
  expect(deploymentConfigInfo?.trafficRoutingConfig).toEqual({ type: 'AllAtOnce' })
})
