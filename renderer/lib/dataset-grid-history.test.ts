import { describe, expect, it } from 'vitest'
import { historyOf, pushHistory, redo, undo } from './dataset-grid-history'

describe('grid history', () => {
  it('undoes and redoes snapshots; a new edit clears redo', () => {
    let h = historyOf('a')
    h = pushHistory(h, 'b')
    h = pushHistory(h, 'c')
    h = undo(h)
    expect(h.present).toBe('b')
    h = undo(h)
    expect(h.present).toBe('a')
    expect(undo(h)).toBe(h)
    h = redo(h)
    expect(h.present).toBe('b')
    h = pushHistory(h, 'd')
    expect(h.future).toEqual([])
    expect(redo(h)).toBe(h)
    expect(pushHistory(h, h.present)).toBe(h)
  })

  it('keeps at most the limit of undo steps', () => {
    let h = historyOf(0)
    for (let i = 1; i <= 10; i++) h = pushHistory(h, i, 3)
    expect(h.past).toEqual([7, 8, 9])
  })
})
