import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession({ open: true })

/** The grid cell at a 0-based row and column (columns: ticket, customer_tier, Expected output, Assertions, Tags, Notes). */
const cell = (page: Page, row: number, col: number) => page.locator(`#grid-cell-${row}-${col}`)
const unsaved = async (page: Page) => (await page.getByTestId('unsaved-count').textContent()) ?? ''
const rowCount = async (page: Page) => Number(await page.getByRole('grid', { name: 'Cases' }).getAttribute('aria-rowcount')) - 1

/** Every rendered row sits where its index says (30 px apart, in order): nothing hidden behind another row. */
async function rowsLaidOutInOrder(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const rows = Array.from(document.querySelectorAll('[role=row][data-index]')).map((r) => ({ index: Number(r.getAttribute('data-index')), top: r.getBoundingClientRect().top }))
    rows.sort((a, b) => a.index - b.index)
    return rows.every((r, i) => i === 0 || Math.abs(r.top - rows[i - 1]!.top - 30 * (r.index - rows[i - 1]!.index)) < 1)
  })
}

/** A paste event carrying text, as a spreadsheet's copy would (clipboard permissions are denied in headless Chromium). */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.getByRole('grid', { name: 'Cases' }).evaluate((grid, data) => {
    const transfer = new DataTransfer()
    transfer.setData('text/plain', data)
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  }, text)
}

