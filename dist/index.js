import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9333:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bC: () => (/* binding */ errorRateAlarmName),
/* harmony export */   se: () => (/* binding */ labAlarms)
/* harmony export */ });
/* unused harmony export latencyAlarmName */
// The two lab alarms that guard a rollout. Both watch the endpoint's variant (blue and green
// together), evaluate one 1-minute period and treat a minute without traffic as OK, so an idle
// endpoint never blocks or rolls back a deployment.
const NAMESPACE = 'AWS/SageMaker';
const PERIOD_SECONDS = 60;
function errorRateAlarmName(endpointName) {
    return `${endpointName}-5xx-rate`;
}
function latencyAlarmName(endpointName) {
    return `${endpointName}-model-latency`;
}
function labAlarms(endpointName, variantName, errorRateThresholdPercent, latencyThresholdMs, tags) {
    const dimensions = [
        { Name: 'EndpointName', Value: endpointName },
        { Name: 'VariantName', Value: variantName }
    ];
    const metric = (id, metricName) => ({
        Id: id,
        MetricStat: {
            Metric: { Namespace: NAMESPACE, MetricName: metricName, Dimensions: dimensions },
            Period: PERIOD_SECONDS,
            Stat: 'Sum'
        },
        ReturnData: false
    });
    const plainTags = tags.map(({ Key, Value }) => ({ Key, Value }));
    const errorRate = {
        name: errorRateAlarmName(endpointName),
        watches: `5XX error rate > ${errorRateThresholdPercent} % of invocations over 1 min`,
        threshold: errorRateThresholdPercent,
        thresholdText: `> ${errorRateThresholdPercent} %`,
        request: {
            AlarmName: errorRateAlarmName(endpointName),
            AlarmDescription: `Rolls back a blue/green deployment of SageMaker endpoint ${endpointName} (variant ${variantName}) when more than ${errorRateThresholdPercent} % of invocations return 5XX in a minute.`,
            ComparisonOperator: 'GreaterThanThreshold',
            Threshold: errorRateThresholdPercent,
            EvaluationPeriods: 1,
            DatapointsToAlarm: 1,
            TreatMissingData: 'notBreaching',
            Metrics: [
                metric('errors', 'Invocation5XXErrors'),
                metric('invocations', 'Invocations'),
                {
                    Id: 'rate',
                    Expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
                    Label: '5XX error rate (%)',
                    ReturnData: true
                }
            ],
            Tags: plainTags
        }
    };
    // CloudWatch reports ModelLatency in microseconds.
    const latency = {
        name: latencyAlarmName(endpointName),
        watches: `ModelLatency average > ${latencyThresholdMs} ms over 1 min`,
        threshold: latencyThresholdMs,
        thresholdText: `> ${latencyThresholdMs} ms`,
        request: {
            AlarmName: latencyAlarmName(endpointName),
            AlarmDescription: `Rolls back a blue/green deployment of SageMaker endpoint ${endpointName} (variant ${variantName}) when the average ModelLatency over a minute exceeds ${latencyThresholdMs} ms.`,
            Namespace: NAMESPACE,
            MetricName: 'ModelLatency',
            Dimensions: dimensions,
            Statistic: 'Average',
            Period: PERIOD_SECONDS,
            ComparisonOperator: 'GreaterThanThreshold',
            Threshold: Math.round(latencyThresholdMs * 1000),
            EvaluationPeriods: 1,
            DatapointsToAlarm: 1,
            TreatMissingData: 'notBreaching',
            Tags: plainTags
        }
    };
    return [errorRate, latency];
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   g: () => (/* binding */ errorMessage)
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


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1730);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4813);
// Entry point. GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later: both stop the watch,
// which then reports the last known state and exits non-zero without changing anything.



const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        if (!controller.signal.aborted) {
            process.stdout.write(`Received ${signal}: stopping (SageMaker continues on its own).\n`);
            controller.abort();
            process.exitCode = 1;
        }
    });
}
try {
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .eF)({ signal: controller.signal });
}
catch (e) {
    // Anything run() did not turn into a verdict still fails the step with a readable message.
    (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .failFast */ .$4)(`Unexpected error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(e)}`);
}
if (controller.signal.aborted)
    process.exitCode = 1;

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3904:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  FU: () => (/* reexport */ ACTION_TAG_PREFIX),
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: MAX_USER_TAGS, MODEL_NAME_PATTERN, NAME_PATTERN, POLICY_INPUTS, TAG_PATTERN, show

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/input-parsers.ts

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
        throw new errors/* InputError */.d(first.input, lines.join('\n'));
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

