/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession()

describe('web mode security in the browser', () => {
  it('refuses a visit without the token', async () => {
    const response = await session.browser.page.goto(`${session.app.origin}/`)
    expect(response?.status()).toBe(401)
    expect(await session.browser.page.content()).toMatch(/token is missing/)
  })

  it('runs the app with its CSP: injected inline script is blocked and Node is out of reach', async () => {
    const { page } = session
    await page.goto(session.app.openUrl)
    await page.getByRole('navigation', { name: 'Sections' }).waitFor()
    const violations = page.evaluate(
      () => new Promise<number>((resolve) => {
        let count = 0
        document.addEventListener('securitypolicyviolation', () => count++)
        setTimeout(() => resolve(count), 300)
      })
    )
    await page.addScriptTag({ content: 'window.__injected = 1' }).catch(() => undefined)
    expect(await violations).toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined()
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual(['undefined', 'undefined'])
  })

  it('keeps the session token out of script reach (HttpOnly cookie) and out of storage', async () => {
    const { page } = session
    expect(await page.evaluate(() => document.cookie)).not.toContain('switchyard_token')
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
    const token = new URL(session.app.openUrl).searchParams.get('token')!
    expect(storage).not.toContain(token)
  })
})
