export const id = 580;
export const ids = [580];
export const modules = {

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

/***/ 1580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  HEADLINES: () => (/* reexport */ headlines/* HEADLINES */.Ol),
  OUTPUT_NAMES: () => (/* reexport */ OUTPUT_NAMES),
  buildOutputs: () => (/* reexport */ buildOutputs),
  code: () => (/* reexport */ markdown/* code */.aY),
  doubleFleetInstanceHours: () => (/* reexport */ doubleFleetInstanceHours),
  escapeMarkdown: () => (/* reexport */ markdown/* escapeMarkdown */.FV),
  formatDuration: () => (/* reexport */ report_time/* formatDuration */.a3),
  formatEvent: () => (/* reexport */ log/* formatEvent */.q),
  formatOffset: () => (/* reexport */ report_time/* formatOffset */.xS),
  formatPercent: () => (/* reexport */ report_time/* formatPercent */.l9),
  formatStep: () => (/* reexport */ log/* formatStep */.y),
  planJson: () => (/* reexport */ planJson),
  renderError: () => (/* reexport */ renderError),
  renderMetrics: () => (/* reexport */ renderMetrics),
  renderPlan: () => (/* reexport */ renderPlan),
  renderPrComment: () => (/* reexport */ renderPrComment),
  renderSummary: () => (/* reexport */ renderSummary),
  scalingSavedSection: () => (/* reexport */ scalingSavedSection),
  table: () => (/* reexport */ markdown/* table */.tp),
  trafficStepsOutput: () => (/* reexport */ trafficStepsOutput)
});

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
;// CONCATENATED MODULE: ./src/report/live-endpoint.ts

function liveEndpointSection(plan) {
    const lines = [
        ...plan.notes.map(note => `- ${(0,markdown/* escapeMarkdown */.FV)(note, { maxLength: 1000 })}`),
        ...plan.warnings.map(warning => `- ⚠️ ${(0,markdown/* escapeMarkdown */.FV)(warning, { maxLength: 1000 })}`)
    ];
    if (plan.carriedOver.length) {
        lines.push(`- Kept from the live endpoint: ${plan.carriedOver.map(item => (0,markdown/* escapeMarkdown */.FV)(item, { maxLength: 300 })).join('; ')}.`);
    }
    return lines.length ? `### The live endpoint\n\n${lines.join('\n')}` : '';
}
function autoScalingSection(report, region) {
    if (!report)
        return '';
    const { saved } = report;
    const state = report.restored
        ? `Deregistered for the update and registered again as it was: ${(0,markdown/* escapeMarkdown */.FV)(saved.resourceId)}.`
        : `❌ Deregistered for the update, and **not restored**: ${(0,markdown/* escapeMarkdown */.FV)(report.errors.join('; '), { maxLength: 1000 })}. Register it again with these commands (the same definitions are below and in the \`auto-scaling\` output):\n\n${(0,markdown/* codeBlock */.DV)(restoreCommands(saved, region).join('\n'), 'sh')}`;
    return `### Auto scaling\n\n${state}\n\n${(0,markdown/* details */.zH)('Saved definitions (RegisterScalableTarget, PutScalingPolicy, PutScheduledAction inputs)', (0,markdown/* codeBlock */.DV)(JSON.stringify(saved, null, 2), 'json'))}`;
}
/**
 * Written before the deregistration, so that a job whose runner dies before the restore still
 * says how to restore it (the final summary replaces it).
 */
function scalingSavedSection(saved, region) {
    return `### Auto scaling\n\n⏳ Deregistering ${(0,markdown/* escapeMarkdown */.FV)(saved.resourceId)} for the update; this run registers it again after the verdict. If the job ends without a summary that says it did, register it again with:\n\n${(0,markdown/* codeBlock */.DV)(restoreCommands(saved, region).join('\n'), 'sh')}\n`;
}
/** The AWS CLI commands that register `saved` again, one per call. */
function restoreCommands(saved, region) {
    const json = (value) => `'${JSON.stringify(value).replace(/'/g, "'\\''")}'`;
    const cli = (command, input) => `aws application-autoscaling ${command} --region ${region} --cli-input-json ${json(input)}`;
    return [
        cli('register-scalable-target', saved.target),
        ...saved.policies.map(p => cli('put-scaling-policy', p)),
        ...saved.scheduledActions.map(a => cli('put-scheduled-action', a))
    ];
}

// EXTERNAL MODULE: ./src/report/links.ts
var links = __webpack_require__(3303);
;// CONCATENATED MODULE: ./src/report/fleet-labels.ts
/** The blue fleet as the caller read it, else as the plan recorded it. */
const blueOf = (plan, blue) => blue ?? plan.blueFleet;
const MAX_LABEL = 48;
/** `s3://bucket/fraud/3f9c2a7…/model.tar.gz` → `fraud/3f9c2a7/model.tar.gz`, at most ~48 characters. */
function artifactLabel(artifact) {
    const pkg = /:model-package\/([^/]+)\/(\d+)$/.exec(artifact);
    if (pkg)
        return `package ${pkg[1]} v${pkg[2]}`;
    const url = /^(?:s3|https?):\/\/[^/]+\/(.+)$/.exec(artifact);
    if (!url)
        return artifact;
    // A full commit SHA in the path says no more than its first seven characters.
    const key = url[1].replace(/\b([0-9a-f]{7})[0-9a-f]{33}\b/g, '$1');
    if (key.length <= MAX_LABEL)
        return key;
    const parts = key.split('/');
    return `…/${parts.slice(-2).join('/')}`;
}
/** Labels for the blue (live) and green (this run's) fleets, told apart when they look alike. */
function fleetLabels(plan, given) {
    const blue = blueOf(plan, given);
    const blueModel = plan.blueModelName ?? blue?.modelName;
    const blueLabel = blue?.modelDataUrl !== undefined
        ? artifactLabel(blue.modelDataUrl)
        : (blueModel ?? 'the live model');
    const greenLabel = plan.artifact !== undefined ? artifactLabel(plan.artifact) : plan.greenModelName;
    if (blueLabel !== greenLabel)
        return withoutCommonTail(blueLabel, greenLabel);
    // Same artifact (a new image or environment, say): the model names tell them apart.
    return { blue: blueModel ?? blueLabel, green: plan.greenModelName };
}
/** `a/model.tar.gz` and `b/model.tar.gz` → `a` and `b`: a narrow header says what differs. */
function withoutCommonTail(blue, green) {
    const b = blue.split('/');
    const g = green.split('/');
    while (b.length > 1 && g.length > 1 && b.at(-1) === g.at(-1)) {
        b.pop();
        g.pop();
    }
    return { blue: b.join('/'), green: g.join('/') };
}

// EXTERNAL MODULE: ./src/report/headlines.ts
var headlines = __webpack_require__(6871);
// EXTERNAL MODULE: ./src/fleet-words.ts
var fleet_words = __webpack_require__(2103);
// EXTERNAL MODULE: ./src/report/time.ts
var report_time = __webpack_require__(5813);
;// CONCATENATED MODULE: ./src/report/metrics-view.ts
// The metrics section of the job summary (and so of the PR comment): a Mermaid chart of the 5XX
// rate per step (on its own scale, so the alarm threshold shows), a per-step table of what blue
// and green served, and a phase table. The tables are the text
// fallback for wherever Mermaid does not render. Pure.



