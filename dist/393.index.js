export const id = 393;
export const ids = [393,685,664];
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


/***/ }),

/***/ 9771:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ deleteCreated)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const O = { ignoreCancel: true };
/** Deletes endpoint config or model `name`; whether it is gone is what a read shows. */
async function deleteCreated(api, kind, name, log) {
    try {
        if (kind === 'model')
            await api.deleteModel(name, O);
        else
            await api.deleteEndpointConfig(name, O);
        log.info(`Cleanup: deleted ${kind} ${name} (created by this run)`);
        return true;
    }
    catch (e) {
        const error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e);
        let gone;
        try {
            const found = kind === 'model'
                ? await api.describeModel(name, O)
                : await api.describeEndpointConfig(name, O);
            gone = found === undefined;
        }
        catch {
            gone = undefined;
        }
        if (gone) {
            log.info(`Cleanup: deleted ${kind} ${name} (created by this run; the answer was lost: ${error} A read shows it gone).`);
            return true;
        }
        log.warning(`Cleanup: ${kind} ${name} (created by this run) ${gone === false ? 'is still there' : 'may still be there (a read failed too)'} after: ${error} Delete it by hand if nothing uses it.`);
        return false;
    }
}


/***/ }),

/***/ 868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ launchWith),
/* harmony export */   BX: () => (/* binding */ createdByThisAttempt),
/* harmony export */   FE: () => (/* binding */ stopIfCancelled),
/* harmony export */   RT: () => (/* binding */ createdList),
/* harmony export */   Vk: () => (/* binding */ sameJson)
/* harmony export */ });
/* unused harmony exports ALARM_WRITE_WINDOW_MS, ENDPOINT_WRITE_ATTEMPTS, LaunchStopped, writeAlarms, ensureModel, lookUpInFlight */
/* harmony import */ var _aws_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9685);
/* harmony import */ var _aws_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2495);
/* harmony import */ var _aws_patient_reads_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1644);
/* harmony import */ var _guard_alarms_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2767);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6455);
/* harmony import */ var _step_identity_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5704);
// Launch: the only place that changes anything in AWS, for every target. Alarms (upsert, skipped
// when already up to date), the green model, what the target's write needs, then the write
// (TargetWrite: the endpoint's or the component's). A repeated step reuses an identical model of
// the same name, and picks a fresh name when it differs: a re-run never fails on "already exists"
// and never changes what another attempt created. The write is never retried blindly: after any
// failure the target is read back, and only a read that shows the write was not applied allows
// another try.







/** PutMetricAlarm is retried on throttling for this long (many rollouts share the quota). */
const ALARM_WRITE_WINDOW_MS = _aws_patient_reads_js__WEBPACK_IMPORTED_MODULE_2__/* .QUOTA_WINDOW_MS */ .H;
/** Endpoint writes tried at most this often, each only after a read shows the last one failed. */
const ENDPOINT_WRITE_ATTEMPTS = 3;
/** Cancellation noticed between two launch calls. */
class LaunchStopped extends Error {
}
const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);
function modelMatches(existing, body) {
    const wanted = body.PrimaryContainer;
    const have = existing?.PrimaryContainer;
    return (existing !== undefined &&
        existing.ExecutionRoleArn === body.ExecutionRoleArn &&
        have?.Image === wanted.Image &&
        have?.ModelDataUrl === wanted.ModelDataUrl &&
        have?.ModelPackageName === wanted.ModelPackageName &&
        sameJson(have?.Environment ?? {}, wanted.Environment ?? {}));
}
/** Whether a resource found under our name was created by this very attempt (a lost answer). */
async function createdByThisAttempt(deps, arn) {
    if (!arn)
        return false;
    try {
        const tags = await deps.api.listTags(arn, { ignoreCancel: true, deadlineMs: 10_000 });
        return (tags[_step_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .SHA_TAG */ .IW] === (0,_step_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .tagValue */ .EZ)(deps.run.sha) &&
            tags[_step_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .RUN_ID_TAG */ .D$] === (0,_step_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .tagValue */ .EZ)(deps.run.runId) &&
            tags[_step_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .RUN_ATTEMPT_TAG */ .bQ] === (0,_step_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .tagValue */ .EZ)(deps.run.runAttempt));
    }
    catch {
        return false;
    }
}
function stopIfCancelled(deps) {
    if (deps.signal?.aborted)
        throw new LaunchStopped();
}
/** Writes the plan's alarms that differ from what exists; `written` gains each one written. */
async function writeAlarms(plan, deps, written = []) {
    for (const alarm of plan.alarmsToCreate) {
        if ((0,_guard_alarms_js__WEBPACK_IMPORTED_MODULE_3__/* .alarmUpToDate */ .oo)(deps.existingAlarms?.get(alarm.name), alarm.request)) {
            deps.log.info(`Alarm ${alarm.name} is already up to date: ${alarm.watches}`);
            continue;
        }
        await (0,_aws_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withBackoff */ .D)(() => deps.api.putMetricAlarm(alarm.request), {
            withinMs: ALARM_WRITE_WINDOW_MS,
            now: deps.now,
            sleep: deps.sleep,
            stopped: () => deps.signal?.aborted === true,
            onRetry: (e, attempt, delay) => deps.log.info(`PutMetricAlarm ${alarm.name}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}; trying again in ${Math.round(delay / 1000)} s (attempt ${attempt + 1})`)
        });
        written.push(alarm.name);
        deps.log.info(`Alarm ${alarm.name} created/updated: ${alarm.watches}`);
    }
}
/** Creates the model; returns its name and whether this attempt created it. */
async function ensureModel(plan, deps, inFlight) {
    let body = plan.createModel;
    if (!body)
        return [plan.greenModelName, false];
    for (let attempt = 0; attempt < 2; attempt++) {
        const name = body.ModelName;
        inFlight.model = name;
        try {
            await deps.api.createModel(body);
            deps.log.info(`Created model ${name}`);
            return [name, true];
        }
        catch (e) {
            if (!(0,_aws_api_js__WEBPACK_IMPORTED_MODULE_0__/* .isAlreadyExists */ .x9)(e))
                throw e;
            const existing = await deps.api.describeModel(name);
            if (modelMatches(existing, body)) {
                const ours = await createdByThisAttempt(deps, existing?.ModelArn);
                deps.log.info(ours
                    ? `Model ${name} exists with this step's definition, made by this run attempt (a lost answer, or a copy of this step running at the same time)`
                    : `Reusing model ${name} (created earlier with the same definition)`);
                return [name, ours];
            }
            const fresh = (0,_names_js__WEBPACK_IMPORTED_MODULE_5__/* .freshName */ .Os)(plan.greenModelName, body);
            deps.log.info(`Model ${name} exists with another definition; using the fresh name ${fresh}`);
            body = { ...body, ModelName: fresh };
        }
    }
    throw new Error(`Could not find a free model name for ${plan.greenModelName}.`);
}
/**
 * After a create failed in a way that may have reached SageMaker (a lost answer, a cancel in
 * flight), looks the resource up: if this attempt created it, it is listed and counted as ours.
 */
async function lookUpInFlight(deps, inFlight, created) {
    const read = { ignoreCancel: true, deadlineMs: 10_000 };
    let { model, config } = created;
    try {
        if (!model && inFlight.model) {
            const found = await deps.api.describeModel(inFlight.model, read);
            if (await createdByThisAttempt(deps, found?.ModelArn))
                model = inFlight.model;
        }
        if (!config && inFlight.config) {
            const found = await deps.api.describeEndpointConfig(inFlight.config, read);
            if (await createdByThisAttempt(deps, found?.EndpointConfigArn))
                config = inFlight.config;
        }
    }
    catch {
        // Unknown: list only what is known to exist.
    }
    return { model, config };
}
function createdList(created) {
    return [
        created.model === undefined ? '' : `model ${created.model}`,
        created.config === undefined ? '' : `endpoint config ${created.config}`,
        created.alarms?.length
            ? `alarm${created.alarms.length === 1 ? '' : 's'} ${created.alarms.join(', ')}`
            : ''
    ].filter(Boolean);
}
/**
 * The alarms, the model, what the target's write needs, then the write: the only writes of a run.
 * The alarms come first so they have evaluated before any shift; whatever was written before a
 * failure is named (pre-flight has checked the artifact, image and capacity, so few are). After
 * any failure of the write, the target is read back before anything is decided.
 */
async function launchWith(plan, target, deps) {
    let created = { model: undefined, config: undefined };
    const inFlight = {};
    let launched = plan;
    const alarms = [];
    try {
        await writeAlarms(plan, deps, alarms);
        if (alarms.length)
            created = { ...created, alarms };
        stopIfCancelled(deps);
        const [modelName, createdModel] = await ensureModel(plan, deps, inFlight);
        created = { ...created, model: createdModel ? modelName : undefined };
        const prepared = await target.prepare(plan, modelName, deps, inFlight);
        created = { ...created, config: prepared.config };
        launched = prepared.plan;
        stopIfCancelled(deps);
        if (deps.beforeUpdate && !target.alreadyLive?.(launched, plan))
            await deps.beforeUpdate();
    }
    catch (e) {
        const cancelled = e instanceof LaunchStopped || (0,_aws_api_js__WEBPACK_IMPORTED_MODULE_0__/* .isCancelled */ .mm)(e) || deps.signal?.aborted === true;
        if (!(e instanceof LaunchStopped) && (0,_aws_api_js__WEBPACK_IMPORTED_MODULE_0__/* .mayHaveApplied */ .PH)(e)) {
            created = await lookUpInFlight(deps, inFlight, created);
        }
        if (alarms.length)
            created = { ...created, alarms };
        const made = createdList(created);
        const error = cancelled
            ? `Cancelled before the ${target.noun} update was requested.${made.length ? ` Created and left in place for a re-run to reuse: ${made.join(' and ')}.` : ''}`
            : `${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .sentence */ .em)((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e))}${made.length ? ` Created before it stopped: ${made.join(' and ')}.` : ''}`;
        return { kind: 'not-started', plan: launched, created, error, state: undefined, cancelled };
    }
    // Already live (a repeated step): an update to itself would double the fleet for nothing, and
    // its verdict could not tell a rollback from success.
    const live = target.alreadyLive?.(launched, plan);
    if (live !== undefined) {
        deps.log.info(live);
        return { kind: 'already-live', plan: launched, created };
    }
    return requestChange(launched, created, deps, target);
}
/** The target's write, read back after any failure before anything is decided. */
async function requestChange(plan, created, deps, target) {
    // Throws on a plan with nothing to write, before anything is sent.
    target.operation(plan);
    let requestedAt = deps.now();
    for (let attempt = 1;; attempt++) {
        requestedAt = deps.now();
        try {
            await target.send(plan, deps.api);
            deps.log.info(target.requested(plan));
            return { kind: 'started', plan, requestedAt, created, confirmedByRead: undefined };
        }
        catch (e) {
            const error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e);
            deps.log.warning(`${error} Reading the ${target.noun} to see whether the request was applied.`);
            const read = await target.readBack(plan, deps, (0,_aws_api_js__WEBPACK_IMPORTED_MODULE_0__/* .mayHaveApplied */ .PH)(e));
            const cancelled = (0,_aws_api_js__WEBPACK_IMPORTED_MODULE_0__/* .isCancelled */ .mm)(e) || deps.signal?.aborted === true;
            // Cut off by a cancellation, the request may still reach SageMaker after any read this run
            // can still make: "not applied" is only what SageMaker answered, never what a read showed.
            const state = read.kind === 'not-applied' && cancelled && (0,_aws_api_js__WEBPACK_IMPORTED_MODULE_0__/* .mayHaveApplied */ .PH)(e)
                ? {
                    kind: 'unknown',
                    seen: `${read.seen} when read, but the cancelled request may still reach SageMaker and be applied`
                }
                : read;
            if (state.kind === 'applied') {
                deps.log.info(target.reached(plan, state.seen));
                return { kind: 'started', plan, requestedAt, created, confirmedByRead: state.seen };
            }
            if (state.kind === 'not-applied' && (0,_aws_api_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(e) && !cancelled) {
                if (attempt < ENDPOINT_WRITE_ATTEMPTS) {
                    deps.log.info(`The ${target.noun} is ${state.seen}: the request was not applied. Trying again (attempt ${attempt + 1} of ${ENDPOINT_WRITE_ATTEMPTS}).`);
                    await deps.sleep(2000 * attempt);
                    if (!deps.signal?.aborted)
                        continue;
                }
            }
            return { kind: 'not-started', plan, created, error, state, cancelled };
        }
    }
}


/***/ }),

/***/ 9536:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ refuseUnread),
/* harmony export */   Tx: () => (/* binding */ checkAlarms),
/* harmony export */   gR: () => (/* binding */ shortTimeout),
/* harmony export */   wG: () => (/* binding */ PreflightError)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _guard_alarms_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2767);
/* harmony import */ var _step_identity_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5704);




class PreflightError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PreflightError';
    }
}
/**
 * A setting of the live endpoint that the new model or config must carry, and that could not be
 * read (after the patient retries of pre-flight reads): stop before any write. A new model needs
 * the live model's settings only when this step creates one (not with model-name).
 */
function refuseUnread(unread, createsModel) {
    const blocking = (unread ?? []).filter(u => createsModel || !u.forNewModel);
    if (blocking.length === 0)
        return;
    const what = blocking.map(u => `${u.read} (${u.error}), which protects ${u.protects}`);
    const denied = blocking.flatMap(u => (u.deniedPermission ? [u.deniedPermission] : []));
    const fix = denied.length
        ? `Allow ${[...new Set(denied)].join(' and ')} to the role (docs/iam-policy.json has every permission the action uses).`
        : 'Re-run once it can be read.';
    const way = blocking.some(u => u.forNewModel)
        ? ' Or name a model you created with the settings you want in model-name: the action then creates no model.'
        : '';
    throw new PreflightError(`Could not read ${what.join('; and ')}. Going on would deploy without them, so nothing was changed. ${fix}${way}`);
}
/**
 * Every alarm that guards the rollout must exist (except those this run creates) and none may be
 * in ALARM already: SageMaker would roll back at once. Returns the alarms as read, by name.
 */
async function checkAlarms(request, plan, deps) {
    const created = new Set(plan.alarmsToCreate.map(a => a.name));
    const names = plan.guardAlarmNames;
    if (names.length === 0)
        return new Map();
    const found = await deps.api.describeAlarms(names);
    const byName = new Map(found.map(a => [a.AlarmName ?? '', a]));
    const missing = names.filter(n => !created.has(n) && !byName.has(n));
    if (missing.length) {
        throw new PreflightError(`CloudWatch alarm(s) not found in ${request.region}: ${missing.join(', ')}. Create them first, fix alarm-names, or use create-alarms: true.`);
    }
    await refuseForeignAlarms(plan, byName, deps.api);
    const inAlarm = names.filter(n => byName.get(n)?.StateValue === 'ALARM');
    if (inAlarm.length) {
        const detail = inAlarm
            .map(n => `${n} (${byName.get(n)?.StateReason ?? 'no reason given'})`)
            .join('; ');
        if (!request.allowAlarmInAlarm) {
            throw new PreflightError(`Guarding alarm(s) already in ALARM: ${detail}. SageMaker would roll the deployment back at once. Fix the cause (or the alarm) first, or set allow-alarm-in-alarm: true.`);
        }
        deps.log.warning(`Starting although guarding alarm(s) are in ALARM (allow-alarm-in-alarm): ${detail}`);
    }
    const blind = names.filter(n => byName.get(n)?.StateValue === 'INSUFFICIENT_DATA');
    if (blind.length) {
        deps.log.warning(`Alarm(s) in INSUFFICIENT_DATA: ${blind.join(', ')}. The guardrail is blind until they have data (traffic on the endpoint).`);
    }
    return byName;
}
/** A `timeout` shorter than the rollout the plan expects: the watch would end before it does. */
function shortTimeout(request, plan) {
    if (request.timeoutMinutes === undefined)
        return undefined;
    if (plan.budgetSeconds >= plan.expectedDurationSeconds)
        return undefined;
    const minutes = (seconds) => `${Math.ceil(seconds / 60)} min`;
    return `Input "timeout" is ${request.timeoutMinutes} min, shorter than the ${minutes(plan.expectedDurationSeconds)} this rollout is expected to take (provisioning, every step and bake): the job would stop watching and report timed-out while SageMaker goes on. Raise timeout to at least ${minutes(plan.expectedDurationSeconds)}, or leave it empty to derive it from the policy.`;
}
/** An alarm's definition in one line, for the person who owns it. */
function definitionOf(alarm) {
    const metric = alarm.MetricName
        ? `${alarm.Namespace ?? '?'} ${alarm.MetricName} (${alarm.Statistic ?? alarm.ExtendedStatistic ?? '?'})`
        : `metric math over ${alarm.Metrics?.length ?? 0} metrics`;
    const period = alarm.Period ?? alarm.Metrics?.find(m => m.MetricStat)?.MetricStat?.Period;
    const actions = alarm.AlarmActions?.length ?? 0;
    const described = alarm.AlarmDescription ? `, described "${alarm.AlarmDescription}"` : '';
    return `${metric} ${alarm.ComparisonOperator ?? '?'} ${alarm.Threshold ?? '?'}, period ${period ?? '?'} s × ${alarm.EvaluationPeriods ?? '?'}, ${actions} alarm action${actions === 1 ? '' : 's'}${described}`;
}
/**
 * PutMetricAlarm replaces an alarm's whole definition, its actions included: an alarm the run
 * would write over must be the action's own, which its tags say (CloudWatch keeps the tags an
 * alarm was created with). One already up to date is not written, so it is not asked.
 */
async function refuseForeignAlarms(plan, byName, api) {
    const foreign = [];
    for (const spec of plan.alarmsToCreate) {
        const existing = byName.get(spec.name);
        if (existing === undefined || (0,_guard_alarms_js__WEBPACK_IMPORTED_MODULE_2__/* .alarmUpToDate */ .oo)(existing, spec.request))
            continue;
        try {
            const tags = await api.listAlarmTags(existing.AlarmArn ?? '', { deadlineMs: 15_000 });
            if (tags[_step_identity_js__WEBPACK_IMPORTED_MODULE_3__/* .REPOSITORY_TAG */ .SD] !== undefined)
                continue;
            foreign.push(`${spec.name} (${definitionOf(existing)})`);
        }
        catch (e) {
            const allow = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAccessDenied */ .w7)(e) ? ' Allow cloudwatch:ListTagsForResource to the role.' : '';
            foreign.push(`${spec.name}, whose tags could not be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(e)}), so it cannot be told from an alarm of yours.${allow}`);
        }
    }
    if (foreign.length === 0)
        return;
    const names = plan.alarmsToCreate.map(a => a.name);
    throw new PreflightError(`create-alarms would overwrite alarm(s) the action did not create: ${foreign.join('; ')}. PutMetricAlarm replaces an alarm's whole definition, its actions included, so nothing was written. Guard with your alarm as it is (create-alarms: false and alarm-names: ${names.join(', ')}), or have the action create its own under other names (alarm-name-prefix).`);
}


/***/ }),

/***/ 9343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readBackWith)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Truth after a write: when a target's write fails, times out or is cancelled, the service may
// have applied it all the same (the answer was lost, or came after the abort). Nothing is said
// about what happened until the target has been read back.

/** Reads tried before giving up, and the pause between them. */
const READS = 3;
const READ_PAUSE_MS = 2000;
/** Each read's own limit: a read after a cancellation must finish before SIGTERM. */
const READ_DEADLINE_MS = 10_000;
/**
 * Reads the target after a failed write. When the write may still be on its way (no answer, a
 * reset, a 5XX), a "not applied" read is confirmed once more after a short pause.
 */
async function readBackWith(read, sleep, mayStillArrive) {
    let last;
    let lastError = '';
    for (let attempt = 1; attempt <= READS; attempt++) {
        try {
            last = await read({ ignoreCancel: true, deadlineMs: READ_DEADLINE_MS });
            if (last.kind === 'applied' || !mayStillArrive || attempt > 1)
                return last;
        }
        catch (e) {
            lastError = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e);
        }
        if (attempt < READS)
            await sleep(READ_PAUSE_MS);
    }
    return last ?? { kind: 'unknown', seen: `no read succeeded (${lastError})` };
}


/***/ }),

/***/ 6393:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/aws/api.ts
var aws_api = __webpack_require__(9685);
// EXTERNAL MODULE: ./src/aws/auto-scaling.ts
var auto_scaling = __webpack_require__(3290);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/deploy/auto-scaling.ts



const plain = (value) => JSON.parse(JSON.stringify(value ?? {}));
function pick(source, members) {
    return Object.fromEntries(members.filter(m => source[m] !== undefined).map(m => [m, source[m]]));
}
const VARIANT = { ServiceNamespace: auto_scaling/* SAGEMAKER_NAMESPACE */.z_, ScalableDimension: auto_scaling/* VARIANT_DIMENSION */.Tp };
/** The variant's scalable target, policies and scheduled actions; undefined if not registered. */
async function readScaling(aas, endpointName, variantName) {
    const read = await readScalingOf(aas, (0,auto_scaling/* variantResourceId */.PW)(endpointName, variantName));
    if (!read)
        return undefined;
    const { arn, ...saved } = read;
    void arn;
    return saved;
}
/** The same for a resource id, in the form it was saved in (so that two reads compare equal). */
async function readScalingOf(aas, resourceId, o) {
    const target = await aas.describeTarget(resourceId, o);
    if (!target)
        return undefined;
    const [policies, actions, tags] = await Promise.all([
        aas.describePolicies(resourceId, o),
        aas.describeScheduledActions(resourceId, o),
        target.ScalableTargetARN ? aas.listTags(target.ScalableTargetARN, o) : Promise.resolve({})
    ]);
    return {
        arn: target.ScalableTargetARN,
        resourceId,
        target: {
            ...VARIANT,
            ResourceId: resourceId,
            ...pick(plain(target), ['MinCapacity', 'MaxCapacity', 'RoleARN', 'SuspendedState']),
            ...(Object.keys(tags).length ? { Tags: tags } : {})
        },
        policies: policies.map(p => ({
            ...VARIANT,
            ResourceId: resourceId,
            ...pick(plain(p), [
                'PolicyName',
                'PolicyType',
                'StepScalingPolicyConfiguration',
                'TargetTrackingScalingPolicyConfiguration',
                'PredictiveScalingPolicyConfiguration'
            ])
        })),
        scheduledActions: actions.map(a => ({
            ...VARIANT,
            ResourceId: resourceId,
            ...pick(plain(a), [
                'ScheduledActionName',
                'Schedule',
                'Timezone',
                'StartTime',
                'EndTime',
                'ScalableTargetAction'
            ])
        }))
    };
}
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
/** One phrase: "min 2, max 8, 1 scaling policy (cpu), 0 scheduled actions". */
function describeScaling(saved) {
    const names = (items, key) => items.length ? ` (${items.map(i => String(i[key])).join(', ')})` : '';
    return `min ${String(saved.target['MinCapacity'])}, max ${String(saved.target['MaxCapacity'])}, ${count(saved.policies.length, 'scaling policy', 'scaling policies')}${names(saved.policies, 'PolicyName')}, ${count(saved.scheduledActions.length, 'scheduled action', 'scheduled actions')}${names(saved.scheduledActions, 'ScheduledActionName')}`;
}
/** The saved definitions as JSON a person can feed back to the API. */
function scalingJson(saved) {
    return JSON.stringify(saved);
}
/** Deregistering also deletes the target's scaling policies and scheduled actions. */
async function deregister(aas, saved, log) {
    await aas.deregisterTarget(saved.resourceId);
    log.info(`Deregistered ${saved.resourceId} from Application Auto Scaling for the update (saved: ${describeScaling(saved)}).`);
}
const dates = (action) => ({
    ...action,
    ...(typeof action['StartTime'] === 'string' ? { StartTime: new Date(action['StartTime']) } : {}),
    ...(typeof action['EndTime'] === 'string' ? { EndTime: new Date(action['EndTime']) } : {})
});
/** How long a restore keeps trying (like PutMetricAlarm's writes: quotas are shared). */
const RESTORE_WINDOW_MS = 180_000;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const named = (items, key) => new Map(items.map(i => [i[key], i]));
const withoutTags = (target) => {
    const { Tags, ...rest } = target;
    void Tags;
    return rest;
};
/** What of `saved` the live registration lacks or holds differently (empty: identical). */
function scalingDifferences(saved, live) {
    if (!live)
        return ['scalable target (not registered)'];
    const out = [];
    if (!same(withoutTags(saved.target), withoutTags(live.target)))
        out.push('scalable target');
    if (!same(saved.target['Tags'] ?? {}, live.target['Tags'] ?? {}))
        out.push('target tags');
    const policies = named(live.policies, 'PolicyName');
    for (const p of saved.policies) {
        if (!same(p, policies.get(p['PolicyName'])))
            out.push(`scaling policy ${String(p['PolicyName'])}`);
    }
    const actions = named(live.scheduledActions, 'ScheduledActionName');
    for (const a of saved.scheduledActions) {
        if (!same(a, actions.get(a['ScheduledActionName']))) {
            out.push(`scheduled action ${String(a['ScheduledActionName'])}`);
        }
    }
    return out;
}
/** One pass: read what is registered, write only what differs from `saved`. */
async function restoreOnce(aas, saved, o) {
    let live = await readScalingOf(aas, saved.resourceId, o);
    const differs = scalingDifferences(saved, live);
    if (differs.length === 0)
        return;
    if (!live || differs.includes('scalable target')) {
        // Tags go with a new registration only: on an existing target AWS refuses them.
        await aas.registerTarget((live ? withoutTags(saved.target) : saved.target), o);
        if (!live)
            live = await readScalingOf(aas, saved.resourceId, o);
    }
    const tags = saved.target['Tags'];
    if (live?.arn && tags && !same(tags, live.target['Tags'] ?? {})) {
        await aas.tagResource(live.arn, tags, o);
    }
    const policies = named(live?.policies ?? [], 'PolicyName');
    for (const policy of saved.policies) {
        if (!same(policy, policies.get(policy['PolicyName']))) {
            await aas.putScalingPolicy(policy, o);
        }
    }
    const actions = named(live?.scheduledActions ?? [], 'ScheduledActionName');
    for (const action of saved.scheduledActions) {
        if (!same(action, actions.get(action['ScheduledActionName']))) {
            await aas.putScheduledAction(dates(action), o);
        }
    }
}
/**
 * Registers exactly what was saved again: read, compare, write what differs, read back; retried
 * with backoff for RESTORE_WINDOW_MS (an answer lost after the write, "already exists", throttling
 * all end in a read that shows what is there). Never throws: the report says what is missing.
 */
