// The usage examples (examples/*.yml), exercised: every step that uses this action runs the
// committed bundle against the emulator with the example's own `with:` inputs, its GitHub
// expressions replaced by concrete values from an explicit table, and must reach the outcome
// the example is written for. The `run:` steps before it run too, in bash, against the emulator
// (AWS CLI) and a fake GitHub API. The outputs the examples' later jobs read must be action
// outputs.
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import yaml from 'js-yaml'
import type { CallRecord, Emulator, Scenario } from '../../emulator/index.js'
import {
  actionDefaults,
  parseFileCommands,
  ROOT,
  type ActionResult
} from '../../scripts/lib/action-runner.js'
import { LAB_IMAGE, LAB_POLL_INTERVAL, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import type { Outcome } from '../../src/types.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { labEmulator, liveModelA, runStep, step, trafficSteps } from './helpers.js'

// ---------------------------------------------------------------------------------------------
// The examples and the action, as files.

/**
 * Jest's limit per test, only a safety net: on stepped time a test's real duration depends on the
 * machine's load, never what it sees.
 */
const SAFETY_NET_MS = 300_000

const EXAMPLES_DIR = join(ROOT, 'examples')
const EXAMPLE_FILES = readdirSync(EXAMPLES_DIR)
  .filter(name => /\.ya?ml$/.test(name))
  .sort()

type WithValue = string | number | boolean | null
interface WorkflowStep {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, WithValue>
  env?: Record<string, WithValue>
}
interface WorkflowJob {
  needs?: string | string[]
  env?: Record<string, WithValue>
  outputs?: Record<string, string>
  steps?: WorkflowStep[]
}
interface Workflow {
  name?: string
  on: Record<string, unknown>
  env?: Record<string, WithValue>
  jobs: Record<string, WorkflowJob>
}

interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
const ACTION_INPUTS = new Set(Object.keys(action.inputs))
const ACTION_OUTPUTS = new Set(Object.keys(action.outputs))

const readExample = (file: string): Workflow =>
  yaml.load(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as Workflow

/** This action: the published `owner/sagemaker-blue-green-deploy@ref`, or the repository root. */
const isThisAction = (uses: string | undefined): boolean =>
  uses !== undefined && (/\/sagemaker-blue-green-deploy@[^/\s]+$/.test(uses) || uses === './')

interface ActionStep {
  readonly job: string
  readonly id: string | undefined
  readonly with: Record<string, string>
  /** The env a step sees: workflow, then job, then step. */
  readonly env: Record<string, string>
}

const asStrings = (record: Record<string, WithValue> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k, v === null ? '' : String(v)]))

function actionSteps(workflow: Workflow): ActionStep[] {
  return Object.entries(workflow.jobs).flatMap(([job, spec]) =>
    (spec.steps ?? [])
      .filter(s => isThisAction(s.uses))
      .map(s => ({
        job,
        id: s.id,
        with: asStrings(s.with),
        env: { ...asStrings(workflow.env), ...asStrings(spec.env), ...asStrings(s.env) }
      }))
  )
}

/** Every string in a value (job specs: if, env, with, run, outputs...). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

// ---------------------------------------------------------------------------------------------
// The events the examples run on, and the value of each expression they use.

const REPOSITORY = 'example-org/fraud-models'
const PR = 17

interface Trigger {
  readonly label: string
  readonly eventName: 'pull_request' | 'push' | 'release' | 'workflow_dispatch'
  /** github.event.action */
  readonly action?: string
  /** github.sha: the test merge commit of a pull request, or the pushed or released commit. */
  readonly sha: string
  readonly ref: string
  readonly runId: string
  /** github.event.pull_request.head.sha */
  readonly prHeadSha?: string
  readonly labelName?: string
  /** The labels the pull request carries (github.event.pull_request.labels). */
  readonly prLabels?: readonly string[]
  readonly releaseTag?: string
  /** The matrix leg a job of a matrix runs as (`matrix.*`); default DEFAULT_LEG. */
  readonly matrix?: Readonly<Record<string, string>>
}

const PR_OPENED: Trigger = {
  label: 'pull request opened',
  eventName: 'pull_request',
  action: 'opened',
  sha: '8c1d3f5a7b9e2c4d6f8a0b1c3e5d7f9a2b4c6d8e',
  ref: `refs/pull/${PR}/merge`,
  runId: '7001',
  prHeadSha: '5d41c8e0f3b2a79d6c1e4f8a0b3d5c7e9f1a2b4c'
}
const PR_LABELED: Trigger = {
  ...PR_OPENED,
  label: 'pull request labelled "deploy"',
  action: 'labeled',
  runId: '7002',
  labelName: 'deploy'
}
const PR_PUSHED_LABELLED: Trigger = {
  ...PR_OPENED,
  label: 'push to a pull request labelled "deploy"',
  action: 'synchronize',
  runId: '7006',
  prLabels: ['deploy']
}
const MERGED: Trigger = {
  label: 'push to main (merge)',
  eventName: 'push',
  sha: '9e7c5a3f1d8b6e4c2a0f9d7b5e3c1a8f6d4b2e0c',
  ref: 'refs/heads/main',
  runId: '7003'
}
const RELEASED: Trigger = {
  label: 'release published',
  eventName: 'release',
  action: 'published',
  sha: '2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e0b2d4f6a8c',
  ref: 'refs/tags/v1.4.0',
  runId: '7004',
  releaseTag: 'v1.4.0'
}
const DISPATCHED: Trigger = {
  label: 'workflow_dispatch',
  eventName: 'workflow_dispatch',
  sha: '4f6a8c0e2b4d6f8a1c3e5a7c9e1b3d5f7a9c0e2b',
  ref: 'refs/heads/main',
  runId: '7005'
}
/** One leg of many-endpoints.yml's matrix, in a region other than its build bucket's. */
const DISPATCHED_EU: Trigger = {
  ...DISPATCHED,
  label: 'workflow_dispatch, leg churn-scorer in eu-west-1',
  matrix: { endpoint: 'churn-scorer', region: 'eu-west-1' }
}
/** The matrix leg of an exercise that names none. */
const DEFAULT_LEG: Readonly<Record<string, string>> = {
  endpoint: 'churn-scorer',
  region: 'us-east-1'
}

