export const id = 92;
export const ids = [92];
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

/***/ 8711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderInputErrors: () => (/* binding */ renderInputErrors)
/* harmony export */ });
/* harmony import */ var _headlines_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6871);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
// The job summary when the inputs are refused: the headline and every problem, one per line.
// Loaded on the fail-fast path, so it depends on nothing but the Markdown helpers.


function renderInputErrors(endpointName, message) {
    const endpoint = endpointName === '' ? '(no endpoint name)' : endpointName;
    const problems = message
        .split('\n')
        .map(line => line.trim())
        .filter(line => line !== '');
    const noun = problems.length === 1 ? 'problem' : 'problems';
    return ([
        `## ${_headlines_js__WEBPACK_IMPORTED_MODULE_0__/* .HEADLINE_TEXTS */ .SL.refused}: ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(endpoint)}`,
        'The inputs were refused before any AWS call: nothing was changed. Fix the step’s `with:` and run it again.',
        `**Failure reason:** ${problems.length} input ${noun}:`,
        problems.map(problem => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeMarkdown */ .FV)(problem)}`).join('\n')
    ].join('\n\n') + '\n');
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

//# sourceMappingURL=92.index.js.map