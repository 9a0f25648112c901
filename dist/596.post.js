export const id = 596;
export const ids = [596];
export const modules = {

/***/ 5596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LambdaGateway: () => (/* binding */ LambdaGateway)
});

// UNUSED EXPORTS: USER_AGENT

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
// EXTERNAL MODULE: ./src/aws/api.ts
var api = __webpack_require__(9685);
;// CONCATENATED MODULE: ./src/aws/limiter.ts
/**
 * Paces calls: up to `burst` go at once, then `perSecond` sustained (a token bucket in its GCRA form), and
 * never more than `perSecond` in any one-second window. Lambda's control plane allows 15 requests/s per
 * account and region for most calls together, so a rollout of many functions queues itself, while the few
 * calls of a small rollout are not held back at all. Slots are handed out in call order.
 */
/**
 * The cap is counted over a little more than a second when calls can burst: requests handed the same slot
 * leave a few milliseconds apart and arrive unevenly, and a strict second lets jitter squeeze one more
 * into Lambda's window.
 */
const JITTER_MS = 40;
class RateLimiter {
    clock;
    perSecond;
    /** The GCRA's theoretical arrival time of the next call. */
    tat = -Infinity;
    /** Times of the last `window` slots handed out, oldest first. */
    recent = [];
    interval;
    tolerance;
    window;
    windowMs;
    constructor(clock, perSecond, burst = 5) {
        this.clock = clock;
        this.perSecond = perSecond;
        this.interval = 1000 / perSecond;
        this.window = Math.floor(perSecond);
        // Only bursts send calls close together; at a few calls a second even spacing has room for jitter.
        this.windowMs = this.window >= 5 ? 1000 + JITTER_MS : 1000;
        this.tolerance = (Math.max(1, Math.min(burst, this.window || 1)) - 1) * this.interval;
    }
    /** Waits for this caller's slot. */
    async acquire(signal) {
        if (!(this.perSecond > 0) || !Number.isFinite(this.perSecond))
            return;
        const now = this.clock.now();
        let slot = Math.max(now, this.tat - this.tolerance);
        // The window cap: the call `window` slots back must be a full second before this one.
        if (this.window >= 1 && this.recent.length >= this.window)
            slot = Math.max(slot, this.recent[this.recent.length - this.window] + this.windowMs);
        // Sums of 1000/14 carry float noise: a slot within a microsecond of now is now.
        if (slot - now < 1e-3)
            slot = now;
        this.tat = Math.max(this.tat, slot) + this.interval;
        this.recent.push(slot);
        if (this.recent.length > this.window)
            this.recent.shift();
        if (slot > now)
            await this.clock.sleep(slot - now, signal);
    }
}

;// CONCATENATED MODULE: ./src/aws/provisioned.ts
// Provisioned concurrency as the rollout reads it: one configuration's state (GetProvisionedConcurrencyConfig)
// and the qualifiers that have one (ListProvisionedConcurrencyConfigs), in the action's own terms.


/**
 * The configuration on `qualifier`; null when there is none (404 ProvisionedConcurrencyConfigNotFound) or
 * the qualifier itself does not exist (a missing alias has no configuration either).
 */
async function readProvisioned(send, fn, qualifier, budget) {
    try {
        const out = await send(new dist_cjs/* GetProvisionedConcurrencyConfigCommand */.D96({ FunctionName: fn, Qualifier: qualifier }), budget);
        return {
            requested: out.RequestedProvisionedConcurrentExecutions ?? 0,
            allocated: out.AllocatedProvisionedConcurrentExecutions ?? 0,
            status: out.Status ?? 'IN_PROGRESS',
            ...(out.StatusReason ? { reason: out.StatusReason } : {})
        };
    }
    catch (error) {
        if ((0,api/* isNamed */.e)(error, 'ProvisionedConcurrencyConfigNotFoundException'))
            return null;
        if ((0,api/* isNamed */.e)(error, 'ResourceNotFoundException'))
            return null;
        throw error;
    }
}
/** Every qualifier (version number or alias name) of the function that has a configuration. */
async function listProvisioned(send, fn, budget) {
    const qualifiers = [];
    let marker;
    do {
        const out = await send(new dist_cjs/* ListProvisionedConcurrencyConfigsCommand */.oXS({
            FunctionName: fn,
            MaxItems: 50,
            ...(marker ? { Marker: marker } : {})
        }), budget);
        for (const c of out.ProvisionedConcurrencyConfigs ?? []) {
            const parts = (c.FunctionArn ?? '').split(':');
            if (parts.length === 8 && parts[7])
                qualifiers.push(parts[7]);
        }
        marker = out.NextMarker;
    } while (marker);
    return qualifiers;
}

