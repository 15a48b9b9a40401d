import { memo, useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import type { CostEstimate } from '../../../src/core/schemas/playground'
import { formatInt, formatMs, formatUsd } from '../../lib/format'
import { columnLabel, prettyJson } from '../../lib/playground-run'
import type { RetryInfo, RunColumn } from '../../lib/playground-run'
import { hrefFor } from '../../lib/routes'
import { useRunColumn } from '../../stores/playground-run-store'
import { FeedbackControl } from '../feedback/FeedbackControl'

const PHASE_TONE: Record<RunColumn['phase'], string> = { waiting: '', streaming: 'accent', ok: 'ok', error: 'bad', cancelled: 'warn' }

function useCountdown(retry: RetryInfo | null): number | null {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!retry) return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [retry])
  if (!retry) return null
  return Math.max(0, Math.ceil((retry.at + retry.waitMs - now) / 1000))
}

function tokens(column: RunColumn): string {
  const m = column.metrics
  if (!m) return '—'
  const est = m.usageEstimated ? ' est.' : ''
  return `${formatInt(m.inputTokens)} in · ${formatInt(m.outputTokens)} out${m.cachedTokens ? ` · ${formatInt(m.cachedTokens)} cached` : ''}${est}`
}

interface Props {
  columnId: string
  repeated: boolean
  json: boolean
  estimate: CostEstimate | undefined
  onCancel: (columnId: string) => void
  onSave: (columnId: string) => void
}

/** One streamed answer with its metrics; subscribes to its own column only. */
export const RunColumnView = memo(function RunColumnView({ columnId, repeated, json, estimate, onCancel, onSave }: Props): ReactElement | null {
  const column = useRunColumn(columnId)
  const seconds = useCountdown(column?.retry ?? null)
  if (!column) return null
  const m = column.metrics
  const label = columnLabel(column, repeated)
  const live = column.phase === 'waiting' || column.phase === 'streaming'
  const shown = json && !live ? prettyJson(column.text).text : column.text
  const cost = m ? formatUsd(m.costUsd) : estimate ? `≤ ${formatUsd(estimate.maxCostUsd)} est.` : '—'

  return (
    <section className={`run-column phase-${column.phase}`} aria-label={label} data-column-id={columnId}>
      <header className="probe-column-header">
        <span className="mono probe-model" title={`${column.providerId} / ${column.modelId}`}>
          {label}
        </span>
        {column.phase === 'streaming' && <span className="spinner" aria-hidden="true" />}
        <span className={`badge ${PHASE_TONE[column.phase]}`} data-testid="col-phase" data-phase={column.phase}>
          {column.phase}
        </span>
      </header>
      <div className="run-text" data-testid="col-text">
        {shown || <span className="faint">{column.phase === 'waiting' ? 'Waiting for the first token…' : live ? '' : 'No text.'}</span>}
      </div>
      {json && m?.json && (
        <div className={`json-check ${m.json.valid ? 'ok' : 'bad'}`} data-testid="col-json">
          {m.json.valid ? '✓ valid JSON' : `✗ ${m.json.errors.slice(0, 3).join('; ') || 'invalid JSON'}`}
        </div>
      )}
      {column.retry && (
        <p className="retry-note" data-testid="col-retry">
          <span className="mono">{column.retry.errorClass}</span> (attempt {column.retry.attempt}): retrying in {seconds ?? 0} s
        </p>
      )}
      <div className="probe-error-slot" data-testid="col-error">
        {m?.errorClass && (
          <p className="probe-error">
            <span className="mono">{m.errorClass}</span>
            {m.httpStatus ? ` (HTTP ${m.httpStatus})` : ''}: {m.errorMessage}
            {m.errorClass === 'missing_key' && (
              <>
                {' '}
                <a href={hrefFor('providers', column.providerId)}>Set the key in Providers</a>
              </>
            )}
          </p>
        )}
      </div>
      <dl className="run-metrics">
        <div>
          <dt>TTFT</dt>
          <dd className="num" data-testid="col-ttft">
            {formatMs(m?.ttftMs)}
          </dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd className="num" data-testid="col-latency">
            {formatMs(m?.latencyMs)}
          </dd>
        </div>
        <div>
          <dt>Tok/s</dt>
          <dd className="num" data-testid="col-tps">
            {m?.outputTokensPerSecond != null ? m.outputTokensPerSecond.toFixed(1) : '—'}
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd className="num" data-testid="col-cost">
            {cost}
          </dd>
        </div>
        <div>
          <dt>Finish</dt>
          <dd data-testid="col-finish">{m?.finishReason ?? '—'}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd className="num">{m?.attempts ?? (column.attempt || '—')}</dd>
        </div>
        <div className="wide">
          <dt>Tokens</dt>
          <dd className="num" data-testid="col-tokens">
            {tokens(column)}
          </dd>
        </div>
      </dl>
      <footer className="run-column-actions">
        <button type="button" className="btn small" disabled={!live} onClick={() => onCancel(columnId)}>
          Cancel
        </button>
        <button type="button" className="btn small" disabled={live || column.text === ''} onClick={() => onSave(columnId)}>
          Save as test case
        </button>
        <FeedbackControl callId={live ? undefined : m?.callId} label={label} />
      </footer>
    </section>
  )
})
