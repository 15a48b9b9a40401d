import { useEffect } from 'react'
import type { ReactElement } from 'react'
import type { CallRecord } from '../../../src/core/schemas/run'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { formatDateTime, formatInt, formatMs, formatUsd } from '../../lib/format'
import { navigate } from '../../lib/navigation'
import { buildRequest, draftFromConfig } from '../../lib/playground-draft'
import { usePlaygroundEditor } from '../../stores/playground-editor-store'
import { usePlaygroundRun } from '../../stores/playground-run-store'
import { useRunsStore } from '../../stores/runs-store'
import { FeedbackControl } from '../feedback/FeedbackControl'
import { RunStatusBadge } from './RunStatusBadge'

function tokensPerSecond(c: CallRecord): string {
  if (c.outputTokens === null || c.latencyMs === null || c.ttftMs === null || c.latencyMs <= c.ttftMs) return '—'
  return (c.outputTokens / ((c.latencyMs - c.ttftMs) / 1000)).toFixed(1)
}

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
  {
    key: 'tps',
    header: 'Tok/s',
    align: 'right',
    cell: (c) => <span className="num">{tokensPerSecond(c)}</span>,
    csv: (c) => tokensPerSecond(c)
  },
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
  { key: 'output', header: 'Output', className: 'wrap mono', cell: (c) => c.outputText ?? '', csv: (c) => c.outputText ?? '' },
  { key: 'feedback', header: 'Feedback', cell: (c) => <FeedbackControl callId={c.id} label={c.modelId} /> }
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
  const draft = draftFromConfig(run.config)

  function open(rerun: boolean): void {
    if (!draft) return
    usePlaygroundEditor.getState().loadDraft(draft)
    const request = buildRequest(draft).request
    if (rerun && request) void usePlaygroundRun.getState().start(request)
    navigate('playground')
  }

  return (
    <article className="stack" aria-labelledby="run-title">
      <div className="panel">
        <div className="panel-header">
          <h2 id="run-title">{run.title}</h2>
          <span className="badge">{run.kind}</span>
          <RunStatusBadge status={run.status} />
          {draft && (
            <div className="actions">
              <button type="button" className="btn small" onClick={() => open(false)}>
                Open in editor
              </button>
              <button type="button" className="btn small primary" onClick={() => open(true)}>
                Re-run
              </button>
            </div>
          )}
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
