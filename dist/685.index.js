export const id = 685;
export const ids = [685];
export const modules = {

/***/ 9685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BG: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_0__.BG),
/* harmony export */   PH: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_0__.PH),
/* harmony export */   createAwsApi: () => (/* binding */ createAwsApi),
/* harmony export */   dg: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_0__.dg),
/* harmony export */   mm: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_0__.mm),
/* harmony export */   withPatientReads: () => (/* reexport safe */ _patient_reads_js__WEBPACK_IMPORTED_MODULE_1__.D),
/* harmony export */   x9: () => (/* reexport safe */ _errors_js__WEBPACK_IMPORTED_MODULE_0__.x9)
/* harmony export */ });
/* unused harmony exports CONNECT_TIMEOUT_MS, REQUEST_TIMEOUT_MS, DEFAULT_DEADLINE_MS */
/* harmony import */ var _auto_scaling_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3290);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _patient_reads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1644);




/** One attempt's limit: connecting, and the whole request (enforced, not only warned about). */
const CONNECT_TIMEOUT_MS = 5000;
const REQUEST_TIMEOUT_MS = 30_000;
const DEFAULT_DEADLINE_MS = 60_000;
/**
 * Loads the SageMaker client and returns the calls the action makes. The CloudWatch client loads
 * on its first call: the first request (DescribeEndpoint) waits for nothing it does not use.
 */
