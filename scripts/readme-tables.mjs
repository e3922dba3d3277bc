#!/usr/bin/env node
// The README's inputs and outputs tables, generated from action.yml (the one source of truth).
// Usage: node scripts/readme-tables.mjs           print both tables
//        node scripts/readme-tables.mjs --write   rewrite them in README.md between the markers
//        node scripts/readme-tables.mjs --check   exit 1 when README.md is out of date
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import yaml from 'js-yaml'

const root = fileURLToPath(new URL('..', import.meta.url))
const actionPath = `${root}action.yml`
const readmePath = `${root}README.md`

/** One table cell: one line, pipes escaped. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/\|/g, '\\|')
}

function code(text) {
  return `\`${cell(text)}\``
}

function defaultCell(spec) {
  if (spec?.default === undefined) return ''
  const value = String(spec.default)
  return value === '' ? "`''`" : code(value)
}

export function inputsTable(action) {
  const rows = Object.entries(action.inputs ?? {}).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec?.required === true ? 'yes' : 'no'} | ${defaultCell(spec)} | ${cell(spec?.description)} |`
  )
  return ['| Input | Required | Default | Description |', '|---|---|---|---|', ...rows].join('\n')
}

export function outputsTable(action) {
  const rows = Object.entries(action.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec?.description)} |`
  )
  return ['| Output | Description |', '|---|---|', ...rows].join('\n')
}

const SECTIONS = [
  { name: 'inputs', table: inputsTable },
  { name: 'outputs', table: outputsTable }
]

/** README text with both tables replaced, or the list of missing markers. */
export function render(readme, action) {
  const missing = []
  let text = readme
  for (const { name, table } of SECTIONS) {
    const start = `<!-- ${name}:start -->`
    const end = `<!-- ${name}:end -->`
    const from = text.indexOf(start)
    const to = text.indexOf(end, from + start.length)
    if (from < 0 || to < 0) {
      missing.push(`${start} … ${end}`)
      continue
    }
    text = `${text.slice(0, from + start.length)}\n\n${table(action)}\n\n${text.slice(to)}`
  }
  return { text, missing }
}

function lineDiff(current, expected) {
  const have = new Set(current.split('\n'))
  const want = new Set(expected.split('\n'))
  const removed = current
    .split('\n')
    .filter(line => !want.has(line))
    .map(line => `- ${line}`)
  const added = expected
    .split('\n')
    .filter(line => !have.has(line))
    .map(line => `+ ${line}`)
  return [...removed, ...added].join('\n')
}

async function main() {
  const action = yaml.load(readFileSync(actionPath, 'utf8'))
  const mode = process.argv[2]
  if (mode === undefined) {
    console.log(`${inputsTable(action)}\n\n${outputsTable(action)}`)
    return
  }
  if (mode !== '--write' && mode !== '--check') {
    console.error('Usage: node scripts/readme-tables.mjs [--write | --check]')
    process.exit(2)
  }
  let readme
  try {
    readme = readFileSync(readmePath, 'utf8')
  } catch {
    console.error('README.md not found.')
    process.exit(1)
  }
  const { text, missing } = render(readme, action)
  if (missing.length > 0) {
    console.error(`README.md lacks the table markers: ${missing.join(', ')}`)
    process.exit(1)
  }
  if (mode === '--write') {
    if (text !== readme) writeFileSync(readmePath, text)
    console.log(
      text === readme ? 'README.md tables are up to date.' : 'README.md tables rewritten.'
    )
    return
  }
  if (text !== readme) {
    console.error('README.md tables are out of date with action.yml:\n')
    console.error(lineDiff(readme, text))
    console.error('\nRun: node scripts/readme-tables.mjs --write')
    process.exit(1)
  }
  console.log('README.md tables match action.yml.')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
