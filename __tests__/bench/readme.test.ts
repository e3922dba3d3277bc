// The README's Performance section is generated from bench/results.json (written by
// `npm run bench`), never typed: it must be exactly what the results render to.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../../scripts/lib/action-runner.js'
import { END, START, withSection, type BenchResults } from '../../scripts/lib/bench-readme.js'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const results = JSON.parse(
  readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')
) as BenchResults

describe('README Performance section', () => {
  it('is what bench/results.json renders to (npm run bench -- --write-readme)', () => {
    const section = (text: string) => text.slice(text.indexOf(START), text.indexOf(END))
    expect(section(readme)).toBe(section(withSection(readme, results)))
  })

  it('holds the side-by-side start, the lab and the rollouts at N = 1, 10, 30, 50', () => {
    expect(results.main?.figures.firstRequest?.length).toBe(2)
    expect(results.main?.figures.synced?.length).toBeGreaterThanOrEqual(3)
    expect(results.fleet?.figures.map(f => f.n)).toEqual([1, 10, 30, 50])
    expect(results.fleet?.figures.every(f => f.runs >= 3)).toBe(true)
    expect(readme).toContain('### API budget per rollout')
  })
})
