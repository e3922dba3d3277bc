import { describe, it, expect } from '@jest/globals'
import { doubleFleetInstanceHours, planJson, renderPlan } from '../../src/report/plan-view.js'
import type { Plan } from '../../src/types.js'
import { ALARM_5XX, ALARM_LATENCY, firstDeploy, labPlan, run } from './fixtures.js'
import { rowsStartingWith } from './helpers.js'

/** The JSON bodies of the fenced blocks in the requests section, in order. */
function jsonBlocks(markdown: string): unknown[] {
  return [...markdown.matchAll(/```json\n([\s\S]*?)\n```/g)].map(match =>
    JSON.parse(match[1] ?? '')
  )
}

describe('renderPlan', () => {
  const plan = labPlan('b')
  const md = renderPlan(plan, run)

  it('is headed as a dry run that changes nothing', () => {
    expect(
      md.startsWith('## 📝 Planned: [lab-endpoint](https://eu-west-1.console.aws.amazon.com/')
    ).toBe(true)
    expect(md).toContain('Dry run: nothing was changed.')
    expect(md).toContain('blue/green traffic shift (UpdateEndpoint)')
  })

  it('shows blue against green', () => {
    expect(rowsStartingWith(md, 'Model')[0]).toMatch(
      /^\| Model \| \[lab-model-a\]\(.*#\/models\/lab-model-a\) \| \[lab-model-b\]\(/
    )
    expect(md).toContain('|   | Blue (live) | Green (would be created) |')
  })

  it('lists the expected 25 % schedule with times and green instances', () => {
    expect(rowsStartingWith(md, 'T+')).toEqual([
      '| T+0 | 100% | 0% | 4 | green fleet provisioned |',
      '| T+1 min | 75% | 25% | 1 | first step |',
      '| T+2 min | 50% | 50% | 2 | equal split |',
      '| T+3 min | 25% | 75% | 3 | majority on green |',
      '| T+4 min | 0% | 100% | 4 | complete |',
      '| T+10 min | 0% | 100% | 4 | complete: blue fleet terminated |'
    ])
  })

  it('heads the fleets with the artifact each would run', () => {
    const withBlue = renderPlan(plan, run, {
      modelName: 'lab-model-a',
      modelDataUrl: 's3://lab-bucket/models/a/model.tar.gz',
      instanceType: 'ml.m5.large',
      instanceCount: 4
    })
    expect(withBlue).toContain(
      '| Time | Blue: models/a | Green: models/b | Green instances | Step |'
    )
  })

  it('gives the estimated duration and the wait budget', () => {
    expect(md).toContain(
      'Expected duration: about 10 min, from the update request until blue is terminated; the action waits up to 20 min for a verdict.'
    )
    expect(md).toContain('The times assume about 1 min to provision new instances')
  })

  it('names the guarding alarms and what the created ones watch', () => {
    expect(rowsStartingWith(md, `[${ALARM_5XX}]`)[0]).toContain(
      '| created or updated by this run | Invocation5XXErrors / Invocations &gt; 1% over 1 minute |'
    )
    expect(rowsStartingWith(md, `[${ALARM_LATENCY}]`)).toHaveLength(1)
    const withExisting = renderPlan(
      { ...plan, guardAlarmNames: [...plan.guardAlarmNames, 'team-slo'] },
      run
    )
    expect(rowsStartingWith(withExisting, '[team-slo]')[0]).toContain('| existing alarm | — |')
  })

  it('counts the instance-hours green adds, not blue, which runs anyway, and shows the formula', () => {
    expect(md).toContain(
      '**0.67 extra instance-hours** = 4 green instances × 600 s ÷ 3600, rounded to 2 decimals (blue runs anyway). Both fleets are ml.m5.large.'
    )
    const smallBlue = renderPlan(plan, run, {
      modelName: 'lab-model-a',
      modelDataUrl: undefined,
      instanceType: 'ml.m5.xlarge',
      instanceCount: 2
    })
    expect(smallBlue).toContain(
      '**0.67 extra instance-hours** = 4 green instances × 600 s ÷ 3600, rounded to 2 decimals (blue runs anyway). Blue runs ml.m5.xlarge, green ml.m5.large.'
    )
  })

  it('includes the exact requests as JSON', () => {
    expect(md).toContain('<details><summary>Requests that would be sent</summary>')
    const blocks = jsonBlocks(md)
    expect(blocks).toEqual([
      plan.createModel,
      plan.createEndpointConfig,
      plan.updateEndpoint,
      plan.alarmsToCreate[0]?.request,
      plan.alarmsToCreate[1]?.request
    ])
  })

  it('warns when no alarm would guard the rollout', () => {
    const bare = renderPlan({ ...plan, guardAlarmNames: [], alarmsToCreate: [] }, run)
    expect(bare).toContain('None: SageMaker would shift traffic without automatic rollback.')
  })
})

describe('renderPlan: first deploy', () => {
  const md = renderPlan(firstDeploy.plan, run)

  it('creates the endpoint without a traffic shift or a double fleet', () => {
    expect(md).toContain(
      'it would be created with the green model (CreateEndpoint), with no traffic shift'
    )
    expect(md).toContain(
      'No traffic shift: the new endpoint would serve the green model from the start. Creating an endpoint usually takes several minutes (estimate: about 5 min)'
    )
    expect(md).toContain('None: a new endpoint runs only the green fleet.')
    expect(md).not.toContain('instance-hours')
  })

  it('sends CreateEndpoint, not UpdateEndpoint', () => {
    expect(md).toContain('**CreateEndpoint**')
    expect(md).not.toContain('**UpdateEndpoint**')
  })
})

describe('doubleFleetInstanceHours', () => {
  it.each<[number, number, number]>([
    [4, 600, 0.67],
    [1, 1800, 0.5],
    [3, 1000, 0.83],
    [10, 7200, 20]
  ])('%p instances for %p s → %p', (instanceCount, expectedDurationSeconds, hours) => {
    expect(doubleFleetInstanceHours(labPlan('b', { instanceCount, expectedDurationSeconds }))).toBe(
      hours
    )
  })

  it('counts green alone: blue runs anyway, whatever its size', () => {
    const plan = labPlan('b', { instanceCount: 4, expectedDurationSeconds: 3600 })
    expect(doubleFleetInstanceHours(plan)).toBe(4)
  })

  it('is zero for a new endpoint', () => {
    expect(doubleFleetInstanceHours(firstDeploy.plan)).toBe(0)
  })
})

describe('planJson', () => {
  it('round-trips the plan with undefined fields as null', () => {
    const parsed = JSON.parse(planJson(firstDeploy.plan)) as Record<string, unknown>
    expect(parsed.endpointName).toBe('new-endpoint')
    expect(parsed.previousConfigName).toBeNull()
    expect(parsed.updateEndpoint).toBeNull()
    expect(parsed.schedule).toEqual([])
  })

  it('does not depend on key order', () => {
    const plan = labPlan('b')
    const reversed = Object.fromEntries(Object.entries(plan).reverse()) as unknown as Plan
    expect(planJson(reversed)).toBe(planJson(plan))
    expect(planJson(plan).indexOf('"alarmsToCreate"')).toBeLessThan(
      planJson(plan).indexOf('"variantName"')
    )
  })

  it('is a single line', () => {
    expect(planJson(labPlan('b'))).not.toContain('\n')
  })
})