async function restore(aas, saved, log, clock) {
    // Not cut short by a cancellation: this puts back what the run itself removed.
    const o = { ignoreCancel: true, deadlineMs: 20_000 };
    const until = clock.now() + RESTORE_WINDOW_MS;
    let errors = [];
    for (let attempt = 1;; attempt++) {
        try {
            await restoreOnce(aas, saved, o);
            const missing = scalingDifferences(saved, await readScalingOf(aas, saved.resourceId, o));
            if (missing.length === 0) {
                log.info(`Restored auto scaling on ${saved.resourceId}: ${describeScaling(saved)}.`);
                return { saved, restored: true, errors: [] };
            }
            errors = [`read back after the writes, still different: ${missing.join(', ')}`];
        }
        catch (e) {
            errors = [(0,src_errors/* errorMessage */.gJ)(e)];
            if ((0,aws_errors/* isFatal */.BG)(e))
                break;
        }
        const ceiling = Math.min(20_000, 1000 * 2 ** (attempt - 1));
        const pause = clock.random ? ceiling * (0.5 + clock.random() / 2) : ceiling;
        if (clock.now() + pause > until)
            break;
        log.info(`Restoring auto scaling on ${saved.resourceId}: ${errors.join('; ')}; trying again in ${Math.round(pause / 1000)} s (attempt ${attempt + 1}).`);
        await clock.sleep(pause);
    }
    log.warning(`Could not restore auto scaling on ${saved.resourceId} (${errors.join('; ')}). Register it again from the saved definitions in the auto-scaling output: ${scalingJson(saved)}`);
    return { saved, restored: false, errors };
}
/**
 * Pre-flight: the variant's auto scaling, and what it means for this step. Reading needs
 * application-autoscaling:Describe*; without it the step goes on with a warning (a model-only
 * change is allowed either way, and SageMaker refuses the update itself otherwise).
 */
