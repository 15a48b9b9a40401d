import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { generateFromSchema, generateJsonObject } from './json-from-schema'
import type { JsonSchema } from './json-from-schema'

const ajv = new Ajv({ strict: false, allErrors: true })
// Minimal format checks (ajv-formats is not a dependency).
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/)
ajv.addFormat('time', /^\d{2}:\d{2}:\d{2}Z$/)
ajv.addFormat('email', /^[^@\s]+@[^@\s]+\.[a-z]+$/)
ajv.addFormat('uri', /^https?:\/\/\S+$/)
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)

const SCHEMAS: Record<string, JsonSchema> = {
  flat: {
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 12, maxLength: 20 },
      count: { type: 'integer', minimum: 5, maximum: 9 },
      ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      even: { type: 'integer', minimum: 1, maximum: 20, multipleOf: 2 },
      active: { type: 'boolean' },
      nothing: { type: 'null' },
      status: { enum: ['open', 'closed', 'merged'] },
      version: { const: 3 },
      when: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' },
      at: { type: 'string', format: 'time' },
      contact: { type: 'string', format: 'email' },
      home: { type: 'string', format: 'uri' },
      key: { type: 'string', format: 'uuid' }
    },
    required: ['title', 'count', 'ratio', 'even', 'active', 'nothing', 'status', 'version', 'when', 'day', 'at', 'contact', 'home', 'key'],
    additionalProperties: false
  },
  arrays: {
    type: 'array',
    minItems: 4,
    maxItems: 6,
    items: { type: 'object', properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' }, maxItems: 1 } }, required: ['id', 'tags'] }
  },
  tuple: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], minItems: 2, maxItems: 2 },
  refs: {
    $defs: { money: { type: 'object', properties: { amount: { type: 'number', minimum: 0 }, currency: { enum: ['USD', 'EUR'] } }, required: ['amount', 'currency'], additionalProperties: false } },
    definitions: { id: { type: 'string', minLength: 8 } },
    type: 'object',
    properties: { price: { $ref: '#/$defs/money' }, sku: { $ref: '#/definitions/id' } },
    required: ['price', 'sku'],
    additionalProperties: false
  },
  unions: {
    type: 'object',
    properties: {
      a: { anyOf: [{ type: 'integer', minimum: 10, maximum: 10 }, { type: 'string' }] },
      b: { oneOf: [{ type: 'string', enum: ['x'] }, { type: 'null' }] },
      c: { type: ['string', 'null'], maxLength: 3 },
      d: { allOf: [{ type: 'object', properties: { p: { type: 'string' } }, required: ['p'] }, { properties: { q: { type: 'integer' } }, required: ['q'] }] }
    },
    required: ['a', 'b', 'c', 'd']
  },
  recursive: {
    $defs: { node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, required: ['name'] } },
    $ref: '#/$defs/node'
  },
  untyped: { properties: { x: {} }, required: ['x'] },
  trueSchema: true
}

describe('generateFromSchema', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`produces values valid against the "${name}" schema for many seeds`, () => {
      const validate = ajv.compile(schema)
      for (let seed = 0; seed < 50; seed++) {
        const value = generateFromSchema(schema, seed)
        expect(validate(value), `seed ${seed}: ${JSON.stringify(value)} ${JSON.stringify(validate.errors)}`).toBe(true)
      }
    })
  }

  it('is deterministic per seed and varies across seeds', () => {
    const schema = SCHEMAS['flat'] as JsonSchema
    expect(generateFromSchema(schema, 11)).toEqual(generateFromSchema(schema, 11))
    const distinct = new Set(Array.from({ length: 10 }, (_, seed) => JSON.stringify(generateFromSchema(schema, seed))))
    expect(distinct.size).toBeGreaterThan(5)
  })

  it('understands Gemini-style upper-case types and propertyOrdering', () => {
    const value = generateFromSchema(
      { type: 'OBJECT', properties: { b: { type: 'INTEGER' }, a: { type: 'STRING' } }, propertyOrdering: ['a', 'b'], required: ['a', 'b'] },
      1
    ) as Record<string, unknown>
    expect(Object.keys(value)).toEqual(['a', 'b'])
    expect(typeof value['a']).toBe('string')
    expect(Number.isInteger(value['b'])).toBe(true)
  })

  it('throws a clear error for remote $refs', () => {
    expect(() => generateFromSchema({ $ref: 'https://example.com/schema.json' }, 1)).toThrow(/only local references/)
  })

  it('makes a plain JSON object for json mode', () => {
    const value = generateJsonObject(5)
    expect(value).toEqual(generateJsonObject(5))
    expect(typeof value['answer']).toBe('string')
  })
})
