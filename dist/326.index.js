export const id = 326;
export const ids = [326];
export const modules = {

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

//# sourceMappingURL=326.index.js.map