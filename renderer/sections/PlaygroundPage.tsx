import { useEffect } from 'react'
import type { ReactElement } from 'react'
import { ErrorNotice, Loading } from '../components/Feedback'
import { PageHeader } from '../components/PageHeader'
import { hrefFor } from '../lib/routes'
import { useRunsStore } from '../stores/runs-store'
import { PlaygroundEditor } from './playground/PlaygroundEditor'
import { RecentRunsTable } from './playground/RecentRunsTable'
import { RunDetailView } from './playground/RunDetailView'

/** Playground: one prompt against several models side by side; `#/playground/<runId>` reopens a stored run. */
export function PlaygroundPage({ runId }: { runId: string | null }): ReactElement {
  const runs = useRunsStore((s) => s.runs)
  const query = useRunsStore((s) => s.query)
  const load = useRunsStore((s) => s.load)

  useEffect(() => {
    void load()
  }, [load])

  return (
    <div className="page stack">
      <PageHeader
        title="Playground"
        description="Run one prompt against several models side by side and read their answers, timings and cost together. Every run is stored."
        actions={
          runId ? (
            <a className="btn" href={hrefFor('playground')}>
              Back to the editor
            </a>
          ) : undefined
        }
      />
      {runId ? <RunDetailView key={runId} runId={runId} /> : <PlaygroundEditor />}
      {runs.error && <ErrorNotice error={runs.error} title="Could not list the runs" onRetry={() => void load()} />}
      {runs.status === 'loading' && !runs.data && <Loading label="Loading runs…" />}
      {runs.data && (
        <RecentRunsTable
          runs={runs.data}
          selectedId={runId}
          query={query}
          onSearch={load}
          onRefresh={() => void load()}
          refreshing={runs.status === 'loading'}
        />
      )}
    </div>
  )
}
