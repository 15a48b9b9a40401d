import { columnResizingFeature, columnSizingFeature, createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table'
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ClipboardEvent, KeyboardEvent, MouseEvent, ReactElement } from 'react'
import { toTsv, parseClipboardBlock } from '../../lib/dataset-grid-clipboard'
import { parseCell, type GridColumn } from '../../lib/dataset-grid-columns'
import { draftLength, isNewRow, rowAt, type Draft, type RowPatch } from '../../lib/dataset-grid-draft'
import { copyBlock, displayText, isRowReady } from '../../lib/dataset-grid-edit'
import { gridCommand } from '../../lib/dataset-grid-keys'
import { clampSelection, clickCell, isRowSelected, keySelection, selectedCount, selectionAt, type MoveKey, type Selection } from '../../lib/dataset-grid-selection'
import { hasModifier, MOD_KEY_LABEL } from '../../lib/keys'
import type { DatasetCase } from '../../../src/core/schemas/workspace'
import { gridCaseAt, useDatasetsStore, type GridSession } from '../../stores/datasets-store'
import type { CommitMove } from './GridCellEditor'
import { cellId, GridRowView, type Editing, type GridRow, type RowHandlers } from './GridRowView'
import { GridHeader, type ColSlot } from './GridHeader'
import { GridToolbar } from './GridToolbar'
import './dataset-grid.css'

export const ROW_HEIGHT = 30
const ROW_HEADER_WIDTH = 64
const COPY_LIMIT = 10_000
const CELL_CHARS = 240

const features = tableFeatures({ columnSizingFeature, columnResizingFeature })
const helper = createColumnHelper<typeof features, GridRow>()

interface CachedRow {
  base: DatasetCase | undefined
  patch: RowPatch | undefined
  columns: readonly GridColumn[]
  row: GridRow
}

