export const id = 664;
export const ids = [664];
export const modules = {

/***/ 3664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_QUOTA_PAGES: () => (/* binding */ MAX_QUOTA_PAGES),
/* harmony export */   createQuotaApi: () => (/* binding */ createQuotaApi),
/* harmony export */   endpointQuotaName: () => (/* binding */ endpointQuotaName)
/* harmony export */ });
/** The quota's name, as Service Quotas and the ResourceLimitExceeded message spell it. */
function endpointQuotaName(instanceType) {
    return `${instanceType} for endpoint usage`;
}
/** SageMaker lists some hundreds of quotas: more pages than this is not a listing to trust. */
const MAX_QUOTA_PAGES = 30;
/**
 * ListServiceQuotas pages are read only as far as the quota asked for, and kept for the run: a
 * second instance type goes on from where the first one stopped.
 */
async function createQuotaApi(config, call) {
    const sq = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(924)]).then(__webpack_require__.t.bind(__webpack_require__, 2924, 19));
    const client = new sq.ServiceQuotasClient(config);
    const listed = new Map();
    let nextToken;
    let pages = 0;
    let done = false;
    // One listing at a time: two lookups never read the same page twice.
    let turn = Promise.resolve();
    const readUntil = async (name, o) => {
        while (!listed.has(name) && !done) {
            const out = await call('ListServiceQuotas', o, abortSignal => client.send(new sq.ListServiceQuotasCommand({
                ServiceCode: 'sagemaker',
                MaxResults: 100,
                ...(nextToken !== undefined ? { NextToken: nextToken } : {})
            }), { abortSignal }));
            for (const q of out.Quotas ?? []) {
                if (q.QuotaName !== undefined && q.Value !== undefined && !listed.has(q.QuotaName)) {
                    listed.set(q.QuotaName, { value: q.Value, code: q.QuotaCode });
                }
            }
            pages += 1;
            nextToken = out.NextToken || undefined;
            done = nextToken === undefined || pages >= MAX_QUOTA_PAGES;
        }
    };
    const endpointQuota = async (instanceType, o) => {
        const name = endpointQuotaName(instanceType);
        const mine = turn.then(() => readUntil(name, o));
        turn = mine.catch(() => undefined);
        await mine;
        return listed.get(name);
    };
    return {
        endpointQuota,
        endpointInstanceQuota: async (instanceType, o) => (await endpointQuota(instanceType, o))?.value,
        destroy: () => client.destroy()
    };
}


/***/ })

};

//# sourceMappingURL=664.index.js.map