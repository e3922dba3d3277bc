import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ isThrottled),
/* harmony export */   BG: () => (/* binding */ isFatal),
/* harmony export */   PH: () => (/* binding */ mayHaveApplied),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   mm: () => (/* binding */ isCancelled),
/* harmony export */   so: () => (/* binding */ toCallError),
/* harmony export */   w7: () => (/* binding */ isAccessDenied),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/* unused harmony exports AwsCallError, CANCELLED, NO_ANSWER, isInProgress */
// What a failed AWS call means for the action: which call, which code, and whether the request
// may have reached the service (so a write must be read back before anything is said about it).
class AwsCallError extends Error {
    operation;
    code;
    detail;
    httpStatus;
    constructor(operation, code, detail, httpStatus) {
        super(`${operation} failed: ${code}: ${detail}`);
        this.operation = operation;
        this.code = code;
        this.detail = detail;
        this.httpStatus = httpStatus;
        this.name = 'AwsCallError';
    }
}
/** The call was abandoned because the run was cancelled (SIGINT/SIGTERM). */
const CANCELLED = 'Cancelled';
/** The call had no complete answer within its deadline. */
const NO_ANSWER = 'NoAnswer';
const FATAL_CODES = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'ExpiredToken',
    'ExpiredTokenException',
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
    'CredentialsProviderError',
    'MissingAuthenticationToken',
    'AuthFailure',
    'NotAuthorized'
]);
const THROTTLING_CODES = new Set([
    'Throttling',
    'ThrottlingException',
    'ThrottledException',
    'RequestThrottled',
    'RequestThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'SlowDown'
]);
/** Errors that no retry will fix: stop at once and say so. */
function isFatal(e) {
    return e instanceof AwsCallError && (FATAL_CODES.has(e.code) || /credentials/i.test(e.code));
}
/** The role may not make this call (the permission to add is the call's IAM action). */
function isAccessDenied(e) {
    return (e instanceof AwsCallError &&
        (/^AccessDenied/.test(e.code) || e.code === 'NotAuthorized' || /not authorized/i.test(e.detail)));
}
function isCancelled(e) {
    return e instanceof AwsCallError && e.code === CANCELLED;
}
function isThrottled(e) {
    return e instanceof AwsCallError && THROTTLING_CODES.has(e.code);
}
function isNotFound(e) {
    return (e instanceof AwsCallError &&
        (e.code === 'ResourceNotFound' || /^Could not find /.test(e.detail)));
}
function isAlreadyExists(e) {
    return (e instanceof AwsCallError && (e.code === 'ResourceInUse' || /already exist/i.test(e.detail)));
}
/** SageMaker refuses an update while another one is running. */
function isInProgress(e) {
    return e instanceof AwsCallError && /in-progress/i.test(e.detail);
}
/**
 * Transient: the same call may succeed later (throttling, a 5XX, a lost connection, no answer in
 * time). Such a failure of a write does not say whether the service applied it.
 */
function isTransient(e) {
    if (!(e instanceof AwsCallError) || isFatal(e) || isCancelled(e))
        return false;
    if (isThrottled(e) || e.code === NO_ANSWER)
        return true;
    if (e.httpStatus !== undefined)
        return e.httpStatus >= 500;
    // No HTTP status: the request failed on the way (reset, refused, timed out).
    return true;
}
/** Whether a failed write may have been applied by the service all the same. */
function mayHaveApplied(e) {
    if (!(e instanceof AwsCallError))
        return true;
    if (isThrottled(e) || isFatal(e))
        return false;
    if (e.httpStatus !== undefined && e.httpStatus >= 400 && e.httpStatus < 500)
        return false;
    return true;
}
/** Any SDK or network error as an AwsCallError naming the call. */
function toCallError(operation, e, why) {
    if (e instanceof AwsCallError)
        return e;
    const err = (e ?? {});
    if (why.cancelled) {
        return new AwsCallError(operation, CANCELLED, 'cancelled before an answer arrived', undefined);
    }
    const status = err.$metadata?.httpStatusCode;
    const name = err.name ?? 'Error';
    if (why.deadlineMs !== undefined &&
        (name === 'AbortError' || name === 'TimeoutError' || err.code === 'ETIMEDOUT')) {
        return new AwsCallError(operation, NO_ANSWER, `no complete answer within ${Math.round(why.deadlineMs / 1000)} s`, undefined);
    }
    const code = name === 'Error' && err.code ? err.code : name;
    return new AwsCallError(operation, code, err.message ?? String(e), status);
}


/***/ }),

/***/ 5448:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ DECOMMISSION_SECONDS),
/* harmony export */   JW: () => (/* binding */ BUDGET_MARGIN_SECONDS),
/* harmony export */   Vd: () => (/* binding */ planTags),
/* harmony export */   W4: () => (/* binding */ DEFAULT_PROVISIONING_SECONDS),
/* harmony export */   oz: () => (/* binding */ CREATE_ENDPOINT_ESTIMATE_SECONDS),
/* harmony export */   qB: () => (/* binding */ artifactOf),
/* harmony export */   vr: () => (/* binding */ FIRST_DEPLOY_BUDGET_SECONDS),
/* harmony export */   w6: () => (/* binding */ createModelBody),
/* harmony export */   x3: () => (/* binding */ MAX_TAGS)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_index_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9882);
/* harmony import */ var _step_identity_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5704);
// Planning that holds for every target: the estimates and margins of the time budget, the tags
// every created resource carries, the model to create and the artifact a person recognises. Pure.



/** The plan's estimate of green-fleet provisioning, before the first traffic step. */
const DEFAULT_PROVISIONING_SECONDS = 480;
/** Estimate for terminating the blue fleet after the final bake. */
const DECOMMISSION_SECONDS = 60;
/** Creating an endpoint (launching its instances, loading the model) usually takes minutes. */
const CREATE_ENDPOINT_ESTIMATE_SECONDS = 600;
/** Room beyond SageMaker's deployment timeout before the action gives up waiting. */
const BUDGET_MARGIN_SECONDS = 600;
/** Creating an endpoint takes minutes, whatever the schedule says. */
const FIRST_DEPLOY_BUDGET_SECONDS = 1800;
const MAX_TAGS = 50;
/** What a person recognises the model by: its artifact or package (not a model name). */
function artifactOf(model) {
    if (model.kind === 'artifact')
        return model.modelDataUrl;
    return model.kind === 'package' ? model.modelPackageArn : undefined;
}
/** The user's tags plus the action's provenance tags (and the step's fingerprint, when known). */
function planTags(userTags, run, step) {
    const provenance = [
        ['repository', run.repository],
        ['sha', run.sha],
        ['workflow', run.workflow],
        ['run-id', run.runId],
        ['run-attempt', run.runAttempt],
        ...(step === undefined ? [] : [['step', step]])
    ];
    const tags = [
        ...userTags
            .filter(t => !t.Key.startsWith(_inputs_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ACTION_TAG_PREFIX */ .FU))
            .map(({ Key, Value }) => ({ Key, Value })),
        ...provenance.map(([key, value]) => ({
            Key: `${_inputs_index_js__WEBPACK_IMPORTED_MODULE_1__/* .ACTION_TAG_PREFIX */ .FU}${key}`,
            Value: (0,_step_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .tagValue */ .EZ)(value)
        }))
    ];
    if (tags.length > MAX_TAGS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('tags', `Input "tags" gives ${userTags.length} tags; with the action's ${provenance.length} that exceeds SageMaker's ${MAX_TAGS}. Remove some.`);
    }
    return tags;
}
function createModelBody(request, modelName, environment, extra) {
    const model = request.model;
    if (model.kind === 'existing')
        return undefined;
    const env = Object.keys(environment).length > 0 ? { Environment: { ...environment } } : {};
    const container = model.kind === 'artifact'
        ? { Image: model.imageUri, ModelDataUrl: model.modelDataUrl, ...env }
        : { ModelPackageName: model.modelPackageArn, ...env };
    return {
        ModelName: modelName,
        PrimaryContainer: container,
        ExecutionRoleArn: model.executionRoleArn,
        ...extra
    };
}


/***/ }),

/***/ 2622:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ retainedConfig)
/* harmony export */ });
/* unused harmony export describePolicy */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_parsers_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5165);
/* harmony import */ var _rollout_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1201);
// retain-deployment-config done right: SageMaker reuses the endpoint's last deployment
// configuration, so there must be one, with alarms; and whatever policy inputs or alarm-names
// the step still sets (a dispatch retry flips only retain) must say what is retained.



function stepText(size) {
    return size.type === 'CAPACITY_PERCENT' ? `${size.value}%` : `${size.value} instance(s)`;
}
function describePolicy(policy) {
    const unit = { linear: 'per step', canary: 'canary', rolling: 'per batch', 'all-at-once': '' };
    const shift = policy.routing === 'all-at-once'
        ? 'all at once'
        : `${policy.routing}, ${stepText(policy.stepSize)} ${unit[policy.routing]}`;
    const rollback = policy.rollbackStepSize
        ? `, rollback ${stepText(policy.rollbackStepSize)} per batch`
        : '';
    const timeout = policy.maxExecutionTimeoutSeconds === undefined
        ? ''
        : `, timeout ${policy.maxExecutionTimeoutSeconds} s`;
    const final = policy.routing === 'rolling' ? '' : `, ${policy.terminationWaitSeconds} s final wait`;
    return `${shift}, ${policy.waitIntervalSeconds} s bake${final}${rollback}${timeout}`;
}
const FIELDS = [
    ['routing', 'traffic-routing', p => String(p.routing)],
    ['stepSize', 'step-size', p => (p.stepSize ? stepText(p.stepSize) : '')],
    ['waitIntervalSeconds', 'wait-interval', p => `${p.waitIntervalSeconds}`],
    ['terminationWaitSeconds', 'termination-wait', p => `${p.terminationWaitSeconds}`],
    [
        'maxExecutionTimeoutSeconds',
        'max-execution-timeout',
        p => (p.maxExecutionTimeoutSeconds === undefined ? '' : `${p.maxExecutionTimeoutSeconds}`)
    ],
    [
        'rollbackStepSize',
        'rollback-step-size',
        p => (p.rollbackStepSize ? stepText(p.rollbackStepSize) : 'all at once')
    ]
];
/** What SageMaker will reuse, checked against the step's inputs; throws when it cannot work. */
function retainedConfig(request, current) {
    const last = current.lastDeploymentConfig;
    const policy = (0,_rollout_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .policyFromDeploymentConfig */ .yz)(last);
    const retry = 'Set retain-deployment-config: false and give the policy (and alarms) to use.';
    if (!policy) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('retain-deployment-config', `Input "retain-deployment-config" is true, but endpoint ${request.endpointName} has no blue/green deployment configuration to reuse (its LastDeploymentConfig is ${last ? 'not a blue/green policy' : 'empty: it was created or last updated without one'}). SageMaker would update it with no traffic shifting and no alarm. ${retry}`);
    }
    const alarmNames = (0,_rollout_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .alarmNamesFromDeploymentConfig */ .rG)(last);
    if (alarmNames.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('retain-deployment-config', `Input "retain-deployment-config" is true, but the deployment configuration of endpoint ${request.endpointName} has no rollback alarm: retaining it would shift traffic with nothing to roll it back. ${retry}`);
    }
    const given = request.alarmNames;
    if (given.length > 0) {
        const same = given.length === alarmNames.length && given.every(n => alarmNames.includes(n));
        if (!same) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarm-names', `Input "alarm-names" is ${(0,_inputs_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(given.join(', '))}, but the deployment configuration that retain-deployment-config reuses has the alarms ${(0,_inputs_parsers_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(alarmNames.join(', '))}. Leave alarm-names empty or equal to those, or set retain-deployment-config: false to send a new policy with these alarms.`);
        }
    }
    for (const [field, input, text] of FIELDS) {
        const expected = request.retainExpected[field];
        if (expected === undefined)
            continue;
        if (JSON.stringify(expected) !== JSON.stringify(policy[field])) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `Input "${input}" is ${text(request.retainExpected)}, but the deployment configuration that retain-deployment-config reuses has ${text(policy) || 'none'} (${describePolicy(policy)}). Leave ${input} empty or equal to it, or set retain-deployment-config: false to send a new policy.`);
        }
    }
    return {
        policy,
        alarmNames,
        description: `Retained from the endpoint's last deployment: ${describePolicy(policy)}; alarms ${alarmNames.join(', ')}.`
    };
}


/***/ }),

/***/ 5704:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ isStepTagged),
/* harmony export */   Br: () => (/* binding */ REPLACES_TAG),
/* harmony export */   D$: () => (/* binding */ RUN_ID_TAG),
/* harmony export */   EZ: () => (/* binding */ tagValue),
/* harmony export */   IW: () => (/* binding */ SHA_TAG),
/* harmony export */   SD: () => (/* binding */ REPOSITORY_TAG),
/* harmony export */   bQ: () => (/* binding */ RUN_ATTEMPT_TAG),
/* harmony export */   n4: () => (/* binding */ stepHash)
/* harmony export */ });
/* unused harmony exports STEP_TAG, canonicalJson */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _inputs_model_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1332);
// What makes a deployment "this step's": the content of the requests it sends, not the run it
// came from. Two steps of one run with different artifacts are different deployments; a re-run
// of the same step is the same one. The fingerprint goes into a tag on the model and the
// endpoint config, so a later read can tell whether a pending or live config is exactly what
// this step would create.


const STEP_TAG = `${_inputs_model_js__WEBPACK_IMPORTED_MODULE_1__/* .ACTION_TAG_PREFIX */ .FU}step`;
const REPOSITORY_TAG = `${_inputs_model_js__WEBPACK_IMPORTED_MODULE_1__/* .ACTION_TAG_PREFIX */ .FU}repository`;
const RUN_ID_TAG = `${_inputs_model_js__WEBPACK_IMPORTED_MODULE_1__/* .ACTION_TAG_PREFIX */ .FU}run-id`;
const RUN_ATTEMPT_TAG = `${_inputs_model_js__WEBPACK_IMPORTED_MODULE_1__/* .ACTION_TAG_PREFIX */ .FU}run-attempt`;
const SHA_TAG = `${_inputs_model_js__WEBPACK_IMPORTED_MODULE_1__/* .ACTION_TAG_PREFIX */ .FU}sha`;
/** On a config the action created for an update: the config it replaced (rollback-to: previous). */
const REPLACES_TAG = `${_inputs_model_js__WEBPACK_IMPORTED_MODULE_1__/* .ACTION_TAG_PREFIX */ .FU}replaces`;
/** JSON with object keys sorted at every level: the same content always gives the same text. */
function canonicalJson(value) {
    const sort = (v) => {
        if (Array.isArray(v))
            return v.map(sort);
        if (v !== null && typeof v === 'object') {
            // Keys are unique, so no two compare equal. JSON.stringify leaves out undefined members.
            return Object.fromEntries(Object.entries(v)
                .sort(([a], [b]) => (a < b ? -1 : 1))
                .map(([k, item]) => [k, sort(item)]));
        }
        return v;
    };
    return JSON.stringify(sort(value));
}
/** A body without the names and tags a run chooses: only what it asks SageMaker to run. */
function content(body) {
    const { ModelName, EndpointConfigName, EndpointName, Tags, ...rest } = body;
    void ModelName;
    void EndpointConfigName;
    void EndpointName;
    void Tags;
    const variants = rest['ProductionVariants'];
    if (Array.isArray(variants)) {
        rest['ProductionVariants'] = variants.map(v => {
            const { ModelName: model, ...variant } = v;
            void model;
            return variant;
        });
    }
    return rest;
}
/**
 * A 16-hex-digit fingerprint of what a step asks SageMaker to run. Container environment values
 * go into the hash, never into a tag or a log: the hash cannot be turned back into them.
 */
function stepHash(r) {
    const text = canonicalJson({
        endpoint: r.endpointName,
        model: typeof r.model === 'string' ? { existing: r.model } : content(r.model),
        config: content(r.endpointConfig),
        change: content(r.endpointChange)
    });
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, 16);
}
/** Whether a resource's tags say it was made for exactly this step, from this repository. */
function isStepTagged(tags, repository, hash) {
    return tags[STEP_TAG] === hash && tags[REPOSITORY_TAG] === tagValue(repository);
}
const TAG_CHAR = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u;
/** A tag value SageMaker accepts: disallowed characters become `_`, at most 256. */
function tagValue(text) {
    return Array.from(text)
        .map(ch => (TAG_CHAR.test(ch) ? ch : '_'))
        .slice(0, 256)
        .join('');
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   em: () => (/* binding */ sentence),
/* harmony export */   gJ: () => (/* binding */ errorMessage)
/* harmony export */ });
/** A problem with the action's inputs: names the (first) offending input. */
class InputError extends Error {
    input;
    constructor(input, message) {
        super(message);
        this.input = input;
        this.name = 'InputError';
    }
}
/** Turns anything thrown into a message a user can read. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        const json = JSON.stringify(error);
        if (json !== undefined)
            return json;
    }
    catch {
        // circular or BigInt: fall through to String()
    }
    return String(error);
}
/** Text as a sentence: ends with a full stop unless it already ends with punctuation. */
function sentence(text) {
    const trimmed = text.trim();
    return /[.!?:)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}


/***/ }),

/***/ 2767:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _5: () => (/* binding */ createdAlarmPeriods),
/* harmony export */   aN: () => (/* binding */ PERIOD_SECONDS),
/* harmony export */   bC: () => (/* binding */ errorRateAlarmName),
/* harmony export */   oo: () => (/* binding */ alarmUpToDate),
/* harmony export */   se: () => (/* binding */ labAlarms),
/* harmony export */   uh: () => (/* binding */ componentAlarms)
/* harmony export */ });
/* unused harmony exports MINUTE_PERIODS, latencyAlarmName */
// The two lab alarms that guard a rollout. Both watch the endpoint's variant (blue and green
// together), fire on one breaching period (1 minute, or 10 or 30 s with metrics-resolution) and
// treat a period without traffic as OK, so an idle endpoint never blocks or rolls back a
// deployment.
const NAMESPACE = 'AWS/SageMaker';
/** The created alarms' period by default; each fires on one breaching period (DatapointsToAlarm 1). */
const PERIOD_SECONDS = 60;
const MINUTE_PERIODS = { periodSeconds: PERIOD_SECONDS, evaluationPeriods: 1 };
/**
 * The created alarms' periods for the green config's invocation metrics: one minute, or the 10 or
 * 30 s that `metrics-resolution` asks for. A 10 or 30 s alarm looks at enough periods to reach a
 * datapoint `metric-delay` late, still firing on one (1 out of N): CloudWatch documents no
 * evaluation range, and says a 10 s alarm on one-minute data "might often lapse into
 * INSUFFICIENT_DATA" (PutMetricAlarm, Period), so it may look back only a few periods.
 */
function createdAlarmPeriods(resolution, metricDelaySeconds) {
    const periodSeconds = resolution ?? PERIOD_SECONDS;
    if (periodSeconds >= 60)
        return { periodSeconds, evaluationPeriods: 1 };
    return { periodSeconds, evaluationPeriods: Math.ceil(metricDelaySeconds / periodSeconds) + 1 };
}
/** "1 min" or "10 s", for people. */
function span(periodSeconds) {
    return periodSeconds === 60 ? '1 min' : `${periodSeconds} s`;
}
/** What the error-rate alarm counts as a failed invocation, for people. */
const FAILURES = '5XX, timeouts, model errors';
/** The error-rate alarm keeps its first name (5XX only then): users' alarm lists name it. */
function errorRateAlarmName(endpointName) {
    return `${endpointName}-5xx-rate`;
}
function latencyAlarmName(endpointName) {
    return `${endpointName}-model-latency`;
}
function labAlarms(endpointName, variantName, errorRateThresholdPercent, latencyThresholdMs, tags, periods = MINUTE_PERIODS, prefix = endpointName) {
    return guardAlarms({
        prefix,
        dimensions: [
            { Name: 'EndpointName', Value: endpointName },
            { Name: 'VariantName', Value: variantName }
        ],
        what: `a blue/green deployment of SageMaker endpoint ${endpointName} (variant ${variantName})`
    }, errorRateThresholdPercent, latencyThresholdMs, tags, periods);
}
/**
 * The two alarms for an inference component: SageMaker publishes its invocation metrics with an
 * `InferenceComponentName` dimension (SageMaker guide, "Amazon SageMaker AI metrics in Amazon
 * CloudWatch": dimensions for endpoint invocation metrics).
 */
