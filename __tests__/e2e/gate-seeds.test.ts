// Model E with the gate on, twenty times with different seeds (emulator and action): every run
// deployed, none published a breach. A false gate failure would roll a good model back.
import { describe, expect, it, jest } from '@jest/globals'
import { deploy, GOLDEN, MODEL_E } from './gate-helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(900_000)

describe('verification gate: no false failure', () => {
  it('Model E with the gate on: deployed, and no check fails, over 20 seeded runs', async () => {
    const outcomes: string[] = []
    const breaches: number[] = []
    const judged: number[] = []
    for (let i = 0; i < 20; i++) {
      const run = await deploy(
        MODEL_E,
        // Every step still gets 30 answers (the rule judges from 20); CloudWatch on time, so the
        // final bake and the watch after completion are 2 min, not 5.
        { 'verify-requests': GOLDEN, 'verify-rate': '0.5', 'metric-delay': '0' },
        // A green fleet up in a minute: every step is judged, in a tenth of the lab's time.
        {
          seed: 100 + i,
          runId: String(5000 + i),
          settle: 0,
          provisioningSeconds: 60,
          metricDelaySeconds: 0
        }
      )
      outcomes.push(run.result.outputs.outcome ?? '?')
      breaches.push(run.published.filter(v => v >= 1).length)
      // Judged, not merely quiet: each of the four steps has a passing row of its own.
      const rows = run.result.summary.match(
        /\| [1-4] \| \d+ % \| [^|]+ \| golden requests \| \d+ \| 0 \| 0 \| ✅ pass/g
      )
      judged.push(rows?.length ?? 0)
    }
    expect(outcomes).toStrictEqual(Array.from({ length: 20 }, () => 'deployed'))
    expect(breaches).toStrictEqual(Array.from({ length: 20 }, () => 0))
    expect(judged).toStrictEqual(Array.from({ length: 20 }, () => 4))
  })
})
