import type { ReactElement } from 'react'
import type { ContractStatus, MeasuredRun, StatusLevel } from '../../../src/core/schemas/contract-editor'
import { formatDateTime, formatMs, formatPercent, formatUsd } from '../../lib/format'

export const LEVEL_LABEL: Record<StatusLevel, string> = {
  green: 'Within budget',
  amber: 'Watch',
  red: 'Over budget',
  unmeasured: 'Not yet measured'
}

const LEVEL_BADGE: Record<StatusLevel, string> = { green: 'ok', amber: 'warn', red: 'bad', unmeasured: '' }

/** The rules, in words: mirrors src/core/contract-status.ts. */
export const STATUS_RULES = [
  'Red: p95 latency, p95 time to first token or cost per request is over its budget, or the whole 95% interval of the pass rate is under the minimum.',
  'Amber: a figure is within 10% under its budget; the minimum pass rate lies inside the interval (more cases would settle it); a budget is set but was not measured; the measured version is not the latest; or no budget is set.',
  'Green: every budget holds with room to spare, measured on the latest version.',
  'Pass rate comes from the latest completed eval (a case passes when every repeat ended ok and none of its assertions failed); latency, time to first token and cost from the latest completed eval or benchmark, for the first candidate model when it was measured.'
]

/** A coloured dot (its tooltip the summary) for lists; screen readers get the level after the name instead. */
export function StatusDot({ status }: { status: ContractStatus | undefined }): ReactElement | null {
  if (!status) return null
  return <span className={`status-dot ${status.level}`} title={status.summary} aria-hidden="true" />
}

function Source({ run, what }: { run: MeasuredRun; what: string }): ReactElement {
  return (
    <p className="hint">
      {what}: {run.kind === 'eval' ? 'eval' : 'benchmark'} “{run.title || run.runId}” on <strong>v{run.version}</strong>
      {run.model ? ` · ${run.model.modelId}` : ' · all models'} · {run.calls} calls{run.errors > 0 ? ` (${run.errors} failed)` : ''} · {formatDateTime(run.finishedAt)}
    </p>
  )
}

/** A contract's budgets against its latest measured runs: green, amber, red or not yet measured, with the reasons. */
export function ContractStatusCard({ status }: { status: ContractStatus | undefined }): ReactElement {
  if (!status) {
    return (
      <section className="panel status-card" aria-label="Contract status">
        <div className="panel-body muted">Checking the status…</div>
      </section>
    )
  }
  const { quality, performance } = status
  const perf = performance ?? quality
  return (
    <section className={`panel status-card level-${status.level}`} aria-label="Contract status" data-testid="status-card" data-level={status.level}>
      <div className="panel-header">
        <h3>Status</h3>
        <span className={`badge ${LEVEL_BADGE[status.level]}`}>{LEVEL_LABEL[status.level]}</span>
        <span className="status-summary">{status.summary}</span>
      </div>
      <div className="panel-body stack tight">
        {status.checks.length > 0 && (
          <ul className="status-checks" aria-label="Budget checks">
            {status.checks.map((c, i) => (
              <li key={i} className={`check-${c.level}`}>
                <span className={`status-dot ${c.level}`} aria-hidden="true" /> {c.text}
              </li>
            ))}
          </ul>
        )}
        {perf && (
          <dl className="facts status-figures">
            <dt>Pass rate</dt>
            <dd className="num">
              {quality?.passRate
                ? `${formatPercent(quality.passRate.rate)} (95% interval ${formatPercent(quality.passRate.low)}–${formatPercent(quality.passRate.high)}, ${quality.passRate.passed} of ${quality.passRate.total} cases)`
                : 'not measured'}
            </dd>
            <dt>p95 latency</dt>
            <dd className="num">{formatMs(perf.p95LatencyMs)}</dd>
            <dt>p95 time to first token</dt>
            <dd className="num">{formatMs(perf.p95TtftMs)}</dd>
            <dt>Cost per request</dt>
            <dd className="num">{formatUsd(perf.costPerRequestUsd)}</dd>
          </dl>
        )}
        {quality && <Source run={quality} what="Pass rate from" />}
        {performance && performance.runId !== quality?.runId && <Source run={performance} what="Latency and cost from" />}
        <details className="status-help">
          <summary>How is this judged?</summary>
          <ul>
            {STATUS_RULES.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </details>
      </div>
    </section>
  )
}
