import { useVirtualizer } from '@tanstack/react-virtual'
import { useId, useRef } from 'react'
import type { ReactElement } from 'react'
import type { EvalCell, EvalResults, EvalRow } from '../../../src/core/schemas/eval'
import { cellDescription, cellText, cellTone, columnLabel, hasManyVariants } from '../../lib/eval-format'
import { formatInt } from '../../lib/format'
import type { ResultsFilter } from '../../stores/evals-store'

export const MATRIX_PAGE = 500
const ROW_HEIGHT = 32

const FILTERS: Array<{ value: ResultsFilter; label: string; hint: string }> = [
  { value: 'all', label: 'All', hint: 'every case' },
  { value: 'failures', label: 'Failures', hint: 'a column failed the case' },
  { value: 'errors', label: 'Errors', hint: 'a provider or scoring error' },
  { value: 'disagree', label: 'Models disagree', hint: 'some columns pass it, some fail it' },
  { value: 'flaky', label: 'Flaky', hint: 'passed in one repeat and failed in another' }
]

interface Props {
  results: EvalResults
  filter: ResultsFilter
  offset: number
  loading: boolean
  onFilter: (filter: ResultsFilter) => void
  onPage: (offset: number) => void
  onOpenCell: (row: EvalRow, cell: EvalCell, repeatIndex: number) => void
}

/** The repeat to open first: the first that did not pass (that is usually what one wants to read). */
function firstInteresting(cell: EvalCell): number {
  const i = cell.repeats.findIndex((r) => r.status !== 'passed')
  return i < 0 ? 0 : i
}

/**
 * Cases × columns: each cell shows its repeat outcomes (✓ pass, ✗ fail, ! provider error, ? scoring error) and mean
 * score; click it for the output, the diff and each assertion's reason. Pages of 500 rows, rendered as they scroll.
 */
export function ResultsMatrix({ results, filter, offset, loading, onFilter, onPage, onOpenCell }: Props): ReactElement {
  const id = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  const many = hasManyVariants(results.columns)
  const rows = results.rows
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the table reads the virtualizer each render
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 })
  const items = virtualizer.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  const end = Math.min(results.totalRows, offset + rows.length)

  return (
    <section className="table-block ev-matrix" aria-labelledby={`${id}-title`}>
      <div className="table-toolbar">
        <h2 id={`${id}-title`}>Matrix</h2>
        <span className="count num" data-testid="matrix-count">
          {results.totalRows === 0 ? 'no case' : `cases ${formatInt(offset + 1)}–${formatInt(end)} of ${formatInt(results.totalRows)}`}
        </span>
        <div className="actions">
          <div className="segmented" role="radiogroup" aria-label="Show cases">
            {FILTERS.map((f) => (
              <label key={f.value} title={f.hint}>
                <input type="radio" name={`${id}-filter`} value={f.value} checked={filter === f.value} onChange={() => onFilter(f.value)} />
                {f.label}
              </label>
            ))}
          </div>
          {loading && <span className="spinner" aria-label="Loading" />}
        </div>
      </div>
      {rows.length === 0 ? (
        <div className="panel-body muted">{filter === 'all' ? 'This run has no case yet.' : 'No case matches this filter.'}</div>
      ) : (
        <div className="table-scroll ev-matrix-scroll" ref={scrollRef}>
          <table className="data-table ev-matrix-table" aria-labelledby={`${id}-title`} aria-rowcount={results.totalRows + 1}>
            <thead>
              <tr>
                <th scope="col" className="ev-case-col">
                  Case
                </th>
                {results.columns.map((c) => (
                  <th key={c.key} scope="col" className="code-header">
                    {columnLabel(c, many)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {top > 0 && (
                <tr aria-hidden="true" className="ev-spacer">
                  <td colSpan={results.columns.length + 1} style={{ height: top }} />
                </tr>
              )}
              {items.map((item) => {
                const row = rows[item.index]!
                const cells = new Map(row.cells.map((c) => [c.columnKey, c]))
                return (
                  <tr key={row.caseId} style={{ height: ROW_HEIGHT }} aria-rowindex={offset + item.index + 2}>
                    <th scope="row" className="ev-case-col" title={row.label}>
                      <span className="faint num">#{row.position + 1}</span> {row.label}
                      {row.flaky && <span className="badge warn">flaky</span>}
                      {row.disagree && <span className="badge">disagree</span>}
                    </th>
                    {results.columns.map((c) => {
                      const cell = cells.get(c.key)
                      const tone = cellTone(cell)
                      const words = cellDescription(cell)
                      return (
                        <td key={c.key} className={`ev-cell ev-${tone}`}>
                          {cell && cell.repeats.length > 0 ? (
                            <button
                              type="button"
                              className="ev-cell-button"
                              aria-label={`Case ${row.position + 1} × ${columnLabel(c, many)}: ${words}`}
                              title={words}
                              onClick={() => onOpenCell(row, cell, firstInteresting(cell))}
                            >
                              {cellText(cell)}
                            </button>
                          ) : (
                            <span className="faint" title="not run yet">
                              ·
                            </span>
                          )}
                        </td>
                      )
                    })}
                  </tr>
                )
              })}
              {bottom > 0 && (
                <tr aria-hidden="true" className="ev-spacer">
                  <td colSpan={results.columns.length + 1} style={{ height: bottom }} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
      {results.totalRows > MATRIX_PAGE && (
        <div className="table-footer row">
          <button type="button" className="btn small" disabled={offset === 0 || loading} onClick={() => onPage(Math.max(0, offset - MATRIX_PAGE))}>
            Previous {MATRIX_PAGE}
          </button>
          <button type="button" className="btn small" disabled={end >= results.totalRows || loading} onClick={() => onPage(offset + MATRIX_PAGE)}>
            Next {MATRIX_PAGE}
          </button>
        </div>
      )}
    </section>
  )
}
