// Web mode cold start: from spawning `switchyard serve` on a fresh store to an interactive shell in Chromium.
// Run: npx tsx bench/web/web-startup-bench.ts [--runs N]   (needs npm run build and Chromium)
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium } from 'playwright-core'
import { findChromium } from '../../scripts/find-chromium.mjs'
import { CHROMIUM_ARGS } from '../../test/e2e/support/browser'
import { startWebApp } from '../../test/e2e/support/web-app'

export interface WebStartupResult {
  serverReadyMs: number
  interactiveMs: number
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export async function runWebStartupBench(runs = 3): Promise<WebStartupResult[]> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium not found (set CHROMIUM_PATH).')
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'sy-bench-chromium-')), {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS
  })
  const results: WebStartupResult[] = []
  try {
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage()
      const t0 = performance.now()
      const app = await startWebApp()
      const serverReadyMs = performance.now() - t0
      await page.goto(app.openUrl)
      // Interactive: the navigation answers a click and the Providers page shows its heading.
      await page.getByRole('link', { name: 'Providers' }).click()
      await page.getByRole('heading', { name: 'Providers', level: 1 }).waitFor()
      const interactiveMs = performance.now() - t0
      results.push({ serverReadyMs, interactiveMs })
      await page.close()
      await app.close()
    }
  } finally {
    await context.close()
  }
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runsArg = process.argv.indexOf('--runs')
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3
  const results = await runWebStartupBench(runs)
  const server = median(results.map((r) => r.serverReadyMs))
  const interactive = median(results.map((r) => r.interactiveMs))
  console.log('| web mode cold start (fresh store) | median of ' + runs + ' | runs | target |')
  console.log('|---|---|---|---|')
  console.log(`| process start → URL printed (engine, migrations, seed, emulator, server) | ${server.toFixed(0)} ms | ${results.map((r) => r.serverReadyMs.toFixed(0)).join(', ')} | |`)
  console.log(`| process start → interactive shell in Chromium | ${interactive.toFixed(0)} ms | ${results.map((r) => r.interactiveMs.toFixed(0)).join(', ')} | ≤ 1,500 ms |`)
}
