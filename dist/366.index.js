export const id = 366;
export const ids = [366];
export const modules = {

/***/ 2103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LT: () => (/* binding */ BLUE_GREEN),
/* harmony export */   XF: () => (/* binding */ isRollingPlan),
/* harmony export */   _Y: () => (/* binding */ fleetWords)
/* harmony export */ });
/** Whether the plan is a rolling update (its schedule counts old instances batch by batch). */
function isRollingPlan(plan) {
    return (plan.component !== undefined || plan.schedule.some(step => step.blueInstances !== undefined));
}
const BLUE_GREEN = {
    old: 'blue',
    new: 'green',
    Old: 'Blue',
    New: 'Green',
    oldSide: 'blue',
    newSide: 'green',
    oldFleet: 'the blue fleet',
    newFleet: 'the green fleet',
    unit: 'fleet'
};
function replaced(unit) {
    return {
        old: 'old',
        new: 'new',
        Old: 'Old',
        New: 'New',
        oldSide: `the old ${unit}`,
        newSide: `the new ${unit}`,
        oldFleet: `the old ${unit}`,
        newFleet: `the new ${unit}`,
        unit
    };
}
function fleetWords(plan) {
    if (plan.component !== undefined)
        return replaced('copies');
    return isRollingPlan(plan) ? replaced('instances') : BLUE_GREEN;
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

/***/ 7891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ componentMetricQueries),
/* harmony export */   e: () => (/* binding */ COMPONENT_SPLIT_NOTE)
/* harmony export */ });
/* harmony import */ var _query_parts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6518);

/** Why a component's figures are not split between the old and new copies. */
const COMPONENT_SPLIT_NOTE = "CloudWatch has no dimension for a component's old and new copies: the figures are the inference component's (InferenceComponentName), both together.";
function componentMetricQueries(plan, timeline) {
    const name = plan.component?.name ?? '';
    const queries = _query_parts_js__WEBPACK_IMPORTED_MODULE_0__/* .INVOCATION_METRICS */ .Tv.map(metric => ({
        Id: (0,_query_parts_js__WEBPACK_IMPORTED_MODULE_0__/* .queryId */ .KH)('endpoint', metric.key),
        Label: `${metric.metricName} inference component ${name}`,
        ReturnData: true,
        MetricStat: {
            Metric: {
                Namespace: _query_parts_js__WEBPACK_IMPORTED_MODULE_0__/* .SAGEMAKER_NAMESPACE */ .z_,
                MetricName: metric.metricName,
                Dimensions: [{ Name: 'InferenceComponentName', Value: name }]
            },
            Period: _query_parts_js__WEBPACK_IMPORTED_MODULE_0__/* .PERIOD_SECONDS */ .aN,
            Stat: metric.stat
        }
    }));
    const { start, end } = (0,_query_parts_js__WEBPACK_IMPORTED_MODULE_0__/* .metricsWindow */ .uh)(timeline);
    return {
        startTime: start,
        endTime: end,
        queries,
        blueConfigName: undefined,
        greenConfigName: plan.greenModelName
    };
}


/***/ }),

/***/ 4366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Pc: () => (/* binding */ foldMetrics),
  nl: () => (/* binding */ shownSteps)
});

// UNUSED EXPORTS: errorRateThreshold

// EXTERNAL MODULE: ./src/guard/alarms.ts
var alarms = __webpack_require__(2767);
// EXTERNAL MODULE: ./src/guard/regression-rollback.ts
var regression_rollback = __webpack_require__(1193);
// EXTERNAL MODULE: ./src/fleet-words.ts
var fleet_words = __webpack_require__(2103);
// EXTERNAL MODULE: ./src/metrics/queries.ts
var queries = __webpack_require__(6705);
;// CONCATENATED MODULE: ./src/metrics/tally.ts
// Per-minute arithmetic behind the fold: one fleet's datapoints per minute, shared among the
// time segments (traffic steps) a minute overlaps, summed into figures. Pure.

