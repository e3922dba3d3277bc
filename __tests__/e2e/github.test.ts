// The GitHub side, end to end: the bundle against the emulator and a local fake of the GitHub
// REST API (GITHUB_API_URL), as a pull-request run.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Emulator } from '../../emulator/index.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { pageContradictions } from '../../scripts/lib/page-truth.js'
import { DEFAULT_PROVISIONING_SECONDS } from '../../src/deploy/plan.js'
import { labEmulator, runStep, step, liveModelA, trafficSteps } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load, never
// on what it sees.
jest.setTimeout(600_000)

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
    // On stepped time the comment and status calls take no simulated time: the action is busy
    // while it makes them, and the service's clock waits.
    emulator = await labEmulator()
    github = await startFakeGitHub()
    await liveModelA(emulator)
  })
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
    // The deployment first; the comment created as the update starts, updated as each traffic
    // step row appears (T+0, step 1, step 2, the rollback) and with the verdict.
    expect(github.requests.map(r => r.route)).toEqual([
      'create-deployment',
      'create-status',
      'list-comments',
      'create-comment',
      ...Array<string>(5).fill('update-comment'),
      'create-status'
    ])
    const body = ours[0]!.body
    expect(body).toContain('sagemaker-blue-green-deploy:endpoint=lab-endpoint')
    expect(body).toContain('❌ Rolled back')
    expect(body).toContain(LAB_ERROR_ALARM)
    // The verdict's table: no poll fell in step 1's 5 s activation here (its row is its bake);
    // the alarm fires at the 09:21:00 evaluation (T+595 s).
    expect(body).toContain(
      [
        '| T+0 | 100% | 0% | deployment starts, green fleet provisioning |',
        '| T+8 min 5 s | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored |',
        '| T+9 min 5 s | 50% | 50% | step 2 of 4: 50% shifted to green, alarms monitored |',
        `| T+9 min 55 s | 100% | 0% | rolled back to blue: alarm ${LAB_ERROR_ALARM} in ALARM |`
      ].join('\n')
    )
    // Compact: the alarm that decided, linked, and the run whose page shows the job summary;
    // none of the rest of the job summary.
    expect(body).toContain(`- 🚨 [${LAB_ERROR_ALARM}](`)
    expect(body).toMatch(
      /the job summary of \[run \d+, attempt 1\]\(https:\/\/github\.com\/example-org\/fraud-models\/actions\/runs\/\d+\/attempts\/1\)/
    )
    for (const section of ['### Metrics', '### Resources', 'Event log', 'Final state']) {
      expect(body).not.toContain(section)
      expect(b.summary).toContain(section)
    }
    // While shifting: the alarms' current state and the next step the plan expects.
    const during = github.requests
      .filter(r => r.route === 'update-comment')
      .map(r => String((r.body as { body?: unknown }).body ?? ''))
      .find(text => text.includes('⏳ In progress') && /\| 25% \|/.test(text))
    expect(during).toBeDefined()
    expect(during).toContain('| Alarm | Watches | Current state |')
    expect(during).toMatch(/Next expected step: .+ at about T\+.+ \(from the plan\)\./)
    expect(during).not.toContain('Final state')
    expect(during).not.toContain('### Resources')
    // Every comment the run wrote agrees with itself, as the job summaries must.
    const comments = github.requests
      .filter(r => r.route === 'create-comment' || r.route === 'update-comment')
      .map(r => String((r.body as { body?: unknown }).body ?? ''))
    expect(comments.length).toBeGreaterThan(2)
    expect(comments.flatMap(text => pageContradictions(text))).toStrictEqual([])
    expect(body).toContain('(2026-11-30 09:<!-- -->')
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
  })

  it('a re-run updates the same comment', async () => {
    const before = github.comments.filter(c => c.issueNumber === PR).length
    const requests = github.requests.length
    emulator.advance(180) // the re-run comes 3 minutes later
    const e = await runStep(emulator, step('Model E'), {
      inputs: { 'github-token': github.token },
      env: { ...pullRequestEnv(github), GITHUB_RUN_ATTEMPT: '2' }
    })
    expect(e.outputs.outcome).toBe('deployed')
    const ours = github.comments.filter(c => c.issueNumber === PR)
    expect(ours).toHaveLength(before)
    expect(ours[0]!.body).toContain('✅ Deployed')
    expect(github.requests.filter(r => r.route === 'create-comment')).toHaveLength(1)
    // Found by its marker, then updated: as the update starts, at each of the six rows, and
    // with the verdict.
    expect(github.requests.slice(requests).map(r => r.route)).toEqual([
      'list-comments',
      ...Array<string>(8).fill('update-comment')
    ])
    // (No poll fell in step 1's 5 s activation: its row is its bake.) The step to 100 % bakes
    // only TerminationWaitInSeconds, 300 s (retained from B's deployment, where it was derived
    // from the alarms' detection time), then blue is decommissioned in 120 s: complete at
    // T+675 + 5 + 300 + 120 s.
    expect(trafficSteps(e).map(s => [s.offsetSeconds, s.greenPercent])).toEqual([
      [0, 0],
      [485, 25],
      [545, 50],
      [610, 75],
      [675, 100],
      [1100, 100]
    ])
  })

  it('a permission error is a warning with the fix, never a failed deployment', async () => {
    const denied = await startFakeGitHub()
    denied.failWith('list-comments', 403)
    denied.failWith('create-comment', 403)
    try {
      emulator.advance(180) // another run, 3 minutes later
      const r = await runStep(emulator, step('Model E'), {
        inputs: {
          'github-token': denied.token,
          'model-data-url': 's3://lab-models/model-a/model.tar.gz'
        },
        env: { ...pullRequestEnv(denied), GITHUB_RUN_ID: '1004' }
      })
      expect(r.outputs.outcome).toBe('deployed')
      expect(r.code).toBe(0)
      // Said once, with the fix; the comment is not tried again after the refusal.
      expect(r.stdout.split('\n').filter(line => line.startsWith('::warning::'))).toEqual([
        '::warning::Could not update the pull request comment (403 Resource not accessible by integration). Give the job "permissions: pull-requests: write" (pull requests from forks only get a read-only token), or set pr-comment: false.'
      ])
      expect(denied.requests.map(q => q.route)).toEqual(['list-comments'])
      expect(denied.comments).toHaveLength(0)
    } finally {
      await denied.close()
    }
  })
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
  })

  it('says it does not know whether the endpoint exists when credentials are refused', async () => {
    const emulator = await labEmulator({ allowedActions: [] })
    try {
      const r = await runStep(emulator, step('Model A'), { inputs: { 'dry-run': 'true' } })
      expect(r.code).toBe(0)
      expect(r.outputs.outcome).toBe('planned')
      expect(r.stdout.split('\n').filter(line => line.startsWith('::warning::'))).toEqual([
        '::warning::Could not read endpoint lab-endpoint (DescribeEndpoint failed: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/emulator-deploy-role/emulator-session is not authorized to perform: sagemaker:DescribeEndpoint on resource: arn:aws:sagemaker:us-east-1:123456789012:endpoint/lab-endpoint because no identity-based policy allows the sagemaker:DescribeEndpoint action), so this plan does not know whether it exists. The role needs the permissions in docs/iam-policy.json.'
      ])
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
  })
})
