import type { ReactElement } from 'react'
import type { ContractVersion } from '../../../src/core/schemas/workspace'
import { formatMs, formatPercent, formatUsd } from '../../lib/format'

function orNotSet(value: string | null): ReactElement {
  return value === null ? <span className="faint">not set</span> : <span className="num">{value}</span>
}

/** Budgets, candidates, parameters and fallback policy of a contract version. */
export function ContractFacts({ version }: { version: ContractVersion }): ReactElement {
  const { budgets, candidates, params, fallback } = version
  return (
    <div className="contract-grid">
      <section className="panel" aria-labelledby="contract-budgets">
        <div className="panel-header">
          <h3 id="contract-budgets">Budgets</h3>
        </div>
        <dl className="facts panel-body">
          <dt>p95 latency</dt>
          <dd>{orNotSet(budgets.p95LatencyMs === null ? null : formatMs(budgets.p95LatencyMs))}</dd>
          <dt>p95 time to first token</dt>
          <dd>{orNotSet(budgets.p95TtftMs === null ? null : formatMs(budgets.p95TtftMs))}</dd>
          <dt>Max cost per request</dt>
          <dd>{orNotSet(budgets.maxCostPerRequestUsd === null ? null : formatUsd(budgets.maxCostPerRequestUsd))}</dd>
          <dt>Min pass rate</dt>
          <dd>{orNotSet(budgets.minPassRate === null ? null : formatPercent(budgets.minPassRate))}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="contract-candidates">
        <div className="panel-header">
          <h3 id="contract-candidates">Candidates</h3>
          <span className="faint num">{candidates.length}</span>
        </div>
        <div className="panel-body stack">
          {candidates.length === 0 ? (
            <p className="muted">No candidate model chosen yet.</p>
          ) : (
            <ul className="chips" aria-label="Candidate models" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {candidates.map((c) => (
                <li key={`${c.providerId}/${c.modelId}`} className="chip">
                  {c.providerId}/{c.modelId}
                </li>
              ))}
            </ul>
          )}
          <dl className="facts">
            <dt>Retries</dt>
            <dd className="num">{fallback.retries}</dd>
            <dt>Timeout</dt>
            <dd className="num">{formatMs(fallback.timeoutMs)}</dd>
            <dt>Fallbacks</dt>
            <dd className="mono">{fallback.fallbacks.length === 0 ? 'none' : fallback.fallbacks.map((f) => `${f.providerId}/${f.modelId}`).join(' → ')}</dd>
          </dl>
        </div>
      </section>
      <section className="panel" aria-labelledby="contract-params">
        <div className="panel-header">
          <h3 id="contract-params">Parameters</h3>
        </div>
        <dl className="facts panel-body">
          <dt>Temperature</dt>
          <dd>{orNotSet(params.temperature === undefined ? null : String(params.temperature))}</dd>
          <dt>Top p</dt>
          <dd>{orNotSet(params.topP === undefined ? null : String(params.topP))}</dd>
          <dt>Max tokens</dt>
          <dd>{orNotSet(params.maxTokens === undefined ? null : String(params.maxTokens))}</dd>
          <dt>Seed</dt>
          <dd>{orNotSet(params.seed === undefined ? null : String(params.seed))}</dd>
          <dt>Stop</dt>
          <dd>{orNotSet(params.stop && params.stop.length > 0 ? params.stop.map((s) => JSON.stringify(s)).join(', ') : null)}</dd>
        </dl>
      </section>
    </div>
  )
}
