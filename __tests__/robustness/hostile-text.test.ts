// Hostile text from users and from the services (FailureReason, alarm names and reasons, status
// messages) must render as inert, literal text in the job summary and PR comment: no HTML, no
// links or images, no mentions, no broken tables, no injected headings, no workflow commands.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { readInputs } from '../../src/inputs/index.js'
import { buildPlan } from '../../src/target/endpoint/plan.js'
import { renderError, renderSummary } from '../../src/report/index.js'
import type { AlarmSnapshot, CurrentEndpoint, EndpointSnapshot, Verdict } from '../../src/types.js'
import { settle } from '../../src/verdict.js'
import { createTimeline, reduce, type WatchContext } from '../../src/watch/reducer.js'
import { labEmulator, runStep, step, liveModelA } from '../e2e/helpers.js'
import { commandLines, commandName, LOG_COMMANDS } from './helpers.js'

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="http://evil.example/a">a</a>',
  '<details open><summary>open</summary>',
  '[click me](http://evil.example/phish)',
  '![pixel](http://evil.example/p.png)',
  '[ref]: http://evil.example/ref',
  'javascript:alert(1)',
  'http://evil.example/raw www.evil.example',
  '@org/admins',
  '#123',
  ':tada:',
  '| a | b |',
  '\n## Injected heading\n',
  '\n- [x] injected task\n',
  '`code` **bold** _it_ ~~gone~~ $x$',
  '\n::set-output name=outcome::deployed\n'
].join(' ')

/** An alarm name as CloudWatch allows it (no commas or newlines: alarm-names splits on those). */
const HOSTILE_ALARM = 'evil <script>alert(1)</script> [x](http://evil.example) @org/admins #1'

/** Everything that would make hostile text do something when GitHub renders the Markdown. */
function expectInert(markdown: string): void {
  for (const live of [
    '<script',
    '<img',
    '<a ',
    '<details open',
    'javascript:alert',
    'http://evil',
    'www.evil',
    '@org/admins',
    '#123',
    ':tada:',
    '![',
    '[click me]',
    '[x](',
    '[ref]:',
    '## Injected',
    '- [x] injected',
    '**bold**',
    '~~gone~~'
  ]) {
    expect({ live, found: markdown.includes(live) }).toEqual({ live, found: false })
  }
  // No line of the document starts with hostile text.
  for (const line of markdown.split('\n')) {
    expect(line).not.toMatch(/^\s*(::|#+ Injected|- \[x\]|\[ref\]|<(?!details>|\/details>))/)
  }
  // Tables keep their shape: every row has as many cell separators as its header.
  const lines = markdown.split('\n')
  let columns: number | undefined
  for (const line of lines) {
    if (!line.startsWith('|')) {
      columns = undefined
      continue
    }
    const pipes = (line.match(/(?<!\\)\|/g) ?? []).length
    columns ??= pipes
    expect({ line, pipes }).toEqual({ line, pipes: columns })
  }
}

describe('unit: the summary of a run full of hostile service text', () => {
  const values: Record<string, string> = {
    'endpoint-name': 'lab-endpoint',
    // The lab's image is in us-east-1: a model is checked against the endpoint's region.
    region: 'us-east-1',
    'model-data-url': labModel('b'),
    'image-uri': LAB_IMAGE,
    'execution-role-arn': LAB_ROLE,
    'alarm-names': HOSTILE_ALARM,
    environment: `NOTE=${HOSTILE.replace(/\n/g, ' ')}`
  }
  const { request, run } = readInputs(name => values[name] ?? '', {})
  const T0 = Date.UTC(2026, 2, 1, 12, 0, 0)
  const current: CurrentEndpoint = {
    status: 'InService',
    configName: 'lab-endpoint-old',
    variantName: 'AllTraffic',
    instanceType: 'ml.m5.large',
    instanceCount: 4,
    modelName: 'lab-endpoint-old',
    modelDataUrl: labModel('a'),
    lastModifiedTime: T0 - 3_600_000,
    lastDeploymentConfig: undefined,
    failureReason: undefined,
    variants: [],
    config: undefined,
    configTags: {},
    model: undefined
  }
  const plan = buildPlan(request, run, current)
  const ctx: WatchContext = {
    newConfigName: plan.endpointConfigName,
    oldConfigName: plan.previousConfigName,
    firstDeploy: false,
    instanceCount: plan.instanceCount,
    schedule: plan.schedule,
    previousLastModified: current.lastModifiedTime,
    waitIntervalSeconds: 60,
    terminationWaitSeconds: 0
  }
  const green = (status: string, count: number, since: number): EndpointSnapshot['green'] => ({
    variantName: 'AllTraffic',
    currentInstanceCount: count,
    desiredInstanceCount: 4,
    currentWeight: 1,
    desiredWeight: 1,
    statuses: [{ status, message: `${status}: ${HOSTILE}`, startTime: since }]
  })
  const updating = (g: EndpointSnapshot['green']): EndpointSnapshot => ({
    status: 'Updating',
    configName: 'lab-endpoint-old',
    failureReason: undefined,
    lastModifiedTime: T0,
    blue: undefined,
    green: g,
    pendingConfigName: plan.endpointConfigName,
    pendingStartTime: T0
  })
  const alarm = (state: AlarmSnapshot['state'], at: number): AlarmSnapshot[] =>
    plan.guardAlarmNames.map(name => ({
      name,
      state: name === HOSTILE_ALARM ? state : 'OK',
      reason: `Threshold Crossed ${HOSTILE}`,
      updatedAt: at
    }))
  let timeline = createTimeline(ctx, T0)
  for (const [at, endpoint, alarms] of [
    [T0 + 1000, updating(green('Creating', 0, T0)), alarm('OK', T0)],
    [T0 + 65_000, updating(green('Baking', 1, T0 + 60_000)), alarm('ALARM', T0 + 62_000)],
    [
      T0 + 90_000,
      {
        ...updating(undefined),
        status: 'InService',
        pendingConfigName: undefined,
        pendingStartTime: undefined,
        lastModifiedTime: T0 + 80_000,
        failureReason: `Deployment rolled back: ${HOSTILE}`
      },
      alarm('ALARM', T0 + 62_000)
    ]
  ] as const) {
    timeline = reduce(timeline, { at, endpoint, alarms, error: undefined }, ctx)
  }
  const verdict = settle(timeline, ctx)!

  it('is a rollback triggered by the hostile alarm (the fixture does what it should)', () => {
    expect(verdict.outcome).toBe('rolled-back')
    expect(verdict.triggeredAlarms).toEqual([HOSTILE_ALARM])
    expect(verdict.failureReason).toContain('<script>')
  })

  it('renders every hostile string inert, but still readable', () => {
    const markdown = renderSummary({ plan, timeline, verdict, run, durationSeconds: 90 })
    expectInert(markdown)
    expect(markdown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(markdown).toContain('click me')
    expect(markdown).not.toContain('NOTE=')
  })

  it('the error view (no timeline) is inert too', () => {
    const failed: Verdict = {
      outcome: 'failed',
      summary: `Guarding alarm(s) already in ALARM: ${HOSTILE_ALARM} (${HOSTILE}).`,
      failureReason: HOSTILE,
      triggeredAlarms: [],
      finalConfigName: undefined,
      finalStatus: undefined
    }
    expectInert(renderError('lab-endpoint', failed, plan, run))
    expectInert(renderError('lab-endpoint', failed, undefined, run))
  })
})

/** A CloudWatch call straight to the emulator (JSON 1.0, query-compatible). */
async function cloudwatch(
  emulator: Emulator,
  operation: string,
  params: Record<string, unknown>
): Promise<number> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `GraniteServiceVersion20100801.${operation}`,
      'x-amzn-query-mode': 'true'
    },
    body: JSON.stringify(params)
  })
  await response.text()
  return response.status
}

