import { useCallback, useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { RunStatus } from '../../../src/core/schemas/run'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { columnLabel, hasManyVariants } from '../../lib/eval-format'
import { isLiveActive } from '../../lib/eval-live'
import { evalsHref } from '../../lib/eval-routes'
import { formatDateTime } from '../../lib/format'
import { useEvalRun } from '../../stores/eval-run-store'
import { useEvalsStore } from '../../stores/evals-store'
import type { CellQuery, ResultsFilter } from '../../stores/evals-store'
import { RunStatusBadge } from '../playground/RunStatusBadge'
import { CellDialog } from './CellDialog'
import { isResumable } from './EvalRunsTable'
import { GatesPanel, VerdictBadge } from './GatesPanel'
import { LiveRunPanel } from './LiveRunPanel'
import { PassRateChart } from './PassRateChart'
import { MATRIX_PAGE, ResultsMatrix } from './ResultsMatrix'
import { StatsTable } from './StatsTable'

const REFRESH_WHILE_RUNNING_MS = 2000

/** One eval run: verdict and gates, statistics per column (CSV), the pass-rate chart, and the matrix with its cells. */
export function RunView({ runId }: { runId: string }): ReactElement {
  const results = useEvalsStore((s) => (s.resultsQuery?.runId === runId ? s.results : null))
  const runs = useEvalsStore((s) => s.runs)
  const loadResults = useEvalsStore((s) => s.loadResults)
  const closeCell = useEvalsStore((s) => s.closeCell)
  const resume = useEvalRun((s) => s.resume)
  const liveHere = useEvalRun((s) => s.live.runId === runId && isLiveActive(s.live))
  const anyLive = useEvalRun((s) => isLiveActive(s.live))
  const [filter, setFilter] = useState<ResultsFilter>('all')
  const [offset, setOffset] = useState(0)
  const [open, setOpen] = useState<{ query: CellQuery; title: string } | null>(null)
  const summary = runs.data?.find((r) => r.id === runId)

  const reload = useCallback(() => void loadResults({ runId, filter, offset, limit: MATRIX_PAGE }), [runId, filter, offset, loadResults])
  useEffect(() => {
    reload()
  }, [reload])

  // While this run is going on, the matrix fills in.
  useEffect(() => {
    if (!liveHere) return
    const timer = setInterval(reload, REFRESH_WHILE_RUNNING_MS)
    return () => clearInterval(timer)
  }, [liveHere, reload])

  const data = results?.data
  const knownStatus = RunStatus.safeParse(summary?.status ?? data?.status)
  // The run just before this one on the same dataset version: the natural "A" of a comparison.
  const index = runs.data?.findIndex((r) => r.id === runId) ?? -1
  const previous = summary && index >= 0 ? runs.data?.slice(index + 1).find((r) => r.datasetVersionId === summary.datasetVersionId && r.status !== 'running') : undefined
  const many = data ? hasManyVariants(data.columns) : false

  return (
    <article className="stack" aria-labelledby="run-title">
      <section className="panel">
        <div className="panel-header">
          <h2 id="run-title" className="ev-page-title">
            {summary?.title || `Eval run ${runId}`}
          </h2>
          {knownStatus.success && <RunStatusBadge status={knownStatus.data} />}
          {data && <VerdictBadge verdict={data.verdict} testId="run-verdict" />}
          <div className="actions">
            {summary && isResumable(summary) && (
              <button type="button" className="btn small primary" disabled={anyLive} onClick={() => void resume(runId)}>
                Resume
              </button>
            )}
            <a className="btn small" href={evalsHref({ view: 'compare', runA: previous?.id ?? runId, runB: previous ? runId : null })}>
              {previous ? 'Compare with the previous run' : 'Compare…'}
            </a>
            <button type="button" className="btn small ghost" onClick={reload}>
              Refresh
            </button>
          </div>
        </div>
        {summary && (
          <div className="panel-body hint">
            Started {formatDateTime(summary.startedAt)}
            {summary.finishedAt ? ` · finished ${formatDateTime(summary.finishedAt)}` : ''} · {summary.callCount} calls · {summary.errorCount} errors
            {data && data.repeats > 1 ? ` · ${data.repeats} repeats per case` : ''}
          </div>
        )}
      </section>
      {liveHere && <LiveRunPanel />}
      {results?.error && <ErrorNotice error={results.error} title="Could not load the results" onRetry={reload} />}
      {!data && (results === null || results.status === 'loading') && <Loading label="Loading the results…" />}
      {data && (
        <>
          <GatesPanel results={data} />
          <StatsTable results={data} exportName={`eval ${summary?.title ?? runId} statistics`} />
          <PassRateChart results={data} />
          <ResultsMatrix
            results={data}
            filter={filter}
            offset={offset}
            loading={results?.status === 'loading'}
            onFilter={(f) => {
              setFilter(f)
              setOffset(0)
            }}
            onPage={setOffset}
            onOpenCell={(row, cell, repeatIndex) => {
              const column = data.columns.find((c) => c.key === cell.columnKey)
              setOpen({
                query: { runId, caseId: row.caseId, columnKey: cell.columnKey, repeatIndex },
                title: `Case ${row.position + 1} × ${column ? columnLabel(column, many) : cell.columnKey}`
              })
            }}
          />
        </>
      )}
      {open && data && (
        <CellDialog
          query={open.query}
          title={open.title}
          repeats={data.repeats}
          onRepeat={(repeatIndex) => setOpen({ ...open, query: { ...open.query, repeatIndex } })}
          onClose={() => {
            setOpen(null)
            closeCell()
          }}
        />
      )}
    </article>
  )
}
