export const id = 847;
export const ids = [847];
export const modules = {

/***/ 4847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AlarmWatcher: () => (/* binding */ AlarmWatcher)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4085);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _budgets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6139);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2495);
/* harmony import */ var _cloudwatch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3817);
/* harmony import */ var _sdk_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6650);






/** Reads the named CloudWatch alarms (metric and composite). */
class AlarmWatcher {
    names;
    options;
    clock;
    client;
    constructor(names, options, clock) {
        this.names = names;
        this.options = options;
        this.clock = clock;
        this.client = names.length === 0 ? null : (0,_cloudwatch_js__WEBPACK_IMPORTED_MODULE_2__/* .cloudwatchClient */ .y)(options);
    }
    /** A name CloudWatch does not know is an input error: a typo must not pass as healthy. */
    async read(deadline, signal) {
        if (!this.client)
            return [];
        const client = this.client;
        const policy = (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .policyFor */ .KV)({ deadline, maxAttempts: _budgets_js__WEBPACK_IMPORTED_MODULE_1__/* .ATTEMPTS */ .PY.cloudwatch, ...(signal ? { signal } : {}) });
        const found = new Map();
        // DescribeAlarms takes at most 100 names a call.
        for (let i = 0; i < this.names.length; i += 100) {
            const batch = this.names.slice(i, i + 100);
            let token;
            do {
                const command = new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_5__/* .DescribeAlarmsCommand */ .zWD({
                    AlarmNames: batch,
                    AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                    ...(token ? { NextToken: token } : {})
                });
                const out = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(this.clock, policy, () => client.send(command, signal ? { abortSignal: signal } : {})).catch(error => {
                    throw (0,_sdk_options_js__WEBPACK_IMPORTED_MODULE_3__/* .described */ .WY)(error, {
                        ...(0,_sdk_options_js__WEBPACK_IMPORTED_MODULE_3__/* .callOf */ .C8)(command, batch.join(', ')),
                        service: 'CloudWatch',
                        endpoint: this.options.endpoint,
                        endpointSource: this.options.endpointSource ?? null
                    });
                });
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

//# sourceMappingURL=847.index.js.map