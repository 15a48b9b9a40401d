/**
 * TTFT overhead of the provider adapters. The emulator runs in a child process (bench/emulator/emulator-child.ts);
 * 8 parallel closed loops (one per playground "column") stream `emu-swift` with `x-emulator-ttft-ms: 50` and
 * `x-emulator-tps: 200` (16 tokens), ~200 calls per run after a warm-up. For each call:
 *   measured TTFT − the emulator's scheduled first-token delay (`x-emulator-scheduled-ttft-ms`, read through
 *   streamCall's response-headers hook)
 * for (a) streamCall's transport TTFT (TransportTimings.ttftMs), (b) streamCall end to end (from calling
 * streamCall to the first onDelta, i.e. including AI SDK request building and SSE parsing), and (c) a raw
 * undici Pool client (bench/emulator/stream-client.ts) in the same run. p50/p95/p99, median of 3 runs.
 * Run: npx tsx bench/playground/ttft-overhead-bench.ts [--calls N] [--runs N]
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Pool } from 'undici'
import type { CallPolicy } from '../../src/core/schemas/playground'
import type { CallRequest, CallTarget } from '../../src/providers/call-types'
import { streamCallWithTransport } from '../../src/providers/stream-call'
import { streamChat } from '../emulator/stream-client'

export const P50_TARGET_MS = 3
export const P99_TARGET_MS = 10
const COLUMNS = 8
const TTFT_MS = 50
const TPS = 200
const MAX_TOKENS = 16
const HEADERS = { 'x-emulator-ttft-ms': String(TTFT_MS), 'x-emulator-tps': String(TPS) }

export interface Percentiles {
  samples: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
}

export interface TtftOverheadRun {
  transport: Percentiles
  endToEnd: Percentiles
  undici: Percentiles
  failures: number
}

export interface TtftOverheadResult {
  columns: number
  callsPerRun: number
  runs: TtftOverheadRun[]
  median: { transport: Percentiles; endToEnd: Percentiles; undici: Percentiles }
  meetsTargets: { p50: boolean; p99: boolean }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
}

function summarise(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b)
  return { samples: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function medianOf(rows: Percentiles[]): Percentiles {
  return { samples: median(rows.map((r) => r.samples)), p50Ms: median(rows.map((r) => r.p50Ms)), p95Ms: median(rows.map((r) => r.p95Ms)), p99Ms: median(rows.map((r) => r.p99Ms)) }
}

async function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(here, '..', 'emulator', 'emulator-child.ts')], { stdio: ['pipe', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`emulator child exited early with code ${code}`)))
  })
  return { child, url: (JSON.parse(line) as { url: string }).url }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.stdin?.end()
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}

/** `calls` calls over COLUMNS closed loops, starts staggered over the TTFT window. */
async function loops(columns: number, calls: number, worker: () => Promise<void>): Promise<void> {
  let issued = 0
  await Promise.all(
    Array.from({ length: columns }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * TTFT_MS) / columns))
      while (issued < calls) {
        issued++
        await worker()
      }
    })
  )
}

function emulatorTarget(url: string): CallTarget {
  const now = new Date().toISOString()
  return {
    provider: { id: 'bench-emulator', kind: 'emulator', name: 'Local emulator', baseUrl: null, options: { headers: HEADERS }, enabled: true, builtIn: true, createdAt: now, updatedAt: now },
    model: { id: 'bench-swift', providerId: 'bench-emulator', modelId: 'emu-swift', displayName: 'Emulator Swift', contextWindow: null, inputPricePerMTok: null, outputPricePerMTok: null, cachedInputPricePerMTok: null, priceSource: 'emulator', enabled: true },
    apiKey: undefined,
    emulatorUrl: url
  }
}

const REQUEST: CallRequest = { messages: [{ role: 'user', content: 'Benchmark: reply with sixteen tokens.' }], maxTokens: MAX_TOKENS, output: { kind: 'text' } }
const POLICY: CallPolicy = { retries: 0, connectTimeoutMs: 10_000, totalTimeoutMs: 30_000, maxRetryAfterMs: 0 }
const RAW_BODY = JSON.stringify({ model: 'emu-swift', messages: REQUEST.messages, max_tokens: MAX_TOKENS, stream: true, stream_options: { include_usage: true } })

