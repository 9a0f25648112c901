export const id = 273;
export const ids = [273];
export const modules = {

/***/ 3366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IM: () => (/* binding */ stopCommand),
/* harmony export */   Yu: () => (/* binding */ ownLostDeployment),
/* harmony export */   ci: () => (/* binding */ hasStepToken),
/* harmony export */   qy: () => (/* binding */ MAX_CANDIDATES),
/* harmony export */   rn: () => (/* binding */ CLOCK_SKEW_MS),
/* harmony export */   yA: () => (/* binding */ UNFINISHED)
/* harmony export */ });
/**
 * How long before the send a deployment may be stamped and still be ours. CodeDeploy stamps createTime
 * with its own clock, the send time is the runner's: a runner clock ahead of AWS's makes our deployment
 * look older than the send. Five minutes is the skew AWS itself tolerates in signed requests.
 */
const CLOCK_SKEW_MS = 5 * 60_000;
/** At most this many unfinished deployments are read: CodeDeploy runs one per group at a time. */
const MAX_CANDIDATES = 5;
/** What CodeDeploy answers of the statuses a deployment has before it ends. */
const UNFINISHED = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];
/** The default description carries `step <8 hex>`, this step's random token (github/context.ts). */
function hasStepToken(description) {
    return /(^| )step [0-9a-f]{8}( |$)/.test(description);
}
/**
 * Ours: the very description sent, carrying this step's token, created no earlier than shortly before the
 * send. `listed` is how many unfinished deployments CodeDeploy listed, of which `read` were read.
 */
function ownLostDeployment(sent, read, listed = read.length) {
    const ids = read
        .filter(c => c.description === sent.description && c.createTime >= sent.sentAt - CLOCK_SKEW_MS)
        .map(c => c.id);
    const tokened = sent.tokened && hasStepToken(sent.description);
    if (ids.length === 0)
        return listed > read.length ? { kind: 'unsure', listed } : { kind: 'none' };
    if (!tokened)
        return { kind: 'untokened', ids };
    if (ids.length > 1)
        return { kind: 'several', ids };
    return { kind: 'ours', id: ids[0] };
}
/** The command that stops a deployment as this step would have. */
function stopCommand(id, rollback) {
    return `aws deploy stop-deployment --deployment-id ${id} ${rollback ? '--auto-rollback-enabled' : '--no-auto-rollback-enabled'}`;
}


/***/ }),

/***/ 3273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  codeDeployEngine: () => (/* binding */ codeDeployEngine)
});

// UNUSED EXPORTS: deployWithCodeDeploy

