import { MOVE_KEYS, type MoveKey } from './dataset-grid-selection'

/** What a key press on the grid (not in the cell editor) asks for. */
export type GridCommand =
  | { kind: 'save' | 'undo' | 'redo' | 'selectAll' | 'duplicate' | 'deleteRows' | 'addRow' | 'edit' | 'collapse' | 'clear' }
  | { kind: 'move'; key: MoveKey; ctrl: boolean; shift: boolean }
  | { kind: 'type'; text: string }

export interface KeyPress {
  key: string
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod: boolean
  shift: boolean
  alt: boolean
}

/**
 * The grid's keyboard map. Ctrl/Cmd: S save, Z undo, Shift+Z or Y redo, A select all rows, D duplicate the selected
 * rows, Delete/Backspace delete them, Enter add a row; Insert adds a row too. Arrows, Home/End, PageUp/PageDown and
 * Tab move (Shift extends the row selection); Enter or F2 edits; Esc keeps only the active row selected;
 * Delete/Backspace clears the cells; any other character starts editing with it.
 */
export function gridCommand({ key, mod, shift, alt }: KeyPress): GridCommand | null {
  const lower = key.toLowerCase()
  if (mod && !alt) {
    if (lower === 's') return { kind: 'save' }
    if (lower === 'z') return { kind: shift ? 'redo' : 'undo' }
    if (lower === 'y') return { kind: 'redo' }
    if (lower === 'a') return { kind: 'selectAll' }
    if (lower === 'd') return { kind: 'duplicate' }
    if (key === 'Delete' || key === 'Backspace') return { kind: 'deleteRows' }
    if (key === 'Enter') return { kind: 'addRow' }
  }
  if (key === 'Insert') return { kind: 'addRow' }
  if (MOVE_KEYS.has(key)) return { kind: 'move', key: key as MoveKey, ctrl: mod, shift }
  if (mod) return null
  if (key === 'Enter' || key === 'F2') return { kind: 'edit' }
  if (key === 'Escape') return { kind: 'collapse' }
  if (key === 'Delete' || key === 'Backspace') return { kind: 'clear' }
  if (key.length === 1 && !alt) return { kind: 'type', text: key }
  return null
}
