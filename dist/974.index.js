export const id = 974;
export const ids = [974];
export const modules = {

/***/ 5974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LambdaGateway: () => (/* binding */ LambdaGateway),
/* harmony export */   USER_AGENT: () => (/* reexport safe */ _api_js__WEBPACK_IMPORTED_MODULE_2__._)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1696);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9685);
/* harmony import */ var _limiter_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9477);
/* harmony import */ var _sdk_options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2220);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9843);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2495);







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
        this.client = new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .LambdaClient */ .Nox({
            region: options.region,
            ...(0,_endpoints_js__WEBPACK_IMPORTED_MODULE_1__/* .clientEndpointConfig */ .F)(options.endpoint),
            customUserAgent: options.userAgent,
            // Our retry layer is the only one: the SDK's own would multiply the attempts.
            maxAttempts: 1,
            requestHandler: _sdk_options_js__WEBPACK_IMPORTED_MODULE_0__/* .REQUEST_HANDLER */ .di
        });
        const send = (command, opts) => this.client.send(command, opts);
        this.send = options.transport ? options.transport(send) : send;
        this.reads = new _limiter_js__WEBPACK_IMPORTED_MODULE_4__/* .RateLimiter */ .v(options.clock, 80);
        this.writes = new _limiter_js__WEBPACK_IMPORTED_MODULE_4__/* .RateLimiter */ .v(options.clock, options.maxRequestsPerSecond);
    }
    async call(limiter, budget, command) {
        try {
            return await this.attempts(limiter, budget, command);
        }
        catch (error) {
            throw (0,_sdk_options_js__WEBPACK_IMPORTED_MODULE_0__/* .described */ .WY)(error, this.where(command));
        }
    }
    attempts(limiter, budget, command) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .withRetry */ .bD)(this.options.clock, (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .policyFor */ .KV)(budget, this.options.random), async () => {
            await limiter.acquire(budget.signal);
            return (await this.send(command, sendOptions(budget)));
        });
    }
    async getFunction(fn, qualifier, budget = this.budget) {
        try {
            const out = await this.call(this.reads, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .GetFunctionCommand */ .YF5({ FunctionName: fn, ...(qualifier ? { Qualifier: qualifier } : {}) }));
            return out.Configuration ?? null;
        }
        catch (error) {
            if ((0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .isNamed */ .e)(error, 'ResourceNotFoundException'))
                return null;
            throw error;
        }
    }
    async getAlias(fn, alias, budget = this.budget) {
        try {
            return await this.call(this.writes, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .GetAliasCommand */ .MES({ FunctionName: fn, Name: alias }));
        }
        catch (error) {
            if ((0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .isNamed */ .e)(error, 'ResourceNotFoundException'))
                return null;
            throw error;
        }
    }
    /** Always guarded by $LATEST's CodeSha256 and RevisionId, retries included: see rollout/publish.ts. */
    publishVersion(fn, request, budget = this.budget) {
        return this.call(this.writes, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .PublishVersionCommand */ .D3m({
            FunctionName: fn,
            CodeSha256: request.codeSha256,
            Description: request.description,
            RevisionId: request.revisionId
        }));
    }
    async createAlias(fn, alias, version, budget = this.budget) {
        const command = new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .CreateAliasCommand */ .W_e({
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
            throw (0,_sdk_options_js__WEBPACK_IMPORTED_MODULE_0__/* .described */ .WY)(error, this.where(command));
        }
    }
    createAttempts(command, fn, alias, version, budget) {
        let lostAnswer = false;
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .withRetry */ .bD)(this.options.clock, (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .policyFor */ .KV)(budget, this.options.random), async () => {
            try {
                await this.writes.acquire(budget.signal);
                return (await this.send(command, sendOptions(budget)));
            }
            catch (error) {
                if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .isTransient */ .dg)(error) && !(0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .isBusy */ .A5)(error))
                    lostAnswer = true;
                // An earlier attempt's answer was lost: the alias is ours only if it is exactly what we asked for.
                if (lostAnswer && (0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .isNamed */ .e)(error, 'ResourceConflictException')) {
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
        return this.call(this.writes, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .UpdateAliasCommand */ .lqC({
            FunctionName: fn,
            Name: alias,
            FunctionVersion: write.functionVersion,
            RoutingConfig: { AdditionalVersionWeights: write.weights },
            Description: write.description,
            ...(write.revisionId ? { RevisionId: write.revisionId } : {})
        }));
    }
    async deleteAlias(fn, alias, budget = this.budget) {
        await this.call(this.writes, budget, new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .DeleteAliasCommand */ .Hou({ FunctionName: fn, Name: alias }));
    }
    /** Retried only while Lambda throttles: any other failure is the smoke test's verdict. */
    async invoke(fn, version, payload, signal) {
        const command = new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .InvokeCommand */ .mdN({
            FunctionName: fn,
            Qualifier: version,
            InvocationType: 'RequestResponse',
            LogType: 'Tail',
            Payload: new TextEncoder().encode(payload)
        });
        const out = (await (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .withRetry */ .bD)(this.options.clock, (0,_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .policyFor */ .KV)({ ...this.budget, ...(signal ? { signal } : {}) }, this.options.random, _retry_js__WEBPACK_IMPORTED_MODULE_5__/* .isBusy */ .A5), () => this.send(command, signal ? { abortSignal: signal } : {})).catch(error => {
            throw (0,_sdk_options_js__WEBPACK_IMPORTED_MODULE_0__/* .described */ .WY)(error, this.where(command));
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
        return { ...(0,_sdk_options_js__WEBPACK_IMPORTED_MODULE_0__/* .callOf */ .C8)(command), service: 'Lambda', endpoint, endpointSource: endpointSource ?? null };
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

//# sourceMappingURL=974.index.js.map