// EXTERNAL MODULE: ./src/aws/budgets.ts
var budgets = __webpack_require__(6139);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/ledger/hand-off.ts
var hand_off = __webpack_require__(4436);
// EXTERNAL MODULE: ./src/ledger/snapshot.ts
var snapshot = __webpack_require__(3137);
// EXTERNAL MODULE: ./src/rollout/engine.ts + 21 modules
var engine = __webpack_require__(7682);
// EXTERNAL MODULE: ./src/rollout/record.ts
var record = __webpack_require__(7476);
;// CONCATENATED MODULE: ./src/codedeploy/api.ts
/** The CodeDeploy console's page of a deployment. */
function deploymentLink(region, deploymentId) {
    return `https://${region}.console.aws.amazon.com/codesuite/codedeploy/deployments/${encodeURIComponent(deploymentId)}?region=${region}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/codedeploy/appspec.ts
// The AppSpec of a CodeDeploy Lambda deployment, as AppSpecContent: which function and alias, from which
// version to which, and the hooks. Pure.

/** The AppSpec as JSON (AppSpec files may be YAML or JSON) and the SHA-256 CodeDeploy checks it against. */
function buildAppSpec(input) {
    const hooks = ['BeforeAllowTraffic', 'AfterAllowTraffic']
        .filter(name => input.hooks[name] !== undefined)
        .map(name => ({ [name]: input.hooks[name] }));
    const spec = {
        version: 0.0,
        Resources: [
            {
                [resourceKey(input.functionName)]: {
                    Type: 'AWS::Lambda::Function',
                    Properties: {
                        Name: input.functionName,
                        Alias: input.alias,
                        CurrentVersion: input.currentVersion,
                        TargetVersion: input.targetVersion
                    }
                }
            }
        ],
        ...(hooks.length > 0 ? { Hooks: hooks } : {})
    };
    const content = JSON.stringify(spec);
    return { content, sha256: (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex') };
}
/** The resource's logical name: letters and digits of the function name (any name does; this one reads). */
function resourceKey(functionName) {
    return functionName.replace(/[^A-Za-z0-9]/g, '') || 'function';
}

// EXTERNAL MODULE: ./src/codedeploy/lost.ts
var lost = __webpack_require__(3366);
// EXTERNAL MODULE: ./src/aws/retry.ts
var retry = __webpack_require__(2495);
;// CONCATENATED MODULE: ./src/codedeploy/recover.ts




/** After a cancel the runner kills main 10 s after SIGINT: the lookup and the stop fit in 6 s then. */
const CANCELLED_MS = 6000;
const LOOKUP_MS = 30_000;
/**
 * Main's line when CreateDeployment failed (`sending`: what it sent, if it got that far; main cannot read
 * the step state back). A refusal (4xx) created nothing; a lost answer may have created
 * a deployment, which would then run alone: look for it and stop it.
 */
async function createFailed(error, sending, deps) {
    const status = (0,retry/* httpStatus */.nG)(error);
    if ((status !== undefined && status >= 400 && status < 500) || !sending) {
        (0,hand_off/* markCodeDeployDone */.i$)(deps.store, 'refused');
        return `${(0,errors/* failureLine */.Pu)(error)}; no deployment was created and no traffic was moved`;
    }
    const where = `${sending.application}/${sending.group}`;
    const ms = deps.signal.aborted ? CANCELLED_MS : LOOKUP_MS;
    try {
        const r = await recoverLost(deps.codedeploy, sending, { deadline: deps.clock.now() + ms, maxAttempts: 3 });
        // None found, or the stop failed: the post step looks again (a creation may land after its lost answer).
        if (r.result === 'stopped' || r.result === 'ambiguous')
            (0,hand_off/* markCodeDeployDone */.i$)(deps.store, r.result);
        return `${(0,errors/* failureLine */.Pu)(error)}; CreateDeployment's answer was lost: ${r.line}`;
    }
    catch (lookup) {
        return `${(0,errors/* failureLine */.Pu)(error)}; CodeDeploy may have created the deployment before its answer was lost: look at the deployments of ${where} (it runs under the group's alarms and rollback); looking for it failed: ${(0,errors/* failureLine */.Pu)(lookup)}`;
    }
}
/** Lists the group's unfinished deployments since shortly before the send, reads a few, judges them. */
async function findLost(api, s, budget) {
    const ids = await api.listUnfinished(s.application, s.group, s.sentAt - lost/* CLOCK_SKEW_MS */.rn, budget);
    const read = [];
    for (const id of ids.slice(0, lost/* MAX_CANDIDATES */.qy))
        read.push(await api.describe(id, budget));
    return (0,lost/* ownLostDeployment */.Yu)(s, read, ids.length);
}
/** Finds this step's deployment and stops it if it is found. Throws only when the lookup itself failed. */
async function recoverLost(api, s, budget) {
    const verdict = await findLost(api, s, budget);
    if (verdict.kind !== 'ours')
        return { line: unstopped(verdict, s), result: verdict.kind === 'none' ? 'none' : 'ambiguous' };
    const { id } = verdict;
    const where = `${s.application}/${s.group}`;
    let said;
    try {
        said = await api.stopDeployment(id, s.rollback, budget);
    }
    catch (error) {
        return {
            line: `found this step's deployment ${id} in ${where} but could not stop it: ${(0,errors/* failureLine */.Pu)(error)}; stop it by hand (${(0,lost/* stopCommand */.IM)(id, s.rollback)})`,
            result: 'stop-failed'
        };
    }
    const after = s.rollback
        ? 'CodeDeploy rolls the alias back'
        : 'rollback: false, so the alias stays where it is';
    return {
        line: `found this step's deployment ${id} in ${where} and stopped it (${said}); ${after}`,
        result: 'stopped'
    };
}
function unstopped(verdict, s) {
    const where = `${s.application}/${s.group}`;
    const commands = (ids) => ids.map(id => (0,lost/* stopCommand */.IM)(id, s.rollback)).join('; ');
    switch (verdict.kind) {
        case 'none':
            return `no deployment of this step was found in ${where}, so none runs (its deployments are listed in the CodeDeploy console)`;
        case 'unsure':
            return `${where} has ${verdict.listed} unfinished deployments, more than this step reads, and none of those read is this step's; none was stopped: look at the deployments of ${where}`;
        case 'several':
            return `${verdict.ids.length} deployments in ${where} carry the description this step sent (${verdict.ids.join(', ')}), so none can be told this step's and none was stopped; stop yours: ${commands(verdict.ids)}`;
        case 'untokened':
            return `${verdict.ids.length > 1 ? 'deployments' : 'deployment'} ${verdict.ids.join(', ')} in ${where} ${verdict.ids.length > 1 ? 'carry' : 'carries'} the description this step sent, but it is the description input, which other runs may share, so none was stopped; if it is this step's, stop it: ${commands(verdict.ids)}`;
    }
}

