/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession()

const SECTIONS = ['Playground', 'Contracts', 'Datasets', 'Evals', 'Benchmarks', 'Insights', 'Routing', 'Providers', 'Settings']

describe('the shell in Chromium (web mode)', () => {
  it('opens with the token, drops it from the address bar and shows the store and emulator in the status bar', async () => {
    const { page } = session
    await page.goto(session.app.openUrl)
    await page.getByRole('navigation', { name: 'Sections' }).waitFor()
    expect(page.url()).not.toContain('token=')
    const status = page.getByRole('status', { name: 'Status bar' })
    await expect.poll(() => status.getByTestId('status-store').textContent()).toContain(session.app.storePath)
    await expect.poll(() => status.getByTestId('status-emulator').textContent()).toMatch(/running/i)
    expect(await status.getByTestId('status-face').textContent()).toMatch(/web/i)
  })

  it('visits every section: each has its heading and real content or a teaching empty state', async () => {
    const { page } = session
    for (const name of SECTIONS) {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name }).click()
      await page.getByRole('heading', { name, level: 1 }).waitFor()
      expect(page.url()).toContain(`#/${name.toLowerCase()}`)
      const main = page.getByRole('main')
      expect((await main.innerText()).length).toBeGreaterThan(80)
    }
  })

  it('shows the sample workspace: the contract in Monaco (from the local bundle) and the dataset cases', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'Contracts' }).click()
    await page.getByRole('heading', { name: 'Support ticket triage' }).waitFor()
    await page.locator('.monaco-editor').first().waitFor()
    await expect.poll(() => page.locator('.monaco-editor').first().innerText()).toContain('{{ticket}}')
    await page.getByRole('link', { name: 'Datasets' }).click()
    const cases = page.getByRole('grid', { name: 'Cases' })
    await cases.waitFor()
    expect(await cases.getByRole('row').count()).toBe(11)
    expect(session.browser.requests.every((url) => url.startsWith(session.app.origin) || url.startsWith('data:') || url.startsWith('blob:'))).toBe(true)
  })

  it('navigates by keyboard: Ctrl+digit jumps to a section, ? opens the shortcuts, Esc closes them', async () => {
    const { page } = session
    await page.getByRole('main').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+2')
    await page.getByRole('heading', { name: 'Contracts', level: 1 }).waitFor()
    await page.keyboard.press('Control+8')
    await page.getByRole('heading', { name: 'Providers', level: 1 }).waitFor()
    await page.keyboard.press('Shift+Slash')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    const nav = page.getByRole('navigation', { name: 'Sections' })
    await nav.getByRole('link', { name: 'Playground' }).focus()
    await page.keyboard.press('ArrowDown')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Contracts')
  })

  it('follows the theme setting and keeps it across a reload', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('radio', { name: 'Dark' }).check()
    const scheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)
    await expect.poll(scheme).toBe('dark')
    await page.reload()
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
    await expect.poll(scheme).toBe('dark')
    await page.getByRole('radio', { name: 'System' }).check()
  })

  it('logged no console errors and reached nothing beyond this machine', () => {
    expect(session.browser.errors).toEqual([])
    const foreign = session.browser.requests.filter((url) => !(url.startsWith(session.app.origin) || url.startsWith('data:') || url.startsWith('blob:')))
    expect(foreign).toEqual([])
  })
})
