import { describe, expect, it } from 'vitest'
import { tableToCases } from './apply-mapping'
import { parseAssertionShorthand, toShorthand } from './assertion-shorthand'
import { describeColumns, resolveMapping, suggestMapping, templateName } from './column-mapping'
import { parseCsv } from './csv'
import { ImportError, IssueList } from './import-errors'
import { csvTable, recordsTable } from './table'

const table = (text: string) => csvTable(parseCsv(text))

describe('parseAssertionShorthand and toShorthand', () => {
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

  it('writes every promptfoo form back as shorthand, and refuses what has none', () => {
    const forms = [
      { type: 'contains', value: 'a, "b"\nc' },
      { threshold: 0.75, type: 'similar', value: 'x' },
      { type: 'not-icontains', value: 'Error' },
      { type: 'contains-any', value: ['a', 'b'] },
      { type: 'is-json' },
      { type: 'equals', value: 'Paris' },
      { type: 'llm-rubric', value: 'is polite' }
    ]
    for (const f of forms) {
      const cell = toShorthand(f)
      expect(cell).not.toBeNull()
      expect(parseAssertionShorthand(cell!).assertion).toEqual(f)
    }
    expect(toShorthand({ type: 'json-path-equals', path: '$.a', value: 'b' })).toBeNull()
    expect(toShorthand({ type: 'contains', value: { a: 1 } })).toBeNull()
    expect(toShorthand({ type: 'contains-any', value: ['a,b'] })).toBeNull()
    expect(toShorthand({ type: 'made-up', value: 'x' })).toBeNull()
    expect(toShorthand({ type: 'contains' })).toBeNull()
  })
})

describe('suggested mapping', () => {
  it('maps promptfoo columns: __expected as assertions when any cell is a shorthand', () => {
    const t = table('question,context,__expected,__expected2,__description,__metadata:topic\nCapital?,geo,Paris,contains(0.5):Par,first,geography\nBe nice,,grade:is polite,,,\n')
    expect(suggestMapping(t)).toEqual([
      { column: 'question', role: 'var' },
      { column: 'context', role: 'var' },
      { column: '__expected', role: 'assertion' },
      { column: '__expected2', role: 'assertion' },
      { column: '__description', role: 'description' },
      { column: '__metadata:topic', role: 'metadata', name: 'topic' }
    ])
    expect(tableToCases(t, suggestMapping(t), { fileName: 'cases.csv' })).toEqual([
      {
        vars: { question: 'Capital?', context: 'geo' },
        expected: 'Paris',
        assertions: [{ type: 'equals', value: 'Paris' }, { type: 'contains', value: 'Par', threshold: 0.5 }],
        tags: ['topic:geography'],
        notes: 'first',
        source: 'cases.csv:2'
      },
      { vars: { question: 'Be nice', context: '' }, expected: null, assertions: [{ type: 'llm-rubric', value: 'is polite' }], tags: [], notes: '', source: 'cases.csv:3' }
    ])
  })

  it('reads a plain-valued __expected as the expected output, and explains both choices', () => {
    const t = table('q,__expected,__assertions,__tags\na,Paris,"[{""type"":""is-json""}]","x, y"\n')
    const columns = describeColumns(t)
    expect(columns.map((c) => c.suggested.role)).toEqual(['var', 'expected', 'assertions-json', 'tags'])
    expect(columns[1]).toMatchObject({ samples: ['Paris'], filled: 1, note: expect.stringMatching(/Assertion/) })
    expect(tableToCases(t, suggestMapping(t))[0]).toMatchObject({ expected: 'Paris', assertions: [{ type: 'is-json' }], tags: ['x', 'y'] })
  })

  it('flags names a template cannot use and proposes one', () => {
    const [col] = describeColumns(table('Customer name\nAda\n'))
    expect(col!.note).toMatch(/cannot be written as \{\{Customer name\}\}.*"Customer_name"/)
    expect(templateName('2nd try!')).toBe('_2nd_try')
  })

  it('gives JSON tests vars.* columns and their fields; flat objects their keys', () => {
    const issues = new IssueList()
    const tests = recordsTable([{ vars: { q: 'a', n: 2 }, expected: 'A', assert: [{ type: 'equals', value: 'A' }], options: {} }], [1], issues)
    expect(tests.shape).toBe('tests')
    expect(suggestMapping(tests)).toEqual([
      { column: 'vars.q', role: 'var', name: 'q' },
      { column: 'vars.n', role: 'var', name: 'n' },
      { column: 'expected', role: 'expected' },
      { column: 'assert', role: 'assertions-json' },
      { column: 'options', role: 'ignore' }
    ])
    expect(tableToCases(tests, suggestMapping(tests))[0]).toMatchObject({ vars: { q: 'a', n: 2 }, expected: 'A', assertions: [{ type: 'equals', value: 'A' }] })
    const flat = recordsTable([{ q: 'a', obj: { k: 1 } }, { q: 'b' }, 'nope'], [1, 2, 3], issues)
    expect(flat).toMatchObject({ shape: 'records', columns: ['q', 'obj'] })
    expect(tableToCases(flat, suggestMapping(flat)).map((c) => c.vars)).toEqual([{ q: 'a', obj: { k: 1 } }, { q: 'b' }])
    expect(issues.items).toEqual([{ line: 3, column: null, field: null, message: 'expected a JSON object, got a string' }])
  })
})

