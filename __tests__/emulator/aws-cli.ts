// The AWS CLI (botocore) as an independent client of the emulator. It runs as a child process;
// the emulator answers from this process's event loop, so the child is awaited, never run
// synchronously.

import { execFile, spawnSync } from 'node:child_process'
import type { Emulator } from '../../emulator/index.js'

export const HAS_AWS_CLI = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export function awsCli(emu: Emulator, region: string, ...args: string[]): Promise<CliResult> {
  const env = { ...process.env, ...emu.env(), AWS_PAGER: '', AWS_DEFAULT_REGION: region }
  return new Promise(resolve => {
    execFile(
      'aws',
      [...args, '--endpoint-url', emu.url, '--region', region, '--output', 'json'],
      { env, encoding: 'utf8' },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr })
    )
  })
}
