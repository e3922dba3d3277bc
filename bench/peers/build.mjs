#!/usr/bin/env node
// Builds each peer equivalent (./<peer>/index.js) into ./<peer>/dist/index.js with ncc, as the
// peers build their own dist/. Run after `npm ci` here:
//   npm ci --prefix bench/peers && node bench/peers/build.mjs
// The bench only runs the committed dist/ files: it fetches and builds nothing.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const ncc = fileURLToPath(
  new URL('../../node_modules/@vercel/ncc/dist/ncc/cli.js', import.meta.url)
)
for (const peer of ['ecs-deploy-task-definition', 'configure-aws-credentials']) {
  rmSync(`${here}${peer}/dist`, { recursive: true, force: true })
  execFileSync(
    process.execPath,
    [
      ncc,
      'build',
      `${here}${peer}/index.js`,
      '-o',
      `${here}${peer}/dist`,
      '--license',
      'licenses.txt'
    ],
    { stdio: 'inherit' }
  )
}
