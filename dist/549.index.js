export const id = 549;
export const ids = [549];
export const modules = {

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_TIMEOUT_MS: () => (/* binding */ DEFAULT_TIMEOUT_MS),
/* harmony export */   MAX_CALLS: () => (/* binding */ MAX_CALLS),
/* harmony export */   readRolloutMetrics: () => (/* binding */ readRolloutMetrics),
/* harmony export */   unavailable: () => (/* binding */ unavailable)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _component_queries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7891);
/* harmony import */ var _fold_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4366);
/* harmony import */ var _queries_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6705);
/* harmony import */ var _settle_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6326);
// Reads a rollout's CloudWatch metrics after the verdict: first waits (bounded) for the late
// datapoints of the verdict's minute and names guard alarms that fire after a completion, then
// one GetMetricData call for every query (paged with NextToken, a few calls at most), folded into
// steps and phases. Never throws: a metrics problem is a warning in the result, never a failed
// deployment.





const MAX_CALLS = 3;
const DEFAULT_TIMEOUT_MS = 30_000;
const MINUTE_MS = 60_000;
/** Reads only minutes that are final, unless the verdict's own minute is not final yet. */
function finalWindow(request, settlement) {
    if (settlement.finalUntil === undefined)
        return request;
    const verdictMinuteEnd = Math.ceil((settlement.verdictAt + 1) / MINUTE_MS) * MINUTE_MS;
    const lastFinal = Math.floor(settlement.finalUntil / MINUTE_MS) * MINUTE_MS;
    const endTime = Math.min(request.endTime, Math.max(verdictMinuteEnd, lastFinal));
    return endTime > request.startTime ? { ...request, endTime } : request;
}
function settleWarnings(settlement, timeline, reported) {
    const warnings = (0,_settle_js__WEBPACK_IMPORTED_MODULE_4__.lateAlarmWarnings)({ ...settlement, lateAlarms: settlement.lateAlarms.filter(a => !reported.includes(a.name)) }, timeline);
    if (settlement.cutShort) {
        warnings.push(`CloudWatch publishes SageMaker's per-minute datapoints minutes late; after waiting ${Math.round(settlement.waitedMs / 1000)} s some were still arriving: rows marked incomplete may still grow.`);
    }
    return warnings;
}
function toMs(time) {
    return time instanceof Date ? time.getTime() : new Date(time).getTime();
}
function withTimeout(promise, ms) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
        timer.unref?.();
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
async function readRolloutMetrics(api, plan, timeline, options = {}) {
    if (timeline.steps.length === 0)
        return undefined;
    const maxCalls = options.maxCalls ?? MAX_CALLS;
    const settlement = await (0,_settle_js__WEBPACK_IMPORTED_MODULE_4__.settleAfterVerdict)(api, plan, timeline, options.settle ?? _settle_js__WEBPACK_IMPORTED_MODULE_4__.DEFAULT_SETTLE);
    const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    let request;
    try {
        request = finalWindow((0,_queries_js__WEBPACK_IMPORTED_MODULE_3__/* .buildMetricQueries */ .FQ)(plan, timeline), settlement);
    }
    catch {
        return undefined;
    }
    const series = new Map();
    const warnings = settleWarnings(settlement, timeline, options.reported ?? []);
    let calls = 0;
    let nextToken;
    try {
        do {
            calls += 1;
            const out = await withTimeout(api.getMetricData({
                MetricDataQueries: request.queries.map(q => ({
                    ...q,
                    MetricStat: {
                        ...q.MetricStat,
                        Metric: { ...q.MetricStat.Metric, Dimensions: [...q.MetricStat.Metric.Dimensions] }
                    }
                })),
                StartTime: new Date(request.startTime),
                EndTime: new Date(request.endTime),
                ScanBy: 'TimestampAscending',
                ...(nextToken ? { NextToken: nextToken } : {})
            }), Math.max(1, deadline - Date.now()));
            for (const result of out.MetricDataResults ?? []) {
                if (result.Id === undefined)
                    continue;
                let points = series.get(result.Id);
                if (points === undefined)
                    series.set(result.Id, (points = new Map()));
                const times = result.Timestamps ?? [];
                const values = result.Values ?? [];
                times.forEach((time, i) => {
                    const value = values[i];
                    const at = toMs(time);
                    if (value !== undefined && Number.isFinite(value) && Number.isFinite(at)) {
                        points.set(at, value);
                    }
                });
                for (const message of result.Messages ?? []) {
                    if (message.Value)
                        warnings.push(`${result.Id}: ${message.Value}`);
                }
            }
            for (const message of out.Messages ?? []) {
                if (message.Value)
                    warnings.push(message.Value);
            }
            nextToken = out.NextToken || undefined;
        } while (nextToken !== undefined && calls < maxCalls);
        if (nextToken !== undefined) {
            warnings.push(`More datapoints than ${maxCalls} GetMetricData pages: the figures are partial.`);
        }
    }
    catch (e) {
        const warning = `Could not read the CloudWatch metrics: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`;
        // Figures from earlier pages are still worth showing; none at all are not zeros.
        if (series.size === 0) {
            return unavailable(request, timeline, calls, [...warnings, warning].join(' '), settlement);
        }
        warnings.push(warning);
    }
    const lateAlarms = settlement.lateAlarms.map(alarm => alarm.name);
    try {
        const folded = (0,_fold_js__WEBPACK_IMPORTED_MODULE_2__/* .foldMetrics */ .Pc)({
            plan,
            timeline,
            request,
            series,
            calls,
            warning: warnings.length === 0 ? undefined : warnings.join(' '),
            finalUntil: settlement.finalUntil,
            lateAlarms
        });
        // The fold says the per-fleet split is missing; for a component it never exists.
        return plan.component && folded.note?.startsWith('CloudWatch had no per-fleet') === true
            ? { ...folded, note: _component_queries_js__WEBPACK_IMPORTED_MODULE_1__/* .COMPONENT_SPLIT_NOTE */ .e }
            : folded;
    }
    catch (e) {
        return unavailable(request, timeline, calls, [...warnings, `Could not fold the metrics: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`].join(' '), settlement);
    }
}
/** A result with no figures, only the reason. */
function unavailable(request, timeline, calls, warning, settlement) {
    return {
        split: 'endpoint-only',
        note: undefined,
        warning,
        periodSeconds: 60,
        windowStart: request.startTime,
        windowEnd: request.endTime,
        startedAt: timeline.startedAt,
        blueConfigName: request.blueConfigName,
        greenConfigName: request.greenConfigName,
        alarmThresholdPercent: undefined,
        steps: [],
        phases: [],
        calls,
        lateAlarms: settlement?.lateAlarms.map(alarm => alarm.name) ?? []
    };
}


