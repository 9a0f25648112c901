export const id = 901;
export const ids = [901];
export const modules = {

/***/ 9901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pruneAfterRun: () => (/* binding */ pruneAfterRun)
});

// UNUSED EXPORTS: pruneVersions

// EXTERNAL MODULE: ./src/concurrency.ts
var concurrency = __webpack_require__(1532);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/prune/decide.ts
// Which published versions keep-versions deletes, and why each other one is kept. Pure: the facts are
// read at the edge (prune/read.ts) and handed in.
const isVersion = (q) => /^\d+$/.test(q);
/**
 * The N newest are kept, and every version in use: one an alias routes to (primary or weighted), the
 * rollback target, the current version, one with provisioned concurrency, one an event source mapping
 * names (directly or through an alias). A configuration or a mapping that names an alias the listing did
 * not show means the function changed while it was read: nothing is deleted.
 */
function decidePrune(facts) {
    const reasons = new Map();
    const add = (version, reason) => {
        if (!isVersion(version))
            return;
        const list = reasons.get(version) ?? [];
        if (!list.includes(reason))
            list.push(reason);
        reasons.set(version, list);
    };
    const newestFirst = [...facts.versions].sort((a, b) => Number(b.version) - Number(a.version));
    for (const v of newestFirst.slice(0, facts.keep))
        add(v.version, `among the ${facts.keep} newest`);
    const aliases = new Map(facts.aliases.map(a => [a.name, a]));
    const aliasVersions = (a) => [a.version, ...Object.keys(a.weights)];
    for (const a of facts.aliases) {
        add(a.version, `alias ${a.name}`);
        for (const [v, w] of Object.entries(a.weights))
            add(v, `alias ${a.name} (${Math.round(w * 100)}% weighted)`);
    }
    if (facts.rollbackTarget !== null)
        add(facts.rollbackTarget, 'rollback target');
    if (facts.current !== null)
        add(facts.current, 'this run promoted it');
    const through = (qualifier, what) => {
        if (isVersion(qualifier)) {
            add(qualifier, what);
            return null;
        }
        if (qualifier === '$LATEST')
            return null;
        const alias = aliases.get(qualifier);
        if (alias === undefined)
            return `${what} names alias ${qualifier}, which the alias listing did not show`;
        for (const v of aliasVersions(alias))
            add(v, `${what} (alias ${qualifier})`);
        return null;
    };
    for (const q of facts.provisioned) {
        const doubt = through(q, 'provisioned concurrency');
        if (doubt)
            return { doubt };
    }
    for (const q of facts.eventSources) {
        const doubt = q === null ? null : through(q, 'event source mapping');
        if (doubt)
            return { doubt };
    }
    const remove = newestFirst.filter(v => !reasons.has(v.version)).reverse();
    const kept = newestFirst
        .filter(v => reasons.has(v.version))
        .map(v => ({ version: v.version, reasons: reasons.get(v.version) ?? [] }));
    return { remove, kept, reclaimBytes: remove.reduce((sum, v) => sum + v.codeSize, 0) };
}

// EXTERNAL MODULE: ./src/prune/words.ts
var words = __webpack_require__(7125);
;// CONCATENATED MODULE: ./src/prune/run.ts
// keep-versions at the edge: after a run that promoted (or found nothing to do), read what each function's
// versions are used by, decide (prune/decide.ts), delete the rest one by one, and check the account's code
// storage. Never throws and never fails the run: what it cannot do is a warning, and in doubt nothing is
// deleted.