async function checkAutoScaling(api, o) {
    let saved;
    try {
        saved = await readScaling(await api.autoScaling(), o.endpointName, o.variantName);
    }
    catch (e) {
        o.log.warning(`Could not read Application Auto Scaling for variant ${o.variantName} (${(0,src_errors/* errorMessage */.gJ)(e)}). If it is registered, SageMaker refuses an update that changes its instance type; the role needs application-autoscaling:DescribeScalableTargets, DescribeScalingPolicies and DescribeScheduledActions to check.`);
        return { saved: undefined, reregister: false, note: undefined };
    }
    if (!saved)
        return { saved: undefined, reregister: false, note: undefined };
    const registered = `Variant ${o.variantName} is registered with Application Auto Scaling (${describeScaling(saved)})`;
    const changes = o.liveInstanceType !== undefined && o.liveInstanceType !== o.greenInstanceType;
    if (!changes) {
        return {
            saved,
            reregister: false,
            note: `${registered}: the green fleet starts at the variant's current desired count, and auto scaling is blocked while SageMaker updates the endpoint.`
        };
    }
    if (o.mode === 'fail') {
        throw new AutoScalingRefusal(`${registered}, and this step changes its instance type (${o.liveInstanceType} → ${o.greenInstanceType}): SageMaker fails such an update. Set on-auto-scaling: reregister to let the action deregister it, deploy, and register it again exactly as it was, or change the instance type outside this action.`);
    }
    return {
        saved,
        reregister: true,
        note: `${registered}; this step changes its instance type (${o.liveInstanceType} → ${o.greenInstanceType}), so it is deregistered just before the update and registered again exactly as saved after the verdict (on-auto-scaling: reregister).`
    };
}
class AutoScalingRefusal extends Error {
    constructor(message) {
        super(message);
        this.name = 'AutoScalingRefusal';
    }
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/inputs/index.ts + 5 modules
var inputs = __webpack_require__(9882);
;// CONCATENATED MODULE: ./src/deploy/scaling-copy.ts
// The durable copy of auto scaling the action deregisters for an update: tags on the endpoint
// itself. It is written before the deregistration and removed once the restore is read back, so a
// runner that dies in between (cancelled job, lost machine) leaves it where the next run of the
// action on that endpoint looks first. Tags need no other service or permission than the endpoint
// the action already updates, and they show in the console next to the endpoint. A tag value
// holds 256 characters of letters, digits and `_.:/=+-@`, so the saved definitions are compressed
// and written in base64, in chunks.


/** `<chunks> <run id>`: how many chunk tags follow, and the run that wrote them. */
const COPY_KEY = `${inputs/* ACTION_TAG_PREFIX */.FU}saved-auto-scaling`;
const CHUNK = 256;
/** The endpoint's 50 tags are the user's first: the copy takes at most this many. */
const MAX_CHUNKS = 8;
const chunkKey = (i) => `${COPY_KEY}-${i + 1}`;
/** The tags that hold `saved`, or undefined if it is too large for them. */
function copyTags(saved, runId) {
    const text = (0,external_node_zlib_.deflateRawSync)(Buffer.from(JSON.stringify(saved))).toString('base64');
    const chunks = [];
    for (let at = 0; at < text.length; at += CHUNK)
        chunks.push(text.slice(at, at + CHUNK));
    if (chunks.length > MAX_CHUNKS)
        return undefined;
    return [
        { Key: COPY_KEY, Value: `${chunks.length} ${runId}` },
        ...chunks.map((Value, i) => ({ Key: chunkKey(i), Value }))
    ];
}
/** The copy among an endpoint's tags; undefined when there is none, or it cannot be read whole. */
function copyFromTags(tags) {
    const head = tags[COPY_KEY];
    const match = head === undefined ? null : /^(\d+) (.*)$/.exec(head);
    if (!match)
        return undefined;
    const count = Number(match[1]);
    const keys = Array.from({ length: count }, (_, i) => chunkKey(i));
    const chunks = keys.map(key => tags[key]);
    if (count < 1 || count > MAX_CHUNKS || chunks.some(c => c === undefined))
        return undefined;
    try {
        const json = (0,external_node_zlib_.inflateRawSync)(Buffer.from(chunks.join(''), 'base64')).toString('utf8');
        const saved = JSON.parse(json);
        if (typeof saved.resourceId !== 'string' || typeof saved.target !== 'object')
            return undefined;
        return { saved, runId: match[2] ?? '', keys: [COPY_KEY, ...keys] };
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/deploy/launch.ts
var launch = __webpack_require__(868);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/deploy/cleanup.ts
var cleanup = __webpack_require__(9771);
// EXTERNAL MODULE: ./src/target/endpoint/plan.ts + 2 modules
var endpoint_plan = __webpack_require__(7251);
// EXTERNAL MODULE: ./src/deploy/reconcile.ts
var reconcile = __webpack_require__(9343);
;// CONCATENATED MODULE: ./src/target/endpoint/reconcile.ts

/** How an endpoint looks in one phrase, for messages. */
function describeState(ep) {
    if (!ep)
        return 'the endpoint does not exist';
    const pending = ep.PendingDeploymentSummary?.EndpointConfigName;
    return `${ep.EndpointStatus ?? 'Unknown'} on ${ep.EndpointConfigName ?? '?'}${pending ? `, deploying ${pending}` : ''}`;
}
/** Pure: whether a read shows the config this run asked for, pending or live. */
function classifyWrite(ep, configName) {
    const seen = describeState(ep);
    if (!ep)
        return { kind: 'not-applied', seen };
    const applied = ep.PendingDeploymentSummary?.EndpointConfigName === configName ||
        ep.EndpointConfigName === configName;
    return { kind: applied ? 'applied' : 'not-applied', seen };
}
/** The endpoint read back after a failed CreateEndpoint or UpdateEndpoint. */
function readBack(deps, endpointName, configName, mayStillArrive) {
    return (0,reconcile/* readBackWith */.K)(async (o) => classifyWrite(await deps.api.describeEndpoint(endpointName, o), configName), deps.sleep, mayStillArrive);
}

;// CONCATENATED MODULE: ./src/target/endpoint/launch.ts
// The endpoint's write: its endpoint config (reused when identical, a fresh name when another
// definition holds the name), then CreateEndpoint or exactly one UpdateEndpoint, read back after
// any failure; and the cleanup of what this run created.






async function ensureEndpointConfig(plan, modelName, deps, inFlight) {
    const variants = plan.createEndpointConfig.ProductionVariants.map(v => v.VariantName === plan.variantName ? { ...v, ModelName: modelName } : v);
    let body = { ...plan.createEndpointConfig, ProductionVariants: variants };
    for (let attempt = 0; attempt < 2; attempt++) {
        const name = body.EndpointConfigName;
        inFlight.config = name;
        try {
            await deps.api.createEndpointConfig(body);
            deps.log.info(`Created endpoint config ${name}`);
            return [name, true];
        }
        catch (e) {
            if (!(0,aws_api/* isAlreadyExists */.x9)(e))
                throw e;
            const existing = await deps.api.describeEndpointConfig(name);
            const have = (existing?.ProductionVariants ?? []).map(v => ({
                VariantName: v.VariantName,
                ModelName: v.ModelName,
                InstanceType: v.InstanceType,
                InitialInstanceCount: v.InitialInstanceCount
            }));
            const want = variants.map(v => ({
                VariantName: v.VariantName,
                ModelName: v.ModelName,
                InstanceType: v.InstanceType,
                InitialInstanceCount: v.InitialInstanceCount
            }));
            if ((0,launch/* sameJson */.Vk)(have, want)) {
                const ours = await (0,launch/* createdByThisAttempt */.BX)(deps, existing?.EndpointConfigArn);
                deps.log.info(ours
                    ? `Endpoint config ${name} exists with this step's variants, made by this run attempt (a lost answer, or a copy of this step running at the same time)`
                    : `Reusing endpoint config ${name} (created earlier with the same variants)`);
                return [name, ours];
            }
            const fresh = (0,names/* freshName */.Os)(plan.endpointConfigName, variants);
            deps.log.info(`Endpoint config ${name} exists with other variants; using the fresh name ${fresh}`);
            body = { ...body, EndpointConfigName: fresh };
        }
    }
    throw new Error(`Could not find a free endpoint config name for ${plan.endpointConfigName}.`);
}
/** The endpoint's write: its config, then CreateEndpoint or exactly one UpdateEndpoint. */
const ENDPOINT_WRITE = {
    noun: 'endpoint',
    prepare: async (plan, modelName, deps, inFlight) => {
        (0,launch/* stopIfCancelled */.FE)(deps);
        // A restore (rollback-to) puts an existing config back: nothing to create.
        if (plan.restore)
            return { plan, config: undefined };
        const [configName, createdConfig] = await ensureEndpointConfig(plan, modelName, deps, inFlight);
        return {
            plan: (0,endpoint_plan/* renamePlan */.cB)(plan, modelName, configName),
            config: createdConfig ? configName : undefined
        };
    },
    alreadyLive: (launched, plan) => launched.updateEndpoint !== undefined && launched.endpointConfigName === plan.previousConfigName
        ? `The endpoint already serves ${launched.endpointConfigName} (this step ran before): no update needed.`
        : undefined,
    operation: plan => {
        if (!plan.createEndpoint && !plan.updateEndpoint)
            throw new Error('The plan has neither CreateEndpoint nor UpdateEndpoint.');
        return plan.createEndpoint ? 'CreateEndpoint' : 'UpdateEndpoint';
    },
    send: (plan, api) => plan.createEndpoint
        ? api.createEndpoint(plan.createEndpoint)
        : api.updateEndpoint(plan.updateEndpoint),
    requested: plan => plan.createEndpoint
        ? `CreateEndpoint ${plan.endpointName} requested (new endpoint: no traffic shift)`
        : `UpdateEndpoint ${plan.endpointName} → ${plan.endpointConfigName} requested`,
    reached: (plan, seen) => `${plan.createEndpoint ? 'CreateEndpoint' : 'UpdateEndpoint'} reached SageMaker: the endpoint is ${seen}.`,
    readBack: (plan, deps, mayStillArrive) => readBack({ api: deps.api, sleep: ms => deps.pause(ms) }, plan.endpointName, plan.endpointConfigName, mayStillArrive)
};
function launch_launch(plan, deps) {
    return launchWith(plan, ENDPOINT_WRITE, deps);
}
/**
 * Deletes this run's own endpoint config and model after a rollback or failure, each only
 * after checking that neither the live nor a pending deployment uses it.
 */
async function launch_cleanup(api, endpointName, created, log) {
    const deleted = [];
    const ep = await api.describeEndpoint(endpointName, { ignoreCancel: true });
    if (ep && ep.EndpointStatus !== 'InService') {
        log.warning(`Cleanup skipped: the endpoint is ${ep.EndpointStatus}, not settled.`);
        return deleted;
    }
    const inUse = new Set([ep?.EndpointConfigName, ep?.PendingDeploymentSummary?.EndpointConfigName]);
    const liveConfig = ep?.EndpointConfigName
        ? await api.describeEndpointConfig(ep.EndpointConfigName, { ignoreCancel: true })
        : undefined;
    const liveModels = new Set((liveConfig?.ProductionVariants ?? []).map(v => v.ModelName));
    if (created.config) {
        if (inUse.has(created.config)) {
            log.warning(`Cleanup: endpoint config ${created.config} is in use; kept.`);
        }
        else {
            if (await (0,cleanup/* deleteCreated */.m)(api, 'endpoint config', created.config, log)) {
                deleted.push(created.config);
            }
        }
    }
    if (created.model) {
        if (liveModels.has(created.model)) {
            log.warning(`Cleanup: model ${created.model} is in use; kept.`);
        }
        else {
            if (await (0,cleanup/* deleteCreated */.m)(api, 'model', created.model, log))
                deleted.push(created.model);
        }
    }
    return deleted;
}

// EXTERNAL MODULE: ./src/target/endpoint/live.ts
var endpoint_live = __webpack_require__(3693);
// EXTERNAL MODULE: ./src/deploy/step-identity.ts
var step_identity = __webpack_require__(5704);
// EXTERNAL MODULE: ./src/watch/reducer.ts + 1 modules
var reducer = __webpack_require__(846);
// EXTERNAL MODULE: ./src/deploy/preflight.ts
var preflight = __webpack_require__(9536);
;// CONCATENATED MODULE: ./src/target/endpoint/missing.ts


/** At most this many close names are shown. */
const CLOSE_NAMES = 5;
/** Levenshtein distance, case-insensitive (an endpoint's ARN is its name in lower case). */
function editDistance(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const row = [i];
        for (let j = 1; j <= y.length; j++) {
            const substitution = previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1);
            row.push(Math.min(previous[j] + 1, row[j - 1] + 1, substitution));
        }
        previous = row;
    }
    return previous[y.length];
}
/**
 * The names a typo of `name` could have meant: within a quarter of its length in edits (at least
 * two), or one containing the other; closest first, then alphabetical.
 */
function closeNames(name, candidates) {
    const limit = Math.max(2, Math.floor(name.length / 4));
    const lower = name.toLowerCase();
    return candidates
        .filter(c => c !== name)
        .map(c => {
        const other = c.toLowerCase();
        const contains = other.includes(lower) || lower.includes(other);
        return { c, d: contains ? Math.min(editDistance(name, c), limit) : editDistance(name, c) };
    })
        .filter(({ d }) => d <= limit)
        .sort((p, q) => p.d - q.d || (p.c < q.c ? -1 : 1))
        .slice(0, CLOSE_NAMES)
        .map(({ c }) => c);
}
/** Where the action looked, and what is close there: for the message about a missing endpoint. */
async function whereMissing(api, request) {
    const read = { deadlineMs: 15_000 };
    const [account, listed] = await Promise.allSettled([
        api.callerAccount(read),
        api.listEndpoints({ maxPages: 5 }, read)
    ]);
    const where = account.status === 'fulfilled' && account.value
        ? `${request.region} (account ${account.value})`
        : request.region;
    let close;
    if (listed.status === 'rejected') {
        close = ` The endpoints in ${request.region} could not be listed to look for a close name (${(0,src_errors/* errorMessage */.gJ)(listed.reason)}).`;
    }
    else {
        const names = closeNames(request.endpointName, listed.value.flatMap(e => (e.EndpointName ? [e.EndpointName] : [])));
        close = names.length
            ? ` Endpoints there with a close name: ${names.join(', ')}.`
            : listed.value.length
                ? ` No endpoint there has a close name (${listed.value.length} listed).`
                : ` There is no endpoint in ${request.region}.`;
    }
    return `Endpoint "${request.endpointName}" does not exist in ${where}.${close}`;
}
/** create-endpoint: never, and the endpoint is missing: refused before any write. */
async function refuseMissing(api, request) {
    const where = await whereMissing(api, request);
    throw new preflight/* PreflightError */.wG(`${where} With create-endpoint: never (the default) it is not created: fix endpoint-name or region, or set create-endpoint: if-missing (with instance-type and instance-count) to create a new endpoint.`);
}
/** create-endpoint: if-missing, but the plan of the new endpoint lacks an input: say where too. */
async function missingInputForNew(api, request, e) {
    const where = await whereMissing(api, request);
    throw new src_errors/* InputError */.dz(e.input, `${where} Creating it (create-endpoint: if-missing) needs more: ${e.message} If it should exist, fix endpoint-name or region instead.`);
}

;// CONCATENATED MODULE: ./src/target/endpoint/preflight.ts








/** Whether the endpoint config carries this step's fingerprint (same repository, same requests). */
async function isThisStep(api, configName, plan, run) {
    if (!configName)
        return undefined;
    const config = await api.describeEndpointConfig(configName);
    if (!config?.EndpointConfigArn)
        return undefined;
    const tags = await api.listTags(config.EndpointConfigArn);
    if (!(0,step_identity/* isStepTagged */.$4)(tags, run.repository, plan.stepHash))
        return undefined;
    const variant = config.ProductionVariants?.find(v => v.VariantName === plan.variantName);
    return { modelName: variant?.ModelName };
}
/** The plan of a deployment of this step already started: watch it, create nothing. */
function attachedPlan(plan, configName, modelName) {
    return {
        ...plan,
        endpointConfigName: configName,
        greenModelName: modelName ?? plan.greenModelName,
        createModel: undefined,
        createEndpoint: undefined,
        updateEndpoint: undefined,
        alarmsToCreate: []
    };
}
/**
 * Reads the endpoint and plans against it. Waits out (or refuses) a busy endpoint, unless what
 * it is busy with is this very step (a re-run, or two copies of the step): then it attaches.
 */
async function readCurrentEndpoint(request, run, deps, waitUntil) {
    const { api, log } = deps;
    let announced = false;
    for (;;) {
        const ep = await api.describeEndpoint(request.endpointName);
        if (!ep) {
            if (request.createEndpoint === 'never')
                return refuseMissing(api, request);
            let plan;
            try {
                plan = deps.buildPlan(request, run, null);
            }
            catch (e) {
                if (e instanceof src_errors/* InputError */.dz)
                    return missingInputForNew(api, request, e);
                throw e;
            }
            return { current: null, plan, attached: false, alreadyLive: false, notes: [] };
        }
        const status = ep.EndpointStatus ?? 'Unknown';
        if (reducer/* IN_PROGRESS */.mS.has(status)) {
            // A new endpoint being created is compared with this step's create; an update with this
            // step's update of the live (blue) config.
            const creating = status === 'Creating';
            const current = creating ? null : await (0,endpoint_live/* describeLive */.IY)(api, ep, request.variantName, log);
            const target = creating
                ? ep.EndpointConfigName
                : ep.PendingDeploymentSummary?.EndpointConfigName;
            // A plan this step cannot make against the endpoint as it is (e.g. a creation without the
            // instance inputs) is not this step's deployment: wait, and plan once it has settled.
            let plan;
            try {
                plan = deps.buildPlan(request, run, current);
            }
            catch {
                plan = undefined;
            }
            const own = plan ? await isThisStep(api, target, plan, run) : undefined;
            if (plan && own && target) {
                log.info(`Endpoint is ${status} with ${target}, which is exactly this step's deployment (an earlier attempt or copy of it): watching it instead of starting a second one.`);
                return {
                    current,
                    plan: attachedPlan(plan, target, own.modelName),
                    attached: true,
                    alreadyLive: false,
                    notes: []
                };
            }
            const pending = target ? ` (deploying ${target})` : '';
            if (request.onBusy === 'fail') {
                throw new preflight/* PreflightError */.wG(`Endpoint "${request.endpointName}" is ${status}${pending}: SageMaker accepts no update until it finishes. Re-run later, or set on-busy: wait.`);
            }
            if (deps.now() >= waitUntil) {
                throw new preflight/* PreflightError */.wG(`Endpoint "${request.endpointName}" stayed ${status} past the time budget; no update was started. Re-run when it is InService.`);
            }
            if (!announced) {
                log.info(`Endpoint is ${status}${pending}; waiting for it to finish (on-busy: wait).`);
                announced = true;
            }
            await deps.sleep(Math.min(request.pollIntervalSeconds * 1000, Math.max(0, waitUntil - deps.now())));
            continue;
        }
        if (status === 'Failed') {
            throw new preflight/* PreflightError */.wG(`Endpoint "${request.endpointName}" is Failed${ep.FailureReason ? ` (${ep.FailureReason})` : ''}. SageMaker allows only DeleteEndpoint on a failed endpoint: delete it, then re-run to create it anew.`);
        }
        if (status !== 'InService') {
            throw new preflight/* PreflightError */.wG(status === 'UpdateRollbackFailed'
                ? `Endpoint "${request.endpointName}" is UpdateRollbackFailed: a previous deployment and its rollback both failed, and it serves a mix of old and new fleets. Inspect it in the SageMaker console and settle it by hand (or delete and re-create it) before deploying again.`
                : `Endpoint "${request.endpointName}" is ${status}; blue/green updates need it InService.`);
        }
        const current = await (0,endpoint_live/* describeLive */.IY)(api, ep, request.variantName, log);
        const plan = deps.buildPlan(request, run, current);
        const createsModel = plan.createModel !== undefined;
        // A restore (rollback-to) carries nothing from the live endpoint: its config exists as is.
        const carries = request.rollbackTo === undefined;
        let live;
        try {
            live = await isThisStep(api, current.configName, plan, run);
        }
        catch (e) {
            // The same read failing again (the live config's tags): say what it protects.
            if (carries)
                (0,preflight/* refuseUnread */.CV)(current.unread, createsModel);
            throw e;
        }
        // Whatever the new model and config must carry was read, or nothing is written.
        if (!live && carries)
            (0,preflight/* refuseUnread */.CV)(current.unread, createsModel);
        if (live) {
            return {
                current,
                plan: attachedPlan(plan, current.configName, live.modelName),
                attached: false,
                alreadyLive: true,
                notes: []
            };
        }
        const earlier = await earlierAttempt(api, ep, plan, run);
        return {
            current,
            plan: earlier ? (0,endpoint_plan/* renamePlan */.cB)(plan, earlier.modelName, earlier.configName) : plan,
            attached: false,
            alreadyLive: false,
            notes: earlier ? [earlier.note] : []
        };
    }
}
/**
 * On a re-run: an earlier attempt's config for exactly this step that the endpoint does not serve
 * (it was rolled back, or the attempt stopped before the update). Its names are reused, so
 * nothing is created twice, and the plan says what became of it.
 */
async function earlierAttempt(api, ep, plan, run) {
    const attempt = Number(run.runAttempt);
    if (!Number.isInteger(attempt) || attempt < 2)
        return undefined;
    for (let k = attempt - 1; k >= Math.max(1, attempt - 3); k--) {
        const name = (0,names/* greenNames */.e4)(plan.endpointName, { ...run, runAttempt: String(k) }).endpointConfigName;
        let own;
        try {
            own = await isThisStep(api, name, plan, run);
        }
        catch {
            own = undefined;
        }
        if (!own)
            continue;
        const reason = ep.FailureReason ? ` SageMaker's last failure reason: ${ep.FailureReason}` : '';
        return {
            configName: name,
            modelName: plan.createsModel ? (own.modelName ?? plan.greenModelName) : plan.greenModelName,
            note: `Attempt ${k} of this run already made ${name} for this same step, but the endpoint serves ${ep.EndpointConfigName ?? '?'}: that deployment was rolled back or never started.${reason} Deploying ${name} again.`
        };
    }
    return undefined;
}
/**
 * Deployment guardrails exclude Inf1 instances and AWS Marketplace models ("Exclusions" in the
 * SageMaker guide's deployment guardrails page): SageMaker updates them all at once, no bake.
 */
function guardrailExclusion(plan, marketplace) {
    if (plan.firstDeploy)
        return undefined;
    const why = [
        /^ml\.inf1\./.test(plan.instanceType) ? `instance type ${plan.instanceType} (Inf1)` : '',
        marketplace ? 'an AWS Marketplace model package' : ''
    ].filter(Boolean);
    if (why.length === 0)
        return undefined;
    return `Deployment guardrails exclude ${why.join(' and ')}: SageMaker applies this update all at once, with no traffic steps, no bake and no alarm rollback, so nothing can stop a bad model before it takes all the traffic.`;
}

// EXTERNAL MODULE: ./src/inputs/restore.ts
var inputs_restore = __webpack_require__(3467);
// EXTERNAL MODULE: ./src/deploy/plan.ts
var plan = __webpack_require__(5448);
// EXTERNAL MODULE: ./src/guard/regression-rollback.ts
var regression_rollback = __webpack_require__(1193);
// EXTERNAL MODULE: ./src/rollout-policy.ts
var rollout_policy = __webpack_require__(1201);
;// CONCATENATED MODULE: ./src/target/endpoint/restore.ts
// rollback-to: a step that puts an existing endpoint config back, with the same request as the
// regression rollback (one UpdateEndpoint, all at once, no bake, no alarm). The plan (pure):
// nothing created; restore-read.ts finds the config and checks it before any write.





/** The plan of a restore: no create, one UpdateEndpoint, no alarm. Pure. */
function restorePlan(request, current, target, provisioningSeconds) {
    const { facts } = target;
    const updateEndpoint = (0,regression_rollback/* rollbackRequest */.I6)(request.endpointName, facts.configName);
    const schedule = (0,rollout_policy/* expectedSchedule */.k9)(inputs_restore/* RESTORE_POLICY */.Sm, target.instanceCount, provisioningSeconds);
    const last = schedule.at(-1)?.offsetSeconds ?? 0;
    const timeout = (0,rollout_policy/* executionTimeout */.oF)(inputs_restore/* RESTORE_POLICY */.Sm, target.instanceCount, false);
    const greenModel = facts.models.find(m => m.variantName === target.variantName)?.modelName ??
        facts.models[0]?.modelName ??
        '?';
    const source = facts.replacedBy === undefined
        ? `${facts.configName} (named in rollback-to)`
        : `${facts.configName}, the config ${facts.replacedBy} replaced (rollback-to: previous)`;
    return {
        endpointName: request.endpointName,
        region: request.region,
        firstDeploy: false,
        previousConfigName: current.configName,
        blueModelName: current.modelName,
        blueFleet: {
            modelName: current.modelName,
            modelDataUrl: current.modelDataUrl,
            instanceType: current.instanceType,
            instanceCount: current.instanceCount
        },
        greenModelName: greenModel,
        createsModel: false,
        endpointConfigName: facts.configName,
        variantName: target.variantName,
        instanceType: target.instanceType,
        instanceCount: target.instanceCount,
        artifact: target.modelDataUrl,
        createModel: undefined,
        createEndpointConfig: {},
        createEndpoint: undefined,
        updateEndpoint,
        alarmsToCreate: [],
        guardAlarmNames: [],
        schedule,
        expectedDurationSeconds: last + plan/* DECOMMISSION_SECONDS */.$f,
        budgetSeconds: request.timeoutMinutes !== undefined
            ? Math.max(1, Math.round(request.timeoutMinutes * 60))
            : timeout + plan/* BUDGET_MARGIN_SECONDS */.JW,
        tags: [],
        stepHash: (0,step_identity/* stepHash */.n4)({
            endpointName: request.endpointName,
            model: `restore:${facts.configName}`,
            endpointConfig: {},
            endpointChange: updateEndpoint
        }),
        carriedOver: [],
        notes: [
            `Restore: ${source}. One UpdateEndpoint puts it back all at once, with no bake and no alarm (the request of on-regression: rollback); nothing is created.`
        ],
        warnings: [],
        secretValues: [],
        peakInstances: (0,rollout_policy/* peakInstances */.G9)(inputs_restore/* RESTORE_POLICY */.Sm, target.instanceCount),
        restore: facts
    };
}

;// CONCATENATED MODULE: ./src/target/endpoint/restore-read.ts






/** A restore needs an endpoint: refused by name, before any write. */
function missingEndpoint(request) {
    return new preflight/* PreflightError */.wG(`Endpoint "${request.endpointName}" does not exist in ${request.region}: rollback-to has nothing to restore.`);
}
/**
 * Pre-flight of a restore: the endpoint read (a busy one waited out) like any deployment's,
 * then the config to put back found and checked. Refuses, before any write, what it cannot do.
 */
async function readRestore(request, run, deps, waitUntil, provisioningSeconds) {
    const requested = request.rollbackTo ?? inputs_restore/* ROLLBACK_PREVIOUS */.Tg;
    // Until the config is known, a plan that restores the live config: never this step's, never
    // carrying anything, so the shared pre-flight only waits, reads and checks.
    const found = await readCurrentEndpoint(request, run, {
        ...deps,
        buildPlan: (req, _run, current) => {
            if (!current) {
                throw missingEndpoint(req);
            }
            return restorePlan(req, current, placeholder(current), provisioningSeconds);
        }
    }, waitUntil);
    const current = found.current;
    if (!current) {
        throw missingEndpoint(request);
    }
    const configName = requested === inputs_restore/* ROLLBACK_PREVIOUS */.Tg ? await previousConfig(deps.api, request, current) : requested;
    const target = await readTarget(deps.api, request, current, requested, configName);
    const plan = restorePlan(request, current, target, provisioningSeconds);
    if (configName === current.configName) {
        return { current, plan, attached: false, alreadyLive: true, notes: [] };
    }
    return { current, plan, attached: false, alreadyLive: false, notes: found.notes };
}
function placeholder(current) {
    return {
        facts: { requested: current.configName, configName: current.configName, models: [] },
        variantName: current.variantName,
        instanceType: current.instanceType ?? '?',
        instanceCount: current.instanceCount ?? 1,
        modelDataUrl: undefined
    };
}
/** The config the live one replaced: the action's tag on the live config says it. */
async function previousConfig(api, request, current) {
    const named = current.configTags[step_identity/* REPLACES_TAG */.Br];
    if (named)
        return named;
    const unread = (current.unread ?? []).find(u => u.read.startsWith('ListTags'));
    if (unread) {
        throw new preflight/* PreflightError */.wG(`rollback-to: previous reads the tags of the live config ${current.configName}, and that failed (${unread.error}). Nothing was changed. Name the config to restore (rollback-to: <endpoint config name>), or allow ${'sagemaker:ListTags'}.`);
    }
    const others = await recentConfigs(api, request.endpointName, current.configName);
    throw new preflight/* PreflightError */.wG(`rollback-to: previous needs the tag ${step_identity/* REPLACES_TAG */.Br} on the live config ${current.configName}, which the action sets on the configs it creates for an update; this one has none (it was not created by this action's update, or by a version before rollback-to). Nothing was changed. Name the config to restore: rollback-to: <endpoint config name>.${others}`);
}
/** A hint: the newest configs whose names contain the endpoint's (a failed list says nothing). */
async function recentConfigs(api, endpointName, live) {
    try {
        const names = (await api.listEndpointConfigs(endpointName, { deadlineMs: 10_000 }))
            .map(c => c.EndpointConfigName)
            .filter((name) => name !== undefined && name !== live)
            .slice(0, 5);
        return names.length > 0
            ? ` The newest configs named like the endpoint: ${names.join(', ')}.`
            : '';
    }
    catch {
        return '';
    }
}
/** The config to put back and its models: each must still exist, or nothing is written. */
async function readTarget(api, request, current, requested, configName) {
    const cannot = `rollback-to cannot restore ${configName}:`;
    const nothing = 'Nothing was changed.';
    let config;
    try {
        config = await api.describeEndpointConfig(configName);
    }
    catch (e) {
        throw new preflight/* PreflightError */.wG(`${cannot} reading it failed (${(0,src_errors/* errorMessage */.gJ)(e)}). ${nothing}`);
    }
    if (config === undefined) {
        throw new preflight/* PreflightError */.wG(`${cannot} no endpoint config of that name exists in ${request.region}. ${nothing}`);
    }
    const variants = (config.ProductionVariants ?? []).filter((v) => v.VariantName !== undefined);
    const models = [];
    let modelDataUrl;
    for (const variant of variants) {
        if (variant.ModelName === undefined)
            continue;
        let model;
        try {
            model = await api.describeModel(variant.ModelName);
        }
        catch (e) {
            throw new preflight/* PreflightError */.wG(`${cannot} reading its model ${variant.ModelName} failed (${(0,src_errors/* errorMessage */.gJ)(e)}). ${nothing}`);
        }
        if (model === undefined) {
            throw new preflight/* PreflightError */.wG(`${cannot} its model ${variant.ModelName} no longer exists, so SageMaker could not start it. ${nothing} Deploy that model again from its artifact instead.`);
        }
        models.push({ variantName: variant.VariantName, modelName: variant.ModelName });
        if (variant.VariantName === current.variantName || modelDataUrl === undefined) {
            modelDataUrl = model.PrimaryContainer?.ModelDataUrl ?? modelDataUrl;
        }
    }
    const main = variants.find(v => v.VariantName === current.variantName) ?? variants[0];
    if (main === undefined) {
        throw new preflight/* PreflightError */.wG(`${cannot} it has no production variant. ${nothing}`);
    }
    return {
        facts: {
            requested,
            configName,
            ...(requested === inputs_restore/* ROLLBACK_PREVIOUS */.Tg ? { replacedBy: current.configName } : {}),
            models
        },
        variantName: main.VariantName,
        instanceType: main.InstanceType ?? 'serverless',
        instanceCount: main.InitialInstanceCount ?? 1,
        modelDataUrl
    };
}

// EXTERNAL MODULE: ./src/aws/quota-api.ts
var quota_api = __webpack_require__(3664);
;// CONCATENATED MODULE: ./src/deploy/capacity.ts



/** Endpoints in these states run no instances. */
const NOT_RUNNING = new Set(['Failed', 'Deleting']);
/** Describes in flight at once while counting other endpoints. */
const PARALLEL = 5;
/** A variant's instances now: both counts while it scales (the larger one holds the quota). */
function instancesOf(v) {
    return Math.max(v.CurrentInstanceCount ?? 0, v.DesiredInstanceCount ?? 0);
}
function denied(operation, permission, e) {
    return (0,aws_errors/* isAccessDenied */.w7)(e)
        ? `${operation} was denied (allow ${permission} to the role)`
        : `${operation} failed (${(0,src_errors/* errorMessage */.gJ)(e)})`;
}
/**
 * Instances of `instanceType` that the region's other endpoints run: the live fleet of each, and
 * the pending one of an endpoint being updated. More than `limit` endpoints are not described
 * one by one (the reads stay bounded): the count is then unknown.
 */
async function instancesInUse(api, instanceType, exceptEndpoint, limit = 50) {
    const maxPages = Math.floor(limit / 100) + 1;
    let listed;
    try {
        listed = await api.listEndpoints({ maxPages });
    }
    catch (e) {
        return { unknown: denied('ListEndpoints', 'sagemaker:ListEndpoints', e) };
    }
    const others = listed
        .filter(e => e.EndpointName !== exceptEndpoint && !NOT_RUNNING.has(e.EndpointStatus ?? ''))
        .map(e => e.EndpointName ?? '');
    if (others.length > limit || listed.length >= maxPages * 100) {
        return {
            unknown: `the region has more than ${limit} other endpoints, too many to describe one by one`
        };
    }
    const configs = new Map();
    const typesOf = (configName) => {
        let types = configs.get(configName);
        if (!types) {
            types = api.describeEndpointConfig(configName).then(config => {
                if (!config)
                    throw new Error(`endpoint config ${configName} no longer exists`);
                return new Map((config.ProductionVariants ?? []).map(v => [v.VariantName ?? '', v.InstanceType]));
            });
            configs.set(configName, types);
        }
        return types;
    };
    const usageOf = async (name) => {
        const ep = await api.describeEndpoint(name);
        if (!ep || NOT_RUNNING.has(ep.EndpointStatus ?? ''))
            return 0;
        let count = 0;
        if (ep.EndpointConfigName && ep.ProductionVariants?.length) {
            const types = await typesOf(ep.EndpointConfigName);
            for (const v of ep.ProductionVariants) {
                if (types.get(v.VariantName ?? '') === instanceType)
                    count += instancesOf(v);
            }
        }
        // An endpoint being updated runs its new fleet too.
        const pending = ep.PendingDeploymentSummary;
        for (const v of pending?.ProductionVariants ?? []) {
            const type = v.InstanceType ??
                (pending?.EndpointConfigName
                    ? (await typesOf(pending.EndpointConfigName)).get(v.VariantName ?? '')
                    : undefined);
            if (type === instanceType)
                count += instancesOf(v);
        }
        return count;
    };
    try {
        let total = 0;
        for (let i = 0; i < others.length; i += PARALLEL) {
            const counts = await Promise.all(others.slice(i, i + PARALLEL).map(usageOf));
            total += counts.reduce((a, b) => a + b, 0);
        }
        return { count: total };
    }
    catch (e) {
        return { unknown: `reading the other endpoints failed (${(0,src_errors/* errorMessage */.gJ)(e)})` };
    }
}
function endpointPeak(plan, current) {
    const type = plan.instanceType;
    const variants = (plan.createEndpointConfig['ProductionVariants'] ?? []);
    const green = variants
        .filter(v => v['InstanceType'] === type)
        .reduce((sum, v) => sum + Number(v['InitialInstanceCount'] ?? 0), 0);
    const otherVariants = Math.max(0, green - plan.instanceCount);
    if (plan.firstDeploy || !current)
        return { live: 0, added: green, rolling: false, otherVariants };
    const live = current.variants.length
        ? current.variants
            .filter(v => v.instanceType === type)
            .reduce((sum, v) => sum + (v.desiredCount ?? v.configuredCount ?? 0), 0)
        : current.instanceType === type
            ? (current.instanceCount ?? 0)
            : 0;
    const rolling = plan.schedule.some(step => step.blueInstances !== undefined);
    const batch = plan.peakInstances ? plan.peakInstances.rolling - plan.instanceCount : 1;
    return rolling
        ? { live, added: batch, rolling, otherVariants }
        : { live, added: green, rolling, otherVariants };
}
/**
 * What a person can do when the peak does not fit the quota (pre-flight's refusal, and the hint
 * after a ResourceLimitExceeded). With `room` (instances left for this endpoint beside the live
 * fleet) it names the batch and the instance count that fit.
 */
function capacityWays(o) {
    const name = (0,quota_api.endpointQuotaName)(o.instanceType);
    const raise = o.desired === undefined
        ? `Raise the "${name}" quota in Service Quotas`
        : `Raise the "${name}" quota to ${o.desired} in the Service Quotas console (or aws service-quotas request-service-quota-increase --service-code sagemaker --quota-code ${o.quotaCode ?? '<code from aws service-quotas list-service-quotas --service-code sagemaker>'} --desired-value ${o.desired} --region ${o.region})`;
    const ways = [raise];
    const room = o.room;
    if (!o.firstDeploy) {
        if (room === undefined) {
            ways.push(o.rolling
                ? 'use a smaller step-size (batch)'
                : 'use traffic-routing: rolling (one extra batch at a time)');
        }
        else {
            // SageMaker takes a rolling batch of 5-50 % of the variant's instances.
            const fleet = o.fleet ?? 0;
            const batch = Math.min(room, Math.floor(fleet / 2));
            if (batch >= Math.max(1, Math.ceil(fleet * 0.05))) {
                ways.push(o.rolling
                    ? `use step-size: ${batch} (the largest batch that fits)`
                    : `use traffic-routing: rolling with step-size: ${batch} (one extra batch of ${batch} at a time, the largest that fits)`);
            }
        }
    }
    const fewer = room === undefined ? undefined : room - (o.otherVariants ?? 0);
    if (fewer === undefined)
        ways.push('fewer instances');
    else if (fewer >= 1 && !o.rolling && (o.fleet === undefined || fewer < o.fleet))
        ways.push(`fewer instances (instance-count: ${fewer} fits)`);
    return ways.length === 1
        ? `${ways[0]}.`
        : `${ways.slice(0, -1).join(', or ')}, or ${ways.at(-1) ?? ''}.`;
}
function unchecked(why) {
    return `Could not check capacity: ${why}; the update may fail with ResourceLimitExceeded after the writes.`;
}
/** The target variant launches into an ML capacity reservation: its room is not checked here. */
function reservationNote(plan) {
    const variants = (plan.createEndpointConfig['ProductionVariants'] ?? []);
    const target = variants.find(v => v['VariantName'] === plan.variantName);
    const reservation = target?.['CapacityReservationConfig'];
    if (!reservation)
        return undefined;
    const arn = typeof reservation['MlReservationArn'] === 'string' ? ` ${reservation['MlReservationArn']}` : '';
    return `Variant ${plan.variantName} launches into the ML capacity reservation${arn} (CapacityReservationConfig, kept in the new config): room in the reservation is not checked before the writes; with capacity-reservations-only, new instances fail to launch when it is full.`;
}
/**
 * The plan's peak (blue + green; blue + one batch when rolling; the new fleet on a first deploy)
 * plus what other endpoints run, against the account's quota of the type. Over it: a refusal
 * with the numbers and the ways out. Unknown quota or usage: a note, never a refusal.
 */
async function checkCapacity(plan, current, api, log) {
    if (!api.quotas || plan.component || !plan.instanceType)
        return {};
    const type = plan.instanceType;
    const peak = endpointPeak(plan, current);
    if (peak.added === 0)
        return {};
    const reservation = reservationNote(plan);
    const withReservation = (note) => ({
        note: reservation ? `${note} ${reservation}` : note
    });
    let quota;
    try {
        quota = await (await api.quotas()).endpointQuota(type);
    }
    catch (e) {
        return withReservation(unchecked(denied('ListServiceQuotas', 'servicequotas:ListServiceQuotas', e)));
    }
    if (!quota) {
        return withReservation(unchecked(`Service Quotas lists no "${(0,quota_api.endpointQuotaName)(type)}" quota in ${plan.region}`));
    }
    const usage = await instancesInUse(api, type, plan.endpointName);
    const others = 'count' in usage ? usage.count : 0;
    const own = peak.live + peak.added;
    const total = own + others;
    if (total <= quota.value) {
        if ('unknown' in usage) {
            return withReservation(unchecked(`the instances other endpoints run could not be counted (${usage.unknown}); this update alone runs ${own} ${type} at the peak, within the quota of ${quota.value}`));
        }
        log.info(`Capacity: ${own} ${type} instances at the peak + ${others} on other endpoints = ${total}, within the quota of ${quota.value} ("${(0,quota_api.endpointQuotaName)(type)}" in ${plan.region}).`);
        return reservation ? { note: reservation } : {};
    }
    const added = peak.rolling ? `${peak.added} new (one batch)` : `${peak.added} new`;
    const counted = 'count' in usage
        ? `${others} on other endpoints`
        : `other endpoints not counted (${usage.unknown})`;
    const room = quota.value - others - peak.live;
    const ways = capacityWays({
        instanceType: type,
        region: plan.region,
        rolling: peak.rolling,
        firstDeploy: plan.firstDeploy,
        room,
        fleet: plan.instanceCount,
        otherVariants: peak.otherVariants,
        desired: total,
        quotaCode: quota.code
    });
    return {
        refusal: `Not enough ${type} capacity for this update: ${peak.live} live + ${added} + ${counted} = ${total} instances at the peak, more than the quota of ${quota.value} ("${(0,quota_api.endpointQuotaName)(type)}" in ${plan.region}). SageMaker would refuse it with ResourceLimitExceeded after the writes. ${ways}${reservation ? ` ${reservation}` : ''}`
    };
}

// EXTERNAL MODULE: ./src/deploy/target.ts
var target = __webpack_require__(7474);
// EXTERNAL MODULE: ./src/verdict.ts
var src_verdict = __webpack_require__(3138);
;// CONCATENATED MODULE: ./src/target/endpoint/index.ts
// The endpoint as a target: a variant updated blue/green or rolling with CreateEndpoint or
// UpdateEndpoint. Pre-flight reads the endpoint (preflight.ts), launch writes its config and the
// endpoint (launch.ts's ENDPOINT_WRITE), and the watch reads DescribeEndpoint.










/** What to do about an error that stops pre-flight, for the person reading it. */
function preflightHint(e) {
    const text = (0,src_errors/* errorMessage */.gJ)(e);
    if (/Could not load credentials|CredentialsProviderError/i.test(text)) {
        return ' Configure AWS credentials before this step: aws-actions/configure-aws-credentials with role-to-assume (and permissions: id-token: write for OIDC), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.';
    }
    if (/AccessDenied|not authorized/i.test(text)) {
        return ' The role needs the permissions in docs/iam-policy.json.';
    }
    return '';
}
function endpointTarget(o) {
    const { request } = o;
    return {
        preflightTitle: `${request.endpointName} in ${request.region}`,
        carriedFrom: 'live endpoint',
        read: waitUntil => {
            const deps = { api: o.api, log: o.log, now: o.now, sleep: o.sleep, buildPlan: o.buildPlan };
            return request.rollbackTo !== undefined
                ? readRestore(request, o.run, deps, waitUntil, plan/* DEFAULT_PROVISIONING_SECONDS */.W4)
                : readCurrentEndpoint(request, o.run, deps, waitUntil);
        },
        unreadableDryRun: e => unreadableDryRun(o, e),
        liveLine: ({ current }) => current
            ? `Live: ${current.configName} (${current.variantName}, ${current.instanceCount ?? '?'} × ${current.instanceType ?? '?'}, model ${current.modelName ?? '?'})`
            : `Endpoint ${request.endpointName} does not exist: this run creates it (no traffic shift on a new endpoint).`,
        guardrailExclusion: guardrailExclusion,
        alreadyLive: ({ plan, current }) => ({
            line: `The endpoint already serves ${plan.endpointConfigName}, exactly what this step deploys: nothing to do.`,
            verdict: request.dryRun
                ? (0,src_verdict/* planned */.lM)(plan, `Plan only (dry-run): nothing would change, the endpoint already serves ${plan.endpointConfigName}.`)
                : (0,src_verdict/* alreadyDeployed */.vR)(plan, current?.status)
        }),
        launchTitle: plan => `Launch: ${plan.endpointConfigName}`,
        write: ENDPOINT_WRITE,
        notStartedWords: (plan, current, error) => ({
            subject: 'The endpoint',
            read: 'the endpoint',
            lookAt: 'endpoint',
            unknownTail: "; a re-run of this job attaches to this step's deployment if it started",
            notAppliedHint: quotaHint(error, plan, current)
        }),
        cancelledAfterStart: (plan, launched) => (0,src_verdict/* cancelledAfterStart */.Ae)(plan, launched.confirmedByRead),
        watchSetup: (plan, { current }, requestedAt) => {
            const policy = request.policy ?? (0,endpoint_plan/* policyFromDeploymentConfig */.yz)(current?.lastDeploymentConfig);
            const ctx = {
                newConfigName: plan.endpointConfigName,
                oldConfigName: plan.previousConfigName,
                firstDeploy: plan.firstDeploy,
                instanceCount: plan.instanceCount,
                schedule: plan.schedule,
                previousLastModified: current?.lastModifiedTime,
                waitIntervalSeconds: policy?.waitIntervalSeconds,
                terminationWaitSeconds: policy?.terminationWaitSeconds,
                ...(plan.guardAlarmNames.length === 0 ? { unguarded: true } : {})
            };
            const rolling = policy?.routing === 'rolling' && !plan.firstDeploy
                ? {
                    batch: (0,endpoint_plan/* stepInstances */.lA)(policy.stepSize, plan.instanceCount),
                    fleet: plan.instanceCount,
                    oldFleet: current?.instanceCount ?? plan.instanceCount,
                    waitIntervalSeconds: policy.waitIntervalSeconds,
                    newConfigName: plan.endpointConfigName
                }
                : undefined;
            return {
                ctx,
                start: (0,reducer/* createTimeline */.MM)(ctx, requestedAt),
                ...(rolling ? { rolling } : {}),
                startedOnly: (0,src_verdict/* startedOnly */.Mt)(plan)
            };
        },
        cleanup: async (api, plan, created, log) => {
            await launch_cleanup(api, plan.endpointName, created, log);
        }
    };
}
/**
 * ResourceLimitExceeded on an update: the new fleet runs next to the live one, and needs room.
 * Pre-flight's capacity check refuses what it can count; this is for what it could not.
 */
function quotaHint(error, plan, current) {
    if (!/ResourceLimitExceeded/.test(error) || plan.firstDeploy)
        return '';
    const live = current?.instanceCount ?? 0;
    const rolling = plan.schedule.some(step => step.blueInstances !== undefined);
    const extra = rolling && plan.peakInstances ? plan.peakInstances.rolling - live : plan.instanceCount;
    const ways = capacityWays({
        instanceType: plan.instanceType,
        region: plan.region,
        rolling,
        firstDeploy: false
    });
    return ` The update runs new instances next to the live fleet: ${live} live + ${extra} new = ${live + extra} ${plan.instanceType} instances at the peak, more than the account's quota allows. ${ways}`;
}
/** A dry run whose credentials cannot read the endpoint: it cannot know what would happen. */
function unreadableDryRun(o, e) {
    const why = (0,src_errors/* sentence */.em)((0,src_errors/* errorMessage */.gJ)(e));
    const head = `Could not read endpoint ${o.request.endpointName} (${why.replace(/\.$/, '')}), so this plan does not know whether it exists.${preflightHint(e)}`;
    o.log.warning(head);
    if (o.request.instanceType === undefined || o.request.instanceCount === undefined) {
        return (0,target/* nothingPlanned */.k)(`${head} An update would start from the live config, which could not be read; to plan the case of a new endpoint, set instance-type and instance-count.`);
    }
    const plan = {
        ...o.buildPlan(o.request, o.run, null),
        liveUnknown: `${head} If it exists, it would be updated with a blue/green shift from its live config, which could not be read; if it does not, it would be created as planned here.`
    };
    return {
        plan,
        current: undefined,
        timeline: undefined,
        verdict: (0,src_verdict/* planned */.lM)(plan, `Plan only (dry-run): nothing was changed in AWS. ${head}`)
    };
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/log.ts
// The action's log: GitHub's info and warning lines, one line each. Service text (names,
// reasons) goes into them, so a line can never start a workflow command of its own.


const actionLog = {
    info: (m) => core.info((0,markdown/* singleLine */.pF)(m)),
    warning: (m) => core.warning((0,markdown/* singleLine */.pF)(m))
};

;// CONCATENATED MODULE: ./src/deploy/artifacts.ts



/** SageMaker's own words (API reference, ContainerDefinition.Image). */
const SAME_REGION_DOC = 'SageMaker requires the model artifacts in S3 and the image in ECR to be in the region of the model and endpoint (ContainerDefinition in the SageMaker API reference)';
const S3_URL = /^s3:\/\/([^/]+)\/(.*)$/;
/** `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repository>[:tag][@sha256:digest]` */
const ECR_IMAGE = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/;
const ARN_ACCOUNT = /^arn:[^:]+:[^:]+:([^:]*):(\d{12}):/;
/** An ECR image URI's parts; undefined for any other registry. No tag means `latest` (Docker's rule). */
function parseEcrImage(uri) {
    const m = ECR_IMAGE.exec(uri);
    if (!m)
        return undefined;
    const [, registryId, region, repository, tag, digest] = m;
    const ref = digest ? { digest } : { tag: tag ?? 'latest' };
    return { registryId: registryId, region: region, repository: repository, ref };
}
/** The region and account of an ARN. */
function arnParts(arn) {
    const m = ARN_ACCOUNT.exec(arn ?? '');
    return m ? { region: m[1], account: m[2] } : undefined;
}
const artifacts_text = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
const record = (v) => v !== null && typeof v === 'object' ? v : undefined;
/** The artifact a container names, and whether it is an uncompressed prefix (a folder). */
function artifactOf(container) {
    const url = artifacts_text(container['ModelDataUrl']);
    if (url)
        return { url, prefix: false };
    const source = record(record(container['ModelDataSource'])?.['S3DataSource']);
    const uri = artifacts_text(source?.['S3Uri']);
    return uri ? { url: uri, prefix: source?.['S3DataType'] === 'S3Prefix' } : undefined;
}
/** A read that failed: denied names the permission and what it would have caught; else why. */
function artifacts_unchecked(e, what, permission, wouldCatch, extra = '') {
    if ((0,aws_errors/* isCancelled */.mm)(e))
        throw e;
    if ((0,aws_errors/* isAccessDenied */.w7)(e)) {
        return {
            warning: `Could not check ${what}: access denied (${permission}${extra}). Allow ${permission} to the action's role so that pre-flight catches ${wouldCatch} before anything is changed.`
        };
    }
    return {
        warning: `Could not check ${what} (${(0,src_errors/* errorMessage */.gJ)(e)}): going on without the check, which catches ${wouldCatch}.`
    };
}
async function checkArtifact(artifact, region, api) {
    const m = S3_URL.exec(artifact.url);
    if (!m)
        return { note: `model-data-url ${artifact.url} is not an s3:// URL: not checked.` };
    const [, bucket, rawKey] = m;
    const key = artifact.prefix && !rawKey.endsWith('/') ? `${rawKey}/` : rawKey;
    const what = `model-data-url ${artifact.url}`;
    try {
        const answer = await api.headObject(bucket, key);
        switch (answer.kind) {
            case 'found':
                return undefined;
            case 'missing-key':
                return {
                    refusal: `Input "model-data-url" names ${artifact.url}, which does not exist: SageMaker's CreateModel would fail ("Could not find model data"). Upload the artifact there, or set model-data-url to where it is.`
                };
            case 'missing-bucket':
                return {
                    refusal: `Input "model-data-url" names ${artifact.url}, but bucket ${bucket} does not exist: SageMaker's CreateModel would fail. Set model-data-url to the artifact's real location, in a bucket in ${region}.`
                };
            case 'other-region':
                return {
                    refusal: `Input "model-data-url" names ${artifact.url}, in a bucket in ${answer.bucketRegion}, but the endpoint is in ${region}: a model's artifact must be in its endpoint's region. Copy it to a bucket in ${region} (aws s3 cp ${artifact.url} s3://<a bucket in ${region}>/${key}) and set model-data-url to the copy.`
                };
        }
    }
    catch (e) {
        return artifacts_unchecked(e, what, artifact.prefix || key.endsWith('/') ? 's3:ListBucket' : 's3:GetObject', 'a missing artifact or one in another region', artifact.prefix || key.endsWith('/')
            ? ''
            : '; without s3:ListBucket, S3 answers a missing object the same way');
    }
}
async function checkImage(uri, region, callerAccount, api) {
    const image = parseEcrImage(uri);
    if (!image) {
        return {
            note: `Image ${uri} is not in Amazon ECR: not checked (SageMaker pulls it while provisioning).`
        };
    }
    const ref = 'tag' in image.ref ? `tag ${image.ref.tag}` : `digest ${image.ref.digest}`;
    const registry = `registry ${image.registryId} (ECR ${image.region})`;
    if (image.region !== region) {
        return {
            refusal: `Input "image-uri" names ${uri}, an image in ECR ${image.region}, but the endpoint is in ${region}: ${SAME_REGION_DOC}. Push the image to a repository in ${region} (or replicate the repository there with ECR replication) and set image-uri to it.`
        };
    }
    try {
        const answer = await api.describeImage(image.registryId, image.repository, image.ref);
        switch (answer.kind) {
            case 'found':
                return undefined;
            case 'missing-repository':
                return {
                    refusal: `Input "image-uri" names repository ${image.repository}, which does not exist in ${registry}: SageMaker could not pull ${uri} and the endpoint would fail after provisioning. Push the image there, or set image-uri to an image that exists.`
                };
            case 'missing-image':
                return {
                    refusal: `Input "image-uri" names ${ref} of repository ${image.repository} in ${registry}, which has no such image: SageMaker could not pull ${uri} and the endpoint would fail after provisioning. Push that image, or set image-uri to one that exists.`
                };
        }
    }
    catch (e) {
        // An image another account shares (SageMaker's own, a central registry) may be pullable
        // by the execution role and still not readable by this role: nothing is wrong with it.
        if ((0,aws_errors/* isAccessDenied */.w7)(e) && callerAccount !== undefined && image.registryId !== callerAccount) {
            return {
                note: `Image ${uri} is in ${registry}, another account's registry: it cannot be checked from this account (ecr:DescribeImages denied). SageMaker pulls it with the execution role.`
            };
        }
        return artifacts_unchecked(e, `image-uri ${uri}`, 'ecr:DescribeImages', 'a missing repository or tag (which fails only after 10+ minutes of provisioning)');
    }
}
async function checkPackage(arn, region, callerAccount, api, requireApproved) {
    const parts = arnParts(arn);
    if (parts && parts.region !== '' && parts.region !== region) {
        return [
            {
                refusal: `Input "model-package-arn" names a package in ${parts.region}, but the endpoint is in ${region}: SageMaker creates a model only from a package in its own region. Register the model in ${region} (or name that region's version) and set model-package-arn to it.`
            }
        ];
    }
    try {
        const pkg = await api.describeModelPackage(arn);
        if (!pkg) {
            return [
                {
                    refusal: `Input "model-package-arn" names ${arn}, which does not exist in ${region}: SageMaker's CreateModel would fail. Set model-package-arn to an existing package version.`
                }
            ];
        }
        const findings = [];
        // AWS Marketplace packages are unversioned and owned by the seller's account; a package
        // shared from another account through the registry belongs to a group.
        if (pkg.certifyForMarketplace ||
            (pkg.groupName === undefined && parts && callerAccount && parts.account !== callerAccount)) {
            findings.push({ marketplace: true });
        }
        if (pkg.status !== 'Completed') {
            findings.push({
                refusal: `Input "model-package-arn" names ${arn}, whose status is ${pkg.status ?? 'unknown'}, not Completed: SageMaker creates a model only from a completed package. Wait until it completes (or fix why it failed), or set model-package-arn to a completed version.`
            });
        }
        if (requireApproved && pkg.approval !== 'Approved') {
            findings.push({
                refusal: `Input "model-package-arn" names ${arn}, whose approval status is ${pkg.approval ?? 'unknown'}, not Approved. Approve it in the Model Registry (UpdateModelPackage with ModelApprovalStatus Approved), or set model-package-arn to an approved version.`
            });
        }
        return findings;
    }
    catch (e) {
        return [
            artifacts_unchecked(e, `model-package-arn ${arn}`, 'sagemaker:DescribeModelPackage', 'a package that is not Completed (or not Approved)')
        ];
    }
}
/**
 * Checks the artifact, image and package a CreateModel body names (undefined: the run deploys an
 * existing model, nothing to check). Never throws for what it finds, only for cancellation.
 */
async function checkArtifacts(body, region, api, options) {
    const findings = { refusals: [], warnings: [], notes: [] };
    const container = record(body?.['PrimaryContainer']);
    if (!container)
        return { ...findings, marketplace: false };
    const callerAccount = arnParts(artifacts_text(body?.['ExecutionRoleArn']))?.account;
    const artifact = artifactOf(container);
    const image = artifacts_text(container['Image']);
    const pkg = artifacts_text(container['ModelPackageName']);
    const results = await Promise.all([
        artifact ? checkArtifact(artifact, region, api) : undefined,
        image ? checkImage(image, region, callerAccount, api) : undefined,
        pkg ? checkPackage(pkg, region, callerAccount, api, options.requireApproved) : []
    ]);
    let marketplace = false;
    for (const found of results.flat()) {
        if (!found)
            continue;
        if ('refusal' in found)
            findings.refusals.push(found.refusal);
        else if ('warning' in found)
            findings.warnings.push(found.warning);
        else if ('note' in found)
            findings.notes.push(found.note);
        else
            marketplace = found.marketplace;
    }
    return {
        ...findings,
        marketplace,
        ...(image ? { image } : {}),
        ...(artifact ? { artifact: artifact.url } : {})
    };
}
/** SageMaker's deployment guardrails exclusions: Marketplace containers fall back to all at once. */
/**
 * Pre-flight's step: logs what was not or could not be checked, and stops the run (before any
 * write) on what would fail. Skipped when the run creates no model or the API has no such reads.
 */
async function refuseBadArtifacts(plan, api, log, options = { requireApproved: false }) {
    if (!plan.createModel || !api.artifacts)
        return undefined;
    const findings = await checkArtifacts(plan.createModel, plan.region, await api.artifacts(), options);
    for (const note of findings.notes)
        log.info(note);
    for (const warning of findings.warnings)
        log.warning(warning);
    if (findings.refusals.length)
        throw new preflight/* PreflightError */.wG(findings.refusals.join(' '));
    return findings;
}

// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
;// CONCATENATED MODULE: ./src/deploy/other-run.ts

const tag = (tags, key) => tags[`${inputs/* ACTION_TAG_PREFIX */.FU}${key}`] || undefined;
/** "made by run 8002 (attempt 1) of org/repo at abc1234, workflow deploy", or undefined. */
function provenance(tags) {
    const runId = tag(tags, 'run-id');
    if (runId === undefined)
        return undefined;
    const attempt = tag(tags, 'run-attempt');
    const repository = tag(tags, 'repository');
    const sha = tag(tags, 'sha');
    const workflow = tag(tags, 'workflow');
    return [
        `run ${runId}${attempt ? ` (attempt ${attempt})` : ''}`,
        repository ? ` of ${repository}` : '',
        sha ? ` at ${sha.slice(0, 7)}` : '',
        workflow ? `, workflow "${workflow}"` : ''
    ].join('');
}
const utc = (d) => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
/** Who made resource `name` (an endpoint config, or a model on the component path), and when. */
async function whoMade(api, kind, name) {
    const o = { ignoreCancel: true, deadlineMs: 10_000 };
    try {
        const described = kind === 'config'
            ? await api
                .describeEndpointConfig(name, o)
                .then(d => d && { arn: d.EndpointConfigArn, at: d.CreationTime })
            : await api.describeModel(name, o).then(d => d && { arn: d.ModelArn, at: d.CreationTime });
        if (!described?.arn)
            return undefined;
        const by = provenance(await api.listTags(described.arn, o));
        const when = described.at ? `created ${utc(new Date(described.at))}` : undefined;
        const who = by ? `made by ${by}` : 'not made by this action';
        return [who, when].filter(Boolean).join(', ');
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
;// CONCATENATED MODULE: ./src/watch/alarm-history.ts
/** The changes to ALARM among an alarm's state-update history items. */
function toAlarmTransitions(name, items) {
    const transitions = [];
    for (const item of items) {
        let state;
        let reason;
        try {
            const data = JSON.parse(item.HistoryData ?? '{}');
            state = data.newState?.stateValue;
            reason =
                typeof data.newState?.stateReason === 'string' ? data.newState.stateReason : undefined;
        }
        catch {
            state = undefined;
        }
        const toAlarm = state === 'ALARM' || (state === undefined && / to ALARM$/.test(item.HistorySummary ?? ''));
        const at = item.Timestamp instanceof Date ? item.Timestamp.getTime() : NaN;
        if (toAlarm && Number.isFinite(at))
            transitions.push({ name: item.AlarmName ?? name, at, reason });
    }
    return transitions;
}
/**
 * Marks the alarms that went into ALARM after the update started as fired (at their earliest
 * such transition), with an event saying where that came from. The state each poll saw stays.
 */
function recordFiredAlarms(t, transitions) {
    const since = transitions.filter(tr => tr.at >= t.startedAt).sort((a, b) => a.at - b.at);
    if (since.length === 0)
        return t;
    const tracks = new Map(t.alarms.map(track => [track.name, track]));
    const events = [...t.events];
    for (const tr of since) {
        const track = tracks.get(tr.name);
        if (track?.fired)
            continue;
        tracks.set(tr.name, {
            ...track,
            name: tr.name,
            statesSeen: track?.statesSeen ?? [],
            finalState: track?.finalState,
            lastReason: track?.lastReason ?? tr.reason,
            // The reason of the transition that fired, not the track's latest (OK again, say).
            firedReason: tr.reason,
            fired: true,
            firedAt: tr.at
        });
        events.push({
            at: tr.at,
            kind: 'alarm',
            message: `alarm ${tr.name}: ALARM (from its history: it fired between two polls)${tr.reason ? ` (${tr.reason})` : ''}`
        });
    }
    return { ...t, alarms: [...tracks.values()], events: events.sort((a, b) => a.at - b.at) };
}

;// CONCATENATED MODULE: ./src/watch/schedule.ts

/** Local epoch ms at which the current bake is expected to end, if the service says when it began. */
function expectedChangeAt(t, ctx) {
    const green = t.last?.green;
    if (!green)
        return undefined;
    const status = (0,reducer/* latestStatus */.Ux)(green.statuses);
    if (!status?.startTime)
        return undefined;
    if (status.status === 'Baking') {
        // SageMaker says how long it bakes ("Baking for 60 seconds ..."); else go by the policy.
        const stated = status.message?.match(/Baking for (\d+) seconds/)?.[1];
        if (stated !== undefined)
            return status.startTime + Number(stated) * 1000;
        const finalBake = (green.currentInstanceCount ?? 0) >= (green.desiredInstanceCount ?? Infinity);
        const seconds = finalBake ? ctx.terminationWaitSeconds : ctx.waitIntervalSeconds;
        return seconds === undefined ? undefined : status.startTime + seconds * 1000;
    }
    return undefined;
}
function nextPollDelay(t, ctx, pacing, now) {
    const cap = pacing.pollIntervalMs;
    const floor = Math.min(pacing.floorMs, cap);
    const random = pacing.random ?? Math.random;
    if (t.consecutiveFailedPolls > 0) {
        const backoff = floor * 2 ** Math.min(t.consecutiveFailedPolls, 8);
        return Math.min(cap, backoff * (0.75 + random() * 0.5));
    }
    const change = expectedChangeAt(t, ctx);
    if (change !== undefined) {
        // Half a second after the expected change (plus this run's phase and a little jitter), so
        // the poll sees the next step and concurrent rollouts do not poll in the same second.
        const jitter = pacing.random ? pacing.random() * Math.min(1000, cap / 10) : 0;
        const until = change - now + 500 + (pacing.phaseMs ?? 0) + jitter;
        if (until > 0 && until < cap)
            return Math.max(floor, until);
    }
    // Never longer than the poll interval: the verdict comes within one interval of settling.
    return pacing.random ? cap * (0.85 + 0.15 * random()) : cap;
}

;// CONCATENATED MODULE: ./src/watch/loop.ts




/** Thrown by a poll when watching cannot go on (credentials, permissions). */
class FatalPollError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FatalPollError';
    }
}
const endpointChanged = (a, b) => !a ||
    a.status !== b.status ||
    a.configName !== b.configName ||
    a.green?.currentInstanceCount !== b.green?.currentInstanceCount ||
    a.blue?.currentInstanceCount !== b.blue?.currentInstanceCount ||
    a.green?.statuses.length !== b.green?.statuses.length;
/** Share of the poll interval over which concurrent runs' polls after a step's end are spread. */
const PHASE_SPREAD = 0.6;
/** Pause before the next alarm read after `failures` failed ones in a row. */
function alarmBackoffMs(failures, refreshMs, random) {
    const ceiling = Math.min(120_000, refreshMs * 2 ** Math.min(failures - 1, 6));
    return Math.round(ceiling * (0.5 + random() / 2));
}
async function watch(start, ctx, deps, opts) {
    const random = deps.random ?? Math.random;
    const fold = deps.fold ?? ((t, obs) => (0,reducer/* reduce */.TS)(t, obs, ctx));
    const judge = deps.judge ?? ((t) => (0,src_verdict/* settle */.G9)(t, ctx));
    const notFoundPolls = opts.notFoundPolls ?? 3;
    const notFoundGraceMs = opts.notFoundGraceMs ?? 30_000;
    let timeline = start;
    let lastAlarmPoll = Number.NEGATIVE_INFINITY;
    let alarmFailures = 0;
    let alarmRetryAt = Number.NEGATIVE_INFINITY;
    let alarmsOff = false;
    let notFound = 0;
    let notFoundSince;
    // The timeline logs only the first failure of a run of them; the give-up message names the last.
    let lastPollError;
    // A per-run phase: concurrent rollouts aiming at the same expected step times do not align.
    // Spread over most of the interval (fifty rollouts started together then poll a step's end
    // over ~6 s, not 1.5 s); phase + jitter + 0.5 s stays below the interval.
    const phaseMs = random() * opts.pollIntervalMs * PHASE_SPREAD;
    const callDeadline = () => Math.max(1000, Math.min(opts.callDeadlineMs ?? 30_000, opts.deadline - deps.now()));
    const readEndpoint = async (at) => {
        let endpoint;
        try {
            endpoint = await deps.describeEndpoint(callDeadline());
        }
        catch (e) {
            if (e instanceof FatalPollError)
                throw e;
            return [undefined, e instanceof Error ? e.message : String(e)];
        }
        if (endpoint) {
            notFound = 0;
            notFoundSince = undefined;
            return [endpoint];
        }
        // Right after CreateEndpoint SageMaker can answer "not found" for a moment.
        notFound += 1;
        notFoundSince ??= at;
        if (notFound >= notFoundPolls && at - notFoundSince >= notFoundGraceMs) {
            throw new FatalPollError(`The endpoint no longer exists: SageMaker answered "Could not find endpoint" ${notFound} times over ${Math.round((at - notFoundSince) / 1000)} s (deleted during the deployment).`);
        }
        return [undefined, `SageMaker answered "Could not find endpoint" (${notFound}×); retrying`];
    };
    /** Alarms, when due; [] when not read. Never throws: alarms cannot cost the verdict. */
    const readAlarms = async (at, due) => {
        if (alarmsOff || !due || at < alarmRetryAt)
            return [[], false];
        try {
            const alarms = await deps.describeAlarms(callDeadline());
            lastAlarmPoll = at;
            alarmFailures = 0;
            return [alarms, true];
        }
        catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            if (e instanceof FatalPollError) {
                alarmsOff = true;
                deps.onNotice?.(`Alarm reads stopped (${message}). The verdict still comes from DescribeEndpoint; SageMaker's FailureReason names an alarm that rolls back.`);
                return [[], false];
            }
            alarmFailures += 1;
            const pause = alarmBackoffMs(alarmFailures, opts.alarmRefreshMs, random);
            alarmRetryAt = at + pause;
            if (alarmFailures === 1 || alarmFailures % 5 === 0) {
                deps.onNotice?.(`Reading the alarms failed (${message}); next try in ${Math.round(pause / 1000)} s. The verdict does not depend on it.`);
            }
            return [[], false];
        }
    };
    /** One poll; true when it read the alarms. */
    const poll = async (forceAlarms) => {
        const before = timeline.events.length;
        const at = deps.now();
        const [endpoint, error] = await readEndpoint(at);
        if (error !== undefined)
            lastPollError = error;
        const due = forceAlarms ||
            (endpoint !== undefined && endpointChanged(timeline.last, endpoint)) ||
            at - lastAlarmPoll >= opts.alarmRefreshMs;
        const [alarms, read] = await readAlarms(at, due);
        timeline = fold(timeline, { at, endpoint, alarms, error });
        await deps.onPoll?.(timeline, timeline.events.slice(before));
        return read;
    };
    try {
        for (;;) {
            if (deps.signal?.aborted) {
                return { timeline, verdict: (0,src_verdict/* watchCancelled */.Rj)(timeline) };
            }
            const pollStartedAt = deps.now();
            const readAlarmsNow = await poll(false);
            let verdict = judge(timeline);
            if (verdict) {
                // Name the alarms with a fresh read when this poll did not include them. The verdict
                // stands whatever this extra read meets.
                if (!readAlarmsNow && !alarmsOff && !deps.signal?.aborted) {
                    try {
                        alarmRetryAt = Number.NEGATIVE_INFINITY;
                        await poll(true);
                        verdict = judge(timeline) ?? verdict;
                    }
                    catch {
                        // keep the verdict
                    }
                }
                // A rollback nobody saw an alarm for: the alarms' history says which one fired.
                if (verdict.outcome === 'rolled-back' &&
                    verdict.triggeredAlarms.length === 0 &&
                    deps.alarmTransitions &&
                    !alarmsOff) {
                    try {
                        const transitions = await deps.alarmTransitions(timeline.startedAt, callDeadline());
                        timeline = recordFiredAlarms(timeline, transitions);
                        verdict = judge(timeline) ?? verdict;
                    }
                    catch {
                        // keep the verdict
                    }
                }
                return { timeline, verdict };
            }
            if (timeline.consecutiveFailedPolls >= opts.maxConsecutiveFailures) {
                return {
                    timeline,
                    verdict: (0,src_verdict/* interrupted */.VM)(timeline, `${timeline.consecutiveFailedPolls} polls in a row failed (last: ${lastPollError ?? 'unknown'}).`)
                };
            }
            const now = deps.now();
            if (now >= opts.deadline)
                return { timeline, verdict: (0,src_verdict/* timedOut */.iU)(timeline, opts.budgetSeconds) };
            // The pause counts from the start of the poll, so slow answers do not stretch the interval.
            const delay = Math.min(nextPollDelay(timeline, ctx, { ...opts, phaseMs, random }, now) - (now - pollStartedAt), opts.deadline - now);
            await deps.sleep(Math.max(0, delay), deps.signal);
        }
    }
    catch (e) {
        if (e instanceof FatalPollError)
            return { timeline, verdict: (0,src_verdict/* interrupted */.VM)(timeline, e.message) };
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/watch/rolling.ts

/** `Launching 2 instance(s).` → 2. */
function instancesNamed(status) {
    const n = /(\d+) instance\(s\)/.exec(status.message ?? '')?.[1];
    return n === undefined ? undefined : Number(n);
}
function seen(ep, w, rolledBack) {
    const green = ep.green ? (0,reducer/* latestStatus */.Ux)(ep.green.statuses) : undefined;
    const blue = ep.blue ? (0,reducer/* latestStatus */.Ux)(ep.blue.statuses) : undefined;
    const newCount = ep.green?.currentInstanceCount ?? 0;
    const oldCount = ep.blue?.currentInstanceCount ?? 0;
    const row = (phase, status, n = newCount) => ({
        phase,
        newCount: n,
        oldCount,
        moving: instancesNamed(status),
        at: status.startTime
    });
    if (ep.status === 'InService') {
        if (ep.configName === w.newConfigName && ep.pendingConfigName === undefined) {
            return {
                phase: 'complete',
                newCount: w.fleet,
                oldCount: 0,
                moving: undefined,
                at: ep.lastModifiedTime
            };
        }
        if (!rolledBack)
            return undefined;
        return {
            phase: 'rolled-back',
            newCount: 0,
            oldCount: oldCount || w.oldFleet,
            moving: undefined,
            at: ep.lastModifiedTime
        };
    }
    if (ep.status === 'Failed' || ep.status === 'UpdateRollbackFailed') {
        return { phase: 'failed', newCount, oldCount, moving: undefined, at: ep.lastModifiedTime };
    }
    if (!reducer/* IN_PROGRESS */.mS.has(ep.status) || ep.pendingConfigName !== w.newConfigName)
        return undefined;
    if (blue?.status === 'Creating')
        return row('rollback-launching', blue);
    if (blue?.status === 'Deleting')
        return row('terminating-old', blue);
    if (green?.status === 'Deleting')
        return row('rollback-terminating', green);
    if (green?.status === 'Creating')
        return row('launching', green);
    // Activating and baking are one row: the shift of this batch.
    if (green?.status === 'ActivatingTraffic' || green?.status === 'Baking')
        return row('shifted', green);
    return undefined;
}
const percent = (n, of) => (of > 0 ? Math.round((100 * n) / of) : 0);
function label(s, w, because) {
    const batches = Math.max(1, Math.ceil(w.fleet / Math.max(1, w.batch)));
    const of = (k) => `batch ${Math.min(Math.max(1, k), batches)} of ${batches}`;
    const moving = (fallback) => s.moving ?? fallback;
    switch (s.phase) {
        case 'launching':
            return `${of(Math.floor(s.newCount / w.batch) + 1)}: launching ${moving(w.batch)} new instance(s)`;
        case 'shifted':
            return `${of(Math.ceil(s.newCount / w.batch))}: ${s.newCount} new instance(s) take ${percent(s.newCount, w.fleet)}% of the traffic, ${w.waitIntervalSeconds} s bake, alarms monitored`;
        case 'terminating-old':
            return `${of(Math.ceil(s.newCount / w.batch))} baked: terminating ${moving(w.batch)} old instance(s)`;
        case 'rollback-launching':
            return `rolling back${because}: launching ${moving(w.batch)} old instance(s)`;
        case 'rollback-terminating':
            return `rolling back${because}: terminating ${moving(w.batch)} new instance(s)`;
        case 'complete':
            return `complete: ${w.fleet} new instance(s) serve all traffic, the old fleet is terminated`;
        case 'rolled-back':
            return `rolled back${because}: ${s.oldCount} old instance(s) serve all traffic`;
        case 'failed':
            return 'deployment failed: the counts are the last seen';
    }
}
/** Guard alarms seen in ALARM, or named by SageMaker's failure reason. */
function firedAlarmNames(t) {
    const reason = t.last?.failureReason ?? '';
    return t.alarms
        .filter(a => a.fired || (reason !== '' && reason.includes(a.name)))
        .map(a => a.name);
}
/** The row a poll adds, if its phase or counts differ from the last row's. */
function addBatchRow(t, w, fired) {
    const ep = t.last;
    if (ep === undefined)
        return t;
    const rows = t.batches ?? [];
    const rolledBack = t.sawProgress && ep.configName !== w.newConfigName && ep.pendingConfigName === undefined;
    const s = seen(ep, w, rolledBack);
    if (s === undefined)
        return t;
    const because = fired.length > 0 ? ` (alarm ${fired.join(', ')} in ALARM)` : '';
    const event = label(s, w, because);
    const last = rows.at(-1);
    const newPercent = s.phase === 'complete' ? 100 : s.phase === 'rolled-back' ? 0 : percent(s.newCount, w.fleet);
    if (last !== undefined &&
        last.event === event &&
        last.newCount === s.newCount &&
        last.oldCount === s.oldCount) {
        return t;
    }
    // The first row is the start of the deployment, at T+0.
    const at = rows.length === 0
        ? t.startedAt
        : Math.max(s.at ?? ep.lastModifiedTime ?? t.startedAt, last?.at ?? 0);
    const row = { at, newCount: s.newCount, oldCount: s.oldCount, newPercent, event };
    return { ...t, batches: [...rows, row] };
}

// EXTERNAL MODULE: ./src/watch/service-clock.ts
var service_clock = __webpack_require__(2915);
;// CONCATENATED MODULE: ./src/target/component/watch.ts
// Pure: watching an inference component's rolling update. DescribeInferenceComponent gives the
// status, the specification (its model), the desired and current copy counts and, after a
// failure, a reason; it does not say which copies run which model. So the verdict rests on the
// status and the model alone (deployed only when InService on this step's model after the update
// began), and the table counts batches from the copies running: above the desired count a new
// batch is up beside the old copies, back at it an old batch is gone.



const IN_PROGRESS = new Set(['Creating', 'Updating']);
/**
 * The component as a snapshot the poll loop knows: its model stands where an endpoint's config
 * name does, its copies where the live fleet's instances do.
 */
function toComponentSnapshot(out) {
    const spec = (out.Specification ?? out.Specifications?.[0]);
    return {
        status: out.InferenceComponentStatus ?? 'Unknown',
        configName: typeof spec?.ModelName === 'string' ? spec.ModelName : undefined,
        failureReason: out.FailureReason || undefined,
        lastModifiedTime: out.LastModifiedTime instanceof Date ? out.LastModifiedTime.getTime() : undefined,
        blue: {
            variantName: out.VariantName ?? '',
            currentInstanceCount: out.RuntimeConfig?.CurrentCopyCount,
            desiredInstanceCount: out.RuntimeConfig?.DesiredCopyCount,
            currentWeight: undefined,
            desiredWeight: undefined,
            statuses: []
        },
        green: undefined,
        pendingConfigName: undefined,
        pendingStartTime: undefined
    };
}
/** InService on anything after the update began: the update is over. */
function changed(t, ep, w) {
    return (t.sawProgress ||
        (ep.lastModifiedTime !== undefined &&
            w.previousLastModified !== undefined &&
            ep.lastModifiedTime > w.previousLastModified));
}
function serviceTime(t, obs) {
    const times = [t.events.at(-1)?.at ?? 0, obs.endpoint?.lastModifiedTime ?? 0];
    for (const a of obs.alarms)
        times.push(a.updatedAt ?? 0);
    return Math.max(...times);
}
const watch_percent = (n, of) => (of > 0 ? Math.round((100 * n) / of) : 0);
/** Whether a row shows a batch up beside the old copies (more copies than the component runs). */
const isUp = (row, copies) => row.newCount + row.oldCount > copies;
/** The batch row a poll adds: a new batch up, an old batch gone, or the end. */
function batchRow(t, ep, w, at, alarms) {
    const rows = t.batches ?? [];
    const last = rows.at(-1);
    const running = ep.blue?.currentInstanceCount ?? w.copies;
    const desired = ep.blue?.desiredInstanceCount ?? w.copies;
    const batches = Math.max(1, Math.ceil(w.copies / Math.max(1, w.batchCopies)));
    const rises = rows.filter(r => isUp(r, w.copies)).length;
    const because = alarms.length > 0 ? ` (alarm ${alarms.join(', ')} in ALARM)` : '';
    const row = (newCount, event) => ({
        at,
        newCount,
        oldCount: Math.max(0, running - newCount),
        newPercent: watch_percent(newCount, w.copies),
        event
    });
    if (ep.status === 'InService') {
        if (!changed(t, ep, w))
            return undefined;
        if (ep.configName === w.newModelName) {
            return {
                at,
                newCount: w.copies,
                oldCount: 0,
                newPercent: 100,
                event: `complete: ${w.copies} copies of ${w.newModelName} serve all traffic`
            };
        }
        return {
            at,
            newCount: 0,
            oldCount: running,
            newPercent: 0,
            event: `rolled back${because}: ${running} copies of ${ep.configName ?? 'the previous model'} serve all traffic`
        };
    }
    if (!IN_PROGRESS.has(ep.status))
        return undefined;
    if (last === undefined) {
        return row(0, `update starts: batch 1 of ${batches}, launching ${w.batchCopies} new copies`);
    }
    const up = running > desired;
    if (up === isUp(last, w.copies) && running === last.newCount + last.oldCount)
        return undefined;
    // After an alarm, a rollback moves copies in the same steps: the batch count says nothing.
    if (alarms.length > 0) {
        return row(Math.min(last.newCount, running), `${running} copies running, ${desired} desired${because}: SageMaker rolls back if an alarm is in ALARM during a bake, replacing new copies with old ones step by step`);
    }
    if (up) {
        const k = Math.min(batches, rises + 1);
        const n = Math.min(w.copies, k * w.batchCopies);
        return row(n, `batch ${k} of ${batches}: new copies up beside the old ones (${n} of ${w.copies} on ${w.newModelName}, ${watch_percent(n, w.copies)}% of the traffic), ${w.waitIntervalSeconds} s bake, alarms monitored`);
    }
    const n = Math.min(w.copies, rises * w.batchCopies);
    return row(n, `batch ${Math.max(1, Math.min(batches, rises))} of ${batches} baked: old copies terminated${n < w.copies ? `, launching the next ${w.batchCopies}` : ''}`);
}
/** The component on a model that is neither this run's nor the one it replaced: another update. */
function otherModel(ep, w) {
    const model = ep.configName;
    return model !== undefined && model !== w.newModelName && model !== w.oldModelName
        ? model
        : undefined;
}
function reduceComponent(t, obs, w) {
    const ep = obs.endpoint;
    if (!ep)
        return (0,reducer/* failedPoll */.VQ)(t, obs, serviceTime(t, obs));
    const other = otherModel(ep, w);
    if (other !== undefined) {
        // Another run's update: none of its copies are this run's; keep the state, fold nothing.
        const first = t.other === undefined;
        return {
            ...t,
            last: ep,
            other: { configName: other, live: true },
            polls: t.polls + 1,
            consecutiveFailedPolls: 0,
            events: first
                ? [
                    ...t.events,
                    {
                        at: serviceTime(t, obs),
                        kind: 'other',
                        message: `inference component ${ep.status} on ${other}: another update has replaced this run's`
                    }
                ]
                : t.events
        };
    }
    const events = [...t.events];
    const now = serviceTime(t, obs);
    const inProgress = IN_PROGRESS.has(ep.status);
    // The first poll in progress shows how the service reads Specification during an update.
    const specInUpdate = t.specInUpdate ??
        (inProgress && ep.configName === w.oldModelName && w.oldModelName !== undefined
            ? 'old'
            : inProgress && ep.configName === w.newModelName
                ? 'new'
                : undefined);
    let ownModelInProgressAt = t.ownModelInProgressAt;
    if (ownModelInProgressAt === undefined &&
        t.specInUpdate === 'old' &&
        inProgress &&
        ep.configName === w.newModelName) {
        ownModelInProgressAt = now;
        events.push({
            at: now,
            kind: 'other',
            message: `inference component ${ep.status} on ${w.newModelName} (this run's model), which it showed only once an update completed: another update has started from it; the table stops here`
        });
    }
    let startedAt = t.startedAt;
    // The first answer anchors T+0 on the service's clock.
    if (t.polls - t.failedPolls === 0 && IN_PROGRESS.has(ep.status) && ep.lastModifiedTime) {
        startedAt = ep.lastModifiedTime;
        events[0] = { ...events[0], at: startedAt };
    }
    const prev = t.last;
    if (!prev || prev.status !== ep.status) {
        const what = ep.status === 'Updating'
            ? `: replacing its ${w.copies} copies in batches of ${w.batchCopies}`
            : ep.status === 'InService'
                ? ` on ${ep.configName ?? '?'}`
                : ep.failureReason
                    ? `: ${ep.failureReason}`
                    : '';
        events.push({
            at: ep.lastModifiedTime ?? now,
            kind: ep.status === 'InService'
                ? ep.configName === w.newModelName
                    ? 'complete'
                    : 'rollback'
                : ep.status === 'Failed'
                    ? 'failed'
                    : 'status',
            message: `inference component ${w.name} ${ep.status}${what}`
        });
    }
    if (ownModelInProgressAt === undefined &&
        prev &&
        prev.blue?.currentInstanceCount !== ep.blue?.currentInstanceCount) {
        events.push({
            at: ep.lastModifiedTime ?? now,
            kind: 'step',
            message: `copies running: ${ep.blue?.currentInstanceCount ?? '?'} of ${ep.blue?.desiredInstanceCount ?? '?'} desired`
        });
    }
    const alarms = (0,reducer/* trackAlarms */.g6)(t.alarms, obs.alarms, now, events);
    const sawProgress = t.sawProgress || inProgress;
    const next = {
        ...t,
        startedAt,
        alarms,
        sawProgress,
        last: ep,
        ...(specInUpdate ? { specInUpdate } : {}),
        ...(ownModelInProgressAt !== undefined ? { ownModelInProgressAt } : {})
    };
    const row = ownModelInProgressAt !== undefined && ep.status !== 'InService'
        ? undefined
        : batchRow({ ...next, polls: t.polls }, ep, w, t.batches === undefined ? startedAt : Math.max(ep.lastModifiedTime ?? now, startedAt), (0,src_verdict/* fired */.RV)(next));
    const batches = row ? [...(t.batches ?? []), row] : (t.batches ?? []);
    const steps = batches.map(b => ({
        at: b.at,
        bluePercent: 100 - b.newPercent,
        greenPercent: b.newPercent,
        event: b.event
    }));
    const added = events.splice(t.events.length).sort((a, b) => a.at - b.at);
    return {
        ...next,
        events: [...events, ...added],
        steps,
        batches,
        polls: t.polls + 1,
        consecutiveFailedPolls: 0,
        serviceClock: (0,service_clock/* sampleServiceClock */.Cq)(t.serviceClock, obs.at, now)
    };
}
/** The verdict, with the same rule as an endpoint's: deployed only on this step's model. */
function settleComponent(t, w) {
    const ep = t.last;
    if (!ep)
        return undefined;
    const settled = (0,src_verdict/* settledBase */.JZ)(t, ep);
    const { base } = settled;
    if (t.other) {
        // Never another run's result as this one's: say what is known.
        return {
            ...base,
            outcome: 'failed',
            failureReason: `Another update replaced ${w.newModelName}: inference component ${w.name} is ${ep.status} on ${t.other.configName}.`,
            summary: `Another update took inference component ${w.name} over: it is ${ep.status} on ${t.other.configName}, neither this run's ${w.newModelName} nor ${w.oldModelName ?? 'the model it replaced'}. This run's update ended before that, and no poll saw how${t.ownModelInProgressAt === undefined ? '' : ` (a poll saw the component in progress on ${w.newModelName}, which it showed during this run's update only once it completed: most likely it completed, and the other update started from it)`}; look at the component in the SageMaker console before running it again.`
        };
    }
    if (ep.status === 'InService') {
        if (!changed(t, ep, w))
            return undefined;
        if (ep.configName === w.newModelName) {
            return {
                ...base,
                outcome: 'deployed',
                failureReason: undefined,
                summary: `Inference component ${w.name} serves ${w.newModelName} on all ${ep.blue?.currentInstanceCount ?? w.copies} copies.`
            };
        }
        return (0,src_verdict/* rolledBack */.EN)(settled, ep, `SageMaker rolled inference component ${w.name} back to ${ep.configName ?? 'its previous model'}`);
    }
    if (ep.status === 'Failed' || ep.status === 'Deleting') {
        return {
            ...base,
            outcome: 'failed',
            failureReason: ep.failureReason ?? `Inference component ${ep.status}.`,
            summary: ep.status === 'Failed'
                ? `Inference component ${w.name} is Failed${ep.failureReason ? `: ${ep.failureReason.replace(/\.+$/, '')}` : ''}. Look at it in the SageMaker console; SageMaker does not roll a failed component back on its own.`
                : `Inference component ${w.name} went Deleting during the deployment.`
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/watch/snapshot.ts
const millis = (date) => date instanceof Date && !Number.isNaN(date.getTime()) ? date.getTime() : undefined;
function toFleet(variant) {
    if (!variant)
        return undefined;
    return {
        variantName: variant.VariantName ?? '',
        currentInstanceCount: variant.CurrentInstanceCount,
        desiredInstanceCount: variant.DesiredInstanceCount,
        currentWeight: variant.CurrentWeight,
        desiredWeight: variant.DesiredWeight,
        statuses: (variant.VariantStatus ?? []).map(s => ({
            status: s.Status ?? '',
            message: s.StatusMessage,
            startTime: millis(s.StartTime)
        }))
    };
}
/** The variant this step deploys to (by name), else the first one. */
function snapshot_pick(variants, name) {
    return ((name === undefined ? undefined : variants?.find(v => v.VariantName === name)) ?? variants?.[0]);
}
function toEndpointSnapshot(out, variantName) {
    const pending = out.PendingDeploymentSummary;
    return {
        status: out.EndpointStatus ?? 'Unknown',
        configName: out.EndpointConfigName,
        failureReason: out.FailureReason ? out.FailureReason : undefined,
        lastModifiedTime: millis(out.LastModifiedTime),
        blue: toFleet(snapshot_pick(out.ProductionVariants, variantName)),
        green: toFleet(snapshot_pick(pending?.ProductionVariants, variantName)),
        pendingConfigName: pending?.EndpointConfigName,
        pendingStartTime: millis(pending?.StartTime)
    };
}
const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];
function toAlarmSnapshots(alarms) {
    return alarms.map(a => ({
        name: a.AlarmName ?? '',
        state: ALARM_STATES.includes(a.StateValue)
            ? a.StateValue
            : 'INSUFFICIENT_DATA',
        reason: a.StateReason,
        updatedAt: millis(a.StateTransitionedTimestamp ?? a.StateUpdatedTimestamp)
    }));
}

;// CONCATENATED MODULE: ./src/watch/rollout.ts
// Watching a started rollout: the poll loop wired to SageMaker and CloudWatch, each event
// logged as it happens, the pull-request comment refreshed at each new traffic step.










async function watchRollout(o) {
    const { api, plan } = o;
    let reportedSteps = 0;
    core.startGroup(`Watching ${o.component ? `inference component ${o.component.name}` : plan.endpointName} (poll ≤ ${o.request.pollIntervalSeconds} s, budget ${Math.round(plan.budgetSeconds / 60)} min)`);
    try {
        return await watch(o.start, o.ctx, {
            describeEndpoint: async (deadlineMs) => {
                try {
                    if (o.component) {
                        const out = await api.describeInferenceComponent(o.component.name, { deadlineMs });
                        return out ? toComponentSnapshot(out) : undefined;
                    }
                    const out = await api.describeEndpoint(plan.endpointName, { deadlineMs });
                    return out ? toEndpointSnapshot(out, plan.variantName) : undefined;
                }
                catch (e) {
                    if ((0,aws_api/* isFatal */.BG)(e))
                        throw new FatalPollError(`Stopped watching: ${(0,src_errors/* sentence */.em)((0,src_errors/* errorMessage */.gJ)(e))}`);
                    throw e;
                }
            },
            describeAlarms: async (deadlineMs) => {
                try {
                    return toAlarmSnapshots(await api.describeAlarms(plan.guardAlarmNames, { deadlineMs }));
                }
                catch (e) {
                    if ((0,aws_api/* isFatal */.BG)(e))
                        throw new FatalPollError((0,src_errors/* errorMessage */.gJ)(e));
                    throw e;
                }
            },
            alarmTransitions: async (since, deadlineMs) => {
                const all = await Promise.all(plan.guardAlarmNames.map(async (name) => toAlarmTransitions(name, await api.describeAlarmHistory(name, new Date(since), { deadlineMs }))));
                return all.flat();
            },
            now: o.now,
            sleep: o.sleep,
            onPoll: async (timeline, added) => {
                for (const event of added)
                    core.info((0,log/* formatEvent */.q)(event, timeline.startedAt));
                if (timeline.steps.length !== reportedSteps) {
                    reportedSteps = timeline.steps.length;
                    await o.onProgress?.(plan, timeline);
                }
            },
            onNotice: message => o.log.warning(message),
            ...(o.signal ? { signal: o.signal } : {}),
            ...(o.rolling ? { fold: rollingFold(o.ctx, o.rolling) } : {}),
            ...(o.component ? componentCore(o.component) : {})
        }, {
            deadline: o.requestedAt + plan.budgetSeconds * 1000,
            budgetSeconds: plan.budgetSeconds,
            pollIntervalMs: o.request.pollIntervalSeconds * 1000,
            floorMs: 2000,
            alarmRefreshMs: 20_000,
            maxConsecutiveFailures: 10
        });
    }
    finally {
        core.endGroup();
    }
}
/** The endpoint reducer, then the rolling table's row for what the poll saw. */
function rollingFold(ctx, rolling) {
    return (t, obs) => {
        const next = (0,reducer/* reduce */.TS)(t, obs, ctx);
        return addBatchRow(next, rolling, firedAlarmNames(next));
    };
}
/** A component's own reducer and verdict. */
function componentCore(w) {
    return { fold: (t, obs) => reduceComponent(t, obs, w), judge: t => settleComponent(t, w) };
}

// EXTERNAL MODULE: ./src/report/time.ts
var time = __webpack_require__(5813);
// EXTERNAL MODULE: ./src/guard/detection.ts
var guard_detection = __webpack_require__(8926);
;// CONCATENATED MODULE: ./src/guard/final-step.ts


/** Each guard alarm's timing: the created ones from their request, the others as read. */
function guardTimings(plan, read, metricDelaySeconds) {
    const created = new Map(plan.alarmsToCreate.map(a => [a.name, a.request]));
    return plan.guardAlarmNames.flatMap(name => {
        const definition = created.get(name) ?? read?.get(name);
        if (definition === null || typeof definition !== 'object')
            return [];
        // The gate's metric is the action's own: as late as its checks take to judge, not CloudWatch's
        // SageMaker delay.
        const delay = name === plan.gate?.alarmName ? plan.gate.judgeSeconds : metricDelaySeconds;
        return [(0,guard_detection/* alarmTiming */.YR)({ AlarmName: name, ...definition }, delay)];
    });
}
/** The guard's facts for a blue/green shift (undefined: nothing to judge, or no alarm). */
function guardFacts(request, plan, timings) {
    // A retained policy is the endpoint's own: judged and shown, never refused (retainedRiskText).
    const policy = request.policy ?? plan.retainedPolicy;
    // A blue/green shift only: a new endpoint has no shift, a rolling update no final bake (the
    // watch after completion covers both).
    if (plan.firstDeploy || plan.component || !policy || policy.routing === 'rolling')
        return undefined;
    if (timings.length === 0)
        return undefined;
    const alarm = timings.reduce((a, b) => ((0,guard_detection/* detectionSeconds */.Fo)(b) > (0,guard_detection/* detectionSeconds */.Fo)(a) ? b : a));
    const detection = (0,guard_detection/* detectionSeconds */.Fo)(alarm);
    const percents = plan.schedule.filter(step => step.greenPercent > 0).map(s => s.greenPercent);
    return {
        detectionSeconds: detection,
        alarm,
        finalBakeSeconds: policy.terminationWaitSeconds,
        derived: policy.terminationWaitDerived === true,
        ...(request.policy === null ? { retained: true } : {}),
        unseenSteps: (0,guard_detection/* guardedSteps */.yX)(policy, percents, detection)
            .filter(step => !step.seen)
            .map(step => step.greenPercent)
    };
}
/** A final bake shorter than the slowest alarm's detection time. */
function unguardedFinalStep(facts) {
    return facts !== undefined && facts.finalBakeSeconds < facts.detectionSeconds;
}
/** The refusal: the numbers, and the two inputs that settle it. */
function finalStepRefusal(risk) {
    const bake = risk.derived
        ? `the final bake derived for the created alarms (${risk.finalBakeSeconds} s)`
        : `termination-wait (${risk.finalBakeSeconds} s)`;
    return `The step that gives the new model all the traffic is watched only for ${bake}, but alarm ${risk.alarm.name} can take ${risk.detectionSeconds} s to go into ALARM (${(0,guard_detection/* detectionText */.pR)(risk.alarm)}): SageMaker would complete before it could see a model that fails at full traffic. Set termination-wait to at least ${risk.detectionSeconds}, or accept-unguarded-final-step: true to take the risk (the action still watches the alarms after SageMaker completes and fails the job as regressed).`;
}
/** What the summary's headline says when the retained policy's final bake is too short. */
function retainedRiskText(risk) {
    return `retain-deployment-config: the endpoint's own policy watches the new model at full traffic for ${risk.finalBakeSeconds} s, less than the ${risk.detectionSeconds} s alarm ${risk.alarm.name} can take to fire; a failure there is caught only after completion (regressed), where SageMaker would not roll it back. Send a policy with termination-wait of at least ${risk.detectionSeconds} (retain-deployment-config: false) to have SageMaker watch it.`;
}
/** What the summary's headline says when the step accepted the risk. */
function acceptedRiskText(risk) {
    return `accept-unguarded-final-step: SageMaker watched the new model at full traffic for ${risk.finalBakeSeconds} s, less than the ${risk.detectionSeconds} s alarm ${risk.alarm.name} can take to fire; a failure there is caught only after completion (regressed), not rolled back by SageMaker.`;
}

;// CONCATENATED MODULE: ./src/guard/after-completion.ts







/** Guard alarms are re-read this often (local time). */
const REREAD_MS = 15_000;
/** What one read of the alarms may take, retries included. */
const READ_DEADLINE_MS = 20_000;
/** When the new model took all the traffic (service time): the first row at 100 %. */
function fullTrafficAt(timeline) {
    const row = timeline.steps.find(step => step.greenPercent >= 100);
    return row === undefined ? timeline.steps.at(-1)?.at : (row.between?.after ?? row.at);
}
/** Only a completed update that moved traffic from a fleet that could have kept it. */
function needsWatch(plan, timeline, verdict) {
    return (verdict.outcome === 'deployed' &&
        !plan.firstDeploy &&
        plan.guardAlarmNames.length > 0 &&
        timeline.steps.length > 0);
}
/** The default alarms' shape, when their definitions cannot be read. */
const FALLBACK = { Period: 60, EvaluationPeriods: 1, DatapointsToAlarm: 1 };
async function watchAfterCompletion(plan, timeline, verdict, metricDelaySeconds, deps) {
    if (!needsWatch(plan, timeline, verdict))
        return { verdict, timeline };
    const from = fullTrafficAt(timeline);
    if (from === undefined)
        return { verdict, timeline };
    const names = plan.guardAlarmNames;
    let failedReads = 0;
    let firstError;
    let watching = false;
    let warned = false;
    /** Said once, and only while there is a window left to watch. */
    const warnFailed = () => {
        if (watching && firstError !== undefined && failedReads > 0 && !warned) {
            warned = true;
            deps.log.warning(`Reading the guard alarms after completion failed: ${firstError} (the watch goes on).`);
        }
    };
    const read = async () => {
        try {
            return await deps.api.describeAlarms(names, { deadlineMs: READ_DEADLINE_MS });
        }
        catch (e) {
            if (deps.signal?.aborted)
                return undefined;
            failedReads += 1;
            firstError ??= (0,src_errors/* errorMessage */.gJ)(e);
            warnFailed();
            return undefined;
        }
    };
    // The first read gives the alarms' definitions, and anything in ALARM since the last poll.
    let alarms = await read();
    // As read now; an alarm the read did not give: as this run created it, else one minute, one
    // datapoint (the created alarms' shape).
    const live = new Map((alarms ?? []).map(a => [a.AlarmName ?? '', a]));
    const created = guardTimings(plan, undefined, metricDelaySeconds);
    const timings = names.map(name => {
        const read = live.get(name);
        if (read)
            return (0,guard_detection/* alarmTiming */.YR)(read, metricDelaySeconds);
        return (created.find(t => t.name === name) ??
            (0,guard_detection/* alarmTiming */.YR)({ ...FALLBACK, AlarmName: name }, metricDelaySeconds));
    });
    const detection = Math.max(...timings.map(guard_detection/* detectionSeconds */.Fo));
    const until = from + detection * 1000;
    const slowest = timings.find(t => (0,guard_detection/* detectionSeconds */.Fo)(t) === detection);
    const clock = timeline.serviceClock;
    const startedAt = timeline.startedAt;
    // Without a service clock (no poll gave a service time), the whole detection time from now.
    const localUntil = deps.now() + detection * 1000;
    const remaining = () => {
        const now = (0,service_clock/* serviceNow */.UH)(clock, deps.now());
        return now === undefined ? localUntil - deps.now() : (until - now) / (0,service_clock/* serviceRate */.Ms)(clock);
    };
    const inAlarmAtOnce = (alarms ?? []).some(a => a.StateValue === 'ALARM');
    // When the window ended before the completion was seen, SageMaker's own bakes watched it:
    // nothing is left to watch, and a failed first read says nothing.
    watching = remaining() > 0 && !inAlarmAtOnce;
    warnFailed();
    if (watching) {
        deps.log.info(`SageMaker completed and no longer watches the alarms: watching them until ${(0,time/* formatOffset */.xS)(until - startedAt)} (the new model took all the traffic at ${(0,time/* formatOffset */.xS)(from - startedAt)}; ${slowest.name} can take ${detection} s to fire: ${(0,guard_detection/* detectionText */.pR)(slowest)}).`);
    }
    // Each read goes into the alarms' tracks and the event log, as the watch's polls did.
    let tracked = timeline;
    const track = (read) => {
        if (read === undefined || read.length === 0)
            return;
        const events = [];
        const at = (0,service_clock/* serviceNow */.UH)(clock, deps.now()) ?? tracked.last?.lastModifiedTime ?? from;
        const alarms = (0,reducer/* trackAlarms */.g6)(tracked.alarms, toAlarmSnapshots(read), at, events);
        tracked = { ...tracked, alarms, events: [...tracked.events, ...events] };
    };
    // Bounded by reads too: a clock that does not move (a test's) must not hold the run forever.
    const maxReads = Math.ceil(Math.max(0, remaining()) / (REREAD_MS * 0.8)) + 1;
    for (let reads = 0;; reads++) {
        track(alarms);
        const inAlarm = (alarms ?? []).filter(a => a.StateValue === 'ALARM' && a.AlarmName);
        if (inAlarm.length > 0) {
            return regressed(plan, tracked, verdict, inAlarm, { detection, from, until });
        }
        const wait = remaining();
        if (wait <= 0 || reads >= maxReads)
            break;
        if (deps.signal?.aborted) {
            return {
                verdict: {
                    ...verdict,
                    summary: `${verdict.summary} The watch after completion was cancelled before ${(0,time/* formatOffset */.xS)(until - startedAt)}: a failure of the new model at full traffic may not have reached the alarms yet.`
                },
                timeline: tracked,
                watch: { detectionSeconds: detection, from, until, ended: 'cancelled' }
            };
        }
        const spacing = deps.random ? REREAD_MS * (0.8 + 0.4 * deps.random()) : REREAD_MS;
        await deps.sleep(Math.min(wait, spacing), deps.signal);
        if (deps.signal?.aborted)
            continue;
        alarms = await read();
    }
    const watch = { detectionSeconds: detection, from, until };
    if (alarms === undefined && watching) {
        // The last read failed: the end of the window, when a late alarm fires, was not seen.
        const unread = `The guard alarms could not be read at the end of the watch after completion (${failedReads} read(s) failed): a failure of the new model at full traffic may not have been seen; check the alarms.`;
        deps.log.warning(unread);
        return {
            verdict: { ...verdict, summary: `${verdict.summary} ${unread}` },
            timeline: tracked,
            watch: { ...watch, ended: 'unread' }
        };
    }
    return { verdict, timeline: tracked, watch: { ...watch, ended: 'seen' } };
}
function regressed(plan, timeline, verdict, inAlarm, w) {
    const names = inAlarm.map(a => a.AlarmName);
    const times = inAlarm
        .map(a => (a.StateTransitionedTimestamp ?? a.StateUpdatedTimestamp)?.getTime())
        .filter((t) => t !== undefined && Number.isFinite(t));
    // When it fired (the row's time; never before the rollout began), at the traffic share of then.
    const firstAt = timeline.steps[0].at;
    const at = Math.max(times.length ? Math.min(...times) : w.from, firstAt);
    const before = timeline.steps.filter(s => s.at <= at);
    const share = before.at(-1) ?? timeline.steps[0];
    const completedAt = timeline.steps.at(-1).at;
    const noun = names.length === 1 ? 'alarm' : 'alarms';
    const alarmText = `${noun} ${names.join(', ')}`;
    const previous = timeline.oldConfigName ?? 'the previous config';
    const subject = plan.component ? `Model ${plan.greenModelName}` : plan.endpointConfigName;
    const row = {
        at,
        bluePercent: share.bluePercent,
        greenPercent: share.greenPercent,
        event: `${alarmText} in ALARM: SageMaker did not roll back`
    };
    // In time order: the alarm can fire before SageMaker's last row (while it terminates blue).
    const steps = [...before, row, ...timeline.steps.filter(s => s.at > at)];
    return {
        verdict: {
            ...verdict,
            outcome: 'regressed',
            triggeredAlarms: [...new Set([...verdict.triggeredAlarms, ...names])],
            failureReason: `Regressed: ${alarmText} went into ALARM and SageMaker did not roll back.`,
            summary: `${subject} serves all the traffic of ${plan.endpointName} and is failing: ${alarmText} went into ALARM at ${(0,time/* formatOffset */.xS)(at - timeline.startedAt)}; SageMaker completed the deployment at ${(0,time/* formatOffset */.xS)(completedAt - timeline.startedAt)} and did not roll back (it watches the alarms only while it bakes). To undo, deploy ${previous} again.`
        },
        timeline: { ...timeline, steps },
        watch: { detectionSeconds: w.detection, from: w.from, until: w.until, ended: 'alarm' }
    };
}

;// CONCATENATED MODULE: ./src/deploy/sequence.ts
// The deploy sequence behind run(), the same for every target (target.ts): pre-flight (reads),
// plan (pure), launch (the only writes), watch, verdict. Every failure becomes a verdict here, so
// report() always has something true to say; after a failed write that verdict rests on a read
// of the target, never on the error alone.


















const NOTHING_CHANGED = 'Nothing was changed in AWS.';
/** A left copy's restore that did not complete: it may have written part of the registration. */
class PartlyRestored extends preflight/* PreflightError */.wG {
}
const PARTLY_RESTORED = 'The restore may have registered part of it (it reads before it writes, so a re-run completes it); nothing else was changed in AWS.';
/** A pause that cancellation does not cut short (reads that find out what a write did). */
const pause = (ms) => new Promise(resolve => setTimeout(resolve, ms));
async function deploy(o) {
    const target = await targetOf(o);
    const ready = await sequence_preflight(o, target);
    if (!('found' in ready))
        return ready;
    const { found } = ready;
    if (found.alreadyLive) {
        const { line, verdict } = target.alreadyLive(found);
        actionLog.info(line);
        return { plan: found.plan, current: found.current, timeline: undefined, verdict };
    }
    if (o.request.dryRun) {
        return {
            plan: found.plan,
            current: found.current,
            timeline: undefined,
            verdict: (0,src_verdict/* planned */.lM)(found.plan, 'Plan only (dry-run): nothing was changed in AWS.')
        };
    }
    if (o.signal?.aborted) {
        return {
            plan: found.plan,
            current: found.current,
            timeline: undefined,
            verdict: (0,src_verdict/* cancelledBefore */.bE)(`Cancelled before launch. ${NOTHING_CHANGED}`)
        };
    }
    const gate = found.attached ? undefined : await gateFor(o, found.plan);
    if (gate) {
        core.startGroup(`Verification gate: baseline on the live endpoint`);
        let refusal;
        try {
            refusal = await gate.baselineOnBlue();
        }
        finally {
            core.endGroup();
        }
        if (refusal || o.signal?.aborted) {
            const why = refusal ?? 'Cancelled during the verification baseline.';
            return {
                plan: found.plan,
                current: found.current,
                timeline: undefined,
                verdict: (refusal ? src_verdict/* failedBefore */.tx : src_verdict/* cancelledBefore */.bE)(`${why} ${NOTHING_CHANGED}`, why),
                gate: await gate.stop()
            };
        }
    }
    const { saved, reregister } = ready.scaling;
    if (!reregister || !saved)
        return launchAndWatch(o, target, ready, undefined, gate);
    // Auto scaling is deregistered just before the update; whatever happens, it is put back.
    const aas = await o.api.autoScaling();
    const arn = ready.found.current?.endpointArn;
    const copy = copyTags(saved, o.run.runId);
    let deregistered = false;
    const result = await launchAndWatch(o, target, ready, async () => {
        // Kept where it survives this runner first: the outputs and summary, and tags on the endpoint
        // that the next run of the action finds.
        if (!arn || !copy) {
            throw new Error(`Auto scaling of ${saved.resourceId} is not deregistered: there is nowhere to keep a copy of it that outlives this run (${arn ? 'too large for the endpoint tags' : 'the endpoint ARN is unknown'}).`);
        }
        await o.onScalingSaved?.(saved);
        await o.api.addTags(arn, copy);
        actionLog.info(`Saved auto scaling of ${saved.resourceId} (in the auto-scaling output, and tags ${COPY_KEY}* on the endpoint until it is restored): ${scalingJson(saved)}`);
        // From the moment the call is sent it may have been applied (a lost answer, a cancellation):
        // the restore, which reads before it writes, runs whatever the call's fate.
        deregistered = true;
        await deregister(aas, saved, actionLog);
    }, gate);
    if (!deregistered)
        return result;
    const autoScaling = await restore(aas, saved, actionLog, clockOf(o));
    if (!autoScaling.restored) {
        return { ...result, autoScaling, verdict: notRestored(result.verdict, autoScaling) };
    }
    await forgetCopy(o.api, arn, copy);
    return { ...result, autoScaling };
}
const clockOf = (o) => ({ now: o.now, sleep: o.pause ?? pause, random: Math.random });
/** The copy on the endpoint is no longer needed; left behind, the next run finds it identical. */
async function forgetCopy(api, arn, tags) {
    if (!arn || !tags)
        return;
    try {
        await api.deleteTags(arn, tags.map(t => t.Key), { ignoreCancel: true });
    }
    catch (e) {
        actionLog.warning(`Could not remove the saved auto scaling tags (${COPY_KEY}*) from the endpoint: ${(0,src_errors/* errorMessage */.gJ)(e)}. The next run finds them, sees auto scaling as saved, and removes them.`);
    }
}
/**
 * A copy of auto scaling that an earlier run deregistered and did not restore (its runner died,
 * or the restore failed): restored before anything else, or the run stops here.
 */
async function restoreLeftCopy(o, current) {
    const tags = current?.endpointTags;
    if (!current?.endpointArn || !tags || tags[COPY_KEY] === undefined)
        return;
    const found = copyFromTags(tags);
    if (!found) {
        throw new preflight/* PreflightError */.wG(`The endpoint carries an incomplete copy of auto scaling an earlier run deregistered (tags ${COPY_KEY}*), which cannot be read back. Check Application Auto Scaling for the endpoint's variants, register what is missing, then delete those tags.`);
    }
    const from = `run ${found.runId}`;
    if (o.request.dryRun) {
        actionLog.warning(`Auto scaling of ${found.saved.resourceId} was deregistered by ${from} and may not be restored (tags ${COPY_KEY}* on the endpoint): a real run restores it first.`);
        return;
    }
    actionLog.info(`The endpoint carries auto scaling that ${from} deregistered for its update (${describeScaling(found.saved)}): restoring it before anything else.`);
    const report = await restore(await o.api.autoScaling(), found.saved, actionLog, clockOf(o));
    if (!report.restored) {
        throw new PartlyRestored(`Auto scaling of ${found.saved.resourceId}, deregistered by ${from}, could not be restored (${report.errors.join('; ')}). Register it again from tags ${COPY_KEY}* or the auto-scaling output of that run: ${scalingJson(found.saved)}`);
    }
    await forgetCopy(o.api, current.endpointArn, found.keys.map(Key => ({ Key })));
}
/** A restore that did not complete fails the job, whatever the deployment did (said too). */
function notRestored(verdict, report) {
    const what = `Auto scaling of ${report.saved.resourceId} was deregistered for the update and is not restored (${report.errors.join('; ')})`;
    return {
        ...verdict,
        outcome: 'failed',
        failureReason: `${what}.`,
        summary: `${what}: the job fails. Register it again with the commands below (also in the auto-scaling output). The deployment itself: ${verdict.outcome}. ${verdict.summary}`
    };
}
/**
 * An update SageMaker applies all at once with no bake (guardrails exclude it) is refused unless
 * the step accepts it; then the headline says so.
 */
function acceptExclusion(request, plan, excluded) {
    if (excluded === undefined)
        return plan;
    if (!request.acceptUnguardedUpdate) {
        throw new preflight/* PreflightError */.wG(`${excluded} Refused before any change: deploy to a type that guardrails cover (e.g. ml.inf2 for Inferentia) or a model built from the package's artifact, or set accept-unguarded-update: true to accept an unguarded update.`);
    }
    const risk = `Unguarded update (accept-unguarded-update: true). ${excluded}`;
    actionLog.warning(risk);
    return { ...plan, unguardedFinalStep: risk };
}
/** The target this step updates: an inference component, or the endpoint's variant. */
async function targetOf(o) {
    const context = { ...o, log: actionLog, sleep: (ms) => o.sleep(ms, o.signal) };
    const name = o.request.inferenceComponentName;
    if (name === undefined)
        return endpointTarget(context);
    // A small chunk of its own: endpoint runs never load it.
    const { componentTarget } = await __webpack_require__.e(/* import() */ 905).then(__webpack_require__.bind(__webpack_require__, 1905));
    return componentTarget(context, name);
}
/** Reads only: the live target, the plan against it, the alarms and auto scaling. */
async function sequence_preflight(o, target) {
    const { request } = o;
    let plan;
    let current;
    core.startGroup(`Pre-flight: ${target.preflightTitle}`);
    try {
        let found;
        try {
            found = await target.read(o.now() + (request.timeoutMinutes ?? 30) * 60 * 1000);
        }
        catch (e) {
            // A dry run can still say what it would do, but not whether the target exists.
            if (!(request.dryRun && (0,aws_api/* isFatal */.BG)(e)))
                throw e;
            return target.unreadableDryRun(e);
        }
        ;
        ({ plan, current } = found);
        actionLog.info(target.liveLine(found));
        (0,secrets/* registerSecrets */.dg)(plan.secretValues);
        for (const note of found.notes)
            actionLog.warning(note);
        for (const note of plan.notes)
            actionLog.info(note);
        for (const warning of plan.warnings)
            actionLog.warning(warning);
        if (plan.carriedOver.length) {
            actionLog.info(`Carried over from the ${target.carriedFrom}: ${plan.carriedOver.join('; ')}.`);
        }
        const short = (0,preflight/* shortTimeout */.gR)(request, plan);
        if (short && !found.attached && !found.alreadyLive) {
            if (!request.dryRun)
                throw new preflight/* PreflightError */.wG(short);
            actionLog.warning(short);
        }
        let existingAlarms;
        let scaling = { saved: undefined, reregister: false, note: undefined };
        // Not while a deployment runs (its run, if alive, restores what it took down).
        if (!found.attached)
            await restoreLeftCopy(o, current ?? null);
        // Attached to a running deployment, its alarms may be firing because of it: no check.
        if (!found.attached && !found.alreadyLive) {
            try {
                existingAlarms = await (0,preflight/* checkAlarms */.Tx)(request, plan, { api: o.api, log: actionLog });
                const guard = guardFacts(request, plan, guardTimings(plan, existingAlarms, request.metricDelaySeconds));
                if (guard)
                    plan = { ...plan, guard };
                if (unguardedFinalStep(guard)) {
                    const retained = guard.retained === true;
                    if (!retained && !request.acceptUnguardedFinalStep)
                        throw new preflight/* PreflightError */.wG(finalStepRefusal(guard));
                    const risk = retained ? retainedRiskText(guard) : acceptedRiskText(guard);
                    actionLog.warning(risk);
                    plan = { ...plan, unguardedFinalStep: risk };
                }
                // What the new model names (artifact, image, package): before CreateModel, not after it.
                const artifacts = await refuseBadArtifacts(plan, o.api, actionLog, {
                    requireApproved: request.requireApprovedPackage
                });
                const marketplace = artifacts?.marketplace === true;
                plan = acceptExclusion(request, plan, target.guardrailExclusion(plan, marketplace));
                if (current) {
                    scaling = await checkAutoScaling(o.api, {
                        endpointName: plan.endpointName,
                        variantName: plan.variantName,
                        liveInstanceType: current.instanceType,
                        greenInstanceType: plan.instanceType,
                        mode: request.onAutoScaling,
                        log: actionLog
                    });
                    if (scaling.note) {
                        actionLog.info(scaling.note);
                        plan = { ...plan, notes: [...plan.notes, scaling.note] };
                    }
                }
                // The peak fleet against the account's instance quota (endpoint targets only).
                if (request.inferenceComponentName === undefined) {
                    const capacity = await checkCapacity(plan, current, o.api, actionLog);
                    if (capacity.refusal)
                        throw new preflight/* PreflightError */.wG(capacity.refusal);
                    if (capacity.note)
                        actionLog.info(capacity.note);
                    if (capacity.note)
                        plan = { ...plan, notes: [...plan.notes, capacity.note] };
                }
            }
            catch (e) {
                // A plan still shows what would happen; a deployment stops here.
                if (!request.dryRun)
                    throw e;
                actionLog.warning((0,src_errors/* errorMessage */.gJ)(e));
            }
        }
        return { found: { ...found, plan }, existingAlarms, scaling };
    }
    catch (e) {
        const message = (0,src_errors/* sentence */.em)((0,src_errors/* errorMessage */.gJ)(e));
        // A read cut off by the cancellation: the run was cancelled, not refused.
        return {
            plan,
            current,
            timeline: undefined,
            verdict: ((0,aws_api/* isCancelled */.mm)(e) ? src_verdict/* cancelledBefore */.bE : src_verdict/* failedBefore */.tx)(`${message}${preflightHint(e)} ${e instanceof PartlyRestored ? PARTLY_RESTORED : NOTHING_CHANGED}`, message)
        };
    }
    finally {
        core.endGroup();
    }
}
/** The only writes, then the watch to a verdict. */
async function launchAndWatch(o, target, ready, beforeUpdate, gate) {
    if (!gate)
        return launchAndWatchGated(o, target, ready, beforeUpdate, undefined);
    const result = await launchAndWatchGated(o, target, ready, beforeUpdate, gate);
    return { ...result, gate: await gate.stop() };
}
/** The step's verification gate, when it has one (guard/gate): its calls load only then. */
async function gateFor(o, plan) {
    const request = o.request.gate;
    if (!plan.gate || !request || o.request.dryRun)
        return undefined;
    const api = await o.api.gate?.();
    if (!api)
        return undefined;
    const { Gate } = await __webpack_require__.e(/* import() */ 507).then(__webpack_require__.bind(__webpack_require__, 6507));
    return new Gate(plan.gate, request, {
        api,
        endpointName: plan.endpointName,
        region: plan.region,
        cwd: process.env['GITHUB_WORKSPACE'] || process.cwd(),
        log: actionLog,
        now: o.now,
        sleep: o.sleep,
        pause: o.pause ?? pause,
        redact: secrets/* redact */.E$,
        ...(o.signal ? { signal: o.signal } : {})
    });
}
async function launchAndWatchGated(o, target, { found, existingAlarms }, beforeUpdate, gate) {
    const { request, api } = o;
    const { current } = found;
    let plan = found.plan;
    let requestedAt = o.now();
    let created = { model: undefined, config: undefined };
    if (!found.attached) {
        core.startGroup(target.launchTitle(plan));
        let launched;
        try {
            launched = await (0,launch/* launchWith */.AA)(plan, target.write, {
                api,
                log: actionLog,
                run: o.run,
                now: o.now,
                sleep: ms => o.sleep(ms, o.signal),
                pause: o.pause ?? pause,
                ...(o.signal ? { signal: o.signal } : {}),
                ...(existingAlarms ? { existingAlarms } : {}),
                ...(beforeUpdate ? { beforeUpdate } : {})
            });
        }
        finally {
            core.endGroup();
        }
        plan = launched.plan;
        created = launched.created;
        if (launched.kind === 'already-live') {
            const { verdict } = target.alreadyLive({ ...found, plan });
            return { plan, current, timeline: undefined, verdict };
        }
        if (launched.kind === 'not-started')
            return notStarted(o, target, plan, current, launched);
        requestedAt = launched.requestedAt;
        gate?.start();
        if (o.signal?.aborted) {
            const verdict = target.cancelledAfterStart(plan, launched);
            const said = gate ? ` ${await gate.onCancel()}` : '';
            return {
                plan,
                current,
                timeline: undefined,
                verdict: { ...verdict, summary: verdict.summary + said }
            };
        }
    }
    const { ctx, start, rolling, component, startedOnly } = target.watchSetup(plan, found, requestedAt);
    await o.onProgress?.(plan, start);
    if (!request.wait)
        return { plan, current, timeline: start, verdict: startedOnly };
    // The gate follows the traffic the watch sees: each new share of green is a step of its own.
    const onProgress = async (p, t) => {
        const green = t.batches?.at(-1)?.newPercent ?? t.steps.at(-1)?.greenPercent;
        if (green !== undefined)
            gate?.observe(green);
        await o.onProgress?.(p, t, gate?.snapshot());
    };
    const watched = await watchRollout({
        api,
        request,
        plan,
        ctx,
        start,
        requestedAt,
        log: actionLog,
        now: o.now,
        sleep: o.sleep,
        ...(o.signal ? { signal: o.signal } : {}),
        onProgress,
        ...(rolling ? { rolling } : {}),
        ...(component ? { component } : {})
    });
    // SageMaker no longer watches the alarms once it completes: this run does, until they can
    // have seen the new model at full traffic.
    const after = await watchAfterCompletion(plan, watched.timeline, watched.verdict, request.metricDelaySeconds, {
        api,
        now: o.now,
        sleep: o.sleep,
        log: actionLog,
        random: Math.random,
        ...(o.signal ? { signal: o.signal } : {})
    });
    let result = { timeline: after.timeline, verdict: gateVerdict(gate, after.verdict) };
    if (gate && o.signal?.aborted && after.verdict.outcome !== 'deployed') {
        const said = await gate.onCancel();
        result = {
            ...result,
            verdict: { ...result.verdict, summary: `${result.verdict.summary} ${said}` }
        };
    }
    if (result.timeline.steps !== watched.timeline.steps)
        await o.onProgress?.(plan, result.timeline);
    if (result.verdict.outcome === 'regressed')
        result = await onRegression(o, plan, result);
    if (request.cleanupOnFailure &&
        (result.verdict.outcome === 'rolled-back' || result.verdict.outcome === 'failed') &&
        result.verdict.finalStatus === 'InService' &&
        !o.signal?.aborted) {
        await cleanupQuietly(api, target, plan, created);
    }
    let verdict = await withOther(o, result.timeline, result.verdict);
    if (plan.restore && verdict.outcome === 'deployed') {
        verdict = {
            ...verdict,
            summary: `Restored on request (rollback-to: ${plan.restore.requested}): ${verdict.summary}`
        };
    }
    return { plan, current, timeline: result.timeline, verdict };
}
/** A rollback the gate caused says which check failed (the alarm alone says only "gate"). */
function gateVerdict(gate, verdict) {
    const why = gate?.failure();
    if (!why || verdict.outcome === 'deployed')
        return verdict;
    return { ...verdict, summary: `${verdict.summary} The verification gate failed: ${why}` };
}
/** SageMaker no longer rolls back: the action does, when the step asks for it. */
async function onRegression(o, plan, r) {
    if (o.request.onRegression !== 'rollback')
        return r;
    if (plan.component) {
        const verdict = {
            ...r.verdict,
            summary: `${r.verdict.summary} (on-regression: rollback applies to endpoints only: deploy the previous model to this inference component.)`
        };
        return { ...r, verdict };
    }
    core.startGroup(`Rolling back ${plan.endpointName} (on-regression: rollback)`);
    try {
        const back = await (0,regression_rollback/* rollBackRegression */.sj)(plan, r.timeline, r.verdict, {
            api: o.api,
            now: o.now,
            sleep: o.sleep,
            log: actionLog,
            pollIntervalMs: o.request.pollIntervalSeconds * 1000,
            budgetMs: regression_rollback/* ROLLBACK_BUDGET_MS */.ui,
            ...(o.signal ? { signal: o.signal } : {})
        });
        await o.onProgress?.(plan, back.timeline);
        return { timeline: back.timeline, verdict: back.verdict };
    }
    finally {
        core.endGroup();
    }
}
/** Another deployment that came after this run's: who made it and when, when its tags say. */
async function withOther(o, t, verdict) {
    const other = t.other;
    if (!other)
        return verdict;
    const kind = o.request.inferenceComponentName === undefined ? 'config' : 'model';
    const who = await whoMade(o.api, kind, other.configName);
    if (!who)
        return verdict;
    return { ...verdict, summary: `${verdict.summary} ${other.configName} was ${who}.` };
}
async function cleanupQuietly(api, target, plan, created) {
    try {
        await target.cleanup(api, plan, created, actionLog);
    }
    catch (e) {
        actionLog.warning(`Cleanup failed (nothing live was touched): ${(0,src_errors/* errorMessage */.gJ)(e)}`);
    }
}
/** The write was not applied (or never sent): say what a read proved, and no more. */
async function notStarted(o, target, plan, current, launched) {
    const { state, cancelled, created } = launched;
    const error = (0,src_errors/* sentence */.em)(launched.error);
    const operation = target.write.operation(plan);
    const words = target.notStartedWords(plan, current, error);
    let summary;
    if (state === undefined) {
        summary = `${cancelled ? error : `Launch failed: ${error}`} ${words.subject} was not changed: no ${operation} was sent.`;
    }
    else if (state.kind === 'not-applied') {
        summary = `${cancelled ? `Cancelled while ${operation} was in flight` : `Launch failed: ${error}`} A read of ${words.read} afterwards shows it ${state.seen}: this run did not change it.${words.notAppliedHint}`;
    }
    else {
        summary = `${cancelled ? `Cancelled while ${operation} was in flight.` : `Launch failed: ${error}`} Whether SageMaker applied the ${operation} is unknown: ${state.seen}. Look at the ${words.lookAt} before anything else${words.unknownTail}.`;
    }
    // Only what a read proved unused, only when this run made it, never after a cancellation.
    const proven = state === undefined || state.kind === 'not-applied';
    const cleaned = o.request.cleanupOnFailure && proven && !cancelled && (created.model || created.config);
    if (cleaned)
        await cleanupQuietly(o.api, target, plan, created);
    // Before a write that was sent, say what the run wrote for it (the error of an unsent one does).
    const made = (0,launch/* createdList */.RT)(created);
    if (state !== undefined && made.length) {
        summary += ` Written for it before: ${made.join(' and ')}${cleaned ? ' (cleanup-on-failure then removes what nothing uses: see the log)' : ''}.`;
    }
    const verdict = (cancelled ? src_verdict/* cancelledBefore */.bE : src_verdict/* failedBefore */.tx)(summary, error);
    return { plan, current, timeline: undefined, verdict };
}


/***/ }),

/***/ 7474:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ nothingPlanned)
/* harmony export */ });
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3138);

