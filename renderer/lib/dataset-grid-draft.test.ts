import { describe, expect, it } from 'vitest'
import { changeSummary, deleteRows, draftLength, duplicateRows, emptyDraft, insertRows, normaliseRanges, rowAt, rowsBetween, setCells } from './dataset-grid-draft'

const keys = (d: ReturnType<typeof emptyDraft>) => rowsBetween(d, 0, draftLength(d)).map((r) => r.key)

describe('the grid draft', () => {
  it('starts as one run of the base version, whatever its size', () => {
    const d = emptyDraft(100_000)
    expect(d.segments).toHaveLength(1)
    expect(draftLength(d)).toBe(100_000)
    expect(rowAt(d, 99_999)).toEqual({ key: '0:99999', base: 99_999 })
    expect(rowAt(d, 100_000)).toBeUndefined()
    expect(changeSummary(d)).toEqual({ editedCells: 0, addedRows: 0, deletedRows: 0, total: 0 })
  })

  it('inserts, deletes and duplicates rows, keeping segments few', () => {
    let d = emptyDraft(5)
    d = insertRows(d, 2, 2).draft
    expect(keys(d)).toEqual(['0:0', '0:1', 'n1', 'n2', '0:2', '0:3', '0:4'])
    d = deleteRows(d, [[3, 5], [0, 1]])
    expect(keys(d)).toEqual(['0:1', 'n1', '0:3', '0:4'])
    d = duplicateRows(d, [[0, 2]])
    expect(keys(d)).toEqual(['0:1', 'n1', '3:1', 'n4', '0:3', '0:4'])
    expect(rowAt(d, 2)).toEqual({ key: '3:1', base: 1 })
    expect(changeSummary(d)).toEqual({ editedCells: 0, addedRows: 3, deletedRows: 2, total: 5 })
  })

  it('keeps changed cells with their row through duplicates and drops them with deleted rows', () => {
    let d = emptyDraft(3)
    d = setCells(d, [{ key: '0:1', columnId: 'expected', text: 'new', baseId: 'case-1' }])
    d = duplicateRows(d, [[1, 2]])
    expect(d.patches.get('1:1')).toEqual({ baseId: 'case-1', cells: { expected: 'new' } })
    expect(changeSummary(d)).toEqual({ editedCells: 1, addedRows: 1, deletedRows: 0, total: 2 })
    d = deleteRows(d, [[1, 2]])
    expect(d.patches.has('0:1')).toBe(false)
    expect(keys(d)).toEqual(['0:0', '1:1', '0:2'])
    expect(changeSummary(d)).toEqual({ editedCells: 0, addedRows: 1, deletedRows: 1, total: 2 })
  })

  it('forgets a cell change set back to the base text', () => {
    let d = setCells(emptyDraft(2), [{ key: '0:0', columnId: 'notes', text: 'x', baseId: 'a' }])
    expect(changeSummary(d).editedCells).toBe(1)
    d = setCells(d, [{ key: '0:0', columnId: 'notes', text: null }])
    expect(d.patches.size).toBe(0)
    expect(changeSummary(d).total).toBe(0)
  })

  it('normalises ranges: sorted, merged, clamped', () => {
    expect(normaliseRanges([[5, 8], [0, 2], [1, 3], [7, 20]], 10)).toEqual([[0, 3], [5, 10]])
  })

  it('deletes a large selection of a 100k draft without walking every row', () => {
    const t0 = performance.now()
    let d = deleteRows(emptyDraft(100_000), [[10, 60_010]])
    d = duplicateRows(d, [[0, 40_000]])
    expect(draftLength(d)).toBe(80_000)
    expect(performance.now() - t0).toBeLessThan(50)
  })
})
