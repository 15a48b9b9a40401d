/** The eval bench's tables: both tools side by side (medians), the ratios, the targets, and every run. */
import type { PromptfooRun } from './promptfoo-side'
import type { RawRun } from './raw-client'
import { CONCURRENCY, MODELS, REPLY_TOKENS, idealEvalsPerSec } from './suite-spec'
import type { SwitchyardRun } from './switchyard-side'

export const TARGET_VS_PROMPTFOO = 10
export const TARGET_OF_IDEAL = 0.9
export const TARGET_RSS_SHARE = 0.5

/** first: the measured run is the process's first (modules load, connections open inside it); warm: after a warm-up run. */
export type SwitchyardMode = 'first' | 'warm'

export type BenchRow = { delayMs: number; load: number } & ({ tool: 'switchyard'; mode: SwitchyardMode; run: SwitchyardRun } | { tool: 'promptfoo'; run: PromptfooRun } | { tool: 'raw'; run: RawRun })

export interface EvalBenchResult {
  evals: number
  delays: number[]
  promptfoo: { version: string } | { error: string } | { skipped: true }
  /** promptfoo runs that crashed (left out of its medians). */
  promptfooFailures: string[]
  rows: BenchRow[]
}

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const fixed = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–')
const range = (values: number[], digits = 0): string => {
  const finite = values.filter((v) => Number.isFinite(v))
  return finite.length > 1 ? ` (${fixed(Math.min(...finite), digits)}–${fixed(Math.max(...finite), digits)})` : ''
}

interface Summary {
  runs: number
  evalsPerSec: number[]
  /** promptfoo only: evals ÷ its own "Duration". */
  ownEvalsPerSec: number[]
  runWallS: number[]
  processWallS: number[]
  startMs: number[]
  cpuS: number[]
  /** Switchyard: CPU of the measured run (every thread); promptfoo: its whole process. */
  runCpuS: number[]
  rssMiB: number[]
  passed: number[]
  load: number[]
}

function summarise(rows: BenchRow[], evals: number): Summary {
  const s: Summary = { runs: rows.length, evalsPerSec: [], ownEvalsPerSec: [], runWallS: [], processWallS: [], startMs: [], cpuS: [], runCpuS: [], rssMiB: [], passed: [], load: [] }
  for (const row of rows) {
    if (row.tool === 'raw') continue
    s.load.push(row.load)
    s.processWallS.push(row.run.wallS)
    s.cpuS.push(row.run.cpuS)
    if (row.tool === 'switchyard') {
      s.evalsPerSec.push(evals / (row.run.runMs / 1000))
      s.runWallS.push(row.run.runMs / 1000)
      s.runCpuS.push(row.run.runCpuMs / 1000)
      s.startMs.push(row.run.importMs + row.run.engineStartMs)
      s.rssMiB.push(row.run.processMaxRssMiB)
      s.passed.push(row.run.passed)
    } else {
      s.evalsPerSec.push(evals / row.run.wallS)
      if (row.run.ownDurationS) s.ownEvalsPerSec.push(evals / row.run.ownDurationS)
      s.runCpuS.push(row.run.cpuS)
      s.rssMiB.push(row.run.maxRssMiB)
      if (row.run.passed !== null) s.passed.push(row.run.passed)
    }
  }
  return s
}

function healthProblems(result: EvalBenchResult): string[] {
  const problems: string[] = []
  for (const row of result.rows) {
    if (row.tool !== 'switchyard') continue
    const r = row.run
    const where = `Switchyard at ${row.delayMs} ms`
    if (r.status !== 'completed') problems.push(`${where}: the run ended ${r.status}`)
    if (r.completed !== result.evals || r.errored !== 0) problems.push(`${where}: ${r.completed} of ${result.evals} evals completed, ${r.errored} errored (first error: ${r.firstError ?? 'none'})`)
    if (r.callRows !== result.evals || r.scoreRows !== 2 * result.evals) problems.push(`${where}: ${r.callRows} call rows and ${r.scoreRows} score rows stored, expected ${result.evals} and ${2 * result.evals}`)
  }
  return problems
}

