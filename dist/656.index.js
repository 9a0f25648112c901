export const id = 656;
export const ids = [656];
export const modules = {

/***/ 3817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ cloudwatchClient)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4085);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9843);
/* harmony import */ var _sdk_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6650);
// The one CloudWatch client factory (alarms and metrics), apart from sdk-options so that the Lambda
// chunk never loads the CloudWatch client.



/** CloudWatch as the action uses it: our endpoint and nowhere else, our one retry layer, real timeouts. */
function cloudwatchClient(o) {
    return new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .CloudWatchClient */ .WBn({
        region: o.region,
        ...(0,_endpoints_js__WEBPACK_IMPORTED_MODULE_0__/* .clientEndpointConfig */ .Fg)(o.endpoint),
        customUserAgent: o.userAgent,
        maxAttempts: 1,
        requestHandler: _sdk_options_js__WEBPACK_IMPORTED_MODULE_1__/* .REQUEST_HANDLER */ .di
    });
}


/***/ }),

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
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4085);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _budgets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6139);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2495);
/* harmony import */ var _cloudwatch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3817);
/* harmony import */ var _sdk_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6650);






/**
 * Per-version Lambda metrics for one window, in ONE GetMetricData request: Invocations, Errors, Duration
 * p99, the Duration percentiles around it and its sample count for the new and the old version behind an alias. Lambda publishes these
 * per alias and executed version under the dimensions FunctionName, Resource (`fn:alias`), ExecutedVersion.
 */
const ROLES = ['new', 'old'];
/** What each query asks for; ids are `<role>_<key>`, which meets CloudWatch's rule (lowercase letter first). */
const SERIES = [
    { key: 'invocations', metric: 'Invocations', stat: 'Sum' },
    { key: 'errors', metric: 'Errors', stat: 'Sum' },
    { key: 'p99', metric: 'Duration', stat: 'p99' },
    { key: 'samples', metric: 'Duration', stat: 'SampleCount' }
];
/**
 * Percentiles that bound p99, in tenths: dense next to 99, where the bounds fall at high traffic, and
 * sparser below, where they fall at a few hundred samples; 1000 is the Maximum. 99 is the p99 series.
 */
const TAIL_TENTHS = [950, 960, 970, 975, 980, 985, 988, 989, 991, 992, 993, 995, 997, 998, 999, 1000];
const TAIL = TAIL_TENTHS.map(t => ({
    key: `t${t}`,
    metric: 'Duration',
    stat: t === 1000 ? 'Maximum' : `p${t / 10}`,
    pct: t / 10
}));
/** The tail as read back, ascending: every point of the grid, with p99 from its own series. */
const TAIL_POINTS = [...TAIL, { pct: 99, key: 'p99' }].sort((x, y) => x.pct - y.pct);
const MINUTE_MS = 60_000;
/** The account an ARN or partial ARN names, if any. */
function accountOf(nameOrArn) {
    return /^(?:arn:[^:]+:lambda:[^:]*:)?(\d{12}):function:/.exec(nameOrArn)?.[1];
}
/** The function's bare name: the FunctionName dimension never holds an ARN. */
function bareFunctionName(nameOrArn) {
    return /(?:^|:)function:([^:]+)/.exec(nameOrArn)?.[1] ?? nameOrArn;
}
/**
 * The GetMetricData request for a window. CloudWatch rounds StartTime down to the resolution (the whole
 * minute for Lambda's metrics) and a datapoint covers its whole period: the engine asks for windows of
 * whole periods, so that the one datapoint per series (the default Period is the window) holds exactly
 * the invocations that started inside the window, none from before or after it.
 */
