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
/* harmony import */ var _sdk_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2220);
// The one CloudWatch client factory (alarms and metrics), apart from sdk-options so that the Lambda
// chunk never loads the CloudWatch client.



/** CloudWatch as the action uses it: our endpoint and nowhere else, our one retry layer, real timeouts. */
function cloudwatchClient(o) {
    return new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .CloudWatchClient */ .WBn({
        region: o.region,
        ...(0,_endpoints_js__WEBPACK_IMPORTED_MODULE_0__/* .clientEndpointConfig */ .F)(o.endpoint),
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
/* harmony import */ var _sdk_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2220);






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

/***/ 2220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  di: () => (/* binding */ REQUEST_HANDLER),
  C8: () => (/* binding */ callOf),
  WY: () => (/* binding */ described)
});

// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
;// CONCATENATED MODULE: ./src/aws/describe-error.ts

const DOING = {
    GetFunction: ['reading function', 'from'],
    GetFunctionConfiguration: ['reading the configuration of', 'from'],
    GetAlias: ['reading alias', 'from'],
    ListAliases: ['listing the aliases of', 'from'],
    ListVersionsByFunction: ['listing the versions of', 'from'],
    PublishVersion: ['publishing a version of', 'in'],
    CreateAlias: ['creating alias', 'in'],
    UpdateAlias: ['updating alias', 'in'],
    DeleteAlias: ['deleting alias', 'in'],
    Invoke: ['invoking', 'in'],
    DescribeAlarms: ['reading alarm', 'from']
};
/** IAM action names that differ from the operation's. */
const IAM_ACTION = { Invoke: 'InvokeFunction' };
const CERTIFICATE = {
    DEPTH_ZERO_SELF_SIGNED_CERT: 'it is self-signed',
    SELF_SIGNED_CERT_IN_CHAIN: 'its chain ends in a self-signed certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer is unknown',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is unknown',
    CERT_HAS_EXPIRED: 'it has expired',
    CERT_NOT_YET_VALID: 'it is not valid yet',
    ERR_TLS_CERT_ALTNAME_INVALID: 'it is for another host name'
};
const BAD_CREDENTIALS = /^(UnrecognizedClient|InvalidClientTokenId|InvalidSignature|SignatureDoesNotMatch|IncompleteSignature|MissingAuthenticationToken|ExpiredToken|InvalidAccessKeyId|AuthFailure)/;
const THROTTLED = /^(TooManyRequests|Throttling|ThrottledException|RequestLimitExceeded|SlowDown)/;
const INVALID = /^(InvalidParameter|Validation|InvalidRequest|InvalidInput|MissingParameter|InvalidFormat)/;
/**
 * One line for the log about a failed AWS call: what we were doing, to which resource, at which endpoint
 * (when not AWS's own), what happened and what to check. The server's words are bounded and made safe
 * for the log; OpenSSL's and the SDK's internal text is replaced by a sentence.
 */