describe('tableToCases with a mapping', () => {
  it('renames and ignores columns, and reads expected, tags, notes and metadata columns', () => {
    const t = table('input,answer,labels,comment,ignored,region\nhi,hello,"a, b;c",note,x,eu\nyo,,"[""p,q""]",,,\n')
    const cases = tableToCases(t, [
      { column: 'input', role: 'var', name: 'greeting' },
      { column: 'answer', role: 'expected' },
      { column: 'labels', role: 'tags' },
      { column: 'comment', role: 'notes' },
      { column: 'ignored', role: 'ignore' },
      { column: 'region', role: 'metadata' }
    ])
    expect(cases.map((c) => [c.vars, c.expected, c.tags, c.notes])).toEqual([
      [{ greeting: 'hi' }, 'hello', ['a', 'b', 'c', 'region:eu'], 'note'],
      [{ greeting: 'yo' }, null, ['p,q'], '']
    ])
  })

  it('refuses a mapping naming a missing column, a column twice, two columns for one variable, an empty name, two expected columns', () => {
    const t = table('q,a,b\n1,2,3\n')
    const issues = new IssueList()
    resolveMapping(
      t,
      [
        { column: 'missing', role: 'var' },
        { column: 'q', role: 'var', name: 'x' },
        { column: 'q', role: 'tags' },
        { column: 'a', role: 'var', name: 'x' },
        { column: 'b', role: 'var', name: '  ' }
      ],
      issues
    )
    expect(issues.items.map((i) => [i.line, i.field, i.message])).toEqual([
      [1, 'missing', 'the mapping names column "missing", which is not in the file (columns: q, a, b) — pick one of those or drop it from the mapping'],
      [1, 'q', 'column "q" is mapped twice — give each column one role'],
      [1, 'a', 'columns "q" and "a" are both mapped to variable "x" — rename one of them or ignore one'],
      [1, 'b', 'column "b" is mapped to a variable with an empty name — type a name, or set the column to Ignore']
    ])
    expect(() => tableToCases(t, [{ column: 'a', role: 'expected' }, { column: 'b', role: 'expected' }], { fileName: 'f.csv' })).toThrow(/both mapped to the expected output/)
  })

  it('reports bad thresholds and bad assertion JSON by line and column name, all at once', () => {
    const t = table('q,__expected,__assertions\na,similar(x):b,\nc,d,[oops\ne,f,"[1]"\n')
    const err = (() => {
      try {
        tableToCases(t, suggestMapping(t), { fileName: 'f.csv' })
      } catch (e) {
        return e as ImportError
      }
      throw new Error('expected an ImportError')
    })()
    expect(err).toBeInstanceOf(ImportError)
    expect(err.issues.map((i) => [i.line, i.field, i.message.split(' —')[0]!.split(' (')[0]])).toEqual([
      [2, '__expected', 'threshold "x" is not a number'],
      [3, '__assertions', 'not valid JSON'],
      [4, '__assertions', 'expected assertion objects with a "type"']
    ])
  })
})
