// docs/gate-rule.md's tables, never typed: the simulated and exact failure rates of the gate's
// rule (the same runs and seed as __tests__/guard/gate/power.test.ts) and the answers a step needs.
// Usage: npx tsx scripts/gate-rule-table.ts           print them
//        npx tsx scripts/gate-rule-table.ts --write   rewrite them in docs/gate-rule.md
//        npx tsx scripts/gate-rule-table.ts --check   exit 1 when the page is out of date
import { fileURLToPath } from 'node:url'
import {
  BASELINE,
  TABLE_RUNS,
  TABLE_SEED,
  renderDetection,
  renderGrid,
  simulateGrid
} from './lib/gate-simulation.js'

const page = fileURLToPath(new URL('../docs/gate-rule.md', import.meta.url))
const START = '<!-- gate-rule-tables:start -->'
const END = '<!-- gate-rule-tables:end -->'

const { writeOrCheck } = (await import(
  new URL('./lib/readme-section.mjs', import.meta.url).href
)) as {
  writeOrCheck: (o: Record<string, unknown>) => void
}

const section = [
  `Failure rate of one step: the share of steps the gate fails (simulated, ${TABLE_RUNS} runs a cell, seed ${TABLE_SEED}; exact in brackets). Baseline: ${BASELINE} answers from blue. n: the answers the step gets; the rule looks after every one from the 20th.`,
  '',
  renderGrid(simulateGrid(TABLE_RUNS, TABLE_SEED)),
  '',
  `Answers a step needs for the gate to fail it 95 % of the time (exact), blue clean, baseline ${BASELINE}:`,
  '',
  renderDetection(0),
  '',
  `The same with blue mismatching 2 % of its answers:`,
  '',
  renderDetection(0.02)
].join('\n')

const mode = process.argv[2]
if (mode === '--write' || mode === '--check') {
  writeOrCheck({
    readmePath: page,
    start: START,
    end: END,
    section,
    write: mode === '--write',
    what: 'Gate rule tables',
    from: 'the simulation',
    command: 'npx tsx scripts/gate-rule-table.ts --write'
  })
} else {
  console.log(section)
}