// EXTERNAL MODULE: ./src/untrusted.ts
var untrusted = __webpack_require__(873);
// EXTERNAL MODULE: ./src/inputs/duration.ts
var duration = __webpack_require__(1601);
;// CONCATENATED MODULE: ./src/codedeploy/strategy.ts
// Which CodeDeploy deployment configuration a strategy is, and what CodeDeploy cannot express. Pure: a
// refusal is one InputError naming the input, before anything is read or written.


const MINUTE = 60_000;
/** CodeDeploy's bounds for a custom Lambda configuration's interval, in minutes. */
const MAX_MINUTES = 2880;
const PREDEFINED_CANARY_MINUTES = [5, 10, 15, 30];
const PREDEFINED_LINEAR_MINUTES = [1, 2, 3, 10];
/** Custom configurations this action creates, named from their numbers (created once, then reused). */
const CUSTOM_PREFIX = 'LambdaPromote.';
/** The configuration for the strategy, or an InputError saying why CodeDeploy cannot do it and what to use. */
function deploymentConfigFor(config) {
    refuseWhatCodeDeployCannotDo(config);
    const s = config.strategy;
    if (s.kind === 'all-at-once')
        return { name: 'CodeDeployDefault.LambdaAllAtOnce', predefined: true, routing: { type: 'AllAtOnce' } };
    if (s.kind === 'steps')
        throw new errors/* InputError */.dz('steps', s.percents.join(','), 'CodeDeploy shifts by canary or linear configurations only, not by explicit steps; use strategy canary or linear, or engine: action');
    const percent = s.percent;
    const inputName = s.kind === 'canary' ? 'canary-percent' : 'linear-percent';
    if (!Number.isInteger(percent) || percent < 1 || percent > 99)
        throw new errors/* InputError */.dz(inputName, String(percent), 'CodeDeploy takes whole percentages from 1 to 99; round it, or use engine: action');
    const minutes = s.intervalMs / MINUTE;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES)
        throw new errors/* InputError */.dz('interval', (0,duration/* formatDuration */.a3)(s.intervalMs), `CodeDeploy counts intervals in whole minutes, from 1m to ${MAX_MINUTES / 60}h; use such an interval, or engine: action for sub-minute steps`);
    if (s.kind === 'canary') {
        const predefined = percent === 10 && PREDEFINED_CANARY_MINUTES.includes(minutes);
        return {
            name: predefined
                ? `CodeDeployDefault.LambdaCanary10Percent${minutes}Minutes`
                : `${CUSTOM_PREFIX}Canary${percent}Percent${minutes}Minute${minutes === 1 ? '' : 's'}`,
            predefined,
            routing: {
                type: 'TimeBasedCanary',
                timeBasedCanary: { canaryPercentage: percent, canaryInterval: minutes }
            }
        };
    }
    const predefined = percent === 10 && PREDEFINED_LINEAR_MINUTES.includes(minutes);
    const every = `${minutes}Minute${minutes === 1 ? '' : 's'}`;
    return {
        name: predefined
            ? `CodeDeployDefault.LambdaLinear10PercentEvery${every}`
            : `${CUSTOM_PREFIX}Linear${percent}PercentEvery${every}`,
        predefined,
        routing: {
            type: 'TimeBasedLinear',
            timeBasedLinear: { linearPercentage: percent, linearInterval: minutes }
        }
    };
}
function refuseWhatCodeDeployCannotDo(config) {
    if (config.functions.length > 1)
        throw new errors/* InputError */.dz('function-name', config.functions.map(f => f.id).join(','), 'engine: codedeploy deploys one function per deployment, so several cannot move in lockstep; use one step per function, or engine: action');
    if (config.analysis.length > 0 || config.minInvocations > 0)
        throw new errors/* InputError */.dz(config.analysis.length > 0 ? 'analysis' : 'min-invocations', config.analysis.length > 0 ? config.analysis.join(',') : String(config.minInvocations), "CodeDeploy cannot compare the versions' metrics; it stops on the deployment group's alarms, so put the check in a CloudWatch alarm (alarms), or use engine: action");
    if (config.bakeMs > 0)
        throw new errors/* InputError */.dz('bake-time', (0,duration/* formatDuration */.a3)(config.bakeMs), 'CodeDeploy ends the deployment once all traffic has moved, so nothing bakes after it; use an after-allow-traffic hook, or engine: action');
}
/** Whether an existing custom configuration routes traffic as this run would (by its numbers, not its JSON). */
function sameRouting(found, wanted) {
    const numbers = (r) => r.type === 'TimeBasedCanary'
        ? [r.type, r.timeBasedCanary?.canaryPercentage, r.timeBasedCanary?.canaryInterval]
        : r.type === 'TimeBasedLinear'
            ? [r.type, r.timeBasedLinear?.linearPercentage, r.timeBasedLinear?.linearInterval]
            : [r.type];
    const [a, b] = [numbers(found), numbers(wanted)];
    return a.length === b.length && a.every((v, i) => v === b[i]);
}

