export const id = 880;
export const ids = [880];
export const modules = {

/***/ 9843:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fg: () => (/* binding */ clientEndpointConfig)
/* harmony export */ });
/* unused harmony exports resolveEndpoints, resolveServiceEndpoint */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const SERVICE_VARIABLE = {
    lambda: 'AWS_ENDPOINT_URL_LAMBDA',
    cloudwatch: 'AWS_ENDPOINT_URL_CLOUDWATCH'
};
const SHARED_VARIABLE = 'AWS_ENDPOINT_URL';
const IGNORE_VARIABLE = 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS';
const EXAMPLE = 'such as http://127.0.0.1:4599';
/** Pure: the endpoints for Lambda and CloudWatch. Throws an InputError for a bad value that would be used. */
function resolveEndpoints(input, env) {
    const read = (name) => (env[name] ?? '').trim();
    const configured = [SERVICE_VARIABLE.lambda, SERVICE_VARIABLE.cloudwatch, SHARED_VARIABLE].filter(name => read(name) !== '');
    const explicit = (input ?? '').trim();
    if (explicit !== '') {
        const url = checkEndpoint('endpoint-url', explicit);
        return {
            lambda: url,
            cloudwatch: url,
            source: { lambda: 'endpoint-url', cloudwatch: 'endpoint-url' },
            ignored: configured
        };
    }
    if (ignoreSwitch(read(IGNORE_VARIABLE))) {
        return { lambda: null, cloudwatch: null, source: { lambda: null, cloudwatch: null }, ignored: configured };
    }
    const pick = (service) => {
        for (const name of [SERVICE_VARIABLE[service], SHARED_VARIABLE]) {
            // An empty variable counts as unset, as the SDK counts it.
            if (read(name) !== '')
                return [checkEndpoint(name, read(name)), name];
        }
        return [null, null];
    };
    const [lambda, lambdaSource] = pick('lambda');
    const [cloudwatch, cloudwatchSource] = pick('cloudwatch');
    const used = new Set([lambdaSource, cloudwatchSource]);
    return {
        lambda,
        cloudwatch,
        source: { lambda: lambdaSource, cloudwatch: cloudwatchSource },
        ignored: configured.filter(name => !used.has(name))
    };
}
/**
 * One more service's endpoint by the same precedence (the input, else `variable` unless the ignore switch
 * is on, else AWS_ENDPOINT_URL), for a client only some runs build (CodeDeploy's).
 */
function resolveServiceEndpoint(input, env, variable) {
    const explicit = (input ?? '').trim();
    if (explicit !== '')
        return { url: checkEndpoint('endpoint-url', explicit), source: 'endpoint-url' };
    if (ignoreSwitch((env[IGNORE_VARIABLE] ?? '').trim()))
        return { url: null, source: null };
    for (const name of [variable, SHARED_VARIABLE]) {
        const value = (env[name] ?? '').trim();
        if (value !== '')
            return { url: checkEndpoint(name, value), source: name };
    }
    return { url: null, source: null };
}
/**
 * The SDK client options that send requests to `endpoint`, or to AWS's default when null, and nowhere
 * else: the flag is what stops the SDK from reading AWS_ENDPOINT_URL* and ~/.aws/config on its own.
 */
