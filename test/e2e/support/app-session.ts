import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { openBrowser, screenshotIfFailed, type BrowserSession } from './browser'
import { startWebApp, type WebApp } from './web-app'

export interface AppSession {
  readonly app: WebApp
  readonly browser: BrowserSession
  readonly page: Page
}

/**
 * One web-mode app (fresh store) and one Chromium for a test file: started before its tests (and, with `open`,
 * the page already signed in), a screenshot in test-results/ for each failing test, both closed afterwards.
 */
export function useAppSession(options: { open?: boolean } = {}): AppSession {
  let app: WebApp | undefined
  let browser: BrowserSession | undefined
  beforeAll(async () => {
    app = await startWebApp()
    browser = await openBrowser()
    if (options.open) await browser.page.goto(app.openUrl)
  })
  afterEach(async ({ task }) => screenshotIfFailed(browser, task))
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The app session starts in beforeAll; use it inside tests.')
    return value
  }
  return {
    get app() {
      return started(app)
    },
    get browser() {
      return started(browser)
    },
    get page() {
      return started(browser).page
    }
  }
}
