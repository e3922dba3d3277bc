// No part of a container environment value ever reaches what the action writes: the log (stdout
// and stderr), the outputs, the job summary, the pull-request comment and the deployment status,
// on every input-error path and when a service error echoes the request back.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { pool } from '../robustness/helpers.js'
import { labEmulator, plainE, runStep, withModelA } from './helpers.js'

/** Credentials as they appear in real workflows: base64 with padding, symbols, a URL. */
const SECRETS = [
  'c2VjcmV0LXRva2VuLTkwOTAxMjM0NTY3OA==',
  'p@ss:w0rd%with spaces&amp;\\back`tick*',
  'postgres://svc:Zx9#qL2!vT@db.internal:5432/app',
  'AKIAEXAMPLESECRET123=="quoted"'
]

/** Every fragment of 8 or more characters of every secret (8 is enough: longer ones contain one). */
function fragments(): string[] {
  const all = new Set<string>()
  for (const secret of SECRETS) {
    for (let i = 0; i + 8 <= secret.length; i++) all.add(secret.slice(i, i + 8))
  }
  return [...all]
}

function leaks(text: string): string[] {
  return fragments().filter(fragment => text.includes(fragment))
}

function everythingWritten(r: ActionResult, github?: FakeGitHub): string {
  const github_ = github
    ? [
        ...github.comments.map(c => c.body),
        ...github.requests.map(req => JSON.stringify(req.body ?? ''))
      ]
    : []
  return [r.stdout, r.stderr, r.summary, JSON.stringify(r.outputs), ...github_].join('\n')
}

const base = {
  'endpoint-name': 'lab-endpoint',
  region: 'us-east-1',
  'model-data-url': labModel('e'),
  'image-uri': LAB_IMAGE,
  'execution-role-arn': LAB_ROLE,
  'pr-comment': 'false'
}

/** Environment inputs that are wrong in every way a person writes them, each holding secrets. */
const ENVIRONMENTS: [string, string][] = [
  ['YAML style', SECRETS.map((s, i) => `KEY_${i}: ${s}`).join('\n')],
  ['no "="', SECRETS.join('\n')],
  ['starts with "="', SECRETS.map(s => `=${s}`).join('\n')],
  ['secret where the key goes', SECRETS.map(s => `${s}=value`).join('\n')],
  ['key with a space', SECRETS.map((s, i) => `MY KEY${i}=${s}`).join('\n')],
  ['duplicate keys', SECRETS.map(s => `TOKEN=${s}`).join('\n')],
  ['value too long', SECRETS.map((s, i) => `K${i}=${s.repeat(40)}`).join('\n')],
  [
    'too many entries',
    Array.from({ length: 101 }, (_, i) => `K${i}=${SECRETS[i % SECRETS.length]}`).join('\n')
  ],
  ['valid, with an existing model', SECRETS.map((s, i) => `K${i}=${s}`).join('\n')],
  ['valid, other inputs wrong', SECRETS.map((s, i) => `K${i}=${s}`).join('\n')]
]

function inputsFor(label: string, environment: string): Record<string, string> {
  if (label === 'valid, with an existing model') {
    return { 'endpoint-name': 'lab-endpoint', region: 'us-east-1', 'model-name': 'm', environment }
  }
  if (label === 'valid, other inputs wrong') {
    return { ...base, environment, 'instance-count': 'many', 'step-size': '300%', tags: 'a b' }
  }
  return { ...base, environment }
}

describe('input errors with secrets in the environment input', () => {
  let results: [string, ActionResult][]
  beforeAll(async () => {
    results = await pool(ENVIRONMENTS, 4, async ([label, environment]) => {
      const r = await runAction({ inputs: inputsFor(label, environment) })
      return [label, r] as [string, ActionResult]
    })
  }, 120_000)

  it('every case is refused, naming the input', () => {
    for (const [label, r] of results) {
      expect([label, r.code, r.outputs.outcome]).toEqual([label, 1, 'failed'])
      expect(r.stdout).toMatch(/::error::Input "[a-z-]+"/)
    }
  })

  it('no fragment of a secret in the log, the outputs or the summary', () => {
    const found = results.map(([label, r]) => [label, leaks(everythingWritten(r))])
    expect(found).toEqual(results.map(([label]) => [label, []]))
  })
})

describe('a service error that echoes the container environment back', () => {
  let result: ActionResult
  let github: FakeGitHub
  afterAll(() => github.close())
  beforeAll(async () => {
    github = await startFakeGitHub()
    const emulator = await labEmulator()
    try {
      await withModelA(emulator)
      emulator.setScenario({
        faults: [
          {
            operation: 'CreateModel',
            failRate: 1,
            times: 1,
            fail: {
              code: 'ValidationException',
              message: `1 validation error detected: Value '{K0=${SECRETS[0]}, K1=${SECRETS[1]}, K2=${SECRETS[2]}, K3=${SECRETS[3]}}' at 'primaryContainer.environment' failed to satisfy constraint.`
            }
          }
        ]
      })
      const dir = mkdtempSync(join(tmpdir(), 'event-'))
      writeFileSync(
        join(dir, 'event.json'),
        JSON.stringify({ pull_request: { number: 5 }, number: 5 })
      )
      result = await runStep(emulator, plainE(), {
        inputs: {
          environment: SECRETS.map((s, i) => `K${i}=${s}`).join('\n'),
          'github-token': github.token,
          'github-deployment': 'true'
        },
        env: {
          GITHUB_RUN_ID: '9901',
          GITHUB_API_URL: github.url,
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: join(dir, 'event.json')
        }
      })
    } finally {
      await emulator.close()
    }
  }, 120_000)

  it('fails the launch, and the comment and deployment status were written', () => {
    expect(result.outputs.outcome).toBe('failed')
    expect(result.code).toBe(1)
    expect(result.summary).toMatch(
      /CreateModel failed: ValidationException: 1 validation error detected: Value '\{K0=\*\*\*/
    )
    expect(github.comments).toHaveLength(1)
    // In progress, then the failure.
    expect(github.statuses.map(s => s.request.state)).toEqual(['in_progress', 'failure'])
  })

  it('no fragment of a secret anywhere it wrote', () => {
    expect(leaks(everythingWritten(result, github))).toEqual([])
  })
})
