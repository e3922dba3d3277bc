#!/usr/bin/env node
// The mutation scores of docs/mutation.md, never typed: per file of the decision core, from the Stryker
// report of the last full `npm run mutate` (its incremental file, committed), with every mutant
// that survived and why it is harmless (stryker.survivors.json, written by a person).
// Usage: node scripts/mutation-scores.mjs            print the section
//        node scripts/mutation-scores.mjs --write    rewrite it in docs/mutation.md between the markers
//        node scripts/mutation-scores.mjs --check    exit 1 when docs/mutation.md is out of date
//        node scripts/mutation-scores.mjs --targets  exit 1 when a file is under its target or
//                                                    a surviving mutant has no reason
// --report <file> reads another Stryker JSON report (reports/mutation/mutation.json, say).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { replaceBetween, writeOrCheck } from './lib/readme-section.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
/** The page that holds the section, from the repository's root. */
export const PAGE = 'docs/mutation.md'
export const START = '<!-- mutation:start -->'
export const END = '<!-- mutation:end -->'
export const REPORT = 'reports/stryker-incremental.json'
export const SURVIVORS = 'stryker.survivors.json'

/** The files whose mistakes decide the verdict: the higher target. */
const STRICT = new Set([
  'src/verdict.ts',
  'src/watch/reducer.ts',
  'src/watch/schedule.ts',
  'src/rollout-policy.ts'
])
export const target = file => (STRICT.has(file) ? 90 : 80)

const DETECTED = new Set(['Killed', 'Timeout'])
const UNDETECTED = new Set(['Survived', 'NoCoverage'])

/** Counts per status, and the score as Stryker computes it (errors and ignored left out). */
export function tally(mutants) {
  const count = status => mutants.filter(m => m.status === status).length
  const detected = mutants.filter(m => DETECTED.has(m.status)).length
  const undetected = mutants.filter(m => UNDETECTED.has(m.status)).length
  const valid = detected + undetected
  return {
    mutants: mutants.length,
    killed: count('Killed'),
    timeout: count('Timeout'),
    survived: count('Survived'),
    noCoverage: count('NoCoverage'),
    errors: count('RuntimeError') + count('CompileError'),
    score: valid === 0 ? 100 : (100 * detected) / valid
  }
}

/** Stryker's own rounding down to two decimals would hide nothing here: one is enough. */
const percent = score => `${(Math.floor(score * 10) / 10).toFixed(1)} %`

/** The original text of a mutant, on one line. */
export function originalText(source, location) {
  const lines = source.split('\n')
  const { start, end } = location
  const picked =
    start.line === end.line
      ? lines[start.line - 1]?.slice(start.column - 1, end.column - 1)
      : [
          lines[start.line - 1]?.slice(start.column - 1),
          ...lines.slice(start.line, end.line - 1),
          lines[end.line - 1]?.slice(0, end.column - 1)
        ].join('\n')
  return oneLine(picked ?? '')
}

const oneLine = text => text.replace(/\s+/g, ' ').trim()
const short = (text, max = 70) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/** What identifies a surviving mutant across edits: file, mutator, text before and after. */
export function survivorKey(file, mutatorName, original, replacement) {
  return JSON.stringify([file, mutatorName, short(original), short(oneLine(replacement))])
}