const RED = '#cf222e';
const BLUE = '#0969da';
const AMBER = '#9a6700';
/** `Green at 100%`, `New instances at 100%`: the phase after the last step, whatever came next. */
function phaseLabel(phase, words) {
    switch (phase) {
        case 'baseline':
            return 'Baseline';
        case 'shift':
            return words === fleet_words/* BLUE_GREEN */.LT ? 'Traffic shift' : 'Batches';
        case 'rollback':
            return 'Rollback';
        case 'completion': {
            const side = words.newSide.replace(/^the /, '');
            return `${side.charAt(0).toUpperCase()}${side.slice(1)} at 100%`;
        }
    }
}
function formatCount(value) {
    // Grouped by hand: toLocaleString loads the ICU data, tens of milliseconds of a short run.
    return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
function formatMs(value) {
    if (value === null)
        return '—';
    return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} ms`;
}
/** `12 (2.5%)`; `—` when the fleet served nothing. */
function formatErrors(figures) {
    if (figures === undefined || figures.requests === 0)
        return '—';
    return `${formatCount(figures.errors5xx)} (${(0,report_time/* formatPercent */.l9)(figures.errorRate5xxPercent ?? 0)})`;
}
const requests = (figures) => figures === undefined ? '—' : formatCount(figures.requests);
const latency = (figures) => figures === undefined || figures.requests === 0 ? '—' : formatMs(figures.modelLatencyMs);
function stepTimes(metrics, options) {
    const given = options.stepTimes;
    const times = given !== undefined && given.length === metrics.steps.length
        ? [...given]
        : metrics.steps.map(step => (0,report_time/* formatOffset */.xS)(step.at - metrics.startedAt));
    // Late datapoints: CloudWatch had not published every minute of this row yet.
    return times.map((time, i) => (metrics.steps[i]?.incomplete ? `${time} (incomplete)` : time));
}
/** Figures this module formats itself: trusted text, so `39.9` does not become `39\.9`. */
const figure = (text) => (0,markdown/* raw */.lS)(text);
function stepMetricsTable(metrics, options = {}) {
    const times = stepTimes(metrics, options);
    if (metrics.split === 'endpoint-only') {
        const rows = metrics.steps.map((step, i) => [
            times[i],
            (0,report_time/* formatPercent */.l9)(step.greenPercent),
            requests(step.endpoint),
            formatErrors(step.endpoint),
            latency(step.endpoint)
        ].map(figure));
        return (0,markdown/* table */.tp)(['Time', `${(options.words ?? fleet_words/* BLUE_GREEN */.LT).New} traffic`, 'Requests', '5XX', 'Latency'], rows);
    }
    if (metrics.blueConfigName === undefined) {
        // A new endpoint has no blue fleet: the green columns alone.
        const rows = metrics.steps.map((step, i) => [times[i], requests(step.green), formatErrors(step.green), latency(step.green)].map(figure));
        return (0,markdown/* table */.tp)(['Time', 'Requests', '5XX', 'Latency'], rows);
    }
    const rows = metrics.steps.map((step, i) => [
        times[i],
        requests(step.blue),
        formatErrors(step.blue),
        latency(step.blue),
        requests(step.green),
        formatErrors(step.green),
        latency(step.green)
    ].map(figure));
    const { Old, New } = options.words ?? fleet_words/* BLUE_GREEN */.LT;
    const headers = [
        'Time',
        `${Old} requests`,
        `${Old} 5XX`,
        `${Old} latency`,
        `${New} requests`,
        `${New} 5XX`,
        `${New} latency`
    ];
    return (0,markdown/* table */.tp)(headers, rows);
}
/** Blue and green are told apart only when there is a blue fleet to tell green from. */
const twoFleets = (metrics) => metrics.split === 'per-fleet' && metrics.blueConfigName !== undefined;
function phaseInvocations(metrics, phase, words) {
    const total = formatCount(phase.endpoint.requests);
    if (!twoFleets(metrics) || phase.green === undefined)
        return total;
    const blue = phase.blue === undefined ? '' : `${words.old} ${formatCount(phase.blue.requests)} · `;
    return `${total} (${blue}${words.new} ${formatCount(phase.green.requests)})`;
}
function phaseErrors(metrics, phase, words) {
    const total = phase.endpoint.requests === 0 ? '—' : formatErrors(phase.endpoint);
    const green = phase.green;
    if (!twoFleets(metrics) || green === undefined || green.requests === 0)
        return total;
    return `${total}; ${words.new} ${formatErrors(green)}`;
}
function phaseTable(metrics, options = {}) {
    // A new endpoint had no traffic before it existed and no shift: only its time in service.
    const phases = options.firstDeploy
        ? metrics.phases.filter(phase => phase.phase === 'completion')
        : metrics.phases;
    const words = options.words ?? fleet_words/* BLUE_GREEN */.LT;
    const rows = phases.map(phase => [
        options.firstDeploy ? 'In service' : phaseLabel(phase.phase, words),
        figure(phaseInvocations(metrics, phase, words)),
        figure(phaseErrors(metrics, phase, words)),
        figure(latency(phase.endpoint)),
        phase.outcome
    ]);
    return (0,markdown/* table */.tp)(['Phase', 'Invocations', '5XX errors', 'Latency', 'Outcome'], rows);
}
/** A chart value: percent with at most two decimals. */
const value = (n) => String(Math.round((n ?? 0) * 100) / 100);
/** `T+5:30`: short enough for six steps side by side under a chart. */
function clockOffset(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    return `T+${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
/**
 * Distinct x-axis labels: the step's time and green's share of the traffic in it (a bar chart
 * of the share would draw a 0 % step as a sliver). `≈` marks a step no poll saw.
 */
function axisLabels(metrics, options) {
    const seen = new Map();
    const given = options.stepTimes;
    // Many rows (a rolling update's batches): the time alone would still be read as a clock, so
    // the `T+` goes and the labels stay apart.
    const short = metrics.steps.length > SHORT_LABELS_FROM;
    return metrics.steps.map((step, i) => {
        const estimated = given?.[i]?.startsWith('between') === true;
        const clock = clockOffset(step.at - metrics.startedAt);
        const time = `${estimated ? '≈' : ''}${short ? clock.slice(2) : clock}`;
        // Green served requests after a row that shows it at 0 %: the share that followed was not seen.
        const unseen = step.greenPercent === 0 && (step.green?.requests ?? 0) > 0;
        const label = `${time} · ${(0,report_time/* formatPercent */.l9)(step.greenPercent)}${unseen ? '→?' : ''}`;
        const n = (seen.get(label) ?? 0) + 1;
        seen.set(label, n);
        return n === 1 ? label : `${label} (${n})`;
    });
}
/** From this many points on, the x-axis labels drop their `T+`. */
const SHORT_LABELS_FROM = 6;
/** Room per x-axis label, in pixels: a label of ~14 characters, with space either side. */
const PIXELS_PER_LABEL = 110;
/** The 5XX chart's lines in drawing order, with their data. */
function errorChartLines(metrics, words = fleet_words/* BLUE_GREEN */.LT) {
    const steps = metrics.steps;
    const side = (fleet) => (words === fleet_words/* BLUE_GREEN */.LT ? `${fleet} fleet` : fleet);
    const lines = metrics.split === 'per-fleet'
        ? [
            {
                name: `${side(words.newSide)} 5XX rate`,
                colour: RED,
                values: steps.map(s => value(s.green?.errorRate5xxPercent))
            },
            {
                name: `${side(words.oldSide)} 5XX rate`,
                colour: BLUE,
                values: steps.map(s => value(s.blue?.errorRate5xxPercent))
            }
        ]
        : [
            {
                name: 'endpoint 5XX rate',
                colour: RED,
                values: steps.map(s => value(s.endpoint.errorRate5xxPercent))
            }
        ];
    if (metrics.alarmThresholdPercent !== undefined) {
        lines.push({
            name: `alarm threshold (${(0,report_time/* formatPercent */.l9)(metrics.alarmThresholdPercent)})`,
            colour: AMBER,
            values: steps.map(() => value(metrics.alarmThresholdPercent))
        });
    }
    return lines;
}
/** The top of the 5XX axis: room above the highest rate and twice the threshold, rounded up. */
function errorAxisMax(metrics) {
    const rates = metrics.steps.flatMap(s => [s.green?.errorRate5xxPercent, s.blue?.errorRate5xxPercent, s.endpoint.errorRate5xxPercent].map(r => r ?? 0));
    const top = Math.max(1, 2 * (metrics.alarmThresholdPercent ?? 0), 1.2 * Math.max(0, ...rates));
    const step = top <= 5 ? 1 : top <= 25 ? 5 : 10;
    return Math.min(100, Math.ceil(top / step) * step);
}
function chart(title, labels, yAxis, series) {
    // Mermaid's default chart is 700 × 500: too tall for a few steps beside their table.
    const init = {
        xyChart: { width: Math.min(960, Math.max(760, labels.length * PIXELS_PER_LABEL)), height: 280 },
        themeVariables: { xyChart: { plotColorPalette: series.map(s => s.colour).join(', ') } }
    };
    return (0,markdown/* codeBlock */.DV)([
        `%%{init: ${JSON.stringify(init)}}%%`,
        'xychart-beta',
        `  title "${title}"`,
        `  x-axis [${labels.map(label => `"${label}"`).join(', ')}]`,
        `  y-axis ${yAxis}`,
        ...series.map(s => `  ${s.kind} [${s.values.join(', ')}]`)
    ].join('\n'), 'mermaid');
}
/** The 5XX rate per step on its own scale, so the alarm threshold shows; green's share under each step. */
function metricsChart(metrics, options = {}) {
    const labels = axisLabels(metrics, options);
    const words = options.words ?? fleet_words/* BLUE_GREEN */.LT;
    const lines = errorChartLines(metrics, words);
    const body = chart(words === fleet_words/* BLUE_GREEN */.LT ? '5XX rate per traffic step (%)' : '5XX rate per row of the batches (%)', labels, `"5XX rate (%)" 0 --> ${errorAxisMax(metrics)}`, lines.map(line => ({ kind: 'line', colour: line.colour, values: line.values })));
    const colourName = { [RED]: 'red', [BLUE]: 'blue', [AMBER]: 'amber' };
    const legend = lines.map(line => `${colourName[line.colour] ?? ''}: ${line.name}`).join(' · ');
    const estimated = (labels.some(label => label.startsWith('≈'))
        ? ' ≈ marks a step no poll saw, at its estimated time.'
        : '') +
        (labels.some(label => label.includes('→?'))
            ? ' →? marks a row after which the share changed unseen, between two polls.'
            : '');
    return `${body}\n\n${(0,markdown/* escapeMarkdown */.FV)(`Lines: ${legend}. Under each ${words === fleet_words/* BLUE_GREEN */.LT ? 'step' : 'row'}: its time (minutes and seconds from the update request${labels.some(l => l.startsWith('T+')) ? '' : ', without the T+'}) and ${words === fleet_words/* BLUE_GREEN */.LT ? "green's" : `${words.newSide}'`} share of the traffic.${estimated}`)}`;
}
function windowNote(metrics, options) {
    const words = options.words ?? fleet_words/* BLUE_GREEN */.LT;
    const from = (0,report_time/* formatOffset */.xS)(metrics.windowStart - metrics.startedAt);
    const to = (0,report_time/* formatOffset */.xS)(metrics.windowEnd - metrics.startedAt);
    const calls = metrics.calls === 1 ? '1 GetMetricData call' : `${metrics.calls} GetMetricData calls`;
    const split = metrics.split === 'per-fleet'
        ? `${words.old} and ${words.new} told apart by the EndpointConfigName dimension`
        : 'whole variant only';
    const source = `CloudWatch AWS/SageMaker, ${metrics.periodSeconds}-second datapoints from ${from} to ${to}`;
    // A new endpoint has one fleet and no steps to share a minute between.
    if (options.firstDeploy)
        return (0,markdown/* escapeMarkdown */.FV)(`${source} (${calls}).`);
    return (0,markdown/* escapeMarkdown */.FV)(`${source} (${calls}; ${split}). ` +
        `A minute that spans two ${words === fleet_words/* BLUE_GREEN */.LT ? 'steps' : 'rows'} is shared between them by time and traffic share.`);
}
function renderMetrics(metrics, options = {}) {
    if (metrics === undefined)
        return '';
    const heading = options.firstDeploy ? '### Metrics' : '### Metrics per step';
    const warning = metrics.warning === undefined ? '' : `⚠️ ${(0,markdown/* escapeMarkdown */.FV)(metrics.warning)}`;
    if (metrics.steps.length === 0) {
        return `${heading}\n\n${warning || 'No metrics could be read for this rollout.'}`;
    }
    const parts = [heading];
    if (options.firstDeploy) {
        // No shift and no blue fleet: what the new endpoint served once it was in service.
        const served = metrics.phases.some(p => p.phase === 'completion' && p.endpoint.requests > 0);
        // A table of zeros says less than a sentence: no minute of traffic had arrived yet.
        parts.push(`#### Since the endpoint went into service\n\n${served ? phaseTable(metrics, options) : 'No request had reached the new endpoint by the end of the window read.'}`);
    }
    else {
        parts.push(metricsChart(metrics, options), `#### Requests, 5XX errors and model latency per ${options.words === undefined || options.words === fleet_words/* BLUE_GREEN */.LT ? 'traffic step' : 'row of the batches'}\n\n${stepMetricsTable(metrics, options)}`, `#### Per phase of the rollout\n\n${phaseTable(metrics, options)}`);
    }
    if (metrics.note !== undefined)
        parts.push(`**Note:** ${(0,markdown/* escapeMarkdown */.FV)(metrics.note)}`);
    if (warning !== '')
        parts.push(warning);
    parts.push(windowNote(metrics, options));
    return parts.join('\n\n');
}

;// CONCATENATED MODULE: ./src/report/alarm-rows.ts


function alarmRows(plan) {
    return plan.guardAlarmNames.map(name => {
        const spec = plan.alarmsToCreate.find(alarm => alarm.name === name);
        return [
            (0,markdown/* link */.nf)(name, (0,links/* alarmUrl */.dz)(plan.region, name)),
            spec === undefined ? 'existing alarm' : 'created or updated by this run',
            spec?.watches ?? '—'
        ];
    });
}

// EXTERNAL MODULE: ./src/guard/detection.ts
var detection = __webpack_require__(8926);
;// CONCATENATED MODULE: ./src/report/guard-view.ts



function guardParagraph(plan) {
    const g = plan.guard;
    if (g === undefined)
        return plan.unwatched ? unwatchedParagraph(plan.unwatched) : '';
    const d = (seconds) => (0,report_time/* formatDuration */.a3)(seconds * 1000);
    const alarm = (0,markdown/* escapeMarkdown */.FV)(g.alarm.name);
    const parts = [
        `**Guard:** the alarms can take up to ${d(g.detectionSeconds)} to see a failing model (${alarm}: ${(0,detection/* detectionText */.pR)(g.alarm)}).`
    ];
    const bake = g.retained ? "the endpoint's own termination-wait, retained" : 'termination-wait';
    if (g.finalBakeSeconds >= g.detectionSeconds) {
        parts.push(g.derived
            ? `The final bake with all traffic on green lasts as long (termination-wait, derived from it): ${d(g.finalBakeSeconds)} more with the blue fleet running, so SageMaker can roll back a model that fails at full traffic.`
            : `The final bake with all traffic on green (${bake}, ${d(g.finalBakeSeconds)}) covers it.`);
    }
    else {
        const unseen = g.unseenSteps.map(report_time/* formatPercent */.l9).join(', ');
        parts.push(`The final bake with all traffic on green (${bake}, ${d(g.finalBakeSeconds)}) is shorter: a model that fails from the step${g.unseenSteps.length === 1 ? '' : 's'} at ${unseen} on can pass SageMaker unseen.`);
    }
    parts.push(`After SageMaker completes, the action watches the alarms until ${d(g.detectionSeconds)} after green took all the traffic: an alarm in ALARM then fails the job as regressed.`);
    return parts.join(' ');
}
/** A rolling update: the stretches between bakes in which new instances serve unwatched. */
function unwatchedParagraph(windows) {
    const open = windows.filter(w => w.seconds > 0);
    if (open.length === 0)
        return '';
    const d = (seconds) => (0,report_time/* formatDuration */.a3)(seconds * 1000);
    const each = open
        .map(w => `${(0,report_time/* formatPercent */.l9)(w.greenPercent)} for about ${d(w.seconds)} after batch ${w.afterBatch}`)
        .join(', ');
    const total = open.reduce((sum, w) => sum + w.seconds, 0);
    return `**Unwatched between bakes:** SageMaker watches the alarms only while a batch bakes. While old instances are terminated and the next batch is launched, the new instances already serving take their share of the traffic with no alarm watched: ${each} (${d(total)} in all, estimated from the plan's provisioning time). An alarm that fires then rolls back only when the next bake begins; after the last batch, the action's watch after completion fails the job as regressed.`;
}

;// CONCATENATED MODULE: ./src/report/rolling-view.ts
// The rolling deployment's parts of the report: the table of batches (new and old instances or
// copies, the traffic on the new ones, what happened) in the job summary, and, in the dry-run
// plan, the peak instance count of each strategy side by side: what rolling saves.





function unit(plan) {
    return plan.component !== undefined ? 'copies' : 'instances';
}
/** The rollback's alarms, when the last row says it rolled back without naming them. */
function namedAlarms(event, verdict) {
    const missing = (verdict?.triggeredAlarms ?? []).filter(name => !event.includes(name));
    if (verdict?.outcome !== 'rolled-back' || missing.length === 0)
        return event;
    return `${event}; alarm ${missing.join(', ')} went into ALARM`;
}
/**
 * What the previous row said already is not said again: its `(alarm X in ALARM)`, and a long
 * explanation after the colon (`: as above`).
 */
function shortened(event, previous) {
    if (previous === undefined)
        return event;
    let text = event;
    const reason = /\(alarm [^)]*\)/.exec(text);
    if (reason !== null && previous.event.includes(reason[0]))
        text = text.replace(` ${reason[0]}`, '');
    const colon = text.indexOf(': ');
    const before = previous.event.indexOf(': ');
    if (colon < 0 || before < 0)
        return text;
    const tail = text.slice(colon + 2);
    return tail.length > REPEATED && tail === previous.event.slice(before + 2)
        ? `${text.slice(0, colon)}: as above`
        : text;
}
/** An explanation longer than this, repeated word for word, is said once. */
const REPEATED = 40;
function rollingSection(plan, timeline, verdict, labels) {
    const heading = '### Rolling batches';
    const rows = timeline.batches ?? [];
    if (rows.length === 0)
        return `${heading}\n\nNo batch was observed.`;
    const body = rows.map((row, i) => [
        (0,report_time/* formatOffset */.xS)(row.at - timeline.startedAt),
        String(row.newCount),
        String(row.oldCount),
        (0,report_time/* formatPercent */.l9)(row.newPercent),
        shortened(i === rows.length - 1 ? namedAlarms(row.event, verdict) : row.event, rows[i - 1])
    ]);
    const things = unit(plan);
    const headers = [
        'Time',
        `New ${things}: ${labels?.green ?? plan.greenModelName}`,
        `Old ${things}: ${labels?.blue ?? plan.blueModelName ?? 'the previous model'}`,
        'Traffic on new',
        'What happened'
    ];
    const peak = plan.peakInstances;
    const note = peak === undefined
        ? ''
        : `\n\nAt most ${peak.rolling} ${things} run at once (the ${plan.instanceCount} of the fleet and one batch); a blue/green update would run ${peak.blueGreen}.`;
    const inferred = plan.component !== undefined
        ? ' DescribeInferenceComponent gives the copies running, not which model each runs: the split between new and old copies is counted from the batches seen.'
        : '';
    const unwatched = plan.unwatched ? unwatchedParagraph(plan.unwatched) : '';
    return `${heading}\n\n${(0,markdown/* table */.tp)(headers, body)}${note}${inferred}${unwatched ? `\n\n${unwatched}` : ''}`;
}
/**
 * The most instances (or copies) each strategy runs at once, side by side: blue/green launches a
 * whole new fleet next to the live one, rolling one batch at a time.
 */
function peakSection(plan) {
    const peak = plan.peakInstances;
    if (peak === undefined || plan.firstDeploy)
        return '';
    const things = unit(plan);
    const fleet = plan.instanceCount;
    const rolling = (0,fleet_words/* isRollingPlan */.XF)(plan);
    const batch = peak.rolling - fleet;
    const rows = [
        [
            'Blue/green (linear, canary, all at once)',
            String(peak.blueGreen),
            `+${peak.blueGreen - fleet}: a whole new fleet next to the live one`,
            rolling ? '' : 'this plan'
        ],
        [
            `Rolling, batches of ${batch}`,
            String(peak.rolling),
            `+${batch}: one batch at a time`,
            rolling ? 'this plan' : ''
        ]
    ];
    const type = (0,markdown/* escapeMarkdown */.FV)(plan.instanceType);
    const saves = peak.blueGreen - peak.rolling;
    const sentence = plan.component !== undefined
        ? `Inference components update by rolling only. Copies share the endpoint's ${type} instances.`
        : `Rolling runs ${saves} fewer ${type} instance(s) at the peak; each batch is provisioned on its own, so it takes longer.`;
    return `### Peak ${things}\n\n${(0,markdown/* table */.tp)(['Strategy', `Most ${things} at once`, 'Extra', 'Plan'], rows)}\n\n${sentence}`;
}

;// CONCATENATED MODULE: ./src/report/component-view.ts






const NONE = '—';
/** `| | before | this run |`: the component, its model, the artifact, the copies. */
function componentResourcesTable(plan, headers) {
    const component = plan.component;
    if (!component)
        return '';
    const modelLink = (name) => name === undefined ? NONE : (0,markdown/* link */.nf)(name, (0,links/* modelUrl */.Zr)(plan.region, name));
    const rows = [
        ['Inference component', component.name, component.name],
        ['Model', modelLink(plan.blueModelName), modelLink(plan.greenModelName)],
        ['Artifact', NONE, plan.artifact === undefined ? NONE : (0,markdown/* code */.aY)(plan.artifact)],
        ['Copies', String(component.copies), String(component.copies)],
        ['Instance type (endpoint)', plan.instanceType || NONE, plan.instanceType || NONE]
    ];
    return (0,markdown/* table */.tp)(['', headers.blue, headers.green], rows);
}
function scheduleSection(plan) {
    const rows = plan.schedule.map(step => [
        (0,report_time/* formatOffset */.xS)(step.offsetSeconds * 1000),
        String(step.greenInstances),
        String(step.blueInstances ?? NONE),
        (0,report_time/* formatPercent */.l9)(step.greenPercent),
        step.label
    ]);
    const headers = [
        'Time',
        `New copies (${plan.greenModelName})`,
        `Old copies (${plan.blueModelName ?? 'previous model'})`,
        'Traffic on new',
        'Batch'
    ];
    const first = plan.schedule.find(step => step.greenPercent > 0)?.offsetSeconds ?? 0;
    return (`### Expected batches\n\n${(0,markdown/* table */.tp)(headers, rows)}\n\n` +
        `Expected duration: about ${(0,report_time/* formatDuration */.a3)(plan.expectedDurationSeconds * 1000)}; the action waits up to ${(0,report_time/* formatDuration */.a3)(plan.budgetSeconds * 1000)} for a verdict. ` +
        `The times assume about ${(0,report_time/* formatDuration */.a3)(first * 1000)} to bring up each batch of copies: SageMaker often takes minutes, and more when new instances must be launched for them.`);
}
function alarmSection(plan) {
    const heading = '### Alarms that would guard the rollout';
    if (plan.guardAlarmNames.length === 0) {
        return `${heading}\n\nNone: SageMaker would replace the copies without automatic rollback.`;
    }
    const rows = alarmRows(plan);
    return `${heading}\n\n${(0,markdown/* table */.tp)(['Alarm', 'Source', 'Watches'], rows)}\n\nThe created alarms watch the component's own invocations (the \`InferenceComponentName\` dimension of the \`AWS/SageMaker\` metrics), so other components on the endpoint cannot trip them.`;
}
function renderComponentPlan(plan, run) {
    const component = plan.component;
    if (!component)
        return '';
    const endpoint = (0,markdown/* link */.nf)(plan.endpointName, (0,links/* endpointUrl */.Pb)(plan.region, plan.endpointName)).markdown;
    const request = component.updateInferenceComponent;
    const blocks = (0,markdown/* requestBlocks */.ey)([
        ['CreateModel', redactEnvironment(plan.createModel)],
        ['UpdateInferenceComponent', request]
    ], plan.alarmsToCreate, body => JSON.stringify(body, null, 2));
    const url = (0,links/* runUrl */.Vp)(run);
    const sections = [
        `## 📝 Planned: ${endpoint}\n\nDry run: nothing was changed. Inference component ${(0,markdown/* escapeMarkdown */.FV)(component.name)} would get ${(0,markdown/* escapeMarkdown */.FV)(plan.greenModelName)} in batches of ${component.batchCopies} of its ${component.copies} copies (UpdateInferenceComponent, rolling), its specification otherwise kept.`,
        `### The component\n\n${componentResourcesTable(plan, { blue: 'Live', green: 'Would be deployed' })}`,
        liveEndpointSection(plan),
        scheduleSection(plan),
        peakSection(plan),
        alarmSection(plan),
        (0,markdown/* details */.zH)('Requests that would be sent', blocks.join('\n\n')),
        url === undefined || run.runId === ''
            ? ''
            : `Planned by ${(0,markdown/* link */.nf)(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, url).markdown}.`
    ];
    return `${sections.filter(section => section !== '').join('\n\n')}\n`;
}
function redactEnvironment(body) {
    const container = body?.['PrimaryContainer'];
    const environment = container?.['Environment'];
    if (!body || !container || !environment)
        return body;
    const keys = Object.fromEntries(Object.keys(environment).map(key => [key, '(value not shown)']));
    return { ...body, PrimaryContainer: { ...container, Environment: keys } };
}

;// CONCATENATED MODULE: ./src/report/resources.ts
// The blue/green resources side by side, with console links (summary and plan view).




const resources_NONE = '—';
function orNone(value, render) {
    return value === undefined || value === '' ? resources_NONE : render(String(value));
}
/** The image a CreateModel body names (none for a package or an existing model). */
function imageOf(body) {
    const container = body?.['PrimaryContainer'];
    return typeof container?.['Image'] === 'string' ? container['Image'] : undefined;
}
/**
 * `| | <blueHeader> | <greenHeader> |` with Model, Endpoint config, Artifact, Image, Instance type
 * and count; green alone for a new endpoint.
 */
function resourcesTable(plan, blue, headers) {
    if (plan.component)
        return componentResourcesTable(plan, headers);
    const region = plan.region;
    blue = blueOf(plan, blue);
    const before = (value, render) => orNone(value, render);
    const modelLink = (name) => (0,markdown/* link */.nf)(name, (0,links/* modelUrl */.Zr)(region, name));
    const configLink = (name) => (0,markdown/* link */.nf)(name, (0,links/* endpointConfigUrl */.Py)(region, name));
    const plain = (v) => v;
    const rows = [
        [
            'Model',
            before(plan.blueModelName ?? blue?.modelName, modelLink),
            modelLink(plan.greenModelName)
        ],
        [
            'Endpoint config',
            before(plan.previousConfigName, configLink),
            configLink(plan.endpointConfigName)
        ],
        ['Artifact', before(blue?.modelDataUrl, markdown/* code */.aY), orNone(plan.artifact, markdown/* code */.aY)],
        ['Image', before(blue?.image, markdown/* code */.aY), orNone(imageOf(plan.createModel), markdown/* code */.aY)],
        ['Instance type', before(blue?.instanceType, plain), plan.instanceType],
        ['Instance count', before(blue?.instanceCount, plain), String(plan.instanceCount)]
    ];
    // A first deploy has no blue side at all: no column for it.
    if (plan.firstDeploy)
        return (0,markdown/* table */.tp)(['', headers.green], rows.map(([what, , green]) => [what, green]));
    return (0,markdown/* table */.tp)(['', headers.blue, headers.green], rows);
}

;// CONCATENATED MODULE: ./src/report/gate-view.ts


const VERDICT = {
    pass: '✅ pass',
    fail: '❌ fail',
    wait: '⏳ too few to judge'
};
/** The plan's paragraph: the gate alarm and what feeds it. */
function gatePlanParagraph(gate) {
    if (!gate)
        return '';
    const feeds = [];
    if (gate.requests > 0) {
        feeds.push(`${gate.requests} golden request${gate.requests === 1 ? '' : 's'} at ${gate.ratePerSecond} a second (a baseline on blue before any change, then through every bake and after completion)`);
    }
    if (gate.command !== undefined) {
        feeds.push(`verify-command before the first shift and after each (limit ${(0,report_time/* formatDuration */.a3)(gate.commandTimeoutSeconds * 1000)})`);
    }
    const cancel = gate.onCancel === 'rollback'
        ? 'A cancelled job publishes a breach before it exits, so SageMaker rolls back (on-cancel: rollback).'
        : 'A cancelled job leaves SageMaker to finish the update under its alarms (on-cancel: leave).';
    return `**Verification gate:** ${feeds.join('; ')}. A failed check publishes ${(0,markdown/* code */.aY)(`${gate.namespace}/${gate.metricName}`).markdown} ≥ 1 and alarm ${(0,markdown/* escapeMarkdown */.FV)(gate.alarmName)}, one of the update's rollback alarms, makes SageMaker roll back; a check can take ${(0,report_time/* formatDuration */.a3)(gate.judgeSeconds * 1000)} to judge. ${cancel}`;
}
/** The summary's section: the verdict of each check, step by step. */
function gateSection(report, startedAt) {
    if (!report)
        return '';
    const lines = ['### Verification gate', ''];
    if (report.breach) {
        lines.push(`❌ **Failed:** ${(0,markdown/* escapeMarkdown */.FV)(report.breach.why)}`, '');
    }
    else if (report.checks.some(c => c.verdict === 'fail')) {
        lines.push('❌ **Failed.**', '');
    }
    else {
        lines.push('✅ No check failed.', '');
    }
    if (report.cancel)
        lines.push((0,markdown/* escapeMarkdown */.FV)(report.cancel), '');
    const rows = report.checks.map(c => [
        c.baseline ? 'baseline' : c.step === 0 ? 'provisioning' : String(c.step),
        `${c.greenPercent} %`,
        c.baseline ? 'before' : (0,report_time/* formatOffset */.xS)(c.at - startedAt),
        c.kind === 'requests' ? 'golden requests' : 'verify-command',
        c.answered === undefined ? '—' : String(c.answered),
        c.mismatches === undefined ? '—' : String(c.mismatches),
        c.errors === undefined ? '—' : String(c.errors),
        (0,markdown/* raw */.lS)(`${VERDICT[c.verdict]}: ${(0,markdown/* escapeMarkdown */.FV)(c.text)}`)
    ]);
    if (rows.length) {
        lines.push((0,markdown/* table */.tp)(['Step', 'Green', 'At', 'Check', 'Answered', 'Mismatched', 'Failed calls', 'Verdict'], rows), '');
    }
    if (report.sent > 0) {
        lines.push(`${report.sent} golden request${report.sent === 1 ? '' : 's'} sent in all (they count in the endpoint's metrics too).`);
    }
    for (const c of report.checks) {
        if (c.kind !== 'command' || !c.tail?.length)
            continue;
        lines.push('', (0,markdown/* details */.zH)(`verify-command, step ${c.step} (${c.greenPercent} % green): ${c.tail.length === 1 ? 'its last line' : `its last ${c.tail.length} lines`}`, (0,markdown/* codeBlock */.DV)(c.tail.join('\n'))));
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/metrics/blast-radius.ts
function blastRadius(metrics) {
    if (metrics === undefined || metrics.split !== 'per-fleet' || metrics.steps.length === 0) {
        return undefined;
    }
    let requests = 0;
    let errors5xx = 0;
    let atLeast = false;
    for (const step of metrics.steps) {
        requests += step.green?.requests ?? 0;
        errors5xx += step.green?.errors5xx ?? 0;
        atLeast ||= step.incomplete;
    }
    return { requests, errors5xx, atLeast };
}

// EXTERNAL MODULE: ./src/metrics/fold.ts + 1 modules
var fold = __webpack_require__(4366);
;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary: verdict headline, the traffic-step table, the alarms that guarded the
// rollout, blue and green resources, and the event log. Pure: main.ts writes the string.















/** The event log is for reading, not an archive: the oldest and newest events are kept. */
const MAX_EVENTS = 200;
function renderSummary(input) {
    const { plan, timeline, verdict } = input;
    const labels = fleetLabels(plan, input.blue);
    const words = (0,fleet_words/* fleetWords */._Y)(plan);
    const sections = [
        headline(plan, verdict, timeline, input.inProgress === true, input.metrics, input.gate),
        variantsLine(plan),
        timeline.batches
            ? rollingSection(plan, timeline, verdict, labels)
            : trafficSection(plan, timeline, labels, input.metrics),
        renderMetrics(input.metrics, {
            firstDeploy: plan.firstDeploy,
            labels,
            stepTimes: (0,fold/* shownSteps */.nl)(timeline).map(step => stepTime(step, timeline.startedAt)),
            words
        }),
        summary_alarmSection(input),
        gateSection(input.gate, timeline.startedAt),
        autoScalingSection(input.autoScaling, plan.region),
        liveEndpointSection(plan),
        `### Resources\n\n${resourcesTable(plan, input.blue, { blue: `${words.Old} (before)`, green: `${words.New} (this run)` })}`,
        eventLog(timeline, words),
        footer(input)
    ];
    return `${sections.filter(section => section !== '').join('\n\n')}\n`;
}
function headline(plan, verdict, timeline, inProgress, metrics, gate) {
    const endpoint = (0,markdown/* link */.nf)(plan.endpointName, (0,links/* endpointUrl */.Pb)(plan.region, plan.endpointName));
    const title = inProgress ? headlines/* IN_PROGRESS_HEADLINE */.nl : (0,headlines/* headlineFor */.aU)(verdict, plan);
    const note = inProgress ? '' : outcomeNote(plan, verdict, timeline);
    // A rollback is said once: its note names the alarms (linked) and where the traffic went.
    const body = verdict.outcome === 'rolled-back' && note !== ''
        ? [note]
        : [(0,markdown/* escapeMarkdown */.FV)(verdict.summary, { maxLength: markdown/* VERDICT_TEXT_LENGTH */.NQ }), note];
    const lines = [`## ${title}: ${endpoint.markdown}`];
    for (const part of body)
        if (part !== '')
            lines.push('', part);
    if (plan.unguardedFinalStep !== undefined) {
        lines.push('', `⚠️ ${(0,markdown/* escapeMarkdown */.FV)(plan.unguardedFinalStep, { maxLength: markdown/* VERDICT_TEXT_LENGTH */.NQ })}`);
    }
    // The gate's alarm only says "gate": which check failed is said with the rollback (the other
    // outcomes' text above says it already).
    if (gate?.breach && verdict.outcome === 'rolled-back') {
        lines.push('', `**Verification gate failed:** ${(0,markdown/* escapeMarkdown */.FV)(gate.breach.why)}`);
    }
    const cost = inProgress ? '' : blastRadiusLine(verdict, metrics);
    if (cost !== '')
        lines.push('', cost);
    const reason = verdict.failureReason?.trim() ?? '';
    // With no reason from SageMaker, a rollback's reason would only repeat the note above; that
    // SageMaker gave none is said only when no alarm explains the rollback either.
    const noServiceReason = verdict.outcome === 'rolled-back' &&
        timeline.last !== undefined &&
        (timeline.last.failureReason ?? '').trim() === '';
    if (noServiceReason) {
        if (verdict.triggeredAlarms.length === 0)
            lines.push('', 'SageMaker gave no failure reason.');
    }
    // A regression's summary above is its reason.
    else if (reason !== '' && verdict.outcome !== 'regressed') {
        lines.push('', `**Failure reason:** ${(0,markdown/* escapeMarkdown */.FV)(reason, { maxLength: markdown/* VERDICT_TEXT_LENGTH */.NQ })}`);
    }
    return lines.join('\n');
}
/**
 * An endpoint with several variants: which one this run deploys to, and its share of the
 * endpoint's traffic (the traffic steps are shares of that variant's traffic). Empty with one.
 */
function variantsLine(plan) {
    const listed = plan.createEndpointConfig['ProductionVariants'];
    if (!Array.isArray(listed) || listed.length < 2)
        return '';
    const variants = listed.map(v => {
        const variant = v;
        const weight = typeof variant.InitialVariantWeight === 'number' ? variant.InitialVariantWeight : 1;
        return { name: String(variant.VariantName ?? ''), weight };
    });
    const total = variants.reduce((sum, v) => sum + v.weight, 0);
    const share = (weight) => (0,report_time/* formatPercent */.l9)(total > 0 ? (100 * weight) / total : 0);
    const own = variants.find(v => v.name === plan.variantName);
    const others = variants
        .filter(v => v !== own)
        .map(v => `\`${(0,markdown/* escapeMarkdown */.FV)(v.name)}\` (${share(v.weight)})`);
    const ownText = own === undefined
        ? `variant \`${(0,markdown/* escapeMarkdown */.FV)(plan.variantName)}\``
        : `variant \`${(0,markdown/* escapeMarkdown */.FV)(own.name)}\`, ${share(own.weight)} of the endpoint's traffic`;
    return `**Variants:** this run deploys ${ownText}; the traffic steps are shares of its traffic. Carried unchanged: ${others.join(', ')}.`;
}
/** What a rollback or a regression cost: green's requests and 5XX, from the metrics below. */
function blastRadiusLine(verdict, metrics) {
    if (verdict.outcome !== 'rolled-back' && verdict.outcome !== 'regressed')
        return '';
    const cost = blastRadius(metrics);
    if (cost === undefined)
        return '';
    const atLeast = cost.atLeast ? 'at least ' : '';
    const served = cost.requests === 0
        ? 'the new model served no request in this rollout'
        : `the new model served ${atLeast}${formatCount(cost.requests)} request${cost.requests === 1 ? '' : 's'} in this rollout, ${atLeast}${formatCount(cost.errors5xx)} of them answered with 5XX (${(0,report_time/* formatPercent */.l9)((100 * cost.errors5xx) / cost.requests)})`;
    const late = cost.atLeast ? ' (CloudWatch had not published every minute yet)' : '';
    return `**Blast radius:** ${served}${late}; per step and fleet under Metrics.`;
}
function alarmLinks(plan, names) {
    return (0,markdown/* join */.fj)(names.map(name => (0,markdown/* link */.nf)(name, (0,links/* alarmUrl */.dz)(plan.region, name))), ', ');
}
function outcomeNote(plan, verdict, timeline) {
    switch (verdict.outcome) {
        case 'rolled-back': {
            const names = verdict.triggeredAlarms;
            const blue = (0,markdown/* escapeMarkdown */.FV)(verdict.finalConfigName ?? timeline.oldConfigName ?? 'the previous config');
            if (names.length === 0) {
                return `SageMaker returned all traffic to ${(0,fleet_words/* fleetWords */._Y)(plan).oldFleet} (${blue}); no guarding alarm was seen in ALARM (see the failure reason and the event log).`;
            }
            const noun = names.length === 1 ? 'alarm' : 'alarms';
            return `SageMaker returned all traffic to ${(0,fleet_words/* fleetWords */._Y)(plan).oldFleet} (${blue}): ${noun} ${alarmLinks(plan, names).markdown} went into ALARM.`;
        }
        case 'timed-out':
            return 'SageMaker may still be working on the update: the action stopped waiting, not the deployment. Re-running this job attaches to the deployment in progress and resumes watching it.';
        case 'started':
            return 'The update was started without waiting for a verdict (`wait: false`); SageMaker continues the traffic shift on its own.';
        case 'failed':
        case 'cancelled': {
            const mixed = verdict.finalStatus === 'UpdateRollbackFailed'
                ? updateRollbackFailedNote(plan, timeline)
                : '';
            // Linked here unless the summary above already names every one of them.
            const named = verdict.triggeredAlarms.every(name => verdict.summary.includes(name));
            const alarms = verdict.triggeredAlarms.length > 0 && !named
                ? `**Alarms in ALARM during the rollout:** ${alarmLinks(plan, verdict.triggeredAlarms).markdown}.`
                : '';
            return [mixed, alarms].filter(part => part !== '').join('\n\n');
        }
        default:
            return '';
    }
}
/** UpdateRollbackFailed: what the endpoint may serve now, and how to settle it. */
function updateRollbackFailedNote(plan, timeline) {
    const endpoint = (0,markdown/* escapeMarkdown */.FV)(plan.endpointName);
    const back = timeline.oldConfigName ?? plan.previousConfigName;
    const update = back === undefined
        ? ''
        : ` (\`aws sagemaker update-endpoint --endpoint-name ${plan.endpointName} --endpoint-config-name ${back}\` puts the previous config back)`;
    return `**What to do now:** ${endpoint} may serve a mix of the old and new fleets, and stays so until it is settled by hand: SageMaker does not leave UpdateRollbackFailed on its own, and this action refuses to deploy to it. Update it to one endpoint config${update}, or delete and re-create it.`;
}
/** `T+1 min`, or `between T+0 and T+1 min 21 s` for a step no poll saw. */
function stepTime(step, startedAt) {
    if (step.between === undefined)
        return (0,report_time/* formatOffset */.xS)(step.at - startedAt);
    const { after, before } = step.between;
    return `between ${(0,report_time/* formatOffset */.xS)(after - startedAt)} and ${(0,report_time/* formatOffset */.xS)(before - startedAt)}`;
}
/**
 * Green's requests after each row, by row: CloudWatch can count green requests after a row that
 * shows green at 0 % when SageMaker shifted traffic between two polls (steps that began and ended
 * between them, with nothing after them to place them by). Empty when the rows and the metrics
 * do not line up.
 */
function greenServedAfter(timeline, metrics) {
    if (metrics === undefined || metrics.steps.length !== timeline.steps.length)
        return [];
    return metrics.steps.map(step => step.green?.requests ?? 0);
}
function trafficSection(plan, timeline, labels, metrics) {
    const heading = '### Traffic steps';
    if (plan.firstDeploy) {
        return `${heading}\n\nNo traffic shift: this was a new endpoint, created directly with the green model.`;
    }
    if (timeline.steps.length === 0)
        return `${heading}\n\nNo traffic step was observed.`;
    const served = greenServedAfter(timeline, metrics);
    // A row at 0 % after which green served requests: the share that followed was not seen, and
    // the row says so rather than showing green at 0 % throughout.
    const unseenShift = timeline.steps.map((step, i) => step.greenPercent === 0 && (served[i] ?? 0) > 0);
    const rows = timeline.steps.map((step, i) => [
        stepTime(step, timeline.startedAt),
        unseenShift[i]
            ? `${(0,report_time/* formatPercent */.l9)(step.bluePercent)}, then less (not seen)`
            : (0,report_time/* formatPercent */.l9)(step.bluePercent),
        unseenShift[i]
            ? `${(0,report_time/* formatPercent */.l9)(step.greenPercent)}, then more (not seen)`
            : (0,report_time/* formatPercent */.l9)(step.greenPercent),
        step.event
    ]);
    const headers = ['Time', `Blue: ${labels.blue}`, `Green: ${labels.green}`, 'What happened'];
    const unseen = timeline.steps.some(step => step.between !== undefined)
        ? '\n\nA step marked *between two polls* was not seen by any poll: what SageMaker showed afterwards means it happened, at a time within the interval given.'
        : '';
    const unplaced = served.reduce((sum, n, i) => (unseenShift[i] ? sum + n : sum), 0);
    const shifted = unplaced > 0
        ? `\n\n*Not seen*: after a row marked so, green served ${formatCount(unplaced)} request${unplaced === 1 ? '' : 's'} (CloudWatch, under Metrics): SageMaker shifted traffic to green between two polls, and nothing it showed afterwards says the share or when.`
        : '';
    const guard = guardParagraph(plan);
    return `${heading}\n\n${(0,markdown/* table */.tp)(headers, rows)}${unseen}${shifted}${guard ? `\n\n${guard}` : ''}`;
}
function summary_alarmSection(input) {
    const { plan, timeline, verdict } = input;
    const tracked = new Map(timeline.alarms.map(track => [track.name, track]));
    const names = [...timeline.alarms.map(track => track.name)];
    for (const name of plan.guardAlarmNames)
        if (!tracked.has(name))
            names.push(name);
    if (names.length === 0)
        return '### Alarms\n\nNo CloudWatch alarm guarded this rollout.';
    const rows = [];
    const reasons = [];
    for (const name of names) {
        const track = tracked.get(name);
        const spec = plan.alarmsToCreate.find(alarm => alarm.name === name);
        const detail = input.alarmDetails?.[name];
        const seenInAlarm = track?.statesSeen.includes('ALARM') === true;
        const fired = track?.fired === true || verdict.triggeredAlarms.includes(name);
        // Fired (SageMaker's failure reason or the alarm's history says so), but no poll saw it in
        // ALARM: it fired and cleared between two polls.
        const firedUnseen = fired && !seenInAlarm;
        const nameLink = (0,markdown/* link */.nf)(name, (0,links/* alarmUrl */.dz)(plan.region, name));
        const when = track?.firedAt !== undefined
            ? `at ${(0,report_time/* formatOffset */.xS)(track.firedAt - timeline.startedAt)}`
            : firedUnseen
                ? 'between two polls'
                : '';
        const whenText = when === '' ? '' : ` ${when}`;
        const seen = track === undefined || track.statesSeen.length === 0 ? '—' : track.statesSeen.join(' → ');
        rows.push([
            fired ? (0,markdown/* raw */.lS)(`🚨 ${nameLink.markdown} **fired**${whenText}`) : nameLink,
            detail?.watches ?? spec?.watches ?? '—',
            detail?.threshold ??
                (spec === undefined ? '—' : (spec.thresholdText ?? String(spec.threshold))),
            firedUnseen
                ? `${seen}, and ALARM between two polls`
                : track?.updatedBetweenPolls === true && !fired
                    ? `${seen}, and updated between two polls (state not seen)`
                    : seen,
            track?.finalState ?? '—'
        ]);
        // The reason of the transition into ALARM; the latest one only while it still is in ALARM.
        const reason = track?.firedReason ?? (track?.finalState === 'ALARM' ? track.lastReason : undefined);
        const who = (0,markdown/* escapeMarkdown */.FV)(name);
        if (fired && reason !== undefined && reason.trim() !== '') {
            const source = firedUnseen ? " (from the alarm's history: no poll saw it in ALARM)" : '';
            reasons.push(`- **${who}**${whenText}: ${(0,markdown/* escapeMarkdown */.FV)((0,report_time/* isoReasonTimes */.G8)(reason))}${source}`);
        }
        else if (firedUnseen) {
            reasons.push(`- **${who}**: went into ALARM and back between two polls, so no poll read the reason it fired; SageMaker's failure reason names it.`);
        }
    }
    const headers = ['Alarm', 'Watches', 'Threshold', 'States seen', 'Final state'];
    const why = reasons.length === 0 ? '' : `\n\nWhy they fired:\n\n${reasons.join('\n')}`;
    return `### Alarms\n\n${(0,markdown/* table */.tp)(headers, rows)}${why}`;
}
/**
 * An event in the page's words: SageMaker reports a rolling update's new instances as the
 * variant's new fleet, which the event log calls green; a rolling page calls them new.
 */
function inWords(message, words) {
    if (words === fleet_words/* BLUE_GREEN */.LT)
        return message;
    return message
        .replace(/\bgreen fleet\b/g, `${words.new} ${words.unit}`)
        .replace(/\(green (\d+(?:\.\d+)?)% \/ blue (\d+(?:\.\d+)?)%\)/g, `(${words.new} $1% / ${words.old} $2%)`);
}
function eventLog(timeline, words) {
    const events = timeline.events;
    if (events.length === 0)
        return '';
    const shown = events.length <= MAX_EVENTS
        ? events
        : [...events.slice(0, MAX_EVENTS / 2), ...events.slice(-MAX_EVENTS / 2)];
    const lines = shown.map(event => `- **${(0,report_time/* formatOffset */.xS)(event.at - timeline.startedAt)}** ${(0,markdown/* escapeMarkdown */.FV)((0,report_time/* isoReasonTimes */.G8)(inWords(event.message, words)))}`);
    if (shown.length < events.length) {
        lines.splice(MAX_EVENTS / 2, 0, `- … ${events.length - shown.length} events not shown`);
    }
    const noun = events.length === 1 ? 'event' : 'events';
    return (0,markdown/* details */.zH)(`Event log (${events.length} ${noun})`, lines.join('\n'));
}
/** The rollout on SageMaker's clock: from the update request to the last thing it showed. */
function serviceDurationMs(timeline) {
    const times = [...timeline.events.map(e => e.at), ...timeline.steps.map(s => s.at)];
    return times.length === 0 ? 0 : Math.max(0, Math.max(...times) - timeline.startedAt);
}
function footer(input) {
    const { run, timeline } = input;
    // Two clocks: the T+ times are SageMaker's; the step's own run time is the runner's.
    const parts = [
        `Rollout: ${(0,report_time/* formatDuration */.a3)(serviceDurationMs(timeline))} on SageMaker's clock (the T+ times, from the update request)`
    ];
    if (input.durationSeconds !== undefined) {
        parts.push(`this step: ${(0,report_time/* formatDuration */.a3)(input.durationSeconds * 1000)} on the runner's clock`);
    }
    const runLink = (0,links/* runUrl */.Vp)(run);
    if (runLink !== undefined && run.runId !== '') {
        parts.push((0,markdown/* link */.nf)(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, runLink).markdown);
    }
    const commitLink = (0,links/* commitUrl */.Bg)(run);
    if (commitLink !== undefined)
        parts.push(`commit ${(0,markdown/* link */.nf)(run.sha.slice(0, 7), commitLink).markdown}`);
    return parts.join(' · ');
}
/**
 * The headline block and the traffic steps (or rolling batches) section, rendered as the
 * summary renders them: the pull-request comment shows these, not the rest of the page.
 */
function summaryParts(input) {
    const { plan, timeline, verdict } = input;
    const labels = fleetLabels(plan, input.blue);
    return {
        headline: headline(plan, verdict, timeline, input.inProgress === true, input.metrics, input.gate),
        steps: timeline.batches
            ? rollingSection(plan, timeline, verdict, labels)
            : trafficSection(plan, timeline, labels, input.metrics)
    };
}

;// CONCATENATED MODULE: ./src/report/error-view.ts
// The job summary when there is no timeline: the run stopped before (or while) starting the
// update, e.g. invalid input, a pre-flight finding or a rejected request.




function renderError(endpointName, verdict, plan, run) {
    const region = plan?.region;
    const endpoint = endpointName === ''
        ? (0,markdown/* escapeMarkdown */.FV)('(no endpoint name)')
        : (0,markdown/* link */.nf)(endpointName, region === undefined ? undefined : (0,links/* endpointUrl */.Pb)(region, endpointName))
            .markdown;
    const sections = [`## ${(0,headlines/* headlineFor */.aU)(verdict, plan)}: ${endpoint}`];
    const reason = verdict.failureReason?.trim() ?? '';
    const long = { maxLength: markdown/* VERDICT_TEXT_LENGTH */.NQ };
    const because = `**Failure reason:** ${(0,markdown/* escapeMarkdown */.FV)(reason, long)}`;
    if (reason !== '' && verdict.summary.startsWith(reason)) {
        // The summary is the reason plus a sentence ("Nothing was changed in AWS."): say the
        // reason once, then what the summary adds.
        const rest = verdict.summary.slice(reason.length).trim();
        sections.push(because, ...(rest === '' ? [] : [(0,markdown/* escapeMarkdown */.FV)(rest, long)]));
    }
    else {
        sections.push((0,markdown/* escapeMarkdown */.FV)(verdict.summary, long), ...(reason === '' ? [] : [because]));
    }
    if (plan !== undefined) {
        sections.push('No traffic was shifted.', `### Resources\n\n${resourcesTable(plan, undefined, { blue: 'Blue (live)', green: 'Green (planned)' })}`);
    }
    const url = (0,links/* runUrl */.Vp)(run);
    if (url !== undefined && run.runId !== '') {
        sections.push((0,markdown/* link */.nf)(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, url).markdown);
    }
    return `${sections.join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/report/plan-view.ts
// The dry-run view: what would change, the expected traffic schedule, the alarms that would
// guard it, what the double fleet costs in instance-hours, and the exact requests.













/**
 * Instance-hours of the double fleet: blue and green both run from the start of green
 * provisioning until blue is terminated, so (blue + green instances) × expected duration. Zero
 * for a new endpoint (there is no blue fleet). Blue's size is green's when it is not known.
 */
/**
 * What the double fleet adds: green's instances from the start of their provisioning until blue
 * is terminated. Blue runs anyway, so it is not counted.
 */
function doubleFleetInstanceHours(plan) {
    if (plan.firstDeploy)
        return 0;
    const hours = (plan.instanceCount * plan.expectedDurationSeconds) / 3600;
    return Math.round(hours * 100) / 100;
}
function renderPlan(plan, run, blue) {
    if (plan.component)
        return renderComponentPlan(plan, run);
    const endpoint = (0,markdown/* link */.nf)(plan.endpointName, (0,links/* endpointUrl */.Pb)(plan.region, plan.endpointName));
    const action = plan.liveUnknown !== undefined
        ? (0,markdown/* escapeMarkdown */.FV)(plan.liveUnknown, { maxLength: 2000 })
        : plan.firstDeploy
            ? 'The endpoint does not exist yet: it would be created with the green model (CreateEndpoint), with no traffic shift.'
            : (0,fleet_words/* isRollingPlan */.XF)(plan)
                ? 'The endpoint would be updated by a rolling deployment (UpdateEndpoint): batches of new instances replace old ones.'
                : 'The endpoint would be updated with a blue/green traffic shift (UpdateEndpoint).';
    const title = headlines/* HEADLINE_TEXTS */.SL[plan.liveUnknown === undefined ? 'planned' : 'planned-live-unknown'];
    const words = (0,fleet_words/* fleetWords */._Y)(plan);
    const sections = [
        `## ${title}: ${endpoint.markdown}\n\nDry run: nothing was changed. ${action}`,
        `### ${words === fleet_words/* BLUE_GREEN */.LT ? 'Blue and green' : `Old and new ${words.unit}`}\n\n${resourcesTable(plan, blue, { blue: `${words.Old} (live)`, green: `${words.New} (would be created)` })}`,
        liveEndpointSection(plan),
        plan_view_scheduleSection(plan, fleetLabels(plan, blue), words),
        plan_view_alarmSection(plan),
        peakSection(plan),
        (0,fleet_words/* isRollingPlan */.XF)(plan) ? '' : costSection(plan, blue),
        requestsSection(plan),
        plan_view_footer(run)
    ];
    return `${sections.filter(section => section !== '').join('\n\n')}\n`;
}
/**
 * The expected schedule as the plan shows it: the policy's steps, then (for an update) the
 * completion, blue terminated, at the expected duration. Offsets from the update request.
 */
function plannedSteps(plan) {
    if (plan.firstDeploy || plan.schedule.length === 0)
        return [...plan.schedule];
    return [
        ...plan.schedule,
        {
            offsetSeconds: plan.expectedDurationSeconds,
            bluePercent: 0,
            greenPercent: 100,
            greenInstances: plan.instanceCount,
            label: (0,fleet_words/* isRollingPlan */.XF)(plan)
                ? 'complete: the last old instances terminated'
                : 'complete: blue fleet terminated'
        }
    ];
}
function plan_view_scheduleSection(plan, labels, words) {
    const heading = '### Expected traffic schedule';
    const budget = `the action waits up to ${(0,report_time/* formatDuration */.a3)(plan.budgetSeconds * 1000)} for a verdict`;
    if (plan.firstDeploy) {
        return (`${heading}\n\nNo traffic shift: the new endpoint would serve the green model from the start. ` +
            `Creating an endpoint usually takes several minutes (estimate: about ${(0,report_time/* formatDuration */.a3)(plan.expectedDurationSeconds * 1000)}); ${budget}.`);
    }
    if (plan.schedule.length === 0)
        return `${heading}\n\nNo traffic shift.`;
    const rows = plannedSteps(plan).map(step => [
        (0,report_time/* formatOffset */.xS)(step.offsetSeconds * 1000),
        (0,report_time/* formatPercent */.l9)(step.bluePercent),
        (0,report_time/* formatPercent */.l9)(step.greenPercent),
        String(step.greenInstances),
        step.label
    ]);
    const headers = [
        'Time',
        `${words.Old}: ${labels.blue}`,
        `${words.New}: ${labels.green}`,
        `${words.New} instances`,
        'Step'
    ];
    const first = plan.schedule.find(step => step.greenPercent > 0)?.offsetSeconds ?? 0;
    const timing = `Expected duration: about ${(0,report_time/* formatDuration */.a3)(plan.expectedDurationSeconds * 1000)}, from the update request until ${words === fleet_words/* BLUE_GREEN */.LT ? 'blue is terminated' : `the last ${words.old} ${words.unit === 'copies' ? 'copy is' : 'instance is'} terminated`}; ${budget}. ` +
        `The times assume about ${(0,report_time/* formatDuration */.a3)(first * 1000)} to provision new instances, as endpoints are reported to take; large models and accelerated instances can take longer, which moves every later row by as much.`;
    const guard = guardParagraph(plan);
    return `${heading}\n\n${(0,markdown/* table */.tp)(headers, rows)}\n\n${timing}${guard ? `\n\n${guard}` : ''}`;
}
function plan_view_alarmSection(plan) {
    const heading = '### Alarms that would guard the rollout';
    if (plan.guardAlarmNames.length === 0) {
        return `${heading}\n\nNone: SageMaker would shift traffic without automatic rollback.`;
    }
    const rows = alarmRows(plan);
    const gate = gatePlanParagraph(plan.gate);
    return `${heading}\n\n${(0,markdown/* table */.tp)(['Alarm', 'Source', 'Watches'], rows)}${gate ? `\n\n${gate}` : ''}`;
}
function costSection(plan, given) {
    const heading = '### Double fleet';
    const blue = blueOf(plan, given);
    if (plan.firstDeploy)
        return `${heading}\n\nNone: a new endpoint runs only the green fleet.`;
    const hours = doubleFleetInstanceHours(plan);
    const greenType = (0,markdown/* escapeMarkdown */.FV)(plan.instanceType);
    const blueType = (0,markdown/* escapeMarkdown */.FV)(blue?.instanceType ?? plan.instanceType);
    const types = blueType === greenType
        ? `Both fleets are ${greenType}.`
        : `Blue runs ${blueType}, green ${greenType}.`;
    return (`${heading}\n\nGreen runs next to blue from the start of its provisioning until blue is terminated: ` +
        `**${hours} extra instance-hours** = ${plan.instanceCount} green instances × ` +
        `${plan.expectedDurationSeconds} s ÷ 3600, rounded to 2 decimals (blue runs anyway). ${types}`);
}
/** A container environment often carries credentials: show its keys, never its values. */
const REDACTED = '(value not shown)';
function redactModel(body) {
    const container = body?.['PrimaryContainer'];
    const environment = container?.['Environment'];
    if (!body || !container || !environment)
        return body;
    const keysOnly = Object.fromEntries(Object.keys(environment).map(key => [key, REDACTED]));
    return { ...body, PrimaryContainer: { ...container, Environment: keysOnly } };
}
/** The plan as it may be shown or output: environment values redacted. */
function publicPlan(plan) {
    return { ...plan, createModel: redactModel(plan.createModel) };
}
function requestsSection(plan) {
    const blocks = (0,markdown/* requestBlocks */.ey)([
        ['CreateModel', redactModel(plan.createModel)],
        ['CreateEndpointConfig', plan.restore ? undefined : plan.createEndpointConfig],
        ['CreateEndpoint', plan.createEndpoint],
        ['UpdateEndpoint', plan.updateEndpoint]
    ], plan.alarmsToCreate, body => stableJson(body, 2));
    return (0,markdown/* details */.zH)('Requests that would be sent', blocks.join('\n\n'));
}
function plan_view_footer(run) {
    const url = (0,links/* runUrl */.Vp)(run);
    if (url === undefined || run.runId === '')
        return '';
    return `Planned by ${(0,markdown/* link */.nf)(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, url).markdown}.`;
}
/** Object keys sorted at every level and undefined turned into null, so the JSON is stable. */
function sortKeys(value) {
    if (value === undefined)
        return null;
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value);
        entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
    }
    return value;
}
function stableJson(value, indent) {
    return JSON.stringify(sortKeys(value), null, indent);
}
/** The `plan` output: the whole plan as stable, compact JSON. */
function planJson(plan) {
    return stableJson(publicPlan(plan));
}

