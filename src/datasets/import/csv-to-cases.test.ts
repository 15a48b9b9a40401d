import { describe, expect, it } from 'vitest'
import { parseAssertionShorthand } from './assertion-shorthand'
import { parseCsv } from './csv'
import { csvToCases, defaultCsvMapping } from './csv-to-cases'
import { ImportError, IssueList } from './import-errors'

describe('parseAssertionShorthand', () => {
  it('reads type:value, type(threshold):value, aliases, negation, lists and bare values', () => {
    const a = (s: string): unknown => parseAssertionShorthand(s)
    expect(a('contains:Paris')).toEqual({ assertion: { type: 'contains', value: 'Paris' }, bare: false })
    expect(a('similar(0.8):the capital is Paris')).toEqual({
      assertion: { type: 'similar', value: 'the capital is Paris', threshold: 0.8 },
      bare: false
    })
    expect(a('grade:is polite')).toEqual({ assertion: { type: 'llm-rubric', value: 'is polite' }, bare: false })
    expect(a('fn:output.length < 10')).toEqual({ assertion: { type: 'javascript', value: 'output.length < 10' }, bare: false })
    expect(a('not-contains:error')).toEqual({ assertion: { type: 'not-contains', value: 'error' }, bare: false })
    expect(a('contains-any:a, b,c')).toEqual({ assertion: { type: 'contains-any', value: ['a', 'b', 'c'] }, bare: false })
    expect(a('is-json')).toEqual({ assertion: { type: 'is-json' }, bare: false })
    expect(a('Paris')).toEqual({ assertion: { type: 'equals', value: 'Paris' }, bare: true })
    expect(a('https://example.com')).toEqual({ assertion: { type: 'equals', value: 'https://example.com' }, bare: true })
    expect(() => parseAssertionShorthand('similar(high):x')).toThrow('threshold "high" is not a number')
  })
})

describe('csvToCases', () => {
  const text = [
    'question,context,__expected,__expected2,__description,__metadata:topic',
    'Capital of France?,geo,Paris,contains(0.5):Par,first case,geography',
    'Be nice,,grade:is polite,,,',
    ''
  ].join('\n')

  it('maps promptfoo columns by default', () => {
    const parsed = parseCsv(text)
    const mapping = defaultCsvMapping(parsed.header)
    expect(mapping).toEqual({
      vars: ['question', 'context'],
      assertions: ['__expected', '__expected2'],
      metadata: ['__metadata:topic'],
      notes: '__description'
    })
    expect(csvToCases(parsed, mapping, { fileName: 'cases.csv' })).toEqual([
      {
        vars: { question: 'Capital of France?', context: 'geo' },
        expected: 'Paris',
        assertions: [{ type: 'equals', value: 'Paris' }, { type: 'contains', value: 'Par', threshold: 0.5 }],
        tags: ['topic:geography'],
        notes: 'first case',
        source: 'cases.csv:2'
      },
      {
        vars: { question: 'Be nice', context: '' },
        expected: null,
        assertions: [{ type: 'llm-rubric', value: 'is polite' }],
        tags: [],
        notes: '',
        source: 'cases.csv:3'
      }
    ])
  })

  it('applies an explicit mapping with expected, tags and notes columns', () => {
    const parsed = parseCsv('input,answer,labels,comment,ignored\nhi,hello,"a, b;c",note,x\nyo,,,,\n')
    const cases = csvToCases(parsed, { vars: ['input'], expected: 'answer', tags: 'labels', notes: 'comment' })
    expect(cases.map((c) => [c.vars, c.expected, c.tags, c.notes])).toEqual([
      [{ input: 'hi' }, 'hello', ['a', 'b', 'c'], 'note'],
      [{ input: 'yo' }, null, [], '']
    ])
  })

  it('reports unknown mapped columns and bad thresholds with line and field', () => {
    const parsed = parseCsv('q,__expected\na,similar(x):b\nc,d\n')
    const issues = new IssueList()
    csvToCases(parsed, { vars: ['q', 'missing'], assertions: ['__expected'] }, { issues })
    expect(issues.items).toEqual([
      { line: 1, column: null, field: 'missing', message: 'vars column "missing" is not in the header (q, __expected)' },
      { line: 2, column: null, field: '__expected', message: 'threshold "x" is not a number — write e.g. similar(0.8):value' }
    ])
    expect(() => csvToCases(parsed, { vars: ['nope'] }, { fileName: 'f.csv' })).toThrow(ImportError)
  })
})
