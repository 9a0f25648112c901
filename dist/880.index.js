export const id = 880;
export const ids = [880];
export const modules = {

/***/ 9880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lambdaPruneApi: () => (/* binding */ lambdaPruneApi)
/* harmony export */ });
/* unused harmony export qualifierOf */
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1696);
// The Lambda calls pruning makes, as an interface (a test hands in a fake), and their implementation over
// the gateway: every page and every delete goes through its pacing and retries.

/** The qualifier of a function ARN (`…:function:name:7` → 7), null when unqualified. */
function qualifierOf(arn) {
    const parts = (arn ?? '').split(':');
    return parts.length === 8 ? (parts[7] ?? null) : null;
}
// 50 is Lambda's largest page for these lists.
const PAGE = 50;
async function allPages(page) {
    const out = [];
    let marker;
    do {
        const { items, next } = await page(marker);
        out.push(...items);
        marker = next;
    } while (marker);
    return out;
}
const marker = (Marker) => ({
    MaxItems: PAGE,
    ...(Marker ? { Marker } : {})
});
const next = (NextMarker) => (NextMarker ? { next: NextMarker } : {});
async function versionsPage(send, fn, m) {
    const out = await send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .ListVersionsByFunctionCommand */ .Ox4({ FunctionName: fn, ...marker(m) }));
    const items = (out.Versions ?? [])
        .filter(v => v.Version !== undefined && v.Version !== '$LATEST')
        .map(v => ({ version: v.Version, codeSize: v.CodeSize ?? 0 }));
    return { items, ...next(out.NextMarker) };
}
async function aliasesPage(send, fn, m) {
    const out = await send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .ListAliasesCommand */ .UZx({ FunctionName: fn, ...marker(m) }));
    const items = (out.Aliases ?? []).map(a => ({
        name: a.Name ?? '',
        version: a.FunctionVersion ?? '',
        weights: { ...(a.RoutingConfig?.AdditionalVersionWeights ?? {}) }
    }));
    return { items, ...next(out.NextMarker) };
}
async function provisionedPage(send, fn, m) {
    const out = await send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .ListProvisionedConcurrencyConfigsCommand */ .oXS({ FunctionName: fn, ...marker(m) }));
    const items = (out.ProvisionedConcurrencyConfigs ?? []).map(c => qualifierOf(c.FunctionArn) ?? '$LATEST');
    return { items, ...next(out.NextMarker) };
}
async function mappingsPage(send, fn, m) {
    const out = await send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .ListEventSourceMappingsCommand */ .Cb$({ FunctionName: fn, ...marker(m) }));
    return {
        items: (out.EventSourceMappings ?? []).map(e => qualifierOf(e.FunctionArn)),
        ...next(out.NextMarker)
    };
}
function lambdaPruneApi(gateway) {
    const send = command => gateway.controlPlane(command);
    return {
        listVersions: fn => allPages(m => versionsPage(send, fn, m)),
        listAliases: fn => allPages(m => aliasesPage(send, fn, m)),
        listProvisioned: fn => allPages(m => provisionedPage(send, fn, m)),
        listEventSources: fn => allPages(m => mappingsPage(send, fn, m)),
        deleteVersion: async (fn, version) => {
            await send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .DeleteFunctionCommand */ .Z3K({ FunctionName: fn, Qualifier: version }));
        },
        codeStorage: async () => {
            const out = await send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_0__/* .GetAccountSettingsCommand */ ._8I({}));
            return {
                usedBytes: out.AccountUsage?.TotalCodeSize ?? 0,
                limitBytes: out.AccountLimit?.TotalCodeSize ?? 0
            };
        }
    };
}


/***/ })

};

//# sourceMappingURL=880.index.js.map