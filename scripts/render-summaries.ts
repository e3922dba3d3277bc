// `npm run render-summaries`: what a person sees, as pictures. Every summary the demo and the
// end-to-end tests write, the pull-request comment and a dry-run plan, rendered like GitHub does
// (GitHub-flavoured tables, Mermaid charts drawn offline by mermaid.js from node_modules) and
// captured with headless Chromium. Look at them before calling a change to the output done.
//
//   npm run render-summaries                 # all of it into render-output/ (about 3 minutes)
//   npm run render-summaries -- --no-e2e     # without the end-to-end suite's summaries
//   npm run render-summaries -- --docs       # also refresh the README's pictures in docs/
//
// Needs Debian's `chromium` (apt-get install -y chromium) or CHROMIUM=/path/to/chrome.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { startFakeGitHub } from '../__tests__/helpers/fake-github.js'
import { ROOT, runAction } from './lib/action-runner.js'
import { findChromium, pageState, screenshot } from './lib/chromium.js'
import { LAB_START, LAB_TIME_SCALE, labSteps, rollingLabStep, type LabStep } from './lib/lab.js'
import { summaryPage } from './lib/render-html.js'
import { pageContradictions } from './lib/page-truth.js'

const args = new Set(process.argv.slice(2))
const OUT = join(ROOT, 'render-output')
const MD = join(OUT, 'md')
const WIDTH = 1000
/** The README's pictures: the width of a job summary on github.com. */
const DOCS_WIDTH = 1000
const DOCS: Record<string, string> = {
  'demo-1-model-a': 'summary-model-a.png',
  'demo-2-model-b': 'summary-model-b.png',
  'demo-3-model-e': 'summary-model-e.png',
  'plan-model-b': 'plan-model-b.png',
  'demo-4-model-b-rolling': 'summary-model-b-rolling.png',
  'demo-5-model-d': 'summary-model-d.png',
  'demo-6-model-c': 'summary-model-c.png',
  'demo-8-model-c-gated': 'summary-model-c-gated.png',
  'plan-model-b-rolling': 'plan-model-b-rolling.png'
}

interface Source {
  readonly name: string
  /** Where a person would see it. */
  readonly title: string
  readonly markdown: string
}

const lab = (name: string): LabStep => {
  const found = labSteps().find(s => s.name === name)
  if (!found) throw new Error(name)
  return found
}

/**
 * The lab's emulator as the demo and the end-to-end tests run it: on stepped time (the action's
 * clock is the emulator's, simulated time moves only while it waits, so every input keeps its
 * production meaning) from the lab's fixed start, 5 s past a whole minute. The pictures are the
 * same on every machine.
 */
async function emulator(): Promise<Emulator> {
  const scenario = join(ROOT, 'emulator', 'scenarios', 'lab.json')
  return startEmulator({ scenario, timeScale: LAB_TIME_SCALE, startTime: LAB_START })
}

async function run(em: Emulator, step: LabStep, extra: Record<string, string> = {}, env = {}) {
  return runAction({
    inputs: { ...step.inputs, ...extra },
    env: { ...em.env(), ...step.github, ...env }
  })
}

/** The demo's own summaries, as `npm run demo` writes them. */
function demoSources(): Source[] {
  const demo = spawnSync('npx', ['tsx', 'scripts/demo.ts', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000
  })
  if (demo.status !== 0) throw new Error(`npm run demo failed:\n${demo.stdout}${demo.stderr}`)
  const dir = join(ROOT, 'demo-output')
  return readdirSync(dir)
    .filter(file => file.endsWith('.md'))
    .sort()
    .map(file => ({
      name: `demo-${basename(file, '.md')}`,
      title: `Job summary · npm run demo · ${basename(file, '.md')}`,
      markdown: readFileSync(join(dir, file), 'utf8')
    }))
}

