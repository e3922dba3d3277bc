// The domain types shared by the functional core (inputs, plan, watch, verdict, report).
// Plain data only: no SDK types leak in here, so the core can be tested with literals.

/** Where the deploy sequence says what it does (the job log, or a test's list). */
export interface Logger {
  info(message: string): void
  warning(message: string): void
}

export type TrafficRouting = 'linear' | 'canary' | 'all-at-once' | 'rolling'

/** A linear step or canary size as SageMaker's CapacitySize. */
export interface StepSize {
  readonly type: 'CAPACITY_PERCENT' | 'INSTANCE_COUNT'
  readonly value: number
}

/** What to deploy. Exactly one source per run. */
export type ModelSource =
  | {
      readonly kind: 'artifact'
      readonly modelDataUrl: string
      readonly imageUri: string
      readonly executionRoleArn: string
    }
  | {
      readonly kind: 'package'
      readonly modelPackageArn: string
      readonly executionRoleArn: string
    }
  | { readonly kind: 'existing'; readonly modelName: string }

/** The rollout policy as the user asked for it (absent with retain-deployment-config). */
export interface RolloutPolicy {
  readonly routing: TrafficRouting
  readonly stepSize: StepSize
  readonly waitIntervalSeconds: number
  readonly terminationWaitSeconds: number
  /**
   * True when termination-wait was left empty and derived: the created alarms' detection time,
   * so that they can see a model that fails once it takes all the traffic.
   */
  readonly terminationWaitDerived?: boolean
  /** Undefined means: derive from the schedule. */
  readonly maxExecutionTimeoutSeconds: number | undefined
  /** Rolling only: the batch size of a rollback (undefined: all at once, SageMaker's default). */
  readonly rollbackStepSize?: StepSize | undefined
}

/**
 * Seconds between the invocation metrics the green config publishes (`metrics-resolution`), and
 * the period of the created alarms: 10 and 30 need EnableEnhancedMetrics (MetricsConfig docs).
 */
export type MetricsResolution = 10 | 30 | 60

export interface Tag {
  readonly Key: string
  readonly Value: string
}

/** Everything the user asked for, read once from the inputs and frozen. */
/** One golden request of `verify-requests` (guard/gate/requests.ts reads the file). */
export interface GoldenRequest {
  /** 1-based line of the file. */
  readonly line: number
  readonly body: string
  readonly contentType: string
  readonly accept: string | undefined
  /** The answer it must get; undefined (hasExpected false): blue's own answer in the baseline. */
  readonly expected: unknown
  readonly hasExpected: boolean
  /** Absolute tolerance for the numbers of the answer. */
  readonly tolerance: number
}

/** The verification gate the step asks for (verify-requests, verify-command, on-cancel). */
export interface GateRequest {
  /** The file as given, and its requests. */
  readonly requestsPath: string | undefined
  readonly requests: readonly GoldenRequest[]
  /** Golden requests a second, during the baseline and every bake. */
  readonly ratePerSecond: number
  readonly command: string | undefined
  readonly commandTimeoutSeconds: number
  readonly onCancel: 'rollback' | 'leave'
}