/** A cell shows one line: long texts are cut (the cell bar and the editor show them whole), so layout stays cheap. */
function clip(text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  const line = text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS)}…` : text
  return line.includes('\n') ? line.replace(/\s*\n\s*/g, ' ⏎ ') : line
}

/** A visible row's texts; rebuilt only when its base case, its changes, its index or the columns change. */
function gridRow(cache: Map<string, CachedRow>, draft: Draft, index: number, columns: readonly GridColumn[]): GridRow {
  const ref = rowAt(draft, index)!
  const patch = draft.patches.get(ref.key)
  const base = ref.base === null ? undefined : gridCaseAt(ref.base)
  const hit = cache.get(ref.key)
  if (hit && hit.base === base && hit.patch === patch && hit.columns === columns && hit.row.index === index) return hit.row
  const row: GridRow = {
    index,
    key: ref.key,
    isNew: isNewRow(ref.key),
    texts: columns.map((c) => clip(displayText(draft, index, c, gridCaseAt))),
    changed: columns.map((c) => patch?.cells[c.id] !== undefined),
    invalid: columns.map((c) => {
      const text = patch?.cells[c.id]
      if (text === undefined) return null
      const parsed = parseCell(c, text)
      return parsed.ok ? null : parsed.message
    })
  }
  if (cache.size > 2000) cache.clear()
  cache.set(ref.key, { base, patch, columns, row })
  return row
}

interface Props {
  session: GridSession
  onMessage: (message: string) => void
  onSave: () => void
}

/**
 * The cases grid: TanStack Virtual renders only the rows in view (of 100k or more) and TanStack Table lays out
 * the visible window's columns (sizes, resizing). Full keyboard use: arrows, Home/End, Ctrl+Home/End, PageUp/Down,
 * Enter/F2 or typing edits, Tab moves, Shift+arrows or Shift/Ctrl+click select rows; paste a spreadsheet block.
 */
export function DatasetGrid({ session, onMessage, onSave }: Props): ReactElement {
  const store = useDatasetsStore
  const showRows = useDatasetsStore((s) => s.showRows)
  const draft = session.history.present
  const rowCount = draftLength(draft)
  const columns = session.columns
  const [rawSelection, setSelection] = useState<Selection>(() => selectionAt(0, 0))
  const [editing, setEditing] = useState<Editing | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const rootRef = useRef<HTMLDivElement>(null)
  const selection = clampSelection(rawSelection, rowCount)
  const active = selection.active
  const activeRowRef = useRef(active.row)
  useEffect(() => {
    activeRowRef.current = active.row
  }, [active.row])

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the grid reads the virtualizer each render
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows are known by their draft key, so a row that moves (an insert or delete above it) keeps its element.
    getItemKey: useCallback((index: number) => rowAt(draft, index)?.key ?? `end:${index}`, [draft]),
    // Rows have a fixed height: never read it back from the DOM (that would force a layout per mounted row).
    measureElement: () => ROW_HEIGHT,
    overscan: 4,
    // Scrolling moves the rows by writing their positions to the DOM; React renders only when the rows in view change.
    directDomUpdates: true,
    useFlushSync: false,
    // Keep the active row rendered so the focused cell (aria-activedescendant) exists while scrolled away.
    rangeExtractor: useCallback((range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const indexes = defaultRangeExtractor(range)
      const row = activeRowRef.current
      return row < range.count && !indexes.includes(row) ? [...indexes, row].sort((a, b) => a - b) : indexes
    }, [])
  })
  const items = virtualizer.getVirtualItems()
  // The rows in view (items may also hold the active row, kept rendered while scrolled away).
  const first = virtualizer.range?.startIndex ?? 0
  const last = virtualizer.range?.endIndex ?? 0

  useEffect(() => {
    showRows(first, last + 1)
  }, [first, last, draft, showRows])

  const [rowCache] = useState(() => new Map<string, CachedRow>())
  const rows = useMemo<GridRow[]>(() => {
    void session.revision
    return items.map(({ index }) => gridRow(rowCache, draft, index, columns))
  }, [items, draft, columns, session.revision, rowCache])

  const columnDefs = useMemo(
    () => columns.map((c, i) => helper.accessor((row: GridRow): unknown => row.texts[i], { id: c.id, header: c.label, size: c.width, minSize: 60, maxSize: 1600 })),
    [columns]
  )
  const table = useTable({ features, columns: columnDefs, data: rows, getRowId: (row) => row.key, columnResizeMode: 'onChange', enableColumnResizing: true })
  const tableRows = table.getRowModel().rows
  const totalWidth = ROW_HEADER_WIDTH + table.getTotalSize()
  const widthKey = table.getAllLeafColumns().map((c) => c.getSize()).join(',')
  const widths = useMemo(() => widthKey.split(',').map(Number), [widthKey])

  // Columns are virtualised too: only those in view (and the active one) are rendered.
  const activeColRef = useRef(active.col)
  useEffect(() => {
    activeColRef.current = active.col
  }, [active.col])
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => widths[i] ?? 200,
    paddingStart: ROW_HEADER_WIDTH,
    overscan: 1,
    rangeExtractor: useCallback((range: Parameters<typeof defaultRangeExtractor>[0]) => {
      const indexes = defaultRangeExtractor(range)
      const col = activeColRef.current
      return col < range.count && !indexes.includes(col) ? [...indexes, col].sort((a, b) => a - b) : indexes
    }, [])
  })
  useEffect(() => columnVirtualizer.measure(), [widths, columnVirtualizer])
  const colItems = columnVirtualizer.getVirtualItems()
  const cols = useMemo<ColSlot[]>(() => colItems.map((c) => ({ index: c.index, start: c.start, size: c.size })), [colItems])

  const focusGrid = useCallback(() => rootRef.current?.focus({ preventScroll: true }), [])

  const reveal = useCallback(
    (row: number, col: number) => {
      virtualizer.scrollToIndex(row, { align: 'auto' })
      const scroller = scrollRef.current
      const column = table.getAllLeafColumns()[col]
      if (!scroller || !column) return
      const start = ROW_HEADER_WIDTH + column.getStart()
      const end = start + column.getSize()
      if (start - ROW_HEADER_WIDTH < scroller.scrollLeft) scroller.scrollLeft = start - ROW_HEADER_WIDTH
      else if (end > scroller.scrollLeft + scroller.clientWidth) scroller.scrollLeft = end - scroller.clientWidth
    },
    [virtualizer, table]
  )

  function moveTo(next: Selection): void {
    setSelection(next)
    reveal(next.active.row, next.active.col)
  }

  function startEdit(initial?: string): void {
    if (session.readOnly) {
      onMessage(`Version ${session.version} is read-only. Open the latest version (v${session.latestVersion}) to edit.`)
      return
    }
    if (rowCount === 0 || !columns[active.col]) return
    if (!isRowReady(draft, active.row, gridCaseAt)) {
      onMessage(`Row ${active.row + 1} is still loading; try again in a moment.`)
      return
    }
    reveal(active.row, active.col)
    setEditing({ row: active.row, col: active.col, text: initial ?? displayText(draft, active.row, columns[active.col]!, gridCaseAt) ?? '', error: null })
  }

  function commitEdit(text: string, move: CommitMove): void {
    if (!editing) return
    const column = columns[editing.col]!
    const parsed = parseCell(column, text)
    if (!parsed.ok) {
      setEditing({ ...editing, text, error: parsed.message })
      return
    }
    store.getState().editCells([{ index: editing.row, column, text }])
    setEditing(null)
    focusGrid()
    const size = { rows: rowCount, cols: columns.length, pageRows: pageRows() }
    const key: MoveKey | null = move === 'down' ? 'ArrowDown' : move === 'right' ? 'Tab' : move === 'left' ? 'Tab' : null
    if (key) moveTo(keySelection(selectionAt(editing.row, editing.col), key, { ctrl: false, shift: move === 'left' }, size))
  }

  function pageRows(): number {
    return Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1)
  }

  function selectedRanges(): Array<[number, number]> {
    return selection.ranges.map(([s, e]) => [s, e])
  }

  const actions = {
    addRow: (): void => {
      if (session.readOnly) return
      const at = rowCount === 0 ? 0 : active.row + 1
      store.getState().addRow(at)
      moveTo(selectionAt(at, 0))
      focusGrid()
      onMessage(`Added row ${at + 1}.`)
    },
    duplicate: (): void => {
      if (session.readOnly || rowCount === 0) return
      const n = selectedCount(selection)
      store.getState().duplicateRows(selectedRanges())
      focusGrid()
      onMessage(`Duplicated ${n} row${n === 1 ? '' : 's'}.`)
    },
    remove: (): void => {
      if (session.readOnly || rowCount === 0) return
      const n = selectedCount(selection)
      const firstRow = selection.ranges[0]?.[0] ?? active.row
      store.getState().deleteRows(selectedRanges())
      focusGrid()
      setSelection(selectionAt(Math.max(0, Math.min(firstRow, rowCount - n - 1)), active.col))
      onMessage(`Deleted ${n} row${n === 1 ? '' : 's'}. Undo with ${MOD_KEY_LABEL}+Z.`)
    },
    undo: (): void => {
      store.getState().undo()
      focusGrid()
    },
    redo: (): void => {
      store.getState().redo()
      focusGrid()
    }
  }

  function clearCells(): void {
    const column = columns[active.col]
    if (session.readOnly || !column) return
    const entries = selection.ranges.flatMap(([s, e]) => Array.from({ length: Math.min(e - s, COPY_LIMIT) }, (_, k) => ({ index: s + k, column, text: '' })))
    const skipped = store.getState().editCells(entries)
    if (skipped > 0) onMessage(`${skipped} row${skipped === 1 ? ' was' : 's were'} still loading and kept ${skipped === 1 ? 'its' : 'their'} value; scroll to them and clear again.`)
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const command = gridCommand({ key: event.key, mod: hasModifier(event), shift: event.shiftKey, alt: event.altKey })
    if (!command || (editing && command.kind !== 'save')) return
    if (command.kind === 'move' && command.key === 'Tab' && rowCount === 0) return
    event.preventDefault()
    event.stopPropagation()
    const size = { rows: rowCount, cols: columns.length, pageRows: pageRows() }
    switch (command.kind) {
      case 'save':
        // A cell being edited is committed first (its editor commits when it loses focus).
        if (editing && document.activeElement instanceof HTMLElement) document.activeElement.blur()
        return onSave()
      case 'undo':
      case 'redo':
      case 'duplicate':
      case 'addRow':
        return actions[command.kind]()
      case 'deleteRows':
        return actions.remove()
      case 'selectAll':
        return setSelection({ active, anchor: 0, ranges: rowCount ? [[0, rowCount]] : [] })
      case 'move':
        return moveTo(keySelection(selection, command.key, command, size))
      case 'edit':
        return startEdit()
      case 'type':
        return startEdit(command.text)
      case 'collapse':
        return setSelection(selectionAt(active.row, active.col))
      case 'clear':
        return clearCells()
    }
  }

  function onCopy(event: ClipboardEvent<HTMLDivElement>): void {
    if (editing) return
    const many = selectedCount(selection) > 1
    const lines = copyBlock(draft, selection.ranges, many ? columns : [columns[active.col]!], gridCaseAt, COPY_LIMIT)
    event.clipboardData.setData('text/plain', toTsv(lines))
    event.preventDefault()
    onMessage(many ? `Copied ${lines.length} rows as tab-separated text (rows still loading are copied empty).` : 'Copied the cell.')
  }

  function onPaste(event: ClipboardEvent<HTMLDivElement>): void {
    if (editing) return
    event.preventDefault()
    if (session.readOnly) return onMessage(`Version ${session.version} is read-only; open the latest version to paste.`)
    const block = parseClipboardBlock(event.clipboardData.getData('text/plain'), event.clipboardData.types.includes('text/csv'))
    if (block.length === 0) return
    const at = { row: rowCount === 0 ? 0 : active.row, col: active.col }
    onMessage(`Pasting ${block.length} row${block.length === 1 ? '' : 's'}…`)
    void store
      .getState()
      .paste(block, at)
      .then((result) => {
        if (!result) return onMessage('The grid changed while pasting; paste again.')
        setSelection({ active: at, anchor: result.rows[0], ranges: [[result.rows[0], result.rows[1] + 1]] })
        const added = result.addedRows ? `, added ${result.addedRows} row${result.addedRows === 1 ? '' : 's'}` : ''
        const dropped = result.droppedColumns ? `; ${result.droppedColumns} column${result.droppedColumns === 1 ? '' : 's'} past the last one left out` : ''
        onMessage(`Pasted ${result.cells} cells${added}${dropped}. One undo step takes it back.`)
      })
      .catch((error: unknown) => onMessage(`Could not paste: ${error instanceof Error ? error.message : String(error)}`))
  }

  function onCellMouseDown(event: MouseEvent, row: number, col: number | null): void {
    if (event.button !== 0) return
    if (event.shiftKey) event.preventDefault()
    setSelection(clickCell(selection, row, col ?? active.col, { shift: event.shiftKey, toggle: hasModifier(event) }))
    if (!editing) rootRef.current?.focus({ preventScroll: true })
  }

  const latest = useRef<RowHandlers | null>(null)
  useLayoutEffect(() => {
    latest.current = {
      mouseDown: onCellMouseDown,
      doubleClick: () => startEdit(),
      commit: commitEdit,
      cancel: () => {
        setEditing(null)
        focusGrid()
      }
    }
  })
  const [handlers] = useState<RowHandlers>(() => ({
    mouseDown: (event, row, col) => latest.current?.mouseDown(event, row, col),
    doubleClick: () => latest.current?.doubleClick(),
    commit: (text, move) => latest.current?.commit(text, move),
    cancel: () => latest.current?.cancel()
  }))

  const activeColumn = columns[active.col]
  const activeText = activeColumn && rowCount > 0 ? displayText(draft, active.row, activeColumn, gridCaseAt) : undefined
  const activeRow = rows.find((r) => r.index === active.row)
  const activeProblem = activeRow?.invalid[active.col] ?? null

  return (
    <div className="dataset-grid-block">
      <GridToolbar readOnly={session.readOnly} selected={selectedCount(selection)} canUndo={session.history.past.length > 0} canRedo={session.history.future.length > 0} empty={rowCount === 0} {...actions} />
      <div className="grid-cellbar" aria-live="polite">
        <span className="grid-cellbar-where num">{rowCount > 0 && activeColumn ? `Row ${active.row + 1} · ${activeColumn.label}` : 'No rows'}</span>
        <span className={`grid-cellbar-text${activeProblem ? ' bad-text' : ''}`} data-testid="cell-bar">
          {activeProblem ?? (activeText === undefined ? (rowCount > 0 ? 'Loading…' : '') : activeText || '—')}
        </span>
      </div>
      <div
        ref={rootRef}
        className="dataset-grid"
        role="grid"
        aria-label="Cases"
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length + 1}
        aria-multiselectable="true"
        aria-readonly={session.readOnly || undefined}
        aria-activedescendant={rowCount > 0 && !editing ? cellId(active.row, active.col) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onCopy={onCopy}
        onPaste={onPaste}
      >
        <div ref={scrollRef} className="grid-scroll">
          <GridHeader columns={columns} cols={cols} rowHeaderWidth={ROW_HEADER_WIDTH} totalWidth={totalWidth} resizeHandler={(i) => table.getHeaderGroups()[0]?.headers[i]?.getResizeHandler()} />
          <div ref={virtualizer.containerRef} className="grid-body" style={{ width: totalWidth }}>
            {tableRows.map((tableRow) => {
              const row = tableRow.original
              return (
                <GridRowView
                  key={tableRow.id}
                  row={row}
                  columns={columns}
                  measureRef={virtualizer.measureElement}
                  cols={cols}
                  rowHeaderWidth={ROW_HEADER_WIDTH}
                  totalWidth={totalWidth}
                  selected={isRowSelected(selection, row.index)}
                  activeCol={row.index === active.row ? active.col : -1}
                  editing={editing?.row === row.index ? editing : null}
                  handlers={handlers}
                />
              )
            })}
          </div>
        </div>
      </div>
    </div>
  )
}
