import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv'
import { ImportError, IssueList } from './import-errors'

function issuesOf(text: string): IssueList {
  const issues = new IssueList()
  parseCsv(text, { issues })
  return issues
}

describe('parseCsv', () => {
  it('parses quotes, escaped quotes, embedded commas and newlines, and an empty trailing line', () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n2,"two\nlines",\n'
    const r = parseCsv(text)
    expect(r.header).toEqual(['a', 'b', 'c'])
    expect(r.rows).toEqual([
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', '']
    ])
    expect(r.rowLines).toEqual([2, 3])
  })

  it('treats CRLF and CR like LF and skips blank lines', () => {
    const r = parseCsv('a,b\r\n1,2\r\n\r\n3,"x\r\ny"\r4,5')
    expect(r.rows).toEqual([['1', '2'], ['3', 'x\ny'], ['4', '5']])
    expect(r.rowLines).toEqual([2, 4, 6])
  })

  it('reports an unclosed quote where it opened', () => {
    const issues = issuesOf('a,b\n1,2\n3,"open\n4,5\n')
    expect(issues.items).toEqual([
      { line: 3, column: 3, field: null, message: 'unclosed quote — close the quote or escape it as ""' }
    ])
  })

  it('reports a stray quote in an unquoted field and text after a closing quote', () => {
    const issues = issuesOf('a,b\nab"c,2\n"x"y,3\n')
    expect(issues.items.map((i) => [i.line, i.column, i.message.split(' —')[0]])).toEqual([
      [2, 3, 'stray quote in an unquoted field'],
      [3, 4, 'unexpected text after a closing quote']
    ])
  })

  it('reports ragged rows with the expected and actual field counts', () => {
    const issues = issuesOf('a,b,c\n1,2,3\n1,2\n1,2,3,4\n')
    expect(issues.items).toEqual([
      { line: 3, column: null, field: null, message: 'expected 3 fields, got 2' },
      { line: 4, column: null, field: null, message: 'expected 3 fields, got 4' }
    ])
  })

  it('reports empty and duplicate header names with their columns', () => {
    const issues = issuesOf('name,,name,q\n1,2,3,4\n')
    expect(issues.items).toEqual([
      { line: 1, column: 6, field: null, message: 'header 2 is empty — give every column a name' },
      { line: 1, column: 7, field: 'name', message: 'duplicate header "name" (also column 1) — rename one of them' }
    ])
  })

  it('reports an empty file', () => {
    expect(issuesOf('\n\n').items[0]?.message).toBe('the file is empty — expected a header row')
  })

  it('throws one ImportError with every problem when no collector is given', () => {
    const err = (() => {
      try {
        parseCsv('a,b\n1\n2\n3,"x', { fileName: 'cases.csv' })
      } catch (e) {
        return e
      }
      return null
    })()
    expect(err).toBeInstanceOf(ImportError)
    const e = err as ImportError
    expect(e.total).toBe(3)
    expect(e.issues.map((i) => [i.line, i.column])).toEqual([[2, null], [3, null], [4, 3]])
    expect(e.message).toBe('3 problems in cases.csv; first: line 2: expected 2 fields, got 1')
  })

  it('lists the first 100 problems and counts them all', () => {
    const lines = ['a,b']
    for (let k = 0; k < 150; k++) lines.push('only-one')
    const issues = issuesOf(lines.join('\n'))
    expect(issues.total).toBe(150)
    expect(issues.items).toHaveLength(100)
    expect(issues.items[99]?.line).toBe(101)
  })
})