;// CONCATENATED MODULE: ./src/report/pr-comment-view.ts






/** The comment's input is the summary's: the figures read after the verdict are left out. */
function renderPrComment(input) {
    const inProgress = input.inProgress === true;
    // The metrics belong to the job summary: the comment says nothing that points to them.
    const { metrics: _metrics, ...rest } = input;
    const parts = summaryParts(rest);
    const next = inProgress ? nextStepLine(input.plan, input.timeline) : '';
    const sections = [
        parts.headline,
        next === '' ? parts.steps : `${parts.steps}\n\n${next}`,
        inProgress ? currentAlarms(input) : decidingAlarms(input),
        runLine(input, inProgress)
    ];
    return `${sections.filter(section => section !== '').join('\n\n')}\n`;
}
function alarmFacts(input) {
    const { plan, timeline, verdict } = input;
    const tracked = new Map(timeline.alarms.map(track => [track.name, track]));
    const names = [...tracked.keys()];
    for (const name of [...plan.guardAlarmNames, ...verdict.triggeredAlarms]) {
        if (!names.includes(name))
            names.push(name);
    }
    return names.map(name => {
        const track = tracked.get(name);
        const fired = track?.fired === true || verdict.triggeredAlarms.includes(name);
        const seenInAlarm = track?.statesSeen.includes('ALARM') === true;
        const when = track?.firedAt !== undefined
            ? `at ${(0,report_time/* formatOffset */.xS)(track.firedAt - timeline.startedAt)}`
            : fired && !seenInAlarm
                ? 'between two polls'
                : '';
        return { name, track, fired, when, link: (0,markdown/* link */.nf)(name, (0,links/* alarmUrl */.dz)(plan.region, name)) };
    });
}
/** At the verdict: the alarm(s) that fired, linked, with when and why; or that none fired. */
function decidingAlarms(input) {
    const heading = '### Alarms';
    const alarms = alarmFacts(input);
    if (alarms.length === 0)
        return `${heading}\n\nNo CloudWatch alarm guarded this rollout.`;
    const fired = alarms.filter(alarm => alarm.fired);
    if (fired.length === 0) {
        const all = (0,markdown/* join */.fj)(alarms.map(alarm => alarm.link), ', ');
        return `${heading}\n\nNo alarm fired. Guarded by ${all.markdown}.`;
    }
    const lines = fired.map(alarm => {
        const when = alarm.when === '' ? '' : ` ${alarm.when}`;
        const reason = alarm.track?.firedReason ?? alarm.track?.lastReason;
        const why = reason !== undefined && reason.trim() !== '' && alarm.track?.statesSeen.includes('ALARM')
            ? `: ${(0,markdown/* escapeMarkdown */.FV)((0,report_time/* isoReasonTimes */.G8)(reason))}`
            : '';
        return `- 🚨 ${alarm.link.markdown} **fired**${when}${why}`;
    });
    const quiet = alarms.length - fired.length;
    const others = quiet === 0 ? '' : `\n\n${quiet} other guarding alarm${quiet === 1 ? '' : 's'} did not fire.`;
    return `${heading}\n\n${lines.join('\n')}${others}`;
}
/** While in progress: each alarm's state at the latest poll. */
function currentAlarms(input) {
    const heading = '### Alarms';
    const alarms = alarmFacts(input);
    if (alarms.length === 0)
        return `${heading}\n\nNo CloudWatch alarm guards this rollout.`;
    const rows = alarms.map(alarm => {
        const when = alarm.when === '' ? '' : ` ${alarm.when}`;
        const spec = input.plan.alarmsToCreate.find(created => created.name === alarm.name);
        return [
            alarm.fired ? (0,markdown/* raw */.lS)(`🚨 ${alarm.link.markdown} **fired**${when}`) : alarm.link,
            input.alarmDetails?.[alarm.name]?.watches ?? spec?.watches ?? '—',
            alarm.track?.finalState ?? 'not read yet'
        ];
    });
    return `${heading}\n\n${(0,markdown/* table */.tp)(['Alarm', 'Watches', 'Current state'], rows)}`;
}
/** Green's share now (new instances' share for a rolling update), and when it first reached it. */
function currentShare(timeline) {
    const rows = timeline.batches
        ? timeline.batches.map(row => ({ at: row.at, percent: row.newPercent }))
        : timeline.steps.map(step => ({ at: step.at, percent: step.greenPercent }));
    const percent = rows.at(-1)?.percent ?? 0;
    const most = Math.max(0, ...rows.map(row => row.percent));
    const since = rows.find(row => row.percent === percent)?.at;
    return { percent, ...(since !== undefined ? { since } : {}), back: percent < most };
}
/**
 * The next step of the plan's schedule after the share seen so far, and when it is due: one
 * planned interval after the step seen (the plan's offsets when no shift was seen yet).
 */
