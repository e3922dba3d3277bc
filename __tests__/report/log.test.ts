import { describe, it, expect } from '@jest/globals'
import { formatEvent, formatStep } from '../../src/report/log.js'
import { T0, at } from './fixtures.js'

describe('formatStep', () => {
  it('writes the split and the event after the offset', () => {
    const step = { at: at(60), bluePercent: 75, greenPercent: 25, event: 'first step shifted' }
    expect(formatStep(step, T0)).toBe('[T+1 min] green 25% / blue 75% — first step shifted')
  })

  it('omits the dash when there is no event text', () => {
    expect(formatStep({ at: at(90), bluePercent: 50, greenPercent: 50, event: '' }, T0)).toBe(
      '[T+1 min 30 s] green 50% / blue 50%'
    )
  })
})

describe('formatEvent', () => {
  it('prefixes the message with its offset', () => {
    expect(
      formatEvent({ at: at(150), kind: 'alarm', message: 'lab-endpoint-5xx-rate: OK → ALARM' }, T0)
    ).toBe('[T+2 min 30 s] lab-endpoint-5xx-rate: OK → ALARM')
  })

  it('keeps service text on one line, so it cannot start a workflow command', () => {
    const line = formatEvent(
      { at: T0, kind: 'failed', message: 'boom\n::error::forged\r\n::add-mask::x' },
      T0
    )
    expect(line).toBe('[T+0] boom ::error::forged ::add-mask::x')
    expect(line.split('\n')).toHaveLength(1)
  })
})
