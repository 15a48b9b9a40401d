/**
 * Dataset import / export benchmark on a generated 100k-row, 5-column CSV (quoted fields with commas, escaped quotes and
 * newlines, promptfoo `__expected` column), median of 3 each. Target for each import row: ≤ 5 s.
 * - parse: `importDatasetFile` (read + decode + parse + map), no store;
 * - preview: `datasets.previewImport` through the engine's dispatch (base64 decode, parse, column suggestions);
 * - import + store write: `datasets.import` through the engine's dispatch into a real SQLite file (WAL,
 *   synchronous=FULL): base64 decode, parse, map, validate and write 100k cases in one transaction;
 * - export: `datasets.export` of that 100k-case version as CSV and as JSONL, streamed from SQLite.
 * Run: npx tsx bench/datasets/import-bench.ts [--rows N] [--repeats N]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { createEngine } from '../../src/api/engine'
import { importDatasetFile } from '../../src/datasets/import/import-file'
import { EnvSecretStore } from '../../src/secrets/env-secret-store'

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, repeats: { type: 'string', default: '3' } } })
const rows = Number(values.rows)
const repeats = Number(values.repeats)
const TARGET_MS = 5000

function generateCsv(n: number): string {
  const lines = ['id,question,context,__expected,__description']
  for (let i = 0; i < n; i++) {
    const question = `"What is ${i} + ${i}, in words?"`
    const context = `"Line one of case ${i}, with a comma\nline two with ""quotes"""`
    const expected = i % 3 === 0 ? `contains:${i * 2}` : i % 3 === 1 ? `${i * 2}` : `"icontains-any:${i}, ${i * 2}"`
    lines.push(`${i},${question},${context},${expected},case ${i}`)
  }
  return lines.join('\n') + '\n'
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function measure(run: (r: number) => unknown): Promise<number[]> {
  const times: number[] = []
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now()
    await run(r)
    times.push(performance.now() - t0)
  }
  return times
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-import-bench-'))
const engine = await createEngine({ face: 'web', storePath: path.join(dir, 'bench.db'), secretStore: new EnvSecretStore({}), startEmulator: false })
try {
  const file = path.join(dir, 'cases.csv')
  fs.writeFileSync(file, generateCsv(rows))
  const size = fs.statSync(file).size
  const contentBase64 = fs.readFileSync(file).toString('base64')
  const mb = size / (1024 * 1024)

  const parse = await measure(() => {
    const result = importDatasetFile(file)
    if (result.cases.length !== rows) throw new Error(`expected ${rows} cases, got ${result.cases.length}`)
  })
  const preview = await measure(async () => {
    const p = (await engine.dispatch('datasets.previewImport', { fileName: 'cases.csv', contentBase64 })) as { rowCount: number }
    if (p.rowCount !== rows) throw new Error(`preview saw ${p.rowCount} rows`)
  })
  let datasetId = ''
  const imported = await measure(async (r) => {
    const result = (await engine.dispatch('datasets.import', { fileName: 'cases.csv', contentBase64, newDatasetName: `Bench ${r}` })) as { datasetId: string; caseCount: number }
    if (result.caseCount !== rows) throw new Error(`imported ${result.caseCount} cases`)
    datasetId = result.datasetId
  })
  const exportAs = (format: 'csv' | 'jsonl') =>
    measure(async () => {
      const out = (await engine.dispatch('datasets.export', { datasetId, format })) as { caseCount: number }
      if (out.caseCount !== rows) throw new Error(`exported ${out.caseCount} cases`)
    })
  const exportCsv = await exportAs('csv')
  const exportJsonl = await exportAs('jsonl')
  const dbMb = fs.statSync(path.join(dir, 'bench.db')).size / (1024 * 1024)

  const row = (name: string, times: number[], target: boolean) => {
    const m = median(times)
    const verdict = target ? (m <= TARGET_MS ? 'met' : 'MISSED') : '—'
    console.log(`| ${name} | ${(m / 1000).toFixed(3)} s | ${times.map((t) => (t / 1000).toFixed(3)).join(', ')} | ${Math.round(rows / (m / 1000)).toLocaleString('en')} rows/s | ${verdict} |`)
  }
  console.log(`${rows.toLocaleString('en')} rows × 5 columns, ${mb.toFixed(1)} MB CSV; store file after ${repeats} imports: ${dbMb.toFixed(0)} MB\n`)
  console.log(`| step | median of ${repeats} | all runs (s) | throughput | ≤ 5 s |`)
  console.log('| --- | --- | --- | --- | --- |')
  row('parse (importDatasetFile, no store)', parse, true)
  row('preview (datasets.previewImport)', preview, false)
  row('import + store write (datasets.import → SQLite)', imported, true)
  row('export CSV (datasets.export)', exportCsv, false)
  row('export JSONL (datasets.export)', exportJsonl, false)
} finally {
  await engine.close()
  fs.rmSync(dir, { recursive: true, force: true })
}
