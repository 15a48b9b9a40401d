import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession({ open: true })

const files = mkdtempSync(join(tmpdir(), 'switchyard-import-'))


describe('importing a dataset file', () => {
  it('imports a CSV as a new dataset and shows its cases', async () => {
    const { page } = session
    const good = join(files, 'capitals.csv')
    writeFileSync(good, 'country,__expected\r\nFrance,Paris\r\n"Korea, South",Seoul\r\n')
    await page.getByRole('link', { name: 'Datasets' }).click()
    await page.getByLabel('Dataset file (CSV, JSONL or JSON)').setInputFiles(good)
    await expect.poll(async () => (await page.getByTestId('import-result').textContent()) ?? '', { timeout: 10_000 }).toMatch(/Imported 2 cases from capitals\.csv/)
    await page.getByRole('list', { name: 'Data set list' }).getByText('capitals').waitFor()
    const cases = page.getByRole('table', { name: 'Cases' })
    await expect.poll(async () => (await cases.innerText()) ?? '').toContain('Korea, South')
  })

  it('imports nothing from a bad file and lists the problems by line', async () => {
    const { page } = session
    const before = await page.getByRole('list', { name: 'Data set list' }).getByRole('listitem').count()
    const bad = join(files, 'broken.csv')
    writeFileSync(bad, 'a,b\n1,2\n3\n"open,4\n')
    await page.getByLabel('Dataset file (CSV, JSONL or JSON)').setInputFiles(bad)
    const alert = page.getByRole('alert')
    await alert.waitFor()
    const text = await alert.innerText()
    expect(text).toMatch(/Nothing was imported/)
    expect(text).toMatch(/broken\.csv:3/)
    expect(await page.getByRole('list', { name: 'Data set list' }).getByRole('listitem').count()).toBe(before)
  })
})
