// The action's log: GitHub's info and warning lines, one line each. Service text (names,
// reasons) goes into them, so a line can never start a workflow command of its own.
import * as core from '@actions/core'
import { singleLine } from './report/markdown.js'
import type { Logger } from './types.js'

export const actionLog: Logger = {
  info: (m: string) => core.info(singleLine(m)),
  warning: (m: string) => core.warning(singleLine(m))
}
