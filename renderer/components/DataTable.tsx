import { useId } from 'react'
import type { ReactElement, ReactNode } from 'react'
import { csvFileName, downloadCsv, toCsv } from '../lib/csv'
import { Icon } from './Icon'

export interface Column<Row> {
  key: string
  header: string
  /** What the table shows; columns without one are exported to CSV only. */
  cell?: (row: Row) => ReactNode
  /** The value written to CSV; columns without one are not exported. */
  csv?: (row: Row) => unknown
  align?: 'left' | 'right'
  className?: string
  /** The header is an identifier (a variable name): shown as written, in monospace. */
  codeHeader?: boolean
}

interface Props<Row> {
  title: string
  headingLevel?: 2 | 3
  rows: readonly Row[]
  columns: readonly Column<Row>[]
  rowKey: (row: Row) => string
  /** File name (without .csv) for Export CSV; defaults to the title. */
  exportName?: string
  /** Rows to export when they differ from the visible page (e.g. all loaded rows). */
  exportRows?: readonly Row[]
  selectedKey?: string | null
  count?: ReactNode
  actions?: ReactNode
  footer?: ReactNode
  empty?: ReactNode
}

/** A captioned table with a toolbar (title, count, actions) and a client-side Export CSV button. */
export function DataTable<Row>(props: Props<Row>): ReactElement {
  const { title, rows, columns, rowKey, selectedKey, count, actions, footer, empty } = props
  const headingId = useId()
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2'
  const visible = columns.filter((c) => c.cell)
  const csvColumns = columns.filter((c) => c.csv).map((c) => ({ header: c.header, value: c.csv ?? (() => '') }))

  function exportCsv(): void {
    downloadCsv(csvFileName(props.exportName ?? title), toCsv(csvColumns, props.exportRows ?? rows))
  }

  return (
    <section className="table-block" aria-labelledby={headingId}>
      <div className="table-toolbar">
        <Heading id={headingId}>{title}</Heading>
        {count !== undefined && <span className="count num">{count}</span>}
        <div className="actions">
          {actions}
          <button
            type="button"
            className="btn small"
            onClick={exportCsv}
            disabled={rows.length === 0 || csvColumns.length === 0}
            title={`Download “${title}” as a CSV file`}
          >
            <Icon name="download" size={13} />
            Export CSV
          </button>
        </div>
      </div>
      {rows.length === 0 && empty ? (
        <div className="panel-body muted">{empty}</div>
      ) : (
        <div className="table-scroll">
          <table className="data-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                {visible.map((c) => (
                  <th key={c.key} scope="col" className={[c.align === 'right' ? 'right' : '', c.codeHeader ? 'code-header' : ''].join(' ').trim() || undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const key = rowKey(row)
                return (
                  <tr key={key} className={key === selectedKey ? 'selected' : undefined}>
                    {visible.map((c) => (
                      <td key={c.key} className={[c.align === 'right' ? 'right' : '', c.className ?? ''].join(' ').trim() || undefined}>
                        {c.cell?.(row)}
                      </td>
                    ))}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {footer && <div className="table-footer">{footer}</div>}
    </section>
  )
}
