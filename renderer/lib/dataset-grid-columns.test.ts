import { describe, expect, it } from 'vitest'
import { buildColumns, cellText, parseCell } from './dataset-grid-columns'

const columns = buildColumns(
  [
    { name: 'ticket', type: 'string', description: '', required: true },
    { name: 'priority', type: 'number', description: '', required: false },
    { name: 'vip', type: 'boolean', description: '', required: false },
    { name: 'meta', type: 'json', description: '', required: false }
  ],
  ['ticket', 'channel']
)
const col = (id: string) => columns.find((c) => c.id === id)!

describe('grid columns', () => {
  it('follow the contract variables, then other case variables, then the case fields', () => {
    expect(columns.map((c) => c.id)).toEqual(['var:ticket', 'var:priority', 'var:vip', 'var:meta', 'var:channel', 'expected', 'assertions', 'tags', 'notes'])
    expect(col('var:channel').varType).toBeNull()
  })

  it('show each field as text', () => {
    const c = { vars: { ticket: 'Help', priority: 2, meta: { a: 1 } }, expected: null, assertions: [{ type: 'contains', value: 'x' }], tags: ['a', 'b'], notes: 'n' }
    expect(columns.map((column) => cellText(c, column))).toEqual(['Help', '2', '', '{"a":1}', '', '', '[{"type":"contains","value":"x"}]', 'a, b', 'n'])
  })

  it('parse text by the variable type, with messages that say how to fix it', () => {
    expect(parseCell(col('var:priority'), ' 3 ')).toEqual({ ok: true, value: 3 })
    expect(parseCell(col('var:priority'), 'high')).toEqual({ ok: false, message: 'priority is a number, e.g. 3 or 0.5.' })
    expect(parseCell(col('var:vip'), 'TRUE')).toEqual({ ok: true, value: true })
    expect(parseCell(col('var:vip'), 'yes')).toMatchObject({ ok: false })
    expect(parseCell(col('var:meta'), '{"a":1}')).toEqual({ ok: true, value: { a: 1 } })
    expect(parseCell(col('var:meta'), 'plain')).toMatchObject({ ok: false, message: expect.stringContaining('is JSON') })
    expect(parseCell(col('var:ticket'), '')).toEqual({ ok: true, value: undefined })
    expect(parseCell(col('expected'), '')).toEqual({ ok: true, value: null })
    expect(parseCell(col('tags'), ' a, b ,, a ')).toEqual({ ok: true, value: ['a', 'b'] })
  })

  it('validate assertions as a JSON array of {type, value?, threshold?, weight?}', () => {
    expect(parseCell(col('assertions'), '')).toEqual({ ok: true, value: [] })
    expect(parseCell(col('assertions'), '[{"type":"similar","value":"hi","threshold":0.8,"weight":2}]')).toEqual({
      ok: true,
      value: [{ type: 'similar', value: 'hi', threshold: 0.8, weight: 2 }]
    })
    expect(parseCell(col('assertions'), '[{type: contains}]')).toMatchObject({ ok: false, message: expect.stringContaining('Not valid JSON') })
    expect(parseCell(col('assertions'), '{"type":"contains"}')).toMatchObject({ ok: false, message: expect.stringContaining('JSON array of objects') })
    expect(parseCell(col('assertions'), '[{"value":"x"}]')).toMatchObject({ ok: false, message: expect.stringMatching(/^assertion 1 \(type\): each assertion needs a "type"/) })
    expect(parseCell(col('assertions'), '[{"type":"llm-rubric","threshold":"high"}]')).toMatchObject({ ok: false, message: expect.stringContaining('"threshold" must be a number') })
  })
})
