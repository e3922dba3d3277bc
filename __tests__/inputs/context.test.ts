import { describe, expect, it } from '@jest/globals'
import { Problems, type Reader } from '../../src/inputs/parsers.js'
import { readRegion, readRun, type Env } from '../../src/inputs/context.js'

/** The region read from the input value and environment given, with the problems it reported. */
function region(input: string, env: Env): { region: string; problems: Problems['list'] } {
  const p = new Problems()
  const r: Reader = { v: name => (name === 'region' ? input : ''), p }
  return { region: readRegion(r, env), problems: p.list }
}

describe('readRegion', () => {
  it('takes the input first, then AWS_REGION, then AWS_DEFAULT_REGION, trimmed', () => {
    expect(region('ap-southeast-5', { AWS_REGION: 'eu-west-1' })).toEqual({
      region: 'ap-southeast-5',
      problems: []
    })
    expect(region('', { AWS_REGION: ' eu-west-1\n', AWS_DEFAULT_REGION: 'us-west-2' })).toEqual({
      region: 'eu-west-1',
      problems: []
    })
    expect(region('', { AWS_REGION: '  ', AWS_DEFAULT_REGION: '\tus-gov-west-1 ' })).toEqual({
      region: 'us-gov-west-1',
      problems: []
    })
  })

  it('names the input and both variables when no region is set anywhere', () => {
    expect(region('', { AWS_REGION: ' ', AWS_DEFAULT_REGION: '' })).toEqual({
      region: '',
      problems: [
        {
          input: 'region',
          message:
            'Input "region" is required: set it, or set AWS_REGION or AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials does).'
        }
      ]
    })
  })

  it('rejects a malformed region, saying when it came from the environment', () => {
    expect(region('useast1', {}).problems).toEqual([
      {
        input: 'region',
        message:
          'Input "region" must be an AWS region such as us-east-1 or eu-west-2, got "useast1".'
      }
    ])
    expect(region('', { AWS_DEFAULT_REGION: 'Europe' }).problems).toEqual([
      {
        input: 'region',
        message:
          'Input "region" (taken from AWS_REGION / AWS_DEFAULT_REGION) must be an AWS region such as us-east-1 or eu-west-2, got "Europe".'
      }
    ])
  })

  it('accepts a region of 32 characters and rejects one of 33', () => {
    const of32 = `us-${'a'.repeat(27)}-1`
    const of33 = `us-${'a'.repeat(28)}-1`
    expect([of32.length, of33.length]).toEqual([32, 33])
    expect(region(of32, {}).problems).toEqual([])
    expect(region(of33, {}).problems).toEqual([
      {
        input: 'region',
        message: `Input "region" must be an AWS region such as us-east-1 or eu-west-2, got "${of33}".`
      }
    ])
  })
})

describe('readRun', () => {
  it('reads every GitHub variable, trimmed, and drops trailing slashes of the server URL', () => {
    expect(
      readRun({
        GITHUB_REPOSITORY: ' o/r ',
        GITHUB_SHA: 'f'.repeat(40),
        GITHUB_RUN_ID: '9',
        GITHUB_RUN_ATTEMPT: '3',
        GITHUB_WORKFLOW: 'deploy',
        GITHUB_SERVER_URL: 'https://ghe.example.com//',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_ACTOR: 'octocat'
      })
    ).toEqual({
      repository: 'o/r',
      sha: 'f'.repeat(40),
      runId: '9',
      runAttempt: '3',
      workflow: 'deploy',
      serverUrl: 'https://ghe.example.com',
      eventName: 'workflow_dispatch',
      ref: 'refs/heads/main',
      actor: 'octocat'
    })
  })

  it('falls back for each variable unset or blank', () => {
    const local = {
      repository: 'local',
      sha: '0000000',
      runId: '0',
      runAttempt: '1',
      workflow: 'local',
      serverUrl: 'https://github.com',
      eventName: 'local',
      ref: '',
      actor: 'local'
    }
    expect(readRun({})).toEqual(local)
    expect(readRun({ GITHUB_SHA: ' ', GITHUB_WORKFLOW: '', GITHUB_ACTOR: '\n' })).toEqual(local)
  })
})
