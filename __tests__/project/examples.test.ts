// Rules every workflow in examples/ and in the README follows, checked from the files:
// - one concurrency group per endpoint, from its region and name: sagemaker-<region>-<endpoint>,
//   never cancelled, so every workflow that deploys one endpoint queues behind the others;
// - one GitHub deployment record per rollout (a job environment, or github-deployment: true);
// - a job timeout, and AWS credentials, that outlast the action's own budget from the plan.
import { describe, expect, it } from '@jest/globals'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import yaml from 'js-yaml'
import { actionDefaults, ROOT } from '../../scripts/lib/action-runner.js'
import { readInputs } from '../../src/inputs/index.js'
import { buildPlan } from '../../src/target/endpoint/plan.js'
import { restorePlan } from '../../src/target/endpoint/restore.js'
import { ROLLBACK_BUDGET_MS } from '../../src/guard/regression-rollback.js'
import { DEFAULT_PROVISIONING_SECONDS } from '../../src/deploy/plan.js'
import type { CurrentEndpoint } from '../../src/types.js'

type Value = string | number | boolean | null | undefined
interface Step {
  uses?: string
  with?: Record<string, Value>
}
interface Job {
  'timeout-minutes'?: number
  environment?: string | { name: string }
  concurrency?: string | { group: string; 'cancel-in-progress'?: boolean }
  steps?: Step[]
}
interface Workflow {
  env?: Record<string, Value>
  jobs?: Record<string, Job>
}

const isThisAction = (uses: string | undefined): boolean =>
  uses !== undefined && /\/sagemaker-blue-green-deploy@[^/\s]+$/.test(uses)
const isCredentials = (uses: string | undefined): boolean =>
  uses?.startsWith('aws-actions/configure-aws-credentials@') === true

/** Minutes the action waits for a busy endpoint when `timeout` is empty (see the README). */
const BUSY_WAIT_MINUTES = 30
/** Setting up, reading the metrics and reporting, in minutes. */
const MARGIN_MINUTES = 5
/** The action's own rollback after a regression (on-regression: rollback), in minutes. */
const ROLLBACK_MINUTES = ROLLBACK_BUDGET_MS / 60_000

const examples = readdirSync(join(ROOT, 'examples'))
  .filter(file => /\.ya?ml$/.test(file))
  .map(file => ({
    where: `examples/${file}`,
    workflow: yaml.load(readFileSync(join(ROOT, 'examples', file), 'utf8')) as Workflow
  }))

/** The README's YAML blocks that are whole workflows. */
const readmeWorkflows = [
  ...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)
]
  .map((match, i) => ({
    where: `README.md yaml block ${i + 1}`,
    workflow: yaml.load(match[1]!) as Workflow
  }))
  .filter(({ workflow }) => typeof workflow === 'object' && workflow !== null && 'jobs' in workflow)

interface Deploying {
  readonly where: string
  readonly workflow: Workflow
  readonly job: string
  readonly spec: Job
  readonly inputs: Record<string, string>
  readonly region: string
}

/** `${{ env.X }}` from the workflow's env; everything else as written. */
const resolveEnv = (text: string, workflow: Workflow): string =>
  text.replace(/\$\{\{\s*env\.(\w+)\s*\}\}/g, (whole, name: string) =>
    workflow.env?.[name] === undefined ? whole : String(workflow.env[name])
  )

/** Every job that deploys with the action (dry runs change nothing and need no queue). */
function deployingJobs(sources: { where: string; workflow: Workflow }[]): Deploying[] {
  return sources.flatMap(({ where, workflow }) =>
    Object.entries(workflow.jobs ?? {}).flatMap(([job, spec]) => {
      const step = spec.steps?.find(s => isThisAction(s.uses))
      if (!step) return []
      const inputs = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, resolveEnv(String(v ?? ''), workflow)])
      )
      if (inputs['dry-run'] === 'true') return []
      const credentials = spec.steps?.find(s => isCredentials(s.uses))
      const region = resolveEnv(String(credentials?.with?.['aws-region'] ?? ''), workflow)
      return [{ where, workflow, job, spec, inputs, region }]
    })
  )
}

const deploying = deployingJobs([...examples, ...readmeWorkflows])

