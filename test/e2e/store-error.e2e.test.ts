import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { openBrowser, screenshotIfFailed, type BrowserSession } from './support/browser'
import { startWebApp, type WebApp } from './support/web-app'

let app: WebApp | undefined
let browser: BrowserSession | undefined

afterEach(async ({ task }) => screenshotIfFailed(browser, task))
afterAll(async () => {
  await browser?.close()
  await app?.close()
})

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('a store file that cannot be opened', () => {
  it('is named in a clear error, never overwritten, and a fresh store can be opened beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-bad-'))
    const bad = join(dir, 'switchyard.db')
    writeFileSync(bad, randomBytes(8192))
    const before = sha(bad)
    app = await startWebApp({ dir, storePath: bad })
    // The refusal goes to stderr, which may arrive just after the URL line on stdout that startWebApp waits for.
    const started = app
    await expect.poll(() => started.output(), { timeout: 5_000 }).toMatch(/UNAVAILABLE/)
    browser = await openBrowser()
    const { page } = browser
    await page.goto(app.openUrl)
    await page.getByRole('heading', { name: 'The store could not be opened' }).waitFor()
    expect(await page.getByRole('main').innerText()).toContain(bad)
    expect(sha(bad)).toBe(before)

    await page.getByRole('button', { name: 'Open a fresh store' }).click()
    await page.getByRole('navigation', { name: 'Sections' }).waitFor()
    const store = page.getByTestId('status-store')
    await expect.poll(async () => (await store.textContent()) ?? '').toMatch(/switchyard-fresh-/)
    expect(sha(bad)).toBe(before)
    expect(readdirSync(dir).some((f) => f.startsWith('switchyard-fresh-'))).toBe(true)
    await page.getByRole('link', { name: 'Contracts' }).click()
    await page.getByRole('heading', { name: 'Support ticket triage' }).waitFor()
  })
})