function nextExpectedStep(plan, timeline) {
    const share = currentShare(timeline);
    // Traffic going back to blue: a rollback, which the plan does not schedule.
    if (timeline.sawRollingBack || share.back)
        return undefined;
    const rows = plannedSteps(plan);
    let reached = -1;
    plan.schedule.forEach((row, i) => {
        if (row.greenPercent <= share.percent)
            reached = i;
    });
    const step = rows[reached + 1];
    if (step === undefined)
        return undefined;
    const from = plan.schedule[reached];
    const anchored = from !== undefined && from.greenPercent === share.percent && share.percent > 0
        ? share.since
        : undefined;
    const at = anchored !== undefined && from !== undefined
        ? anchored + (step.offsetSeconds - from.offsetSeconds) * 1000
        : timeline.startedAt + step.offsetSeconds * 1000;
    return { step, at };
}
function nextStepLine(plan, timeline) {
    const next = nextExpectedStep(plan, timeline);
    if (next === undefined)
        return '';
    const on = (0,fleet_words/* isRollingPlan */.XF)(plan) ? 'on the new model' : 'on green';
    const share = `${(0,report_time/* formatPercent */.l9)(next.step.greenPercent)} of the traffic ${on}`;
    const when = (0,report_time/* formatOffset */.xS)(next.at - timeline.startedAt);
    return `Next expected step: ${(0,markdown/* escapeMarkdown */.FV)(next.step.label)} (${share}) at about ${when} (from the plan).`;
}
function runLine(input, inProgress) {
    const { run } = input;
    const url = run.runId === '' ? undefined : (0,links/* runUrl */.Vp)(run);
    if (url === undefined) {
        return inProgress
            ? 'No link to the run: this run has no GitHub run URL.'
            : 'No link to the job summary: this run has no GitHub run URL. The full report (metrics, resources, event log) is in the job summary of the run.';
    }
    const runLink = (0,markdown/* link */.nf)(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, url).markdown;
    return inProgress
        ? `Follow the rollout in ${runLink}: its job summary is written at the verdict.`
        : `Full report (metrics, resources, event log): the job summary of ${runLink}.`;
}

