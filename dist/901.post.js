export const id = 901;
export const ids = [901];
export const modules = {

/***/ 2901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  recoverLeftDeployment: () => (/* binding */ recoverLeftDeployment),
  stopLeftDeployment: () => (/* binding */ stopLeftDeployment)
});

// EXTERNAL MODULE: ./src/aws/budgets.ts
var budgets = __webpack_require__(6139);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/codedeploy/lost.ts
var lost = __webpack_require__(3366);
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
    const status = httpStatus(error);
    if ((status !== undefined && status >= 400 && status < 500) || !sending) {
        markCodeDeployDone(deps.store, 'refused');
        return `${failureLine(error)}; no deployment was created and no traffic was moved`;
    }
    const where = `${sending.application}/${sending.group}`;
    const ms = deps.signal.aborted ? CANCELLED_MS : LOOKUP_MS;
    try {
        const r = await recoverLost(deps.codedeploy, sending, { deadline: deps.clock.now() + ms, maxAttempts: 3 });
        // None found, or the stop failed: the post step looks again (a creation may land after its lost answer).
        if (r.result === 'stopped' || r.result === 'ambiguous')
            markCodeDeployDone(deps.store, r.result);
        return `${failureLine(error)}; CreateDeployment's answer was lost: ${r.line}`;
    }
    catch (lookup) {
        return `${failureLine(error)}; CodeDeploy may have created the deployment before its answer was lost: look at the deployments of ${where} (it runs under the group's alarms and rollback); looking for it failed: ${failureLine(lookup)}`;
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

;// CONCATENATED MODULE: ./src/codedeploy/stop.ts
// The post step's stop: the deployment main created and was following when it was killed, by the id the
// step state holds, with the client main used (region and endpoint as saved).


/** Stops it (CodeDeploy rolls the alias back when rollback was on); answers CodeDeploy's status line. */
async function stopLeftDeployment(record, clock) {
    const gateway = await postGateway(record, clock);
    try {
        return await gateway.stopDeployment(record.id, record.rollback, (0,budgets/* postBudget */.Or)(clock.now()));
    }
    finally {
        gateway.destroy();
    }
}
/** Main died before CreateDeployment answered: finds that deployment by what main sent, stops it if ours. */
async function recoverLeftDeployment(sending, clock) {
    const gateway = await postGateway(sending, clock);
    try {
        return await recoverLost(gateway, sending, (0,budgets/* postBudget */.Or)(clock.now()));
    }
    finally {
        gateway.destroy();
    }
}
async function postGateway(at, clock) {
    const { CodeDeployGateway } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(507), __webpack_require__.e(880), __webpack_require__.e(331)]).then(__webpack_require__.bind(__webpack_require__, 1331));
    return new CodeDeployGateway({
        region: at.region,
        endpoint: at.endpoint,
        endpointSource: at.endpoint === null ? null : 'the endpoint main used',
        clock,
        userAgent: 'lambda-promote/1 post'
    });
}


/***/ })

};

//# sourceMappingURL=901.post.js.map