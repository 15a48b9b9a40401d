import type { ReactElement } from 'react'
import type { EvalResults } from '../../../src/core/schemas/eval'
import { columnLabel, formatGateValue, GATE_NAME, hasManyVariants } from '../../lib/eval-format'

export function VerdictBadge({ verdict, testId }: { verdict: EvalResults['verdict']; testId?: string }): ReactElement {
  if (verdict === 'none') {
    return (
      <span className="badge" data-testid={testId} data-verdict="none">
        no gates
      </span>
    )
  }
  return (
    <span className={`badge ev-verdict ${verdict === 'pass' ? 'ok' : 'bad'}`} data-testid={testId} data-verdict={verdict} title={verdict === 'pass' ? 'Every gate passed' : 'A gate failed'}>
      {verdict === 'pass' ? 'PASS' : 'FAIL'}
    </span>
  )
}

/** The suite's gates per column, each with its sentence, and the run's verdict. */
export function GatesPanel({ results }: { results: EvalResults }): ReactElement {
  const many = hasManyVariants(results.columns)
  const byKey = new Map(results.columns.map((c) => [c.key, c]))
  return (
    <section className="panel" aria-labelledby="ev-gates-title">
      <div className="panel-header">
        <h2 id="ev-gates-title">Gates</h2>
        <VerdictBadge verdict={results.verdict} />
      </div>
      <div className="panel-body">
        {results.gates.length === 0 ? (
          <p className="hint">This suite sets no gate, so the run has no pass/fail verdict. Edit the suite to add a minimum pass rate, a maximum p95 latency or a maximum cost per success.</p>
        ) : (
          <ul className="ev-gates" aria-label="Gate results">
            {results.gates.map((g, i) => {
              const c = byKey.get(g.columnKey)
              return (
                <li key={i} className={g.pass ? 'pass' : 'fail'}>
                  <span className={`badge ${g.pass ? 'ok' : 'bad'}`}>{g.pass ? 'pass' : 'fail'}</span>
                  <span>
                    <strong>{GATE_NAME[g.gate]}</strong> {formatGateValue(g.gate, g.limit)}
                    {c && <span className="mono faint"> · {columnLabel(c, many)}</span>}
                    <span className="ev-gate-message"> — {g.message}</span>
                  </span>
                </li>
              )
            })}
          </ul>
        )}
      </div>
    </section>
  )
}
