/**
 * Emulator benchmark. The emulator runs in a child process (bench/emulator/emulator-child.ts) so client and
 * server each get a core; the client is a bare undici Pool (32 connections, pipelining 1) making streaming
 * OpenAI chat requests from 32 closed-loop workers:
 *   1. throughput: emu-instant, 16-token replies (max_tokens 16), 0 ms delay → streams/s and tokens/s
 *      (target >= 2,000 streams/s); every stream's counted pieces must equal usage.completion_tokens;
 *   2. TTFT fidelity: `x-emulator-ttft-ms: 50` (no jitter) → client-observed TTFT minus the scheduled
 *      delay (x-emulator-scheduled-ttft-ms), p50/p95/p99 (target p50 <= 2 ms). The 32 loops start spread
 *      over the 50 ms window, as independent clients would, instead of in lock-step bursts of 32.
 * Each scenario has a warm-up, then runs 3 times; the table shows every run and the median.
 * Run: npx tsx bench/emulator/emulator-bench.ts [--seconds N] [--runs N]
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Pool } from 'undici'
import { streamChat } from './stream-client'

export const STREAMS_PER_SEC_TARGET = 2000
export const TTFT_ERROR_P50_TARGET_MS = 2
const TTFT_MS = 50

export interface EmulatorBenchOptions {
  /** Measured seconds per run and scenario (default 3). */
  seconds?: number
  /** Runs per scenario (default 3). */
  runs?: number
  /** Concurrent streams (default 32). */
  concurrency?: number
  /** Warm-up seconds before each scenario (default 1). */
  warmupSeconds?: number
}

export interface ThroughputRun {
  streams: number
  streamsPerSec: number
  tokensPerSec: number
  /** Streams whose counted pieces differed from usage.completion_tokens (must be 0). */
  tokenMismatches: number
}

export interface TtftRun {
  samples: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
}

export interface EmulatorBenchResult {
  concurrency: number
  seconds: number
  throughput: { runs: ThroughputRun[]; median: ThroughputRun }
  ttftError: { runs: TtftRun[]; median: TtftRun }
  meetsTargets: { streamsPerSec: boolean; ttftP50: boolean; tokensMatch: boolean }
}

const THROUGHPUT_BODY = JSON.stringify({
  model: 'emu-instant',
  messages: [{ role: 'user', content: 'Benchmark: reply with sixteen tokens.' }],
  max_tokens: 16,
  stream: true,
  stream_options: { include_usage: true }
})

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

async function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(here, 'emulator-child.ts')], {
    stdio: ['pipe', 'pipe', 'inherit']
  })
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`emulator child exited early with code ${code}`)))
  })
  const { url } = JSON.parse(line) as { url: string }
  return { child, url }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.stdin?.end()
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}

/**
 * Runs `worker` in `concurrency` closed loops until `seconds` have passed. With `staggerMs`, loop starts
 * are spread over that window so requests do not stay in lock-step bursts of `concurrency`.
 */
async function closedLoop(concurrency: number, seconds: number, worker: () => Promise<void>, staggerMs = 0): Promise<number> {
  const deadline = performance.now() + seconds * 1000
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async (_, index) => {
      if (staggerMs > 0) await new Promise((resolve) => setTimeout(resolve, (index * staggerMs) / concurrency))
      while (performance.now() < deadline) await worker()
    })
  )
  return (performance.now() - started) / 1000
}

async function throughputRun(pool: Pool, concurrency: number, seconds: number): Promise<ThroughputRun> {
  let streams = 0
  let tokens = 0
  let tokenMismatches = 0
  const elapsed = await closedLoop(concurrency, seconds, async () => {
    const result = await streamChat(pool, THROUGHPUT_BODY, {})
    streams++
    tokens += result.pieces
    if (result.pieces !== result.usageTokens) tokenMismatches++
  })
  return { streams, streamsPerSec: streams / elapsed, tokensPerSec: tokens / elapsed, tokenMismatches }
}

async function ttftRun(pool: Pool, concurrency: number, seconds: number): Promise<TtftRun> {
  const errors: number[] = []
  await closedLoop(concurrency, seconds, async () => {
    const result = await streamChat(pool, THROUGHPUT_BODY, { 'x-emulator-ttft-ms': String(TTFT_MS) })
    errors.push(result.ttftMs - result.scheduledTtftMs)
  }, TTFT_MS)
  errors.sort((a, b) => a - b)
  return { samples: errors.length, p50Ms: percentile(errors, 50), p95Ms: percentile(errors, 95), p99Ms: percentile(errors, 99) }
}