function componentAlarms(componentName, endpointName, errorRateThresholdPercent, latencyThresholdMs, tags, prefix = componentName) {
    return guardAlarms({
        prefix,
        dimensions: [{ Name: 'InferenceComponentName', Value: componentName }],
        what: `a rolling update of inference component ${componentName} (endpoint ${endpointName})`
    }, errorRateThresholdPercent, latencyThresholdMs, tags, MINUTE_PERIODS);
}
function guardAlarms(target, errorRateThresholdPercent, latencyThresholdMs, tags, periods) {
    const { prefix, what } = target;
    const { periodSeconds, evaluationPeriods } = periods;
    const minute = periodSeconds === 60;
    // Kept word for word at one minute: alarms written by earlier runs stay up to date.
    const within = minute ? 'in a minute' : `in any ${periodSeconds} s`;
    const over = minute ? 'over a minute' : `over any ${periodSeconds} s`;
    const window = evaluationPeriods > 1 ? ` (any of the last ${evaluationPeriods} periods)` : '';
    const dimensions = target.dimensions.map(d => ({ ...d }));
    const metric = (id, metricName) => ({
        Id: id,
        MetricStat: {
            Metric: { Namespace: NAMESPACE, MetricName: metricName, Dimensions: dimensions },
            Period: periodSeconds,
            Stat: 'Sum'
        },
        ReturnData: false
    });
    const plainTags = tags.map(({ Key, Value }) => ({ Key, Value }));
    // Failed requests per minute: the larger of Invocation5XXErrors and InvocationModelErrors less
    // Invocation4XXErrors. InvocationModelErrors counts every request "which did not result in 2XX
    // HTTP response": the model's 4XX and 5XX, socket errors, malformed answers, timeouts (SageMaker
    // guide, monitoring-cloudwatch). Less the 4XX it adds what 5XX misses without counting client
    // mistakes (a model answering 400 to bad input is healthy). The larger of the two never sees
    // fewer failures than the 5XX count, whatever the overlap really is (model errors without the
    // 5XX, or 4XX the model never saw, would make the difference short). FILL: a minute missing one
    // of the two metrics still has a rate.
    const errorRate = {
        name: errorRateAlarmName(prefix),
        watches: `Error rate (${FAILURES}) > ${errorRateThresholdPercent} % of invocations over ${span(periodSeconds)}${window}`,
        threshold: errorRateThresholdPercent,
        thresholdText: `> ${errorRateThresholdPercent} %`,
        request: {
            AlarmName: errorRateAlarmName(prefix),
            AlarmDescription: `Rolls back ${what} when more than ${errorRateThresholdPercent} % of invocations fail ${within}: 5XX, timeouts, socket errors or malformed answers (not 4XX).`,
            ComparisonOperator: 'GreaterThanThreshold',
            Threshold: errorRateThresholdPercent,
            EvaluationPeriods: evaluationPeriods,
            DatapointsToAlarm: 1,
            TreatMissingData: 'notBreaching',
            Metrics: [
                metric('errors5xx', 'Invocation5XXErrors'),
                metric('errors4xx', 'Invocation4XXErrors'),
                metric('model_errors', 'InvocationModelErrors'),
                metric('invocations', 'Invocations'),
                {
                    Id: 'model_failed',
                    Expression: 'FILL(model_errors, 0) - FILL(errors4xx, 0)',
                    Label: 'Model errors other than 4XX',
                    ReturnData: false
                },
                {
                    Id: 'failed',
                    Expression: 'IF(errors5xx > model_failed, errors5xx, model_failed)',
                    Label: `Failed invocations (${FAILURES})`,
                    ReturnData: false
                },
                {
                    Id: 'rate',
                    Expression: 'IF(invocations > 0, 100 * failed / invocations, 0)',
                    Label: `Error rate % (${FAILURES})`,
                    ReturnData: true
                }
            ],
            Tags: plainTags
        }
    };
    // CloudWatch reports ModelLatency in microseconds.
    const latency = {
        name: latencyAlarmName(prefix),
        watches: `ModelLatency average > ${latencyThresholdMs} ms over ${span(periodSeconds)}${window}`,
        threshold: latencyThresholdMs,
        thresholdText: `> ${latencyThresholdMs} ms`,
        request: {
            AlarmName: latencyAlarmName(prefix),
            AlarmDescription: `Rolls back ${what} when the average ModelLatency ${over} exceeds ${latencyThresholdMs} ms.`,
            Namespace: NAMESPACE,
            MetricName: 'ModelLatency',
            Dimensions: dimensions,
            Statistic: 'Average',
            Period: periodSeconds,
            ComparisonOperator: 'GreaterThanThreshold',
            Threshold: Math.round(latencyThresholdMs * 1000),
            EvaluationPeriods: evaluationPeriods,
            DatapointsToAlarm: 1,
            TreatMissingData: 'notBreaching',
            Tags: plainTags
        }
    };
    return [errorRate, latency];
}
function sortedDimensions(value) {
    if (!Array.isArray(value))
        return value;
    return [...value].sort((a, b) => (a.Name ?? '') < (b.Name ?? '') ? -1 : (a.Name ?? '') > (b.Name ?? '') ? 1 : 0);
}
/** Whether `have` holds every value `want` sets (arrays element by element, same length). */
function covers(want, have, key = '') {
    if (key === 'Dimensions') {
        want = sortedDimensions(want);
        have = sortedDimensions(have);
    }
    if (Array.isArray(want)) {
        return (Array.isArray(have) &&
            have.length === want.length &&
            want.every((item, i) => covers(item, have[i])));
    }
    if (want !== null && typeof want === 'object') {
        if (have === null || typeof have !== 'object')
            return false;
        return Object.entries(want).every(([k, v]) => covers(v, have[k], k));
    }
    return want === have;
}
/**
 * Whether an alarm read with DescribeAlarms already has the definition PutMetricAlarm would
 * write: then it is not written again (writes count against a low per-account quota).
 */
function alarmUpToDate(existing, request) {
    // An alarm that does not exist (undefined) covers nothing: `covers` answers false for it.
    const { Tags, ...definition } = request;
    void Tags;
    return covers(definition, existing);
}


/***/ }),

/***/ 8926:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ detectionSeconds),
/* harmony export */   YR: () => (/* binding */ alarmTiming),
/* harmony export */   pR: () => (/* binding */ detectionText),
/* harmony export */   xy: () => (/* binding */ DEFAULT_METRIC_DELAY_SECONDS),
/* harmony export */   yX: () => (/* binding */ guardedSteps)
/* harmony export */ });
/* unused harmony exports evaluationIntervalSeconds, rolloutDetectionSeconds, safeTerminationWait */
/**
 * How late a minute of SageMaker's invocation metrics can be complete in CloudWatch, by default
 * (action.yml `metric-delay`): AWS gives no figure; CloudWatch evaluates "data points available
 * at a specific moment" while "new data points continue to flow" (re:Post), and the emulator's
 * late-datapoint model assumes up to 3 minutes.
 */
const DEFAULT_METRIC_DELAY_SECONDS = 180;
/**
 * How often CloudWatch evaluates an alarm: "If the alarm period is 10 seconds or 30 seconds, the
 * alarm is evaluated every 10 seconds"; any longer period is evaluated every minute (CloudWatch
 * guide, "Using Amazon CloudWatch alarms"; the alarm limits page: "even if the alarm's period is
 * longer than one minute, it is evaluated every minute").
 */
function evaluationIntervalSeconds(periodSeconds) {
    return periodSeconds < 60 ? 10 : 60;
}
/**
 * The worst case from the first bad request to ALARM: a bad request at the start of a period
 * breaches that period and the next `datapointsToAlarm - 1`, the last of them is complete
 * `metricDelaySeconds` after it ends, and CloudWatch evaluates within one interval after that.
 */
function detectionSeconds(a) {
    return (a.periodSeconds * Math.max(1, a.datapointsToAlarm) +
        a.metricDelaySeconds +
        evaluationIntervalSeconds(a.periodSeconds));
}
/** The rollout's detection time: the slowest guard alarm (each must be able to fire). */
function rolloutDetectionSeconds(alarms) {
    return alarms.length ? Math.max(...alarms.map(detectionSeconds)) : undefined;
}
/**
 * The watched time of each shift of a linear, canary or all-at-once rollout. The step that
 * reaches 100 % bakes only `TerminationWaitInSeconds` (the harsher reading: the guides never say
 * that it bakes `WaitIntervalInSeconds` too, and their EventBridge examples label the
 * full-capacity bake "TerminationWaitInSeconds").
 */
function guardedSteps(policy, greenPercents, detection) {
    // The last step is the one that takes all the traffic (its share may round below 100 %).
    const bakes = greenPercents.map((_, i) => i === greenPercents.length - 1 ? policy.terminationWaitSeconds : policy.waitIntervalSeconds);
    return greenPercents.map((greenPercent, i) => {
        const watchedSeconds = bakes.slice(i).reduce((sum, b) => sum + b, 0);
        return {
            step: i + 1,
            greenPercent,
            bakeSeconds: bakes[i],
            watchedSeconds,
            seen: watchedSeconds >= detection
        };
    });
}
/**
 * The final bake that lets the guard see a model that breaks as it takes all the traffic: the
 * detection time, at least what was asked. A cost in minutes the plan shows.
 */
function safeTerminationWait(asked, detection) {
    return detection === undefined ? asked : Math.max(asked, detection);
}
/**
 * The timing of an alarm as PutMetricAlarm takes it or DescribeAlarms returns it (the same
 * members): the period of a single-metric alarm, or the longest period among a metric-math
 * alarm's metrics; DatapointsToAlarm, else EvaluationPeriods (CloudWatch's default).
 */
function alarmTiming(alarm, metricDelaySeconds) {
    const num = (v) => Number.isFinite(v) && v > 0 ? v : undefined;
    const metrics = Array.isArray(alarm['Metrics']) ? alarm['Metrics'] : [];
    const periods = metrics
        .map(m => m ?? {})
        .map(m => num(m.MetricStat?.Period) ?? num(m.Period))
        .filter((p) => p !== undefined);
    const periodSeconds = num(alarm['Period']) ?? (periods.length ? Math.max(...periods) : 60);
    const datapointsToAlarm = num(alarm['DatapointsToAlarm']) ?? num(alarm['EvaluationPeriods']) ?? 1;
    return {
        name: typeof alarm['AlarmName'] === 'string' ? alarm['AlarmName'] : '?',
        periodSeconds,
        datapointsToAlarm,
        metricDelaySeconds
    };
}
/** How the slowest alarm's detection time adds up, for people. */
function detectionText(a) {
    return `period ${a.periodSeconds} s × ${a.datapointsToAlarm} + metric-delay ${a.metricDelaySeconds} s + ${evaluationIntervalSeconds(a.periodSeconds)} s evaluation`;
}


/***/ }),

/***/ 232:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FI: () => (/* binding */ gatePlan),
/* harmony export */   T: () => (/* binding */ gateAlarm),
/* harmony export */   Vs: () => (/* binding */ GATE_MIN_SAMPLES),
/* harmony export */   oF: () => (/* binding */ GATE_PUBLISH_SECONDS)
/* harmony export */ });
/* unused harmony exports GATE_NAMESPACE, GATE_METRIC, GATE_PERIOD_SECONDS, GATE_EVALUATION_PERIODS, GATE_VISIBILITY_SECONDS, gateAlarmName, gateDimensions, gateJudgeSeconds */
/** The action's own namespace (PutMetricData refuses names starting with "AWS/"). */
const GATE_NAMESPACE = 'SageMakerBlueGreenDeploy';
const GATE_METRIC = 'GateFailed';
/** High resolution: the alarm can look at 10-s periods ("high-resolution metrics", CloudWatch guide). */
const GATE_PERIOD_SECONDS = 10;
/**
 * The alarm looks at the last 3 periods and fires on one: a breach published a few seconds late
 * (custom metrics are not instantly visible) is still in the window when CloudWatch evaluates.
 */
const GATE_EVALUATION_PERIODS = 3;
/** A failed gate publishes its breach this often until the run ends (never a single datapoint). */
const GATE_PUBLISH_SECONDS = 5;
/** The worst lag from PutMetricData to a datapoint an alarm evaluates (assumption; see the emulator). */
const GATE_VISIBILITY_SECONDS = 5;
function gateAlarmName(endpointName) {
    return `${endpointName}-gate`;
}
function gateDimensions(endpointName) {
    return [{ Name: 'EndpointName', Value: endpointName }];
}
/**
 * Golden requests one step needs before the rule can fail it (rule.ts takes it from here: the
 * plan's arithmetic and the rule agree, and reading the plan loads no statistics).
 */
const GATE_MIN_SAMPLES = 20;
/**
 * Worst case from a bad model taking traffic to a published breach: the command's whole limit
 * (it runs once a shift is seen), or the golden requests a judgement needs at the gate's rate,
 * whichever is slower, then the publication's own lag. The alarm's period and evaluation come on
 * top (guard/detection.ts), as for every alarm.
 */
function gateJudgeSeconds(gate) {
    const requests = gate.requests.length
        ? Math.ceil(GATE_MIN_SAMPLES / gate.ratePerSecond) + GATE_PUBLISH_SECONDS
        : 0;
    const command = gate.command !== undefined ? gate.commandTimeoutSeconds : 0;
    return Math.max(requests, command) + GATE_VISIBILITY_SECONDS;
}
function gatePlan(endpointName, gate, prefix = endpointName) {
    return {
        alarmName: gateAlarmName(prefix),
        namespace: GATE_NAMESPACE,
        metricName: GATE_METRIC,
        dimensions: gateDimensions(endpointName),
        judgeSeconds: gateJudgeSeconds(gate),
        requests: gate.requests.length,
        ratePerSecond: gate.ratePerSecond,
        command: gate.command,
        commandTimeoutSeconds: gate.commandTimeoutSeconds,
        onCancel: gate.onCancel
    };
}
/** The gate alarm's PutMetricAlarm request. Missing data is OK: no check, no breach. */
function gateAlarm(plan, endpointName, tags) {
    return {
        name: plan.alarmName,
        watches: `Verification gate (${GATE_NAMESPACE}/${GATE_METRIC}) ≥ 1 in any ${GATE_PERIOD_SECONDS} s (any of the last ${GATE_EVALUATION_PERIODS} periods)`,
        threshold: 1,
        thresholdText: '≥ 1 (a failed check)',
        request: {
            AlarmName: plan.alarmName,
            AlarmDescription: `Rolls back a deployment of SageMaker endpoint ${endpointName} when a check of the action's verification gate fails (golden requests or verify-command). Published by the action only.`,
            Namespace: GATE_NAMESPACE,
            MetricName: GATE_METRIC,
            Dimensions: plan.dimensions.map(d => ({ ...d })),
            Statistic: 'Maximum',
            Period: GATE_PERIOD_SECONDS,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            Threshold: 1,
            EvaluationPeriods: GATE_EVALUATION_PERIODS,
            DatapointsToAlarm: 1,
            TreatMissingData: 'notBreaching',
            Tags: tags.map(({ Key, Value }) => ({ Key, Value }))
        }
    };
}


/***/ }),

/***/ 5137:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   RS: () => (/* binding */ commandProblem),
/* harmony export */   aY: () => (/* binding */ findOnPath),
/* harmony export */   wd: () => (/* binding */ isDirectory)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
// Before any write: can verify-command run at all? Its first word must be a shell builtin, an
// executable file, or a name on PATH. Aliases and functions are not seen. Kept apart from the
// runner so that reading the inputs loads no child-process code.


const BUILTINS = new Set(('. : [ alias bg bind break builtin caller cd command compgen complete compopt continue ' +
    'declare dirs disown echo enable eval exec exit export false fc fg getopts hash help ' +
    'history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly ' +
    'return set shift shopt source suspend test times trap true type typeset ulimit umask ' +
    'unalias unset wait ! [[ ]] { } case do done elif else esac fi for function if in select ' +
    'then time until while coproc').split(' '));
/** Why the command cannot run (refused before any write), or undefined. */
function commandProblem(command, opts) {
    if (process.platform === 'win32') {
        return 'verify-command is not supported on Windows runners: it needs a POSIX shell and process groups to stop a command that hangs';
    }
    if (command.trim() === '')
        return 'verify-command is empty';
    if (!isDirectory(opts.cwd))
        return `verify-command: working directory "${opts.cwd}" does not exist`;
    const env = opts.env ?? process.env;
    const word = firstWord(command, env);
    // Nothing to look up: an expansion ($CMD, `...`), a subshell, or assignments alone.
    if (word === undefined || BUILTINS.has(word))
        return undefined;
    if (word.includes('/')) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(opts.cwd, word);
        if (isExecutableFile(path))
            return undefined;
        const where = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(word) ? '' : ` (${path})`;
        return `verify-command: "${word}" is not an executable file${where}`;
    }
    if (findOnPath(word, env, opts.cwd) !== undefined)
        return undefined;
    return `verify-command: command "${word}" not found (PATH searched: ${env.PATH ?? ''})`;
}
/**
 * The first word the shell would run, after leading blank and comment lines and `VAR=value`
 * assignments; undefined when it is not a plain word. A simple reading of the shell's grammar:
 * aliases and functions (from a sourced file, say) are not seen, and expansions are not evaluated.
 */
function firstWord(command, env) {
    let i = 0;
    const at = () => command[i] ?? '';
    for (;;) {
        while (/\s/.test(at()))
            i++;
        if (at() !== '#')
            break;
        while (i < command.length && at() !== '\n')
            i++;
    }
    for (;;) {
        while (at() === ' ' || at() === '\t')
            i++;
        let word = '';
        let dynamic = false;
        let quoted = false;
        while (i < command.length && !/[\s;&|<>()]/.test(at())) {
            const c = at();
            if (c === "'") {
                quoted = true;
                const end = command.indexOf("'", i + 1);
                if (end < 0)
                    return undefined;
                word += command.slice(i + 1, end);
                i = end + 1;
            }
            else if (c === '"') {
                quoted = true;
                i++;
                while (i < command.length && at() !== '"') {
                    if (at() === '$' || at() === '`')
                        dynamic = true;
                    if (at() === '\\' && /["\\$`]/.test(command[i + 1] ?? ''))
                        i++;
                    word += at();
                    i++;
                }
                if (i >= command.length)
                    return undefined;
                i++;
            }
            else if (c === '\\') {
                word += command[i + 1] ?? '';
                i += 2;
            }
            else {
                if (c === '$' || c === '`' || c === '*' || c === '?')
                    dynamic = true;
                word += c;
                i++;
            }
        }
        if (word === '' && !quoted)
            return undefined;
        if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word))
            continue;
        if (dynamic)
            return undefined;
        const home = env.HOME;
        if (word.startsWith('~/') && home !== undefined)
            return home + word.slice(1);
        return word;
    }
}
function isDirectory(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
function isExecutableFile(path) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isFile())
            return false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** The file a name runs, as the shell looks it up (an empty PATH entry is the directory itself). */
