import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '../../../../src/core/api/dataset-transfer-operations'
import { initialMapping } from '../../../stores/dataset-transfer-store'
import { mappingProblems, nameHint, problemTotal } from './import-mapping'

const preview = (columns: Array<[string, ImportPreview['columns'][0]['suggested']]>): ImportPreview => ({
  fileName: 'f.csv',
  format: 'csv',
  shape: 'table',
  sizeBytes: 10,
  rowCount: 1,
  columns: columns.map(([name, suggested]) => ({ name, samples: [], filled: 1, suggested, note: null })),
  problems: { total: 0, issues: [] }
})

describe('import mapping helpers', () => {
  it('writes out every name of the suggested mapping', () => {
    const mapping = initialMapping(
      preview([
        ['q', { column: 'q', role: 'var' }],
        ['vars.x', { column: 'vars.x', role: 'var', name: 'x' }],
        ['__metadata:topic', { column: '__metadata:topic', role: 'metadata', name: 'topic' }],
        ['__expected', { column: '__expected', role: 'expected' }]
      ])
    )
    expect(mapping).toEqual([
      { column: 'q', role: 'var', name: 'q' },
      { column: 'vars.x', role: 'var', name: 'x' },
      { column: '__metadata:topic', role: 'metadata', name: 'topic' },
      { column: '__expected', role: 'expected' }
    ])
  })

  it('finds empty and repeated variable names and a second expected column', () => {
    expect(
      mappingProblems([
        { column: 'a', role: 'var', name: 'x' },
        { column: 'b', role: 'var', name: 'x' },
        { column: 'c', role: 'var', name: ' ' },
        { column: 'd', role: 'expected' },
        { column: 'e', role: 'expected' },
        { column: 'f', role: 'ignore', name: '' }
      ])
    ).toEqual({
      b: '"a" is already variable "x": rename one of them.',
      c: 'Type a variable name, or set the column to Ignore.',
      e: '"d" is already the expected output: keep one.'
    })
    expect(nameHint({ column: 'a', role: 'var', name: 'my col' })).toMatch(/not a valid template variable/)
    expect(nameHint({ column: 'a', role: 'var', name: 'my_col' })).toBeNull()
  })

  it('reads the total of an import error', () => {
    expect(problemTotal('2,345 problems', 100)).toBe(100)
    expect(problemTotal('245 problems in big.csv; first: …', 100)).toBe(245)
    expect(problemTotal('1 problem in a.csv; first: …', 1)).toBe(1)
  })
})
