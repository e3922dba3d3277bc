// examples/many-endpoints.yml's gate, run as the runner runs it: each leg's "record" script
// writes its outcome file, and the final job's check (bash) must pass only when every leg of
// the matrix reported and every one deployed.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import yaml from 'js-yaml'
import { ROOT } from '../../scripts/lib/action-runner.js'

interface Step {
  name?: string
  run?: string
  uses?: string
  if?: string
  env?: Record<string, string>
  with?: Record<string, unknown>
}
interface Job {
  needs?: string
  if?: string
  strategy?: { 'fail-fast'?: boolean; 'max-parallel'?: number; matrix: Record<string, string[]> }
  concurrency?: { group: string; 'cancel-in-progress': boolean }
  steps: Step[]
}
const workflow = yaml.load(readFileSync(join(ROOT, 'examples', 'many-endpoints.yml'), 'utf8')) as {
  jobs: Record<string, Job>
}
const deploy = workflow.jobs.deploy!
const gate = workflow.jobs['all-deployed']!
const record = deploy.steps.find(s => s.name === "Record this leg's outcome")!
const check = gate.steps.find(s => s.name === "Check every leg's outcome")!

const matrix = deploy.strategy!.matrix
const legs = matrix.region!.flatMap(region =>
  matrix.endpoint!.map(endpoint => ({ region, endpoint }))
)

function bash(script: string, cwd: string, env: Record<string, string>) {
  const r = spawnSync('bash', ['-e', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    // No stdin: on a socket (a pipe's default), bash takes itself for a remote shell's and
    // reads ~/.bashrc, which can take seconds (pyenv) and is not what the runner does.
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8'
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Runs the record script of each leg (outcome, or none for a leg that never set one). */
function recordLegs(dir: string, outcomes: (string | undefined)[]): void {
  legs.forEach((leg, i) => {
    const leg_ = `${leg.region}-${leg.endpoint}`
    const outcome = outcomes[i]
    if (outcome === 'missing') return // the leg never uploaded (cancelled, never started)
    const work = join(dir, `leg-${i}`)
    mkdirSync(work)
    const r = bash(record.run!, work, {
      LEG: leg_,
      OUTCOME: outcome ?? '',
      LEGS: String(legs.length)
    })
    expect(r.code).toBe(0)
    // download-artifact with merge-multiple: every leg's outcome/ merged into one folder.
    mkdirSync(join(dir, 'gate', 'outcome'), { recursive: true })
    writeFileSync(
      join(dir, 'gate', 'outcome', `${leg_}.txt`),
      readFileSync(join(work, 'outcome', `${leg_}.txt`))
    )
  })
}

function runGate(outcomes: (string | undefined)[]) {
  const dir = mkdtempSync(join(tmpdir(), 'many-endpoints-'))
  try {
    mkdirSync(join(dir, 'gate'))
    recordLegs(dir, outcomes)
    const summary = join(dir, 'summary.md')
    writeFileSync(summary, '')
    const r = bash(check.run!, join(dir, 'gate'), { GITHUB_STEP_SUMMARY: summary })
    return { ...r, summary: readFileSync(summary, 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('examples/many-endpoints.yml', () => {
  it('runs every leg to its own verdict, one rollout per endpoint and region at a time', () => {
    expect(legs).toHaveLength(4)
    expect(deploy.strategy).toMatchObject({ 'fail-fast': false, 'max-parallel': 10 })
    expect(deploy.concurrency).toEqual({
      group: 'sagemaker-${{ matrix.region }}-${{ matrix.endpoint }}',
      'cancel-in-progress': false
    })
    expect(record.if).toBe('always()')
    expect(deploy.steps.find(s => s.uses?.startsWith('actions/upload-artifact@'))?.if).toBe(
      'always()'
    )
    expect(gate).toMatchObject({ needs: 'deploy', if: 'always()' })
  })

  it('the gate passes when every leg deployed, with a table of the legs in the summary', () => {
    const r = runGate(legs.map(() => 'deployed'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('All 4 legs deployed.')
    expect(r.summary).toContain('| us-east-1-fraud-scorer | deployed |')
    expect(r.summary).toContain('| eu-west-1-churn-scorer | deployed |')
  })

  it('fails on a rolled-back leg and names it; the other legs still count', () => {
    const r = runGate(['deployed', 'rolled-back', 'deployed', 'deployed'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error::us-east-1-churn-scorer: rolled-back')
    expect(r.stdout).toContain('::error::1 of 4 legs did not deploy')
  })

  it('a leg with no outcome output (it crashed before setting one) is not deployed', () => {
    const r = runGate(['deployed', 'deployed', undefined, 'deployed'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error::eu-west-1-fraud-scorer: none')
  })

  it('fails when a leg never reported (cancelled or never started), even if the rest deployed', () => {
    const r = runGate(['deployed', 'missing', 'deployed', 'deployed'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error::3 of 4 legs reported an outcome')
  })

  it('fails when no leg reported at all', () => {
    const r = runGate(['missing', 'missing', 'missing', 'missing'])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('::error::0 of ? legs reported an outcome')
  })
})
