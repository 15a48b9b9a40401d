import type { ReactElement } from 'react'
import type { DraftProblem } from '../../lib/playground-draft'
import { formatInt, formatUsd } from '../../lib/format'
import { usePlaygroundEditor } from '../../stores/playground-editor-store'

function range(min: number | null, max: number | null): string {
  if (min === null || max === null) return 'price unknown'
  return min === max ? formatUsd(min) : `${formatUsd(min)} – ${formatUsd(max)}`
}

/** The estimate before a run: input tokens and the cost range per model, and in total (times repeats). */
export function EstimateView({ problems, repeat }: { problems: DraftProblem[]; repeat: number }): ReactElement {
  const estimate = usePlaygroundEditor((s) => s.estimate)
  const data = estimate.data

  return (
    <div className="estimate" aria-live="polite">
      {problems.length > 0 ? (
        <ul className="problems">
          {problems.map((p) => (
            <li key={`${p.field}-${p.message}`}>{p.message}</li>
          ))}
        </ul>
      ) : estimate.error ? (
        <p className="hint bad-text">Estimate unavailable: {estimate.error.message}</p>
      ) : data ? (
        <>
          <div className="row">
            <span className="badge">estimated</span>
            <strong data-testid="estimate-total" className="num">
              {range(data.totalMinCostUsd, data.totalMaxCostUsd)}
            </strong>
            <span className="hint">
              in total{repeat > 1 ? ` for ${repeat} repeats of each model` : ''}
              {estimate.status === 'loading' ? ' · updating…' : ''}
            </span>
          </div>
          <ul className="estimate-list">
            {data.estimates.map((e) => (
              <li key={`${e.providerId}/${e.modelId}`}>
                <span className="mono">{e.modelId}</span>
                <span className="faint num">
                  {formatInt(e.inputTokens)} in · ≤{formatInt(e.maxOutputTokens)} out · {range(e.minCostUsd, e.maxCostUsd)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="hint">{estimate.status === 'loading' ? 'Estimating…' : 'The estimate appears once the prompt and models are set.'}</p>
      )}
    </div>
  )
}
