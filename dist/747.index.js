export const id = 747;
export const ids = [747,685];
export const modules = {

/***/ 9685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AwsCallError: () => (/* binding */ AwsCallError),
/* harmony export */   createAwsApi: () => (/* binding */ createAwsApi),
/* harmony export */   isAlreadyExists: () => (/* binding */ isAlreadyExists),
/* harmony export */   isFatal: () => (/* binding */ isFatal),
/* harmony export */   isNotFound: () => (/* binding */ isNotFound)
/* harmony export */ });
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
/** Errors that no retry will fix: stop at once and say so. */
function isFatal(e) {
    return e instanceof AwsCallError && (FATAL_CODES.has(e.code) || /credentials/i.test(e.code));
}
function isNotFound(e) {
    return (e instanceof AwsCallError &&
        (e.code === 'ResourceNotFound' || /^Could not find /.test(e.detail)));
}
function isAlreadyExists(e) {
    return (e instanceof AwsCallError && (e.code === 'ResourceInUse' || /already exist/i.test(e.detail)));
}
function mapError(operation, e) {
    const err = e;
    return new AwsCallError(operation, err?.name ?? 'Error', err?.message ?? String(e), err?.$metadata?.httpStatusCode);
}
/** Loads the SDK clients and returns the calls the action makes. */
async function createAwsApi(options) {
    const [sm, cw] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(459)]).then(__webpack_require__.t.bind(__webpack_require__, 4459, 19)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19))
    ]);
    const config = {
        region: options.region,
        maxAttempts: options.maxAttempts ?? 5,
        customUserAgent: 'sagemaker-blue-green-deploy',
        requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 }
    };
    const sagemaker = new sm.SageMakerClient(config);
    const cloudwatch = new cw.CloudWatchClient(config);
    const sendOptions = options.signal ? { abortSignal: options.signal } : {};
    const call = async (operation, send) => {
        try {
            return await send();
        }
        catch (e) {
            throw mapError(operation, e);
        }
    };
    const orUndefined = async (p) => {
        try {
            return await p;
        }
        catch (e) {
            if (isNotFound(e))
                return undefined;
            throw e;
        }
    };
    return {
        describeEndpoint: name => orUndefined(call('DescribeEndpoint', () => sagemaker.send(new sm.DescribeEndpointCommand({ EndpointName: name }), sendOptions))),
        describeEndpointConfig: name => orUndefined(call('DescribeEndpointConfig', () => sagemaker.send(new sm.DescribeEndpointConfigCommand({ EndpointConfigName: name }), sendOptions))),
        describeModel: name => orUndefined(call('DescribeModel', () => sagemaker.send(new sm.DescribeModelCommand({ ModelName: name }), sendOptions))),
        listTags: async (arn) => {
            const out = await call('ListTags', () => sagemaker.send(new sm.ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }), sendOptions));
            return Object.fromEntries((out.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']));
        },
        createModel: async (body) => {
            await call('CreateModel', () => sagemaker.send(new sm.CreateModelCommand(body), sendOptions));
        },
        createEndpointConfig: async (body) => {
            await call('CreateEndpointConfig', () => sagemaker.send(new sm.CreateEndpointConfigCommand(body), sendOptions));
        },
        createEndpoint: async (body) => {
            await call('CreateEndpoint', () => sagemaker.send(new sm.CreateEndpointCommand(body), sendOptions));
        },
        updateEndpoint: async (body) => {
            await call('UpdateEndpoint', () => sagemaker.send(new sm.UpdateEndpointCommand(body), sendOptions));
        },
        deleteModel: async (name) => {
            await call('DeleteModel', () => sagemaker.send(new sm.DeleteModelCommand({ ModelName: name }), sendOptions));
        },
        deleteEndpointConfig: async (name) => {
            await call('DeleteEndpointConfig', () => sagemaker.send(new sm.DeleteEndpointConfigCommand({ EndpointConfigName: name }), sendOptions));
        },
        putMetricAlarm: async (body) => {
            await call('PutMetricAlarm', () => cloudwatch.send(new cw.PutMetricAlarmCommand(body), sendOptions));
        },
        describeAlarms: async (names) => {
            if (names.length === 0)
                return [];
            const out = await call('DescribeAlarms', () => cloudwatch.send(new cw.DescribeAlarmsCommand({
                AlarmNames: [...names],
                AlarmTypes: ['MetricAlarm'],
                MaxRecords: 100
            }), sendOptions));
            return out.MetricAlarms ?? [];
        },
        getMetricData: input => call('GetMetricData', () => cloudwatch.send(new cw.GetMetricDataCommand(input), sendOptions))
    };
}