/** A dry run that could not plan at all: the summary says why. */
function nothingPlanned(summary) {
    return {
        plan: undefined,
        current: undefined,
        timeline: undefined,
        verdict: (0,_verdict_js__WEBPACK_IMPORTED_MODULE_0__/* .planned */ .lM)(undefined, `Dry run: no plan could be made, nothing was changed: ${summary}`)
    };
}


/***/ }),

/***/ 1193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I6: () => (/* binding */ rollbackRequest),
/* harmony export */   Nx: () => (/* binding */ ACTION_ROLLBACK_EVENT),
/* harmony export */   sj: () => (/* binding */ rollBackRegression),
/* harmony export */   ui: () => (/* binding */ ROLLBACK_BUDGET_MS)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _report_time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5813);
/* harmony import */ var _watch_service_clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2915);



/** How the traffic row of the action's finished rollback starts (the metrics' phases read it). */
const ACTION_ROLLBACK_EVENT = 'rolled back by the action';
/** The previous fleet is provisioned again: as long as pre-flight allows a green fleet. */
const ROLLBACK_BUDGET_MS = 1800_000;
/** The request: the previous config, all at once, no bake, no alarm. */
function rollbackRequest(endpointName, previous) {
    return {
        EndpointName: endpointName,
        EndpointConfigName: previous,
        DeploymentConfig: {
            BlueGreenUpdatePolicy: {
                TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
                TerminationWaitInSeconds: 0
            }
        }
    };
}
async function rollBackRegression(plan, timeline, verdict, deps) {
    const previous = timeline.oldConfigName ?? plan.previousConfigName;
    // Each outcome says what to do now: the verdict's own "to undo, deploy X again" goes.
    const say = (text, t = timeline, rolledBack = false) => ({
        verdict: {
            ...verdict,
            summary: `${verdict.summary.replace(/ To undo, deploy \S+ again\.$/, '')} ${text}`
        },
        timeline: t,
        rolledBack
    });
    if (previous === undefined)
        return say('There is no previous config to roll back to.');
    if (deps.signal?.aborted) {
        return say(`The job was cancelled before the action could roll back to ${previous}: deploy it again to undo.`);
    }
    // Reads only: is there something to go back to?
    const missing = await missingParts(deps, previous);
    if (missing !== undefined) {
        deps.log.warning(missing);
        return say(missing);
    }
    const request = rollbackRequest(plan.endpointName, previous);
    deps.log.info(`on-regression: rollback. UpdateEndpoint ${plan.endpointName} → ${previous}, all at once, no alarm (the one in ALARM would roll it back).`);
    const sentAt = serviceAt(timeline, deps);
    let sendError;
    try {
        await deps.api.updateEndpoint(request, { deadlineMs: 60_000 });
    }
    catch (e) {
        sendError = e;
    }
    if (sendError !== undefined) {
        const cancelled = deps.signal?.aborted === true;
        const read = await readEndpoint(deps, plan.endpointName);
        const seen = read === undefined ? 'unknown' : judge(read, plan, previous);
        const error = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(sendError);
        if (seen === 'not-applied') {
            return say(`${cancelled ? 'The job was cancelled while the action rolled back' : `The rollback to ${previous} failed: ${error}.`} A read afterwards shows the endpoint still on ${read?.config ?? '?'}: not rolled back. Deploy ${previous} again.`);
        }
        if (seen === 'unknown') {
            return say(`Whether the rollback to ${previous} was applied is unknown (${error}; the endpoint is ${describe(read)}). Look at the endpoint before anything else.`);
        }
        if (cancelled) {
            return say(`The job was cancelled after SageMaker accepted the rollback to ${previous}: it goes on unwatched (the endpoint is ${describe(read)}).`, withRow(timeline, sentAt, 100, `rolling back to ${previous} (on-regression)`));
        }
        deps.log.info(`The rollback's answer was lost (${error}); a read shows it applied.`);
    }
    let t = withRow(timeline, sentAt, 100, `rolling back to ${previous} (on-regression): all at once`);
    const deadline = deps.now() + deps.budgetMs;
    for (;;) {
        if (deps.signal?.aborted) {
            return say(`The job was cancelled after SageMaker accepted the rollback to ${previous}: it goes on unwatched.`, t);
        }
        await deps.sleep(deps.pollIntervalMs, deps.signal);
        if (deps.signal?.aborted)
            continue;
        const read = await readEndpoint(deps, plan.endpointName);
        if (read === undefined) {
            if (deps.now() >= deadline)
                break;
            continue;
        }
        if (read.status === 'InService' && read.config === previous && read.pending === undefined) {
            const at = read.modified ?? serviceAt(t, deps);
            t = withRow(t, at, 0, `${ACTION_ROLLBACK_EVENT}: ${previous} serves all the traffic`);
            deps.log.info(`Rolled back to ${previous} at ${(0,_report_time_js__WEBPACK_IMPORTED_MODULE_1__/* .formatOffset */ .xS)(at - t.startedAt)}.`);
            return say(`The action rolled it back (on-regression: rollback): ${previous} serves all the traffic again since ${(0,_report_time_js__WEBPACK_IMPORTED_MODULE_1__/* .formatOffset */ .xS)(at - t.startedAt)}.`, t, true);
        }
        if (read.status === 'Failed' || read.status === 'UpdateRollbackFailed') {
            return say(`The rollback to ${previous} failed: the endpoint is ${read.status}${read.reason ? ` (${read.reason})` : ''}. Look at the endpoint before anything else.`, t);
        }
        if (read.status === 'InService' && read.config !== previous && read.pending === undefined) {
            return say(`The rollback to ${previous} did not take: the endpoint is InService on ${read.config ?? '?'}${read.reason ? ` (${read.reason})` : ''}. Deploy ${previous} again.`, t);
        }
        if (deps.now() >= deadline)
            break;
    }
    return say(`The rollback to ${previous} had not finished when the action stopped waiting: SageMaker goes on. Look at the endpoint.`, t);
}
/** The previous config, or one of its models, deleted (or unreadable): never write then. */
async function missingParts(deps, previous) {
    const cannot = `The action cannot roll back to ${previous}:`;
    try {
        const config = await deps.api.describeEndpointConfig(previous, { deadlineMs: 30_000 });
        if (config === undefined) {
            return `${cannot} that endpoint config no longer exists. Deploy the previous model again.`;
        }
        for (const variant of config.ProductionVariants ?? []) {
            if (variant.ModelName === undefined)
                continue;
            const model = await deps.api.describeModel(variant.ModelName, { deadlineMs: 30_000 });
            if (model === undefined) {
                return `${cannot} its model ${variant.ModelName} no longer exists. Deploy the previous model again.`;
            }
        }
        return undefined;
    }
    catch (e) {
        return `${cannot} reading it failed (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}), so nothing was written. Deploy the previous model again.`;
    }
}
async function readEndpoint(deps, endpointName) {
    try {
        const ep = await deps.api.describeEndpoint(endpointName, {
            deadlineMs: 30_000,
            ignoreCancel: true
        });
        return ep === undefined
            ? undefined
            : {
                status: ep.EndpointStatus,
                config: ep.EndpointConfigName,
                pending: ep.PendingDeploymentSummary?.EndpointConfigName,
                modified: ep.LastModifiedTime?.getTime(),
                reason: ep.FailureReason
            };
    }
    catch {
        return undefined;
    }
}
function judge(read, plan, previous) {
    if (read.pending === previous)
        return 'applied';
    if (read.status === 'InService' && read.config === previous)
        return 'done';
    if (read.status === 'InService' && read.config === plan.endpointConfigName)
        return 'not-applied';
    return 'unknown';
}
function describe(read) {
    if (read === undefined)
        return 'unreadable';
    return `${read.status ?? '?'} on ${read.config ?? '?'}${read.pending ? `, updating to ${read.pending}` : ''}`;
}
/** Now on the service's clock, never before the table's last row (rows stay in time order). */
function serviceAt(t, deps) {
    const last = t.steps.at(-1)?.at ?? t.startedAt;
    return Math.max((0,_watch_service_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .serviceNow */ .UH)(t.serviceClock, deps.now()) ?? last, last);
}
/** A row; one at the same time and split as the last (the alarm's) joins it, no empty step. */
function withRow(t, at, greenPercent, event) {
    const last = t.steps.at(-1);
    if (last !== undefined && last.at === at && last.greenPercent === greenPercent) {
        return { ...t, steps: [...t.steps.slice(0, -1), { ...last, event: `${last.event}; ${event}` }] };
    }
    const row = { at, bluePercent: 100 - greenPercent, greenPercent, event };
    return { ...t, steps: [...t.steps, row] };
}


