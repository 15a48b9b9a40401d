import type { CellStatus, ColumnStats, EvalCell, EvalColumn, GateResult } from '../../src/core/schemas/eval'
import { formatMs, formatUsd } from './format'

/** How eval numbers read on screen and in CSV: pass rates with their intervals, column names, cell marks. */

/** 0.8734 → "87.3%"; null → "—". One decimal, trailing .0 dropped. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`
}

/** A Wilson interval as "72.1–91.4%"; null → "—". */
export function formatInterval(interval: { low: number; high: number } | null | undefined): string {
  if (!interval) return '—'
  const pct = (v: number): string => (v * 100).toFixed(1).replace(/\.0$/, '')
  return `${pct(interval.low)}–${pct(interval.high)}%`
}

/** "87.3% (95% CI 72.1–91.4%)", or the rate alone without an interval. */
export function formatRateWithInterval(rate: number | null, interval: { low: number; high: number } | null): string {
  if (rate === null) return '—'
  return interval ? `${formatRate(rate)} (95% CI ${formatInterval(interval)})` : formatRate(rate)
}

/** A score (0..1) with two decimals. */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? '—' : score.toFixed(2)
}

/** Points of a difference in pass rate or score: "+6.2", "−3.0", "0.0". */
export function formatPoints(points: number | null | undefined): string {
  if (points === null || points === undefined || !Number.isFinite(points)) return '—'
  const text = Math.abs(points).toFixed(1)
  return points > 0 ? `+${text}` : points < 0 ? `−${text}` : text
}

export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—'
  if (p < 0.001) return '< 0.001'
  return p.toFixed(3)
}

/** 65_000 → "1:05"; under a minute "12.3 s"; hours as "1:02:03". */
export function formatElapsed(ms: number): string {
  const safe = Math.max(0, ms)
  if (safe < 60_000) return `${(safe / 1000).toFixed(1)} s`
  const total = Math.floor(safe / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/**
 * A column's name: the model, with the prompt variant first when the run compares several variants
 * ("Support ticket triage v2 · emu-swift").
 */
export function columnLabel(column: Pick<EvalColumn, 'variantLabel' | 'modelId'>, manyVariants: boolean): string {
  return manyVariants ? `${column.variantLabel} · ${column.modelId}` : column.modelId
}

export function hasManyVariants(columns: readonly Pick<EvalColumn, 'variantId'>[]): boolean {
  return new Set(columns.map((c) => c.variantId)).size > 1
}

/** One mark per repeat outcome. */
export const STATUS_MARK: Record<CellStatus, string> = {
  passed: '✓',
  failed: '✗',
  score_error: '?',
  error: '!',
  pending: '·'
}

export const STATUS_WORD: Record<CellStatus, string> = {
  passed: 'passed',
  failed: 'failed',
  score_error: 'scoring error',
  error: 'provider error',
  pending: 'not run yet'
}

/** The overall state of a cell for its colour: all passed, all failed, errors, mixed repeats, pending. */
export function cellTone(cell: EvalCell | undefined): 'pass' | 'fail' | 'error' | 'mixed' | 'pending' {
  if (!cell || cell.repeats.length === 0) return 'pending'
  const statuses = new Set(cell.repeats.map((r) => r.status))
  if (statuses.size === 1) {
    const only = cell.repeats[0]!.status
    return only === 'passed' ? 'pass' : only === 'failed' ? 'fail' : only === 'pending' ? 'pending' : 'error'
  }
  if (statuses.has('passed') && statuses.has('failed')) return 'mixed'
  if (statuses.has('error') || statuses.has('score_error')) return 'error'
  return 'mixed'
}

/** What a cell shows: its repeat marks ("✓✗✓"), and the mean score when there is one. */
export function cellText(cell: EvalCell | undefined): string {
  if (!cell || cell.repeats.length === 0) return STATUS_MARK.pending
  const marks = cell.repeats.map((r) => STATUS_MARK[r.status]).join('')
  return cell.meanScore === null ? marks : `${marks} ${formatScore(cell.meanScore)}`
}

/** Words for a screen reader and a tooltip: "passed, failed (score 0.50)". */
export function cellDescription(cell: EvalCell | undefined): string {
  if (!cell || cell.repeats.length === 0) return STATUS_WORD.pending
  const words = cell.repeats.map((r) => (r.errorClass ? `${STATUS_WORD[r.status]} (${r.errorClass})` : STATUS_WORD[r.status])).join(', ')
  return cell.meanScore === null ? words : `${words} (score ${formatScore(cell.meanScore)})`
}

export const GATE_NAME: Record<GateResult['gate'], string> = {
  minPassRate: 'Minimum pass rate',
  maxP95LatencyMs: 'Maximum p95 latency',
  maxCostPerSuccessUsd: 'Maximum cost per success'
}

/** A gate's limit in its unit. */
export function formatGateValue(gate: GateResult['gate'], value: number | null): string {
  if (value === null) return '—'
  if (gate === 'minPassRate') return formatRate(value)
  if (gate === 'maxP95LatencyMs') return formatMs(value)
  return formatUsd(value)
}

/** The per-column statistics as CSV columns (header, value), in table order; raw numbers, not formatted text. */
export function statsCsvColumns(columns: readonly EvalColumn[], repeats: number): Array<{ header: string; value: (s: ColumnStats) => unknown }> {
  const byKey = new Map(columns.map((c) => [c.key, c]))
  const col = (s: ColumnStats): EvalColumn | undefined => byKey.get(s.columnKey)
  const list: Array<{ header: string; value: (s: ColumnStats) => unknown }> = [
    { header: 'variant', value: (s) => col(s)?.variantLabel ?? '' },
    { header: 'provider', value: (s) => col(s)?.providerId ?? '' },
    { header: 'model', value: (s) => col(s)?.modelId ?? '' },
    { header: 'cells', value: (s) => s.cells },
    { header: 'passed', value: (s) => s.passed },
    { header: 'failed', value: (s) => s.failed },
    { header: 'errored', value: (s) => s.errored },
    { header: 'score_errors', value: (s) => s.scoreErrors },
    { header: 'pass_rate', value: (s) => s.passRate },
    { header: 'pass_rate_ci_low', value: (s) => s.passRateInterval?.low ?? null },
    { header: 'pass_rate_ci_high', value: (s) => s.passRateInterval?.high ?? null },
    { header: 'mean_score', value: (s) => s.meanScore },
    { header: 'latency_p50_ms', value: (s) => s.latencyP50Ms },
    { header: 'latency_p95_ms', value: (s) => s.latencyP95Ms },
    { header: 'ttft_p50_ms', value: (s) => s.ttftP50Ms },
    { header: 'ttft_p95_ms', value: (s) => s.ttftP95Ms },
    { header: 'input_tokens', value: (s) => s.inputTokens },
    { header: 'output_tokens', value: (s) => s.outputTokens },
    { header: 'cost_usd', value: (s) => s.costUsd },
    { header: 'cost_per_success_usd', value: (s) => s.costPerSuccessUsd },
    { header: 'calls', value: (s) => s.calls },
    { header: 'retries', value: (s) => s.retries },
    { header: 'cache_hits', value: (s) => s.cacheHits }
  ]
  if (repeats > 1) {
    list.push({ header: `pass_at_${repeats}`, value: (s) => s.passAtK }, { header: `pass_hat_${repeats}`, value: (s) => s.passHatK })
  }
  return list
}
