/// <reference lib="dom" />
// Refreshes the README screenshot from the real app: npx tsx scripts/take-screenshot.ts (after npm run build).
import { openBrowser } from '../test/e2e/support/browser'
import { startWebApp } from '../test/e2e/support/web-app'

const app = await startWebApp()
const browser = await openBrowser()
try {
  const { page } = browser
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(app.openUrl)
  await page.getByRole('link', { name: 'Providers' }).click()
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck()
  for (const model of ['emu-swift', 'emu-steady', 'emu-deep', 'emu-flaky']) await page.getByRole('checkbox', { name: model, exact: true }).check()
  await page.getByRole('textbox', { name: 'Prompt' }).fill('Explain what a load balancer does in two sentences.')
  await page.getByRole('button', { name: 'Run probe' }).click()
  await page.waitForFunction(() => document.querySelector('[data-testid="probe-status"]')?.getAttribute('data-phase') === 'completed', null, { timeout: 20_000 })
  await page.getByRole('heading', { name: 'Providers', level: 1 }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'resources/screenshots/switchyard.png' })
  console.log('wrote resources/screenshots/switchyard.png')
} finally {
  await browser.close()
  await app.close()
}
