import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession({ open: true })
const SUITE = 'Triage: swift vs flaky'

/** Replaces the whole text of the Monaco editor named `label` (its input is a textarea with that name). */
async function setMonaco(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: label, exact: true })
  await input.focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(text)
}

const selectedText = (page: Page, label: string) =>
  page.getByRole('combobox', { name: label, exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '')

/** Waits for the live run to end and returns its final status line. */
async function waitForRunEnd(page: Page): Promise<string> {
  const live = page.getByTestId('live-run')
  await expect.poll(() => live.getAttribute('data-phase'), { timeout: 45_000 }).toBe('completed')
  return (await page.getByTestId('live-status').textContent()) ?? ''
}

describe('eval suites in the UI', () => {
  it('builds a suite on the sample contract: two emulator models (one flaky), a checked assertion, gates, an estimate', async () => {
    const { page } = session
    page.setDefaultTimeout(10_000)
    await page.getByRole('link', { name: 'Evals' }).first().click()
    await page.getByRole('region', { name: 'No eval suite yet' }).waitFor()
    expect(await page.getByRole('region', { name: 'No eval suite yet' }).innerText()).toMatch(/emu-flaky[\s\S]*switchyard eval/)
    await page.getByRole('link', { name: 'Create a suite' }).click()

    const form = page.getByRole('form', { name: 'New suite' })
    // A new suite starts on the sample contract and its linked dataset, at their latest versions.
    await expect.poll(() => selectedText(page, 'Contract')).toBe('Support ticket triage')
    await expect.poll(() => selectedText(page, 'Dataset')).toBe('Triage golden set')
    await expect.poll(() => selectedText(page, 'Dataset version')).toMatch(/^v1 — 10 cases/)
    await form.getByRole('textbox', { name: 'Suite name' }).fill(SUITE)

    // Start from the contract's candidates, keep emu-swift, swap the others for the flaky failure profile.
    await expect.poll(() => form.getByRole('list', { name: 'Candidate models' }).innerText()).toContain('emu-deep')
    await form.getByRole('radio', { name: 'Choose models' }).check()
    await form.getByRole('button', { name: 'Remove eval Local emulator / emu-steady' }).click()
    await form.getByRole('button', { name: 'Remove eval Local emulator / emu-deep' }).click()
    await form.getByRole('combobox', { name: 'Add eval model' }).selectOption({ label: 'Local emulator / emu-flaky' })
    await form.getByRole('button', { name: 'Add eval', exact: true }).click()

    // Assertions are validated as they are typed.
    await page.locator('.monaco-editor').first().waitFor()
    await setMonaco(page, 'Suite assertions (JSON)', '[{ "type": "containz", "value": "x" }]')
    await expect.poll(() => form.getByTestId('assertion-check').innerText()).toMatch(/Assertion 1 \(containz\).*unknown assertion type/)
    await setMonaco(page, 'Suite assertions (JSON)', '[{ "type": "icontains", "value": "category" }]')
    await expect.poll(() => form.getByTestId('assertion-check').innerText()).toBe('Assertions are valid.')

    await form.getByRole('spinbutton', { name: 'Minimum pass rate (%)' }).fill('50')
    await form.getByRole('spinbutton', { name: 'Concurrency per provider' }).fill('4')
    await form.getByRole('button', { name: /Create suite/ }).click()

    await page.getByRole('heading', { name: SUITE, level: 2 }).waitFor()
    const facts = page.getByRole('definition').filter({ hasText: 'emu-flaky' })
    expect(await facts.innerText()).toBe('emu-swift, emu-flaky')
    // The estimate: 10 cases × 1 variant × 2 models × 1 repeat.
    await expect.poll(() => page.getByTestId('estimate-calls').textContent()).toBe('20 calls')
    expect(await page.getByTestId('estimate-cost').textContent()).toMatch(/\$/)
  })

  it('runs it (Ctrl+Enter) with live progress and per-model counters to the end', async () => {
    const { page } = session
    await page.keyboard.press('Control+Enter')
    const live = page.getByTestId('live-run')
    await live.waitFor()
    await expect.poll(() => page.getByTestId('live-status').textContent(), { timeout: 15_000 }).toMatch(/of 20 cells/)
    const status = await waitForRunEnd(page)
    expect(status).toMatch(/Completed · 20 of 20 cells done/)
    expect(await page.getByRole('progressbar', { name: 'Eval progress' }).getAttribute('aria-valuenow')).toBe('20')
    // Every cell is counted once, in its column: passed + failed + errors (+ scoring errors) = 10 per model.
    for (const model of ['emu-swift', 'emu-flaky']) {
      const done = await live.getByTestId(`live-col-${model}`).getByRole('cell').first().textContent()
      expect(done).toBe('10')
    }
    expect(await page.getByTestId('live-totals').textContent()).toMatch(/20 completed|completed/)
    await page.getByRole('table', { name: 'Runs of this suite' }).getByRole('link').first().waitFor()
    // The built app committed the run on its writer thread (store-writer-worker.mjs beside the bundle): no fallback.
    expect(session.app.output()).not.toMatch(/SWITCHYARD_STORE_WRITER|writer thread stopped/)
  })

  it('opens the results: statistics with intervals, gates and verdict, the matrix, and a cell with its assertions', async () => {
    const { page } = session
    await page.getByTestId('live-run').getByRole('link', { name: 'Open results' }).click()
    await page.getByRole('heading', { name: 'Statistics per column' }).waitFor()
    expect(await page.getByTestId('run-verdict').getAttribute('data-verdict')).toMatch(/^(pass|fail)$/)
    expect(await page.getByTestId('pass-rate-emu-swift').textContent()).toMatch(/\d+(\.\d)?%\s+\d+(\.\d)?–\d+(\.\d)?%/)
    const gates = page.getByRole('list', { name: 'Gate results' })
    expect(await gates.getByRole('listitem').count()).toBe(2)
    expect(await page.getByRole('img', { name: /^Pass rate per column: emu-swift/ }).count()).toBe(1)

    const matrix = page.getByRole('table', { name: 'Matrix' })
    await expect.poll(() => matrix.getByRole('row').count()).toBe(11)
    await matrix.getByRole('button', { name: /^Case 1 × emu-swift: / }).click()
    const dialog = page.getByRole('dialog', { name: 'Case 1 × emu-swift' })
    await expect.poll(() => dialog.getByTestId('cell-output').textContent()).toMatch(/category/)
    const assertions = dialog.getByRole('table', { name: 'Assertions' })
    await expect.poll(() => assertions.innerText()).toContain('icontains')
    await dialog.getByRole('radio', { name: 'Diff against expected' }).check()
    await dialog.getByTestId('diff-view').waitFor()
    await dialog.getByRole('radio', { name: 'Prompt as sent' }).check()
    expect(await dialog.getByRole('list', { name: 'Prompt as sent' }).innerText()).toContain('Customer tier')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })

    // The failure filter keeps only cases some column did not pass.
    await page.getByRole('radio', { name: 'Failures' }).check()
    await expect.poll(async () => (await page.getByTestId('matrix-count').textContent()) ?? '').toMatch(/of \d+|no case/)
  })

  it('runs again with another model and compares the two runs: verdict sentence, p-value, changed cases, trend', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'All suites' }).click()
    await page.getByRole('list', { name: 'Suite list' }).getByRole('link', { name: new RegExp(SUITE) }).click()
    await page.getByRole('link', { name: 'Edit suite' }).click()
    const form = page.getByRole('form', { name: 'Edit suite' })
    await form.getByRole('button', { name: 'Remove eval Local emulator / emu-flaky' }).click()
    await form.getByRole('combobox', { name: 'Add eval model' }).selectOption({ label: 'Local emulator / emu-steady' })
    await form.getByRole('button', { name: 'Add eval', exact: true }).click()
    await form.getByRole('button', { name: /Save suite/ }).click()
    await page.getByRole('heading', { name: SUITE, level: 2 }).waitFor()
    await expect.poll(() => page.getByTestId('estimate-calls').textContent()).toBe('20 calls')

    await page.getByRole('button', { name: /Run suite/ }).click()
    expect(await waitForRunEnd(page)).toMatch(/20 of 20 cells/)
    await page.getByTestId('live-run').getByRole('link', { name: 'Open results' }).click()
    await page.getByRole('link', { name: 'Compare with the previous run' }).click()

    const verdict = page.getByTestId('compare-verdict')
    await expect.poll(async () => ((await verdict.textContent()) ?? '').length, { timeout: 15_000 }).toBeGreaterThan(10)
    const figures = page.getByRole('region', { name: 'Comparison verdict' })
    expect(await figures.innerText()).toMatch(/Pass rate A[\s\S]*Pass rate B[\s\S]*p-value/)
    await page.getByRole('heading', { name: /Regressions/ }).waitFor()
    await page.getByRole('heading', { name: /Improvements/ }).waitFor()

    // The contract's trend now has both runs.
    await page.getByRole('link', { name: 'All suites' }).click()
    await expect.poll(() => page.getByRole('img', { name: /^Pass rate over 2 runs/ }).count()).toBe(1)
  })

  it('cancels a long run with Esc, resumes it where it stopped, and cancels the resumed run with the button', async () => {
    const { page } = session
    await page.getByRole('button', { name: 'Dismiss the run panel' }).click()
    await page.getByRole('list', { name: 'Suite list' }).getByRole('link', { name: new RegExp(SUITE) }).click()
    await page.getByRole('link', { name: 'Edit suite' }).click()
    const form = page.getByRole('form', { name: 'Edit suite' })
    await form.getByRole('spinbutton', { name: 'Repeats' }).fill('20')
    await form.getByRole('spinbutton', { name: 'Concurrency per provider' }).fill('1')
    await form.getByRole('button', { name: /Save suite/ }).click()
    await expect.poll(() => page.getByTestId('estimate-calls').textContent()).toBe('400 calls')

    await page.getByRole('button', { name: /Run suite/ }).click()
    const status = page.getByTestId('live-status')
    await expect.poll(async () => Number(/· (\d+) of 400/.exec((await status.textContent()) ?? '')?.[1] ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
    await page.keyboard.press('Escape')
    const live = page.getByTestId('live-run')
    await expect.poll(() => live.getAttribute('data-phase'), { timeout: 15_000 }).toBe('cancelled')

    await live.getByRole('button', { name: 'Resume' }).click()
    await expect.poll(() => live.getByRole('heading', { name: 'Resumed run' }).count()).toBe(1)
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 15_000 }).toMatch(/Running · \d+ of 400 cells \(\d+ done before\)/)
    await live.getByRole('button', { name: /^Cancel/ }).click()
    await expect.poll(() => live.getAttribute('data-phase'), { timeout: 15_000 }).toBe('cancelled')
    // The stopped run is listed with a Resume of its own.
    const runs = page.getByRole('table', { name: 'Runs of this suite' })
    await expect.poll(() => runs.getByRole('button', { name: /^Resume/ }).count(), { timeout: 10_000 }).toBe(1)
  })

  it('imports a promptfoo config by its path: shows what it created and what it could not carry over, then opens the suite', async () => {
    const { page } = session
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-e2e-pf-'))
    const path = join(dir, 'promptfooconfig.yaml')
    writeFileSync(
      path,
      [
        'description: Capitals',
        'prompts:',
        "  - 'What is the capital of {{country}}? Answer in one word.'",
        "  - 'Name the capital city of {{ country }}.'",
        'providers:',
        '  - openai:gpt-4.1-mini',
        'tests:',
        '  - vars: { country: France }',
        '    assert:',
        '      - type: icontains',
        '        value: paris',
        '  - vars: { country: Japan }',
        '    assert:',
        '      - type: rouge-n',
        '        value: Tokyo',
        ''
      ].join('\n')
    )
    await page.getByRole('button', { name: 'Import promptfoo' }).click()
    const dialog = page.getByRole('dialog', { name: 'Import a promptfoo config' })
    await dialog.getByRole('textbox', { name: 'Config file path' }).fill(path)
    await dialog.getByRole('button', { name: 'Import', exact: true }).click()
    const created = dialog.getByTestId('promptfoo-result')
    await expect.poll(() => created.innerText()).toMatch(/Capitals[\s\S]*v1, v2[\s\S]*2 cases/)
    expect(await dialog.getByRole('list', { name: 'Unsupported items' }).innerText()).toContain('tests[1].assert[0]')
    await dialog.getByRole('button', { name: 'Open the suite' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('heading', { name: /Capitals/, level: 2 }).waitFor()
    expect(await page.getByRole('definition').filter({ hasText: 'variants' }).innerText()).toContain('Capitals v2')
    // Its provider (openai) is not configured here, so the suite has no model yet: the estimate says so and how to fix it.
    await expect.poll(async () => (await page.getByTestId('eval-estimate').innerText()) ?? '').toMatch(/has no models: pick models for the suite/)
    // That refused estimate is the only failed request (the browser logs every 4xx response).
    expect(session.browser.errors.filter((e) => !/status of 400/.test(e))).toEqual([])
    expect(session.browser.errors.length).toBeLessThanOrEqual(1)
  })
})
