import { describe, it, expect } from '@jest/globals'
import type { LabRun, LabStepResult } from '../../scripts/lib/bench-lab.js'
import {
  checkTargets,
  markdownTable,
  verdictLines,
  type BenchFigures
} from '../../scripts/lib/bench-report.js'

const summary = (median: number) => ({ median, min: median - 5, max: median + 5, n: 30 })

function labStep(
  name: string,
  detectSimMs: number,
  perMinute: number,
  outcome = name === 'Model B' ? 'rolled-back' : 'deployed'
): LabStepResult {
  return {
    name,
    expected: name === 'Model B' ? 'rolled-back' : 'deployed',
    outcome,
    exitCode: outcome === 'deployed' ? 0 : 1,
    event: undefined,
    deploymentSimMs: 120_000,
    runSimMs: 600_000 + detectSimMs,
    latency: { detectSimMs, exitSimMs: detectSimMs + 60_000, finishRealMs: 70 },
    overhead: { startRealMs: 400, beyondRealWorldMs: 400 + detectSimMs + 70 },
    rate: { calls: perMinute * 2, byOperation: {}, minutes: 2, perMinute },
    realDurationMs: 1500
  }
}

const run = (steps: LabStepResult[]): LabRun => ({ run: 0, pollSimSeconds: 10, steps })

const base: BenchFigures = {
  bundle: {
    indexBytes: 70_000,
    indexGzipBytes: 18_000,
    allJsBytes: 3_400_000,
    allJsGzipBytes: 700_000,
    chunks: 13
  },
  coldStart: { bundle: summary(70), bareNode: summary(28), runs: 30, warmup: 3 },
  rss: { method: '/usr/bin/time -v', bundleMiB: summary(50), bareNodeMiB: summary(38) }
}

const steps = (e: number, rate = 10): LabStepResult[] => [
  labStep('Model A', 4000, rate),
  labStep('Model B', 3000, rate),
  labStep('Model E', e, rate)
]

describe('checkTargets', () => {
  it('checks cold start and RSS only without the lab', () => {
    const checks = checkTargets(base)
    expect(checks.map(c => [c.measured, c.pass])).toEqual([
      ['2.50×', true],
      ['55.0 MiB', true]
    ])
  })

  it('fails the cold start above 3.5× and the RSS above 65 MiB', () => {
    const checks = checkTargets({
      ...base,
      coldStart: { ...base.coldStart, bundle: summary(100) },
      rss: { ...base.rss, bundleMiB: summary(70) }
    })
    expect(checks.map(c => c.pass)).toEqual([false, false])
  })

  it('checks outcomes, detection, call rate and time beyond the deployment with the lab', () => {
    const checks = checkTargets({ ...base, lab: [run(steps(9000))] })
    expect(checks.map(c => [c.name, c.measured, c.limit, c.pass])).toEqual([
      ['Cold start to fail-fast vs node -e 0 (medians)', '2.50×', '≤ 3.5×', true],
      ['Peak RSS of the fail-fast run (max, /usr/bin/time -v)', '55.0 MiB', '≤ 65 MiB', true],
      [
        'Lab outcomes as expected in every run (A deployed, B rolled back, E deployed)',
        'all',
        'all',
        true
      ],
      ['Rollback (B) detected within one poll interval', '3.0 s simulated', '≤ 10.0 s', true],
      ['Completion (E) detected within one poll interval', '9.0 s simulated', '≤ 10.0 s', true],
      ['API calls per simulated minute, default settings (A + B + E)', '10.0', '≤ 12', true],
      [
        'Time beyond the deployment to the verdict, real-time equivalent (worst of B, E)',
        '9.47 s',
        '< 1 s + 10.0 s',
        true
      ]
    ])
  })

  it('fails a detection later than one poll interval, and too many calls', () => {
    const checks = checkTargets({ ...base, lab: [run(steps(10_600, 13))] })
    const failed = checks.filter(c => !c.pass).map(c => c.name)
    expect(failed).toEqual([
      'Completion (E) detected within one poll interval',
      'API calls per simulated minute, default settings (A + B + E)',
      'Time beyond the deployment to the verdict, real-time equivalent (worst of B, E)'
    ])
  })

  it('fails a lab step whose outcome is not the expected one', () => {
    const wrong = [
      labStep('Model A', 4000, 10),
      labStep('Model B', 3000, 10, 'deployed'),
      labStep('Model E', 5000, 10)
    ]
    const check = checkTargets({ ...base, lab: [run(steps(5000)), run(wrong)] }).find(c =>
      c.name.startsWith('Lab outcomes')
    )
    expect(check).toMatchObject({ measured: 'Model B deployed', pass: false })
  })

  it('fails what it could not measure', () => {
    const broken = { ...labStep('Model E', 1000, 10), latency: undefined, overhead: undefined }
    const checks = checkTargets({
      ...base,
      lab: [run(steps(1000)), run([labStep('Model A', 1, 1), labStep('Model B', 1, 1), broken])]
    })
    const failed = checks.filter(c => !c.pass)
    expect(failed.map(c => c.measured)).toEqual(['n/a simulated', 'n/a'])
  })
})

