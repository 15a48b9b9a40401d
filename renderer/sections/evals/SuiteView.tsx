import { useCallback, useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import type { Suite } from '../../../src/core/schemas/suite'
import type { AppError } from '../../../src/core/errors'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { toAppError } from '../../lib/errors'
import { formatRate } from '../../lib/eval-format'
import { isLiveActive } from '../../lib/eval-live'
import { evalsHref, goToEvals } from '../../lib/eval-routes'
import { formatMs, formatUsd } from '../../lib/format'
import { hasModifier, MOD_KEY_LABEL } from '../../lib/keys'
import { hrefFor } from '../../lib/routes'
import { useEvalRun } from '../../stores/eval-run-store'
import { useEvalsStore } from '../../stores/evals-store'
import { EstimateBox } from './EstimateBox'
import { EvalRunsTable } from './EvalRunsTable'
import { LiveRunPanel } from './LiveRunPanel'
import { TrendPanel } from './TrendPanel'

function gatesText(suite: Suite): string {
  const t = (suite.settings.thresholds ?? {}) as Record<string, unknown>
  const parts: string[] = []
  if (typeof t.minPassRate === 'number') parts.push(`pass rate ≥ ${formatRate(t.minPassRate)}`)
  if (typeof t.maxP95LatencyMs === 'number') parts.push(`p95 latency ≤ ${formatMs(t.maxP95LatencyMs)}`)
  if (typeof t.maxCostPerSuccessUsd === 'number') parts.push(`cost per success ≤ ${formatUsd(t.maxCostPerSuccessUsd)}`)
  return parts.length > 0 ? parts.join(' · ') : 'none'
}

function SuiteFacts({ suite }: { suite: Suite }): ReactElement {
  const s = suite.settings
  const ref = (r: { providerId: string; modelId: string }) => r.modelId
  return (
    <dl className="facts" aria-label="Suite settings">
      <dt>Contract</dt>
      <dd>
        <a href={hrefFor('contracts', suite.contractId)}>{suite.contractName}</a> v{suite.contractVersion}
        {(s.variants ?? []).length > 0 && (
          <span className="faint"> · variants: {(s.variants ?? []).map((v) => `${v.name} ${v.version ? `v${v.version}` : '(latest)'}`).join(', ')}</span>
        )}
      </dd>
      <dt>Dataset</dt>
      <dd>{suite.datasetId ? <><a href={hrefFor('datasets', suite.datasetId)}>{suite.datasetName}</a> v{suite.datasetVersion}</> : <span className="warn-text">none: edit the suite to pick one</span>}</dd>
      <dt>Models</dt>
      <dd className="mono">{s.models && s.models.length > 0 ? s.models.map(ref).join(', ') : "the contract version's candidates"}</dd>
      <dt>Assertions</dt>
      <dd>
        {(s.assertions ?? []).length === 0 ? "only the cases' own" : `${(s.assertions ?? []).map((a) => String(a.type)).join(', ')} + the cases' own`}
      </dd>
      <dt>Runs</dt>
      <dd>
        {s.repeats ?? 1} {(s.repeats ?? 1) === 1 ? 'repeat' : 'repeats'} · concurrency {s.concurrency ?? 8} per provider · cache {s.cache ? 'on' : 'off'}
        {s.judge ? ` · judge ${s.judge.modelId}` : ''}
        {s.embeddings ? ` · embeddings ${s.embeddings.modelId}` : ''}
      </dd>
      <dt>Gates</dt>
      <dd>{gatesText(suite)}</dd>
    </dl>
  )
}

function DeleteSuite({ suite }: { suite: Suite }): ReactElement {
  const removeSuite = useEvalsStore((s) => s.removeSuite)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  async function remove(): Promise<void> {
    try {
      await removeSuite(suite.id)
      goToEvals({ view: 'home' })
    } catch (e) {
      setError(toAppError(e))
    }
  }
  if (!confirming) {
    return (
      <button type="button" className="btn small ghost danger" onClick={() => setConfirming(true)}>
        Delete
      </button>
    )
  }
  return (
    <span className="row" role="group" aria-label="Confirm deletion">
      <span className="hint">Delete “{suite.name}”? Its runs stay.</span>
      <button type="button" className="btn small danger" onClick={() => void remove()}>
        Delete suite
      </button>
      <button type="button" className="btn small" onClick={() => setConfirming(false)}>
        Keep
      </button>
      {error && <span className="bad-text">{error.message}</span>}
    </span>
  )
}

/** One suite: what it runs, the estimate, Run (Ctrl/Cmd+Enter) with live progress, its runs and the trend. */
export function SuiteView({ suiteId }: { suiteId: string }): ReactElement {
  const suites = useEvalsStore((s) => s.suites)
  const runs = useEvalsStore((s) => s.runs)
  const estimate = useEvalsStore((s) => s.estimates[suiteId])
  const runEstimate = useEvalsStore((s) => s.estimate)
  const loadRuns = useEvalsStore((s) => s.loadRuns)
  const ownRuns = useEvalsStore((s) => s.suiteRuns[suiteId])
  const loadSuiteRuns = useEvalsStore((s) => s.loadSuiteRuns)
  const start = useEvalRun((s) => s.start)
  const active = useEvalRun((s) => isLiveActive(s.live))
  const live = useEvalRun((s) => s.live)
  const suite = suites.data?.find((s) => s.id === suiteId)
  const updatedAt = suite?.updatedAt

  useEffect(() => {
    if (updatedAt) void runEstimate(suiteId)
  }, [suiteId, updatedAt, runEstimate])

  useEffect(() => {
    void loadSuiteRuns(suiteId)
  }, [suiteId, loadSuiteRuns])

  const run = useCallback(() => {
    if (!suite || isLiveActive(useEvalRun.getState().live)) return
    void start(suite.id)
  }, [suite, start])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return
      if (event.key === 'Enter' && hasModifier(event)) {
        event.preventDefault()
        run()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [run])

  if (!suite) {
    if (suites.error) return <ErrorNotice error={suites.error} title="Could not load the suites" />
    if (suites.status !== 'ready') return <Loading label="Loading the suite…" />
    return (
      <p className="hint" role="alert">
        No suite with id <code>{suiteId}</code>: it may have been deleted. <a href={evalsHref({ view: 'home' })}>Back to the suites</a>.
      </p>
    )
  }

  // The runs started from this suite (across edits of its versions), however old; until they load, the ones among
  // the recent eval runs.
  const mine = ownRuns?.data ?? (runs.data ?? []).filter((r) => r.suiteId === suite.id)

  return (
    <article className="stack" aria-labelledby="suite-title">
      <section className="panel">
        <div className="panel-header">
          <h2 id="suite-title" className="ev-page-title">
            {suite.name}
          </h2>
          <div className="actions">
            <a className="btn small" href={evalsHref({ view: 'edit', suiteId: suite.id })}>
              Edit suite
            </a>
            <DeleteSuite suite={suite} />
          </div>
        </div>
        <div className="panel-body">
          <SuiteFacts suite={suite} />
        </div>
      </section>
      <section className="panel run-bar" aria-label="Run the suite">
        <div className="panel-body stack">
          <EstimateBox estimate={estimate} onRetry={() => void runEstimate(suiteId)} />
          <div className="row">
            <button type="button" className="btn primary" onClick={run} disabled={active} aria-keyshortcuts="Control+Enter Meta+Enter">
              Run suite
              <kbd aria-hidden="true">{MOD_KEY_LABEL}↵</kbd>
            </button>
            {active && live.origin.suiteId === suite.id && <span className="hint">A run is in progress: Esc cancels it.</span>}
          </div>
        </div>
      </section>
      {(live.origin.suiteId === suite.id || (live.runId !== null && mine.some((r) => r.id === live.runId))) && <LiveRunPanel />}
      {active && live.origin.suiteId !== suite.id && !mine.some((r) => r.id === live.runId) && (
        <p className="hint">
          Another eval run is in progress. <a href={evalsHref({ view: 'home' })}>Follow it on the Evals start page</a>, or wait for it to end before running this suite.
        </p>
      )}
      <EvalRunsTable
        title="Runs of this suite"
        runs={mine}
        onRefresh={() => void loadRuns()}
        empty="No run yet: press Run suite (Ctrl/Cmd+Enter). Cancelled or interrupted runs can be resumed from here."
      />
      <TrendPanel contracts={[{ id: suite.contractId, name: suite.contractName }]} />
    </article>
  )
}
