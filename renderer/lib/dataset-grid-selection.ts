import { normaliseRanges, type Range } from './dataset-grid-draft'

/**
 * Where the grid's focus is (the active cell) and which rows are selected (for delete / duplicate / copy), as pure
 * functions of the key or click that changes them.
 */

export interface CellPos {
  row: number
  col: number
}

export interface Selection {
  active: CellPos
  /** Row a Shift+click or Shift+arrow extends from. */
  anchor: number
  /** Selected rows as sorted, disjoint [start, end) ranges; always includes the active row when not empty. */
  ranges: readonly Range[]
}

export function selectionAt(row: number, col: number): Selection {
  return { active: { row, col }, anchor: row, ranges: [[row, row + 1]] }
}

export function isRowSelected(selection: Selection, row: number): boolean {
  return selection.ranges.some(([s, e]) => row >= s && row < e)
}

export function selectedCount(selection: Selection): number {
  return selection.ranges.reduce((n, [s, e]) => n + e - s, 0)
}

/** A click on a cell: plain selects its row, Shift extends from the anchor, Ctrl/Cmd toggles the row. */
export function clickCell(selection: Selection, row: number, col: number, mods: { shift: boolean; toggle: boolean }): Selection {
  if (mods.shift) {
    const [s, e] = selection.anchor <= row ? [selection.anchor, row + 1] : [row, selection.anchor + 1]
    return { active: { row, col }, anchor: selection.anchor, ranges: [[s, e]] }
  }
  if (mods.toggle) {
    if (isRowSelected(selection, row) && selectedCount(selection) > 1) {
      const ranges = selection.ranges.flatMap(([s, e]): Range[] => (row >= s && row < e ? [[s, row], [row + 1, e]] : [[s, e]])).filter(([s, e]) => e > s)
      return { active: { row, col }, anchor: row, ranges }
    }
    return { active: { row, col }, anchor: row, ranges: normaliseRanges([...selection.ranges, [row, row + 1]], Number.MAX_SAFE_INTEGER) }
  }
  return selectionAt(row, col)
}

export interface GridSize {
  rows: number
  cols: number
  /** Rows one PageUp/PageDown moves. */
  pageRows: number
}

export type MoveKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown' | 'Tab'

export const MOVE_KEYS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Tab'])

/**
 * Where a key moves the active cell. Home/End go to the row's first/last cell (with Ctrl/Cmd: the grid's first/last
 * cell); Tab / Shift+Tab go right / left and wrap to the next / previous row.
 */
export function moveActive(pos: CellPos, key: MoveKey, mods: { ctrl: boolean; shift: boolean }, size: GridSize): CellPos {
  const lastRow = Math.max(0, size.rows - 1)
  const lastCol = Math.max(0, size.cols - 1)
  const clampRow = (r: number): number => Math.min(lastRow, Math.max(0, r))
  switch (key) {
    case 'ArrowUp':
      return { row: mods.ctrl ? 0 : clampRow(pos.row - 1), col: pos.col }
    case 'ArrowDown':
      return { row: mods.ctrl ? lastRow : clampRow(pos.row + 1), col: pos.col }
    case 'ArrowLeft':
      return { row: pos.row, col: mods.ctrl ? 0 : Math.max(0, pos.col - 1) }
    case 'ArrowRight':
      return { row: pos.row, col: mods.ctrl ? lastCol : Math.min(lastCol, pos.col + 1) }
    case 'Home':
      return mods.ctrl ? { row: 0, col: 0 } : { row: pos.row, col: 0 }
    case 'End':
      return mods.ctrl ? { row: lastRow, col: lastCol } : { row: pos.row, col: lastCol }
    case 'PageUp':
      return { row: clampRow(pos.row - size.pageRows), col: pos.col }
    case 'PageDown':
      return { row: clampRow(pos.row + size.pageRows), col: pos.col }
    case 'Tab':
      if (mods.shift) return pos.col > 0 ? { row: pos.row, col: pos.col - 1 } : pos.row > 0 ? { row: pos.row - 1, col: lastCol } : pos
      return pos.col < lastCol ? { row: pos.row, col: pos.col + 1 } : pos.row < lastRow ? { row: pos.row + 1, col: 0 } : pos
  }
}

/** A key press on the grid: the new selection (Shift+arrows/PageUp/PageDown extend the row selection). */
export function keySelection(selection: Selection, key: MoveKey, mods: { ctrl: boolean; shift: boolean }, size: GridSize): Selection {
  const active = moveActive(selection.active, key, mods, size)
  const extends_ = mods.shift && key !== 'Tab' && key !== 'ArrowLeft' && key !== 'ArrowRight'
  if (!extends_) return active.row === selection.active.row ? { ...selection, active } : selectionAt(active.row, active.col)
  const [s, e] = selection.anchor <= active.row ? [selection.anchor, active.row + 1] : [active.row, selection.anchor + 1]
  return { active, anchor: selection.anchor, ranges: [[s, e]] }
}

/** The selection clamped to a grid that now has `rows` rows (after a delete). */
export function clampSelection(selection: Selection, rows: number): Selection {
  if (rows === 0) return selectionAt(0, selection.active.col)
  const row = Math.min(selection.active.row, rows - 1)
  return row === selection.active.row && selection.ranges.every(([, e]) => e <= rows) ? selection : selectionAt(row, selection.active.col)
}