export async function runEmulatorBench(options: EmulatorBenchOptions = {}): Promise<EmulatorBenchResult> {
  const seconds = options.seconds ?? 3
  const runs = options.runs ?? 3
  const concurrency = options.concurrency ?? 32
  const warmup = options.warmupSeconds ?? 1
  const { child, url } = await startChild()
  const pool = new Pool(url, { connections: concurrency, pipelining: 1 })
  try {
    await throughputRun(pool, concurrency, warmup)
    const throughput: ThroughputRun[] = []
    for (let i = 0; i < runs; i++) throughput.push(await throughputRun(pool, concurrency, seconds))
    await ttftRun(pool, concurrency, Math.min(warmup, 0.5))
    const ttft: TtftRun[] = []
    for (let i = 0; i < runs; i++) ttft.push(await ttftRun(pool, concurrency, seconds))
    const throughputMedian: ThroughputRun = {
      streams: median(throughput.map((r) => r.streams)),
      streamsPerSec: median(throughput.map((r) => r.streamsPerSec)),
      tokensPerSec: median(throughput.map((r) => r.tokensPerSec)),
      tokenMismatches: throughput.reduce((sum, r) => sum + r.tokenMismatches, 0)
    }
    const ttftMedian: TtftRun = {
      samples: median(ttft.map((r) => r.samples)),
      p50Ms: median(ttft.map((r) => r.p50Ms)),
      p95Ms: median(ttft.map((r) => r.p95Ms)),
      p99Ms: median(ttft.map((r) => r.p99Ms))
    }
    return {
      concurrency,
      seconds,
      throughput: { runs: throughput, median: throughputMedian },
      ttftError: { runs: ttft, median: ttftMedian },
      meetsTargets: {
        streamsPerSec: throughputMedian.streamsPerSec >= STREAMS_PER_SEC_TARGET,
        ttftP50: ttftMedian.p50Ms <= TTFT_ERROR_P50_TARGET_MS,
        tokensMatch: throughputMedian.tokenMismatches === 0
      }
    }
  } finally {
    await pool.close()
    await stopChild(child)
  }
}

const fmt = (value: number, digits = 0): string => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const mark = (ok: boolean): string => (ok ? 'yes' : '**no**')

export function formatEmulatorBench(r: EmulatorBenchResult): string {
  const row = (label: string, values: string[], med: string, target: string, ok: string): string =>
    `| ${label} | ${values.join(' | ')} | ${med} | ${target} | ${ok} |`
  const runHeaders = r.throughput.runs.map((_, i) => `run ${i + 1}`)
  return [
    `Emulator in a child process; undici Pool, ${r.concurrency} connections, pipelining 1, ${r.concurrency} concurrent streams, ${r.seconds} s per run.`,
    '',
    `| Scenario | ${runHeaders.join(' | ')} | median | target | met |`,
    `|---|${runHeaders.map(() => '---:').join('|')}|---:|---:|:---:|`,
    row('emu-instant 16-token streams/s', r.throughput.runs.map((x) => fmt(x.streamsPerSec)), fmt(r.throughput.median.streamsPerSec), `>= ${fmt(STREAMS_PER_SEC_TARGET)}`, mark(r.meetsTargets.streamsPerSec)),
    row('emu-instant tokens/s', r.throughput.runs.map((x) => fmt(x.tokensPerSec)), fmt(r.throughput.median.tokensPerSec), '', ''),
    row('streams whose SSE piece count != usage.completion_tokens', r.throughput.runs.map((x) => fmt(x.tokenMismatches)), fmt(r.throughput.median.tokenMismatches), '0', mark(r.meetsTargets.tokensMatch)),
    row('50 ms TTFT: observed - scheduled, p50 (ms)', r.ttftError.runs.map((x) => fmt(x.p50Ms, 2)), fmt(r.ttftError.median.p50Ms, 2), `<= ${TTFT_ERROR_P50_TARGET_MS}`, mark(r.meetsTargets.ttftP50)),
    row('50 ms TTFT: observed - scheduled, p95 (ms)', r.ttftError.runs.map((x) => fmt(x.p95Ms, 2)), fmt(r.ttftError.median.p95Ms, 2), '', ''),
    row('50 ms TTFT: observed - scheduled, p99 (ms)', r.ttftError.runs.map((x) => fmt(x.p99Ms, 2)), fmt(r.ttftError.median.p99Ms, 2), '', ''),
    row('50 ms TTFT: samples', r.ttftError.runs.map((x) => fmt(x.samples)), fmt(r.ttftError.median.samples), '', '')
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
  const result = await runEmulatorBench({ seconds: flag('seconds'), runs: flag('runs') })
  console.log(formatEmulatorBench(result))
}