function findOnPath(name, env, cwd) {
    for (const dir of (env.PATH ?? '').split(':')) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, dir, name);
        if (isExecutableFile(path))
            return path;
    }
    return undefined;
}
// The watchdog, run as `node --input-type=commonjs -e WATCHDOG <config JSON>`. An inline string,
// not a file: the action ships as one bundled file. Everything here runs on real time.
// It passes the command's output through on fd 1 and writes one JSON report line on fd 2; the
// command gets pipes of its own for 1 and 2, so it cannot write to either directly.
// The end: once the command has exited, what is left of its group (background processes) gets
// SIGTERM; those still holding its output get the grace to end, then all get SIGKILL; the report
// comes last. The deadline counts from the command's start, after the watchdog's own (~0.1 s).


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4846);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4813);
// Entry point. GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later: both stop the watch,
// which then reports the last known state without changing anything. Once there is a verdict,
// the exit code follows it, whatever signal comes after.
//
// Source maps (dist/*.map) are read only in a debug run (RUNNER_DEBUG=1, "Enable debug logging"):
// stack traces then name the TypeScript sources of every chunk loaded after this point. A normal
// start never pays for them (NODE_OPTIONS=--enable-source-maps maps everything, if wanted).



const debug = process.env.RUNNER_DEBUG === '1';
if (debug)
    process.setSourceMapsEnabled(true);
const controller = new AbortController();
let outcome;
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        if (!controller.signal.aborted) {
            process.stdout.write(`Received ${signal}: stopping (SageMaker continues on its own).\n`);
            controller.abort();
        }
    });
}
try {
    outcome = await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)({ signal: controller.signal });
}
catch (e) {
    // Anything run() did not turn into a verdict still fails the step with a readable message.
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .failFast */ .$4)(`Unexpected error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`);
    if (debug && e instanceof Error && e.stack)
        process.stderr.write(`${e.stack}\n`);
}
if (outcome !== undefined)
    process.exitCode = _main_js__WEBPACK_IMPORTED_MODULE_1__/* .FAILING_OUTCOMES */ .lq.has(outcome) ? 1 : 0;
else if (controller.signal.aborted)
    process.exitCode = 1;
// The verdict is written and the clients are closed; should anything still hold the event loop
// (a socket that ignores its abort), the step must not hang on it. Unref'd: a clean exit is not
// delayed.
setTimeout(() => process.exit(), 3000).unref();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9882:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  FU: () => (/* reexport */ inputs_model/* ACTION_TAG_PREFIX */.FU),
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: DEFAULT_METRICS_WAIT_SECONDS, MAX_USER_TAGS, MODEL_NAME_PATTERN, NAME_PATTERN, POLICY_INPUTS, TAG_PATTERN, show

// EXTERNAL MODULE: ./src/inputs/parsers.ts
var parsers = __nccwpck_require__(5165);
;// CONCATENATED MODULE: ./src/inputs/placement.ts
// Where the model's parts live, checked against `region` before any call: SageMaker takes a model
// package, an ECR image and an S3 artifact from the endpoint's own region only, and an IAM role from
// the same partition. Without these checks the alarms, model and config are written first and AWS
// refuses later (or after 10 minutes of provisioning, for an image it cannot pull).

/** The partition of a region (the `aws…` of its ARNs). */
function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    if (region.startsWith('us-isob-'))
        return 'aws-iso-b';
    if (region.startsWith('us-isof-'))
        return 'aws-iso-f';
    if (region.startsWith('eu-isoe-'))
        return 'aws-iso-e';
    if (region.startsWith('us-iso-'))
        return 'aws-iso';
    return 'aws';
}
/** An Amazon ECR image: `<account>.dkr.ecr[-fips].<region>.<domain>/<repository>[:tag|@digest]`. */
const ECR_IMAGE = /^\d{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com(?:\.cn)?|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)\/\S+$/;
/** The region in an S3 https URL's host (`bucket.s3.eu-west-1.amazonaws.com`, `s3-eu-west-1…`). */
const S3_REGIONAL_HOST = /(?:^|\.)s3(?:-fips)?(?:\.dualstack)?[.-]([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;
/** `arn:<partition>:<service>:<region>:…` */
const ARN_PARTS = /^arn:([^:]+):[^:]*:([^:]*):/;
/** A region's shape (an invalid region has its own error, and nothing can be compared with it). */
const REGION_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
function checkPlacement(r, region, model) {
    if (!REGION_SHAPE.test(region))
        return;
    const partition = partitionOf(region);
    const arnPartition = (name, arn) => {
        const parts = ARN_PARTS.exec(arn);
        if (parts && parts[1] !== partition) {
            r.p.add(name, `Input "${name}" is in partition ${parts[1]}, but region ${region} is in ${partition}: SageMaker in ${region} accepts only arn:${partition}:… ARNs. Use one of partition ${partition}, or fix region.`);
        }
    };
    if (model.kind === 'package') {
        arnPartition('model-package-arn', model.modelPackageArn);
        arnPartition('execution-role-arn', model.executionRoleArn);
        const packageRegion = ARN_PARTS.exec(model.modelPackageArn)?.[2];
        if (packageRegion && packageRegion !== region) {
            r.p.add('model-package-arn', `Input "model-package-arn" is a model package in ${packageRegion}, but the endpoint is in ${region}: SageMaker deploys a package only in its own region. Copy the model version into a package group in ${region} (or deploy its artifact with model-data-url), or fix region.`);
        }
    }
    if (model.kind === 'artifact') {
        arnPartition('execution-role-arn', model.executionRoleArn);
        checkImage(r, region, model.imageUri);
        checkArtifact(r, region, model.modelDataUrl);
    }
}
function checkImage(r, region, image) {
    if (image === '')
        return;
    const ecr = ECR_IMAGE.exec(image);
    if (!ecr) {
        r.p.add('image-uri', `Input "image-uri" must be an Amazon ECR image (<account>.dkr.ecr.${region}.amazonaws.com/<repository>:<tag>), got ${(0,parsers/* show */.WU)(image)}: SageMaker hosting pulls images from ECR (a private registry needs the model's ImageConfig with RepositoryAccessMode Vpc, which this action does not set). Push the image to ECR in ${region}.`);
        return;
    }
    if (ecr[1] !== region) {
        r.p.add('image-uri', `Input "image-uri" is an ECR image in ${ecr[1] ?? '?'}, but the endpoint is in ${region}: SageMaker pulls a model's image from its own region. Replicate the repository to ${region} (ECR replication), or fix region.`);
    }
}
function checkArtifact(r, region, url) {
    if (!url.startsWith('https://'))
        return;
    const host = /^https:\/\/([^/]+)/.exec(url)?.[1] ?? '';
    const bucketRegion = S3_REGIONAL_HOST.exec(host)?.[1];
    if (bucketRegion && bucketRegion !== region) {
        r.p.add('model-data-url', `Input "model-data-url" is an S3 URL in ${bucketRegion}, but the endpoint is in ${region}: SageMaker reads a model's artifact from a bucket in its own region. Copy the artifact to a bucket in ${region}, or fix region.`);
    }
}

// EXTERNAL MODULE: ./src/guard/detection.ts
var detection = __nccwpck_require__(8926);
// EXTERNAL MODULE: ./src/guard/alarms.ts
var alarms = __nccwpck_require__(2767);
;// CONCATENATED MODULE: ./src/inputs/context.ts

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
function readRegion(r, env) {
    const fromInput = r.v('region');
    const region = fromInput || env['AWS_REGION']?.trim() || env['AWS_DEFAULT_REGION']?.trim() || '';
    if (region === '') {
        r.p.add('region', 'Input "region" is required: set it, or set AWS_REGION or AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials does).');
    }
    else if (region.length > 32 || !REGION_PATTERN.test(region)) {
        const source = fromInput ? '' : ' (taken from AWS_REGION / AWS_DEFAULT_REGION)';
        r.p.add('region', `Input "region"${source} must be an AWS region such as us-east-1 or eu-west-2, got ${(0,parsers/* show */.WU)(region)}.`);
    }
    return region;
}
function readRun(env) {
    const get = (name, fallback) => env[name]?.trim() || fallback;
    return {
        repository: get('GITHUB_REPOSITORY', 'local'),
        sha: get('GITHUB_SHA', '0000000'),
        runId: get('GITHUB_RUN_ID', '0'),
        runAttempt: get('GITHUB_RUN_ATTEMPT', '1'),
        workflow: get('GITHUB_WORKFLOW', 'local'),
        serverUrl: get('GITHUB_SERVER_URL', 'https://github.com').replace(/\/+$/, ''),
        eventName: get('GITHUB_EVENT_NAME', 'local'),
        ref: get('GITHUB_REF', ''),
        actor: get('GITHUB_ACTOR', 'local')
    };
}

// EXTERNAL MODULE: ./src/inputs/model.ts
var inputs_model = __nccwpck_require__(1332);
;// CONCATENATED MODULE: ./src/inputs/component.ts


// inference-component-name, and the inputs that have no meaning with it: a component runs on
// the endpoint's instances (no instance type, count or variant of its own to set) and SageMaker
// updates it by rolling batches of copies only.
/** The component to deploy into, or undefined for the endpoint's own variant. */
function readComponentName(r) {
    const name = (0,parsers/* matches */.cK)(r, 'inference-component-name', inputs_model/* MODEL_NAME_PATTERN */.lM, 63, inputs_model/* SAGEMAKER_NAME */.bm);
    if (!name)
        return undefined;
    const routing = r.v('traffic-routing').toLowerCase();
    if (routing !== '' && routing !== 'rolling') {
        r.p.add('traffic-routing', `Input "traffic-routing" is ${(0,parsers/* show */.WU)(r.v('traffic-routing'))}, but with inference-component-name SageMaker updates the component by rolling batches of copies only (UpdateInferenceComponent has no blue/green traffic shifting). Leave traffic-routing empty or set it to rolling.`);
    }
    const fleet = {
        'instance-type': "the copies run on the endpoint's instances, whose type the endpoint config sets",
        'instance-count': "the component's copy count is kept as it runs (auto scaling may move it), and the endpoint's instances are not this step's to change",
        'variant-name': 'the component already belongs to one variant of the endpoint',
        'metrics-resolution': "how often invocation metrics are published is the endpoint config's MetricsConfig, and UpdateInferenceComponent changes only the component"
    };
    for (const [input, why] of Object.entries(fleet)) {
        if (r.v(input) !== '') {
            r.p.add(input, `Input "${input}" has no meaning with inference-component-name: ${why}. Remove ${input}, or deploy to the endpoint itself (no inference-component-name).`);
        }
    }
    return name;
}

// EXTERNAL MODULE: ./src/inputs/policy.ts
var inputs_policy = __nccwpck_require__(4035);
// EXTERNAL MODULE: ./src/inputs/restore.ts
var restore = __nccwpck_require__(3467);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/guard/gate/requests.ts
// Pure (but for the one read of the file): the golden requests file, input `verify-requests`, in
// JSON Lines: one request a line, {"body": …, "contentType"?, "accept"?, "expected"?,
// "tolerance"?}. Read once, before anything is written, so that a typo stops the run before it
// touches the endpoint.




const INPUT = 'verify-requests';
/** At most this many requests: the gate sends each at every look, and the baseline all of them. */
const MAX_REQUESTS = 1000;
/**
 * A body's size once serialised, in bytes: InvokeEndpoint's "maximum size of the input payload is
 * 6 MB". AWS does not say whether its MB is 10^6 or 2^20 bytes: the smaller, so that a body this
 * accepts is never refused for its size.
 */
const MAX_BODY_BYTES = 6_000_000;
/** The file's size: all of it is held in memory, with the bodies. */
const MAX_FILE_BYTES = 16_000_000;
/** contentType and accept: InvokeEndpoint's ContentType and Accept take at most 1024 characters. */
const MAX_HEADER_LENGTH = 1024;
const KEYS = ['body', 'contentType', 'accept', 'expected', 'tolerance'];
function kind(v) {
    if (v === null)
        return 'null';
    if (Array.isArray(v))
        return 'an array';
    if (typeof v === 'object')
        return 'an object';
    return typeof v === 'string' ? 'a string' : `a ${typeof v}`;
}
// Whether a JSON value holds a number somewhere: iterative, so a deeply nested one cannot overflow.
function hasNumber(value) {
    const stack = [value];
    while (stack.length) {
        const v = stack.pop();
        if (typeof v === 'number')
            return true;
        if (typeof v === 'object' && v !== null)
            for (const child of Object.values(v))
                stack.push(child);
    }
    return false;
}
function header(value, key) {
    if (typeof value !== 'string' || value === '') {
        throw new Error(`"${key}" must be a non-empty string, got ${kind(value)}`);
    }
    if (value.length > MAX_HEADER_LENGTH) {
        throw new Error(`"${key}" is ${value.length} characters, more than ${MAX_HEADER_LENGTH}`);
    }
    if (!/^[\x20-\x7e]+$/.test(value)) {
        throw new Error(`"${key}" ${(0,parsers/* show */.WU)(value)} must be printable ASCII (it is sent as an HTTP header)`);
    }
    return value;
}
// One line's request; throws a plain Error whose message the caller prefixes with the line.
function request(text, line) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new Error(`not valid JSON (${error.message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error(`a request must be a JSON object like {"body": …}, got ${kind(value)}`);
    }
    const obj = value;
    const unknown = Object.keys(obj).filter(k => !KEYS.includes(k));
    if (unknown.length) {
        throw new Error(`unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map(k => (0,parsers/* show */.WU)(k)).join(', ')} (allowed: ${KEYS.join(', ')})`);
    }
    if (!Object.hasOwn(obj, 'body'))
        throw new Error('no "body": the request to send');
    const raw = obj['body'];
    const body = typeof raw === 'string' ? raw : JSON.stringify(raw);
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes > MAX_BODY_BYTES) {
        throw new Error(`the body is ${bytes} bytes, more than InvokeEndpoint's ${MAX_BODY_BYTES} (6 MB)`);
    }
    const hasExpected = Object.hasOwn(obj, 'expected');
    const expected = obj['expected'];
    let tolerance = 0;
    if (Object.hasOwn(obj, 'tolerance')) {
        const t = obj['tolerance'];
        if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
            const shown = typeof t === 'number' ? String(t) : JSON.stringify(t);
            throw new Error(`"tolerance" must be a finite number ≥ 0, got ${shown}`);
        }
        if (hasExpected && !hasNumber(expected)) {
            throw new Error(`tolerance applies to numbers, but expected is ${kind(expected)}${typeof expected === 'object' && expected !== null ? ' with no number in it' : ''}`);
        }
        tolerance = t;
    }
    return {
        line,
        body,
        contentType: Object.hasOwn(obj, 'contentType')
            ? header(obj['contentType'], 'contentType')
            : typeof raw === 'string'
                ? 'text/csv'
                : 'application/json',
        accept: Object.hasOwn(obj, 'accept') ? header(obj['accept'], 'accept') : undefined,
        expected: hasExpected ? expected : undefined,
        hasExpected,
        tolerance
    };
}
/**
 * The requests of a golden requests file's text. `path` names the file in messages. Blank lines
 * are skipped (and counted, so that line numbers are the editor's); the first problem is thrown
 * as an InputError naming the input, the file and the line.
 */
function parseGoldenRequests(text, path) {
    const where = `Input "${INPUT}": ${path}`;
    const size = Buffer.byteLength(text, 'utf8');
    if (size > MAX_FILE_BYTES) {
        throw new errors/* InputError */.dz(INPUT, `${where} is ${size} bytes, more than ${MAX_FILE_BYTES} (16 MB).`);
    }
    const requests = [];
    // An editor's byte-order mark is not part of the first request.
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    for (const [i, content] of lines.entries()) {
        if (content.trim() === '')
            continue;
        if (requests.length === MAX_REQUESTS) {
            throw new errors/* InputError */.dz(INPUT, `${where} line ${i + 1}: more than ${MAX_REQUESTS} requests; keep the ${MAX_REQUESTS} that matter most.`);
        }
        try {
            requests.push(request(content, i + 1));
        }
        catch (error) {
            throw new errors/* InputError */.dz(INPUT, `${where} line ${i + 1}: ${error.message}.`);
        }
    }
    if (!requests.length) {
        throw new errors/* InputError */.dz(INPUT, `${where} has no requests: give one JSON object a line, like {"body": [1, 2, 3]}.`);
    }
    return requests;
}
/**
 * The golden requests file at `path` (relative to the workspace unless absolute), read and parsed.
 * Missing, a directory, unreadable or too large: an InputError naming the path.
 */
function readGoldenRequests(path, workspace) {
    const full = (0,external_node_path_.resolve)(workspace, path);
    const where = `Input "${INPUT}": ${path}`;
    let text;
    try {
        const stat = (0,external_node_fs_.statSync)(full);
        if (stat.isDirectory())
            throw new errors/* InputError */.dz(INPUT, `${where} is a directory (${full}), not a file.`);
        if (stat.size > MAX_FILE_BYTES) {
            throw new errors/* InputError */.dz(INPUT, `${where} is ${stat.size} bytes, more than ${MAX_FILE_BYTES} (16 MB).`);
        }
        text = (0,external_node_fs_.readFileSync)(full, 'utf8');
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        const code = error.code;
        throw new errors/* InputError */.dz(INPUT, code === 'ENOENT'
            ? `${where} does not exist (looked for ${full}).`
            : `${where} cannot be read (${full}): ${error.message}.`);
    }
    return parseGoldenRequests(text, path);
}

// EXTERNAL MODULE: ./src/guard/gate/command-check.ts
var command_check = __nccwpck_require__(5137);
;// CONCATENATED MODULE: ./src/inputs/gate.ts
// The verification gate's inputs: golden requests (verify-requests, verify-rate), a user's command
// (verify-command, verify-command-timeout) and what a cancelled job does (on-cancel). Every
// problem, the file's included (a missing file, a malformed line named by number), is refused
// here, before anything in AWS changes.




/** Golden requests a second by default: 120 a minute of the endpoint's traffic. */
const DEFAULT_VERIFY_RATE = 2;
/**
 * At most 10 a second: the gate's requests are real traffic on a production endpoint (billed, and
 * seen by its metrics), and one is in flight at a time.
 */
const MAX_VERIFY_RATE = 10;
const DEFAULT_COMMAND_TIMEOUT_SECONDS = 60;
const MAX_COMMAND_TIMEOUT_SECONDS = 900;
/** The gate's inputs, undefined when neither verify-requests nor verify-command is set. */
function readGate(r, env) {
    const path = r.v('verify-requests');
    const command = r.v('verify-command');
    const onCancelRaw = r.v('on-cancel').toLowerCase();
    if (onCancelRaw !== '' && onCancelRaw !== 'rollback' && onCancelRaw !== 'leave') {
        r.p.add('on-cancel', `Input "on-cancel" must be rollback or leave, got ${(0,parsers/* show */.WU)(r.v('on-cancel'))}.`);
    }
    const rate = (0,parsers/* decimal */._)(r, 'verify-rate', { min: 0.1, max: MAX_VERIFY_RATE }, 'golden requests a second') ??
        DEFAULT_VERIFY_RATE;
    const commandTimeoutSeconds = (0,parsers/* whole */.WQ)(r, 'verify-command-timeout', 1, MAX_COMMAND_TIMEOUT_SECONDS, 'a whole number of seconds') ?? DEFAULT_COMMAND_TIMEOUT_SECONDS;
    // verify-rate and verify-command-timeout have defaults in action.yml: set or not, they are
    // only read with the check they pace.
    if (path === '' && command === '')
        return undefined;
    const workspace = env['GITHUB_WORKSPACE'] || process.cwd();
    let requests = [];
    if (path !== '') {
        try {
            requests = readGoldenRequests(path, workspace);
        }
        catch (e) {
            r.p.add('verify-requests', e instanceof errors/* InputError */.dz ? e.message : (0,errors/* errorMessage */.gJ)(e));
        }
    }
    if (command !== '') {
        const problem = (0,command_check/* commandProblem */.RS)(command, { cwd: workspace, env: process.env });
        if (problem)
            r.p.add('verify-command', `Input "verify-command": ${problem.replace(/^verify-command: /, '')}`);
    }
    return {
        requestsPath: path || undefined,
        requests,
        ratePerSecond: rate,
        command: command || undefined,
        commandTimeoutSeconds,
        onCancel: onCancelRaw === 'leave' ? 'leave' : 'rollback'
    };
}