/**
 * The value of each expression the examples use in the action's inputs, exactly as written
 * (whitespace collapsed). An example using an expression missing here fails the test: add it.
 * `env.*` comes from the workflow's own env; `secrets.*` and `vars.*` from the tables below.
 */
const EXPRESSIONS: Readonly<Record<string, (t: Trigger) => string>> = {
  'github.sha': t => t.sha,
  'github.token': () => SECRETS.GITHUB_TOKEN!,
  'github.repository': () => REPOSITORY,
  'github.event.pull_request.head.sha': t => t.prHeadSha ?? '',
  // workflow_dispatch inputs, as a person would fill in the form: the lab's good model E.
  'inputs.model-data-url': () => labModel('e'),
  'inputs.endpoint-name': () => 'fraud-scorer-staging',
  'inputs.pr-number': () => String(PR),
  'inputs.config': () => 'previous',
  // many-endpoints.yml: the build's artifact, by its key in the build bucket.
  'inputs.model-key': () => MODEL_KEY
}
/** The key many-endpoints.yml is dispatched with, in its build bucket and every region's. */
const MODEL_KEY = `scorers/${DISPATCHED.sha}/model.tar.gz`
const SECRETS: Readonly<Record<string, string>> = {
  GITHUB_TOKEN: actionDefaults()['github-token']!
}
const VARS: Readonly<Record<string, string>> = {
  AWS_REGION: 'us-east-1',
  SAGEMAKER_EXECUTION_ROLE_ARN: LAB_ROLE
}

const EXPRESSION = /\$\{\{\s*([\s\S]*?)\s*\}\}/g
const normalise = (expression: string): string => expression.replace(/\s+/g, ' ').trim()

/** Outputs of the `run:` steps before the action step, by step id. */
type StepOutputs = Readonly<Record<string, Readonly<Record<string, string>>>>

function valueOf(
  expression: string,
  t: Trigger,
  env: Record<string, string>,
  outputs: StepOutputs = {}
): string | undefined {
  const known = EXPRESSIONS[expression]
  if (known) return known(t)
  const [, dimension] = /^matrix\.([\w-]+)$/.exec(expression) ?? []
  if (dimension !== undefined) return (t.matrix ?? DEFAULT_LEG)[dimension]
  const [, id, output] = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression) ?? []
  if (id !== undefined) return outputs[id]?.[output!]
  const [, scope, name] = /^(env|secrets|vars)\.([A-Za-z_][\w-]*)$/.exec(expression) ?? []
  if (scope === 'env') return env[name!] === undefined ? undefined : substitute(env[name!]!, t, {})
  if (scope === 'secrets') return SECRETS[name!]
  if (scope === 'vars') return VARS[name!]
  return undefined
}

function expressionsIn(text: string): string[] {
  return [...text.matchAll(EXPRESSION)].map(m => normalise(m[1]!))
}

function substitute(
  text: string,
  t: Trigger,
  env: Record<string, string>,
  outputs: StepOutputs = {}
): string {
  return text.replace(EXPRESSION, (whole: string, expression: string) => {
    const value = valueOf(normalise(expression), t, env, outputs)
    if (value === undefined) throw new Error(`No value for ${whole}: add it to EXPRESSIONS`)
    return value
  })
}

// ---------------------------------------------------------------------------------------------
// What each example must do: which job runs on which event, on what endpoint state, and the
// outcome the example relies on. Every job that uses the action must be exercised here.

const OUTCOMES = [
  'deployed',
  'regressed',
  'rolled-back',
  'failed',
  'cancelled',
  'timed-out',
  'started',
  'planned'
] as const satisfies readonly Outcome[]
// Fails to compile when an outcome is added to the type but not to the list above.
const allOutcomes: Exclude<Outcome, (typeof OUTCOMES)[number]> extends never ? true : false = true

interface ExerciseRun {
  readonly inputs: Record<string, string>
  /** What the `run:` steps before the action step wrote to GITHUB_OUTPUT, by step id. */
  readonly stepOutputs: StepOutputs
  /** The emulator's calls made by the `run:` steps (of the jobs needed, then of the job). */
  readonly stepCalls: CallRecord[]
  readonly result: ActionResult & { mutating: string[] }
  /** The emulator's calls made by the example's step. */
  readonly calls: CallRecord[]
  readonly github: FakeGitHub
  readonly trigger: Trigger
}

