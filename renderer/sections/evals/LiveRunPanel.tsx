import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { ErrorNotice } from '../../components/Feedback'
import { columnDone, countLine, elapsedMs, isLiveActive, livePassRate, progressPercent } from '../../lib/eval-live'
import type { LiveRun } from '../../lib/eval-live'
import { columnLabel, formatElapsed, formatRate } from '../../lib/eval-format'
import { evalsHref } from '../../lib/eval-routes'
import { formatInt, formatMs, formatUsd } from '../../lib/format'
import { useEvalRun } from '../../stores/eval-run-store'

const PHASE_TEXT: Record<LiveRun['phase'], string> = {
  idle: '',
  starting: 'Starting…',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled'
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [active])
  return now
}

function VerdictBadge({ verdict }: { verdict: LiveRun['verdict'] }): ReactElement | null {
  if (!verdict) return null
  if (verdict === 'none') return <span className="badge">no gates</span>
  return <span className={`badge ${verdict === 'pass' ? 'ok' : 'bad'}`}>gates {verdict === 'pass' ? 'passed' : 'failed'}</span>
}

/**
 * The eval run in progress (or just finished): progress bar, elapsed time, per-column pass/fail/error counters
 * from the job's cell events, retries, Cancel (Esc), and afterwards the results or Resume.
 */
export function LiveRunPanel(): ReactElement | null {
  const live = useEvalRun((s) => s.live)
  const cancelError = useEvalRun((s) => s.cancelError)
  const cancel = useEvalRun((s) => s.cancel)
  const resume = useEvalRun((s) => s.resume)
  const reset = useEvalRun((s) => s.reset)
  const active = isLiveActive(live)
  const now = useNow(active)

  useEffect(() => {
    if (!active) return
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return
      event.preventDefault()
      void cancel()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [active, cancel])

  if (live.phase === 'idle') return null
  const percent = progressPercent(live.progress)
  const manyVariants = new Set(live.columns.map((c) => c.variantLabel)).size > 1
  const anyCancelled = live.columns.some((c) => c.cancelled > 0)
  const done = live.progress?.done ?? 0
  const total = live.progress?.total ?? live.cells

  return (
    <section className="panel ev-live" aria-labelledby="ev-live-title" data-testid="live-run" data-phase={live.phase}>
      <div className="panel-header">
        <h2 id="ev-live-title">{live.resumed || live.origin.resumedRunId ? 'Resumed run' : 'Live run'}</h2>
        <span className="hint" aria-live="polite" data-testid="live-status">
          {PHASE_TEXT[live.phase]}
          {countLine(live) && ` · ${countLine(live)}`}
          {live.alreadyDone > 0 && ` (${formatInt(live.alreadyDone)} done before)`}
        </span>
        <span className="hint num" data-testid="live-elapsed">
          {formatElapsed(elapsedMs(live, now))}
        </span>
        <VerdictBadge verdict={live.verdict} />
        <div className="actions">
          {active && (
            <button type="button" className="btn small danger" onClick={() => void cancel()} aria-keyshortcuts="Escape">
              Cancel <kbd aria-hidden="true">Esc</kbd>
            </button>
          )}
          {!active && live.phase === 'cancelled' && live.runId && (
            <button type="button" className="btn small" onClick={() => void resume(live.runId!)}>
              Resume
            </button>
          )}
          {live.runId && (
            <a className="btn small" href={evalsHref({ view: 'run', runId: live.runId })}>
              {active ? 'Open results so far' : 'Open results'}
            </a>
          )}
          {!active && (
            <button type="button" className="btn small ghost" onClick={reset} aria-label="Dismiss the run panel">
              Dismiss
            </button>
          )}
        </div>
      </div>
      <div className="panel-body stack tight">
        <div
          className="progress ev-progress"
          role="progressbar"
          aria-label="Eval progress"
          aria-valuemin={0}
          aria-valuemax={total || 100}
          aria-valuenow={total ? done : 0}
          aria-valuetext={total ? `${done} of ${total} cells` : 'waiting for the engine'}
        >
          <span style={{ width: `${percent}%` }} />
        </div>
        {live.error && <ErrorNotice error={live.error} title="The run failed" />}
        {cancelError && <ErrorNotice error={cancelError} title="Could not cancel the run" />}
        {live.columns.length > 0 && (
          <table className="data-table ev-live-table" aria-label="Live counts per column">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col" className="right">Done</th>
                <th scope="col" className="right">Passed</th>
                <th scope="col" className="right">Failed</th>
                <th scope="col" className="right">Errors</th>
                <th scope="col" className="right">Score errors</th>
                <th scope="col" className="right">Retries</th>
                <th scope="col" className="right">Cached</th>
                {anyCancelled && (
                  <th scope="col" className="right">
                    Cancelled
                  </th>
                )}
                <th scope="col" className="right">Pass rate so far</th>
              </tr>
            </thead>
            <tbody>
              {live.columns.map((c) => (
                <tr key={c.key} data-testid={`live-col-${c.modelId}`}>
                  <th scope="row" className="mono">
                    {columnLabel(c, manyVariants)}
                  </th>
                  <td className="right num">{formatInt(columnDone(c))}</td>
                  <td className="right num ok-text">{formatInt(c.passed)}</td>
                  <td className="right num bad-text">{formatInt(c.failed)}</td>
                  <td className={`right num${c.errored > 0 ? ' warn-text' : ''}`}>{formatInt(c.errored)}</td>
                  <td className="right num">{formatInt(c.scoreErrors)}</td>
                  <td className="right num">{formatInt(c.retries)}</td>
                  <td className="right num">{formatInt(c.cached)}</td>
                  {anyCancelled && <td className="right num">{formatInt(c.cancelled)}</td>}
                  <td className="right num">{formatRate(livePassRate(c))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {live.retryCount > 0 && live.lastRetry && (
          <p className="hint" data-testid="live-retries">
            {formatInt(live.retryCount)} {live.retryCount === 1 ? 'retry' : 'retries'} so far; the latest: <span className="mono">{live.lastRetry.modelId}</span>{' '}
            {live.lastRetry.errorClass}, waiting {formatMs(live.lastRetry.waitMs)}.
          </p>
        )}
        {live.totals && (
          <p className="hint" data-testid="live-totals">
            {formatInt(live.totals.completed)} completed, {formatInt(live.totals.passed)} passed, {formatInt(live.totals.failed)} failed,{' '}
            {formatInt(live.totals.errored)} errors, {formatInt(live.totals.cancelled)} cancelled · {formatInt(live.totals.calls)} calls
            {live.totals.cacheHits > 0 ? `, ${formatInt(live.totals.cacheHits)} from the cache` : ''} · {formatUsd(live.totals.costUsd)}
          </p>
        )}
      </div>
    </section>
  )
}
