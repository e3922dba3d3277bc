// The deploy sequence: inputs → pre-flight → plan → launch → watch → verdict → report.
// The one place that turns an error into core.setFailed. Inputs are read and validated before
// anything heavy loads (@actions/core, the AWS SDK): bad input fails in a few milliseconds.
import { errorMessage } from './errors.js'
import { readInputs } from './inputs.js'
import { appendSummaryFast, failFast, getInput, setOutputFast } from './runner.js'
import { buildPlan } from './plan.js'
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
  'rolled-back',
  'failed',
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
  const core = await import('@actions/core')
  if (request.githubToken) core.setSecret(request.githubToken)

  // Everything below loads lazily: bad input above never pays for the SDK.
  const [{ createAwsApi }, { deploy }, { createNotifier }, { renderSummary }] = await Promise.all([
    import('./aws/api.js'),
    import('./deploy.js'),
    import('./notify.js'),
    import('./report/index.js')
  ])
  const startedAt = now()
  let api: AwsApi
  try {
    api = await createAwsApi({
      region: request.region,
      ...(options.signal ? { signal: options.signal } : {})
    })
  } catch (e) {
    core.setFailed(`Could not set up the AWS clients: ${errorMessage(e)}`)
    return 'failed'
  }
  const notifier = redactingNotifier(await createNotifier(request, runContext, process.env), redact)
  const result = await deploy({
    request,
    run: runContext,
    api,
    now,
    sleep,
    ...(options.signal ? { signal: options.signal } : {}),
    buildPlan,
    onProgress: (plan, timeline) =>
      notifier.progress(
        renderSummary({
          plan,
          timeline,
          verdict: IN_PROGRESS_VERDICT,
          run: runContext,
          inProgress: true
        })
      )
  })
  try {
    await report(
      core,
      result,
      request,
      runContext,
      (now() - startedAt) / 1000,
      notifier,
      api,
      redact
    )
  } finally {
    // Whatever a socket does, nothing holds the process once the verdict is reported.
    api.close()
  }
  return result.verdict.outcome
}

function redactingNotifier(notifier: Notifier, redact: (text: string) => string): Notifier {
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

async function report(
  core: typeof import('@actions/core'),
  result: DeployResult,
  request: DeployRequest,
  runContext: RunContext,
  durationSeconds: number,
  notifier: Notifier,
  api: AwsApi,
  redact: (text: string) => string
): Promise<void> {
  const { buildOutputs, renderSummary, renderPlan, renderError } = await import('./report/index.js')
  const { plan, timeline, verdict } = result
  const blue = result.current ?? undefined
  // The evidence behind the verdict; reading it never changes the outcome.
  let metrics: RolloutMetrics | undefined
  if (plan && timeline && verdict.outcome !== 'planned' && verdict.outcome !== 'started') {
    const { readRolloutMetrics } = await import('./metrics/read.js')
    metrics = await readRolloutMetrics(api, plan, timeline)
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
  if (plan && verdict.outcome === 'planned') markdown = renderPlan(plan, runContext, blue)
  else if (plan && timeline)
    markdown = renderSummary({
      plan,
      timeline,
      verdict,
      run: runContext,
      durationSeconds,
      ...(blue ? { blue } : {}),
      ...(metrics ? { metrics } : {}),
      ...(result.autoScaling ? { autoScaling: result.autoScaling } : {})
    })
  else markdown = renderError(request.endpointName, verdict, plan, runContext)
  markdown = redact(markdown)
  try {
    await core.summary.addRaw(markdown).write()
  } catch (e) {
    core.info(`(No job summary written: ${errorMessage(e)})`)
  }
  await notifier.finish(markdown, verdict.outcome, verdict.summary)

  if (FAILING_OUTCOMES.has(verdict.outcome)) {
    const title =
      verdict.outcome === 'rolled-back'
        ? 'Rolled back'
        : verdict.outcome === 'timed-out'
          ? 'Timed out'
          : 'Deployment failed'
    core.setFailed(redact(`${title}: ${verdict.summary}`))
  } else {
    core.info(redact(`Outcome: ${verdict.outcome}. ${verdict.summary}`))
  }
}
