export const id = 362;
export const ids = [362];
export const modules = {

/***/ 1362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readRolloutMetrics: () => (/* binding */ readRolloutMetrics)
});

// UNUSED EXPORTS: DEFAULT_TIMEOUT_MS, MAX_CALLS, unavailable

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/alarms.ts
var alarms = __webpack_require__(9333);
;// CONCATENATED MODULE: ./src/metrics/queries.ts
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
function buildMetricQueries(plan, timeline) {
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
        for (const metric of INVOCATION_METRICS) {
            queries.push({
                Id: queryId(fleet, metric.key),
                Label: `${metric.metricName} ${label}`,
                ReturnData: true,
                MetricStat: {
                    Metric: {
                        Namespace: SAGEMAKER_NAMESPACE,
                        MetricName: metric.metricName,
                        Dimensions: dimensions
                    },
                    Period: PERIOD_SECONDS,
                    Stat: metric.stat
                }
            });
        }
    }
    queries.push({
        Id: CPU_QUERY_ID,
        Label: `CPUUtilization ${plan.endpointName}/${plan.variantName}`,
        ReturnData: true,
        MetricStat: {
            Metric: { Namespace: ENDPOINT_NAMESPACE, MetricName: 'CPUUtilization', Dimensions: variant },
            Period: PERIOD_SECONDS,
            Stat: 'Average'
        }
    });
    const { start, end } = metricsWindow(timeline);
    return { startTime: start, endTime: end, queries, blueConfigName, greenConfigName };
}

;// CONCATENATED MODULE: ./src/metrics/tally.ts
// Per-minute arithmetic behind the fold: one fleet's datapoints per minute, shared among the
// time segments (traffic steps) a minute overlaps, summed into figures. Pure.

const PERIOD_MS = PERIOD_SECONDS * 1000;
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
    const get = (metric) => series.get(queryId(fleet, metric)) ?? new Map();
    const times = new Set();
    for (const metric of INVOCATION_METRICS)
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
    const latency = (total, weight) => weight > 0 ? round(microsecondsToMs(total / weight), 2) : null;
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
/** The threshold (percent) of the 5XX-rate alarm this run created, if it did. */
function errorRateThreshold(plan) {
    const name = (0,alarms/* errorRateAlarmName */.bC)(plan.endpointName);
    return plan.alarmsToCreate.find(alarm => alarm.name === name)?.threshold;
}
function foldMetrics(input) {
    const { plan, timeline, request, series } = input;
    const windowStart = request.startTime;
    const windowEnd = request.endTime;
    const steps = timeline.steps;
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
    addCpu(endpointTallies, series.get(CPU_QUERY_ID) ?? new Map(), segments);
    const fleetFigures = (tallies, present) => perFleet && present ? figures(sum(tallies)) : undefined;
    // With the split, the endpoint is blue + green, so every row adds up.
    const endpointOf = (first, last) => figures(perFleet
        ? sum([...blueTallies.slice(first, last), ...greenTallies.slice(first, last)])
        : sum(endpointTallies.slice(first, last)));
    const stepMetrics = steps.map((step, i) => {
        const k = i + 1;
        const e = endpointTallies[k];
        return {
            at: step.at,
            until: stepSegments[i].until,
            bluePercent: step.bluePercent,
            greenPercent: step.greenPercent,
            event: step.event,
            blue: fleetFigures([blueTallies[k]], hasBlueFleet),
            green: fleetFigures([greenTallies[k]], true),
            endpoint: endpointOf(k, k + 1),
            cpuUtilizationPercent: e.cpuWeight > 0 ? round(e.cpuSum / e.cpuWeight, 2) : null
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
        phase('baseline', 0, 1, baseline.from, baseline.until, plan.firstDeploy ? 'before the endpoint existed' : 'blue only, before the update'),
        phase('shift', 1, boundary, timeline.startedAt, boundaryAt, shiftOutcome(plan, end, fired))
    ];
    if (end !== undefined) {
        phases.push(phase(end.phase, boundary, segments.length, boundaryAt, windowEnd, end.phase === 'rollback' ? 'all traffic back on blue' : 'green serves 100%'));
    }
    return {
        split,
        note,
        warning: input.warning,
        periodSeconds: PERIOD_SECONDS,
        windowStart,
        windowEnd,
        startedAt: timeline.startedAt,
        blueConfigName: request.blueConfigName,
        greenConfigName: request.greenConfigName,
        alarmThresholdPercent: errorRateThreshold(plan),
        steps: stepMetrics,
        phases,
        calls: input.calls
    };
}
function shiftOutcome(plan, end, fired) {
    const alarms = fired.length === 0 ? '' : `alarm ${fired.join(', ')} fired`;
    if (end?.phase === 'rollback') {
        return alarms === '' ? 'SageMaker rolled back' : `${alarms}: SageMaker rolled back`;
    }
    if (end?.phase === 'completion') {
        if (plan.firstDeploy)
            return 'endpoint created';
        return alarms === '' ? 'every step passed its bake' : `completed (${alarms})`;
    }
    return alarms === '' ? 'no verdict in the window' : `${alarms}; no verdict in the window`;
}

;// CONCATENATED MODULE: ./src/metrics/read.ts



const MAX_CALLS = 3;
const DEFAULT_TIMEOUT_MS = 30_000;
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
    const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    let request;
    try {
        request = buildMetricQueries(plan, timeline);
    }
    catch {
        return undefined;
    }
    const series = new Map();
    const warnings = [];
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
        const warning = `Could not read the CloudWatch metrics: ${(0,errors/* errorMessage */.gJ)(e)}`;
        // Figures from earlier pages are still worth showing; none at all are not zeros.
        if (series.size === 0)
            return unavailable(request, timeline, calls, warning);
        warnings.push(warning);
    }
    try {
        return foldMetrics({
            plan,
            timeline,
            request,
            series,
            calls,
            warning: warnings.length === 0 ? undefined : warnings.join(' ')
        });
    }
    catch (e) {
        return unavailable(request, timeline, calls, `Could not fold the metrics: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
}
/** A result with no figures, only the reason. */
function unavailable(request, timeline, calls, warning) {
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
        calls
    };
}


/***/ })

};

//# sourceMappingURL=362.index.js.map