export const id = 974;
export const ids = [974];
export const modules = {

/***/ 5974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LambdaGateway: () => (/* binding */ LambdaGateway),
/* harmony export */   USER_AGENT: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1696);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9685);
/* harmony import */ var _limiter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9477);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2495);




const USER_AGENT = 'lambda-promote/1';
/**
 * The one place that talks to Lambda. Every attempt passes the pacer, so retries count against the
 * control-plane budget too; that is why the SDK's own retries are off and ours run here.
 */
class LambdaGateway {
    options;
    budget;
    client;
    /** GetFunction has its own 100 req/s quota; everything else shares 15 req/s. */
    reads;
    writes;
    send;
    constructor(options, budget) {
        this.options = options;
        this.budget = budget;
        this.client = new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .LambdaClient */ .Nox({
            region: options.region,
            ...(options.endpoint ? { endpoint: options.endpoint } : {}),
            customUserAgent: options.userAgent,
            maxAttempts: 1,
            requestHandler: { connectionTimeout: 5000, requestTimeout: 20000 }
        });
        const send = (command, opts) => this.client.send(command, opts);
        this.send = options.transport ? options.transport(send) : send;
        this.reads = new _limiter_js__WEBPACK_IMPORTED_MODULE_1__/* .RateLimiter */ .v(options.clock, 80);
        this.writes = new _limiter_js__WEBPACK_IMPORTED_MODULE_1__/* .RateLimiter */ .v(options.clock, options.maxRequestsPerSecond);
    }
    call(limiter, budget, command) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(this.options.clock, {
            ...budget,
            retryable: error => (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error) && !budget.signal?.aborted,
            ...(this.options.random ? { random: this.options.random } : {})
        }, async () => {
            await limiter.acquire(budget.signal);
            return (await this.send(command, budget.signal ? { abortSignal: budget.signal } : {}));
        });
    }
    async getFunction(fn, qualifier, budget = this.budget) {
        try {
            const out = await this.call(this.reads, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .GetFunctionCommand */ .YF5({ FunctionName: fn, ...(qualifier ? { Qualifier: qualifier } : {}) }));
            return out.Configuration ?? null;
        }
        catch (error) {
            if ((0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .isNamed */ .e)(error, 'ResourceNotFoundException'))
                return null;
            throw error;
        }
    }
    async getAlias(fn, alias, budget = this.budget) {
        try {
            return await this.call(this.writes, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .GetAliasCommand */ .MES({ FunctionName: fn, Name: alias }));
        }
        catch (error) {
            if ((0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .isNamed */ .e)(error, 'ResourceNotFoundException'))
                return null;
            throw error;
        }
    }
    /** Always guarded by $LATEST's CodeSha256 and RevisionId, retries included: see rollout/publish.ts. */
    publishVersion(fn, request, budget = this.budget) {
        return this.call(this.writes, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .PublishVersionCommand */ .D3m({
            FunctionName: fn,
            CodeSha256: request.codeSha256,
            Description: request.description,
            RevisionId: request.revisionId
        }));
    }
    async createAlias(fn, alias, version, budget = this.budget) {
        let lostAnswer = false;
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(this.options.clock, { ...budget, retryable: error => (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error) && !budget.signal?.aborted }, async () => {
            try {
                await this.writes.acquire(budget.signal);
                return (await this.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .CreateAliasCommand */ .W_e({
                    FunctionName: fn,
                    Name: alias,
                    FunctionVersion: version,
                    Description: '',
                    RoutingConfig: { AdditionalVersionWeights: {} }
                }), budget.signal ? { abortSignal: budget.signal } : {}));
            }
            catch (error) {
                if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error) && !(0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isBusy */ .A5)(error))
                    lostAnswer = true;
                // An earlier attempt's answer was lost: the alias is ours only if it is exactly what we asked for.
                if (lostAnswer && (0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .isNamed */ .e)(error, 'ResourceConflictException')) {
                    const found = await this.getAlias(fn, alias, budget);
                    const weights = Object.keys(found?.RoutingConfig?.AdditionalVersionWeights ?? {});
                    if (found?.FunctionVersion === version && weights.length === 0 && !found.Description)
                        return found;
                }
                throw error;
            }
        });
    }
    /** UpdateAlias with RoutingConfig and Description always sent explicitly. */
    updateAlias(fn, alias, write, budget = this.budget) {
        return this.call(this.writes, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .UpdateAliasCommand */ .lqC({
            FunctionName: fn,
            Name: alias,
            FunctionVersion: write.functionVersion,
            RoutingConfig: { AdditionalVersionWeights: write.weights },
            Description: write.description,
            ...(write.revisionId ? { RevisionId: write.revisionId } : {})
        }));
    }
    async deleteAlias(fn, alias, budget = this.budget) {
        await this.call(this.writes, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .DeleteAliasCommand */ .Hou({ FunctionName: fn, Name: alias }));
    }
    /** Retried only while Lambda throttles: any other failure is the smoke test's verdict. */
    async invoke(fn, version, payload, signal) {
        const command = new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .InvokeCommand */ .mdN({
            FunctionName: fn,
            Qualifier: version,
            InvocationType: 'RequestResponse',
            LogType: 'Tail',
            Payload: new TextEncoder().encode(payload)
        });
        const out = (await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(this.options.clock, {
            ...this.budget,
            retryable: error => (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isBusy */ .A5)(error) && !signal?.aborted,
            ...(signal ? { signal } : {})
        }, () => this.send(command, signal ? { abortSignal: signal } : {})));
        return {
            statusCode: out.StatusCode ?? 0,
            ...(out.FunctionError ? { functionError: out.FunctionError } : {}),
            ...(out.ExecutedVersion ? { executedVersion: out.ExecutedVersion } : {}),
            payload: out.Payload ? new TextDecoder().decode(out.Payload) : ''
        };
    }
    destroy() {
        this.client.destroy();
    }
}


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A5: () => (/* binding */ isBusy),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dg: () => (/* binding */ isTransient)
/* harmony export */ });
const status = (error) => error?.$metadata?.httpStatusCode;
const errorName = (error) => error?.name ?? '';
/** 409 "update in progress" and 429 throttling: Lambda says "not now", so waiting is the fix. */
function isBusy(error) {
    const name = errorName(error);
    if (name === 'TooManyRequestsException' || name === 'ThrottlingException' || status(error) === 429)
        return true;
    if (name === 'ResourceConflictException') {
        return /update is in progress|cannot be performed at this time/i.test(String(error.message));
    }
    return false;
}
/** Busy, or a fault on the way (5xx, connection reset, timeout): the SDK already retried these a few times. */
function isTransient(error) {
    if (isBusy(error))
        return true;
    const code = status(error);
    if (code !== undefined && code >= 500)
        return true;
    const name = errorName(error);
    const sysCode = error?.code ?? '';
    return (code === undefined &&
        /TimeoutError|ECONNRESET|EPIPE|ECONNREFUSED|socket hang up|RequestTimeout|NetworkingError/i.test(`${name} ${sysCode} ${error?.message ?? ''}`));
}
/** Runs `operation` until it succeeds, fails for good, or the policy's budget is spent. */
async function withRetry(clock, policy, operation) {
    const base = policy.baseDelayMs ?? 200;
    const cap = policy.maxDelayMs ?? 5000;
    for (let attempt = 1;; attempt++) {
        try {
            return await operation();
        }
        catch (error) {
            if (attempt >= policy.maxAttempts || !policy.retryable(error))
                throw error;
            const retryAfter = retryAfterMs(error);
            const backoff = Math.min(cap, base * 2 ** (attempt - 1));
            // Full jitter keeps many functions in lockstep from retrying in one burst.
            const delay = Math.max(retryAfter ?? 0, backoff / 2 + (policy.random ?? Math.random)() * (backoff / 2));
            if (clock.now() + delay > policy.deadline)
                throw error;
            if (policy.signal?.aborted)
                throw error;
            await clock.sleep(delay, policy.signal);
        }
    }
}
function retryAfterMs(error) {
    const headers = error?.$response?.headers;
    const value = headers?.['retry-after'];
    const seconds = value === undefined ? NaN : Number(value);
    return Number.isFinite(seconds) ? Math.min(seconds * 1000, 10_000) : undefined;
}


/***/ })

};
