/**
 * Store benchmark: 100k `call` rows through `calls.insertMany` (one transaction, synchronous=FULL, WAL) in a temp-file
 * store, median of 3, beside the raw better-sqlite3 figure (a plain prepared INSERT of the same rows into the same
 * schema in one transaction); then `runs.list` (per-run aggregates over those rows), `runs.get` and a per-model
 * breakdown. Run: npx tsx bench/store/store-bench.ts [--rows N] [--repeats N]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { newId } from '../../src/store/ids'
import { openStore } from '../../src/store/open-store'
import type { Store } from '../../src/store/open-store'
import type { NewCall } from '../../src/store/repos/call-repo'

export interface StoreBenchResult {
  rows: number
  runs: number
  repeats: number
  /** Wall-clock ms of each repeat and their median; `cpuMs` is this process's CPU time (user + system) for the same. */
  insertManyMs: { median: number; all: number[]; cpuMs: number[] }
  rawInsertMs: { median: number; all: number[]; cpuMs: number[] }
  insertManyRowsPerSec: number
  /** `runs.list` with per-run call count, error count and cost aggregated over every row. */
  runsListAllMs: number
  /** The first page (50 runs), as the UI asks for it. */
  runsListPageMs: number
  /** One run with its 1000 calls. */
  runsGetMs: number
  /** count / p50-ish avg latency / cost grouped by provider and model over all rows. */
  modelBreakdownMs: number
  dbSizeMb: number
}

export const INSERT_TARGET_MS = 1500

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function time(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

/** Wall-clock and CPU milliseconds of one call (CPU time shows how much of the wall time was other load). */
function timeWithCpu(fn: () => unknown): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage()
  const wall = time(fn)
  const cpu = process.cpuUsage(cpu0)
  return { wall, cpu: (cpu.user + cpu.system) / 1000 }
}

/** Median of several timed repetitions after one warm-up. */
function timeQuery(fn: () => unknown, repeats = 5): number {
  fn()
  return median(Array.from({ length: repeats }, () => time(fn)))
}

const MODELS = ['emu-swift', 'emu-steady', 'emu-deep', 'gpt-mini', 'claude-fast']
const ERRORS = ['rate_limited', 'timeout_total', 'server_error'] as const

function makeCalls(runIds: string[], rows: number): NewCall[] {
  const perRun = Math.ceil(rows / runIds.length)
  const start = Date.parse('2026-11-01T00:00:00.000Z')
  return Array.from({ length: rows }, (_, i) => {
    const failed = i % 37 === 0
    return {
      runId: runIds[Math.floor(i / perRun)] as string,
      providerId: i % 3 === 0 ? 'openai' : 'local-emulator',
      modelId: MODELS[i % MODELS.length] as string,
      repeatIndex: i % 3,
      requestHash: `h${(i * 2654435761) % 50_000}`,
      status: failed ? 'error' : 'ok',
      startedAt: start + i * 250,
      firstByteMs: 80 + (i % 50),
      ttftMs: 110 + (i % 90),
      latencyMs: 500 + (i % 1500),
      itlP50Ms: 9,
      itlP95Ms: 25,
      tokenCountStream: 60,
      inputTokens: 350 + (i % 200),
      outputTokens: failed ? null : 60 + (i % 40),
      cachedTokens: 0,
      usageEstimated: false,
      costUsd: failed ? null : 0.00012 + (i % 10) * 0.00001,
      finishReason: failed ? null : 'stop',
      errorClass: failed ? ERRORS[i % ERRORS.length] : null,
      errorMessage: failed ? 'HTTP 429: slow down' : null,
      httpStatus: failed ? 429 : 200,
      outputText: failed ? null : '{"category":"billing","priority":"high","summary":"Customer charged twice for the March invoice."}',
      feature: 'support-triage'
    }
  })
}

function freshStore(): { store: Store; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchyard-store-bench-'))
  return { store: openStore(path.join(dir, 'bench.db')), dir }
}

function createRuns(store: Store, count: number): string[] {
  return store.transaction(() => Array.from({ length: count }, (_, i) => store.runs.create({ kind: i % 2 ? 'eval' : 'bench', title: `run ${i}` })))
}

/** The raw figure: the same rows, every column, as positional arrays through one plain prepared INSERT, one tx. */
function rawInsert(store: Store, calls: NewCall[]): { wall: number; cpu: number } {
  const rows = calls.map((c) => [
    newId(), c.runId, null, c.providerId, c.modelId, null, c.repeatIndex, 1, c.requestHash, c.status, c.startedAt,
    c.firstByteMs, c.ttftMs, c.latencyMs, c.itlP50Ms, c.itlP95Ms, c.tokenCountStream, c.inputTokens, c.outputTokens,
    c.cachedTokens, null, 0, c.costUsd, c.finishReason, c.errorClass, c.errorMessage, c.httpStatus, null, null,
    c.outputText, null, c.feature
  ])
  const insert = store.db.prepare(
    `INSERT INTO call (id, run_id, case_id, provider_id, model_id, variant, repeat_index, attempt, request_hash, status,
       started_at, first_byte_ms, ttft_ms, latency_ms, itl_p50_ms, itl_p95_ms, token_count_stream, input_tokens,
       output_tokens, cached_tokens, reasoning_tokens, usage_estimated, cost_usd, finish_reason, error_class,
       error_message, http_status, request_id, retry_after_ms, output_text, output_json, feature)
     VALUES (${Array.from({ length: 32 }, () => '?').join(', ')})`
  )
  const all = store.db.transaction(() => {
    for (const row of rows) insert.run(row)
  })
  return timeWithCpu(() => all())
}

