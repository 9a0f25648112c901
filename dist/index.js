import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9685:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ isNamed)
/* harmony export */ });
const isNamed = (error, name) => error?.name === name;


/***/ }),

/***/ 9843:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ resolveEndpoints),
/* harmony export */   F: () => (/* binding */ clientEndpointConfig)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(IGNORE_VARIABLE, value, 'expected true or false');
}
/** The URL as given, if it is a usable endpoint; else an InputError naming where it came from. */
function checkEndpoint(name, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `expected an http(s) URL ${EXAMPLE}`);
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '' || /\s/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `expected an http(s) URL ${EXAMPLE}`);
    }
    if (url.username !== '' || url.password !== '') {
        // Never echo a password into the log.
        const shown = `${url.protocol}//${url.username}${url.password === '' ? '' : ':***'}@${url.host}${url.pathname}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, shown, 'must not carry a user name or password; AWS requests are signed');
    }
    if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `must not have a query or fragment; expected a base URL ${EXAMPLE}`);
    }
    return value;
}


/***/ }),

/***/ 9477:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ mapLimit),
/* harmony export */   v: () => (/* binding */ RateLimiter)
/* harmony export */ });
/**
 * Paces calls to at most `perSecond`, spread evenly. Lambda's control plane allows 15 requests/s per
 * account and region for most calls together, so a rollout of many functions has to queue itself.
 */
class RateLimiter {
    clock;
    perSecond;
    next = 0;
    constructor(clock, perSecond) {
        this.clock = clock;
        this.perSecond = perSecond;
    }
    /** Waits for this caller's slot. Slots are handed out in call order. */
    async acquire(signal) {
        if (!(this.perSecond > 0) || !Number.isFinite(this.perSecond))
            return;
        const gap = 1000 / this.perSecond;
        const now = this.clock.now();
        const slot = Math.max(now, this.next);
        this.next = slot + gap;
        if (slot > now)
            await this.clock.sleep(slot - now, signal);
    }
}
/** Runs `task` over `items` with at most `limit` at once; results in input order; settles all. */
async function mapLimit(items, limit, task) {
    const results = new Array(items.length);
    let cursor = 0;
    const worker = async () => {
        while (cursor < items.length) {
            const index = cursor++;
            try {
                results[index] = { status: 'fulfilled', value: await task(items[index], index) };
            }
            catch (reason) {
                results[index] = { status: 'rejected', reason };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ errorLine),
/* harmony export */   NI: () => (/* binding */ stopIfAborted),
/* harmony export */   Pu: () => (/* binding */ failureLine),
/* harmony export */   Tj: () => (/* binding */ StopError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   sH: () => (/* binding */ DeployError)
/* harmony export */ });
/* harmony import */ var _report_untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(480);
// Every error the action reports, and the one function that turns any error into a line for the log.

/** A bad input value: reported as one line naming the input, the value and what is allowed. */
class InputError extends Error {
    input;
    value;
    allowed;
    name = 'InputError';
    constructor(input, value, allowed) {
        super(`${input} "${value}": ${allowed}`);
        this.input = input;
        this.value = value;
        this.allowed = allowed;
    }
}
/** A failure whose message is already fit for a person; no stack needed in the log. */
class DeployError extends Error {
    name = 'DeployError';
}
/** Why a rollout that had started moving traffic stopped short: each kind is reported differently. */
class StopError extends Error {
    kind;
    name = 'StopError';
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
/** Throws the StopError a cancel or the timeout stands for, when `signal` has aborted. */
function stopIfAborted(signal) {
    if (!signal.aborted)
        return;
    const reason = String(signal.reason ?? 'cancelled');
    throw new StopError(reason.startsWith('timeout') ? 'timeout' : 'cancelled', reason);
}
/** Our own errors carry a finished sentence; anything else is named with its HTTP status when it has one. */
function failureLine(error) {
    if (error instanceof InputError || error instanceof DeployError || error instanceof StopError)
        return error.message;
    return errorLine(error);
}
function errorLine(error) {
    // An AWS call's failure carries its own line (operation, resource, endpoint, what to check).
    const line = error?.described;
    if (typeof line === 'string')
        return line;
    const e = error;
    const code = e?.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : '';
    // Anything else may carry a server's or a function's words: one safe, bounded line.
    return (0,_report_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .logSafe */ .sN)(`${e?.name ?? 'Error'}${code}: ${e?.message ?? String(error)}`, 500);
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6068);
// Bundle entry for the main step.

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6068:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/clock.ts
// setTimeout fires at once for delays above 2^31-1 ms (~24.8 days): longer waits are chained.
const MAX_TIMER_MS = 2_147_483_647;
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise(resolve => {
        if (signal?.aborted || ms <= 0)
            return resolve();
        const end = Date.now() + ms;
        let timer;
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const arm = () => {
            const left = end - Date.now();
            if (left <= 0)
                return done();
            timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
        };
        arm();
        signal?.addEventListener('abort', done, { once: true });
    })
};
/** Calls `fire` at `deadline` (epoch ms), however far away; the returned function cancels it. */
function atDeadline(deadline, fire) {
    let timer;
    const arm = () => {
        const left = deadline - Date.now();
        if (left <= 0)
            return fire();
        timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
        timer.unref?.();
    };
    arm();
    return () => clearTimeout(timer);
}
/** `08:00:01` in UTC, the way the runner's log timestamps read. */
function clockTime(ms) {
    return new Date(ms).toISOString().slice(11, 19);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/inputs/duration.ts

const HOUR = 3_600_000;
const MINUTE = 60_000;
const SECOND = 1_000;
const ALLOWED = 'expected a duration such as 500ms, 90s, 5m, 1h or 1m30s';
// Units in descending order, each at most once. `(?!s)` keeps `5ms` from being read as `5m` + `s`.
const DURATION = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$/;
/**
 * Parses `interval` / `timeout` / `bake-time` values (`500ms`, `90s`, `5m`, `1h`, `1m30s`, `0`) into
 * milliseconds. Units are lowercase only: `M` could mean minutes or months, so it is refused.
 */
function parseDuration(input, value) {
    const text = value.trim();
    if (text === '0')
        return 0;
    const match = text === '' ? null : DURATION.exec(text);
    if (!match)
        throw new errors/* InputError */.dz(input, value, ALLOWED);
    const [, h, m, s, ms] = match;
    const total = num(h) * HOUR + num(m) * MINUTE + num(s) * SECOND + num(ms);
    // Absurdly long values would lose precision; no real interval or timeout gets near this.
    if (!Number.isSafeInteger(total))
        throw new errors/* InputError */.dz(input, value, ALLOWED);
    return total;
}
/** Renders milliseconds for logs and summaries: 330000 → `5m30s`, 500 → `500ms`, 0 → `0s`. */
function formatDuration(ms) {
    let rest = Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0;
    if (rest === 0)
        return '0s';
    const parts = [];
    for (const [unit, size] of [
        ['h', HOUR],
        ['m', MINUTE],
        ['s', SECOND],
        ['ms', 1]
    ]) {
        const count = Math.floor(rest / size);
        if (count > 0)
            parts.push(`${count}${unit}`);
        rest -= count * size;
    }
    return parts.join('');
}
function num(digits) {
    return digits === undefined ? 0 : Number(digits);
}
/** Elapsed time for a person: tenths of a second under 10 s, whole seconds above. */
function formatElapsed(ms) {
    return ms < 10_000
        ? formatDuration(Math.round(ms / 100) * 100)
        : formatDuration(Math.round(ms / 1000) * 1000);
}

// EXTERNAL MODULE: ./src/aws/endpoints.ts
var aws_endpoints = __nccwpck_require__(9843);
;// CONCATENATED MODULE: ./src/inputs/plan.ts


const STRATEGY_ALLOWED = 'expected all-at-once, canary, linear or a CodeDeploy name such as Canary10Percent5Minutes';
const PERCENT_ALLOWED = 'expected a percentage between 0 and 100, exclusive';
const STEPS_ALLOWED = 'expected strictly increasing percentages, such as 5,25,50';
const POSITIVE_INTERVAL = 'expected a duration longer than 0, such as 90s, 5m or 1m30s';
/** Percent inputs default to 10 in action.yml; that value counts as "not set". */
const DEFAULT_PERCENT_HUNDREDTHS = 1000;
const DEFAULT_INTERVAL = { canary: '5m', linear: '1m', steps: '1m' };
const UNIT_MS = { second: 1_000, minute: 60_000, hour: 3_600_000 };
// Matched against the lowercased name. Percent digits are loose here so that `Canary2.555Percent…`
// gets the percentage message rather than "unknown strategy".
const CODEDEPLOY_NAME = /^(?:codedeploydefault\.lambda|lambda)?(?:(allatonce)|canary(\d+(?:\.\d+)?)percent(\d+)(second|minute|hour)s?|linear(\d+(?:\.\d+)?)percentevery(\d+)(second|minute|hour)s?)$/;
const PERCENT = /^(\d+)(?:\.(\d+))?$/;
/**
 * Validates the strategy-related inputs together and returns the schedule they describe. Throws an
 * InputError naming the offending input. An input that would be silently ignored is an error too:
 * a user who sets it expects it to matter.
 */
function parseStrategy(inputs) {
    const name = inputs.strategy.trim();
    const base = parseStrategyName(name, inputs.strategy);
    const steps = inputs.steps.trim();
    const interval = inputs.interval.trim();
    if (steps !== '' && base.kind !== 'all-at-once') {
        throw new errors/* InputError */.dz('steps', steps, 'steps replaces the strategy; set strategy to all-at-once or leave steps empty');
    }
    if (base.kind === 'all-at-once') {
        checkUnusedPercent('canary-percent', inputs.canaryPercent, 'canary');
        checkUnusedPercent('linear-percent', inputs.linearPercent, 'linear');
        if (steps === '') {
            if (interval !== '') {
                throw new errors/* InputError */.dz('interval', interval, 'all-at-once has no steps to hold; leave interval empty');
            }
            return { kind: 'all-at-once' };
        }
        return { kind: 'steps', percents: parseSteps(steps), intervalMs: parseInterval(interval, 'steps') };
    }
    const [used, usedValue, unused, unusedValue] = base.kind === 'canary'
        ? ['canary-percent', inputs.canaryPercent, 'linear-percent', inputs.linearPercent]
        : ['linear-percent', inputs.linearPercent, 'canary-percent', inputs.canaryPercent];
    checkUnusedPercent(unused, unusedValue, base.kind === 'canary' ? 'linear' : 'canary');
    if (base.named) {
        // The CodeDeploy name carries its own numbers; a disagreeing input must not be dropped quietly.
        if (interval !== '') {
            throw new errors/* InputError */.dz('interval', interval, `${name} sets its own interval; leave interval empty`);
        }
        const given = usedValue.trim();
        if (given !== '') {
            const hundredths = parsePercentHundredths(used, given);
            if (hundredths !== DEFAULT_PERCENT_HUNDREDTHS && hundredths !== toHundredths(base.named.percent)) {
                throw new errors/* InputError */.dz(used, given, `${name} sets its own percentage (${base.named.percent}); leave ${used} at its default`);
            }
        }
        return { kind: base.kind, ...base.named };
    }
    return {
        kind: base.kind,
        percent: parsePercentHundredths(used, usedValue.trim()) / 100,
        intervalMs: parseInterval(interval, base.kind)
    };
}
/**
 * Turns a strategy into the list of weights to apply in order. Every partial weight is computed from
 * integer hundredths of a percent and divided once, so it prints as a short decimal (0.3, never
 * 0.30000000000000004); the last step is exactly 1.
 */
function buildPlan(strategy, bakeMs) {
    if (!Number.isFinite(bakeMs) || bakeMs < 0)
        throw new RangeError(`bake time ${bakeMs} is not a duration`);
    const last = { weight: 1, holdMs: bakeMs };
    switch (strategy.kind) {
        case 'all-at-once':
            return [last];
        case 'canary':
            return [partial(strategyHundredths(strategy.percent), strategy.intervalMs), last];
        case 'linear': {
            const step = strategyHundredths(strategy.percent);
            const steps = [];
            // CodeDeploy semantics: Linear10PercentEvery1Minute holds 10%…90% for a minute each, then 100%.
            for (let h = step; h < 10_000; h += step)
                steps.push(partial(h, strategy.intervalMs));
            return [...steps, last];
        }
        case 'steps': {
            const hundredths = strategy.percents.map(strategyHundredths);
            if (hundredths.some((h, i) => i > 0 && h <= (hundredths[i - 1] ?? 0))) {
                throw new RangeError(`steps ${strategy.percents.join(',')} do not strictly increase`);
            }
            return [...hundredths.map(h => partial(h, strategy.intervalMs)), last];
        }
    }
}
/** One-line description for logs: `canary 10% for 5m`, `linear 10% every 1m`, `all at once`. */
function describeStrategy(strategy) {
    switch (strategy.kind) {
        case 'all-at-once':
            return 'all at once';
        case 'canary':
            return `canary ${strategy.percent}% for ${formatDuration(strategy.intervalMs)}`;
        case 'linear':
            return `linear ${strategy.percent}% every ${formatDuration(strategy.intervalMs)}`;
        case 'steps':
            return `steps ${strategy.percents.map(p => `${p}%`).join(', ')} every ${formatDuration(strategy.intervalMs)}`;
    }
}
/** Total time the plan holds, bake time included: what the rollout costs when nothing goes wrong. */
function planDurationMs(plan) {
    return plan.reduce((sum, step) => sum + step.holdMs, 0);
}
function parseStrategyName(name, raw) {
    const lower = name.toLowerCase();
    if (lower === '' || lower === 'all-at-once')
        return { kind: 'all-at-once' };
    if (lower === 'canary' || lower === 'linear')
        return { kind: lower };
    const match = CODEDEPLOY_NAME.exec(lower);
    if (!match)
        throw new errors/* InputError */.dz('strategy', raw, STRATEGY_ALLOWED);
    const [, allAtOnce, canaryP, canaryN, canaryUnit, linearP, linearN, linearUnit] = match;
    if (allAtOnce)
        return { kind: 'all-at-once' };
    const kind = canaryP !== undefined ? 'canary' : 'linear';
    const percentText = canaryP ?? linearP ?? '';
    const count = Number(canaryN ?? linearN);
    const unit = (canaryUnit ?? linearUnit);
    const hundredths = hundredthsOf(percentText);
    if (hundredths === undefined) {
        throw new errors/* InputError */.dz('strategy', raw, `${PERCENT_ALLOWED}, with at most 2 decimals, such as Canary10Percent5Minutes`);
    }
    const intervalMs = count * UNIT_MS[unit];
    if (intervalMs <= 0 || !Number.isSafeInteger(intervalMs)) {
        throw new errors/* InputError */.dz('strategy', raw, 'expected an interval longer than 0, such as Canary10Percent5Minutes');
    }
    return { kind, named: { percent: hundredths / 100, intervalMs } };
}
/** A percentage with at most 2 decimals, strictly inside (0,100), as integer hundredths; else undefined. */
function hundredthsOf(text) {
    const match = PERCENT.exec(text);
    if (!match)
        return undefined;
    const [, whole = '', fraction = ''] = match;
    if (fraction.length > 2)
        return undefined;
    const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    return hundredths > 0 && hundredths < 10_000 ? hundredths : undefined;
}
function parsePercentHundredths(input, value) {
    const hundredths = hundredthsOf(value);
    if (hundredths !== undefined)
        return hundredths;
    const fraction = PERCENT.exec(value)?.[2];
    throw new errors/* InputError */.dz(input, value, fraction !== undefined && fraction.length > 2
        ? `${PERCENT_ALLOWED}, with at most 2 decimals`
        : PERCENT_ALLOWED);
}
/** A percent input that the chosen strategy does not use may only be empty or the default. */
function checkUnusedPercent(input, value, strategy) {
    const given = value.trim();
    if (given === '')
        return;
    if (parsePercentHundredths(input, given) === DEFAULT_PERCENT_HUNDREDTHS)
        return;
    throw new errors/* InputError */.dz(input, given, `only used with strategy ${strategy}; set strategy to ${strategy} or leave ${input} at its default`);
}
function parseSteps(value) {
    const items = value.split(/[\s,]+/).filter(item => item !== '');
    // Only separators, e.g. `,`: not a list, and treating it as empty would mean all-at-once.
    if (items.length === 0)
        throw new errors/* InputError */.dz('steps', value, STEPS_ALLOWED);
    const hundredths = [];
    for (const item of items) {
        const h = hundredthsOf(item);
        if (h === undefined) {
            throw new errors/* InputError */.dz('steps', value, `"${item}" is not ${PERCENT_ALLOWED.replace('expected ', '')}`);
        }
        const previous = hundredths[hundredths.length - 1];
        if (previous !== undefined && h <= previous) {
            throw new errors/* InputError */.dz('steps', value, STEPS_ALLOWED);
        }
        hundredths.push(h);
    }
    return hundredths.map(h => h / 100);
}
function parseInterval(value, kind) {
    const text = value === '' ? DEFAULT_INTERVAL[kind] : value;
    const ms = parseDuration('interval', text);
    if (ms <= 0)
        throw new errors/* InputError */.dz('interval', text, POSITIVE_INTERVAL);
    return ms;
}
function toHundredths(percent) {
    return Math.round(percent * 100);
}
/** Hundredths of a percent from a Strategy built in code: guard the invariants parseStrategy ensures. */
function strategyHundredths(percent) {
    const h = toHundredths(percent);
    if (!(h > 0 && h < 10_000) || Math.abs(h - percent * 100) > 1e-6) {
        throw new RangeError(`percentage ${percent} is not in (0,100) with at most 2 decimals`);
    }
    return h;
}
function partial(hundredths, holdMs) {
    // One division of an exact integer: the nearest double to a ≤4-decimal fraction, printed short.
    return { weight: hundredths / 10_000, holdMs };
}

;// CONCATENATED MODULE: ./src/inputs/names.ts

const NAME = '[a-zA-Z0-9_-]{1,64}';
const FULL_ARN = new RegExp(`^arn:(aws[a-zA-Z-]*):lambda:([a-z]{2}(?:-[a-z]+)+-\\d{1}):(\\d{12}):function:(${NAME})(?::(.+))?$`);
const PARTIAL_ARN = new RegExp(`^(\\d{12}):function:(${NAME})(?::(.+))?$`);
const BARE = new RegExp(`^(${NAME})(?::(.+))?$`);
const NAME_FORMS = 'expected a function name (my-fn, up to 64 letters, digits, - and _), an ARN ' +
    '(arn:aws:lambda:us-east-1:123456789012:function:my-fn) or a partial ARN (123456789012:function:my-fn), without a qualifier';
/** Parses one entry of `function-name`. A qualifier is refused: the alias is what this action moves. */
function parseFunctionRef(value) {
    const full = FULL_ARN.exec(value);
    if (full) {
        if (full[5] !== undefined)
            throw new errors/* InputError */.dz('function-name', value, NAME_FORMS);
        return { id: value, name: full[4], region: full[2], account: full[3] };
    }
    const partial = PARTIAL_ARN.exec(value);
    if (partial) {
        if (partial[3] !== undefined)
            throw new errors/* InputError */.dz('function-name', value, NAME_FORMS);
        return { id: value, name: partial[2], account: partial[1] };
    }
    const bare = BARE.exec(value);
    if (bare && bare[2] === undefined && !value.startsWith('arn:'))
        return { id: value, name: bare[1] };
    throw new errors/* InputError */.dz('function-name', value, NAME_FORMS);
}
/** Splits a list input on newlines and commas, dropping blanks. */
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map(item => item.trim())
        .filter(item => item.length > 0);
}
const ALIAS = /^[a-zA-Z0-9_-]{1,128}$/;
/** Lambda's alias rule: 1–128 of [a-zA-Z0-9-_], not all digits (that would read as a version). */
function validateAliasName(input, value) {
    if (!ALIAS.test(value) || /^\d+$/.test(value)) {
        throw new errors/* InputError */.dz(input, value, 'expected an alias name of 1-128 letters, digits, - and _, not all digits (e.g. live)');
    }
    return value;
}
/** `version:` is an existing version number or the name of another alias of the same function. */
function parseVersionSpec(value) {
    if (value === '')
        return null;
    if (/^\$latest$/i.test(value)) {
        throw new errors/* InputError */.dz('version', value, '$LATEST cannot be promoted: an alias must point at a published version (leave version empty to publish $LATEST)');
    }
    if (/^\d+$/.test(value)) {
        if (/^0\d/.test(value) || value === '0') {
            throw new errors/* InputError */.dz('version', value, 'expected a published version number (1, 2, ...) or an alias name');
        }
        return { kind: 'number', version: value };
    }
    if (ALIAS.test(value))
        return { kind: 'alias', alias: value };
    throw new errors/* InputError */.dz('version', value, 'expected a published version number (e.g. 41) or an alias name (e.g. staging)');
}

;// CONCATENATED MODULE: ./src/inputs/parse.ts





/** Validates every input into a frozen config; the first bad value throws an InputError. Pure. */
function parseInputs(raw, env) {
    const names = splitList(raw['function-name']);
    if (names.length === 0)
        throw new errors/* InputError */.dz('function-name', raw['function-name'], 'a function name is required');
    const functions = names.map(parseFunctionRef);
    functions.forEach((fn, i) => {
        // The same name in two accounts is two functions; a name and its ARN are one.
        const twin = functions
            .slice(0, i)
            .find(o => o.name === fn.name && (o.account === fn.account || !o.account || !fn.account));
        if (twin)
            throw new errors/* InputError */.dz('function-name', fn.id, 'listed twice; name each function once');
    });
    if (raw.alias === '')
        throw new errors/* InputError */.dz('alias', '', 'an alias name is required (e.g. live)');
    const alias = validateAliasName('alias', raw.alias);
    const version = parseVersionSpec(raw.version);
    if (version?.kind === 'alias' && version.alias === alias) {
        throw new errors/* InputError */.dz('version', raw.version, `names the alias being promoted; name another alias or a version number`);
    }
    const publish = oneOf('publish', raw.publish, ['auto', 'always']);
    if (version && publish === 'always') {
        throw new errors/* InputError */.dz('publish', raw.publish, 'always cannot be combined with version (an existing version is promoted, nothing is published)');
    }
    const strategy = parseStrategy({
        strategy: raw.strategy,
        canaryPercent: raw['canary-percent'],
        linearPercent: raw['linear-percent'],
        interval: raw.interval,
        steps: raw.steps
    });
    const bakeMs = parseDuration('bake-time', raw['bake-time'] || '0');
    const timeoutMs = parseDuration('timeout', raw.timeout || '30m');
    if (timeoutMs <= 0)
        throw new errors/* InputError */.dz('timeout', raw.timeout, 'expected a positive duration such as 30m');
    const plan = buildPlan(strategy, bakeMs);
    const wait = bool('wait', raw.wait || 'true');
    // With wait: false this step holds no partial step, but a move all at once still bakes here.
    const scheduleMs = wait ? planDurationMs(plan) : bakeMs;
    if (scheduleMs >= timeoutMs) {
        throw new errors/* InputError */.dz('timeout', raw.timeout, `shorter than the rollout's schedule of ${formatDuration(scheduleMs)} (steps plus bake-time); raise timeout or shorten the schedule`);
    }
    const alarms = splitList(raw.alarms);
    for (const name of alarms) {
        if (name.length > 255)
            throw new errors/* InputError */.dz('alarms', name, 'an alarm name is at most 255 characters');
    }
    if (new Set(alarms).size !== alarms.length)
        throw new errors/* InputError */.dz('alarms', raw.alarms, 'an alarm is listed twice');
    const smokeTestPayload = raw['smoke-test-payload'] === '' ? null : json('smoke-test-payload', raw['smoke-test-payload']);
    const region = resolveRegion(raw.region, env, functions);
    // The SDK's own precedence, decided once here: the input, else the per-service variable, else
    // AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
    const endpoints = (0,aws_endpoints/* resolveEndpoints */.$)(raw['endpoint-url'] || null, env);
    if (raw.description.length > 256) {
        throw new errors/* InputError */.dz('description', `${raw.description.slice(0, 40)}…`, 'Lambda allows at most 256 characters');
    }
    return Object.freeze({
        functions: Object.freeze(functions),
        alias,
        version,
        publish,
        strategy,
        plan: Object.freeze(plan),
        wait,
        alarms: Object.freeze(alarms),
        smokeTestPayload,
        bakeMs,
        rollback: bool('rollback', raw.rollback || 'true'),
        timeoutMs,
        description: raw.description === '' ? null : raw.description,
        region,
        endpoint: endpoints.lambda,
        cloudwatchEndpoint: endpoints.cloudwatch,
        endpointSource: endpoints.source,
        dryRun: bool('dry-run', raw['dry-run'] || 'false'),
        environment: raw.environment,
        githubToken: raw['github-token'],
        maxRequestsPerSecond: positiveNumber('max-requests-per-second', raw['max-requests-per-second'] || '14', 1000),
        concurrency: positiveNumber('concurrency', raw.concurrency || '10', 100, true),
        ...analysisInputs(raw, plan)
    });
}
function oneOf(input, value, allowed) {
    const found = allowed.find(option => option === value.toLowerCase());
    if (!found)
        throw new errors/* InputError */.dz(input, value, `expected ${allowed.join(' or ')}`);
    return found;
}
// The runner's YAML 1.2 core schema booleans, as core.getBooleanInput accepts them.
function bool(input, value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new errors/* InputError */.dz(input, value, 'expected true or false');
}
function positiveNumber(input, value, max, integer = false) {
    const n = Number(value);
    const shape = integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
    if (!shape.test(value) || !(n > 0) || n > max) {
        throw new errors/* InputError */.dz(input, value, `expected a ${integer ? 'whole ' : ''}number greater than 0 and at most ${max}`);
    }
    return n;
}
function json(input, value) {
    try {
        JSON.parse(value);
        return value;
    }
    catch (error) {
        const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
        throw new errors/* InputError */.dz(input, shown, `expected JSON (${error.message})`);
    }
}
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
function resolveRegion(input, env, functions) {
    const arnRegions = [...new Set(functions.map(fn => fn.region).filter((r) => r !== undefined))];
    if (arnRegions.length > 1) {
        throw new errors/* InputError */.dz('function-name', functions.map(f => f.id).join(','), 'all functions must be in one region');
    }
    const [source, region] = input
        ? ['region', input]
        : env.AWS_REGION
            ? ['AWS_REGION', env.AWS_REGION]
            : env.AWS_DEFAULT_REGION
                ? ['AWS_DEFAULT_REGION', env.AWS_DEFAULT_REGION]
                : ['function-name', arnRegions[0] ?? ''];
    if (region === '') {
        throw new errors/* InputError */.dz('region', '', 'no region: set the region input or AWS_REGION, or name the function by its ARN');
    }
    if (!REGION.test(region))
        throw new errors/* InputError */.dz(source, region, 'expected an AWS region such as us-east-1');
    const arnRegion = arnRegions[0];
    if (arnRegion !== undefined && arnRegion !== region) {
        const fn = functions.find(f => f.region === arnRegion);
        throw new errors/* InputError */.dz('function-name', fn.id, `is in ${arnRegion} but the region is ${region} (from ${source}); make them agree`);
    }
    return region;
}
const CHECKS = ['errors', 'latency'];
/** analysis, min-invocations and latency-tolerance, checked together: each only matters with the others. */
function analysisInputs(raw, plan) {
    const analysis = splitList(raw.analysis).map(c => oneOf('analysis', c, CHECKS));
    if (new Set(analysis).size !== analysis.length)
        throw new errors/* InputError */.dz('analysis', raw.analysis, 'a check is listed twice; expected errors, latency or both');
    const min = raw['min-invocations'];
    if (min !== '' && !/^\d+$/.test(min))
        throw new errors/* InputError */.dz('min-invocations', min, 'expected a whole number of invocations, 0 or more, such as 100');
    const minInvocations = min === '' ? (analysis.length > 0 ? 100 : 0) : Number(min);
    if (minInvocations > 1_000_000_000)
        throw new errors/* InputError */.dz('min-invocations', min, 'expected at most 1000000000');
    const tolerance = (raw['latency-tolerance'] || '20%').trim();
    const match = /^(\d+(?:\.\d+)?)%?$/.exec(tolerance);
    const percent = match ? Number(match[1]) : NaN;
    if (!(percent >= 0 && percent <= 1000))
        throw new errors/* InputError */.dz('latency-tolerance', tolerance, 'expected a percentage from 0% to 1000%, such as 20%');
    if (analysis.includes('latency') === false &&
        raw['latency-tolerance'] !== '' &&
        raw['latency-tolerance'] !== '20%')
        throw new errors/* InputError */.dz('latency-tolerance', tolerance, 'only matters with analysis: latency; add it or drop this input');
    // A setting that cannot matter is an error: a user who sets it expects it to.
    if ((analysis.length > 0 || minInvocations > 0) && plan.every(step => step.holdMs <= 0))
        throw new errors/* InputError */.dz(analysis.length > 0 ? 'analysis' : 'min-invocations', analysis.length > 0 ? raw.analysis : min, 'needs a hold to judge: use a canary, linear or steps strategy, or bake-time');
    return { analysis, minInvocations, latencyTolerance: percent / 100 };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/log.ts
// Talking to the runner: the log, workflow commands, inputs, outputs, step state and the job summary.
// Written out rather than taken from @actions/core, whose OIDC HTTP client would be most of the post
// bundle and of the start-up time; the file formats are the runner's documented ones.



/**
 * Plain log text never carries a workflow command: a line that would start one (`::name…`, after any
 * leading white space, as the runner reads it) is broken with a space, so text from outside the workflow
 * (a function's reply, an alarm's reason) cannot set state, outputs or annotations.
 */
function plain(text) {
    return (text
        .split(/\r\n|\r|\n|\u2028|\u2029|\u0085/)
        // `##[` is read anywhere in a line: break it too.
        .map(line => line.replace(/^(\s*):(?=:)/, '$1: ').replace(/##\[/g, '# #['))
        .join(external_node_os_.EOL));
}
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
function command(name, message) {
    process.stdout.write(`::${name}::${escapeData(message)}${external_node_os_.EOL}`);
}
const runner = {
    info: (message) => void process.stdout.write(plain(message) + external_node_os_.EOL),
    warning: (message) => command('warning', message),
    error: (message) => command('error', message),
    debug: (message) => command('debug', message),
    async group(name, body) {
        command('group', name);
        try {
            return await body();
        }
        finally {
            process.stdout.write(`::endgroup::${external_node_os_.EOL}`);
        }
    },
    setFailed(message) {
        process.exitCode = 1;
        command('error', message);
    },
    /** Inputs as the runner hands them over: INPUT_<NAME>, trimmed. */
    getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    setOutput: (name, value) => fileCommand('GITHUB_OUTPUT', 'set-output', name, value),
    saveState: (name, value) => fileCommand('GITHUB_STATE', 'save-state', name, value),
    getState: (name) => process.env[`STATE_${name}`] ?? '',
    /** Appends to the job summary; false when the runner gave no summary file. */
    appendSummary(markdown) {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file)
            return false;
        (0,external_node_fs_.appendFileSync)(file, markdown + external_node_os_.EOL, 'utf8');
        return true;
    }
};
/** name<<delimiter…value…delimiter into the runner's file; the old stdout command where there is none. */
function fileCommand(variable, legacy, name, value) {
    const file = process.env[variable];
    if (!file) {
        process.stdout.write(`::${legacy} name=${name}::${escapeData(value)}${external_node_os_.EOL}`);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`, 'utf8');
}
const runnerLog = runner;
/** The step state: where main keeps the run ledger for post. */
const stepState = {
    save: (name, value) => runner.saveState(name, value),
    get: (name) => runner.getState(name)
};

;// CONCATENATED MODULE: ./src/inputs/config.ts
/** Every input the action declares, as the runner hands them over (trimmed strings). */
const INPUT_NAMES = [
    'function-name',
    'alias',
    'version',
    'publish',
    'strategy',
    'canary-percent',
    'linear-percent',
    'interval',
    'steps',
    'wait',
    'alarms',
    'smoke-test-payload',
    'bake-time',
    'rollback',
    'timeout',
    'description',
    'region',
    'endpoint-url',
    'dry-run',
    'environment',
    'github-token',
    'max-requests-per-second',
    'concurrency',
    'analysis',
    'min-invocations',
    'latency-tolerance'
];

;// CONCATENATED MODULE: ./src/inputs/read.ts


/** Reads the inputs from the runner. The only place that calls core.getInput. */
function readInputs() {
    const raw = {};
    for (const name of INPUT_NAMES) {
        raw[name] = runner.getInput(name);
    }
    return raw;
}

;// CONCATENATED MODULE: ./src/post/keys.ts
/** Step-state keys beside the run ledger: the GitHub deployment main opened, and whether main reported it. */
const KEY_DEPLOYMENT = 'deployment';
const KEY_REPORTED = 'reported';

;// CONCATENATED MODULE: ./src/report/github-deployment.ts
// GitHub deployment records for the `environment` input, over the REST API with fetch: small enough for
// the post step to mark a killed run's deployment failed. Reporting to GitHub is a courtesy: nothing here
// may fail or delay a deploy or a rollback, so every error becomes one warning line and requests are
// bounded by a short timeout.
/** GitHub rejects status descriptions longer than this. */
const STATUS_DESCRIPTION_MAX = 140;
class GitHubError extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
function clamp(text, max) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    if (oneLine.length <= max)
        return oneLine;
    // Do not leave half a surrogate pair before the ellipsis.
    let cut = max - 1;
    if (/[\uD800-\uDBFF]/.test(oneLine.charAt(cut - 1)))
        cut--;
    return `${oneLine.slice(0, cut)}…`;
}
/** The innermost message: fetch wraps the useful part ("connect ECONNREFUSED …", a timeout) in `cause`. */
function rootMessage(error) {
    let current = error;
    let message = String(error);
    for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
        if (typeof current.message === 'string' && current.message)
            message = current.message;
        current = current.cause;
    }
    return message.replace(/\s+/g, ' ').trim();
}
function describeError(error) {
    if (!(error instanceof GitHubError))
        return `GitHub not reachable: ${rootMessage(error)}`;
    const hint = error.status === 403 || error.status === 404
        ? ' (the token needs `permissions: deployments: write` in the workflow or job)'
        : '';
    return `HTTP ${error.status}: ${error.message.replace(/\s+/g, ' ').trim()}${hint}`;
}
async function request(target, path, body) {
    if (!target.token)
        throw new Error('no github-token: pass one to record GitHub deployments');
    const response = await fetch(`${target.apiUrl.replace(/\/+$/, '')}/repos/${target.owner}/${target.repo}${path}`, {
        method: 'POST',
        headers: {
            authorization: `token ${target.token}`,
            accept: 'application/vnd.github+json',
            'content-type': 'application/json',
            'user-agent': 'lambda-promote',
            'x-github-api-version': '2022-11-28'
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(target.requestTimeoutMs ?? 10_000)
    });
    const text = await response.text();
    let data = {};
    try {
        data = text ? JSON.parse(text) : {};
    }
    catch {
        data = { message: text.slice(0, 200) };
    }
    if (response.status >= 400)
        throw new GitHubError(response.status, String(data.message ?? response.statusText));
    return { status: response.status, data };
}
/** One deployment status; throws on failure (callers turn that into a warning). */
async function postDeploymentStatus(target, id, state, description, environmentUrl) {
    await request(target, `/deployments/${id}/statuses`, {
        state,
        description: clamp(description, STATUS_DESCRIPTION_MAX),
        ...(target.logUrl ? { log_url: target.logUrl } : {}),
        ...(environmentUrl ? { environment_url: environmentUrl } : {})
    });
}
function createDeploymentTracker(ctx, warn) {
    let deploymentId;
    let started = false;
    const report = (what, error) => warn(`GitHub deployment for "${ctx.environment}": could not ${what}; the deploy goes on. ${describeError(error)}`);
    return {
        async start() {
            if (started)
                return deploymentId;
            started = true;
            try {
                const response = await request(ctx, '/deployments', {
                    ref: ctx.ref,
                    environment: ctx.environment,
                    description: ctx.description,
                    // Deploy exactly this sha: no merging of the default branch, no waiting on commit statuses.
                    auto_merge: false,
                    required_contexts: [],
                    transient_environment: false,
                    ...(ctx.productionEnvironment === undefined
                        ? {}
                        : { production_environment: ctx.productionEnvironment })
                });
                // 202 carries a message instead of a deployment (an auto-merge happened), so there is nothing to track.
                if (typeof response.data.id !== 'number') {
                    const message = typeof response.data.message === 'string' ? response.data.message : undefined;
                    throw new Error(`no deployment in the response (HTTP ${response.status}${message ? `: ${message}` : ''})`);
                }
                deploymentId = response.data.id;
            }
            catch (error) {
                report('create the deployment', error);
                return undefined;
            }
            try {
                await postDeploymentStatus(ctx, deploymentId, 'in_progress', ctx.description);
            }
            catch (error) {
                report('mark it in progress', error);
            }
            return deploymentId;
        },
        async finish(state, description, environmentUrl) {
            if (deploymentId === undefined)
                return;
            try {
                await postDeploymentStatus(ctx, deploymentId, state, description, environmentUrl);
            }
            catch (error) {
                report(`mark it ${state}`, error);
            }
        }
    };
}


;// CONCATENATED MODULE: ./src/report/outputs.ts

/** One `result` entry per function: the machine-readable record of what happened. */
function resultEntries(outcome, alias) {
    return outcome.deployments.map(d => ({
        function: d.fn.name,
        functionArn: d.functionArn,
        aliasArn: d.aliasArn,
        alias,
        from: d.from,
        to: d.to || null,
        published: d.published,
        codeSha256: d.codeSha256,
        status: d.status,
        ...(d.message ? { message: d.message } : {}),
        ...(d.analysis ? { analysis: d.analysis } : {}),
        timeline: d.timeline.map(t => ({
            time: new Date(t.time).toISOString(),
            weight: t.weight,
            action: t.action,
            result: t.result
        }))
    }));
}
/** Every output, on success and on failure alike. With several functions, scalars are the first's. */
function writeOutputs(outcome, config) {
    const first = outcome.deployments[0];
    runner.setOutput('function-arn', first?.functionArn ?? '');
    runner.setOutput('alias-arn', first?.aliasArn ?? '');
    runner.setOutput('version', first?.to ?? '');
    runner.setOutput('previous-version', first?.from ?? '');
    runner.setOutput('published', String(outcome.deployments.some(d => d.published)));
    runner.setOutput('code-sha256', first?.codeSha256 ?? '');
    runner.setOutput('status', outcome.status);
    runner.setOutput('result', JSON.stringify(resultEntries(outcome, config.alias)));
}

;// CONCATENATED MODULE: ./src/rollout/snapshot.ts
function snapshot(alias) {
    return {
        arn: alias.AliasArn ?? '',
        functionVersion: alias.FunctionVersion ?? '',
        weights: { ...(alias.RoutingConfig?.AdditionalVersionWeights ?? {}) },
        description: alias.Description ?? '',
        revisionId: alias.RevisionId ?? ''
    };
}
/** The extra version an alias routes to, if any (Lambda allows one). */
function pendingSplit(alias) {
    const entry = Object.entries(alias.weights)[0];
    return entry ? { version: entry[0], weight: entry[1] } : null;
}
/** Same traffic: primary version and weights (RevisionId and ARN aside). */
function sameRouting(a, b) {
    if (a.functionVersion !== b.functionVersion)
        return false;
    const ka = Object.keys(a.weights);
    const kb = Object.keys(b.weights);
    return ka.length === kb.length && ka.every(k => b.weights[k] === a.weights[k]);
}
/** Same routing and description: what "restored exactly" means (ARN and RevisionId aside). */
function sameState(a, b) {
    return sameRouting(a, b) && a.description === b.description;
}
/** The part of a snapshot a write sets. */
function stateOf(s) {
    return { functionVersion: s.functionVersion, weights: { ...s.weights }, description: s.description };
}
/** `v41` or `v41 90% + v42 10%`, for logs and messages. */
function describeRouting(alias) {
    const split = pendingSplit(alias);
    if (!split)
        return `v${alias.functionVersion}`;
    return `v${alias.functionVersion} ${percent(1 - split.weight)} + v${split.version} ${percent(split.weight)}`;
}
/** 0.1 → `10%`, 0.025 → `2.5%`, without float noise. */
function percent(weight) {
    return `${Number((weight * 100).toFixed(4))}%`;
}

;// CONCATENATED MODULE: ./src/report/status.ts

/**
 * The GitHub deployment status: the verdict and the alias ARN first, the reason last, because GitHub cuts
 * descriptions at 140 characters and the verdict is what a reader needs.
 */
function deploymentStatus(outcome) {
    const first = outcome.deployments[0];
    const arn = first?.aliasArn ?? '';
    const more = outcome.deployments.length > 1 ? ` (+${outcome.deployments.length - 1} more)` : '';
    const from = first?.from ? `v${first.from}` : 'new alias';
    switch (outcome.status) {
        case 'promoted':
            return { state: 'success', description: `promoted ${from} → v${first?.to} on ${arn}${more}` };
        case 'in-progress':
            return {
                state: 'success',
                description: `v${first?.to} at ${percent(first?.weight ?? 0)}, waiting for a later run, on ${arn}${more}`
            };
        case 'rolled-back':
            return {
                state: 'failure',
                description: `rolled back to ${from} (verified) on ${arn}${more}: ${outcome.stopReason ?? outcome.error ?? ''}`
            };
        default:
            return { state: 'failure', description: `failed on ${arn}${more}: ${outcome.error ?? outcome.status}` };
    }
}
function consoleLink(region, d, alias) {
    return `https://${region}.console.aws.amazon.com/lambda/home?region=${region}#/functions/${encodeURIComponent(d.fn.name)}/aliases/${encodeURIComponent(alias)}`;
}

;// CONCATENATED MODULE: ./src/report/chart.ts
/**
 * Mermaid charts for the job summary, as `xychart-beta` blocks (in Mermaid since 10.6; GitHub renders
 * ```mermaid blocks in Markdown). Only recent Mermaid draws a legend for named plots, so the two versions
 * are told apart by mark, bars for the old version and a line for the new one, and the title says which.
 */
const MAX_LABEL = 60;
const MAX_COLUMNS = 30;
const STEPS_MS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400].map(s => s * 1000);
/**
 * Text from outside (function names, versions, step labels) made safe inside a quoted Mermaid string:
 * letters, digits and a few harmless punctuation marks are kept; a double quote or backtick becomes an
 * apostrophe (a quote would end the string, a backtick starts Markdown); anything else, including < > &
 * # and line breaks, becomes "_" or a space, so nothing can close the string, start a comment or
 * directive, or reach the page as HTML or an entity.
 */
function chartLabel(text, fallback = '-') {
    const cleaned = [...text.normalize('NFC')]
        .map(ch => /["`]/.test(ch) ? "'" : /\s/u.test(ch) ? ' ' : /[\p{L}\p{N} .,:/@+()%'_=!?-]/u.test(ch) ? ch : '_')
        .join('')
        // "%%" starts a Mermaid comment even right after the opening quote.
        .replace(/%+/g, '%')
        .replace(/ +/g, ' ')
        .trim();
    const short = [...cleaned].length > MAX_LABEL ? `${[...cleaned].slice(0, MAX_LABEL - 1).join('')}…` : cleaned;
    // Mermaid rejects an empty string.
    return short === '' ? fallback : short;
}
function quoted(text) {
    return `"${chartLabel(text)}"`;
}
/** A number as xychart reads it: plain decimals only, no exponent, no NaN. */
function chart_num(x, digits) {
    const fixed = (Number.isFinite(x) ? x : 0).toFixed(digits);
    return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}
/** A round axis top at or above max: 1, 2 or 5 times a power of ten, at least `least`. */
function axisTop(max, least) {
    const target = Math.max(max, least);
    const power = 10 ** Math.floor(Math.log10(target));
    return [1, 2, 5, 10].map(m => m * power).find(top => top >= target) ?? target;
}
function fence(lines) {
    return ['```mermaid', ...lines, '```', ''].join('\n');
}
function elapsed(ms) {
    const s = Math.round(ms / 1000);
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const rest = s % 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', rest || s === 0 ? `${rest}s` : ''].join('');
}
/**
 * The new version's traffic weight over time. The weight is sampled on an even grid (a round step, at
 * most 31 columns) as the weight in effect at each instant, so uneven change times keep a true time
 * axis; the last column always shows the final weight. Empty input gives no chart ('').
 */
function weightChart(points, names = {}) {
    if (points.some(p => !Number.isFinite(p.time) || !Number.isFinite(p.weight)))
        throw new RangeError('weightChart: every point needs a finite time and weight');
    if (points.length === 0)
        return '';
    const sorted = [...points].sort((a, b) => a.time - b.time);
    const start = sorted[0].time;
    const span = sorted[sorted.length - 1].time - start;
    const step = STEPS_MS.find(s => Math.ceil(span / s) <= MAX_COLUMNS) ?? Math.ceil(span / MAX_COLUMNS);
    const columns = span === 0 ? 0 : Math.ceil(span / step);
    const labels = [];
    const weights = [];
    for (let i = 0; i <= columns; i++) {
        const at = start + i * step;
        const inEffect = sorted.filter(p => p.time <= at).pop() ?? sorted[0];
        labels.push(`"${elapsed(i * step)}"`);
        weights.push(chart_num(Math.min(1, Math.max(0, inEffect.weight)) * 100, 1));
    }
    const version = names.newLabel ?? 'the new version';
    return fence([
        'xychart-beta',
        `  title ${quoted(names.title ?? `Traffic to ${version}`)}`,
        `  x-axis "elapsed" [${labels.join(', ')}]`,
        `  y-axis ${quoted(`% of traffic to ${version}`)} 0 --> 100`,
        `  bar [${weights.join(', ')}]`
    ]);
}
/**
 * Both versions' error rate and p99 per step: two charts (units differ), bars for the old version and a
 * line for the new one. A missing figure is drawn as 0 and its step labelled "(no data)". The p99 chart is
 * left out when no step has a p99. Empty input gives ''.
 */
function analysisChart(steps, names = {}) {
    if (steps.length === 0)
        return '';
    const fresh = names.newLabel ?? 'new';
    const old = names.oldLabel ?? 'old';
    const key = `bars ${old}, line ${fresh}`;
    const prefix = names.title ? `${names.title}: ` : '';
    const chart = (title, axis, pick, scale, least) => {
        const pairs = steps.map(pick);
        const labels = steps.map((s, i) => {
            const missing = pairs[i].some(v => v === undefined || !Number.isFinite(v));
            return quoted(missing ? `${chartLabel(s.label)} (no data)` : s.label);
        });
        const value = (v) => (v !== undefined && Number.isFinite(v) ? v * scale : 0);
        const top = axisTop(Math.max(...pairs.flat().map(value)), least);
        return fence([
            'xychart-beta',
            `  title ${quoted(`${prefix}${title} (${key})`)}`,
            `  x-axis [${labels.join(', ')}]`,
            `  y-axis ${quoted(axis)} 0 --> ${chart_num(top, 3)}`,
            `  bar [${pairs.map(([, o]) => chart_num(value(o), 3)).join(', ')}]`,
            `  line [${pairs.map(([n]) => chart_num(value(n), 3)).join(', ')}]`
        ]);
    };
    const errors = chart('error rate', 'errors (%)', s => [s.newErrorRate, s.oldErrorRate], 100, 1);
    const anyP99 = steps.some(s => s.newP99 !== undefined || s.oldP99 !== undefined);
    const latency = anyP99 ? chart('p99 duration', 'p99 (ms)', s => [s.newP99, s.oldP99], 1, 10) : '';
    return [errors, latency].filter(Boolean).join('\n');
}

// EXTERNAL MODULE: ./src/report/untrusted.ts
var untrusted = __nccwpck_require__(480);
;// CONCATENATED MODULE: ./src/report/summary.ts







const STATUS_ICON = {
    promoted: '✅',
    unchanged: '⏸️',
    'in-progress': '🔀',
    'rolled-back': '↩️',
    failed: '❌',
    'dry-run': '📝'
};
/**
 * The job summary: what changed, from → to, the timeline and its chart, the analysis, alarms, the result
 * and a console link. Every value that can come from outside (messages, alarm names and reasons, the
 * reason a rollout stopped) is escaped, so it renders as text and a table cell stays one cell.
 */
function summaryMarkdown(outcome, config) {
    const lines = [];
    const took = formatElapsed(outcome.endedAt - outcome.startedAt);
    lines.push(`## ${STATUS_ICON[outcome.status] ?? ''} lambda-promote: ${outcome.status}`, '');
    if (outcome.error)
        lines.push(`> ${(0,untrusted/* mdText */.bC)(outcome.error, 1000)}`, '');
    lines.push(`Alias \`${config.alias}\` · strategy ${planText(config)} · ${took}`, '');
    lines.push('| function | from | to | published | CodeSha256 | status | alias |', '|---|---|---|---|---|---|---|');
    for (const d of outcome.deployments) {
        const from = d.initial ? describeRouting(d.initial) : '(new alias)';
        const to = d.to ? `v${d.to}` : '—';
        const link = d.aliasArn ? `[\`${d.aliasArn}\`](${consoleLink(config.region, d, config.alias)})` : '—';
        lines.push(`| ${d.fn.name} | ${from} | ${to} | ${d.published ? 'yes' : 'no'} | \`${d.codeSha256 || '—'}\` | ${d.status} | ${link} |`);
    }
    lines.push('');
    const first = outcome.deployments.find(d => d.timeline.length > 0);
    if (first)
        lines.push(...timeline(first, outcome));
    const judged = outcome.deployments.find(d => (d.analysis ?? []).length > 0);
    if (judged)
        lines.push(...analysis(judged));
    if (outcome.alarms.length > 0) {
        lines.push('### Alarms', '', '| alarm | state at start |', '|---|---|');
        for (const a of outcome.alarms)
            lines.push(`| ${(0,untrusted/* mdCell */.cz)(a.name)} | ${(0,untrusted/* mdCell */.cz)(a.state)} |`);
        lines.push('');
    }
    const notes = outcome.deployments.filter(d => d.message).map(d => `- ${(0,untrusted/* mdText */.bC)(d.message ?? '', 1000)}`);
    if (notes.length > 0)
        lines.push('### Alias state', '', ...notes, '');
    if (outcome.plan.length > 0)
        lines.push('<details><summary>Plan</summary>', '', '```', 
        // Inside a fence only a run of backticks could end it early.
        ...outcome.plan.map(line => line.replace(/`/g, "'")), '```', '</details>', '');
    return lines.join('\n');
}
/** The weight over time as a chart (every rollout), then as a table. */
function timeline(d, outcome) {
    // Function names and versions are validated inputs and Lambda's own numbers; actions and results can
    // carry an alarm's reason or an error text.
    const lines = ['### Timeline', ''];
    const chart = weightChart(d.timeline.map(t => ({ time: t.time, weight: t.weight })), { newLabel: d.to ? `v${d.to}` : 'the new version' });
    if (chart)
        lines.push(chart, '');
    lines.push('| time (UTC) | traffic on new version | action | result |', '|---|---|---|---|');
    for (const t of d.timeline)
        lines.push(`| ${clockTime(t.time)} | ${percent(t.weight)} | ${(0,untrusted/* mdCell */.cz)(t.action)} | ${(0,untrusted/* mdCell */.cz)(t.result, 300)} |`);
    if (outcome.deployments.length > 1)
        lines.push('', `_Timeline of ${(0,untrusted/* mdText */.bC)(d.fn.name)}; every function's is in the \`result\` output._`);
    lines.push('');
    return lines;
}
/** Canary analysis per step: both versions' figures, the verdict, and a chart of error rate and p99. */
function analysis(d) {
    const steps = d.analysis ?? [];
    const rate = (r) => (r === undefined ? '—' : `${(r * 100).toFixed(2)}%`);
    const p99 = (v) => (v === undefined ? '—' : `${Math.round(v)} ms`);
    const lines = [
        `### Canary analysis (v${d.to} vs v${d.from ?? '-'})`,
        '',
        '| step | invocations new / old | errors new / old | p99 new / old | p | verdict |',
        '|---|---|---|---|---|---|'
    ];
    for (const s of steps)
        lines.push(`| ${percent(s.weight)} | ${s.newInvocations} / ${s.oldInvocations} | ${rate(s.newErrorRate)} / ${rate(s.oldErrorRate)} | ${p99(s.newP99Ms)} / ${p99(s.oldP99Ms)} | ${s.pValue === undefined ? '—' : s.pValue.toPrecision(2)} | ${s.outcome === 'pass' ? '✓' : s.outcome === 'fail' ? '✗' : 'not enough traffic'} |`);
    const chart = analysisChart(steps.map(s => ({
        label: percent(s.weight),
        newErrorRate: s.newErrorRate,
        oldErrorRate: s.oldErrorRate,
        newP99: s.newP99Ms,
        oldP99: s.oldP99Ms
    })), { newLabel: `v${d.to}`, oldLabel: `v${d.from ?? '-'}` });
    lines.push('', ...(chart ? [chart, ''] : []));
    return lines;
}
function planText(config) {
    const steps = config.plan.map(s => percent(s.weight)).join(' → ');
    return `${steps}${config.bakeMs > 0 ? `, bake ${formatDuration(config.bakeMs)}` : ''}`;
}
function writeSummary(outcome, config) {
    runner.appendSummary(summaryMarkdown(outcome, config));
}

;// CONCATENATED MODULE: ./src/report/version-description.ts
// The default description of a published Lambda version: enough to trace the version back to the
// release or commit and the workflow run that made it, inside Lambda's 256-character limit.
/** Lambda's limit on a version's description. */
const LAMBDA_DESCRIPTION_MAX = 256;
/** Cuts to `max` characters (UTF-16 units, as Lambda counts), ending in `…` when cut. */
function clampDescription(text, max = LAMBDA_DESCRIPTION_MAX) {
    if (text.length <= max)
        return text;
    if (max <= 0)
        return '';
    let cut = max - 1;
    // Never leave half a surrogate pair before the ellipsis.
    if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1)))
        cut--;
    return `${text.slice(0, cut)}…`;
}
/** refs/heads/main → main, refs/tags/v1 → v1, refs/pull/12/merge → PR #12. */
function shortRef(ref) {
    const pull = /^refs\/pull\/(\d+)\//.exec(ref);
    if (pull)
        return `PR #${pull[1]}`;
    return ref.replace(/^refs\/(heads|tags)\//, '');
}
function runUrl(ctx) {
    if (!ctx.serverUrl || !ctx.repository || !ctx.runId)
        return '';
    const attempt = ctx.runAttempt && ctx.runAttempt !== '1' ? `/attempts/${ctx.runAttempt}` : '';
    return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}/actions/runs/${ctx.runId}${attempt}`;
}
/**
 * `release v1.2.3 (abc1234) <run URL>` on release events, else `main @ abc1234 <run URL>`. When too long,
 * the tag or ref is shortened first so the sha and the run URL survive.
 */
function defaultDescription(ctx, max = LAMBDA_DESCRIPTION_MAX) {
    const sha = ctx.sha.slice(0, 7);
    const isRelease = ctx.eventName === 'release' && !!ctx.releaseTag;
    const name = isRelease ? (ctx.releaseTag ?? '') : shortRef(ctx.ref);
    const url = runUrl(ctx);
    const build = (label) => {
        const head = isRelease
            ? `release ${label}${sha ? ` (${sha})` : ''}`
            : [label, sha].filter(Boolean).join(' @ ');
        return [head, url].filter(Boolean).join(' ');
    };
    const full = build(name);
    if (full.length <= max)
        return full;
    // Shorten only the tag or ref, so the short sha and the run URL stay whole; give up on that when
    // too little of the name would remain to be useful.
    const room = max - (full.length - name.length);
    if (room >= 8)
        return build(clampDescription(name, room));
    return clampDescription(full, max);
}
/** Reads the run context from the GITHUB_* variables and, for releases, the event payload. */
function runContextFromEnv(env, eventPayload) {
    const tag = eventPayload?.release?.tag_name;
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        ref: env.GITHUB_REF ?? '',
        sha: env.GITHUB_SHA ?? '',
        ...(typeof tag === 'string' && tag ? { releaseTag: tag } : {}),
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        repository: env.GITHUB_REPOSITORY ?? '',
        runId: env.GITHUB_RUN_ID ?? '',
        ...(env.GITHUB_RUN_ATTEMPT ? { runAttempt: env.GITHUB_RUN_ATTEMPT } : {})
    };
}

// EXTERNAL MODULE: ./src/aws/limiter.ts
var limiter = __nccwpck_require__(9477);
;// CONCATENATED MODULE: ./src/aws/smoke.ts


/** Invokes the new version by number (no alias, so no user traffic) and judges the reply. */
async function smokeTest(api, fn, version, payload, signal) {
    let reply;
    try {
        reply = await api.invoke(fn, version, payload, signal);
    }
    catch (error) {
        return { ok: false, detail: `invoke failed: ${(0,errors/* errorLine */.BP)(error)}` };
    }
    return judgeReply(reply, version);
}
/** Pure: what a reply says about the version. */
function judgeReply(reply, version) {
    if (reply.statusCode < 200 || reply.statusCode > 299) {
        return { ok: false, detail: `invoke answered HTTP ${reply.statusCode}` };
    }
    if (reply.executedVersion !== undefined && reply.executedVersion !== version) {
        return { ok: false, detail: `invoke ran v${reply.executedVersion}, not v${version}` };
    }
    // The reply is the function's text: it may carry secrets or workflow commands, so it is never printed
    // on success, and on failure only the error type and a bounded, neutralised message are.
    if (reply.functionError) {
        let message = 'the reply is not JSON';
        try {
            const body = JSON.parse(reply.payload);
            message = `${String(body.errorType ?? 'Error')}: ${String(body.errorMessage ?? '')}`;
        }
        catch {
            // not JSON: say so rather than print it
        }
        return {
            ok: false,
            detail: `function error (${(0,untrusted/* logSafe */.sN)(reply.functionError, 40)}): ${(0,untrusted/* logSafe */.sN)(message, 200)}`
        };
    }
    const size = new TextEncoder().encode(reply.payload).length;
    return {
        ok: true,
        detail: `v${version} answered ${reply.statusCode} (executed v${reply.executedVersion ?? version}, ${size} bytes)`
    };
}

;// CONCATENATED MODULE: ./src/rollout/decide.ts

/** Refuses an unfinished rollout, resumes our own, skips unchanged code. Pure. */
function decide(input) {
    const { current } = input;
    const split = current ? pendingSplit(current) : null;
    if (input.requested !== null) {
        const version = input.requested;
        if (!current)
            return { kind: 'promote', version, resumeWeight: 0 };
        if (split && split.version === version)
            return { kind: 'promote', version, resumeWeight: split.weight };
        if (version === current.functionVersion) {
            // Asking for the primary while a split is pending is the manual rollback: clear the split.
            return split
                ? { kind: 'promote', version, resumeWeight: 0 }
                : { kind: 'unchanged', version, reason: `alias ${input.alias} already points at v${version}` };
        }
        if (split)
            return { kind: 'refuse', message: unfinished(input.alias, current, version) };
        return { kind: 'promote', version, resumeWeight: 0 };
    }
    if (!current)
        return { kind: 'publish' };
    // An alias on mutable $LATEST has no version to compare with: publish, then move all at once.
    if (current.functionVersion === '$LATEST')
        return { kind: 'publish' };
    if (split) {
        if (input.pendingSha === input.latestSha)
            return { kind: 'promote', version: split.version, resumeWeight: split.weight };
        return { kind: 'refuse', message: unfinished(input.alias, current, 'a new version from $LATEST') };
    }
    if (input.publish === 'auto' && input.currentSha === input.latestSha) {
        return {
            kind: 'unchanged',
            version: current.functionVersion,
            reason: `$LATEST has the same code as v${current.functionVersion} (CodeSha256 ${decide_short(input.latestSha)}); publish: always publishes a configuration-only change`
        };
    }
    return { kind: 'publish' };
}
function unfinished(alias, current, wanted) {
    const split = pendingSplit(current);
    const target = /^\d+$/.test(wanted) ? `v${wanted}` : wanted;
    return (`alias ${alias} is split (${describeRouting(current)}): an earlier rollout of v${split.version} is unfinished, ` +
        `so ${target} is not promoted. Finish it with version: ${split.version}, or undo it with ` +
        `version: ${current.functionVersion} and strategy: all-at-once, then run again`);
}
function decide_short(sha) {
    return sha.length > 8 ? `${sha.slice(0, 8)}…` : sha;
}

;// CONCATENATED MODULE: ./src/rollout/record.ts
function newRollout(fn) {
    return {
        fn,
        functionArn: '',
        aliasArn: '',
        initial: null,
        from: null,
        to: '',
        codeSha256: '',
        published: false,
        unchanged: false,
        resumeWeight: 0,
        weight: 0,
        wrote: false,
        timeline: [],
        status: 'failed'
    };
}
/** Goes at once: a new alias has no traffic to protect, clearing a pending split is a rollback, and
 * Lambda cannot split traffic away from $LATEST. */
function movesAllAtOnce(d) {
    return d.initial === null || d.to === d.from || d.from === '$LATEST';
}

;// CONCATENATED MODULE: ./src/rollout/inspect.ts




const POLL_MS = 500;
async function inspect(fn, o) {
    const { api } = o;
    const d = newRollout(fn);
    const latest = o.version === null ? await waitLatestSettled(o, fn.id) : await api.getFunction(fn.id, undefined, o.budget);
    if (!latest)
        throw new errors/* InputError */.dz('function-name', fn.id, `no such function in ${o.region}`);
    d.functionArn = (latest.FunctionArn ?? '').replace(/:\$LATEST$/, '');
    d.aliasArn = `${d.functionArn}:${o.alias}`;
    const alias = await api.getAlias(fn.id, o.alias, o.budget);
    d.initial = alias ? snapshot(alias) : null;
    d.from = d.initial?.functionVersion ?? null;
    if (d.initial?.arn)
        d.aliasArn = d.initial.arn;
    const requested = o.version ? await resolveRequested(o, fn.id, o.version) : null;
    // $LATEST is mutable: comparing its code with itself says nothing, so it is never "the current version".
    const current = d.from && d.from !== '$LATEST'
        ? ((await api.getFunction(fn.id, d.from, o.budget)) ?? undefined)
        : undefined;
    const pendingVersion = d.initial ? Object.keys(d.initial.weights)[0] : undefined;
    const pending = pendingVersion && requested === null ? await api.getFunction(fn.id, pendingVersion, o.budget) : null;
    const decision = decide({
        alias: o.alias,
        publish: o.publish,
        current: d.initial,
        requested: requested?.Version ?? null,
        latestSha: latest.CodeSha256 ?? '',
        ...(current?.CodeSha256 ? { currentSha: current.CodeSha256 } : {}),
        ...(pending?.CodeSha256 ? { pendingSha: pending.CodeSha256 } : {})
    });
    return settle(d, decision, { latest, current, requested, pending });
}
/** Fills the record from the decision and says what the publish phase has to do. */
function settle(d, decision, read) {
    const { latest, current, requested, pending } = read;
    const found = { rollout: d, ...(current ? { current } : {}) };
    switch (decision.kind) {
        case 'refuse':
            throw new errors/* DeployError */.sH(`${d.fn.name}: ${decision.message}`);
        case 'unchanged':
            d.unchanged = true;
            d.unchangedReason = decision.reason;
            d.to = decision.version;
            d.codeSha256 = current?.CodeSha256 ?? requested?.CodeSha256 ?? '';
            d.status = 'unchanged';
            return { rollout: d };
        case 'promote': {
            const target = requested ?? pending ?? current;
            d.to = decision.version;
            d.resumeWeight = decision.resumeWeight;
            d.weight = decision.resumeWeight;
            d.codeSha256 = target?.CodeSha256 ?? '';
            return { ...found, ...(target ? { target } : {}) };
        }
        case 'publish':
            d.codeSha256 = latest.CodeSha256 ?? '';
            return {
                ...found,
                publish: {
                    codeSha256: latest.CodeSha256 ?? '',
                    revisionId: latest.RevisionId ?? '',
                    fingerprint: fingerprint(latest)
                }
            };
    }
}
/**
 * What a version published from this $LATEST must look like: code and every setting a publish copies.
 * Identity fields (ARN, Version, RevisionId, LastModified, State) and the description are left out.
 */
function fingerprint(c) {
    return JSON.stringify([
        c.CodeSha256,
        c.Handler,
        c.Runtime,
        c.Role,
        c.MemorySize,
        c.Timeout,
        sorted(c.Environment?.Variables),
        (c.Layers ?? []).map(l => l.Arn),
        c.DeadLetterConfig?.TargetArn,
        c.KMSKeyArn,
        c.TracingConfig?.Mode,
        c.VpcConfig?.SubnetIds,
        c.VpcConfig?.SecurityGroupIds,
        c.Architectures,
        c.EphemeralStorage?.Size,
        c.PackageType,
        c.ImageConfigResponse?.ImageConfig
    ]);
}
function sorted(vars) {
    return Object.entries(vars ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
async function resolveRequested(o, fn, spec) {
    if (spec.kind === 'number') {
        const config = await o.api.getFunction(fn, spec.version, o.budget);
        if (!config)
            throw new errors/* InputError */.dz('version', spec.version, `${fn} has no version ${spec.version}`);
        return config;
    }
    const other = await o.api.getAlias(fn, spec.alias, o.budget);
    if (!other?.FunctionVersion)
        throw new errors/* InputError */.dz('version', spec.alias, `${fn} has no alias ${spec.alias}`);
    if (other.FunctionVersion === '$LATEST')
        throw new errors/* InputError */.dz('version', spec.alias, `alias ${spec.alias} points at $LATEST, which cannot be promoted`);
    const config = await o.api.getFunction(fn, other.FunctionVersion, o.budget);
    if (!config)
        throw new errors/* InputError */.dz('version', spec.alias, `alias ${spec.alias} points at v${other.FunctionVersion}, which no longer exists`);
    return config;
}
/** Publishing while $LATEST is mid-update would publish half of it (or answer 409). */
async function waitLatestSettled(o, fn) {
    for (;;) {
        const latest = await o.api.getFunction(fn, undefined, o.budget);
        if (!latest || latest.LastUpdateStatus !== 'InProgress') {
            if (latest?.LastUpdateStatus === 'Failed') {
                throw new errors/* DeployError */.sH(`${fn}: the last update of $LATEST failed (${latest.LastUpdateStatusReason ?? 'no reason given'}); fix it before promoting`);
            }
            return latest;
        }
        await pause(o, `${fn}: $LATEST is still being updated`);
    }
}
async function pause(o, what) {
    if (o.budget.signal?.aborted)
        throw new errors/* DeployError */.sH(`${what} when the run was stopped`);
    if (o.clock.now() + POLL_MS > o.budget.deadline)
        throw new errors/* DeployError */.sH(`${what} at the timeout`);
    await o.clock.sleep(POLL_MS, o.budget.signal);
}


;// CONCATENATED MODULE: ./src/rollout/ledger.ts
// The run ledger: what main writes to the step state ahead of and after every alias write, so that its own
// undo and the post step (after a kill) judge the alias by the same record and the same rule.

const KEY_HEAD = 'run';
const KEY_DONE = 'done';
const entryKey = (i) => `f${i}`;
class Ledger {
    store;
    head;
    entries;
    index = new Map();
    constructor(store, head, entries) {
        this.store = store;
        this.head = head;
        this.entries = entries;
        entries.forEach((e, i) => this.index.set(e.id, i));
    }
    /** Records every function before the first write that could change anything. */
    begin() {
        this.store.save(KEY_HEAD, JSON.stringify(this.head));
        this.entries.forEach((_, i) => this.persist(i));
    }
    entry(id) {
        return this.entries[this.at(id)];
    }
    setTarget(id, to) {
        this.update(id, e => (e.to = to));
    }
    /** The RevisionId the next write must carry: our last one, else the one read at the start. */
    guard(id) {
        const e = this.entry(id);
        return e.confirmed ?? e.initial?.revisionId ?? null;
    }
    intend(id, intent) {
        this.update(id, e => (e.intent = { state: intent.state ? stateOf(intent.state) : null, guard: intent.guard }));
    }
    /** The write's answer (or, after a lost answer, the alias read back as our intent) came back. */
    confirm(id, revisionId) {
        this.update(id, e => {
            e.confirmed = revisionId;
            e.intent = null;
        });
    }
    markForeign(id, holds) {
        this.update(id, e => {
            e.foreign = holds;
            e.intent = null;
        });
    }
    /** The outcome is final: post leaves everything as it is from here on. */
    finish(status) {
        this.store.save(KEY_DONE, status);
    }
    at(id) {
        const i = this.index.get(id);
        if (i === undefined)
            throw new Error(`no ledger entry for ${id}`);
        return i;
    }
    update(id, change) {
        const i = this.at(id);
        change(this.entries[i]);
        this.persist(i);
    }
    persist(i) {
        this.store.save(entryKey(i), JSON.stringify(this.entries[i]));
    }
}
/** Reads back what main saved; post never guesses: an unreadable ledger is said to be one. */
function readLedger(store) {
    const headText = store.get(KEY_HEAD);
    if (!headText)
        return { kind: 'none' };
    try {
        const head = JSON.parse(headText);
        if (head.v !== 1 || typeof head.alias !== 'string' || !Number.isInteger(head.count))
            return { kind: 'unreadable', reason: 'the saved run is of another format' };
        const entries = [];
        for (let i = 0; i < head.count; i++) {
            const text = store.get(entryKey(i));
            if (!text)
                return { kind: 'unreadable', reason: `function ${i + 1} of ${head.count} was not saved` };
            const e = JSON.parse(text);
            if (typeof e.id !== 'string')
                return { kind: 'unreadable', reason: `function ${i + 1} is malformed` };
            entries.push(e);
        }
        return { kind: 'found', ledger: new Ledger(store, head, entries), done: store.get(KEY_DONE) };
    }
    catch (error) {
        return { kind: 'unreadable', reason: error.message };
    }
}
/**
 * The ownership rule, for main and post alike. The alias is as it was (routing and description equal the
 * state read before the run, or still missing if it was), or this run's: its RevisionId is the last one this
 * run got back, or, after a lost answer, it is exactly the state this run recorded it was about to write.
 * Anything else is someone else's.
 */
function ownership(e, now) {
    if (now === null) {
        if (e.initial === null)
            return 'initial';
        return e.intent !== null && e.intent.state === null ? 'ours' : 'foreign';
    }
    if (e.initial !== null && sameState(now, e.initial))
        return 'initial';
    if (e.foreign !== null)
        return 'foreign';
    if (e.confirmed !== null && now.revisionId === e.confirmed)
        return 'ours';
    if (e.intent?.state && sameState(now, e.intent.state))
        return 'ours';
    return 'foreign';
}
/** An in-memory store: tests, and main when it runs outside a runner. */
function memoryStore(values = new Map()) {
    return { values, save: (k, v) => void values.set(k, v), get: k => values.get(k) ?? '' };
}

;// CONCATENATED MODULE: ./src/rollout/plan-lines.ts





/** The plan as the log and the summary show it: one line per function, then bake, alarms and wait. */
function planLines(config, found) {
    const lines = found.map(({ rollout: d, publish }) => {
        const head = `lambda-promote: ${d.fn.name}:${config.alias}  ${d.from ? `v${d.from}` : '(new alias)'} → `;
        if (d.unchanged)
            return `${head}v${d.to}  unchanged`;
        const target = publish
            ? `publish $LATEST (sha ${decide_short(d.codeSha256)})`
            : `v${d.to}${d.resumeWeight > 0 ? ` (resuming at ${percent(d.resumeWeight)})` : ''}`;
        const how = movesAllAtOnce(d)
            ? d.initial === null
                ? 'create the alias, all at once'
                : d.from === '$LATEST'
                    ? 'move off $LATEST, all at once'
                    : 'clear the pending split, all at once'
            : describeStrategy(config.strategy);
        return `${head}${target}  ${how}`;
    });
    if (config.bakeMs > 0)
        lines.push(`  then bake ${formatDuration(config.bakeMs)}`);
    if (config.alarms.length > 0)
        lines.push(`  watching alarms: ${config.alarms.join(', ')}`);
    if (!config.wait)
        lines.push('  wait: false: stop after the first step');
    return lines;
}

// EXTERNAL MODULE: ./src/aws/api.ts
var api = __nccwpck_require__(9685);
;// CONCATENATED MODULE: ./src/rollout/publish.ts




/** Publishes when the inspection asked for it, then waits until the target version is Active. */
async function publishAndSettle(insp, description, o) {
    const d = insp.rollout;
    let target = insp.target;
    if (insp.publish) {
        const published = await publishAsRead(d, insp.publish, description, o);
        d.to = published.Version ?? '';
        d.codeSha256 = published.CodeSha256 ?? d.codeSha256;
        // PublishVersion answers with the newest version when nothing changed since it; ours carries our description.
        d.published = published.Description === description && d.to !== d.from;
        if (d.to === d.from) {
            d.unchanged = true;
            d.unchangedReason = `nothing changed since v${d.to}, which alias ${d.aliasArn.split(':').pop()} already points at`;
            d.status = 'unchanged';
            return d;
        }
        target = published;
    }
    if (d.unchanged)
        return d;
    // An answer that already says Active needs no second look.
    const ready = target?.State === 'Active' ? target : await waitActive(o, d.fn.id, d.to);
    noteRoles(d, insp.current, ready);
    return d;
}
/**
 * PublishVersion guarded by the CodeSha256 and RevisionId read. A 412 means $LATEST moved since: our own
 * publish whose answer was lost moves it too, so look again. Only when $LATEST still holds exactly what was
 * read is it published again (Lambda then answers with the version already made from it); the version
 * returned must match what was read, or nothing is promoted.
 */
async function publishAsRead(d, read, description, o) {
    const changed = () => new errors/* DeployError */.sH(`${d.fn.name}: $LATEST changed while publishing (it no longer holds what was read, CodeSha256 ${decide_short(read.codeSha256)}): ` +
        `another deploy is updating this function; nothing was promoted. Run again once it is done`);
    let published;
    try {
        published = await o.api.publishVersion(d.fn.id, { ...read, description }, o.budget);
    }
    catch (error) {
        if (!(0,api/* isNamed */.e)(error, 'PreconditionFailedException') && !(0,api/* isNamed */.e)(error, 'InvalidParameterValueException'))
            throw error;
        const latest = await o.api.getFunction(d.fn.id, undefined, o.budget);
        if (!latest?.RevisionId || fingerprint(latest) !== read.fingerprint)
            throw changed();
        try {
            published = await o.api.publishVersion(d.fn.id, { codeSha256: read.codeSha256, revisionId: latest.RevisionId, description }, o.budget);
        }
        catch (again) {
            if ((0,api/* isNamed */.e)(again, 'PreconditionFailedException') || (0,api/* isNamed */.e)(again, 'InvalidParameterValueException'))
                throw changed();
            throw again;
        }
    }
    if (fingerprint(published) !== read.fingerprint)
        throw changed();
    return published;
}
function noteRoles(d, from, to) {
    if (from?.Role)
        d.fromRole = from.Role;
    if (to?.Role)
        d.toRole = to.Role;
    d.fromDlq = from?.DeadLetterConfig?.TargetArn ?? '';
    d.toDlq = to?.DeadLetterConfig?.TargetArn ?? '';
}
async function waitActive(o, fn, version) {
    for (;;) {
        const config = await o.api.getFunction(fn, version, o.budget);
        if (!config)
            throw new errors/* DeployError */.sH(`${fn}: version ${version} disappeared while waiting for it to become Active`);
        if (config.State === 'Active')
            return config;
        if (config.State === 'Failed' || config.State === 'Inactive') {
            throw new errors/* DeployError */.sH(`${fn}: version ${version} is ${config.State} (${config.StateReason ?? 'no reason given'})`);
        }
        await pause(o, `${fn}: version ${version} is still ${config.State ?? 'Pending'}`);
    }
}

;// CONCATENATED MODULE: ./src/rollout/stats.ts
/**
 * Statistics for canary analysis: is the new version's error proportion greater than the old one's?
 *
 * Fisher's exact test, one-sided. The error count of the new version, given both versions' totals and
 * the total error count, is hypergeometric; the p-value is its upper tail from the observed count. The
 * tail is one log-space term (log-factorials via Stirling's error, so no huge numbers cancel) times a sum
 * of running ratios of neighbouring terms: relative error ~1e-12 even for counts in the millions, no overflow,
 * and about 10·σ of the error count's spread in steps, however large the counts.
 */
/** Above this total the two-proportion z-test may stand in for Fisher's test (see errorIncreaseTest). */
const FISHER_MAX_TOTAL = 1_000_000_000;
/** ...but only when every cell's expected count is at least this, where the normal approximation holds. */
const Z_MIN_EXPECTED = 100;
/** Stop summing a tail once a term adds less than this fraction: below double precision. */
const NEGLIGIBLE = 1e-17;
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const TABLE_SIZE = 16;
const smallLogFactorials = [0];
for (let k = 1; k < TABLE_SIZE; k++)
    smallLogFactorials.push(smallLogFactorials[k - 1] + Math.log(k));
/**
 * Stirling's error ln(n!) − [(n + ½)·ln n − n + ln √(2π)]: a small number, so unlike ln(n!) itself (~1e7
 * for n in the millions, carrying only ~1e-9 absolute precision) it keeps full precision. Exact sums below
 * 16, Stirling's series above (next term below 1e-16 there).
 */
function stirlingError(n) {
    if (n < TABLE_SIZE)
        return n === 0 ? 0 : smallLogFactorials[n] - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
    const inv2 = 1 / (n * n);
    return (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 / 1188)))) / n;
}
/** ln(n!) for a whole n ≥ 0. */
function logFactorial(n) {
    if (!Number.isSafeInteger(n) || n < 0)
        throw new RangeError(`logFactorial: ${n} is not a whole number ≥ 0`);
    if (n < TABLE_SIZE)
        return smallLogFactorials[n];
    return (n + 0.5) * Math.log(n) - n + LN_SQRT_2PI + stirlingError(n);
}
/** x·ln(x/m) + m − x, by a series when x ≈ m where the direct form cancels. */
function deviance(x, m) {
    if (x === 0)
        return m;
    if (Math.abs(x - m) >= 0.1 * (x + m))
        return x * Math.log(x / m) + m - x;
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
        term *= v;
        const next = sum + term / (2 * j + 1);
        if (next === sum)
            break;
        sum = next;
    }
    return sum;
}
/**
 * ln P(X = x), X ~ Binomial(n, p), q = 1 − p, in Loader's saddle-point form: built from Stirling's errors
 * and deviances, which stay small, instead of differences of huge log-factorials. Precise to ~1e-14 for
 * any n a double holds.
 */
function logBinomialPmf(x, n, p, q) {
    if (x < 0 || x > n)
        return -Infinity;
    if (p === 0)
        return x === 0 ? 0 : -Infinity;
    if (q === 0)
        return x === n ? 0 : -Infinity;
    if (x === 0)
        return n === 0 ? 0 : p < 0.1 ? -deviance(n, n * q) - n * p : n * Math.log(q);
    if (x === n)
        return q < 0.1 ? -deviance(n, n * p) - n * q : n * Math.log(p);
    const core = stirlingError(n) - stirlingError(x) - stirlingError(n - x) - deviance(x, n * p) - deviance(n - x, n * q);
    // ln(n − x) rather than log1p(−x/n): n − x is exact, x/n near 1 is not.
    return core - 0.5 * (Math.log(2 * Math.PI) + Math.log(x) + Math.log(n - x) - Math.log(n));
}
/** ln P(X = x) for x errors among `drawn` of `total` invocations, `errors` of which failed (hypergeometric). */
function logHypergeometricPmf(x, errors, total, drawn) {
    // C(K,x)·C(N−K,n−x)/C(N,n) equals the same ratio of binomial probabilities at any p; p = n/N keeps each near its mode.
    const p = drawn / total;
    const q = (total - drawn) / total;
    return (logBinomialPmf(x, errors, p, q) +
        logBinomialPmf(drawn - x, total - errors, p, q) -
        logBinomialPmf(drawn, total, p, q));
}
function checkCounts(what, errors, total) {
    if (!Number.isSafeInteger(errors) || !Number.isSafeInteger(total) || errors < 0 || errors > total)
        throw new RangeError(`${what}: ${errors} errors of ${total} is not a count`);
}
/**
 * Sums a unimodal tail that starts at a term whose log is logFirst and moves away from the mode: each
 * next term is the previous one times ratio(x), x being the previous term's position. Returns the log.
 */
function logTail(logFirst, from, to, step, ratio) {
    let term = 1;
    let sum = 1;
    for (let x = from; x !== to; x += step) {
        term *= ratio(x);
        sum += term;
        if (term < sum * NEGLIGIBLE)
            break;
    }
    return logFirst + Math.log(sum);
}
/**
 * One-sided Fisher's exact test: the probability, if both versions fail at the same rate, of the new
 * version showing at least newErrors of its newTotal invocations as errors. Small means "worse".
 */
function fisherOneSided(newErrors, newTotal, oldErrors, oldTotal) {
    checkCounts('new version', newErrors, newTotal);
    checkCounts('old version', oldErrors, oldTotal);
    const a = newErrors;
    const n = newTotal;
    const total = newTotal + oldTotal;
    const errors = newErrors + oldErrors;
    if (a === 0)
        return 1;
    const ok = total - errors;
    const lowest = Math.max(0, n - ok);
    const highest = Math.min(errors, n);
    const logPmf = (x) => logHypergeometricPmf(x, errors, total, n);
    const mode = Math.floor(((n + 1) * (errors + 1)) / (total + 2));
    if (a >= mode) {
        // Upper tail from a: terms shrink as x grows past the mode.
        const up = (x) => ((errors - x) * (n - x)) / ((x + 1) * (ok - n + x + 1));
        return clamp01(Math.exp(logTail(logPmf(a), a, highest, 1, up)));
    }
    // The observed count is below the mode, so the tail holds most of the mass: 1 − the (short) lower tail.
    if (a - 1 < lowest)
        return 1;
    const down = (x) => (x * (ok - n + x)) / ((errors - x + 1) * (n - x + 1));
    return clamp01(1 - Math.exp(logTail(logPmf(a - 1), a - 1, lowest, -1, down)));
}
/**
 * One-sided two-proportion z-test with pooled variance: P(Z ≥ z) for the difference newRate − oldRate.
 * An approximation of Fisher's test for large counts; 1 when there is nothing to compare.
 */
function twoProportionZ(newErrors, newTotal, oldErrors, oldTotal) {
    checkCounts('new version', newErrors, newTotal);
    checkCounts('old version', oldErrors, oldTotal);
    if (newTotal === 0 || oldTotal === 0)
        return 1;
    const pooled = (newErrors + oldErrors) / (newTotal + oldTotal);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / newTotal + 1 / oldTotal));
    // No errors at all (or nothing but errors): no evidence either way.
    if (se === 0)
        return 1;
    const z = (newErrors / newTotal - oldErrors / oldTotal) / se;
    return clamp01(0.5 * erfc(z / Math.SQRT2));
}
/**
 * The p-value for "the new version's error rate is higher". Fisher's exact test, except past
 * FISHER_MAX_TOTAL invocations with every expected cell ≥ Z_MIN_EXPECTED: there Fisher's tail could take
 * ~10·σ ≈ 5·√total (over 150,000) steps, and the normal approximation is accurate, so the z-test answers.
 * No real canary window comes near that total (an hour at 100,000 requests a second is 3.6e8); the switch
 * only keeps the cost bounded for any input. With few errors the z-test would be wrong, so Fisher stays.
 */
function errorIncreaseTest(newErrors, newTotal, oldErrors, oldTotal) {
    const total = newTotal + oldTotal;
    const errors = newErrors + oldErrors;
    if (total > FISHER_MAX_TOTAL) {
        const smallestExpected = (Math.min(errors, total - errors) * Math.min(newTotal, oldTotal)) / Math.max(total, 1);
        if (smallestExpected >= Z_MIN_EXPECTED)
            return { p: twoProportionZ(newErrors, newTotal, oldErrors, oldTotal), test: 'z' };
    }
    return { p: fisherOneSided(newErrors, newTotal, oldErrors, oldTotal), test: 'fisher' };
}
/**
 * P(X ≥ errors) for X ~ Binomial(total, rate): how surprising this many errors would be if the true
 * error rate were `rate`. Used when there is no old version to compare with.
 */
function binomialUpperTail(errors, total, rate) {
    checkCounts('binomial', errors, total);
    if (!(rate >= 0 && rate <= 1))
        throw new RangeError(`binomial: rate ${rate} is not in [0, 1]`);
    if (errors === 0 || rate === 1)
        return 1;
    if (rate === 0)
        return 0;
    const logPmf = (x) => logBinomialPmf(x, total, rate, 1 - rate);
    const odds = rate / (1 - rate);
    const mode = Math.floor((total + 1) * rate);
    if (errors >= mode) {
        const up = (x) => ((total - x) / (x + 1)) * odds;
        return clamp01(Math.exp(logTail(logPmf(errors), errors, total, 1, up)));
    }
    const down = (x) => x / (total - x + 1) / odds;
    return clamp01(1 - Math.exp(logTail(logPmf(errors - 1), errors - 1, 0, -1, down)));
}
const ERFC_COEFFICIENTS = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
    -0.82215223, 0.17087277
];
/** erfc(x): Chebyshev fit with fractional error below 1.2e-7 everywhere (Numerical Recipes' erfcc). */
function erfc(x) {
    const z = Math.abs(x);
    const t = 1 / (1 + 0.5 * z);
    let poly = 0;
    for (let i = ERFC_COEFFICIENTS.length - 1; i >= 0; i--)
        poly = ERFC_COEFFICIENTS[i] + t * poly;
    const r = t * Math.exp(-z * z + poly);
    return x >= 0 ? r : 2 - r;
}
function clamp01(p) {
    return Math.min(1, Math.max(0, p));
}

;// CONCATENATED MODULE: ./src/rollout/verdict-text.ts
/** How the verdict line writes its figures: short, and the same way every time. */
/** `v7` for a numbered version; anything else as it is. */
function label(version) {
    return /^\d+$/.test(version) ? `v${version}` : version;
}
/** 10870 → `10,870`. */
function count(n) {
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
/** A rate as a percentage with one decimal: 0.021 → `2.1%`; undefined → `n/a`. */
function verdict_text_percent(r) {
    if (r === undefined)
        return 'n/a';
    const pct = r * 100;
    if (pct === 0)
        return '0%';
    // Tiny rates keep two significant digits instead of rounding to "0.0%".
    return pct >= 0.1 ? `${pct.toFixed(1)}%` : `${Number(pct.toPrecision(2))}%`;
}
/** A relative change: 1 → `+100%`, −0.4 → `-40%`. */
function signedPercent(change) {
    if (change === undefined)
        return 'n/a';
    const whole = Math.round(change * 100);
    return `${whole >= 0 ? '+' : ''}${whole}%`;
}
/** A p-value to three decimals, `p<0.001` below that. */
function pText(p) {
    return p < 0.001 ? 'p<0.001' : `p=${Number(p.toFixed(3))}`;
}
/** Milliseconds, whole from 10 ms up. */
function ms(value) {
    if (value === undefined)
        return 'n/a';
    return `${value >= 10 ? Math.round(value) : Number(value.toFixed(1))} ms`;
}
/** A window length: 90000 → `1m30s`. */
function duration(totalMs) {
    if (totalMs < 1000)
        return `${Math.round(totalMs)}ms`;
    let s = Math.round(totalMs / 1000);
    const h = Math.floor(s / 3600);
    s -= h * 3600;
    const m = Math.floor(s / 60);
    s -= m * 60;
    return [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('');
}

;// CONCATENATED MODULE: ./src/rollout/judge.ts


/**
 * errorMargin 0.005 (half a percentage point): below that, an increase is not worth a rollback.
 * minLatencySamples 100: with fewer samples p99 is simply the slowest invocation, so one cold start
 * would decide it.
 */
const JUDGE_DEFAULTS = {
    latencyTolerance: 0.2,
    errorMargin: 0.005,
    alpha: 0.05,
    minLatencySamples: 100
};
/**
 * Judges one step. With no old invocations in the window (a 100% step, say) there is no baseline: the
 * new version fails on errors only when its rate is significantly above errorMargin (exact binomial
 * test, p < alpha, and rate > errorMargin), and latency is not judged. A function whose usual error
 * rate is above errorMargin would fail such a step; to compare with the old version's last window
 * instead, pass that window's figures as `old`.
 */
function judge(figures, settings) {
    checkSettings(settings);
    const checks = new Set(settings.checks);
    const fresh = checkFigures('new version', figures.new);
    const old = checkFigures('old version', figures.old);
    const base = {
        newVersion: figures.newVersion,
        oldVersion: figures.oldVersion,
        windowMs: figures.windowMs,
        new: fresh,
        old,
        newRate: rate(fresh),
        oldRate: rate(old)
    };
    const head = `${label(figures.newVersion)} vs ${label(figures.oldVersion)} over ${duration(figures.windowMs)}: `;
    if (fresh.invocations < settings.minInvocations) {
        const line = `${head}not enough traffic to judge (${count(fresh.invocations)} of ${count(settings.minInvocations)} invocations)`;
        return {
            ...base,
            pValue: undefined,
            errorTest: undefined,
            latencyChange: undefined,
            line,
            outcome: 'insufficient'
        };
    }
    const parts = [`${count(fresh.invocations)} vs ${count(old.invocations)} invocations`];
    let failed;
    let pValue;
    let errorTest;
    if (checks.has('errors')) {
        const e = judgeErrors(fresh, old, settings);
        pValue = e.pValue;
        errorTest = e.errorTest;
        if (e.fails)
            failed = 'errors';
        parts.push(e.text);
    }
    const change = latencyChange(fresh, old);
    if (checks.has('latency')) {
        const l = judgeLatency(fresh, old, change, settings);
        if (l.fails)
            failed ??= 'latency';
        parts.push(l.text);
    }
    const line = `${head}${parts.join(', ')} ${failed ? '✗' : '✓'}`;
    const common = { ...base, pValue, errorTest, latencyChange: change, line };
    return failed ? { ...common, outcome: 'fail', reason: failed } : { ...common, outcome: 'pass' };
}
/**
 * An interim look during a long hold (e.g. once a minute): the same rule, stopping only on `fail`;
 * `insufficient` and `pass` both mean keep holding. Every look is another chance to fail a healthy
 * version by luck, so the planned looks share alpha (Bonferroni, alpha / looks): across the whole hold
 * the chance that some interim look fails a version that is not worse stays at most alpha.
 */
function judgeEarly(figures, settings, looks) {
    if (!Number.isSafeInteger(looks) || looks < 1)
        throw new RangeError(`looks: ${looks} is not a whole number ≥ 1`);
    const verdict = judge(figures, { ...settings, alpha: settings.alpha / looks });
    return { stop: verdict.outcome === 'fail', verdict };
}
function judgeErrors(fresh, old, s) {
    const newRate = rate(fresh);
    if (newRate === undefined)
        return {
            fails: false,
            text: `errors n/a vs ${verdict_text_percent(rate(old))}`,
            pValue: undefined,
            errorTest: undefined
        };
    const oldRate = rate(old);
    if (oldRate === undefined) {
        const p = binomialUpperTail(fresh.errors, fresh.invocations, s.errorMargin);
        const fails = p < s.alpha && newRate > s.errorMargin;
        return {
            fails,
            text: `errors ${verdict_text_percent(newRate)} vs margin ${verdict_text_percent(s.errorMargin)} (${pText(p)})`,
            pValue: p,
            errorTest: 'binomial'
        };
    }
    const { p, test } = errorIncreaseTest(fresh.errors, fresh.invocations, old.errors, old.invocations);
    const fails = p < s.alpha && newRate - oldRate > s.errorMargin;
    return {
        fails,
        text: `errors ${verdict_text_percent(newRate)} vs ${verdict_text_percent(oldRate)} (${pText(p)})`,
        pValue: p,
        errorTest: test
    };
}
function judgeLatency(fresh, old, change, s) {
    const text = `p99 ${ms(fresh.p99Ms)} vs ${ms(old.p99Ms)}`;
    const samples = Math.min(samplesOf(fresh), samplesOf(old));
    if (fresh.p99Ms === undefined || old.p99Ms === undefined || samples < s.minLatencySamples)
        return {
            fails: false,
            text: `${text} (not judged: ${count(samples)} samples, need ${count(s.minLatencySamples)})`
        };
    const fails = fresh.p99Ms > old.p99Ms * (1 + s.latencyTolerance);
    return { fails, text: `${text} (${signedPercent(change)})` };
}
function latencyChange(fresh, old) {
    if (fresh.p99Ms === undefined || old.p99Ms === undefined || old.p99Ms <= 0)
        return undefined;
    return fresh.p99Ms / old.p99Ms - 1;
}
function samplesOf(f) {
    return f.p99Ms === undefined ? 0 : (f.durationSamples ?? f.invocations);
}
function rate(f) {
    return f.invocations > 0 ? f.errors / f.invocations : undefined;
}
function checkFigures(what, f) {
    const numbers = {
        invocations: f.invocations,
        errors: f.errors,
        p99Ms: f.p99Ms,
        durationSamples: f.durationSamples
    };
    for (const [name, value] of Object.entries(numbers))
        if (value !== undefined && !(Number.isFinite(value) && value >= 0))
            throw new RangeError(`${what}: ${name} ${value} is not a figure`);
    const invocations = Math.round(f.invocations);
    // Errors and Invocations are separate metric streams and can disagree by a datapoint at the
    // window's edges; cap errors so the tests stay defined.
    const errors = Math.min(Math.round(f.errors), invocations);
    return { ...f, invocations, errors };
}
function checkSettings(s) {
    const ok = Number.isFinite(s.minInvocations) &&
        s.minInvocations >= 0 &&
        s.latencyTolerance >= 0 &&
        s.errorMargin >= 0 &&
        s.errorMargin <= 1 &&
        s.alpha > 0 &&
        s.alpha < 1 &&
        s.minLatencySamples >= 0;
    if (!ok) {
        const { checks: _checks, ...numbers } = s;
        throw new RangeError(`judge settings out of range: ${JSON.stringify(numbers)}`);
    }
}

;// CONCATENATED MODULE: ./src/rollout/analysis.ts




/**
 * Judges every function that has a baseline (an old version) over [start, now]. Throws StopError when one
 * is worse; returns 'insufficient' while any has served fewer than minInvocations, else 'pass'.
 */
async function judgeStep(ds, weight, start, ctx) {
    const judged = ds.filter(d => !d.unchanged && d.from !== null && d.from !== d.to && d.from !== '$LATEST');
    const end = ctx.clock.now();
    const results = await (0,limiter/* mapLimit */.s)(judged, ctx.concurrency, async (d) => {
        const figures = await ctx.metrics.figures({
            functionName: d.fn.id,
            alias: ctx.alias,
            versions: [d.to, d.from],
            startMs: start,
            endMs: end
        }, ctx.signal);
        // At 100% (bake time) the old version serves nothing: its last window with traffic is the baseline.
        const old = figures.old.invocations > 0 ? figures.old : (baselines.get(d) ?? figures.old);
        if (figures.old.invocations > 0)
            baselines.set(d, figures.old);
        return judge({ newVersion: d.to, oldVersion: d.from, windowMs: end - start, new: figures.new, old }, {
            ...JUDGE_DEFAULTS,
            checks: ctx.checks,
            minInvocations: ctx.minInvocations,
            latencyTolerance: ctx.latencyTolerance
        });
    });
    let enough = true;
    for (const [i, r] of results.entries()) {
        const d = judged[i];
        // A read cut short by a cancel or the timeout is that, not a failed analysis.
        if (r.status === 'rejected')
            (0,errors/* stopIfAborted */.NI)(ctx.signal);
        if (r.status === 'rejected')
            throw new errors/* StopError */.Tj('analysis', `${d.fn.name}: canary analysis could not read the metrics: ${(0,errors/* errorLine */.BP)(r.reason)}`);
        const v = r.value;
        ctx.log.info(`  ${d.fn.name}: ${v.line}`);
        record(d, weight, v);
        if (v.outcome === 'fail')
            throw new errors/* StopError */.Tj('analysis', `canary analysis of ${d.fn.name} at ${percent(weight)}: ${v.line}`);
        if (v.outcome === 'insufficient')
            enough = false;
    }
    return enough ? 'pass' : 'insufficient';
}
/** The old version's figures from its last window with traffic, per rollout. */
const baselines = new WeakMap();
function record(d, weight, v) {
    const judgement = {
        weight,
        outcome: v.outcome,
        line: v.line,
        newInvocations: v.new.invocations,
        oldInvocations: v.old.invocations,
        newErrorRate: v.newRate,
        oldErrorRate: v.oldRate,
        newP99Ms: v.new.p99Ms,
        oldP99Ms: v.old.p99Ms,
        pValue: v.pValue
    };
    // An extended hold judges the same step again: keep the latest judgement of each step.
    const last = d.analysis?.at(-1);
    if (last && last.weight === weight && last.outcome === 'insufficient')
        d.analysis?.pop();
    (d.analysis ??= []).push(judgement);
}
/** How long to hold again when there was too little traffic: metrics arrive by the minute. */
function extension(holdMs) {
    return Math.min(60_000, Math.max(500, holdMs / 2));
}

;// CONCATENATED MODULE: ./src/rollout/shift.ts









/**
 * Step k for every function before step k+1; each step is one UpdateAlias guarded by the RevisionId of
 * the previous answer, then a hold that watches alarms. Returns 'in-progress' when `wait` is false and the
 * first step left traffic split.
 */
async function shift(ds, plan, ctx, wait) {
    const active = ds.filter(d => !d.unchanged);
    const lead = active[0];
    let logged = -1;
    for (const step of plan) {
        const movers = active.filter(d => d.weight < (movesAllAtOnce(d) ? 1 : step.weight));
        const atStep = active.some(d => d.weight === step.weight);
        if (movers.length === 0 && !atStep)
            continue;
        (0,errors/* stopIfAborted */.NI)(ctx.signal);
        if (movers.length > 0) {
            const results = await (0,limiter/* mapLimit */.s)(movers, ctx.concurrency, d => applyStep(d, movesAllAtOnce(d) ? 1 : step.weight, ctx));
            const failed = results.find((r) => r.status === 'rejected');
            if (failed)
                throw failed.reason instanceof errors/* StopError */.Tj
                    ? failed.reason
                    : new errors/* StopError */.Tj('step-failed', (0,errors/* errorLine */.BP)(failed.reason));
        }
        // Everything went at once (a new alias, a cleared split): no partial weight is left to hold.
        if (step.weight < 1 && active.every(d => d.weight >= 1))
            continue;
        const alarmNote = await checkAlarms(ctx);
        if (lead.weight !== logged) {
            logged = lead.weight;
            const who = active.length > 1 ? ` (${active.length} functions)` : '';
            const version = lead.weight >= 1 || !movesAllAtOnce(lead) ? lead.to : lead.from;
            ctx.log.info(`  ${clockTime(ctx.clock.now())}  ${percent(lead.weight).padStart(4)} → v${version}${who}  ${alarmNote}${holdNote(step)}`);
        }
        // A cancel that arrived while this step was in flight must not be reported as success.
        (0,errors/* stopIfAborted */.NI)(ctx.signal);
        if (!wait && step.weight < 1)
            return 'in-progress';
        const started = ctx.clock.now();
        await hold(step.holdMs, ctx);
        if (ctx.analysis && step.holdMs > 0)
            await judgeHold(active, step, started, ctx, ctx.analysis);
    }
    (0,errors/* stopIfAborted */.NI)(ctx.signal);
    return 'promoted';
}
function holdNote(step) {
    if (step.holdMs <= 0)
        return '';
    return step.weight < 1
        ? `  holding ${formatDuration(step.holdMs)}`
        : `  baking ${formatDuration(step.holdMs)}`;
}
/** The state one step sets: a split from the old version, or the new version alone. */
function shift_stepState(d, weight) {
    const description = d.initial?.description ?? '';
    return weight >= 1
        ? { functionVersion: d.to, weights: {}, description }
        : { functionVersion: d.from, weights: { [d.to]: weight }, description };
}
/** One alias write for one function, recorded in the ledger before it is sent and after it answers. */
async function applyStep(d, weight, ctx) {
    // A cancel stops functions not yet written: only what landed has to be undone.
    (0,errors/* stopIfAborted */.NI)(ctx.signal);
    const id = d.fn.id;
    const state = shift_stepState(d, weight);
    if (d.initial === null && !d.wrote) {
        ctx.ledger.intend(id, { state, guard: null });
        d.wrote = true;
        let created;
        try {
            created = await ctx.api.createAlias(id, ctx.alias, d.to, ctx.budget());
        }
        catch (error) {
            if (!(0,api/* isNamed */.e)(error, 'ResourceConflictException'))
                throw error;
            const now = await ctx.api.getAlias(id, ctx.alias, ctx.budget());
            throw foreignChange(d, ctx, now ? describeRouting(snapshot(now)) : 'nothing');
        }
        ctx.ledger.confirm(id, created.RevisionId ?? null);
        if (created.AliasArn)
            d.aliasArn = created.AliasArn;
        shift_record(d, ctx, 1, `created alias on v${d.to}`);
        return;
    }
    const guard = ctx.ledger.guard(id);
    ctx.ledger.intend(id, { state, guard });
    d.wrote = true;
    try {
        const out = await ctx.api.updateAlias(id, ctx.alias, { ...state, ...(guard ? { revisionId: guard } : {}) }, ctx.budget());
        ctx.ledger.confirm(id, out.RevisionId ?? null);
    }
    catch (error) {
        if (!(0,api/* isNamed */.e)(error, 'PreconditionFailedException'))
            throw error;
        // Our own earlier attempt may have landed with its answer lost: then the alias shows exactly our intent.
        const found = await ctx.api.getAlias(id, ctx.alias, ctx.budget());
        const now = found ? snapshot(found) : null;
        if (!now || !sameState(now, state))
            throw foreignChange(d, ctx, now ? describeRouting(now) : 'nothing (deleted)');
        ctx.ledger.confirm(id, now.revisionId);
    }
    shift_record(d, ctx, weight, weight >= 1 ? `promoted to v${d.to}` : `${percent(weight)} to v${d.to}`);
}
function foreignChange(d, ctx, holds) {
    const e = ctx.ledger.entry(d.fn.id);
    ctx.ledger.markForeign(d.fn.id, holds);
    const when = e.confirmed === null
        ? `before this run's first write (it held ${d.initial ? describeRouting(d.initial) : 'no alias'} when read)`
        : `during the rollout (this run last set ${describeRouting(shift_stepState(d, d.weight))})`;
    return new errors/* StopError */.Tj('foreign-change', `${d.fn.name}: alias ${ctx.alias} was changed by someone else ${when}; it now holds ${holds}. Not overwriting it`);
}
function shift_record(d, ctx, weight, action) {
    d.weight = weight;
    d.timeline.push({ time: ctx.clock.now(), weight, action, result: 'ok' });
}
async function checkAlarms(ctx) {
    if (ctx.alarms.names.length === 0)
        return 'no alarms watched';
    const firing = (await ctx.alarms.read(ctx.budget().deadline, ctx.signal)).filter(a => a.state === 'ALARM');
    if (firing.length > 0)
        throw new errors/* StopError */.Tj('alarm', `alarm ${firing.map(a => a.name).join(', ')} went into ALARM (${(0,untrusted/* logSafe */.sN)(firing[0]?.reason ?? '', 200)})`);
    return 'alarms OK';
}
/** Holds a step for `ms`, polling alarms; ends early (throwing) on ALARM, cancellation or timeout. */
async function hold(ms, ctx) {
    if (ms <= 0)
        return;
    const end = ctx.clock.now() + ms;
    // Poll often enough to catch an alarm early in a short test hold, at most every 5 s in a real one.
    const every = Math.min(5000, Math.max(100, ms / 4));
    for (;;) {
        (0,errors/* stopIfAborted */.NI)(ctx.signal);
        const left = end - ctx.clock.now();
        if (left <= 0)
            return;
        await ctx.clock.sleep(Math.min(every, left), ctx.signal);
        (0,errors/* stopIfAborted */.NI)(ctx.signal);
        await checkAlarms(ctx);
    }
}
/** Judges the step; while there is too little traffic, holds on (alarms still watched) until the deadline. */
async function judgeHold(active, step, started, ctx, analysis) {
    const deadline = ctx.budget().deadline;
    while ((await judgeStep(active, step.weight, started, analysis)) === 'insufficient') {
        const more = extension(step.holdMs);
        // Leave a second before the deadline, so that this, not the timeout, is what the run reports.
        if (ctx.clock.now() + more + 1000 >= deadline)
            throw new errors/* StopError */.Tj('analysis', `not enough traffic to judge: the new version served fewer than ${analysis.minInvocations} invocations at ${percent(step.weight)} before the timeout`);
        await hold(more, ctx);
    }
}

;// CONCATENATED MODULE: ./src/rollout/restore.ts






/** Restores every listed function; never throws, says per function what the alias holds. */
async function restoreAll(ids, ctx) {
    const results = await (0,limiter/* mapLimit */.s)(ids, ctx.concurrency, id => restoreOne(id, ctx));
    return results.map((r, i) => {
        if (r.status === 'fulfilled')
            return r.value;
        const e = ctx.ledger.entry(ids[i]);
        return {
            id: e.id,
            restored: false,
            foreign: false,
            message: `${e.name}: rollback failed: ${(0,errors/* errorLine */.BP)(r.reason)}; ${fixCommand(e, ctx.ledger.head.alias)}`
        };
    });
}
/**
 * Puts the alias back exactly (delete one this run created), writing only over a state the ledger shows is
 * this run's and always with the RevisionId just read or got back; then reads it to confirm. A 412 means
 * someone (or our own lost answer) wrote in between: read again and judge afresh.
 */
async function restoreOne(id, ctx) {
    const { api, ledger, budget } = ctx;
    const alias = ledger.head.alias;
    const e = ledger.entry(id);
    const initial = e.initial;
    // Our last write is confirmed and nothing is pending: write at once, guarded by its RevisionId; one
    // call fewer per function counts when many aliases must be back before the runner's SIGKILL.
    if (ctx.writeFirst && initial !== null && e.confirmed !== null && e.intent === null && e.foreign === null) {
        await guardedRestore(ctx, e, initial, e.confirmed);
    }
    for (let attempt = 0; attempt < 4; attempt++) {
        const found = await api.getAlias(id, alias, budget);
        const now = found ? snapshot(found) : null;
        const owner = ownership(ledger.entry(id), now);
        if (owner === 'initial')
            return done(e, alias, now === null && initial === null ? 'absent' : 'restored');
        if (owner === 'foreign')
            return foreign(ledger.entry(id), alias, now);
        if (initial === null) {
            ledger.intend(id, { state: null, guard: null });
            // DeleteAlias takes no RevisionId: the read just above is the closest guard Lambda offers.
            await api.deleteAlias(id, alias, budget);
            continue;
        }
        await guardedRestore(ctx, e, initial, now.revisionId);
    }
    const found = await api.getAlias(id, alias, budget);
    return {
        id,
        restored: false,
        foreign: false,
        message: `${e.name}: could not confirm the rollback; alias ${alias} holds ${found ? describeRouting(snapshot(found)) : 'nothing'}; ${fixCommand(e, alias)}`
    };
}
async function guardedRestore(ctx, e, initial, guard) {
    ctx.ledger.intend(e.id, { state: initial, guard });
    try {
        const out = await ctx.api.updateAlias(e.id, ctx.ledger.head.alias, { ...stateOf(initial), revisionId: guard }, ctx.budget);
        ctx.ledger.confirm(e.id, out.RevisionId ?? null);
    }
    catch (error) {
        if (!(0,api/* isNamed */.e)(error, 'PreconditionFailedException'))
            throw error;
    }
}
function done(e, alias, how) {
    const message = how === 'absent'
        ? `${e.name}: alias ${alias} (created by this run) is gone again (verified)`
        : `${e.name}: alias ${alias} is back on ${describeRouting(e.initial)} (verified)`;
    return { id: e.id, restored: true, foreign: false, message };
}
function foreign(e, alias, now) {
    const before = e.initial ? describeRouting(e.initial) : 'nothing (no alias)';
    const holds = now
        ? `${describeRouting(now)}${now.description !== e.initial?.description ? ` (description "${(0,untrusted/* logSafe */.sN)(now.description, 100)}")` : ''}`
        : 'nothing (deleted)';
    return {
        id: e.id,
        restored: false,
        foreign: true,
        message: `${e.name}: alias ${alias} was changed by someone else: it holds ${holds}, which this run did not write (before the run: ${before}); left as it is`
    };
}
/** The command a person runs to put the alias back by hand. */
function fixCommand(e, alias) {
    if (!e.initial)
        return `to undo: aws lambda delete-alias --function-name ${e.id} --name ${alias}`;
    const weights = Object.entries(e.initial.weights)
        .map(([v, w]) => `${v}=${w}`)
        .join(',');
    return (`to undo: aws lambda update-alias --function-name ${e.id} --name ${alias} --function-version ${e.initial.functionVersion} ` +
        `--routing-config 'AdditionalVersionWeights={${weights}}'`);
}

;// CONCATENATED MODULE: ./src/rollout/undo.ts


/** Time a rollback may take after cancellation: inside the runner's 7.5 s before SIGTERM. */
const CANCEL_ROLLBACK_MS = 6000;
const ROLLBACK_MS = 120_000;
async function undo(ds, config, deps, stop) {
    const reason = stop.message;
    const touched = ds.filter(d => d.wrote);
    if (touched.length === 0)
        return ['failed', `${reason}; no alias was changed`];
    const stoppedAt = deps.clock.now();
    for (const d of touched)
        d.timeline.push({ time: stoppedAt, weight: d.weight, action: 'stopped', result: reason });
    if (!config.rollback)
        return leaveAsIs(touched, config.alias, reason);
    // Only a signal races the runner's SIGKILL; a timeout leaves the normal rollback budget.
    const budget = {
        deadline: deps.clock.now() + (stop.kind === 'cancelled' ? CANCEL_ROLLBACK_MS : ROLLBACK_MS),
        maxAttempts: 20
    };
    const results = await deps.log.group('Rolling back', () => restoreAll(touched.map(d => d.fn.id), { api: deps.api, ledger: deps.ledger, concurrency: config.concurrency, budget, writeFirst: true }));
    touched.forEach((d, i) => {
        const r = results[i];
        d.message = r.message;
        d.restored = r.restored;
        d.foreign = r.foreign;
        d.timeline.push({
            time: deps.clock.now(),
            weight: r.restored ? 0 : d.weight,
            action: 'rollback',
            result: r.restored ? 'restored, verified' : r.foreign ? 'left: changed by someone else' : 'NOT restored'
        });
        deps.log.info(`  ${r.message}`);
    });
    const failed = results.filter(r => !r.restored);
    if (failed.length > 0) {
        const what = failed.every(r => r.foreign) ? 'not rolled back' : 'rollback incomplete';
        return ['failed', `${reason}; ${what}: ${failed.map(r => r.message).join('; ')}`];
    }
    return [
        'rolled-back',
        `${reason}; rolled back: ${touched.length === 1 ? 'the alias is back as it was' : `all ${touched.length} aliases are back as they were`} (verified)`
    ];
}
function leaveAsIs(touched, alias, reason) {
    const where = touched.map(d => {
        const at = d.weight >= 1 ? `v${d.to}` : `${percent(d.weight)} to v${d.to}`;
        d.message = `${d.fn.name}: alias ${alias} left at ${at} (rollback: false); ${fixCommand({ id: d.fn.id, initial: d.initial }, alias)}`;
        return d.message;
    });
    return ['failed', `${reason}; ${where.join('; ')}`];
}

;// CONCATENATED MODULE: ./src/rollout/engine.ts













async function promote(config, deps) {
    const startedAt = deps.clock.now();
    const outcome = {
        status: 'failed',
        deployments: [],
        alarms: [],
        startedAt,
        endedAt: startedAt,
        plan: []
    };
    const early = await prepare(config, deps, outcome);
    if (early)
        return finish(outcome, deps.clock, early);
    const ledger = openLedger(config, deps.store, outcome.deployments);
    return finish(outcome, deps.clock, await shiftOrUndo(config, deps, outcome, ledger), ledger);
}
/** Reads, publishes and gates; returns how the run ended when it ends before any alias write. */
async function prepare(config, deps, outcome) {
    const failed = (error) => ({ status: 'failed', error: (0,errors/* failureLine */.Pu)(error) });
    let found;
    try {
        found = await readPhase(config, deps, budget(deps));
        outcome.alarms = await deps.alarms.read(deps.deadline, deps.signal);
    }
    catch (error) {
        return failed(error);
    }
    const ds = (outcome.deployments = found.map(f => f.rollout));
    outcome.plan = planLines(config, found);
    for (const line of outcome.plan)
        deps.log.info(line);
    if (ds.every(d => d.unchanged)) {
        for (const d of ds)
            deps.log.info(`${d.fn.name}: unchanged: ${d.unchangedReason ?? ''}`);
        return { status: 'unchanged' };
    }
    const refusal = firingLine(outcome.alarms);
    if (refusal)
        return { status: 'failed', error: `refused: ${refusal} before any traffic moved; nothing was changed` };
    if (config.dryRun)
        return { status: 'dry-run' };
    try {
        await deps.log.group('Publishing and checking the new version', () => publishPhase(config, deps, found, budget(deps)));
    }
    catch (error) {
        return failed(error);
    }
    if (ds.every(d => d.unchanged))
        return { status: 'unchanged' };
    if (deps.signal.aborted)
        return {
            status: 'failed',
            error: `${String(deps.signal.reason)} before any traffic moved; nothing to roll back`
        };
    // Publishing and the smoke test took time, so look at the alarms again right before the first write.
    try {
        const late = firingLine(await deps.alarms.read(deps.deadline, deps.signal));
        return late
            ? { status: 'failed', error: `refused: ${late} before any traffic moved; no alias was changed` }
            : null;
    }
    catch (error) {
        return failed(error);
    }
}
async function shiftOrUndo(config, deps, outcome, ledger) {
    const ds = outcome.deployments;
    try {
        const shifted = await deps.log.group('Shifting traffic', () => shift(ds, config.plan, shiftContext(config, deps, ledger), config.wait));
        const took = formatElapsed(deps.clock.now() - outcome.startedAt);
        deps.log.info(shifted === 'promoted'
            ? `promoted in ${took}`
            : `left at ${percent(ds.find(d => !d.unchanged)?.weight ?? 0)}: a later run finishes or rolls back (wait: false)`);
        return { status: shifted };
    }
    catch (error) {
        const stop = asStop(error, deps.signal);
        outcome.stopReason = stop.message;
        const [status, line] = await undo(ds, config, { ...deps, ledger }, stop);
        return { status, error: line };
    }
}
function finish(outcome, clock, end, ledger) {
    outcome.status = end.status;
    if (end.error !== undefined)
        outcome.error = end.error;
    outcome.endedAt = clock.now();
    for (const d of outcome.deployments)
        if (d.status === 'failed' || end.status !== 'failed')
            d.status = d.unchanged ? 'unchanged' : end.status;
    // Final before any reporting: a summary that cannot be written must not look like an unfinished run.
    // A rollback that could not finish is left unfinished, so that post tries again with its own budget.
    const unfinished = outcome.deployments.some(d => d.restored === false && !d.foreign);
    if (ledger && !unfinished)
        ledger.finish(end.status);
    return outcome;
}
const budget = (deps) => ({
    deadline: deps.deadline,
    maxAttempts: 8,
    signal: deps.signal
});
async function readPhase(config, deps, budget) {
    return deps.log.group('Reading functions and aliases', async () => {
        const read = { ...config, api: deps.api, clock: deps.clock, budget };
        const found = await settleAll(config.functions, config.concurrency, fn => inspect(fn, read));
        for (const { rollout: d } of found)
            deps.log.info(`${d.fn.name}:${config.alias}  ${d.initial ? describeRouting(d.initial) : '(alias missing: will be created)'}  $LATEST sha ${decide_short(d.codeSha256)}`);
        return found;
    });
}
async function publishPhase(config, deps, found, budget) {
    const publish = { api: deps.api, clock: deps.clock, budget };
    const ds = await settleAll(found, config.concurrency, f => publishAndSettle(f, deps.description, publish));
    const active = ds.filter(d => !d.unchanged);
    if (active.length > 0)
        await deps.onReady?.(active);
    for (const d of active) {
        deps.log.info(`${d.fn.name}: v${d.to} ${d.published ? 'published' : 'exists'}, sha ${decide_short(d.codeSha256)}, Active`);
        if (!movesAllAtOnce(d) && config.plan.length > 1)
            checkSplittable(d);
    }
    if (config.smokeTestPayload === null)
        return;
    for (const d of active) {
        const result = await smokeTest(deps.api, d.fn.id, d.to, config.smokeTestPayload, deps.signal);
        deps.log.info(`${d.fn.name}: smoke test ${result.ok ? 'passed' : 'FAILED'}: ${result.detail}`);
        if (!result.ok)
            throw new errors/* DeployError */.sH(`smoke test of ${d.fn.name} v${d.to} failed: ${result.detail}; no traffic was moved`);
    }
}
function openLedger(config, store, ds) {
    const active = ds.filter(d => !d.unchanged);
    const ledger = new Ledger(store, {
        v: 1,
        alias: config.alias,
        region: config.region,
        endpoint: config.endpoint,
        rollback: config.rollback,
        count: active.length
    }, active.map(d => ({
        id: d.fn.id,
        name: d.fn.name,
        initial: d.initial,
        to: d.to,
        confirmed: null,
        intent: null,
        foreign: null
    })));
    ledger.begin();
    return ledger;
}
function shiftContext(config, deps, ledger) {
    return {
        alias: config.alias,
        api: deps.api,
        clock: deps.clock,
        alarms: deps.alarms,
        log: deps.log,
        ledger,
        concurrency: config.concurrency,
        signal: deps.signal,
        budget: () => budget(deps),
        ...(deps.metrics && (config.analysis.length > 0 || config.minInvocations > 0)
            ? {
                analysis: {
                    metrics: deps.metrics,
                    checks: config.analysis,
                    minInvocations: config.minInvocations,
                    latencyTolerance: config.latencyTolerance,
                    alias: config.alias,
                    concurrency: config.concurrency,
                    clock: deps.clock,
                    log: deps.log,
                    signal: deps.signal
                }
            }
            : {})
    };
}
/** A call cut short by the cancel signal is the cancel, not a failed step. */
function asStop(error, signal) {
    if (error instanceof errors/* StopError */.Tj && error.kind !== 'step-failed')
        return error;
    try {
        (0,errors/* stopIfAborted */.NI)(signal);
    }
    catch (stop) {
        return stop;
    }
    return error instanceof errors/* StopError */.Tj ? error : new errors/* StopError */.Tj('step-failed', (0,errors/* failureLine */.Pu)(error));
}
function firingLine(alarms) {
    const firing = alarms.filter(a => a.state === 'ALARM');
    return firing.length > 0 ? `alarm ${firing.map(a => a.name).join(', ')} is in ALARM` : null;
}
/** Lambda refuses a split between versions with different roles or dead-letter queues: say so before any write. */
function checkSplittable(d) {
    const differs = d.fromRole !== undefined && d.toRole !== undefined && d.fromRole !== d.toRole
        ? 'execution roles'
        : (d.fromDlq ?? '') !== (d.toDlq ?? '')
            ? 'dead-letter queues'
            : null;
    if (differs)
        throw new errors/* DeployError */.sH(`${d.fn.name}: v${d.from} and v${d.to} have different ${differs}, so Lambda cannot split traffic between them; use strategy: all-at-once`);
}
/** Runs over all items, then throws the first failure: one function's bad input fails the run. */
async function settleAll(items, limit, task) {
    const results = await (0,limiter/* mapLimit */.s)(items, limit, task);
    const failed = results.find((r) => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return results.map(r => r.value);
}

;// CONCATENATED MODULE: ./src/main.ts
// The main step, wiring only: inputs → engine → report. Every failure ends as one line and a non-zero exit.














async function run() {
    let config;
    try {
        config = parseInputs(readInputs(), process.env);
    }
    catch (error) {
        runner.setOutput('status', 'failed');
        runner.setOutput('result', '[]');
        runner.setFailed((0,errors/* failureLine */.Pu)(error));
        return;
    }
    const clock = systemClock;
    const deadline = clock.now() + config.timeoutMs;
    const controller = new AbortController();
    // The runner sends SIGINT, then SIGTERM 7.5 s later, then SIGKILL: stop at the first and roll back.
    const onSignal = (signal) => {
        if (controller.signal.aborted)
            return;
        runner.warning(`received ${signal}: the workflow was cancelled; stopping and rolling back`);
        controller.abort(`cancelled (${signal})`);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const cancelTimer = atDeadline(deadline, () => controller.abort(`timeout ${formatDuration(config.timeoutMs)} reached`));
    const budget = { deadline, maxAttempts: 8, signal: controller.signal };
    // The AWS SDK is most of the start-up time: loaded only once the inputs are known to be good, and
    // CloudWatch's client only when there are alarms to watch.
    const { LambdaGateway, USER_AGENT } = await Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(696), __nccwpck_require__.e(974)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5974));
    const endpoint = config.endpoint;
    const gateway = new LambdaGateway({
        region: config.region,
        endpoint,
        endpointSource: config.endpointSource.lambda,
        clock,
        maxRequestsPerSecond: config.maxRequestsPerSecond,
        userAgent: USER_AGENT
    }, budget);
    const cloudwatch = {
        region: config.region,
        endpoint: config.cloudwatchEndpoint,
        endpointSource: config.endpointSource.cloudwatch,
        userAgent: USER_AGENT
    };
    const alarms = config.alarms.length === 0
        ? { names: [], read: async () => [] }
        : new (await Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(85), __nccwpck_require__.e(847)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4847))).AlarmWatcher(config.alarms, cloudwatch, clock);
    const metrics = config.analysis.length > 0 || config.minInvocations > 0
        ? new (await Promise.all(/* import() */[__nccwpck_require__.e(861), __nccwpck_require__.e(85), __nccwpck_require__.e(656)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9656))).CloudWatchMetrics(cloudwatch, clock)
        : undefined;
    let tracker = null;
    let outcome = null;
    try {
        outcome = await promote(config, {
            api: gateway,
            alarms,
            clock,
            log: runnerLog,
            store: stepState,
            ...(metrics ? { metrics } : {}),
            signal: controller.signal,
            deadline,
            description: config.description ??
                clampDescription(defaultDescription(runContextFromEnv(process.env, eventPayload()))),
            onReady: async (ds) => {
                tracker = config.environment ? deploymentTracker(config, ds) : null;
                const id = await tracker?.start();
                if (id !== undefined)
                    stepState.save(KEY_DEPLOYMENT, JSON.stringify({ id, ...gitHubTarget() }));
            }
        });
    }
    catch (error) {
        // A bug: the ledger is not finished, so post checks the aliases and restores what is provably ours.
        runner.setOutput('status', 'failed');
        runner.debug(error.stack ?? String(error));
        const message = `unexpected failure: ${(0,errors/* failureLine */.Pu)(error)}; the post step will check the alias and restore it if this run left it changed`;
        await tracker?.finish('failure', message);
        stepState.save(KEY_REPORTED, 'true');
        runner.setFailed(message);
        return;
    }
    finally {
        cancelTimer();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        gateway.destroy();
        alarms.destroy?.();
        metrics?.destroy();
    }
    await report(outcome, config, tracker);
    if (outcome.error)
        runner.setFailed(outcome.error);
}
/** Reporting is told, never decisive: the outcome is final and in the ledger before any of this runs. */
async function report(outcome, config, tracker) {
    const attempt = async (what, step) => {
        try {
            await step();
        }
        catch (error) {
            runner.warning(`could not ${what}: ${(0,errors/* failureLine */.Pu)(error)}; the outcome (${outcome.status}) stands`);
        }
    };
    await attempt('write the outputs', () => writeOutputs(outcome, config));
    await attempt('write the job summary', () => writeSummary(outcome, config));
    const first = outcome.deployments[0];
    const status = deploymentStatus(outcome);
    await attempt('report the GitHub deployment', async () => {
        await tracker?.finish(status.state, status.description, first ? consoleLink(config.region, first, config.alias) : undefined);
        stepState.save(KEY_REPORTED, 'true');
    });
}
function eventPayload() {
    const path = process.env.GITHUB_EVENT_PATH;
    if (!path)
        return undefined;
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
function gitHubTarget() {
    const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
    const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
    const runUrl = process.env.GITHUB_RUN_ID
        ? `${server}/${owner}/${repo}/actions/runs/${process.env.GITHUB_RUN_ID}`
        : undefined;
    return {
        owner,
        repo,
        apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        ...(runUrl ? { logUrl: runUrl } : {})
    };
}
function deploymentTracker(config, ds) {
    const first = ds[0];
    return createDeploymentTracker({
        ...gitHubTarget(),
        token: config.githubToken,
        ref: process.env.GITHUB_SHA ?? '',
        environment: config.environment,
        description: `${ds.length > 1 ? `${ds.length} functions` : first.fn.name}:${config.alias} v${first.from ?? '-'} → v${first.to}`,
        // Well inside the runner's 10 s between a cancel's SIGINT and SIGKILL.
        requestTimeoutMs: 5000
    }, message => runner.warning(message));
}


/***/ }),