const PRUNABLE = ['promoted', 'unchanged', 'dry-run'];
const numeric = (v) => (v && /^\d+$/.test(v) ? v : null);
async function pruneVersions(outcome, keep, deps) {
    const report = { keep, dryRun: outcome.status === 'dry-run', functions: [] };
    if (!PRUNABLE.includes(outcome.status)) {
        report.notRun = `the run ended ${outcome.status}`;
        deps.log.info(`keep-versions: nothing deleted: ${report.notRun}`);
        return report;
    }
    const targets = outcome.deployments.filter(d => PRUNABLE.includes(d.status));
    const results = await (0,concurrency/* mapLimit */.s)(targets, deps.concurrency, d => pruneOne(d, report, deps));
    for (const r of results)
        if (r.status === 'fulfilled')
            report.functions.push(r.value);
    try {
        report.storage = await deps.api.codeStorage();
        const { usedBytes, limitBytes } = report.storage;
        if (limitBytes > 0 && usedBytes > words/* STORAGE_WARNING */.lY * limitBytes)
            deps.log.warning(`code storage: ${(0,words/* formatBytes */.z3)(usedBytes)} of the account's ${(0,words/* formatBytes */.z3)(limitBytes)} used (${Math.round((usedBytes / limitBytes) * 100)}%); delete unused versions or raise the quota before publishing fails`);
    }
    catch (error) {
        deps.log.warning(`keep-versions: could not read the account's code storage: ${(0,errors/* errorLine */.BP)(error)}`);
    }
    return report;
}
async function readFacts(d, keep, api) {
    const [versions, aliases, provisioned, eventSources] = await Promise.all([
        api.listVersions(d.fn.id),
        api.listAliases(d.fn.id),
        api.listProvisioned(d.fn.id),
        api.listEventSources(d.fn.id)
    ]);
    return {
        versions,
        keep,
        aliases,
        rollbackTarget: d.status === 'promoted' ? numeric(d.from) : null,
        current: numeric(d.to),
        provisioned,
        eventSources
    };
}
async function pruneOne(d, report, deps) {
    const name = d.fn.name;
    const result = { name, deleted: [], kept: [], skipped: [], reclaimedBytes: 0 };
    let decision;
    try {
        decision = decidePrune(await readFacts(d, report.keep, deps.api));
    }
    catch (error) {
        result.notDeleted = `could not read what its versions are used by: ${(0,errors/* errorLine */.BP)(error)}`;
    }
    if (decision && 'doubt' in decision)
        result.notDeleted = decision.doubt;
    if (!decision || 'doubt' in decision) {
        deps.log.warning(`${name}: keep-versions: nothing deleted: ${result.notDeleted ?? ''}`);
        return result;
    }
    result.kept = decision.kept;
    for (const k of decision.kept)
        deps.log.info(`${name}: ${(0,words/* keptLine */.bS)(k)}`);
    if (report.dryRun) {
        result.deleted = decision.remove;
        result.reclaimedBytes = decision.reclaimBytes;
        deps.log.info(`${name}: dry run: would delete ${versionList(decision.remove)}`);
        return result;
    }
    for (const v of decision.remove) {
        if (deps.signal?.aborted) {
            result.skipped.push({ version: v.version, reason: 'the run was cancelled' });
            continue;
        }
        try {
            await deps.api.deleteVersion(d.fn.id, v.version);
            result.deleted.push(v);
            result.reclaimedBytes += v.codeSize;
            deps.log.info(`${name}: deleted v${v.version} (${(0,words/* formatBytes */.z3)(v.codeSize)})`);
        }
        catch (error) {
            // In use after all (409), denied, or gone wrong: this version stays, the others are still tried.
            const reason = (0,errors/* errorLine */.BP)(error);
            result.skipped.push({ version: v.version, reason });
            deps.log.warning(`${name}: v${v.version} not deleted: ${reason}`);
        }
    }
    deps.log.info(`${name}: deleted ${versionList(result.deleted)}, reclaimed ${(0,words/* formatBytes */.z3)(result.reclaimedBytes)}`);
    return result;
}
const versionList = (vs) => vs.length === 0 ? 'no version' : vs.map(v => `v${v.version}`).join(', ');
/** The main step's entry: pruning in its own log group, after the outcome is final. */
async function pruneAfterRun(outcome, keep, deps) {
    return deps.log.group(`Pruning versions (keep-versions: ${keep})`, async () => {
        try {
            return await pruneVersions(outcome, keep, deps);
        }
        catch (error) {
            // A bug here must not turn a promotion into a failure.
            deps.log.warning(`keep-versions: stopped: ${(0,errors/* errorLine */.BP)(error)}`);
            return {
                keep,
                dryRun: outcome.status === 'dry-run',
                functions: [],
                notRun: 'pruning stopped on an error'
            };
        }
    });
}


/***/ })

};

//# sourceMappingURL=901.index.js.map