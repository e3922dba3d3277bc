#!/usr/bin/env node
// The slowest test files of a Jest run, from its JSON results (`jest --json --outputFile=F`):
//   node scripts/slowest-tests.mjs F [count]     (.ci/run prints the ten slowest)
import { readFileSync } from 'node:fs'
import { relative } from 'node:path'

/** [file, seconds] of the `count` slowest files, slowest first. */
export function slowest(results, count = 10, root = process.cwd()) {
  return results.testResults
    .map(r => [relative(root, r.name), (r.endTime - r.startTime) / 1000])
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [file, count = '10'] = process.argv.slice(2)
  const rows = slowest(JSON.parse(readFileSync(file, 'utf8')), Number(count))
  console.log(`The ${rows.length} slowest test files:`)
  for (const [name, seconds] of rows) console.log(`${seconds.toFixed(1).padStart(7)} s  ${name}`)
}
