import { describe, expect, it } from '@jest/globals'
import { recordFiredAlarms, toAlarmTransitions } from '../../src/watch/alarm-history.js'
import { createTimeline } from '../../src/watch/reducer.js'
import { labContext, T0 } from '../../__fixtures__/observations.js'

const item = (state: string, at: number, reason = 'Threshold Crossed') => ({
  AlarmName: 'ep-5xx-rate',
  Timestamp: new Date(at),
  HistorySummary: `Alarm updated from OK to ${state}`,
  HistoryData: JSON.stringify({
    version: '1.0',
    oldState: { stateValue: 'OK' },
    newState: { stateValue: state, stateReason: reason }
  })
})

describe('toAlarmTransitions', () => {
  it('keeps the changes to ALARM, with their time and reason', () => {
    expect(
      toAlarmTransitions('ep-5xx-rate', [item('OK', T0 + 120_000), item('ALARM', T0 + 60_000, 'r')])
    ).toEqual([{ name: 'ep-5xx-rate', at: T0 + 60_000, reason: 'r' }])
  })

  it('falls back to the summary when HistoryData is not JSON; drops items without a time', () => {
    expect(
      toAlarmTransitions('a', [
        {
          HistorySummary: 'Alarm updated from OK to ALARM',
          HistoryData: 'x',
          Timestamp: new Date(T0)
        },
        { HistorySummary: 'Alarm updated from OK to ALARM', HistoryData: 'x' }
      ])
    ).toEqual([{ name: 'a', at: T0, reason: undefined }])
  })

  it('HistoryData decides over the summary; a reason that is not text is none', () => {
    const data = (newState: object) => JSON.stringify({ newState })
    expect(
      toAlarmTransitions('a', [
        {
          HistorySummary: 'Alarm updated from OK to ALARM',
          HistoryData: data({ stateValue: 'OK' }),
          Timestamp: new Date(T0)
        },
        {
          HistorySummary: 'Alarm updated from OK to ALARM',
          HistoryData: data({ stateValue: 'ALARM', stateReason: 42 }),
          Timestamp: new Date(T0 + 1000)
        }
      ])
    ).toEqual([{ name: 'a', at: T0 + 1000, reason: undefined }])
  })
})

describe('recordFiredAlarms', () => {
  const start = createTimeline(labContext(), T0)

  it('marks an alarm fired at its first change to ALARM after the start, with an event', () => {
    const t = recordFiredAlarms(start, [
      { name: 'lab-endpoint-5xx-rate', at: T0 + 90_000, reason: 'crossed' },
      { name: 'lab-endpoint-5xx-rate', at: T0 + 150_000, reason: 'again' },
      { name: 'old-alarm', at: T0 - 60_000, reason: 'before the update' }
    ])
    expect(t.alarms).toEqual([
      {
        name: 'lab-endpoint-5xx-rate',
        statesSeen: [],
        finalState: undefined,
        lastReason: 'crossed',
        firedReason: 'crossed',
        fired: true,
        firedAt: T0 + 90_000
      }
    ])
    expect(t.events.at(-1)?.message).toBe(
      'alarm lab-endpoint-5xx-rate: ALARM (from its history: it fired between two polls) (crossed)'
    )
  })

  it('keeps the reason of the transition that fired when a poll saw the alarm OK since', () => {
    const seen = {
      ...start,
      alarms: [
        {
          name: 'lab-endpoint-5xx-rate',
          statesSeen: ['OK' as const],
          finalState: 'OK' as const,
          lastReason: 'was not greater than the threshold',
          fired: false,
          firedAt: undefined,
          updatedBetweenPolls: true
        }
      ]
    }
    const t = recordFiredAlarms(seen, [
      { name: 'lab-endpoint-5xx-rate', at: T0 + 90_000, reason: 'crossed' }
    ])
    expect(t.alarms[0]).toMatchObject({
      firedReason: 'crossed',
      lastReason: 'was not greater than the threshold',
      updatedBetweenPolls: true,
      fired: true
    })
  })

  it('changes nothing without transitions after the start', () => {
    expect(recordFiredAlarms(start, [])).toBe(start)
  })

  it('takes the transitions in time order, from the start on, among the events so far', () => {
    const later = {
      ...start,
      events: [...start.events, { at: T0 + 200_000, kind: 'step' as const, message: 'a step' }]
    }
    const t = recordFiredAlarms(later, [
      { name: 'lab-endpoint-latency', at: T0 + 150_000, reason: undefined },
      { name: 'lab-endpoint-5xx-rate', at: T0 + 90_000, reason: 'again' },
      { name: 'lab-endpoint-5xx-rate', at: T0, reason: 'at the start' }
    ])
    expect(t.alarms.map(a => [a.name, a.firedAt, a.firedReason])).toEqual([
      ['lab-endpoint-5xx-rate', T0, 'at the start'],
      ['lab-endpoint-latency', T0 + 150_000, undefined]
    ])
    expect(t.events).toEqual([
      start.events[0],
      {
        at: T0,
        kind: 'alarm',
        message:
          'alarm lab-endpoint-5xx-rate: ALARM (from its history: it fired between two polls) (at the start)'
      },
      {
        at: T0 + 150_000,
        kind: 'alarm',
        message: 'alarm lab-endpoint-latency: ALARM (from its history: it fired between two polls)'
      },
      { at: T0 + 200_000, kind: 'step', message: 'a step' }
    ])
  })
})