;// CONCATENATED MODULE: ./src/codedeploy/setup.ts



async function lookUp(api, s, choice, alarms, budget, log) {
    const app = await api.getApplication(s.application, budget);
    if (app && app.computePlatform !== 'Lambda')
        throw new errors/* DeployError */.sH(`CodeDeploy application ${s.application} is for ${(0,untrusted/* logSafe */.sN)(app.computePlatform, 40) || 'another compute platform'}, not Lambda; name a Lambda application in codedeploy-application`);
    const group = app ? await api.getDeploymentGroup(s.application, s.deploymentGroup, budget) : null;
    if ((!app || !group) && s.serviceRole === null)
        throw new errors/* DeployError */.sH(whatToCreate(s, !app, alarms));
    if (group)
        noteAlarms(group.alarmsEnabled ? group.alarms : [], alarms, s, log);
    let config = false;
    if (!choice.predefined) {
        const found = await api.getDeploymentConfig(choice.name, budget);
        if (found && !sameRouting(found, choice.routing))
            throw new errors/* DeployError */.sH(`CodeDeploy deployment configuration ${choice.name} exists with other numbers (${(0,untrusted/* logSafe */.sN)(JSON.stringify(found), 200)}); delete it, or choose another strategy`);
        config = found === null;
    }
    return { application: !app, group: !group, config };
}
async function createMissing(api, s, choice, missing, alarms, budget, log) {
    if (missing.application) {
        await api.createApplication(s.application, budget);
        log.info(`created CodeDeploy application ${s.application} (compute platform Lambda)`);
    }
    if (missing.group) {
        await api.createDeploymentGroup({ application: s.application, group: s.deploymentGroup, serviceRole: s.serviceRole ?? '', alarms }, budget);
        log.info(`created deployment group ${s.deploymentGroup} (blue/green with traffic control, alarms: ${alarms.join(', ') || 'none'}, automatic rollback on failure and alarm)`);
    }
    if (missing.config) {
        await api.createDeploymentConfig(choice.name, choice.routing, budget);
        log.info(`created deployment configuration ${choice.name}`);
    }
}
/** One line: what does not exist, and the commands (or the input) that make it. */
function whatToCreate(s, noApp, alarms) {
    const app = `aws deploy create-application --application-name ${s.application} --compute-platform Lambda`;
    const alarmArg = alarms.length > 0
        ? ` --alarm-configuration 'enabled=true,alarms=[${alarms.map(a => `{name=${a}}`).join(',')}]'`
        : '';
    const group = `aws deploy create-deployment-group --application-name ${s.application} --deployment-group-name ${s.deploymentGroup}` +
        ` --service-role-arn <role> --deployment-style deploymentType=BLUE_GREEN,deploymentOption=WITH_TRAFFIC_CONTROL${alarmArg}` +
        ` --auto-rollback-configuration enabled=true,events=DEPLOYMENT_FAILURE,DEPLOYMENT_STOP_ON_ALARM`;
    const what = noApp
        ? `CodeDeploy application ${s.application} does not exist`
        : `CodeDeploy deployment group ${s.deploymentGroup} of application ${s.application} does not exist`;
    return `${what}: set codedeploy-service-role (a role CodeDeploy assumes, with AWSCodeDeployRoleForLambda) so that this action creates it, or create it: ${noApp ? `${app} && ` : ''}${group}; nothing was changed`;
}
/** CodeDeploy stops on the group's alarms, not on the input: say so when they differ. */
function noteAlarms(group, input, s, log) {
    const missing = input.filter(a => !group.includes(a));
    if (missing.length === 0)
        return;
    log.warning(`deployment group ${s.deploymentGroup} does not watch alarm${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: this step checks them before the deployment, but CodeDeploy stops only on the group's alarms (${group.join(', ') || 'none'}); add them to the group`);
}

