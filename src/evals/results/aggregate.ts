import { meanOverCases, passAtK, passHatK } from '../../core/statistics/pass-at-k'
import { quantileSorted } from '../../core/statistics/percentiles'
import { wilsonInterval } from '../../core/statistics/wilson'
import type { CellStatus, ColumnStats, EvalCell, EvalColumn, EvalResults, EvalRow, EvalThresholds, GateResult } from '../../core/schemas/eval'
import type { EvalFinalRow, EvalSpendRow } from '../../store/repos/eval-result-repo'

/** The deciding call of one cell repeat with its verdict, and everything a column spent (see eval-result-repo). */
export type FinalCallRow = EvalFinalRow
export type SpendRow = EvalSpendRow

export interface CaseInfo {
  id: string
  position: number
  label: string
}

export type RowFilter = 'all' | 'failures' | 'errors' | 'disagree' | 'flaky'

export interface AggregateInput {
  runId: string
  status: string
  repeats: number
  columns: EvalColumn[]
  cases: CaseInfo[]
  finals: FinalCallRow[]
  spend: SpendRow[]
  thresholds: EvalThresholds
  filter?: RowFilter
  offset?: number
  limit?: number
}

export function columnKeyOf(variant: string, providerId: string, modelId: string): string {
  return `${variant}|${providerId}|${modelId}`
}

function statusOf(row: FinalCallRow): CellStatus {
  if (row.status !== 'ok') return 'error'
  if (row.pass === null) return 'score_error'
  return row.pass ? 'passed' : 'failed'
}

const finiteOrNull = (n: number): number | null => (Number.isFinite(n) ? n : null)
const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length)
function percentile(values: number[], q: number): number | null {
  if (values.length === 0) return null
  values.sort((a, b) => a - b)
  return finiteOrNull(quantileSorted(values, q))
}

/** The results matrix and per-column statistics of one eval run, from its stored rows. */
export function aggregateResults(input: AggregateInput): EvalResults {
  const { columns, cases, repeats } = input
  const columnIndex = new Map(columns.map((c, i) => [c.key, i]))
  const caseIndex = new Map(cases.map((c, i) => [c.id, i]))
  // grid[case][column][repeat]
  const grid: Array<Array<Array<FinalCallRow | undefined>>> = cases.map(() => columns.map(() => new Array<FinalCallRow | undefined>(repeats)))
  for (const row of input.finals) {
    const ci = caseIndex.get(row.caseId)
    const col = columnIndex.get(columnKeyOf(row.variant, row.providerId, row.modelId))
    if (ci === undefined || col === undefined || row.repeatIndex >= repeats) continue
    ;(grid[ci] as Array<Array<FinalCallRow | undefined>>)[col]![row.repeatIndex] = row
  }

  const allRows: EvalRow[] = cases.map((c, ci) => {
    const cells: EvalCell[] = columns.map((column, col) => {
      const reps = (grid[ci] as Array<Array<FinalCallRow | undefined>>)[col] as Array<FinalCallRow | undefined>
      const out = Array.from({ length: repeats }, (_, r) => {
        const row = reps[r]
        return row
          ? { callId: row.callId, status: statusOf(row), score: row.score, latencyMs: row.latencyMs, errorClass: row.errorClass }
          : { callId: null, status: 'pending' as const, score: null, latencyMs: null, errorClass: null }
      })
      const decided = out.filter((o) => o.status === 'passed' || o.status === 'failed' || o.status === 'error')
      const scores = out.map((o) => o.score).filter((s): s is number => s !== null)
      return {
        columnKey: column.key,
        repeats: out,
        passRate: decided.length === 0 ? null : decided.filter((o) => o.status === 'passed').length / decided.length,
        meanScore: mean(scores)
      }
    })
    const rates = cells.map((cell) => cell.passRate).filter((r): r is number => r !== null)
    return {
      caseId: c.id,
      position: c.position,
      label: c.label,
      cells,
      disagree: rates.some((r) => r >= 0.5) && rates.some((r) => r < 0.5),
      flaky: cells.some((cell) => cell.passRate !== null && cell.passRate > 0 && cell.passRate < 1)
    }
  })

  const stats = columns.map((column, col) => columnStats(input, column, col, grid))
  const gates = evaluateGates(input.thresholds, columns, stats)
  const filtered = filterRows(allRows, input.filter ?? 'all')
  const offset = input.offset ?? 0
  const limit = input.limit ?? filtered.length
  return {
    runId: input.runId,
    status: input.status,
    repeats,
    columns,
    stats,
    rows: filtered.slice(offset, offset + limit),
    totalRows: filtered.length,
    gates,
    verdict: gates.length === 0 ? 'none' : gates.every((g) => g.pass) ? 'pass' : 'fail',
    totals: {
      cells: cases.length * columns.length * repeats,
      decided: stats.reduce((n, s) => n + s.decided, 0),
      costUsd: stats.reduce((n, s) => n + s.costUsd, 0)
    }
  }
}

