import type { ReactElement } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'
import { formatMs, formatUsd } from '../../lib/format'
import { newColumn, summarise } from '../../lib/playground-run'
import type { ModelSummary, Spread } from '../../lib/playground-run'
import { usePlaygroundRun } from '../../stores/playground-run-store'

function show(s: Spread, f: (n: number | null) => string): string {
  if (s.min === null) return '—'
  return `${f(s.min)} / ${f(s.median)} / ${f(s.max)}`
}

const tps = (n: number | null): string => (n === null ? '—' : n.toFixed(1))

const COLUMNS: Column<ModelSummary>[] = [
  { key: 'model', header: 'Model', cell: (r) => <span className="mono">{r.modelId}</span>, csv: (r) => r.modelId },
  { key: 'provider', header: 'Provider', csv: (r) => r.providerId },
  { key: 'ok', header: 'OK', align: 'right', cell: (r) => <span className="num">{`${r.ok} / ${r.runs}`}</span>, csv: (r) => r.ok },
  { key: 'ttft', header: 'TTFT min / median / max', align: 'right', cell: (r) => <span className="num">{show(r.ttftMs, formatMs)}</span>, csv: (r) => r.ttftMs.median },
  { key: 'latency', header: 'Latency min / median / max', align: 'right', cell: (r) => <span className="num">{show(r.latencyMs, formatMs)}</span>, csv: (r) => r.latencyMs.median },
  { key: 'tps', header: 'Tok/s min / median / max', align: 'right', cell: (r) => <span className="num">{show(r.tokensPerSecond, tps)}</span>, csv: (r) => r.tokensPerSecond.median },
  { key: 'cost', header: 'Cost min / median / max', align: 'right', cell: (r) => <span className="num">{show(r.costUsd, formatUsd)}</span>, csv: (r) => r.costUsd.median }
]

/** With repeats: per model, the spread of the finished calls. Re-renders only when a column finishes. */
export function RepeatSummary(): ReactElement {
  const metrics = usePlaygroundRun(useShallow((s) => s.run.order.map((ref) => s.run.columns[ref.columnId]?.metrics ?? null)))
  const order = usePlaygroundRun((s) => s.run.order)
  const rows = summarise(order.map((ref, i) => ({ ...newColumn(ref), metrics: metrics[i] ?? null })))
  return <DataTable title="Summary per model" headingLevel={3} rows={rows} columns={COLUMNS} rowKey={(r) => r.key} exportName="playground summary" count={rows.length} />
}
