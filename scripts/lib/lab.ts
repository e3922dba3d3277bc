// The reference lab: model A serves 100%, model B (5XX) is shifted in 25% a minute and rolled
// back by the 5XX-rate alarm, model E is retried with the retained deployment config and
// reaches 100%. Shared by `npm run demo` and the end-to-end tests.
import type { Outcome } from '../../src/types.js'

export const LAB_ENDPOINT = 'lab-endpoint'
export const LAB_IMAGE = '111111111111.dkr.ecr.us-east-1.amazonaws.com/lab-inference:1'
export const LAB_ROLE = 'arn:aws:iam::111111111111:role/lab-sagemaker-execution'
export const LAB_ERROR_ALARM = `${LAB_ENDPOINT}-5xx-rate`

export const labModel = (letter: string): string => `s3://lab-models/model-${letter}/model.tar.gz`

/**
 * The lab's clock: its timings are the realistic defaults (an endpoint takes minutes to create, a
 * green fleet minutes to provision, metrics minutes to arrive), so it runs on stepped time
 * (emulator/stepped-time.ts): simulated time jumps whenever the action waits, and the action's own
 * clock is the emulator's, so every input keeps its production meaning.
 */
export const LAB_TIME_SCALE = 'stepped'

/** The lab starts here (simulated), 5 s past a whole minute: alarm evaluations fall the same way. */
export const LAB_START = Date.UTC(2026, 10, 30, 9, 0, 5)

/** The action's poll-interval in the lab: the default, in simulated seconds. */
export const LAB_POLL_INTERVAL = '10'

export interface LabStep {
  readonly name: string
  readonly description: string
  readonly inputs: Record<string, string>
  /** GITHUB_* of the run: each step is its own workflow run (commit, run id). */
  readonly github: Record<string, string>
  readonly expected: Outcome
}

export function labSteps(pollInterval = LAB_POLL_INTERVAL): LabStep[] {
  const common = {
    'endpoint-name': LAB_ENDPOINT,
    'image-uri': LAB_IMAGE,
    'execution-role-arn': LAB_ROLE,
    'poll-interval': pollInterval
  }
  return [
    {
      name: 'Model A',
      description: 'first deploy: creates the endpoint, A serves 100%',
      inputs: {
        ...common,
        'create-endpoint': 'if-missing',
        'model-data-url': labModel('a'),
        'instance-type': 'ml.m5.large',
        'instance-count': '4'
      },
      github: {
        GITHUB_SHA: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',
        GITHUB_RUN_ID: '1001',
        GITHUB_EVENT_NAME: 'push'
      },
      expected: 'deployed'
    },
    {
      name: 'Model B',
      description: 'broken model, linear 25% every 60 s: the 5XX alarm rolls it back',
      inputs: {
        ...common,
        'model-data-url': labModel('b'),
        'traffic-routing': 'linear',
        'step-size': '25%',
        'wait-interval': '60'
      },
      github: {
        GITHUB_SHA: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',
        GITHUB_RUN_ID: '1002',
        GITHUB_EVENT_NAME: 'pull_request'
      },
      expected: 'rolled-back'
    },
    {
      name: 'Model E',
      description: 'good model, retried with retain-deployment-config: reaches 100%',
      inputs: {
        ...common,
        'model-data-url': labModel('e'),
        'retain-deployment-config': 'true'
      },
      github: {
        GITHUB_SHA: 'e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5',
        GITHUB_RUN_ID: '1003',
        GITHUB_EVENT_NAME: 'workflow_dispatch'
      },
      expected: 'deployed'
    }
  ]
}

/**
 * The lab's fifth scenario: model D, which fails only once it takes all the traffic, promoted with
 * no final bake (termination-wait: 0, accepted): SageMaker completes and terminates the blue
 * fleet before the 5XX alarm can see a minute of D at 100 %; the watch after completion sees it
 * fire, the job fails as regressed, and the action puts the previous config back.
 */