;// CONCATENATED MODULE: ./src/metrics/json.ts
const iso = (ms) => new Date(ms).toISOString();
const fleet = (figures) => figures ?? null;
function metricsJson(metrics, whyNone) {
    if (metrics === undefined)
        return JSON.stringify({ note: whyNone });
    if (metrics.steps.length === 0) {
        return JSON.stringify({
            note: metrics.warning ?? metrics.note ?? whyNone,
            getMetricDataCalls: metrics.calls
        });
    }
    const offset = (ms) => Math.round((ms - metrics.startedAt) / 1000);
    return JSON.stringify({
        split: metrics.split,
        ...(metrics.note === undefined ? {} : { note: metrics.note }),
        ...(metrics.warning === undefined ? {} : { warning: metrics.warning }),
        periodSeconds: metrics.periodSeconds,
        window: { start: iso(metrics.windowStart), end: iso(metrics.windowEnd) },
        blueConfigName: metrics.blueConfigName ?? null,
        greenConfigName: metrics.greenConfigName,
        alarmThresholdPercent: metrics.alarmThresholdPercent ?? null,
        getMetricDataCalls: metrics.calls,
        lateAlarms: metrics.lateAlarms,
        steps: metrics.steps.map(step => ({
            at: iso(step.at),
            offsetSeconds: offset(step.at),
            untilOffsetSeconds: offset(step.until),
            bluePercent: step.bluePercent,
            greenPercent: step.greenPercent,
            event: step.event,
            blue: fleet(step.blue),
            green: fleet(step.green),
            endpoint: step.endpoint,
            cpuUtilizationPercent: step.cpuUtilizationPercent,
            incomplete: step.incomplete
        })),
        phases: metrics.phases.map(phase => ({
            phase: phase.phase,
            from: iso(phase.from),
            until: iso(phase.until),
            blue: fleet(phase.blue),
            green: fleet(phase.green),
            endpoint: phase.endpoint,
            outcome: phase.outcome
        }))
    });
}