/** The plan, the pull-request comment (while shifting and at the verdict), a rollback no poll saw, refused input. */
async function labSources(): Promise<Source[]> {
  const sources: Source[] = []
  const em = await emulator()
  const github = await startFakeGitHub()
  try {
    await run(em, lab('Model A'))
    const plan = await run(em, lab('Model B'), { 'dry-run': 'true' })
    sources.push({
      name: 'plan-model-b',
      title: 'Job summary · dry run of Model B',
      markdown: plan.summary
    })
    const rollingPlan = await run(em, rollingLabStep(), { 'dry-run': 'true' })
    sources.push({
      name: 'plan-model-b-rolling',
      title: 'Job summary · dry run of Model B by a rolling deployment',
      markdown: rollingPlan.summary
    })

    const eventDir = join(OUT, 'event')
    mkdirSync(eventDir, { recursive: true })
    const eventPath = join(eventDir, 'pull_request.json')
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 17 }, number: 17 }))
    await run(
      em,
      lab('Model B'),
      { 'github-token': github.token },
      {
        GITHUB_API_URL: github.url,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath
      }
    )
    const bodies = github.requests
      .filter(r => r.route === 'create-comment' || r.route === 'update-comment')
      .map(r => String((r.body as { body?: unknown }).body ?? ''))
    const during = bodies.find(body => body.includes('⏳ In progress') && /\| 25% \|/.test(body))
    if (during)
      sources.push({
        name: 'pr-comment-during',
        title: 'Pull request comment · while shifting',
        markdown: during
      })
    const last = bodies.at(-1)
    if (last)
      sources.push({
        name: 'pr-comment-final',
        title: 'Pull request comment · at the verdict',
        markdown: last
      })
  } finally {
    await github.close()
    await em.close()
  }

  const sparse = await emulator()
  try {
    await run(sparse, lab('Model A'))
    // poll-interval is in simulated seconds: 300, its largest value, is 5 minutes.
    const b = await run(sparse, lab('Model B'), { 'poll-interval': '300' })
    sources.push({
      name: 'rollback-between-polls',
      title: 'Job summary · Model B, polls 5 minutes apart',
      markdown: b.summary
    })
  } finally {
    await sparse.close()
  }

  const refused = await runAction({
    inputs: { ...lab('Model B').inputs, 'step-size': '99%', 'model-data-url': '' },
    env: { AWS_REGION: 'us-east-1' }
  })
  sources.push({
    name: 'input-error',
    title: 'Job summary · refused input',
    markdown: refused.summary
  })
  return sources
}

/** Every summary the end-to-end suite writes, kept by the action runner. */
function e2eSources(): Source[] {
  const dir = join(MD, 'e2e')
  mkdirSync(dir, { recursive: true })
  const jest = spawnSync('npx', ['jest', '__tests__/e2e'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 15 * 60_000,
    env: {
      ...process.env,
      SUMMARY_CAPTURE_DIR: dir,
      NODE_OPTIONS: '--experimental-vm-modules',
      NODE_NO_WARNINGS: '1'
    }
  })
  if (jest.status !== 0)
    console.warn(
      `(the end-to-end suite failed; rendering what it wrote)\n${jest.stderr.slice(-2000)}`
    )
  return readdirSync(dir)
    .filter(file => file.endsWith('.md'))
    .sort()
    .map(file => ({
      name: `e2e-${basename(file, '.md')}`,
      title: `Job summary · e2e · ${basename(file, '.md')}`,
      markdown: readFileSync(join(dir, file), 'utf8')
    }))
}

function render(binary: string, source: Source, width: number, png: string): string | undefined {
  const html = join(OUT, `${source.name}.html`)
  writeFileSync(html, summaryPage(source.title, source.markdown, 'mermaid.min.js'))
  const state = pageState(binary, html, width)
  screenshot(binary, html, png, width, state.height)
  return state.mermaidError
}

async function main(): Promise<number> {
  const binary = findChromium()
  if (binary === undefined) {
    console.error(
      'No Chromium found: apt-get install -y chromium (or set CHROMIUM=/path/to/chrome).'
    )
    return 2
  }
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(MD, { recursive: true })
  copyFileSync(
    join(ROOT, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js'),
    join(OUT, 'mermaid.min.js')
  )

  console.log('Collecting: the demo, the plan, the pull-request comment, a rollback between polls…')
  const sources = [...demoSources(), ...(await labSources())]
  if (!args.has('--no-e2e')) {
    console.log('Collecting: the end-to-end suite’s summaries (a few minutes)…')
    sources.push(...e2eSources())
  }

  let failures = 0
  for (const source of sources) {
    writeFileSync(join(MD, `${source.name}.md`), source.markdown)
    // The runner checks every summary it reads; the comments and the demo's pages are read here.
    const contradictions = pageContradictions(source.markdown)
    if (contradictions.length > 0) {
      failures++
      console.log(`✖ ${source.name} contradicts itself:\n  - ${contradictions.join('\n  - ')}`)
    }
    const png = join(OUT, `${source.name}.png`)
    const error = render(binary, source, WIDTH, png)
    if (error !== undefined) failures++
    console.log(
      `${error === undefined ? '  ' : '✖ '}${relative(ROOT, png)}${error ? `  Mermaid: ${error}` : ''}`
    )
  }

  if (args.has('--docs')) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true })
    for (const [name, file] of Object.entries(DOCS)) {
      const source = sources.find(s => s.name === name)
      if (source === undefined) throw new Error(`no ${name} to put in docs/`)
      render(binary, source, DOCS_WIDTH, join(ROOT, 'docs', file))
      console.log(`  docs/${file}`)
    }
  }
  console.log(`\n${sources.length} page(s) in ${relative(ROOT, OUT)}/; look at every one.`)
  return failures === 0 ? 0 : 1
}

try {
  process.exitCode = await main()
} catch (e) {
  console.error(`render-summaries failed: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 2
}
