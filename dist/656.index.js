export const id = 656;
export const ids = [656];
export const modules = {

/***/ 9656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CloudWatchMetrics: () => (/* binding */ CloudWatchMetrics),
/* harmony export */   MAX_PAGES: () => (/* binding */ MAX_PAGES),
/* harmony export */   bareFunctionName: () => (/* binding */ bareFunctionName),
/* harmony export */   fetchVersionFigures: () => (/* binding */ fetchVersionFigures),
/* harmony export */   metricQueries: () => (/* binding */ metricQueries),
/* harmony export */   readFigures: () => (/* binding */ readFigures)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4085);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2495);



const ROLES = ['new', 'old'];
/** What each query asks for; ids are `<role>_<key>`, which meets CloudWatch's rule (lowercase letter first). */
const SERIES = [
    { key: 'invocations', metric: 'Invocations', stat: 'Sum' },
    { key: 'errors', metric: 'Errors', stat: 'Sum' },
    { key: 'p99', metric: 'Duration', stat: 'p99' },
    { key: 'samples', metric: 'Duration', stat: 'SampleCount' }
];
const MINUTE_MS = 60_000;
/** The function's bare name: the FunctionName dimension never holds an ARN. */
function bareFunctionName(nameOrArn) {
    return /(?:^|:)function:([^:]+)/.exec(nameOrArn)?.[1] ?? nameOrArn;
}
/**
 * The GetMetricData request for a window. CloudWatch rounds a recent StartTime down to the whole minute
 * anyway; rounding it here lets the default Period (the window rounded up to whole minutes) cover the
 * window with exactly one datapoint per series.
 */
function metricQueries(w) {
    if (!(Number.isFinite(w.startMs) && Number.isFinite(w.endMs) && w.endMs > w.startMs))
        throw new RangeError(`metric window ${w.startMs}..${w.endMs} is empty or not a time range`);
    if (w.periodSec !== undefined &&
        !(Number.isSafeInteger(w.periodSec) && w.periodSec > 0 && w.periodSec % 60 === 0))
        throw new RangeError(`periodSec ${w.periodSec}: Lambda metrics have one-minute resolution; use a multiple of 60`);
    const start = Math.floor(w.startMs / MINUTE_MS) * MINUTE_MS;
    const period = w.periodSec ?? Math.ceil((w.endMs - start) / MINUTE_MS) * 60;
    const name = bareFunctionName(w.functionName);
    const queries = [];
    ROLES.forEach((role, i) => {
        const dimensions = [
            { Name: 'FunctionName', Value: name },
            { Name: 'Resource', Value: `${name}:${w.alias}` },
            { Name: 'ExecutedVersion', Value: w.versions[i] }
        ];
        for (const s of SERIES)
            queries.push({
                Id: `${role}_${s.key}`,
                MetricStat: {
                    Metric: { Namespace: 'AWS/Lambda', MetricName: s.metric, Dimensions: dimensions },
                    Period: period,
                    Stat: s.stat
                },
                ReturnData: true
            });
    });
    return { MetricDataQueries: queries, StartTime: new Date(start), EndTime: new Date(w.endMs) };
}
/**
 * Per-version figures from a (complete, all pages merged) GetMetricData output. Counts are summed over
 * datapoints. p99 over several datapoints is their maximum: if no part of the window has more than 1%
 * of its samples above M, neither has the whole, so the maximum bounds the window's p99 from above
 * (strict for the new version, lenient for the old). With the default Period there is one datapoint,
 * so the figure is exact.
 */
function readFigures(output, versions) {
    const byId = new Map();
    for (const r of output.MetricDataResults ?? []) {
        if (r.StatusCode === 'Forbidden' || r.StatusCode === 'InternalError') {
            const why = (r.Messages ?? []).map(m => m.Value ?? m.Code).join('; ');
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(r.StatusCode === 'Forbidden'
                ? `CloudWatch refused the metrics for canary analysis (${r.Id}): allow cloudwatch:GetMetricData${why ? `; ${why}` : ''}`
                : `CloudWatch could not compute the metrics for canary analysis (${r.Id})${why ? `: ${why}` : ''}`);
        }
        if (r.Id)
            byId.set(r.Id, r);
    }
    const values = (role, key) => {
        const r = byId.get(`${role}_${key}`);
        // A missing series would read as "no errors": refuse rather than pass on nothing.
        if (!r)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`CloudWatch returned no ${key} series for version ${versions[ROLES.indexOf(role)]}`);
        return (r.Values ?? []).filter(v => Number.isFinite(v));
    };
    const sum = (xs) => Math.round(xs.reduce((a, b) => a + b, 0));
    const figures = (role, version) => {
        const p99 = values(role, 'p99');
        return {
            version,
            invocations: sum(values(role, 'invocations')),
            errors: sum(values(role, 'errors')),
            p99Ms: p99.length > 0 ? Math.max(...p99) : undefined,
            durationSamples: sum(values(role, 'samples'))
        };
    };
    return { new: figures('new', versions[0]), old: figures('old', versions[1]) };
}
/** A bound on pages, so a service that keeps returning NextToken cannot hold the rollout forever. */
const MAX_PAGES = 50;
/** Sends the window's request, follows NextToken and reads the figures. Retrying is the caller's job. */
async function fetchVersionFigures(client, w, signal) {
    const input = metricQueries(w);
    const merged = new Map();
    let token;
    let pages = 0;
    do {
        if (pages++ === MAX_PAGES)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`CloudWatch GetMetricData still paging after ${MAX_PAGES} pages`);
        const command = new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .GetMetricDataCommand */ .Soe({ ...input, ...(token ? { NextToken: token } : {}) });
        const out = await client.send(command, signal ? { abortSignal: signal } : undefined);
        for (const r of out.MetricDataResults ?? [])
            merge(merged, r);
        token = out.NextToken;
    } while (token);
    return readFigures({ MetricDataResults: [...merged.values()] }, w.versions);
}
/** Pages carry further datapoints of the same series: concatenate; a failure status on any page wins. */
function merge(into, r) {
    const id = r.Id ?? '';
    const seen = into.get(id);
    if (!seen) {
        into.set(id, { ...r, Values: [...(r.Values ?? [])], Timestamps: [...(r.Timestamps ?? [])] });
        return;
    }
    seen.Values = [...(seen.Values ?? []), ...(r.Values ?? [])];
    seen.Timestamps = [...(seen.Timestamps ?? []), ...(r.Timestamps ?? [])];
    seen.Messages = [...(seen.Messages ?? []), ...(r.Messages ?? [])];
    const failed = (s) => s === 'Forbidden' || s === 'InternalError';
    if (!failed(seen.StatusCode))
        seen.StatusCode = r.StatusCode;
}
/** The metrics source the rollout uses: one CloudWatch client, our one retry layer around each window. */
class CloudWatchMetrics {
    clock;
    client;
    constructor(options, clock) {
        this.clock = clock;
        this.client = new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .CloudWatchClient */ .WBn({
            region: options.region,
            ...(options.endpoint ? { endpoint: options.endpoint } : {}),
            customUserAgent: options.userAgent,
            maxAttempts: 1,
            requestHandler: { connectionTimeout: 5000, requestTimeout: 20000 }
        });
    }
    figures(w, signal) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetry */ .bD)(this.clock, {
            deadline: this.clock.now() + 60_000,
            maxAttempts: 5,
            retryable: error => (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error) && !signal?.aborted,
            ...(signal ? { signal } : {})
        }, () => fetchVersionFigures(this.client, w, signal));
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
