import type { ReactElement } from 'react'
import type { EvalEstimate } from '../../../src/core/schemas/eval-api'
import type { AppError } from '../../../src/core/errors'
import { formatInt, formatTokens, formatUsd } from '../../lib/format'
import type { Loadable } from '../../stores/loadable'

function costRange(min: number | null, max: number | null): string {
  if (min === null || max === null) return 'price unknown'
  return min === max ? formatUsd(min) : `${formatUsd(min)} – ${formatUsd(max)}`
}

function plural(n: number, one: string, many: string): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`
}

/** evals.estimate before a run: calls (cases × variants × models × repeats), tokens, the cost range, warnings. */
export function EstimateBox({ estimate, onRetry }: { estimate: Loadable<EvalEstimate> | undefined; onRetry: () => void }): ReactElement {
  const data = estimate?.data
  const error: AppError | null = estimate?.error ?? null
  if (error) {
    return (
      <div className="notice warn" role="status" data-testid="eval-estimate">
        <div className="notice-body">
          <div className="notice-title">No estimate</div>
          <div>{error.message}</div>
        </div>
        <button type="button" className="btn small" onClick={onRetry}>
          Retry
        </button>
      </div>
    )
  }
  if (!data) return <p className="hint" data-testid="eval-estimate">{estimate?.status === 'loading' ? 'Estimating…' : 'The estimate appears here.'}</p>
  return (
    <div className="stack tight" data-testid="eval-estimate" aria-live="polite">
      <div className="row">
        <span className="badge">estimated</span>
        <strong className="num" data-testid="estimate-calls">
          {plural(data.calls, 'call', 'calls')}
        </strong>
        <span className="hint num">
          = {plural(data.cases, 'case', 'cases')} × {plural(data.variants, 'variant', 'variants')} × {plural(data.models, 'model', 'models')} ×{' '}
          {plural(data.repeats, 'repeat', 'repeats')}
        </span>
      </div>
      <div className="row">
        <span className="num">~{formatTokens(data.inputTokens)} input tokens</span>
        <span className="faint">·</span>
        <span className="num">≤ {formatTokens(data.maxOutputTokens)} output tokens</span>
        <span className="faint">·</span>
        <strong className="num" data-testid="estimate-cost">
          {costRange(data.minCostUsd, data.maxCostUsd)}
        </strong>
        {estimate?.status === 'loading' && <span className="hint">updating…</span>}
      </div>
      {data.perModel.length > 1 && (
        <ul className="estimate-list">
          {data.perModel.map((m) => (
            <li key={`${m.providerId}/${m.modelId}`}>
              <span className="mono">{m.modelId}</span>
              <span className="faint num">
                {plural(m.calls, 'call', 'calls')} · {costRange(m.minCostUsd, m.maxCostUsd)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.warnings.length > 0 && (
        <ul className="ev-warnings" aria-label="Estimate warnings">
          {data.warnings.map((w) => (
            <li key={w} className="warn-text">
              {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
