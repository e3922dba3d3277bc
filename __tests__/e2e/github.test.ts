// The GitHub side, end to end: the bundle against the emulator and a local fake of the GitHub
// REST API (GITHUB_API_URL), as a pull-request run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../../emulator/index.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { DEFAULT_PROVISIONING_SECONDS } from '../../src/plan.js'
import { firstStepRow, labEmulator, runStep, step, liveModelA } from './helpers.js'

const PR = 17

function pullRequestEnv(github: FakeGitHub): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'event-'))
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: PR }, number: PR }))
  return {
    GITHUB_API_URL: github.url,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'example-org/fraud-models'
  }
}

describe('pull request comment and deployment status', () => {
  let emulator: Emulator
  let github: FakeGitHub

  beforeAll(async () => {
    // A slower clock than the lab's: the comment and status calls between polls take real time,
    // and an alarm's minutes in ALARM must still outlast them.
    emulator = await labEmulator()
    github = await startFakeGitHub()
    await liveModelA(emulator)
  }, 60_000)
  afterAll(async () => {
    await emulator.close()
    await github.close()
  })

  it('one comment is created, then updated in place at each step and at the verdict', async () => {
    const b = await runStep(emulator, step('Model B'), {
      inputs: { 'github-token': github.token, 'github-deployment': 'true' },
      env: pullRequestEnv(github)
    })
    expect(b.outputs.outcome).toBe('rolled-back')
    const ours = github.comments.filter(c => c.issueNumber === PR)
    expect(ours).toHaveLength(1)
    const creates = github.requests.filter(r => r.route === 'create-comment')
    const updates = github.requests.filter(r => r.route === 'update-comment')
    expect(creates).toHaveLength(1)
    expect(updates.length).toBeGreaterThanOrEqual(2)
    const body = ours[0]!.body
    expect(body).toContain('sagemaker-blue-green-deploy:endpoint=lab-endpoint')
    expect(body).toContain('❌ Rolled back')
    expect(body).toContain(LAB_ERROR_ALARM)
    expect(body).toMatch(firstStepRow())
    // The token authenticates but never appears in anything written.
    expect(github.requests.every(r => r.authorization?.includes(github.token))).toBe(true)
    expect(body).not.toContain(github.token)
    // Only the ::add-mask:: command (which tells the runner to mask it) carries the token.
    const leaking = b.stdout.split('\n').filter(l => l.includes(github.token))
    expect(leaking).toEqual([`::add-mask::${github.token}`])
    expect(b.summary).not.toContain(github.token)
    // GitHub deployment: created for the commit, in_progress, then failure.
    expect(github.deployments).toHaveLength(1)
    expect(github.statuses.map(s => s.request.state)).toEqual(['in_progress', 'failure'])
  }, 60_000)

  it('a re-run updates the same comment', async () => {
    const before = github.comments.filter(c => c.issueNumber === PR).length
    emulator.advance(180)
    const e = await runStep(emulator, step('Model E'), {
      inputs: { 'github-token': github.token },
      env: { ...pullRequestEnv(github), GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(e.outputs.outcome).toBe('deployed')
    const ours = github.comments.filter(c => c.issueNumber === PR)
    expect(ours).toHaveLength(before)
    expect(ours[0]!.body).toContain('✅ Deployed')
    expect(github.requests.filter(r => r.route === 'create-comment')).toHaveLength(1)
  }, 60_000)

  it('a permission error is a warning with the fix, never a failed deployment', async () => {
    const denied = await startFakeGitHub()
    denied.failWith('list-comments', 403)
    denied.failWith('create-comment', 403)
    try {
      emulator.advance(180)
      const r = await runStep(emulator, step('Model E'), {
        inputs: {
          'github-token': denied.token,
          'model-data-url': 's3://lab-models/model-a/model.tar.gz'
        },
        env: { ...pullRequestEnv(denied), GITHUB_RUN_ID: '1004' }
      })
      expect(r.outputs.outcome).toBe('deployed')
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/::warning::.*pull-requests: write/)
      expect(r.stdout.match(/::warning::Could not update the pull request comment/g)).toHaveLength(
        1
      )
      expect(denied.comments).toHaveLength(0)
    } finally {
      await denied.close()
    }
  }, 60_000)
})

describe('plan mode (dry-run)', () => {
  it('changes nothing and renders the lab plan', async () => {
    const emulator = await labEmulator()
    const github = await startFakeGitHub()
    try {
      await liveModelA(emulator)
      const before = emulator.mutatingCalls().length
      const r = await runStep(emulator, step('Model B'), {
        inputs: {
          'dry-run': 'true',
          'github-token': github.token,
          environment: 'LOG_LEVEL=info\nPAYMENT_API_KEY=sk_live_DoNotShowMe123'
        },
        env: pullRequestEnv(github)
      })
      // Environment values may be credentials: keys are shown, values never.
      for (const text of [
        r.stdout,
        r.summary,
        r.outputs.plan ?? '',
        ...github.comments.map(c => c.body)
      ]) {
        expect(text).not.toContain('sk_live_DoNotShowMe123')
      }
      expect(r.outputs.plan).toContain('PAYMENT_API_KEY')
      expect(r.code).toBe(0)
      expect(r.outputs.outcome).toBe('planned')
      expect(emulator.mutatingCalls()).toHaveLength(before)
      const plan = JSON.parse(r.outputs.plan ?? '{}') as {
        schedule: { offsetSeconds: number; greenPercent: number }[]
      }
      // The plan expects the first shift after provisioning, then one per bake of 60 s.
      const p = DEFAULT_PROVISIONING_SECONDS
      expect(plan.schedule.map(s => [s.offsetSeconds, s.greenPercent])).toEqual([
        [0, 0],
        [p, 25],
        [p + 60, 50],
        [p + 120, 75],
        [p + 180, 100]
      ])
      expect(r.summary).toContain('📝 Planned')
      expect(r.summary).toContain(`| T+${p / 60} min | 75% | 25% |`)
      expect(r.summary).toContain(LAB_ERROR_ALARM)
      // The plan is what reviewers see on the pull request.
      expect(github.comments).toHaveLength(1)
      expect(github.comments[0]!.body).toContain('📝 Planned')
    } finally {
      await emulator.close()
      await github.close()
    }
  }, 60_000)

  it('says it does not know whether the endpoint exists when credentials are refused', async () => {
    const emulator = await labEmulator({ allowedActions: [] })
    try {
      const r = await runStep(emulator, step('Model A'), { inputs: { 'dry-run': 'true' } })
      expect(r.code).toBe(0)
      expect(r.outputs.outcome).toBe('planned')
      expect(r.stdout).toMatch(
        /::warning::Could not read endpoint lab-endpoint \(DescribeEndpoint failed: AccessDeniedException: .*\), so this plan does not know whether it exists\./
      )
      // Never the confident (and possibly wrong) "does not exist: this run creates it".
      expect(r.stdout).not.toMatch(/does not exist/)
      expect(r.summary).toMatch(/^## 📝 Planned, endpoint state unknown: /)
      expect(r.summary).toContain(
        'If it exists, it would be updated with a blue/green shift from its live config, which could not be read; if it does not, it would be created as planned here.'
      )
      expect(emulator.mutatingCalls()).toHaveLength(0)
    } finally {
      await emulator.close()
    }
  }, 60_000)
})