;// CONCATENATED MODULE: ./src/inputs/index.ts
// Inputs: every input read once into a frozen, typed request, validated before anything else
// loads; every problem names its input and what is allowed. Parsers and the per-topic rules live
// beside this file (parsers, model, policy, context, component).













const INSTANCE_TYPE_PATTERN = /^ml\.[a-z0-9]+\.[a-z0-9]+$/;
/** CloudWatch publishes SageMaker's per-minute datapoints 1–3 minutes late: wait up to 4. */
const DEFAULT_METRICS_WAIT_SECONDS = 240;
/** Reads and validates every input; throws one InputError listing every problem. */
/** The start of a CloudWatch alarm name the action writes (names allow printable ASCII). */
const ALARM_PREFIX_PATTERN = /^[A-Za-z0-9._\-/:]+$/;
function readInputs(getInput, env) {
    const cache = new Map();
    const v = (name) => {
        let value = cache.get(name);
        if (value === undefined) {
            value = String(getInput(name) ?? '').trim();
            cache.set(name, value);
        }
        return value;
    };
    const r = { v, p: new parsers/* Problems */.Zw() };
    const endpointName = v('endpoint-name');
    if (endpointName === '') {
        r.p.add('endpoint-name', 'Input "endpoint-name" is required: the SageMaker endpoint to create or update.');
    }
    else {
        (0,parsers/* matches */.cK)(r, 'endpoint-name', inputs_model/* NAME_PATTERN */.Vh, 63, inputs_model/* SAGEMAKER_NAME */.bm);
    }
    const region = readRegion(r, env);
    const rollbackTo = (0,restore/* readRollbackTo */.U5)(r);
    // A restore deploys an existing config: no model source (readRollbackTo refuses one given).
    const model = rollbackTo === undefined ? (0,inputs_model/* readModelSource */.vq)(r) : { kind: 'existing', modelName: '' };
    checkPlacement(r, region, model);
    // With no model source at all (its own error says so), environment is not judged against one.
    const environment = (0,inputs_model/* readEnvironment */.Qo)(r, model.kind !== 'existing' || model.modelName === '');
    const tags = (0,inputs_model/* readTags */.g$)(r);
    const variantName = (0,parsers/* matches */.cK)(r, 'variant-name', inputs_model/* NAME_PATTERN */.Vh, 63, inputs_model/* SAGEMAKER_NAME */.bm);
    const instanceType = (0,parsers/* matches */.cK)(r, 'instance-type', INSTANCE_TYPE_PATTERN, 64, 'a SageMaker instance type like ml.m5.large');
    const instanceCount = (0,parsers/* whole */.WQ)(r, 'instance-count', 1, 1000, 'a whole number of instances');
    const retainDeploymentConfig = (0,parsers/* bool */.lc)(r, 'retain-deployment-config', false);
    const inferenceComponentName = readComponentName(r);
    const metricDelaySeconds = (0,parsers/* whole */.WQ)(r, 'metric-delay', 0, 900, 'a whole number of seconds') ?? detection/* DEFAULT_METRIC_DELAY_SECONDS */.xy;
    const metricsResolution = (0,inputs_policy/* readMetricsResolution */.o1)(r);
    const { policy, retainExpected } = (0,inputs_policy/* readPolicy */.T4)(r, retainDeploymentConfig, inferenceComponentName !== undefined, metricDelaySeconds, (0,alarms/* createdAlarmPeriods */._5)(metricsResolution, metricDelaySeconds).periodSeconds);
    const createAlarms = (0,parsers/* bool */.lc)(r, 'create-alarms', true);
    const gate = readGate(r, env);
    const alarmNames = (0,inputs_policy/* readAlarmNames */.wA)(r, retainDeploymentConfig, createAlarms, gate !== undefined);
    const errorRateThresholdPercent = (0,parsers/* decimal */._)(r, 'error-rate-threshold', { aboveZero: true, max: 100 }, 'a percentage') ?? 1;
    const latencyThresholdMs = (0,parsers/* decimal */._)(r, 'latency-threshold-ms', { aboveZero: true, max: 3_600_000 }, 'a number of milliseconds') ?? 5000;
    const wait = (0,parsers/* bool */.lc)(r, 'wait', true);
    const timeoutMinutes = (0,parsers/* decimal */._)(r, 'timeout', { aboveZero: true, max: 360 }, 'a number of minutes');
    const pollIntervalSeconds = (0,parsers/* decimal */._)(r, 'poll-interval', { min: 0.05, max: 300 }, 'a number of seconds') ?? 10;
    const metricsWaitSeconds = (0,parsers/* whole */.WQ)(r, 'metrics-wait', 0, 600, 'a whole number of seconds') ?? DEFAULT_METRICS_WAIT_SECONDS;
    const onBusy = (0,parsers/* choice */.Yq)(r, 'on-busy', ['wait', 'fail']);
    const onRegression = (0,parsers/* choice */.Yq)(r, 'on-regression', ['rollback', 'fail']);
    const onAutoScaling = (0,parsers/* choice */.Yq)(r, 'on-auto-scaling', ['fail', 'reregister']);
    const createEndpoint = (0,parsers/* choice */.Yq)(r, 'create-endpoint', ['never', 'if-missing']);
    const alarmNamePrefix = (0,parsers/* matches */.cK)(r, 'alarm-name-prefix', ALARM_PREFIX_PATTERN, 200, "up to 200 letters, digits and . _ - / : (the start of the created alarms' names)");
    const inheritEnvironment = (0,parsers/* bool */.lc)(r, 'inherit-environment', false);
    if (inheritEnvironment && model.kind === 'existing' && model.modelName !== '') {
        r.p.add('inherit-environment', 'Input "inherit-environment" copies the live model\'s environment into a model the action creates (model-data-url or model-package-arn); an existing model (model-name) keeps its own environment. Remove it, or deploy from an artifact or package.');
    }
    if (gate && !(0,parsers/* bool */.lc)(r, 'wait', true)) {
        r.p.add('wait', 'Input "wait" is false, but the verification gate (verify-requests, verify-command) checks the new model while the action watches the rollout: with nobody checking, its alarm would never fire. Set wait: true, or remove the gate.');
    }
    if (gate && inferenceComponentName !== undefined) {
        r.p.add(gate.requestsPath !== undefined ? 'verify-requests' : 'verify-command', 'The verification gate (verify-requests, verify-command) guards endpoint variants (blue/green and rolling), not inference components yet: remove it, or deploy to the variant.');
    }
    const allowAlarmInAlarm = (0,parsers/* bool */.lc)(r, 'allow-alarm-in-alarm', false);
    const acceptUnguardedFinalStep = (0,parsers/* bool */.lc)(r, 'accept-unguarded-final-step', false);
    const acceptUnguardedUpdate = (0,parsers/* bool */.lc)(r, 'accept-unguarded-update', false);
    const requireApprovedPackage = (0,parsers/* bool */.lc)(r, 'require-approved-package', false);
    const cleanupOnFailure = (0,parsers/* bool */.lc)(r, 'cleanup-on-failure', false);
    const dryRun = (0,parsers/* bool */.lc)(r, 'dry-run', false);
    const githubToken = v('github-token');
    const prComment = (0,parsers/* bool */.lc)(r, 'pr-comment', true);
    const prNumber = (0,parsers/* whole */.WQ)(r, 'pr-number', 1, 999_999_999, 'a pull request number (whole number)');
    const githubDeployment = (0,parsers/* bool */.lc)(r, 'github-deployment', false);
    const deploymentEnvironment = v('deployment-environment');
    if (deploymentEnvironment.length > 255) {
        r.p.add('deployment-environment', `Input "deployment-environment" must be at most 255 characters, got ${(0,parsers/* show */.WU)(deploymentEnvironment)}.`);
    }
    r.p.throwIfAny();
    const request = {
        // With rollback-to the gate's inputs are refused (restore.ts): a request has one or neither.
        ...(gate ? { gate } : {}),
        endpointName,
        ...(inferenceComponentName ? { inferenceComponentName } : {}),
        region,
        model,
        environment,
        tags,
        variantName: variantName || undefined,
        instanceType: instanceType || undefined,
        instanceCount,
        // A restore sends its own request: all at once, no bake, no alarm.
        policy: rollbackTo === undefined ? policy : restore/* RESTORE_POLICY */.Sm,
        retainDeploymentConfig,
        retainExpected,
        alarmNames,
        createAlarms: createAlarms && rollbackTo === undefined,
        errorRateThresholdPercent,
        latencyThresholdMs,
        wait,
        timeoutMinutes,
        pollIntervalSeconds,
        metricsWaitSeconds,
        metricDelaySeconds,
        ...(metricsResolution !== undefined ? { metricsResolution } : {}),
        onBusy,
        createEndpoint,
        ...(alarmNamePrefix ? { alarmNamePrefix } : {}),
        onRegression,
        ...(rollbackTo !== undefined ? { rollbackTo } : {}),
        onAutoScaling,
        inheritEnvironment,
        allowAlarmInAlarm,
        acceptUnguardedFinalStep,
        acceptUnguardedUpdate,
        requireApprovedPackage,
        cleanupOnFailure,
        dryRun,
        githubToken,
        prComment,
        prNumber,
        githubDeployment,
        deploymentEnvironment: deploymentEnvironment || undefined
    };
    return { request: (0,parsers/* deepFreeze */.ol)(request), run: (0,parsers/* deepFreeze */.ol)(readRun(env)) };
}


/***/ }),

/***/ 1332:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FU: () => (/* binding */ ACTION_TAG_PREFIX),
/* harmony export */   Qo: () => (/* binding */ readEnvironment),
/* harmony export */   Vh: () => (/* binding */ NAME_PATTERN),
/* harmony export */   bm: () => (/* binding */ SAGEMAKER_NAME),
/* harmony export */   g$: () => (/* binding */ readTags),
/* harmony export */   lM: () => (/* binding */ MODEL_NAME_PATTERN),
/* harmony export */   vq: () => (/* binding */ readModelSource)
/* harmony export */ });
/* unused harmony exports TAG_PATTERN, MAX_USER_TAGS */
/* harmony import */ var _parsers_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5165);

// The model inputs: what to deploy (an artifact, a Model Registry package or an existing
// model), the environment of a model the action creates, and the user's tags.
/** Endpoint and variant names; MODEL_NAME_PATTERN is SageMaker's rule for model names. */
const NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
const MODEL_NAME_PATTERN = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const MODEL_DATA_URL_PATTERN = /^(https|s3):\/\/([^/]+)\/?(.*)$/;
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const PACKAGE_ARN_PATTERN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:\d{12}:model-package\/.+$/;
const ENV_KEY_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Prefix of the tags the action adds itself; users cannot set these keys. */
const ACTION_TAG_PREFIX = 'sagemaker-deploy:';
const MAX_USER_TAGS = 40;
/** What NAME_PATTERN and MODEL_NAME_PATTERN allow, as a message says it. */
const SAGEMAKER_NAME = '1 to 63 letters, digits and hyphens, starting and ending with a letter or digit';
function readModelSource(r) {
    const modelDataUrl = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .matches */ .cK)(r, 'model-data-url', MODEL_DATA_URL_PATTERN, 1024, 'an s3:// or https:// URL of the model artifact, at most 1024 characters');
    const imageUri = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .matches */ .cK)(r, 'image-uri', /^\S+$/, 255, 'a container image URI without spaces, at most 255 characters');
    const executionRoleArn = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .matches */ .cK)(r, 'execution-role-arn', ROLE_ARN_PATTERN, 2048, 'an IAM role ARN like arn:aws:iam::123456789012:role/SageMakerRole');
    const modelPackageArn = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .matches */ .cK)(r, 'model-package-arn', PACKAGE_ARN_PATTERN, 2048, 'a model package ARN like arn:aws:sagemaker:us-east-1:123456789012:model-package/name/1');
    const modelName = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .matches */ .cK)(r, 'model-name', MODEL_NAME_PATTERN, 63, SAGEMAKER_NAME);
    const sources = 'Set model-data-url + image-uri + execution-role-arn (a new model from an artifact), model-package-arn + execution-role-arn (a Model Registry package), or model-name alone (an existing model).';
    const given = (names) => names.filter(n => r.v(n) !== '');
    if (modelName) {
        const others = given(['model-data-url', 'image-uri', 'execution-role-arn', 'model-package-arn']);
        if (others.length > 0) {
            r.p.add('model-name', `Input "model-name" deploys an existing model and cannot be combined with ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(others)}. ${sources}`);
        }
        return { kind: 'existing', modelName };
    }
    if (modelPackageArn) {
        const others = given(['model-data-url', 'image-uri']);
        if (others.length > 0) {
            r.p.add('model-package-arn', `Input "model-package-arn" cannot be combined with ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(others)}: choose one model source. ${sources}`);
        }
        if (!executionRoleArn) {
            r.p.add('execution-role-arn', 'Input "execution-role-arn" is required with model-package-arn: SageMaker assumes this role to run the model.');
        }
        return { kind: 'package', modelPackageArn, executionRoleArn };
    }
    if (modelDataUrl || imageUri) {
        const missing = ['model-data-url', 'image-uri', 'execution-role-arn'].filter(n => r.v(n) === '');
        for (const name of missing) {
            r.p.add(name, `Input "${name}" is required to create a model: a new model needs model-data-url, image-uri and execution-role-arn together.`);
        }
        return { kind: 'artifact', modelDataUrl, imageUri, executionRoleArn };
    }
    if (executionRoleArn) {
        r.p.add('execution-role-arn', `Input "execution-role-arn" alone does not say what to deploy. ${sources}`);
    }
    else {
        r.p.add('model-data-url', `Input "model-data-url" (or "model-package-arn", or "model-name") is required: nothing says what to deploy. ${sources}`);
    }
    return { kind: 'existing', modelName };
}
/** Why a would-be key is not one, without showing any of it. */
function keyProblem(key) {
    if (/^[A-Za-z_][A-Za-z0-9_]*\s*:/.test(key))
        return 'it looks like YAML "KEY: value"; write KEY=value';
    if (/\s/.test(key))
        return 'it contains a space';
    if (/^[0-9]/.test(key))
        return 'it starts with a digit';
    if (key.length > 1024)
        return `it is ${key.length} characters long`;
    return 'it contains a character other than letters, digits and _';
}
function readEnvironment(r, createsModel) {
    const text = r.v('environment');
    const entries = new Map();
    if (text === '')
        return {};
    if (!createsModel) {
        r.p.add('environment', 'Input "environment" applies only to a model the action creates (model-data-url or model-package-arn); an existing model (model-name) keeps its own environment. Remove it or deploy from an artifact or package.');
        return {};
    }
    // No part of a line is ever shown: a value may be a credential, and a line that does not
    // parse as KEY=VALUE (`API_TOKEN: c2VjcmV0=`) may have its value where the key should be.
    for (const { line, number, key, value, separated } of (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .keyValueLines */ .E5)(text)) {
        const where = `Input "environment" line ${number}`;
        if (!separated) {
            r.p.add('environment', `${where} must be KEY=VALUE; it has no "=" (${line.length} characters, not shown).`);
        }
        else if (key.length > 1024 || !ENV_KEY_PATTERN.test(key)) {
            r.p.add('environment', `${where} must be KEY=VALUE with a KEY of letters, digits and _ (not starting with a digit, at most 1024 characters); the text before its first "=" is not such a key (${keyProblem(key)}; the line is not shown).`);
        }
        else if (value.length > 1024) {
            r.p.add('environment', `${where}: the value of ${key} must be at most 1024 characters, got ${value.length}.`);
        }
        else if (entries.has(key)) {
            r.p.add('environment', `${where} sets ${key} again: each key may appear once.`);
        }
        else {
            entries.set(key, value);
        }
    }
    if (entries.size > 100) {
        r.p.add('environment', `Input "environment" has ${entries.size} entries; SageMaker allows at most 100.`);
    }
    return Object.fromEntries(entries);
}
function readTags(r) {
    const tags = [];
    const keys = new Set();
    for (const { line, number, key: Key, value: Value, separated } of (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .keyValueLines */ .E5)(r.v('tags'))) {
        const where = `Input "tags" line ${number}`;
        const allowed = 'letters, digits, spaces and _ . : / = + - @';
        if (!separated) {
            r.p.add('tags', `${where} must be Key=Value (one tag per line), got ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(line)}.`);
        }
        else if (Key.length > 128 || !TAG_PATTERN.test(Key)) {
            r.p.add('tags', `${where} has an invalid key ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(Key)}: 1 to 128 characters of ${allowed}${Key.includes(',') ? ' (put one tag per line; commas are not separators)' : ''}.`);
        }
        else if (Value.length > 256 || !TAG_PATTERN.test(Value)) {
            r.p.add('tags', `${where} has an invalid value ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(Value)} for ${Key}: at most 256 characters of ${allowed}${Value.includes(',') ? ' (put one tag per line; commas are not separators)' : ''}.`);
        }
        else if (Key.toLowerCase().startsWith('aws:') || Key.startsWith(ACTION_TAG_PREFIX)) {
            r.p.add('tags', `${where}: the key ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(Key)} is reserved (aws: is AWS's, ${ACTION_TAG_PREFIX} is set by this action).`);
        }
        else if (keys.has(Key)) {
            r.p.add('tags', `${where} sets ${Key} again: each key may appear once.`);
        }
        else {
            keys.add(Key);
            tags.push({ Key, Value });
        }
    }
    if (tags.length > MAX_USER_TAGS) {
        r.p.add('tags', `Input "tags" has ${tags.length} tags; at most ${MAX_USER_TAGS} are allowed (the action adds its own, and SageMaker allows 50).`);
    }
    return tags;
}


/***/ }),

/***/ 5165:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ listItems),
/* harmony export */   E5: () => (/* binding */ keyValueLines),
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   WQ: () => (/* binding */ whole),
/* harmony export */   WU: () => (/* binding */ show),
/* harmony export */   Yq: () => (/* binding */ choice),
/* harmony export */   Zw: () => (/* binding */ Problems),
/* harmony export */   _: () => (/* binding */ decimal),
/* harmony export */   cK: () => (/* binding */ matches),
/* harmony export */   lc: () => (/* binding */ bool),
/* harmony export */   ol: () => (/* binding */ deepFreeze)
/* harmony export */ });
/* unused harmony export lines */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

