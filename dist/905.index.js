export const id = 905;
export const ids = [905];
export const modules = {

/***/ 1905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  componentTarget: () => (/* binding */ componentTarget)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/deploy/preflight.ts
var preflight = __webpack_require__(9536);
// EXTERNAL MODULE: ./src/deploy/cleanup.ts
var cleanup = __webpack_require__(9771);
// EXTERNAL MODULE: ./src/deploy/step-identity.ts
var step_identity = __webpack_require__(5704);
// EXTERNAL MODULE: ./src/deploy/target.ts
var target = __webpack_require__(7474);
// EXTERNAL MODULE: ./src/verdict.ts
var verdict = __webpack_require__(3138);
// EXTERNAL MODULE: ./src/watch/reducer.ts + 1 modules
var reducer = __webpack_require__(846);
// EXTERNAL MODULE: ./src/deploy/launch.ts
var launch = __webpack_require__(868);
// EXTERNAL MODULE: ./src/deploy/reconcile.ts
var reconcile = __webpack_require__(9343);
;// CONCATENATED MODULE: ./src/target/component/launch.ts


/** The component in one phrase, for messages. */
function describeComponentState(c) {
    if (!c)
        return 'the inference component does not exist';
    const spec = (c.Specification ?? c.Specifications?.[0]);
    return `${c.InferenceComponentStatus ?? 'Unknown'} on ${typeof spec?.ModelName === 'string' ? spec.ModelName : '?'}`;
}
/**
 * Pure: whether a read shows this run's update: the component on this step's model, or (only when
 * the request may have reached SageMaker unanswered) updating since the request. A request that
 * SageMaker answered with an error was refused: then only this step's model proves otherwise, never
 * a newer LastModifiedTime, which another run's update gives too.
 */
function classifyComponentWrite(c, modelName, lastModifiedBefore, answered = false) {
    const seen = describeComponentState(c);
    if (!c)
        return { kind: 'not-applied', seen };
    const spec = (c.Specification ?? c.Specifications?.[0]);
    if (spec?.ModelName === modelName)
        return { kind: 'applied', seen };
    const modified = c.LastModifiedTime instanceof Date ? c.LastModifiedTime.getTime() : undefined;
    const moved = modified !== undefined && lastModifiedBefore !== undefined && modified > lastModifiedBefore;
    const applied = !answered && c.InferenceComponentStatus === 'Updating' && moved;
    return { kind: applied ? 'applied' : 'not-applied', seen };
}
function readBack(api, plan, pause, mayStillArrive) {
    const component = plan.component;
    if (!component)
        throw new Error('not a component plan');
    return (0,reconcile/* readBackWith */.K)(async (o) => classifyComponentWrite(await api.describeInferenceComponent(component.name, o), plan.greenModelName, component.lastModifiedTime, 
    // An error SageMaker answered (a 4XX) is a refusal: the request cannot still arrive.
    !mayStillArrive), pause, mayStillArrive);
}
/** The component's write: exactly one UpdateInferenceComponent with this step's model. */
const COMPONENT_WRITE = {
    noun: 'inference component',
    prepare: async (plan, modelName) => ({ plan: withModel(plan, modelName), config: undefined }),
    operation: () => 'UpdateInferenceComponent',
    send: async (plan, api) => {
        await api.updateInferenceComponent(componentOf(plan).updateInferenceComponent);
    },
    requested: plan => {
        const component = componentOf(plan);
        return `UpdateInferenceComponent ${component.name} → ${plan.greenModelName} requested (batches of ${component.batchCopies} of ${component.copies} copies)`;
    },
    reached: (_plan, seen) => `UpdateInferenceComponent reached SageMaker: the component is ${seen}.`,
    readBack: (plan, deps, mayStillArrive) => readBack(deps.api, plan, ms => deps.pause(ms), mayStillArrive)
};
function componentOf(plan) {
    if (!plan.component)
        throw new Error('not a component plan');
    return plan.component;
}
async function launchComponent(plan, deps) {
    componentOf(plan);
    return launchWith(plan, COMPONENT_WRITE, deps);
}
/** The plan with the model actually created (a fresh name when another run took the planned one). */
function withModel(plan, modelName) {
    const component = plan.component;
    if (!component || modelName === plan.greenModelName)
        return plan;
    const body = component.updateInferenceComponent;
    const spec = body['Specification'];
    return {
        ...plan,
        greenModelName: modelName,
        ...(plan.createModel ? { createModel: { ...plan.createModel, ModelName: modelName } } : {}),
        component: {
            ...component,
            updateInferenceComponent: { ...body, Specification: { ...spec, ModelName: modelName } }
        }
    };
}

;// CONCATENATED MODULE: ./src/target/component/live.ts
// Pure: an inference component as DescribeInferenceComponent shows it, and its live
// specification turned back into what UpdateInferenceComponent takes (the summary's
// Container.DeployedImage is the image it was given).
function plain(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? JSON.parse(JSON.stringify(value))
        : undefined;
}
/** A specification summary as a request: DeployedImage.SpecifiedImage is the Image it was given. */
function specificationInput(summary) {
    const spec = plain(summary);
    if (spec === undefined)
        return undefined;
    const container = plain(spec['Container']);
    if (container === undefined)
        return spec;
    const { DeployedImage, ...rest } = container;
    const image = plain(DeployedImage)?.['SpecifiedImage'];
    return { ...spec, Container: { ...(typeof image === 'string' ? { Image: image } : {}), ...rest } };
}
function toLiveComponent(name, out) {
    const specs = out.Specifications ?? (out.Specification ? [out.Specification] : []);
    const specification = specificationInput(specs[0]);
    const modelName = specification?.['ModelName'];
    return {
        name: out.InferenceComponentName ?? name,
        endpointName: out.EndpointName,
        variantName: out.VariantName,
        status: out.InferenceComponentStatus ?? 'Unknown',
        failureReason: out.FailureReason || undefined,
        modelName: typeof modelName === 'string' ? modelName : undefined,
        specification,
        specificationCount: specs.length,
        desiredCopies: out.RuntimeConfig?.DesiredCopyCount,
        currentCopies: out.RuntimeConfig?.CurrentCopyCount,
        lastModifiedTime: out.LastModifiedTime instanceof Date ? out.LastModifiedTime.getTime() : undefined,
        lastDeploymentConfig: plain(out.LastDeploymentConfig)
    };
}

// EXTERNAL MODULE: ./src/guard/alarms.ts
var alarms = __webpack_require__(2767);
// EXTERNAL MODULE: ./src/target/endpoint/carry-over.ts + 1 modules
var carry_over = __webpack_require__(7645);
// EXTERNAL MODULE: ./src/names.ts
var names = __webpack_require__(6455);
// EXTERNAL MODULE: ./src/deploy/plan.ts
var plan = __webpack_require__(5448);
// EXTERNAL MODULE: ./src/deploy/retain.ts
var retain = __webpack_require__(2622);
// EXTERNAL MODULE: ./src/rollout-policy.ts
var rollout_policy = __webpack_require__(1201);
;// CONCATENATED MODULE: ./src/target/component/plan.ts
// Pure: the plan of a model deployed into an inference component. The component's live
// specification is sent back with only the model changed (the new model defines its own
// container), its copy count kept, and SageMaker's InferenceComponentRollingUpdatePolicy with
// the guard alarms: batches of copies (5–50 % of the copy count), a bake each, a rollback in
// steps of rollback-step-size (or all at once).








const INPUT = 'inference-component-name';
/** COPY_COUNT is a count of copies as INSTANCE_COUNT is a count of instances. */
function asInstanceSizes(config) {
    if (config === undefined)
        return undefined;
    const map = (size) => {
        const s = size;
        return s?.Type === 'COPY_COUNT' ? { ...s, Type: 'INSTANCE_COUNT' } : size;
    };
    const rolling = config['RollingUpdatePolicy'];
    if (rolling === undefined)
        return config;
    return {
        ...config,
        RollingUpdatePolicy: {
            ...rolling,
            MaximumBatchSize: map(rolling['MaximumBatchSize']),
            ...(rolling['RollbackMaximumBatchSize'] === undefined
                ? {}
                : { RollbackMaximumBatchSize: map(rolling['RollbackMaximumBatchSize']) })
        }
    };
}
function size(step) {
    return { Type: step.type === 'INSTANCE_COUNT' ? 'COPY_COUNT' : step.type, Value: step.value };
}
/** The batch against the copies, as the API states it: 5–50 % of the copy count. */
function checkBatchCopies(policy, copies, component) {
    if (copies <= 1) {
        throw new errors/* InputError */.dz(INPUT, `Inference component ${component} runs ${copies} copy: a rolling batch must be 5–50 % of the copies, and no whole batch of 1 copy is. Raise its copy count to at least 2 before deploying with this action.`);
    }
    if (policy.stepSize.type !== 'INSTANCE_COUNT')
        return;
    const batch = policy.stepSize.value;
    const share = (100 * batch) / copies;
    if (share >= 5 && share <= 50)
        return;
    const min = Math.ceil(copies / 20);
    const max = Math.floor(copies / 2);
    const fits = min === max ? `, here exactly ${min}` : `, here ${min} to ${max} copies`;
    throw new errors/* InputError */.dz('step-size', `Input "step-size" is ${batch}, which is ${batch} cop${batch === 1 ? 'y' : 'ies'} (${Math.round(share)} % of the ${copies} copies of inference component ${component}); a rolling batch must be 5–50 % of the copies${fits}.`);
}
function refuse(request, live) {
    const name = live.name;
    if (live.endpointName !== undefined && live.endpointName !== request.endpointName) {
        throw new errors/* InputError */.dz(INPUT, `Input "${INPUT}" is "${name}", but that inference component runs on endpoint ${live.endpointName}, not on ${request.endpointName} (endpoint-name). Set endpoint-name to ${live.endpointName}, or name a component of ${request.endpointName}.`);
    }
    if (live.specificationCount > 1) {
        throw new errors/* InputError */.dz(INPUT, `Inference component ${name} has ${live.specificationCount} specifications (one per instance type); this action deploys one model into one specification. Update it with UpdateInferenceComponent outside this action.`);
    }
    if (live.specification === undefined) {
        throw new errors/* InputError */.dz(INPUT, `Inference component ${name} shows no specification to carry over, so the step cannot keep its compute requirements. Check it with DescribeInferenceComponent.`);
    }
    if (live.specification['BaseInferenceComponentName'] !== undefined) {
        throw new errors/* InputError */.dz(INPUT, `Inference component ${name} is an adapter of ${String(live.specification['BaseInferenceComponentName'])}: it loads an adapter into its base component's model, not a model of its own. Deploy into the base component, or update the adapter outside this action.`);
    }
}
/** The retained policy and alarms: the component's LastDeploymentConfig, sent again. */
function retained(request, live) {
    if (!request.retainDeploymentConfig)
        return undefined;
    if (live.lastDeploymentConfig === undefined) {
        throw new errors/* InputError */.dz('retain-deployment-config', `Input "retain-deployment-config" is true, but inference component ${live.name} has no LastDeploymentConfig to reuse (it was created or last updated without one). Set retain-deployment-config: false and give the policy (and alarms) to use.`);
    }
    const current = {
        lastDeploymentConfig: asInstanceSizes(live.lastDeploymentConfig)
    };
    const r = (0,retain/* retainedConfig */.V)(request, current);
    return { ...r, description: r.description.replace("the endpoint's", `${live.name}'s`) };
}
function buildComponentPlan(request, run, live, around, options = {}) {
    refuse(request, live);
    const name = live.name;
    const spec = live.specification ?? {};
    const copies = live.desiredCopies ?? 0;
    const keep = retained(request, live);
    const policy = request.policy ?? keep?.policy ?? null;
    if (policy === null)
        throw new Error('no rolling policy');
    checkBatchCopies(policy, copies, name);
    const batch = (0,rollout_policy/* stepInstances */.lA)(policy.stepSize, copies);
    const greenModelName = request.model.kind === 'existing' ? request.model.modelName : (0,names/* greenNames */.e4)(name, run).modelName;
    const model = (0,carry_over/* greenModelFrom */.R0)(around.liveModel, request.environment, request.inheritEnvironment);
    const modelBody = (0,plan/* createModelBody */.w6)(request, greenModelName, model.environment, model.extra);
    const tags = (0,plan/* planTags */.Vd)(request.tags, run);
    const created = request.createAlarms
        ? (0,alarms/* componentAlarms */.uh)(name, request.endpointName, request.errorRateThresholdPercent, request.latencyThresholdMs, tags, request.alarmNamePrefix)
        : [];
    const alarmsToCreate = keep ? created.filter(a => keep.alarmNames.includes(a.name)) : created;
    const guardAlarmNames = keep
        ? [...keep.alarmNames]
        : [...new Set([...alarmsToCreate.map(a => a.name), ...request.alarmNames])];
    // Everything the live specification sets, but the model (its container is the old model's).
    const { ModelName, Container, ...carried } = spec;
    void ModelName;
    const startup = carried['StartupParameters'];
    const allowance = (0,rollout_policy/* provisioningAllowance */.ij)(startup?.['ModelDataDownloadTimeoutInSeconds'], startup?.['ContainerStartupHealthCheckTimeoutInSeconds']);
    const timeout = (0,rollout_policy/* executionTimeout */.oF)(policy, copies, true, allowance);
    const rollback = policy.rollbackStepSize;
    const update = {
        InferenceComponentName: name,
        Specification: { ...carried, ModelName: greenModelName },
        RuntimeConfig: { CopyCount: copies },
        DeploymentConfig: {
            RollingUpdatePolicy: {
                MaximumBatchSize: size(policy.stepSize),
                WaitIntervalInSeconds: policy.waitIntervalSeconds,
                MaximumExecutionTimeoutInSeconds: timeout,
                ...(rollback ? { RollbackMaximumBatchSize: size(rollback) } : {})
            },
            ...(guardAlarmNames.length > 0
                ? {
                    AutoRollbackConfiguration: { Alarms: guardAlarmNames.map(AlarmName => ({ AlarmName })) }
                }
                : {})
        }
    };
    const step = (0,step_identity/* stepHash */.n4)({
        endpointName: `${request.endpointName}/${name}`,
        model: modelBody ?? greenModelName,
        endpointConfig: {},
        endpointChange: { ...update, Specification: carried }
    });
    const stepTags = (0,plan/* planTags */.Vd)(request.tags, run, step);
    const provisioning = options.provisioningEstimateSeconds ?? plan/* DEFAULT_PROVISIONING_SECONDS */.W4;
    const schedule = (0,rollout_policy/* expectedSchedule */.k9)(policy, copies, provisioning).map(row => ({
        ...row,
        label: row.label.replace(/instance\(s\)|instances/g, 'copies')
    }));
    const last = schedule.at(-1)?.offsetSeconds ?? 0;
    const carriedOver = [
        ...Object.entries(carried).map(([member, value]) => typeof value === 'object'
            ? `specification ${member}`
            : `specification ${member} ${String(value)}`),
        `copy count ${copies}`,
        ...model.carried
    ];
    const notes = [
        ...(Container !== undefined
            ? [
                `The live specification's Container (image, artifact, environment) belonged to model ${live.modelName ?? '?'}: the new model defines its own.`
            ]
            : []),
        ...(keep ? [keep.description] : [])
    ];
    const budgetSeconds = request.timeoutMinutes !== undefined
        ? Math.max(1, Math.round(request.timeoutMinutes * 60))
        : timeout + plan/* BUDGET_MARGIN_SECONDS */.JW;
    return {
        endpointName: request.endpointName,
        region: request.region,
        firstDeploy: false,
        previousConfigName: undefined,
        blueModelName: live.modelName,
        greenModelName,
        createsModel: request.model.kind !== 'existing',
        endpointConfigName: '',
        variantName: live.variantName ?? '',
        instanceType: around.instanceType ?? '',
        instanceCount: copies,
        artifact: (0,plan/* artifactOf */.qB)(request.model),
        createModel: modelBody && { ...modelBody, Tags: stepTags },
        createEndpointConfig: {},
        createEndpoint: undefined,
        updateEndpoint: undefined,
        alarmsToCreate,
        guardAlarmNames,
        schedule,
        expectedDurationSeconds: last + policy.waitIntervalSeconds + plan/* DECOMMISSION_SECONDS */.$f,
        budgetSeconds,
        tags: stepTags,
        stepHash: step,
        carriedOver,
        notes,
        warnings: [...model.warnings],
        secretValues: model.inheritedValues,
        peakInstances: { blueGreen: 2 * copies, rolling: copies + batch },
        component: {
            name,
            liveModelName: live.modelName,
            copies,
            batchCopies: batch,
            rollbackCopies: rollback ? (0,rollout_policy/* stepInstances */.lA)(rollback, copies) : undefined,
            updateInferenceComponent: update,
            lastModifiedTime: live.lastModifiedTime
        }
    };
}

// EXTERNAL MODULE: ./src/target/endpoint/live.ts
var endpoint_live = __webpack_require__(3693);
;// CONCATENATED MODULE: ./src/target/component/surroundings.ts


async function endpointModelInput(api, ep, live, log) {
    let instanceType;
    let liveModel;
    try {
        const config = ep.EndpointConfigName
            ? await api.describeEndpointConfig(ep.EndpointConfigName)
            : undefined;
        const variant = config?.ProductionVariants?.find(v => v.VariantName === live.variantName) ??
            config?.ProductionVariants?.[0];
        instanceType = variant?.InstanceType;
    }
    catch (e) {
        log.warning(`Could not read the endpoint config of ${ep.EndpointName ?? '?'}: ${(0,errors/* errorMessage */.gJ)(e)}`);
    }
    const unread = [];
    let liveModelTags;
    if (live.modelName) {
        const read = `DescribeModel ${live.modelName}`;
        try {
            const model = await api.describeModel(live.modelName);
            liveModel = model ? (0,endpoint_live/* modelInput */.M_)(model) : undefined;
            if (model?.ModelArn) {
                // Only to recognise a re-run of this same step: unread, the step deploys as usual.
                liveModelTags = await api.listTags(model.ModelArn).catch(() => undefined);
            }
            if (!model) {
                unread.push({
                    read,
                    protects: endpoint_live/* MODEL_SETTINGS */.Cp,
                    error: `the live model ${live.modelName} no longer exists (deleted while the component serves it)`,
                    forNewModel: true
                });
            }
        }
        catch (e) {
            unread.push((0,endpoint_live/* failedRead */.Yr)(read, endpoint_live/* MODEL_SETTINGS */.Cp, 'sagemaker:DescribeModel', e, true));
        }
    }
    for (const u of unread)
        log.warning(`Could not read ${u.read}: ${u.error}.`);
    return {
        instanceType,
        liveModel,
        ...(unread.length ? { unread } : {}),
        ...(liveModelTags ? { liveModelTags } : {})
    };
}

;// CONCATENATED MODULE: ./src/target/component/index.ts
// The inference component as a target: pre-flight reads the component, its endpoint and live
// model (reads only), launch sends exactly one UpdateInferenceComponent (COMPONENT_WRITE), and the
// watch reads DescribeInferenceComponent with the component's own reducer.











const BUSY = new Set(['Creating', 'Updating', 'Deleting']);
function componentTarget(o, name) {
    const { request } = o;
    // What pre-flight read of the component: the rest of the run speaks of it.
    let live;
    const component = (plan) => {
        if (!plan.component)
            throw new Error('not a component plan');
        return plan.component;
    };
    return {
        preflightTitle: `inference component ${name} on ${request.endpointName} in ${request.region}`,
        carriedFrom: 'live component',
        read: async (waitUntil) => {
            const found = await component_preflight(o, name, waitUntil);
            live = found.live;
            return found;
        },
        unreadableDryRun: e => {
            const why = (0,errors/* sentence */.em)((0,errors/* errorMessage */.gJ)(e));
            return (0,target/* nothingPlanned */.k)(`could not read inference component ${name} (${why.replace(/\.$/, '')}); its live specification is what the plan keeps.`);
        },
        liveLine: () => `Live: inference component ${name} on ${request.endpointName} (${live?.status}, model ${live?.modelName ?? '?'}, ${live?.desiredCopies ?? '?'} copies)`,
        guardrailExclusion: () => undefined,
        alreadyLive: ({ plan }) => {
            const summary = `Inference component ${name} already serves ${plan.greenModelName}, exactly what this step deploys; nothing was changed.`;
            return {
                line: summary,
                verdict: request.dryRun
                    ? (0,verdict/* planned */.lM)(plan, `Plan only (dry-run): nothing would change. ${summary}`)
                    : {
                        outcome: 'deployed',
                        summary,
                        failureReason: undefined,
                        triggeredAlarms: [],
                        finalConfigName: plan.greenModelName,
                        finalStatus: live?.status
                    }
            };
        },
        launchTitle: plan => `Launch: ${plan.greenModelName} into inference component ${component(plan).name}`,
        write: COMPONENT_WRITE,
        notStartedWords: plan => ({
            subject: 'The inference component',
            read: `inference component ${component(plan).name}`,
            lookAt: 'component',
            unknownTail: '',
            notAppliedHint: ''
        }),
        cancelledAfterStart: (plan, launched) => (0,verdict/* cancelledBefore */.bE)(`Cancelled after SageMaker accepted the update of inference component ${component(plan).name} to ${plan.greenModelName}${launched.confirmedByRead ? ` (it is ${launched.confirmedByRead})` : ''}: SageMaker continues on its own, unwatched. A re-run of the job waits for it and finds what became of it.`, `Cancelled after the update of inference component ${component(plan).name} was accepted.`, 'Updating'),
        watchSetup: (plan, _found, requestedAt) => {
            const c = component(plan);
            const policy = policyOf(request.policy, plan);
            const ctx = {
                newConfigName: plan.greenModelName,
                oldConfigName: c.liveModelName,
                firstDeploy: false,
                instanceCount: c.copies,
                schedule: plan.schedule,
                previousLastModified: c.lastModifiedTime,
                waitIntervalSeconds: policy?.waitIntervalSeconds,
                terminationWaitSeconds: 0
            };
            const watch = {
                name: c.name,
                newModelName: plan.greenModelName,
                oldModelName: c.liveModelName,
                copies: c.copies,
                batchCopies: c.batchCopies,
                waitIntervalSeconds: policy?.waitIntervalSeconds ?? 0,
                previousLastModified: c.lastModifiedTime
            };
            return {
                ctx,
                start: {
                    ...(0,reducer/* createTimeline */.MM)(ctx, requestedAt),
                    events: [
                        {
                            at: requestedAt,
                            kind: 'start',
                            message: `update requested: inference component ${c.name}, ${c.liveModelName ?? '?'} → ${plan.greenModelName}`
                        }
                    ]
                },
                component: watch,
                startedOnly: {
                    ...(0,verdict/* startedOnly */.Mt)(plan),
                    summary: `UpdateInferenceComponent accepted; not waiting (wait: false). SageMaker continues on its own.`
                }
            };
        },
        cleanup: (api, plan, created, log) => cleanupModel(api, component(plan).name, created.model, log)
    };
}
/** Reads the component and its endpoint, waits out (or refuses) a busy one, and plans. */
async function component_preflight(o, name, waitUntil) {
    const { request, api, log } = o;
    let announced = false;
    for (;;) {
        const described = await api.describeInferenceComponent(name);
        if (!described) {
            throw new errors/* InputError */.dz('inference-component-name', `Input "inference-component-name" is "${name}", but SageMaker has no inference component of that name in ${request.region}. Create it on endpoint ${request.endpointName} first (CreateInferenceComponent), or fix the name.`);
        }
        const live = toLiveComponent(name, described);
        const ep = await api.describeEndpoint(request.endpointName);
        if (!ep) {
            throw new errors/* InputError */.dz('endpoint-name', `Input "endpoint-name" is "${request.endpointName}", but that endpoint does not exist; inference component ${name} runs on ${live.endpointName ?? '?'}.`);
        }
        const epStatus = ep.EndpointStatus ?? 'Unknown';
        const around = await endpointModelInput(api, ep, live, log);
        const plan = buildComponentPlan(request, o.run, live, around);
        const own = live.modelName === plan.greenModelName;
        const found = { live, current: undefined, notes: [] };
        if (BUSY.has(live.status) || reducer/* IN_PROGRESS */.mS.has(epStatus)) {
            if (own && live.status === 'Updating') {
                log.info(`Inference component ${name} is Updating to ${plan.greenModelName}, exactly this step's model: watching it instead of starting a second update.`);
                return { ...found, plan: attachedPlan(plan), attached: true, alreadyLive: false };
            }
            const what = BUSY.has(live.status)
                ? `Inference component "${name}" is ${live.status}`
                : `Endpoint "${request.endpointName}" is ${epStatus}`;
            if (request.onBusy === 'fail') {
                throw new preflight/* PreflightError */.wG(`${what}: SageMaker accepts no update of the component until it finishes. Re-run later, or set on-busy: wait.`);
            }
            if (o.now() >= waitUntil) {
                throw new preflight/* PreflightError */.wG(`${what} past the time budget; no update was started.`);
            }
            if (!announced) {
                log.info(`${what}; waiting for it to finish (on-busy: wait).`);
                announced = true;
            }
            await o.sleep(Math.min(request.pollIntervalSeconds * 1000, Math.max(0, waitUntil - o.now())));
            continue;
        }
        if (live.status !== 'InService') {
            throw new preflight/* PreflightError */.wG(`Inference component "${name}" is ${live.status}${live.failureReason ? ` (${live.failureReason})` : ''}; an update needs it InService. Delete it and create it again, or fix it outside this action.`);
        }
        if (epStatus !== 'InService') {
            throw new preflight/* PreflightError */.wG(`Endpoint "${request.endpointName}" is ${epStatus}; an inference component is updated only on an InService endpoint.`);
        }
        // A re-run of this same step (another run, so another model name): its model is live.
        const sameStep = !own &&
            live.modelName !== undefined &&
            around.liveModelTags !== undefined &&
            (0,step_identity/* isStepTagged */.$4)(around.liveModelTags, o.run.repository, plan.stepHash);
        if (sameStep && live.modelName) {
            const served = { ...attachedPlan(plan), greenModelName: live.modelName };
            return { ...found, plan: served, attached: false, alreadyLive: true };
        }
        // Whatever a new model must carry was read, or nothing is written.
        if (!own)
            (0,preflight/* refuseUnread */.CV)(around.unread, plan.createModel !== undefined);
        return { ...found, plan, attached: false, alreadyLive: own };
    }
}
/** Watching an update of this step already running: nothing to create. */
function attachedPlan(plan) {
    return { ...plan, createModel: undefined, alarmsToCreate: [] };
}
function policyOf(asked, plan) {
    const rolling = plan.component?.updateInferenceComponent['DeploymentConfig']?.['RollingUpdatePolicy'];
    if (asked)
        return asked;
    if (!rolling)
        return undefined;
    return {
        routing: 'rolling',
        stepSize: { type: 'INSTANCE_COUNT', value: plan.component?.batchCopies ?? 1 },
        waitIntervalSeconds: Number(rolling['WaitIntervalInSeconds'] ?? 0),
        terminationWaitSeconds: 0,
        maxExecutionTimeoutSeconds: undefined
    };
}
/** Deletes the model this run created, once a read shows the component does not use it. */
async function cleanupModel(api, name, model, log) {
    if (!model)
        return;
    const c = await api.describeInferenceComponent(name, { ignoreCancel: true });
    if (toLiveComponent(name, c ?? {}).modelName === model) {
        log.warning(`Cleanup: model ${model} is in use by inference component ${name}; kept.`);
        return;
    }
    await (0,cleanup/* deleteCreated */.m)(api, 'model', model, log);
}


/***/ })

};

//# sourceMappingURL=905.index.js.map