// What a deployment updates: an endpoint variant (blue/green or rolling) or an inference
// component. The deploy sequence (sequence.ts) is the same for both; a target supplies only what
// differs: how to read its live state and plan against it, its write (launch.ts's TargetWrite),
// how to watch it, and its own words where a message names it.
import type { AwsApi } from '../aws/api.js'
import type { Created, LaunchResult, TargetWrite } from './launch.js'
import type {
  CurrentEndpoint,
  DeployRequest,
  DeployResult,
  Logger,
  Plan,
  RunContext,
  Timeline,
  Verdict
} from '../types.js'
import type { ComponentWatch } from '../target/component/watch.js'
import { planned } from '../verdict.js'
import type { WatchContext } from '../watch/reducer.js'
import type { RollingWatch } from '../watch/rolling.js'

/** What a target reads and plans with. */
export interface TargetContext {
  readonly request: DeployRequest
  readonly run: RunContext
  readonly api: AwsApi
  readonly log: Logger
  now(): number
  /** Ends early on cancellation. */
  sleep(ms: number): Promise<void>
  buildPlan(request: DeployRequest, run: RunContext, current: CurrentEndpoint | null): Plan
}

/** What pre-flight found, and the plan made against it. */
export interface Found {
  /** The live endpoint (null: it does not exist yet; undefined: not what this target reads). */
  readonly current: CurrentEndpoint | null | undefined
  readonly plan: Plan
  /** A deployment of exactly this step is already in progress: watch it, start nothing. */
  readonly attached: boolean
  /** The target already serves exactly what this step would deploy: nothing to do. */
  readonly alreadyLive: boolean
  /** Findings a person should read before the rollout (an earlier attempt that did not stay). */
  readonly notes: readonly string[]
}

/** How a started rollout is watched: the reducer's context, the first timeline, the extras. */
export interface WatchSetup {
  readonly ctx: WatchContext
  readonly start: Timeline
  readonly rolling?: RollingWatch
  readonly component?: ComponentWatch
  /** The verdict of wait: false. */
  readonly startedOnly: Verdict
}

/** The words that differ where a launch that did not start is explained. */
export interface NotStartedWords {
  /** "The endpoint", "The inference component". */
  readonly subject: string
  /** What the read afterwards read: "the endpoint", "inference component x". */
  readonly read: string
  /** "endpoint", "component": look at it before anything else. */
  readonly lookAt: string
  /** After "before anything else" (how a re-run behaves). */
  readonly unknownTail: string
  /** Appended when a read proves the write was not applied (e.g. a quota hint). */
  readonly notAppliedHint: string
}

export interface Target {
  /** Pre-flight's log group: what is read, where. */
  readonly preflightTitle: string
  /** "live endpoint", "live component": where carried-over settings came from. */
  readonly carriedFrom: string
  /** Reads the live state (waiting out, or refusing, a busy one) and plans against it. */
  read(waitUntil: number): Promise<Found>
  /** A dry run whose credentials cannot read the target: what can still be said. */
  unreadableDryRun(e: unknown): DeployResult
  /** The log line that says what is live. */
  liveLine(found: Found): string
  /**
   * Why SageMaker would apply this update all at once with no bake and no alarm rollback
   * (deployment guardrails exclude it), if it would: Inf1 instances, a Marketplace model.
   */
  guardrailExclusion(plan: Plan, marketplace: boolean): string | undefined
  /** The target already serves this step: what to log, and the verdict (dry run or not). */
  alreadyLive(found: Found): { readonly line: string; readonly verdict: Verdict }
  /** Launch's log group. */
  launchTitle(plan: Plan): string
  readonly write: TargetWrite
  notStartedWords(
    plan: Plan,
    current: CurrentEndpoint | null | undefined,
    error: string
  ): NotStartedWords
  /** Cancelled once SageMaker had the write: it goes on without a watcher. */
  cancelledAfterStart(plan: Plan, launched: Extract<LaunchResult, { kind: 'started' }>): Verdict
  watchSetup(plan: Plan, found: Found, requestedAt: number): WatchSetup
  /** Deletes what this run created and nothing uses (after a failure, when asked to). */
  cleanup(api: AwsApi, plan: Plan, created: Created, log: Logger): Promise<void>
}

/** A dry run that could not plan at all: the summary says why. */
export function nothingPlanned(summary: string): DeployResult {
  return {
    plan: undefined,
    current: undefined,
    timeline: undefined,
    verdict: planned(undefined, `Dry run: no plan could be made, nothing was changed: ${summary}`)
  }
}