function metricQueries(w) {
    if (!(Number.isFinite(w.startMs) && Number.isFinite(w.endMs) && w.endMs > w.startMs))
        throw new RangeError(`metric window ${w.startMs}..${w.endMs} is empty or not a time range`);
    const unit = w.resolutionMs ?? MINUTE_MS;
    if (w.periodSec !== undefined &&
        !(Number.isSafeInteger(w.periodSec) && w.periodSec > 0 && (w.periodSec * 1000) % unit === 0))
        throw new RangeError(`periodSec ${w.periodSec}: the metrics have a resolution of ${unit / 1000} s; use a multiple of it`);
    const start = Math.floor(w.startMs / unit) * unit;
    const period = w.periodSec ?? (Math.ceil((w.endMs - start) / unit) * unit) / 1000;
    const name = bareFunctionName(w.functionName);
    const account = accountOf(w.functionName);
    const queries = [];
    ROLES.forEach((role, i) => {
        const dimensions = [
            { Name: 'FunctionName', Value: name },
            { Name: 'Resource', Value: `${name}:${w.alias}` },
            { Name: 'ExecutedVersion', Value: w.versions[i] }
        ];
        for (const s of [...SERIES, ...TAIL])
            queries.push({
                // A function named by ARN may live in another account: its metrics are asked of that account
                // (CloudWatch refuses when this one may not read them, and the analysis then fails safe).
                ...(account ? { AccountId: account } : {}),
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
 * (strict for the new version, lenient for the old); tail points keep both the minimum and the maximum.
 * With the default Period there is one datapoint, so the figures are exact.
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
        const tail = [];
        for (const { pct, key } of TAIL_POINTS) {
            const v = values(role, key);
            if (v.length > 0)
                tail.push({ pct, lowMs: Math.min(...v), highMs: Math.max(...v) });
        }
        return {
            version,
            invocations: sum(values(role, 'invocations')),
            errors: sum(values(role, 'errors')),
            p99Ms: p99.length > 0 ? Math.max(...p99) : undefined,
            durationSamples: sum(values(role, 'samples')),
            tail
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
        const command = new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_4__/* .GetMetricDataCommand */ .Soe({ ...input, ...(token ? { NextToken: token } : {}) });
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
    options;
    clock;
    client;
    constructor(options, clock) {
        this.options = options;
        this.clock = clock;
        this.client = (0,_cloudwatch_js__WEBPACK_IMPORTED_MODULE_2__/* .cloudwatchClient */ .y)(options);
    }
    figures(w, signal) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .withRetry */ .bD)(this.clock, (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .policyFor */ .KV)({
            deadline: this.clock.now() + _budgets_js__WEBPACK_IMPORTED_MODULE_1__/* .METRICS_BUDGET_MS */ .xt,
            maxAttempts: _budgets_js__WEBPACK_IMPORTED_MODULE_1__/* .ATTEMPTS */ .PY.cloudwatch,
            ...(signal ? { signal } : {})
        }), () => fetchVersionFigures(this.client, w, signal)).catch(error => {
            throw (0,_sdk_options_js__WEBPACK_IMPORTED_MODULE_3__/* .described */ .WY)(error, {
                operation: 'GetMetricData',
                resource: `${w.functionName}:${w.alias}`,
                service: 'CloudWatch',
                endpoint: this.options.endpoint,
                endpointSource: this.options.endpointSource ?? null
            });
        });
    }
    destroy() {
        this.client.destroy();
    }
}


/***/ }),

/***/ 6650:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C8: () => (/* binding */ callOf),
/* harmony export */   WY: () => (/* binding */ described),
/* harmony export */   di: () => (/* binding */ REQUEST_HANDLER)
/* harmony export */ });
/* harmony import */ var _describe_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6831);
// What every AWS SDK client of the action shares: timeouts that end a call, and one line per failure.

/**
 * Connection and request timeouts that really end a call: without throwOnRequestTimeout the SDK only
 * warns about a request that takes too long, and a hung endpoint would hold the rollout.
 */
const REQUEST_HANDLER = { connectionTimeout: 5000, requestTimeout: 20000, throwOnRequestTimeout: true };
/** The operation and resource of an SDK command, as an error line names them. */
function callOf(command, resource) {
    const input = command.input ?? {};
    return {
        operation: command.constructor.name.replace(/Command$/, ''),
        resource: resource ?? [input.FunctionName ?? '', input.Name ?? input.Qualifier ?? ''].filter(Boolean).join(':')
    };
}
/**
 * The SDK's error, kept as it is (its name and status still decide retries and ownership), with one
 * line for a person: which operation on which resource failed, where, and what to check.
 */
function described(error, call) {
    if (error === null || typeof error !== 'object' || 'described' in error)
        return error;
    Object.defineProperty(error, 'described', { value: (0,_describe_error_js__WEBPACK_IMPORTED_MODULE_0__/* .describeAwsError */ .P)(error, call), enumerable: false });
    return error;
}


/***/ })

};

//# sourceMappingURL=656.index.js.map