// `npm run emulator -- --help` lists every option the command line takes.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ROOT } from '../../scripts/lib/action-runner.js'

describe('emulator command line', () => {
  it('--help names every option the parser knows', () => {
    const source = readFileSync(join(ROOT, 'emulator', 'cli.ts'), 'utf8')
    const flags = [...source.matchAll(/case '(--[a-z-]+)':/g)]
      .map(m => m[1]!)
      .filter(f => f !== '--help')
    expect(flags.length).toBeGreaterThanOrEqual(8)
    const help = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['emulator/cli.ts', '--help'],
      {
        cwd: ROOT,
        encoding: 'utf8'
      }
    )
    expect(help.status).toBe(0)
    expect(flags.filter(flag => !help.stdout.includes(`[${flag}`))).toEqual([])
  })
})
