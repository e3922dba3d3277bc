// Plain-data runs for the report tests: the reference lab (model B rolled back, model E
// deployed), a first deploy, a timed-out run and a run full of hostile service text.

import type {
  AlarmSpec,
  AlarmTrack,
  Plan,
  RunContext,
  ScheduledStep,
  Timeline,
  TimelineEvent,
  TrafficStep,
  Verdict
} from '../../src/types.js'

export const T0 = Date.UTC(2025, 5, 2, 14, 0, 0)
export const at = (seconds: number): number => T0 + seconds * 1000

export const REGION = 'eu-west-1'
export const ALARM_5XX = 'lab-endpoint-5xx-rate'
export const ALARM_LATENCY = 'lab-endpoint-model-latency'

export const run: RunContext = {
  repository: 'acme/ml-models',
  sha: 'abcdef1234567890abcdef1234567890abcdef12',
  runId: '9876543210',
  runAttempt: '2',
  workflow: 'promote',
  serverUrl: 'https://github.com',
  eventName: 'workflow_dispatch',
  ref: 'refs/heads/main',
  actor: 'ml-engineer'
}

const alarm5xx: AlarmSpec = {
  name: ALARM_5XX,
  watches: 'Invocation5XXErrors / Invocations > 1% over 1 minute',
  threshold: 1,
  request: { AlarmName: ALARM_5XX, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }
}

const alarmLatency: AlarmSpec = {
  name: ALARM_LATENCY,
  watches: 'ModelLatency average > 5000 ms over 1 minute',
  threshold: 5_000_000,
  request: {
    AlarmName: ALARM_LATENCY,
    MetricName: 'ModelLatency',
    Threshold: 5_000_000,
    ComparisonOperator: 'GreaterThanThreshold'
  }
}

/** The 25 %-per-minute linear schedule of 4 instances. */
export const linearSchedule: ScheduledStep[] = [
  {
    offsetSeconds: 0,
    bluePercent: 100,
    greenPercent: 0,
    greenInstances: 4,
    label: 'green fleet provisioned'
  },
  { offsetSeconds: 60, bluePercent: 75, greenPercent: 25, greenInstances: 1, label: 'first step' },
  {
    offsetSeconds: 120,
    bluePercent: 50,
    greenPercent: 50,
    greenInstances: 2,
    label: 'equal split'
  },
  {
    offsetSeconds: 180,
    bluePercent: 25,
    greenPercent: 75,
    greenInstances: 3,
    label: 'majority on green'
  },
  { offsetSeconds: 240, bluePercent: 0, greenPercent: 100, greenInstances: 4, label: 'complete' }
]

export function labPlan(green: 'b' | 'e', overrides: Partial<Plan> = {}): Plan {
  const model = `lab-model-${green}`
  const config = `lab-endpoint-config-${green}`
  return {
    endpointName: 'lab-endpoint',
    region: REGION,
    firstDeploy: false,
    previousConfigName: 'lab-endpoint-config-a',
    blueModelName: 'lab-model-a',
    greenModelName: model,
    createsModel: true,
    endpointConfigName: config,
    variantName: 'AllTraffic',
    instanceType: 'ml.m5.large',
    instanceCount: 4,
    artifact: `s3://lab-bucket/models/${green}/model.tar.gz`,
    createModel: {
      ModelName: model,
      PrimaryContainer: {
        Image: 'lab-image:1',
        ModelDataUrl: `s3://lab-bucket/models/${green}/model.tar.gz`
      }
    },
    createEndpointConfig: {
      EndpointConfigName: config,
      ProductionVariants: [{ VariantName: 'AllTraffic' }]
    },
    createEndpoint: undefined,
    updateEndpoint: { EndpointName: 'lab-endpoint', EndpointConfigName: config },
    alarmsToCreate: [alarm5xx, alarmLatency],
    guardAlarmNames: [ALARM_5XX, ALARM_LATENCY],
    schedule: linearSchedule,
    expectedDurationSeconds: 600,
    budgetSeconds: 1200,
    stepHash: '0123456789abcdef',
    carriedOver: [],
    notes: [],
    warnings: [],
    secretValues: [],
    tags: [],
    ...overrides
  }
}