export function runStoreBench(options: { rows?: number; runs?: number; repeats?: number } = {}): StoreBenchResult {
  const rows = options.rows ?? 100_000
  const runCount = options.runs ?? 100
  const repeats = options.repeats ?? 3
  const insertMany: Array<{ wall: number; cpu: number }> = []
  const raw: Array<{ wall: number; cpu: number }> = []
  let queries: Omit<StoreBenchResult, 'rows' | 'runs' | 'repeats' | 'insertManyMs' | 'rawInsertMs' | 'insertManyRowsPerSec'> | null = null

  for (let r = 0; r < repeats; r++) {
    const a = freshStore()
    try {
      const runIds = createRuns(a.store, runCount)
      const calls = makeCalls(runIds, rows)
      insertMany.push(timeWithCpu(() => a.store.calls.insertMany(calls)))
      if (r === repeats - 1) {
        a.store.db.pragma('wal_checkpoint(TRUNCATE)')
        const firstRun = runIds[0] as string
        queries = {
          runsListAllMs: timeQuery(() => a.store.runs.list({ limit: runCount })),
          runsListPageMs: timeQuery(() => a.store.runs.list({ limit: 50 })),
          runsGetMs: timeQuery(() => a.store.runs.get(firstRun)),
          modelBreakdownMs: timeQuery(() =>
            a.store.db
              .prepare(
                `SELECT provider_id, model_id, count(*) AS n, sum(status = 'error') AS errors, avg(latency_ms) AS latency, sum(cost_usd) AS cost
                 FROM call WHERE started_at >= ? GROUP BY provider_id, model_id`
              )
              .all(0)
          ),
          dbSizeMb: fs.statSync(a.store.path).size / 1024 / 1024
        }
      }
    } finally {
      a.store.close()
      fs.rmSync(a.dir, { recursive: true, force: true })
    }

    const b = freshStore()
    try {
      raw.push(rawInsert(b.store, makeCalls(createRuns(b.store, runCount), rows)))
    } finally {
      b.store.close()
      fs.rmSync(b.dir, { recursive: true, force: true })
    }
  }

  const insertManyMedian = median(insertMany.map((t) => t.wall))
  return {
    rows,
    runs: runCount,
    repeats,
    insertManyMs: { median: insertManyMedian, all: insertMany.map((t) => t.wall), cpuMs: insertMany.map((t) => t.cpu) },
    rawInsertMs: { median: median(raw.map((t) => t.wall)), all: raw.map((t) => t.wall), cpuMs: raw.map((t) => t.cpu) },
    insertManyRowsPerSec: Math.round(rows / (insertManyMedian / 1000)),
    ...(queries as NonNullable<typeof queries>)
  }
}

export function formatStoreBench(r: StoreBenchResult): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`
  const runs = (wall: number[], cpu: number[]) => wall.map((x, i) => `${x.toFixed(0)} (${(cpu[i] ?? 0).toFixed(0)})`).join(' / ')
  const verdict = r.insertManyMs.median <= INSERT_TARGET_MS ? 'ok' : 'OVER TARGET'
  return [
    `Store bench: ${r.rows.toLocaleString('en-US')} call rows over ${r.runs} runs, temp-file store, WAL + synchronous=FULL, median of ${r.repeats}`,
    '',
    '| measure | median | runs: wall ms (cpu ms) | note |',
    '|---|---:|---|---|',
    `| calls.insertMany (${r.rows.toLocaleString('en-US')} rows, 1 tx) | ${ms(r.insertManyMs.median)} | ${runs(r.insertManyMs.all, r.insertManyMs.cpuMs)} | target ≤ ${INSERT_TARGET_MS} ms: ${verdict}; ${r.insertManyRowsPerSec.toLocaleString('en-US')} rows/s |`,
    `| raw better-sqlite3 prepared INSERT (same rows, 1 tx) | ${ms(r.rawInsertMs.median)} | ${runs(r.rawInsertMs.all, r.rawInsertMs.cpuMs)} | repository overhead ×${(r.insertManyMs.median / r.rawInsertMs.median).toFixed(2)} |`,
    `| runs.list (all ${r.runs} runs, aggregates over every row) | ${ms(r.runsListAllMs)} | | median of 5 |`,
    `| runs.list (first page of 50) | ${ms(r.runsListPageMs)} | | median of 5 |`,
    `| runs.get (1 run with ${Math.ceil(r.rows / r.runs)} calls) | ${ms(r.runsGetMs)} | | median of 5 |`,
    `| per-model breakdown (GROUP BY provider, model) | ${ms(r.modelBreakdownMs)} | | median of 5 |`,
    `| database size after insert | ${r.dbSizeMb.toFixed(1)} MB | | |`
  ].join('\n')
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : NaN
  return Number.isFinite(value) && value > 0 ? value : undefined
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatStoreBench(runStoreBench({ rows: arg('rows'), repeats: arg('repeats') })))
}
