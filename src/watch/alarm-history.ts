// Naming the alarm that rolled a deployment back when no poll saw it in ALARM. SageMaker may
// leave FailureReason empty, and an alarm can fire and clear between two polls; its history
// still holds the transition. Pure: history items in, a timeline with those alarms marked fired.
import type { AlarmTrack, Timeline } from '../types.js'

export interface AlarmTransition {
  readonly name: string
  /** Epoch ms of the change to ALARM, from CloudWatch. */
  readonly at: number
  readonly reason: string | undefined
}

export interface HistoryItemLike {
  AlarmName?: string | undefined
  Timestamp?: Date | undefined
  HistorySummary?: string | undefined
  HistoryData?: string | undefined
}

/** The changes to ALARM among an alarm's state-update history items. */
export function toAlarmTransitions(
  name: string,
  items: readonly HistoryItemLike[]
): AlarmTransition[] {
  const transitions: AlarmTransition[] = []
  for (const item of items) {
    let state: unknown
    let reason: string | undefined
    try {
      const data = JSON.parse(item.HistoryData ?? '{}') as {
        newState?: { stateValue?: unknown; stateReason?: unknown }
      }
      state = data.newState?.stateValue
      reason =
        typeof data.newState?.stateReason === 'string' ? data.newState.stateReason : undefined
    } catch {
      state = undefined
    }
    const toAlarm =
      state === 'ALARM' || (state === undefined && / to ALARM$/.test(item.HistorySummary ?? ''))
    const at = item.Timestamp instanceof Date ? item.Timestamp.getTime() : NaN
    if (toAlarm && Number.isFinite(at))
      transitions.push({ name: item.AlarmName ?? name, at, reason })
  }
  return transitions
}

/**
 * Marks the alarms that went into ALARM after the update started as fired (at their earliest
 * such transition), with an event saying where that came from. The state each poll saw stays.
 */
export function recordFiredAlarms(t: Timeline, transitions: readonly AlarmTransition[]): Timeline {
  const since = transitions.filter(tr => tr.at >= t.startedAt).sort((a, b) => a.at - b.at)
  if (since.length === 0) return t
  const tracks = new Map<string, AlarmTrack>(t.alarms.map(track => [track.name, track]))
  const events = [...t.events]
  for (const tr of since) {
    const track = tracks.get(tr.name)
    if (track?.fired) continue
    tracks.set(tr.name, {
      ...track,
      name: tr.name,
      statesSeen: track?.statesSeen ?? [],
      finalState: track?.finalState,
      lastReason: track?.lastReason ?? tr.reason,
      // The reason of the transition that fired, not the track's latest (OK again, say).
      firedReason: tr.reason,
      fired: true,
      firedAt: tr.at
    })
    events.push({
      at: tr.at,
      kind: 'alarm',
      message: `alarm ${tr.name}: ALARM (from its history: it fired between two polls)${tr.reason ? ` (${tr.reason})` : ''}`
    })
  }
  return { ...t, alarms: [...tracks.values()], events: events.sort((a, b) => a.at - b.at) }
}
