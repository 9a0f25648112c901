// Region and ARN-partition checks from the SDK's own partition data (generated into partitions.ts), so
// that every partition the pinned SDK can reach is accepted, and nothing is kept by hand here.
import { PARTITIONS } from './partitions.js'

const patterns = PARTITIONS.map(p => ({ id: p.id, regex: new RegExp(p.regionRegex) }))

/** The partitions a region name fits, in the SDK's order (us-iso-east-1 fits aws's pattern too). */
export function partitionsOf(region: string): string[] {
  return patterns.filter(p => p.regex.test(region)).map(p => p.id)
}

/** True when the SDK knows `region` as a region name of some partition. */
export const isKnownRegion = (region: string): boolean => partitionsOf(region).length > 0

export const isKnownPartition = (id: string): boolean => patterns.some(p => p.id === id)

/** What the error line offers: the partitions' region shapes, from the same data. */
export const REGION_EXAMPLES = 'such as us-east-1'
export const PARTITION_LIST = PARTITIONS.map(p => p.id).join(', ')
