import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession({ open: true })

describe('a job end to end: probing the Local emulator', () => {
  it('streams several models side by side, then cancels the one that hangs; the stored run keeps the finished calls', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'Providers' }).click()
    await page.getByRole('heading', { name: 'Providers', level: 1 }).waitFor()
    for (const box of await page.getByRole('checkbox').all()) await box.uncheck()
    for (const model of ['emu-swift', 'emu-deep', 'emu-hang']) await page.getByRole('checkbox', { name: model, exact: true }).check()
    await page.getByRole('textbox', { name: 'Prompt' }).fill('Explain a circuit breaker in two sentences.')
    await page.getByRole('textbox', { name: 'Prompt' }).press('Control+Enter')

    const status = page.getByTestId('probe-status')
    await expect.poll(() => status.getAttribute('data-phase')).toBe('running')
    // emu-deep streams for about a second: its text grows while the job runs.
    const deep = page.getByRole('region', { name: 'emu-deep', exact: true })
    await expect.poll(async () => ((await deep.getByTestId('probe-text').textContent()) ?? '').length, { timeout: 10_000 }).toBeGreaterThan(10)
    const partial = (await deep.getByTestId('probe-text').textContent()) ?? ''
    const swift = page.getByRole('region', { name: 'emu-swift', exact: true })
    await expect.poll(() => swift.getByTestId('probe-phase').textContent(), { timeout: 10_000 }).toBe('ok')
    expect(await swift.getByTestId('probe-ttft').textContent()).toMatch(/\d+ ms/)
    expect(Number(await swift.getByTestId('probe-tokens').textContent())).toBeGreaterThan(0)
    await expect.poll(() => deep.getByTestId('probe-phase').textContent(), { timeout: 10_000 }).toBe('ok')
    expect(((await deep.getByTestId('probe-text').textContent()) ?? '').length).toBeGreaterThan(partial.length)

    // emu-hang never answers: Esc cancels the job.
    await page.keyboard.press('Escape')
    await expect.poll(() => status.getAttribute('data-phase'), { timeout: 10_000 }).toBe('cancelled')
    const hang = page.getByRole('region', { name: 'emu-hang', exact: true })
    expect(await hang.getByTestId('probe-phase').textContent()).toBe('cancelled')

    await page.getByRole('button', { name: 'View stored run' }).click()
    const calls = page.getByRole('table', { name: 'Calls' })
    await calls.waitFor()
    const text = await calls.innerText()
    expect(text).toContain('emu-swift')
    expect(text).toContain('emu-deep')
    expect(text).toContain('cancelled')
  })
})
