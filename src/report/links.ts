// Region-aware AWS console and GitHub run links. Every path component is URL-encoded, so a
// name can never change where a link points.

import type { RunContext } from '../types.js'

/** The console origin for a region: China and GovCloud have their own consoles. */
export function consoleOrigin(region: string): string {
  if (region.startsWith('cn-')) return 'https://console.amazonaws.cn'
  if (region.startsWith('us-gov-')) return 'https://console.amazonaws-us-gov.com'
  return `https://${encodeURIComponent(region)}.console.aws.amazon.com`
}

function serviceHome(service: 'sagemaker' | 'cloudwatch', region: string): string {
  const r = encodeURIComponent(region)
  return `${consoleOrigin(region)}/${service}/home?region=${r}`
}

export function endpointUrl(region: string, endpointName: string): string {
  return `${serviceHome('sagemaker', region)}#/endpoints/${encodeURIComponent(endpointName)}`
}

export function endpointConfigUrl(region: string, configName: string): string {
  return `${serviceHome('sagemaker', region)}#/endpointConfig/${encodeURIComponent(configName)}`
}

export function modelUrl(region: string, modelName: string): string {
  return `${serviceHome('sagemaker', region)}#/models/${encodeURIComponent(modelName)}`
}

export function alarmUrl(region: string, alarmName: string): string {
  return `${serviceHome('cloudwatch', region)}#alarmsV2:alarm/${encodeURIComponent(alarmName)}`
}

/** The workflow run attempt; undefined when the server URL is not http(s). */
export function runUrl(run: RunContext): string | undefined {
  const server = (run.serverUrl || 'https://github.com').replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]+$/i.test(server)) return undefined
  const repository = run.repository.split('/').map(encodeURIComponent).join('/')
  const attempt = encodeURIComponent(run.runAttempt || '1')
  return `${server}/${repository}/actions/runs/${encodeURIComponent(run.runId)}/attempts/${attempt}`
}

/** The commit page of the run. */
export function commitUrl(run: RunContext): string | undefined {
  const server = (run.serverUrl || 'https://github.com').replace(/\/+$/, '')
  if (!/^https?:\/\/[^/]+$/i.test(server) || run.sha === '') return undefined
  const repository = run.repository.split('/').map(encodeURIComponent).join('/')
  return `${server}/${repository}/commit/${encodeURIComponent(run.sha)}`
}