export function regressionLabStep(pollInterval = LAB_POLL_INTERVAL): LabStep {
  return {
    name: 'Model D',
    description:
      'fails only at full traffic, no final bake (accepted): the alarm fires after SageMaker completed; regressed, the action rolls it back',
    inputs: {
      'endpoint-name': LAB_ENDPOINT,
      'image-uri': LAB_IMAGE,
      'execution-role-arn': LAB_ROLE,
      'poll-interval': pollInterval,
      'model-data-url': labModel('d'),
      'traffic-routing': 'linear',
      'step-size': '25%',
      'wait-interval': '60',
      'termination-wait': '0',
      'accept-unguarded-final-step': 'true'
    },
    github: {
      GITHUB_SHA: 'd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4',
      GITHUB_RUN_ID: '1005',
      GITHUB_EVENT_NAME: 'workflow_dispatch'
    },
    expected: 'regressed'
  }
}

/**
 * The lab's fourth scenario: model B again, now by a rolling deployment (batches of one
 * instance, a rollback one instance at a time): the 5XX alarm rolls it back with at most one
 * extra instance running, where blue/green ran a whole second fleet.
 */
export function rollingLabStep(pollInterval = LAB_POLL_INTERVAL): LabStep {
  return {
    name: 'Model B, rolling',
    description:
      'broken model, rolling batches of 25% (one instance) with a one-instance rollback: the 5XX alarm rolls it back',
    inputs: {
      'endpoint-name': LAB_ENDPOINT,
      'image-uri': LAB_IMAGE,
      'execution-role-arn': LAB_ROLE,
      'poll-interval': pollInterval,
      'model-data-url': labModel('b'),
      'traffic-routing': 'rolling',
      'step-size': '25%',
      'wait-interval': '60',
      'rollback-step-size': '1'
    },
    github: {
      GITHUB_SHA: 'b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4b4',
      GITHUB_RUN_ID: '1004',
      GITHUB_EVENT_NAME: 'workflow_dispatch'
    },
    expected: 'rolled-back'
  }
}

/** The golden requests of the lab (and of the examples), read from the repository's checkout. */
export const LAB_GOLDEN_REQUESTS = 'examples/verify/golden-requests.jsonl'

/**
 * The lab's sixth scenario, in three runs: model C, trained on corrupted data, answers 200 OK
 * quickly and wrongly for 30 % of requests. With the default alarms only it reaches 100 % (no
 * alarm can see a wrong answer); rollback-to: previous puts E back; then, with verify-requests,
 * the golden requests find C's answers unlike blue's and SageMaker rolls it back through the gate
 * alarm.
 */
export function corruptedLabSteps(pollInterval = LAB_POLL_INTERVAL): LabStep[] {
  const common = {
    'endpoint-name': LAB_ENDPOINT,
    'poll-interval': pollInterval
  }
  const deployC = {
    ...common,
    'image-uri': LAB_IMAGE,
    'execution-role-arn': LAB_ROLE,
    'model-data-url': labModel('c'),
    'traffic-routing': 'linear',
    'step-size': '25%',
    'wait-interval': '60'
  }
  return [
    {
      name: 'Model C',
      description:
        'trained on corrupted data: 200 OK, 30 % wrong answers; the default alarms see nothing and it reaches 100 %',
      inputs: deployC,
      github: {
        GITHUB_SHA: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3',
        GITHUB_RUN_ID: '1006',
        GITHUB_EVENT_NAME: 'pull_request'
      },
      expected: 'deployed'
    },
    {
      name: 'Restore',
      description: 'rollback-to: previous puts the config C replaced back',
      inputs: { ...common, 'rollback-to': 'previous' },
      github: {
        GITHUB_SHA: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3',
        GITHUB_RUN_ID: '1007',
        GITHUB_EVENT_NAME: 'workflow_dispatch'
      },
      expected: 'deployed'
    },
    {
      name: 'Model C, gated',
      description:
        'model C again with verify-requests: its answers differ from blue’s, the gate alarm fires, SageMaker rolls it back',
      inputs: { ...deployC, 'verify-requests': LAB_GOLDEN_REQUESTS },
      github: {
        GITHUB_SHA: 'c6c6c6c6c6c6c6c6c6c6c6c6c6c6c6c6c6c6c6c6',
        GITHUB_RUN_ID: '1008',
        GITHUB_EVENT_NAME: 'pull_request'
      },
      expected: 'rolled-back'
    }
  ]
}