describe('the deploying jobs of the examples and the README', () => {
  it('are found: every example and the quick start', () => {
    expect(deploying.map(d => `${d.where}: ${d.job}`).sort()).toEqual([
      'README.md yaml block 1: deploy',
      'examples/many-endpoints.yml: deploy',
      'examples/pr-promotion.yml: promote',
      'examples/pr-promotion.yml: stage',
      'examples/release-gate.yml: deploy',
      'examples/restore-dispatch.yml: restore',
      'examples/retry-dispatch.yml: retry'
    ])
  })

  it('queue per endpoint: concurrency group sagemaker-<region>-<endpoint>, never cancelled', () => {
    for (const d of deploying) {
      const concurrency = d.spec.concurrency
      const group = typeof concurrency === 'string' ? concurrency : concurrency?.group
      const cancel =
        typeof concurrency === 'string' ? undefined : concurrency?.['cancel-in-progress']
      expect({ job: `${d.where}: ${d.job}`, group, cancel }).toEqual({
        job: `${d.where}: ${d.job}`,
        group: `sagemaker-${d.region}-${d.inputs['endpoint-name']}`,
        cancel: false
      })
    }
  })

  it('make one GitHub deployment record per rollout, not two', () => {
    for (const d of deploying) {
      const both = d.spec.environment !== undefined && d.inputs['github-deployment'] === 'true'
      expect({ job: `${d.where}: ${d.job}`, both }).toEqual({
        job: `${d.where}: ${d.job}`,
        both: false
      })
    }
  })

  it('give the job and its credentials more time than the plan budget and a busy wait', () => {
    for (const d of deploying) {
      const minutes = neededMinutes(d)
      const timeout = d.spec['timeout-minutes']
      expect({ job: `${d.where}: ${d.job}`, enough: (timeout ?? 0) >= minutes, minutes }).toEqual({
        job: `${d.where}: ${d.job}`,
        enough: true,
        minutes
      })
      const credentials = d.spec.steps?.find(s => isCredentials(s.uses))
      const session = Number(credentials?.with?.['role-duration-seconds'] ?? 3600)
      expect({ job: `${d.where}: ${d.job}`, session: session >= (timeout ?? 0) * 60 }).toEqual({
        job: `${d.where}: ${d.job}`,
        session: true
      })
    }
  })

  it('derive the release gate budget as its comment says: 65 + 30 + 30 + 5 minutes', () => {
    const gate = deploying.find(d => d.where === 'examples/release-gate.yml')!
    expect(neededMinutes(gate)).toBe(130)
    expect(gate.spec['timeout-minutes']).toBe(130)
  })

  it('derive the restore budget as its comment says: 40 + 30 + 5 minutes', () => {
    const restore = deploying.find(d => d.where === 'examples/restore-dispatch.yml')!
    expect(neededMinutes(restore)).toBe(75)
    expect(restore.spec['timeout-minutes']).toBe(75)
  })
})

/** Stand-ins for the expressions in a step's inputs, valid for the input they fill. */
function concrete(name: string, value: string): string {
  if (!value.includes('${{')) return value
  if (name === 'endpoint-name') return 'fraud-scorer'
  if (name === 'model-data-url') return 's3://my-models/fraud-scorer/abc/model.tar.gz'
  if (name === 'pr-number') return '17'
  if (name === 'region') return 'us-east-1'
  if (name === 'image-uri')
    return '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2'
  return value.replace(/\$\{\{[\s\S]*?\}\}/g, 'x')
}

/** The live endpoint a job updates: 4 instances, last deployed by the promotion's policy. */
function liveEndpoint(): CurrentEndpoint {
  const promotion = deploying.find(d => d.job === 'stage')!
  const plan = planOf(promotion, null)
  return {
    status: 'InService',
    configName: 'fraud-scorer-live',
    variantName: 'AllTraffic',
    instanceType: 'ml.m5.large',
    instanceCount: 4,
    modelName: 'fraud-scorer-live',
    modelDataUrl: 's3://my-models/fraud-scorer/live/model.tar.gz',
    lastModifiedTime: 0,
    lastDeploymentConfig: plan.updateEndpoint?.['DeploymentConfig'] as Record<string, unknown>,
    failureReason: undefined,
    variants: [],
    config: undefined,
    configTags: {},
    model: undefined
  }
}

/** A checkout of the user's repository: the files the examples read (their golden requests). */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'example-checkout-'))
  mkdirSync(join(dir, 'model'))
  copyFileSync(
    join(ROOT, 'examples', 'verify', 'golden-requests.jsonl'),
    join(dir, 'model', 'golden-requests.jsonl')
  )
  return dir
}

function planOf(d: Deploying, current: CurrentEndpoint | null) {
  const inputs = { ...actionDefaults(), ...d.inputs }
  const get = (name: string): string => concrete(name, inputs[name] ?? '')
  // A matrix region stands for any region: the budget does not depend on it.
  const region = d.region.includes('${{') ? 'us-east-1' : d.region
  const { request, run } = readInputs(get, { AWS_REGION: region, GITHUB_WORKSPACE: checkout() })
  const live: CurrentEndpoint = current ?? {
    status: 'InService',
    configName: 'fraud-scorer-live',
    variantName: 'AllTraffic',
    instanceType: 'ml.m5.large',
    instanceCount: 4,
    modelName: 'm',
    modelDataUrl: undefined,
    lastModifiedTime: 0,
    lastDeploymentConfig: undefined,
    failureReason: undefined,
    variants: [],
    config: undefined,
    configTags: {},
    model: undefined
  }
  if (request.rollbackTo !== undefined) {
    // A restore: the live config's fleet put back (the budget depends on its size only).
    return restorePlan(
      request,
      live,
      {
        facts: { requested: request.rollbackTo, configName: 'fraud-scorer-before', models: [] },
        variantName: live.variantName,
        instanceType: live.instanceType ?? 'ml.m5.large',
        instanceCount: live.instanceCount ?? 1,
        modelDataUrl: undefined
      },
      DEFAULT_PROVISIONING_SECONDS
    )
  }
  return buildPlan(request, run, live)
}

/** Busy wait + the action's budget from the plan + margin, in whole minutes. */
function neededMinutes(d: Deploying): number {
  const plan = planOf(d, liveEndpoint())
  const busy = d.inputs['timeout'] ? Number(d.inputs['timeout']) : BUSY_WAIT_MINUTES
  const rollsBack = d.inputs['on-regression'] !== 'fail' && !d.inputs['rollback-to']
  return Math.ceil(
    busy + plan.budgetSeconds / 60 + (rollsBack ? ROLLBACK_MINUTES : 0) + MARGIN_MINUTES
  )
}
