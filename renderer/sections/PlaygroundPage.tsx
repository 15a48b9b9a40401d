import { useEffect } from 'react'
import type { ReactElement } from 'react'
import { EmptyState } from '../components/EmptyState'
import { ErrorNotice, Loading } from '../components/Feedback'
import { PageHeader } from '../components/PageHeader'
import { navigate } from '../lib/navigation'
import { useRunsStore } from '../stores/runs-store'
import { RecentRunsTable } from './playground/RecentRunsTable'
import { RunDetailView } from './playground/RunDetailView'

/** Playground: side-by-side comparisons arrive next; recent runs (probes so far) are real data now. */
export function PlaygroundPage({ runId }: { runId: string | null }): ReactElement {
  const runs = useRunsStore((s) => s.runs)
  const load = useRunsStore((s) => s.load)

  useEffect(() => {
    void load()
  }, [load])

  return (
    <div className="page stack">
      <PageHeader
        title="Playground"
        description="Run one contract's prompt against several models side by side and read their answers, timings and cost together."
      />
      <EmptyState
        icon="playground"
        title="Side-by-side comparison arrives next"
        actions={
          <button type="button" className="btn primary" onClick={() => navigate('providers')}>
            Run a probe in Providers
          </button>
        }
      >
        <p>
          Here you will fill a contract&apos;s variables, pick candidate models and stream their answers in columns, with
          time to first token, latency, tokens and cost for each. Every run is stored so you can come back to it.
        </p>
        <p>
          Today you can already stream a prompt to up to 8 models at once with a probe on the Providers page; its runs
          are listed below.
        </p>
      </EmptyState>
      {runId && <RunDetailView key={runId} runId={runId} />}
      {runs.error && <ErrorNotice error={runs.error} title="Could not list the runs" onRetry={() => void load()} />}
      {runs.status === 'loading' && !runs.data && <Loading label="Loading runs…" />}
      {runs.data && <RecentRunsTable runs={runs.data} selectedId={runId} onRefresh={() => void load()} refreshing={runs.status === 'loading'} />}
    </div>
  )
}