const step = (seconds: number, blue: number, event: string): TrafficStep => ({
  at: at(seconds),
  bluePercent: blue,
  greenPercent: 100 - blue,
  event
})

const event = (seconds: number, kind: TimelineEvent['kind'], message: string): TimelineEvent => ({
  at: at(seconds),
  kind,
  message
})

const quietAlarm = (name: string): AlarmTrack => ({
  name,
  statesSeen: ['OK'],
  finalState: 'OK',
  lastReason: undefined,
  fired: false,
  firedAt: undefined
})

function timeline(
  newConfigName: string,
  parts: Pick<Timeline, 'events' | 'steps' | 'alarms'> & { oldConfigName?: string | undefined }
): Timeline {
  return {
    startedAt: T0,
    newConfigName,
    oldConfigName: 'oldConfigName' in parts ? parts.oldConfigName : 'lab-endpoint-config-a',
    events: parts.events,
    steps: parts.steps,
    alarms: parts.alarms,
    last: undefined,
    sawProgress: true,
    sawRollingBack: false,
    polls: 30,
    failedPolls: 0,
    consecutiveFailedPolls: 0
  }
}

// ---- Lab run B: the 5XX alarm fires at the 50 % step, traffic returns to blue ---------------

export const runB = {
  plan: labPlan('b'),
  timeline: {
    ...timeline('lab-endpoint-config-b', {
      steps: [
        step(0, 100, 'deployment started, green fleet provisioned'),
        step(60, 75, 'first step shifted'),
        step(120, 50, 'equal split'),
        step(160, 100, `rolled back: ${ALARM_5XX} in ALARM`)
      ],
      alarms: [
        {
          name: ALARM_5XX,
          statesSeen: ['OK', 'ALARM'],
          finalState: 'ALARM',
          lastReason:
            'Threshold Crossed: 1 datapoint [12.5 (02/06/25 14:02:00)] was greater than the threshold (1.0).',
          fired: true,
          firedAt: at(150)
        },
        quietAlarm(ALARM_LATENCY)
      ],
      events: [
        event(0, 'start', 'UpdateEndpoint requested with lab-endpoint-config-b'),
        event(5, 'provisioning', 'green fleet provisioning (4 × ml.m5.large)'),
        event(60, 'step', 'green 25% / blue 75%: first step shifted'),
        event(120, 'step', 'green 50% / blue 50%: equal split'),
        event(150, 'alarm', `${ALARM_5XX}: OK → ALARM`),
        event(155, 'rollback', 'endpoint status RollingBack'),
        event(160, 'failed', 'InService on lab-endpoint-config-a: rolled back')
      ]
    }),
    sawRollingBack: true
  } satisfies Timeline,
  verdict: {
    outcome: 'rolled-back',
    summary: `SageMaker rolled back to lab-model-a after alarm ${ALARM_5XX} fired.`,
    failureReason: `Alarm ${ALARM_5XX} was in ALARM during the traffic shift.`,
    triggeredAlarms: [ALARM_5XX],
    finalConfigName: 'lab-endpoint-config-a',
    finalStatus: 'InService'
  } satisfies Verdict
}

// ---- Lab run E: the retry with a good model, the shift completes -------------------------------

export const runE = {
  plan: labPlan('e'),
  timeline: timeline('lab-endpoint-config-e', {
    steps: [
      step(0, 100, 'deployment started, green fleet provisioned'),
      step(60, 75, 'first step shifted'),
      step(120, 50, 'equal split'),
      step(180, 25, 'majority on green'),
      step(240, 0, 'complete, blue fleet decommissioned')
    ],
    alarms: [quietAlarm(ALARM_5XX), quietAlarm(ALARM_LATENCY)],
    events: [
      event(0, 'start', 'UpdateEndpoint requested with lab-endpoint-config-e'),
      event(240, 'complete', 'InService on lab-endpoint-config-e')
    ]
  }),
  verdict: {
    outcome: 'deployed',
    summary: 'lab-model-e serves 100% of lab-endpoint.',
    failureReason: undefined,
    triggeredAlarms: [],
    finalConfigName: 'lab-endpoint-config-e',
    finalStatus: 'InService'
  } satisfies Verdict
}

