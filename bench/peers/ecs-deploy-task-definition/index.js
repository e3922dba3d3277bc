// The start of aws-actions/amazon-ecs-deploy-task-definition v2.6.3 up to its first AWS request,
// re-created from the action's published source: the same modules loaded at start (in its order),
// the same inputs read, both SDK clients constructed, the task definition file read and parsed,
// then RegisterTaskDefinition. Everything after the first request is left out.
const path = require('path')
const core = require('@actions/core')
const { CodeDeploy } = require('@aws-sdk/client-codedeploy')
const { ECS } = require('@aws-sdk/client-ecs')
const yaml = require('yaml')
const fs = require('fs')
require('crypto')

const IGNORED = ['compatibilities', 'taskDefinitionArn', 'requiresAttributes', 'revision', 'status']

function clean(value) {
  return JSON.parse(
    JSON.stringify(value, (_, v) =>
      v === null || v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v
    )
  )
}

async function run() {
  const ecs = new ECS({ customUserAgent: 'amazon-ecs-deploy-task-definition-for-github-actions' })
  new CodeDeploy({ customUserAgent: 'amazon-ecs-deploy-task-definition-for-github-actions' })
  const taskDefinitionFile = core.getInput('task-definition', { required: true })
  core.getInput('service', { required: false })
  core.getInput('cluster', { required: false })
  core.getInput('wait-for-service-stability', { required: false })
  parseInt(core.getInput('wait-for-minutes', { required: false })) || 30
  core.getInput('force-new-deployment', { required: false })
  core.getInput('desired-count', { required: false })
  core.getInput('enable-ecs-managed-tags', { required: false })
  core.getInput('propagate-tags', { required: false })
  core.getInput('run-task', { required: false })
  const taskDefPath = path.isAbsolute(taskDefinitionFile)
    ? taskDefinitionFile
    : path.join(process.env.GITHUB_WORKSPACE, taskDefinitionFile)
  const taskDef = clean(yaml.parse(fs.readFileSync(taskDefPath, 'utf8')))
  for (const name of IGNORED) delete taskDef[name]
  await ecs.registerTaskDefinition(taskDef)
}

run().catch(error => core.setFailed(error.message))
