// One generated section of README.md or of a page in docs/, between its two markers: replaced in
// the text, written, or checked (exit 1 when the file differs from what the results render).
import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'

/** The text with the section between `start` and `end` replaced; undefined without markers. */
export function replaceBetween(readme, start, end, section) {
  const from = readme.indexOf(start)
  const to = readme.indexOf(end, from + start.length)
  if (from < 0 || to < 0) return undefined
  return `${readme.slice(0, from + start.length)}\n\n${section}\n\n${readme.slice(to)}`
}

/**
 * `write` rewrites the section when it changed; `check` exits 1 when it differs.
 * `what` names the section in messages ("Mutation scores"), `from` the results it renders and
 * `command` the command that rewrites it.
 */
export function writeOrCheck({ readmePath, start, end, section, write, what, from, command }) {
  const readme = readFileSync(readmePath, 'utf8')
  const name = basename(readmePath)
  const text = replaceBetween(readme, start, end, section)
  if (text === undefined) {
    console.error(`${name} lacks the markers ${start} … ${end}`)
    process.exit(1)
  }
  if (write) {
    if (text !== readme) writeFileSync(readmePath, text)
    console.log(text === readme ? `${what} are up to date.` : `${what} rewritten.`)
    return
  }
  if (text !== readme) {
    console.error(`${name}'s ${what.toLowerCase()} differ from ${from}: run ${command}`)
    process.exit(1)
  }
  console.log(`${name}'s ${what.toLowerCase()} match ${from}.`)
}
