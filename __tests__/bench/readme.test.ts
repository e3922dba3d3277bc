// docs/performance.md's generated section is rendered from bench/results.json (written by
// `npm run bench`), never typed: it must be exactly what the results render to, and every part
// of it names the commit its figures were measured on. The README keeps no benchmark target.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../../scripts/lib/action-runner.js'
import {
  commitText,
  END,
  PAGE,
  renderSection,
  START,
  withSection,
  type BenchResults
} from '../../scripts/lib/bench-readme.js'

const page = readFileSync(join(ROOT, PAGE), 'utf8')
const results = JSON.parse(
  readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')
) as BenchResults

describe('the performance page (docs/performance.md)', () => {
  it('is what bench/results.json renders to (npm run bench -- --write-docs)', () => {
    expect(PAGE).toBe('docs/performance.md')
    expect(page).toContain(START)
    expect(page).toContain(END)
    expect(withSection(page, results)).toBe(page)
  })

  it('is where the targets are: the README has no benchmark section and no missed target', () => {
    const top = readFileSync(join(ROOT, 'README.md'), 'utf8')
    expect(top).not.toContain(START)
    expect(top).not.toContain('❌')
  })

  it('holds the side-by-side start, the lab on stepped time and the rollouts at N = 1, 10, 50', () => {
    expect(results.main?.figures.firstRequest?.length).toBe(2)
    expect(results.main?.figures.lab?.length).toBeGreaterThanOrEqual(3)
    expect(results.main?.figures.lab?.every(run => run.steps.length === 3)).toBe(true)
    expect(results.fleet?.figures.map(f => f.n)).toEqual([1, 10, 50])
    expect(results.fleet?.figures.every(f => f.runs >= 3)).toBe(true)
    expect(page).toContain('### API budget per rollout')
  })

  it('holds the blast radius of B with the defaults and of model D before and after the final-bake default', () => {
    const lab = results.main?.figures.lab ?? []
    expect(lab.every(run => run.steps.every(s => s.blastRadius !== undefined))).toBe(true)
    expect(lab.map(run => [run.regression?.before.name, run.regression?.after.name])).toEqual(
      lab.map(() => ['Model D', 'Model D, defaults'])
    )
    for (const row of [
      '| Blast radius, Model B (defaults) | green served ',
      '| Blast radius, Model D (fails only at full traffic) before: no final bake (`termination-wait: 0`, accepted) | ',
      "| Blast radius, Model D after: the defaults (final bake derived from the alarms' detection time, 300 s) | "
    ])
      expect(page).toContain(row)
    expect(page).toContain('The blast radius is what the new model (green) served')
  })

  it('names the commit each part was measured on, next to its figures', () => {
    for (const part of [results.main, results.fleet]) {
      expect(part?.commit.sha).toMatch(/^[0-9a-f]{7,40}$/)
      expect(page).toContain(commitText(part!.commit))
    }
  })
})

describe('commitText', () => {
  it('says when the tree had uncommitted changes, how many files and how many were inputs', () => {
    const commit = (changedFiles: number, changedInputs: number) => ({
      sha: 'abc1234',
      dirty: changedFiles > 0,
      changedFiles,
      changedInputs
    })
    expect(commitText(commit(0, 0))).toBe('commit `abc1234`')
    expect(commitText(commit(1, 0))).toBe(
      'commit `abc1234` with uncommitted changes to 1 file (none of them inputs of these figures)'
    )
    expect(commitText(commit(12, 3))).toBe(
      'commit `abc1234` with uncommitted changes to 12 files (3 of them inputs of these figures)'
    )
  })

  it('is rendered into both parts of the section', () => {
    if (!results.main || !results.fleet) throw new Error('bench/results.json lacks a part')
    const text = renderSection({
      main: {
        ...results.main,
        commit: { sha: '0123abc', dirty: false, changedFiles: 0, changedInputs: 0 }
      },
      fleet: {
        ...results.fleet,
        commit: { sha: '4567def', dirty: true, changedFiles: 2, changedInputs: 1 }
      }
    })
    expect(text).toContain('commit `0123abc`, on a shared')
    expect(text).toContain(
      'commit `4567def` with uncommitted changes to 2 files (1 of them inputs of these figures),'
    )
  })
})