describe('repeated runs', () => {
  it('shows the median and the range, and a target fails when any run misses it', () => {
    const checks = checkTargets({
      ...base,
      lab: [run(steps(9000)), run(steps(10_500)), run(steps(2000))]
    })
    const completion = checks.find(
      c => c.name === 'Completion (E) detected within one poll interval'
    )
    expect(completion).toMatchObject({
      measured: '9.0 s (2.0 s–10.5 s) simulated',
      pass: false
    })
  })

  it('checks the start to the first AWS request against the fastest peer, per Node', () => {
    const fr = (name: string, median: number) => ({
      name,
      ms: { median, min: median - 20, max: median + 40, n: 10 },
      request: 'x'
    })
    const checks = checkTargets({
      ...base,
      firstRequest: [
        { nodeVersion: 'v20.20.2', results: [fr('ours', 250), fr('ecs', 300), fr('creds', 260)] },
        { nodeVersion: 'v24.9.0', results: [fr('ours', 250), fr('ecs', 240), fr('creds', 260)] }
      ]
    })
    expect(checks.slice(2).map(c => [c.name, c.measured, c.limit, c.pass])).toEqual([
      [
        'Start to first AWS request vs the fastest peer (v20.20.2, medians)',
        '250 ms',
        '≤ 260 ms',
        true
      ],
      [
        'Start to first AWS request vs the fastest peer (v24.9.0, medians)',
        '250 ms',
        '≤ 240 ms',
        false
      ]
    ])
  })
})

describe('verdictLines and markdownTable', () => {
  const figures = { ...base, lab: [run(steps(9000)), run(steps(5000))] }
  const checks = checkTargets(figures)

  it('prints one PASS/FAIL line per target', () => {
    const lines = verdictLines(checks)
    expect(lines).toHaveLength(checks.length)
    expect(lines[0]).toBe(
      'PASS  Cold start to fail-fast vs node -e 0 (medians): 2.50× (target ≤ 3.5×)'
    )
  })

  it('renders a table with the lab figures per step, every target and how to reproduce', () => {
    const table = markdownTable(figures, checks, {
      node: '/usr/bin/node',
      nodeVersion: 'v20.20.2',
      cpu: '2 × CPU',
      runs: 30
    })
    const rows = table.split('\n').filter(l => l.startsWith('| '))
    // Header, 4 size/cold rows, 2 exit rows, 5 per-step rows, 7 targets.
    expect(rows).toHaveLength(1 + 4 + 2 + 5 + 7)
    expect(table).toContain('| `dist/index.js` | 68.4 KiB (gzip 17.6 KiB) |  |')
    expect(table).toContain(
      '| Completion (E) → action exit, simulated | 67.0 s (65.0 s–69.0 s), of which 60.0 s after the detecting poll (the metrics wait) |  |'
    )
    expect(table).toContain(
      '| Simulated duration of a run, start to exit | A 10.1 min, B 10.1 min, E 10.1 min (10.1 min–10.2 min) |  |'
    )
    expect(table).toContain('| API calls per simulated minute | A 10.0, B 10.0, E 10.0 |  |')
    expect(table).toContain(
      '| Lab outcomes as expected in every run (A deployed, B rolled back, E deployed) | all | all ✅ |'
    )
    expect(table).toContain('npm run bench')
    expect(table).toContain('the median of 2 runs')
  })
})

describe('model D and the blast radius', () => {
  const blast = (requests: number, errors5xx: number) => ({
    split: 'per-fleet',
    requests,
    errors5xx,
    lowerBound: false
  })
  const withD = (after: string, seed = 0): LabRun => {
    const [a, b, e] = steps(5000)
    return {
      ...run([a!, { ...b!, blastRadius: blast(365 + seed, 78) }, e!]),
      regression: {
        before: { ...labStep('Model D', 1000, 10, 'regressed'), blastRadius: blast(7076, 1247) },
        after: { ...labStep('Model D, defaults', 1000, 10, after), blastRadius: blast(2006, 205) }
      }
    }
  }
  const environment = { node: '/usr/bin/node', nodeVersion: 'v20.20.2', cpu: '2 × CPU', runs: 30 }

  it('checks that SageMaker rolled D back in every run with the defaults', () => {
    const figures = { ...base, lab: [withD('rolled-back'), withD('rolled-back', 10)] }
    const checks = checkTargets(figures)
    expect(checks.at(-1)).toEqual({
      name: 'Model D with the defaults rolled back by SageMaker in every run, never regressed',
      measured: '2 of 2 runs',
      limit: 'all runs',
      pass: true
    })
    const table = markdownTable(figures, checks, environment)
    expect(table).toContain(
      '| Blast radius, Model B (defaults) | green served 370 (365–375) requests, 78 failed (5XX) |  |'
    )
    expect(table).toContain(
      '| Blast radius, Model D (fails only at full traffic) before: no final bake (`termination-wait: 0`, accepted) | regressed: green served 7076 requests, 1247 failed (5XX) |  |'
    )
    expect(table).toContain(
      "| Blast radius, Model D after: the defaults (final bake derived from the alarms' detection time, 300 s) | rolled-back: green served 2006 requests, 205 failed (5XX) |  |"
    )
    // Header, 4 size/cold rows, 2 exit rows, 5 per-step rows, 3 blast-radius rows, 8 targets.
    expect(table.split('\n').filter(l => l.startsWith('| '))).toHaveLength(1 + 4 + 2 + 5 + 3 + 8)
  })

  it('fails when a run of D with the defaults regressed, and says so', () => {
    const checks = checkTargets({ ...base, lab: [withD('rolled-back'), withD('regressed')] })
    expect(checks.at(-1)).toMatchObject({
      measured: 'rolled-back ×1, regressed ×1',
      pass: false
    })
  })

  it('has no D check or blast-radius rows for runs measured without them', () => {
    const figures = { ...base, lab: [run(steps(5000))] }
    const checks = checkTargets(figures)
    expect(checks.map(c => c.name)).not.toContain(
      'Model D with the defaults rolled back by SageMaker in every run, never regressed'
    )
    expect(markdownTable(figures, checks, environment)).not.toContain('Blast radius')
  })
})
