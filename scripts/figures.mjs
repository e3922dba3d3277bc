#!/usr/bin/env node
// Measured figures that cannot go stale. Each generated figure (test timings, the flake hunt, the
// benchmark, the mutation scores) records the commit it was measured on in reports/measured.json;
// `--check` (run by .ci/run) fails when a file the figure depends on changed since that commit, or
// when it was measured on uncommitted changes to those files, and names the command that measures
// it again. The figures that are cheap to compute exactly (the README's input/output tables, the
// bundle sizes) are not listed here: `scripts/readme-tables.mjs --check` recomputes them.
//
//   node scripts/figures.mjs --record <figure>   after measuring: this commit (and whether the
//                                                figure's inputs had uncommitted changes)
//   node scripts/figures.mjs --check             exit 1 when a figure is stale
//   node scripts/figures.mjs                     list the figures and their state
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CORE } from '../stryker.config.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
export const MANIFEST = 'reports/measured.json'

/** What each figure depends on (git pathspecs) and how to measure it again. */
const TESTS = [
  'src',
  'emulator',
  '__tests__',
  'jest.config.js',
  'jest.unit.config.js',
  'scripts/lib/action-runner.ts',
  'scripts/lib/lab.ts',
  'package-lock.json'
]
const BENCH = [
  'src',
  'dist',
  'emulator',
  'bench/peers',
  'scripts/bench.ts',
  'scripts/lib/bench-*',
  'scripts/lib/lab.ts',
  'scripts/lib/action-runner.ts',
  'package-lock.json'
]
export const FIGURES = {
  'test-timings': {
    inputs: TESTS,
    command: 'node scripts/test-timings.mjs --measure'
  },
  'test-stress': {
    inputs: [...TESTS, 'scripts/test-stress.mjs'],
    command: 'npm run test:stress -- --runs 10'
  },
  // The bench runs the committed bundle through the lab's steps and the runner's way of starting
  // it; the peers' start-up is measured from bench/peers.
  bench: {
    inputs: BENCH,
    command: 'npm run bench -- --write-docs'
  },
  'bench-concurrency': {
    inputs: BENCH,
    command: 'npm run bench -- --concurrency 1,10,50 --write-docs'
  },
  mutation: {
    // Git pathspecs: Stryker's exclusions (!path) become git's (:(exclude)path).
    inputs: [...CORE.map(p => p.replace(/^!/, ':(exclude)')), 'stryker.config.mjs'],
    command: 'npm run mutate && node scripts/mutation-scores.mjs --write'
  }
}

const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' })

export function readManifest() {
  const path = `${root}${MANIFEST}`
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}
}

/** The commit a figure is measured on now, and whether its inputs differ from it. */
export function measuredAt(figure) {
  const { inputs } = FIGURES[figure]
  const commit = git('rev-parse', 'HEAD').stdout.trim()
  const dirty = git('status', '--porcelain', '--', ...inputs).stdout.trim() !== ''
  return { commit, dirty, date: new Date().toISOString() }
}

export function record(figure) {
  if (!FIGURES[figure])
    throw new Error(`Unknown figure ${figure}: ${Object.keys(FIGURES).join(', ')}`)
  const manifest = { ...readManifest(), [figure]: measuredAt(figure) }
  const sorted = Object.fromEntries(
    Object.keys(manifest)
      .sort()
      .map(k => [k, manifest[k]])
  )
  writeFileSync(`${root}${MANIFEST}`, `${JSON.stringify(sorted, null, 2)}\n`)
  return manifest[figure]
}

/** Why a figure is stale, or undefined when it is not. */
export function staleness(figure, manifest = readManifest()) {
  const { inputs } = FIGURES[figure]
  const at = manifest[figure]
  if (!at) return 'never measured'
  if (at.dirty) return `measured on uncommitted changes to its inputs (at ${at.commit.slice(0, 7)})`
  if (git('cat-file', '-e', `${at.commit}^{commit}`).status !== 0) {
    // A shallow clone cannot tell; a full one that lacks the commit measured elsewhere.
    if (git('rev-parse', '--is-shallow-repository').stdout.trim() === 'true') return undefined
    return `measured on ${at.commit.slice(0, 7)}, a commit this clone does not have`
  }
  const changed = git('diff', '--name-only', at.commit, 'HEAD', '--', ...inputs)
    .stdout.trim()
    .split('\n')
    .filter(Boolean)
  if (changed.length === 0) return undefined
  const shown = changed.slice(0, 5).join(', ')
  return `${changed.length} input file(s) changed since ${at.commit.slice(0, 7)} (${shown}${changed.length > 5 ? ', …' : ''})`
}

function main() {
  const [mode, name] = process.argv.slice(2)
  if (mode === '--record') {
    const at = record(name)
    console.log(
      `${name}: measured on ${at.commit.slice(0, 7)}${at.dirty ? ' (inputs had uncommitted changes)' : ''}`
    )
    return
  }
  const manifest = readManifest()
  let stale = 0
  for (const figure of Object.keys(FIGURES)) {
    const why = staleness(figure, manifest)
    if (why === undefined) {
      console.log(`${figure}: up to date (measured on ${manifest[figure].commit.slice(0, 7)})`)
      continue
    }
    stale++
    console.log(`${figure}: STALE, ${why}: run ${FIGURES[figure].command}, then commit`)
  }
  if (mode === '--check' && stale > 0) process.exit(1)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