/***/ }),

/***/ 6326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ALARM_REREAD_MS: () => (/* binding */ ALARM_REREAD_MS),
/* harmony export */   DEFAULT_SETTLE: () => (/* binding */ DEFAULT_SETTLE),
/* harmony export */   MAX_SETTLE_WAIT_MS: () => (/* binding */ MAX_SETTLE_WAIT_MS),
/* harmony export */   PUBLISH_DELAY_MS: () => (/* binding */ PUBLISH_DELAY_MS),
/* harmony export */   completed: () => (/* binding */ completed),
/* harmony export */   lateAlarmWarnings: () => (/* binding */ lateAlarmWarnings),
/* harmony export */   settleAfterVerdict: () => (/* binding */ settleAfterVerdict),
/* harmony export */   shiftEndedAt: () => (/* binding */ shiftEndedAt)
/* harmony export */ });
/* harmony import */ var _watch_service_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2915);
/* harmony import */ var _queries_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6705);


const MINUTE_MS = 60_000;
/** How late a minute's datapoint can still grow: "complete only 1-3 minutes later". */
const PUBLISH_DELAY_MS = 180_000;
/** The longest the report waits for late datapoints (local time). */
const MAX_SETTLE_WAIT_MS = 240_000;
/** Guard alarms are re-read this often while waiting (local time). */
const ALARM_REREAD_MS = 15_000;
const DEFAULT_SETTLE = {
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    maxWaitMs: MAX_SETTLE_WAIT_MS,
    rereadMs: ALARM_REREAD_MS
};
/** The update ended with the new config serving: SageMaker no longer rolls back. */
function completed(timeline) {
    const last = timeline.last;
    return (last?.status === 'InService' &&
        last.configName === timeline.newConfigName &&
        last.pendingConfigName === undefined);
}
/** When the shift ended: the completion, or the last row's return of all traffic to blue. */
function shiftEndedAt(timeline) {
    const last = timeline.steps.at(-1);
    if (!completed(timeline) &&
        last !== undefined &&
        last.greenPercent === 0 &&
        timeline.steps.length > 1) {
        return last.at;
    }
    return (0,_queries_js__WEBPACK_IMPORTED_MODULE_0__/* .lastKnownTime */ .dG)(timeline);
}
/**
 * A traffic shift ended (completed or rolled back), so its last minutes are worth waiting for;
 * a new endpoint has no shift to compare.
 */
