import type { CheckLevel, ContractStatus, MeasuredRun, PassRate, StatusCheck } from './schemas/contract-editor'
import type { Budgets, ModelRef } from './schemas/workspace'
import { wilsonInterval } from './statistics/wilson'

/**
 * A contract's status: its budgets against what the latest measured runs found.
 *
 * Measurements (see `measureCalls`):
 * - pass rate: from the latest completed eval run, per case: a case passes when every one of its repeats ended
 *   with an ok call (the last attempt counts: retries are allowed) and none of its scores failed; shown with its
 *   95% Wilson interval;
 * - p95 latency and p95 time to first token: over the ok calls of the latest completed eval or benchmark run;
 * - cost per request: everything the run spent (retries included) ÷ the requests it made (case × repeat).
 * Figures are for the contract's first candidate when the run measured it, else for every model of the run.
 *
 * Rules (documented in the card's help too):
 * - red: a figure is over its budget (latency, TTFT, cost), or the whole pass-rate interval is under the minimum;
 * - amber: a figure is within 10% under its budget; the minimum pass rate lies inside the interval (more cases
 *   would settle it); a budget is set but its figure was not measured; the measured version is not the latest;
 *   no budget is set at all;
 * - green: every budget holds with room to spare on the latest version;
 * - unmeasured: no completed eval or benchmark run of any version of the contract yet.
 * The status is the worst of its checks.
 */

/** How close under a latency or cost budget still reads as amber. */
export const NEAR_BUDGET = 0.1

export interface MeasuredCallRow {
  id: string
  caseId: string | null
  providerId: string
  modelId: string
  repeatIndex: number
  attempt: number
  status: 'ok' | 'error' | 'cancelled'
  latencyMs: number | null
  ttftMs: number | null
  costUsd: number | null
  /** Scores of this call, and how many of them passed (pass = 1). */
  scoreCount: number
  passCount: number
}

export type CallFigures = Pick<MeasuredRun, 'model' | 'calls' | 'errors' | 'passRate' | 'p95LatencyMs' | 'p95TtftMs' | 'costPerRequestUsd'>

/** The q-th percentile (0–100) by linear interpolation between closest ranks; null for no values. */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (q / 100) * (sorted.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo)
}

function passRateOf(rows: readonly MeasuredCallRow[]): PassRate | null {
  if (!rows.some((r) => r.scoreCount > 0)) return null
  // case → repeat → the call with the highest attempt
  const cases = new Map<string, { failed: boolean; last: Map<number, MeasuredCallRow> }>()
  for (const row of rows) {
    const key = row.caseId ?? `call:${row.id}`
    const entry = cases.get(key) ?? { failed: false, last: new Map<number, MeasuredCallRow>() }
    cases.set(key, entry)
    if (row.passCount < row.scoreCount) entry.failed = true
    const previous = entry.last.get(row.repeatIndex)
    if (!previous || row.attempt > previous.attempt) entry.last.set(row.repeatIndex, row)
  }
  let passed = 0
  for (const entry of cases.values()) {
    if (!entry.failed && [...entry.last.values()].every((r) => r.status === 'ok')) passed += 1
  }
  const interval = wilsonInterval(passed, cases.size)
  return { passed, total: cases.size, rate: interval.rate, low: interval.low, high: interval.high }
}

function figures(rows: readonly MeasuredCallRow[], model: ModelRef | null): CallFigures {
  const ok = rows.filter((r) => r.status === 'ok')
  const costs = rows.filter((r) => r.costUsd !== null)
  const requests = new Set(rows.map((r) => `${r.providerId}/${r.modelId}/${r.caseId ?? `call:${r.id}`}/${r.repeatIndex}`)).size
  return {
    model,
    calls: rows.length,
    errors: rows.filter((r) => r.status === 'error').length,
    passRate: passRateOf(rows),
    p95LatencyMs: percentile(ok.flatMap((r) => (r.latencyMs === null ? [] : [r.latencyMs])), 95),
    p95TtftMs: percentile(ok.flatMap((r) => (r.ttftMs === null ? [] : [r.ttftMs])), 95),
    costPerRequestUsd: costs.length === 0 || requests === 0 ? null : costs.reduce((sum, r) => sum + (r.costUsd ?? 0), 0) / requests
  }
}

/**
 * The figures of a run's calls (cancelled calls left out), for the first of `preferred` models the run measured;
 * when it measured none of them, for all its calls (model null).
 */