/***/ }),

/***/ 6871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ol: () => (/* binding */ HEADLINES),
/* harmony export */   SL: () => (/* binding */ HEADLINE_TEXTS),
/* harmony export */   a4: () => (/* binding */ NO_ROLLBACK_REASON),
/* harmony export */   aU: () => (/* binding */ headlineFor),
/* harmony export */   nl: () => (/* binding */ IN_PROGRESS_HEADLINE)
/* harmony export */ });
/* unused harmony export headlineKind */
const IN_PROGRESS_HEADLINE = '⏳ In progress';
const HEADLINE_TEXTS = {
    deployed: '✅ Deployed',
    'rolled-back-by-alarm': '❌ Rolled back by alarm',
    'rolled-back-by-health-check': '❌ Rolled back by health check',
    'rolled-back-by-timeout': '❌ Rolled back by timeout',
    'rolled-back': '❌ Rolled back',
    regressed: '❌ Regressed after completion',
    'update-rollback-failed': '❌ Update rollback failed, fleets mixed',
    failed: '❌ Failed',
    refused: '❌ Inputs refused',
    cancelled: '🛑 Cancelled',
    'cancelled-unwatched': '🛑 Cancelled, SageMaker continues unwatched',
    'timed-out': '⏱️ Timed out',
    started: '🚀 Started',
    planned: '📝 Planned',
    'planned-live-unknown': '📝 Planned, endpoint state unknown',
    'planned-without-access': '📝 Planned without access to AWS'
};
/** The plain headline of each outcome, when nothing more is known than the outcome. */
const HEADLINES = {
    deployed: HEADLINE_TEXTS.deployed,
    regressed: HEADLINE_TEXTS.regressed,
    'rolled-back': HEADLINE_TEXTS['rolled-back'],
    failed: HEADLINE_TEXTS.failed,
    cancelled: HEADLINE_TEXTS.cancelled,
    'timed-out': HEADLINE_TEXTS['timed-out'],
    started: HEADLINE_TEXTS.started,
    planned: HEADLINE_TEXTS.planned
};
/** The failure reason a rollback verdict carries when SageMaker gave none and no alarm fired. */
const NO_ROLLBACK_REASON = 'Rolled back (SageMaker gave no reason).';
/** The new fleet did not come up: its containers or instances failed SageMaker's checks. */
const HEALTH_REASON = /health ?check|\bping\b|container/i;
/** SageMaker's MaximumExecutionTimeoutInSeconds ran out (its reason's wording is not documented). */
const TIMEOUT_REASON = /MaximumExecutionTimeout|time(d)? ?out/i;
/** An alarm rolled it back, though none of the watched ones was named or seen in ALARM. */
const ALARM_REASON = /\balarm/i;
/** Statuses in which SageMaker is still working on the deployment. */
const WORKING = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack']);
/** What caused a rollback: the alarms that fired, else SageMaker's failure reason. */
function rollbackKind(verdict) {
    if (verdict.triggeredAlarms.length > 0)
        return 'rolled-back-by-alarm';
    const reason = verdict.failureReason?.trim() ?? '';
    if (reason === '' || reason === NO_ROLLBACK_REASON)
        return 'rolled-back';
    if (HEALTH_REASON.test(reason))
        return 'rolled-back-by-health-check';
    if (TIMEOUT_REASON.test(reason))
        return 'rolled-back-by-timeout';
    if (ALARM_REASON.test(reason))
        return 'rolled-back-by-alarm';
    // No alarm, and a reason that names no known cause: the plain headline, the reason below it.
    return 'rolled-back';
}
/** The headline's kind: the outcome, refined by what the verdict knows. */
function headlineKind(verdict, plan) {
    switch (verdict.outcome) {
        case 'rolled-back':
            return rollbackKind(verdict);
        case 'failed':
            return verdict.finalStatus === 'UpdateRollbackFailed' ? 'update-rollback-failed' : 'failed';
        case 'cancelled':
            return WORKING.has(verdict.finalStatus ?? '') ? 'cancelled-unwatched' : 'cancelled';
        case 'planned':
            // No plan at all: the dry run could not read what it would change.
            if (plan === undefined)
                return 'planned-without-access';
            return plan.liveUnknown === undefined ? 'planned' : 'planned-live-unknown';
        default:
            return verdict.outcome;
    }
}
/** The headline's text (`## <text>: <endpoint>` in the summary). */
function headlineFor(verdict, plan) {
    return HEADLINE_TEXTS[headlineKind(verdict, plan)];
}