async function createAwsApi(options) {
    const sm = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(459)]).then(__webpack_require__.t.bind(__webpack_require__, 4459, 19));
    const config = (maxAttempts) => ({
        region: options.region,
        maxAttempts,
        customUserAgent: 'sagemaker-blue-green-deploy',
        requestHandler: {
            connectionTimeout: CONNECT_TIMEOUT_MS,
            requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
            socketTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
            throwOnRequestTimeout: true
        }
    });
    const sagemaker = new sm.SageMakerClient(config(options.maxAttempts ?? 5));
    const sagemakerOnce = new sm.SageMakerClient(config(1));
    let cloudwatchClient;
    let cloudwatchOnce;
    let loadingCloudwatch;
    const cloudwatch = () => (loadingCloudwatch ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19)).then(cw => {
        cloudwatchClient = new cw.CloudWatchClient(config(options.maxAttempts ?? 5));
        cloudwatchOnce = new cw.CloudWatchClient(config(1));
        return { cw, client: cloudwatchClient, once: cloudwatchOnce };
    }));
    // Aborted by close(): whatever is still in flight after the verdict stops there.
    const closing = new AbortController();
    let autoScaling;
    let gate;
    let quotas;
    let artifacts;
    const call = async (operation, o, send) => {
        const deadlineMs = o?.deadlineMs ?? options.deadlineMs ?? DEFAULT_DEADLINE_MS;
        const cancel = o?.ignoreCancel ? undefined : options.signal;
        const signals = [closing.signal, AbortSignal.timeout(Math.max(1, deadlineMs))];
        if (cancel)
            signals.push(cancel);
        try {
            if (cancel?.aborted)
                throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
            return await send(AbortSignal.any(signals));
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toCallError */ .so)(operation, e, {
                cancelled: cancel?.aborted === true || closing.signal.aborted,
                deadlineMs
            });
        }
    };
    const orUndefined = async (p) => {
        try {
            return await p;
        }
        catch (e) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(e))
                return undefined;
            throw e;
        }
    };
    return {
        describeEndpoint: (name, o) => orUndefined(call('DescribeEndpoint', o, abortSignal => sagemaker.send(new sm.DescribeEndpointCommand({ EndpointName: name }), { abortSignal }))),
        describeEndpointConfig: (name, o) => orUndefined(call('DescribeEndpointConfig', o, abortSignal => sagemaker.send(new sm.DescribeEndpointConfigCommand({ EndpointConfigName: name }), {
            abortSignal
        }))),
        describeModel: (name, o) => orUndefined(call('DescribeModel', o, abortSignal => sagemaker.send(new sm.DescribeModelCommand({ ModelName: name }), { abortSignal }))),
        describeInferenceComponent: (name, o) => orUndefined(call('DescribeInferenceComponent', o, abortSignal => sagemaker.send(new sm.DescribeInferenceComponentCommand({ InferenceComponentName: name }), { abortSignal }))),
        updateInferenceComponent: async (body, o) => {
            await call('UpdateInferenceComponent', o, abortSignal => sagemakerOnce.send(new sm.UpdateInferenceComponentCommand(body), { abortSignal }));
        },
        listTags: async (arn, o) => {
            const out = await call('ListTags', o, abortSignal => sagemaker.send(new sm.ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }), {
                abortSignal
            }));
            return Object.fromEntries((out?.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']));
        },
        addTags: async (arn, tags, o) => {
            await call('AddTags', o, abortSignal => sagemakerOnce.send(new sm.AddTagsCommand({ ResourceArn: arn, Tags: [...tags] }), {
                abortSignal
            }));
        },
        deleteTags: async (arn, keys, o) => {
            await call('DeleteTags', o, abortSignal => sagemakerOnce.send(new sm.DeleteTagsCommand({ ResourceArn: arn, TagKeys: [...keys] }), {
                abortSignal
            }));
        },
        listEndpointConfigs: async (nameContains, o) => {
            const out = await call('ListEndpointConfigs', o, abortSignal => sagemaker.send(new sm.ListEndpointConfigsCommand({
                NameContains: nameContains,
                SortBy: 'CreationTime',
                SortOrder: 'Descending',
                MaxResults: 100
            }), { abortSignal }));
            return out?.EndpointConfigs ?? [];
        },
        listEndpoints: async (filter, o) => {
            const endpoints = [];
            let next;
            for (let page = 0; page < (filter?.maxPages ?? 10); page++) {
                const out = await call('ListEndpoints', o, abortSignal => sagemaker.send(new sm.ListEndpointsCommand({
                    SortBy: 'CreationTime',
                    SortOrder: 'Descending',
                    MaxResults: 100,
                    ...(filter?.nameContains ? { NameContains: filter.nameContains } : {}),
                    ...(next ? { NextToken: next } : {})
                }), { abortSignal }));
                endpoints.push(...(out?.Endpoints ?? []));
                next = out?.NextToken;
                if (!next)
                    break;
            }
            return endpoints;
        },
        callerAccount: async (o) => {
            const sts = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
            const client = new sts.STSClient(config(options.maxAttempts ?? 5));
            try {
                const out = await call('GetCallerIdentity', o, abortSignal => client.send(new sts.GetCallerIdentityCommand({}), { abortSignal }));
                return out.Account;
            }
            finally {
                client.destroy();
            }
        },
        createModel: async (body, o) => {
            await call('CreateModel', o, abortSignal => sagemaker.send(new sm.CreateModelCommand(body), { abortSignal }));
        },
        createEndpointConfig: async (body, o) => {
            await call('CreateEndpointConfig', o, abortSignal => sagemaker.send(new sm.CreateEndpointConfigCommand(body), { abortSignal }));
        },
        createEndpoint: async (body, o) => {
            await call('CreateEndpoint', o, abortSignal => sagemakerOnce.send(new sm.CreateEndpointCommand(body), { abortSignal }));
        },
        updateEndpoint: async (body, o) => {
            await call('UpdateEndpoint', o, abortSignal => sagemakerOnce.send(new sm.UpdateEndpointCommand(body), { abortSignal }));
        },
        deleteModel: async (name, o) => {
            await call('DeleteModel', o, abortSignal => sagemaker.send(new sm.DeleteModelCommand({ ModelName: name }), { abortSignal }));
        },
        deleteEndpointConfig: async (name, o) => {
            await call('DeleteEndpointConfig', o, abortSignal => sagemaker.send(new sm.DeleteEndpointConfigCommand({ EndpointConfigName: name }), {
                abortSignal
            }));
        },
        putMetricAlarm: async (body, o) => {
            // A quota of 3 per second is shared by every rollout in the account: five quick SDK
            // attempts only add throttled requests. The caller backs off over minutes instead.
            const { cw, once } = await cloudwatch();
            await call('PutMetricAlarm', o, abortSignal => once.send(new cw.PutMetricAlarmCommand(body), { abortSignal }));
        },
        describeAlarms: async (names, o) => {
            if (names.length === 0)
                return [];
            const { cw, client } = await cloudwatch();
            const out = await call('DescribeAlarms', o, abortSignal => client.send(new cw.DescribeAlarmsCommand({
                AlarmNames: [...names],
                AlarmTypes: ['MetricAlarm'],
                MaxRecords: 100
            }), { abortSignal }));
            return out?.MetricAlarms ?? [];
        },
        listAlarmTags: async (arn, o) => {
            const { cw, client } = await cloudwatch();
            const out = await call('ListTagsForResource', o, abortSignal => client.send(new cw.ListTagsForResourceCommand({ ResourceARN: arn }), { abortSignal }));
            return Object.fromEntries((out?.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']));
        },
        describeAlarmHistory: async (name, since, o) => {
            const { cw, client } = await cloudwatch();
            const out = await call('DescribeAlarmHistory', o, abortSignal => client.send(new cw.DescribeAlarmHistoryCommand({
                AlarmName: name,
                HistoryItemType: 'StateUpdate',
                StartDate: since,
                ScanBy: 'TimestampDescending',
                MaxRecords: 100
            }), { abortSignal }));
            return out?.AlarmHistoryItems ?? [];
        },
        getMetricData: async (input, o) => {
            const { cw, client } = await cloudwatch();
            return call('GetMetricData', o, abortSignal => client.send(new cw.GetMetricDataCommand(input), { abortSignal }));
        },
        autoScaling: () => (autoScaling ??= (0,_auto_scaling_js__WEBPACK_IMPORTED_MODULE_2__/* .createAutoScalingApi */ .zH)(config(options.maxAttempts ?? 5), call)),
        // A small chunk of its own: steps without a gate never load the runtime client.
        gate: () => (gate ??= __webpack_require__.e(/* import() */ 551).then(__webpack_require__.bind(__webpack_require__, 1551)).then(m => m.createGateApi(config, call, cloudwatch))),
        // Pre-flight's capacity check only: its client loads on the first quota read.
        quotas: () => (quotas ??= __webpack_require__.e(/* import() */ 664).then(__webpack_require__.bind(__webpack_require__, 3664)).then(m => m.createQuotaApi(config(options.maxAttempts ?? 5), call))),
        // S3 and ECR load only for a run that creates a model; they use the endpoint's region.
        artifacts: () => (artifacts ??= __webpack_require__.e(/* import() */ 370).then(__webpack_require__.bind(__webpack_require__, 6370)).then(m => m.createArtifactApi(config(options.maxAttempts ?? 5), call, async () => ({
            sm,
            client: sagemaker
        })))),
        close: () => {
            closing.abort();
            for (const client of [sagemaker, sagemakerOnce, cloudwatchClient, cloudwatchOnce]) {
                client?.destroy();
            }
            void autoScaling?.then(api => api.destroy());
            void gate?.then(api => api.destroy());
            void quotas?.then(api => api.destroy(), () => undefined);
            void artifacts?.then(api => api.destroy(), () => undefined);
        }
    };
}


/***/ }),

