export const id = 507;
export const ids = [507];
export const modules = {

/***/ 6507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gate: () => (/* binding */ Gate)
});

// UNUSED EXPORTS: BASELINE_REQUESTS

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/guard/gate/compare.ts
// Pure: does a model's answer match what a golden request expects? Models answer in JSON or in
// text (CSV, a bare label), so an answer is read both ways and matches when either way does.
function parse(answer) {
    try {
        return { ok: true, value: JSON.parse(answer) };
    }
    catch {
        return { ok: false };
    }
}
// Within the tolerance, up to the rounding of decimal numbers (0.931 − 0.93 is 0.0010000000000000009).
function near(value, expected, tolerance) {
    const rounding = 4 * Number.EPSILON * Math.max(Math.abs(value), Math.abs(expected));
    return Math.abs(value - expected) <= tolerance + rounding;
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
// A JSON answer against a JSON expectation, numbers within the tolerance.
function jsonMatches(expected, value, tolerance) {
    if (typeof expected === 'number') {
        return typeof value === 'number' && near(value, expected, tolerance);
    }
    if (Array.isArray(expected)) {
        return (Array.isArray(value) &&
            value.length === expected.length &&
            expected.every((e, i) => jsonMatches(e, value[i], tolerance)));
    }
    if (isObject(expected)) {
        return (isObject(value) &&
            Object.keys(expected).every(key => Object.hasOwn(value, key) && jsonMatches(expected[key], value[key], tolerance)));
    }
    // string, boolean, null
    return value === expected;
}
// A text answer against a JSON expectation: a number read from the text, a string trimmed, a list
// split on commas; booleans, null and objects only match as JSON.
function textMatches(expected, text, tolerance, split = true) {
    const trimmed = text.trim();
    if (typeof expected === 'number') {
        const n = Number(trimmed);
        return trimmed !== '' && Number.isFinite(n) && near(n, expected, tolerance);
    }
    if (typeof expected === 'string')
        return trimmed === expected.trim();
    if (Array.isArray(expected) && split) {
        const parts = text.split(',');
        return (parts.length === expected.length &&
            expected.every((e, i) => textMatches(e, parts[i], tolerance, false)));
    }
    return false;
}
/**
 * Whether `answer` (the response body as text) matches `expected`, numbers within `tolerance`
 * (absolute). The answer is read as JSON when it parses, and as text always; it matches when
 * either reading does:
 * - number: |answer − expected| ≤ tolerance, up to rounding (text: Number of the trimmed text);
 * - string: the JSON string equal, or the trimmed text equal to the trimmed expectation
 *   (a CSV model answering `1` matches "1");
 * - boolean, null: equal (as JSON);
 * - array: same length, element by element (text: split on commas, `0.1,0.9` matches [0.1, 0.9]);
 * - object: every key of the expectation present in the answer and matching; keys the answer has
 *   beyond those are ignored (real models add fields: ids, timings, versions).
 */
function answerMatches(expected, answer, tolerance) {
    const json = parse(answer);
    return ((json.ok && jsonMatches(expected, json.value, tolerance)) ||
        textMatches(expected, answer, tolerance));
}
/**
 * What the baseline keeps of blue's answer to a request with no `expected`: the parsed JSON, or the
 * trimmed text. Green's answer is then matched against it with answerMatches (so a text answer of
 * numbers is compared as a string, the tolerance not applying to it).
 */
function normaliseAnswer(answer) {
    const json = parse(answer);
    return json.ok ? json.value : answer.trim();
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/guard/gate/command-check.ts
var command_check = __webpack_require__(5137);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(6193);
;// CONCATENATED MODULE: ./src/guard/gate/command.ts
// The verification gate's command (`verify-command`): the user's shell command, run before the
// first traffic shift and after each shift. A non-zero exit fails the gate; a command that hangs
// is killed at `verify-command-timeout` and fails it too.
//
// The limit runs on real time in a watchdog process, never on this process's timers: under the
// emulator's stepped clock (emulator/action-clock.cjs) they are virtual and only move while this
// process is idle, which a running child prevents, so a hanging command would hang the action.
// The watchdog (a plain `node -e`, no preloads) starts the command in its own process group,
// passes its output through on stdout, kills the whole group at the deadline (SIGTERM, then
// SIGKILL after the grace) and reports on stderr, which the command never writes to.
// POSIX only: Windows has neither the shell nor process groups this needs.



/** The variables the command sees, besides AWS_REGION and AWS_DEFAULT_REGION. */
const COMMAND_ENV = {
    endpointName: 'VERIFY_ENDPOINT_NAME',
    region: 'VERIFY_REGION',
    step: 'VERIFY_STEP',
    greenPercent: 'VERIFY_GREEN_PERCENT'
};
/** The output kept: its last 1 MiB of characters (a chatty command cannot fill the memory). */
const OUTPUT_CAP = 1024 * 1024;
const TAIL_LINES = 20;
const TAIL_LINE_CHARS = 300;
/** A line longer than this is passed on in pieces (a command printing without newlines). */
const MAX_LINE_CHARS = 64 * 1024;
const DEFAULT_GRACE_MS = 5000;
// bash's builtins and reserved words (bash 5, `compgen -b -k`): they are no file to look for.
const WATCHDOG = `'use strict'
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const c = JSON.parse(process.argv[1])
if (c.nodeOptions === null) delete process.env.NODE_OPTIONS
else process.env.NODE_OPTIONS = c.nodeOptions
const DRAIN_MS = 1000
const started = process.hrtime.bigint()
const elapsed = () => Number((process.hrtime.bigint() - started) / 1000000n)
let exited = false, exitCode = null, signal = null, durationMs = null
let timedOut = false, cancelled = null, killed = false, stopping = false, done = false, open = 2
const timers = []
const child = spawn(c.file, c.args, { cwd: c.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
const group = sig => {
  try { process.kill(-child.pid, sig) } catch {}
}
const write = (fd, buffer) => {
  let offset = 0
  while (offset < buffer.length) {
    try { offset += fs.writeSync(fd, buffer, offset) } catch (e) { if (e.code !== 'EAGAIN') throw e }
  }
}
const stop = () => {
  if (stopping) return
  stopping = true
  clearTimeout(deadline)
  group('SIGTERM')
  timers.push(setTimeout(() => {
    killed = true
    group('SIGKILL')
    // A process outside the group may still hold the output pipe: not waited for long.
    timers.push(setTimeout(finish, DRAIN_MS))
  }, c.graceMs))
  settle()
}
const settle = () => {
  if (exited && open === 0) {
    if (!stopping) stop()
    else finish()
  }
}
const finish = error => {
  if (done) return
  done = true
  for (const t of timers) clearTimeout(t)
  clearTimeout(deadline)
  // What is left of the group had its SIGTERM.
  if (child.pid !== undefined) group('SIGKILL')
  const report = { watchdog: 1, exitCode, signal, timedOut, cancelled, killed, durationMs: durationMs ?? elapsed(), error: error ?? null }
  try { write(2, Buffer.from('\\n' + JSON.stringify(report) + '\\n')) } catch {}
  process.exit(0)
}
const deadline = setTimeout(() => { timedOut = true; stop() }, c.timeoutMs)
const cancel = why => { if (cancelled === null) cancelled = why; stop() }
const forward = chunk => {
  try { write(1, chunk) } catch { cancel('parent-gone') }
}
child.on('error', e => finish(e.message))
child.on('exit', (code, sig) => {
  exited = true
  exitCode = code
  signal = sig
  durationMs = elapsed()
  settle()
})
for (const stream of [child.stdout, child.stderr]) {
  if (stream === null) { open--; continue }
  stream.on('data', forward)
  stream.on('close', () => { open--; settle() })
}
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => cancel(sig))
// The action's process holds our stdin open: its end means the action is gone.
process.stdin.on('end', () => cancel('parent-gone'))
process.stdin.on('error', () => cancel('parent-gone'))
process.stdin.resume()
`;
async function runVerifyCommand(command, o) {
    const graceMs = o.graceMs ?? DEFAULT_GRACE_MS;
    if (!(o.timeoutMs > 0) || !Number.isFinite(o.timeoutMs)) {
        throw new Error(`verify-command-timeout must be a positive number of ms, got ${o.timeoutMs}`);
    }
    if (!(graceMs >= 0) || !Number.isFinite(graceMs)) {
        throw new Error(`verify-command grace must be a number of ms, 0 or more, got ${graceMs}`);
    }
    const started = process.hrtime.bigint();
    const elapsed = () => Number((process.hrtime.bigint() - started) / 1000000n);
    const output = new OutputCollector(o.redact ?? (text => text), o.onLine);
    const notStarted = (why) => output.result({
        passed: false,
        exitCode: null,
        signal: null,
        timedOut: false,
        durationMs: elapsed(),
        text: `could not start: ${why}`
    });
    if (process.platform === 'win32')
        return notStarted('verify-command is not supported on Windows');
    if (!(0,command_check/* isDirectory */.wd)(o.cwd))
        return notStarted(`working directory "${o.cwd}" does not exist`);
    const base = o.env ?? process.env;
    const env = {
        ...base,
        [COMMAND_ENV.endpointName]: o.context.endpointName,
        [COMMAND_ENV.region]: o.context.region,
        AWS_REGION: o.context.region,
        AWS_DEFAULT_REGION: o.context.region,
        [COMMAND_ENV.step]: String(o.context.step),
        [COMMAND_ENV.greenPercent]: String(o.context.greenPercent)
    };
    // The watchdog runs with no Node options (a preload would put it back on a virtual clock);
    // the command gets them back.
    delete env.NODE_OPTIONS;
    const bash = (0,command_check/* findOnPath */.aY)('bash', base, o.cwd);
    const shell = bash !== undefined
        ? [bash, '-e', '-o', 'pipefail', '-c']
        : [(0,command_check/* findOnPath */.aY)('sh', base, o.cwd) ?? '/bin/sh', '-e', '-c'];
    const config = {
        // sh puts the command's stderr on its stdout, so the two interleave as they came.
        file: '/bin/sh',
        args: ['-c', 'exec "$@" 2>&1', 'sh', ...shell, command],
        cwd: o.cwd,
        // Node takes a longer timer for 1 ms.
        timeoutMs: Math.min(o.timeoutMs, 2 ** 31 - 1),
        graceMs: Math.min(graceMs, 2 ** 31 - 1),
        nodeOptions: base.NODE_OPTIONS ?? null
    };
    return new Promise(done => {
        let watchdog;
        try {
            watchdog = (0,external_node_child_process_.spawn)(process.execPath, ['--input-type=commonjs', '-e', WATCHDOG, JSON.stringify(config)], { env, stdio: ['pipe', 'pipe', 'pipe'] });
        }
        catch (e) {
            done(notStarted(e.message));
            return;
        }
        const decoder = new external_node_string_decoder_.StringDecoder('utf8');
        let reportText = '';
        let failed;
        watchdog.stdout.on('data', (chunk) => output.add(decoder.write(chunk)));
        watchdog.stderr.on('data', (chunk) => {
            reportText = (reportText + chunk.toString('utf8')).slice(-65536);
        });
        // Kept open while it runs (its end tells the watchdog the action is gone); a write never comes.
        watchdog.stdin.on('error', () => { });
        watchdog.on('error', e => (failed = e.message));
        watchdog.on('close', (code, signal) => {
            output.add(decoder.end());
            output.end();
            const report = parseReport(reportText);
            if (report === undefined || report.error !== null) {
                const why = report?.error ??
                    failed ??
                    `its watchdog (${process.execPath}) ended with ${signal ?? `code ${code}`}: ${reportText.trim().slice(-500)}`;
                done(notStarted(why));
                return;
            }
            done(output.result({
                passed: report.exitCode === 0 && !report.timedOut && report.cancelled === null,
                exitCode: report.exitCode,
                signal: report.signal,
                timedOut: report.timedOut,
                durationMs: report.durationMs,
                text: resultText(report, o.timeoutMs, graceMs)
            }));
        });
    });
}
function parseReport(text) {
    const lines = text.trim().split('\n');
    const last = lines[lines.length - 1] ?? '';
    try {
        const parsed = JSON.parse(last);
        return parsed !== null && parsed.watchdog === 1 ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function resultText(report, timeoutMs, graceMs) {
    const took = `${(report.durationMs / 1000).toFixed(1)} s`;
    if (report.timedOut) {
        const hard = report.killed ? `; it ignored SIGTERM, SIGKILL after ${limit(graceMs)}` : '';
        return `killed after ${limit(timeoutMs)} (verify-command-timeout): it did not finish${hard}`;
    }
    if (report.cancelled !== null)
        return `stopped after ${took}: the action was cancelled (${report.cancelled})`;
    if (report.signal !== null)
        return `killed by ${report.signal} after ${took}`;
    return `exit ${report.exitCode} in ${took}`;
}
/** A stated limit: "60 s", "1.5 s". */
const limit = (ms) => `${Number((ms / 1000).toFixed(1))} s`;
/** The output, line by line: redacted, passed on, kept (capped) and its tail. */
class OutputCollector {
    redact;
    onLine;
    kept = '';
    cut = 0;
    pending = '';
    tail = [];
    constructor(redact, onLine) {
        this.redact = redact;
        this.onLine = onLine;
    }
    add(text) {
        this.pending += text;
        let newline;
        while ((newline = this.pending.indexOf('\n')) >= 0) {
            this.line(this.pending.slice(0, newline).replace(/\r$/, ''));
            this.pending = this.pending.slice(newline + 1);
        }
        while (this.pending.length > MAX_LINE_CHARS) {
            this.line(this.pending.slice(0, MAX_LINE_CHARS));
            this.pending = this.pending.slice(MAX_LINE_CHARS);
        }
    }
    end() {
        if (this.pending !== '')
            this.line(this.pending);
        this.pending = '';
    }
    line(raw) {
        const line = this.redact(raw);
        this.onLine?.(line);
        this.kept += `${line}\n`;
        // Trimmed now and then, not at every line: the cut is what a reader misses either way.
        if (this.kept.length > 2 * OUTPUT_CAP)
            this.trim();
        this.tail.push(line.length > TAIL_LINE_CHARS ? `${line.slice(0, TAIL_LINE_CHARS - 1)}…` : line);
        if (this.tail.length > TAIL_LINES)
            this.tail.shift();
    }
    trim() {
        if (this.kept.length <= OUTPUT_CAP)
            return;
        this.cut += this.kept.length - OUTPUT_CAP;
        this.kept = this.kept.slice(-OUTPUT_CAP);
    }
    result(r) {
        this.trim();
        const output = this.cut > 0 ? `[${this.cut} earlier characters cut]\n${this.kept}` : this.kept;
        return { ...r, output, tail: [...this.tail] };
    }
}


// EXTERNAL MODULE: ./src/guard/gate/alarm.ts
var alarm = __webpack_require__(232);
;// CONCATENATED MODULE: ./src/guard/gate/rule.ts
// Pure: the gate's statistical rule. Before the update the gate sends the golden requests to blue
// alone and counts the answers that mismatch (the baseline); at each traffic step SageMaker sends
// a known share g of them to green, and the gate counts again. The step's mismatch rate is the
// mixture (1 − g)·p_blue + g·p_green, which equals blue's whatever g when green is as good as blue:
// so "is green worse?" is "is the step's rate above the baseline's?", two binomial counts compared
// by a one-sided Fisher exact test. Exact, because the counts are small (tens of requests, often no
// mismatch at all) where the normal approximation is wrong; conditional on the margins, so blue's
// unknown rate drops out. docs/gate-rule.md gives the power and false-positive tables.

/**
 * The rule's constants.
 * - `alpha` 0.001: the gate looks after every answer of a step (up to a few hundred looks), and
 *   a false alarm rolls back a good model; 0.001 per look keeps the false-positive rate of the
 *   whole sequence of looks under 1 % (measured, docs/gate-rule.md), while 6 mismatches in 30
 *   answers against a clean baseline of 60 still fail (p ≈ 0.001).
 * - `minSamples` 20: below it a few unlucky answers decide; at 20 with a clean baseline of 60 the
 *   gate needs 5 mismatches (25 %) to fail, so a broken model is still caught early.
 * - `maxErrorShare` 0.5: when most requests get no answer, the mismatch count says little about
 *   green; the gate fails rather than pass what it cannot see.
 */
const RULE = { alpha: 0.001, minSamples: alarm/* GATE_MIN_SAMPLES */.Vs, maxErrorShare: 0.5 };
// ln(k!) for small k, summed once; Stirling's series beyond, where it is exact to double precision.
const TABLE_SIZE = 1024;
const LOG_FACTORIAL = (() => {
    const table = new Float64Array(TABLE_SIZE);
    for (let k = 2; k < TABLE_SIZE; k++)
        table[k] = table[k - 1] + Math.log(k);
    return table;
})();
/** ln(k!) for a whole k ≥ 0. */
function logFactorial(k) {
    if (k < TABLE_SIZE)
        return LOG_FACTORIAL[k];
    const k2 = k * k;
    return (k * Math.log(k) -
        k +
        0.5 * Math.log(2 * Math.PI * k) +
        1 / (12 * k) -
        1 / (360 * k * k2) +
        1 / (1260 * k * k2 * k2));
}
function logChoose(n, k) {
    return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}
function counts(what, c) {
    const whole = (v) => Number.isSafeInteger(v) && v >= 0;
    if (!whole(c.answered) || !whole(c.mismatches) || c.mismatches > c.answered) {
        throw new RangeError(`${what}: ${c.mismatches} mismatches of ${c.answered} answers are not counts (whole, 0 ≤ mismatches ≤ answered)`);
    }
}
/**
 * The one-sided Fisher exact test of x mismatches in n step answers against x0 in n0 baseline
 * answers: P(X ≥ x) for X hypergeometric (n drawn from n + n0 answers of which x + x0 mismatched),
 * scipy's `fisher_exact([[x, n - x], [x0, n0 - x0]], alternative='greater')`. Summed in log space
 * from the end of the tail where the terms shrink, so it neither overflows nor loses small values
 * for n in the hundreds of thousands.
 */
function fisherOneSidedP(x0, n0, x, n) {
    counts('baseline', { answered: n0, mismatches: x0 });
    counts('step', { answered: n, mismatches: x });
    const total = n + n0;
    const bad = x + x0;
    const low = Math.max(0, n - (total - bad));
    const high = Math.min(n, bad);
    if (x <= low)
        return 1;
    const logPmf = (k) => logChoose(bad, k) + logChoose(total - bad, n - k) - logChoose(total, n);
    // pmf(k + 1) / pmf(k)
    const up = (k) => ((bad - k) * (n - k)) / ((k + 1) * (total - bad - n + k + 1));
    const mode = Math.floor(((n + 1) * (bad + 1)) / (total + 2));
    if (x > mode) {
        // Upper tail from x: every term smaller than the one before.
        let term = 1;
        let sum = 1;
        for (let k = x; k < high && term > sum * 1e-17; k++) {
            term *= up(k);
            sum += term;
        }
        return Math.min(1, Math.exp(logPmf(x)) * sum);
    }
    // x at or below the mode: 1 − the lower tail below x, summed downward (terms shrink there too).
    let term = 1;
    let sum = 1;
    for (let k = x - 1; k > low && term > sum * 1e-17; k--) {
        term /= up(k - 1);
        sum += term;
    }
    return Math.max(0, Math.min(1, 1 - Math.exp(logPmf(x - 1)) * sum));
}
/**
 * The fewest mismatches among n step answers that fail the gate against x0 of n0 at baseline, or
 * undefined when no count can (n below MIN_SAMPLES, or even n of n is not evidence enough).
 */
function criticalMismatches(x0, n0, n, rule = RULE) {
    if (n < rule.minSamples)
        return undefined;
    if (fisherOneSidedP(x0, n0, n, n) >= rule.alpha)
        return undefined;
    // p falls as x grows: the smallest failing x by bisection.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (fisherOneSidedP(x0, n0, mid, n) < rule.alpha)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
function pct(rate) {
    if (rate > 0 && rate < 0.01)
        return '<1 %';
    if (rate > 0.99 && rate < 1)
        return '>99 %';
    return `${Math.round(rate * 100)} %`;
}
/** A p-value for people: two significant digits, 2.1e-5 below 0.01. */
function formatP(p) {
    if (p === 0)
        return '0';
    if (p < 0.01)
        return p.toExponential(1);
    return String(Number(p.toPrecision(2)));
}
/**
 * The gate's verdict at one look during a step.
 * - `wait` while fewer than MIN_SAMPLES answers are in (unless errors already fail it);
 * - `fail` / 'mismatches' when the Fisher p-value is below ALPHA: the step's answers mismatch
 *   more often than blue's baseline, more than chance explains;
 * - `fail` / 'errors' when over MAX_ERROR_SHARE of at least MIN_SAMPLES attempts got no answer:
 *   the gate cannot see. Errors are not mismatches and never cancel one: they are counted apart,
 *   and can only add a reason to fail. Mismatches win when both fail (the stronger statement).
 * - `pass` otherwise.
 * Green's own rate is estimated as (observed − (1 − g)·baseline) / g, clamped to 0..1: for people
 * only, the test itself needs no g.
 */
function judge(input) {
    const { baseline, step, errors, greenShare: g } = input;
    counts('baseline', baseline);
    counts('step', step);
    if (!Number.isSafeInteger(errors) || errors < 0) {
        throw new RangeError(`errors: ${errors} is not a count`);
    }
    if (!(g >= 0 && g <= 1))
        throw new RangeError(`greenShare: ${g} is not a share (0..1)`);
    const baselineRate = baseline.answered ? baseline.mismatches / baseline.answered : 0;
    const observedRate = step.answered ? step.mismatches / step.answered : 0;
    const greenRate = g > 0 && step.answered > 0
        ? Math.min(1, Math.max(0, (observedRate - (1 - g) * baselineRate) / g))
        : undefined;
    const attempts = step.answered + errors;
    const errorsFail = attempts >= RULE.minSamples && errors / attempts > RULE.maxErrorShare;
    const enough = step.answered >= RULE.minSamples;
    const pValue = enough
        ? fisherOneSidedP(baseline.mismatches, baseline.answered, step.mismatches, step.answered)
        : undefined;
    const mismatchFail = pValue !== undefined && pValue < RULE.alpha;
    const verdict = mismatchFail || errorsFail ? 'fail' : enough ? 'pass' : 'wait';
    const reason = mismatchFail ? 'mismatches' : errorsFail ? 'errors' : undefined;
    const parts = [
        `${step.mismatches} of ${step.answered} answers mismatched (${pct(observedRate)}) vs blue's ${baseline.mismatches} of ${baseline.answered}` +
            (baseline.answered ? '' : ' (no baseline: nothing to compare with)')
    ];
    if (greenRate !== undefined) {
        parts.push(`green alone ≈ ${pct(greenRate)} at ${pct(g)} traffic`);
    }
    if (errors > 0) {
        parts.push(`${errors} of ${attempts} requests got no answer (${pct(errors / attempts)}; errors, not mismatches)` +
            (errorsFail ? `, more than ${pct(RULE.maxErrorShare)}: the gate cannot see` : ''));
    }
    parts.push(pValue === undefined
        ? `${step.answered} answers, ${RULE.minSamples} needed to judge`
        : `Fisher one-sided p = ${formatP(pValue)} ${mismatchFail ? '<' : '≥'} ${RULE.alpha}`);
    return {
        verdict,
        reason,
        pValue,
        baselineRate,
        observedRate,
        greenRate,
        text: `${parts.join('; ')}: ${verdict}`
    };
}
// criticalMismatches at m from its value at m − 1, a few p-values away (it moves by a step or so).
function nextCritical(x0, n0, m, before, rule) {
    if (before === undefined)
        return criticalMismatches(x0, n0, m, rule);
    const fails = (x) => fisherOneSidedP(x0, n0, x, m) < rule.alpha;
    let c = Math.min(before, m);
    while (c > 0 && fails(c - 1))
        c--;
    while (c <= m && !fails(c))
        c++;
    return c <= m ? c : undefined;
}
function binomialPmf(n, p, k) {
    if (p <= 0)
        return k === 0 ? 1 : 0;
    if (p >= 1)
        return k === n ? 1 : 0;
    return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}
/**
 * The chance that the gate has failed a step by its m-th answer, for m = 0..maxAnswered, looking
 * after every answer from MIN_SAMPLES on as it runs, exactly (no simulation): the baseline count
 * weighted by its binomial law, then the step's running count walked forward, the paths that
 * reach the critical count absorbed. Errors left out (a step with no errors).
 */
function failureCurve(s, maxAnswered, rule = RULE) {
    const q = (1 - s.greenShare) * s.blueRate + s.greenShare * s.greenRate;
    const n0 = s.baselineAnswered;
    const curve = new Array(maxAnswered + 1).fill(0);
    for (let x0 = 0; x0 <= n0; x0++) {
        const weight = binomialPmf(n0, s.blueRate, x0);
        if (weight < 1e-12)
            continue;
        let alive = [1];
        let failed = 0;
        let crit;
        for (let m = 1; m <= maxAnswered; m++) {
            const next = new Array(alive.length + 1).fill(0);
            alive.forEach((mass, x) => {
                next[x] = next[x] + mass * (1 - q);
                next[x + 1] = next[x + 1] + mass * q;
            });
            crit = nextCritical(x0, n0, m, crit, rule);
            if (crit !== undefined && crit < next.length) {
                failed += next.slice(crit).reduce((a, b) => a + b, 0);
                next.length = crit;
            }
            alive = next;
            curve[m] = curve[m] + weight * failed;
        }
    }
    return curve;
}
/**
 * The answers a step needs for the gate to fail it with the given confidence (0.95 by default),
 * or undefined when even maxAnswered is not enough: the plan's "time to judge" at the gate's rate.
 */
function answersToDetect(s, confidence = 0.95, maxAnswered = 1000, rule = RULE) {
    const m = failureCurve(s, maxAnswered, rule).findIndex(p => p >= confidence);
    return m < 0 ? undefined : m;
}

;// CONCATENATED MODULE: ./src/guard/gate/gate.ts
// The verification gate at run time: a baseline on blue before any write, then golden requests
// at the gate's rate through every bake, and the user's command after each shift. A failed check
// publishes a breach of the gate's metric; the gate alarm, in the update's rollback alarms, makes
// SageMaker roll back. The gate never writes to the endpoint itself.





/** Blue answers the baseline needs at least (every line once, then round again). */
const BASELINE_REQUESTS = 60;
/** A golden request's own deadline: a slow answer is an error, not a stall of the gate. */
const INVOKE_DEADLINE_MS = 10_000;
class Gate {
    plan;
    request;
    deps;
    expectations;
    checks = [];
    windows = [];
    baseline;
    breach;
    cancelText;
    next = 0;
    sent = 0;
    running = false;
    loops = [];
    stopper = new AbortController();
    commandQueue;
    commandBusy;
    constructor(plan, request, deps) {
        this.plan = plan;
        this.request = request;
        this.deps = deps;
        this.expectations = request.requests.map(r => ({
            request: r,
            expected: r.expected,
            known: r.hasExpected
        }));
    }
    /**
     * Before any write, on the live (blue) endpoint: blue's answers and mismatch rate, and the
     * command once (step 0). Returns why the deployment must not start, or undefined.
     */
    async baselineOnBlue() {
        if (this.expectations.length) {
            const counts = { answered: 0, mismatches: 0, errors: 0 };
            const started = this.deps.now();
            const interval = 1000 / this.request.ratePerSecond;
            const total = Math.max(BASELINE_REQUESTS, this.expectations.length);
            for (let i = 0; i < total && !this.deps.signal?.aborted; i++) {
                const e = this.expectations[i % this.expectations.length];
                const answer = await this.invoke(e.request);
                if (answer === undefined)
                    counts.errors += 1;
                else {
                    counts.answered += 1;
                    if (!e.known) {
                        e.expected = normaliseAnswer(answer);
                        e.known = true;
                    }
                    else if (!answerMatches(e.expected, answer, e.request.tolerance))
                        counts.mismatches += 1;
                }
                await this.deps.sleep(Math.max(0, started + (i + 1) * interval - this.deps.now()), this.deps.signal);
            }
            this.baseline = counts;
            const text = `Blue: ${counts.mismatches} of ${counts.answered} answers mismatched${counts.errors ? `, ${counts.errors} calls failed` : ''}.`;
            this.checks.push({
                kind: 'requests',
                baseline: true,
                step: 0,
                greenPercent: 0,
                at: this.deps.now(),
                verdict: 'pass',
                answered: counts.answered,
                mismatches: counts.mismatches,
                errors: counts.errors,
                text
            });
            this.deps.log.info(`Verification gate baseline on blue (${this.sent} golden requests): ${text}`);
            if (counts.answered === 0) {
                return `verify-requests: none of the ${counts.errors} golden requests sent to the live endpoint was answered, so there is no baseline to judge the new model against. Check that the endpoint answers these requests (content type, body) and that the credentials allow sagemaker:InvokeEndpoint.`;
            }
            const unknown = this.expectations.filter(e => !e.known);
            if (unknown.length) {
                return `verify-requests: blue never answered line${unknown.length === 1 ? '' : 's'} ${unknown.map(e => e.request.line).join(', ')}, which ${unknown.length === 1 ? 'has' : 'have'} no expected answer to compare with.`;
            }
        }
        if (this.request.command !== undefined) {
            const result = await this.runCommand(0, 0);
            if (!result.passed) {
                return `verify-command fails on the live endpoint before any change (${result.text}): the gate would fail the new model for it. Fix the command, or the endpoint, first.`;
            }
        }
        return undefined;
    }
    /** From the accepted update on: golden requests at the gate's rate, until stop(). */
    start() {
        if (this.running)
            return;
        this.running = true;
        this.open(0);
        if (this.expectations.length)
            this.loops.push(this.sampleLoop());
    }
    /** The traffic the watch sees now: a new share of green is a new step (and a command run). */
    observe(greenPercent) {
        const current = this.windows.at(-1);
        if (!this.running || !current || current.greenPercent === greenPercent)
            return;
        // Back to blue (a rollback): nothing more to judge.
        if (greenPercent === 0) {
            this.stopper.abort();
            return;
        }
        const step = current.step + 1;
        this.open(greenPercent, step);
        if (this.request.command !== undefined)
            this.queueCommand(step, greenPercent);
    }
    /** Ends the checks; what they found. */
    async stop() {
        this.stopper.abort();
        await Promise.allSettled([...this.loops, this.commandBusy ?? Promise.resolve()]);
        this.close();
        return this.report();
    }
    /**
     * The job is cancelled while SageMaker shifts traffic. on-cancel: rollback publishes the
     * breach (twice, GATE_PUBLISH_SECONDS apart, so one lost call or one late datapoint does not
     * leave it unseen) and SageMaker rolls back; leave lets the update go on under its alarms.
     */
    async onCancel() {
        this.stopper.abort();
        if (this.request.onCancel === 'leave') {
            this.cancelText = `Cancelled with on-cancel: leave: SageMaker goes on with the update, guarded by its alarms only (nobody runs the gate's checks any more).`;
            return this.cancelText;
        }
        const ok = await this.publish(1, { ignoreCancel: true });
        await this.deps.pause(alarm/* GATE_PUBLISH_SECONDS */.oF * 1000);
        const again = await this.publish(1, { ignoreCancel: true });
        this.cancelText =
            ok || again
                ? `Cancelled with on-cancel: rollback: the action published a breach of the gate alarm ${this.plan.alarmName}, so SageMaker rolls the endpoint back to its previous config (within about ${alarm/* GATE_PUBLISH_SECONDS */.oF * 2 + 20} s).`
                : `Cancelled with on-cancel: rollback, but the breach of the gate alarm ${this.plan.alarmName} could not be published: SageMaker goes on with the update under its alarms. Look at the endpoint now.`;
        this.breach ??= { at: this.deps.now(), why: 'the job was cancelled (on-cancel: rollback)' };
        return this.cancelText;
    }
    /** What the checks found so far (the in-progress comment), the open step's included. */
    snapshot() {
        const w = this.windows.at(-1);
        const report = this.report();
        if (!w || w.answered + w.errors === 0)
            return report;
        return { ...report, checks: [...report.checks, windowCheck(w, 'so far')] };
    }
    /** Why the gate failed, when it did. */
    failure() {
        return this.breach?.why;
    }
    open(greenPercent, step = 0) {
        this.close();
        this.windows.push({
            step,
            greenPercent,
            at: this.deps.now(),
            answered: 0,
            mismatches: 0,
            errors: 0,
            verdict: 'wait',
            text: '',
            pValue: undefined
        });
    }
    /** The window's last judgement becomes a check of the report. */
    close() {
        const w = this.windows.at(-1);
        if (!w || w.answered + w.errors === 0)
            return;
        if (this.checks.some(c => c.kind === 'requests' && !c.baseline && c.step === w.step && c.at === w.at))
            return;
        this.checks.push(windowCheck(w, 'too few to judge'));
    }
    async sampleLoop() {
        const interval = 1000 / this.request.ratePerSecond;
        const signal = this.stopper.signal;
        while (!signal.aborted && !this.deps.signal?.aborted) {
            const began = this.deps.now();
            const e = this.expectations[this.next++ % this.expectations.length];
            const w = this.windows.at(-1);
            const answer = await this.invoke(e.request);
            // A failed gate has said all it can: no more traffic on a model known to be wrong.
            if (signal.aborted || this.breach)
                break;
            const mismatch = answer !== undefined && !answerMatches(e.expected, answer, e.request.tolerance);
            if (answer === undefined)
                w.errors += 1;
            else {
                w.answered += 1;
                if (mismatch)
                    w.mismatches += 1;
            }
            // While green has no traffic (it is provisioning) every answer is blue's: the baseline grows.
            // One sent just after a shift the watch has not seen yet may be green's: that can only make
            // blue look worse, which errs towards passing green, never towards a false failure.
            if (w.greenPercent === 0 && this.baseline && answer !== undefined) {
                this.baseline.answered += 1;
                if (mismatch)
                    this.baseline.mismatches += 1;
                w.verdict = 'pass';
                w.text = `blue only (green has no traffic yet): added to the baseline, now ${this.baseline.mismatches} of ${this.baseline.answered} mismatched.`;
            }
            else
                this.judgeWindow(w);
            await this.deps.sleep(Math.max(0, began + interval - this.deps.now()), signal);
        }
    }
    judgeWindow(w) {
        if (!this.baseline || w.verdict === 'fail')
            return;
        const result = judge({
            baseline: { answered: this.baseline.answered, mismatches: this.baseline.mismatches },
            step: { answered: w.answered, mismatches: w.mismatches },
            errors: w.errors,
            greenShare: w.greenPercent / 100
        });
        w.verdict = result.verdict;
        w.text = result.text;
        w.pValue = result.pValue;
        if (result.verdict === 'fail') {
            this.fail(`golden requests at ${w.greenPercent} % green (step ${w.step}): ${result.text}`, w.step);
        }
    }
    queueCommand(step, greenPercent) {
        this.commandQueue = { step, greenPercent };
        if (this.commandBusy)
            return;
        const drain = async () => {
            while (this.commandQueue && !this.stopper.signal.aborted) {
                const { step: s, greenPercent: g } = this.commandQueue;
                this.commandQueue = undefined;
                const result = await this.runCommand(s, g);
                if (!result.passed)
                    this.fail(`verify-command at ${g} % green (step ${s}): ${result.text}`, s);
            }
            this.commandBusy = undefined;
        };
        this.commandBusy = drain();
    }
    async runCommand(step, greenPercent) {
        const { deps } = this;
        deps.log.info(`verify-command (step ${step}, green ${greenPercent} %):`);
        const result = await runVerifyCommand(this.request.command, {
            context: { endpointName: deps.endpointName, region: deps.region, step, greenPercent },
            cwd: deps.cwd,
            timeoutMs: this.request.commandTimeoutSeconds * 1000,
            redact: deps.redact,
            onLine: line => deps.log.info(`  ${line}`)
        });
        deps.log.info(`verify-command (step ${step}): ${result.text}`);
        this.checks.push({
            kind: 'command',
            ...(this.running ? {} : { baseline: true }),
            step,
            greenPercent,
            at: deps.now(),
            verdict: result.passed ? 'pass' : 'fail',
            text: result.text,
            tail: result.tail
        });
        return result;
    }
    /** A failed check: the breach is published now and kept up until the run ends. */
    fail(why, step) {
        if (this.breach)
            return;
        this.breach = { at: this.deps.now(), why };
        this.deps.log.warning(`Verification gate failed (step ${step}): ${why} Publishing a breach of ${this.plan.alarmName}: SageMaker rolls back when the alarm fires.`);
        this.loops.push(this.breachLoop());
    }
    async breachLoop() {
        const signal = this.stopper.signal;
        while (!signal.aborted && !this.deps.signal?.aborted) {
            await this.publish(1);
            await this.deps.sleep(alarm/* GATE_PUBLISH_SECONDS */.oF * 1000, signal);
        }
    }
    async publish(value, o = {}) {
        try {
            await this.deps.api.putMetricData(this.plan.namespace, [
                {
                    MetricName: this.plan.metricName,
                    Dimensions: this.plan.dimensions.map(d => ({ ...d })),
                    Timestamp: new Date(this.deps.now()),
                    Value: value,
                    Unit: 'Count',
                    StorageResolution: 1
                }
            ], { deadlineMs: 5000, ...(o.ignoreCancel ? { ignoreCancel: true } : {}) });
            return true;
        }
        catch (e) {
            this.deps.log.warning(`Could not publish the gate's metric: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return false;
        }
    }
    async invoke(request) {
        this.sent += 1;
        try {
            const out = await this.deps.api.invokeEndpoint({
                endpointName: this.deps.endpointName,
                body: request.body,
                contentType: request.contentType,
                accept: request.accept
            }, { deadlineMs: INVOKE_DEADLINE_MS });
            return out.body;
        }
        catch {
            return undefined;
        }
    }
    report() {
        return {
            checks: [...this.checks].sort((a, b) => Number(!a.baseline) - Number(!b.baseline) || a.at - b.at || a.step - b.step),
            baseline: this.baseline,
            ...(this.breach ? { breach: this.breach } : {}),
            ...(this.cancelText ? { cancel: this.cancelText } : {}),
            sent: this.sent
        };
    }
}
/** A step's golden requests as a check of the report. */
function windowCheck(w, unjudged) {
    return {
        kind: 'requests',
        step: w.step,
        greenPercent: w.greenPercent,
        at: w.at,
        verdict: w.verdict,
        answered: w.answered,
        mismatches: w.mismatches,
        errors: w.errors,
        pValue: w.pValue,
        text: w.text || `${w.answered} answered: ${unjudged}.`
    };
}


/***/ })

};

//# sourceMappingURL=507.index.js.map