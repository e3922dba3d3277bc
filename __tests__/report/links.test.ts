import { describe, it, expect } from '@jest/globals'
import {
  alarmUrl,
  commitUrl,
  consoleOrigin,
  endpointConfigUrl,
  endpointUrl,
  modelUrl,
  runUrl
} from '../../src/report/links.js'
import { run } from './fixtures.js'

describe('console links', () => {
  it('point at the region of the endpoint', () => {
    expect(endpointUrl('eu-west-1', 'lab-endpoint')).toBe(
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/endpoints/lab-endpoint'
    )
    expect(endpointConfigUrl('ap-southeast-2', 'cfg-1')).toBe(
      'https://ap-southeast-2.console.aws.amazon.com/sagemaker/home?region=ap-southeast-2#/endpointConfig/cfg-1'
    )
    expect(modelUrl('us-east-1', 'model-b')).toBe(
      'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/models/model-b'
    )
  })

  it('link CloudWatch alarms with the name encoded', () => {
    expect(alarmUrl('eu-west-1', 'lab endpoint/5xx #1')).toBe(
      'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/lab%20endpoint%2F5xx%20%231'
    )
  })

  it('encode every component, so a name cannot change the target', () => {
    const url = endpointUrl('eu-west-1', '../x?region=us-east-1#/evil')
    expect(url).toBe(
      'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/endpoints/..%2Fx%3Fregion%3Dus-east-1%23%2Fevil'
    )
  })

  it('use the China and GovCloud consoles for those partitions', () => {
    expect(consoleOrigin('cn-north-1')).toBe('https://console.amazonaws.cn')
    expect(endpointUrl('us-gov-west-1', 'e')).toBe(
      'https://console.amazonaws-us-gov.com/sagemaker/home?region=us-gov-west-1#/endpoints/e'
    )
  })

  it('encode a hostile region', () => {
    expect(consoleOrigin('evil.example/x')).toBe('https://evil.example%2Fx.console.aws.amazon.com')
  })
})

describe('run links', () => {
  it('link the run attempt', () => {
    expect(runUrl(run)).toBe('https://github.com/acme/ml-models/actions/runs/9876543210/attempts/2')
  })

  it('work on GitHub Enterprise Server with a trailing slash', () => {
    expect(runUrl({ ...run, serverUrl: 'https://ghe.example/', runAttempt: '' })).toBe(
      'https://ghe.example/acme/ml-models/actions/runs/9876543210/attempts/1'
    )
  })

  it('encode repository and run id components', () => {
    expect(runUrl({ ...run, repository: 'a b/c#d', runId: '1?x' })).toBe(
      'https://github.com/a%20b/c%23d/actions/runs/1%3Fx/attempts/2'
    )
  })

  it('give no link for a server URL that is not http(s)', () => {
    expect(runUrl({ ...run, serverUrl: 'javascript:alert(1)' })).toBeUndefined()
    expect(commitUrl({ ...run, serverUrl: 'javascript:alert(1)' })).toBeUndefined()
  })

  it('link the commit', () => {
    expect(commitUrl(run)).toBe(`https://github.com/acme/ml-models/commit/${run.sha}`)
    expect(commitUrl({ ...run, sha: '' })).toBeUndefined()
  })
})