;// CONCATENATED MODULE: ./src/codedeploy/follow.ts
// Following a CodeDeploy deployment: what changed since the last look (lines for the log, a point for the
// timeline) and how it ended. Pure; CodeDeploy's own words are untrusted text and made safe here.


const START = { events: {} };
/** Lines for each new status, lifecycle event status and traffic share; nothing when nothing changed. */
function observe(before, now) {
    const lines = [];
    if (now.status !== before.status)
        lines.push(`deployment ${now.status}`);
    const events = {};
    for (const e of now.events) {
        events[e.name] = e.status;
        if (before.events[e.name] !== e.status)
            lines.push(`${e.name}: ${e.status}${e.diagnostic ? ` (${(0,untrusted/* logSafe */.sN)(e.diagnostic, 200)})` : ''}`);
    }
    const seen = {
        status: now.status,
        events,
        ...(now.weight !== undefined ? { weight: now.weight } : {})
    };
    if (now.weight === undefined || now.weight === before.weight)
        return { seen, lines };
    lines.push(`traffic on the new version: ${(0,snapshot/* weightPercent */.QK)(now.weight)}`);
    return { seen, lines, moved: now.weight };
}
/** How the deployment ended, or null while it runs. */
function ending(now) {
    if (now.status === 'Succeeded')
        return { status: 'promoted' };
    if (now.status !== 'Failed' && now.status !== 'Stopped')
        return null;
    const why = [now.errorCode, now.errorMessage].filter(Boolean).join(': ');
    const reason = `CodeDeploy ${now.status === 'Stopped' ? 'stopped' : 'failed'} the deployment${why ? ` (${(0,untrusted/* logSafe */.sN)(why, 300)})` : ''}`;
    return now.rollbackDeploymentId
        ? { status: 'rolled-back', reason, rollbackDeploymentId: now.rollbackDeploymentId }
        : { status: 'failed', reason };
}
/** A rollback deployment is done when it succeeded (alias back) or failed (it is not). */
function rollbackDone(now) {
    if (now.status === 'Succeeded')
        return 'succeeded';
    return now.status === 'Failed' || now.status === 'Stopped' ? 'failed' : null;
}

;// CONCATENATED MODULE: ./src/codedeploy/watch.ts