export function measureCalls(rows: readonly MeasuredCallRow[], preferred: readonly ModelRef[]): CallFigures {
  const counted = rows.filter((r) => r.status !== 'cancelled')
  for (const m of preferred) {
    const mine = counted.filter((r) => r.providerId === m.providerId && r.modelId === m.modelId)
    if (mine.length > 0) return figures(mine, { providerId: m.providerId, modelId: m.modelId })
  }
  return figures(counted, null)
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const ms = (n: number): string => `${integer.format(n)} ms`
const percentNumber = (n: number): string => (n * 100).toFixed(1).replace(/\.0$/, '')
const pct = (n: number): string => `${percentNumber(n)}%`
export function usd(n: number): string {
  if (n === 0) return '$0'
  if (n >= 1) return `$${n.toFixed(2)}`
  return `$${Number(n.toPrecision(3)).toFixed(8).replace(/0+$/, '')}`
}

function ceilingCheck(metric: StatusCheck['metric'], label: string, measured: number | null, budget: number, show: (n: number) => string, missing: string): StatusCheck {
  if (measured === null) return { metric, level: 'amber', text: `${label} not measured (${missing}); the budget is ${show(budget)}` }
  if (measured > budget) return { metric, level: 'red', text: `${label} ${show(measured)} is over the ${show(budget)} budget` }
  if (measured > budget * (1 - NEAR_BUDGET)) return { metric, level: 'amber', text: `${label} ${show(measured)} is within 10% of the ${show(budget)} budget` }
  return { metric, level: 'green', text: `${label} ${show(measured)} is within the ${show(budget)} budget` }
}

function passRateCheck(rate: PassRate | null, min: number): StatusCheck {
  const metric = 'pass_rate'
  if (!rate) return { metric, level: 'amber', text: `pass rate not measured yet (run an eval with assertions); the minimum is ${pct(min)}` }
  const detail = `${pct(rate.rate)} (95% interval ${percentNumber(rate.low)}–${pct(rate.high)}, ${rate.passed} of ${rate.total} cases)`
  if (min >= 1) {
    return rate.passed === rate.total
      ? { metric, level: 'green', text: `pass rate ${detail} meets the 100% minimum` }
      : { metric, level: 'red', text: `pass rate ${detail} is below the 100% minimum` }
  }
  if (rate.high < min) return { metric, level: 'red', text: `pass rate ${detail} is below the ${pct(min)} minimum` }
  if (rate.low >= min) return { metric, level: 'green', text: `pass rate ${detail} is above the ${pct(min)} minimum` }
  return rate.rate >= min
    ? { metric, level: 'amber', text: `pass rate ${detail} meets the ${pct(min)} minimum, but its interval reaches below it: more cases would settle it` }
    : { metric, level: 'amber', text: `pass rate ${detail} is under the ${pct(min)} minimum, but its interval reaches above it: more cases would settle it` }
}

const RANK: Record<CheckLevel, number> = { red: 0, amber: 1, green: 2 }

export interface StatusInput {
  contractId: string
  budgets: Budgets
  latestVersion: number
  quality: MeasuredRun | null
  performance: MeasuredRun | null
}

function versionChecks(input: StatusInput): StatusCheck[] {
  const runs = [input.quality, input.performance].filter((r, i, all): r is MeasuredRun => r !== null && all.findIndex((x) => x?.runId === r.runId) === i)
  return runs
    .filter((r) => r.version < input.latestVersion)
    .map((r) => ({
      metric: 'version' as const,
      level: 'amber' as const,
      text: `the ${r.kind === 'eval' ? 'eval' : 'benchmark'} measured v${r.version}, but the latest version is v${input.latestVersion}: run it again on v${input.latestVersion}`
    }))
}

/** Budgets against measurements → green / amber / red / unmeasured, with every reason in words (rules above). */
export function contractStatus(input: StatusInput): ContractStatus {
  const { budgets, quality, performance } = input
  const base = { contractId: input.contractId, latestVersion: input.latestVersion, quality, performance }
  if (!quality && !performance) {
    return {
      ...base,
      level: 'unmeasured',
      summary: 'Not yet measured: run an eval or a benchmark of this contract to compare it with its budgets.',
      checks: []
    }
  }
  const perf = performance ?? quality
  const checks: StatusCheck[] = []
  const missingWhy = perf && perf.calls > 0 && perf.calls === perf.errors ? 'no call succeeded' : 'no call reported it'
  if (budgets.minPassRate !== null) checks.push(passRateCheck(quality?.passRate ?? null, budgets.minPassRate))
  if (budgets.p95LatencyMs !== null) checks.push(ceilingCheck('p95_latency', 'p95 latency', perf?.p95LatencyMs ?? null, budgets.p95LatencyMs, ms, missingWhy))
  if (budgets.p95TtftMs !== null) checks.push(ceilingCheck('p95_ttft', 'p95 time to first token', perf?.p95TtftMs ?? null, budgets.p95TtftMs, ms, missingWhy))
  if (budgets.maxCostPerRequestUsd !== null) {
    checks.push(ceilingCheck('cost', 'cost per request', perf?.costPerRequestUsd ?? null, budgets.maxCostPerRequestUsd, usd, 'the model has no price: set one in Providers'))
  }
  if (checks.length === 0) {
    checks.push({ metric: 'budgets', level: 'amber', text: 'no budget is set: add a p95 latency, cost or minimum pass rate budget to judge this contract' })
  }
  checks.push(...versionChecks(input))
  const sorted = checks.map((c, i) => ({ c, i })).sort((a, b) => RANK[a.c.level] - RANK[b.c.level] || a.i - b.i).map((x) => x.c)
  const level = sorted[0]!.level
  const first = sorted[0]!.text
  const summary = level === 'green' ? `Within every budget on v${input.latestVersion}.` : `${first.charAt(0).toUpperCase()}${first.slice(1)}.`
  return { ...base, level, summary, checks: sorted }
}