const PERIOD_MS = queries/* PERIOD_SECONDS */.aN * 1000;
const emptyTally = () => ({
    requests: 0,
    errors5xx: 0,
    errors4xx: 0,
    modelSum: 0,
    modelWeight: 0,
    overheadSum: 0,
    overheadWeight: 0,
    cpuSum: 0,
    cpuWeight: 0
});
function minutesOf(series, fleet) {
    const get = (metric) => series.get((0,queries/* queryId */.KH)(fleet, metric)) ?? new Map();
    const times = new Set();
    for (const metric of queries/* INVOCATION_METRICS */.Tv)
        for (const t of get(metric.key).keys())
            times.add(t);
    const minutes = new Map();
    for (const t of times) {
        minutes.set(t, {
            requests: get('invocations').get(t) ?? 0,
            errors5xx: get('errors5xx').get(t) ?? 0,
            errors4xx: get('errors4xx').get(t) ?? 0,
            modelLatencyUs: get('modelLatency').get(t),
            overheadLatencyUs: get('overheadLatency').get(t)
        });
    }
    return minutes;
}
/** The variant's minute less the other fleet's: for a fleet CloudWatch did not split out. */
function subtract(whole, part) {
    const latency = (a, an, b, bn, n) => {
        if (a === undefined || n <= 0)
            return undefined;
        const rest = (a * an - (b ?? 0) * bn) / n;
        return rest >= 0 ? rest : undefined;
    };
    const out = new Map();
    for (const [t, w] of whole) {
        const p = part.get(t);
        const requests = Math.max(0, w.requests - (p?.requests ?? 0));
        out.set(t, {
            requests,
            errors5xx: Math.max(0, w.errors5xx - (p?.errors5xx ?? 0)),
            errors4xx: Math.max(0, w.errors4xx - (p?.errors4xx ?? 0)),
            modelLatencyUs: latency(w.modelLatencyUs, w.requests, p?.modelLatencyUs, p?.requests ?? 0, requests),
            overheadLatencyUs: latency(w.overheadLatencyUs, w.requests, p?.overheadLatencyUs, p?.requests ?? 0, requests)
        });
    }
    return out;
}
function overlap(segment, start) {
    return Math.max(0, Math.min(segment.until, start + PERIOD_MS) - Math.max(segment.from, start));
}
/** Shares of one minute among the segments: time overlapped × traffic share, normalised. */
function shares(segments, start, share) {
    const overlaps = segments.map(s => overlap(s, start));
    let weights = overlaps.map((o, i) => o * share(segments[i]));
    let total = weights.reduce((a, b) => a + b, 0);
    // The fleet served while the table says it had no share (a step seen late): time decides.
    if (total === 0) {
        weights = overlaps;
        total = overlaps.reduce((a, b) => a + b, 0);
    }
    return total === 0 ? weights.map(() => 0) : weights.map(w => w / total);
}
function distribute(minutes, segments, share) {
    const tallies = segments.map(emptyTally);
    for (const [start, m] of minutes) {
        shares(segments, start, share).forEach((w, i) => {
            if (w === 0)
                return;
            const tally = tallies[i];
            tally.requests += m.requests * w;
            tally.errors5xx += m.errors5xx * w;
            tally.errors4xx += m.errors4xx * w;
            if (m.modelLatencyUs !== undefined && m.requests > 0) {
                tally.modelSum += m.modelLatencyUs * m.requests * w;
                tally.modelWeight += m.requests * w;
            }
            if (m.overheadLatencyUs !== undefined && m.requests > 0) {
                tally.overheadSum += m.overheadLatencyUs * m.requests * w;
                tally.overheadWeight += m.requests * w;
            }
        });
    }
    return tallies;
}
function addCpu(tallies, cpu, segments) {
    for (const [start, value] of cpu) {
        segments.forEach((s, i) => {
            const o = overlap(s, start);
            if (o === 0)
                return;
            tallies[i].cpuSum += value * o;
            tallies[i].cpuWeight += o;
        });
    }
}
const round = (value, decimals) => {
    const f = 10 ** decimals;
    return Math.round(value * f) / f;
};
function sum(tallies) {
    const total = emptyTally();
    for (const t of tallies) {
        for (const key of Object.keys(total))
            total[key] += t[key];
    }
    return total;
}
function figures(tally) {
    const requests = Math.round(tally.requests);
    const latency = (total, weight) => weight > 0 ? round((0,queries/* microsecondsToMs */.vZ)(total / weight), 2) : null;
    return {
        requests,
        errors5xx: Math.round(tally.errors5xx),
        errors4xx: Math.round(tally.errors4xx),
        errorRate5xxPercent: tally.requests > 0 ? round((100 * tally.errors5xx) / tally.requests, 2) : null,
        modelLatencyMs: latency(tally.modelSum, tally.modelWeight),
        overheadLatencyMs: latency(tally.overheadSum, tally.overheadWeight)
    };
}