;// CONCATENATED MODULE: ./src/inputs-context.ts

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
function readRegion(r, env) {
    const fromInput = r.v('region');
    const region = fromInput || env['AWS_REGION']?.trim() || env['AWS_DEFAULT_REGION']?.trim() || '';
    if (region === '') {
        r.p.add('region', 'Input "region" is required: set it, or set AWS_REGION or AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials does).');
    }
    else if (region.length > 32 || !REGION_PATTERN.test(region)) {
        const source = fromInput ? '' : ' (taken from AWS_REGION / AWS_DEFAULT_REGION)';
        r.p.add('region', `Input "region"${source} must be an AWS region such as us-east-1 or eu-west-2, got ${show(region)}.`);
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

;// CONCATENATED MODULE: ./src/inputs-model.ts

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
    const modelDataUrl = matches(r, 'model-data-url', MODEL_DATA_URL_PATTERN, 1024, 'an s3:// or https:// URL of the model artifact, at most 1024 characters');
    const imageUri = matches(r, 'image-uri', /^\S+$/, 255, 'a container image URI without spaces, at most 255 characters');
    const executionRoleArn = matches(r, 'execution-role-arn', ROLE_ARN_PATTERN, 2048, 'an IAM role ARN like arn:aws:iam::123456789012:role/SageMakerRole');
    const modelPackageArn = matches(r, 'model-package-arn', PACKAGE_ARN_PATTERN, 2048, 'a model package ARN like arn:aws:sagemaker:us-east-1:123456789012:model-package/name/1');
    const modelName = matches(r, 'model-name', MODEL_NAME_PATTERN, 63, SAGEMAKER_NAME);
    const sources = 'Set model-data-url + image-uri + execution-role-arn (a new model from an artifact), model-package-arn + execution-role-arn (a Model Registry package), or model-name alone (an existing model).';
    const given = (names) => names.filter(n => r.v(n) !== '');
    if (modelName) {
        const others = given(['model-data-url', 'image-uri', 'execution-role-arn', 'model-package-arn']);
        if (others.length > 0) {
            r.p.add('model-name', `Input "model-name" deploys an existing model and cannot be combined with ${quoted(others)}. ${sources}`);
        }
        return { kind: 'existing', modelName };
    }
    if (modelPackageArn) {
        const others = given(['model-data-url', 'image-uri']);
        if (others.length > 0) {
            r.p.add('model-package-arn', `Input "model-package-arn" cannot be combined with ${quoted(others)}: choose one model source. ${sources}`);
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
function readEnvironment(r, createsModel) {
    const text = r.v('environment');
    const entries = new Map();
    if (text === '')
        return {};
    if (!createsModel) {
        r.p.add('environment', 'Input "environment" applies only to a model the action creates (model-data-url or model-package-arn); an existing model (model-name) keeps its own environment. Remove it or deploy from an artifact or package.');
        return {};
    }
    for (const { line, number, key, value, separated } of keyValueLines(text)) {
        const where = `Input "environment" line ${number}`;
        if (!separated) {
            // The line is not shown: an environment value may be a credential.
            r.p.add('environment', `${where} must be KEY=VALUE; it has no "=" (${line.length} characters).`);
        }
        else if (key.length > 1024 || !ENV_KEY_PATTERN.test(key)) {
            r.p.add('environment', `${where} has an invalid key ${show(key)}: keys are letters, digits and _, not starting with a digit, at most 1024 characters.`);
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
    for (const { line, number, key: Key, value: Value, separated } of keyValueLines(r.v('tags'))) {
        const where = `Input "tags" line ${number}`;
        const allowed = 'letters, digits, spaces and _ . : / = + - @';
        if (!separated) {
            r.p.add('tags', `${where} must be Key=Value (one tag per line), got ${show(line)}.`);
        }
        else if (Key.length > 128 || !TAG_PATTERN.test(Key)) {
            r.p.add('tags', `${where} has an invalid key ${show(Key)}: 1 to 128 characters of ${allowed}${Key.includes(',') ? ' (put one tag per line; commas are not separators)' : ''}.`);
        }
        else if (Value.length > 256 || !TAG_PATTERN.test(Value)) {
            r.p.add('tags', `${where} has an invalid value ${show(Value)} for ${Key}: at most 256 characters of ${allowed}${Value.includes(',') ? ' (put one tag per line; commas are not separators)' : ''}.`);
        }
        else if (Key.toLowerCase().startsWith('aws:') || Key.startsWith(ACTION_TAG_PREFIX)) {
            r.p.add('tags', `${where}: the key ${show(Key)} is reserved (aws: is AWS's, ${ACTION_TAG_PREFIX} is set by this action).`);
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

;// CONCATENATED MODULE: ./src/inputs-policy.ts

// The rollout policy inputs: traffic routing, step size, waits and timeout, the alarms that
// guard the rollout, and their conflicts with retain-deployment-config.
const POLICY_INPUTS = [
    'traffic-routing',
    'step-size',
    'wait-interval',
    'termination-wait',
    'max-execution-timeout'
];
const ROUTINGS = {
    linear: 'linear',
    canary: 'canary',
    'all-at-once': 'all-at-once'
};
function readStepSize(r, routing) {
    const value = r.v('step-size');
    const fallback = {
        type: 'CAPACITY_PERCENT',
        value: routing === 'all-at-once' ? 100 : 25
    };
    if (value === '')
        return fallback;
    if (routing === 'all-at-once') {
        r.p.add('step-size', `Input "step-size" has no meaning with traffic-routing: all-at-once (all traffic shifts in one step), got ${show(value)}. Remove it, or use linear or canary.`);
        return fallback;
    }
    const [low, high] = routing === 'linear' ? [10, 50] : [1, 50];
    const percent = /^(\d{1,6})\s*%$/.exec(value);
    if (percent) {
        const n = Number(percent[1]);
        if (n >= low && n <= high)
            return { type: 'CAPACITY_PERCENT', value: n };
        r.p.add('step-size', `Input "step-size" must be from ${low}% to ${high}% for ${routing} traffic routing (SageMaker's limit), or a whole number of instances, got ${show(value)}.`);
        return fallback;
    }
    if (/^\d{1,6}$/.test(value) && Number(value) >= 1 && Number(value) <= 1000) {
        return { type: 'INSTANCE_COUNT', value: Number(value) };
    }
    r.p.add('step-size', `Input "step-size" must be a percentage of the fleet like 25% (${low}%-${high}% for ${routing}) or a whole number of instances from 1 to 1000, got ${show(value)}.`);
    return fallback;
}
function readPolicy(r, retain) {
    if (retain) {
        const explicit = POLICY_INPUTS.filter(n => r.v(n) !== '');
        const first = explicit[0];
        if (first) {
            const got = explicit.map(n => `${n}: ${show(r.v(n))}`).join(', ');
            r.p.add(first, `${explicit.length === 1 ? 'Input' : 'Inputs'} ${quoted(explicit)} must stay empty with retain-deployment-config: true, got ${got}. SageMaker reuses the endpoint's last deployment configuration (routing, step size, waits, timeout and alarms) and would ignore a new policy. Remove ${explicit.length === 1 ? 'it' : 'them'}, or set retain-deployment-config: false to send a new policy.`);
        }
        return null;
    }
    const rawRouting = r.v('traffic-routing');
    let routing = 'linear';
    if (rawRouting !== '') {
        const known = ROUTINGS[rawRouting.toLowerCase().replace(/_/g, '-')];
        if (known)
            routing = known;
        else
            r.p.add('traffic-routing', `Input "traffic-routing" must be linear, canary or all-at-once, got ${show(rawRouting)}.`);
    }
    return {
        routing,
        stepSize: readStepSize(r, routing),
        waitIntervalSeconds: whole(r, 'wait-interval', 0, 3600, 'a whole number of seconds') ?? 60,
        terminationWaitSeconds: whole(r, 'termination-wait', 0, 3600, 'a whole number of seconds') ?? 0,
        maxExecutionTimeoutSeconds: whole(r, 'max-execution-timeout', 600, 28800, 'a whole number of seconds')
    };
}
function readAlarmNames(r, retain, createAlarms) {
    const raw = r.v('alarm-names');
    const names = listItems(raw);
    for (const name of names.filter(n => n.length > 255)) {
        r.p.add('alarm-names', `Input "alarm-names" has a name longer than 255 characters: ${show(name)}.`);
    }
    if (retain) {
        if (names.length > 0) {
            r.p.add('alarm-names', `Input "alarm-names" must stay empty with retain-deployment-config: true, got ${show(raw)}: the retained deployment configuration carries its own alarms. Remove it, or set retain-deployment-config: false to send a new policy with these alarms.`);
        }
        return names;
    }
    const total = names.length + (createAlarms ? 2 : 0);
    if (total === 0) {
        r.p.add('alarm-names', 'Inputs "alarm-names" and "create-alarms": no alarm would guard the rollout (create-alarms is false and alarm-names is empty), so SageMaker could not roll back a bad model. Set create-alarms: true (the default) to create a 5XX-rate and a latency alarm, or list existing CloudWatch alarms in alarm-names.');
    }
    else if (total > 10) {
        const created = createAlarms ? ' plus the 2 created alarms (create-alarms: true)' : '';
        r.p.add('alarm-names', `Input "alarm-names" gives ${names.length} alarms${created}, ${total} in all; SageMaker accepts at most 10 rollback alarms. List fewer${createAlarms ? ' (at most 8), or set create-alarms: false' : ''}.`);
    }
    return names;
}

;// CONCATENATED MODULE: ./src/inputs.ts







const INSTANCE_TYPE_PATTERN = /^ml\.[a-z0-9]+\.[a-z0-9]+$/;
/** Reads and validates every input; throws one InputError listing every problem. */
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
    const r = { v, p: new Problems() };
    const endpointName = v('endpoint-name');
    if (endpointName === '') {
        r.p.add('endpoint-name', 'Input "endpoint-name" is required: the SageMaker endpoint to create or update.');
    }
    else {
        matches(r, 'endpoint-name', NAME_PATTERN, 63, SAGEMAKER_NAME);
    }
    const region = readRegion(r, env);
    const model = readModelSource(r);
    const environment = readEnvironment(r, model.kind !== 'existing');
    const tags = readTags(r);
    const variantName = matches(r, 'variant-name', NAME_PATTERN, 63, SAGEMAKER_NAME);
    const instanceType = matches(r, 'instance-type', INSTANCE_TYPE_PATTERN, 64, 'a SageMaker instance type like ml.m5.large');
    const instanceCount = whole(r, 'instance-count', 1, 1000, 'a whole number of instances');
    const retainDeploymentConfig = bool(r, 'retain-deployment-config', false);
    const policy = readPolicy(r, retainDeploymentConfig);
    const createAlarms = bool(r, 'create-alarms', true);
    const alarmNames = readAlarmNames(r, retainDeploymentConfig, createAlarms);
    const errorRateThresholdPercent = decimal(r, 'error-rate-threshold', { aboveZero: true, max: 100 }, 'a percentage') ?? 1;
    const latencyThresholdMs = decimal(r, 'latency-threshold-ms', { aboveZero: true, max: 3_600_000 }, 'a number of milliseconds') ?? 5000;
    const wait = bool(r, 'wait', true);
    const timeoutMinutes = decimal(r, 'timeout', { aboveZero: true, max: 360 }, 'a number of minutes');
    const pollIntervalSeconds = decimal(r, 'poll-interval', { min: 0.05, max: 300 }, 'a number of seconds') ?? 10;
    const onBusyRaw = v('on-busy').toLowerCase();
    if (onBusyRaw !== '' && onBusyRaw !== 'wait' && onBusyRaw !== 'fail') {
        r.p.add('on-busy', `Input "on-busy" must be wait or fail, got ${show(v('on-busy'))}.`);
    }
    const onBusy = onBusyRaw === 'fail' ? 'fail' : 'wait';
    const allowAlarmInAlarm = bool(r, 'allow-alarm-in-alarm', false);
    const cleanupOnFailure = bool(r, 'cleanup-on-failure', false);
    const dryRun = bool(r, 'dry-run', false);
    const githubToken = v('github-token');
    const prComment = bool(r, 'pr-comment', true);
    const prNumber = whole(r, 'pr-number', 1, 999_999_999, 'a pull request number (whole number)');
    const githubDeployment = bool(r, 'github-deployment', false);
    const deploymentEnvironment = v('deployment-environment');
    if (deploymentEnvironment.length > 255) {
        r.p.add('deployment-environment', `Input "deployment-environment" must be at most 255 characters, got ${show(deploymentEnvironment)}.`);
    }
    r.p.throwIfAny();
    const request = {
        endpointName,
        region,
        model,
        environment,
        tags,
        variantName: variantName || undefined,
        instanceType: instanceType || undefined,
        instanceCount,
        policy,
        retainDeploymentConfig,
        alarmNames,
        createAlarms,
        errorRateThresholdPercent,
        latencyThresholdMs,
        wait,
        timeoutMinutes,
        pollIntervalSeconds,
        onBusy,
        allowAlarmInAlarm,
        cleanupOnFailure,
        dryRun,
        githubToken,
        prComment,
        prNumber,
        githubDeployment,
        deploymentEnvironment: deploymentEnvironment || undefined
    };
    return { request: deepFreeze(request), run: deepFreeze(readRun(env)) };
}


/***/ }),

/***/ 1730:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   eF: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony exports FAILING_OUTCOMES, abortableSleep */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3904);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(4813);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9240);
// The deploy sequence: inputs → pre-flight → plan → launch → watch → verdict → report.
// The one place that turns an error into core.setFailed. Inputs are read and validated before
// anything heavy loads (@actions/core, the AWS SDK): bad input fails in a few milliseconds.




const FAILING_OUTCOMES = new Set([
    'rolled-back',
    'failed',
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
        ({ request, run: runContext } = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputs */ .Ko)(name => (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)(name), process.env));
    }
    catch (e) {
        // Release gates read the outcome even when the inputs were refused.
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .setOutputFast */ .gz)('outcome', 'failed');
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .setOutputFast */ .gz)('failure-reason', (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(e));
        // A small chunk of its own: the fail-fast path loads no more than it needs.
        const { renderInputErrors } = await __nccwpck_require__.e(/* import() */ 711).then(__nccwpck_require__.bind(__nccwpck_require__, 8711));
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .appendSummaryFast */ .zt)(renderInputErrors((0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .getInput */ .V4)('endpoint-name'), (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(e)));
        (0,_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .failFast */ .$4)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(e));
        return undefined;
    }
    const core = await __nccwpck_require__.e(/* import() */ 421).then(__nccwpck_require__.bind(__nccwpck_require__, 6421));
    if (request.githubToken)
        core.setSecret(request.githubToken);
    // Everything below loads lazily: bad input above never pays for the SDK.
    const [{ createAwsApi }, { deploy }, { createNotifier }, { renderSummary }] = await Promise.all([
        __nccwpck_require__.e(/* import() */ 685).then(__nccwpck_require__.bind(__nccwpck_require__, 9685)),
        Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(747)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6747)),
        Promise.all(/* import() */[__nccwpck_require__.e(421), __nccwpck_require__.e(41)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2041)),
        __nccwpck_require__.e(/* import() */ 614).then(__nccwpck_require__.bind(__nccwpck_require__, 3614))
    ]);
    const startedAt = now();
    let api;
    try {
        api = await createAwsApi({
            region: request.region,
            ...(options.signal ? { signal: options.signal } : {})
        });
    }
    catch (e) {
        core.setFailed(`Could not set up the AWS clients: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(e)}`);
        return 'failed';
    }
    const notifier = await createNotifier(request, runContext, process.env);
    const result = await deploy({
        request,
        run: runContext,
        api,
        now,
        sleep,
        ...(options.signal ? { signal: options.signal } : {}),
        buildPlan: _plan_js__WEBPACK_IMPORTED_MODULE_3__/* .buildPlan */ .Gg,
        onProgress: (plan, timeline) => notifier.progress(renderSummary({
            plan,
            timeline,
            verdict: IN_PROGRESS_VERDICT,
            run: runContext,
            inProgress: true
        }))
    });
    await report(core, result, request, runContext, (now() - startedAt) / 1000, notifier, api);
    return result.verdict.outcome;
}
const IN_PROGRESS_VERDICT = {
    outcome: 'started',
    summary: 'Deployment in progress: this comment is updated at each traffic step.',
    failureReason: undefined,
    triggeredAlarms: [],
    finalConfigName: undefined,
    finalStatus: undefined
};
async function report(core, result, request, runContext, durationSeconds, notifier, api) {
    const { buildOutputs, renderSummary, renderPlan, renderError } = await __nccwpck_require__.e(/* import() */ 614).then(__nccwpck_require__.bind(__nccwpck_require__, 3614));
    const { plan, timeline, verdict } = result;
    const blue = result.current ?? undefined;
    // The evidence behind the verdict; reading it never changes the outcome.
    let metrics;
    if (plan && timeline && verdict.outcome !== 'planned' && verdict.outcome !== 'started') {
        const { readRolloutMetrics } = await __nccwpck_require__.e(/* import() */ 362).then(__nccwpck_require__.bind(__nccwpck_require__, 1362));
        metrics = await readRolloutMetrics(api, plan, timeline);
        if (metrics?.warning)
            core.warning(metrics.warning);
        else if (metrics)
            core.debug(`Metrics: ${metrics.calls} GetMetricData call(s), ${metrics.split === 'per-fleet' ? 'per fleet' : 'endpoint level only'}`);
    }
    const outputs = buildOutputs({ plan, timeline, verdict, durationSeconds, metrics });
    for (const [name, value] of Object.entries(outputs))
        core.setOutput(name, value);
    let markdown;
    if (plan && verdict.outcome === 'planned')
        markdown = renderPlan(plan, runContext, blue);
    else if (plan && timeline)
        markdown = renderSummary({
            plan,
            timeline,
            verdict,
            run: runContext,
            durationSeconds,
            ...(blue ? { blue } : {}),
            ...(metrics ? { metrics } : {})
        });
    else
        markdown = renderError(request.endpointName, verdict, plan, runContext);
    try {
        await core.summary.addRaw(markdown).write();
    }
    catch (e) {
        core.info(`(No job summary written: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .g)(e)})`);
    }
    await notifier.finish(markdown, verdict.outcome, verdict.summary);
    if (FAILING_OUTCOMES.has(verdict.outcome)) {
        const title = verdict.outcome === 'rolled-back'
            ? 'Rolled back'
            : verdict.outcome === 'timed-out'
                ? 'Timed out'
                : 'Deployment failed';
        core.setFailed(`${title}: ${verdict.summary}`);
    }
    else {
        core.info(`Outcome: ${verdict.outcome}. ${verdict.summary}`);
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

/***/ 9240:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Gg: () => (/* binding */ buildPlan),
  yz: () => (/* reexport */ policyFromDeploymentConfig)
});