interface Exercise {
  readonly example: string
  readonly job: string
  readonly trigger: Trigger
  /**
   * The endpoint when the job runs: model A serving, model B just rolled back (a retry), or
   * model E deployed by the action over model A (a restore).
   */
  readonly before: 'serving' | 'after-rollback' | 'deployed-over-a'
  /** The emulator's home region, where the endpoint serves (default us-east-1). */
  readonly region?: string
  /** What the scenario says beyond the lab's (S3 objects that do not exist yet...). */
  readonly scenario?: Partial<Scenario>
  readonly expected: Outcome
  /** Inputs changed from the example's, to exercise a branch the example handles. */
  readonly changed?: { readonly inputs: Record<string, string>; readonly why: string }
  /** What else the job finds when it runs: other endpoints, pull requests on GitHub. */
  readonly setup?: (emulator: Emulator, github: FakeGitHub) => Promise<void>
  readonly check?: (run: ExerciseRun) => void
}

/** The artifact of the pull request's head commit, where the example's builds put it. */
const STAGED_ARTIFACT = `s3://my-models/fraud-scorer/${PR_LABELED.prHeadSha}/model.tar.gz`

/** The merged pull request on GitHub, and staging serving `artifact`. */
function stagedPullRequest(artifact: string) {
  return async (emulator: Emulator, github: FakeGitHub): Promise<void> => {
    github.addPull({
      number: PR,
      mergeCommitSha: MERGED.sha,
      headSha: PR_LABELED.prHeadSha!,
      merged: true
    })
    const staging = await runStep(emulator, step('Model A'), {
      inputs: { 'endpoint-name': 'fraud-scorer-staging', 'model-data-url': artifact }
    })
    if (staging.outputs.outcome !== 'deployed') throw new Error(`staging: ${staging.stdout}`)
  }
}

const params = (calls: CallRecord[], operation: string): Record<string, unknown> =>
  (calls.filter(c => c.operation === operation).at(-1)?.params ?? {}) as Record<string, unknown>

/** The traffic steps: seconds after the update request, and green's share. */
const greenSteps = (r: ActionResult): string[] =>
  trafficSteps(r).map(s => `${s.offsetSeconds} s: ${s.greenPercent}%`)

/** The S3 objects the `run:` steps wrote: operation, region, status and path. */
const s3Writes = (run: ExerciseRun): string[] =>
  run.stepCalls
    .filter(c => c.operation === 'PutObject' || c.operation === 'CopyObject')
    .map(
      c => `${c.operation} ${c.region} ${c.status} ${String((c.params as { Path?: string }).Path)}`
    )

/** Nothing under the build's prefix exists until a build uploads it. */
const NOT_BUILT: Partial<Scenario> = {
  s3Objects: { 's3://my-models/fraud-scorer/': { missing: true } }
}

function commentBodies(run: ExerciseRun): string[] {
  return run.github.comments.filter(c => c.issueNumber === PR).map(c => c.body)
}

