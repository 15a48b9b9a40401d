import { describe, expect, it } from 'vitest'
import { parseCaseLines } from './case-lines'
import { caseLine } from './model'
import { formatProblem, ProblemList } from './problems'
import { renderCases } from './render'

describe('dataset cases as JSONL', () => {
  it('writes keys in a fixed order, leaves empty ones out, and reads every line back the same', () => {
    const cases = [
      { vars: { ticket: 'Zweimal belastet — bitte erstatten.\nDanke! 😀', tier: 'pro' }, expected: '{"category":"billing"}', assertions: [{ type: 'is-json' }], tags: ['billing'], notes: 'multi\nline' },
      { vars: { n: 1, nested: { b: 2, a: [1, 'x'] } }, expected: null, assertions: [], tags: [], notes: '' },
      { vars: {}, expected: '', assertions: [], tags: [], notes: '' }
    ]
    const text = renderCases(cases)
    expect(text.split('\n')).toEqual([
      '{"vars":{"ticket":"Zweimal belastet — bitte erstatten.\\nDanke! 😀","tier":"pro"},"expected":"{\\"category\\":\\"billing\\"}","assertions":[{"type":"is-json"}],"tags":["billing"],"notes":"multi\\nline"}',
      '{"vars":{"n":1,"nested":{"b":2,"a":[1,"x"]}}}',
      '{"vars":{},"expected":""}',
      ''
    ])
    const problems = new ProblemList()
    const parsed = parseCaseLines(text, 'datasets/a.jsonl', problems)
    expect(problems.total).toBe(0)
    expect(parsed.cases).toEqual(cases)
    expect(parsed.lines).toEqual([1, 2, 3])
    expect(renderCases(parsed.cases)).toBe(text)
    expect(renderCases([])).toBe('')
  })

  it('skips blank lines but keeps counting them', () => {
    const problems = new ProblemList()
    const parsed = parseCaseLines('\n{"vars":{"a":1}}\n\n{"vars":{"a":2}}', 'd.jsonl', problems)
    expect(parsed.lines).toEqual([2, 4])
    expect(parsed.cases.map(caseLine)).toEqual(['{"vars":{"a":1}}', '{"vars":{"a":2}}'])
  })

  it('lists every bad line by number (with the column of a JSON syntax error), and the total beyond 100', () => {
    const good = '{"vars":{"q":"ok"}}'
    const lines = [good, '{"vars":{"q":"broken}', '[1,2]', '{"vars":{},"expect":"typo"}', '{"vars":"not an object"}', good]
    const problems = new ProblemList()
    parseCaseLines(lines.join('\n'), 'datasets/a.jsonl', problems)
    expect(problems.list().map((p) => formatProblem(p))).toEqual([
      expect.stringMatching(/^datasets\/a\.jsonl:2:\d+: invalid JSON/),
      expect.stringMatching(/^datasets\/a\.jsonl:3:1: expected a JSON object .* got an array/),
      expect.stringMatching(/^datasets\/a\.jsonl:4: unknown key "expect" — a case has vars, expected/),
      expect.stringMatching(/^datasets\/a\.jsonl:5: vars: /)
    ])
    const many = new ProblemList()
    parseCaseLines(Array.from({ length: 150 }, () => 'nope').join('\n'), 'b.jsonl', many)
    expect(many.total).toBe(150)
    expect(many.list()).toHaveLength(100)
    expect(many.list()[99]?.line).toBe(100)
  })
})
