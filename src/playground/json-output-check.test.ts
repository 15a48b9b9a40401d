import { describe, expect, it } from 'vitest'
import { createJsonChecker } from './json-output-check'

describe('JSON output check', () => {
  it('is off for text output', () => {
    expect(createJsonChecker({ kind: 'text' })).toBeNull()
  })

  it('json_object wants an object', () => {
    const check = createJsonChecker({ kind: 'json_object' })!
    expect(check('{"a":1}')).toMatchObject({ valid: true, parsed: true, value: { a: 1 } })
    expect(check('[1]')).toMatchObject({ valid: false, parsed: true, errors: ['Expected a JSON object'] })
    expect(check('nope')).toMatchObject({ valid: false, parsed: false })
  })

  it('json_schema validates with ajv and reports the first errors', () => {
    const check = createJsonChecker({
      kind: 'json_schema',
      name: 'out',
      schema: { type: 'object', required: ['label'], properties: { label: { type: 'string', enum: ['a', 'b'] } } }
    })!
    expect(check(' {"label":"a"} ')).toMatchObject({ valid: true, errors: [] })
    const bad = check('{"label":"c"}')
    expect(bad.valid).toBe(false)
    expect(bad.errors[0]).toMatch(/\/label/)
    expect(check('{}').errors[0]).toMatch(/label/)
  })

  it('reports a schema that does not compile instead of throwing', () => {
    const check = createJsonChecker({ kind: 'json_schema', name: 'out', schema: { type: 'no-such-type' } })!
    expect(check('{}')).toMatchObject({ valid: false, parsed: true })
  })
})
