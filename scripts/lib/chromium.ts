// Headless Chromium (Debian's `chromium`) for screenshots of rendered pages, offline: a fresh
// profile per call, no network services, no GPU.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM']
  if (fromEnv && existsSync(fromEnv)) return fromEnv
  return CANDIDATES.find(path => existsSync(path))
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--hide-scrollbars',
  '--force-device-scale-factor=1',
  '--allow-file-access-from-files',
  // Scripts (mermaid.js) run to completion on virtual time before the page is captured.
  '--virtual-time-budget=15000'
]

function chromium(binary: string, args: string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  try {
    const result = spawnSync(binary, [...FLAGS, `--user-data-dir=${profile}`, ...args], {
      encoding: 'utf8',
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024
    })
    if (result.error) throw result.error
    if (result.status !== 0) {
      throw new Error(`chromium exited with ${result.status}: ${result.stderr.slice(-500)}`)
    }
    return result.stdout
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
}

export interface PageState {
  /** Full height of the rendered page, in CSS pixels. */
  readonly height: number
  /** Set when mermaid.js failed to draw a chart. */
  readonly mermaidError: string | undefined
}

/** Loads the page, lets its scripts finish, and reads what the page wrote on `<body>`. */
export function pageState(binary: string, htmlFile: string, width: number): PageState {
  const dom = chromium(binary, [
    `--window-size=${width},800`,
    '--dump-dom',
    pathToFileURL(htmlFile).href
  ])
  const rendered = /<body[^>]*\bdata-rendered="(\d+)"/.exec(dom)?.[1]
  if (rendered === undefined) throw new Error(`${htmlFile}: the page never finished rendering`)
  const error = /<body[^>]*\bdata-mermaid-error="([^"]*)"/.exec(dom)?.[1]
  return { height: Number(rendered), mermaidError: error }
}

/** A PNG of the whole page at `width` CSS pixels. */
export function screenshot(
  binary: string,
  htmlFile: string,
  pngFile: string,
  width: number,
  height: number
): void {
  chromium(binary, [
    `--window-size=${width},${Math.max(200, Math.ceil(height))}`,
    `--screenshot=${pngFile}`,
    pathToFileURL(htmlFile).href
  ])
  if (!existsSync(pngFile)) throw new Error(`chromium wrote no screenshot for ${htmlFile}`)
}
