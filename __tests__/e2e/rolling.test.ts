// Rolling deployments and inference components through the real bundle, against the emulator:
// a rolling update that completes, one rolled back by the 5XX alarm in batches and one all at
// once, the same on an inference component, the peak instance (copy) count the emulator saw, and
// what is refused before any change. Scenarios run side by side, each on its own emulator.
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_SCENARIO, type Emulator } from '../../emulator/index.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveComponent, liveModelA, runStep, sagemakerCall, step } from './helpers.js'

/**
 * The lab's steps poll every 10 simulated seconds (the default): each phase of a batch the table
 * shows lasts longer (480 s launching, 5 s activating and the 60 s bake in one row, 120 s
 * terminating an old batch), so each is seen, on stepped time whatever the machine's load.
 */
const ROLLING = {
  'traffic-routing': 'rolling',
  'step-size': '25%',
  'wait-interval': '60',
  'metrics-wait': '0'
}

// Jest's limit per test, only a safety net: on stepped time a test's real duration depends on the
// machine's load (several whole rollouts run here), never what it sees.
jest.setTimeout(300_000)

const emulators: Emulator[] = []
async function emulator(): Promise<Emulator> {
  const emu = await labEmulator()
  emulators.push(emu)
  return emu
}
afterAll(async () => {
  await Promise.all(emulators.map(e => e.close()))
})

/** The rolling table's rows as printed: | time | new | old | traffic on new | what happened |. */
function batchRows(summary: string): string[] {
  const at = summary.indexOf('### Rolling batches')
  if (at < 0) return []
  const lines = summary.slice(at).split('\n').slice(4)
  return lines.slice(
    0,
    lines.findIndex(line => !line.startsWith('| T'))
  )
}

const COMPONENT = { 'inference-component-name': 'llm', 'traffic-routing': '', 'step-size': '1' }

