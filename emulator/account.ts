// GetAccountSettings and the account's code storage: every version's deployment package counts, $LATEST's
// too, and a create, code update or publish that would go past the limit is refused.
import { ApiError, type ApiResponse } from './errors.js'
import type { LambdaRequest } from './request.js'
import type { LambdaContext } from './state.js'

export const DEFAULT_CODE_STORAGE_LIMIT = 75 * 1024 ** 3 // Lambda's default quota: 75 GB
const CONCURRENT_EXECUTIONS = 1000 // the default account quota
const CODE_SIZE_UNZIPPED = 262144000
const CODE_SIZE_ZIPPED = 52428800

export function totalCodeSize(ctx: LambdaContext): number {
  let total = 0
  for (const fn of ctx.functions.values()) {
    total += fn.latest.CodeSize
    for (const v of fn.versions.values()) total += v.config.CodeSize
  }
  return total
}

// `adding` bytes more would be stored (a new package or version; a replaced package's delta).
export function checkCodeStorage(ctx: LambdaContext, adding: number): void {
  if (adding > 0 && totalCodeSize(ctx) + adding > ctx.settings.codeStorageLimitBytes) {
    // [I] The message: AWS's wording is not documented.
    throw new ApiError(
      400,
      'CodeStorageExceededException',
      `Code storage limit exceeded: ${ctx.settings.codeStorageLimitBytes} bytes.`
    )
  }
}

// Reserved concurrency is not modelled: every execution is unreserved.
export function getAccountSettings(ctx: LambdaContext, _req: LambdaRequest): ApiResponse {
  return {
    status: 200,
    json: {
      AccountLimit: {
        TotalCodeSize: ctx.settings.codeStorageLimitBytes,
        CodeSizeUnzipped: CODE_SIZE_UNZIPPED,
        CodeSizeZipped: CODE_SIZE_ZIPPED,
        ConcurrentExecutions: CONCURRENT_EXECUTIONS,
        UnreservedConcurrentExecutions: CONCURRENT_EXECUTIONS
      },
      AccountUsage: { TotalCodeSize: totalCodeSize(ctx), FunctionCount: ctx.functions.size }
    }
  }
}