/***/ }),

/***/ 6747:
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
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
;// CONCATENATED MODULE: ./src/launch.ts
// Launch: the only place that changes anything in AWS. Alarms (upsert), the green model and
// endpoint config, then CreateEndpoint or exactly one UpdateEndpoint. A repeated step reuses an
// identical model or config of the same name, and picks a fresh name when it differs: a re-run
// never fails on "already exists" and never changes what another attempt created.


class LaunchCancelled extends Error {
    created;
    constructor(created) {
        super(`Cancelled before the endpoint update was requested; the live endpoint was not changed.${created.length ? ` Created and left in place: ${created.join(', ')}.` : ''}`);
        this.created = created;
        this.name = 'LaunchCancelled';
    }
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
/** Creates the model; returns its name and whether this call created it. */
async function ensureModel(api, plan, log) {
    let body = plan.createModel;
    if (!body)
        return [plan.greenModelName, false];
    for (let attempt = 0; attempt < 2; attempt++) {
        const name = body.ModelName;
        try {
            await api.createModel(body);
            log.info(`Created model ${name}`);
            return [name, true];
        }
        catch (e) {
            if (!(0,aws_api.isAlreadyExists)(e))
                throw e;
            if (modelMatches(await api.describeModel(name), body)) {
                log.info(`Reusing model ${name} (created earlier with the same definition)`);
                return [name, false];
            }
            const fresh = (0,names/* freshName */.Os)(plan.greenModelName, body);
            log.info(`Model ${name} exists with another definition; using the fresh name ${fresh}`);
            body = { ...body, ModelName: fresh };
        }
    }
    throw new Error(`Could not find a free model name for ${plan.greenModelName}.`);
}
async function ensureEndpointConfig(api, plan, modelName, log) {
    const variants = plan.createEndpointConfig.ProductionVariants.map(v => ({
        ...v,
        ModelName: modelName
    }));
    let body = { ...plan.createEndpointConfig, ProductionVariants: variants };
    for (let attempt = 0; attempt < 2; attempt++) {
        const name = body.EndpointConfigName;
        try {
            await api.createEndpointConfig(body);
            log.info(`Created endpoint config ${name}`);
            return [name, true];
        }
        catch (e) {
            if (!(0,aws_api.isAlreadyExists)(e))
                throw e;
            const v = (await api.describeEndpointConfig(name))?.ProductionVariants?.[0];
            if (v?.VariantName === plan.variantName &&
                v.ModelName === modelName &&
                v.InstanceType === plan.instanceType &&
                v.InitialInstanceCount === plan.instanceCount) {
                log.info(`Reusing endpoint config ${name} (created earlier with the same variants)`);
                return [name, false];
            }
            const fresh = (0,names/* freshName */.Os)(plan.endpointConfigName, variants);
            log.info(`Endpoint config ${name} exists with other variants; using the fresh name ${fresh}`);
            body = { ...body, EndpointConfigName: fresh };
        }
    }
    throw new Error(`Could not find a free endpoint config name for ${plan.endpointConfigName}.`);
}
async function launch(api, plan, log, now, signal) {
    for (const alarm of plan.alarmsToCreate) {
        await api.putMetricAlarm(alarm.request);
        log.info(`Alarm ${alarm.name} created/updated: ${alarm.watches}`);
    }
    const [modelName, createdModel] = await ensureModel(api, plan, log);
    const [configName, createdConfig] = await ensureEndpointConfig(api, plan, modelName, log);
    const created = [createdModel ? modelName : '', createdConfig ? configName : ''].filter(Boolean);
    if (signal?.aborted)
        throw new LaunchCancelled(created);
    const launched = {
        ...plan,
        greenModelName: modelName,
        endpointConfigName: configName,
        ...(plan.createEndpoint
            ? { createEndpoint: { ...plan.createEndpoint, EndpointConfigName: configName } }
            : {}),
        ...(plan.updateEndpoint
            ? { updateEndpoint: { ...plan.updateEndpoint, EndpointConfigName: configName } }
            : {})
    };
    const requestedAt = now();
    const alreadyLive = launched.updateEndpoint !== undefined && configName === plan.previousConfigName;
    if (alreadyLive) {
        log.info(`The endpoint already serves ${configName} (this step ran before): no update needed.`);
    }
    else if (launched.createEndpoint) {
        await api.createEndpoint(launched.createEndpoint);
        log.info(`CreateEndpoint ${plan.endpointName} requested (new endpoint: no traffic shift)`);
    }
    else if (launched.updateEndpoint) {
        await api.updateEndpoint(launched.updateEndpoint);
        log.info(`UpdateEndpoint ${plan.endpointName} → ${configName} requested`);
    }
    return {
        plan: launched,
        requestedAt,
        createdModel: createdModel ? modelName : undefined,
        createdConfig: createdConfig ? configName : undefined,
        alreadyLive
    };
}
/**
 * Deletes this run's own endpoint config and model after a rollback or failure, each only
 * after checking that neither the live nor a pending deployment uses it.
 */
async function cleanup(api, endpointName, created, log) {
    const deleted = [];
    const ep = await api.describeEndpoint(endpointName);
    if (ep && ep.EndpointStatus !== 'InService') {
        log.warning(`Cleanup skipped: the endpoint is ${ep.EndpointStatus}, not settled.`);
        return deleted;
    }
    const inUse = new Set([ep?.EndpointConfigName, ep?.PendingDeploymentSummary?.EndpointConfigName]);
    const liveConfig = ep?.EndpointConfigName
        ? await api.describeEndpointConfig(ep.EndpointConfigName)
        : undefined;
    const liveModels = new Set((liveConfig?.ProductionVariants ?? []).map(v => v.ModelName));
    if (created.createdConfig) {
        if (inUse.has(created.createdConfig)) {
            log.warning(`Cleanup: endpoint config ${created.createdConfig} is in use; kept.`);
        }
        else {
            await api.deleteEndpointConfig(created.createdConfig);
            deleted.push(created.createdConfig);
            log.info(`Cleanup: deleted endpoint config ${created.createdConfig} (created by this run)`);
        }
    }
    if (created.createdModel) {
        if (liveModels.has(created.createdModel)) {
            log.warning(`Cleanup: model ${created.createdModel} is in use; kept.`);
        }
        else {
            await api.deleteModel(created.createdModel);
            deleted.push(created.createdModel);
            log.info(`Cleanup: deleted model ${created.createdModel} (created by this run)`);
        }
    }
    return deleted;
}

;// CONCATENATED MODULE: ./src/watch/traffic-steps.ts
/** The schedule's traffic shifts (rows with green traffic), in order. */
function shiftsOf(schedule) {
    return schedule.filter(step => step.greenPercent > 0);
}
/** Shift rows recorded so far (every row with green traffic before the rollout ended). */
function recordedShifts(steps) {
    return steps.filter(step => step.greenPercent > 0).length;
}
function shiftLabel(k, total, greenPercent) {
    const of = `${k} of ${Math.max(total, k)}`;
    return greenPercent === 100
        ? `all traffic on green (step ${of}), alarms monitored`
        : `step ${of}: ${greenPercent}% shifted to green, alarms monitored`;
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
        const label = shiftLabel(k, shifts.length, shift.greenPercent);
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
        event: shiftLabel(k, shifts.length, greenPercent)
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

const IN_PROGRESS = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack']);
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
        byName.set(a.name, {
            name: a.name,
            statesSeen: changed ? [...(prev?.statesSeen ?? []), a.state] : (prev?.statesSeen ?? []),
            finalState: a.state,
            lastReason: a.reason ?? prev?.lastReason,
            // The reason of the transition that fired, not a later one (OK again, say).
            firedReason: prev?.firedReason ?? (fired ? a.reason : undefined),
            fired: (prev?.fired ?? false) || fired,
            firedAt: prev?.firedAt ?? (fired ? when : undefined)
        });
    }
    return [...byName.values()];
}
function reduce(t, obs, ctx) {
    const ep = obs.endpoint;
    if (!ep) {
        const consecutive = t.consecutiveFailedPolls + 1;
        const events = consecutive === 1
            ? [
                ...t.events,
                {
                    at: serviceTime(t, obs),
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
            message: `endpoint ${ep.status}${ep.status === 'RollingBack' ? ': traffic returning to blue' : ''}`
        });
    }
    const stepCtx = {
        schedule: ctx.schedule,
        instanceCount: ctx.instanceCount,
        waitIntervalSeconds: ctx.waitIntervalSeconds,
        startedAt
    };
    // What the previous poll had seen: steps no poll saw came after it.
    const after = t.lastPollServiceTime ?? startedAt;
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
    if (ep.status === 'RollingBack' && !sawRollingBack) {
        sawRollingBack = true;
        if (rolledBackByAlarm)
            addMissedFirstShiftBeforeRollback(steps, now, after, stepCtx, events);
        steps.push({ at: now, bluePercent: 100, greenPercent: 0, event: `rolling back${because}` });
    }
    const sawProgress = t.sawProgress || IN_PROGRESS.has(ep.status) || ep.pendingConfigName === ctx.newConfigName;
    const settledBefore = prev?.status === 'InService' && prev.configName === ep.configName;
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
        lastPollServiceTime: Math.max(now, ...steps.map(step => step.at))
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

// EXTERNAL MODULE: ./src/inputs.ts + 4 modules
var inputs = __webpack_require__(3904);
;// CONCATENATED MODULE: ./src/preflight.ts


class PreflightError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PreflightError';
    }
}
async function ownPendingDeployment(api, configName, run) {
    if (!configName)
        return undefined;
    const config = await api.describeEndpointConfig(configName);
    if (!config?.EndpointConfigArn)
        return undefined;
    const tags = await api.listTags(config.EndpointConfigArn);
    const ours = tags[`${inputs/* ACTION_TAG_PREFIX */.FU}repository`] === run.repository &&
        tags[`${inputs/* ACTION_TAG_PREFIX */.FU}sha`] === run.sha &&
        tags[`${inputs/* ACTION_TAG_PREFIX */.FU}run-id`] === run.runId;
    return ours
        ? {
            configName,
            modelName: config.ProductionVariants?.[0]?.ModelName,
            attempt: tags[`${inputs/* ACTION_TAG_PREFIX */.FU}run-attempt`]
        }
        : undefined;
}
async function readCurrentEndpoint(request, run, deps, waitUntil) {
    const { api, log } = deps;
    let ep = await api.describeEndpoint(request.endpointName);
    if (!ep)
        return { current: null, attach: undefined };
    let announced = false;
    while (ep && IN_PROGRESS.has(ep.EndpointStatus ?? '')) {
        const pending = ep.PendingDeploymentSummary?.EndpointConfigName;
        const attach = await ownPendingDeployment(api, pending, run);
        if (attach) {
            log.info(`Endpoint is ${ep.EndpointStatus} with ${attach.configName}, started by attempt ${attach.attempt ?? '?'} of this run: watching it instead of starting a second update.`);
            return { current: await describeLive(api, ep, log), attach };
        }
        if (request.onBusy === 'fail') {
            throw new PreflightError(`Endpoint "${request.endpointName}" is ${ep.EndpointStatus}${pending ? ` (deploying ${pending})` : ''}: SageMaker accepts no update until it finishes. Re-run later, or set on-busy: wait.`);
        }
        if (deps.now() >= waitUntil) {
            throw new PreflightError(`Endpoint "${request.endpointName}" stayed ${ep.EndpointStatus} past the time budget; no update was started. Re-run when it is InService.`);
        }
        if (!announced) {
            log.info(`Endpoint is ${ep.EndpointStatus}${pending ? ` (deploying ${pending})` : ''}; waiting for it to finish (on-busy: wait).`);
            announced = true;
        }
        await deps.sleep(Math.min(request.pollIntervalSeconds * 1000, Math.max(0, waitUntil - deps.now())));
        ep = await api.describeEndpoint(request.endpointName);
    }
    if (!ep)
        return { current: null, attach: undefined };
    if (ep.EndpointStatus === 'Failed') {
        throw new PreflightError(`Endpoint "${request.endpointName}" is Failed${ep.FailureReason ? ` (${ep.FailureReason})` : ''}. SageMaker allows only DeleteEndpoint on a failed endpoint: delete it, then re-run to create it anew.`);
    }
    if (ep.EndpointStatus !== 'InService') {
        throw new PreflightError(ep.EndpointStatus === 'UpdateRollbackFailed'
            ? `Endpoint "${request.endpointName}" is UpdateRollbackFailed: a previous deployment and its rollback both failed, and it serves a mix of old and new fleets. Inspect it in the SageMaker console and settle it by hand (or delete and re-create it) before deploying again.`
            : `Endpoint "${request.endpointName}" is ${ep.EndpointStatus}; blue/green updates need it InService.`);
    }
    return { current: await describeLive(api, ep, log), attach: undefined };
}
/** The live (blue) side of an endpoint: its config, variant, fleet and model artifact. */
async function describeLive(api, ep, log) {
    const configName = ep.EndpointConfigName ?? '';
    const config = configName ? await api.describeEndpointConfig(configName) : undefined;
    const variant = config?.ProductionVariants?.[0];
    const liveVariant = ep.ProductionVariants?.[0];
    const modelName = variant?.ModelName;
    let modelDataUrl;
    if (modelName) {
        try {
            const model = await api.describeModel(modelName);
            modelDataUrl = model?.PrimaryContainer?.ModelDataUrl ?? model?.Containers?.[0]?.ModelDataUrl;
        }
        catch (e) {
            log.warning(`Could not read the live model ${modelName}: ${e.message}`);
        }
    }
    return {
        status: ep.EndpointStatus ?? 'Unknown',
        configName,
        variantName: variant?.VariantName ?? liveVariant?.VariantName ?? 'AllTraffic',
        instanceType: variant?.InstanceType,
        instanceCount: liveVariant?.DesiredInstanceCount ?? variant?.InitialInstanceCount,
        modelName,
        modelDataUrl,
        lastModifiedTime: ep.LastModifiedTime?.getTime(),
        lastDeploymentConfig: ep.LastDeploymentConfig
            ? JSON.parse(JSON.stringify(ep.LastDeploymentConfig))
            : undefined,
        failureReason: ep.FailureReason || undefined
    };
}
/**
 * Every alarm that guards the rollout must exist (except those this run creates) and none may be
 * in ALARM already: SageMaker would roll back at once.
 */
