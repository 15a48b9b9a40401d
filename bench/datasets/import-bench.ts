/**
 * Dataset import benchmark: a generated 100k-row, 5-column CSV (quoted fields with commas, escaped quotes and
 * newlines, promptfoo `__expected` column) through `importDatasetFile` (read + decode + parse + map), median of 3.
 * Target ≤ 5 s. Run: npx tsx bench/datasets/import-bench.ts [--rows N] [--repeats N]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { importDatasetFile } from '../../src/datasets/import/import-file'

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, repeats: { type: 'string', default: '3' } } })
const rows = Number(values.rows)
const repeats = Number(values.repeats)

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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-import-bench-'))
try {
  const file = path.join(dir, 'cases.csv')
  fs.writeFileSync(file, generateCsv(rows))
  const size = fs.statSync(file).size
  const times: number[] = []
  let cases = 0
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now()
    const result = importDatasetFile(file)
    times.push(performance.now() - t0)
    cases = result.cases.length
  }
  if (cases !== rows) throw new Error(`expected ${rows} cases, got ${cases}`)
  const sorted = [...times].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  const mb = size / (1024 * 1024)
  console.log('| metric | value |')
  console.log('| --- | --- |')
  console.log(`| rows × columns | ${rows.toLocaleString('en')} × 5 |`)
  console.log(`| file size | ${mb.toFixed(1)} MB |`)
  console.log(`| importDatasetFile median of ${repeats} | ${(median / 1000).toFixed(3)} s |`)
  console.log(`| all runs | ${times.map((t) => `${(t / 1000).toFixed(3)} s`).join(', ')} |`)
  console.log(`| throughput | ${Math.round(rows / (median / 1000)).toLocaleString('en')} rows/s, ${(mb / (median / 1000)).toFixed(1)} MB/s |`)
  console.log(`| target | ≤ 5 s: ${median <= 5000 ? 'met' : 'MISSED'} |`)
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