/***/ }),

/***/ 6472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ formatEvent),
/* harmony export */   y: () => (/* binding */ formatStep)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4285);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5813);
// One-line log messages while watching (plain text for the Actions log, not Markdown).


// One line each: service text with a newline could otherwise start a `::command::` line.
function oneLine(text) {
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .singleLine */ .pF)(text).trim();
}
/** `[T+1 min] first step shifted` */
function formatEvent(event, startedAt) {
    return `[${(0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .formatOffset */ .xS)(event.at - startedAt)}] ${oneLine(event.message)}`;
}
/** `[T+1 min] green 25% / blue 75% — first step shifted` */
function formatStep(step, startedAt) {
    const split = `green ${(0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPercent */ .l9)(step.greenPercent)} / blue ${(0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPercent */ .l9)(step.bluePercent)}`;
    const event = oneLine(step.event);
    return `[${(0,_time_js__WEBPACK_IMPORTED_MODULE_1__/* .formatOffset */ .xS)(step.at - startedAt)}] ${split}${event === '' ? '' : ` — ${event}`}`;
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   NQ: () => (/* binding */ VERDICT_TEXT_LENGTH),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   ey: () => (/* binding */ requestBlocks),
/* harmony export */   fj: () => (/* binding */ join),
/* harmony export */   lS: () => (/* binding */ raw),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   pF: () => (/* binding */ singleLine),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
/* unused harmony exports MAX_TEXT_LENGTH, BREAK, truncate, escapeHtml */
// Markdown building blocks for the job summary and the PR comment. Service and user text
// (FailureReason, alarm reasons, names, inputs) goes through escapeMarkdown so it renders as
// the literal text it is: no markup, HTML, links, images, mentions, emoji or table breaks.
const MAX_TEXT_LENGTH = 500;
/** The verdict's own sentences (what happened, what to do) are never cut short. */
const VERDICT_TEXT_LENGTH = 2000;
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/**
 * Characters that start or end inline markup; a backslash makes each one literal. Parentheses
 * need none: with `[` and `]` escaped they can never form a link.
 */
const BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '!', '~', '|', '$', '#']);
/**
 * An empty HTML comment: invisible, but it splits the text node GitHub scans for @mentions,
 * #123 references, :emoji: and autolinks. Backslashes and entities do not stop those: GitHub
 * finds them after the Markdown is rendered.
 */
