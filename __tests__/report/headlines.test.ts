import { describe, it, expect } from '@jest/globals'
import { HEADLINE_TEXTS, headlineFor, headlineKind } from '../../src/report/headlines.js'
import { renderError } from '../../src/report/error-view.js'
import { renderInputErrors } from '../../src/report/input-error-view.js'
import { renderPlan } from '../../src/report/plan-view.js'
import { renderSummary } from '../../src/report/summary.js'
import { cancelledAfterStart, cancelledBefore, watchCancelled } from '../../src/verdict.js'
import {
  ALARM_5XX,
  HEALTH_CHECK_REASON,
  TIMEOUT_REASON,
  labPlan,
  run,
  runB,
  runE,
  verdictOf
} from './fixtures.js'

const ENDPOINT =
  '[lab-endpoint](https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/endpoints/lab-endpoint)'

/** The first line of a Markdown document. */
const firstLine = (md: string): string => md.split('\n')[0]!

describe('headlines: each thing that can happen has a text of its own', () => {
  it('no two kinds share a text', () => {
    const texts = Object.values(HEADLINE_TEXTS)
    expect(new Set(texts).size).toStrictEqual(texts.length)
  })

  it('deployed', () => {
    const plan = labPlan('e')
    expect(headlineFor(verdictOf('deployed', { finalStatus: 'InService' }), plan)).toStrictEqual(
      '✅ Deployed'
    )
  })

  it('rolled back by alarm: an alarm fired', () => {
    const verdict = verdictOf('rolled-back', { triggeredAlarms: [ALARM_5XX] })
    expect(headlineFor(verdict, labPlan('b'))).toStrictEqual('❌ Rolled back by alarm')
  })

  it('rolled back by alarm: SageMaker names an alarm no poll saw', () => {
    const verdict = verdictOf('rolled-back', {
      failureReason: 'Deployment rolled back: CloudWatch alarm(s) other-alarm in ALARM state.'
    })
    expect(headlineFor(verdict, labPlan('b'))).toStrictEqual('❌ Rolled back by alarm')
  })

  it('rolled back by health check: no alarm, the new fleet failed its ping health check', () => {
    const verdict = verdictOf('rolled-back', { failureReason: HEALTH_CHECK_REASON })
    expect(headlineFor(verdict, labPlan('b'))).toStrictEqual('❌ Rolled back by health check')
  })

  it('rolled back, no cause named: no alarm and a reason that names no health check or timeout', () => {
    const verdict = verdictOf('rolled-back', {
      failureReason: 'Unable to provision requested ML compute capacity.'
    })
    expect(headlineKind(verdict, labPlan('b'))).toStrictEqual('rolled-back')
  })

  it('rolled back by timeout: MaximumExecutionTimeoutInSeconds ran out', () => {
    const verdict = verdictOf('rolled-back', { failureReason: TIMEOUT_REASON })
    expect(headlineFor(verdict, labPlan('b'))).toStrictEqual('❌ Rolled back by timeout')
  })

  it('rolled back, cause unknown: no alarm and no reason from SageMaker', () => {
    const verdict = verdictOf('rolled-back', {
      failureReason: 'Rolled back (SageMaker gave no reason).'
    })
    expect(headlineFor(verdict, labPlan('b'))).toStrictEqual('❌ Rolled back')
  })

  it('regressed after completion', () => {
    const verdict = verdictOf('regressed', { triggeredAlarms: [ALARM_5XX] })
    expect(headlineFor(verdict, labPlan('b'))).toStrictEqual('❌ Regressed after completion')
  })

  it('update rollback failed: the endpoint is UpdateRollbackFailed', () => {
    const verdict = verdictOf('failed', { finalStatus: 'UpdateRollbackFailed' })
    expect(headlineFor(verdict, labPlan('b'))).toStrictEqual(
      '❌ Update rollback failed, fleets mixed'
    )
  })

  it('failed: anything else that failed', () => {
    const verdict = verdictOf('failed', { finalStatus: 'Failed' })
    expect(headlineFor(verdict, labPlan('b'))).toStrictEqual('❌ Failed')
  })

  it('cancelled while watching: SageMaker continues', () => {
    const timeline = { ...runB.timeline, last: { ...runB.timeline.last!, status: 'Updating' } }
    expect(headlineFor(watchCancelled(timeline), labPlan('b'))).toStrictEqual(
      '🛑 Cancelled, SageMaker continues unwatched'
    )
  })

  it('cancelled after SageMaker accepted the update or the creation: SageMaker continues', () => {
    const plan = labPlan('b')
    expect(headlineFor(cancelledAfterStart(plan, undefined), plan)).toStrictEqual(
      '🛑 Cancelled, SageMaker continues unwatched'
    )
    const created = labPlan('b', { firstDeploy: true })
    expect(headlineFor(cancelledAfterStart(created, undefined), created)).toStrictEqual(
      '🛑 Cancelled, SageMaker continues unwatched'
    )
  })

  it('cancelled before anything was sent: nothing goes on', () => {
    const verdict = cancelledBefore('Cancelled before launch. Nothing was changed in AWS.')
    expect(headlineFor(verdict, labPlan('b'))).toStrictEqual('🛑 Cancelled')
  })

  it('timed out, started', () => {
    expect(headlineFor(verdictOf('timed-out'), labPlan('b'))).toStrictEqual('⏱️ Timed out')
    expect(headlineFor(verdictOf('started'), labPlan('b'))).toStrictEqual('🚀 Started')
  })

  it('planned, planned with the endpoint unreadable, planned without access', () => {
    expect(headlineFor(verdictOf('planned'), labPlan('b'))).toStrictEqual('📝 Planned')
    const unknown = labPlan('b', { liveUnknown: 'Could not read endpoint lab-endpoint.' })
    expect(headlineFor(verdictOf('planned'), unknown)).toStrictEqual(
      '📝 Planned, endpoint state unknown'
    )
    expect(headlineFor(verdictOf('planned'), undefined)).toStrictEqual(
      '📝 Planned without access to AWS'
    )
  })
})