/** Surviving mutants of a report, in file and line order. */
export function survivors(report) {
  const out = []
  for (const [file, result] of Object.entries(report.files)) {
    for (const m of result.mutants) {
      if (!UNDETECTED.has(m.status)) continue
      const original = originalText(result.source, m.location)
      out.push({
        file,
        line: m.location.start.line,
        status: m.status,
        mutator: m.mutatorName,
        original,
        replacement: oneLine(m.replacement ?? ''),
        key: survivorKey(file, m.mutatorName, original, m.replacement ?? '')
      })
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

/** Reasons by key, from the hand-written list. */
export function reasonsByKey(list) {
  return new Map(list.map(r => [survivorKey(r.file, r.mutator, r.original, r.replacement), r.why]))
}

const cell = text => String(text).replace(/\|/g, '\\|')
const code = text => (text === '' ? '(empty)' : `\`${cell(text).replace(/`/g, "'")}\``)

/** The page's section: scores per file, then every survivor with its reason. */
export function render(report, reasons) {
  const files = Object.keys(report.files).sort()
  const rows = files.map(file => {
    const t = tally(report.files[file].mutants)
    const goal = target(file)
    return `| \`${file}\` | ${t.mutants} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | ${t.errors} | ${percent(t.score)} | ≥ ${goal} % ${t.score >= goal ? '✅' : '❌'} |`
  })
  const all = tally(files.flatMap(file => report.files[file].mutants))
  const left = survivors(report)
  const version = report.framework?.version ? ` ${report.framework.version}` : ''
  const lines = [
    `StrykerJS${version}, ${files.length} files, ${all.mutants} mutants (\`${REPORT}\`, generated by \`node scripts/mutation-scores.mjs --write\`). The score is killed and timed-out mutants over all but errors (mutants that break a test file's set-up, which Stryker leaves out).`,
    '',
    '| File | Mutants | Killed | Timed out | Survived | No coverage | Errors | Score | Target |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    `| **All** | ${all.mutants} | ${all.killed} | ${all.timeout} | ${all.survived} | ${all.noCoverage} | ${all.errors} | ${percent(all.score)} | |`,
    ''
  ]
  if (left.length === 0) {
    lines.push('No mutant survives.')
  } else {
    const unjudged = left.filter(s => !reasons.has(s.key)).length
    lines.push(
      unjudged === 0
        ? `The ${left.length} mutants that survive, none of which changes an outcome, an exit code, an alarm named or a percentage in the step table:`
        : `The ${left.length} mutants that survive; ${unjudged} of them are not judged yet (marked so below): each wants a test that kills it or a reason why it is harmless.`,
      '',
      '<details><summary>Surviving mutants, and why each is equivalent or harmless</summary>',
      '',
      '| Where | Mutation | Why it is harmless |',
      '|---|---|---|',
      ...left.map(
        s =>
          `| \`${s.file}:${s.line}\` | ${s.mutator}: ${code(short(s.original))} → ${code(short(s.replacement))}${s.status === 'NoCoverage' ? ' (no test runs it)' : ''} | ${cell(reasons.get(s.key) ?? 'not judged yet')} |`
      ),
      '',
      '</details>'
    )
  }
  return lines.join('\n')
}

/** Problems that fail `--targets`: files under their target, survivors with no reason. */
export function targetProblems(report, reasons) {
  const problems = []
  for (const [file, result] of Object.entries(report.files)) {
    const { score } = tally(result.mutants)
    if (score < target(file)) {
      problems.push(`${file}: mutation score ${percent(score)} is under ${target(file)} %`)
    }
  }
  for (const s of survivors(report)) {
    if (!reasons.has(s.key)) {
      problems.push(
        `${s.file}:${s.line}: ${s.mutator} ${JSON.stringify(s.original)} → ${JSON.stringify(s.replacement)} survives with no reason in ${SURVIVORS}`
      )
    }
  }
  return problems
}

/** Reasons in the list that no survivor needs any more. */
export function staleReasons(report, list) {
  const keys = new Set(survivors(report).map(s => s.key))
  return list.filter(r => !keys.has(survivorKey(r.file, r.mutator, r.original, r.replacement)))
}

export const replaceSection = (page, section) => replaceBetween(page, START, END, section)

export function readInputs(reportPath = `${root}${REPORT}`) {
  return {
    report: JSON.parse(readFileSync(reportPath, 'utf8')),
    reasonList: JSON.parse(readFileSync(`${root}${SURVIVORS}`, 'utf8'))
  }
}

function main() {
  const args = process.argv.slice(2)
  const at = args.indexOf('--report')
  const reportPath = at >= 0 ? args[at + 1] : undefined
  const mode = args.find(a => a.startsWith('--') && a !== '--report')
  const { report, reasonList } = readInputs(reportPath)
  const reasons = reasonsByKey(reasonList)
  const section = render(report, reasons)
  if (mode === undefined) {
    console.log(section)
    return
  }
  if (mode === '--targets') {
    const problems = targetProblems(report, reasons)
    for (const stale of staleReasons(report, reasonList)) {
      console.warn(`${SURVIVORS}: no surviving mutant matches ${JSON.stringify(stale)}`)
    }
    if (problems.length > 0) {
      console.error(problems.join('\n'))
      process.exit(1)
    }
    console.log('Every file meets its target; every surviving mutant has its reason.')
    return
  }
  if (mode === '--write' || mode === '--check') {
    writeOrCheck({
      readmePath: `${root}${PAGE}`,
      start: START,
      end: END,
      section,
      write: mode !== '--check',
      what: 'Mutation scores',
      from: `${REPORT}`,
      command: 'node scripts/mutation-scores.mjs --write'
    })
    return
  }
  console.error(
    'Usage: node scripts/mutation-scores.mjs [--write | --check | --targets] [--report file]'
  )
  process.exit(2)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