describe('the Datasets grid editor', () => {
  it('edits the sample golden set, saves version 2 and compares it with version 1', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'Datasets' }).click()
    await page.getByRole('heading', { name: 'Triage golden set' }).waitFor()
    const grid = page.getByRole('grid', { name: 'Cases' })
    await grid.waitFor()
    await expect.poll(() => cell(page, 0, 1).textContent()).toBe('pro')
    expect(await rowCount(page)).toBe(10)

    // Edit a cell: Enter opens the editor, Enter commits.
    await cell(page, 0, 1).click()
    await page.keyboard.press('Enter')
    const editor = page.getByRole('textbox', { name: 'Edit customer_tier, row 1' })
    await editor.fill('enterprise')
    await editor.press('Enter')
    expect(await cell(page, 0, 1).textContent()).toBe('enterprise')
    expect(await cell(page, 0, 1).getAttribute('class')).toContain('changed')
    expect(await unsaved(page)).toContain('1 unsaved change')

    // Invalid assertions stay in the editor with the reason.
    await cell(page, 1, 3).dblclick()
    const assertions = page.getByRole('textbox', { name: 'Edit Assertions, row 2' })
    await assertions.fill('[{"value":"no type"}]')
    await assertions.press('Enter')
    await expect.poll(async () => (await page.getByRole('alert').allTextContents()).join(' ')).toContain('needs a "type"')
    await assertions.press('Escape')
    expect(await unsaved(page)).toContain('1 unsaved change')

    // Add a row at the end and type into it.
    await cell(page, 9, 0).click()
    await page.getByRole('button', { name: 'Add row' }).click()
    expect(await rowCount(page)).toBe(11)
    await page.keyboard.type('New ticket from the grid')
    await page.keyboard.press('Enter')
    expect(await cell(page, 10, 0).textContent()).toBe('New ticket from the grid')

    // Duplicate row 1 (with its edit), delete row 5, then undo the delete.
    await page.getByRole('rowheader', { name: /^1$/ }).click()
    await page.getByRole('button', { name: 'Duplicate row' }).click()
    expect(await rowCount(page)).toBe(12)
    expect(await cell(page, 1, 1).textContent()).toBe('enterprise')
    expect(await rowsLaidOutInOrder(page)).toBe(true)
    const fifth = await cell(page, 4, 0).textContent()
    await cell(page, 4, 0).click()
    await page.getByRole('button', { name: 'Delete row' }).click()
    expect(await rowCount(page)).toBe(11)
    await page.keyboard.press('Control+z')
    expect(await rowCount(page)).toBe(12)
    expect(await cell(page, 4, 0).textContent()).toBe(fifth)
    expect(await rowsLaidOutInOrder(page)).toBe(true)

    // Paste a 2×3 block from a spreadsheet onto the new row's expected output: one row is added.
    await cell(page, 11, 2).click()
    await pasteText(page, '{"category":"billing"}\t[{"type":"contains","value":"refund"}]\tpasted, e2e\n{"category":"bug"}\t\tpasted\n')
    await expect.poll(() => rowCount(page)).toBe(13)
    expect(await cell(page, 11, 2).textContent()).toBe('{"category":"billing"}')
    expect(await cell(page, 12, 4).textContent()).toBe('pasted')
    expect(await page.getByTestId('grid-status').textContent()).toMatch(/Pasted 6 cells, added 1 row/)
    expect(await unsaved(page)).toContain('4 unsaved changes')
    expect(await rowsLaidOutInOrder(page)).toBe(true)

    // Leaving with unsaved edits asks first; "Keep editing" stays.
    await page.getByRole('link', { name: 'Providers' }).click()
    const leave = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' })
    await leave.waitFor()
    await leave.getByRole('button', { name: 'Keep editing' }).click()
    expect(page.url()).toContain('#/datasets')
    expect(await unsaved(page)).toContain('4 unsaved changes')

    // Save → version 2 (Ctrl+S from the grid).
    await page.getByRole('textbox', { name: 'Version note' }).fill('Edited in e2e')
    await cell(page, 0, 0).click()
    await page.keyboard.press('Control+s')
    await expect.poll(async () => (await page.getByTestId('grid-status').textContent()) ?? '', { timeout: 10_000 }).toContain('Saved version 2: 13 cases (Edited in e2e)')
    await page.getByRole('list', { name: 'Data set list' }).getByText('v2').waitFor()
    expect(await unsaved(page)).toContain('No unsaved changes')
    expect(await cell(page, 12, 4).textContent()).toBe('pasted')

    // Compare v1 → v2.
    await page.getByRole('button', { name: 'Compare versions' }).click()
    const summary = page.getByTestId('compare-summary')
    await summary.waitFor()
    const text = await summary.textContent()
    expect(text).toContain('1 changed')
    expect(text).toContain('3 added')
    expect(text).toContain('0 removed')
    expect(text).toContain('9 unchanged')
    const differences = page.getByRole('list', { name: 'Differences' })
    const changed = differences.getByRole('listitem').filter({ hasText: 'changed' })
    expect(await changed.getByRole('row', { name: /customer_tier/ }).textContent()).toMatch(/customer_tier\s*pro\s*enterprise/)
    expect(await differences.textContent()).toContain('New ticket from the grid')

    // An older version opens read-only.
    await page.getByRole('button', { name: 'Back to the cases' }).click()
    await page.getByRole('combobox', { name: 'Version' }).selectOption('1')
    await expect.poll(async () => grid.getAttribute('aria-readonly')).toBe('true')
    expect(await rowCount(page)).toBe(10)
    await expect.poll(() => cell(page, 0, 1).textContent()).toBe('pro')
    expect(session.browser.errors).toEqual([])
  })

  it('creates an empty dataset linked to the contract, fills it by paste, saves it and refuses a taken name', async () => {
    const { page } = session
    await page.getByRole('button', { name: 'New dataset' }).click()
    const dialog = page.getByRole('dialog', { name: 'New dataset' })
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Refund questions')
    await dialog.getByRole('combobox', { name: 'Contract' }).selectOption({ label: 'Support ticket triage' })
    await dialog.getByRole('button', { name: 'Create dataset' }).click()
    await page.getByRole('heading', { name: 'Refund questions' }).waitFor()
    await page.getByText('No cases yet').waitFor()
    const grid = page.getByRole('grid', { name: 'Cases' })
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('1')
    expect(await grid.getByRole('columnheader').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('ticket'), expect.stringContaining('customer_tier')]))

    await grid.focus()
    await pasteText(page, 'Where is my refund?\tpro\nCancel my plan\tfree\n')
    await expect.poll(() => rowCount(page)).toBe(2)
    expect(await unsaved(page)).toContain('2 unsaved changes')
    await page.keyboard.press('Control+s')
    await expect.poll(async () => (await page.getByTestId('grid-status').textContent()) ?? '', { timeout: 10_000 }).toContain('Saved version 2: 2 cases')

    await page.getByRole('button', { name: 'Edit details' }).click()
    const details = page.getByRole('dialog', { name: 'Edit “Refund questions”' })
    await details.getByRole('textbox', { name: 'Name' }).fill('triage GOLDEN set')
    await details.getByRole('button', { name: 'Save details' }).click()
    await expect.poll(async () => (await details.getByRole('alert').textContent()) ?? '').toMatch(/already exists.*CONFLICT/)
    await details.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('heading', { name: 'Refund questions' }).waitFor()
  })
})
