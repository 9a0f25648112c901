import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 6661:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _post_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3559);
// Bundle entry for the post step (post-if: always()); it never loads the main step.

await (0,_post_run_js__WEBPACK_IMPORTED_MODULE_0__/* .post */ .b)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  b: () => (/* binding */ post)
});

// UNUSED EXPORTS: postRun

;// CONCATENATED MODULE: ./src/aws/api.ts
const isNamed = (error, name) => error?.name === name;

;// CONCATENATED MODULE: ./src/aws/limiter.ts
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

;// CONCATENATED MODULE: ./src/aws/retry.ts
const retry_status = (error) => error?.$metadata?.httpStatusCode;
const errorName = (error) => error?.name ?? '';
/** 409 "update in progress" and 429 throttling: Lambda says "not now", so waiting is the fix. */
function isBusy(error) {
    const name = errorName(error);
    if (name === 'TooManyRequestsException' || name === 'ThrottlingException' || retry_status(error) === 429)
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
    const code = retry_status(error);
    if (code !== undefined && code >= 500)
        return true;
    const name = errorName(error);
    const sysCode = error?.code ?? '';
    return (code === undefined &&
        /TimeoutError|ECONNRESET|EPIPE|ECONNREFUSED|socket hang up|RequestTimeout|NetworkingError/i.test(`${name} ${sysCode} ${error?.message ?? ''}`));
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/aws/sigv4.ts
// AWS Signature Version 4 for the post step's small Lambda client (rest-json, no payload signing quirks).

const hex = (data) => (0,external_node_crypto_.createHash)('sha256').update(data, 'utf8').digest('hex');
const hmac = (key, data) => (0,external_node_crypto_.createHmac)('sha256', key).update(data, 'utf8').digest();
/** RFC 3986 unreserved characters stay; everything else is %XX, upper-case. */
function uriEncode(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
/** Returns the headers to send: the given ones plus host, x-amz-date, the token and Authorization. */
function sign(input) {
    const amzDate = new Date(input.now).toISOString().replace(/[-:]|\.\d{3}/g, '');
    const day = amzDate.slice(0, 8);
    const headers = {
        ...input.headers,
        host: input.url.host,
        'x-amz-date': amzDate,
        ...(input.credentials.sessionToken ? { 'x-amz-security-token': input.credentials.sessionToken } : {})
    };
    const names = Object.keys(headers)
        .map(n => n.toLowerCase())
        .sort();
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const canonicalHeaders = names.map(n => `${n}:${String(lower[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
    const signedHeaders = names.join(';');
    // Every service but S3 signs the path encoded once more than it is sent.
    const path = input.url.pathname
        .split('/')
        .map(segment => uriEncode(segment))
        .join('/');
    const query = [...input.url.searchParams.entries()]
        .map(([k, v]) => [uriEncode(k), uriEncode(v)])
        .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
        .map(([k, v]) => `${k}=${v}`)
        .join('&');
    const canonical = [input.method, path, query, canonicalHeaders, signedHeaders, hex(input.body)].join('\n');
    const scope = `${day}/${input.region}/${input.service}/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, hex(canonical)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${input.credentials.secretAccessKey}`, day), input.region), input.service), 'aws4_request');
    const signature = (0,external_node_crypto_.createHmac)('sha256', key).update(toSign, 'utf8').digest('hex');
    return {
        ...headers,
        authorization: `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`
    };
}

;// CONCATENATED MODULE: ./src/aws/alias-client.ts




/** An error shaped like the SDK's: `name` from x-amzn-ErrorType, the HTTP status in `$metadata`. */
class ApiError extends Error {
    name;
    $metadata;
    $response;
    constructor(name, message, $metadata, $response) {
        super(message);
        this.name = name;
        this.$metadata = $metadata;
        this.$response = $response;
    }
}
function lambdaEndpoint(region) {
    return `https://lambda.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}
class AliasClient {
    o;
    limiter;
    credentials;
    constructor(o) {
        this.o = o;
        this.limiter = new RateLimiter(o.clock, 14);
    }
    async getAlias(fn, alias, budget = this.o.budget) {
        try {
            return (await this.call('GET', path(fn, alias), undefined, budget));
        }
        catch (error) {
            if (isNamed(error, 'ResourceNotFoundException'))
                return null;
            throw error;
        }
    }
    async updateAlias(fn, alias, write, budget = this.o.budget) {
        const body = {
            FunctionVersion: write.functionVersion,
            RoutingConfig: { AdditionalVersionWeights: write.weights },
            Description: write.description,
            ...(write.revisionId ? { RevisionId: write.revisionId } : {})
        };
        return (await this.call('PUT', path(fn, alias), body, budget));
    }
    async deleteAlias(fn, alias, budget = this.o.budget) {
        await this.call('DELETE', path(fn, alias), undefined, budget);
    }
    call(method, p, body, budget) {
        return withRetry(this.o.clock, {
            ...budget,
            retryable: error => isTransient(error) && !budget.signal?.aborted,
            ...(this.o.random ? { random: this.o.random } : {})
        }, async () => {
            await this.limiter.acquire(budget.signal);
            return this.once(method, p, body, budget.signal);
        });
    }
    async once(method, p, body, signal) {
        const url = new URL(p, this.o.endpoint ?? lambdaEndpoint(this.o.region));
        const text = body === undefined ? '' : JSON.stringify(body);
        const headers = sign({
            method,
            url,
            headers: { 'content-type': 'application/json', 'user-agent': this.o.userAgent },
            body: text,
            region: this.o.region,
            service: 'lambda',
            credentials: await this.creds(),
            now: this.o.clock.now()
        });
        const timeout = AbortSignal.timeout(20_000);
        let response;
        try {
            response = await fetch(url, {
                method,
                headers,
                ...(body === undefined ? {} : { body: text }),
                signal: signal ? AbortSignal.any([signal, timeout]) : timeout
            });
        }
        catch (error) {
            // fetch hides the socket error in `cause`; name it so the retry layer sees a network fault.
            const cause = error.cause;
            throw new ApiError(cause?.code ?? error.name, cause?.message ?? error.message, {});
        }
        const raw = await response.text();
        let json = {};
        try {
            json = raw ? JSON.parse(raw) : {};
        }
        catch {
            json = { message: `not the Lambda API: ${raw.slice(0, 80)}` };
        }
        if (response.status < 300)
            return json;
        const type = (response.headers.get('x-amzn-errortype') ?? `Http${response.status}`).split(':')[0];
        const retryAfter = response.headers.get('retry-after');
        throw new ApiError(type, String(json.message ?? json.Message ?? response.statusText), { httpStatusCode: response.status }, retryAfter ? { headers: { 'retry-after': retryAfter } } : undefined);
    }
    creds() {
        const env = this.o.env;
        if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
            return Promise.resolve({
                accessKeyId: env.AWS_ACCESS_KEY_ID,
                secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
                ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {})
            });
        }
        if (!this.o.fallbackCredentials)
            return Promise.reject(new ApiError('CredentialsProviderError', 'no AWS credentials in the environment', {}));
        this.credentials ??= this.o.fallbackCredentials();
        return this.credentials;
    }
}
function path(fn, alias) {
    return `/2015-03-31/functions/${encodeURIComponent(fn)}/aliases/${encodeURIComponent(alias)}`;
}

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

;// CONCATENATED MODULE: ./src/report/untrusted.ts

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

;// CONCATENATED MODULE: ./src/errors.ts
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
class DeployError extends (/* unused pure expression or super */ null && (Error)) {
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
    return logSafe(`${e?.name ?? 'Error'}${code}: ${e?.message ?? String(error)}`, 500);
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
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

;// CONCATENATED MODULE: ./src/rollout/restore.ts






/** Restores every listed function; never throws, says per function what the alias holds. */
async function restoreAll(ids, ctx) {
    const results = await mapLimit(ids, ctx.concurrency, id => restoreOne(id, ctx));
    return results.map((r, i) => {
        if (r.status === 'fulfilled')
            return r.value;
        const e = ctx.ledger.entry(ids[i]);
        return {
            id: e.id,
            restored: false,
            foreign: false,
            message: `${e.name}: rollback failed: ${errorLine(r.reason)}; ${fixCommand(e, ctx.ledger.head.alias)}`
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
        if (!isNamed(error, 'PreconditionFailedException'))
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
        ? `${describeRouting(now)}${now.description !== e.initial?.description ? ` (description "${logSafe(now.description, 100)}")` : ''}`
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

;// CONCATENATED MODULE: ./src/post/keys.ts
/** Step-state keys beside the run ledger: the GitHub deployment main opened, and whether main reported it. */
const KEY_DEPLOYMENT = 'deployment';
const KEY_REPORTED = 'reported';

;// CONCATENATED MODULE: ./src/post/run.ts
// The post step (post-if: always()): the net for SIGKILL, crashes and timeout-minutes. It reads the run
// ledger main wrote and hands it to the same restore algorithm main's own undo uses.









/** The post step's decision and work, over injected seams so that tests run it in-process. */
async function postRun(deps) {
    const { log } = deps;
    const saved = readLedger(deps.store);
    if (saved.kind === 'none') {
        log.info('lambda-promote post: main recorded no alias write (it stopped before any, or changed nothing); nothing to check');
        return {};
    }
    if (saved.kind === 'unreadable') {
        const line = `lambda-promote post: the run ledger main saved cannot be read (${saved.reason}); check the alias by hand`;
        return { failure: line };
    }
    const { ledger, done } = saved;
    if (done) {
        log.info(`lambda-promote post: main finished (${done}); nothing to undo`);
        return { done };
    }
    log.warning('lambda-promote post: main did not finish (killed, crashed or timed out); checking the aliases it was moving');
    const region = ledger.head.region || deps.env.AWS_REGION || deps.env.AWS_DEFAULT_REGION || '';
    const api = deps.api(region, ledger.head.endpoint);
    try {
        if (!ledger.head.rollback)
            return await leaveAsIs(ledger, api, log);
        const results = await restoreAll(ledger.entries.map(e => e.id), { api, ledger, concurrency: 10, budget: { deadline: deps.clock.now() + 60_000, maxAttempts: 12 } });
        for (const r of results) {
            if (r.restored)
                log.info(r.message);
            else
                log.warning(r.message);
        }
        const failed = results.filter(r => !r.restored && !r.foreign);
        if (failed.length > 0)
            return { failure: `lambda-promote post could not restore: ${failed.map(r => r.message).join('; ')}` };
        return {};
    }
    finally {
        api.destroy?.();
    }
}
/** rollback: false holds after a kill too: say where each alias stands, change nothing. */
async function leaveAsIs(ledger, api, log) {
    for (const e of ledger.entries) {
        try {
            const found = await api.getAlias(e.id, ledger.head.alias);
            log.warning(`${e.name}: rollback: false, so alias ${ledger.head.alias} is left as it is: ${found ? describeRouting(snapshot(found)) : 'no alias'}`);
        }
        catch (error) {
            log.warning(`${e.name}: rollback: false; could not read alias ${ledger.head.alias}: ${errorLine(error)}`);
        }
    }
    return {};
}
/** The bundle's post entry: the runner's state and inputs, the real gateway. */
async function post() {
    const clock = systemClock;
    const result = await postRun({
        store: stepState,
        log: runnerLog,
        clock,
        env: process.env,
        api: (region, endpoint) => new AliasClient({
            region,
            endpoint,
            clock,
            env: process.env,
            userAgent: 'lambda-promote/1 post',
            budget: { deadline: clock.now() + 60_000, maxAttempts: 12 },
            fallbackCredentials: async () => {
                const { defaultProvider } = await __nccwpck_require__.e(/* import() */ 861).then(__nccwpck_require__.t.bind(__nccwpck_require__, 5861, 19));
                return defaultProvider()();
            }
        })
    });
    await closeDeployment(result);
    if (result.failure)
        runner.setFailed(result.failure);
}
/** A GitHub deployment main could not finish is marked failed, so it is not left in_progress forever. */
async function closeDeployment(result) {
    const saved = stepState.get(KEY_DEPLOYMENT);
    if (!saved || stepState.get(KEY_REPORTED))
        return;
    const ok = result.done === 'promoted' || result.done === 'in-progress';
    try {
        const d = JSON.parse(saved);
        await postDeploymentStatus({ ...d, token: runner.getInput('github-token'), requestTimeoutMs: 5000 }, d.id, ok ? 'success' : 'failure', result.failure ??
            (result.done
                ? `${result.done}; main stopped before reporting it`
                : 'main did not finish (killed, crashed or timed out); the post step checked the alias'));
    }
    catch (error) {
        runner.warning(`GitHub deployment: could not mark it failure: ${errorLine(error)}`);
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
/******/ 		return "" + chunkId + ".post.js";
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
/******/ var __webpack_exports__ = __nccwpck_require__(6661);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
