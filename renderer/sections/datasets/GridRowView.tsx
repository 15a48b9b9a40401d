import { memo } from 'react'
import type { MouseEvent, ReactElement } from 'react'
import type { GridColumn } from '../../lib/dataset-grid-columns'
import { GridCellEditor, type CommitMove } from './GridCellEditor'
import type { ColSlot } from './GridHeader'

/** One row of the grid as shown: texts per column, which cells changed, which do not parse. */
export interface GridRow {
  index: number
  key: string
  isNew: boolean
  texts: Array<string | undefined>
  changed: boolean[]
  invalid: Array<string | null>
}

export interface Editing {
  row: number
  col: number
  text: string
  error: string | null
}

/** Stable callbacks (they read the grid's latest state through a ref), so unchanged rows skip re-rendering. */
export interface RowHandlers {
  mouseDown: (event: MouseEvent, row: number, col: number | null) => void
  doubleClick: () => void
  commit: (text: string, move: CommitMove) => void
  cancel: () => void
}

interface Props {
  row: GridRow
  columns: readonly GridColumn[]
  /** The virtualizer's ref: it positions the row (and would measure it). */
  measureRef: (element: HTMLDivElement | null) => void
  /** The columns in view and where they sit. */
  cols: readonly ColSlot[]
  rowHeaderWidth: number
  totalWidth: number
  selected: boolean
  /** The active column when the active cell is in this row, else -1. */
  activeCol: number
  editing: Editing | null
  handlers: RowHandlers
}

export const cellId = (row: number, col: number): string => `grid-cell-${row}-${col}`

/** A grid row; memoised: scrolling re-renders only the rows that come into view. */
export const GridRowView = memo(function GridRowView({ row, columns, measureRef, cols, rowHeaderWidth, totalWidth, selected, activeCol, editing, handlers }: Props): ReactElement {
  return (
    <div
      ref={measureRef}
      data-index={row.index}
      role="row"
      aria-rowindex={row.index + 2}
      aria-selected={selected}
      className={`grid-row${selected ? ' selected' : ''}${row.isNew ? ' added' : ''}${editing ? ' editing' : ''}`}
      style={{ width: totalWidth }}
    >
      <div className="grid-rowheader num" role="rowheader" aria-colindex={1} style={{ width: rowHeaderWidth }} onMouseDown={(e) => handlers.mouseDown(e, row.index, null)}>
        {row.index + 1}
        {row.isNew && (
          <span className="grid-new" title="New row (not saved yet)">
            new
          </span>
        )}
      </div>
      {cols.map(({ index: c, start, size }) => {
        const text = row.texts[c]
        const classes = `grid-cell${c === activeCol ? ' active' : ''}${row.changed[c] ? ' changed' : ''}${row.invalid[c] ? ' invalid' : ''}${text === undefined ? ' loading' : ''}`
        return (
          <div
            key={columns[c]!.id}
            id={cellId(row.index, c)}
            role="gridcell"
            aria-colindex={c + 2}
            aria-invalid={row.invalid[c] ? true : undefined}
            className={classes}
            style={{ left: start, width: size }}
            onMouseDown={(e) => handlers.mouseDown(e, row.index, c)}
            onDoubleClick={handlers.doubleClick}
          >
            {editing?.col === c ? (
              <GridCellEditor
                label={`${columns[c]!.label}, row ${row.index + 1}`}
                initialText={editing.text}
                error={editing.error}
                alignRight={c >= columns.length - 2}
                onCommit={handlers.commit}
                onCancel={handlers.cancel}
              />
            ) : text === undefined ? (
              <span className="grid-loading" aria-label="loading">
                …
              </span>
            ) : (
              text
            )}
          </div>
        )
      })}
    </div>
  )
})