/** After a cancel: the runner sends SIGKILL 10 s after SIGINT, so stopping and confirming fit in 6 s. */
const STOP_MS = 6000;
const STOP_POLL_MS = 500;
const DEFAULT_POLL_MS = 2000;
async function follow(config, deps, outcome, d, id) {
    let seen = START;
    const budget = { deadline: deps.deadline, maxAttempts: 8, signal: deps.signal };
    for (;;) {
        if (deps.signal.aborted)
            return stop(config, deps, outcome, d, id, seen);
        let view;
        try {
            view = await deps.codedeploy.view(id, budget);
        }
        catch (error) {
            if (deps.signal.aborted)
                continue;
            (0,hand_off/* markCodeDeployDone */.i$)(deps.store, 'unfollowed');
            return {
                status: 'failed',
                error: `could not follow CodeDeploy deployment ${id}: ${(0,errors/* failureLine */.Pu)(error)}; it goes on in CodeDeploy, which stops it on the group's alarms`
            };
        }
        seen = note(deps, outcome, d, seen, view);
        const ended = ending(view);
        if (ended) {
            (0,hand_off/* markCodeDeployDone */.i$)(deps.store, ended.status);
            return settle(config, deps, outcome, d, ended, budget);
        }
        await deps.clock.sleep(deps.pollMs ?? DEFAULT_POLL_MS, deps.signal);
    }
}
/** Logs what changed and records a move of traffic on the timeline. */
function note(deps, outcome, d, seen, view) {
    const change = observe(seen, view);
    for (const line of change.lines) {
        deps.log.info(line);
        outcome.codedeploy?.events.push(line);
    }
    if (change.moved !== undefined) {
        // Less traffic on the new version than before is CodeDeploy's rollback, not a step forward.
        const action = change.moved < d.weight ? 'CodeDeploy rollback' : 'CodeDeploy AllowTraffic';
        d.weight = change.moved;
        d.timeline.push({ time: deps.clock.now(), weight: change.moved, action, result: 'ok' });
    }
    return change.seen;
}
/** Cancelled or timed out while following: stop it (CodeDeploy rolls back), then watch the rollback land. */
async function stop(config, deps, outcome, d, id, seen) {
    const reason = String(deps.signal.reason ?? 'cancelled');
    outcome.stopReason = reason;
    const budget = { deadline: deps.clock.now() + STOP_MS, maxAttempts: 3 };
    try {
        const said = await deps.codedeploy.stopDeployment(id, config.rollback, budget);
        deps.log.warning(`${reason}: stopped CodeDeploy deployment ${id} (${said})${config.rollback ? ', which rolls the alias back' : '; rollback: false, so the alias stays where it is'}`);
    }
    catch (error) {
        return {
            status: 'failed',
            error: `${reason}: could not stop CodeDeploy deployment ${id}: ${(0,errors/* failureLine */.Pu)(error)}; the post step tries again`
        };
    }
    (0,hand_off/* markCodeDeployDone */.i$)(deps.store, 'stopped');
    for (;;) {
        let view;
        try {
            view = await deps.codedeploy.view(id, budget);
        }
        catch (error) {
            return {
                status: 'failed',
                error: `${reason}: stopped ${id}, then could not read it: ${(0,errors/* failureLine */.Pu)(error)}`
            };
        }
        seen = note(deps, outcome, d, seen, view);
        const ended = ending(view);
        if (ended) {
            const end = await settle(config, deps, outcome, d, ended, budget);
            return end.status === 'promoted' ? end : { ...end, error: `${reason}: ${end.error ?? ''}` };
        }
        if (deps.clock.now() + STOP_POLL_MS > budget.deadline)
            return {
                status: 'failed',
                error: `${reason}: stopped ${id}; CodeDeploy had not finished stopping it when this step had to end`
            };
        await deps.clock.sleep(STOP_POLL_MS);
    }
}
/** The deployment ended: wait for a rollback to land, then read the alias and say where it stands. */
async function settle(config, deps, outcome, d, ended, budget) {
    if (ended.status === 'promoted') {
        d.weight = 1;
        return { status: 'promoted' };
    }
    outcome.stopReason ??= ended.reason;
    if (ended.status === 'failed') {
        d.message = `${ended.reason}, with no automatic rollback: alias ${config.alias} is ${await aliasNow(deps, d, config.alias, budget)}`;
        return { status: 'failed', error: d.message };
    }
    const rolled = await waitRollback(deps, ended.rollbackDeploymentId, budget);
    const now = await aliasNow(deps, d, config.alias, budget);
    const back = now === `v${d.from}`;
    d.restored = back;
    // Unless a look already saw the traffic back on the old version.
    if (back && d.weight > 0)
        d.timeline.push({ time: deps.clock.now(), weight: 0, action: 'CodeDeploy rollback', result: 'ok' });
    if (back)
        d.weight = 0;
    d.message = `${ended.reason}; CodeDeploy rollback ${ended.rollbackDeploymentId} ${rolled}: alias ${config.alias} is ${now}${back ? ' (verified)' : ''}`;
    deps.log.info(d.message);
    return { status: back ? 'rolled-back' : 'failed', error: d.message };
}
async function waitRollback(deps, id, budget) {
    for (;;) {
        try {
            const done = rollbackDone(await deps.codedeploy.view(id, budget));
            if (done)
                return done;
        }
        catch (error) {
            return `could not be read (${(0,errors/* failureLine */.Pu)(error)})`;
        }
        if (deps.clock.now() + STOP_POLL_MS > budget.deadline)
            return 'had not finished';
        await deps.clock.sleep(STOP_POLL_MS, budget.signal);
    }
}
async function aliasNow(deps, d, alias, budget) {
    try {
        const found = await deps.api.getAlias(d.fn.id, alias, { ...budget, signal: undefined });
        return found ? (0,snapshot/* describeRouting */.ww)((0,snapshot/* snapshot */.P9)(found)) : 'missing';
    }
    catch (error) {
        return `unknown (${(0,errors/* failureLine */.Pu)(error)})`;
    }
}

