import { describe, expect, it } from 'vitest'
import { tableToCases } from '../import/apply-mapping'
import { suggestMapping } from '../import/column-mapping'
import { parseCsv } from '../import/csv'
import { parseJsonl } from '../import/jsonl'
import { csvTable } from '../import/table'
import { csvField, csvHeader, csvLines, jsonlLine, planCsv, type ExportCase } from './case-format'

const csvOf = (cases: ExportCase[]): string => [...csvLines(cases, planCsv(cases))].join('')
const csvBack = (text: string) => {
  const table = csvTable(parseCsv(text))
  return tableToCases(table, suggestMapping(table)).map(({ source: _source, ...c }) => c)
}

/** Awkward text: commas, quotes, both line breaks inside a field, unicode, leading spaces, formula-looking cells. */
const CASES: ExportCase[] = [
  {
    vars: { question: 'Capital of "France", please?', context: 'line one\nline two', emoji: 'naïve café 😀 東京' },
    expected: 'Paris',
    assertions: [{ type: 'equals', value: 'Paris' }, { type: 'contains', value: 'a, "b"' }, { type: 'json-path-equals', path: '$.x', value: 1 }, { type: 'is-json' }],
    tags: ['geo', 'topic:capitals'],
    notes: 'first, "quoted"\nnote'
  },
  {
    vars: { question: '=SUM(A1)', context: '  padded  ', emoji: '' },
    expected: null,
    assertions: [{ threshold: 0.8, type: 'similar', value: 'x' }],
    tags: ['has,comma', 'semi;colon'],
    notes: ''
  },
  { vars: { question: 'contains:not an assertion', context: ',', emoji: '"' }, expected: 'multi\nline "expected"', assertions: [], tags: [], notes: '' }
]

describe('CSV export', () => {
  it('plans promptfoo columns: variables, __expected, __expectedN shorthands, then JSON, tags and notes', () => {
    expect(csvHeader(planCsv(CASES))).toEqual(['question', 'context', 'emoji', '__expected', '__expected1', '__expected2', '__assertions', '__tags', '__description'])
    const text = csvOf(CASES)
    const [header, first] = text.split('\r\n')
    expect(header).toBe('question,context,emoji,__expected,__expected1,__expected2,__assertions,__tags,__description')
    expect(first).toMatch(/^"Capital of ""France"", please\?","line one\nline two",naïve café 😀 東京,Paris,equals:Paris,/)
    expect(text).toContain('equals:Paris,"contains:a, ""b"""')
    expect(text).toContain('"[{""type"":""json-path-equals"",""path"":""$.x"",""value"":1},{""type"":""is-json""}]"')
    expect(text).toContain('"[""has,comma"",""semi;colon""]"')
    expect(text.endsWith('\r\n')).toBe(true)
  })

  it('reads back as the same cases (RFC 4180 quoting, unicode, assertions in order)', () => {
    expect(csvBack(csvOf(CASES))).toEqual(CASES)
  })

  it('quotes only what needs it, and keeps a one-column file of empty values', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('x\r\ny')).toBe('"x\r\ny"')
    const empty: ExportCase[] = [{ vars: { q: '' }, expected: null, assertions: [], tags: [], notes: '' }]
    expect(csvOf(empty)).toBe('q\r\n""\r\n')
    expect(csvBack(csvOf(empty))).toEqual(empty)
    expect(csvOf([{ vars: {}, expected: null, assertions: [], tags: [], notes: '' }])).toBe('__description\r\n""\r\n')
  })

  it('writes non-text variables as JSON text and missing ones as empty cells', () => {
    const cases: ExportCase[] = [
      { vars: { n: 42, obj: { a: [1, 'x'] } }, expected: null, assertions: [], tags: [], notes: '' },
      { vars: { extra: 'only here' }, expected: null, assertions: [], tags: [], notes: '' }
    ]
    expect(csvOf(cases)).toBe('n,obj,extra\r\n42,"{""a"":[1,""x""]}",\r\n,,only here\r\n')
  })
})

describe('JSONL export', () => {
  it('writes one {vars, expected, assertions, tags, notes} object per line and reads back exactly', () => {
    const text = CASES.map(jsonlLine).join('')
    expect(text.split('\n')).toHaveLength(CASES.length + 1)
    expect(JSON.parse(text.split('\n')[0]!)).toEqual(CASES[0])
    expect(parseJsonl(text).map(({ source: _source, ...c }) => c)).toEqual(CASES)
  })
})
