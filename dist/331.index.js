export const id = 331;
export const ids = [331];
export const modules = {

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


/***/ }),

/***/ 1331:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CodeDeployGateway: () => (/* binding */ CodeDeployGateway)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7507);
/* harmony import */ var _aws_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9685);
/* harmony import */ var _aws_endpoints_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9843);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2495);
/* harmony import */ var _aws_sdk_options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6650);
/* harmony import */ var _lost_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3366);
// The CodeDeploy client: the SDK's, built as the Lambda client is (our endpoint and nowhere else, our one
// retry layer, real timeouts, one line per failure). Imported only with engine: codedeploy.






/** CodeDeploy's own id shape: an id that lands in the log and a stop command is only ever one of these. */
const DEPLOYMENT_ID = /^d-[A-Za-z0-9]{1,32}$/;
class CodeDeployGateway {
    o;
    client;
    constructor(o) {
        this.o = o;
        this.client = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .CodeDeployClient */ .cHd({
            region: o.region,
            ...(0,_aws_endpoints_js__WEBPACK_IMPORTED_MODULE_0__/* .clientEndpointConfig */ .Fg)(o.endpoint),
            customUserAgent: o.userAgent ?? _aws_api_js__WEBPACK_IMPORTED_MODULE_3__/* .USER_AGENT */ ._,
            maxAttempts: 1,
            requestHandler: _aws_sdk_options_js__WEBPACK_IMPORTED_MODULE_1__/* .REQUEST_HANDLER */ .di
        });
    }
    async call(command, resource, budget, worth = _aws_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .isTransient */ .dg) {
        const send = () => {
            if (budget.signal?.aborted)
                throw Object.assign(new Error(String(budget.signal.reason ?? 'cancelled')), { name: 'AbortError' });
            const options = budget.signal ? { abortSignal: budget.signal } : {};
            return this.client.send(command, options);
        };
        try {
            return await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .withRetry */ .bD)(this.o.clock, (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .policyFor */ .KV)(budget, undefined, worth), send);
        }
        catch (error) {
            throw (0,_aws_sdk_options_js__WEBPACK_IMPORTED_MODULE_1__/* .described */ .WY)(error, {
                operation: command.constructor.name.replace(/Command$/, ''),
                resource,
                service: 'CodeDeploy',
                endpoint: this.o.endpoint,
                endpointSource: this.o.endpointSource
            });
        }
    }
    /** null for the named "does not exist" exception; anything else is thrown. */
    async orNull(missing, read) {
        try {
            return await read();
        }
        catch (error) {
            if ((0,_aws_api_js__WEBPACK_IMPORTED_MODULE_3__/* .isNamed */ .e)(error, missing))
                return null;
            throw error;
        }
    }
    async getApplication(name, budget) {
        const out = await this.orNull('ApplicationDoesNotExistException', () => this.call(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .GetApplicationCommand */ .eOh({ applicationName: name }), name, budget));
        return out ? { computePlatform: out.application?.computePlatform ?? '' } : null;
    }
    async createApplication(name, budget) {
        await this.call(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .CreateApplicationCommand */ .ObD({ applicationName: name, computePlatform: 'Lambda' }), name, budget);
    }
    async getDeploymentGroup(application, group, budget) {
        const out = await this.orNull('DeploymentGroupDoesNotExistException', () => this.call(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .GetDeploymentGroupCommand */ .WOp({ applicationName: application, deploymentGroupName: group }), `${application}/${group}`, budget));
        if (!out)
            return null;
        const alarms = out.deploymentGroupInfo?.alarmConfiguration;
        return {
            alarms: (alarms?.alarms ?? []).map(a => a.name ?? '').filter(Boolean),
            alarmsEnabled: alarms?.enabled === true
        };
    }
    async createDeploymentGroup(g, budget) {
        const command = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .CreateDeploymentGroupCommand */ .YqN({
            applicationName: g.application,
            deploymentGroupName: g.group,
            serviceRoleArn: g.serviceRole,
            deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
            alarmConfiguration: { enabled: g.alarms.length > 0, alarms: g.alarms.map(name => ({ name })) },
            autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] }
        });
        await this.call(command, `${g.application}/${g.group}`, budget);
    }
    async getDeploymentConfig(name, budget) {
        const out = await this.orNull('DeploymentConfigDoesNotExistException', () => this.call(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .GetDeploymentConfigCommand */ .z2K({ deploymentConfigName: name }), name, budget));
        if (!out)
            return null;
        return (out.deploymentConfigInfo?.trafficRoutingConfig ?? { type: 'AllAtOnce' });
    }
    async createDeploymentConfig(name, routing, budget) {
        const command = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .CreateDeploymentConfigCommand */ .JKx({
            deploymentConfigName: name,
            computePlatform: 'Lambda',
            trafficRoutingConfig: routing
        });
        // Another run may have created it a moment ago: the same name carries the same numbers.
        await this.orNull('DeploymentConfigAlreadyExistsException', () => this.call(command, name, budget));
    }
    async createDeployment(d, budget) {
        const command = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .CreateDeploymentCommand */ .ttP({
            applicationName: d.application,
            deploymentGroupName: d.group,
            deploymentConfigName: d.config,
            description: d.description,
            revision: { revisionType: 'AppSpecContent', appSpecContent: d.appSpec },
            autoRollbackConfiguration: d.rollback
                ? {
                    enabled: true,
                    events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST']
                }
                : { enabled: false }
        });
        // Retried only when CodeDeploy said "not now": after a lost answer a deployment may exist already.
        const out = await this.call(command, `${d.application}/${d.group}`, budget, _aws_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .isBusy */ .A5);
        return out.deploymentId ?? '';
    }
    async view(id, budget) {
        const info = await this.deploymentInfo(id, budget);
        const status = info?.status ?? 'Unknown';
        const view = {
            status,
            events: [],
            ...(info?.errorInformation?.code ? { errorCode: info.errorInformation.code } : {}),
            ...(info?.errorInformation?.message ? { errorMessage: info.errorInformation.message } : {}),
            ...(info?.rollbackInfo?.rollbackDeploymentId
                ? { rollbackDeploymentId: info.rollbackInfo.rollbackDeploymentId }
                : {}),
            ...(info?.rollbackInfo?.rollbackMessage ? { rollbackMessage: info.rollbackInfo.rollbackMessage } : {})
        };
        if (status === 'Created' || status === 'Queued')
            return view;
        const target = await this.target(id, budget);
        if (!target)
            return view;
        view.events = (target.lifecycleEvents ?? []).map(e => ({
            name: e.lifecycleEventName ?? '',
            status: e.status ?? '',
            ...(e.diagnostics?.message ? { diagnostic: e.diagnostics.message } : {})
        }));
        const weight = target.lambdaFunctionInfo?.targetVersionWeight;
        if (typeof weight === 'number')
            view.weight = weight;
        return view;
    }
    async listUnfinished(application, group, since, budget) {
        const command = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .ListDeploymentsCommand */ .sr8({
            applicationName: application,
            deploymentGroupName: group,
            includeOnlyStatuses: [..._lost_js__WEBPACK_IMPORTED_MODULE_5__/* .UNFINISHED */ .yA],
            createTimeRange: { start: new Date(since) }
        });
        const out = await this.call(command, `${application}/${group}`, budget);
        return (out.deployments ?? []).filter(id => DEPLOYMENT_ID.test(id));
    }
    async describe(id, budget) {
        const info = await this.deploymentInfo(id, budget);
        return { id, description: info?.description ?? '', createTime: info?.createTime?.getTime() ?? NaN };
    }
    async deploymentInfo(id, budget) {
        const command = new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .GetDeploymentCommand */ .Tvn({ deploymentId: id });
        return (await this.call(command, id, budget)).deploymentInfo;
    }
    /** The deployment's one Lambda target; null before CodeDeploy has listed it. */
    async target(id, budget) {
        const list = await this.orNull('DeploymentNotStartedException', () => this.call(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .ListDeploymentTargetsCommand */ .$9V({ deploymentId: id }), id, budget));
        const targetIds = list?.targetIds ?? [];
        if (targetIds.length === 0)
            return null;
        const out = await this.call(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .BatchGetDeploymentTargetsCommand */ .Bsg({ deploymentId: id, targetIds }), id, budget);
        return out.deploymentTargets?.[0]?.lambdaTarget ?? null;
    }
    async stopDeployment(id, rollback, budget) {
        const out = await this.call(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_2__/* .StopDeploymentCommand */ .NzN({ deploymentId: id, autoRollbackEnabled: rollback }), id, budget);
        return [out.status, out.statusMessage].filter(Boolean).join(': ');
    }
    destroy() {
        this.client.destroy();
    }
}


/***/ })

};

//# sourceMappingURL=331.index.js.map