/***/ 3290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PW: () => (/* binding */ variantResourceId),
/* harmony export */   Tp: () => (/* binding */ VARIANT_DIMENSION),
/* harmony export */   zH: () => (/* binding */ createAutoScalingApi),
/* harmony export */   z_: () => (/* binding */ SAGEMAKER_NAMESPACE)
/* harmony export */ });
const SAGEMAKER_NAMESPACE = 'sagemaker';
const VARIANT_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';
function variantResourceId(endpointName, variantName) {
    return `endpoint/${endpointName}/variant/${variantName}`;
}
async function createAutoScalingApi(config, call) {
    const aas = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(491)]).then(__webpack_require__.t.bind(__webpack_require__, 1491, 19));
    const client = new aas.ApplicationAutoScalingClient(config);
    const variant = (resourceId) => ({
        ServiceNamespace: SAGEMAKER_NAMESPACE,
        ResourceId: resourceId,
        ScalableDimension: VARIANT_DIMENSION
    });
    /** Every page of a Describe* call (50 per page; a variant has few). */
    async function all(operation, o, page) {
        const items = [];
        let token;
        for (let pages = 0; pages < 20; pages++) {
            const out = await call(operation, o, signal => page(token, signal));
            items.push(...out.items);
            token = out.next;
            if (!token)
                break;
        }
        return items;
    }
    return {
        describeTarget: async (resourceId, o) => {
            const out = await call('DescribeScalableTargets', o, abortSignal => client.send(new aas.DescribeScalableTargetsCommand({
                ServiceNamespace: SAGEMAKER_NAMESPACE,
                ResourceIds: [resourceId],
                ScalableDimension: VARIANT_DIMENSION
            }), { abortSignal }));
            return out?.ScalableTargets?.find(t => t.ResourceId === resourceId);
        },
        describePolicies: (resourceId, o) => all('DescribeScalingPolicies', o, async (token, abortSignal) => {
            const out = await client.send(new aas.DescribeScalingPoliciesCommand({
                ...variant(resourceId),
                ...(token ? { NextToken: token } : {})
            }), { abortSignal });
            return { items: out?.ScalingPolicies ?? [], next: out?.NextToken };
        }),
        describeScheduledActions: (resourceId, o) => all('DescribeScheduledActions', o, async (token, abortSignal) => {
            const out = await client.send(new aas.DescribeScheduledActionsCommand({
                ...variant(resourceId),
                ...(token ? { NextToken: token } : {})
            }), { abortSignal });
            return { items: out?.ScheduledActions ?? [], next: out?.NextToken };
        }),
        listTags: async (arn, o) => {
            const out = await call('ListTagsForResource', o, abortSignal => client.send(new aas.ListTagsForResourceCommand({ ResourceARN: arn }), { abortSignal }));
            return out?.Tags ?? {};
        },
        tagResource: async (arn, tags, o) => {
            await call('TagResource', o, abortSignal => client.send(new aas.TagResourceCommand({ ResourceARN: arn, Tags: tags }), { abortSignal }));
        },
        registerTarget: async (input, o) => {
            await call('RegisterScalableTarget', o, abortSignal => client.send(new aas.RegisterScalableTargetCommand(input), { abortSignal }));
        },
        deregisterTarget: async (resourceId, o) => {
            await call('DeregisterScalableTarget', o, abortSignal => client.send(new aas.DeregisterScalableTargetCommand(variant(resourceId)), { abortSignal }));
        },
        putScalingPolicy: async (input, o) => {
            await call('PutScalingPolicy', o, abortSignal => client.send(new aas.PutScalingPolicyCommand(input), { abortSignal }));
        },
        putScheduledAction: async (input, o) => {
            await call('PutScheduledAction', o, abortSignal => client.send(new aas.PutScheduledActionCommand(input), { abortSignal }));
        },
        destroy: () => client.destroy()
    };
}


