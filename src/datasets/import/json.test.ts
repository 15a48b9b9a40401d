import { describe, expect, it } from 'vitest'
import { IssueList } from './import-errors'
import { parseJson } from './json'
import { jsonSyntaxErrorOffset } from './json-position'
import { parseJsonl } from './jsonl'

describe('parseJsonl', () => {
  it('reads promptfoo tests and flat objects, skipping blank lines', () => {
    const text = [
      '{"vars":{"q":"hi"},"assert":[{"type":"contains","value":"hello"}],"description":"greeting","metadata":{"lang":"en"}}',
      '',
      '{"q":"flat","n":2}',
      '{"vars":{"q":"x"},"expected":"y","tags":["t"],"notes":"n"}'
    ].join('\n')
    expect(parseJsonl(text, { fileName: 'cases.jsonl' })).toEqual([
      {
        vars: { q: 'hi' },
        expected: null,
        assertions: [{ type: 'contains', value: 'hello' }],
        tags: ['lang:en'],
        notes: 'greeting',
        source: 'cases.jsonl:1'
      },
      { vars: { q: 'flat', n: 2 }, expected: null, assertions: [], tags: [], notes: '', source: 'cases.jsonl:3' },
      { vars: { q: 'x' }, expected: 'y', assertions: [], tags: ['t'], notes: 'n', source: 'cases.jsonl:4' }
    ])
  })

  it('reports an invalid line with the JSON parse column, and bad fields by line and path', () => {
    const text = ['{"q":1}', '{"q": }', '{"vars":{"a":1},"tags":"x"}', '[1,2]', '{"vars":{},"assert":[{"type":"x"}],"options":{}}', '{"q":"unterminated'].join('\n')
    const issues = new IssueList()
    parseJsonl(text, { issues })
    expect(issues.items.map((i) => [i.line, i.column, i.field])).toEqual([
      [2, 7, null],
      [3, null, 'tags'],
      [4, null, null],
      [5, null, null],
      [6, 19, null]
    ])
    expect(issues.items[0]?.message).toMatch(/^invalid JSON: Unexpected token/)
    expect(issues.items[2]?.message).toBe('expected a JSON object, got an array')
    expect(issues.items[3]?.message).toMatch(/^unknown key "options"/)
    expect(issues.items[4]?.message).toBe('invalid JSON: unexpected end of line — each line must be one complete JSON object')
  })
})

describe('parseJson', () => {
  it('reads an array or { cases: [...] } and gives each case the line it starts on', () => {
    const arr = '[\n  {"q": "a"},\n  {\n    "vars": {"q": "b"}, "expected": "B"\n  }\n]\n'
    expect(parseJson(arr, { fileName: 'd.json' }).map((c) => [c.vars, c.expected, c.source])).toEqual([
      [{ q: 'a' }, null, 'd.json:2'],
      [{ q: 'b' }, 'B', 'd.json:3']
    ])
    const wrapped = '{"name": "x", "other": [1, 2],\n "cases": [\n {"q": "[,]"},\n {"q": 2}]}'
    expect(parseJson(wrapped).map((c) => c.source)).toEqual(['input.json:3', 'input.json:4'])
  })

  it('reports the syntax error position, a wrong root, and bad cases by line', () => {
    const issues = new IssueList()
    parseJson('[\n {"q": 1},\n {"q": 2,}\n]', { issues })
    expect(issues.items.map((i) => [i.line, i.column])).toEqual([[3, 10]])

    const wrongRoot = new IssueList()
    parseJson('{"rows": []}', { issues: wrongRoot })
    expect(wrongRoot.items[0]?.message).toBe('expected an array of cases or an object with a "cases" array')

    const bad = new IssueList()
    parseJson('[\n {"q": 1},\n {"vars": {"q": 2}, "expected": 3}\n]', { issues: bad })
    expect(bad.items).toEqual([{ line: 3, column: null, field: 'expected', message: expect.any(String) }])
  })

  it('finds syntax error offsets', () => {
    expect(jsonSyntaxErrorOffset('{"a": [1, 2,]}')).toBe(12)
    expect(jsonSyntaxErrorOffset('{"a": "\\x"}')).toBe(8)
    expect(jsonSyntaxErrorOffset('{"a": 1} x')).toBe(9)
    expect(jsonSyntaxErrorOffset('{"a": [true, null, -1.5e3, "\\u00e9"]}')).toBe(-1)
  })
})
