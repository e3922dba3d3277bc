// Typed stand-ins for @actions/core, loaded with jest.unstable_mockModule in tests of main.
import type * as core from '@actions/core'
import { jest } from '@jest/globals'

export const inputs: Record<string, string> = {}
export const outputs: Record<string, string> = {}
export const logs: string[] = []
export let summaryText = ''

export const getInput = jest.fn<typeof core.getInput>((name: string) => inputs[name] ?? '')
export const setOutput = jest.fn<typeof core.setOutput>((name: string, value: unknown) => {
  outputs[name] = String(value)
})
export const setFailed = jest.fn<typeof core.setFailed>((message: string | Error) => {
  logs.push(`::error::${String(message)}`)
})
export const setSecret = jest.fn<typeof core.setSecret>()
export const info = jest.fn<typeof core.info>((m: string) => void logs.push(m))
export const warning = jest.fn<typeof core.warning>(
  (m: string | Error) => void logs.push(`::warning::${String(m)}`)
)
export const error = jest.fn<typeof core.error>(
  (m: string | Error) => void logs.push(`::error::${String(m)}`)
)
export const debug = jest.fn<typeof core.debug>()
export const notice = jest.fn<typeof core.notice>()
export const startGroup = jest.fn<typeof core.startGroup>(
  (name: string) => void logs.push(`::group::${name}`)
)
export const endGroup = jest.fn<typeof core.endGroup>(() => void logs.push('::endgroup::'))
export const summary = {
  addRaw(text: string) {
    summaryText += text
    return summary
  },
  async write() {
    return summary
  }
}

/** Clears recorded state and sets the inputs (as the runner would, without defaults). */
export function reset(values: Record<string, string> = {}): void {
  for (const k of Object.keys(inputs)) delete inputs[k]
  for (const k of Object.keys(outputs)) delete outputs[k]
  logs.length = 0
  summaryText = ''
  Object.assign(inputs, values)
  // The fail-fast path reads inputs as the runner passes them, without @actions/core.
  for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key]
  for (const [name, value] of Object.entries(values)) {
    process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  jest.clearAllMocks()
}