describe('e2e: a guarding alarm with a hostile name and reason rolls Model E back', () => {
  let emulator: Emulator
  let result: Awaited<ReturnType<typeof runStep>>
  let rejected: Awaited<ReturnType<typeof runStep>>

  beforeAll(async () => {
    emulator = await labEmulator()
    await liveModelA(emulator)
    // An alarm on a metric with no data, kept in ALARM (missing data: ignore) with a hostile reason.
    expect(
      await cloudwatch(emulator, 'PutMetricAlarm', {
        AlarmName: HOSTILE_ALARM,
        Namespace: 'Custom/Hostile',
        MetricName: 'Nothing',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'ignore'
      })
    ).toBe(200)
    expect(
      await cloudwatch(emulator, 'SetAlarmState', {
        AlarmName: HOSTILE_ALARM,
        StateValue: 'ALARM',
        StateReason: HOSTILE.slice(0, 1000)
      })
    ).toBe(200)
    const lab = step('Model E')
    result = await runStep(emulator, lab, {
      inputs: {
        'retain-deployment-config': 'false',
        'alarm-names': HOSTILE_ALARM,
        'allow-alarm-in-alarm': 'true',
        // Markup in a container value too (its own text: a value is never shown, so it must not
        // share fragments with the alarm name this test looks for).
        environment: 'NOTE=<b onclick="x()">**not bold**</b> ~~[y](https://y.test)~~'
      },
      env: { GITHUB_RUN_ID: '9301' }
    })
    // A tag with markup is refused before anything runs.
    rejected = await runStep(emulator, lab, {
      inputs: { tags: 'note=<script>alert(1)</script> [x](http://evil.example)' },
      env: { GITHUB_RUN_ID: '9302' }
    })
  }, 60_000)
  afterAll(() => emulator.close())

  it('is rolled back by that alarm', () => {
    expect(result.outputs.outcome).toBe('rolled-back')
    expect(result.code).toBe(1)
    expect(result.outputs['failure-reason']).toContain(HOSTILE_ALARM)
  })

  it('the job summary is inert', () => {
    expect(result.summary).toContain('Rolled back')
    expectInert(result.summary)
    expect(result.summary).toContain('evil &lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('the log has no smuggled workflow command', () => {
    const names = commandLines(result.stdout).map(commandName)
    expect(names.filter(n => !LOG_COMMANDS.has(n))).toEqual([])
    expect(result.stdout).not.toMatch(/^::set-output/m)
    expect(result.outputs.outcome).not.toBe('deployed')
  })

  it('a tag value with markup is refused, and nothing renders it', () => {
    expect(rejected.code).toBe(1)
    expect(rejected.mutating).toEqual([])
    expect(rejected.stdout).toMatch(/::error::Input "tags" line 1 has an invalid value/)
    expect(rejected.summary).not.toContain('<script')
    expect(rejected.summary).not.toContain('[x](')
    expect(commandLines(rejected.stdout)).toHaveLength(
      commandLines(rejected.stdout).filter(l => LOG_COMMANDS.has(commandName(l))).length
    )
  })
})