// EXTERNAL MODULE: ./src/aws/sdk-options.ts + 1 modules
var sdk_options = __webpack_require__(2220);
// EXTERNAL MODULE: ./src/aws/endpoints.ts
var endpoints = __webpack_require__(9843);
// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/aws/lambda.ts








/**
 * A cancel that came while waiting for a slot means the request is never sent; one sent is aborted
 * only when the budget allows it.
 */
function sendOptions(budget) {
    if (budget.signal?.aborted)
        throw Object.assign(new Error(String(budget.signal.reason ?? 'cancelled')), { name: 'AbortError' });
    return budget.signal && !budget.keepInFlight ? { abortSignal: budget.signal } : {};
}
/**
 * The one place main talks to Lambda (post has its own small alias client). Every attempt passes the pacer, so retries count against the
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
        this.client = new dist_cjs/* LambdaClient */.Nox({
            region: options.region,
            ...(0,endpoints/* clientEndpointConfig */.Fg)(options.endpoint),
            ...(options.useFipsEndpoint !== undefined ? { useFipsEndpoint: options.useFipsEndpoint } : {}),
            ...(options.useDualstackEndpoint !== undefined
                ? { useDualstackEndpoint: options.useDualstackEndpoint }
                : {}),
            customUserAgent: options.userAgent,
            // Our retry layer is the only one: the SDK's own would multiply the attempts.
            maxAttempts: 1,
            requestHandler: sdk_options/* REQUEST_HANDLER */.di
        });
        const send = (command, opts) => this.client.send(command, opts);
        this.send = options.transport ? options.transport(send) : send;
        this.reads = new RateLimiter(options.clock, 80);
        this.writes = new RateLimiter(options.clock, options.maxRequestsPerSecond);
    }
    async call(limiter, budget, command) {
        try {
            return await this.attempts(limiter, budget, command);
        }
        catch (error) {
            throw (0,sdk_options/* described */.WY)(error, this.where(command));
        }
    }
    attempts(limiter, budget, command) {
        return (0,retry/* withRetry */.bD)(this.options.clock, (0,retry/* policyFor */.KV)(budget, this.options.random), async () => {
            await limiter.acquire(budget.signal);
            return (await this.send(command, sendOptions(budget)));
        });
    }
    /** Any other Lambda control-plane command (pruning's reads and deletes), paced and retried like the rest. */
    controlPlane(command, budget = this.budget) {
        return this.call(this.writes, budget, command);
    }
    async getFunction(fn, qualifier, budget = this.budget) {
        try {
            const out = await this.call(this.reads, budget, new dist_cjs/* GetFunctionCommand */.YF5({ FunctionName: fn, ...(qualifier ? { Qualifier: qualifier } : {}) }));
            return out.Configuration ?? null;
        }
        catch (error) {
            if ((0,api/* isNamed */.e)(error, 'ResourceNotFoundException'))
                return null;
            throw error;
        }
    }
    async getAlias(fn, alias, budget = this.budget) {
        try {
            return await this.call(this.writes, budget, new dist_cjs/* GetAliasCommand */.MES({ FunctionName: fn, Name: alias }));
        }
        catch (error) {
            if ((0,api/* isNamed */.e)(error, 'ResourceNotFoundException'))
                return null;
            throw error;
        }
    }
    /** Always guarded by $LATEST's CodeSha256 and RevisionId, retries included: see rollout/publish.ts. */
    publishVersion(fn, request, budget = this.budget) {
        return this.call(this.writes, budget, new dist_cjs/* PublishVersionCommand */.D3m({
            FunctionName: fn,
            CodeSha256: request.codeSha256,
            Description: request.description,
            RevisionId: request.revisionId
        }));
    }
    async createAlias(fn, alias, version, budget = this.budget) {
        const command = new dist_cjs/* CreateAliasCommand */.W_e({
            FunctionName: fn,
            Name: alias,
            FunctionVersion: version,
            Description: '',
            RoutingConfig: { AdditionalVersionWeights: {} }
        });
        try {
            return await this.createAttempts(command, fn, alias, version, budget);
        }
        catch (error) {
            throw (0,sdk_options/* described */.WY)(error, this.where(command));
        }
    }
    createAttempts(command, fn, alias, version, budget) {
        let lostAnswer = false;
        return (0,retry/* withRetry */.bD)(this.options.clock, (0,retry/* policyFor */.KV)(budget, this.options.random), async () => {
            try {
                await this.writes.acquire(budget.signal);
                return (await this.send(command, sendOptions(budget)));
            }
            catch (error) {
                if ((0,retry/* isTransient */.dg)(error) && !(0,retry/* isBusy */.A5)(error))
                    lostAnswer = true;
                // An earlier attempt's answer was lost: the alias is ours only if it is exactly what we asked for.
                if (lostAnswer && (0,api/* isNamed */.e)(error, 'ResourceConflictException')) {
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
        return this.call(this.writes, budget, new dist_cjs/* UpdateAliasCommand */.lqC({
            FunctionName: fn,
            Name: alias,
            FunctionVersion: write.functionVersion,
            RoutingConfig: { AdditionalVersionWeights: write.weights },
            Description: write.description,
            ...(write.revisionId ? { RevisionId: write.revisionId } : {})
        }));
    }
    getProvisionedConcurrency(fn, qualifier, budget = this.budget) {
        return readProvisioned((c, b) => this.call(this.writes, b, c), fn, qualifier, budget);
    }
    listProvisionedConcurrency(fn, budget = this.budget) {
        return listProvisioned((c, b) => this.call(this.writes, b, c), fn, budget);
    }
    async deleteAlias(fn, alias, budget = this.budget) {
        await this.call(this.writes, budget, new dist_cjs/* DeleteAliasCommand */.Hou({ FunctionName: fn, Name: alias }));
    }
    /** Retried only while Lambda throttles: any other failure is the smoke test's verdict. */
    async invoke(fn, version, payload, signal) {
        const command = new dist_cjs/* InvokeCommand */.mdN({
            FunctionName: fn,
            Qualifier: version,
            InvocationType: 'RequestResponse',
            LogType: 'Tail',
            Payload: new TextEncoder().encode(payload)
        });
        const out = (await (0,retry/* withRetry */.bD)(this.options.clock, (0,retry/* policyFor */.KV)({ ...this.budget, ...(signal ? { signal } : {}) }, this.options.random, retry/* isBusy */.A5), () => this.send(command, signal ? { abortSignal: signal } : {})).catch(error => {
            throw (0,sdk_options/* described */.WY)(error, this.where(command));
        }));
        return {
            statusCode: out.StatusCode ?? 0,
            ...(out.FunctionError ? { functionError: out.FunctionError } : {}),
            ...(out.ExecutedVersion ? { executedVersion: out.ExecutedVersion } : {}),
            payload: out.Payload ? new TextDecoder().decode(out.Payload) : ''
        };
    }
    where(command) {
        const { endpoint, endpointSource } = this.options;
        return { ...(0,sdk_options/* callOf */.C8)(command), service: 'Lambda', endpoint, endpointSource: endpointSource ?? null };
    }
    /** FIPS and dual-stack as the SDK resolved them for this client (environment, shared config). */
    async endpointFlags() {
        const config = this.client.config;
        return {
            useFipsEndpoint: await config.useFipsEndpoint(),
            useDualstackEndpoint: await config.useDualstackEndpoint()
        };
    }
    destroy() {
        this.client.destroy();
    }
}


/***/ })

};

//# sourceMappingURL=596.post.js.map