const EXERCISES: readonly Exercise[] = [
  {
    example: 'pr-promotion.yml',
    job: 'plan',
    trigger: PR_OPENED,
    before: 'serving',
    scenario: NOT_BUILT,
    expected: 'planned',
    check: run => {
      // The build job uploaded the head commit's artifact, which the plan reads.
      expect(s3Writes(run)).toEqual([
        `PutObject us-east-1 200 /my-models/fraud-scorer/${PR_OPENED.prHeadSha}/model.tar.gz`
      ])
      expect(run.result.mutating).toEqual([])
      expect(run.inputs['model-data-url']).toContain(PR_OPENED.prHeadSha)
      expect(JSON.parse(run.result.outputs.plan!)).toMatchObject({
        endpointName: 'fraud-scorer-staging'
      })
      // The reviewers' view: the plan, read from the live endpoint, on the pull request.
      const bodies = commentBodies(run)
      expect(bodies).toHaveLength(1)
      expect(bodies[0]).toContain('📝 Planned')
      expect(bodies[0]).toContain('blue/green traffic shift (UpdateEndpoint)')
    }
  },
  {
    example: 'pr-promotion.yml',
    job: 'stage',
    trigger: PR_PUSHED_LABELLED,
    before: 'serving',
    scenario: NOT_BUILT,
    expected: 'deployed',
    check: run => {
      // A push to the labelled pull request: built, then staged.
      expect(s3Writes(run)).toEqual([`PutObject us-east-1 200 ${STAGED_ARTIFACT.slice(4)}`])
      expect(run.inputs['endpoint-name']).toBe('fraud-scorer-staging')
      expect(run.inputs['model-data-url']).toBe(STAGED_ARTIFACT)
      // The example's linear 25 % every 300 s: 480 s provisioning, each step 5 s activating and
      // its 300 s bake, except the step at 100 %, which bakes only the derived 300 s final bake
      // (termination-wait left empty: the alarms' detection time, here equal to the wait
      // interval), then blue's 120 s decommission: 1400 + 300 + 120 = 1820 s. A step's time is
      // when the phase the next poll saw began: each time the poll after a bake's end came within
      // the 5 s of activation.
      expect(greenSteps(run.result)).toEqual([
        '0 s: 0%',
        '480 s: 25%',
        '785 s: 50%',
        '1090 s: 75%',
        '1395 s: 100%',
        '1820 s: 100%'
      ])
      expect(params(run.calls, 'CreateModel').Tags).toEqual(
        expect.arrayContaining([{ Key: 'git-sha', Value: PR_LABELED.prHeadSha }])
      )
      // The golden requests of the checkout: a baseline on blue, then every bake; the gate alarm
      // guards the update with the created ones, and no check failed.
      const update = params(run.calls, 'UpdateEndpoint') as {
        DeploymentConfig: { AutoRollbackConfiguration: { Alarms: { AlarmName: string }[] } }
      }
      expect(
        update.DeploymentConfig.AutoRollbackConfiguration.Alarms.map(a => a.AlarmName)
      ).toStrictEqual([
        'fraud-scorer-staging-5xx-rate',
        'fraud-scorer-staging-model-latency',
        'fraud-scorer-staging-gate'
      ])
      expect(run.calls.filter(c => c.operation === 'InvokeEndpoint').length).toBeGreaterThan(60)
      expect(run.calls.filter(c => c.operation === 'PutMetricData')).toStrictEqual([])
      expect(run.result.summary).toContain('✅ No check failed.')
      const bodies = commentBodies(run)
      expect(bodies).toHaveLength(1)
      expect(bodies[0]).toContain('✅ Deployed')
    }
  },
  {
    example: 'pr-promotion.yml',
    job: 'promote',
    trigger: MERGED,
    before: 'serving',
    expected: 'deployed',
    setup: stagedPullRequest(STAGED_ARTIFACT),
    check: run => {
      // Production gets the artifact staging verified: the pull request's head commit's,
      // not the merge commit's (which was never built or staged).
      expect(run.stepOutputs['staged']).toEqual({
        'head-sha': PR_LABELED.prHeadSha,
        'model-data-url': STAGED_ARTIFACT
      })
      expect(run.inputs['endpoint-name']).toBe('fraud-scorer')
      expect(run.inputs['model-data-url']).toBe(STAGED_ARTIFACT)
      expect(params(run.calls, 'CreateModel').PrimaryContainer).toMatchObject({
        ModelDataUrl: STAGED_ARTIFACT
      })
      expect(params(run.calls, 'CreateModel').Tags).toEqual(
        expect.arrayContaining([{ Key: 'git-sha', Value: PR_LABELED.prHeadSha }])
      )
      expect(greenSteps(run.result)).toEqual([
        '0 s: 0%',
        '480 s: 25%',
        '785 s: 50%',
        '1090 s: 75%',
        '1395 s: 100%',
        '1820 s: 100%'
      ])
      expect(run.github.comments).toEqual([])
    }
  },
  {
    example: 'release-gate.yml',
    job: 'deploy',
    trigger: RELEASED,
    before: 'serving',
    scenario: NOT_BUILT,
    expected: 'deployed',
    check: run => {
      // The build job uploaded the release commit's artifact; the deploy job promotes it.
      const artifact = `s3://my-models/fraud-scorer/${RELEASED.sha}/model.tar.gz`
      expect(s3Writes(run)).toEqual([`PutObject us-east-1 200 ${artifact.slice(4)}`])
      expect(run.inputs['model-data-url']).toBe(artifact)
      expect(params(run.calls, 'CreateModel').PrimaryContainer).toMatchObject({
        ModelDataUrl: artifact
      })
      // The announce job's jq reads these fields of each traffic step.
      const steps = trafficSteps(run.result)
      for (const s of steps) {
        expect(Object.keys(s)).toEqual(
          expect.arrayContaining(['at', 'bluePercent', 'greenPercent', 'event'])
        )
      }
      // The example's canary (10 % of 4 instances: one, a quarter) takes traffic at 480 s,
      // activates 5 s and bakes 600 s, then the rest at 1085 s; after its 5 s activation the step
      // at 100 % bakes only the 300 s final bake (termination-wait, no 600 s bake), then blue's
      // 120 s decommission: 1090 + 300 + 120 = 1510 s.
      expect(steps.map(s => `${s.offsetSeconds} s: ${s.bluePercent}/${s.greenPercent}`)).toEqual([
        '0 s: 100/0',
        '480 s: 75/25',
        '1085 s: 0/100',
        '1510 s: 0/100'
      ])
      expect(run.result.outputs['triggered-alarms']).toBe('')
      // The job's `environment:` is the release's one deployment record: the action adds none.
      expect(run.github.deployments).toEqual([])
    }
  },
  {
    example: 'release-gate.yml',
    job: 'deploy',
    trigger: RELEASED,
    before: 'serving',
    expected: 'rolled-back',
    changed: {
      inputs: { 'model-data-url': labModel('b') },
      why: "the lab's broken model B, for the rolled-back job"
    },
    check: run => {
      expect(run.result.outputs['triggered-alarms']).toBe('fraud-scorer-5xx-rate')
      // Rolled back in the canary's first step, when the alarm went into ALARM: model B never
      // took more than its quarter.
      expect(greenSteps(run.result)).toEqual(['0 s: 0%', '480 s: 25%', '595 s: 0%'])
      expect(run.github.deployments).toEqual([])
    }
  },
  {
    example: 'retry-dispatch.yml',
    job: 'retry',
    trigger: DISPATCHED,
    before: 'after-rollback',
    expected: 'deployed',
    check: run => {
      expect(params(run.calls, 'UpdateEndpoint')).toEqual({
        EndpointName: 'fraud-scorer-staging',
        EndpointConfigName: run.result.outputs['endpoint-config-name'],
        RetainDeploymentConfig: true
      })
      // Model B's policy, retained: linear 25 % every 60 s, each step seen while it activates;
      // with it its derived 300 s final bake (TerminationWaitInSeconds). The step at 100 % (675 s,
      // 5 s activation) bakes only that final bake, then blue's 120 s decommission:
      // 680 + 300 + 120 = 1100 s.
      expect(greenSteps(run.result)).toEqual([
        '0 s: 0%',
        '480 s: 25%',
        '545 s: 50%',
        '610 s: 75%',
        '675 s: 100%',
        '1100 s: 100%'
      ])
      const bodies = commentBodies(run)
      expect(bodies).toHaveLength(1)
      expect(bodies[0]).toContain('✅ Deployed')
    }
  },
  {
    example: 'restore-dispatch.yml',
    job: 'restore',
    trigger: DISPATCHED,
    before: 'deployed-over-a',
    expected: 'deployed',
    check: run => {
      // Model A's config, the one model E's replaced, put back with the rollback's request.
      const a = run.result.outputs['endpoint-config-name']
      expect(a).toBe('fraud-scorer-staging-a1a1a1a-1001-1')
      expect(run.result.mutating).toEqual(['UpdateEndpoint'])
      expect(params(run.calls, 'UpdateEndpoint')).toEqual({
        EndpointName: 'fraud-scorer-staging',
        EndpointConfigName: a,
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
            TerminationWaitInSeconds: 0
          }
        }
      })
      expect(greenSteps(run.result)).toEqual(['0 s: 0%', '480 s: 100%', '605 s: 100%'])
    }
  },
  {
    example: 'many-endpoints.yml',
    job: 'deploy',
    trigger: DISPATCHED_EU,
    // The leg's endpoint serves in eu-west-1; the build bucket is in us-east-1, and the region's
    // bucket has no copy yet: deploying the build bucket's URL, or this one before the copy,
    // fails the pre-flight.
    region: 'eu-west-1',
    scenario: {
      s3Objects: {
        's3://my-models': { region: 'us-east-1' },
        's3://my-models-eu-west-1': { region: 'eu-west-1' },
        's3://my-models-eu-west-1/scorers/': { missing: true }
      }
    },
    before: 'serving',
    expected: 'deployed',
    check: run => {
      // The copy job's leg for eu-west-1 copied the build's artifact into the region's bucket,
      // signed for eu-west-1, and the leg deploys that copy.
      expect(s3Writes(run)).toEqual([`CopyObject eu-west-1 200 /my-models-eu-west-1/${MODEL_KEY}`])
      expect(run.inputs['model-data-url']).toBe(`s3://my-models-eu-west-1/${MODEL_KEY}`)
      expect(params(run.calls, 'UpdateEndpoint').EndpointName).toBe('churn-scorer')
      expect(params(run.calls, 'CreateModel').PrimaryContainer).toMatchObject({
        Image: '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311',
        ModelDataUrl: `s3://my-models-eu-west-1/${MODEL_KEY}`
      })
      expect(new Set(run.calls.map(c => c.region))).toEqual(new Set(['eu-west-1']))
      // The default policy: linear 25 % every 60 s on model A's 4 instances, then its completion:
      // the step at 100 % (675 s, 5 s activation) bakes only the derived 300 s final bake (the
      // alarms' detection time), then blue's 120 s decommission: 680 + 300 + 120 = 1100 s. The
      // first step's time is when the phase the next poll saw began: this leg's poll came after
      // its 5 s activation (485 s), the others' within theirs.
      expect(greenSteps(run.result)).toEqual([
        '0 s: 0%',
        '485 s: 25%',
        '545 s: 50%',
        '610 s: 75%',
        '675 s: 100%',
        '1100 s: 100%'
      ])
    }
  }
]