;// CONCATENATED MODULE: ./src/metrics/fold.ts
// Folds per-minute CloudWatch datapoints into the rollout's traffic steps and phases. Pure.
//
// A one-minute datapoint rarely lines up with a step, so each minute is shared among the steps
// it overlaps, in proportion to the time overlapped × the fleet's traffic share in that step:
// green's errors in a minute that straddles "0 %" and "25 %" all land in the 25 % step.





/** Where the shift ends: the first rollback to blue, or the step that put green at 100 %. */
function shiftEnd(steps) {
    for (let i = 1; i < steps.length; i++) {
        const step = steps[i];
        if (step.greenPercent === 0 && step.bluePercent === 100)
            return { index: i, phase: 'rollback' };
        if (step.greenPercent === 100)
            return { index: i, phase: 'completion' };
    }
    return undefined;
}
/** The threshold (percent) of the error-rate alarm this run created, if it did. */
function errorRateThreshold(plan) {
    // Named <prefix>-5xx-rate, whatever the prefix (alarm-name-prefix).
    const suffix = (0,alarms/* errorRateAlarmName */.bC)('');
    return plan.alarmsToCreate.find(alarm => alarm.name.endsWith(suffix))?.threshold;
}
/**
 * The rows the page shows, as traffic steps: a rolling update's batches (new instances or copies
 * and their share), else the traffic steps. The metrics are folded into these rows, so the chart
 * and the per-step table plot what the traffic table says.
 */