;// CONCATENATED MODULE: ./src/report/outputs.ts
// The action outputs (action.yml), as strings ready for core.setOutput.


const OUTPUT_NAMES = [
    'outcome',
    'model-name',
    'endpoint-config-name',
    'previous-endpoint-config-name',
    'failure-reason',
    'triggered-alarms',
    'duration-seconds',
    'traffic-steps',
    'plan',
    'metrics',
    'auto-scaling'
];
function trafficStepsOutput(timeline) {
    if (timeline === undefined)
        return [];
    const offset = (at) => Math.round((at - timeline.startedAt) / 1000);
    return timeline.steps.map(step => ({
        at: new Date(step.at).toISOString(),
        offsetSeconds: offset(step.at),
        bluePercent: step.bluePercent,
        greenPercent: step.greenPercent,
        event: step.event,
        ...(step.between === undefined
            ? {}
            : {
                betweenPolls: {
                    afterSeconds: offset(step.between.after),
                    beforeSeconds: offset(step.between.before)
                }
            })
    }));
}
function buildOutputs(input) {
    const { plan, timeline, verdict } = input;
    const duration = Number.isFinite(input.durationSeconds) ? input.durationSeconds : 0;
    return {
        outcome: verdict.outcome,
        'model-name': plan?.greenModelName ?? '',
        'endpoint-config-name': plan?.endpointConfigName ?? timeline?.newConfigName ?? '',
        'previous-endpoint-config-name': plan?.previousConfigName ?? timeline?.oldConfigName ?? '',
        'failure-reason': verdict.failureReason ?? '',
        'triggered-alarms': verdict.triggeredAlarms.join(','),
        'duration-seconds': String(Math.max(0, Math.round(duration))),
        'traffic-steps': JSON.stringify(trafficStepsOutput(timeline)),
        plan: plan === undefined ? '' : planJson(plan),
        metrics: metricsJson(input.metrics, whyNoMetrics(input)),
        'auto-scaling': input.autoScaling === undefined ? '' : JSON.stringify(input.autoScaling)
    };
}
function whyNoMetrics({ timeline, verdict }) {
    if (verdict.outcome === 'planned')
        return 'No metrics: dry run, nothing was deployed.';
    if (timeline === undefined)
        return 'No metrics: no rollout was started.';
    if (verdict.outcome === 'started')
        return 'No metrics: the action did not wait for the rollout (wait: false).';
    return 'No metrics were read for this rollout.';
}