function onlyActionStep(example: string, job: string): ActionStep {
  const steps = actionSteps(readExample(example)).filter(s => s.job === job)
  if (steps.length !== 1) {
    throw new Error(
      `${example}: job ${job} has ${steps.length} steps using the action; the exercises expect exactly one.`
    )
  }
  return steps[0]!
}

function eventPayload(t: Trigger): Record<string, unknown> {
  const payload: Record<string, unknown> = { repository: { full_name: REPOSITORY } }
  if (t.action) payload.action = t.action
  if (t.eventName === 'pull_request') {
    payload.number = PR
    payload.pull_request = {
      number: PR,
      head: { sha: t.prHeadSha, repo: { full_name: REPOSITORY } },
      labels: (t.prLabels ?? []).map(name => ({ name })),
      base: { ref: 'main' }
    }
  }
  if (t.labelName) payload.label = { name: t.labelName }
  if (t.releaseTag) payload.release = { tag_name: t.releaseTag }
  if (t.eventName === 'push') payload.after = t.sha
  return payload
}

/** The jobs a job needs, those they need first (as the runner orders them). */
function neededJobs(workflow: Workflow, job: string): string[] {
  const needs = workflow.jobs[job]?.needs ?? []
  const direct = typeof needs === 'string' ? [needs] : needs
  return [...new Set(direct.flatMap(n => [...neededJobs(workflow, n), n]))]
}

/** The steps of a job before the one that uses this action. */
function stepsBefore(workflow: Workflow, job: string): WorkflowStep[] {
  const steps = workflow.jobs[job]?.steps ?? []
  return steps.slice(
    0,
    Math.max(
      0,
      steps.findIndex(s => isThisAction(s.uses))
    )
  )
}

/** Actions the emulator stands in for: its environment carries the AWS credentials. */
const STOOD_IN = /^(aws-actions\/configure-aws-credentials|actions\/checkout)@/

interface RunSteps {
  readonly outputs: StepOutputs
  /** The `run:` step that failed, and what it printed. */
  readonly failed?: { readonly step: string; readonly log: string }
}

