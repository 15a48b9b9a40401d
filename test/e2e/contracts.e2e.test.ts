import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession({ open: true })

/** Replaces the whole text of the Monaco editor named `label` (its input is a textarea with that name). */
async function setMonaco(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: label, exact: true })
  await input.focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(text)
}

const editorState = (page: Page) => page.getByTestId('editor-state').textContent()

describe('the contracts screen', () => {
  it('creates a contract in the editor: template in Monaco, variables from the template, saved with Ctrl+S', async () => {
    const { page } = session
    page.setDefaultTimeout(10_000)
    await page.getByRole('link', { name: 'Contracts' }).first().click()
    await page.getByRole('link', { name: 'New contract' }).click()
    const editor = page.getByRole('form', { name: 'New contract' })
    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('Refund replies')
    await editor.getByRole('textbox', { name: 'Feature tag' }).fill('refunds')
    await page.locator('.monaco-editor').nth(1).waitFor()
    await setMonaco(page, 'Message 2 (user)', 'Customer ticket:\n{{ticket}}\nReply in a {{tone}} tone.')

    // The template names variables the table does not declare: said next to the message, with the fix.
    const messageProblems = editor.getByTestId('problems-messages.1')
    await expect.poll(() => messageProblems.innerText()).toMatch(/uses \{\{ticket\}\}, which is not a declared variable: add "ticket"/)
    await editor.getByRole('button', { name: 'Add from template (2)' }).click()
    await editor.getByRole('button', { name: 'Remove variable 1' }).click() // the starter {{input}}, now unused
    await expect.poll(() => editor.getByRole('textbox', { name: 'Name of variable 1' }).inputValue()).toBe('ticket')
    await editor.getByRole('textbox', { name: 'Example of variable 1' }).fill('I was charged twice.')
    await editor.getByRole('spinbutton', { name: 'p95 latency budget (ms)' }).fill('1500')
    await editor.getByRole('combobox', { name: 'Add candidate model' }).selectOption({ label: 'Local emulator / emu-swift' })
    await editor.getByRole('button', { name: 'Add candidate' }).click()
    expect(await messageProblems.count()).toBe(0)

    await page.keyboard.press('Control+S')
    await page.getByRole('heading', { name: 'Refund replies', level: 2 }).waitFor()
    expect(page.url()).not.toContain('/new')
    const list = page.getByRole('list', { name: 'Contract list' })
    await expect.poll(() => list.innerText()).toContain('Refund replies')
    await expect.poll(() => page.getByTestId('status-card').getAttribute('data-level')).toBe('unmeasured')
  })

  it('edits it: an invalid JSON Schema is shown at its field, the fixed one saves as v2, an unchanged save makes no version', async () => {
    const { page } = session
    await page.getByRole('tab', { name: 'Edit' }).click()
    const editor = page.getByRole('form', { name: 'Edit contract' })
    await editor.getByRole('radio', { name: 'JSON Schema' }).check()
    await page.getByRole('textbox', { name: 'Output JSON Schema', exact: true }).waitFor()
    await setMonaco(page, 'Output JSON Schema', '{"type": "object", "properties": {"reply": {"type": "strng"}}, "required": ["reply"]}')
    const schemaProblems = editor.getByTestId('problems-output')
    await expect.poll(() => schemaProblems.innerText(), { timeout: 10_000 }).toMatch(/not valid JSON Schema at #\/properties\/reply\/type: .*use one of "array", "boolean"/)
    await editor.getByRole('button', { name: 'Save version' }).click()
    await expect.poll(() => editor.getByRole('alert').first().innerText()).toMatch(/Not saved: fix the problem marked below first/)

    await setMonaco(page, 'Output JSON Schema', '{"type": "object", "properties": {"reply": {"type": "string"}}, "required": ["reply"]}')
    await expect.poll(() => schemaProblems.count(), { timeout: 10_000 }).toBe(0)
    await editor.getByRole('spinbutton', { name: 'Temperature' }).fill('0.3')
    await editor.getByRole('button', { name: 'Save version' }).click()
    await expect.poll(() => editorState(page)).toBe('Saved version 2.')
    await editor.getByRole('button', { name: 'Save version' }).click()
    await expect.poll(() => editorState(page)).toBe('Nothing changed since version 2: no new version was made.')
  })

  it('lists the versions with what changed, diffs v1 and v2, and opens v1 read-only', async () => {
    const { page } = session
    await page.getByRole('tab', { name: 'Versions' }).click()
    const versions = page.getByRole('table', { name: 'Versions' })
    await expect.poll(() => versions.getByRole('row').count()).toBe(3)
    expect(await versions.innerText()).toMatch(/v2[\s\S]*output text → json schema; parameters edited[\s\S]*v1[\s\S]*First version/)
    const diff = page.getByTestId('diff-view')
    await expect.poll(() => diff.innerText(), { timeout: 15_000 }).toContain('json_schema')
    // Monaco marks the changed lines once its worker has computed the diff.
    await expect.poll(() => diff.locator('.line-insert, .char-insert').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Open v1' }).click()
    const opened = page.getByRole('region', { name: 'Version 1 (read-only)' })
    await expect.poll(() => opened.innerText()).toContain('Plain text: no output schema.')
  })

  it('duplicates and archives the copy (hidden unless "Show archived")', async () => {
    const { page } = session
    await page.getByRole('button', { name: 'Duplicate' }).click()
    await page.getByRole('heading', { name: 'Refund replies (copy)', level: 2 }).waitFor()
    await page.getByRole('button', { name: 'Archive' }).click()
    const list = page.getByRole('list', { name: 'Contract list' })
    await expect.poll(() => list.innerText()).not.toContain('Refund replies (copy)')
    await page.getByRole('checkbox', { name: 'Show archived' }).check()
    await expect.poll(() => list.innerText()).toContain('Refund replies (copy)')
    await page.getByRole('checkbox', { name: 'Show archived' }).uncheck()
  })

  it("opens a version in the playground with a dataset case's variables", async () => {
    const { page } = session
    await page.getByRole('list', { name: 'Contract list' }).getByRole('link', { name: /^Refund replies\s*, status/ }).click()
    await page.getByRole('heading', { name: 'Refund replies', level: 2, exact: true }).waitFor()
    await page.getByRole('button', { name: 'Open in playground' }).click()
    const dialog = page.getByRole('dialog', { name: 'Open in playground' })
    await dialog.getByRole('radio', { name: 'A dataset case' }).check()
    await dialog.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: 'Triage golden set (10 cases)' })
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Case' }).inputValue()).not.toBe('')
    await dialog.getByRole('button', { name: 'Open in playground' }).click()
    await page.getByRole('heading', { name: 'Playground', level: 1 }).waitFor()
    await expect.poll(() => page.getByRole('textbox', { name: 'ticket', exact: true }).inputValue()).toMatch(/charged twice/)
    await expect.poll(() => page.locator('.monaco-editor').nth(1).innerText()).toContain('{{tone}}')
    expect(await page.getByRole('spinbutton', { name: 'Temperature' }).inputValue()).toBe('0.3')
    expect(await page.getByRole('list', { name: 'Chosen models' }).innerText()).toContain('emu-swift')
    expect(session.browser.errors).toEqual([])
  })
})