// Generic input readers: each reads one named input, reports what is wrong to a shared
// Problems list instead of throwing, and returns a usable fallback so reading can go on.
const SHOWN_LENGTH = 80;
const MAX_LISTED_PROBLEMS = 20;
/** A value as shown in a message: quoted, control characters escaped, long values cut. */
function show(value) {
    const chars = Array.from(value);
    if (chars.length <= SHOWN_LENGTH)
        return JSON.stringify(value);
    return `${JSON.stringify(chars.slice(0, SHOWN_LENGTH).join('') + '…')} (${chars.length} characters)`;
}
/** Input names for a message: `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
function quoted(names) {
    const q = names.map(n => `"${n}"`);
    return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q.at(-1) ?? ''}`;
}
/** Every problem found while reading inputs, thrown together as one InputError. */
class Problems {
    list = [];
    add(input, message) {
        this.list.push({ input, message });
    }
    throwIfAny() {
        const first = this.list[0];
        if (!first)
            return;
        const lines = this.list.slice(0, MAX_LISTED_PROBLEMS).map(p => p.message);
        const more = this.list.length - lines.length;
        if (more > 0)
            lines.push(`…and ${more} more problem${more === 1 ? '' : 's'}.`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(first.input, lines.join('\n'));
    }
}
function bool(r, name, fallback) {
    const value = r.v(name);
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    r.p.add(name, `Input "${name}" must be true or false, got ${show(value)}.`);
    return fallback;
}
/** One of a few words (case-insensitive); empty means the first, the default. */
function choice(r, name, allowed) {
    const raw = r.v(name).toLowerCase();
    const found = allowed.find(a => a === raw);
    if (found !== undefined)
        return found;
    if (raw !== '') {
        const words = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
        r.p.add(name, `Input "${name}" must be ${words}, got ${show(r.v(name))}.`);
    }
    return allowed[0];
}
function whole(r, name, min, max, what) {
    const value = r.v(name);
    if (value === '')
        return undefined;
    const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
    if (n >= min && n <= max)
        return n;
    r.p.add(name, `Input "${name}" must be ${what} from ${min} to ${max}, got ${show(value)}.`);
    return undefined;
}
function decimal(r, name, range, what) {
    const value = r.v(name);
    if (value === '')
        return undefined;
    const n = /^(\d{1,15}(\.\d{1,15})?|\.\d{1,15})$/.test(value) ? Number(value) : NaN;
    const low = range.aboveZero ? n > 0 : n >= (range.min ?? 0);
    if (low && n <= range.max)
        return n;
    const from = range.aboveZero ? 'greater than 0 and at most' : `from ${range.min ?? 0} to`;
    r.p.add(name, `Input "${name}" must be ${what} ${from} ${range.max} (decimals allowed), got ${show(value)}.`);
    return undefined;
}
/** The input's value; a problem if it is set but too long or not matching `pattern`. */
function matches(r, name, pattern, maxLength, allowed) {
    const value = r.v(name);
    if (value !== '' && (value.length > maxLength || !pattern.test(value))) {
        r.p.add(name, `Input "${name}" must be ${allowed}, got ${show(value)}.`);
    }
    return value;
}
/** Non-blank, non-comment lines with their 1-based line numbers. */
function lines(text) {
    return text
        .split(/\r?\n/)
        .map((raw, i) => ({ line: raw.trim(), number: i + 1 }))
        .filter(({ line }) => line !== '' && !line.startsWith('#'));
}
/**
 * The KEY=VALUE lines of a multiline input, split at the first `=` and trimmed.
 * `separated` is false when a line has no `=` or starts with one (key and value are then '').
 */
function keyValueLines(text) {
    return lines(text).map(({ line, number }) => {
        const at = line.indexOf('=');
        const key = at > 0 ? line.slice(0, at).trim() : '';
        const value = at > 0 ? line.slice(at + 1).trim() : '';
        return { line, number, key, value, separated: at > 0 };
    });
}
/** The distinct non-empty items of a list given one per line or comma-separated. */
function listItems(text) {
    return [
        ...new Set(text
            .split(/[\n,]/)
            .map(n => n.trim())
            .filter(n => n !== ''))
    ];
}
function deepFreeze(value) {
    if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const child of Object.values(value))
            deepFreeze(child);
    }
    return value;
}


/***/ }),

/***/ 4035:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T4: () => (/* binding */ readPolicy),
/* harmony export */   o1: () => (/* binding */ readMetricsResolution),
/* harmony export */   wA: () => (/* binding */ readAlarmNames),
/* harmony export */   x8: () => (/* binding */ POLICY_INPUTS)
/* harmony export */ });
/* harmony import */ var _parsers_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5165);
/* harmony import */ var _guard_detection_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8926);
/* harmony import */ var _guard_alarms_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2767);



// The rollout policy inputs: traffic routing, step size, waits and timeout, the alarms that
// guard the rollout, and their conflicts with retain-deployment-config.
const POLICY_INPUTS = [
    'traffic-routing',
    'step-size',
    'wait-interval',
    'termination-wait',
    'max-execution-timeout',
    'rollback-step-size'
];
const ROUTINGS = {
    linear: 'linear',
    canary: 'canary',
    'all-at-once': 'all-at-once',
    rolling: 'rolling'
};
/** The percentages SageMaker allows for a step size of each routing (API docs). */
const PERCENT_RANGE = {
    linear: [10, 50],
    canary: [1, 50],
    rolling: [5, 50]
};
/** A percentage (within `range`) or a whole number of instances; undefined when neither. */
function capacity(value, range) {
    const percent = /^(\d{1,6})\s*%$/.exec(value);
    if (percent) {
        const n = Number(percent[1]);
        return n >= range[0] && n <= range[1] ? { type: 'CAPACITY_PERCENT', value: n } : 'bad-percent';
    }
    if (/^\d{1,6}$/.test(value) && Number(value) >= 1 && Number(value) <= 1000) {
        return { type: 'INSTANCE_COUNT', value: Number(value) };
    }
    return undefined;
}
/** rollback-step-size: rolling only; empty means all at once (SageMaker's default). */
function readRollbackStepSize(r, routing) {
    const value = r.v('rollback-step-size');
    if (value === '')
        return undefined;
    if (routing !== 'rolling') {
        r.p.add('rollback-step-size', `Input "rollback-step-size" applies to traffic-routing: rolling only (a blue/green rollback returns all traffic at once), got ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(value)} with ${routing}. Remove it, or use traffic-routing: rolling.`);
        return undefined;
    }
    const size = capacity(value, [1, 100]);
    if (size === undefined || size === 'bad-percent') {
        r.p.add('rollback-step-size', `Input "rollback-step-size" must be a percentage of the fleet from 1% to 100% or a whole number of instances from 1 to 1000 (empty: roll back all at once), got ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(value)}.`);
        return undefined;
    }
    return size;
}
function readStepSize(r, routing) {
    const value = r.v('step-size');
    const fallback = {
        type: 'CAPACITY_PERCENT',
        value: routing === 'all-at-once' ? 100 : 25
    };
    if (value === '')
        return fallback;
    if (routing === 'all-at-once') {
        r.p.add('step-size', `Input "step-size" has no meaning with traffic-routing: all-at-once (all traffic shifts in one step), got ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(value)}. Remove it, or use linear or canary.`);
        return fallback;
    }
    const [low, high] = PERCENT_RANGE[routing];
    const size = capacity(value, [low, high]);
    const what = { linear: 'linear step', canary: 'canary', rolling: 'rolling batch' }[routing];
    if (size === 'bad-percent') {
        r.p.add('step-size', `Input "step-size" must be from ${low}% to ${high}% for a ${what} (SageMaker's limit), or a whole number of instances, got ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(value)}.`);
        return fallback;
    }
    if (size)
        return size;
    r.p.add('step-size', `Input "step-size" must be a percentage of the fleet like 25% (${low}%-${high}% for a ${what}) or a whole number of instances from 1 to 1000, got ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(value)}.`);
    return fallback;
}
const RESOLUTIONS = new Map([
    ['10', 10],
    ['30', 30],
    ['60', 60]
]);
/** metrics-resolution: 10, 30 or 60 seconds; empty (undefined) keeps the live MetricsConfig. */
function readMetricsResolution(r) {
    const value = r.v('metrics-resolution');
    if (value === '')
        return undefined;
    const resolution = RESOLUTIONS.get(value);
    if (resolution === undefined) {
        r.p.add('metrics-resolution', `Input "metrics-resolution" must be 10, 30 or 60 (seconds between the invocation metrics of the new endpoint config), or empty to keep the live config's MetricsConfig, got ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(value)}.`);
    }
    return resolution;
}
function readPolicy(r, retain, component = false, metricDelaySeconds = _guard_detection_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_METRIC_DELAY_SECONDS */ .xy, alarmPeriodSeconds = _guard_alarms_js__WEBPACK_IMPORTED_MODULE_1__/* .PERIOD_SECONDS */ .aN) {
    const rawRouting = r.v('traffic-routing');
    // An inference component is updated by rolling batches of copies only.
    let routing = component ? 'rolling' : 'linear';
    if (rawRouting !== '') {
        const key = rawRouting.toLowerCase().replace(/_/g, '-');
        // Own names only: "constructor" or "toString" are not routings.
        const known = Object.hasOwn(ROUTINGS, key) ? ROUTINGS[key] : undefined;
        if (known)
            routing = known;
        else
            r.p.add('traffic-routing', `Input "traffic-routing" must be linear, canary, all-at-once or rolling, got ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(rawRouting)}.`);
    }
    if (routing === 'rolling' && r.v('termination-wait') !== '') {
        r.p.add('termination-wait', `Input "termination-wait" has no meaning with traffic-routing: rolling (old instances are terminated batch by batch, after each bake), got ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(r.v('termination-wait'))}. Remove it.`);
    }
    const rollbackStepSize = readRollbackStepSize(r, routing);
    // In input order, so the problems are listed as the step reads.
    const stepSize = readStepSize(r, routing);
    const waitIntervalSeconds = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .whole */ .WQ)(r, 'wait-interval', 0, 3600, 'a whole number of seconds') ?? 60;
    const terminationWait = routing === 'rolling' ? 0 : (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .whole */ .WQ)(r, 'termination-wait', 0, 3600, 'a whole number of seconds');
    // Empty: as long as the created alarms need to see a model that fails at full traffic (the
    // step that reaches 100 % may bake only this: see guard/detection.ts). Their period comes from
    // metrics-resolution alone, known before any read.
    const derived = (0,_guard_detection_js__WEBPACK_IMPORTED_MODULE_2__/* .detectionSeconds */ .Fo)({
        periodSeconds: alarmPeriodSeconds,
        datapointsToAlarm: 1,
        metricDelaySeconds
    });
    const policy = {
        routing,
        stepSize,
        waitIntervalSeconds,
        terminationWaitSeconds: terminationWait ?? derived,
        ...(terminationWait === undefined ? { terminationWaitDerived: true } : {}),
        ...(rollbackStepSize ? { rollbackStepSize } : {}),
        maxExecutionTimeoutSeconds: (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .whole */ .WQ)(r, 'max-execution-timeout', 600, 28800, 'a whole number of seconds')
    };
    if (!retain)
        return { policy, retainExpected: {} };
    // With retain, a policy input may stay in the step (a dispatch retry flips only retain): it
    // must then say what the retained policy is, which the plan checks against the endpoint.
    const given = (name) => r.v(name) !== '';
    return {
        policy: null,
        retainExpected: {
            ...(given('traffic-routing') ? { routing: policy.routing } : {}),
            ...(given('step-size') ? { stepSize: policy.stepSize } : {}),
            ...(given('wait-interval') ? { waitIntervalSeconds: policy.waitIntervalSeconds } : {}),
            ...(given('termination-wait')
                ? { terminationWaitSeconds: policy.terminationWaitSeconds }
                : {}),
            ...(given('max-execution-timeout')
                ? { maxExecutionTimeoutSeconds: policy.maxExecutionTimeoutSeconds }
                : {}),
            ...(given('rollback-step-size') ? { rollbackStepSize: policy.rollbackStepSize } : {})
        }
    };
}
function readAlarmNames(r, retain, createAlarms, gated = false) {
    const raw = r.v('alarm-names');
    const names = (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .listItems */ .Dw)(raw);
    for (const name of names.filter(n => n.length > 255)) {
        r.p.add('alarm-names', `Input "alarm-names" has a name longer than 255 characters: ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(name)}.`);
    }
    // With retain, alarm-names may stay in the step: the plan checks them against the retained ones.
    if (retain)
        return names;
    const total = names.length + (createAlarms ? 2 : 0) + (gated ? 1 : 0);
    if (total === 0) {
        r.p.add('alarm-names', 'Inputs "alarm-names" and "create-alarms": no alarm would guard the rollout (create-alarms is false and alarm-names is empty), so SageMaker could not roll back a bad model. Set create-alarms: true (the default) to create an error-rate and a latency alarm, or list existing CloudWatch alarms in alarm-names.');
    }
    else if (total > 10) {
        const created = createAlarms ? ' plus the 2 created alarms (create-alarms: true)' : '';
        const gate = gated ? ' plus the gate alarm (verify-requests or verify-command)' : '';
        const room = 10 - (createAlarms ? 2 : 0) - (gated ? 1 : 0);
        r.p.add('alarm-names', `Input "alarm-names" gives ${names.length} alarms${created}${gate}, ${total} in all; SageMaker accepts at most 10 rollback alarms. List fewer (at most ${room})${createAlarms ? ', or set create-alarms: false' : ''}.`);
    }
    return names;
}


/***/ }),

/***/ 3467:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Sm: () => (/* binding */ RESTORE_POLICY),
/* harmony export */   Tg: () => (/* binding */ ROLLBACK_PREVIOUS),
/* harmony export */   U5: () => (/* binding */ readRollbackTo)
/* harmony export */ });
/* harmony import */ var _parsers_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5165);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1332);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4035);
// rollback-to: a step that restores an existing endpoint config (the one the live config replaced,
// or one named) instead of deploying a model. It creates nothing, so every input that describes
// what to create is refused by name rather than silently ignored.



const ROLLBACK_PREVIOUS = 'previous';
/** A restore's traffic policy: SageMaker's all-at-once, no bake (what its request asks). */
const RESTORE_POLICY = {
    routing: 'all-at-once',
    stepSize: { type: 'CAPACITY_PERCENT', value: 100 },
    waitIntervalSeconds: 0,
    terminationWaitSeconds: 0,
    maxExecutionTimeoutSeconds: undefined
};
/** Inputs that describe a model, a fleet or a rollout to create: none applies to a restore. */
const CREATING_INPUTS = [
    'model-data-url',
    'image-uri',
    'execution-role-arn',
    'model-package-arn',
    'model-name',
    'environment',
    'tags',
    'variant-name',
    'instance-type',
    'instance-count',
    'inference-component-name',
    'alarm-names',
    'metrics-resolution',
    'verify-requests',
    'verify-command',
    ..._policy_js__WEBPACK_IMPORTED_MODULE_2__/* .POLICY_INPUTS */ .x8
];
/** 'previous', a config name, or undefined when the input is empty. */
function readRollbackTo(r) {
    const raw = r.v('rollback-to');
    if (raw === '')
        return undefined;
    const value = raw.toLowerCase() === ROLLBACK_PREVIOUS ? ROLLBACK_PREVIOUS : raw;
    if (value !== ROLLBACK_PREVIOUS) {
        (0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .matches */ .cK)(r, 'rollback-to', _model_js__WEBPACK_IMPORTED_MODULE_1__/* .NAME_PATTERN */ .Vh, 63, `previous, or an endpoint config name (${_model_js__WEBPACK_IMPORTED_MODULE_1__/* .SAGEMAKER_NAME */ .bm})`);
    }
    const given = CREATING_INPUTS.filter(name => r.v(name) !== '');
    const flags = ['retain-deployment-config', 'inherit-environment'].filter(name => r.v(name).toLowerCase() === 'true');
    const conflicting = [...given, ...flags];
    if (conflicting.length > 0) {
        r.p.add('rollback-to', `Input "rollback-to" restores an existing endpoint config as it is (all at once, no alarm, nothing created), so ${(0,_parsers_js__WEBPACK_IMPORTED_MODULE_0__/* .quoted */ .TL)(conflicting)} cannot be set with it. Remove ${conflicting.length === 1 ? 'it' : 'them'}, or remove rollback-to to deploy a model.`);
    }
    return value;
}


/***/ }),

/***/ 4846:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  lq: () => (/* binding */ FAILING_OUTCOMES),
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: abortableSleep

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/inputs/index.ts + 5 modules
var inputs = __nccwpck_require__(9882);
// EXTERNAL MODULE: ./src/runner.ts
var runner = __nccwpck_require__(4813);
;// CONCATENATED MODULE: ./src/aws/first-read.ts
const FRESH_MS = 30_000;
function withFirstRead(api, endpointName, now) {
    const sentAt = now();
    let first = api.describeEndpoint(endpointName);
    // Until pre-flight takes it, a failure of this read is nobody's unhandled rejection.
    first.catch(() => undefined);
    return {
        ...api,
        describeEndpoint: (name, o) => {
            const answer = first;
            first = undefined;
            if (answer && name === endpointName && o === undefined && now() - sentAt <= FRESH_MS)
                return answer;
            return api.describeEndpoint(name, o);
        }
    };
}

// EXTERNAL MODULE: ./src/target/endpoint/plan.ts + 2 modules
var plan = __nccwpck_require__(7251);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __nccwpck_require__(7194);
;// CONCATENATED MODULE: ./src/main.ts
// The deploy sequence: inputs → pre-flight → plan → launch → watch → verdict → report.
// The one place that turns an error into core.setFailed. Inputs are read and validated before
// anything heavy loads (@actions/core, the AWS SDK): bad input fails in a few milliseconds.
// Then only what the first request needs loads, in the order it needs it (see first-read.ts).