function shownSteps(timeline) {
    const batches = timeline.batches ?? [];
    if (batches.length === 0)
        return timeline.steps;
    return batches.map(row => ({
        at: row.at,
        bluePercent: 100 - row.newPercent,
        greenPercent: row.newPercent,
        event: row.event
    }));
}
function foldMetrics(input) {
    const { plan, timeline, request, series } = input;
    const windowStart = request.startTime;
    const windowEnd = request.endTime;
    const steps = shownSteps(timeline);
    const words = (0,fleet_words/* fleetWords */._Y)(plan);
    const baseline = {
        from: windowStart,
        until: Math.max(windowStart, timeline.startedAt),
        bluePercent: plan.firstDeploy ? 0 : 100,
        greenPercent: 0
    };
    const stepSegments = steps.map((step, i) => ({
        from: step.at,
        until: Math.max(step.at, steps[i + 1]?.at ?? windowEnd),
        bluePercent: step.bluePercent,
        greenPercent: step.greenPercent
    }));
    const segments = [baseline, ...stepSegments];
    const endpoint = minutesOf(series, 'endpoint');
    let green = minutesOf(series, 'green');
    let blue = minutesOf(series, 'blue');
    const hasBlueFleet = request.blueConfigName !== undefined;
    let split = 'per-fleet';
    let note;
    if (green.size === 0 && blue.size === 0) {
        split = 'endpoint-only';
        note =
            endpoint.size === 0
                ? 'CloudWatch had no datapoints for this endpoint in the window (no traffic, or the metrics had not arrived yet).'
                : 'CloudWatch had no per-fleet datapoints (EndpointConfigName dimension) in the window: the figures are for the whole variant, blue and green together.';
    }
    else if (hasBlueFleet && blue.size === 0) {
        blue = subtract(endpoint, green);
        note = `CloudWatch had no datapoints with EndpointConfigName=${request.blueConfigName}: blue's figures are the variant's less green's.`;
    }
    else if (green.size === 0 && steps.some(s => s.greenPercent > 0)) {
        green = subtract(endpoint, blue);
        note = `CloudWatch had no datapoints with EndpointConfigName=${request.greenConfigName}: green's figures are the variant's less blue's.`;
    }
    const perFleet = split === 'per-fleet';
    const blueTallies = distribute(blue, segments, s => s.bluePercent);
    const greenTallies = distribute(green, segments, s => s.greenPercent);
    const endpointTallies = distribute(endpoint, segments, () => 1);
    addCpu(endpointTallies, series.get(queries/* CPU_QUERY_ID */.O7) ?? new Map(), segments);
    const fleetFigures = (tallies, present) => perFleet && present ? figures(sum(tallies)) : undefined;
    // With the split, the endpoint is blue + green, so every row adds up.
    const endpointOf = (first, last) => figures(perFleet
        ? sum([...blueTallies.slice(first, last), ...greenTallies.slice(first, last)])
        : sum(endpointTallies.slice(first, last)));
    const finalUntil = input.finalUntil;
    const stepMetrics = steps.map((step, i) => {
        const k = i + 1;
        const e = endpointTallies[k];
        const until = stepSegments[i].until;
        // A minute the step covers ends after the last final one: its figures may still grow.
        const lastMinuteEnd = Math.ceil(until / 60_000) * 60_000;
        return {
            at: step.at,
            until: stepSegments[i].until,
            bluePercent: step.bluePercent,
            greenPercent: step.greenPercent,
            event: step.event,
            blue: fleetFigures([blueTallies[k]], hasBlueFleet),
            green: fleetFigures([greenTallies[k]], true),
            endpoint: endpointOf(k, k + 1),
            cpuUtilizationPercent: e.cpuWeight > 0 ? round(e.cpuSum / e.cpuWeight, 2) : null,
            incomplete: finalUntil !== undefined && lastMinuteEnd > finalUntil
        };
    });
    const end = shiftEnd(steps);
    const fired = timeline.alarms.filter(alarm => alarm.fired).map(alarm => alarm.name);
    const phase = (name, first, last, from, until, outcome) => ({
        phase: name,
        from,
        until,
        blue: fleetFigures(blueTallies.slice(first, last), hasBlueFleet),
        green: fleetFigures(greenTallies.slice(first, last), true),
        endpoint: endpointOf(first, last),
        outcome
    });
    const boundary = end === undefined ? segments.length : end.index + 1;
    const boundaryAt = end === undefined ? windowEnd : steps[end.index].at;
    const phases = [
        phase('baseline', 0, 1, baseline.from, baseline.until, plan.firstDeploy ? 'before the endpoint existed' : `${words.old} only, before the update`),
        phase('shift', 1, boundary, timeline.startedAt, boundaryAt, shiftOutcome(plan, end, fired, words))
    ];
    if (end !== undefined) {
        phases.push(phase(end.phase, boundary, segments.length, boundaryAt, windowEnd, end.phase === 'rollback'
            ? `all traffic back on ${words.oldSide}`
            : steps.at(-1).greenPercent === 0
                ? steps.some(step => step.event.startsWith(regression_rollback/* ACTION_ROLLBACK_EVENT */.Nx))
                    ? `${words.newSide} served 100%, then all traffic back on ${words.oldSide} (rolled back by the action)`
                    : `${words.newSide} served 100%, then SageMaker rolled all traffic back to ${words.oldSide}`
                : plan.firstDeploy
                    ? 'the new endpoint serves all traffic'
                    : `no rollback: all traffic stayed on ${words.newSide}`));
    }
    return {
        split,
        note,
        warning: input.warning,
        periodSeconds: queries/* PERIOD_SECONDS */.aN,
        windowStart,
        windowEnd,
        startedAt: timeline.startedAt,
        blueConfigName: request.blueConfigName,
        greenConfigName: request.greenConfigName,
        alarmThresholdPercent: errorRateThreshold(plan),
        steps: stepMetrics,
        phases,
        calls: input.calls,
        lateAlarms: input.lateAlarms ?? []
    };
}
function shiftOutcome(plan, end, fired, words) {
    const alarms = fired.length === 0 ? '' : `alarm ${fired.join(', ')} fired`;
    if (end?.phase === 'rollback') {
        return alarms === '' ? 'SageMaker rolled back' : `${alarms}: SageMaker rolled back`;
    }
    if (end?.phase === 'completion') {
        if (plan.firstDeploy)
            return 'endpoint created';
        // Reaching 100 % is not completing: the alarm may have fired in the final bake or after.
        return alarms === ''
            ? 'every step passed its bake'
            : `${words.newSide} reached 100% (then ${alarms})`;
    }
    return alarms === '' ? 'no verdict in the window' : `${alarms}; no verdict in the window`;
}


