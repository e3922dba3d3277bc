// The start of aws-actions/configure-aws-credentials v6.2.3 with access-key inputs, up to its
// first AWS request, re-created from the action's published source: the same modules loaded at
// start, the inputs read, the region and credentials exported (masked), the STS client built
// (with its proxy-capable handler), then GetCallerIdentity to validate the credentials.
const core = require('@actions/core')
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts')
const { NodeHttpHandler } = require('@smithy/node-http-handler')
const { HttpsProxyAgent } = require('https-proxy-agent')

const NAMES = [
  'aws-session-token',
  'role-to-assume',
  'audience',
  'mask-aws-account-id',
  'role-external-id',
  'web-identity-token-file',
  'role-duration-seconds',
  'role-session-name',
  'role-skip-session-tagging',
  'http-proxy',
  'inline-session-policy',
  'role-chaining',
  'output-credentials',
  'output-env-credentials',
  'unset-current-credentials',
  'disable-retry',
  'special-characters-workaround',
  'use-existing-credentials',
  'retry-max-attempts'
]

async function run() {
  const accessKeyId = core.getInput('aws-access-key-id', { required: false })
  const secretAccessKey = core.getInput('aws-secret-access-key', { required: false })
  const region = core.getInput('aws-region', { required: true })
  for (const name of NAMES) core.getInput(name, { required: false })
  core.getMultilineInput('transitive-tag-keys', { required: false })
  core.getMultilineInput('managed-session-policies', { required: false })
  const proxyServer = core.getInput('http-proxy', { required: false }) || process.env.HTTP_PROXY
  if (!/^[a-z0-9-]+$/.test(region)) throw new Error(`Region is not valid: ${region}`)
  core.exportVariable('AWS_DEFAULT_REGION', region)
  core.exportVariable('AWS_REGION', region)
  core.setSecret(accessKeyId)
  core.setSecret(secretAccessKey)
  core.exportVariable('AWS_ACCESS_KEY_ID', accessKeyId)
  core.exportVariable('AWS_SECRET_ACCESS_KEY', secretAccessKey)
  const requestHandler = proxyServer
    ? new NodeHttpHandler({ httpsAgent: new HttpsProxyAgent(proxyServer) })
    : undefined
  const sts = new STSClient({
    region,
    customUserAgent: 'configure-aws-credentials-for-github-actions',
    ...(requestHandler ? { requestHandler } : {})
  })
  const credentials = await sts.config.credentials()
  if (credentials.accessKeyId !== accessKeyId) throw new Error('Credentials could not be loaded')
  const identity = await sts.send(new GetCallerIdentityCommand({}))
  core.setOutput('aws-account-id', identity.Account)
}

run().catch(error => core.setFailed(error.message))
