import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import type { RunSummary } from '../../../src/core/schemas/run'
import { DataTable } from '../../components/DataTable'
import type { Column } from '../../components/DataTable'
import { formatDateTime, formatUsd } from '../../lib/format'
import { hrefFor } from '../../lib/routes'
import { RunStatusBadge } from './RunStatusBadge'

const COLUMNS: Column<RunSummary>[] = [
  { key: 'title', header: 'Run', cell: (r) => <a href={hrefFor('playground', r.id)}>{r.title}</a>, csv: (r) => r.title },
  { key: 'id', header: 'Id', csv: (r) => r.id },
  { key: 'kind', header: 'Kind', cell: (r) => <span className="badge">{r.kind}</span>, csv: (r) => r.kind },
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
  { key: 'cost', header: 'Cost', align: 'right', cell: (r) => <span className="num">{formatUsd(r.costUsd)}</span>, csv: (r) => r.costUsd }
]

interface Props {
  runs: RunSummary[]
  selectedId: string | null
  refreshing: boolean
  query: string
  onSearch: (query: string) => void
  onRefresh: () => void
}

const SEARCH_DELAY_MS = 300

export function RecentRunsTable({ runs, selectedId, refreshing, query, onSearch, onRefresh }: Props): ReactElement {
  const [text, setText] = useState(query)
  useEffect(() => {
    if (text === query) return
    const timer = setTimeout(() => onSearch(text), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, query, onSearch])

  return (
    <DataTable
      title="Recent runs"
      rows={runs}
      columns={COLUMNS}
      rowKey={(r) => r.id}
      selectedKey={selectedId}
      exportName="recent runs"
      count={runs.length}
      actions={
        <>
        <input className="input" type="search" aria-label="Search runs" placeholder="Search titles, prompts, outputs…" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="button" className="btn small" onClick={onRefresh} disabled={refreshing}>
          Refresh
        </button>
        </>
      }
      empty={query ? `No run matches “${query}”.` : 'No run yet. Run models side by side above, or probe a provider, and the run appears here.'}
    />
  )
}
