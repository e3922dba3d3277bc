import { show, type Reader } from './parsers.js'
import type { RunContext } from '../types.js'

// Where the action runs: the AWS region (input or environment) and the GitHub run context.

export type Env = Record<string, string | undefined>

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/

export function readRegion(r: Reader, env: Env): string {
  const fromInput = r.v('region')
  const region = fromInput || env['AWS_REGION']?.trim() || env['AWS_DEFAULT_REGION']?.trim() || ''
  if (region === '') {
    r.p.add(
      'region',
      'Input "region" is required: set it, or set AWS_REGION or AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials does).'
    )
  } else if (region.length > 32 || !REGION_PATTERN.test(region)) {
    const source = fromInput ? '' : ' (taken from AWS_REGION / AWS_DEFAULT_REGION)'
    r.p.add(
      'region',
      `Input "region"${source} must be an AWS region such as us-east-1 or eu-west-2, got ${show(region)}.`
    )
  }
  return region
}

export function readRun(env: Env): RunContext {
  const get = (name: string, fallback: string): string => env[name]?.trim() || fallback
  return {
    repository: get('GITHUB_REPOSITORY', 'local'),
    sha: get('GITHUB_SHA', '0000000'),
    runId: get('GITHUB_RUN_ID', '0'),
    runAttempt: get('GITHUB_RUN_ATTEMPT', '1'),
    workflow: get('GITHUB_WORKFLOW', 'local'),
    serverUrl: get('GITHUB_SERVER_URL', 'https://github.com').replace(/\/+$/, ''),
    eventName: get('GITHUB_EVENT_NAME', 'local'),
    ref: get('GITHUB_REF', ''),
    actor: get('GITHUB_ACTOR', 'local')
  }
}