const BREAK = '<!-- -->';
/** Whether a BREAK goes after `char` when `next` follows it. */
function needsBreak(char, next) {
    if (char === '@')
        return true;
    // `#1`, `:tada:`, `http://`, `mailto:x`; a colon before a space stays as it is.
    return (char === '#' || char === ':') && /^[\p{L}\p{N}/+_-]/u.test(next);
}
/** Newlines and other control characters become one space; runs of spaces collapse. */
function singleLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ');
}
/** Cuts text to maxLength characters (code points, never half a surrogate pair) with `…`. */
function truncate(text, maxLength = MAX_TEXT_LENGTH) {
    const chars = Array.from(text);
    if (chars.length <= maxLength)
        return text;
    return `${chars.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}
function escapeChars(flat, escapeChar) {
    const chars = Array.from(flat);
    let out = '';
    chars.forEach((char, i) => {
        out += escapeChar(char);
        if (needsBreak(char, chars[i + 1] ?? ''))
            out += BREAK;
    });
    // `www.` autolinks without a scheme.
    return out.replace(/(www)\./gi, `$1${BREAK}.`);
}
/** Makes service or user text render literally, on one line, at most ~500 characters. */
function escapeMarkdown(text, options = {}) {
    const flat = truncate(singleLine(text).trim(), options.maxLength ?? MAX_TEXT_LENGTH);
    const out = escapeChars(flat, char => {
        const entity = ENTITIES[char];
        if (entity !== undefined)
            return entity;
        return BACKSLASHED.has(char) ? `\\${char}` : char;
    });
    // List and heading markers only matter at the start of a line.
    return out.replace(/^[-+=]/, '\\$&').replace(/^(\d+)\./, '$1\\.');
}
/** Trusted Markdown (built by this module's callers from escaped parts). */
function raw(markdown) {
    return { markdown };
}
/** Inline code that survives any backticks in the text. */
function code(value) {
    const flat = truncate(singleLine(value), MAX_TEXT_LENGTH);
    if (flat === '')
        return { markdown: '' };
    const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longestRun + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return { markdown: `${fence}${pad}${flat}${pad}${fence}` };
}
/** A fenced code block whose fence is longer than any backtick run in the content. */
function codeBlock(content, language = '') {
    const longestRun = Math.max(2, ...(content.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longestRun + 1);
    return `${fence}${language}\n${content}\n${fence}`;
}
/** A link whose text is escaped; only http(s) targets are kept, anything else is plain text. */
function link(label, url) {
    const escaped = escapeMarkdown(label);
    if (url === undefined || !/^https?:\/\//i.test(url))
        return { markdown: escaped };
    const target = url.replace(/[\s()<>"]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return { markdown: `[${escaped}](${target})` };
}
/** Joins Markdown values with a separator (the separator is trusted). */
function join(parts, separator) {
    return { markdown: parts.map(part => part.markdown).join(separator) };
}
function renderCell(cell) {
    if (typeof cell === 'string')
        return escapeMarkdown(cell) || ' ';
    // Trusted cells may still hold a code span: a bare pipe there would end the cell.
    const flat = singleLine(cell.markdown).replace(/(?<!\\)\|/g, '\\|');
    return flat.trim() === '' ? ' ' : flat;
}
/** A GFM table; every row is padded or cut to the header's width. */
function table(headers, rows) {
    const width = headers.length;
    const line = (cells) => {
        const padded = Array.from({ length: width }, (_, i) => renderCell(cells[i] ?? ''));
        return `| ${padded.join(' | ')} |`;
    };
    const separator = `|${headers.map(() => '---').join('|')}|`;
    return [line(headers), separator, ...rows.map(line)].join('\n');
}
/** A collapsible section; the blank lines let Markdown render inside the HTML block. */
function details(summary, body) {
    return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}
/** For text inside an HTML block, where Markdown backslash escapes do not apply. */
function escapeHtml(value) {
    return escapeChars(truncate(singleLine(value).trim()), char => /[&<>"']/.test(char) ? `&#${char.charCodeAt(0)};` : char);
}
/** Each request that would be sent, with the alarms' PutMetricAlarm, as a titled code block. */
function requestBlocks(requests, alarms, json) {
    return [
        ...requests,
        ...alarms.map((alarm) => [
            `PutMetricAlarm (${alarm.name})`,
            alarm.request
        ])
    ]
        .filter((entry) => entry[1] !== undefined)
        .map(([name, body]) => `**${escapeMarkdown(name)}**\n\n${codeBlock(json(body), 'json')}`);
}


/***/ }),

/***/ 5813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G8: () => (/* binding */ isoReasonTimes),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   l9: () => (/* binding */ formatPercent),
/* harmony export */   xS: () => (/* binding */ formatOffset)
/* harmony export */ });
// Time as the report shows it: offsets from the update request and plain durations.
/** `45 s`, `1 min`, `1 min 30 s`, `1 h 2 min`; `0 s` for zero. Rounded to the second. */
function formatDuration(ms) {
    const total = Math.round(Math.abs(ms) / 1000);
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = total % 60;
    const parts = [];
    if (hours > 0)
        parts.push(`${hours} h`);
    if (minutes > 0)
        parts.push(`${minutes} min`);
    if (seconds > 0)
        parts.push(`${seconds} s`);
    return parts.length === 0 ? '0 s' : parts.join(' ');
}
/**
 * An offset from the start of the deployment: `T+0`, `T+45 s`, `T+1 min`, `T+1 min 30 s`.
 * Negative offsets (service clock slightly behind ours) read `T-5 s`.
 */
function formatOffset(ms) {
    if (!Number.isFinite(ms))
        return 'T+?';
    const rounded = Math.round(ms / 1000);
    if (rounded === 0)
        return 'T+0';
    return `T${rounded < 0 ? '-' : '+'}${formatDuration(ms)}`;
}
/** `75%`, `33.3%`: whole numbers stay whole, others keep one decimal. */
function formatPercent(percent) {
    return `${Math.round(percent * 10) / 10}%`;
}
/**
 * CloudWatch writes the datapoint times in an alarm's state reason as `30/11/26 09:18:00`
 * (day/month/two-digit year, UTC), which reads as November 30 in one country and as nothing in
 * another: `2026-11-30 09:18:00 UTC` instead.
 */
function isoReasonTimes(text) {
    return text.replace(/\b(\d{2})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}(?::\d{2})?)\b/g, (_, day, month, year, clock) => `20${year}-${month}-${day} ${clock} UTC`);
}


/***/ }),

/***/ 3138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ cancelledAfterStart),
/* harmony export */   EN: () => (/* binding */ rolledBack),
/* harmony export */   G9: () => (/* binding */ settle),
/* harmony export */   JZ: () => (/* binding */ settledBase),
/* harmony export */   Mt: () => (/* binding */ startedOnly),
/* harmony export */   RV: () => (/* binding */ fired),
/* harmony export */   Rj: () => (/* binding */ watchCancelled),
/* harmony export */   VM: () => (/* binding */ interrupted),
/* harmony export */   bE: () => (/* binding */ cancelledBefore),
/* harmony export */   iU: () => (/* binding */ timedOut),
/* harmony export */   lM: () => (/* binding */ planned),
/* harmony export */   tx: () => (/* binding */ failedBefore),
/* harmony export */   vR: () => (/* binding */ alreadyDeployed)
/* harmony export */ });
/* harmony import */ var _watch_reducer_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(846);
/* harmony import */ var _report_headlines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6871);


/**
 * Alarms seen in ALARM, plus any watched alarm that SageMaker's FailureReason names (an alarm
 * can fire and clear between two polls).
 */
function fired(t) {
    const reason = t.last?.failureReason;
    return t.alarms.filter(a => a.fired || reason?.includes(a.name) === true).map(a => a.name);
}
/** What every verdict on a settled target carries: the alarms that fired, where it ended. */
function settledBase(t, ep) {
    const triggeredAlarms = fired(t);
    return {
        base: {
            triggeredAlarms,
            finalConfigName: ep.configName,
            finalStatus: ep.status,
            failureReason: ep.failureReason
        },
        alarmText: triggeredAlarms.length
            ? `alarm ${triggeredAlarms.join(', ')} went into ALARM`
            : undefined
    };
}
/** A rollback, named by the alarm that fired, else by SageMaker's reason; `back` says where to. */
function rolledBack({ base, alarmText }, ep, back) {
    const why = alarmText ?? (ep.failureReason ? `SageMaker: ${ep.failureReason}` : 'SageMaker gave no reason');
    return {
        ...base,
        outcome: 'rolled-back',
        failureReason: ep.failureReason ?? (alarmText ? `Rolled back: ${alarmText}.` : _report_headlines_js__WEBPACK_IMPORTED_MODULE_1__/* .NO_ROLLBACK_REASON */ .a4),
        summary: `${back}: ${why.replace(/\.+$/, '')}.`
    };
}
/** The verdict once the endpoint has settled, or undefined while it is still in progress. */
function settle(t, ctx) {
    const verdict = settleOwn(t, ctx);
    const other = t.other;
    if (!verdict || !other || other.live)
        return verdict;
    return {
        ...verdict,
        summary: `${verdict.summary} Another deployment (${other.configName}) has started on the endpoint since.`
    };
}
function settleOwn(t, ctx) {
    const ep = t.last;
    if (!ep)
        return undefined;
    const settled = settledBase(t, ep);
    const { base, alarmText } = settled;
    if (t.other?.live) {
        // Never another run's result as this one's: say what is known.
        return {
            ...base,
            outcome: 'failed',
            failureReason: `Another deployment replaced ${t.newConfigName}: the endpoint is ${ep.status} on ${t.other.configName}.`,
            summary: `Another deployment took the endpoint over: it is ${ep.status} on ${t.other.configName}, neither this run's ${t.newConfigName} nor ${t.oldConfigName ?? 'the config it replaced'}. This run's deployment ended before that, and no poll saw how; look at the endpoint's history in the SageMaker console (or CloudTrail's UpdateEndpoint events) before running it again.`
        };
    }
    switch (ep.status) {
        case 'InService': {
            if (ep.configName === t.newConfigName && ep.pendingConfigName === undefined) {
                return {
                    ...base,
                    outcome: 'deployed',
                    failureReason: undefined,
                    summary: `${t.newConfigName} is the endpoint's config, in service.`
                };
            }
            // Still listing this run's deployment as pending: not over yet, whatever the top level says.
            if (ep.pendingConfigName === t.newConfigName || ep.configName === t.newConfigName)
                return undefined;
            if (!(0,_watch_reducer_js__WEBPACK_IMPORTED_MODULE_0__/* .changedSinceStart */ .fj)(t, ep, ctx))
                return undefined;
            return rolledBack(settled, ep, `SageMaker rolled back to ${ep.configName ?? 'the previous config'}`);
        }
        case 'Failed':
            return {
                ...base,
                outcome: 'failed',
                failureReason: ep.failureReason ?? 'Endpoint Failed (SageMaker gave no reason).',
                summary: `The endpoint is Failed${ep.failureReason ? `: ${ep.failureReason}` : ''}. DeleteEndpoint is the only operation SageMaker allows on it.`
            };
        case 'UpdateRollbackFailed':
            return {
                ...base,
                outcome: 'failed',
                failureReason: ep.failureReason ??
                    'UpdateRollbackFailed: both the deployment and its auto-rollback failed.',
                summary: 'Both the deployment and the auto-rollback failed (UpdateRollbackFailed): the endpoint serves a mix of the old and new fleets. Inspect it in the SageMaker console; leaving this state takes a manual update, or deleting and re-creating the endpoint.' +
                    (alarmText ? ` Trigger: ${alarmText}.` : '')
            };
        case 'OutOfService':
            return {
                ...base,
                outcome: 'failed',
                failureReason: ep.failureReason ??
                    'Endpoint OutOfService: SageMaker reports it is not available to take incoming requests.',
                summary: `The endpoint went OutOfService during the deployment: SageMaker reports it is not available to take incoming requests${ep.failureReason ? ` (${ep.failureReason.replace(/\.+$/, '')})` : ''}, and ${t.newConfigName} ${ep.configName === t.newConfigName ? 'is its config but serves nothing' : `never took over from ${ep.configName ?? 'the previous config'}`}. Check the endpoint in the SageMaker console; run this step again once it is InService.`
            };
        case 'Deleting':
            return {
                ...base,
                outcome: 'failed',
                failureReason: ep.failureReason ?? `Endpoint ${ep.status}.`,
                summary: `The endpoint went ${ep.status} during the deployment.`
            };
        default:
            return undefined;
    }
}
/** The verdict when the time budget ran out first. */
function timedOut(t, budgetSeconds) {
    const ep = t.last;
    const state = ep
        ? `${ep.status} on ${ep.configName ?? '?'}${ep.pendingConfigName ? ` (pending ${ep.pendingConfigName})` : ''}`
        : 'unknown (no successful poll)';
    return {
        outcome: 'timed-out',
        triggeredAlarms: fired(t),
        finalConfigName: ep?.configName,
        finalStatus: ep?.status,
        failureReason: `No verdict within ${Math.round(budgetSeconds)} s; last state: ${state}.`,
        summary: `No verdict within ${Math.round(budgetSeconds)} s. SageMaker may still be working (last state: ${state}); re-run the job to watch it again, or raise the timeout input.`
    };
}
/** The verdict when watching had to stop (credentials, permissions, cancellation). */
function interrupted(t, reason, outcome = 'failed') {
    const ep = t.last;
    const state = ep ? `${ep.status} on ${ep.configName ?? '?'}` : 'unknown';
    return {
        outcome,
        triggeredAlarms: fired(t),
        finalConfigName: ep?.configName,
        finalStatus: ep?.status,
        failureReason: reason,
        summary: `${reason} The deployment may still be running in SageMaker (last state: ${state}); re-run the job to watch it to the end.`
    };
}
/** The run was cancelled (SIGINT/SIGTERM) while it watched: SageMaker goes on without it. */
function watchCancelled(t) {
    return interrupted(t, 'Watching was cancelled.', 'cancelled');
}
// ---- Verdicts reached before or instead of watching ---------------------------------------------
/** A verdict with nothing triggered and no final state read. */
function failedBefore(summary, failureReason = summary) {
    return {
        outcome: 'failed',
        summary,
        failureReason,
        triggeredAlarms: [],
        finalConfigName: undefined,
        finalStatus: undefined
    };
}
/** Cancelled (SIGINT/SIGTERM) before a verdict; `finalStatus` when SageMaker has the write. */
function cancelledBefore(summary, failureReason = summary, finalStatus = undefined) {
    return { ...failedBefore(summary, failureReason), outcome: 'cancelled', finalStatus };
}
function planned(plan, summary) {
    return {
        outcome: 'planned',
        summary,
        failureReason: undefined,
        triggeredAlarms: [],
        finalConfigName: plan?.previousConfigName,
        finalStatus: undefined
    };
}
/** The endpoint already serves exactly what this step deploys (a repeated or re-run step). */
function alreadyDeployed(plan, status) {
    return {
        outcome: 'deployed',
        summary: plan.restore
            ? `The endpoint already serves ${plan.endpointConfigName}, the config rollback-to restores; nothing was changed.`
            : `The endpoint already serves ${plan.endpointConfigName}, exactly what this step deploys (an earlier run of it); nothing was changed.`,
        failureReason: undefined,
        triggeredAlarms: [],
        finalConfigName: plan.endpointConfigName,
        finalStatus: status
    };
}
/** wait: false: the create/update was accepted and SageMaker goes on alone. */
function startedOnly(plan) {
    return {
        outcome: 'started',
        summary: `${plan.firstDeploy ? 'CreateEndpoint' : 'UpdateEndpoint'} accepted; not waiting (wait: false). SageMaker continues on its own.`,
        failureReason: undefined,
        triggeredAlarms: [],
        finalConfigName: plan.previousConfigName,
        finalStatus: undefined
    };
}
/** Cancelled once SageMaker had the update: it goes on without a watcher. */
function cancelledAfterStart(plan, seen) {
    const what = plan.firstDeploy ? 'the endpoint creation' : 'the update';
    // Accepted: SageMaker is working on it (the status its answer puts the endpoint in).
    return cancelledBefore(`Cancelled after SageMaker accepted ${what} to ${plan.endpointConfigName}${seen ? ` (the endpoint is ${seen})` : ''}: SageMaker continues on its own, unwatched. Re-run the job to watch it to the end: the re-run attaches to this deployment.`, `Cancelled after ${what} to ${plan.endpointConfigName} was accepted.`, plan.firstDeploy ? 'Creating' : 'Updating');
}