const FAILING_OUTCOMES = new Set([
    'regressed',
    'rolled-back',
    'failed',
    'cancelled',
    'timed-out'
]);
/** A sleep that ends early when the signal aborts. */
function abortableSleep(ms, signal) {
    return new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
async function run(options = {}) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? abortableSleep;
    let request;
    let runContext;
    try {
        ;
        ({ request, run: runContext } = (0,inputs/* readInputs */.Ko)(name => (0,runner/* getInput */.V4)(name), process.env));
    }
    catch (e) {
        // Release gates read the outcome even when the inputs were refused.
        (0,runner/* setOutputFast */.gz)('outcome', 'failed');
        (0,runner/* setOutputFast */.gz)('failure-reason', (0,errors/* errorMessage */.gJ)(e));
        // A small chunk of its own: the fail-fast path loads no more than it needs.
        const { renderInputErrors } = await __nccwpck_require__.e(/* import() */ 92).then(__nccwpck_require__.bind(__nccwpck_require__, 8711));
        (0,runner/* appendSummaryFast */.zt)(renderInputErrors((0,runner/* getInput */.V4)('endpoint-name'), (0,errors/* errorMessage */.gJ)(e)));
        (0,runner/* failFast */.$4)((0,errors/* errorMessage */.gJ)(e));
        return undefined;
    }
    // From here on, no fragment of a container environment value is written anywhere.
    (0,secrets/* registerSecrets */.dg)(Object.values(request.environment));
    (0,secrets/* redactStreams */.PF)();
    if (request.githubToken)
        (0,runner/* maskSecret */.$l)(request.githubToken);
    // The first request needs only the SageMaker client: it goes out before anything else loads
    // (@actions/core, the CloudWatch client, the report), which then loads while it is in flight.
    const { createAwsApi, withPatientReads } = await __nccwpck_require__.e(/* import() */ 685).then(__nccwpck_require__.bind(__nccwpck_require__, 9685));
    const startedAt = now();
    let api;
    try {
        api = await createAwsApi({
            region: request.region,
            ...(options.signal ? { signal: options.signal } : {})
        });
    }
    catch (e) {
        (0,runner/* failFast */.$4)(`Could not set up the AWS clients: ${(0,errors/* errorMessage */.gJ)(e)}`);
        return 'failed';
    }
    // Patient inside, early outside: the first read is retried on throttling like the others.
    api = withPatientReads(api, {
        now,
        sleep: ms => sleep(ms, options.signal),
        ...(options.signal ? { signal: options.signal } : {}),
        log: line => process.stdout.write(`${line}\n`)
    });
    api = withFirstRead(api, request.endpointName, now);
    const [core, { deploy }, { createNotifier }, { renderPrComment, scalingSavedSection }] = await Promise.all([
        __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421)),
        Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(393)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6393)),
        Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(41)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2041)),
        Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(580)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1580))
    ]);
    const notifier = redactingNotifier(await createNotifier(request, runContext, process.env));
    const result = await deploy({
        request,
        run: runContext,
        api,
        now,
        sleep,
        ...(options.signal ? { signal: options.signal } : {}),
        buildPlan: plan/* buildPlan */.Gg,
        onScalingSaved: async (saved) => {
            core.setOutput('auto-scaling', (0,secrets/* redact */.E$)(JSON.stringify({
                saved,
                restored: false,
                errors: ['deregistered for the update; not restored yet']
            })));
            await core.summary.addRaw((0,secrets/* redact */.E$)(scalingSavedSection(saved, request.region))).write();
        },
        onProgress: (plan, timeline, gate) => notifier.progress(renderPrComment({
            plan,
            timeline,
            ...(gate ? { gate } : {}),
            verdict: IN_PROGRESS_VERDICT,
            run: runContext,
            inProgress: true
        }))
    });
    try {
        await report({
            core,
            result,
            request,
            run: runContext,
            durationSeconds: (now() - startedAt) / 1000,
            notifier,
            api,
            ...(options.signal ? { signal: options.signal } : {})
        });
    }
    finally {
        // Whatever a socket does, nothing holds the process once the verdict is reported.
        api.close();
    }
    return result.verdict.outcome;
}
function redactingNotifier(notifier) {
    return {
        progress: markdown => notifier.progress((0,secrets/* redact */.E$)(markdown)),
        finish: (markdown, outcome, description) => notifier.finish((0,secrets/* redact */.E$)(markdown), outcome, (0,secrets/* redact */.E$)(description))
    };
}
const IN_PROGRESS_VERDICT = {
    outcome: 'started',
    summary: 'Deployment in progress: this comment is updated at each traffic step.',
    failureReason: undefined,
    triggeredAlarms: [],
    finalConfigName: undefined,
    finalStatus: undefined
};
async function report(o) {
    const { core, result, request, durationSeconds, notifier, api, signal } = o;
    const runContext = o.run;
    const { buildOutputs, renderSummary, renderPrComment, renderPlan, renderError } = await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(580)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1580));
    const { plan, timeline, verdict } = result;
    const blue = result.current ?? undefined;
    // The evidence behind the verdict; reading it never changes the outcome.
    let metrics;
    if (plan && timeline && verdict.outcome !== 'planned' && verdict.outcome !== 'started') {
        const [{ readRolloutMetrics }, { DEFAULT_SETTLE }] = await Promise.all([
            Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(549)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8549)),
            __nccwpck_require__.e(/* import() */ 326).then(__nccwpck_require__.bind(__nccwpck_require__, 6326))
        ]);
        metrics = await readRolloutMetrics(api, plan, timeline, {
            ...(verdict.outcome === 'regressed' ? { reported: verdict.triggeredAlarms } : {}),
            settle: {
                ...DEFAULT_SETTLE,
                maxWaitMs: request.metricsWaitSeconds * 1000,
                // A cancellation after the verdict ends the wait: the figures are marked incomplete.
                sleep: ms => abortableSleep(ms, signal),
                aborted: () => signal?.aborted === true
            }
        });
        if (metrics?.warning)
            core.warning(metrics.warning);
        else if (metrics)
            core.debug(`Metrics: ${metrics.calls} GetMetricData call(s), ${metrics.split === 'per-fleet' ? 'per fleet' : 'endpoint level only'}`);
    }
    const outputs = buildOutputs({
        plan,
        timeline,
        verdict,
        durationSeconds,
        metrics,
        autoScaling: result.autoScaling
    });
    for (const [name, value] of Object.entries(outputs))
        core.setOutput(name, (0,secrets/* redact */.E$)(value));
    let markdown;
    // The pull-request comment: compact after a rollout (the job summary is the whole page).
    let comment;
    if (plan && verdict.outcome === 'planned')
        markdown = renderPlan(plan, runContext, blue);
    else if (plan && timeline) {
        const input = {
            plan,
            timeline,
            verdict,
            run: runContext,
            durationSeconds,
            ...(blue ? { blue } : {}),
            ...(metrics ? { metrics } : {}),
            ...(result.autoScaling ? { autoScaling: result.autoScaling } : {}),
            ...(result.gate ? { gate: result.gate } : {})
        };
        markdown = renderSummary(input);
        comment = renderPrComment(input);
    }
    else
        markdown = renderError(request.endpointName, verdict, plan, runContext);
    markdown = (0,secrets/* redact */.E$)(markdown);
    try {
        // Replaces what this step wrote before (auto scaling saved before its deregistration).
        await core.summary.addRaw(markdown).write({ overwrite: true });
    }
    catch (e) {
        core.info(`(No job summary written: ${(0,errors/* errorMessage */.gJ)(e)})`);
    }
    await notifier.finish(comment ?? markdown, verdict.outcome, verdict.summary);
    if (FAILING_OUTCOMES.has(verdict.outcome)) {
        const title = verdict.outcome === 'rolled-back'
            ? 'Rolled back'
            : verdict.outcome === 'regressed'
                ? 'Regressed'
                : verdict.outcome === 'timed-out'
                    ? 'Timed out'
                    : verdict.outcome === 'cancelled'
                        ? 'Cancelled'
                        : 'Deployment failed';
        core.setFailed((0,secrets/* redact */.E$)(`${title}: ${verdict.summary}`));
    }
    else {
        core.info((0,secrets/* redact */.E$)(`Outcome: ${verdict.outcome}. ${verdict.summary}`));
    }
}


/***/ }),

/***/ 6455:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Os: () => (/* binding */ freshName),
/* harmony export */   e4: () => (/* binding */ greenNames)
/* harmony export */ });
/* unused harmony export shortHash */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/** SageMaker's limit for endpoint, endpoint config and model names. */
const MAX_NAME_LENGTH = 63;
/** Hex sha256 prefix: a short, stable fingerprint for a name that had to be shortened. */
function shortHash(text, length = 6) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex').slice(0, length);
}
/** Keeps letters and digits only, so a part never breaks SageMaker's name patterns. */
function alphanumeric(text) {
    return text.replace(/[^a-zA-Z0-9]/g, '');
}
/** Letters, digits and inner hyphens; no leading or trailing hyphen. */
function nameSafe(text) {
    return text
        .replace(/[^a-zA-Z0-9-]/g, '-')
        .replace(/^-+/, '')
        .replace(/-+$/, '');
}
/**
 * The green model and endpoint config names for this run: `<endpoint>-<sha7>-<runId>-<attempt>`.
 * A re-run gets a new attempt number, so it never collides with the resources of the first
 * attempt. When the result would exceed 63 characters, the endpoint part is cut and followed by
 * a hash of the full endpoint name, so two long names sharing a prefix stay distinct.
 */
function greenNames(endpointName, run) {
    const sha = alphanumeric(run.sha).toLowerCase().slice(0, 7) || 'nosha';
    const runId = alphanumeric(run.runId).slice(-16) || '0';
    const attempt = alphanumeric(run.runAttempt).slice(-4) || '1';
    const suffix = `${sha}-${runId}-${attempt}`;
    const base = nameSafe(endpointName) || 'endpoint';
    let name = `${base}-${suffix}`;
    if (name.length > MAX_NAME_LENGTH) {
        const hash = shortHash(endpointName);
        const room = MAX_NAME_LENGTH - suffix.length - hash.length - 2;
        const prefix = nameSafe(base.slice(0, room));
        name = prefix ? `${prefix}-${hash}-${suffix}` : `${hash}-${suffix}`;
    }
    return { modelName: name, endpointConfigName: name };
}
/**
 * `name` followed by a hash of `content`: another valid name (≤ 63) for a resource whose planned
 * name is taken by something different. The same content always gets the same name.
 */
function freshName(name, content) {
    const hash = shortHash(JSON.stringify(content));
    return `${nameSafe(name.slice(0, MAX_NAME_LENGTH - hash.length - 1)) || 'resource'}-${hash}`;
}


/***/ }),

/***/ 1201:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ checkStepSize),
/* harmony export */   G9: () => (/* binding */ peakInstances),
/* harmony export */   QT: () => (/* binding */ deploymentConfig),
/* harmony export */   ij: () => (/* binding */ provisioningAllowance),
/* harmony export */   k9: () => (/* binding */ expectedSchedule),
/* harmony export */   lA: () => (/* binding */ stepInstances),
/* harmony export */   oF: () => (/* binding */ executionTimeout),
/* harmony export */   rG: () => (/* binding */ alarmNamesFromDeploymentConfig),
/* harmony export */   yz: () => (/* binding */ policyFromDeploymentConfig)
/* harmony export */ });
/* unused harmony exports PROVISIONING_MARGIN_SECONDS, MIN_EXECUTION_TIMEOUT_SECONDS, MAX_EXECUTION_TIMEOUT_SECONDS, mostShifts */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

// Pure: the rollout policy in SageMaker's terms (blue/green linear, canary, all at once, or
// rolling batches). How many instances each traffic step moves, the split to expect at each
// step, the DeploymentConfig to send (and to read back from DescribeEndpoint) and the
// deployment timeout that fits the schedule.
/**
 * Room for provisioning in SageMaker's own deployment timeout: at least 30 minutes (endpoints
 * are reported to take 10–15 minutes to come up), more when the variant's own download and
 * health-check timeouts add up to more.
 */
const PROVISIONING_MARGIN_SECONDS = 1800;
const MIN_EXECUTION_TIMEOUT_SECONDS = 600;
const MAX_EXECUTION_TIMEOUT_SECONDS = 28800;
const ROUTING_TYPES = {
    linear: 'LINEAR',
    canary: 'CANARY',
    'all-at-once': 'ALL_AT_ONCE',
    rolling: 'ROLLING'
};
/** Instances a linear step or canary moves: a percentage rounds up (33 % of 3 = 1). */
function stepInstances(stepSize, instanceCount) {
    const fleet = Math.max(1, instanceCount);
    const raw = stepSize.type === 'CAPACITY_PERCENT'
        ? Math.ceil((fleet * stepSize.value) / 100)
        : Math.floor(stepSize.value);
    return Math.min(Math.max(raw, 1), fleet);
}
/** Traffic shifts, each followed by a bake of WaitIntervalInSeconds. */
function shiftCount(policy, instanceCount) {
    if (policy.routing === 'all-at-once')
        return 1;
    if (policy.routing === 'canary')
        return 2;
    return Math.ceil(Math.max(1, instanceCount) / stepInstances(policy.stepSize, instanceCount));
}
/**
 * The most shifts SageMaker may make: no source says how it rounds a percentage of the fleet to
 * instances (up, to the nearest, or down with at least one), and rounding down means smaller
 * steps, so more of them and more bakes. The execution timeout must hold for all three.
 */
function mostShifts(policy, instanceCount) {
    if (policy.routing !== 'linear' && policy.routing !== 'rolling') {
        return shiftCount(policy, instanceCount);
    }
    const fleet = Math.max(1, instanceCount);
    if (policy.stepSize.type !== 'CAPACITY_PERCENT')
        return shiftCount(policy, fleet);
    const exact = (fleet * policy.stepSize.value) / 100;
    const smallest = Math.min(Math.max(Math.floor(exact), 1), fleet);
    return Math.ceil(fleet / smallest);
}
/**
 * A shift's bake; the step that reaches 100 % bakes TerminationWaitInSeconds (the guides never say
 * it bakes WaitIntervalInSeconds too; the expected duration allows for both).
 */
function bakeLabel(policy, last) {
    if (!last)
        return `${policy.waitIntervalSeconds} s bake`;
    return policy.terminationWaitSeconds > 0
        ? `${policy.terminationWaitSeconds} s final bake`
        : 'no final bake';
}
/** The traffic split SageMaker should show at each step, offsets from the update request. */
function expectedSchedule(policy, instanceCount, provisioningSeconds) {
    const fleet = Math.max(1, instanceCount);
    const wait = policy.waitIntervalSeconds;
    const row = (offset, green, label) => {
        const greenPercent = Math.round((100 * green) / fleet);
        return {
            offsetSeconds: offset,
            bluePercent: 100 - greenPercent,
            greenPercent,
            greenInstances: green,
            label
        };
    };
    if (policy.routing === 'rolling')
        return rollingSchedule(policy, fleet, provisioningSeconds);
    const rows = [row(0, 0, 'start: green fleet provisioning')];
    if (policy.routing === 'all-at-once') {
        rows.push(row(provisioningSeconds, fleet, `all at once: ${bakeLabel(policy, true)}`));
    }
    else if (policy.routing === 'canary') {
        const canary = stepInstances(policy.stepSize, fleet);
        rows.push(row(provisioningSeconds, canary, `canary: ${bakeLabel(policy, false)}`));
        rows.push(row(provisioningSeconds + wait, fleet, `the rest: ${bakeLabel(policy, true)}`));
    }
    else {
        const step = stepInstances(policy.stepSize, fleet);
        const steps = shiftCount(policy, fleet);
        for (let k = 1; k <= steps; k++) {
            const green = Math.min(k * step, fleet);
            const offset = provisioningSeconds + (k - 1) * wait;
            const label = `step ${k}: ${bakeLabel(policy, k === steps)}`;
            rows.push(row(offset, green, label));
        }
    }
    return rows;
}
/** Time to provision the green fleet, from the variant's own timeouts (at least 30 minutes). */
function provisioningAllowance(downloadTimeoutSeconds, healthCheckTimeoutSeconds) {
    return Math.max(PROVISIONING_MARGIN_SECONDS, (downloadTimeoutSeconds ?? 0) + (healthCheckTimeoutSeconds ?? 0));
}
/**
 * Rolling: each batch brings up new instances, takes its share of traffic, bakes, then the same
 * number of old instances is terminated. At most fleet + one batch run at once.
 */
function rollingSchedule(policy, fleet, provisioningSeconds) {
    const batch = stepInstances(policy.stepSize, fleet);
    const batches = Math.ceil(fleet / batch);
    const rows = [
        {
            offsetSeconds: 0,
            bluePercent: 100,
            greenPercent: 0,
            greenInstances: 0,
            blueInstances: fleet,
            label: `deployment starts, first batch of ${batch} new instance(s) provisioned`
        }
    ];
    for (let k = 1; k <= batches; k++) {
        const green = Math.min(k * batch, fleet);
        const greenPercent = Math.round((100 * green) / fleet);
        rows.push({
            offsetSeconds: k * provisioningSeconds + (k - 1) * policy.waitIntervalSeconds,
            bluePercent: 100 - greenPercent,
            greenPercent,
            greenInstances: green,
            blueInstances: fleet - green,
            label: 
            // Only the last batch can be short: each earlier one terminates a whole batch.
            k === batches
                ? `batch ${k} of ${batches}: all traffic on the new fleet, last old instances terminated`
                : `batch ${k} of ${batches}: ${green} new instance(s) take traffic, then ${batch} old terminated`
        });
    }
    return rows;
}
/** The most instances running at once: blue/green doubles the fleet, rolling adds one batch. */
function peakInstances(policy, instanceCount) {
    const fleet = Math.max(1, instanceCount);
    return { blueGreen: 2 * fleet, rolling: fleet + stepInstances(policy.stepSize, fleet) };
}
/** SageMaker's MaximumExecutionTimeoutInSeconds: the user's, checked, or derived. */
function executionTimeout(policy, instanceCount, checked, provisioningSeconds = PROVISIONING_MARGIN_SECONDS) {
    const waits = mostShifts(policy, instanceCount) * policy.waitIntervalSeconds + policy.terminationWaitSeconds;
    // Rolling provisions every batch on its own; blue/green provisions the green fleet once.
    const provisioning = policy.routing === 'rolling'
        ? mostShifts(policy, instanceCount) * provisioningSeconds
        : provisioningSeconds;
    const given = policy.maxExecutionTimeoutSeconds;
    if (!checked)
        return given ?? clampTimeout(waits + provisioning);
    if (waits >= MAX_EXECUTION_TIMEOUT_SECONDS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('wait-interval', `Input "wait-interval" (${policy.waitIntervalSeconds} s) is too long for this fleet: the rollout waits ${waits} s in all (${mostShifts(policy, instanceCount)} traffic steps at most × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), and SageMaker's limit of ${MAX_EXECUTION_TIMEOUT_SECONDS} s must be larger. Lower wait-interval or termination-wait, or use a larger step-size.`);
    }
    if (given === undefined)
        return clampTimeout(waits + provisioning);
    // The API model: it "should be larger than the total waiting time".
    if (given <= waits) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('max-execution-timeout', `Input "max-execution-timeout" is ${given} s, but it must be larger than the rollout's waits, ${waits} s (${mostShifts(policy, instanceCount)} traffic steps at most × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), before provisioning. Set it to more than ${waits} plus time to provision the new instances (${provisioning} s would be derived), or leave it empty to derive it.`);
    }
    return given;
}
/**
 * The step size against the green fleet, as the API states it: a linear step is 10–50 % of the
 * variant's instances, a canary at most 50 %. A bare number too large for the fleet is most
 * likely a percentage written without its sign.
 */
function checkStepSize(policy, instanceCount, variant) {
    if (policy.routing === 'all-at-once')
        return;
    const kind = policy.routing === 'linear'
        ? 'a linear step'
        : policy.routing === 'canary'
            ? 'a canary'
            : 'a rolling batch';
    const range = policy.routing === 'canary'
        ? 'at most 50 %'
        : policy.routing === 'linear'
            ? '10–50 %'
            : '5–50 %';
    if (instanceCount <= 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('traffic-routing', `Input "traffic-routing" is ${policy.routing}, but variant ${variant} runs ${instanceCount} instance: ${kind} must be ${range} of the variant's instances, and no whole ${policy.routing === 'rolling' ? 'batch' : 'step'} of 1 instance is. Use traffic-routing: all-at-once (one shift, still guarded by the alarms during its bake), or run at least 2 instances (instance-count).`);
    }
    if (policy.stepSize.type !== 'INSTANCE_COUNT')
        return;
    const step = policy.stepSize.value;
    const share = (100 * step) / instanceCount;
    const low = policy.routing === 'linear' ? 10 : policy.routing === 'rolling' ? 5 : 0;
    if (share >= low && share <= 50)
        return;
    const fits = allowedInstances(policy.routing, instanceCount);
    // 30 on a 4-instance fleet cannot be a number of instances; it was most likely meant as 30 %.
    const lowest = policy.routing === 'linear' ? 10 : policy.routing === 'rolling' ? 5 : 1;
    const meant = step > instanceCount && step >= lowest && step <= 50 ? ` Did you mean ${step}%?` : '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('step-size', `Input "step-size" is ${step}, which is ${step} instance${step === 1 ? '' : 's'} (${Math.round(share)} % of the ${instanceCount} instances of variant ${variant}); ${kind} must be ${range} of the variant's instances${fits}.${meant}`);
}
function allowedInstances(routing, count) {
    const min = routing === 'linear' ? Math.ceil(count / 10) : routing === 'rolling' ? Math.ceil(count / 20) : 1;
    const max = Math.floor(count / 2);
    // The fleet has at least 2 instances here, so min <= max; they meet only at 1 (2 or 3 instances).
    return min === max ? ', here exactly 1 instance' : `, here ${min} to ${max} instances`;
}
function clampTimeout(seconds) {
    return Math.min(Math.max(seconds, MIN_EXECUTION_TIMEOUT_SECONDS), MAX_EXECUTION_TIMEOUT_SECONDS);
}
function record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : undefined;
}
function seconds(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
function capacity(value) {
    const size = record(value);
    const type = size?.['Type'];
    const amount = size?.['Value'];
    if ((type !== 'CAPACITY_PERCENT' && type !== 'INSTANCE_COUNT') || typeof amount !== 'number') {
        return undefined;
    }
    return amount >= 1 ? { type, value: amount } : undefined;
}
/** The rollout policy of a DescribeEndpoint LastDeploymentConfig; null if it has none. */
function policyFromDeploymentConfig(config) {
    const rolling = record(record(config)?.['RollingUpdatePolicy']);
    if (rolling) {
        const batch = capacity(rolling['MaximumBatchSize']);
        const bake = seconds(rolling['WaitIntervalInSeconds']);
        if (!batch || bake === undefined)
            return null;
        const rollback = capacity(rolling['RollbackMaximumBatchSize']);
        return {
            routing: 'rolling',
            stepSize: batch,
            waitIntervalSeconds: bake,
            terminationWaitSeconds: 0,
            maxExecutionTimeoutSeconds: seconds(rolling['MaximumExecutionTimeoutInSeconds']),
            ...(rollback ? { rollbackStepSize: rollback } : {})
        };
    }
    const blueGreen = record(record(config)?.['BlueGreenUpdatePolicy']);
    const routing = record(blueGreen?.['TrafficRoutingConfiguration']);
    const wait = seconds(routing?.['WaitIntervalInSeconds']);
    if (!blueGreen || !routing || wait === undefined)
        return null;
    const type = routing['Type'];
    const common = {
        waitIntervalSeconds: wait,
        terminationWaitSeconds: seconds(blueGreen['TerminationWaitInSeconds']) ?? 0,
        maxExecutionTimeoutSeconds: seconds(blueGreen['MaximumExecutionTimeoutInSeconds'])
    };
    if (type === 'ALL_AT_ONCE') {
        return { routing: 'all-at-once', stepSize: { type: 'CAPACITY_PERCENT', value: 100 }, ...common };
    }
    const stepSize = capacity(routing[type === 'LINEAR' ? 'LinearStepSize' : 'CanarySize']);
    if ((type !== 'LINEAR' && type !== 'CANARY') || !stepSize)
        return null;
    return { routing: type === 'LINEAR' ? 'linear' : 'canary', stepSize, ...common };
}
/** The rollback alarms of a DescribeEndpoint LastDeploymentConfig. */
function alarmNamesFromDeploymentConfig(config) {
    const alarms = record(record(config)?.['AutoRollbackConfiguration'])?.['Alarms'];
    if (!Array.isArray(alarms))
        return [];
    const names = alarms.map(a => record(a)?.['AlarmName']).filter(n => typeof n === 'string');
    return [...new Set(names)];
}
/** The DeploymentConfig of a CreateEndpoint or UpdateEndpoint request. */
function deploymentConfig(policy, instanceCount, alarmNames, provisioning = PROVISIONING_MARGIN_SECONDS) {
    const type = ROUTING_TYPES[policy.routing];
    const size = { Type: policy.stepSize.type, Value: policy.stepSize.value };
    const guard = alarmNames.length > 0
        ? { AutoRollbackConfiguration: { Alarms: alarmNames.map(AlarmName => ({ AlarmName })) } }
        : {};
    if (type === 'ROLLING') {
        const rollback = policy.rollbackStepSize;
        return {
            RollingUpdatePolicy: {
                MaximumBatchSize: size,
                WaitIntervalInSeconds: policy.waitIntervalSeconds,
                MaximumExecutionTimeoutInSeconds: executionTimeout(policy, instanceCount, true, provisioning),
                ...(rollback
                    ? { RollbackMaximumBatchSize: { Type: rollback.type, Value: rollback.value } }
                    : {})
            },
            ...guard
        };
    }
    const routing = {
        Type: type,
        WaitIntervalInSeconds: policy.waitIntervalSeconds
    };
    if (type === 'LINEAR')
        routing['LinearStepSize'] = size;
    if (type === 'CANARY')
        routing['CanarySize'] = size;
    const config = {
        BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: routing,
            TerminationWaitInSeconds: policy.terminationWaitSeconds,
            MaximumExecutionTimeoutInSeconds: executionTimeout(policy, instanceCount, true, provisioning)
        }
    };
    if (alarmNames.length > 0) {
        config['AutoRollbackConfiguration'] = { Alarms: alarmNames.map(AlarmName => ({ AlarmName })) };
    }
    return config;
}


/***/ }),

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ failFast),
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   gz: () => (/* binding */ setOutputFast),
/* harmony export */   zt: () => (/* binding */ appendSummaryFast)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
// The runner commands the fail-fast path needs, without loading @actions/core: reading an input
// as the runner passes it, failing the step, setting an output and writing the job summary.
// Same encoding as @actions/core.


/** The runner passes `with:` values as INPUT_<NAME> (upper case, spaces as underscores). */
function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** `::error::` with the message escaped as workflow commands require, and exit code 1. */
function failFast(message) {
    const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::error::${data}\n`);
    process.exitCode = 1;
}
/** Appends an output in the runner's file-command format, as @actions/core's setOutput does. */
function setOutputFast(name, value, env = process.env) {
    const file = env['GITHUB_OUTPUT'];
    if (!file)
        return;
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}
/** Appends Markdown to the job summary, as @actions/core's summary.write() does. */
function appendSummaryFast(markdown, env = process.env) {
    const file = env['GITHUB_STEP_SUMMARY'];
    if (!file)
        return;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, markdown);
    }
    catch {
        // A summary that cannot be written never hides the error itself.
    }
}
/** `::add-mask::` as @actions/core's setSecret writes it: the runner hides the value in logs. */
function maskSecret(value) {
    const data = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(`::add-mask::${data}\n`);
}