/***/ 480:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bC: () => (/* binding */ mdText),
/* harmony export */   cz: () => (/* binding */ mdCell),
/* harmony export */   sN: () => (/* binding */ logSafe)
/* harmony export */ });
/* unused harmony exports stopToken, withStopCommands */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Text from outside the workflow (a smoke test's reply, an alarm's StateReason, descriptions, refs, an AWS
 * error message) made inert for the two places it lands: the log and the job summary.
 *
 * How the runner finds commands in a log line (actions/runner ActionCommand + OutputManager):
 * - stdout is split into lines by .NET ReadLine: on \r, \n and \r\n;
 * - `::name props::data`: the line, after dropping leading whitespace (any Unicode space), must start
 *   with `::`; names are matched case-insensitively;
 * - the legacy `##[name props]data` is found ANYWHERE in a line, not only at its start;
 * - both tests use .NET culture-sensitive string comparison, which may skip invisible (ignorable)
 *   characters, so a zero-width character between the two colons is not a safe break.
 * Hence: one line, invisible and control characters dropped, and every `::` that could open a line and
 * every `##[` broken with a plain space.
 */
const ELLIPSIS = '…';
// ESC-introduced sequences: CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-character
// escapes; then the 8-bit CSI. A terminal or the log viewer would act on them.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]/g;
// Controls, format characters (zero-width, bidi overrides) and other default-ignorable code points:
// invisible, so they can hide or reorder what a reader sees, and comparisons may skip them.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
// Tab and every line break, including the ones only some viewers honour (NEL, LS, PS).
const BREAKS = /[\t\n\v\f\r\x85\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** One line of visible text: escapes and invisibles dropped, every run of space or line break → ' '. */
function oneLine(text) {
    return text
        .replace(LONE_SURROGATE, '\ufffd')
        .replace(ANSI, '')
        .replace(BREAKS, ' ')
        .replace(INVISIBLE, '')
        .replace(/\s+/g, ' ')
        .trim();
}
/** At most `max` characters (code points, so no surrogate pair is cut), the last one an ellipsis. */
function bound(text, max) {
    const limit = Math.max(1, Math.floor(max));
    const chars = Array.from(text);
    if (chars.length <= limit)
        return text;
    return (chars
        .slice(0, limit - 1)
        .join('')
        .trimEnd() + ELLIPSIS);
}
/**
 * One line for the log that the runner cannot read as a workflow command, at most `max` characters.
 * NFKC folds full-width and other look-alike colons, hashes and brackets to ASCII first, so they are
 * broken too. A `::` glued to a letter, digit or `[` (`arn:aws:iam::123…`, `http://[::1]:4599`) cannot
 * open a line and is kept; any other `::` becomes `: :`, and `##[` becomes `# #[`.
 */
function logSafe(text, max = 300) {
    const line = oneLine(text.normalize('NFKC'))
        .replace(/(?<![A-Za-z0-9[]):(?=:)/g, ': ')
        .replace(/#(?=#\[)/g, '# ');
    // Cutting after the breaks keeps the bound exact; dropping a tail cannot form a new `::` or `##[`.
    return bound(line, max);
}
// Each character that Markdown or HTML could read as syntax, as a character reference. References are
// decoded as plain text and never start a tag, link, image, emphasis, code span, table cell or math.
const MD_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '`': '&#96;',
    '\\': '&#92;',
    '[': '&#91;',
    ']': '&#93;',
    '(': '&#40;',
    ')': '&#41;',
    '*': '&#42;',
    _: '&#95;',
    '~': '&#126;',
    '!': '&#33;',
    '#': '&#35;',
    '|': '&#124;',
    $: '&#36;',
    ':': '&#58;',
    '@': '&#64;',
    '^': '&#94;',
    '{': '&#123;',
    '}': '&#125;'
};
const MD_SPECIAL = /[&<>"'`\\[\]()*_~!#|$:@^{}]/g;
const ZWSP = '\u200b';
/**
 * Plain text for the job summary: one line of at most `max` characters in which no Markdown or HTML
 * takes effect. Safe in a paragraph, a list item, a blockquote or a table cell (a `|` stays in its
 * cell); not inside backticks, where character references show as written.
 */
function mdText(text, max = 300) {
    const plain = bound(oneLine(text), max)
        // GitHub also links bare URLs, www. names, e-mail addresses and @mentions found in the rendered
        // text, after references are decoded; a zero-width space there breaks the pattern, not the look.
        .replace(/\/(?=\/)/g, `/${ZWSP}`)
        .replace(/(?<![A-Za-z0-9])(www)\./gi, `$1${ZWSP}.`)
        .replace(/@/g, `@${ZWSP}`);
    const escaped = plain.replace(MD_SPECIAL, c => MD_ESCAPES[c] ?? c);
    // A list marker, numbered item, setext underline or thematic break is only syntax at a line's start.
    return escaped
        .replace(/^[-+=]/, mark => `&#${mark.charCodeAt(0)};`)
        .replace(/^(\d{1,9})\./, (_, digits) => `${digits}&#46;`);
}
/** A table cell's text: `mdText` with a cell-sized bound; a `|` or line break never splits the row. */
function mdCell(text, max = 120) {
    return mdText(text, max);
}
/** 128 random bits as hex: a token that text written before it was chosen cannot contain. */
function stopToken(random = randomBytes) {
    return Buffer.from(random(16)).toString('hex');
}
/**
 * Runs `body` with the runner's command processing paused: `::stop-commands::TOKEN` before, `::TOKEN::`
 * after, even when `body` throws. For a block of raw multi-line text (a function's log tail) where
 * rewriting each line is not wanted. Inside, the action's own annotations are inert too, so `body` should
 * only write text. Single values do not need it: `logSafe` already makes them inert.
 */
async function withStopCommands(write, body, random = randomBytes) {
    const token = stopToken(random);
    write(`::stop-commands::${token}`);
    try {
        return await body();
    }
    finally {
        write(`::${token}::`);
    }
}


/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