describe('headlines: as the summaries write them', () => {
  it('a rollback with no alarm and a health-check reason', () => {
    const verdict = {
      ...runB.verdict,
      triggeredAlarms: [],
      failureReason: HEALTH_CHECK_REASON
    }
    const alarms = runB.timeline.alarms.map(track => ({ ...track, fired: false }))
    const last = { ...runB.timeline.last!, failureReason: HEALTH_CHECK_REASON }
    const timeline = { ...runB.timeline, alarms, last }
    const md = renderSummary({ ...runB, timeline, verdict, run })
    expect(firstLine(md)).toStrictEqual(`## ❌ Rolled back by health check: ${ENDPOINT}`)
    expect(md).not.toContain('SageMaker gave no failure reason.')
  })

  it('UpdateRollbackFailed: the mixed fleets, and what to do now', () => {
    const verdict = {
      ...runB.verdict,
      outcome: 'failed' as const,
      summary: 'Both the deployment and the auto-rollback failed (UpdateRollbackFailed).',
      failureReason: 'UpdateRollbackFailed: both the deployment and its auto-rollback failed.',
      finalStatus: 'UpdateRollbackFailed'
    }
    const md = renderSummary({ ...runB, verdict, run })
    expect(firstLine(md)).toStrictEqual(`## ❌ Update rollback failed, fleets mixed: ${ENDPOINT}`)
    expect(md).toContain(
      '**What to do now:** lab-endpoint may serve a mix of the old and new fleets, and stays so until it is settled by hand: SageMaker does not leave UpdateRollbackFailed on its own, and this action refuses to deploy to it. Update it to one endpoint config (`aws sagemaker update-endpoint --endpoint-name lab-endpoint --endpoint-config-name lab-endpoint-config-a` puts the previous config back), or delete and re-create it.'
    )
  })

  it('a watch cancelled while SageMaker updates', () => {
    const timeline = { ...runE.timeline, last: { ...runE.timeline.last!, status: 'Updating' } }
    const md = renderSummary({ ...runE, timeline, verdict: watchCancelled(timeline), run })
    expect(firstLine(md)).toStrictEqual(
      `## 🛑 Cancelled, SageMaker continues unwatched: ${ENDPOINT}`
    )
  })

  it('cancelled after the update was accepted, with no timeline', () => {
    const plan = labPlan('b')
    const md = renderError('lab-endpoint', cancelledAfterStart(plan, undefined), plan, run)
    expect(firstLine(md)).toStrictEqual(
      `## 🛑 Cancelled, SageMaker continues unwatched: ${ENDPOINT}`
    )
  })

  it('refused input', () => {
    const md = renderInputErrors('lab-endpoint', 'Input instance-count must be a number.')
    expect(firstLine(md)).toStrictEqual('## ❌ Inputs refused: lab-endpoint')
  })

  it('a dry run that could not read AWS', () => {
    const verdict = verdictOf('planned', {
      summary: 'Dry run: no plan could be made, nothing was changed: could not read it.'
    })
    const md = renderError('lab-endpoint', verdict, undefined, run)
    expect(firstLine(md)).toStrictEqual('## 📝 Planned without access to AWS: lab-endpoint')
  })

  it('a plan, and a plan on an endpoint it could not read', () => {
    expect(firstLine(renderPlan(labPlan('b'), run))).toStrictEqual(`## 📝 Planned: ${ENDPOINT}`)
    const unknown = labPlan('b', { liveUnknown: 'Could not read endpoint lab-endpoint.' })
    expect(firstLine(renderPlan(unknown, run))).toStrictEqual(
      `## 📝 Planned, endpoint state unknown: ${ENDPOINT}`
    )
  })
})