function shiftEnded(plan, timeline) {
    return !plan.firstDeploy && timeline.last?.status === 'InService';
}
async function settleAfterVerdict(api, plan, timeline, options = DEFAULT_SETTLE) {
    const verdictAt = shiftEndedAt(timeline);
    const clock = timeline.serviceClock;
    const started = options.now();
    const watchAlarms = completed(timeline) && api.describeAlarms !== undefined && !plan.firstDeploy;
    const late = new Map();
    // Never longer than the watch itself took: its polls are what the rate is measured on.
    const maxWaitMs = clock === undefined
        ? options.maxWaitMs
        : Math.min(options.maxWaitMs, clock.lastLocal - clock.firstLocal);
    const readAlarms = async () => {
        if (!watchAlarms || plan.guardAlarmNames.length === 0)
            return;
        try {
            // Within the wait's bound: a throttled read must not stretch it (its retries take time).
            const left = maxWaitMs - (options.now() - started);
            const deadlineMs = Math.max(1000, Math.min(options.rereadMs, left));
            for (const alarm of await api.describeAlarms(plan.guardAlarmNames, { deadlineMs })) {
                if (alarm.StateValue !== 'ALARM' || alarm.AlarmName === undefined)
                    continue;
                const at = (alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp)?.getTime();
                if (!late.has(alarm.AlarmName)) {
                    late.set(alarm.AlarmName, { name: alarm.AlarmName, at, reason: alarm.StateReason });
                }
            }
        }
        catch {
            // A lost read only means fewer late alarms named; the next read may see them.
        }
    };
    let cutShort = false;
    if (clock !== undefined && shiftEnded(plan, timeline)) {
        // Until the verdict's minute is final. (An alarm's own evaluation after a completion is the
        // watch after completion's: guard/after-completion.ts.)
        const target = Math.ceil((verdictAt + 1) / MINUTE_MS) * MINUTE_MS + PUBLISH_DELAY_MS;
        for (;;) {
            const now = options.now();
            const waited = now - started;
            const remaining = (target - ((0,_watch_service_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceNow */ .UH)(clock, now) ?? target)) / (0,_watch_service_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceRate */ .Ms)(clock);
            if (remaining <= 0)
                break;
            if (waited >= maxWaitMs || options.aborted?.() === true) {
                cutShort = true;
                break;
            }
            await options.sleep(Math.min(remaining, options.rereadMs, maxWaitMs - waited));
            await readAlarms();
        }
    }
    await readAlarms();
    const now = (0,_watch_service_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceNow */ .UH)(clock, options.now());
    return {
        finalUntil: now === undefined ? undefined : now - PUBLISH_DELAY_MS,
        verdictAt,
        lateAlarms: [...late.values()],
        waitedMs: options.now() - started,
        cutShort
    };
}
function offset(ms) {
    const seconds = Math.max(0, Math.round(ms / 1000));
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    if (minutes === 0)
        return `T+${rest} s`;
    return rest === 0 ? `T+${minutes} min` : `T+${minutes} min ${rest} s`;
}
/** One sentence per guard alarm in ALARM once SageMaker had completed the deployment. */
function lateAlarmWarnings(settlement, timeline) {
    const done = offset(settlement.verdictAt - timeline.startedAt);
    return settlement.lateAlarms.map(alarm => {
        const since = alarm.at === undefined ? '' : ` (since ${offset(alarm.at - timeline.startedAt)})`;
        return `Alarm ${alarm.name} is in ALARM${since} after SageMaker completed the deployment at ${done}: the new model serves all traffic and SageMaker no longer rolls back on it. Check the endpoint; to undo, deploy the previous model again.`;
    });
}


/***/ })

};

//# sourceMappingURL=549.index.js.map