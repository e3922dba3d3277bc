// What the CloudWatch metrics say about a rollout, per traffic step and per phase, for blue and
// for green. Plain data (epoch milliseconds, milliseconds of latency): the report renders it
// and the `metrics` output serialises it.

/** The invocation figures of one fleet (or the whole endpoint) over a window. */
export interface FleetFigures {
  /** Sum of `Invocations`. */
  readonly requests: number
  /** Sum of `Invocation5XXErrors`. */
  readonly errors5xx: number
  /** Sum of `Invocation4XXErrors`. */
  readonly errors4xx: number
  /** 100 × 5XX / requests; null when there was no request. */
  readonly errorRate5xxPercent: number | null
  /** Request-weighted average of `ModelLatency`, in milliseconds; null without requests. */
  readonly modelLatencyMs: number | null
  /** Request-weighted average of `OverheadLatency`, in milliseconds; null without requests. */
  readonly overheadLatencyMs: number | null
}

/**
 * How blue and green were told apart: `per-fleet` uses the `EndpointConfigName` dimension
 * SageMaker adds during a blue/green update; `endpoint-only` has the variant's figures alone
 * (blue and green together).
 */
export type MetricsSplit = 'per-fleet' | 'endpoint-only'

/** One row of the traffic-step table with what each fleet served while it was current. */
export interface StepMetrics {
  /** Epoch milliseconds: the step's start (the window runs to the next step). */
  readonly at: number
  readonly until: number
  readonly bluePercent: number
  readonly greenPercent: number
  readonly event: string
  /** Undefined with the endpoint-only split. */
  readonly blue: FleetFigures | undefined
  readonly green: FleetFigures | undefined
  readonly endpoint: FleetFigures
  /** Average `CPUUtilization` (/aws/sagemaker/Endpoints), when CloudWatch has it. */
  readonly cpuUtilizationPercent: number | null
  /** Some of its minutes may still grow: CloudWatch had not published them in full. */
  readonly incomplete: boolean
}

export type PhaseName = 'baseline' | 'shift' | 'rollback' | 'completion'

export interface PhaseMetrics {
  readonly phase: PhaseName
  readonly from: number
  readonly until: number
  readonly blue: FleetFigures | undefined
  readonly green: FleetFigures | undefined
  readonly endpoint: FleetFigures
  /** What happened in the phase, in a few words. */
  readonly outcome: string
}

export interface RolloutMetrics {
  readonly split: MetricsSplit
  /** Why the figures are what they are (endpoint-only, blue derived, no datapoints). */
  readonly note: string | undefined
  /** A problem reading the metrics (never a reason to fail the deployment). */
  readonly warning: string | undefined
  readonly periodSeconds: number
  /** The GetMetricData window, epoch milliseconds. */
  readonly windowStart: number
  readonly windowEnd: number
  readonly startedAt: number
  readonly blueConfigName: string | undefined
  readonly greenConfigName: string
  /** The error-rate alarm's threshold (percent) when this run created that alarm. */
  readonly alarmThresholdPercent: number | undefined
  /** Empty when nothing could be read. */
  readonly steps: readonly StepMetrics[]
  readonly phases: readonly PhaseMetrics[]
  /** GetMetricData calls made. */
  readonly calls: number
  /** Guard alarms in ALARM once SageMaker had completed the deployment. */
  readonly lateAlarms: readonly string[]
}