/***/ }),

/***/ 7194:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   PF: () => (/* binding */ redactStreams),
/* harmony export */   dg: () => (/* binding */ registerSecrets)
/* harmony export */ });
/* unused harmony exports FRAGMENT, MASK, createRedactor */
// Container environment values often carry credentials. No part of one may reach the log, the
// outputs, the job summary or a comment, including service errors that echo the request. The
// redactor blanks any run of text that shares a fragment of FRAGMENT characters with a value,
// in the forms the value takes on its way out (as is, JSON-escaped, Markdown-escaped, and
// encoded as a workflow command).
/** Shortest fragment that is blanked. Shorter values ("true", "info") would blank ordinary text. */
const FRAGMENT = 8;
const MASK = '***';
/** The forms a value can take in what the action writes. */
function forms(value) {
    const json = JSON.stringify(value).slice(1, -1);
    const markdown = value.replace(/[\\`*_[\]!~|$#]/g, '\\$&').replace(/&/g, '&amp;');
    const command = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    return [...new Set([value, json, markdown, command])];
}
function createRedactor(values) {
    const fragments = new Set();
    for (const value of values) {
        for (const form of forms(value)) {
            const chars = Array.from(form);
            for (let i = 0; i + FRAGMENT <= chars.length; i++) {
                fragments.add(chars.slice(i, i + FRAGMENT).join(''));
            }
        }
    }
    if (fragments.size === 0)
        return text => text;
    return text => {
        const chars = Array.from(text);
        if (chars.length < FRAGMENT)
            return text;
        const hidden = new Uint8Array(chars.length);
        let any = false;
        for (let i = 0; i + FRAGMENT <= chars.length; i++) {
            if (fragments.has(chars.slice(i, i + FRAGMENT).join(''))) {
                hidden.fill(1, i, i + FRAGMENT);
                any = true;
            }
        }
        if (!any)
            return text;
        let out = '';
        for (let i = 0; i < chars.length; i++) {
            if (hidden[i] === 1) {
                if (i === 0 || hidden[i - 1] !== 1)
                    out += MASK;
            }
            else {
                out += chars[i];
            }
        }
        return out;
    };
}
// The values of this run: the environment input's, and any a plan takes from the live model.
const registered = new Set();
let current = text => text;
/** Adds values that must never be written (container environment values). */
function registerSecrets(values) {
    const before = registered.size;
    for (const value of values)
        if (value !== '')
            registered.add(value);
    if (registered.size !== before)
        current = createRedactor([...registered]);
}
/** The registered values masked out of `text`. */
function redact(text) {
    return current(text);
}
let installed = false;
/** Every later write to stdout and stderr goes through redact() (installed once). */
function redactStreams() {
    if (installed)
        return;
    installed = true;
    for (const stream of [process.stdout, process.stderr]) {
        const write = stream.write.bind(stream);
        const redacting = (chunk, ...rest) => {
            const text = typeof chunk === 'string'
                ? chunk
                : chunk instanceof Uint8Array
                    ? Buffer.from(chunk).toString('utf8')
                    : String(chunk);
            return write(redact(text), ...rest);
        };
        stream.write = redacting;
    }
}


/***/ }),

/***/ 7645:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  aU: () => (/* binding */ carriedTags),
  av: () => (/* binding */ greenConfig),
  LH: () => (/* binding */ greenModel),
  R0: () => (/* binding */ greenModelFrom),
  t5: () => (/* binding */ runningCount)
});

// UNUSED EXPORTS: MODEL_CARRIED_MEMBERS

;// CONCATENATED MODULE: ./src/target/endpoint/metrics-config.ts
/** MetricsConfig's defaults (API reference, MetricsConfig). */
const DEFAULTS = {
    MetricPublishFrequencyInSeconds: 60,
    EnableEnhancedMetrics: false
};
/**
 * How often a MetricsConfig has the invocation metrics published: its frequency with enhanced
 * metrics, else every 60 s ("When EnableEnhancedMetrics is set to False, this interval applies
 * to utilization metrics only").
 */
function invocationResolution(metrics) {
    const frequency = metrics?.['MetricPublishFrequencyInSeconds'];
    if (metrics?.['EnableEnhancedMetrics'] !== true || typeof frequency !== 'number')
        return 60;
    return frequency;
}
const OBSERVABILITY = 'EnableDetailedObservability is not sent: the live config does not state it (false for a config created before the setting existed), and SageMaker gives a new config true unless it is sent.';
/** The green config's MetricsConfig from the live one (`live` undefined: none, or no live config). */
function greenMetricsConfig(live, resolution, liveConfigRead) {
    const unstated = liveConfigRead && live?.['EnableDetailedObservability'] === undefined;
    if (resolution === undefined || invocationResolution(live) === resolution) {
        if (live === undefined)
            return { value: undefined, kept: false, notes: [] };
        return {
            value: live,
            kept: true,
            notes: unstated ? [`The live config's MetricsConfig is kept as it is. ${OBSERVABILITY}`] : []
        };
    }
    // Enhanced metrics stay as they are at 60 s: every minute is what invocation metrics get anyway.
    const changes = resolution < 60
        ? { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: resolution }
        : { MetricPublishFrequencyInSeconds: resolution };
    const value = { ...live, ...changes };
    if (!liveConfigRead)
        return { value, kept: false, notes: [] };
    const was = (member) => live?.[member] === undefined ? `${String(DEFAULTS[member])} by default` : String(live[member]);
    const changed = Object.keys(changes).filter(member => live?.[member] !== changes[member]);
    const others = Object.keys(live ?? {}).filter(member => !changed.includes(member));
    const listed = changed.map(m => `${m} ${String(changes[m])} (live: ${was(m)})`).join(', ');
    const rest = others.length ? `; ${others.join(', ')} kept` : '';
    return {
        value,
        kept: false,
        notes: [
            `metrics-resolution: ${resolution} sets the new config's MetricsConfig: ${listed}${rest}.${unstated ? ` ${OBSERVABILITY}` : ''}`
        ]
    };
}

;// CONCATENATED MODULE: ./src/target/endpoint/carry-over.ts

/** What a variant sets beyond what every variant has. */
const BASIC_VARIANT_MEMBERS = new Set([
    'VariantName',
    'ModelName',
    'InitialInstanceCount',
    'InstanceType',
    'InitialVariantWeight'
]);
/** Members a new model takes from the live one (the step has no input for them). */
const MODEL_CARRIED_MEMBERS = ['VpcConfig', 'EnableNetworkIsolation'];
function plain(value) {
    if (typeof value === 'object' && value !== null)
        return JSON.stringify(value);
    return String(value);
}
/** The count a variant runs with now: its desired count, or the config's when scaled to zero. */
function runningCount(v) {
    if (v.desiredCount !== undefined && v.desiredCount >= 1)
        return v.desiredCount;
    return v.configuredCount;
}
function greenConfig(current, change, metricsResolution) {
    const target = {
        VariantName: change.variantName,
        ModelName: change.modelName,
        InitialInstanceCount: change.instanceCount,
        InstanceType: change.instanceType,
        InitialVariantWeight: 1
    };
    const metrics = greenMetricsConfig(current?.config?.['MetricsConfig'], metricsResolution, current?.config !== undefined);
    const notes = metrics.notes;
    if (!current?.config) {
        const set = metrics.value ? { MetricsConfig: metrics.value } : {};
        return { body: { ProductionVariants: [target], ...set }, carried: [], notes };
    }
    const { ProductionVariants, ...members } = current.config;
    const carried = Object.entries(members)
        .filter(([member]) => member !== 'MetricsConfig' || metrics.kept)
        .map(([member, value]) => (typeof value === 'object' ? member : `${member} ${plain(value)}`));
    // In the live config's order; a MetricsConfig the live config lacks comes last.
    const rest = metrics.value ? { ...members, MetricsConfig: metrics.value } : members;
    const live = new Map(current.variants.map(v => [v.name, v]));
    const variants = (Array.isArray(ProductionVariants) ? ProductionVariants : []).map(variant => {
        const name = String(variant['VariantName'] ?? '');
        const now = live.get(name);
        const weight = now?.desiredWeight ?? variant['InitialVariantWeight'];
        const extras = Object.keys(variant).filter(member => !BASIC_VARIANT_MEMBERS.has(member));
        if (name === change.variantName) {
            if (extras.length)
                carried.push(`variant ${name}: ${extras.map(m => describe(m, variant[m])).join(', ')}`);
            return { ...variant, ...target, InitialVariantWeight: weight ?? 1 };
        }
        // Every other variant gets a green fleet too: as it runs now, same model and settings.
        const count = now ? runningCount(now) : undefined;
        const kept = {
            ...variant,
            ...(count !== undefined ? { InitialInstanceCount: count } : {}),
            ...(weight !== undefined ? { InitialVariantWeight: weight } : {})
        };
        carried.push(`variant ${name} kept as it runs: model ${plain(variant['ModelName'])}, ${plain(kept.InitialInstanceCount)} × ${plain(variant['InstanceType'])}, weight ${plain(kept.InitialVariantWeight)}${extras.length ? `, ${extras.join(', ')}` : ''}`);
        return kept;
    });
    return { body: { ...rest, ProductionVariants: variants }, carried, notes };
}
function describe(member, value) {
    return typeof value === 'object' ? member : `${member} ${plain(value)}`;
}
/** The live config's own tags carried onto the green config (the action's and AWS's left out). */
function carriedTags(current, userTags, actionPrefix) {
    if (!current)
        return [];
    const given = new Set(userTags.map(t => t.Key));
    return Object.entries(current.configTags)
        .filter(([key]) => !key.startsWith(actionPrefix) && !key.toLowerCase().startsWith('aws:'))
        .filter(([key]) => !given.has(key))
        .map(([Key, Value]) => ({ Key, Value }));
}
function liveEnvironment(model) {
    const container = (model?.['PrimaryContainer'] ??
        (Array.isArray(model?.['Containers']) ? model['Containers'][0] : undefined));
    const env = container?.['Environment'];
    return env && typeof env === 'object' ? env : {};
}
/** What a new model takes from the live one: network settings, and the environment if asked. */
function greenModel(current, environment, inheritEnvironment) {
    return greenModelFrom(current?.model, environment, inheritEnvironment);
}
/** The same from the live model's CreateModel input (an endpoint variant's or a component's). */
function greenModelFrom(model, environment, inheritEnvironment) {
    const extra = {};
    const carried = [];
    for (const member of MODEL_CARRIED_MEMBERS) {
        if (model?.[member] !== undefined) {
            extra[member] = model[member];
            carried.push(`model ${member}`);
        }
    }
    const live = liveEnvironment(model);
    const missing = Object.keys(live).filter(key => !(key in environment));
    const warnings = [];
    let merged = environment;
    let inheritedValues = [];
    if (missing.length && inheritEnvironment) {
        merged = { ...Object.fromEntries(missing.map(key => [key, live[key] ?? ''])), ...environment };
        inheritedValues = missing.map(key => live[key] ?? '');
        carried.push(`model environment ${missing.join(', ')} (inherit-environment: true; values not shown)`);
    }
    else if (missing.length) {
        warnings.push(`The live model's container environment sets ${missing.join(', ')}, which the new model does not. Set them in environment, or inherit-environment: true to copy them from the live model.`);
    }
    return { extra, environment: merged, carried, warnings, inheritedValues };
}


/***/ }),

/***/ 3693:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Cp: () => (/* binding */ MODEL_SETTINGS),
/* harmony export */   IY: () => (/* binding */ describeLive),
/* harmony export */   M_: () => (/* binding */ modelInput),
/* harmony export */   Yr: () => (/* binding */ failedRead),
/* harmony export */   nv: () => (/* binding */ targetVariant)
/* harmony export */ });
/* unused harmony exports configInput, liveVariants */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9378);


/** DescribeEndpointConfig members that CreateEndpointConfig does not take. */
const CONFIG_OUTPUT_ONLY = ['EndpointConfigArn', 'CreationTime', '$metadata'];
/** DescribeModel members that CreateModel does not take. */
const MODEL_OUTPUT_ONLY = [
    'ModelArn',
    'CreationTime',
    'DeploymentRecommendation',
    '$metadata'
];
/** Plain JSON without the members named (and without undefined values). */
function without(value, members) {
    const copy = JSON.parse(JSON.stringify(value));
    for (const member of members)
        delete copy[member];
    return copy;
}
/** The live config as CreateEndpointConfig input, less its name (the green one gets its own). */
function configInput(described) {
    return without(described, [...CONFIG_OUTPUT_ONLY, 'EndpointConfigName']);
}
/** The live model as CreateModel input, less its name. */
function modelInput(described) {
    return without(described, [...MODEL_OUTPUT_ONLY, 'ModelName']);
}
/** Each variant of the live config with how it runs now (DescribeEndpoint's counts and weights). */
function liveVariants(ep, variants) {
    const running = new Map((ep.ProductionVariants ?? []).map(v => [v.VariantName ?? '', v]));
    return variants.map(v => {
        const now = running.get(v.VariantName ?? '');
        return {
            name: v.VariantName ?? '',
            modelName: v.ModelName,
            instanceType: v.InstanceType,
            configuredCount: v.InitialInstanceCount,
            desiredCount: now?.DesiredInstanceCount ?? now?.CurrentInstanceCount,
            desiredWeight: now?.DesiredWeight ?? now?.CurrentWeight,
            serverless: v.ServerlessConfig !== undefined,
            downloadTimeoutSeconds: v.ModelDataDownloadTimeoutInSeconds,
            healthCheckTimeoutSeconds: v.ContainerStartupHealthCheckTimeoutInSeconds
        };
    });
}
/** The variant a step deploys to: the one named, else the only one. */
function targetVariant(variants, requested) {
    if (requested !== undefined)
        return variants.find(v => v.name === requested);
    return variants.length === 1 ? variants[0] : undefined;
}
/**
 * Reads the live (blue) side of an endpoint: its config whole, its variants, the config's tags
 * and the model of the variant this step deploys to.
 */
async function describeLive(api, ep, requestedVariant, log) {
    const configName = ep.EndpointConfigName ?? '';
    const unread = [];
    const described = configName ? await api.describeEndpointConfig(configName) : undefined;
    if (configName && !described) {
        unread.push({
            read: `DescribeEndpointConfig ${configName}`,
            protects: CONFIG_SETTINGS,
            error: `the live config ${configName} no longer exists (deleted while the endpoint serves it)`,
            forNewModel: false
        });
    }
    const variants = liveVariants(ep, described?.ProductionVariants ?? []);
    let configTags = {};
    if (described?.EndpointConfigArn) {
        try {
            configTags = await api.listTags(described.EndpointConfigArn);
        }
        catch (e) {
            unread.push(failedRead(`ListTags ${configName}`, CONFIG_TAGS, 'sagemaker:ListTags', e, false));
        }
    }
    const target = targetVariant(variants, requestedVariant) ?? variants[0];
    let model;
    if (target?.modelName) {
        try {
            model = await api.describeModel(target.modelName);
            if (!model) {
                unread.push({
                    read: `DescribeModel ${target.modelName}`,
                    protects: MODEL_SETTINGS,
                    error: `the live model ${target.modelName} no longer exists (deleted while the endpoint serves it)`,
                    forNewModel: true
                });
            }
        }
        catch (e) {
            unread.push(failedRead(`DescribeModel ${target.modelName}`, MODEL_SETTINGS, 'sagemaker:DescribeModel', e, true));
        }
    }
    for (const u of unread)
        log.warning(`Could not read ${u.read}: ${u.error}.`);
    // The endpoint's own tags: where a run that could not restore auto scaling left a copy of it.
    let endpointTags;
    if (ep.EndpointArn) {
        try {
            endpointTags = await api.listTags(ep.EndpointArn);
        }
        catch (e) {
            log.warning(`Could not read the tags of endpoint ${ep.EndpointName ?? '?'} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}): a copy of auto scaling an earlier run could not restore would go unseen.`);
        }
    }
    const image = model?.PrimaryContainer?.Image ?? model?.Containers?.[0]?.Image;
    return {
        ...(ep.EndpointArn ? { endpointArn: ep.EndpointArn } : {}),
        ...(endpointTags ? { endpointTags } : {}),
        status: ep.EndpointStatus ?? 'Unknown',
        configName,
        variantName: target?.name ?? ep.ProductionVariants?.[0]?.VariantName ?? 'AllTraffic',
        instanceType: target?.instanceType,
        instanceCount: target?.desiredCount ?? target?.configuredCount,
        modelName: target?.modelName,
        modelDataUrl: model?.PrimaryContainer?.ModelDataUrl ?? model?.Containers?.[0]?.ModelDataUrl,
        ...(image ? { image } : {}),
        lastModifiedTime: ep.LastModifiedTime?.getTime(),
        lastDeploymentConfig: ep.LastDeploymentConfig
            ? JSON.parse(JSON.stringify(ep.LastDeploymentConfig))
            : undefined,
        failureReason: ep.FailureReason || undefined,
        variants,
        config: described ? configInput(described) : undefined,
        configTags,
        model: model ? modelInput(model) : undefined,
        ...(unread.length ? { unread } : {})
    };
}
/** What the live config carries into the green one (greenConfig). */
const CONFIG_SETTINGS = "the live config's settings (every variant, data capture, KMS key, async and explainer config)";
const CONFIG_TAGS = "the live config's tags, which the new config carries";
/** What a new model takes from the live one (carry-over.ts MODEL_CARRIED_MEMBERS). */
const MODEL_SETTINGS = "the live model's network settings (VpcConfig, EnableNetworkIsolation) and container environment, which a new model carries";
/** A failed read as the user's settings that depend on it. */
function failedRead(read, protects, permission, e, forNewModel) {
    return {
        read,
        protects,
        error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e),
        ...((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAccessDenied */ .w7)(e) ? { deniedPermission: permission } : {}),
        forNewModel
    };
}