interface Shell {
  readonly status: number | null
  readonly log: string
}

/** bash, asynchronously: the emulator and the fake GitHub answer from this very process. */
function bash(script: string, env: Record<string, string>, cwd: string): Promise<Shell> {
  return new Promise(resolve => {
    // No stdin: on a socket (a pipe's default), bash takes itself for a remote shell's and
    // reads ~/.bashrc, which can take seconds (pyenv) and is not what the runner does.
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let log = ''
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('close', status => {
      clearTimeout(timer)
      resolve({ status, log })
    })
  })
}

/** Runs the job's `run:` steps before the action step in bash, as the runner would. */
async function runStepsBefore(
  workflow: Workflow,
  job: string,
  t: Trigger,
  emulator: Emulator,
  github: FakeGitHub
): Promise<RunSteps> {
  const outputs: Record<string, Record<string, string>> = {}
  const dir = mkdtempSync(join(tmpdir(), 'example-steps-'))
  // The jobs this one needs (builds, copies: they use no action but stood-in ones), every step;
  // then this job's steps before the action's.
  const jobs = [
    ...neededJobs(workflow, job).map(name => {
      const steps = workflow.jobs[name]?.steps ?? []
      if (steps.some(s => isThisAction(s.uses))) {
        throw new Error(`${job} needs ${name}, which uses the action: exercise it on its own`)
      }
      return { name, steps }
    }),
    { name: job, steps: stepsBefore(workflow, job) }
  ]
  // The checkout (actions/checkout is stood in for): the model's files where the examples keep
  // them, what a build packages.
  const workspace = join(dir, 'workspace')
  mkdirSync(join(workspace, 'model'), { recursive: true })
  copyFileSync(
    join(ROOT, 'examples', 'verify', 'golden-requests.jsonl'),
    join(workspace, 'model', 'golden-requests.jsonl')
  )
  try {
    for (const { name, steps } of jobs)
      for (const s of steps) {
        if (s.uses !== undefined) {
          if (!STOOD_IN.test(s.uses)) throw new Error(`${name}: nothing stands in for ${s.uses}`)
          continue
        }
        if (s.run === undefined) continue
        const declared = {
          ...asStrings(workflow.env),
          ...asStrings(workflow.jobs[name]?.env),
          ...asStrings(s.env)
        }
        const env = Object.fromEntries(
          Object.entries(declared).map(([k, v]) => [k, substitute(v, t, declared, outputs)])
        )
        const outputFile = join(dir, `${s.id ?? 'step'}.output`)
        writeFileSync(outputFile, '')
        const runnerTemp = mkdtempSync(join(dir, 'runner-temp-'))
        const result = await bash(
          substitute(s.run, t, env, outputs),
          {
            PATH: process.env.PATH ?? '/usr/bin:/bin',
            HOME: process.env.HOME ?? dir,
            ...emulator.env(),
            GITHUB_API_URL: github.url,
            GITHUB_OUTPUT: outputFile,
            GITHUB_REPOSITORY: REPOSITORY,
            GITHUB_SHA: t.sha,
            RUNNER_TEMP: runnerTemp,
            ...env
          },
          workspace
        )
        if (result.status !== 0) {
          return { outputs, failed: { step: s.name ?? s.id ?? 'run', log: result.log } }
        }
        if (s.id) outputs[s.id] = parseFileCommands(readFileSync(outputFile, 'utf8'))
      }
    return { outputs }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

interface Prepared {
  readonly emulator: Emulator
  readonly github: FakeGitHub
  readonly steps: RunSteps
  /** The emulator's calls made by the `run:` steps (of the jobs needed, then of the job). */
  readonly stepCalls: CallRecord[]
}

/** The endpoint as the exercise needs it, the GitHub side, and the job's steps before the action. */
async function prepare(e: Exercise): Promise<Prepared> {
  const actionStep = onlyActionStep(e.example, e.job)
  // The lab's emulator on stepped time: the calls to the fake GitHub take no simulated time.
  const emulator = await labEmulator(e.scenario, e.region)
  // The fake accepts the token the runner passes for the `${{ github.token }}` default.
  const github = await startFakeGitHub(SECRETS.GITHUB_TOKEN)
  try {
    // Model A serves on the example's endpoint (the examples update an existing endpoint).
    const endpoint = substitute(actionStep.with['endpoint-name']!, e.trigger, actionStep.env)
    const onEndpoint = { inputs: { 'endpoint-name': endpoint } }
    // The lab's image, from the region's own registry (a model's image must be in its region).
    await liveModelA(emulator, endpoint, LAB_IMAGE.replace('us-east-1', emulator.region))
    if (e.before === 'after-rollback') {
      const b = await runStep(emulator, step('Model B'), onEndpoint)
      if (b.outputs.outcome !== 'rolled-back') throw new Error(`Model B: ${b.stdout}\n${b.stderr}`)
      emulator.advance(180) // the retry comes later; the alarm is OK again by then
    }
    if (e.before === 'deployed-over-a') {
      const m = await runStep(emulator, step('Model E'), onEndpoint)
      if (m.outputs.outcome !== 'deployed') throw new Error(`Model E: ${m.stdout}\n${m.stderr}`)
    }
    await e.setup?.(emulator, github)
    const before = emulator.calls().length
    const steps = await runStepsBefore(readExample(e.example), e.job, e.trigger, emulator, github)
    return { emulator, github, steps, stepCalls: emulator.calls().slice(before) }
  } catch (error) {
    await emulator.close()
    await github.close()
    throw error
  }
}

/**
 * The seed of the action's jitter: the exercise's name. (The runner's default comes from the
 * run's GITHUB_* variables, and here two of them differ from run to run: GITHUB_EVENT_PATH, in a
 * fresh temporary directory, and GITHUB_API_URL, the fake GitHub's port.)
 */
function seedOf(e: Exercise): number {
  const name = `${e.example} ${e.job} ${e.trigger.label} ${e.changed?.why ?? ''}`
  return createHash('sha256').update(name).digest().readUInt32BE(0)
}

async function exercise(e: Exercise): Promise<ExerciseRun> {
  const workflow = readExample(e.example)
  const actionStep = onlyActionStep(e.example, e.job)
  const { emulator, github, steps, stepCalls } = await prepare(e)
  const dir = mkdtempSync(join(tmpdir(), 'example-event-'))
  try {
    if (steps.failed) throw new Error(`step "${steps.failed.step}" failed:\n${steps.failed.log}`)
    const inputs: Record<string, string> = {
      ...Object.fromEntries(
        Object.entries(actionStep.with).map(([k, v]) => [
          k,
          substitute(v, e.trigger, actionStep.env, steps.outputs)
        ])
      ),
      ...e.changed?.inputs,
      // The lab's poll interval: the default 10 simulated seconds, shorter than any step.
      'poll-interval': LAB_POLL_INTERVAL
    }
    const eventPath = join(dir, 'event.json')
    writeFileSync(eventPath, JSON.stringify(eventPayload(e.trigger)))
    // The user's checkout (actions/checkout is stood in for): the model's golden requests where
    // the examples keep them.
    const workspace = join(dir, 'workspace')
    mkdirSync(join(workspace, 'model'), { recursive: true })
    copyFileSync(
      join(ROOT, 'examples', 'verify', 'golden-requests.jsonl'),
      join(workspace, 'model', 'golden-requests.jsonl')
    )
    const before = emulator.calls().length
    const result = await runStep(
      emulator,
      {
        name: `${e.example} ${e.job}`,
        description: e.trigger.label,
        inputs,
        github: {
          GITHUB_API_URL: github.url,
          GITHUB_EVENT_NAME: e.trigger.eventName,
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_SHA: e.trigger.sha,
          GITHUB_REF: e.trigger.ref,
          GITHUB_RUN_ID: e.trigger.runId,
          GITHUB_REPOSITORY: REPOSITORY,
          GITHUB_WORKFLOW: workflow.name ?? e.example,
          GITHUB_WORKSPACE: workspace
        },
        expected: e.expected
      },
      { seed: seedOf(e) }
    )
    return {
      inputs,
      stepOutputs: steps.outputs,
      stepCalls,
      result,
      calls: emulator.calls().slice(before),
      github,
      trigger: e.trigger
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await emulator.close()
    await github.close()
  }
}

/** The action outputs each job reads from its action step (directly or as job outputs). */
function outputsRead(workflow: Workflow): { read: Map<string, Set<string>>; problems: string[] } {
  const read = new Map<string, Set<string>>()
  const problems: string[] = []
  for (const [job, spec] of Object.entries(workflow.jobs)) {
    const ours = new Set(actionSteps(workflow).flatMap(s => (s.job === job && s.id ? [s.id] : [])))
    for (const text of strings(spec)) {
      for (const [, id, name] of text.matchAll(/\bsteps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (!ours.has(id!)) continue
        if (!ACTION_OUTPUTS.has(name!)) {
          problems.push(
            `job ${job} reads steps.${id}.outputs.${name}: the action has no such output`
          )
        }
        read.set(job, new Set([...(read.get(job) ?? []), name!]))
      }
    }
  }
  for (const [job, spec] of Object.entries(workflow.jobs)) {
    for (const text of strings(spec)) {
      for (const [, needed, name] of text.matchAll(/\bneeds\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (workflow.jobs[needed!]?.outputs?.[name!] === undefined) {
          problems.push(
            `job ${job} reads needs.${needed}.outputs.${name}: job ${needed} has no such output`
          )
        }
      }
    }
  }
  for (const text of strings(workflow.jobs)) {
    for (const [, value] of text.matchAll(/outputs\.outcome\s*[!=]=\s*'([^']*)'/g)) {
      if (!(OUTCOMES as readonly string[]).includes(value!)) {
        problems.push(
          `compares outcome with '${value}', which is not an outcome (${OUTCOMES.join(', ')})`
        )
      }
    }
  }
  return { read, problems }
}

/** The outputs the `run:` steps before a job's action step write (`name=` to GITHUB_OUTPUT). */
function writtenOutputs(workflow: Workflow, job: string): StepOutputs {
  return Object.fromEntries(
    stepsBefore(workflow, job).flatMap(s =>
      s.id && s.run
        ? [
            [
              s.id,
              Object.fromEntries(
                [...s.run.matchAll(/echo "([\w-]+)=.*>> "\$GITHUB_OUTPUT"/g)].map(m => [m[1]!, 'x'])
              )
            ]
          ]
        : []
    )
  )
}

// ---------------------------------------------------------------------------------------------

describe('examples/*.yml', () => {
  it('every example is exercised, and every exercise names an example', () => {
    expect(allOutcomes).toBe(true)
    expect(EXAMPLE_FILES.length).toBeGreaterThan(0)
    expect([...new Set(EXERCISES.map(e => e.example))].sort()).toEqual(EXAMPLE_FILES)
  })

  describe.each(EXAMPLE_FILES)('%s', file => {
    const workflow = readExample(file)
    const steps = actionSteps(workflow)

    it('uses the action, and every job that does is exercised', () => {
      expect(steps.length).toBeGreaterThan(0)
      const exercised = new Set(EXERCISES.filter(e => e.example === file).map(e => e.job))
      expect([...new Set(steps.map(s => s.job))].sort()).toEqual([...exercised].sort())
      for (const e of EXERCISES.filter(x => x.example === file)) {
        expect(Object.keys(workflow.on)).toContain(e.trigger.eventName)
      }
    })

    it('sets only inputs the action has, and all the required ones', () => {
      for (const s of steps) {
        const unknown = Object.keys(s.with).filter(name => !ACTION_INPUTS.has(name))
        expect({ job: s.job, unknown }).toEqual({ job: s.job, unknown: [] })
        const required = Object.entries(action.inputs).filter(([, spec]) => spec.required)
        for (const [name] of required) expect(Object.keys(s.with)).toContain(name)
      }
    })

    it('uses only expressions the table has a value for', () => {
      const unknown = steps.flatMap(s =>
        Object.entries(s.with).flatMap(([input, value]) =>
          expressionsIn(value)
            // Whether a value exists does not depend on the event; a run step's output exists
            // when a step before writes it.
            .filter(
              x => valueOf(x, DISPATCHED, s.env, writtenOutputs(workflow, s.job)) === undefined
            )
            .map(x => `job ${s.job}, input ${input}: \${{ ${x} }}`)
        )
      )
      if (unknown.length > 0) {
        throw new Error(
          `${file} uses expressions with no value in EXPRESSIONS (or env/secrets/vars) of this test; add them:\n  ${unknown.join('\n  ')}`
        )
      }
    })

    it('reads workflow_dispatch inputs it declares, with values its form allows', () => {
      const dispatch = (workflow.on.workflow_dispatch ?? {}) as {
        inputs?: Record<string, { required?: boolean; type?: string; options?: string[] }>
      }
      for (const s of steps) {
        for (const x of Object.values(s.with).flatMap(expressionsIn)) {
          const [, name] = /^inputs\.([\w-]+)$/.exec(x) ?? []
          if (name === undefined) continue
          const declared = dispatch.inputs?.[name]
          expect({ input: name, declared: declared !== undefined }).toEqual({
            input: name,
            declared: true
          })
          const value = valueOf(x, DISPATCHED, s.env)!
          if (declared?.required) expect(value).not.toBe('')
          if (declared?.type === 'choice') expect(declared.options).toContain(value)
        }
      }
    })

    it('reads only outputs the action has', () => {
      const { problems } = outputsRead(workflow)
      expect(problems).toEqual([])
    })
  })
})

// Every exercise has its own emulator and GitHub fake, and its own seed (seedOf): the times each
// sees are the same every time, whatever ran before it. They run one after the other (on 2
// cores, one at a time is no slower).
describe('examples/*.yml against the emulator', () => {
  for (const e of EXERCISES) {
    const changed = e.changed ? ` (${e.changed.why})` : ''
    it(
      `${e.example}: job ${e.job} on ${e.trigger.label}${changed}: ${e.expected}`,
      async () => {
        const run = await exercise(e)
        const { result } = run
        const log = `${result.stdout}\n${result.stderr}`
        expect({ outcome: result.outputs.outcome, log }).toEqual({
          outcome: e.expected,
          log: expect.any(String)
        })
        expect(result.code).toBe(['deployed', 'planned', 'started'].includes(e.expected) ? 0 : 1)
        // Every output the example's jobs read is set.
        for (const name of outputsRead(readExample(e.example)).read.get(e.job) ?? []) {
          expect(Object.keys(result.outputs)).toContain(name)
        }
        e.check?.(run)
      },
      SAFETY_NET_MS
    )
  }
})

describe('pr-promotion.yml promotes only what staging verified', () => {
  const promote = EXERCISES.find(e => e.example === 'pr-promotion.yml' && e.job === 'promote')!

  async function stepsOf(setup: Exercise['setup']): Promise<RunSteps> {
    const { setup: _staged, ...rest } = promote
    const prepared = await prepare(setup === undefined ? rest : { ...rest, setup })
    await prepared.emulator.close()
    await prepared.github.close()
    return prepared.steps
  }

  it(
    'stops before the rollout when staging serves another artifact',
    async () => {
      const other = `s3://my-models/fraud-scorer/${'0'.repeat(40)}/model.tar.gz`
      const steps = await stepsOf(stagedPullRequest(other))
      expect(steps.failed?.step).toBe('Check that staging serves exactly this artifact')
      expect(steps.failed?.log).toContain(
        `::error::Staging serves ${other}, not ${STAGED_ARTIFACT}: label the pull request "deploy" to stage its last commit before merging.`
      )
    },
    SAFETY_NET_MS
  )

  it(
    'stops when the pushed commit came from no merged pull request',
    async () => {
      const steps = await stepsOf(undefined)
      expect(steps.failed?.step).toBe('Find the commit that was staged')
      expect(steps.failed?.log).toContain(
        `::error::${MERGED.sha} comes from no merged pull request: nothing was staged for it.`
      )
    },
    SAFETY_NET_MS
  )
})