// UNUSED EXPORTS: BUDGET_MARGIN_SECONDS, CREATE_ENDPOINT_ESTIMATE_SECONDS, DECOMMISSION_SECONDS, DEFAULT_PROVISIONING_SECONDS, FIRST_DEPLOY_BUDGET_SECONDS, MAX_EXECUTION_TIMEOUT_SECONDS, MIN_EXECUTION_TIMEOUT_SECONDS, PROVISIONING_MARGIN_SECONDS, alarmNamesFromDeploymentConfig, expectedSchedule, planTags, stepInstances

// EXTERNAL MODULE: ./src/alarms.ts
var alarms = __nccwpck_require__(9333);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts + 4 modules
var inputs = __nccwpck_require__(3904);
// EXTERNAL MODULE: ./src/names.ts
var src_names = __nccwpck_require__(6455);
;// CONCATENATED MODULE: ./src/rollout-policy.ts

// Pure: the blue/green rollout policy in SageMaker's terms. How many instances each traffic
// step moves, the split to expect at each step, the DeploymentConfig to send (and to read
// back from DescribeEndpoint) and the deployment timeout that fits the schedule.
/** Room for provisioning in SageMaker's own deployment timeout. */
const PROVISIONING_MARGIN_SECONDS = 900;
const MIN_EXECUTION_TIMEOUT_SECONDS = 600;
const MAX_EXECUTION_TIMEOUT_SECONDS = 28800;
const ROUTING_TYPES = { linear: 'LINEAR', canary: 'CANARY', 'all-at-once': 'ALL_AT_ONCE' };
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
/** A shift's bake, and the final bake after the last one (blue is terminated only after both). */
function bakeLabel(policy, last) {
    const final = last && policy.terminationWaitSeconds > 0
        ? `, then ${policy.terminationWaitSeconds} s final bake`
        : '';
    return `${policy.waitIntervalSeconds} s bake${final}`;
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
/** SageMaker's MaximumExecutionTimeoutInSeconds: the user's, checked, or derived. */
function executionTimeout(policy, instanceCount, checked) {
    const waits = shiftCount(policy, instanceCount) * policy.waitIntervalSeconds + policy.terminationWaitSeconds;
    const given = policy.maxExecutionTimeoutSeconds;
    if (!checked)
        return given ?? clampTimeout(waits + PROVISIONING_MARGIN_SECONDS);
    if (waits > MAX_EXECUTION_TIMEOUT_SECONDS) {
        throw new errors/* InputError */.d('wait-interval', `Input "wait-interval" (${policy.waitIntervalSeconds} s) is too long for this fleet: the rollout waits ${waits} s in all (${shiftCount(policy, instanceCount)} traffic steps × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), more than SageMaker's limit of ${MAX_EXECUTION_TIMEOUT_SECONDS} s. Lower wait-interval or termination-wait, or use a larger step-size.`);
    }
    if (given === undefined)
        return clampTimeout(waits + PROVISIONING_MARGIN_SECONDS);
    if (given < waits) {
        throw new errors/* InputError */.d('max-execution-timeout', `Input "max-execution-timeout" is ${given} s, but the rollout waits at least ${waits} s (${shiftCount(policy, instanceCount)} traffic steps × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), before provisioning. Set it to at least ${waits} plus time to provision the green fleet, or leave it empty to derive it.`);
    }
    return given;
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
function deploymentConfig(policy, instanceCount, alarmNames) {
    const type = ROUTING_TYPES[policy.routing];
    const size = { Type: policy.stepSize.type, Value: policy.stepSize.value };
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
            MaximumExecutionTimeoutInSeconds: executionTimeout(policy, instanceCount, true)
        }
    };
    if (alarmNames.length > 0) {
        config['AutoRollbackConfiguration'] = { Alarms: alarmNames.map(AlarmName => ({ AlarmName })) };
    }
    return config;
}