describe('rolling deployment of an endpoint (4 instances, batches of 1)', () => {
  it('deploys, rolls back on the 5XX alarm in batches of 1 and all at once; the table shows each batch', async () => {
    // Each run on its own emulator, side by side (each run's jitter is seeded by its inputs and
    // GITHUB_* variables, so the times below are the same every run).
    const [good, batches, allAtOnce] = await Promise.all(
      (['Model E', 'Model B', 'Model B'] as const).map(async (name, i) => {
        const emu = await emulator()
        await liveModelA(emu)
        const result = await runStep(emu, step(name), {
          inputs: {
            ...ROLLING,
            'retain-deployment-config': 'false',
            ...(i === 1 ? { 'rollback-step-size': '1' } : {})
          }
        })
        return { result, peak: emu.peak('lab-endpoint') }
      })
    )

    expect(good?.result.outputs.outcome).toBe('deployed')
    expect(good?.result.code).toBe(0)
    expect(good?.peak).toBe(5)
    // Each batch: 480 s launching, 5 s activating and the 60 s bake (one row), 120 s terminating
    // an old instance. A row's time is when the phase the first poll after the change saw began
    // (polls at most 10 s apart): a batch's traffic row reads T+8 min, T+30 min 10 s when that
    // poll came in the 5 s of activation, T+19 min 10 s, T+41 min 20 s when it came in the bake.
    expect(batchRows(good?.result.summary ?? '')).toEqual([
      '| T+0 | 0 | 4 | 0% | batch 1 of 4: launching 1 new instance(s) |',
      '| T+8 min | 1 | 4 | 25% | batch 1 of 4: 1 new instance(s) take 25% of the traffic, 60 s bake, alarms monitored |',
      '| T+9 min 5 s | 1 | 4 | 25% | batch 1 of 4 baked: terminating 1 old instance(s) |',
      '| T+11 min 5 s | 1 | 3 | 25% | batch 2 of 4: launching 1 new instance(s) |',
      '| T+19 min 10 s | 2 | 3 | 50% | batch 2 of 4: 2 new instance(s) take 50% of the traffic, 60 s bake, alarms monitored |',
      '| T+20 min 10 s | 2 | 3 | 50% | batch 2 of 4 baked: terminating 1 old instance(s) |',
      '| T+22 min 10 s | 2 | 2 | 50% | batch 3 of 4: launching 1 new instance(s) |',
      '| T+30 min 10 s | 3 | 2 | 75% | batch 3 of 4: 3 new instance(s) take 75% of the traffic, 60 s bake, alarms monitored |',
      '| T+31 min 15 s | 3 | 2 | 75% | batch 3 of 4 baked: terminating 1 old instance(s) |',
      '| T+33 min 15 s | 3 | 1 | 75% | batch 4 of 4: launching 1 new instance(s) |',
      '| T+41 min 20 s | 4 | 1 | 100% | batch 4 of 4: 4 new instance(s) take 100% of the traffic, 60 s bake, alarms monitored |',
      '| T+42 min 20 s | 4 | 1 | 100% | batch 4 of 4 baked: terminating 1 old instance(s) |',
      '| T+44 min 20 s | 4 | 0 | 100% | complete: 4 new instance(s) serve all traffic, the old fleet is terminated |'
    ])
    expect(good?.result.summary).toContain(
      'At most 5 instances run at once (the 4 of the fleet and one batch); a blue/green update would run 8.'
    )

    // The 5XX alarm goes into ALARM at T+9 min 55 s, after batch 1's bake (its metrics arrive
    // minutes late; alarms are watched during bakes only): SageMaker rolls back as batch 2's bake
    // begins, T+19 min 10 s.
    for (const run of [batches, allAtOnce]) {
      expect(run?.result.outputs.outcome).toBe('rolled-back')
      expect(run?.result.code).toBe(1)
      expect(run?.result.outputs['triggered-alarms']).toBe('lab-endpoint-5xx-rate')
      expect(run?.result.stdout).toContain(
        '\n[T+9 min 55 s] alarm lab-endpoint-5xx-rate: OK → ALARM (Threshold Crossed'
      )
      expect(run?.result.stdout).toContain(
        '::error::Rolled back: SageMaker rolled back to lab-endpoint-a1a1a1a-1001-1: alarm lab-endpoint-5xx-rate went into ALARM.'
      )
    }
    // Batch 1 as in the good run; batch 2 launches from T+11 min 5 s.
    const before = [
      '| T+0 | 0 | 4 | 0% | batch 1 of 4: launching 1 new instance(s) |',
      '| T+8 min | 1 | 4 | 25% | batch 1 of 4: 1 new instance(s) take 25% of the traffic, 60 s bake, alarms monitored |',
      '| T+9 min 5 s | 1 | 4 | 25% | batch 1 of 4 baked: terminating 1 old instance(s) |',
      '| T+11 min 5 s | 1 | 3 | 25% | batch 2 of 4: launching 1 new instance(s) |'
    ]
    // In batches of 1: batch 2's 5 s of activation (from T+19 min 5 s) fell between two polls.
    // Its traffic back to the old instances still running, then batch 1's after launching an old
    // instance again (480 s); 120 s to terminate each new instance.
    expect(batchRows(batches?.result.summary ?? '')).toEqual([
      ...before,
      '| T+19 min 10 s | 1 | 3 | 25% | rolling back (alarm lab-endpoint-5xx-rate in ALARM): terminating 1 new instance(s) |',
      '| T+21 min 10 s | 1 | 3 | 25% | rolling back: launching 1 old instance(s) |',
      '| T+29 min 10 s | 0 | 4 | 0% | rolling back: terminating 1 new instance(s) |',
      '| T+31 min 10 s | 0 | 4 | 0% | rolled back: 4 old instance(s) serve all traffic |'
    ])
    expect(batches?.peak).toBe(5)
    // All at once: a poll came in batch 2's 5 s of activation (its row, T+19 min 5 s). The old
    // instance launched again first, then both new instances terminated.
    expect(batchRows(allAtOnce?.result.summary ?? '')).toEqual([
      ...before,
      '| T+19 min 5 s | 2 | 3 | 50% | batch 2 of 4: 2 new instance(s) take 50% of the traffic, 60 s bake, alarms monitored |',
      '| T+19 min 10 s | 2 | 3 | 50% | rolling back (alarm lab-endpoint-5xx-rate in ALARM): launching 1 old instance(s) |',
      '| T+27 min 10 s | 0 | 4 | 0% | rolling back: terminating 2 new instance(s) |',
      '| T+29 min 10 s | 0 | 4 | 0% | rolled back: 4 old instance(s) serve all traffic |'
    ])
    // All at once brings the whole old fleet back before the new one goes: 3 + 2 + 1.
    expect(allAtOnce?.peak).toBe(6)
  })
})

