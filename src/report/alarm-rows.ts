// The plan's guarding alarms as table rows (alarm, where it comes from, what it watches), for
// every target's plan view.
import type { Plan } from '../types.js'
import { alarmUrl } from './links.js'
import { link, type Cell } from './markdown.js'

export function alarmRows(plan: Plan): Cell[][] {
  return plan.guardAlarmNames.map(name => {
    const spec = plan.alarmsToCreate.find(alarm => alarm.name === name)
    return [
      link(name, alarmUrl(plan.region, name)),
      spec === undefined ? 'existing alarm' : 'created or updated by this run',
      spec?.watches ?? '—'
    ]
  })
}
