import { describe, it, expect } from '@jest/globals'
import { formatDuration, formatOffset, formatPercent } from '../../src/report/time.js'

describe('formatOffset', () => {
  it.each([
    [0, 'T+0'],
    [400, 'T+0'],
    [45_000, 'T+45 s'],
    [60_000, 'T+1 min'],
    [59_600, 'T+1 min'],
    [90_000, 'T+1 min 30 s'],
    [120_000, 'T+2 min'],
    [160_000, 'T+2 min 40 s'],
    [3_600_000, 'T+1 h'],
    [3_723_000, 'T+1 h 2 min 3 s'],
    [-5_000, 'T-5 s'],
    [Number.NaN, 'T+?']
  ])('formats %p ms as %p', (ms, expected) => {
    expect(formatOffset(ms)).toBe(expected)
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [1_000, '1 s'],
    [600_000, '10 min'],
    [7_260_000, '2 h 1 min']
  ])('formats %p ms as %p', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected)
  })
})

describe('formatPercent', () => {
  it.each([
    [75, '75%'],
    [0, '0%'],
    [100 / 3, '33.3%'],
    [12.5, '12.5%']
  ])('formats %p as %p', (percent, expected) => {
    expect(formatPercent(percent)).toBe(expected)
  })
})
