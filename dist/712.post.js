export const id = 712;
export const ids = [712];
export const modules = {

/***/ 6712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   stopLeftDeployment: () => (/* binding */ stopLeftDeployment)
/* harmony export */ });
/* harmony import */ var _aws_budgets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6139);
// The post step's stop: the deployment main created and was following when it was killed, by the id the
// step state holds, with the client main used (region and endpoint as saved).

/** Stops it (CodeDeploy rolls the alias back when rollback was on); answers CodeDeploy's status line. */
async function stopLeftDeployment(record, clock) {
    const { CodeDeployGateway } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(507), __webpack_require__.e(880), __webpack_require__.e(331)]).then(__webpack_require__.bind(__webpack_require__, 1331));
    const gateway = new CodeDeployGateway({
        region: record.region,
        endpoint: record.endpoint,
        endpointSource: record.endpoint === null ? null : 'the endpoint main used',
        clock,
        userAgent: 'lambda-promote/1 post'
    });
    try {
        return await gateway.stopDeployment(record.id, record.rollback, (0,_aws_budgets_js__WEBPACK_IMPORTED_MODULE_0__/* .postBudget */ .Or)(clock.now()));
    }
    finally {
        gateway.destroy();
    }
}


/***/ })

};

//# sourceMappingURL=712.post.js.map