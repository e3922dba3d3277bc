// The lab as .github/workflows/e2e.yml runs it: three steps of ONE workflow run (same commit, run
// id and attempt), so the planned green names collide and fresh names must be taken. The steps
// follow each other at once: E starts as B's run ends (its 5XX alarm is OK again by then).
import { describe, expect, it, jest } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, step, trafficSteps } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load, never
// on what it sees.
jest.setTimeout(600_000)

type Run = Awaited<ReturnType<typeof runStep>>

/** The traffic-steps output as [T+ seconds, blue %, green %, what happened] rows. */
const rows = (r: Run): [number, number, number, string][] =>
  trafficSteps(r).map(s => [s.offsetSeconds, s.bluePercent, s.greenPercent, s.event])

/** The run's mutating calls as "Operation Name status". */
async function changes(emulator: Emulator, run: () => Promise<Run>): Promise<[Run, string[]]> {
  const from = emulator.calls().length
  const result = await run()
  const calls = emulator
    .calls()
    .slice(from)
    .filter(c => c.mutating)
    .map(c => {
      const p = c.params as Record<string, unknown>
      const name = c.operation.endsWith('Endpoint')
        ? p['EndpointName']
        : (p['ModelName'] ?? p['EndpointConfigName'] ?? p['AlarmName'])
      return `${c.operation} ${String(name)} ${c.status}`
    })
  return [result, calls]
}

describe('three deploy steps in one workflow run', () => {
  it('A deployed, B rolled back, E deployed, each on its own model and config', async () => {
    const emulator = await labEmulator()
    const sameRun = {
      GITHUB_SHA: 'abcabcabcabcabcabcabcabcabcabcabcabcabca',
      GITHUB_RUN_ID: '777',
      GITHUB_RUN_ATTEMPT: '1'
    }
    try {
      const [a, aCalls] = await changes(emulator, () =>
        runStep(emulator, step('Model A'), { env: sameRun })
      )
      const [b, bCalls] = await changes(emulator, () =>
        runStep(emulator, step('Model B'), { env: sameRun })
      )
      const [e, eCalls] = await changes(emulator, () =>
        runStep(emulator, step('Model E'), { env: sameRun })
      )
      expect([a.outputs.outcome, b.outputs.outcome, e.outputs.outcome]).toEqual([
        'deployed',
        'rolled-back',
        'deployed'
      ])
      const planned = 'lab-endpoint-abcabca-777-1'
      // Fresh names: the planned one and a hash of the new definition.
      const [bModel, bConfig] = [`${planned}-5bf255`, `${planned}-6dee7d`]
      const [eModel, eConfig] = [`${planned}-39b345`, `${planned}-05a7ac`]
      expect(
        [a, b, e].map(r => [r.outputs['model-name'], r.outputs['endpoint-config-name']])
      ).toEqual([
        [planned, planned],
        [bModel, bConfig],
        [eModel, eConfig]
      ])
      expect(b.stdout.split('\n').filter(line => line.includes('using the fresh name'))).toEqual([
        `Model ${planned} exists with another definition; using the fresh name ${bModel}`,
        `Endpoint config ${planned} exists with other variants; using the fresh name ${bConfig}`
      ])
      expect(e.outputs['previous-endpoint-config-name']).toBe(planned)
      // Nothing that existed was changed or deleted: creates only, one update per shift.
      expect(aCalls).toEqual([
        `PutMetricAlarm ${LAB_ERROR_ALARM} 200`,
        'PutMetricAlarm lab-endpoint-model-latency 200',
        `CreateModel ${planned} 200`,
        `CreateEndpointConfig ${planned} 200`,
        `CreateEndpoint lab-endpoint 200`
      ])
      for (const [calls, model, config] of [
        [bCalls, bModel, bConfig],
        [eCalls, eModel, eConfig]
      ] as const) {
        expect(calls).toEqual([
          `CreateModel ${planned} 400`,
          `CreateModel ${model} 200`,
          `CreateEndpointConfig ${planned} 400`,
          `CreateEndpointConfig ${config} 200`,
          'UpdateEndpoint lab-endpoint 200'
        ])
      }
      // The lab's timings. B: no poll fell in step 1's 5 s activation (its row is its bake), and
      // the alarm fired at the 09:20:00 evaluation, T+594 s from B's update request (09:10:05.709).
      expect(rows(b)).toEqual([
        [0, 100, 0, 'deployment starts, green fleet provisioning'],
        [485, 75, 25, 'step 1 of 4: 25% shifted to green, alarms monitored'],
        [545, 50, 50, 'step 2 of 4: 50% shifted to green, alarms monitored'],
        [594, 100, 0, `rolled back to blue: alarm ${LAB_ERROR_ALARM} in ALARM`]
      ])
      expect(rows(e)).toEqual([
        [0, 100, 0, 'deployment starts, green fleet provisioning'],
        [480, 75, 25, 'step 1 of 4: 25% shifted to green, alarms monitored'],
        [545, 50, 50, 'step 2 of 4: 50% shifted to green, alarms monitored'],
        [610, 25, 75, 'step 3 of 4: 75% shifted to green, alarms monitored'],
        [675, 0, 100, 'all traffic on green (step 4 of 4), alarms monitored'],
        // The step at 100 % bakes only the 300 s final bake (B's policy, retained), then blue goes.
        [1100, 0, 100, 'complete, blue fleet decommissioned']
      ])
    } finally {
      await emulator.close()
    }
  })
})
