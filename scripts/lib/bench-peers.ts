// The contenders of the start-up comparison: this action's committed bundle and the two peers'
// start-up equivalents under bench/peers/ (see bench/peers/README.md), each with real inputs
// that lead to an AWS request.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionDefaults, BUNDLE, inputEnv, ROOT } from './action-runner.js'
import type { Contender } from './bench-first-request.js'

const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIDBENCH0000000000', AWS_SECRET_ACCESS_KEY: 'bench' }

function runnerFiles(dir: string): Record<string, string> {
  for (const name of ['output', 'env', 'summary.md'])
    writeFileSync(join(dir, name), '', { flag: 'a' })
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_WORKSPACE: dir,
    GITHUB_REPOSITORY: 'example-org/fraud-models',
    GITHUB_SHA: '3f9c2a7e5b1d4c6a8e0f2b4d6c8a0e2f4b6d8c0a',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    RUNNER_TEMP: dir
  }
}

export const OURS: Contender = {
  name: 'sagemaker-blue-green-deploy (dist/index.js)',
  script: BUNDLE,
  env: dir => ({
    ...CREDENTIALS,
    ...runnerFiles(dir),
    ...inputEnv({
      ...actionDefaults(),
      'endpoint-name': 'fraud-scorer',
      'model-data-url': 's3://my-models/fraud-scorer/model.tar.gz',
      'image-uri': '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.3.0-cpu-py311',
      'execution-role-arn': 'arn:aws:iam::123456789012:role/sagemaker-execution'
    })
  })
}

const TASK_DEFINITION = {
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 512, essential: true }]
}

export const ECS_DEPLOY: Contender = {
  name: 'amazon-ecs-deploy-task-definition v2.6.3 (equivalent)',
  script: join(ROOT, 'bench', 'peers', 'ecs-deploy-task-definition', 'dist', 'index.js'),
  env: dir => {
    writeFileSync(join(dir, 'task-definition.json'), JSON.stringify(TASK_DEFINITION))
    return {
      ...CREDENTIALS,
      ...runnerFiles(dir),
      ...inputEnv({
        'task-definition': 'task-definition.json',
        service: 'web',
        cluster: 'default',
        'wait-for-service-stability': 'true'
      })
    }
  }
}

export const CONFIGURE_CREDENTIALS: Contender = {
  name: 'configure-aws-credentials v6.2.3 (equivalent)',
  script: join(ROOT, 'bench', 'peers', 'configure-aws-credentials', 'dist', 'index.js'),
  env: dir => ({
    ...runnerFiles(dir),
    ...inputEnv({
      'aws-access-key-id': CREDENTIALS.AWS_ACCESS_KEY_ID,
      'aws-secret-access-key': CREDENTIALS.AWS_SECRET_ACCESS_KEY,
      'aws-region': 'us-east-1'
    })
  })
}

export const CONTENDERS: readonly Contender[] = [OURS, ECS_DEPLOY, CONFIGURE_CREDENTIALS]