async function checkAlarms(request, plan, deps) {
    const created = new Set(plan.alarmsToCreate.map(a => a.name));
    const names = plan.guardAlarmNames;
    if (names.length === 0)
        return;
    const found = await deps.api.describeAlarms(names);
    const byName = new Map(found.map(a => [a.AlarmName ?? '', a]));
    const missing = names.filter(n => !created.has(n) && !byName.has(n));
    if (missing.length) {
        throw new PreflightError(`CloudWatch alarm(s) not found in ${request.region}: ${missing.join(', ')}. Create them first, fix alarm-names, or use create-alarms: true.`);
    }
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
}
/** Instance families SageMaker excludes from guardrails fall back to all-at-once, no bake. */
function guardrailWarning(plan) {
    if (/^ml\.inf1\./.test(plan.instanceType)) {
        return `Instance type ${plan.instanceType} (Inf1) is excluded from deployment guardrails: SageMaker falls back to all-at-once traffic shifting with no final bake, so the alarms cannot stop a bad model step by step.`;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
;// CONCATENATED MODULE: ./src/verdict.ts

/**
 * Alarms seen in ALARM, plus any watched alarm that SageMaker's FailureReason names (an alarm
 * can fire and clear between two polls).
 */
function fired(t) {
    const reason = t.last?.failureReason ?? '';
    return t.alarms
        .filter(a => a.fired || (reason !== '' && reason.includes(a.name)))
        .map(a => a.name);
}
/** The verdict once the endpoint has settled, or undefined while it is still in progress. */
function settle(t, ctx) {
    const ep = t.last;
    if (!ep)
        return undefined;
    const triggeredAlarms = fired(t);
    const base = {
        triggeredAlarms,
        finalConfigName: ep.configName,
        finalStatus: ep.status,
        failureReason: ep.failureReason
    };
    const alarmText = triggeredAlarms.length
        ? `alarm ${triggeredAlarms.join(', ')} went into ALARM`
        : undefined;
    switch (ep.status) {
        case 'InService': {
            if (ep.configName === t.newConfigName && ep.pendingConfigName === undefined) {
                return {
                    ...base,
                    outcome: 'deployed',
                    failureReason: undefined,
                    summary: `${t.newConfigName} is serving 100% of the traffic.`
                };
            }
            // Still listing this run's deployment as pending: not over yet, whatever the top level says.
            if (ep.pendingConfigName === t.newConfigName || ep.configName === t.newConfigName)
                return undefined;
            if (!changedSinceStart(t, ep, ctx))
                return undefined;
            const why = alarmText ??
                (ep.failureReason ? `SageMaker: ${ep.failureReason}` : 'SageMaker gave no reason');
            return {
                ...base,
                outcome: 'rolled-back',
                failureReason: ep.failureReason ??
                    (alarmText ? `Rolled back: ${alarmText}.` : 'Rolled back (SageMaker gave no reason).'),
                summary: `SageMaker rolled back to ${ep.configName ?? 'the previous config'}: ${why.replace(/\.+$/, '')}.`
            };
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
function interrupted(t, reason) {
    const ep = t.last;
    const state = ep ? `${ep.status} on ${ep.configName ?? '?'}` : 'unknown';
    return {
        outcome: 'failed',
        triggeredAlarms: fired(t),
        finalConfigName: ep?.configName,
        finalStatus: ep?.status,
        failureReason: reason,
        summary: `${reason} The deployment may still be running in SageMaker (last state: ${state}); re-run the job to watch it to the end.`
    };
}

;// CONCATENATED MODULE: ./src/watch/schedule.ts

/** Local epoch ms at which the current bake is expected to end, if the service says when it began. */
function expectedChangeAt(t, ctx) {
    const green = t.last?.green;
    const status = green ? latestStatus(green.statuses) : undefined;
    if (!status?.startTime)
        return undefined;
    if (status.status === 'Baking') {
        // SageMaker says how long it bakes ("Baking for 60 seconds ..."); else go by the policy.
        const stated = /Baking for (\d+) seconds/.exec(status.message ?? '')?.[1];
        if (stated !== undefined)
            return status.startTime + Number(stated) * 1000;
        const finalBake = (green?.currentInstanceCount ?? 0) >= (green?.desiredInstanceCount ?? Infinity);
        const seconds = finalBake ? ctx.terminationWaitSeconds : ctx.waitIntervalSeconds;
        return seconds === undefined ? undefined : status.startTime + seconds * 1000;
    }
    return undefined;
}
function nextPollDelay(t, ctx, pacing, now) {
    const cap = pacing.pollIntervalMs;
    const floor = Math.min(pacing.floorMs, cap);
    if (t.consecutiveFailedPolls > 0) {
        const backoff = floor * 2 ** Math.min(t.consecutiveFailedPolls, 8);
        return Math.min(cap, backoff * (0.75 + Math.random() * 0.5));
    }
    const change = expectedChangeAt(t, ctx);
    if (change !== undefined) {
        // Half a second after the expected change, so the poll sees the next step.
        const until = change - now + 500;
        if (until > 0 && until < cap)
            return Math.max(floor, until);
    }
    return cap;
}

;// CONCATENATED MODULE: ./src/watch/loop.ts



/** Thrown by a poll when watching cannot go on (credentials, permissions, endpoint deleted). */
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
    a.green?.statuses.length !== b.green?.statuses.length;
async function watch(start, ctx, deps, opts) {
    let timeline = start;
    let lastAlarmPoll = Number.NEGATIVE_INFINITY;
    /** One poll; true when it read the alarms. */
    const poll = async (forceAlarms) => {
        const before = timeline.events.length;
        const at = deps.now();
        let endpoint;
        let alarms = [];
        let error;
        let readAlarms = false;
        try {
            endpoint = await deps.describeEndpoint();
            if (forceAlarms ||
                endpointChanged(timeline.last, endpoint) ||
                at - lastAlarmPoll >= opts.alarmRefreshMs) {
                alarms = await deps.describeAlarms();
                lastAlarmPoll = at;
                readAlarms = true;
            }
        }
        catch (e) {
            if (e instanceof FatalPollError)
                throw e;
            error = e instanceof Error ? e.message : String(e);
            // A lost poll is never a verdict: drop what this poll saw and try again.
            endpoint = undefined;
            alarms = [];
            readAlarms = false;
        }
        timeline = reduce(timeline, { at, endpoint, alarms, error }, ctx);
        await deps.onPoll?.(timeline, timeline.events.slice(before));
        return readAlarms;
    };
    try {
        for (;;) {
            if (deps.signal?.aborted) {
                return { timeline, verdict: interrupted(timeline, 'Watching was cancelled.') };
            }
            const pollStartedAt = deps.now();
            const readAlarms = await poll(false);
            let verdict = settle(timeline, ctx);
            if (verdict) {
                // Name the alarms with a fresh read when this poll did not include them. The verdict
                // stands whatever this extra read meets.
                if (!readAlarms) {
                    try {
                        await poll(true);
                        verdict = settle(timeline, ctx) ?? verdict;
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
                    verdict: interrupted(timeline, `${timeline.consecutiveFailedPolls} polls in a row failed (last: ${timeline.events.findLast(e => e.kind === 'poll-error')?.message ?? 'unknown'}).`)
                };
            }
            const now = deps.now();
            if (now >= opts.deadline)
                return { timeline, verdict: timedOut(timeline, opts.budgetSeconds) };
            // The pause counts from the start of the poll, so slow answers do not stretch the interval.
            const delay = Math.min(nextPollDelay(timeline, ctx, opts, now) - (now - pollStartedAt), opts.deadline - now);
            await deps.sleep(Math.max(0, delay), deps.signal);
        }
    }
    catch (e) {
        if (e instanceof FatalPollError)
            return { timeline, verdict: interrupted(timeline, e.message) };
        throw e;
    }
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
function toEndpointSnapshot(out) {
    const pending = out.PendingDeploymentSummary;
    return {
        status: out.EndpointStatus ?? 'Unknown',
        configName: out.EndpointConfigName,
        failureReason: out.FailureReason ? out.FailureReason : undefined,
        lastModifiedTime: millis(out.LastModifiedTime),
        blue: toFleet(out.ProductionVariants?.[0]),
        green: toFleet(pending?.ProductionVariants?.[0]),
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

// EXTERNAL MODULE: ./src/plan.ts + 1 modules
var src_plan = __webpack_require__(9240);
;// CONCATENATED MODULE: ./src/deploy.ts
// The deploy sequence behind run(): pre-flight (reads), plan (pure), launch (writes), watch.
// Every failure becomes a verdict here, so report() always has something true to say.










const deploy_log = {
    info: (m) => core.info(m),
    warning: (m) => core.warning(m)
};
function failed(summary, failureReason = summary) {
    return {
        outcome: 'failed',
        summary,
        failureReason,
        triggeredAlarms: [],
        finalConfigName: undefined,
        finalStatus: undefined
    };
}
const NOTHING_CHANGED = 'Nothing was changed in AWS.';
async function deploy(o) {
    const { request, api } = o;
    const startedAt = o.now();
    const deps = { api, log: deploy_log, now: o.now, sleep: ms => o.sleep(ms, o.signal) };
    let plan;
    let current = null;
    let attach;
    // ---- Pre-flight (reads only) -------------------------------------------------------------
    core.startGroup(`Pre-flight: ${request.endpointName} in ${request.region}`);
    try {
        try {
            const busyUntil = startedAt + (request.timeoutMinutes ?? 30) * 60 * 1000;
            const found = await readCurrentEndpoint(request, o.run, deps, busyUntil);
            current = found.current;
            attach = found.attach;
        }
        catch (e) {
            // A plan can still be shown without credentials; a deployment cannot.
            if (!(request.dryRun && (0,aws_api.isFatal)(e)))
                throw e;
            deploy_log.warning(`Could not read the endpoint (${(0,errors/* errorMessage */.g)(e)}); planning from the inputs alone.`);
        }
        deploy_log.info(current
            ? `Live: ${current.configName} (${current.variantName}, ${current.instanceCount ?? '?'} × ${current.instanceType ?? '?'}, model ${current.modelName ?? '?'})`
            : `Endpoint ${request.endpointName} does not exist: this run creates it (no traffic shift on a new endpoint).`);
        plan = o.buildPlan(request, o.run, current);
        if (attach)
            plan = attachedPlan(plan, attach);
        const warning = guardrailWarning(plan);
        if (warning)
            deploy_log.warning(warning);
        // Attached to a running deployment, its alarms may be firing because of it: no check.
        if (!attach) {
            try {
                await checkAlarms(request, plan, deps);
            }
            catch (e) {
                // A plan still shows what would happen; a deployment stops here.
                if (!request.dryRun)
                    throw e;
                deploy_log.warning((0,errors/* errorMessage */.g)(e));
            }
        }
    }
    catch (e) {
        const message = e instanceof errors/* InputError */.d ? e.message : (0,errors/* errorMessage */.g)(e);
        return {
            plan,
            current,
            timeline: undefined,
            verdict: failed(`${message} ${NOTHING_CHANGED}`, message)
        };
    }
    finally {
        core.endGroup();
    }
    if (request.dryRun) {
        return {
            plan,
            current,
            timeline: undefined,
            verdict: {
                outcome: 'planned',
                summary: 'Plan only (dry-run): nothing was changed in AWS.',
                failureReason: undefined,
                triggeredAlarms: [],
                finalConfigName: plan.previousConfigName,
                finalStatus: undefined
            }
        };
    }
    if (o.signal?.aborted) {
        return {
            plan,
            current,
            timeline: undefined,
            verdict: failed(`Cancelled before launch. ${NOTHING_CHANGED}`)
        };
    }
    // ---- Launch (the only writes) --------------------------------------------------------------
    let requestedAt = o.now();
    let created = {
        createdModel: undefined,
        createdConfig: undefined
    };
    if (!attach) {
        core.startGroup(`Launch: ${plan.endpointConfigName}`);
        try {
            const launched = await launch(api, plan, deploy_log, o.now, o.signal);
            ({ plan, requestedAt } = launched);
            created = launched;
            if (launched.alreadyLive) {
                return {
                    plan,
                    current,
                    timeline: undefined,
                    verdict: {
                        outcome: 'deployed',
                        summary: `The endpoint already serves ${plan.endpointConfigName}, created by an earlier run of this step; nothing was changed.`,
                        failureReason: undefined,
                        triggeredAlarms: [],
                        finalConfigName: plan.endpointConfigName,
                        finalStatus: current?.status
                    }
                };
            }
        }
        catch (e) {
            const message = (0,errors/* errorMessage */.g)(e);
            return {
                plan,
                current,
                timeline: undefined,
                verdict: failed(e instanceof LaunchCancelled
                    ? message
                    : `Launch failed: ${message} The live endpoint was not changed.`, message)
            };
        }
        finally {
            core.endGroup();
        }
    }
    const policy = request.policy ?? (0,src_plan/* policyFromDeploymentConfig */.yz)(current?.lastDeploymentConfig);
    const ctx = {
        newConfigName: plan.endpointConfigName,
        oldConfigName: plan.previousConfigName,
        firstDeploy: plan.firstDeploy,
        instanceCount: plan.instanceCount,
        schedule: plan.schedule,
        previousLastModified: current?.lastModifiedTime,
        waitIntervalSeconds: policy?.waitIntervalSeconds,
        terminationWaitSeconds: policy?.terminationWaitSeconds
    };
    const start = createTimeline(ctx, requestedAt);
    await o.onProgress?.(plan, start);
    if (!request.wait) {
        return {
            plan,
            current,
            timeline: start,
            verdict: {
                outcome: 'started',
                summary: `${plan.firstDeploy ? 'CreateEndpoint' : 'UpdateEndpoint'} accepted; not waiting (wait: false). SageMaker continues on its own.`,
                failureReason: undefined,
                triggeredAlarms: [],
                finalConfigName: plan.previousConfigName,
                finalStatus: undefined
            }
        };
    }
    // ---- Watch -----------------------------------------------------------------------------------
    core.startGroup(`Watching ${plan.endpointName} (poll ≤ ${request.pollIntervalSeconds} s, budget ${Math.round(plan.budgetSeconds / 60)} min)`);
    let reportedSteps = 0;
    try {
        const result = await watch(start, ctx, {
            describeEndpoint: async () => {
                try {
                    const out = await api.describeEndpoint(plan.endpointName);
                    if (!out)
                        throw new FatalPollError(`Endpoint ${plan.endpointName} no longer exists (deleted during the deployment).`);
                    return toEndpointSnapshot(out);
                }
                catch (e) {
                    if ((0,aws_api.isFatal)(e))
                        throw new FatalPollError(`Stopped watching: ${(0,errors/* errorMessage */.g)(e)}.`);
                    throw e;
                }
            },
            describeAlarms: async () => {
                try {
                    return toAlarmSnapshots(await api.describeAlarms(plan.guardAlarmNames));
                }
                catch (e) {
                    if ((0,aws_api.isFatal)(e))
                        throw new FatalPollError(`Stopped watching: ${(0,errors/* errorMessage */.g)(e)}.`);
                    throw e;
                }
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
            ...(o.signal ? { signal: o.signal } : {})
        }, {
            deadline: requestedAt + plan.budgetSeconds * 1000,
            budgetSeconds: plan.budgetSeconds,
            pollIntervalMs: request.pollIntervalSeconds * 1000,
            floorMs: 2000,
            alarmRefreshMs: 30_000,
            maxConsecutiveFailures: 10
        });
        if (request.cleanupOnFailure &&
            (result.verdict.outcome === 'rolled-back' || result.verdict.outcome === 'failed') &&
            result.verdict.finalStatus === 'InService' &&
            !o.signal?.aborted) {
            try {
                await cleanup(api, plan.endpointName, created, deploy_log);
            }
            catch (e) {
                deploy_log.warning(`Cleanup failed (nothing live was touched): ${(0,errors/* errorMessage */.g)(e)}`);
            }
        }
        return { plan, current, timeline: result.timeline, verdict: result.verdict };
    }
    finally {
        core.endGroup();
    }
}
/** The plan of a deployment this run already started: watch it, create nothing. */
function attachedPlan(plan, attach) {
    return {
        ...plan,
        endpointConfigName: attach.configName,
        greenModelName: attach.modelName ?? plan.greenModelName,
        createModel: undefined,
        createEndpoint: undefined,
        updateEndpoint: undefined,
        alarmsToCreate: []
    };
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
/* harmony export */   aY: () => (/* binding */ code),
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


/***/ }),

/***/ 5813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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


/***/ })

};

//# sourceMappingURL=747.index.js.map