export interface DeployRequest {
  /** The verification gate, when verify-requests or verify-command is set. */
  readonly gate?: GateRequest
  readonly endpointName: string
  /** Deploy into this inference component of the endpoint (UpdateInferenceComponent). */
  readonly inferenceComponentName?: string | undefined
  readonly region: string
  readonly model: ModelSource
  readonly environment: Readonly<Record<string, string>>
  readonly tags: readonly Tag[]
  readonly variantName: string | undefined
  readonly instanceType: string | undefined
  readonly instanceCount: number | undefined
  /** null when retainDeploymentConfig is true: SageMaker reuses the last policy and alarms. */
  readonly policy: RolloutPolicy | null
  readonly retainDeploymentConfig: boolean
  /** With retain: policy inputs that were set anyway; the retained policy must match them. */
  readonly retainExpected: Partial<RolloutPolicy>
  readonly alarmNames: readonly string[]
  readonly createAlarms: boolean
  readonly errorRateThresholdPercent: number
  readonly latencyThresholdMs: number
  readonly wait: boolean
  /** Undefined means: derive from the plan. */
  readonly timeoutMinutes: number | undefined
  readonly pollIntervalSeconds: number
  /** After the verdict, how long to wait for late CloudWatch datapoints (0: do not wait). */
  readonly metricsWaitSeconds: number
  /**
   * The latest a minute of SageMaker's invocation metrics is complete in CloudWatch after it
   * ends: part of every guard alarm's detection time.
   */
  readonly metricDelaySeconds: number
  /** Set: the green config publishes invocation metrics this often; absent: carried as it is. */
  readonly metricsResolution?: MetricsResolution
  readonly onBusy: 'wait' | 'fail'
  /** A missing endpoint: created (if-missing) or refused before any write (never). */
  readonly createEndpoint: 'never' | 'if-missing'
  /** The created alarms' names start with this (default: the endpoint's or component's name). */
  readonly alarmNamePrefix?: string
  /** After a regression (a guard alarm in ALARM once SageMaker completed): roll back, or fail only. */
  readonly onRegression: 'rollback' | 'fail'
  /**
   * Set: this step restores an existing endpoint config instead of deploying a model: 'previous'
   * (the config the live one replaced, from the action's tag on it) or a config name.
   */
  readonly rollbackTo?: string | undefined
  /** A registered variant whose instance type changes: refuse, or deregister and restore. */
  readonly onAutoScaling: 'fail' | 'reregister'
  /** Copy the live model's environment keys that the step does not set. */
  readonly inheritEnvironment: boolean
  readonly allowAlarmInAlarm: boolean
  /** Start a blue/green update whose final bake is shorter than the guard alarms' detection time. */
  readonly acceptUnguardedFinalStep: boolean
  /** Accepts an update SageMaker applies all at once with no bake (Inf1, Marketplace models). */
  readonly acceptUnguardedUpdate: boolean
  /** A model package must be Approved in the Model Registry (its status Completed either way). */
  readonly requireApprovedPackage: boolean
  readonly cleanupOnFailure: boolean
  readonly dryRun: boolean
  readonly githubToken: string
  readonly prComment: boolean
  readonly prNumber: number | undefined
  readonly githubDeployment: boolean
  readonly deploymentEnvironment: string | undefined
}

/** Where the run comes from (GITHUB_* variables); used for names, tags and links. */
export interface RunContext {
  readonly repository: string
  readonly sha: string
  readonly runId: string
  readonly runAttempt: string
  readonly workflow: string
  readonly serverUrl: string
  readonly eventName: string
  readonly ref: string
  readonly actor: string
}

/** The live endpoint as pre-flight found it (null in the plan means: it does not exist). */
export interface CurrentEndpoint {
  readonly status: string
  readonly configName: string
  readonly variantName: string
  readonly instanceType: string | undefined
  readonly instanceCount: number | undefined
  readonly modelName: string | undefined
  readonly modelDataUrl: string | undefined
  /** The live model's container image (absent when unread or not shown). */
  readonly image?: string
  readonly lastModifiedTime: number | undefined
  /** DescribeEndpoint.LastDeploymentConfig as plain JSON (reused by RetainDeploymentConfig). */
  readonly lastDeploymentConfig: Record<string, unknown> | undefined
  readonly failureReason: string | undefined
  /** Every variant of the live config, as it runs now. */
  readonly variants: readonly LiveVariant[]
  /** The live config as CreateEndpointConfig input (no name, no tags); undefined if unread. */
  readonly config: Readonly<Record<string, unknown>> | undefined
  /** The live config's tags. */
  readonly configTags: Readonly<Record<string, string>>
  /** The live model of the variant this step deploys to, as CreateModel input (no name). */
  readonly model: Readonly<Record<string, unknown>> | undefined
  /** The endpoint's ARN and its own tags (where a saved auto scaling copy would be). */
  readonly endpointArn?: string
  readonly endpointTags?: Readonly<Record<string, string>>
  /** Reads of the live endpoint that failed: what the new model or config could not carry. */
  readonly unread?: readonly UnreadSetting[]
}

/** A read of the live endpoint that failed, and the user's settings that depend on it. */
export interface UnreadSetting {
  /** The call and what it reads: "DescribeModel fraud-a". */
  readonly read: string
  /** What a new model or config would lose without it. */
  readonly protects: string
  /** Why it failed (the service's answer, or that the resource no longer exists). */
  readonly error: string
  /** The IAM action the role lacks, when access was denied. */
  readonly deniedPermission?: string
  /** Only a model the action creates needs it (a step that names model-name does not). */
  readonly forNewModel: boolean
}