async function measure(url: string, pool: Pool, calls: number, columns: number): Promise<TtftOverheadRun> {
  const target = emulatorTarget(url)
  const transport: number[] = []
  const endToEnd: number[] = []
  const raw: number[] = []
  let failures = 0
  const signal = new AbortController().signal
  await loops(columns, calls, async () => {
    let scheduled = Number.NaN
    let firstDeltaAt = Number.NaN
    const started = performance.now()
    const [attempt] = await streamCallWithTransport(target, REQUEST, POLICY, {
      signal,
      onResponseHeaders: (headers) => (scheduled = Number(headers.get('x-emulator-scheduled-ttft-ms'))),
      onDelta: () => {
        if (Number.isNaN(firstDeltaAt)) firstDeltaAt = performance.now()
      }
    })
    if (attempt?.status !== 'ok' || attempt.timings.ttftMs === null || Number.isNaN(scheduled)) {
      failures++
      return
    }
    transport.push(attempt.timings.ttftMs - scheduled)
    endToEnd.push(firstDeltaAt - started - scheduled)
  })
  await loops(columns, calls, async () => {
    const result = await streamChat(pool, RAW_BODY, HEADERS)
    raw.push(result.ttftMs - result.scheduledTtftMs)
  })
  return { transport: summarise(transport), endToEnd: summarise(endToEnd), undici: summarise(raw), failures }
}

export async function runTtftOverheadBench(options: { calls?: number; runs?: number; warmupCalls?: number; columns?: number } = {}): Promise<TtftOverheadResult> {
  const calls = options.calls ?? 200
  const runCount = options.runs ?? 3
  const columns = options.columns ?? COLUMNS
  const { child, url } = await startChild()
  const pool = new Pool(url, { connections: columns, pipelining: 1 })
  try {
    await measure(url, pool, options.warmupCalls ?? 48, columns)
    const runs: TtftOverheadRun[] = []
    for (let i = 0; i < runCount; i++) runs.push(await measure(url, pool, calls, columns))
    const med = { transport: medianOf(runs.map((r) => r.transport)), endToEnd: medianOf(runs.map((r) => r.endToEnd)), undici: medianOf(runs.map((r) => r.undici)) }
    return { columns, callsPerRun: calls, runs, median: med, meetsTargets: { p50: med.transport.p50Ms <= P50_TARGET_MS, p99: med.transport.p99Ms <= P99_TARGET_MS } }
  } finally {
    await pool.close()
    await stopChild(child)
  }
}

const ms = (value: number): string => value.toFixed(2)

export function formatTtftOverheadBench(r: TtftOverheadResult): string {
  const row = (label: string, p: Percentiles, target: string): string => `| ${label} | ${ms(p.p50Ms)} | ${ms(p.p95Ms)} | ${ms(p.p99Ms)} | ${p.samples} | ${target} |`
  const runs = r.runs.map((run, i) => `run ${i + 1}: streamCall p50/p99 ${ms(run.transport.p50Ms)}/${ms(run.transport.p99Ms)}, undici ${ms(run.undici.p50Ms)}/${ms(run.undici.p99Ms)}, failures ${run.failures}`)
  return [
    `Emulator in a child process; ${r.columns} parallel columns, emu-swift, x-emulator-ttft-ms ${TTFT_MS}, x-emulator-tps ${TPS}, ${MAX_TOKENS} tokens, ${r.callsPerRun} calls per client per run; median of ${r.runs.length} runs.`,
    'Figures: measured TTFT − scheduled first-token delay (ms).',
    '',
    '| client | p50 | p95 | p99 | samples | target |',
    '|---|---:|---:|---:|---:|---|',
    row('streamCall, transport TTFT (TransportTimings.ttftMs)', r.median.transport, `p50 <= ${P50_TARGET_MS} ${r.meetsTargets.p50 ? 'met' : '**missed**'}, p99 <= ${P99_TARGET_MS} ${r.meetsTargets.p99 ? 'met' : '**missed**'}`),
    row('streamCall, end to end (call → first onDelta)', r.median.endToEnd, ''),
    row('raw undici Pool (same run)', r.median.undici, 'reference'),
    '',
    ...runs.map((line) => `- ${line}`)
  ].join('\n')
}

function flag(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`)
  if (index === -1) return undefined
  const value = Number(process.argv[index + 1])
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`)
  return value
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(formatTtftOverheadBench(await runTtftOverheadBench({ calls: flag('calls'), runs: flag('runs'), columns: flag('columns') })))
}