;// CONCATENATED MODULE: ./src/plan.ts






// Pure: from what the user asked and what the endpoint is now, the exact requests to send,
// the traffic schedule to expect and how long to wait for a verdict. The rollout policy's
// own rules (steps, schedule, DeploymentConfig, timeout) live in rollout-policy.ts.
/** The plan's estimate of green-fleet provisioning, before the first traffic step. */
const DEFAULT_PROVISIONING_SECONDS = 60;
/** Estimate for terminating the blue fleet after the final bake. */
const DECOMMISSION_SECONDS = 60;
/** Creating an endpoint (launching its instances, loading the model) usually takes minutes. */
const CREATE_ENDPOINT_ESTIMATE_SECONDS = 600;
/** Room beyond SageMaker's deployment timeout before the action gives up waiting. */
const BUDGET_MARGIN_SECONDS = 600;
/** Creating an endpoint takes minutes, whatever the schedule says. */
const FIRST_DEPLOY_BUDGET_SECONDS = 1800;
const MAX_TAGS = 50;
const TAG_CHAR = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u;
const DEFAULT_VARIANT = 'AllTraffic';
/** A tag value SageMaker accepts: disallowed characters become `_`, at most 256. */
function tagValue(text) {
    return Array.from(text)
        .map(ch => (TAG_CHAR.test(ch) ? ch : '_'))
        .slice(0, 256)
        .join('');
}
/** The user's tags plus the action's provenance tags. */
function planTags(userTags, run) {
    const provenance = [
        ['repository', run.repository],
        ['sha', run.sha],
        ['workflow', run.workflow],
        ['run-id', run.runId],
        ['run-attempt', run.runAttempt]
    ];
    const tags = [
        ...userTags
            .filter(t => !t.Key.startsWith(inputs/* ACTION_TAG_PREFIX */.FU))
            .map(({ Key, Value }) => ({ Key, Value })),
        ...provenance.map(([key, value]) => ({
            Key: `${inputs/* ACTION_TAG_PREFIX */.FU}${key}`,
            Value: tagValue(value)
        }))
    ];
    if (tags.length > MAX_TAGS) {
        throw new errors/* InputError */.d('tags', `Input "tags" gives ${userTags.length} tags; with the action's ${provenance.length} that exceeds SageMaker's ${MAX_TAGS}. Remove some.`);
    }
    return tags;
}
function fleet(request, current) {
    if (current && request.variantName !== undefined && request.variantName !== current.variantName) {
        throw new errors/* InputError */.d('variant-name', `Input "variant-name" is "${request.variantName}", but endpoint ${request.endpointName} serves variant "${current.variantName}": a blue/green update must keep the variant name. Leave variant-name empty or set it to "${current.variantName}".`);
    }
    const instanceType = request.instanceType ?? current?.instanceType;
    const instanceCount = request.instanceCount ?? current?.instanceCount;
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
        throw new errors/* InputError */.d(instanceType === undefined ? 'instance-type' : 'instance-count', missing.join('\n'));
    }
    return {
        variantName: request.variantName ?? current?.variantName ?? DEFAULT_VARIANT,
        instanceType,
        instanceCount
    };
}
function createModelBody(request, modelName, tags) {
    const model = request.model;
    if (model.kind === 'existing')
        return undefined;
    const environment = Object.keys(request.environment).length > 0 ? { Environment: { ...request.environment } } : {};
    const container = model.kind === 'artifact'
        ? { Image: model.imageUri, ModelDataUrl: model.modelDataUrl, ...environment }
        : { ModelPackageName: model.modelPackageArn, ...environment };
    return {
        ModelName: modelName,
        PrimaryContainer: container,
        ExecutionRoleArn: model.executionRoleArn,
        Tags: tags
    };
}
function buildPlan(request, run, current, options = {}) {
    const provisioning = options.provisioningEstimateSeconds ?? DEFAULT_PROVISIONING_SECONDS;
    const firstDeploy = current === null;
    if (firstDeploy && request.retainDeploymentConfig) {
        throw new errors/* InputError */.d('retain-deployment-config', `Input "retain-deployment-config" is true, but endpoint ${request.endpointName} does not exist yet, so there is no deployment configuration to reuse. Set it to false for the first deployment.`);
    }
    const { variantName, instanceType, instanceCount } = fleet(request, current);
    const names = (0,src_names/* greenNames */.e4)(request.endpointName, run);
    const greenModelName = request.model.kind === 'existing' ? request.model.modelName : names.modelName;
    const { endpointConfigName } = names;
    const tags = planTags(request.tags, run);
    const alarmsToCreate = request.createAlarms
        ? (0,alarms/* labAlarms */.se)(request.endpointName, variantName, request.errorRateThresholdPercent, request.latencyThresholdMs, tags)
        : [];
    const retained = request.retainDeploymentConfig
        ? policyFromDeploymentConfig(current?.lastDeploymentConfig)
        : null;
    const guardAlarmNames = request.retainDeploymentConfig
        ? alarmNamesFromDeploymentConfig(current?.lastDeploymentConfig)
        : [...new Set([...alarmsToCreate.map(a => a.name), ...request.alarmNames])];
    // Without a blue/green policy SageMaker shifts all traffic at once, with no bake.
    const effective = request.policy ??
        retained ?? {
        routing: 'all-at-once',
        stepSize: { type: 'CAPACITY_PERCENT', value: 100 },
        waitIntervalSeconds: 0,
        terminationWaitSeconds: 0,
        maxExecutionTimeoutSeconds: undefined
    };
    const base = { EndpointName: request.endpointName, EndpointConfigName: endpointConfigName };
    let createEndpoint;
    let updateEndpoint;
    let schedule;
    let expectedDurationSeconds;
    if (firstDeploy) {
        const config = request.policy
            ? { DeploymentConfig: deploymentConfig(request.policy, instanceCount, guardAlarmNames) }
            : {};
        createEndpoint = { ...base, ...config, Tags: tags };
        const creation = options.provisioningEstimateSeconds ?? CREATE_ENDPOINT_ESTIMATE_SECONDS;
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
        updateEndpoint = request.policy
            ? {
                ...base,
                DeploymentConfig: deploymentConfig(request.policy, instanceCount, guardAlarmNames)
            }
            : { ...base, RetainDeploymentConfig: true };
        schedule = expectedSchedule(effective, instanceCount, provisioning);
        // The last shift bakes too, then the final bake, then blue is terminated.
        const last = schedule.at(-1)?.offsetSeconds ?? 0;
        expectedDurationSeconds =
            last + effective.waitIntervalSeconds + effective.terminationWaitSeconds + DECOMMISSION_SECONDS;
    }
    const timeout = executionTimeout(effective, instanceCount, request.policy !== null);
    const budgetSeconds = request.timeoutMinutes !== undefined
        ? Math.max(1, Math.round(request.timeoutMinutes * 60))
        : Math.max(timeout + BUDGET_MARGIN_SECONDS, firstDeploy ? FIRST_DEPLOY_BUDGET_SECONDS : 0);
    return {
        endpointName: request.endpointName,
        region: request.region,
        firstDeploy,
        previousConfigName: current?.configName,
        blueModelName: current?.modelName,
        ...(current
            ? {
                blueFleet: {
                    modelName: current.modelName,
                    modelDataUrl: current.modelDataUrl,
                    instanceType: current.instanceType,
                    instanceCount: current.instanceCount
                }
            }
            : {}),
        greenModelName,
        createsModel: request.model.kind !== 'existing',
        endpointConfigName,
        variantName,
        instanceType,
        instanceCount,
        artifact: request.model.kind === 'artifact'
            ? request.model.modelDataUrl
            : request.model.kind === 'package'
                ? request.model.modelPackageArn
                : undefined,
        createModel: createModelBody(request, greenModelName, tags),
        createEndpointConfig: {
            EndpointConfigName: endpointConfigName,
            ProductionVariants: [
                {
                    VariantName: variantName,
                    ModelName: greenModelName,
                    InitialInstanceCount: instanceCount,
                    InstanceType: instanceType,
                    InitialVariantWeight: 1
                }
            ],
            Tags: tags
        },
        createEndpoint,
        updateEndpoint,
        alarmsToCreate,
        guardAlarmNames,
        schedule,
        expectedDurationSeconds,
        budgetSeconds,
        tags
    };
}


/***/ }),

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ failFast),
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