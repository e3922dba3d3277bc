// The fast loop stays fast: no test that `npm run test:unit` (and mutation testing) runs may
// reach, through any module it imports, a child process, the emulator, a local server or the
// bundle runner. The whole suite runs every test file there is.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import type { Config } from 'jest'
import { ROOT } from '../../scripts/lib/action-runner.js'

// The configs are plain JavaScript (Jest reads them as they are).
const full = ((await import(join(ROOT, 'jest.config.js'))) as { default: Config }).default
const { default: unit, SLOW_TESTS } = (await import(join(ROOT, 'jest.unit.config.js'))) as {
  default: Config
  SLOW_TESTS: string[]
}

/** Every test file, relative to the repository. */
function testFiles(dir = join(ROOT, '__tests__')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return testFiles(path)
    return entry.name.endsWith('.test.ts') ? [relative(ROOT, path)] : []
  })
}

const isSlow = (file: string): boolean =>
  SLOW_TESTS.some(pattern => new RegExp(pattern).test(`/${file}`))

/** Module specifiers a file loads at run time (type-only imports are erased). */
export function runtimeImports(source: string): string[] {
  const specifiers: string[] = []
  const patterns = [
    /^\s*import\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm,
    /^\s*import\s+'([^']+)'/gm,
    /^\s*export\s+(?!type\s)[^'"]*?from\s+'([^']+)'/gm,
    /\bimport\(\s*'([^']+)'\s*\)/g,
    /\bunstable_mockModule\(\s*'([^']+)'/g
  ]
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) specifiers.push(match[1]!)
  }
  return specifiers
}

/** The repository files and packages a test reaches, following relative imports. */
function reach(file: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (path: string): void => {
    if (files.has(path)) return
    files.add(path)
    for (const spec of runtimeImports(readFileSync(join(ROOT, path), 'utf8'))) {
      if (!spec.startsWith('.')) {
        packages.add(spec)
        continue
      }
      const target = resolve(dirname(join(ROOT, path)), spec)
      const candidates = [target.replace(/\.js$/, '.ts'), target, `${target}.ts`]
      const found = candidates.find(c => existsSync(c) && !c.endsWith('/'))
      if (found) visit(relative(ROOT, found))
    }
  }
  visit(file)
  return { files, packages }
}

const FORBIDDEN_FILES = [
  /^emulator\//,
  /^scripts\/lib\/action-runner\.ts$/,
  /^__tests__\/helpers\/fake-github\.ts$/,
  /^__tests__\/e2e\//,
  /^dist\//
]
const FORBIDDEN_PACKAGES = [
  /^(node:)?child_process$/,
  /^(node:)?https?$/,
  /^(node:)?net$/,
  /^(node:)?worker_threads$/
]

describe('the unit selection (npm run test:unit, npm run mutate)', () => {
  const all = testFiles()
  const fast = all.filter(file => !isSlow(file))

  it('is most of the suite, and includes the tests of the decision core', () => {
    expect(fast).toEqual(
      expect.arrayContaining([
        '__tests__/verdict.test.ts',
        '__tests__/watch.test.ts',
        '__tests__/watch/reducer.test.ts',
        '__tests__/watch/schedule.test.ts',
        '__tests__/loop.test.ts',
        '__tests__/target/endpoint/plan.test.ts',
        '__tests__/inputs/inputs.test.ts',
        '__tests__/robustness/property.test.ts',
        '__tests__/report/summary.test.ts'
      ])
    )
  })

  it.each(all.filter(file => !isSlow(file)).map(file => [file]))(
    '%s reaches no child process, emulator, server or bundle',
    file => {
      const { files, packages } = reach(file)
      const bad = [
        ...[...files].filter(f => FORBIDDEN_FILES.some(p => p.test(f))),
        ...[...packages].filter(p => FORBIDDEN_PACKAGES.some(q => q.test(p)))
      ]
      expect({ file, reaches: bad }).toEqual({ file, reaches: [] })
    }
  )

  it('runs the same transform as the whole suite, and the whole suite runs every test file', () => {
    expect(unit.transform).toEqual(full.transform)
    expect(full.testMatch).toEqual(['**/__tests__/**/*.test.ts'])
    expect(full.testPathIgnorePatterns).toEqual([
      '/node_modules/',
      '/dist/',
      '<rootDir>/.stryker-tmp/'
    ])
  })

  it('finds the imports a module loads at run time, not the types', () => {
    expect(
      runtimeImports(
        [
          "import { a } from './a.js'",
          "import type { B } from './b.js'",
          "import './c.js'",
          "export { d } from './d.js'",
          "export type { E } from './e.js'",
          "const f = await import('node:child_process')",
          "jest.unstable_mockModule('@actions/core', () => core)"
        ].join('\n')
      )
    ).toEqual(['./a.js', './c.js', './d.js', 'node:child_process', '@actions/core'])
  })
})