describe('rolling update of an inference component (4 copies, batches of 1)', () => {
  it('deploys model E, and rolls model B back on the component 5XX alarm, in batches and all at once', async () => {
    // Each run on its own emulator, side by side (seeded by its inputs and GITHUB_* variables).
    const [good, batches, allAtOnce] = await Promise.all(
      (['Model E', 'Model B', 'Model B'] as const).map(async (name, i) => {
        const emu = await emulator()
        await liveComponent(emu)
        const inputs = {
          ...ROLLING,
          ...COMPONENT,
          'retain-deployment-config': 'false',
          ...(i === 1 ? { 'rollback-step-size': '1' } : {})
        }
        const result = await runStep(emu, step(name), { inputs })
        const peak = emu.peak('llm')
        // The same step again: the component already serves its model.
        const again = i === 0 ? await runStep(emu, step('Model E'), { inputs }) : undefined
        return { result, peak, again }
      })
    )
    expect(good?.again?.outputs.outcome).toBe('deployed')
    expect(good?.again?.mutating).toEqual([])
    expect(good?.again?.stdout).toContain(
      'Inference component llm already serves llm-e5e5e5e-1003-1, exactly what this step deploys; nothing was changed.'
    )
    const metrics = JSON.parse(good?.result.outputs.metrics ?? '{}') as {
      note?: string
      split?: string
    }
    expect(metrics).toMatchObject({
      split: 'endpoint-only',
      note: "CloudWatch has no dimension for a component's old and new copies: the figures are the inference component's (InferenceComponentName), both together."
    })
    expect(good?.result.outputs.outcome).toBe('deployed')
    expect(good?.result.outputs['model-name']).toBe('llm-e5e5e5e-1003-1')
    expect(good?.result.stdout).toContain(
      'Outcome: deployed. Inference component llm serves llm-e5e5e5e-1003-1 on all 4 copies.'
    )
    expect(good?.peak).toBe(5)
    // The last old copy goes as the update completes: one row. As above, a batch's row reads
    // the start of its 5 s of activation (T+19 min 5 s, T+30 min 10 s) or of its bake (T+8 min
    // 5 s, T+41 min 20 s), whichever the first poll after the change saw.
    expect(batchRows(good?.result.summary ?? '')).toEqual([
      '| T+0 | 0 | 4 | 0% | update starts: batch 1 of 4, launching 1 new copies |',
      '| T+8 min 5 s | 1 | 4 | 25% | batch 1 of 4: new copies up beside the old ones (1 of 4 on llm-e5e5e5e-1003-1, 25% of the traffic), 60 s bake, alarms monitored |',
      '| T+11 min 5 s | 1 | 3 | 25% | batch 1 of 4 baked: old copies terminated, launching the next 1 |',
      '| T+19 min 5 s | 2 | 3 | 50% | batch 2 of 4: new copies up beside the old ones (2 of 4 on llm-e5e5e5e-1003-1, 50% of the traffic), 60 s bake, alarms monitored |',
      '| T+22 min 10 s | 2 | 2 | 50% | batch 2 of 4 baked: old copies terminated, launching the next 1 |',
      '| T+30 min 10 s | 3 | 2 | 75% | batch 3 of 4: new copies up beside the old ones (3 of 4 on llm-e5e5e5e-1003-1, 75% of the traffic), 60 s bake, alarms monitored |',
      '| T+33 min 15 s | 3 | 1 | 75% | batch 3 of 4 baked: old copies terminated, launching the next 1 |',
      '| T+41 min 20 s | 4 | 1 | 100% | batch 4 of 4: new copies up beside the old ones (4 of 4 on llm-e5e5e5e-1003-1, 100% of the traffic), 60 s bake, alarms monitored |',
      '| T+44 min 20 s | 4 | 0 | 100% | complete: 4 copies of llm-e5e5e5e-1003-1 serve all traffic |'
    ])
    // The request carried the live specification over with only the model changed.
    expect(good?.result.outputs.plan).toContain(
      '"Specification":{"ComputeResourceRequirements":{"MinMemoryRequiredInMb":1024,"NumberOfAcceleratorDevicesRequired":1},"ModelName":"llm-e5e5e5e-1003-1","StartupParameters":{"ModelDataDownloadTimeoutInSeconds":600}}'
    )

    for (const run of [batches, allAtOnce]) {
      expect(run?.result.outputs.outcome).toBe('rolled-back')
      expect(run?.result.code).toBe(1)
      expect(run?.result.outputs['triggered-alarms']).toBe('llm-5xx-rate')
      expect(run?.result.stdout).toContain(
        '::error::Rolled back: SageMaker rolled inference component llm back to llm-a: alarm llm-5xx-rate went into ALARM.'
      )
    }
    // The alarm is in ALARM by T+11 min 5 s, after batch 1's bake; SageMaker rolls back as batch
    // 2's bake begins (T+19 min 10 s). The copies running are counted; which model each runs is
    // inferred from the batches seen. Batch 1's row is its activation (T+8 min) or its bake
    // (T+8 min 5 s), batch 2's 5 copies its bake (T+19 min 10 s) or its activation (T+19 min
    // 5 s), as the polls of each run fell.
    const inAlarm = (running: number): string =>
      `${running} copies running, 4 desired (alarm llm-5xx-rate in ALARM): SageMaker rolls back if an alarm is in ALARM during a bake, replacing new copies with old ones step by step`
    // The next rows say only what changed: the reason and the explanation once.
    const asAbove = (running: number): string => `${running} copies running, 4 desired: as above`
    const before = (batch1: string): string[] => [
      '| T+0 | 0 | 4 | 0% | update starts: batch 1 of 4, launching 1 new copies |',
      `| T+${batch1} | 1 | 4 | 25% | batch 1 of 4: new copies up beside the old ones (1 of 4 on llm-b2b2b2b-1002-1, 25% of the traffic), 60 s bake, alarms monitored |`,
      `| T+11 min 5 s | 1 | 3 | 25% | ${inAlarm(4)} |`
    ]
    expect(batchRows(batches?.result.summary ?? '')).toEqual([
      ...before('8 min'),
      `| T+19 min 10 s | 1 | 4 | 25% | ${asAbove(5)} |`,
      `| T+21 min 10 s | 1 | 3 | 25% | ${asAbove(4)} |`,
      `| T+29 min 10 s | 1 | 4 | 25% | ${asAbove(5)} |`,
      '| T+31 min 10 s | 0 | 4 | 0% | rolled back: 4 copies of llm-a serve all traffic |'
    ])
    expect(batches?.peak).toBe(5)
    expect(batchRows(allAtOnce?.result.summary ?? '')).toEqual([
      ...before('8 min 5 s'),
      `| T+19 min 5 s | 1 | 4 | 25% | ${asAbove(5)} |`,
      `| T+27 min 10 s | 1 | 5 | 25% | ${asAbove(6)} |`,
      '| T+29 min 10 s | 0 | 4 | 0% | rolled back: 4 copies of llm-a serve all traffic |'
    ])
    // All at once brings the whole old fleet back before the new copies go: 4 + 2.
    expect(allAtOnce?.peak).toBe(6)
  })
})

