import type { ReactElement } from 'react'
import type { RunSummary } from '../../../src/core/schemas/run'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'
import { evalsHref } from '../../lib/eval-routes'
import { formatDateTime, formatUsd } from '../../lib/format'
import { isLiveActive } from '../../lib/eval-live'
import { useEvalRun } from '../../stores/eval-run-store'
import { RunStatusBadge } from '../playground/RunStatusBadge'

/** A run that stopped before the end: `evals.resume` continues it without redoing finished calls. */
export function isResumable(run: Pick<RunSummary, 'status'>): boolean {
  return run.status === 'cancelled' || run.status === 'interrupted'
}

function ResumeButton({ run }: { run: RunSummary }): ReactElement | null {
  const resume = useEvalRun((s) => s.resume)
  const busy = useEvalRun((s) => isLiveActive(s.live))
  if (!isResumable(run)) return null
  return (
    <button type="button" className="btn small" disabled={busy} onClick={() => void resume(run.id)} aria-label={`Resume ${run.title}`}>
      Resume
    </button>
  )
}

const COLUMNS: Column<RunSummary>[] = [
  { key: 'title', header: 'Run', cell: (r) => <a href={evalsHref({ view: 'run', runId: r.id })}>{r.title || r.id}</a>, csv: (r) => r.title },
  { key: 'id', header: 'Id', csv: (r) => r.id },
  { key: 'status', header: 'Status', cell: (r) => <RunStatusBadge status={r.status} />, csv: (r) => r.status },
  { key: 'started', header: 'Started', cell: (r) => <span className="num">{formatDateTime(r.startedAt)}</span>, csv: (r) => r.startedAt },
  { key: 'finished', header: 'Finished', csv: (r) => r.finishedAt },
  { key: 'calls', header: 'Calls', align: 'right', cell: (r) => <span className="num">{r.callCount}</span>, csv: (r) => r.callCount },
  {
    key: 'errors',
    header: 'Errors',
    align: 'right',
    cell: (r) => <span className={`num${r.errorCount > 0 ? ' bad-text' : ''}`}>{r.errorCount}</span>,
    csv: (r) => r.errorCount
  },
  { key: 'cost', header: 'Cost', align: 'right', cell: (r) => <span className="num">{formatUsd(r.costUsd)}</span>, csv: (r) => r.costUsd },
  { key: 'actions', header: 'Actions', cell: (r) => <ResumeButton run={r} /> }
]

interface Props {
  title: string
  runs: RunSummary[]
  empty: string
  selectedId?: string | null
  onRefresh?: () => void
}

/** Eval runs with their status; cancelled and interrupted ones offer Resume. */
export function EvalRunsTable({ title, runs, empty, selectedId = null, onRefresh }: Props): ReactElement {
  return (
    <DataTable
      title={title}
      headingLevel={2}
      rows={runs}
      columns={COLUMNS}
      rowKey={(r) => r.id}
      selectedKey={selectedId}
      exportName={title}
      count={runs.length}
      actions={
        onRefresh && (
          <button type="button" className="btn small" onClick={onRefresh}>
            Refresh
          </button>
        )
      }
      empty={empty}
    />
  )
}