export function formatEvalBench(result: EvalBenchResult): { text: string; healthy: boolean } {
  const lines: string[] = []
  const pf = result.promptfoo
  const pfLabel = 'version' in pf ? `promptfoo ${pf.version}` : 'promptfoo'
  lines.push(
    `${result.evals.toLocaleString('en-US')} evals (${result.evals / MODELS.length} cases × ${MODELS.length} emulator models), \`contains\`, ${REPLY_TOKENS}-token replies, concurrency ${CONCURRENCY} in total, every result stored in SQLite; emulator in its own process. Medians (min–max) of the runs; load = 1-minute load average before each run (2 shared cores).`,
    ''
  )
  if ('error' in pf) lines.push(`**promptfoo not measured:** ${pf.error}`, '')
  if ('skipped' in pf) lines.push('promptfoo skipped (--skip-promptfoo): Switchyard only.', '')
  lines.push(
    '| delay | tool | runs | evals/s | run wall s | process wall s | start ms | run CPU s | CPU ms/eval | peak RSS MiB | passed | load |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
  )
  const perDelay = new Map<number, { ours: Summary | null; warm: Summary | null; theirs: Summary | null; rawRate: number }>()
  for (const delayMs of result.delays) {
    const ofMode = (mode: SwitchyardMode): Summary | null => {
      const rows = result.rows.filter((r) => r.tool === 'switchyard' && r.mode === mode && r.delayMs === delayMs)
      return rows.length ? summarise(rows, result.evals) : null
    }
    const ours = ofMode('first')
    const warm = ofMode('warm')
    const theirRows = result.rows.filter((r) => r.tool === 'promptfoo' && r.delayMs === delayMs)
    const theirs = theirRows.length ? summarise(theirRows, result.evals) : null
    const raw = result.rows.flatMap((r) => (r.tool === 'raw' && r.delayMs === delayMs ? [r] : []))
    perDelay.set(delayMs, { ours, warm, theirs, rawRate: median(raw.map((r) => r.run.reqPerSec)) })
    for (const [label, summary] of [['Switchyard, first run of the process', ours], ['Switchyard, warm (after a 16-case run)', warm]] as const) {
      if (!summary) continue
      lines.push(
        `| ${delayMs} ms | ${label} | ${summary.runs} | **${fixed(median(summary.evalsPerSec), 0)}**${range(summary.evalsPerSec)} | ${fixed(median(summary.runWallS), 2)} | ${fixed(median(summary.processWallS), 2)} | ${fixed(median(summary.startMs), 0)} | ${fixed(median(summary.runCpuS), 2)} | ${fixed((median(summary.runCpuS) * 1000) / result.evals, 2)} | ${fixed(median(summary.rssMiB), 0)} | ${fixed(median(summary.passed), 0)} | ${fixed(median(summary.load), 2)} |`
      )
    }
    if (raw.length) {
      const rates = raw.map((r) => r.run.reqPerSec)
      lines.push(`| ${delayMs} ms | raw undici client (reference, no eval work) | ${raw.length} | ${fixed(median(rates), 0)}${range(rates)} req/s | ${fixed(median(raw.map((r) => r.run.wallS)), 2)} | – | – | – | – | – | – | ${fixed(median(raw.map((r) => r.load)), 2)} |`)
    }
    if (theirs) {
      lines.push(
        `| ${delayMs} ms | ${pfLabel} | ${theirs.runs} | **${fixed(median(theirs.evalsPerSec), 1)}**${range(theirs.evalsPerSec, 1)} (own Duration: ${fixed(median(theirs.ownEvalsPerSec), 1)}) | – | ${fixed(median(theirs.processWallS), 1)} | – | ${fixed(median(theirs.cpuS))} | ${fixed((median(theirs.cpuS) * 1000) / result.evals, 2)} | ${fixed(median(theirs.rssMiB), 0)} | ${fixed(median(theirs.passed), 0)} | ${fixed(median(theirs.load), 2)} |`
      )
    }
  }
  lines.push(
    '',
    'Switchyard evals/s = evals ÷ the run\'s wall time (evals.run → job settled, every call and score committed); "first run" = the process\'s first run, which loads the eval modules and opens the connections inside its window; "warm" = a 16-case suite ran first in the same engine, as the raw client warms up before its clock starts (what every later run in the app sees); "start" = loading the engine + createEngine (store open, migrations); process wall = the whole process (start, 2,000-case setup, warm-up if any, run, close); run CPU = every thread of the process during the measured run. promptfoo evals/s = evals ÷ its whole process wall time (as METRICS.md §2.1), with its own "Duration" line beside it and its whole process\'s CPU.',
    ''
  )

  const targets: string[] = []
  const ratioLines: string[] = []
  for (const [delayMs, { ours, warm, theirs, rawRate }] of perDelay) {
    const ourRate = ours ? median(ours.evalsPerSec) : Number.NaN
    const ideal = idealEvalsPerSec(delayMs)
    if (theirs && ours) {
      const speed = ourRate / median(theirs.evalsPerSec)
      const speedOwn = ourRate / median(theirs.ownEvalsPerSec)
      const speedProcess = median(theirs.processWallS) / median(ours.processWallS)
      const cpu = median(theirs.cpuS) / median(ours.cpuS)
      const rss = median(ours.rssMiB) / median(theirs.rssMiB)
      ratioLines.push(`| ${delayMs} ms | ${fixed(speed)}× | ${fixed(speedOwn)}× | ${fixed(speedProcess)}× | ${fixed(cpu)}× | ${fixed(rss * 100, 0)}% |`)
      if (delayMs === 0) targets.push(`| ≥ ${TARGET_VS_PROMPTFOO}× promptfoo's evals/s at 0 ms | ${fixed(speed)}× (${fixed(ourRate, 0)} vs ${fixed(median(theirs.evalsPerSec), 1)} evals/s) | ${speed >= TARGET_VS_PROMPTFOO ? 'met' : '**missed**'} |`)
      targets.push(`| peak RSS ≤ ${TARGET_RSS_SHARE * 100}% of promptfoo's at ${delayMs} ms | ${fixed(rss * 100, 0)}% (${fixed(median(ours.rssMiB), 0)} vs ${fixed(median(theirs.rssMiB), 0)} MiB) | ${rss <= TARGET_RSS_SHARE ? 'met' : '**missed**'} |`)
    }
    if (ideal !== null) {
      const share = (summary: Summary | null): number => (summary ? median(summary.evalsPerSec) / ideal : Number.NaN)
      const parts = [
        warm ? `warm ${fixed(share(warm) * 100, 1)}% (${fixed(median(warm.evalsPerSec), 0)} evals/s)` : null,
        ours ? `first run of a process ${fixed(share(ours) * 100, 1)}% (${fixed(ourRate, 0)} evals/s)` : null,
        Number.isFinite(rawRate) ? `raw client (after its warm-up) ${fixed((rawRate / ideal) * 100, 1)}% (${fixed(rawRate, 0)}/s) in the same rounds` : null
      ].filter((p): p is string => p !== null)
      const verdict = (summary: Summary | null, name: string): string => (summary ? `${name} ${share(summary) >= TARGET_OF_IDEAL ? 'met' : '**missed**'}` : '')
      targets.push(`| ≥ ${TARGET_OF_IDEAL * 100}% of the ideal ${CONCURRENCY} ÷ ${delayMs} ms = ${fixed(ideal, 0)} evals/s at ${delayMs} ms | ${parts.join('; ')} | ${[verdict(warm, 'warm'), verdict(ours, 'first run')].filter(Boolean).join(', ')} |`)
    }
  }
  if (ratioLines.length) {
    lines.push('| delay | evals/s: Switchyard ÷ promptfoo | vs promptfoo\'s own Duration | process wall: promptfoo ÷ Switchyard | CPU: promptfoo ÷ Switchyard | peak RSS: Switchyard ÷ promptfoo |', '|---|---:|---:|---:|---:|---:|', ...ratioLines, '')
  }
  lines.push('| target | measured (medians) | |', '|---|---|---|', ...targets, '')

  const pfPassed = result.rows.flatMap((r) => (r.tool === 'promptfoo' && r.run.passed !== null ? [r.run.passed] : []))
  const ourPassed = result.rows.flatMap((r) => (r.tool === 'switchyard' ? [r.run.passed] : []))
  if (pfPassed.length && ourPassed.length) {
    const same = new Set([...pfPassed, ...ourPassed]).size === 1
    lines.push(same ? `Both tools passed the same ${ourPassed[0]} evals in every run (the emulator's replies are seeded by model and prompt): the suites are identical.` : `**Pass counts differ** between runs or tools (Switchyard ${ourPassed.join(', ')}; promptfoo ${pfPassed.join(', ')}): check that both sent the same prompts.`, '')
  }
  lines.push('Runs:')
  for (const row of result.rows) {
    if (row.tool === 'switchyard') {
      const r = row.run
      lines.push(
        `- ${row.delayMs} ms Switchyard ${row.mode === 'warm' ? `warm (after a ${r.warmupCases}-case run of ${fixed(r.warmupMs, 0)} ms)` : 'first run'} (load ${fixed(row.load, 2)}): run ${fixed(r.runMs / 1000, 2)} s = ${fixed(result.evals / (r.runMs / 1000), 0)} evals/s, run CPU ${fixed(r.runCpuMs / 1000, 2)} s; import ${fixed(r.importMs, 0)} + createEngine ${fixed(r.engineStartMs, 0)} + setup ${fixed(r.setupMs, 0)} ms; process ${fixed(r.wallS, 2)} s, CPU ${fixed(r.cpuS, 2)} s, peak RSS ${fixed(r.processMaxRssMiB, 0)} MiB; call latency p50/p95 ${fixed(r.latencyP50Ms)}/${fixed(r.latencyP95Ms)} ms; event-loop delay p99/max ${fixed(r.loopDelayP99Ms)}/${fixed(r.loopDelayMaxMs)} ms; ${fixed(r.beforeFirstCallMs, 0)} ms to the first request, ${fixed(r.afterLastCallMs, 0)} ms after the last; ${r.callRows} calls + ${r.scoreRows} scores stored; ${r.jobEvents} job events`
      )
    } else if (row.tool === 'raw') {
      lines.push(`- ${row.delayMs} ms raw undici client (load ${fixed(row.load, 2)}): ${row.run.requests} streamed requests in ${fixed(row.run.wallS, 2)} s = ${fixed(row.run.reqPerSec, 0)} req/s; latency p50/p95 ${fixed(row.run.latencyP50Ms)}/${fixed(row.run.latencyP95Ms)} ms`)
    } else {
      const r = row.run
      lines.push(`- ${row.delayMs} ms promptfoo (load ${fixed(row.load, 2)}): process ${fixed(r.wallS, 1)} s = ${fixed(result.evals / r.wallS, 1)} evals/s (own Duration ${r.ownDurationS ?? '–'} s), CPU ${fixed(r.cpuS, 1)} s, peak RSS ${fixed(r.maxRssMiB, 0)} MiB, ${r.passed ?? '?'} passed / ${r.failed ?? '?'} failed / ${r.errors ?? '?'} errors${r.unparsed ? ` (summary not found in its output, which ends: ${r.unparsed})` : ''}`)
    }
  }
  if (result.promptfooFailures.length) lines.push('', '**promptfoo runs that crashed** (left out of its medians):', ...result.promptfooFailures.map((f) => `- ${f}`))
  const problems = healthProblems(result)
  if (problems.length) lines.push('', '**Problems:**', ...problems.map((p) => `- ${p}`))
  return { text: lines.join('\n'), healthy: problems.length === 0 }
}