function describeAwsError(error, call) {
    const [doing, preposition] = DOING[call.operation] ?? [`calling ${call.operation} on`, 'in'];
    const resource = call.resource === '' ? '' : ` ${(0,untrusted/* logSafe */.sN)(call.resource, 120)}`;
    const plural = call.operation === 'DescribeAlarms' && call.resource.includes(',') ? 's' : '';
    const at = call.endpoint === null ? '' : ` at ${call.endpoint}`;
    const { what, check } = explain(error, call);
    const line = `${doing}${plural}${resource} ${preposition} ${call.service}${at}: ${what}${check ? ` (${check})` : ''}`;
    return (0,untrusted/* logSafe */.sN)(line, 1000);
}
function explain(error, call) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    const name = typeof e.name === 'string' ? e.name : '';
    const code = typeof e.code === 'string' ? e.code : '';
    const raw = typeof e.message === 'string' ? e.message : String(error);
    // The SDK appends a note about its hidden $response field to deserialization errors: not for readers.
    const message = (0,untrusted/* logSafe */.sN)(raw.replace(/\n\s*Deserialization error:[\s\S]*$/, ''), 200);
    const status = e.$metadata?.httpStatusCode;
    const setting = call.endpointSource ?? (call.endpoint === null ? null : 'the endpoint');
    const isItRight = setting ? `is ${setting} right?` : undefined;
    if (name === 'CredentialsProviderError') {
        return /Could not load credentials from any providers/i.test(raw)
            ? {
                what: 'no AWS credentials found',
                check: 'use aws-actions/configure-aws-credentials before this step, or for the emulator set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to any dummy pair'
            }
            : { what: `could not load AWS credentials: ${message}`, check: 'check the step that provides them' };
    }
    if (name === 'AbortError')
        return { what: 'cancelled before an answer came' };
    if (status === undefined)
        return network(e, name, code, message, call, isItRight);
    const headers = e.$response?.headers ?? {};
    const type = headers['content-type'] ?? headers['Content-Type'] ?? '';
    if (name === 'SyntaxError' || /Deserialization error/i.test(raw)) {
        // The SDK could not parse the body: whatever answered is not the AWS API. JSON.parse's message
        // quotes the body's start, which tells HTML from XML when the content type does not.
        const body = /html/i.test(type) || /"<(!doctype|html)/i.test(raw)
            ? 'HTML'
            : /xml/i.test(type) || /Unexpected token '<'/.test(raw)
                ? 'XML'
                : 'a body that is not JSON';
        return {
            what: `answered HTTP ${status} with ${body}, not the ${call.service} API`,
            check: isItRight ?? 'a proxy or firewall on the way answered instead of AWS'
        };
    }
    if (name === 'Unknown' || raw === 'UnknownError') {
        return {
            what: `answered HTTP ${status} with no error details`,
            check: status >= 500 ? (setting ? `is ${setting} right, and is it up?` : 'try again later') : isItRight
        };
    }
    return byStatus(name, status, message, call, setting);
}
/** An AWS error answer: what its name and HTTP status say, and what to check. */
function byStatus(name, status, message, call, setting) {
    if (/^AccessDenied/.test(name) || (status === 403 && !BAD_CREDENTIALS.test(name))) {
        const action = `${call.service === 'Lambda' ? 'lambda' : 'cloudwatch'}:${IAM_ACTION[call.operation] ?? call.operation}`;
        return {
            what: `access denied${message ? `: ${message}` : ''}`,
            check: `the job's role needs ${action} on ${(0,untrusted/* logSafe */.sN)(call.resource, 120) || 'the resource'}`
        };
    }
    if (BAD_CREDENTIALS.test(name)) {
        return {
            what: `AWS rejected the credentials (${name})`,
            check: /Expired/.test(name)
                ? 'the session expired; get fresh credentials for this job'
                : 'check the credentials step, the account and the region'
        };
    }
    if (THROTTLED.test(name) || status === 429) {
        return {
            what: `throttled (${name || 'HTTP 429'})`,
            check: 'lower max-requests-per-second or concurrency, or try again later'
        };
    }
    const said = message ? `: ${message}` : '';
    if (name === 'ResourceNotFoundException' || status === 404)
        return { what: `not found${said}`, check: 'check the name, the region and the account' };
    if (name === 'PreconditionFailedException' || status === 412)
        return { what: `changed since it was read${said}`, check: 'someone else updated it meanwhile; run again' };
    if (name === 'ResourceConflictException' || status === 409)
        return { what: `conflict${said}`, check: 'another update is in progress; try again' };
    if (INVALID.test(name))
        return { what: `rejected the request${said}` };
    if (status >= 500) {
        return {
            what: `${call.service} failed on its side: ${name || 'error'} (HTTP ${status})${said}`,
            check: setting ? `is ${setting} right, and is it healthy?` : 'try again later'
        };
    }
    return { what: `${name || 'error'} (HTTP ${status})${said}` };
}
/** No HTTP answer: the connection, TLS or DNS failed, or the time ran out. */
function network(e, name, code, message, call, isItRight) {
    const endpoint = call.endpoint;
    // A hint about our own endpoint setting first, then the specific question.
    const ask = (...more) => [isItRight ?? '', ...more].filter(Boolean).join(' ');
    const host = typeof e.hostname === 'string'
        ? e.hostname
        : typeof e.address === 'string'
            ? `${e.address}${typeof e.port === 'number' ? `:${e.port}` : ''}`
            : '';
    if (code === 'ECONNREFUSED') {
        return endpoint
            ? // The address tried, which for localhost may be ::1 where the emulator listens on 127.0.0.1.
                { what: `nothing is listening at ${host || endpoint}`, check: ask('is the emulator running?') }
            : { what: `connection refused by ${host || 'AWS'}`, check: "check the runner's network" };
    }
    const handshake = tls(code, message, endpoint, isItRight);
    if (handshake)
        return handshake;
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        const what = code === 'ENOTFOUND' ? 'does not resolve' : 'could not be resolved (DNS did not answer)';
        return {
            what: `the host name ${(0,untrusted/* logSafe */.sN)(host, 120) || '?'} ${what}`,
            check: endpoint ? isItRight : "check the region and the runner's DNS"
        };
    }
    // Node's ECONNRESET and EPIPE arrive named TimeoutError: tell them apart by code first.
    if (code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/i.test(message)) {
        return {
            what: 'the connection was closed without an answer',
            check: endpoint?.startsWith('http:')
                ? ask(`if it speaks HTTPS, use ${endpoint.replace(/^http:/, 'https:')}`)
                : ask() || 'a network fault; try again'
        };
    }
    if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
        const ms = /(\d+) ?ms/.exec(message)?.[1];
        const within = ms ? ` within ${ms} ms` : '';
        return /establish a connection/i.test(message)
            ? {
                what: `no connection${within}`,
                check: endpoint ? ask('is it reachable?') : "check the runner's network"
            }
            : { what: `no answer${within}`, check: endpoint ? ask('is it stuck?') : 'try again later' };
    }
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
        return {
            what: `the network cannot reach ${host || endpoint || 'AWS'}`,
            check: isItRight ?? "check the runner's network"
        };
    }
    return { what: `${name || 'error'}${code && code !== name ? ` ${code}` : ''}: ${message}` };
}
/** TLS that failed: plain HTTP where TLS was expected, or a certificate that is not trusted. */
function tls(code, message, endpoint, isItRight) {
    if (code === 'EPROTO' ||
        code.startsWith('ERR_SSL_') ||
        /wrong version number|packet length too long/i.test(message)) {
        return endpoint?.startsWith('https:')
            ? {
                what: 'the endpoint speaks plain HTTP, not TLS',
                check: `use ${endpoint.replace(/^https:/, 'http:')}`
            }
            : { what: 'the TLS handshake failed', check: isItRight ?? 'a proxy on the way may be interfering' };
    }
    const certificate = CERTIFICATE[code];
    if (certificate) {
        return {
            what: `the TLS certificate is not trusted: ${certificate}`,
            check: endpoint
                ? 'for a local emulator use http://, or trust its CA with NODE_EXTRA_CA_CERTS'
                : 'a proxy may be intercepting TLS; trust its CA with NODE_EXTRA_CA_CERTS'
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/aws/sdk-options.ts
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
    Object.defineProperty(error, 'described', { value: describeAwsError(error, call), enumerable: false });
    return error;
}


/***/ })

};

//# sourceMappingURL=656.index.js.map