/***/ }),

/***/ 1644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ withPatientReads),
/* harmony export */   H: () => (/* binding */ QUOTA_WINDOW_MS)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2495);


/** How long a throttled call is retried: the same window as PutMetricAlarm's. */
const QUOTA_WINDOW_MS = 180_000;
const READS = [
    'describeEndpoint',
    'describeEndpointConfig',
    'describeModel',
    'describeInferenceComponent',
    'listTags',
    'listEndpointConfigs',
    'listEndpoints',
    'describeAlarms'
];
function withPatientReads(api, deps) {
    const patient = {};
    for (const name of READS) {
        const read = api[name];
        const operation = name.charAt(0).toUpperCase() + name.slice(1);
        patient[name] = (arg, o) => o !== undefined
            ? read(arg, o)
            : (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withBackoff */ .D)(() => read(arg), {
                withinMs: QUOTA_WINDOW_MS,
                now: deps.now,
                sleep: deps.sleep,
                retryable: _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isThrottled */ .B5,
                stopped: () => deps.signal?.aborted === true,
                onRetry: (e, attempt, delay) => deps.log(`${operation}: throttled (${e.code ?? 'Throttling'}); trying again in ${Math.round(delay / 1000)} s (attempt ${attempt + 1})`)
            });
    }
    return { ...api, ...patient };
}


/***/ }),

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ withBackoff)
/* harmony export */ });
/* unused harmony export backoffDelay */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
// Retrying idempotent calls past the SDK's few quick attempts: jittered exponential backoff over
// a bounded time, so that many rollouts sharing an account's quotas all get through. Only for
// calls that are safe to repeat (reads, PutMetricAlarm); a write that is not idempotent is read
// back instead (see reconcile.ts).

/** Full-jitter exponential delay for the given failed attempt (1-based). */
function backoffDelay(attempt, firstDelayMs, maxDelayMs, random) {
    const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(attempt - 1, 20));
    // Half fixed, half random: never a burst of immediate retries, never aligned with others.
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
async function withBackoff(call, o) {
    const started = o.now();
    const random = o.random ?? Math.random;
    const retryable = o.retryable ?? _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg;
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (e) {
            if (!retryable(e) || o.stopped?.())
                throw e;
            const delay = backoffDelay(attempt, o.firstDelayMs ?? 1000, o.maxDelayMs ?? 20_000, random);
            if (o.now() + delay - started > o.withinMs)
                throw e;
            o.onRetry?.(e, attempt, delay);
            await o.sleep(delay);
            if (o.stopped?.())
                throw e;
        }
    }
}


/***/ })

};

//# sourceMappingURL=685.index.js.map