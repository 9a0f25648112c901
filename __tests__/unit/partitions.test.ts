// Regions and ARN partitions are checked by the SDK's own partition data: every partition the pinned SDK
// knows is accepted (the AWS European Sovereign Cloud included), and the generated table cannot drift.
import { partition } from '@aws-sdk/core/client'
import { InputError } from '../../src/errors.js'
import { parseFunctionRef } from '../../src/inputs/names.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { PARTITIONS } from '../../src/inputs/partitions.js'
import { partitionsOf } from '../../src/inputs/regions.js'
import { sdkPartitions } from '../../scripts/partitions.js'
import { DEFAULT_INPUTS } from '../../testkit/inputs.js'
import type { RawInputs } from '../../src/inputs/config.js'

const inputs = (o: Partial<RawInputs>): RawInputs => ({ ...DEFAULT_INPUTS, ...o })

test('src/inputs/partitions.ts is what the installed SDK holds (npm run partitions regenerates it)', async () => {
  expect(PARTITIONS).toEqual(await sdkPartitions())
})

const REGIONS: [string, string][] = [
  ['us-east-1', 'aws'],
  ['cn-north-1', 'aws-cn'],
  ['eusc-de-east-1', 'aws-eusc'],
  ['us-iso-east-1', 'aws-iso'],
  ['us-isob-east-1', 'aws-iso-b'],
  ['eu-isoe-west-1', 'aws-iso-e'],
  ['us-isof-south-1', 'aws-iso-f'],
  ['us-gov-west-1', 'aws-us-gov']
]

test.each(REGIONS)('%s is accepted from AWS_REGION and in an ARN of partition %s', (region, id) => {
  // The SDK puts the region in this partition too.
  expect(partition(region).name).toBe(id)
  expect(partitionsOf(region)).toContain(id)
  const config = parseInputs(inputs({ 'function-name': 'fn' }), { AWS_REGION: region })
  expect(config.region).toBe(region)
  const arn = `arn:${id}:lambda:${region}:123456789012:function:fn`
  expect(parseFunctionRef(arn)).toEqual({ id: arn, name: 'fn', region, account: '123456789012' })
  expect(parseInputs(inputs({ 'function-name': arn }), {}).region).toBe(region)
})

test('a partition the SDK does not know, or a region of another partition, is one clear line', () => {
  const line = (value: string): string => {
    try {
      parseFunctionRef(value)
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      return (error as Error).message
    }
    throw new Error('accepted')
  }
  expect(line('arn:aws-mars:lambda:us-east-1:123456789012:function:fn')).toBe(
    `function-name "arn:aws-mars:lambda:us-east-1:123456789012:function:fn": has partition aws-mars; expected one of ${PARTITIONS.map(p => p.id).join(', ')}`
  )
  expect(line('arn:aws-eusc:lambda:us-east-1:123456789012:function:fn')).toBe(
    'function-name "arn:aws-eusc:lambda:us-east-1:123456789012:function:fn": names region us-east-1, which is not a region of partition aws-eusc'
  )
  expect(() => parseInputs(inputs({ 'function-name': 'fn' }), { AWS_REGION: 'eusc-fr-east-1' })).toThrow(
    'AWS_REGION "eusc-fr-east-1": expected an AWS region such as us-east-1'
  )
})