// ---- A first deploy: CreateEndpoint, no traffic shift -----------------------------------------

export const firstDeploy = {
  plan: labPlan('e', {
    endpointName: 'new-endpoint',
    firstDeploy: true,
    previousConfigName: undefined,
    blueModelName: undefined,
    createEndpoint: { EndpointName: 'new-endpoint', EndpointConfigName: 'lab-endpoint-config-e' },
    updateEndpoint: undefined,
    schedule: [],
    expectedDurationSeconds: 300
  }),
  timeline: timeline('lab-endpoint-config-e', {
    oldConfigName: undefined,
    steps: [],
    alarms: [],
    events: [event(0, 'start', 'CreateEndpoint requested'), event(290, 'complete', 'InService')]
  }),
  verdict: {
    outcome: 'deployed',
    summary: 'new-endpoint was created with lab-model-e.',
    failureReason: undefined,
    triggeredAlarms: [],
    finalConfigName: 'lab-endpoint-config-e',
    finalStatus: 'InService'
  } satisfies Verdict
}

// ---- Timed out while SageMaker was still shifting -------------------------------------------

export const timedOut = {
  plan: labPlan('e', { budgetSeconds: 90 }),
  timeline: timeline('lab-endpoint-config-e', {
    steps: [step(0, 100, 'deployment started'), step(60, 75, 'first step shifted')],
    alarms: [quietAlarm(ALARM_5XX), quietAlarm(ALARM_LATENCY)],
    events: [event(0, 'start', 'UpdateEndpoint requested')]
  }),
  verdict: {
    outcome: 'timed-out',
    summary: 'No verdict within 1 min 30 s; the endpoint was still Updating.',
    failureReason: 'Timed out after 90 s waiting for lab-endpoint.',
    triggeredAlarms: [],
    finalConfigName: 'lab-endpoint-config-b',
    finalStatus: 'Updating'
  } satisfies Verdict
}

// ---- Hostile text in every field the service or the user controls --------------------------

export const HOSTILE =
  '<script>alert(1)</script> [click](http://evil.example) ![x](http://evil.example/x.png) ' +
  '| broken | @org/team <!-- hidden --> `code` www.evil.example #123 :tada:\nsecond line'

export const HOSTILE_ALARM = 'evil|alarm <b>'

export const hostile = {
  plan: labPlan('b', {
    alarmsToCreate: [],
    guardAlarmNames: [HOSTILE_ALARM]
  }),
  timeline: timeline('lab-endpoint-config-b', {
    steps: [step(0, 100, 'deployment started'), step(30, 100, `rolled back: ${HOSTILE}`)],
    alarms: [
      {
        name: HOSTILE_ALARM,
        statesSeen: ['OK', 'ALARM'],
        finalState: 'ALARM',
        lastReason: HOSTILE,
        fired: true,
        firedAt: at(25)
      }
    ],
    events: [event(25, 'alarm', HOSTILE)]
  }),
  verdict: {
    outcome: 'rolled-back',
    summary: HOSTILE,
    failureReason: HOSTILE,
    triggeredAlarms: [HOSTILE_ALARM],
    finalConfigName: 'lab-endpoint-config-a',
    finalStatus: 'InService'
  } satisfies Verdict
}

// ---- Verdicts for the headlines: one per thing a headline says ---------------------------------

/** A verdict with nothing fired and no state read, changed where a test says. */
export function verdictOf(outcome: Verdict['outcome'], overrides: Partial<Verdict> = {}): Verdict {
  return {
    outcome,
    summary: 'What happened.',
    failureReason: undefined,
    triggeredAlarms: [],
    finalConfigName: undefined,
    finalStatus: undefined,
    ...overrides
  }
}

/** SageMaker's failure reasons of a rollback with no alarm (the emulator's wording). */
export const HEALTH_CHECK_REASON =
  'The primary container for production variant AllTraffic did not pass the ping health check. Please check CloudWatch logs for this endpoint.'
export const TIMEOUT_REASON =
  'Deployment rolled back: the update exceeded MaximumExecutionTimeoutInSeconds (1800 seconds).'
