// The lab as .github/workflows/e2e.yml runs it: three steps of ONE workflow run (same commit, run
// id and attempt), so the planned green names collide and fresh names must be taken.
import { describe, expect, it } from '@jest/globals'
import { labEmulator, runStep, step } from './helpers.js'

describe('three deploy steps in one workflow run', () => {
  it('A deployed, B rolled back, E deployed, each on its own model and config', async () => {
    const emulator = await labEmulator()
    const sameRun = {
      GITHUB_SHA: 'abcabcabcabcabcabcabcabcabcabcabcabcabca',
      GITHUB_RUN_ID: '777',
      GITHUB_RUN_ATTEMPT: '1'
    }
    try {
      const a = await runStep(emulator, step('Model A'), { env: sameRun })
      const b = await runStep(emulator, step('Model B'), { env: sameRun })
      emulator.advance(180)
      const e = await runStep(emulator, step('Model E'), { env: sameRun })
      expect([a.outputs.outcome, b.outputs.outcome, e.outputs.outcome]).toEqual([
        'deployed',
        'rolled-back',
        'deployed'
      ])
      const configs = [a, b, e].map(r => r.outputs['endpoint-config-name'])
      expect(new Set(configs).size).toBe(3)
      expect(b.stdout).toMatch(/exists with another definition; using the fresh name/)
      expect(e.outputs['previous-endpoint-config-name']).toBe(configs[0])
      // Nothing that existed was changed or deleted: creates only, one update per shift.
      expect(b.mutating.filter(op => op === 'UpdateEndpoint')).toHaveLength(1)
      expect(
        [...a.mutating, ...b.mutating, ...e.mutating].some(op => op.startsWith('Delete'))
      ).toBe(false)
    } finally {
      await emulator.close()
    }
  }, 90_000)
})
