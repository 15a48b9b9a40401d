import { cellText, type CaseContent, type GridColumn } from './dataset-grid-columns'
import { draftLength, insertRows, rowAt, setCells, type CellEdit, type Draft } from './dataset-grid-draft'

/**
 * Cell edits on a draft, as pure functions: typed text, a cleared cell, a pasted block. A base row's cell whose
 * text goes back to the base case's text stops counting as changed.
 */

/** A base case as the grid knows it (loaded from its page), or undefined while its page loads. */
export type BaseLookup = (position: number) => (CaseContent & { id: string }) | undefined

const EMPTY: CaseContent = { vars: {}, expected: null, assertions: [], tags: [], notes: '' }

/** The text a row's cell shows: its change if any, else its base case's (undefined while that is loading). */
export function displayText(draft: Draft, index: number, column: GridColumn, baseOf: BaseLookup): string | undefined {
  const row = rowAt(draft, index)
  if (!row) return undefined
  const changed = draft.patches.get(row.key)?.cells[column.id]
  if (changed !== undefined) return changed
  if (row.base === null) return cellText(EMPTY, column)
  const base = baseOf(row.base)
  return base ? cellText(base, column) : undefined
}

/** True when the row's content can be shown and edited (a new row, or a base row whose page has loaded). */
export function isRowReady(draft: Draft, index: number, baseOf: BaseLookup): boolean {
  const row = rowAt(draft, index)
  return row !== undefined && (row.base === null || baseOf(row.base) !== undefined)
}

export interface TextEntry {
  index: number
  column: GridColumn
  text: string
}

/** Sets cell texts; entries on rows that are not loaded are skipped (answers how many were). */
export function applyTexts(draft: Draft, entries: readonly TextEntry[], baseOf: BaseLookup): { draft: Draft; skipped: number } {
  const edits: CellEdit[] = []
  let skipped = 0
  for (const { index, column, text } of entries) {
    const row = rowAt(draft, index)
    if (!row) continue
    if (row.base === null) {
      edits.push({ key: row.key, columnId: column.id, text: text === cellText(EMPTY, column) ? null : text })
      continue
    }
    const base = baseOf(row.base)
    if (!base) {
      skipped++
      continue
    }
    edits.push({ key: row.key, columnId: column.id, text: text === cellText(base, column) ? null : text, baseId: base.id })
  }
  return { draft: setCells(draft, edits), skipped }
}

export interface PasteResult {
  draft: Draft
  /** Cells written. */
  cells: number
  addedRows: number
  /** Pasted columns beyond the grid's last column, dropped. */
  droppedColumns: number
  /** Rows [first, last] the paste covers, for selecting them. */
  rows: [number, number]
}

/**
 * A block of cells pasted with its top-left at (row, col): rows are added at the end when the block runs past the
 * last row; columns past the last one are dropped. The caller makes sure the covered base rows have loaded.
 */
export function applyPaste(draft: Draft, block: readonly (readonly string[])[], at: { row: number; col: number }, columns: readonly GridColumn[], baseOf: BaseLookup): PasteResult {
  const height = block.length
  const width = Math.max(0, ...block.map((r) => r.length))
  const length = draftLength(draft)
  const needed = Math.max(0, at.row + height - length)
  let next = draft
  if (needed > 0) next = insertRows(draft, length, needed).draft
  const entries: TextEntry[] = []
  block.forEach((cells, r) => {
    cells.forEach((text, c) => {
      const column = columns[at.col + c]
      if (column) entries.push({ index: at.row + r, column, text })
    })
  })
  next = applyTexts(next, entries, baseOf).draft
  return {
    draft: next,
    cells: entries.length,
    addedRows: needed,
    droppedColumns: Math.max(0, at.col + width - columns.length),
    rows: [at.row, at.row + Math.max(0, height - 1)]
  }
}

/** The texts of these rows' cells in these columns (for Copy), at most `limit` rows; rows still loading are empty. */
export function copyBlock(draft: Draft, ranges: readonly (readonly [number, number])[], columns: readonly GridColumn[], baseOf: BaseLookup, limit: number): string[][] {
  const lines: string[][] = []
  for (const [s, e] of ranges) {
    for (let i = s; i < e && lines.length < limit; i++) lines.push(columns.map((c) => displayText(draft, i, c, baseOf) ?? ''))
  }
  return lines
}

/** Base positions of rows [start, end) (new rows have none), for loading their pages first. */
export function basePositions(draft: Draft, start: number, end: number): number[] {
  const positions: number[] = []
  for (let i = Math.max(0, start); i < Math.min(end, draftLength(draft)); i++) {
    const base = rowAt(draft, i)?.base
    if (base !== null && base !== undefined) positions.push(base)
  }
  return positions
}
