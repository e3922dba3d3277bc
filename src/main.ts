// The deploy sequence: inputs → pre-flight → plan → launch → watch → verdict → report.
// The one place that turns an error into core.setFailed. Inputs are read and validated before
// anything heavy loads (@actions/core, the AWS SDK): bad input fails in a few milliseconds.
// Then only what the first request needs loads, in the order it needs it (see first-read.ts).
import { errorMessage } from './errors.js'
import { readInputs } from './inputs/index.js'
import { appendSummaryFast, failFast, getInput, maskSecret, setOutputFast } from './runner.js'
import { withFirstRead } from './aws/first-read.js'
import { buildPlan } from './target/endpoint/plan.js'
import type { AwsApi } from './aws/api.js'
import type { RolloutMetrics } from './metrics/types.js'
import type { Notifier } from './notify.js'
import { redact, redactStreams, registerSecrets } from './secrets.js'
import type { DeployRequest, DeployResult, Outcome, RunContext, Verdict } from './types.js'

export interface RunOptions {
  readonly now?: () => number
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** Aborted on cancellation (SIGINT/SIGTERM): stop watching, report, make no new change. */
  readonly signal?: AbortSignal
}

export const FAILING_OUTCOMES: ReadonlySet<Outcome> = new Set([
  'regressed',
  'rolled-back',
  'failed',
  'cancelled',
  'timed-out'
])