/***/ }),

/***/ 6705:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FQ: () => (/* binding */ buildMetricQueries),
/* harmony export */   KH: () => (/* reexport safe */ _query_parts_js__WEBPACK_IMPORTED_MODULE_1__.KH),
/* harmony export */   O7: () => (/* reexport safe */ _query_parts_js__WEBPACK_IMPORTED_MODULE_1__.O7),
/* harmony export */   Tv: () => (/* reexport safe */ _query_parts_js__WEBPACK_IMPORTED_MODULE_1__.Tv),
/* harmony export */   aN: () => (/* reexport safe */ _query_parts_js__WEBPACK_IMPORTED_MODULE_1__.aN),
/* harmony export */   dG: () => (/* reexport safe */ _query_parts_js__WEBPACK_IMPORTED_MODULE_1__.dG),
/* harmony export */   vZ: () => (/* reexport safe */ _query_parts_js__WEBPACK_IMPORTED_MODULE_1__.vZ)
/* harmony export */ });
/* harmony import */ var _component_queries_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7891);
/* harmony import */ var _query_parts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6518);



function buildMetricQueries(plan, timeline) {
    if (plan.component)
        return (0,_component_queries_js__WEBPACK_IMPORTED_MODULE_0__/* .componentMetricQueries */ .A)(plan, timeline);
    const greenConfigName = timeline.newConfigName;
    const previous = timeline.oldConfigName ?? plan.previousConfigName;
    const blueConfigName = previous !== undefined && previous !== greenConfigName ? previous : undefined;
    const variant = [
        { Name: 'EndpointName', Value: plan.endpointName },
        { Name: 'VariantName', Value: plan.variantName }
    ];
    const fleets = [
        [
            'green',
            [...variant, { Name: 'EndpointConfigName', Value: greenConfigName }],
            `green (${greenConfigName})`
        ]
    ];
    if (blueConfigName !== undefined) {
        fleets.push([
            'blue',
            [...variant, { Name: 'EndpointConfigName', Value: blueConfigName }],
            `blue (${blueConfigName})`
        ]);
    }
    fleets.push(['endpoint', variant, `${plan.endpointName}/${plan.variantName}`]);
    const queries = [];
    for (const [fleet, dimensions, label] of fleets) {
        for (const metric of _query_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .INVOCATION_METRICS */ .Tv) {
            queries.push({
                Id: (0,_query_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .queryId */ .KH)(fleet, metric.key),
                Label: `${metric.metricName} ${label}`,
                ReturnData: true,
                MetricStat: {
                    Metric: {
                        Namespace: _query_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .SAGEMAKER_NAMESPACE */ .z_,
                        MetricName: metric.metricName,
                        Dimensions: dimensions
                    },
                    Period: _query_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .PERIOD_SECONDS */ .aN,
                    Stat: metric.stat
                }
            });
        }
    }
    queries.push({
        Id: _query_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .CPU_QUERY_ID */ .O7,
        Label: `CPUUtilization ${plan.endpointName}/${plan.variantName}`,
        ReturnData: true,
        MetricStat: {
            Metric: { Namespace: _query_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .ENDPOINT_NAMESPACE */ .Ez, MetricName: 'CPUUtilization', Dimensions: variant },
            Period: _query_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .PERIOD_SECONDS */ .aN,
            Stat: 'Average'
        }
    });
    const { start, end } = (0,_query_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .metricsWindow */ .uh)(timeline);
    return { startTime: start, endTime: end, queries, blueConfigName, greenConfigName };
}