/** One variant of the live endpoint. */
export interface LiveVariant {
  readonly name: string
  /** Undefined on a variant that hosts inference components. */
  readonly modelName: string | undefined
  readonly instanceType: string | undefined
  /** InitialInstanceCount in the live config. */
  readonly configuredCount: number | undefined
  /** DesiredInstanceCount as the endpoint runs now (auto scaling moves it; 0 when scaled to zero). */
  readonly desiredCount: number | undefined
  readonly desiredWeight: number | undefined
  readonly serverless: boolean
  readonly downloadTimeoutSeconds: number | undefined
  readonly healthCheckTimeoutSeconds: number | undefined
}

/** An alarm this run creates or updates with PutMetricAlarm. */
export interface AlarmSpec {
  readonly name: string
  /** Short human text: what it watches and when it fires. */
  readonly watches: string
  readonly threshold: number
  /** The threshold with its unit, for people (e.g. `> 1 %`, `> 5000 ms`). */
  readonly thresholdText?: string
  /** The exact PutMetricAlarm input (plain JSON). */
  readonly request: Record<string, unknown>
}

/** One row of the expected traffic schedule, offsets from the update request. */
export interface ScheduledStep {
  readonly offsetSeconds: number
  readonly bluePercent: number
  readonly greenPercent: number
  readonly greenInstances: number
  /** Instances of the old fleet still running (rolling terminates them batch by batch). */
  readonly blueInstances?: number
  readonly label: string
}

/** What the detection time of one alarm depends on. */
export interface AlarmTiming {
  readonly name: string
  readonly periodSeconds: number
  /** Breaching periods needed for ALARM (DatapointsToAlarm, else EvaluationPeriods). */
  readonly datapointsToAlarm: number
  /** The latest a period's datapoint is complete after the period ends. */
  readonly metricDelaySeconds: number
}

/** What the guard can see of a blue/green shift, for the plan, the summary and the refusal. */
export interface GuardFacts {
  /** The slowest guard alarm's detection time. */
  readonly detectionSeconds: number
  readonly alarm: AlarmTiming
  /** Seconds SageMaker watches the alarms once the new model takes all the traffic. */
  readonly finalBakeSeconds: number
  /** The final bake was derived (termination-wait empty), not given. */
  readonly derived: boolean
  /** The policy is the endpoint's own, reused (retain-deployment-config): judged, not refused. */
  readonly retained?: boolean
  /** Green's share at each step a model that fails from then on could pass unseen. */
  readonly unseenSteps: readonly number[]
}