describe('refused before any change', () => {
  it('invalid batches, rolling on multi-variant and serverless endpoints, blue/green into a component, a missing component', async () => {
    const emu = await emulator()
    await liveModelA(emu)
    const multi = await emulator()
    await sagemakerCall(multi, 'CreateModel', {
      ModelName: 'm-a',
      ExecutionRoleArn: LAB_ROLE,
      PrimaryContainer: { Image: LAB_IMAGE, ModelDataUrl: labModel('a') }
    })
    await sagemakerCall(multi, 'CreateEndpointConfig', {
      EndpointConfigName: 'two',
      ProductionVariants: ['one', 'two'].map(v => ({
        VariantName: v,
        ModelName: 'm-a',
        InitialInstanceCount: 2,
        InstanceType: 'ml.m5.large'
      }))
    })
    await sagemakerCall(multi, 'CreateEndpoint', {
      EndpointName: 'lab-endpoint',
      EndpointConfigName: 'two'
    })
    await sagemakerCall(multi, 'CreateEndpointConfig', {
      EndpointConfigName: 'sl',
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: 'm-a',
          ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 }
        }
      ]
    })
    await sagemakerCall(multi, 'CreateEndpoint', {
      EndpointName: 'serverless',
      EndpointConfigName: 'sl'
    })
    multi.advance(DEFAULT_SCENARIO.creationSeconds + 10)
    const ic = await emulator()
    await liveComponent(ic)

    const e = step('Model E')
    const cases: [Emulator, Record<string, string>, RegExp][] = [
      [
        emu,
        { ...ROLLING, 'step-size': '60%' },
        /Input "step-size" must be from 5% to 50% for a rolling batch/
      ],
      [
        emu,
        { ...ROLLING, 'step-size': '3' },
        /Input "step-size" is 3, which is 3 instances \(75 % of the 4 instances of variant AllTraffic\); a rolling batch must be 5–50 % of the variant's instances, here 1 to 2 instances/
      ],
      [
        multi,
        { ...ROLLING, 'variant-name': 'one' },
        /Input "traffic-routing" is rolling, but endpoint lab-endpoint has 2 variants: SageMaker excludes multi-variant endpoints from rolling deployments/
      ],
      [multi, { ...ROLLING, 'endpoint-name': 'serverless' }, /Endpoint serverless is serverless/],
      [
        ic,
        { ...ROLLING, ...COMPONENT, 'traffic-routing': 'linear' },
        /Input "traffic-routing" is "linear", but with inference-component-name SageMaker updates the component by rolling batches of copies only/
      ],
      [
        ic,
        { ...ROLLING, ...COMPONENT, 'step-size': '3' },
        /Input "step-size" is 3, which is 3 copies \(75 % of the 4 copies of inference component llm\); a rolling batch must be 5–50 % of the copies, here 1 to 2 copies/
      ],
      [
        ic,
        { ...ROLLING, ...COMPONENT, 'inference-component-name': 'nope' },
        /Input "inference-component-name" is "nope", but SageMaker has no inference component of that name/
      ],
      [
        ic,
        { ...ROLLING, ...COMPONENT, 'instance-count': '2' },
        /Input "instance-count" has no meaning with inference-component-name/
      ]
    ]
    const dryRun = runStep(emu, e, {
      inputs: { ...ROLLING, 'retain-deployment-config': 'false', 'dry-run': 'true' }
    })
    const results = await Promise.all(
      cases.map(([target, inputs]) =>
        runStep(target, e, { inputs: { ...inputs, 'retain-deployment-config': 'false' } })
      )
    )
    const plan = await dryRun
    expect(plan.outputs.outcome).toBe('planned')
    expect(plan.mutating).toEqual([])
    expect(plan.summary).toContain(
      '| Blue/green (linear, canary, all at once) | 8 | \\+4: a whole new fleet next to the live one |   |\n| Rolling, batches of 1 | 5 | \\+1: one batch at a time | this plan |'
    )
    // A component busy with another update: on-busy: fail refuses, nothing is written.
    await sagemakerCall(ic, 'UpdateInferenceComponent', {
      InferenceComponentName: 'llm',
      RuntimeConfig: { CopyCount: 6 }
    })
    const busy = await runStep(ic, e, {
      inputs: { ...ROLLING, ...COMPONENT, 'retain-deployment-config': 'false', 'on-busy': 'fail' }
    })
    expect(busy.outputs['failure-reason']).toBe(
      'Inference component "llm" is Updating: SageMaker accepts no update of the component until it finishes. Re-run later, or set on-busy: wait.'
    )
    expect(busy.mutating).toEqual([])
    results.forEach((result, i) => {
      expect(result.outputs.outcome).toBe('failed')
      expect(result.code).toBe(1)
      expect(result.outputs['failure-reason']).toMatch(cases[i]![2])
      expect(result.mutating).toEqual([])
    })
  })
})
