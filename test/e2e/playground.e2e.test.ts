/// <reference lib="dom" />
// page.evaluate callbacks run in the browser.
import { randomUUID } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession({ open: true })

/** A key that must never leave the engine: not into SQLite, the WAL, any file, the page's storage or its DOM. */
const CANARY = `sk-CANARY-${randomUUID()}`

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}


describe('providers and the side-by-side playground', () => {
  it('adds an OpenAI-compatible provider pointing at the emulator and lists its models', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'Providers' }).click()
    // `switchyard serve` prints the in-process emulator's URL.
    const emulatorUrl = /emulator: (http:\/\/127\.0\.0\.1:\d+)/.exec(session.app.output())?.[1]
    expect(emulatorUrl).toBeTruthy()

    await page.getByRole('button', { name: 'Add provider' }).click()
    const form = page.getByRole('dialog', { name: 'Add provider' })
    await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'OpenAI-compatible server' })
    await form.getByRole('textbox', { name: 'Name' }).fill('Gateway under test')
    await form.getByRole('textbox', { name: 'Base URL' }).fill(`${emulatorUrl}/v1`)
    await form.getByRole('textbox', { name: 'Extra headers' }).fill('X-Team: evals')
    await form.getByLabel('API key').fill(CANARY)
    await form.getByRole('button', { name: 'Save provider' }).click()
    await form.waitFor({ state: 'detached' })

    await page.getByRole('button', { name: 'Test connection' }).click()
    await expect.poll(async () => (await page.getByTestId('connection-test').textContent()) ?? '', { timeout: 10_000 }).toMatch(/12 models/)
    await page.getByRole('button', { name: 'Refresh models' }).click()
    await expect.poll(async () => (await page.getByTestId('refresh-result').textContent()) ?? '', { timeout: 10_000 }).toMatch(/12/)
    const models = page.getByRole('table', { name: 'Models' })
    await expect.poll(() => models.getByRole('row').count()).toBeGreaterThan(12)
    // The catalog does not know a private gateway's models: give one a price by hand.
    await page.getByRole('button', { name: 'Edit prices of emu-swift' }).click()
    await page.getByRole('textbox', { name: 'Input $/M' }).fill('0.5')
    await page.getByRole('textbox', { name: 'Output $/M' }).fill('1.5')
    await page.getByRole('button', { name: 'Save prices' }).click()
    await page.getByRole('button', { name: 'Clear price override of emu-swift' }).waitFor()
  })

  it('runs three models side by side with live metrics, cancels one, and saves an answer as a test case', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'Playground' }).click()
    await page.getByRole('heading', { name: 'Playground', level: 1 }).waitFor()
    const chooser = page.getByRole('button', { name: 'Choose models' })
    if ((await chooser.getAttribute('aria-expanded')) !== 'true') await chooser.click()
    for (const model of ['emu-swift', 'emu-deep', 'emu-hang']) {
      await page.getByRole('checkbox', { name: `Local emulator / ${model}`, exact: true }).check()
    }
    await page.getByRole('textbox', { name: 'text', exact: true }).fill('Circuit breakers stop cascading failures by failing fast.')
    await page.getByRole('spinbutton', { name: 'Max tokens' }).fill('80')
    await expect.poll(async () => (await page.getByTestId('estimate-total').textContent()) ?? '', { timeout: 10_000 }).toMatch(/\$/)

    await page.keyboard.press('Control+Enter')
    const deep = page.getByRole('region', { name: 'emu-deep', exact: true })
    await expect.poll(async () => ((await deep.getByTestId('col-text').textContent()) ?? '').length, { timeout: 15_000 }).toBeGreaterThan(5)
    const partial = ((await deep.getByTestId('col-text').textContent()) ?? '').length

    const hang = page.getByRole('region', { name: 'emu-hang', exact: true })
    await hang.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => hang.getByTestId('col-phase').getAttribute('data-phase'), { timeout: 10_000 }).toBe('cancelled')

    const swift = page.getByRole('region', { name: 'emu-swift', exact: true })
    await expect.poll(() => swift.getByTestId('col-phase').getAttribute('data-phase'), { timeout: 15_000 }).toBe('ok')
    await expect.poll(() => deep.getByTestId('col-phase').getAttribute('data-phase'), { timeout: 15_000 }).toBe('ok')
    expect(((await deep.getByTestId('col-text').textContent()) ?? '').length).toBeGreaterThan(partial)
    expect(await swift.getByTestId('col-ttft').textContent()).toMatch(/\d+ ms/)
    expect(await swift.getByTestId('col-tokens').textContent()).toMatch(/\d+ in · \d+ out/)
    expect(await swift.getByTestId('col-cost').textContent()).toMatch(/\$0\.0/)
    expect(await swift.getByTestId('col-finish').textContent()).toMatch(/stop|length/)
    await expect.poll(() => page.getByTestId('run-status').getAttribute('data-phase'), { timeout: 10_000 }).toBe('completed')

    await swift.getByRole('button', { name: 'Save as test case' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save as test case' })
    await dialog.getByRole('textbox', { name: 'New dataset name' }).fill('Breaker answers')
    await dialog.getByRole('radio', { name: 'Expected output' }).check()
    await dialog.getByRole('button', { name: 'Save test case' }).click()
    await dialog.getByText('Saved to').waitFor()
    await dialog.getByRole('link', { name: 'Breaker answers v1' }).waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()

    await page.getByRole('link', { name: 'Datasets' }).click()
    await page.getByRole('list', { name: 'Data set list' }).getByText('Breaker answers').click()
    const cases = page.getByRole('grid', { name: 'Cases' })
    await expect.poll(async () => (await cases.innerText()) ?? '').toContain('Circuit breakers stop cascading failures')
  })

  it('keeps the run in history: searchable, reopened with its calls', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'Playground' }).click()
    await page.getByRole('searchbox', { name: 'Search runs' }).fill('cascading')
    const runs = page.getByRole('table', { name: 'Recent runs' })
    await expect.poll(() => runs.getByRole('row').count(), { timeout: 10_000 }).toBe(2)
    await runs.getByRole('link').first().click()
    const calls = page.getByRole('table', { name: 'Calls' })
    await calls.waitFor()
    const text = await calls.innerText()
    expect(text).toContain('emu-swift')
    expect(text).toContain('cancelled')
    expect(session.browser.errors).toEqual([])
  })

  it('never lets the key out of the engine: not on disk, not in the page', async () => {
    const { page } = session
    const forms = [CANARY, Buffer.from(CANARY).toString('base64'), Buffer.from(CANARY).toString('base64url')]
    const files = filesUnder(session.app.dir)
    expect(files.some((f) => f.endsWith('switchyard.db'))).toBe(true)
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1')
      for (const form of forms) expect(bytes.includes(form), `${form} found in ${file}`).toBe(false)
    }
    const pageText = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.documentElement.outerHTML + document.cookie
    )
    for (const form of forms) expect(pageText.includes(form)).toBe(false)
    await page.getByRole('link', { name: 'Providers' }).click()
    await page.getByText('Gateway under test').first().click()
    expect(await page.getByRole('main').innerText()).toContain(CANARY.slice(-4))
  })
})
