import { useEffect, useId, useState } from 'react'
import type { ReactElement } from 'react'
import type { EvalComparison } from '../../../src/core/schemas/eval-api'
import type { RunSummary } from '../../../src/core/schemas/run'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { formatPoints, formatPValue, formatRate, formatScore } from '../../lib/eval-format'
import { evalsHref, goToEvals } from '../../lib/eval-routes'
import { formatDateTime } from '../../lib/format'
import { useEvalsStore } from '../../stores/evals-store'
import type { CellQuery } from '../../stores/evals-store'
import { CellDialog } from './CellDialog'

type Change = EvalComparison['regressions'][number]

const OUTCOME: Record<EvalComparison['outcome'], { text: string; tone: string }> = {
  b_better: { text: 'B is better', tone: 'ok' },
  a_better: { text: 'A is better', tone: 'bad' },
  no_difference: { text: 'no significant difference', tone: '' },
  inconclusive: { text: 'inconclusive', tone: 'warn' },
  identical: { text: 'identical', tone: '' },
  no_data: { text: 'no paired data', tone: 'warn' }
}

function runOption(r: RunSummary): string {
  return `${r.title || r.id} · ${formatDateTime(r.startedAt)} · ${r.status}`
}

function RunSelect({ label, value, runs, onChange }: { label: string; value: string | null; runs: RunSummary[]; onChange: (id: string) => void }): ReactElement {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose an eval run…</option>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {runOption(r)}
          </option>
        ))}
      </select>
    </div>
  )
}

