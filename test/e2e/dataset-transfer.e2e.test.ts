import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession({ open: true })
const files = mkdtempSync(join(tmpdir(), 'switchyard-transfer-'))

describe('dataset import with a mapping step, export, and cases from feedback', () => {
  it('imports a CSV through the mapping step (a variable renamed, a column ignored) and exports it as CSV', async () => {
    const { page } = session
    const csv = join(files, 'greetings.csv')
    writeFileSync(csv, 'Customer name,question,__expected,internal\r\nAda,"Hi, ""there""",Hello,x\r\nBob,"Bye\nfor now",See you,y\r\n')
    await page.getByRole('link', { name: 'Datasets' }).click()
    await page.getByLabel('Dataset file (CSV, JSONL or JSON)').setInputFiles(csv)

    const dialog = page.getByRole('dialog', { name: 'Import a dataset file' })
    await expect.poll(async () => (await dialog.getByTestId('import-summary').textContent()) ?? '', { timeout: 10_000 }).toMatch(/greetings\.csv · CSV · .* · 2 rows · 4 columns/)
    const mapping = dialog.getByRole('table', { name: 'Column mapping' })
    expect(await mapping.getByRole('combobox', { name: 'Role of __expected' }).inputValue()).toBe('expected')
    await mapping.getByRole('textbox', { name: 'Variable name for Customer name' }).fill('customer')
    await mapping.getByRole('combobox', { name: 'Role of internal' }).selectOption({ label: 'Ignore' })
    await dialog.getByRole('textbox', { name: 'New dataset name' }).fill('Greetings e2e')
    await dialog.getByRole('button', { name: 'Import 2 cases' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => (await page.getByTestId('import-result').textContent()) ?? '').toMatch(/Imported 2 cases from greetings\.csv as version 1/)
    await page.getByRole('list', { name: 'Data set list' }).getByText('Greetings e2e').waitFor()

    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const exporter = page.getByRole('dialog', { name: 'Export Greetings e2e' })
    await exporter.getByRole('radio', { name: 'CSV (promptfoo)' }).check()
    const [download] = await Promise.all([page.waitForEvent('download'), exporter.getByRole('button', { name: 'Download CSV' }).click()])
    expect(download.suggestedFilename()).toBe('greetings-e2e-v1.csv')
    const content = readFileSync(await download.path(), 'utf8')
    expect(content).toBe('customer,question,__expected\r\nAda,"Hi, ""there""",Hello\r\nBob,"Bye\nfor now",See you\r\n')
    await exporter.getByTestId('export-result').waitFor()
    await exporter.getByRole('button', { name: 'Close' }).click()
  })

  it('gives a playground answer a thumbs-down with a note, then turns it into a case from the Datasets page', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'Playground' }).click()
    await page.getByRole('heading', { name: 'Playground', level: 1 }).waitFor()
    const chooser = page.getByRole('button', { name: 'Choose models' })
    if ((await chooser.getAttribute('aria-expanded')) !== 'true') await chooser.click()
    for (const model of ['emu-swift', 'emu-instant']) {
      await page.getByRole('checkbox', { name: `Local emulator / ${model}`, exact: true }).check()
    }
    await page.getByRole('textbox', { name: 'text', exact: true }).fill('Feature flags let teams ship dark.')
    await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('30')
    await page.keyboard.press('Control+Enter')
    const swift = page.getByRole('region', { name: 'emu-swift', exact: true })
    await expect.poll(() => swift.getByTestId('col-phase').getAttribute('data-phase'), { timeout: 15_000 }).toBe('ok')

    const thumbsDown = swift.getByRole('button', { name: 'Thumbs down' })
    await expect.poll(() => thumbsDown.isEnabled(), { timeout: 10_000 }).toBe(true)
    await thumbsDown.click()
    await expect.poll(() => thumbsDown.getAttribute('aria-pressed')).toBe('true')
    await swift.getByRole('button', { name: 'Add note' }).click()
    await swift.getByRole('textbox', { name: 'Feedback note' }).fill('Misses what "ship dark" means.')
    await swift.getByRole('button', { name: 'Save note' }).click()
    await expect.poll(async () => (await swift.getByTestId('feedback-note').textContent()) ?? '').toBe('Misses what "ship dark" means.')

    await page.getByRole('link', { name: 'Datasets' }).click()
    await page.getByRole('button', { name: 'Cases from feedback' }).click()
    const dialog = page.getByRole('dialog', { name: 'Cases from feedback' })
    await dialog.getByRole('combobox', { name: 'Show feedback' }).selectOption({ label: 'Thumbs down' })
    const calls = dialog.getByRole('table', { name: 'Calls with feedback' })
    await expect.poll(async () => (await calls.innerText()) ?? '', { timeout: 10_000 }).toContain('Misses what "ship dark" means.')
    await calls.getByRole('checkbox', { name: /^Select emu-swift call/ }).check()
    await dialog.getByRole('combobox', { name: 'Add to' }).selectOption({ label: 'New dataset…' })
    await dialog.getByRole('textbox', { name: 'New dataset name' }).fill('Regressions e2e')
    await dialog.getByRole('button', { name: 'Add 1 case' }).click()
    await expect.poll(async () => (await dialog.getByTestId('feedback-cases-result').textContent()) ?? '').toMatch(/Added 1 case to Regressions e2e v1/)
    // "Not yet a case" (on by default) now hides it; without that filter it shows where it went.
    await expect.poll(() => calls.count()).toBe(0)
    await dialog.getByRole('checkbox', { name: 'Not yet a case' }).uncheck()
    await expect.poll(async () => (await calls.innerText()) ?? '').toContain('Regressions e2e')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await page.getByRole('list', { name: 'Data set list' }).getByText('Regressions e2e').waitFor()
    expect(session.browser.errors).toEqual([])
  })
})
