// The verification gate at run time: a baseline on blue before any write, then golden requests
// at the gate's rate through every bake, and the user's command after each shift. A failed check
// publishes a breach of the gate's metric; the gate alarm, in the update's rollback alarms, makes
// SageMaker roll back. The gate never writes to the endpoint itself.
import { errorMessage } from '../../errors.js'
import type { Logger } from '../../types.js'
import type { GateApi } from '../../aws/gate-api.js'
import type { GateCheck, GatePlan, GateReport, GateRequest, GoldenRequest } from '../../types.js'
import { answerMatches, normaliseAnswer } from './compare.js'
import { runVerifyCommand, type CommandResult } from './command.js'
import { judge } from './rule.js'
import { GATE_PUBLISH_SECONDS } from './alarm.js'

/** Blue answers the baseline needs at least (every line once, then round again). */
export const BASELINE_REQUESTS = 60
/** A golden request's own deadline: a slow answer is an error, not a stall of the gate. */
const INVOKE_DEADLINE_MS = 10_000

export interface GateDeps {
  readonly api: GateApi
  readonly endpointName: string
  readonly region: string
  readonly cwd: string
  readonly log: Logger
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** A pause cancellation does not cut short (the breach published on cancel). */
  pause(ms: number): Promise<void>
  redact(text: string): string
  readonly signal?: AbortSignal
}

interface Window {
  readonly step: number
  readonly greenPercent: number
  readonly at: number
  answered: number
  mismatches: number
  errors: number
  verdict: 'pass' | 'fail' | 'wait'
  text: string
  pValue: number | undefined
}

/** A line's answer to compare with: its own, or blue's from the baseline. */
interface Expectation {
  readonly request: GoldenRequest
  expected: unknown
  known: boolean
}

export class Gate {
  private readonly expectations: Expectation[]
  private readonly checks: GateCheck[] = []
  private readonly windows: Window[] = []
  private baseline: { answered: number; mismatches: number; errors: number } | undefined
  private breach: { at: number; why: string } | undefined
  private cancelText: string | undefined
  private next = 0
  private sent = 0
  private running = false
  private loops: Promise<void>[] = []
  private readonly stopper = new AbortController()
  private commandQueue: { step: number; greenPercent: number } | undefined
  private commandBusy: Promise<void> | undefined

  constructor(
    readonly plan: GatePlan,
    readonly request: GateRequest,
    private readonly deps: GateDeps
  ) {
    this.expectations = request.requests.map(r => ({
      request: r,
      expected: r.expected,
      known: r.hasExpected
    }))
  }

