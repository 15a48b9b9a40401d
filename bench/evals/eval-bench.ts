/**
 * Eval runner benchmark (issue 5, METRICS.md §2.1): the same suite — 2,000 cases × 2 emulator models = 4,000 evals,
 * a `contains` assertion, 16-token replies, concurrency 32 in total, every result stored in SQLite — run by
 * Switchyard and by promptfoo 0.121.x against one emulator (its own process) with 0 ms and 50 ms first-token delay.
 *
 * Switchyard: a fresh process per run (the engine bundled like the shipped CLI, see switchyard-side.ts) on a new
 * SQLite file; evals/s from the run's wall time (evals.run → job settled, every row committed); engine+store start
 * reported apart. Two kinds of Switchyard run: "first run" (the measured run is the process's first: modules load
 * and connections open inside it) and "warm" (a 16-case suite runs first in the same engine, as the raw client's
 * warm-up, so the measured run is what every later run in the app sees). promptfoo: `promptfoo eval -j 32 --no-cache` with its default DB write (promptfoo-side.ts);
 * evals/s from its whole process, as in METRICS.md, and from its own "Duration". Both under GNU time (user+sys CPU,
 * peak RSS). Runs alternate between the tools so both see the same machine load; the 1-minute load average is
 * printed next to every run. Targets: ≥ 10× promptfoo's evals/s at 0 ms; ≥ 90% of the ideal (32 ÷ 50 ms = 640/s)
 * at 50 ms; peak RSS ≤ half of promptfoo's. A bare undici client making the same streamed requests with no eval work
 * (raw-client.ts) runs in the same rounds: the ceiling the emulator and the machine allow at that moment.
 *
 * Run: npx tsx bench/evals/eval-bench.ts [--runs N] [--promptfoo-runs N] [--skip-promptfoo] [--delays 0,50]
 *        [--cases N] [--modes first,warm] [--cpu-prof DIR]
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { loadavg } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { formatEvalBench, type BenchRow, type EvalBenchResult, type SwitchyardMode } from './format-eval-bench'
import { ensurePromptfoo, runPromptfoo } from './promptfoo-side'
import { runRawClient } from './raw-client'
import { CASES, MODELS, WARMUP_CASES } from './suite-spec'
import { bundleChild, runSwitchyard } from './switchyard-side'
import { haveGnuTime } from './timed-process'

interface Options {
  runs: number
  promptfooRuns: number
  skipPromptfoo: boolean
  delays: number[]
  cases: number
  modes: SwitchyardMode[]
  cpuProfDir: string | undefined
}

function parseArgs(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`)
    return i === -1 ? undefined : argv[i + 1]
  }
  const count = (name: string, fallback: number): number => {
    const raw = value(name)
    if (raw === undefined) return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a whole number ≥ 1; got "${raw}"`)
    return n
  }
  const delays = (value('delays') ?? '0,50').split(',').map(Number)
  if (delays.some((d) => !Number.isFinite(d) || d < 0)) throw new Error(`--delays takes milliseconds such as 0,50; got "${value('delays')}"`)
  const modes = (value('modes') ?? 'first,warm').split(',')
  if (modes.length === 0 || modes.some((m) => m !== 'first' && m !== 'warm')) throw new Error(`--modes takes first, warm or first,warm; got "${value('modes')}"`)
  return {
    modes: modes as SwitchyardMode[],
    runs: count('runs', 3),
    promptfooRuns: count('promptfoo-runs', 3),
    skipPromptfoo: argv.includes('--skip-promptfoo'),
    delays,
    cases: count('cases', CASES),
    cpuProfDir: value('cpu-prof')
  }
}

async function startEmulator(): Promise<{ child: ChildProcess; url: string }> {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(here, '..', 'emulator', 'emulator-child.ts')], { stdio: ['pipe', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`emulator child exited early with code ${code}`)))
  })
  return { child, url: (JSON.parse(line) as { url: string }).url }
}

async function stopEmulator(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.stdin?.end()
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
  await exited
  clearTimeout(timer)
}

const load = (): number => loadavg()[0] ?? Number.NaN
const log = (line: string): void => console.error(line)

export async function runEvalBench(options: Options): Promise<EvalBenchResult> {
  if (!haveGnuTime()) throw new Error('This bench measures CPU and peak RSS with GNU time: install it with `apt-get install time`.')
  const evals = options.cases * MODELS.length
  let promptfoo: { version: string } | { error: string } | { skipped: true } = { skipped: true }
  if (!options.skipPromptfoo) promptfoo = ensurePromptfoo(log)
  if ('error' in promptfoo) log(`promptfoo is not available, so only Switchyard's side is measured: ${promptfoo.error}`)
  const withPromptfoo = 'version' in promptfoo
  log('Bundling the Switchyard side (esbuild, npm packages external) …')
  const bundle = await bundleChild()
  const emulator = await startEmulator()
  const rows: BenchRow[] = []
  const promptfooFailures: string[] = []
  try {
    for (const delayMs of options.delays) {
      const rounds = Math.max(options.runs, withPromptfoo ? options.promptfooRuns : 0)
      for (let round = 0; round < rounds; round++) {
        if (round < options.runs) {
          const before = load()
          log(`delay ${delayMs} ms, raw undici reference ${round + 1}/${options.runs} (load ${before.toFixed(2)}) …`)
          rows.push({ tool: 'raw', delayMs, load: before, run: await runRawClient(emulator.url, delayMs, evals) })
        }
        for (const mode of round < options.runs ? options.modes : []) {
          const before = load()
          log(`delay ${delayMs} ms, Switchyard ${mode === 'warm' ? 'warm run' : 'first run'} ${round + 1}/${options.runs} (load ${before.toFixed(2)}) …`)
          const run = await runSwitchyard(bundle, emulator.url, delayMs, { cases: options.cases, warmupCases: mode === 'warm' ? WARMUP_CASES : 0, cpuProfDir: options.cpuProfDir })
          rows.push({ tool: 'switchyard', mode, delayMs, load: before, run })
        }
        if (withPromptfoo && round < options.promptfooRuns) {
          const before = load()
          log(`delay ${delayMs} ms, promptfoo run ${round + 1}/${options.promptfooRuns} (load ${before.toFixed(2)}; about a minute) …`)
          // promptfoo occasionally crashes on its own (e.g. a stream written after its end): that run is listed,
          // not allowed to throw away every other figure of the bench.
          try {
            const run = await runPromptfoo(emulator.url, delayMs, options.cases)
            rows.push({ tool: 'promptfoo', delayMs, load: before, run })
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error)
            log(`promptfoo run failed: ${message}`)
            promptfooFailures.push(`${delayMs} ms, run ${round + 1}: ${message}`)
          }
        }
      }
    }
  } finally {
    await stopEmulator(emulator.child)
  }
  return { evals, delays: options.delays, promptfoo, promptfooFailures, rows }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2))
  const result = await runEvalBench(options)
  const { text, healthy } = formatEvalBench(result)
  console.log(text)
  process.exit(healthy ? 0 : 1)
}