function ChangeList({ title, changes, empty, onOpen }: { title: string; changes: Change[]; empty: string; onOpen: (change: Change, side: 'A' | 'B') => void }): ReactElement {
  const id = useId()
  const mark = (pass: boolean, score: number) => `${pass ? '✓ pass' : '✗ fail'} (${formatScore(score)})`
  return (
    <section className="panel" aria-labelledby={id}>
      <div className="panel-header">
        <h2 id={id}>
          {title} <span className="count num">{changes.length}</span>
        </h2>
      </div>
      <div className="panel-body">
        {changes.length === 0 ? (
          <p className="hint">{empty}</p>
        ) : (
          <ul className="ev-changes" aria-label={title}>
            {changes.map((c) => (
              <li key={c.caseId}>
                <span className="ev-change-label">
                  <span className="faint num">#{c.position + 1}</span> {c.label}
                </span>
                <span className="num faint">
                  A {mark(c.passA, c.scoreA)} → B {mark(c.passB, c.scoreB)}
                </span>
                <span className="row">
                  <button type="button" className="btn small ghost" onClick={() => onOpen(c, 'A')} aria-label={`Open case ${c.position + 1} in run A`}>
                    A
                  </button>
                  <button type="button" className="btn small ghost" onClick={() => onOpen(c, 'B')} aria-label={`Open case ${c.position + 1} in run B`}>
                    B
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}

function Summary({ data }: { data: EvalComparison }): ReactElement {
  const outcome = OUTCOME[data.outcome]
  return (
    <section className="panel ev-verdict-panel" aria-label="Comparison verdict">
      <div className="panel-body stack tight">
        <p className="ev-verdict-sentence" role="status" data-testid="compare-verdict">
          {data.verdict}
        </p>
        <div className="row">
          <span className={`badge ${outcome.tone}`} data-testid="compare-outcome">
            {outcome.text}
          </span>
        </div>
        <dl className="ev-compare-figures">
          <div>
            <dt>Pass rate A</dt>
            <dd className="num">{formatRate(data.passRateA)}</dd>
          </div>
          <div>
            <dt>Pass rate B</dt>
            <dd className="num">{formatRate(data.passRateB)}</dd>
          </div>
          <div>
            <dt>Score difference (B − A)</dt>
            <dd className="num">
              {formatPoints(data.diffPoints)} points
              {data.lowPoints !== null && data.highPoints !== null && (
                <span className="faint ev-ci">
                  95% CI {formatPoints(data.lowPoints)} to {formatPoints(data.highPoints)}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>p-value (exact McNemar)</dt>
            <dd className="num">{formatPValue(data.pValue)}</dd>
          </div>
          <div>
            <dt>Paired cases</dt>
            <dd className="num">
              {data.pairedCases}
              {data.unpaired > 0 && <span className="faint"> ({data.unpaired} decided in one run only)</span>}
            </dd>
          </div>
        </dl>
      </div>
    </section>
  )
}

/** Two eval runs side by side (evals.compare): the verdict sentence, pass rates, p-value, the interval, and the changed cases. */
export function CompareView({ runA, runB }: { runA: string | null; runB: string | null }): ReactElement {
  const runs = useEvalsStore((s) => s.runs)
  const comparison = useEvalsStore((s) => s.comparison)
  const compare = useEvalsStore((s) => s.compare)
  const closeCell = useEvalsStore((s) => s.closeCell)
  const [columns, setColumns] = useState<{ a: string | undefined; b: string | undefined }>({ a: undefined, b: undefined })
  const [open, setOpen] = useState<{ query: CellQuery; title: string } | null>(null)
  const list = runs.data ?? []
  const a = list.find((r) => r.id === runA)
  const b = list.find((r) => r.id === runB)

  useEffect(() => {
    if (!runA || !runB) return
    void compare({ runA, runB, ...(columns.a ? { columnA: columns.a } : {}), ...(columns.b ? { columnB: columns.b } : {}) })
  }, [runA, runB, columns, compare])

  const choose = (side: 'A' | 'B', id: string): void => {
    setColumns({ a: undefined, b: undefined })
    goToEvals({ view: 'compare', runA: side === 'A' ? id || null : runA, runB: side === 'B' ? id || null : runB })
  }
  const data = comparison.data && comparison.data.runA === runA && comparison.data.runB === runB ? comparison.data : null

  return (
    <article className="stack" aria-labelledby="compare-title">
      <section className="panel">
        <div className="panel-header">
          <h2 id="compare-title" className="ev-page-title">
            Compare two runs
          </h2>
          <span className="hint">Ideally two runs of the same dataset version: cases are paired by id.</span>
          <div className="actions">
            <button type="button" className="btn small" disabled={!runA || !runB} onClick={() => goToEvals({ view: 'compare', runA: runB, runB: runA })}>
              Swap A and B
            </button>
          </div>
        </div>
        <div className="panel-body stack">
          <div className="ev-form-grid">
            <RunSelect label="Run A (before)" value={runA} runs={list} onChange={(id) => choose('A', id)} />
            <RunSelect label="Run B (after)" value={runB} runs={list} onChange={(id) => choose('B', id)} />
            {data && data.columnsA.length > 1 && (
              <div className="field">
                <label htmlFor="compare-col-a">Column of A</label>
                <select id="compare-col-a" className="select" value={data.columnA} onChange={(e) => setColumns({ ...columns, a: e.target.value })}>
                  {data.columnsA.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {data && data.columnsB.length > 1 && (
              <div className="field">
                <label htmlFor="compare-col-b">Column of B</label>
                <select id="compare-col-b" className="select" value={data.columnB} onChange={(e) => setColumns({ ...columns, b: e.target.value })}>
                  {data.columnsB.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          {a && b && a.datasetVersionId !== b.datasetVersionId && (
            <p className="warn-text" role="note">
              These runs used different dataset versions: only the cases both share are paired.
            </p>
          )}
          {(runA || runB) && (
            <p className="hint">
              {runA && <a href={evalsHref({ view: 'run', runId: runA })}>Open run A</a>}
              {runA && runB && ' · '}
              {runB && <a href={evalsHref({ view: 'run', runId: runB })}>Open run B</a>}
            </p>
          )}
        </div>
      </section>
      {list.length < 2 && runs.status === 'ready' && <p className="hint">Comparing needs two eval runs: run a suite twice (or change a model in between).</p>}
      {comparison.error && <ErrorNotice error={comparison.error} title="Could not compare the runs" />}
      {runA && runB && !data && comparison.status === 'loading' && <Loading label="Comparing…" />}
      {data && (
        <>
          <Summary data={data} />
          <div className="ev-two">
            <ChangeList
              title="Regressions"
              changes={data.regressions}
              empty="No case passed in A and failed in B."
              onOpen={(c, side) => setOpen(cellFor(data, c, side))}
            />
            <ChangeList
              title="Improvements"
              changes={data.improvements}
              empty="No case failed in A and passed in B."
              onOpen={(c, side) => setOpen(cellFor(data, c, side))}
            />
          </div>
        </>
      )}
      {open && (
        <CellDialog
          query={open.query}
          title={open.title}
          repeats={1}
          onRepeat={() => {}}
          onClose={() => {
            setOpen(null)
            closeCell()
          }}
        />
      )}
    </article>
  )
}

function cellFor(data: EvalComparison, change: Change, side: 'A' | 'B'): { query: CellQuery; title: string } {
  const runId = side === 'A' ? data.runA : data.runB
  const columnKey = side === 'A' ? data.columnA : data.columnB
  const label = (side === 'A' ? data.columnsA : data.columnsB).find((c) => c.key === columnKey)?.label ?? columnKey
  return { query: { runId, caseId: change.caseId, columnKey, repeatIndex: 0 }, title: `Run ${side} · case ${change.position + 1} × ${label}` }
}