// EXTERNAL MODULE: ./src/report/log.ts
var log = __webpack_require__(6472);
;// CONCATENATED MODULE: ./src/report/index.ts
// The report: job summary, dry-run plan, outputs and log lines. Pure functions only.












/***/ }),

/***/ 3303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ commitUrl),
/* harmony export */   Pb: () => (/* binding */ endpointUrl),
/* harmony export */   Py: () => (/* binding */ endpointConfigUrl),
/* harmony export */   Vp: () => (/* binding */ runUrl),
/* harmony export */   Zr: () => (/* binding */ modelUrl),
/* harmony export */   dz: () => (/* binding */ alarmUrl)
/* harmony export */ });
/* unused harmony export consoleOrigin */
// Region-aware AWS console and GitHub run links. Every path component is URL-encoded, so a
// name can never change where a link points.
/** The console origin for a region: China and GovCloud have their own consoles. */
function consoleOrigin(region) {
    if (region.startsWith('cn-'))
        return 'https://console.amazonaws.cn';
    if (region.startsWith('us-gov-'))
        return 'https://console.amazonaws-us-gov.com';
    return `https://${encodeURIComponent(region)}.console.aws.amazon.com`;
}
function serviceHome(service, region) {
    const r = encodeURIComponent(region);
    return `${consoleOrigin(region)}/${service}/home?region=${r}`;
}
function endpointUrl(region, endpointName) {
    return `${serviceHome('sagemaker', region)}#/endpoints/${encodeURIComponent(endpointName)}`;
}
function endpointConfigUrl(region, configName) {
    return `${serviceHome('sagemaker', region)}#/endpointConfig/${encodeURIComponent(configName)}`;
}
function modelUrl(region, modelName) {
    return `${serviceHome('sagemaker', region)}#/models/${encodeURIComponent(modelName)}`;
}
function alarmUrl(region, alarmName) {
    return `${serviceHome('cloudwatch', region)}#alarmsV2:alarm/${encodeURIComponent(alarmName)}`;
}
/** The workflow run attempt; undefined when the server URL is not http(s). */
function runUrl(run) {
    const server = (run.serverUrl || 'https://github.com').replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+$/i.test(server))
        return undefined;
    const repository = run.repository.split('/').map(encodeURIComponent).join('/');
    const attempt = encodeURIComponent(run.runAttempt || '1');
    return `${server}/${repository}/actions/runs/${encodeURIComponent(run.runId)}/attempts/${attempt}`;
}
/** The commit page of the run. */
function commitUrl(run) {
    const server = (run.serverUrl || 'https://github.com').replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]+$/i.test(server) || run.sha === '')
        return undefined;
    const repository = run.repository.split('/').map(encodeURIComponent).join('/');
    return `${server}/${repository}/commit/${encodeURIComponent(run.sha)}`;
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


/***/ })

};

//# sourceMappingURL=580.index.js.map