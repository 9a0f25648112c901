// Set-up shared by the CodeDeploy conformance tests: the real @aws-sdk/client-codedeploy pointed at the
// emulator, a function with two published versions behind an alias, and AppSpec revisions.
import { createHash } from 'node:crypto'
import {
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentCommand,
  CreateDeploymentGroupCommand,
  GetDeploymentCommand,
  type CreateDeploymentGroupCommandInput,
  type DeploymentInfo,
  type RevisionLocation
} from '@aws-sdk/client-codedeploy'
import {
  CreateAliasCommand,
  GetAliasCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
  type GetAliasCommandOutput,
  type LambdaClient
} from '@aws-sdk/client-lambda'
import type { Emulator } from '../../emulator/index.js'
import { createFunction, waitFor, zip } from './helpers.js'

export const SERVICE_ROLE = 'arn:aws:iam::123456789012:role/codedeploy-role'

export function codeDeployClient(emu: Emulator): CodeDeployClient {
  return new CodeDeployClient({
    region: 'us-east-1',
    endpoint: emu.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' }
  })
}

// `name` with versions 1 and 2 and alias `live` on version 1.
export async function twoVersions(
  lambda: LambdaClient,
  name: string,
  env?: Record<string, string>
): Promise<void> {
  await createFunction(lambda, name, env === undefined ? {} : { Environment: { Variables: env } })
  await lambda.send(new PublishVersionCommand({ FunctionName: name }))
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: zip(`${name} v2`) }))
  await lambda.send(new PublishVersionCommand({ FunctionName: name }))
  await lambda.send(new CreateAliasCommand({ FunctionName: name, Name: 'live', FunctionVersion: '1' }))
}

export interface SpecOptions {
  current?: string
  target?: string
  before?: string
  after?: string
}

export function appSpecJson(fn: string, o: SpecOptions = {}): string {
  const hooks = [
    ...(o.before !== undefined ? [{ BeforeAllowTraffic: o.before }] : []),
    ...(o.after !== undefined ? [{ AfterAllowTraffic: o.after }] : [])
  ]
  return JSON.stringify({
    version: 0.0,
    Resources: [
      {
        [fn]: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Name: fn,
            Alias: 'live',
            CurrentVersion: o.current ?? '1',
            TargetVersion: o.target ?? '2'
          }
        }
      }
    ],
    ...(hooks.length > 0 && { Hooks: hooks })
  })
}

export function revision(content: string): RevisionLocation {
  return {
    revisionType: 'AppSpecContent',
    appSpecContent: { content, sha256: createHash('sha256').update(content).digest('hex') }
  }
}

// An application `app` (Lambda) with deployment group `group`.
export async function appAndGroup(
  cd: CodeDeployClient,
  app: string,
  group: string,
  extra: Partial<CreateDeploymentGroupCommandInput> = {}
): Promise<void> {
  await cd.send(new CreateApplicationCommand({ applicationName: app, computePlatform: 'Lambda' }))
  await cd.send(
    new CreateDeploymentGroupCommand({
      applicationName: app,
      deploymentGroupName: group,
      serviceRoleArn: SERVICE_ROLE,
      ...extra
    })
  )
}

export async function deploy(
  cd: CodeDeployClient,
  app: string,
  group: string,
  content: string,
  configName?: string
): Promise<string> {
  const out = await cd.send(
    new CreateDeploymentCommand({
      applicationName: app,
      deploymentGroupName: group,
      revision: revision(content),
      ...(configName !== undefined && { deploymentConfigName: configName })
    })
  )
  return out.deploymentId as string
}

export async function deployment(cd: CodeDeployClient, id: string): Promise<DeploymentInfo> {
  return (await cd.send(new GetDeploymentCommand({ deploymentId: id }))).deploymentInfo as DeploymentInfo
}

export async function untilStatus(cd: CodeDeployClient, id: string, status: string): Promise<DeploymentInfo> {
  let info: DeploymentInfo | undefined
  await waitFor(`deployment ${id} to be ${status}`, async () => {
    info = await deployment(cd, id)
    return info.status === status
  })
  return info as DeploymentInfo
}

export async function alias(lambda: LambdaClient, fn: string): Promise<GetAliasCommandOutput> {
  return lambda.send(new GetAliasCommand({ FunctionName: fn, Name: 'live' }))
}

export async function untilWeights(
  lambda: LambdaClient,
  fn: string,
  version: string,
  weights: Record<string, number> | undefined
): Promise<GetAliasCommandOutput> {
  let last: GetAliasCommandOutput | undefined
  await waitFor(`alias ${fn}:live on ${version} with ${JSON.stringify(weights ?? {})}`, async () => {
    last = await alias(lambda, fn)
    const actual = last.RoutingConfig?.AdditionalVersionWeights
    return last.FunctionVersion === version && JSON.stringify(actual ?? {}) === JSON.stringify(weights ?? {})
  })
  return last as GetAliasCommandOutput
}
