import { describe, expect, it } from 'vitest'
import { EditStep } from '../../src/core/schemas/dataset-edit'
import { buildColumns } from './dataset-grid-columns'
import { deleteRows, duplicateRows, emptyDraft, insertRows } from './dataset-grid-draft'
import { applyPaste, applyTexts, copyBlock, displayText, type BaseLookup } from './dataset-grid-edit'
import { buildEditScript } from './dataset-grid-script'

const columns = buildColumns([{ name: 'ticket', type: 'string', description: '', required: true }], ['tier'])
const col = (id: string) => columns.find((c) => c.id === id)!
const base: BaseLookup = (p) => (p < 1000 ? { id: `c${p}`, vars: { ticket: `t${p}`, tier: 'pro' }, expected: `e${p}`, assertions: [], tags: [], notes: '' } : undefined)

describe('the save script', () => {
  it('is one keep step for an untouched 100k dataset', () => {
    expect(buildEditScript(emptyDraft(100_000), columns)).toEqual({ steps: [{ op: 'keep', start: 0, count: 100_000 }], problems: [] })
  })

  it('sends keep ranges, edits with only the changed fields, duplicates as keeps, and new rows', () => {
    let d = emptyDraft(10)
    d = applyTexts(d, [
      { index: 2, column: col('expected'), text: 'fixed' },
      { index: 2, column: col('var:tier'), text: '' },
      { index: 5, column: col('var:ticket'), text: 't5' } // same as the base: not a change
    ], base).draft
    d = deleteRows(d, [[7, 8]])
    d = duplicateRows(d, [[0, 1]])
    const inserted = insertRows(d, 3, 1)
    d = applyTexts(inserted.draft, [{ index: 3, column: col('var:ticket'), text: 'brand new' }, { index: 3, column: col('tags'), text: 'a, b' }], base).draft
    const { steps, problems } = buildEditScript(d, columns)
    expect(problems).toEqual([])
    expect(steps).toEqual([
      { op: 'keep', start: 0, count: 1 },
      { op: 'keep', start: 0, count: 2 },
      { op: 'add', case: { vars: { ticket: 'brand new' }, tags: ['a', 'b'] } },
      { op: 'edit', caseId: 'c2', unsetVars: ['tier'], expected: 'fixed' },
      { op: 'keep', start: 3, count: 4 },
      { op: 'keep', start: 8, count: 2 }
    ])
    for (const step of steps) expect(() => EditStep.parse(step)).not.toThrow()
  })

  it('refuses to build a script with an invalid cell, naming the row and column', () => {
    const d = applyTexts(emptyDraft(3), [{ index: 1, column: col('assertions'), text: '[{"value":1}]' }], base).draft
    expect(buildEditScript(d, columns).problems).toEqual([{ row: 2, column: 'Assertions', message: expect.stringContaining('needs a "type"') }])
  })
})

describe('pasting a block', () => {
  it('writes from the active cell, adds rows past the end and drops columns past the last', () => {
    const d = emptyDraft(3)
    const block = [['x1', 'y1', 'z1'], ['x2', 'y2', 'z2']]
    const result = applyPaste(d, block, { row: 2, col: columns.length - 2 }, columns, base)
    expect(result).toMatchObject({ addedRows: 1, cells: 4, droppedColumns: 1, rows: [2, 3] })
    expect(displayText(result.draft, 2, col('tags'), base)).toBe('x1')
    expect(displayText(result.draft, 3, col('notes'), base)).toBe('y2')
    expect(displayText(result.draft, 3, col('var:ticket'), base)).toBe('')
    expect(displayText(emptyDraft(5000), 4000, col('var:ticket'), base)).toBeUndefined()
  })
})

describe('copying rows', () => {
  it('copies the selected rows’ texts, changes included, rows still loading empty', () => {
    const d = applyTexts(emptyDraft(5000), [{ index: 1, column: col('expected'), text: 'changed' }], base).draft
    expect(copyBlock(d, [[0, 2], [4000, 4001]], [col('var:ticket'), col('expected')], base, 10)).toEqual([['t0', 'e0'], ['t1', 'changed'], ['', '']])
    expect(copyBlock(d, [[0, 100]], [col('expected')], base, 3)).toHaveLength(3)
  })
})