/***/ }),

/***/ 7251:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Gg: () => (/* binding */ buildPlan),
  yz: () => (/* reexport */ rollout_policy/* policyFromDeploymentConfig */.yz),
  cB: () => (/* binding */ renamePlan),
  lA: () => (/* reexport */ rollout_policy/* stepInstances */.lA)
});

// UNUSED EXPORTS: MAX_EXECUTION_TIMEOUT_SECONDS, MIN_EXECUTION_TIMEOUT_SECONDS, PROVISIONING_MARGIN_SECONDS, alarmNamesFromDeploymentConfig, expectedSchedule

// EXTERNAL MODULE: ./src/guard/alarms.ts
var alarms = __nccwpck_require__(2767);
// EXTERNAL MODULE: ./src/guard/gate/alarm.ts
var alarm = __nccwpck_require__(232);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var src_names = __nccwpck_require__(6455);
// EXTERNAL MODULE: ./src/deploy/step-identity.ts
var step_identity = __nccwpck_require__(5704);
// EXTERNAL MODULE: ./src/inputs/index.ts + 5 modules
var inputs = __nccwpck_require__(9882);
// EXTERNAL MODULE: ./src/deploy/plan.ts
var plan = __nccwpck_require__(5448);
// EXTERNAL MODULE: ./src/target/endpoint/carry-over.ts + 1 modules
var carry_over = __nccwpck_require__(7645);
// EXTERNAL MODULE: ./src/target/endpoint/live.ts
var live = __nccwpck_require__(3693);
;// CONCATENATED MODULE: ./src/target/endpoint/kinds.ts
// Which endpoints a blue/green update of one variant's model can handle, decided from the live
// endpoint before anything is written. Serverless and inference-component endpoints, and a
// variant that cannot be told apart, are refused with why and what to do instead.


/** The live variant this step deploys to; throws when the live endpoint cannot take the step. */
function checkEndpointKind(endpointName, current, requestedVariant) {
    const { variants } = current;
    if (current.config === undefined || variants.length === 0) {
        // The live config could not be read: the variant DescribeEndpoint shows is all there is.
        if (requestedVariant !== undefined && requestedVariant !== current.variantName) {
            throw new errors/* InputError */.dz('variant-name', `Input "variant-name" is "${requestedVariant}", but endpoint ${endpointName} serves variant "${current.variantName}": a blue/green update must keep the variant names. Leave variant-name empty or set it to "${current.variantName}".`);
        }
        return undefined;
    }
    const names = variants.map(v => `"${v.name}"`).join(', ');
    const serverless = variants.find(v => v.serverless);
    if (serverless) {
        throw new errors/* InputError */.dz('endpoint-name', `Endpoint ${endpointName} is serverless (variant "${serverless.name}" has a ServerlessConfig). SageMaker's deployment guardrails (blue/green traffic shifting with alarm rollback) apply to endpoints that run on instances, and giving this one an instance type would convert it to instances for good. Update a serverless endpoint with UpdateEndpoint and a new endpoint config outside this action, or deploy to an instance-based endpoint.`);
    }
    const components = variants.find(v => v.modelName === undefined);
    if (components) {
        throw new errors/* InputError */.dz('endpoint-name', `Endpoint ${endpointName} hosts inference components (variant "${components.name}" has no model of its own): a model is deployed into an inference component with UpdateInferenceComponent, not by replacing the endpoint config. Set inference-component-name to the component to deploy into.`);
    }
    const target = (0,live/* targetVariant */.nv)(variants, requestedVariant);
    if (target)
        return target;
    if (requestedVariant === undefined) {
        throw new errors/* InputError */.dz('variant-name', `Input "variant-name" is required: endpoint ${endpointName} has ${variants.length} variants (${names}). Name the one to deploy to; the others are kept as they run.`);
    }
    throw new errors/* InputError */.dz('variant-name', `Input "variant-name" is "${requestedVariant}", but endpoint ${endpointName} serves ${variants.length === 1 ? 'variant' : 'variants'} ${names}: a blue/green update must keep the variant names. Leave variant-name empty${variants.length === 1 ? ` or set it to ${names}` : ', or name one of them'}.`);
}
/** The live model is an inference pipeline (several containers): not replaceable by one container. */
function checkModelShape(endpointName, variant, model) {
    const containers = model?.['Containers'];
    if (Array.isArray(containers) && containers.length > 1) {
        throw new errors/* InputError */.dz('model-data-url', `The live model of variant "${variant}" on endpoint ${endpointName} is an inference pipeline of ${containers.length} containers; a model made from model-data-url or model-package-arn has one container, so the pipeline would be lost. Create the new pipeline model yourself and deploy it with model-name.`);
    }
}

// EXTERNAL MODULE: ./src/deploy/retain.ts
var retain = __nccwpck_require__(2622);
;// CONCATENATED MODULE: ./src/guard/rolling-windows.ts
/** The windows after each batch but the last, from a rolling schedule (start row first). */
function unwatchedWindows(schedule, waitIntervalSeconds) {
    const batches = schedule.filter(step => step.greenPercent > 0);
    return batches.slice(0, -1).map((batch, i) => {
        const from = batch.offsetSeconds + waitIntervalSeconds;
        return {
            afterBatch: i + 1,
            fromSeconds: from,
            seconds: Math.max(0, batches[i + 1].offsetSeconds - from),
            greenPercent: batch.greenPercent
        };
    });
}

// EXTERNAL MODULE: ./src/rollout-policy.ts
var rollout_policy = __nccwpck_require__(1201);
;// CONCATENATED MODULE: ./src/target/endpoint/plan.ts













// Pure: from what the user asked and what the endpoint is now, the exact requests to send,
// the traffic schedule to expect and how long to wait for a verdict. The rollout policy's
// own rules (steps, schedule, DeploymentConfig, timeout) live in rollout-policy.ts.
const DEFAULT_VARIANT = 'AllTraffic';
/** The variant, instance type and count of the green fleet, and what a person should know. */
function fleet(request, current) {
    const live = current
        ? checkEndpointKind(request.endpointName, current, request.variantName)
        : undefined;
    const notes = [];
    // Auto scaling moves the desired count: the green fleet starts at today's, at least 1.
    let running = live ? (0,carry_over/* runningCount */.t5)(live) : current?.instanceCount;
    if (live?.desiredCount === 0) {
        notes.push(`Variant ${live.name} is scaled to zero; the green fleet starts with ${request.instanceCount ?? running ?? '?'} instance(s) (SageMaker needs at least 1), and auto scaling takes it from there.`);
    }
    if (running !== undefined && running < 1)
        running = undefined;
    const instanceType = request.instanceType ?? live?.instanceType ?? current?.instanceType;
    const instanceCount = request.instanceCount ?? running;
    const why = current
        ? `the live config of endpoint ${request.endpointName} does not say`
        : `endpoint ${request.endpointName} does not exist yet, so say`;
    const missing = [
        instanceType === undefined
            ? `Input "instance-type" is required: ${why} which instance type to use (for example ml.m5.large).`
            : '',
        instanceCount === undefined
            ? `Input "instance-count" is required: ${why} how many instances to run (for example 2).`
            : ''
    ].filter(Boolean);
    if (instanceType === undefined || instanceCount === undefined) {
        throw new errors/* InputError */.dz(instanceType === undefined ? 'instance-type' : 'instance-count', missing.join('\n'));
    }
    return {
        variantName: request.variantName ?? live?.name ?? current?.variantName ?? DEFAULT_VARIANT,
        instanceType,
        instanceCount,
        live,
        notes
    };
}
const ALL_AT_ONCE = {
    routing: 'all-at-once',
    stepSize: { type: 'CAPACITY_PERCENT', value: 100 },
    waitIntervalSeconds: 0,
    terminationWaitSeconds: 0,
    maxExecutionTimeoutSeconds: undefined
};
function buildPlan(request, run, current, options = {}) {
    const provisioning = options.provisioningEstimateSeconds ?? plan/* DEFAULT_PROVISIONING_SECONDS */.W4;
    const firstDeploy = current === null;
    if (firstDeploy && request.retainDeploymentConfig) {
        throw new errors/* InputError */.dz('retain-deployment-config', `Input "retain-deployment-config" is true, but endpoint ${request.endpointName} does not exist yet, so there is no deployment configuration to reuse. Set it to false for the first deployment.`);
    }
    const { variantName, instanceType, instanceCount, live, notes } = fleet(request, current);
    if (current && request.model.kind !== 'existing') {
        checkModelShape(request.endpointName, variantName, current.model);
    }
    const names = (0,src_names/* greenNames */.e4)(request.endpointName, run);
    const greenModelName = request.model.kind === 'existing' ? request.model.modelName : names.modelName;
    const { endpointConfigName } = names;
    const tags = (0,plan/* planTags */.Vd)(request.tags, run);
    const retained = request.retainDeploymentConfig && current ? (0,retain/* retainedConfig */.V)(request, current) : undefined;
    const created = request.createAlarms
        ? (0,alarms/* labAlarms */.se)(request.endpointName, variantName, request.errorRateThresholdPercent, request.latencyThresholdMs, tags, (0,alarms/* createdAlarmPeriods */._5)(request.metricsResolution, request.metricDelaySeconds), request.alarmNamePrefix)
        : [];
    // The gate's alarm guards a shift: a new endpoint has none (SageMaker creates it at once).
    const gate = request.gate && !firstDeploy
        ? (0,alarm/* gatePlan */.FI)(request.endpointName, request.gate, request.alarmNamePrefix)
        : undefined;
    if (gate) {
        created.push((0,alarm/* gateAlarm */.T)(gate, request.endpointName, tags));
        if (retained && !retained.alarmNames.includes(gate.alarmName)) {
            throw new errors/* InputError */.dz('retain-deployment-config', `Input "retain-deployment-config" is true, but the endpoint's retained policy does not name the gate alarm ${gate.alarmName}, so SageMaker would not roll back when a gate check fails. Send a policy (retain-deployment-config: false) to have the gate guard this update, or remove verify-requests and verify-command.`);
        }
    }
    // With retain, an alarm the retained config does not name would guard nothing.
    const alarmsToCreate = retained
        ? created.filter(a => retained.alarmNames.includes(a.name))
        : created;
    const guardAlarmNames = retained
        ? [...retained.alarmNames]
        : [...new Set([...alarmsToCreate.map(a => a.name), ...request.alarmNames])];
    // Without a blue/green policy SageMaker shifts all traffic at once, with no bake.
    const effective = request.policy ?? retained?.policy ?? ALL_AT_ONCE;
    if (request.policy)
        (0,rollout_policy/* checkStepSize */.CK)(request.policy, instanceCount, variantName);
    if (request.policy?.routing === 'rolling' && current && current.variants.length > 1) {
        throw new errors/* InputError */.dz('traffic-routing', `Input "traffic-routing" is rolling, but endpoint ${request.endpointName} has ${current.variants.length} variants: SageMaker excludes multi-variant endpoints from rolling deployments. Use linear or canary (blue/green) for this endpoint.`);
    }
    const allowance = (0,rollout_policy/* provisioningAllowance */.ij)(live?.downloadTimeoutSeconds, live?.healthCheckTimeoutSeconds);
    const base = { EndpointName: request.endpointName, EndpointConfigName: endpointConfigName };
    const deployment = (policy) => (0,rollout_policy/* deploymentConfig */.QT)(policy, instanceCount, guardAlarmNames, allowance);
    let endpointChange;
    let schedule;
    let expectedDurationSeconds;
    if (firstDeploy) {
        endpointChange = {
            ...base,
            ...(request.policy ? { DeploymentConfig: deployment(request.policy) } : {})
        };
        const creation = options.provisioningEstimateSeconds ?? plan/* CREATE_ENDPOINT_ESTIMATE_SECONDS */.oz;
        schedule = [
            {
                offsetSeconds: creation,
                bluePercent: 0,
                greenPercent: 100,
                greenInstances: instanceCount,
                label: 'endpoint created, green serves 100 %: no traffic shift on a new endpoint'
            }
        ];
        expectedDurationSeconds = creation;
    }
    else {
        endpointChange = request.policy
            ? { ...base, DeploymentConfig: deployment(request.policy) }
            : { ...base, RetainDeploymentConfig: true };
        schedule = (0,rollout_policy/* expectedSchedule */.k9)(effective, instanceCount, provisioning);
        // The last shift bakes too, then the final bake, then blue is terminated.
        const last = schedule.at(-1)?.offsetSeconds ?? 0;
        expectedDurationSeconds =
            last + effective.waitIntervalSeconds + effective.terminationWaitSeconds + plan/* DECOMMISSION_SECONDS */.$f;
    }
    // The green config is the live one with this step's changes; the new model takes the live
    // model's network settings (and its environment, when asked).
    const model = (0,carry_over/* greenModel */.LH)(current, request.environment, request.inheritEnvironment);
    const config = (0,carry_over/* greenConfig */.av)(current, { variantName, modelName: greenModelName, instanceType, instanceCount }, request.metricsResolution);
    const modelBody = (0,plan/* createModelBody */.w6)(request, greenModelName, model.environment, model.extra);
    const configBody = {
        EndpointConfigName: endpointConfigName,
        ...config.body
    };
    // What this step asks SageMaker to run, fingerprinted before names and tags are added.
    const step = (0,step_identity/* stepHash */.n4)({
        endpointName: request.endpointName,
        model: modelBody ?? greenModelName,
        endpointConfig: configBody,
        endpointChange
    });
    const stepTags = (0,plan/* planTags */.Vd)(request.tags, run, step);
    const kept = (0,carry_over/* carriedTags */.aU)(current, stepTags, inputs/* ACTION_TAG_PREFIX */.FU);
    // What a later rollback-to: previous puts back (the step's own tags come first).
    const replaces = current && current.configName !== '' && stepTags.length < plan/* MAX_TAGS */.x3
        ? [{ Key: step_identity/* REPLACES_TAG */.Br, Value: current.configName }]
        : [];
    const room = Math.max(0, plan/* MAX_TAGS */.x3 - stepTags.length - replaces.length);
    const configTags = [...kept.slice(0, room), ...stepTags, ...replaces];
    const warnings = [...model.warnings];
    if (kept.length > room) {
        warnings.push(`The live config's tags ${kept
            .slice(room)
            .map(t => t.Key)
            .join(', ')} are not carried over: SageMaker allows ${plan/* MAX_TAGS */.x3} tags and the step's own take ${stepTags.length + replaces.length}.`);
    }
    const carriedOver = [
        ...config.carried,
        ...model.carried,
        ...(kept.length > 0 && room > 0
            ? [
                `tags ${kept
                    .slice(0, room)
                    .map(t => t.Key)
                    .join(', ')}`
            ]
            : [])
    ];
    const tagged = (body, with_ = stepTags) => ({
        ...body,
        Tags: with_
    });
    const timeout = (0,rollout_policy/* executionTimeout */.oF)(effective, instanceCount, request.policy !== null, allowance);
    const budgetSeconds = request.timeoutMinutes !== undefined
        ? Math.max(1, Math.round(request.timeoutMinutes * 60))
        : Math.max(timeout + plan/* BUDGET_MARGIN_SECONDS */.JW, firstDeploy ? plan/* FIRST_DEPLOY_BUDGET_SECONDS */.vr : 0);
    return {
        endpointName: request.endpointName,
        region: request.region,
        firstDeploy,
        previousConfigName: current?.configName,
        blueModelName: live?.modelName ?? current?.modelName,
        ...(current
            ? {
                blueFleet: {
                    modelName: live?.modelName ?? current.modelName,
                    modelDataUrl: current.modelDataUrl,
                    ...(current.image ? { image: current.image } : {}),
                    instanceType: live?.instanceType ?? current.instanceType,
                    instanceCount: live?.desiredCount ?? current.instanceCount
                }
            }
            : {}),
        greenModelName,
        createsModel: request.model.kind !== 'existing',
        endpointConfigName,
        variantName,
        instanceType,
        instanceCount,
        artifact: (0,plan/* artifactOf */.qB)(request.model),
        createModel: modelBody && tagged(modelBody),
        createEndpointConfig: tagged(configBody, configTags),
        createEndpoint: firstDeploy ? tagged(endpointChange) : undefined,
        updateEndpoint: firstDeploy ? undefined : endpointChange,
        alarmsToCreate,
        guardAlarmNames,
        ...(gate ? { gate } : {}),
        schedule,
        expectedDurationSeconds,
        budgetSeconds,
        tags: stepTags,
        stepHash: step,
        carriedOver,
        notes: [
            ...notes,
            ...config.notes,
            ...(retained ? [retained.description] : []),
            ...(request.gate && firstDeploy
                ? [
                    'Verification gate: a new endpoint has no traffic shift for it to guard (SageMaker creates it serving the model at once); it guards the next update.'
                ]
                : [])
        ],
        ...(retained ? { retainedPolicy: retained.policy } : {}),
        warnings,
        secretValues: model.inheritedValues,
        ...(firstDeploy ? {} : { peakInstances: (0,rollout_policy/* peakInstances */.G9)(effective, instanceCount) }),
        ...(!firstDeploy && effective.routing === 'rolling'
            ? { unwatched: unwatchedWindows(schedule, effective.waitIntervalSeconds) }
            : {})
    };
}
/** The plan with other names for the green model and config (reused or fresh ones). */
function renamePlan(plan, modelName, configName) {
    const variants = plan.createEndpointConfig['ProductionVariants'].map(v => (v['VariantName'] === plan.variantName ? { ...v, ModelName: modelName } : v));
    return {
        ...plan,
        greenModelName: modelName,
        endpointConfigName: configName,
        ...(plan.createModel ? { createModel: { ...plan.createModel, ModelName: modelName } } : {}),
        createEndpointConfig: {
            ...plan.createEndpointConfig,
            EndpointConfigName: configName,
            ProductionVariants: variants
        },
        ...(plan.createEndpoint
            ? { createEndpoint: { ...plan.createEndpoint, EndpointConfigName: configName } }
            : {}),
        ...(plan.updateEndpoint
            ? { updateEndpoint: { ...plan.updateEndpoint, EndpointConfigName: configName } }
            : {})
    };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

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

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
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
/******/ 		return "" + chunkId + ".index.js";
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
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map