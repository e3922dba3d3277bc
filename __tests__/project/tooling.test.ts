// The project's own tooling: README facts generated from the files they describe, CI on the
// action's runtime, and a release that tags only after check-dist.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import yaml from 'js-yaml'
import { ROOT } from '../../scripts/lib/action-runner.js'

const node = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env }
  })

describe('README facts are generated, never typed', () => {
  it('gives the size of the committed dist/index.js as it is', () => {
    const bytes = statSync(join(ROOT, 'dist', 'index.js')).size
    const printed = node(['scripts/readme-tables.mjs']).stdout
    const row = `| \`dist/index.js\`, loaded by every run | ${(bytes / 1024).toFixed(1)} KiB |`
    expect(printed).toContain(row)
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(row)
  })

  it('states the Node of the action and of development from their sources', () => {
    const printed = node(['scripts/readme-tables.mjs']).stdout
    expect(printed).toContain(
      "The action runs on `node24` (`runs.using` in `action.yml`), which GitHub's runners provide"
    )
    expect(printed).toContain('Developing needs Node 20 or later (`engines` in `package.json`)')
    expect(node(['scripts/readme-tables.mjs', '--check']).status).toBe(0)
  })
})

describe('CI runs on the runtime of the action', () => {
  const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    runs: { using: string }
  }
  const version = readFileSync(join(ROOT, '.node-version'), 'utf8').trim()

  it('.node-version is the Node of runs.using', () => {
    expect(action.runs.using).toBe(`node${version}`)
  })

  it.each(['ci.yml', 'check-dist.yml', 'e2e.yml'])('%s sets up Node from .node-version', file => {
    const text = readFileSync(join(ROOT, '.github', 'workflows', file), 'utf8')
    expect(text).toMatch(/node-version-file: \.node-version\b/)
    expect(text).not.toMatch(/node-version: 20\b/)
  })
})

describe('the release workflow', () => {
  it('tags vX.Y.Z and moves vX only after check-dist: lint-workflows refuses it otherwise', () => {
    const copy = mkdtempSync(join(tmpdir(), 'lint-workflows-'))
    try {
      for (const path of ['action.yml', '.github', 'examples']) {
        cpSync(join(ROOT, path), join(copy, path), { recursive: true })
      }
      expect(node(['scripts/lint-workflows.mjs'], { LINT_WORKFLOWS_ROOT: copy }).status).toBe(0)
      const release = join(copy, '.github', 'workflows', 'release.yml')
      writeFileSync(release, readFileSync(release, 'utf8').replace('    needs: check-dist\n', ''))
      const broken = node(['scripts/lint-workflows.mjs'], { LINT_WORKFLOWS_ROOT: copy })
      expect(broken.status).toBe(1)
      expect(broken.stderr).toContain(
        '.github/workflows/release.yml:1: job release pushes tags without needing check-dist (check-dist)'
      )
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  }, 60_000)
})
