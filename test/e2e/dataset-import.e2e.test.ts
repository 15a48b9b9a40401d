import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession({ open: true })

const files = mkdtempSync(join(tmpdir(), 'switchyard-import-'))

describe('importing a dataset file', () => {
  it('imports a CSV as a new dataset with the suggested mapping', async () => {
    const { page } = session
    const good = join(files, 'capitals.csv')
    writeFileSync(good, 'country,__expected\r\nFrance,Paris\r\n"Korea, South",Seoul\r\n')
    await page.getByRole('link', { name: 'Datasets' }).click()
    await page.getByLabel('Dataset file (CSV, JSONL or JSON)').setInputFiles(good)
    const dialog = page.getByRole('dialog', { name: 'Import a dataset file' })
    await dialog.getByRole('button', { name: 'Import 2 cases' }).click()
    await expect.poll(async () => (await page.getByTestId('import-result').textContent()) ?? '', { timeout: 10_000 }).toMatch(/Imported 2 cases from capitals\.csv/)
    await page.getByRole('list', { name: 'Data set list' }).getByText('capitals').waitFor()
  })

  it('imports nothing from a bad file and lists the problems by line', async () => {
    const { page } = session
    const before = await page.getByRole('list', { name: 'Data set list' }).getByRole('listitem').count()
    const bad = join(files, 'broken.csv')
    writeFileSync(bad, 'a,b\n1,2\n3\n"open,4\n')
    await page.getByLabel('Dataset file (CSV, JSONL or JSON)').setInputFiles(bad)
    const dialog = page.getByRole('dialog', { name: 'Import a dataset file' })
    const alert = dialog.getByRole('alert')
    await alert.waitFor()
    const text = await alert.innerText()
    expect(text).toMatch(/nothing was imported/)
    expect(text).toMatch(/Line 3\s+expected 2 fields, got 1/)
    expect(text).toMatch(/Line 4, column 1\s+unclosed quote/)
    expect(await dialog.getByRole('button', { name: /^Import \d/ }).count()).toBe(0)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await page.getByRole('list', { name: 'Data set list' }).getByRole('listitem').count()).toBe(before)
  })
})
