import { useState } from 'react'
import type { ReactElement } from 'react'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { evalsHref } from '../../lib/eval-routes'
import { formatDateTime } from '../../lib/format'
import { useEvalsStore } from '../../stores/evals-store'
import { EvalRunsTable } from './EvalRunsTable'
import { EvalsEmptyState } from './EvalsEmptyState'
import { ImportPromptfooDialog } from './ImportPromptfooDialog'
import { LiveRunPanel } from './LiveRunPanel'
import { TrendPanel } from './TrendPanel'

/** The section's start: the suites, the live run if any, recent eval runs, and a contract's pass-rate trend. */
export function EvalsHome(): ReactElement {
  const suites = useEvalsStore((s) => s.suites)
  const runs = useEvalsStore((s) => s.runs)
  const loadSuites = useEvalsStore((s) => s.loadSuites)
  const loadRuns = useEvalsStore((s) => s.loadRuns)
  const [importing, setImporting] = useState(false)
  const list = suites.data ?? []
  const contracts = [...new Map(list.map((s) => [s.contractId, s.contractName])).entries()].map(([id, name]) => ({ id, name }))

  return (
    <>
      {suites.error && <ErrorNotice error={suites.error} title="Could not list the suites" onRetry={() => void loadSuites()} />}
      {!suites.data && suites.status === 'loading' && <Loading label="Loading suites…" />}
      <LiveRunPanel />
      {suites.data && list.length === 0 && <EvalsEmptyState onImport={() => setImporting(true)} />}
      {list.length > 0 && (
        <div className="split">
          <nav aria-label="Suites">
            <ul className="master-list" aria-label="Suite list">
              {list.map((s) => (
                <li key={s.id}>
                  <a href={evalsHref({ view: 'suite', suiteId: s.id })}>
                    <span className="title">{s.name}</span>
                    <span className="meta">
                      {s.contractName} v{s.contractVersion}
                      {s.datasetName ? ` · ${s.datasetName} v${s.datasetVersion}` : ' · no dataset'}
                    </span>
                    <span className="meta faint">updated {formatDateTime(s.updatedAt)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="stack">
            {runs.error && <ErrorNotice error={runs.error} title="Could not list the eval runs" onRetry={() => void loadRuns()} />}
            <EvalRunsTable
              title="Recent eval runs"
              runs={runs.data ?? []}
              onRefresh={() => void loadRuns()}
              empty="No eval run yet: open a suite and press Run (Ctrl/Cmd+Enter)."
            />
            {contracts.length > 0 && <TrendPanel contracts={contracts} />}
          </div>
        </div>
      )}
      {importing && <ImportPromptfooDialog onClose={() => setImporting(false)} />}
    </>
  )
}
