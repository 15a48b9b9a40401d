import type { ReactElement } from 'react'
import type { ProbeColumn } from '../../lib/probe-state'
import { formatInt, formatMs } from '../../lib/format'

const PHASE_BADGE: Record<ProbeColumn['phase'], { label: string; tone: string }> = {
  waiting: { label: 'waiting', tone: '' },
  streaming: { label: 'streaming', tone: 'accent' },
  ok: { label: 'ok', tone: 'ok' },
  error: { label: 'failed', tone: 'bad' }
}

function Column({ column }: { column: ProbeColumn }): ReactElement {
  const badge = PHASE_BADGE[column.phase]
  return (
    <section className={`probe-column phase-${column.phase}`} aria-label={column.modelId} data-model-id={column.modelId}>
      <header className="probe-column-header">
        <span className="mono probe-model">{column.modelId}</span>
        {column.phase === 'streaming' && <span className="spinner" aria-hidden="true" />}
        <span className={`badge ${badge.tone}`} data-testid="probe-phase">
          {column.phase === 'error' && column.errorClass ? column.errorClass : badge.label}
        </span>
      </header>
      <div className="probe-text" data-testid="probe-text">
        {column.text || <span className="faint">{column.phase === 'waiting' ? 'Waiting for the first token…' : column.phase === 'streaming' ? '' : 'No text.'}</span>}
      </div>
      {column.errorMessage && (
        <p className="probe-error" data-testid="probe-error">
          {column.errorMessage}
        </p>
      )}
      <dl className="probe-metrics">
        <div>
          <dt>TTFT</dt>
          <dd className="num" data-testid="probe-ttft">
            {formatMs(column.ttftMs)}
          </dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd className="num" data-testid="probe-latency">
            {formatMs(column.latencyMs)}
          </dd>
        </div>
        <div>
          <dt>Output tokens</dt>
          <dd className="num" data-testid="probe-tokens">
            {formatInt(column.outputTokens)}
          </dd>
        </div>
      </dl>
    </section>
  )
}

/** One column per probed model, side by side, filled live from the job's events. */
export function ProbeColumns({ columns }: { columns: ProbeColumn[] }): ReactElement {
  return (
    <div className="probe-columns" data-testid="probe-columns">
      {columns.map((c) => (
        <Column key={c.modelId} column={c} />
      ))}
    </div>
  )
}
