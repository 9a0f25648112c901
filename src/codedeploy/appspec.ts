// The AppSpec of a CodeDeploy Lambda deployment, as AppSpecContent: which function and alias, from which
// version to which, and the hooks. Pure.
import { createHash } from 'node:crypto'
import type { Hooks } from '../inputs/engine.js'

export interface AppSpecInput {
  functionName: string
  alias: string
  currentVersion: string
  targetVersion: string
  hooks: Readonly<Hooks>
}

/** The AppSpec as JSON (AppSpec files may be YAML or JSON) and the SHA-256 CodeDeploy checks it against. */
export function buildAppSpec(input: AppSpecInput): { content: string; sha256: string } {
  const hooks = (['BeforeAllowTraffic', 'AfterAllowTraffic'] as const)
    .filter(name => input.hooks[name] !== undefined)
    .map(name => ({ [name]: input.hooks[name] as string }))
  const spec = {
    version: 0.0,
    Resources: [
      {
        [resourceKey(input.functionName)]: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Name: input.functionName,
            Alias: input.alias,
            CurrentVersion: input.currentVersion,
            TargetVersion: input.targetVersion
          }
        }
      }
    ],
    ...(hooks.length > 0 ? { Hooks: hooks } : {})
  }
  const content = JSON.stringify(spec)
  return { content, sha256: createHash('sha256').update(content).digest('hex') }
}

/** The resource's logical name: letters and digits of the function name (any name does; this one reads). */
function resourceKey(functionName: string): string {
  return functionName.replace(/[^A-Za-z0-9]/g, '') || 'function'
}