/***/ }),

/***/ 846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mS: () => (/* binding */ IN_PROGRESS),
  fj: () => (/* binding */ changedSinceStart),
  MM: () => (/* binding */ createTimeline),
  VQ: () => (/* binding */ failedPoll),
  Ux: () => (/* binding */ latestStatus),
  TS: () => (/* binding */ reduce),
  g6: () => (/* binding */ trackAlarms)
});

// UNUSED EXPORTS: ownView

// EXTERNAL MODULE: ./src/watch/service-clock.ts
var service_clock = __webpack_require__(2915);
;// CONCATENATED MODULE: ./src/watch/traffic-steps.ts
/** The schedule's traffic shifts (rows with green traffic), in order. */
function shiftsOf(schedule) {
    return schedule.filter(step => step.greenPercent > 0);
}
/** Shift rows recorded so far (every row with green traffic before the rollout ended). */
function recordedShifts(steps) {
    return steps.filter(step => step.greenPercent > 0).length;
}
function shiftLabel(k, total, greenPercent, ctx = {}) {
    const of = `${k} of ${Math.max(total, k)}`;
    const watched = ctx.unguarded ? '' : ', alarms monitored';
    if (greenPercent !== 100)
        return `step ${of}: ${greenPercent}% shifted to green${watched}`;
    const unbaked = !ctx.unguarded && ctx.finalBakeSeconds === 0;
    return `all traffic on green (step ${of})${unbaked ? ', no final bake: SageMaker no longer watches the alarms' : watched}`;
}
const BETWEEN_POLLS = 'between two polls, not seen';
/**
 * Green's share of the fleet from the pending fleet's instances with traffic; 0 while it is
 * provisioning; undefined with no pending fleet.
 */
function observedGreenPercent(ep, status, ctx, shiftsSoFar) {
    const green = ep.green;
    if (!green)
        return undefined;
    if (status !== 'ActivatingTraffic' && status !== 'Baking')
        return 0;
    const total = green.desiredInstanceCount ?? ctx.instanceCount;
    if (green.currentInstanceCount !== undefined && total > 0) {
        return Math.round((100 * Math.min(green.currentInstanceCount, total)) / total);
    }
    // The service did not say: the policy's next shift.
    const shifts = shiftsOf(ctx.schedule);
    return shifts[Math.min(shiftsSoFar, shifts.length - 1)]?.greenPercent;
}
/** Shifts `from`..`to` (1-based), none seen by a poll, with estimated times inside the bounds. */
function missedShifts(steps, from, to, ctx, bounds, events) {
    const shifts = shiftsOf(ctx.schedule);
    const wait = ctx.waitIntervalSeconds;
    for (let k = from; k <= to; k++) {
        const shift = shifts[k - 1];
        if (shift === undefined)
            return;
        const after = Math.max(bounds.after, steps.at(-1)?.at ?? bounds.after);
        const before = Math.max(after, bounds.before);
        const estimate = bounds.anchor !== undefined && wait !== undefined
            ? bounds.anchor.at - (bounds.anchor.k - k) * wait * 1000
            : ctx.startedAt + shift.offsetSeconds * 1000;
        const at = Math.min(Math.max(estimate, after), before);
        const label = shiftLabel(k, shifts.length, shift.greenPercent, ctx);
        steps.push({
            at,
            bluePercent: shift.bluePercent,
            greenPercent: shift.greenPercent,
            event: `${label} (${BETWEEN_POLLS})`,
            between: { after, before }
        });
        events.push({
            at,
            kind: 'step',
            message: `green ${shift.greenPercent}% / blue ${shift.bluePercent}%: step ${k} happened ${BETWEEN_POLLS}`
        });
    }
}
/** A poll saw green at `greenPercent` since `at`: that row, after any shift the polls missed. */
function addObservedShift(steps, greenPercent, at, after, ctx, events) {
    const shifts = shiftsOf(ctx.schedule);
    const recorded = recordedShifts(steps);
    const index = shifts.findIndex(s => s.greenPercent === greenPercent);
    const k = index + 1 > recorded ? index + 1 : recorded + 1;
    missedShifts(steps, recorded + 1, k - 1, ctx, { after, before: at, anchor: { k, at } }, events);
    steps.push({
        at,
        bluePercent: 100 - greenPercent,
        greenPercent,
        event: shiftLabel(k, shifts.length, greenPercent, ctx)
    });
}
/** The rollout completed: every shift happened, including those no poll saw. */
function addMissedShiftsBeforeCompletion(steps, completedAt, after, ctx, events) {
    const total = shiftsOf(ctx.schedule).length;
    missedShifts(steps, recordedShifts(steps) + 1, total, ctx, { after, before: completedAt }, events);
}
/**
 * SageMaker rolls back on an alarm only during a bake, so at least the first shift happened
 * even when no poll saw green traffic.
 */
function addMissedFirstShiftBeforeRollback(steps, rolledBackAt, after, ctx, events) {
    if (recordedShifts(steps) > 0)
        return;
    missedShifts(steps, 1, 1, ctx, { after, before: rolledBackAt }, events);
}

;// CONCATENATED MODULE: ./src/watch/reducer.ts
// The pure heart of the watch: (timeline, observation) → timeline.
// Times come from the service wherever it gives them, so the table is right under clock skew
// and under an accelerated (emulated) clock.


const IN_PROGRESS = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack']);
/** What a status the deployment did not ask for means, for the log. */
const STATUS_NOTES = {
    SystemUpdating: ' (SageMaker maintenance: the deployment waits until it ends)',
    OutOfService: ' (SageMaker: not available to take incoming requests)'
};
function createTimeline(ctx, startedAt) {
    return {
        startedAt,
        newConfigName: ctx.newConfigName,
        oldConfigName: ctx.oldConfigName,
        events: [
            {
                at: startedAt,
                kind: 'start',
                message: ctx.firstDeploy
                    ? `creating endpoint on ${ctx.newConfigName} (new endpoint: no traffic shift)`
                    : `update requested: ${ctx.oldConfigName ?? '?'} → ${ctx.newConfigName}`
            }
        ],
        steps: [],
        alarms: [],
        last: undefined,
        sawProgress: false,
        sawRollingBack: false,
        polls: 0,
        failedPolls: 0,
        consecutiveFailedPolls: 0
    };
}
function latestStatus(statuses) {
    let latest;
    for (const s of statuses) {
        if (!latest || (s.startTime ?? 0) >= (latest.startTime ?? 0))
            latest = s;
    }
    return latest;
}
/** The latest service timestamp in an observation: a lower bound of the service's "now". */
function serviceTime(t, obs) {
    const times = [t.steps.at(-1)?.at ?? 0, t.events.at(-1)?.at ?? 0];
    const ep = obs.endpoint;
    if (ep) {
        times.push(ep.lastModifiedTime ?? 0, ep.pendingStartTime ?? 0);
        for (const fleet of [ep.blue, ep.green]) {
            for (const s of fleet?.statuses ?? [])
                times.push(s.startTime ?? 0);
        }
    }
    for (const a of obs.alarms)
        times.push(a.updatedAt ?? 0);
    return Math.max(...times);
}
function trackAlarms(tracks, alarms, at, events) {
    const byName = new Map(tracks.map(t => [t.name, t]));
    for (const a of alarms) {
        const prev = byName.get(a.name);
        const when = a.updatedAt ?? at;
        const changed = !prev || prev.finalState !== a.state;
        // Only ALARM matters to the rollout: OK and INSUFFICIENT_DATA come and go with the
        // alarm's evaluation times, and would make the log differ from run to run.
        if (changed && (a.state === 'ALARM' || prev?.finalState === 'ALARM')) {
            const from = prev?.finalState ? `${prev.finalState} → ` : '';
            events.push({
                at: when,
                kind: 'alarm',
                message: `alarm ${a.name}: ${from}${a.state}${a.reason ? ` (${a.reason})` : ''}`
            });
        }
        const fired = a.state === 'ALARM';
        // Same state, later update: the alarm's state moved and came back between two polls.
        const updatedUnseen = !changed &&
            a.updatedAt !== undefined &&
            prev?.updatedAt !== undefined &&
            a.updatedAt > prev.updatedAt;
        byName.set(a.name, {
            name: a.name,
            statesSeen: changed ? [...(prev?.statesSeen ?? []), a.state] : (prev?.statesSeen ?? []),
            finalState: a.state,
            lastReason: a.reason ?? prev?.lastReason,
            // The reason of the transition that fired, not a later one (OK again, say).
            firedReason: prev?.firedReason ?? (fired ? a.reason : undefined),
            fired: (prev?.fired ?? false) || fired,
            firedAt: prev?.firedAt ?? (fired ? when : undefined),
            updatedAt: a.updatedAt ?? prev?.updatedAt,
            updatedBetweenPolls: (prev?.updatedBetweenPolls ?? false) || updatedUnseen
        });
    }
    return [...byName.values()];
}
/** A poll without an answer: counted, and told once per run of failures (at `at`). */
function failedPoll(t, obs, at) {
    const consecutive = t.consecutiveFailedPolls + 1;
    const events = consecutive === 1
        ? [
            ...t.events,
            {
                at,
                kind: 'poll-error',
                message: `poll failed: ${obs.error ?? 'unknown error'} (retrying)`
            }
        ]
        : t.events;
    return {
        ...t,
        events,
        polls: t.polls + 1,
        failedPolls: t.failedPolls + 1,
        consecutiveFailedPolls: consecutive
    };
}
/**
 * The endpoint as far as this run's deployment goes. Another deployment shows as a pending config
 * that is not this run's, or as a third config live. SageMaker takes no update while one is in
 * progress, so it started after this run's had settled: a pending one is seen as the state it
 * started from (this run's config live: completed; the old one: rolled back), without its fleets,
 * dated by the other one's start (the latest this one can have ended), so that none of it is
 * taken for this run's. A third config live is returned as it is:
 * how this run's deployment ended can no longer be seen.
 */
function ownView(ep, ctx) {
    const ours = (name) => name === ctx.newConfigName || (name !== undefined && name === ctx.oldConfigName);
    if (ep.configName !== undefined && !ours(ep.configName)) {
        return { ep, other: { configName: ep.configName, live: true } };
    }
    // Pending on the old config: a stale answer about the deployment before this one, not another.
    if (ep.pendingConfigName === undefined || ours(ep.pendingConfigName))
        return { ep };
    return {
        ep: {
            ...ep,
            status: 'InService',
            // This run's deployment ended before the other one started: the latest it can have ended.
            lastModifiedTime: ep.pendingStartTime ?? ep.lastModifiedTime,
            green: undefined,
            pendingConfigName: undefined,
            pendingStartTime: undefined
        },
        other: { configName: ep.pendingConfigName, live: false }
    };
}
function reduce(t, raw, ctx) {
    if (!raw.endpoint)
        return failedPoll(t, raw, serviceTime(t, raw));
    const own = ownView(raw.endpoint, ctx);
    if (own.other) {
        const seen = reduceOwn(t, { ...raw, endpoint: own.ep }, ctx, own.other.live ? 'foreign' : 'settled');
        const first = t.other === undefined || (own.other.live && !t.other.live);
        const at = serviceTime(t, raw);
        return {
            ...seen,
            other: own.other,
            events: first
                ? [
                    ...seen.events,
                    {
                        at,
                        kind: 'other',
                        message: own.other.live
                            ? `endpoint ${raw.endpoint.status} on ${own.other.configName}: another deployment has replaced this run's`
                            : `another deployment started: ${own.other.configName} (this run's deployment had ended)`
                    }
                ]
                : seen.events
        };
    }
    return reduceOwn(t, raw, ctx, 'own');
}
/**
 * One answer about this run's deployment: `own` as SageMaker gave it; `settled` when another
 * deployment's start shows that this one had ended; `foreign` when a third config is live.
 */
function reduceOwn(t, obs, ctx, seen) {
    const ep = obs.endpoint;
    // A third config live: nothing of it is this run's; keep it as the last state, fold nothing.
    if (seen === 'foreign')
        return { ...t, last: ep, polls: t.polls + 1, consecutiveFailedPolls: 0 };
    const events = [...t.events];
    const steps = [...t.steps];
    const now = serviceTime(t, obs);
    let startedAt = t.startedAt;
    // The first answer anchors T+0 on the service's clock.
    if (steps.length === 0) {
        const serviceStart = ep.pendingStartTime ??
            (ep.green ? latestStatus(ep.green.statuses)?.startTime : undefined) ??
            (IN_PROGRESS.has(ep.status) ? ep.lastModifiedTime : undefined);
        if (serviceStart !== undefined) {
            startedAt = serviceStart;
            events[0] = { ...events[0], at: serviceStart };
        }
        steps.push(ctx.firstDeploy
            ? { at: startedAt, bluePercent: 0, greenPercent: 0, event: 'endpoint creation started' }
            : {
                at: startedAt,
                bluePercent: 100,
                greenPercent: 0,
                event: 'deployment starts, green fleet provisioning'
            });
    }
    const prev = t.last;
    // InService gets its own event below (complete or rolled back), with what it means.
    if ((!prev || prev.status !== ep.status) && ep.status !== 'InService') {
        events.push({
            at: IN_PROGRESS.has(ep.status) ? now : (ep.lastModifiedTime ?? now),
            kind: ep.status === 'RollingBack' ? 'rollback' : 'status',
            message: `endpoint ${ep.status}${ep.status === 'RollingBack' ? ': traffic returning to blue' : (STATUS_NOTES[ep.status] ?? '')}`
        });
    }
    const stepCtx = {
        schedule: ctx.schedule,
        instanceCount: ctx.instanceCount,
        waitIntervalSeconds: ctx.waitIntervalSeconds,
        startedAt,
        ...(ctx.unguarded ? { unguarded: true } : {}),
        finalBakeSeconds: ctx.terminationWaitSeconds
    };
    // What the previous poll had seen: steps no poll saw came after it.
    const after = t.serviceClock?.lastService || startedAt;
    const greenLatest = ep.green ? latestStatus(ep.green.statuses) : undefined;
    const green = observedGreenPercent(ep, greenLatest?.status, stepCtx, recordedShifts(steps));
    const greenEvent = greenFleetEvent(greenLatest, prev, green, now);
    if (greenEvent)
        events.push(greenEvent);
    const alarms = trackAlarms(t.alarms, obs.alarms, now, events);
    const onNew = ep.configName === ctx.newConfigName && ep.pendingConfigName === undefined;
    if (green !== undefined && green > 0 && green !== steps.at(-1).greenPercent) {
        addObservedShift(steps, green, greenLatest?.startTime ?? now, after, stepCtx, events);
    }
    // Alarms seen in ALARM, or named by SageMaker's reason (one can fire and clear between polls).
    const fired = alarms
        .filter(a => a.fired || (ep.failureReason ?? '').includes(a.name))
        .map(a => a.name);
    const because = fired.length ? `: alarm ${fired.join(', ')} in ALARM` : '';
    // An alarm rolls back only during a bake, so green had traffic even if no poll saw it.
    const rolledBackByAlarm = fired.length > 0 || /alarm/i.test(ep.failureReason ?? '');
    let sawRollingBack = t.sawRollingBack;
    const teardown = greenTornDown(ep, ctx);
    if ((ep.status === 'RollingBack' || teardown !== undefined) && !sawRollingBack) {
        sawRollingBack = true;
        if (rolledBackByAlarm) {
            addMissedFirstShiftBeforeRollback(steps, teardown ?? now, after, stepCtx, events);
        }
        steps.push({
            at: teardown ?? now,
            bluePercent: 100,
            greenPercent: 0,
            event: `rolling back${because}`
        });
    }
    const sawProgress = t.sawProgress ||
        seen === 'settled' ||
        IN_PROGRESS.has(ep.status) ||
        ep.pendingConfigName === ctx.newConfigName;
    const settledBefore = settledOn(t, ep, ctx);
    if (ep.status === 'InService' && onNew && !settledBefore) {
        const at = ep.lastModifiedTime ?? now;
        if (!ctx.firstDeploy)
            addMissedShiftsBeforeCompletion(steps, at, after, stepCtx, events);
        // Its own row at the service's completion time: the final bake and the blue fleet's
        // termination come after the last shift.
        steps.push({
            at,
            bluePercent: 0,
            greenPercent: 100,
            event: ctx.firstDeploy
                ? 'endpoint in service on the new config'
                : 'complete, blue fleet decommissioned'
        });
        events.push({ at, kind: 'complete', message: `endpoint InService on ${ep.configName}` });
    }
    else if (!settledBefore &&
        ep.status === 'InService' &&
        ep.configName !== ctx.newConfigName &&
        ep.pendingConfigName !== ctx.newConfigName &&
        changedSinceStart(t, ep, ctx, sawProgress)) {
        const at = ep.lastModifiedTime ?? now;
        if (rolledBackByAlarm)
            addMissedFirstShiftBeforeRollback(steps, at, after, stepCtx, events);
        const tail = steps.at(-1);
        if (!(tail.bluePercent === 100 && tail.greenPercent === 0 && steps.length > 1)) {
            steps.push({ at, bluePercent: 100, greenPercent: 0, event: `rolled back to blue${because}` });
        }
        else {
            steps[steps.length - 1] = { ...tail, event: `rolled back to blue${because}` };
        }
        events.push({
            at,
            kind: 'rollback',
            message: `endpoint InService on ${ep.configName ?? '?'} (the previous config): rolled back${ep.failureReason ? ` — ${ep.failureReason}` : ''}`
        });
    }
    else if (ep.status === 'Failed' || ep.status === 'UpdateRollbackFailed') {
        if (prev?.status !== ep.status) {
            const at = ep.lastModifiedTime ?? now;
            events.push({
                at,
                kind: 'failed',
                message: `endpoint ${ep.status}${ep.failureReason ? `: ${ep.failureReason}` : ''}`
            });
            // The table must not end on a step as if the shift were still going on.
            const tail = steps.at(-1);
            steps.push({
                at: Math.max(at, tail.at),
                bluePercent: tail.bluePercent,
                greenPercent: tail.greenPercent,
                event: ep.status === 'UpdateRollbackFailed'
                    ? `rollback failed (UpdateRollbackFailed)${because}: old and new fleets both serve (the split is the last one seen)`
                    : 'endpoint Failed (the split is the last one seen)'
            });
        }
    }
    // This poll's events in service-time order (an alarm may have fired before the status changed).
    const added = events.splice(t.events.length).sort((a, b) => a.at - b.at);
    return {
        ...t,
        startedAt,
        events: [...events, ...added],
        steps,
        alarms,
        last: ep,
        sawProgress,
        sawRollingBack,
        polls: t.polls + 1,
        consecutiveFailedPolls: 0,
        serviceClock: (0,service_clock/* sampleServiceClock */.Cq)(t.serviceClock, obs.at, now)
    };
}
/** A change of the green fleet's status (provisioning, activating traffic, baking), with its split. */
function greenFleetEvent(latest, prev, greenPercent, now) {
    const before = prev?.green ? latestStatus(prev.green.statuses) : undefined;
    if (!latest || (latest.status === before?.status && latest.startTime === before?.startTime)) {
        return undefined;
    }
    const kind = latest.status === 'Creating' ? 'provisioning' : latest.status === 'Baking' ? 'bake' : 'step';
    const split = greenPercent !== undefined && greenPercent > 0
        ? ` (green ${greenPercent}% / blue ${100 - greenPercent}%)`
        : '';
    return {
        at: latest.startTime ?? now,
        kind,
        message: `green fleet ${latest.status}${split}${latest.message ? `: ${latest.message}` : ''}`
    };
}
/**
 * Whether the previous answer had already settled on the config this one shows, so that its row
 * (complete or rolled back) is in the table. An InService that still listed this run as pending,
 * or that was the state before SageMaker picked the update up, had not.
 */
function settledOn(t, ep, ctx) {
    const prev = t.last;
    if (prev?.status !== 'InService' || prev.configName !== ep.configName)
        return false;
    if (prev.configName === ctx.newConfigName)
        return prev.pendingConfigName === undefined;
    return prev.pendingConfigName !== ctx.newConfigName && changedSinceStart(t, prev, ctx);
}
/**
 * When this run's green fleet started being terminated while the update is still in progress:
 * a rollback under way (the traffic is back on blue, the endpoint still Updating).
 */
function greenTornDown(ep, ctx) {
    if (!IN_PROGRESS.has(ep.status) || ep.pendingConfigName !== ctx.newConfigName)
        return undefined;
    const latest = ep.green ? latestStatus(ep.green.statuses) : undefined;
    return latest?.status === 'Deleting' ? latest.startTime : undefined;
}
/**
 * True when an InService endpoint on the old config is the end of this run's update (a
 * rollback), not the state before SageMaker picked the update up.
 */
function changedSinceStart(t, ep, ctx, sawProgress = t.sawProgress) {
    if (sawProgress)
        return true;
    return (ep.lastModifiedTime !== undefined &&
        ctx.previousLastModified !== undefined &&
        ep.lastModifiedTime > ctx.previousLastModified);
}


/***/ }),

/***/ 2915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cq: () => (/* binding */ sampleServiceClock),
/* harmony export */   Ms: () => (/* binding */ serviceRate),
/* harmony export */   UH: () => (/* binding */ serviceNow)
/* harmony export */ });
function sampleServiceClock(clock, local, service) {
    if (!Number.isFinite(service) || service <= 0) {
        return clock ?? { firstLocal: local, firstService: 0, lastLocal: local, lastService: 0 };
    }
    if (clock === undefined || clock.firstService <= 0) {
        return { firstLocal: local, firstService: service, lastLocal: local, lastService: service };
    }
    return { ...clock, lastLocal: local, lastService: Math.max(clock.lastService, service) };
}
/** Service milliseconds per local millisecond: 1 unless the polls show otherwise. */
function serviceRate(clock) {
    if (clock === undefined || clock.firstService <= 0)
        return 1;
    const local = clock.lastLocal - clock.firstLocal;
    const service = clock.lastService - clock.firstService;
    // Too short a watch says nothing reliable about the rate.
    if (local < 200 || service <= 0)
        return 1;
    return Math.max(1, service / local);
}
/** The service's time at local time `local`, estimated from the last poll. */
function serviceNow(clock, local) {
    if (clock === undefined || clock.lastService <= 0)
        return undefined;
    return clock.lastService + (local - clock.lastLocal) * serviceRate(clock);
}


/***/ })

};

//# sourceMappingURL=393.index.js.map