  /**
   * Before any write, on the live (blue) endpoint: blue's answers and mismatch rate, and the
   * command once (step 0). Returns why the deployment must not start, or undefined.
   */
  async baselineOnBlue(): Promise<string | undefined> {
    if (this.expectations.length) {
      const counts = { answered: 0, mismatches: 0, errors: 0 }
      const started = this.deps.now()
      const interval = 1000 / this.request.ratePerSecond
      const total = Math.max(BASELINE_REQUESTS, this.expectations.length)
      for (let i = 0; i < total && !this.deps.signal?.aborted; i++) {
        const e = this.expectations[i % this.expectations.length]!
        const answer = await this.invoke(e.request)
        if (answer === undefined) counts.errors += 1
        else {
          counts.answered += 1
          if (!e.known) {
            e.expected = normaliseAnswer(answer)
            e.known = true
          } else if (!answerMatches(e.expected, answer, e.request.tolerance)) counts.mismatches += 1
        }
        await this.deps.sleep(
          Math.max(0, started + (i + 1) * interval - this.deps.now()),
          this.deps.signal
        )
      }
      this.baseline = counts
      const text = `Blue: ${counts.mismatches} of ${counts.answered} answers mismatched${counts.errors ? `, ${counts.errors} calls failed` : ''}.`
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
      })
      this.deps.log.info(
        `Verification gate baseline on blue (${this.sent} golden requests): ${text}`
      )
      if (counts.answered === 0) {
        return `verify-requests: none of the ${counts.errors} golden requests sent to the live endpoint was answered, so there is no baseline to judge the new model against. Check that the endpoint answers these requests (content type, body) and that the credentials allow sagemaker:InvokeEndpoint.`
      }
      const unknown = this.expectations.filter(e => !e.known)
      if (unknown.length) {
        return `verify-requests: blue never answered line${unknown.length === 1 ? '' : 's'} ${unknown.map(e => e.request.line).join(', ')}, which ${unknown.length === 1 ? 'has' : 'have'} no expected answer to compare with.`
      }
    }
    if (this.request.command !== undefined) {
      const result = await this.runCommand(0, 0)
      if (!result.passed) {
        return `verify-command fails on the live endpoint before any change (${result.text}): the gate would fail the new model for it. Fix the command, or the endpoint, first.`
      }
    }
    return undefined
  }

  /** From the accepted update on: golden requests at the gate's rate, until stop(). */
  start(): void {
    if (this.running) return
    this.running = true
    this.open(0)
    if (this.expectations.length) this.loops.push(this.sampleLoop())
  }

  /** The traffic the watch sees now: a new share of green is a new step (and a command run). */
  observe(greenPercent: number): void {
    const current = this.windows.at(-1)
    if (!this.running || !current || current.greenPercent === greenPercent) return
    // Back to blue (a rollback): nothing more to judge.
    if (greenPercent === 0) {
      this.stopper.abort()
      return
    }
    const step = current.step + 1
    this.open(greenPercent, step)
    if (this.request.command !== undefined) this.queueCommand(step, greenPercent)
  }

  /** Ends the checks; what they found. */
  async stop(): Promise<GateReport> {
    this.stopper.abort()
    await Promise.allSettled([...this.loops, this.commandBusy ?? Promise.resolve()])
    this.close()
    return this.report()
  }

  /**
   * The job is cancelled while SageMaker shifts traffic. on-cancel: rollback publishes the
   * breach (twice, GATE_PUBLISH_SECONDS apart, so one lost call or one late datapoint does not
   * leave it unseen) and SageMaker rolls back; leave lets the update go on under its alarms.
   */
  async onCancel(): Promise<string> {
    this.stopper.abort()
    if (this.request.onCancel === 'leave') {
      this.cancelText = `Cancelled with on-cancel: leave: SageMaker goes on with the update, guarded by its alarms only (nobody runs the gate's checks any more).`
      return this.cancelText
    }
    const ok = await this.publish(1, { ignoreCancel: true })
    await this.deps.pause(GATE_PUBLISH_SECONDS * 1000)
    const again = await this.publish(1, { ignoreCancel: true })
    this.cancelText =
      ok || again
        ? `Cancelled with on-cancel: rollback: the action published a breach of the gate alarm ${this.plan.alarmName}, so SageMaker rolls the endpoint back to its previous config (within about ${GATE_PUBLISH_SECONDS * 2 + 20} s).`
        : `Cancelled with on-cancel: rollback, but the breach of the gate alarm ${this.plan.alarmName} could not be published: SageMaker goes on with the update under its alarms. Look at the endpoint now.`
    this.breach ??= { at: this.deps.now(), why: 'the job was cancelled (on-cancel: rollback)' }
    return this.cancelText
  }

  /** What the checks found so far (the in-progress comment), the open step's included. */
  snapshot(): GateReport {
    const w = this.windows.at(-1)
    const report = this.report()
    if (!w || w.answered + w.errors === 0) return report
    return { ...report, checks: [...report.checks, windowCheck(w, 'so far')] }
  }

  /** Why the gate failed, when it did. */
  failure(): string | undefined {
    return this.breach?.why
  }

  private open(greenPercent: number, step = 0): void {
    this.close()
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
    })
  }

  /** The window's last judgement becomes a check of the report. */
  private close(): void {
    const w = this.windows.at(-1)
    if (!w || w.answered + w.errors === 0) return
    if (
      this.checks.some(
        c => c.kind === 'requests' && !c.baseline && c.step === w.step && c.at === w.at
      )
    )
      return
    this.checks.push(windowCheck(w, 'too few to judge'))
  }

  private async sampleLoop(): Promise<void> {
    const interval = 1000 / this.request.ratePerSecond
    const signal = this.stopper.signal
    while (!signal.aborted && !this.deps.signal?.aborted) {
      const began = this.deps.now()
      const e = this.expectations[this.next++ % this.expectations.length]!
      const w = this.windows.at(-1)!
      const answer = await this.invoke(e.request)
      // A failed gate has said all it can: no more traffic on a model known to be wrong.
      if (signal.aborted || this.breach) break
      const mismatch =
        answer !== undefined && !answerMatches(e.expected, answer, e.request.tolerance)
      if (answer === undefined) w.errors += 1
      else {
        w.answered += 1
        if (mismatch) w.mismatches += 1
      }
      // While green has no traffic (it is provisioning) every answer is blue's: the baseline grows.
      // One sent just after a shift the watch has not seen yet may be green's: that can only make
      // blue look worse, which errs towards passing green, never towards a false failure.
      if (w.greenPercent === 0 && this.baseline && answer !== undefined) {
        this.baseline.answered += 1
        if (mismatch) this.baseline.mismatches += 1
        w.verdict = 'pass'
        w.text = `blue only (green has no traffic yet): added to the baseline, now ${this.baseline.mismatches} of ${this.baseline.answered} mismatched.`
      } else this.judgeWindow(w)
      await this.deps.sleep(Math.max(0, began + interval - this.deps.now()), signal)
    }
  }

  private judgeWindow(w: Window): void {
    if (!this.baseline || w.verdict === 'fail') return
    const result = judge({
      baseline: { answered: this.baseline.answered, mismatches: this.baseline.mismatches },
      step: { answered: w.answered, mismatches: w.mismatches },
      errors: w.errors,
      greenShare: w.greenPercent / 100
    })
    w.verdict = result.verdict
    w.text = result.text
    w.pValue = result.pValue
    if (result.verdict === 'fail') {
      this.fail(
        `golden requests at ${w.greenPercent} % green (step ${w.step}): ${result.text}`,
        w.step
      )
    }
  }

  private queueCommand(step: number, greenPercent: number): void {
    this.commandQueue = { step, greenPercent }
    if (this.commandBusy) return
    const drain = async (): Promise<void> => {
      while (this.commandQueue && !this.stopper.signal.aborted) {
        const { step: s, greenPercent: g } = this.commandQueue
        this.commandQueue = undefined
        const result = await this.runCommand(s, g)
        if (!result.passed)
          this.fail(`verify-command at ${g} % green (step ${s}): ${result.text}`, s)
      }
      this.commandBusy = undefined
    }
    this.commandBusy = drain()
  }

  private async runCommand(step: number, greenPercent: number): Promise<CommandResult> {
    const { deps } = this
    deps.log.info(`verify-command (step ${step}, green ${greenPercent} %):`)
    const result = await runVerifyCommand(this.request.command!, {
      context: { endpointName: deps.endpointName, region: deps.region, step, greenPercent },
      cwd: deps.cwd,
      timeoutMs: this.request.commandTimeoutSeconds * 1000,
      redact: deps.redact,
      onLine: line => deps.log.info(`  ${line}`)
    })
    deps.log.info(`verify-command (step ${step}): ${result.text}`)
    this.checks.push({
      kind: 'command',
      ...(this.running ? {} : { baseline: true as const }),
      step,
      greenPercent,
      at: deps.now(),
      verdict: result.passed ? 'pass' : 'fail',
      text: result.text,
      tail: result.tail
    })
    return result
  }

  /** A failed check: the breach is published now and kept up until the run ends. */
  private fail(why: string, step: number): void {
    if (this.breach) return
    this.breach = { at: this.deps.now(), why }
    this.deps.log.warning(
      `Verification gate failed (step ${step}): ${why} Publishing a breach of ${this.plan.alarmName}: SageMaker rolls back when the alarm fires.`
    )
    this.loops.push(this.breachLoop())
  }

  private async breachLoop(): Promise<void> {
    const signal = this.stopper.signal
    while (!signal.aborted && !this.deps.signal?.aborted) {
      await this.publish(1)
      await this.deps.sleep(GATE_PUBLISH_SECONDS * 1000, signal)
    }
  }

  private async publish(value: number, o: { ignoreCancel?: boolean } = {}): Promise<boolean> {
    try {
      await this.deps.api.putMetricData(
        this.plan.namespace,
        [
          {
            MetricName: this.plan.metricName,
            Dimensions: this.plan.dimensions.map(d => ({ ...d })),
            Timestamp: new Date(this.deps.now()),
            Value: value,
            Unit: 'Count',
            StorageResolution: 1
          }
        ],
        { deadlineMs: 5000, ...(o.ignoreCancel ? { ignoreCancel: true } : {}) }
      )
      return true
    } catch (e) {
      this.deps.log.warning(`Could not publish the gate's metric: ${errorMessage(e)}`)
      return false
    }
  }

  private async invoke(request: GoldenRequest): Promise<string | undefined> {
    this.sent += 1
    try {
      const out = await this.deps.api.invokeEndpoint(
        {
          endpointName: this.deps.endpointName,
          body: request.body,
          contentType: request.contentType,
          accept: request.accept
        },
        { deadlineMs: INVOKE_DEADLINE_MS }
      )
      return out.body
    } catch {
      return undefined
    }
  }

  private report(): GateReport {
    return {
      checks: [...this.checks].sort(
        (a, b) => Number(!a.baseline) - Number(!b.baseline) || a.at - b.at || a.step - b.step
      ),
      baseline: this.baseline,
      ...(this.breach ? { breach: this.breach } : {}),
      ...(this.cancelText ? { cancel: this.cancelText } : {}),
      sent: this.sent
    }
  }
}

/** A step's golden requests as a check of the report. */
function windowCheck(w: Window, unjudged: string): GateCheck {
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
  }
}