function columnStats(input: AggregateInput, column: EvalColumn, col: number, grid: Array<Array<Array<FinalCallRow | undefined>>>): ColumnStats {
  let passed = 0
  let failed = 0
  let errored = 0
  let scoreErrors = 0
  const scores: number[] = []
  const latencies: number[] = []
  const ttfts: number[] = []
  const perCase: Array<{ n: number; c: number }> = []
  for (const caseCells of grid) {
    let n = 0
    let c = 0
    for (const row of (caseCells as Array<Array<FinalCallRow | undefined>>)[col] ?? []) {
      if (!row) continue
      const status = statusOf(row)
      if (status === 'passed') passed++
      else if (status === 'failed') failed++
      else if (status === 'error') errored++
      else scoreErrors++
      if (status !== 'score_error') {
        n++
        if (status === 'passed') c++
      }
      if (row.score !== null) scores.push(row.score)
      if (row.status === 'ok' && !row.cacheHit) {
        if (row.latencyMs !== null) latencies.push(row.latencyMs)
        if (row.ttftMs !== null) ttfts.push(row.ttftMs)
      }
    }
    perCase.push({ n, c })
  }
  const decided = passed + failed + errored
  const cells = input.cases.length * input.repeats
  const spend = input.spend.find((s) => columnKeyOf(s.variant, s.providerId, s.modelId) === column.key)
  const costUsd = spend?.costUsd ?? 0
  const interval = decided > 0 ? wilsonInterval(passed, decided) : null
  const k = input.repeats
  return {
    columnKey: column.key,
    cells,
    decided,
    passed,
    failed,
    errored,
    scoreErrors,
    pending: cells - decided - scoreErrors,
    passRate: decided > 0 ? passed / decided : null,
    passRateInterval: interval ? { low: interval.low, high: interval.high } : null,
    meanScore: mean(scores),
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    ttftP50Ms: percentile(ttfts, 0.5),
    ttftP95Ms: percentile(ttfts, 0.95),
    inputTokens: spend?.inputTokens ?? 0,
    outputTokens: spend?.outputTokens ?? 0,
    costUsd,
    costPerSuccessUsd: passed > 0 ? costUsd / passed : null,
    calls: spend?.calls ?? 0,
    retries: Math.max(0, (spend?.calls ?? 0) - (spend?.finals ?? 0)),
    cacheHits: spend?.cacheHits ?? 0,
    passAtK: k > 1 ? finiteOrNull(meanOverCases(perCase, k, passAtK).value) : null,
    passHatK: k > 1 ? finiteOrNull(meanOverCases(perCase, k, passHatK).value) : null
  }
}

function filterRows(rows: EvalRow[], filter: RowFilter): EvalRow[] {
  switch (filter) {
    case 'failures':
      return rows.filter((r) => r.cells.some((c) => c.repeats.some((x) => x.status === 'failed')))
    case 'errors':
      return rows.filter((r) => r.cells.some((c) => c.repeats.some((x) => x.status === 'error' || x.status === 'score_error')))
    case 'disagree':
      return rows.filter((r) => r.disagree)
    case 'flaky':
      return rows.filter((r) => r.flaky)
    default:
      return rows
  }
}

const usd = (n: number): string => `$${n < 0.01 ? n.toPrecision(2) : n.toFixed(4)}`

/** Suite thresholds per column: each gate with its actual value and a sentence. */
export function evaluateGates(thresholds: EvalThresholds, columns: EvalColumn[], stats: ColumnStats[]): GateResult[] {
  const gates: GateResult[] = []
  for (const [i, column] of columns.entries()) {
    const s = stats[i] as ColumnStats
    const name = `${column.variantLabel} · ${column.modelId}`
    if (thresholds.minPassRate !== undefined) {
      const limit = thresholds.minPassRate
      const actual = s.passRate
      const pass = actual !== null && actual >= limit
      gates.push({ gate: 'minPassRate', columnKey: column.key, limit, actual, pass, message: actual === null ? `${name}: no decided case, pass rate unknown (needs ≥ ${(limit * 100).toFixed(1)}%)` : `${name}: pass rate ${(actual * 100).toFixed(1)}% ${pass ? '≥' : '<'} ${(limit * 100).toFixed(1)}%` })
    }
    if (thresholds.maxP95LatencyMs !== undefined) {
      const limit = thresholds.maxP95LatencyMs
      const actual = s.latencyP95Ms
      const pass = actual !== null && actual <= limit
      gates.push({ gate: 'maxP95LatencyMs', columnKey: column.key, limit, actual, pass, message: actual === null ? `${name}: no successful call, p95 latency unknown` : `${name}: p95 latency ${Math.round(actual)} ms ${pass ? '≤' : '>'} ${limit} ms` })
    }
    if (thresholds.maxCostPerSuccessUsd !== undefined) {
      const limit = thresholds.maxCostPerSuccessUsd
      const actual = s.costPerSuccessUsd
      const pass = actual !== null && actual <= limit
      gates.push({ gate: 'maxCostPerSuccessUsd', columnKey: column.key, limit, actual, pass, message: actual === null ? `${name}: nothing passed, cost per success unknown` : `${name}: cost per success ${usd(actual)} ${pass ? '≤' : '>'} ${usd(limit)}` })
    }
  }
  return gates
}
