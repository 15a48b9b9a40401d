import type { ReactElement } from 'react'
import type { ColumnStats, EvalResults } from '../../../src/core/schemas/eval'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'
import { columnLabel, formatInterval, formatRate, formatScore, hasManyVariants, statsCsvColumns } from '../../lib/eval-format'
import { formatInt, formatMs, formatTokens, formatUsd } from '../../lib/format'

/** Per-column statistics: pass rate with its Wilson 95% interval, score, latency, TTFT, tokens, cost, consistency. */
export function StatsTable({ results, exportName }: { results: EvalResults; exportName: string }): ReactElement {
  const many = hasManyVariants(results.columns)
  const byKey = new Map(results.columns.map((c) => [c.key, c]))
  const label = (s: ColumnStats): string => {
    const c = byKey.get(s.columnKey)
    return c ? columnLabel(c, many) : s.columnKey
  }
  const k = results.repeats
  const visible: Column<ColumnStats>[] = [
    { key: 'column', header: 'Column', className: 'ev-stats-column', cell: (s) => <span className="mono">{label(s)}</span> },
    {
      key: 'pass',
      header: 'Pass rate (95% CI)',
      align: 'right',
      cell: (s) => (
        <span className="num" data-testid={`pass-rate-${byKey.get(s.columnKey)?.modelId ?? s.columnKey}`}>
          <strong>{formatRate(s.passRate)}</strong> <span className="faint">{formatInterval(s.passRateInterval)}</span>
        </span>
      )
    },
    {
      key: 'counts',
      header: 'Passed / failed / errors',
      align: 'right',
      cell: (s) => (
        <span className="num">
          {formatInt(s.passed)} / {formatInt(s.failed)} / {formatInt(s.errored)}
          {s.scoreErrors > 0 && <span className="warn-text"> · {formatInt(s.scoreErrors)} score errors</span>}
          {s.pending > 0 && <span className="faint"> · {formatInt(s.pending)} pending</span>}
        </span>
      )
    },
    { key: 'score', header: 'Mean score', align: 'right', cell: (s) => <span className="num">{formatScore(s.meanScore)}</span> },
    { key: 'latency', header: 'Latency p50 / p95', align: 'right', cell: (s) => <span className="num">{formatMs(s.latencyP50Ms)} / {formatMs(s.latencyP95Ms)}</span> },
    { key: 'ttft', header: 'TTFT p50 / p95', align: 'right', cell: (s) => <span className="num">{formatMs(s.ttftP50Ms)} / {formatMs(s.ttftP95Ms)}</span> },
    { key: 'tokens', header: 'Tokens in / out', align: 'right', cell: (s) => <span className="num">{formatTokens(s.inputTokens)} / {formatTokens(s.outputTokens)}</span> },
    { key: 'cost', header: 'Cost', align: 'right', cell: (s) => <span className="num">{formatUsd(s.costUsd)}</span> },
    { key: 'cps', header: 'Cost per success', align: 'right', cell: (s) => <span className="num">{formatUsd(s.costPerSuccessUsd)}</span> },
    {
      key: 'calls',
      header: 'Calls / retries / cache hits',
      align: 'right',
      cell: (s) => (
        <span className="num">
          {formatInt(s.calls)} / {formatInt(s.retries)} / {formatInt(s.cacheHits)}
        </span>
      )
    }
  ]
  if (k > 1) {
    visible.push(
      { key: 'passAtK', header: `pass@${k}`, align: 'right', cell: (s) => <span className="num">{formatRate(s.passAtK)}</span> },
      { key: 'passHatK', header: `pass^${k}`, align: 'right', cell: (s) => <span className="num">{formatRate(s.passHatK)}</span> }
    )
  }
  const csvOnly: Column<ColumnStats>[] = statsCsvColumns(results.columns, k).map((c) => ({ key: `csv-${c.header}`, header: c.header, csv: c.value }))
  return (
    <DataTable
      title="Statistics per column"
      rows={results.stats}
      columns={[...visible, ...csvOnly]}
      rowKey={(s) => s.columnKey}
      exportName={exportName}
      count={`${formatInt(results.totals.decided)} of ${formatInt(results.totals.cells)} cells decided · ${formatUsd(results.totals.costUsd)}`}
      empty="No column yet."
    />
  )
}
