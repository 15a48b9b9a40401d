import type { ReactElement } from 'react'
import type { GridColumn } from '../../lib/dataset-grid-columns'

/** Where a rendered column sits in a row (px from the row's left edge, the row header included). */
export interface ColSlot {
  index: number
  start: number
  size: number
}

interface Props {
  columns: readonly GridColumn[]
  cols: readonly ColSlot[]
  rowHeaderWidth: number
  totalWidth: number
  /** TanStack Table's resize handler of each column's header. */
  resizeHandler: (index: number) => ((event: unknown) => void) | undefined
}

/** The grid's header row: the columns in view (with their type and a resize handle). */
export function GridHeader({ columns, cols, rowHeaderWidth, totalWidth, resizeHandler }: Props): ReactElement {
  return (
    <div className="grid-header" role="row" aria-rowindex={1} style={{ width: totalWidth }}>
      <div className="grid-rowheader grid-corner" role="columnheader" aria-colindex={1} style={{ width: rowHeaderWidth }}>
        #
      </div>
      {cols.map(({ index, start, size }) => {
        const column = columns[index]!
        const resize = resizeHandler(index)
        return (
          <div key={column.id} className="grid-colheader" role="columnheader" aria-colindex={index + 2} style={{ left: start, width: size }} title={column.description || undefined}>
            <span className={column.kind === 'var' ? 'mono' : undefined}>{column.label}</span>
            {column.kind === 'var' && <span className="grid-type">{column.varType ?? 'extra'}</span>}
            {resize && <span className="grid-resizer" aria-hidden="true" onMouseDown={resize} onTouchStart={resize} />}
          </div>
        )
      })}
    </div>
  )
}
