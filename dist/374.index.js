export const id = 374;
export const ids = [374];
export const modules = {

/***/ 2728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ isThrottled),
/* harmony export */   BG: () => (/* binding */ isFatal),
/* harmony export */   LT: () => (/* binding */ isInProgress),
/* harmony export */   PH: () => (/* binding */ mayHaveApplied),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   iQ: () => (/* binding */ AwsCallError),
/* harmony export */   mm: () => (/* binding */ isCancelled),
/* harmony export */   so: () => (/* binding */ toCallError),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/* unused harmony exports CANCELLED, NO_ANSWER */
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

/***/ 1374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QUOTA_WINDOW_MS: () => (/* binding */ QUOTA_WINDOW_MS),
/* harmony export */   withPatientReads: () => (/* binding */ withPatientReads)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2728);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1669);


/** How long a throttled call is retried: the same window as PutMetricAlarm's. */
const QUOTA_WINDOW_MS = 180_000;
const READS = [
    'describeEndpoint',
    'describeEndpointConfig',
    'describeModel',
    'describeInferenceComponent',
    'listTags',
    'listEndpointConfigs',
    'describeAlarms'
];
function withPatientReads(api, deps) {
    const patient = {};
    for (const name of READS) {
        const read = api[name];
        const operation = name.charAt(0).toUpperCase() + name.slice(1);
        patient[name] = (arg, o) => o !== undefined
            ? read(arg, o)
            : (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .withBackoff */ .D)(() => read(arg), {
                withinMs: QUOTA_WINDOW_MS,
                now: deps.now,
                sleep: deps.sleep,
                retryable: _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isThrottled */ .B5,
                stopped: () => deps.signal?.aborted === true,
                onRetry: (e, attempt, delay) => deps.log(`${operation}: throttled (${e.code ?? 'Throttling'}); trying again in ${Math.round(delay / 1000)} s (attempt ${attempt + 1})`)
            });
    }
    return { ...api, ...patient };
}


/***/ }),

/***/ 1669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ withBackoff)
/* harmony export */ });
/* unused harmony export backoffDelay */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2728);
// Retrying idempotent calls past the SDK's few quick attempts: jittered exponential backoff over
// a bounded time, so that many rollouts sharing an account's quotas all get through. Only for
// calls that are safe to repeat (reads, PutMetricAlarm); a write that is not idempotent is read
// back instead (see reconcile.ts).

/** Full-jitter exponential delay for the given failed attempt (1-based). */
function backoffDelay(attempt, firstDelayMs, maxDelayMs, random) {
    const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(attempt - 1, 20));
    // Half fixed, half random: never a burst of immediate retries, never aligned with others.
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
async function withBackoff(call, o) {
    const started = o.now();
    const random = o.random ?? Math.random;
    const retryable = o.retryable ?? _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg;
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (e) {
            if (!retryable(e) || o.stopped?.())
                throw e;
            const delay = backoffDelay(attempt, o.firstDelayMs ?? 1000, o.maxDelayMs ?? 20_000, random);
            if (o.now() + delay - started > o.withinMs)
                throw e;
            o.onRetry?.(e, attempt, delay);
            await o.sleep(delay);
            if (o.stopped?.())
                throw e;
        }
    }
}


/***/ })

};

//# sourceMappingURL=374.index.js.map