;// CONCATENATED MODULE: ./src/codedeploy/run.ts
// engine: codedeploy. The same decision, publishing and smoke test as the action engine, then a CodeDeploy
// deployment moves the alias: this run creates it (and the application, group and configuration it needs),
// then follows it to its end, or returns at once with wait: false.













async function deployWithCodeDeploy(config, choice, deps) {
    const s = config.codedeploy;
    const startedAt = deps.clock.now();
    const outcome = (0,record/* openOutcome */.ld)(startedAt);
    let missing;
    try {
        await aliasFitsCodeDeploy(config, deps);
        missing = await lookUp(deps.codedeploy, s, choice, config.alarms, budget(deps), deps.log);
    }
    catch (error) {
        return run_close(outcome, deps, { status: 'failed', error: (0,errors/* failureLine */.Pu)(error) });
    }
    const early = await (0,engine/* prepare */.i)(config, deps, outcome);
    if (early?.status === 'dry-run')
        sayWhatWouldHappen(deps, s, choice, missing);
    if (early)
        return run_close(outcome, deps, early);
    const d = outcome.deployments.find(x => !x.unchanged);
    let id;
    let sending;
    try {
        await createMissing(deps.codedeploy, s, choice, missing, config.alarms, budget(deps), deps.log);
    }
    catch (error) {
        return run_close(outcome, deps, { status: 'failed', error: `${(0,errors/* failureLine */.Pu)(error)}; no traffic was moved` });
    }
    try {
        id = await create(config, s, choice, d, deps, sent => (sending = sent));
    }
    catch (error) {
        return run_close(outcome, deps, { status: 'failed', error: await createFailed(error, sending, deps) });
    }
    (0,hand_off/* saveCodeDeploy */.km)(deps.store, { id, region: config.region, endpoint: s.endpoint, rollback: config.rollback });
    const link = recordDeployment(outcome, d, s, choice, id, config.region, deps);
    if (!config.wait) {
        (0,hand_off/* markCodeDeployDone */.i$)(deps.store, 'in-progress');
        deps.log.info(`wait: false: CodeDeploy moves the traffic on its own; follow it at ${link}`);
        return run_close(outcome, deps, { status: 'in-progress' });
    }
    const end = await deps.log.group(`Following CodeDeploy deployment ${id}`, () => follow(config, deps, outcome, d, id));
    return run_close(outcome, deps, end);
}
/** The deployment in the outcome, the timeline and the log. Answers its console link. */
function recordDeployment(outcome, d, s, choice, id, region, deps) {
    const link = deploymentLink(region, id);
    outcome.codedeploy = {
        deploymentId: id,
        link,
        application: s.application,
        group: s.deploymentGroup,
        config: choice.name,
        events: []
    };
    const action = `CodeDeploy deployment ${id} (${choice.name})`;
    d.timeline.push({ time: deps.clock.now(), weight: 0, action, result: 'created' });
    deps.log.info(`created CodeDeploy deployment ${id} (${choice.name}, v${d.from} → v${d.to}): ${link}`);
    return link;
}
/** CodeDeploy moves an existing alias from one published version, with no split pending. */
async function aliasFitsCodeDeploy(config, deps) {
    const fn = config.functions[0];
    if (!fn)
        return;
    const found = await deps.api.getAlias(fn.id, config.alias, budget(deps));
    const cannot = 'so CodeDeploy cannot shift it';
    if (!found)
        throw new errors/* DeployError */.sH(`${fn.name} has no alias ${config.alias}, ${cannot}: create it on the current version (or run once with engine: action, which creates it); nothing was changed`);
    const alias = (0,snapshot/* snapshot */.P9)(found);
    if (alias.functionVersion === '$LATEST')
        throw new errors/* DeployError */.sH(`alias ${config.alias} of ${fn.name} points at $LATEST, ${cannot} (it moves between published versions); point it at a version first, or use engine: action; nothing was changed`);
    if ((0,snapshot/* pendingSplit */.o1)(alias))
        throw new errors/* DeployError */.sH(`alias ${config.alias} of ${fn.name} is split (${(0,snapshot/* describeRouting */.ww)(alias)}), ${cannot}: finish or undo that rollout first (version: and strategy: all-at-once with engine: action); nothing was changed`);
}
async function create(config, s, choice, d, deps, sent) {
    const appSpec = buildAppSpec({
        functionName: d.fn.name,
        alias: config.alias,
        currentVersion: d.from ?? '',
        targetVersion: d.to,
        hooks: s.hooks
    });
    // Saved before the send: should the answer be lost, or main die before it, the deployment can be found.
    const sending = {
        application: s.application,
        group: s.deploymentGroup,
        description: deps.description,
        tokened: config.description === null && (0,lost/* hasStepToken */.ci)(deps.description),
        sentAt: deps.clock.now(),
        region: config.region,
        endpoint: s.endpoint,
        rollback: config.rollback
    };
    (0,hand_off/* saveCodeDeploySending */.S8)(deps.store, sending);
    sent(sending);
    const id = await deps.codedeploy.createDeployment({
        application: s.application,
        group: s.deploymentGroup,
        config: choice.name,
        appSpec,
        description: deps.description,
        rollback: config.rollback
    }, budget(deps));
    // The id lands in links, the log and the step state: only CodeDeploy's own shape (d-XXXXXXXXX) is taken.
    if (!/^d-[A-Za-z0-9]{1,32}$/.test(id))
        throw new errors/* DeployError */.sH(`CodeDeploy answered CreateDeployment with no usable deployment id`);
    return id;
}
function sayWhatWouldHappen(deps, s, choice, missing) {
    const creates = [
        missing.application ? `application ${s.application}` : '',
        missing.group ? `deployment group ${s.deploymentGroup}` : '',
        missing.config ? `deployment configuration ${choice.name}` : ''
    ].filter(Boolean);
    if (creates.length > 0)
        deps.log.info(`dry run: would create CodeDeploy ${creates.join(', ')}`);
    deps.log.info(`dry run: would create a CodeDeploy deployment in ${s.application}/${s.deploymentGroup} with ${choice.name}`);
}
function run_close(outcome, deps, end) {
    outcome.status = end.status;
    if (end.error !== undefined)
        outcome.error = end.error;
    outcome.endedAt = deps.clock.now();
    for (const d of outcome.deployments)
        d.status = d.unchanged ? 'unchanged' : end.status;
    return outcome;
}
const budget = (deps) => (0,budgets/* rolloutBudget */.tX)(deps.deadline, deps.signal);
/**
 * The engine as main calls it: refuses what CodeDeploy cannot do before anything is read (throws an
 * InputError), and loads the SDK's CodeDeploy client only now.
 */
function codeDeployEngine(config) {
    const choice = deploymentConfigFor(config);
    return async (config, deps) => {
        const s = config.codedeploy;
        const { CodeDeployGateway } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(507), __webpack_require__.e(331)]).then(__webpack_require__.bind(__webpack_require__, 1331));
        const codedeploy = new CodeDeployGateway({
            region: config.region,
            endpoint: s.endpoint,
            endpointSource: s.endpointSource,
            clock: deps.clock
        });
        try {
            return await deployWithCodeDeploy(config, choice, { ...deps, codedeploy });
        }
        finally {
            codedeploy.destroy();
        }
    };
}


/***/ })

};

//# sourceMappingURL=273.index.js.map