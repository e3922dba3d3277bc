// Every AWS service the action calls can be pointed at the emulator (or any endpoint) through its
// SDK client's `AWS_ENDPOINT_URL_<SERVICE_ID>` variable, and every place that exports these lists
// them all. The services come from the `@aws-sdk/client-*` packages src/ imports, each one's
// service id from the package itself: a new client fails this test until it is documented.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import yaml from 'js-yaml'
import { ROOT } from '../../scripts/lib/action-runner.js'
import { startEmulator } from '../../emulator/index.js'

/** Files under `dir` whose name matches `pattern`, skipping dependencies, builds and git. */
function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap(name => {
    if (['node_modules', '.git', 'dist', 'reports', 'coverage', '.stryker-tmp'].includes(name))
      return []
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path, pattern)
    return pattern.test(name) ? [path] : []
  })
}

/** The `@aws-sdk/client-*` packages src/ uses (imports, type imports, dynamic imports). */
const CLIENT_PACKAGES = [
  ...new Set(
    files(join(ROOT, 'src'), /\.ts$/).flatMap(file =>
      [...readFileSync(file, 'utf8').matchAll(/['"](@aws-sdk\/client-[a-z0-9-]+)['"]/g)].map(
        m => m[1]!
      )
    )
  )
].sort()

/** A client package's service id, as its client declares it (`serviceId: ... ?? "SageMaker"`). */
function serviceId(pkg: string): string {
  const dir = join(ROOT, 'node_modules', ...pkg.split('/'), 'dist-cjs')
  const ids = new Set(
    readdirSync(dir)
      .filter(name => name.endsWith('.js'))
      .flatMap(name => [
        ...readFileSync(join(dir, name), 'utf8').matchAll(
          /serviceId: config\?\.serviceId \?\? "([^"]+)"/g
        )
      ])
      .map(m => m[1]!)
  )
  if (ids.size !== 1)
    throw new Error(`${pkg}: expected one service id, found ${[...ids].join(', ')}`)
  return [...ids][0]!
}

/** The SDK's variable for a service id: upper case, spaces as underscores. */
const variableOf = (id: string): string => `AWS_ENDPOINT_URL_${id.toUpperCase().replace(/ /g, '_')}`

const REQUIRED = CLIENT_PACKAGES.map(pkg => variableOf(serviceId(pkg))).sort()

const missing = (names: Iterable<string>): string[] => {
  const have = new Set(names)
  return REQUIRED.filter(name => !have.has(name))
}

describe('the endpoint URL of every AWS service the action calls', () => {
  it('derives the services from the clients src/ builds', () => {
    // The set grows with a new client; these are the ones the action has always built.
    expect(REQUIRED).toEqual(
      expect.arrayContaining([
        'AWS_ENDPOINT_URL_SAGEMAKER',
        'AWS_ENDPOINT_URL_CLOUDWATCH',
        'AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING',
        'AWS_ENDPOINT_URL_STS'
      ])
    )
    expect(CLIENT_PACKAGES.length).toBe(REQUIRED.length)
  })

  it('.github/workflows/e2e.yml exports all of them wherever it exports any', () => {
    interface Job {
      env?: Record<string, unknown>
      steps?: { env?: Record<string, unknown> }[]
    }
    const workflow = yaml.load(
      readFileSync(join(ROOT, '.github', 'workflows', 'e2e.yml'), 'utf8')
    ) as { env?: Record<string, unknown>; jobs: Record<string, Job> }
    const blocks: { where: string; env: Record<string, unknown> }[] = [
      { where: 'workflow env', env: workflow.env ?? {} },
      ...Object.entries(workflow.jobs).flatMap(([job, spec]) => [
        { where: `job ${job}`, env: spec.env ?? {} },
        ...(spec.steps ?? []).map((s, i) => ({
          where: `job ${job} step ${i + 1}`,
          env: s.env ?? {}
        }))
      ])
    ].filter(b => Object.keys(b.env).some(k => k.startsWith('AWS_ENDPOINT_URL_')))
    expect(blocks.length).toBeGreaterThan(0)
    for (const b of blocks) {
      expect({ where: b.where, missing: missing(Object.keys(b.env)) }).toEqual({
        where: b.where,
        missing: []
      })
    }
  })

  it('every markdown block that exports AWS_ENDPOINT_URL_SAGEMAKER= exports all of them', () => {
    const blocks = files(ROOT, /\.md$/).flatMap(file =>
      [...readFileSync(file, 'utf8').matchAll(/```[^\n]*\n([\s\S]*?)```/g)]
        .filter(m => /AWS_ENDPOINT_URL_SAGEMAKER=/.test(m[1]!))
        .map(m => ({ where: relative(ROOT, file), text: m[1]! }))
    )
    // The documented local run against the emulator, at least.
    expect(blocks.map(b => b.where)).toContain('docs/emulator.md')
    for (const b of blocks) {
      const exported = [...b.text.matchAll(/\b(AWS_ENDPOINT_URL_[A-Z0-9_]+)=/g)].map(m => m[1]!)
      expect({ where: b.where, missing: missing(exported) }).toEqual({
        where: b.where,
        missing: []
      })
    }
  })

  it("the emulator's env() (the tests' and its CLI's export lines) gives all of them", async () => {
    const emulator = await startEmulator({ scenario: {} })
    try {
      const env = emulator.env()
      expect(missing(Object.keys(env))).toEqual([])
      for (const name of REQUIRED) expect(env[name]).toBe(emulator.url)
    } finally {
      await emulator.close()
    }
  })
})
