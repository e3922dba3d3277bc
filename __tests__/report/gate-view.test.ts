import { describe, expect, it } from '@jest/globals'
import { gatePlanParagraph, gateSection } from '../../src/report/gate-view.js'
import type { GateReport } from '../../src/types.js'

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0)

describe('gateSection', () => {
  it('says nothing without a gate', () => {
    expect(gateSection(undefined, T0)).toBe('')
  })

  it('gives each check its step, share and time, the breach first, the total sent', () => {
    const report: GateReport = {
      checks: [
        {
          kind: 'requests',
          baseline: true,
          step: 0,
          greenPercent: 0,
          at: T0 - 30_000,
          verdict: 'pass',
          answered: 60,
          mismatches: 0,
          errors: 0,
          text: 'Blue: 0 of 60 answers mismatched.'
        },
        {
          kind: 'requests',
          step: 1,
          greenPercent: 25,
          at: T0 + 485_000,
          verdict: 'fail',
          answered: 20,
          mismatches: 2,
          errors: 1,
          text: '2 of 20 answers mismatched'
        }
      ],
      baseline: { answered: 1030, mismatches: 0, errors: 0 },
      breach: { at: T0 + 500_000, why: 'golden requests at 25 % green (step 1): 2 of 20' },
      sent: 1051
    }
    const text = gateSection(report, T0)
    expect(text.split('\n').slice(0, 3)).toStrictEqual([
      '### Verification gate',
      '',
      '❌ **Failed:** golden requests at 25 % green (step 1): 2 of 20'
    ])
    expect(text).toContain(
      '| baseline | 0 % | before | golden requests | 60 | 0 | 0 | ✅ pass: Blue: 0 of 60 answers mismatched. |'
    )
    expect(text).toContain(
      '| 1 | 25 % | T+8 min 5 s | golden requests | 20 | 2 | 1 | ❌ fail: 2 of 20 answers mismatched |'
    )
    expect(text).toContain('1051 golden requests sent in all')
  })

  it('a command only: its runs and last lines, no count of golden requests', () => {
    const report: GateReport = {
      checks: [
        {
          kind: 'command',
          step: 2,
          greenPercent: 50,
          at: T0 + 600_000,
          verdict: 'pass',
          text: 'exit 0 in 1.2 s',
          tail: ['all good']
        }
      ],
      baseline: undefined,
      sent: 0
    }
    const text = gateSection(report, T0)
    expect(text).toContain('✅ No check failed.')
    expect(text).toContain(
      '| 2 | 50 % | T+10 min | verify-command | — | — | — | ✅ pass: exit 0 in 1.2 s |'
    )
    expect(text).not.toContain('golden requests sent')
    expect(text).toContain('<summary>verify-command, step 2 (50 % green): its last line</summary>')
  })
})

describe('gatePlanParagraph', () => {
  it('names what feeds the gate, its alarm and what a cancelled job does', () => {
    const text = gatePlanParagraph({
      alarmName: 'e-gate',
      namespace: 'SageMakerBlueGreenDeploy',
      metricName: 'GateFailed',
      dimensions: [{ Name: 'EndpointName', Value: 'e' }],
      judgeSeconds: 20,
      requests: 24,
      ratePerSecond: 2,
      command: undefined,
      commandTimeoutSeconds: 60,
      onCancel: 'leave'
    })
    expect(text).toBe(
      "**Verification gate:** 24 golden requests at 2 a second (a baseline on blue before any change, then through every bake and after completion). A failed check publishes `SageMakerBlueGreenDeploy/GateFailed` ≥ 1 and alarm e-gate, one of the update's rollback alarms, makes SageMaker roll back; a check can take 20 s to judge. A cancelled job leaves SageMaker to finish the update under its alarms (on-cancel: leave)."
    )
  })
})
