import { describe, expect, it } from 'vitest'
import { checkOutputSchema, findKey } from './output-schema-check'

describe('checkOutputSchema', () => {
  it('accepts a valid object schema, formats included', () => {
    expect(
      checkOutputSchema({
        type: 'object',
        properties: { email: { type: 'string', format: 'email' }, tags: { type: 'array', items: { type: 'string' } } },
        required: ['email'],
        additionalProperties: false
      })
    ).toEqual([])
  })

  it('names the place and the allowed values for a misspelt type', () => {
    const [problem, ...rest] = checkOutputSchema({ type: 'object', properties: { age: { type: 'integr' } } })
    expect(rest).toEqual([])
    expect(problem).toEqual({
      path: 'output.schema',
      severity: 'error',
      message: expect.stringMatching(/^The output schema is not valid JSON Schema at #\/properties\/age\/type: it must be equal to one of the allowed values; use one of "array", "boolean", "integer"/)
    })
  })

  it('refuses an unknown keyword (strict mode) at its place', () => {
    expect(checkOutputSchema({ type: 'object', properties: { a: { type: 'string', maxLenght: 3 } } })).toEqual([
      expect.objectContaining({ severity: 'error', message: 'The output schema uses the unknown keyword "maxLenght" at #/properties/a: correct its spelling (e.g. "properties", "required", "items") or remove it.' })
    ])
  })

  it('refuses required names that properties does not define, and properties without a type', () => {
    expect(checkOutputSchema({ type: 'object', properties: { a: { type: 'string' } }, required: ['a', 'b'] })[0]!.message).toBe(
      'The output schema requires "b" at # but does not define it under "properties": add "b" to "properties" or remove it from "required".'
    )
    expect(checkOutputSchema({ type: 'object', properties: { x: { properties: {} } } })[0]!.message).toBe(
      'The output schema uses "properties" at #/properties/x without "type": "object": add "type": "object" there.'
    )
  })

  it('refuses a reference that points nowhere', () => {
    expect(checkOutputSchema({ type: 'object', properties: { x: { $ref: '#/$defs/nope' } } })[0]!.message).toMatch(/"\$ref": "#\/\$defs\/nope" \(at #\/properties\/x\) points nowhere/)
  })

  it('understands the 2020-12 dialect', () => {
    expect(checkOutputSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', $defs: { s: { type: 'string' } }, properties: { a: { $ref: '#/$defs/s' } } })).toEqual([])
  })

  it('warns when the root is not an object', () => {
    expect(checkOutputSchema({ type: 'string' })).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/root is not "type": "object"/) })])
  })
})

describe('findKey', () => {
  it('finds the first object holding a key, as a JSON pointer', () => {
    expect(findKey({ a: [{ b: 1 }, { 'x/y': { k: 1 } }] }, 'k')).toBe('#/a/1/x~1y')
    expect(findKey({ a: 1 }, 'zzz')).toBeNull()
  })
})