/***/ }),

/***/ 6518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ez: () => (/* binding */ ENDPOINT_NAMESPACE),
/* harmony export */   KH: () => (/* binding */ queryId),
/* harmony export */   O7: () => (/* binding */ CPU_QUERY_ID),
/* harmony export */   Tv: () => (/* binding */ INVOCATION_METRICS),
/* harmony export */   aN: () => (/* binding */ PERIOD_SECONDS),
/* harmony export */   dG: () => (/* binding */ lastKnownTime),
/* harmony export */   uh: () => (/* binding */ metricsWindow),
/* harmony export */   vZ: () => (/* binding */ microsecondsToMs),
/* harmony export */   z_: () => (/* binding */ SAGEMAKER_NAMESPACE)
/* harmony export */ });
/* unused harmony exports BASELINE_MINUTES, TAIL_MINUTES */
const SAGEMAKER_NAMESPACE = 'AWS/SageMaker';
const ENDPOINT_NAMESPACE = '/aws/sagemaker/Endpoints';
const PERIOD_SECONDS = 60;
const MINUTE_MS = 60_000;
/** Minutes of baseline before the update, and of tail after the verdict. */
const BASELINE_MINUTES = 5;
const TAIL_MINUTES = 2;
const INVOCATION_METRICS = [
    { key: 'invocations', metricName: 'Invocations', stat: 'Sum' },
    { key: 'errors5xx', metricName: 'Invocation5XXErrors', stat: 'Sum' },
    { key: 'errors4xx', metricName: 'Invocation4XXErrors', stat: 'Sum' },
    // Both latencies are in microseconds.
    { key: 'modelLatency', metricName: 'ModelLatency', stat: 'Average' },
    { key: 'overheadLatency', metricName: 'OverheadLatency', stat: 'Average' }
];
const CPU_QUERY_ID = 'endpoint_cpu';
/** `green_errors5xx`: fleet and metric, so a result finds its place by its id alone. */
function queryId(fleet, metric) {
    return `${fleet}_${metric}`;
}
/** CloudWatch latency metrics are in microseconds; the report speaks milliseconds. */
function microsecondsToMs(microseconds) {
    return microseconds / 1000;
}
/** The last service time the timeline knows: the verdict, or close to it. */
function lastKnownTime(timeline) {
    const times = [
        timeline.startedAt,
        ...timeline.steps.map(step => step.at),
        ...timeline.events.map(event => event.at),
        timeline.last?.lastModifiedTime ?? 0
    ];
    return Math.max(...times.filter(Number.isFinite));
}
/** Baseline minutes before the update to a little after the verdict, on whole minutes. */
function metricsWindow(timeline) {
    const start = Math.floor(timeline.startedAt / MINUTE_MS) * MINUTE_MS - BASELINE_MINUTES * MINUTE_MS;
    const end = Math.ceil(lastKnownTime(timeline) / MINUTE_MS) * MINUTE_MS + TAIL_MINUTES * MINUTE_MS;
    return { start, end };
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

//# sourceMappingURL=366.index.js.map