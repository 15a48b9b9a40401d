import { useEffect } from 'react'
import type { ReactElement } from 'react'
import type { CallRecord } from '../../../src/core/schemas/run'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { formatDateTime, formatInt, formatMs, formatUsd } from '../../lib/format'
import { useRunsStore } from '../../stores/runs-store'
import { RunStatusBadge } from './RunStatusBadge'

const COLUMNS: Column<CallRecord>[] = [
  { key: 'model', header: 'Model', className: 'nowrap', cell: (c) => <span className="mono">{c.modelId}</span>, csv: (c) => c.modelId },
  { key: 'provider', header: 'Provider', csv: (c) => c.providerId },
  {
    key: 'status',
    header: 'Status',
    cell: (c) => <span className={`badge ${c.status === 'ok' ? 'ok' : c.status === 'error' ? 'bad' : 'warn'}`}>{c.status}</span>,
    csv: (c) => c.status
  },
  { key: 'ttft', header: 'TTFT', align: 'right', cell: (c) => <span className="num">{formatMs(c.ttftMs)}</span>, csv: (c) => c.ttftMs },
  { key: 'latency', header: 'Latency', align: 'right', cell: (c) => <span className="num">{formatMs(c.latencyMs)}</span>, csv: (c) => c.latencyMs },
  { key: 'in', header: 'In tokens', align: 'right', cell: (c) => <span className="num">{formatInt(c.inputTokens)}</span>, csv: (c) => c.inputTokens },
  {
    key: 'out',
    header: 'Out tokens',
    align: 'right',
    cell: (c) => (
      <span className="num" title={c.usageEstimated ? 'estimated' : undefined}>
        {formatInt(c.outputTokens)}
        {c.usageEstimated ? '*' : ''}
      </span>
    ),
    csv: (c) => c.outputTokens
  },
  { key: 'cost', header: 'Cost', align: 'right', cell: (c) => <span className="num">{formatUsd(c.costUsd)}</span>, csv: (c) => c.costUsd },
  {
    key: 'error',
    header: 'Error',
    className: 'wrap',
    cell: (c) =>
      c.errorClass ? (
        <>
          <span className="badge bad mono">{c.errorClass}</span> {c.errorMessage}
        </>
      ) : (
        <span className="faint">—</span>
      ),
    csv: (c) => c.errorClass ?? ''
  },
  { key: 'errorMessage', header: 'Error message', csv: (c) => c.errorMessage ?? '' },
  { key: 'output', header: 'Output', className: 'wrap mono', cell: (c) => c.outputText ?? '', csv: (c) => c.outputText ?? '' }
]

/** One stored run and its calls. */
export function RunDetailView({ runId }: { runId: string }): ReactElement {
  const detail = useRunsStore((s) => s.details[runId])
  const loadDetail = useRunsStore((s) => s.loadDetail)

  useEffect(() => {
    void loadDetail(runId)
  }, [loadDetail, runId])

  if (detail?.error) return <ErrorNotice error={detail.error} title="Could not open this run" onRetry={() => void loadDetail(runId)} />
  const run = detail?.data
  if (!run) return <Loading label="Loading the run…" />

  return (
    <article className="stack" aria-labelledby="run-title">
      <div className="panel">
        <div className="panel-header">
          <h2 id="run-title">{run.title}</h2>
          <span className="badge">{run.kind}</span>
          <RunStatusBadge status={run.status} />
        </div>
        <dl className="facts panel-body">
          <dt>Id</dt>
          <dd className="mono">{run.id}</dd>
          <dt>Started</dt>
          <dd className="num">{formatDateTime(run.startedAt)}</dd>
          <dt>Finished</dt>
          <dd className="num">{formatDateTime(run.finishedAt)}</dd>
          <dt>Calls</dt>
          <dd className="num">
            {run.callCount} ({run.errorCount} failed)
          </dd>
          <dt>Cost</dt>
          <dd className="num">{formatUsd(run.costUsd)}</dd>
        </dl>
      </div>
      <DataTable title="Calls" rows={run.calls} columns={COLUMNS} rowKey={(c) => c.id} exportName={`run ${run.id} calls`} count={run.calls.length} empty="This run recorded no call." />
    </article>
  )
}