export interface Plan {
  readonly endpointName: string
  readonly region: string
  /** True when the endpoint does not exist yet: CreateEndpoint, no traffic shift. */
  readonly firstDeploy: boolean
  readonly previousConfigName: string | undefined
  readonly blueModelName: string | undefined
  /** The live (blue) fleet as pre-flight read it: what it runs and its size. */
  readonly blueFleet?: Pick<
    CurrentEndpoint,
    'modelName' | 'modelDataUrl' | 'image' | 'instanceType' | 'instanceCount'
  >
  readonly greenModelName: string
  /** False when the user named an existing model. */
  readonly createsModel: boolean
  readonly endpointConfigName: string
  readonly variantName: string
  readonly instanceType: string
  readonly instanceCount: number
  readonly artifact: string | undefined
  /** Plain JSON request bodies, exactly as sent. */
  readonly createModel: Record<string, unknown> | undefined
  readonly createEndpointConfig: Record<string, unknown>
  readonly createEndpoint: Record<string, unknown> | undefined
  readonly updateEndpoint: Record<string, unknown> | undefined
  readonly alarmsToCreate: readonly AlarmSpec[]
  /** Every alarm that guards the rollout (created and given). */
  readonly guardAlarmNames: readonly string[]
  readonly schedule: readonly ScheduledStep[]
  /** Seconds the deployment should take per the schedule, with provisioning estimate. */
  readonly expectedDurationSeconds: number
  /** How long the action waits for a verdict. */
  readonly budgetSeconds: number
  readonly tags: readonly Tag[]
  /** Fingerprint of what this step asks SageMaker to run (tagged on the model and config). */
  readonly stepHash: string
  /** Set when the live endpoint could not be read (a dry run without read access): why. */
  readonly liveUnknown?: string
  /** Settings of the live config and model that the green ones keep, for people. */
  readonly carriedOver: readonly string[]
  /** Facts a person should read with the plan (retained policy, scale to zero, auto scaling). */
  readonly notes: readonly string[]
  /** What the guard alarms can see of a blue/green shift (set by pre-flight once they are read). */
  readonly guard?: GuardFacts
  /** A rolling update: where new instances serve between bakes, unwatched (estimated). */
  readonly unwatched?: readonly UnwatchedWindow[]
  /** The endpoint's last policy, reused as it is (retain-deployment-config). */
  readonly retainedPolicy?: RolloutPolicy
  /** Set when the step restores an existing config (rollback-to): nothing is created. */
  readonly restore?: RestoreFacts
  /** The gate alarm and how the gate feeds it (verify-requests, verify-command). */
  readonly gate?: GatePlan
  /** Set when the step accepted a final bake shorter than the alarms' detection time: what it risks. */
  readonly unguardedFinalStep?: string
  /** Things that may not be what the person wants (environment keys the new model lacks). */
  readonly warnings: readonly string[]
  /** Values that are container environment values too (inherited): never shown. */
  readonly secretValues: readonly string[]
  /** Most instances running at once during the rollout, per strategy (what rolling saves). */
  readonly peakInstances?: { readonly blueGreen: number; readonly rolling: number }
  /**
   * Set when the step deploys into an inference component: then `instanceCount` counts the
   * component's copies, the schedule is in copies, and no endpoint config is created.
   */
  readonly component?: ComponentPlan
}

/** A stretch of a rolling update in which new instances serve and no alarm is watched. */
export interface UnwatchedWindow {
  /** The batch whose instances serve in it. */
  readonly afterBatch: number
  /** Estimated seconds from the update request. */
  readonly fromSeconds: number
  readonly seconds: number
  /** The share of the traffic on new instances meanwhile. */
  readonly greenPercent: number
}

/** What a restore (rollback-to) puts back, and how the action found it. */
export interface RestoreFacts {
  /** The input as given: 'previous' or a config name. */
  readonly requested: string
  /** The existing endpoint config that will serve all the traffic. */
  readonly configName: string
  /** With 'previous': the live config whose tag named it. */
  readonly replacedBy?: string
  /** The models of the restored config, by variant. */
  readonly models: readonly { readonly variantName: string; readonly modelName: string }[]
}

/** An UpdateInferenceComponent that replaces the component's model batch by batch of copies. */
export interface ComponentPlan {
  readonly name: string
  /** The component's model before the run. */
  readonly liveModelName: string | undefined
  /** Copies the component runs (DesiredCopyCount, kept). */
  readonly copies: number
  /** Copies per batch. */
  readonly batchCopies: number
  /** Copies per rollback step; undefined: all at once (SageMaker's default). */
  readonly rollbackCopies: number | undefined
  /** The exact UpdateInferenceComponent request (plain JSON). */
  readonly updateInferenceComponent: Record<string, unknown>
  /** The component's LastModifiedTime before the run (epoch ms). */
  readonly lastModifiedTime: number | undefined
}

// ---- What one poll sees --------------------------------------------------------------------

export interface VariantStatusSnapshot {
  readonly status: string
  readonly message: string | undefined
  /** Epoch milliseconds, from the service. */
  readonly startTime: number | undefined
}

export interface FleetSnapshot {
  readonly variantName: string
  readonly currentInstanceCount: number | undefined
  readonly desiredInstanceCount: number | undefined
  readonly currentWeight: number | undefined
  readonly desiredWeight: number | undefined
  readonly statuses: readonly VariantStatusSnapshot[]
}

