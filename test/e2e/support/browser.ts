import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { findChromium } from '../../../scripts/find-chromium.mjs'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export interface BrowserSession {
  context: BrowserContext
  page: Page
  /** Every request URL the page made, to prove nothing leaves 127.0.0.1. */
  requests: string[]
  /** Console errors and uncaught page errors. */
  errors: string[]
  close(): Promise<void>
}

/** Real Chromium (Debian's), headless, with a fresh profile. */
export async function openBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserSession> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium not found: run npm test (it installs or explains) or set CHROMIUM_PATH.')
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'switchyard-chromium-')), {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'light'
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const requests: string[] = []
  const errors: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return { context, page, requests, errors, close: () => context.close() }
}

/** For afterEach: a full-page screenshot in test-results/screenshots/ when the test failed. */
export async function screenshotIfFailed(session: BrowserSession | undefined, task: { name: string; result?: { state?: string } }): Promise<void> {
  if (!session || task.result?.state !== 'fail') return
  mkdirSync('test-results/screenshots', { recursive: true })
  const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)
  await session.page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true }).catch(() => undefined)
}
