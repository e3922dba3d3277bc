// ncc writes an ES module bundle; GitHub's Node needs this marker beside it to load it as ESM.
import { writeFileSync } from 'node:fs'
writeFileSync(
  new URL('../dist/package.json', import.meta.url),
  JSON.stringify({ type: 'module' }, null, 2) + '\n'
)