/** A sleep that ends early when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

export async function run(options: RunOptions = {}): Promise<Outcome | undefined> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? abortableSleep
  let request: DeployRequest
  let runContext: RunContext
  try {
    ;({ request, run: runContext } = readInputs(name => getInput(name), process.env))
  } catch (e) {
    // Release gates read the outcome even when the inputs were refused.
    setOutputFast('outcome', 'failed')
    setOutputFast('failure-reason', errorMessage(e))
    // A small chunk of its own: the fail-fast path loads no more than it needs.
    const { renderInputErrors } = await import('./report/input-error-view.js')
    appendSummaryFast(renderInputErrors(getInput('endpoint-name'), errorMessage(e)))
    failFast(errorMessage(e))
    return undefined
  }
  // From here on, no fragment of a container environment value is written anywhere.
  registerSecrets(Object.values(request.environment))
  redactStreams()
  if (request.githubToken) maskSecret(request.githubToken)

  // The first request needs only the SageMaker client: it goes out before anything else loads
  // (@actions/core, the CloudWatch client, the report), which then loads while it is in flight.
  const { createAwsApi, withPatientReads } = await import('./aws/api.js')
  const startedAt = now()
  let api: AwsApi
  try {
    api = await createAwsApi({
      region: request.region,
      ...(options.signal ? { signal: options.signal } : {})
    })
  } catch (e) {
    failFast(`Could not set up the AWS clients: ${errorMessage(e)}`)
    return 'failed'
  }
  // Patient inside, early outside: the first read is retried on throttling like the others.
  api = withPatientReads(api, {
    now,
    sleep: ms => sleep(ms, options.signal),
    ...(options.signal ? { signal: options.signal } : {}),
    log: line => process.stdout.write(`${line}\n`)
  })
  api = withFirstRead(api, request.endpointName, now)
  const [core, { deploy }, { createNotifier }, { renderPrComment, scalingSavedSection }] =
    await Promise.all([
      import('@actions/core'),
      import('./deploy/sequence.js'),
      import('./notify.js'),
      import('./report/index.js')
    ])
  const notifier = redactingNotifier(await createNotifier(request, runContext, process.env))
  const result = await deploy({
    request,
    run: runContext,
    api,
    now,
    sleep,
    ...(options.signal ? { signal: options.signal } : {}),
    buildPlan,
    onScalingSaved: async saved => {
      core.setOutput(
        'auto-scaling',
        redact(
          JSON.stringify({
            saved,
            restored: false,
            errors: ['deregistered for the update; not restored yet']
          })
        )
      )
      await core.summary.addRaw(redact(scalingSavedSection(saved, request.region))).write()
    },
    onProgress: (plan, timeline, gate) =>
      notifier.progress(
        renderPrComment({
          plan,
          timeline,
          ...(gate ? { gate } : {}),
          verdict: IN_PROGRESS_VERDICT,
          run: runContext,
          inProgress: true
        })
      )
  })
  try {
    await report({
      core,
      result,
      request,
      run: runContext,
      durationSeconds: (now() - startedAt) / 1000,
      notifier,
      api,
      ...(options.signal ? { signal: options.signal } : {})
    })
  } finally {
    // Whatever a socket does, nothing holds the process once the verdict is reported.
    api.close()
  }
  return result.verdict.outcome
}

function redactingNotifier(notifier: Notifier): Notifier {
  return {
    progress: markdown => notifier.progress(redact(markdown)),
    finish: (markdown, outcome, description) =>
      notifier.finish(redact(markdown), outcome, redact(description))
  }
}

const IN_PROGRESS_VERDICT: Verdict = {
  outcome: 'started',
  summary: 'Deployment in progress: this comment is updated at each traffic step.',
  failureReason: undefined,
  triggeredAlarms: [],
  finalConfigName: undefined,
  finalStatus: undefined
}

interface ReportOptions {
  readonly core: typeof import('@actions/core')
  readonly result: DeployResult
  readonly request: DeployRequest
  readonly run: RunContext
  readonly durationSeconds: number
  readonly notifier: Notifier
  readonly api: AwsApi
  readonly signal?: AbortSignal
}

async function report(o: ReportOptions): Promise<void> {
  const { core, result, request, durationSeconds, notifier, api, signal } = o
  const runContext = o.run
  const { buildOutputs, renderSummary, renderPrComment, renderPlan, renderError } =
    await import('./report/index.js')
  const { plan, timeline, verdict } = result
  const blue = result.current ?? undefined
  // The evidence behind the verdict; reading it never changes the outcome.
  let metrics: RolloutMetrics | undefined
  if (plan && timeline && verdict.outcome !== 'planned' && verdict.outcome !== 'started') {
    const [{ readRolloutMetrics }, { DEFAULT_SETTLE }] = await Promise.all([
      import('./metrics/read.js'),
      import('./metrics/settle.js')
    ])
    metrics = await readRolloutMetrics(api, plan, timeline, {
      ...(verdict.outcome === 'regressed' ? { reported: verdict.triggeredAlarms } : {}),
      settle: {
        ...DEFAULT_SETTLE,
        maxWaitMs: request.metricsWaitSeconds * 1000,
        // A cancellation after the verdict ends the wait: the figures are marked incomplete.
        sleep: ms => abortableSleep(ms, signal),
        aborted: () => signal?.aborted === true
      }
    })
    if (metrics?.warning) core.warning(metrics.warning)
    else if (metrics)
      core.debug(
        `Metrics: ${metrics.calls} GetMetricData call(s), ${metrics.split === 'per-fleet' ? 'per fleet' : 'endpoint level only'}`
      )
  }
  const outputs = buildOutputs({
    plan,
    timeline,
    verdict,
    durationSeconds,
    metrics,
    autoScaling: result.autoScaling
  })
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, redact(value))

  let markdown: string
  // The pull-request comment: compact after a rollout (the job summary is the whole page).
  let comment: string | undefined
  if (plan && verdict.outcome === 'planned') markdown = renderPlan(plan, runContext, blue)
  else if (plan && timeline) {
    const input = {
      plan,
      timeline,
      verdict,
      run: runContext,
      durationSeconds,
      ...(blue ? { blue } : {}),
      ...(metrics ? { metrics } : {}),
      ...(result.autoScaling ? { autoScaling: result.autoScaling } : {}),
      ...(result.gate ? { gate: result.gate } : {})
    }
    markdown = renderSummary(input)
    comment = renderPrComment(input)
  } else markdown = renderError(request.endpointName, verdict, plan, runContext)
  markdown = redact(markdown)
  try {
    // Replaces what this step wrote before (auto scaling saved before its deregistration).
    await core.summary.addRaw(markdown).write({ overwrite: true })
  } catch (e) {
    core.info(`(No job summary written: ${errorMessage(e)})`)
  }
  await notifier.finish(comment ?? markdown, verdict.outcome, verdict.summary)

  if (FAILING_OUTCOMES.has(verdict.outcome)) {
    const title =
      verdict.outcome === 'rolled-back'
        ? 'Rolled back'
        : verdict.outcome === 'regressed'
          ? 'Regressed'
          : verdict.outcome === 'timed-out'
            ? 'Timed out'
            : verdict.outcome === 'cancelled'
              ? 'Cancelled'
              : 'Deployment failed'
    core.setFailed(redact(`${title}: ${verdict.summary}`))
  } else {
    core.info(redact(`Outcome: ${verdict.outcome}. ${verdict.summary}`))
  }
}
