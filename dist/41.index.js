export const id = 41;
export const ids = [41];
export const modules = {

/***/ 2041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createNotifier: () => (/* binding */ createNotifier)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./src/github/client.ts
const DEFAULT_API_URL = 'https://api.github.com';
async function githubClient(token, apiUrl) {
    const { getOctokit: create } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    const baseUrl = apiUrl ?? (process.env['GITHUB_API_URL'] || DEFAULT_API_URL);
    return create(token, { baseUrl });
}

;// CONCATENATED MODULE: ./src/github/errors.ts
// Every GitHub failure becomes a warning a user can act on; none fails the deployment.
const TOKEN_PATTERN = /\b(gh[pousr]_[A-Za-z0-9_]{10,}|github_pat_[A-Za-z0-9_]{10,})\b/g;
/** Removes the token (and anything shaped like a GitHub token) from a message. */
function redact(text, token) {
    let clean = text;
    if (token !== undefined && token.length > 0)
        clean = clean.split(token).join('***');
    return clean.replace(TOKEN_PATTERN, '***');
}
/** Status and a short reason from an Octokit RequestError, a fetch failure, or anything thrown. */
function errorFacts(error, token) {
    const record = typeof error === 'object' && error !== null ? error : {};
    const status = typeof record['status'] === 'number' ? record['status'] : undefined;
    const response = record['response'];
    const apiMessage = response?.data?.message;
    let detail;
    if (typeof apiMessage === 'string' && apiMessage.length > 0)
        detail = apiMessage;
    else if (error instanceof Error)
        detail = causeText(error);
    else
        detail = String(error);
    // Octokit appends the documentation URL after " - ": keep only the reason.
    detail = (detail.split(' - ')[0] ?? detail).trim();
    return { status, detail: redact(detail, token).slice(0, 200) };
}
function causeText(error) {
    const cause = error.cause;
    if (cause instanceof Error && cause.message.length > 0)
        return `${error.message}: ${cause.message}`;
    return error.message;
}
/** "(403 Resource not accessible by integration)" or "(fetch failed: connect ECONNREFUSED ...)". */
function reasonText(facts) {
    return facts.status === undefined ? `(${facts.detail})` : `(${facts.status} ${facts.detail})`;
}
/** 401, 403 and 404 will not heal within a run: stop calling after the first one. */
function isPermanent(facts) {
    return facts.status === 401 || facts.status === 403 || facts.status === 404;
}

;// CONCATENATED MODULE: ./src/github/deployment.ts
// A GitHub Deployment that mirrors the SageMaker rollout: created at the start, moved to
// in_progress, then success / failure / error with the verdict. Failures become warnings.


/** GitHub limits a deployment (status) description to 140 characters. */
const MAX_DESCRIPTION = 140;
const FIX_403 = 'Give the job "permissions: deployments: write", or set github-deployment: false.';
class GitHubDeployments {
    options;
    client;
    target;
    constructor(options) {
        this.options = options;
    }
    async createDeployment(request) {
        if (this.options.token === '')
            return noToken('create the GitHub deployment');
        try {
            const client = await this.octokit();
            const { owner, repo, ref, environment } = request;
            const created = await client.rest.repos.createDeployment({
                owner,
                repo,
                ref,
                environment,
                description: clip(request.description),
                auto_merge: false,
                required_contexts: [],
                transient_environment: false,
                production_environment: request.productionEnvironment ?? false,
                ...(request.payload === undefined ? {} : { payload: { ...request.payload } })
            });
            const id = created.data.id;
            if (typeof id !== 'number') {
                const message = created.data.message;
                return this.fail('create the GitHub deployment', {
                    status: created.status,
                    detail: typeof message === 'string' ? message : 'no deployment id in the answer'
                });
            }
            this.target = { owner, repo };
            return { ok: true, value: id };
        }
        catch (error) {
            return this.fail('create the GitHub deployment', errorFacts(error, this.options.token));
        }
    }
    /** Sets the state of a deployment created by createDeployment. */
    async setStatus(deploymentId, state, details = {}) {
        const action = `set the GitHub deployment status to ${state}`;
        if (this.options.token === '')
            return noToken(action);
        if (this.target === undefined)
            return { ok: false, warning: `Could not ${action}: the deployment was never created.` };
        try {
            const client = await this.octokit();
            const status = await client.rest.repos.createDeploymentStatus({
                ...this.target,
                deployment_id: deploymentId,
                state,
                ...(details.logUrl === undefined ? {} : { log_url: details.logUrl }),
                ...(details.environmentUrl === undefined
                    ? {}
                    : { environment_url: details.environmentUrl }),
                ...(details.description === undefined ? {} : { description: clip(details.description) })
            });
            return { ok: true, value: status.data.id };
        }
        catch (error) {
            return this.fail(action, errorFacts(error, this.options.token));
        }
    }
    fail(action, facts) {
        return { ok: false, warning: `Could not ${action} ${reasonText(facts)}. ${fix(facts.status)}` };
    }
    octokit() {
        this.client ??= githubClient(this.options.token, this.options.apiUrl);
        return this.client;
    }
}
function noToken(action) {
    const fixText = 'Set github-token, or set github-deployment: false.';
    return { ok: false, warning: `Could not ${action}: github-token is empty. ${fixText}` };
}
function fix(status) {
    switch (status) {
        case 403:
            return FIX_403;
        case 401:
            return 'Check that github-token is a valid, unexpired token, or set github-deployment: false.';
        case 404:
            return 'Check that github-token can read this repository, or set github-deployment: false.';
        case 409:
        case 422:
            return 'Check that the ref exists and the environment name is valid, or set github-deployment: false.';
        default:
            return 'The SageMaker deployment goes on; set github-deployment: false to skip it.';
    }
}
function clip(text) {
    return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/github/pr-number.ts
// Which pull request a run belongs to: from the event payload, or the pr-number input.

const PULL_REQUEST_EVENTS = new Set([
    'pull_request',
    'pull_request_target',
    'pull_request_review',
    'pull_request_review_comment'
]);
/**
 * The pull request number of this run: `pull_request.number` for pull-request events,
 * `issue.number` for an `issue_comment` on a pull request, else the pr-number input.
 */
function pullRequestNumber(env, prNumberInput) {
    return fromEvent(env) ?? (isIssueNumber(prNumberInput) ? prNumberInput : undefined);
}
function fromEvent(env) {
    const eventName = env['GITHUB_EVENT_NAME'] ?? '';
    const eventPath = env['GITHUB_EVENT_PATH'];
    if (eventPath === undefined || eventPath === '')
        return undefined;
    const payload = readPayload(eventPath);
    if (payload === undefined)
        return undefined;
    if (PULL_REQUEST_EVENTS.has(eventName))
        return numberOf(payload['pull_request']);
    if (eventName === 'issue_comment') {
        const issue = payload['issue'];
        const onPullRequest = isRecord(issue) && isRecord(issue['pull_request']);
        return onPullRequest ? numberOf(issue) : undefined;
    }
    return undefined;
}
function readPayload(path) {
    try {
        const parsed = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
        return isRecord(parsed) ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
function numberOf(value) {
    if (!isRecord(value))
        return undefined;
    const number = value['number'];
    return isIssueNumber(number) ? number : undefined;
}
function isIssueNumber(value) {
    return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/github/repository.ts
/** "owner/repo" (GITHUB_REPOSITORY) as its two parts, or undefined when malformed. */
function splitRepository(repository) {
    const [owner, repo, ...rest] = repository.split('/');
    if (owner === undefined || repo === undefined || owner === '' || repo === '' || rest.length > 0)
        return undefined;
    return { owner, repo };
}

;// CONCATENATED MODULE: ./src/github/pr-comment.ts
// One pull-request comment per endpoint, found again by a hidden marker and updated in place,
// so a re-run (or a retry with workflow_dispatch and pr-number) edits the same comment.





/** GitHub rejects comment bodies over 65536 characters. */
const MAX_BODY = 65_000;
/** The hidden HTML comment that identifies this endpoint's pull-request comment. */
function commentMarker(endpointName) {
    // Percent-encode anything that could end the HTML comment ("--", ">") or break the line;
    // "%" is encoded too, so two different names never share a marker.
    const safe = endpointName
        .replace(/[^A-Za-z0-9._:/-]/g, char => encodeURIComponent(char).replace(/[!'()*]/g, escapeChar))
        .replace(/--/g, '-%2D');
    return `<!-- sagemaker-blue-green-deploy:endpoint=${safe} -->`;
}
function escapeChar(char) {
    return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}
class PrCommenter {
    options;
    marker;
    commentId;
    disabled = false;
    client;
    queue = Promise.resolve();
    constructor(options) {
        this.options = options;
        this.marker = commentMarker(options.endpointName);
    }
    /** The comment's id once it was found or created. */
    get id() {
        return this.commentId;
    }
    /**
     * Creates the endpoint's comment, or replaces its body in place. Resolves to a warning
     * (with the fix) when GitHub refused, never rejects. After a 401/403/404 later calls are
     * skipped silently, so the log carries the warning once.
     */
    update(markdown) {
        const next = this.queue.then(() => this.send(markdown));
        this.queue = next;
        return next;
    }
    async send(markdown) {
        if (this.disabled)
            return undefined;
        if (this.options.token === '') {
            this.disabled = true;
            return 'Could not update the pull request comment: github-token is empty. Set github-token (the default is ${{ github.token }}), or set pr-comment: false.';
        }
        try {
            const client = await this.octokit();
            const body = this.withMarker(markdown);
            this.commentId ??= await this.find(client);
            if (this.commentId !== undefined && (await this.edit(client, this.commentId, body)))
                return undefined;
            this.commentId = await this.create(client, body);
            return undefined;
        }
        catch (error) {
            const facts = errorFacts(error, this.options.token);
            if (isPermanent(facts))
                this.disabled = true;
            return `Could not update the pull request comment ${reasonText(facts)}. ${this.fix(facts.status)}`;
        }
    }
    octokit() {
        this.client ??= githubClient(this.options.token, this.options.apiUrl);
        return this.client;
    }
    /** The newest comment carrying the marker, whoever wrote it. */
    async find(client) {
        const { owner, repo, issueNumber } = this.options;
        const pages = client.paginate.iterator(client.rest.issues.listComments, {
            owner,
            repo,
            issue_number: issueNumber,
            per_page: 100
        });
        let found;
        for await (const page of pages) {
            for (const comment of page.data)
                if (comment.body?.includes(this.marker))
                    found = comment.id;
        }
        return found;
    }
    /** False when the comment is gone (deleted during the run): the caller creates a new one. */
    async edit(client, commentId, body) {
        const { owner, repo } = this.options;
        try {
            await client.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
            return true;
        }
        catch (error) {
            if (errorFacts(error, undefined).status === 404)
                return false;
            throw error;
        }
    }
    async create(client, body) {
        const { owner, repo, issueNumber } = this.options;
        const created = await client.rest.issues.createComment({
            owner,
            repo,
            issue_number: issueNumber,
            body
        });
        return created.data.id;
    }
    withMarker(markdown) {
        const text = markdown.length > MAX_BODY ? `${markdown.slice(0, MAX_BODY)}\n\n…(truncated)` : markdown;
        return text.includes(this.marker) ? text : `${this.marker}\n${text}`;
    }
    fix(status) {
        const { owner, repo, issueNumber } = this.options;
        switch (status) {
            case 403:
                return 'Give the job "permissions: pull-requests: write" (pull requests from forks only get a read-only token), or set pr-comment: false.';
            case 401:
                return 'Check that github-token is a valid, unexpired token, or set pr-comment: false.';
            case 404:
                return `Check that pull request #${issueNumber} exists in ${owner}/${repo} and that github-token can read it (pr-number, github-token), or set pr-comment: false.`;
            default:
                return 'The deployment goes on; set pr-comment: false to skip the comment.';
        }
    }
}
/**
 * The commenter for this run, or undefined (with the reason, for a debug line) when the
 * run belongs to no pull request or the repository is unknown.
 */
function prCommenterFor(options) {
    const issueNumber = pullRequestNumber(options.env, options.prNumber);
    if (issueNumber === undefined)
        return { commenter: undefined, reason: 'not a pull request run and no pr-number given' };
    const target = splitRepository(options.repository);
    if (target === undefined)
        return {
            commenter: undefined,
            reason: `GITHUB_REPOSITORY "${options.repository}" is not owner/repo`
        };
    const commenter = new PrCommenter({
        token: options.token,
        ...target,
        issueNumber,
        endpointName: options.endpointName,
        apiUrl: options.apiUrl
    });
    return { commenter };
}

// EXTERNAL MODULE: ./src/report/links.ts
var links = __webpack_require__(3303);
;// CONCATENATED MODULE: ./src/notify.ts
// GitHub side effects: the pull-request comment (one per endpoint, updated in place at the start,
// at each traffic step and at the verdict) and the optional GitHub Deployment status. A GitHub
// problem is a warning, never a failed deployment.




const warnOnce = (seen) => (warning) => {
    if (warning && !seen.has(warning)) {
        seen.add(warning);
        core.warning(warning);
    }
};
async function createNotifier(request, run, env) {
    const warn = warnOnce(new Set());
    let commenter;
    if (request.prComment) {
        if (!request.githubToken) {
            warn('pr-comment is on but github-token is empty: no pull request comment.');
        }
        else {
            const found = prCommenterFor({
                token: request.githubToken,
                repository: run.repository,
                endpointName: request.endpointName,
                prNumber: request.prNumber,
                env
            });
            commenter = found.commenter;
            if (!found.commenter)
                core.debug(`No pull request comment: ${found.reason}.`);
        }
    }
    let deployments;
    let deploymentId;
    const target = splitRepository(run.repository);
    const logUrl = (0,links/* runUrl */.Vp)(run);
    if (request.githubDeployment && !request.dryRun && target) {
        deployments = new GitHubDeployments({ token: request.githubToken });
        const created = await deployments.createDeployment({
            ...target,
            ref: run.sha,
            environment: request.deploymentEnvironment ?? request.endpointName,
            description: `SageMaker blue/green deployment to ${request.endpointName}`,
            payload: { endpoint: request.endpointName, region: request.region }
        });
        if (created.ok) {
            deploymentId = created.value;
            const status = await deployments.setStatus(deploymentId, 'in_progress', {
                ...(logUrl ? { logUrl } : {}),
                description: 'Shifting traffic'
            });
            if (!status.ok)
                warn(status.warning);
        }
        else {
            warn(created.warning);
        }
    }
    let lastBody = '';
    return {
        async progress(markdown) {
            if (!commenter || markdown === lastBody)
                return;
            lastBody = markdown;
            warn(await commenter.update(markdown));
        },
        async finish(markdown, outcome, description) {
            if (commenter)
                warn(await commenter.update(markdown));
            if (deployments && deploymentId !== undefined) {
                // Cancelled: the action stopped, not the deployment (SageMaker may still complete it).
                const state = outcome === 'deployed'
                    ? 'success'
                    : outcome === 'started'
                        ? 'in_progress'
                        : outcome === 'cancelled'
                            ? 'error'
                            : 'failure';
                const result = await deployments.setStatus(deploymentId, state, {
                    ...(logUrl ? { logUrl } : {}),
                    description
                });
                if (!result.ok)
                    warn(result.warning);
            }
        }
    };
}


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


/***/ })

};

//# sourceMappingURL=41.index.js.map