export interface EndpointSnapshot {
  readonly status: string
  readonly configName: string | undefined
  readonly failureReason: string | undefined
  /** Epoch milliseconds, from the service. */
  readonly lastModifiedTime: number | undefined
  /** The live (blue) fleet: the step's variant in the top-level ProductionVariants. */
  readonly blue: FleetSnapshot | undefined
  /** The pending (green) fleet: the step's variant in PendingDeploymentSummary. */
  readonly green: FleetSnapshot | undefined
  readonly pendingConfigName: string | undefined
  /** Epoch milliseconds: PendingDeploymentSummary.StartTime. */
  readonly pendingStartTime: number | undefined
}

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'

export interface AlarmSnapshot {
  readonly name: string
  readonly state: AlarmState
  readonly reason: string | undefined
  /** Epoch milliseconds of the last state change, from the service. */
  readonly updatedAt: number | undefined
}

/** The result of one poll: one DescribeEndpoint plus one DescribeAlarms. */
export interface Observation {
  /** Local clock, epoch milliseconds. */
  readonly at: number
  /** Undefined when the poll failed (a lost poll is never a verdict). */
  readonly endpoint: EndpointSnapshot | undefined
  readonly alarms: readonly AlarmSnapshot[]
  readonly error: string | undefined
}

// ---- The timeline the reducer builds ---------------------------------------------------------

export type EventKind =
  | 'start'
  /** Another deployment on the endpoint, after this run's. */
  | 'other'
  | 'status'
  | 'provisioning'
  | 'step'
  | 'bake'
  | 'alarm'
  | 'rollback'
  | 'complete'
  | 'failed'
  | 'poll-error'

export interface TimelineEvent {
  /** Epoch milliseconds (service time where the service gives one). */
  readonly at: number
  readonly kind: EventKind
  readonly message: string
}

/** One row of the traffic-step table. */
export interface TrafficStep {
  /** Service time; an estimate within `between` for a step no poll saw. */
  readonly at: number
  readonly bluePercent: number
  readonly greenPercent: number
  readonly event: string
  /**
   * Set when the step happened between two polls: no poll saw it, the service's later state
   * shows it happened. Its time lies after `after` and before `before` (service time).
   */
  readonly between?: { readonly after: number; readonly before: number }
}

/**
 * One row of a rolling deployment's table (endpoint instances or component copies): what ran
 * after a change a poll saw.
 */
export interface BatchRow {
  readonly at: number
  /** New instances (or copies) up, with or without traffic. */
  readonly newCount: number
  /** Old instances (or copies) still running. */
  readonly oldCount: number
  /** Share of the traffic on the new ones, in percent. */
  readonly newPercent: number
  readonly event: string
}

export interface AlarmTrack {
  readonly name: string
  readonly statesSeen: readonly AlarmState[]
  readonly finalState: AlarmState | undefined
  readonly lastReason: string | undefined
  /** The state reason of the transition into ALARM, as the poll that saw it read it. */
  readonly firedReason?: string | undefined
  /** Whether it was in ALARM at any poll after the update started. */
  readonly fired: boolean
  readonly firedAt: number | undefined
  /** The service's time of the last state update a poll saw. */
  readonly updatedAt?: number | undefined
  /** A poll saw the same state as the one before, updated since: it changed in between. */
  readonly updatedBetweenPolls?: boolean
}

export interface Timeline {
  readonly startedAt: number
  readonly newConfigName: string
  readonly oldConfigName: string | undefined
  readonly events: readonly TimelineEvent[]
  readonly steps: readonly TrafficStep[]
  readonly alarms: readonly AlarmTrack[]
  readonly last: EndpointSnapshot | undefined
  /** An in-progress status (Creating, Updating, RollingBack...) has been seen since the start. */
  readonly sawProgress: boolean
  readonly sawRollingBack: boolean
  readonly polls: number
  readonly failedPolls: number
  readonly consecutiveFailedPolls: number
  /** The service's clock as the polls saw it (for waiting on the service's time later). */
  readonly serviceClock?: ServiceClock | undefined
  /** A rolling deployment's rows, batch by batch (new, old, traffic share, what happened). */
  readonly batches?: readonly BatchRow[]
  /**
   * Another deployment seen on the endpoint after this one: its config, and whether it was
   * already live (then this run cannot tell how its own deployment ended).
   */
  readonly other?: { readonly configName: string; readonly live: boolean }
  /**
   * An inference component: which model its first poll in progress showed (the one the update
   * replaces, or this run's: the service's reading of Specification during an update).
   */
  readonly specInUpdate?: 'old' | 'new'
  /**
   * An inference component whose update showed the model it replaces: when a poll first showed
   * it in progress on this run's model, which means another update started from this run's (or
   * the component changed its model mid-update). The table stops there, whoever's it was.
   */
  readonly ownModelInProgressAt?: number
}

