import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useAppSession } from './support/app-session'

const session = useAppSession({ open: true })

const dir = join(mkdtempSync(join(tmpdir(), 'switchyard-workspace-e2e-')), 'acme-workspace')
const contractFile = join(dir, 'contracts', 'support-ticket-triage.yaml')

function panel() {
  return session.page.getByRole('region', { name: 'Workspace files' })
}

async function result(): Promise<string> {
  return (await panel().getByTestId('workspace-result').textContent().catch(() => null)) ?? ''
}

describe('Settings → Workspace files', () => {
  it('exports the workspace to a folder, then dry-runs and imports a changed contract as a new version', async () => {
    const { page } = session
    await page.getByRole('link', { name: 'Settings' }).click()
    await panel().getByText('switchyard workspace export DIR').waitFor()
    await panel().getByLabel('Workspace folder').fill(dir)
    await panel().getByRole('button', { name: 'Export' }).click()
    await expect.poll(result, { timeout: 10_000 }).toMatch(/Exported to .*acme-workspace: 1 contract, 1 dataset \(10 cases\)/)
    for (const file of ['switchyard-workspace.yaml', 'contracts/support-ticket-triage.yaml', 'datasets/triage-golden-set.yaml', 'datasets/triage-golden-set.jsonl']) {
      expect(existsSync(join(dir, file)), file).toBe(true)
    }

    writeFileSync(contractFile, readFileSync(contractFile, 'utf8').replace('Customer tier: {{customer_tier}}', 'Plan: {{customer_tier}}'))
    await panel().getByRole('button', { name: 'Dry-run import' }).click()
    await expect.poll(result, { timeout: 10_000 }).toMatch(/Dry run: would create 0, update 1 and leave 1 unchanged/)
    const plan = panel().getByRole('table')
    await expect.poll(() => plan.innerText()).toMatch(/Support ticket triage[\s\S]*new version 2/)

    await panel().getByRole('button', { name: 'Import', exact: true }).click()
    await expect.poll(result, { timeout: 10_000 }).toMatch(/Imported: 0 created, 1 updated, 1 unchanged/)

    await page.getByRole('link', { name: 'Contracts' }).click()
    const list = page.getByRole('list', { name: 'Contract list' })
    await expect.poll(() => list.innerText(), { timeout: 10_000 }).toMatch(/Support ticket triage[\s\S]*v2/)
  })

  it('lists the problems of a broken folder by file and line, and imports nothing', async () => {
    const { page } = session
    writeFileSync(contractFile, readFileSync(contractFile, 'utf8').replace('temperature: 0', 'temperature: [0'))
    await page.getByRole('link', { name: 'Settings' }).click()
    await expect.poll(() => panel().getByLabel('Workspace folder').inputValue()).toBe(dir)
    await panel().getByRole('button', { name: 'Import', exact: true }).click()
    const alert = panel().getByRole('alert')
    await alert.waitFor()
    const text = await alert.innerText()
    expect(text).toMatch(/Nothing was imported: \d+ problems?/)
    expect(text).toMatch(/contracts\/support-ticket-triage\.yaml:\d+:\d+: YAML syntax/)
    await page.getByRole('link', { name: 'Contracts' }).click()
    await expect.poll(() => page.getByRole('list', { name: 'Contract list' }).innerText()).toMatch(/v2/)
  })
})
