// Cold start of the committed bundle to its fail-fast error (no inputs), interleaved with a bare
// `node -e 0` on the same Node, and the peak RSS of that run. Every child is bounded by a timeout.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { BUNDLE, ROOT } from './action-runner.js'
import { kibToMiB, parseTimeVerbose, summarize, type Summary } from './bench-stats.js'

const CHILD_TIMEOUT_MS = 15_000
const GNU_TIME = '/usr/bin/time'

export interface BundleSize {
  readonly indexBytes: number
  readonly indexGzipBytes: number
  readonly allJsBytes: number
  readonly allJsGzipBytes: number
  readonly chunks: number
}

export function bundleSize(): BundleSize {
  const dist = join(ROOT, 'dist')
  const files = readdirSync(dist).filter(f => f.endsWith('.js'))
  const sizes = files.map(f => {
    const bytes = readFileSync(join(dist, f))
    return { name: f, bytes: bytes.length, gzip: gzipSync(bytes).length }
  })
  const index = sizes.find(s => s.name === 'index.js')
  if (!index) throw new Error('dist/index.js is missing: run npm run bundle')
  return {
    indexBytes: index.bytes,
    indexGzipBytes: index.gzip,
    allJsBytes: sizes.reduce((a, s) => a + s.bytes, 0),
    allJsGzipBytes: sizes.reduce((a, s) => a + s.gzip, 0),
    chunks: sizes.length
  }
}

/** The environment of a step that forgot every input: no INPUT_* at all. */
function failFastEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir() }
}

interface Timed {
  readonly ms: number
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

function timed(command: string, args: readonly string[]): Timed {
  const start = process.hrtime.bigint()
  const r = spawnSync(command, args, {
    env: failFastEnv(),
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.error) throw new Error(`${command} ${args.join(' ')}: ${r.error.message}`)
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function checkFailFast(run: Timed): void {
  if (run.status !== 1 || !run.stdout.includes('endpoint-name'))
    throw new Error(
      `the bundle did not fail fast naming endpoint-name (exit ${run.status}): ${run.stdout.slice(0, 300)}${run.stderr.slice(0, 300)}`
    )
}

export interface ColdStart {
  readonly bundle: Summary
  readonly bareNode: Summary
  readonly runs: number
  readonly warmup: number
}

/** Runs `node -e 0` and the bundle alternately (order swapped every round), after a warm-up. */
export function coldStart(node: string, runs: number, warmup = 3): ColdStart {
  const bundle: number[] = []
  const bare: number[] = []
  for (let i = 0; i < warmup + runs; i++) {
    const pair = (): [Timed, Timed] => {
      if (i % 2 === 0) {
        const b = timed(node, ['-e', '0'])
        return [b, timed(node, [BUNDLE])]
      }
      const a = timed(node, [BUNDLE])
      return [timed(node, ['-e', '0']), a]
    }
    const [b, a] = pair()
    checkFailFast(a)
    if (i < warmup) continue
    bare.push(b.ms)
    bundle.push(a.ms)
  }
  return { bundle: summarize(bundle), bareNode: summarize(bare), runs, warmup }
}

export type RssMethod = '/usr/bin/time -v' | 'process.resourceUsage().maxRSS'

export interface PeakRss {
  readonly method: RssMethod
  /** MiB, over the measured runs. */
  readonly bundleMiB: Summary
  readonly bareNodeMiB: Summary
}

function gnuTimeWorks(node: string): boolean {
  if (!existsSync(GNU_TIME)) return false
  try {
    const r = timed(GNU_TIME, ['-v', node, '-e', '0'])
    return r.status === 0 && parseTimeVerbose(r.stderr).maxRssKiB > 0
  } catch {
    return false
  }
}

/** Writes the maxRSS (KiB) of the process it is preloaded into to stderr at exit. */
const RSS_PRELOAD = `'use strict'
process.on('exit', () => {
  require('node:fs').writeSync(2, '\\nMaximum resident set size (kbytes): ' + process.resourceUsage().maxRSS + '\\n')
})
`

export function peakRss(node: string, runs: number, forceWrapper = false): PeakRss {
  const useTime = !forceWrapper && gnuTimeWorks(node)
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'))
  try {
    const preload = join(dir, 'rss.cjs')
    writeFileSync(preload, RSS_PRELOAD)
    const measure = (args: readonly string[]): number => {
      const r = useTime
        ? timed(GNU_TIME, ['-v', node, ...args])
        : timed(node, ['--require', preload, ...args])
      return kibToMiB(parseTimeVerbose(r.stderr).maxRssKiB)
    }
    const bundle: number[] = []
    const bare: number[] = []
    for (let i = 0; i < runs; i++) {
      bare.push(measure(['-e', '0']))
      bundle.push(measure([BUNDLE]))
    }
    return {
      method: useTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
      bundleMiB: summarize(bundle),
      bareNodeMiB: summarize(bare)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
