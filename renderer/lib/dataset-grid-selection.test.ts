import { describe, expect, it } from 'vitest'
import { clampSelection, clickCell, keySelection, moveActive, selectedCount, selectionAt } from './dataset-grid-selection'

const size = { rows: 100, cols: 5, pageRows: 20 }
const none = { ctrl: false, shift: false }

describe('grid keyboard navigation', () => {
  it('moves with arrows, Home/End, Ctrl+Home/End, PageUp/PageDown and Tab, staying inside the grid', () => {
    const at = { row: 10, col: 2 }
    expect(moveActive(at, 'ArrowUp', none, size)).toEqual({ row: 9, col: 2 })
    expect(moveActive({ row: 0, col: 0 }, 'ArrowUp', none, size)).toEqual({ row: 0, col: 0 })
    expect(moveActive(at, 'ArrowRight', none, size)).toEqual({ row: 10, col: 3 })
    expect(moveActive(at, 'Home', none, size)).toEqual({ row: 10, col: 0 })
    expect(moveActive(at, 'End', none, size)).toEqual({ row: 10, col: 4 })
    expect(moveActive(at, 'Home', { ctrl: true, shift: false }, size)).toEqual({ row: 0, col: 0 })
    expect(moveActive(at, 'End', { ctrl: true, shift: false }, size)).toEqual({ row: 99, col: 4 })
    expect(moveActive(at, 'PageDown', none, size)).toEqual({ row: 30, col: 2 })
    expect(moveActive({ row: 95, col: 2 }, 'PageDown', none, size)).toEqual({ row: 99, col: 2 })
    expect(moveActive(at, 'PageUp', none, size)).toEqual({ row: 0, col: 2 })
    expect(moveActive({ row: 3, col: 4 }, 'Tab', none, size)).toEqual({ row: 4, col: 0 })
    expect(moveActive({ row: 3, col: 0 }, 'Tab', { ctrl: false, shift: true }, size)).toEqual({ row: 2, col: 4 })
  })

  it('extends the row selection with Shift+arrows and Shift+click, toggles with Ctrl+click', () => {
    let s = selectionAt(5, 1)
    s = keySelection(s, 'ArrowDown', { ctrl: false, shift: true }, size)
    s = keySelection(s, 'ArrowDown', { ctrl: false, shift: true }, size)
    expect(s.ranges).toEqual([[5, 8]])
    expect(s.active).toEqual({ row: 7, col: 1 })
    s = clickCell(s, 2, 0, { shift: true, toggle: false })
    expect(s.ranges).toEqual([[2, 6]])
    s = clickCell(s, 9, 0, { shift: false, toggle: true })
    expect(s.ranges).toEqual([[2, 6], [9, 10]])
    s = clickCell(s, 3, 0, { shift: false, toggle: true })
    expect(s.ranges).toEqual([[2, 3], [4, 6], [9, 10]])
    expect(selectedCount(s)).toBe(4)
    s = keySelection(s, 'ArrowUp', none, size)
    expect(s.ranges).toEqual([[2, 3]])
  })

  it('clamps the selection after rows go away', () => {
    expect(clampSelection(selectionAt(9, 2), 5)).toEqual(selectionAt(4, 2))
    expect(clampSelection(selectionAt(3, 2), 0)).toEqual(selectionAt(0, 2))
  })
})