function clientEndpointConfig(endpoint) {
    return endpoint === null
        ? { ignoreConfiguredEndpointUrls: true }
        : { endpoint, ignoreConfiguredEndpointUrls: true };
}
// Case-insensitive, unlike the SDK, which fails every request on "TRUE"; a value that is neither is an
// error rather than a guess, since guessing wrong sends requests to an endpoint someone meant to switch off.
function ignoreSwitch(value) {
    const normal = value.toLowerCase();
    if (normal === 'true')
        return true;
    if (normal === 'false' || normal === '')
        return false;
    throw new InputError(IGNORE_VARIABLE, value, 'expected true or false');
}
/** The URL as given, if it is a usable endpoint; else an InputError naming where it came from. */
function checkEndpoint(name, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError(name, value, `expected an http(s) URL ${EXAMPLE}`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || /\s/.test(value)) {
        throw new InputError(name, value, `expected an http(s) URL ${EXAMPLE}`);
    }
    if (url.username !== '' || url.password !== '') {
        // Never echo a password into the log.
        const shown = `${url.protocol}//${url.username}${url.password === '' ? '' : ':***'}@${url.host}${url.pathname}`;
        throw new InputError(name, shown, 'must not carry a user name or password; AWS requests are signed');
    }
    if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
        throw new InputError(name, value, `must not have a query or fragment; expected a base URL ${EXAMPLE}`);
    }
    return value;
}


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A5: () => (/* binding */ isBusy),
/* harmony export */   KV: () => (/* binding */ policyFor),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dg: () => (/* binding */ isTransient)
/* harmony export */ });
/* unused harmony export httpStatus */
/** The HTTP status an SDK error carries; undefined when no answer came (a network fault). */
const httpStatus = (error) => error?.$metadata?.httpStatusCode;
const errorName = (error) => error?.name ?? '';
/** 409 "update in progress" and 429 throttling: Lambda says "not now", so waiting is the fix. */
function isBusy(error) {
    const name = errorName(error);
    if (name === 'TooManyRequestsException' || name === 'ThrottlingException' || httpStatus(error) === 429)
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
    const code = httpStatus(error);
    if (code !== undefined && code >= 500)
        return true;
    const name = errorName(error);
    const sysCode = error?.code ?? '';
    return (code === undefined &&
        /TimeoutError|ECONNRESET|EPIPE|ECONNREFUSED|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|socket hang up|RequestTimeout|NetworkingError/i.test(`${name} ${sysCode} ${error?.message ?? ''}`));
}
/**
 * Throttling and "update in progress" are Lambda asking us to wait: the whole budget. Any other fault is
 * tried at most 6 times, and a refused connection (nothing listening) 3 times, so that a wrong endpoint
 * fails in seconds, not after the timeout.
 */
function attemptsFor(error, maxAttempts) {
    if (isBusy(error))
        return maxAttempts;
    const refused = /ECONNREFUSED/.test(`${error?.code ?? ''} ${error?.message ?? ''}`);
    return Math.min(maxAttempts, refused ? 3 : 6);
}
/**
 * A call's budget as a retry policy: errors `worth` another attempt are retried until the budget is
 * spent, and none once its signal has aborted.
 */
function policyFor(budget, random, worth = isTransient) {
    return {
        ...budget,
        retryable: error => worth(error) && !budget.signal?.aborted,
        ...(random ? { random } : {})
    };
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
            if (attempt >= attemptsFor(error, policy.maxAttempts) || !policy.retryable(error))
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
    if (isExpiredToken(e)) {
        return {
            what: `AWS rejected the credentials: they expired (${name || `HTTP ${status}`})`,
            check: 'the session ended before the rollout did; ask for a longer one (role-duration-seconds of aws-actions/configure-aws-credentials)'
        };
    }
    return byStatus(name, status, { message, raw }, call, setting);
}
/** An AWS error answer: what its name and HTTP status say, and what to check. */
function byStatus(name, status, { message, raw }, call, setting) {
    if (/^AccessDenied/.test(name) || (status === 403 && !BAD_CREDENTIALS.test(name)))
        return denied(raw, message, call);
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
/**
 * IAM's message names the action and the resource it refused (`User: arn:… is not authorized to perform:
 * lambda:UpdateAlias on resource: arn:… because …`): the line names them. Otherwise the operation's IAM
 * action and what the call addressed.
 */
function denied(raw, message, call) {
    const said = /not authorized to perform: ([\w-]+:[\w*]+) on resource: (arn:\S+?)\.?(?:\s+because\s+([^\n]+?))?\.?\s*$/.exec(raw);
    if (said) {
        const [, action = '', resource = '', because] = said;
        return {
            what: `access denied: the job's role needs ${(0,untrusted/* logSafe */.sN)(action, 80)} on ${(0,untrusted/* logSafe */.sN)(resource, 200)}`,
            ...(because ? { check: `because ${(0,untrusted/* logSafe */.sN)(because, 200)}` } : {})
        };
    }
    const action = `${call.service === 'Lambda' ? 'lambda' : call.service === 'CodeDeploy' ? 'codedeploy' : 'cloudwatch'}:${IAM_ACTION[call.operation] ?? call.operation}`;
    return {
        what: `access denied${message ? `: ${message}` : ''}`,
        check: `the job's role needs ${action} on ${(0,untrusted/* logSafe */.sN)(call.resource, 120) || 'the resource'}`
    };
}
/** The session's credentials ran out: STS's ExpiredToken, whatever the service calls it. */
function isExpiredToken(error) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    const name = typeof e.name === 'string' ? e.name : '';
    const message = typeof e.message === 'string' ? e.message : '';
    return /^ExpiredToken/.test(name) || /security token included in the request is expired/i.test(message);
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

//# sourceMappingURL=880.post.js.map