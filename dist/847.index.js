export const id = 847;
export const ids = [847];
export const modules = {

/***/ 4847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AlarmWatcher: () => (/* binding */ AlarmWatcher)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4085);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2495);



/** Reads the named CloudWatch alarms (metric and composite). */
class AlarmWatcher {
    names;
    clock;
    client;
    constructor(names, options, clock) {
        this.names = names;
        this.clock = clock;
        this.client =
            names.length === 0
                ? null
                : new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .CloudWatchClient */ .WBn({
                    region: options.region,
                    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
                    customUserAgent: options.userAgent,
                    // Our retry layer is the only one: the SDK's own would multiply the attempts.
                    maxAttempts: 1,
                    requestHandler: { connectionTimeout: 5000, requestTimeout: 20000 }
                });
    }
    /** A name CloudWatch does not know is an input error: a typo must not pass as healthy. */
    async read(deadline, signal) {
        if (!this.client)
            return [];
        const client = this.client;
        const policy = {
            deadline,
            maxAttempts: 5,
            retryable: error => (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error) && !signal?.aborted,
            ...(signal ? { signal } : {})
        };
        const found = new Map();
        // DescribeAlarms takes at most 100 names a call.
        for (let i = 0; i < this.names.length; i += 100) {
            const batch = this.names.slice(i, i + 100);
            let token;
            do {
                const out = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(this.clock, policy, () => client.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .DescribeAlarmsCommand */ .zWD({
                    AlarmNames: batch,
                    AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                    ...(token ? { NextToken: token } : {})
                }), signal ? { abortSignal: signal } : {}));
                for (const alarm of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])]) {
                    if (alarm.AlarmName) {
                        found.set(alarm.AlarmName, {
                            name: alarm.AlarmName,
                            state: alarm.StateValue ?? 'UNKNOWN',
                            reason: alarm.StateReason ?? ''
                        });
                    }
                }
                token = out.NextToken;
            } while (token);
        }
        const missing = this.names.filter(name => !found.has(name));
        if (missing.length > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', missing.join(', '), 'no CloudWatch alarm by that name in this region; check the spelling and region');
        }
        return this.names.map(name => found.get(name));
    }
    destroy() {
        this.client?.destroy();
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
