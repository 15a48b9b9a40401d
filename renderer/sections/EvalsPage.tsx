import { useEffect } from 'react'
import type { ReactElement } from 'react'
import { PageHeader } from '../components/PageHeader'
import { evalsHref, parseEvalsSub } from '../lib/eval-routes'
import { useRoute } from '../lib/navigation'
import type { EvalsView } from '../lib/eval-routes'
import { useEvalRun } from '../stores/eval-run-store'
import { useEvalsStore } from '../stores/evals-store'
import { CompareView } from './evals/CompareView'
import { EvalsHome } from './evals/EvalsHome'
import { ImportPromptfooButton } from './evals/ImportPromptfooDialog'
import { RunView } from './evals/RunView'
import { SuiteEditorPage } from './evals/SuiteEditorPage'
import { SuiteView } from './evals/SuiteView'
import './evals/evals.css'

function Current({ view }: { view: EvalsView }): ReactElement {
  switch (view.view) {
    case 'home':
      return <EvalsHome />
    case 'new':
      return <SuiteEditorPage suiteId={null} />
    case 'edit':
      return <SuiteEditorPage key={view.suiteId} suiteId={view.suiteId} />
    case 'suite':
      return <SuiteView key={view.suiteId} suiteId={view.suiteId} />
    case 'run':
      return <RunView key={view.runId} runId={view.runId} />
    case 'compare':
      return <CompareView runA={view.runA} runB={view.runB} />
  }
}

/**
 * Evals: suites (a contract version × a dataset version × models × assertions), their runs with live progress,
 * results with statistics and gates, comparisons of two runs, and the promptfoo import.
 * Places: `#/evals`, `#/evals/new`, `#/evals/suite/<id>[/edit]`, `#/evals/run/<id>`, `#/evals/compare/<a>/<b>`.
 */
export function EvalsPage(): ReactElement {
  // The section reads its own sub-route, so App.tsx needs no change for the places inside it.
  const { sub } = useRoute()
  const view = parseEvalsSub(sub)
  const loadSuites = useEvalsStore((s) => s.loadSuites)
  const loadRuns = useEvalsStore((s) => s.loadRuns)
  const reattach = useEvalRun((s) => s.reattach)

  useEffect(() => {
    void loadSuites()
    void loadRuns()
    void reattach()
  }, [loadSuites, loadRuns, reattach])

  return (
    <div className="page stack evals-page">
      <PageHeader
        title="Evals"
        description="Score a contract's prompt variants and candidate models on a dataset: pass rates with their confidence intervals, latency, cost per successful answer, gates for CI, and run-to-run comparisons with a significance test."
        actions={
          <>
            {view.view !== 'home' && (
              <a className="btn" href={evalsHref({ view: 'home' })}>
                All suites
              </a>
            )}
            <a className="btn" href={evalsHref({ view: 'compare', runA: null, runB: null })} aria-current={view.view === 'compare' ? 'page' : undefined}>
              Compare runs
            </a>
            <ImportPromptfooButton />
            <a className="btn primary" href={evalsHref({ view: 'new' })} aria-current={view.view === 'new' ? 'page' : undefined}>
              New suite
            </a>
          </>
        }
      />
      <Current view={view} />
    </div>
  )
}