/** Pairs of (local time of a poll, latest service timestamp it showed): first and last. */
export interface ServiceClock {
  readonly firstLocal: number
  readonly firstService: number
  readonly lastLocal: number
  readonly lastService: number
}

// ---- The verdict -------------------------------------------------------------------------------

export type Outcome =
  | 'deployed'
  | 'regressed'
  | 'rolled-back'
  | 'failed'
  | 'cancelled'
  | 'timed-out'
  | 'started'
  | 'planned'

export interface Verdict {
  readonly outcome: Outcome
  /** One sentence a user can act on. */
  readonly summary: string
  readonly failureReason: string | undefined
  readonly triggeredAlarms: readonly string[]
  readonly finalConfigName: string | undefined
  readonly finalStatus: string | undefined
}

// ---- One run's result ----------------------------------------------------------------------------

/** The gate alarm of a plan: the action publishes its metric, SageMaker obeys it. */
export interface GatePlan {
  readonly alarmName: string
  readonly namespace: string
  readonly metricName: string
  readonly dimensions: readonly { readonly Name: string; readonly Value: string }[]
  /** Worst case from a bad answer to a published breach (the alarm's own time comes on top). */
  readonly judgeSeconds: number
  readonly requests: number
  readonly ratePerSecond: number
  readonly command: string | undefined
  readonly commandTimeoutSeconds: number
  readonly onCancel: 'rollback' | 'leave'
}

/** One gate check: golden requests over a step, or one run of the command. */
export interface GateCheck {
  readonly kind: 'requests' | 'command'
  /** The checks on the live endpoint before any change (blue only). */
  readonly baseline?: true
  /** 0: the baseline on blue, before the first shift; then the traffic step (1 = first shift). */
  readonly step: number
  readonly greenPercent: number
  readonly at: number
  readonly verdict: 'pass' | 'fail' | 'wait'
  /** Golden requests: answered, mismatched, failed calls; the rule's words. */
  readonly answered?: number
  readonly mismatches?: number
  readonly errors?: number
  readonly pValue?: number | undefined
  /** The rule (requests) or the command's result, in one line. */
  readonly text: string
  /** The command's last lines (redacted). */
  readonly tail?: readonly string[]
}

/** What the gate did in a run. */
export interface GateReport {
  readonly checks: readonly GateCheck[]
  /** The baseline on blue: answered requests and mismatches (expected answers only). */
  readonly baseline:
    { readonly answered: number; readonly mismatches: number; readonly errors: number } | undefined
  /** When the gate published a breach, and why. */
  readonly breach?: { readonly at: number; readonly why: string }
  /** Cancelled with the gate guarding: what it did (on-cancel). */
  readonly cancel?: string
  /** Golden requests sent in all (they are the endpoint's traffic too). */
  readonly sent: number
}

export interface DeployResult {
  /** The verification gate's checks, when the step has one. */
  readonly gate?: GateReport
  readonly plan: Plan | undefined
  /** The live endpoint before the run (null: it did not exist; undefined: not read). */
  readonly current: CurrentEndpoint | null | undefined
  readonly timeline: Timeline | undefined
  readonly verdict: Verdict
  /** Auto scaling this run deregistered for the update, and whether it was restored. */
  readonly autoScaling?: AutoScalingReport
}

/** What is registered for one variant, as the requests that would register it again. */
export interface SavedScaling {
  readonly resourceId: string
  /** RegisterScalableTarget's input (with the target's tags). */
  readonly target: Readonly<Record<string, unknown>>
  /** PutScalingPolicy inputs. */
  readonly policies: readonly Readonly<Record<string, unknown>>[]
  /** PutScheduledAction inputs (times as ISO strings). */
  readonly scheduledActions: readonly Readonly<Record<string, unknown>>[]
}

/** What became of auto scaling in a run that deregistered it. */
export interface AutoScalingReport {
  readonly saved: SavedScaling
  readonly restored: boolean
  readonly errors: readonly string[]
}
