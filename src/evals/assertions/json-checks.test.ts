import { describe, expect, it } from 'vitest'
import { runOne } from './test-support'

const schema = { type: 'object', required: ['label'], properties: { label: { enum: ['bug', 'billing'] }, score: { type: 'number' } } }

describe('is-json', () => {
  it('passes on JSON (whitespace around it is fine) and fails on anything else', async () => {
    expect(await runOne({ type: 'is-json' }, ' {"a": 1}\n')).toMatchObject({ status: 'pass', reason: 'Output is valid JSON' })
    expect((await runOne({ type: 'is-json' }, '```json\n{"a":1}\n```')).reason).toMatch(/^Output is not valid JSON: /)
  })
  it('also checks a schema when given one', async () => {
    expect(await runOne({ type: 'is-json', value: schema }, '{"label":"bug"}')).toMatchObject({ status: 'pass', reason: 'Output is valid JSON and matches the schema' })
    expect(await runOne({ type: 'is-json', value: schema }, '{"label":"spam"}')).toMatchObject({
      status: 'fail',
      reason: 'Output is valid JSON but does not match the schema: /label must be equal to one of the allowed values'
    })
  })
})

describe('json-schema', () => {
  it('validates against the schema (object or JSON text), listing errors', async () => {
    expect(await runOne({ type: 'json-schema', value: JSON.stringify(schema) }, '{"label":"billing","score":1}')).toMatchObject({
      status: 'pass',
      reason: 'Output is JSON and matches the schema'
    })
    expect(await runOne({ type: 'json-schema', value: schema }, '{"score":"high"}')).toMatchObject({
      status: 'fail',
      reason: "Output is JSON but does not match the schema: / must have required property 'label'; /score must be number"
    })
    expect((await runOne({ type: 'json-schema', value: schema }, 'nope')).reason).toMatch(/^Output is not valid JSON, so it cannot match the schema: /)
  })
  it('is an error (not a fail) when the schema itself is broken', async () => {
    const broken = await runOne({ type: 'json-schema', value: { type: 'nonsense' } }, '{}')
    expect(broken).toMatchObject({ status: 'error', pass: false })
    expect(broken.error).toMatch(/^the JSON Schema does not compile: /)
    expect((await runOne({ type: 'json-schema', value: '{oops' }, '{}')).error).toMatch(/^the JSON Schema is not valid JSON: /)
  })
})

describe('json-path', () => {
  const output = JSON.stringify({ answer: 'Paris', items: [{ id: 1, price: 5 }, { id: 2, price: 15 }], meta: { lang: 'en-GB' } })
  it('equals: one match compares as the value, several as a list', async () => {
    expect(await runOne({ type: 'json-path', value: { path: '$.answer', equals: 'Paris' } }, output)).toMatchObject({ status: 'pass', reason: '$.answer equals "Paris"' })
    expect(await runOne({ type: 'json-path', value: { path: '$.items[*].id', equals: [1, 2] } }, output)).toMatchObject({ status: 'pass' })
    expect(await runOne({ type: 'json-path', value: { path: '$.items[0].id', equals: 2 } }, output)).toMatchObject({
      status: 'fail',
      reason: '$.items[0].id is 1, not 2'
    })
  })
  it('supports RFC 9535 filters', async () => {
    expect(await runOne({ type: 'json-path', value: { path: '$.items[?@.price < 10].id', equals: 1 } }, output)).toMatchObject({ status: 'pass' })
  })
  it('matches: every matched value must match the pattern', async () => {
    expect(await runOne({ type: 'json-path', value: { path: '$.meta.lang', matches: '^en-' } }, output)).toMatchObject({
      status: 'pass',
      reason: '$.meta.lang matches /^en-/ ("en-GB")'
    })
    expect(await runOne({ type: 'json-path', value: { path: '$.items[*].price', matches: '^\\d$' } }, output)).toMatchObject({
      status: 'fail',
      reason: '$.items[*].price does not match /^\\d$/: 15'
    })
  })
  it('without equals or matches, checks that the path exists', async () => {
    expect(await runOne({ type: 'json-path', value: { path: '$.meta' } }, output)).toMatchObject({ status: 'pass', reason: '$.meta exists ({"lang":"en-GB"})' })
    expect(await runOne({ type: 'json-path', value: { path: '$.missing' } }, output)).toMatchObject({ status: 'fail', reason: '$.missing matches nothing in the output' })
  })
  it('fails on non-JSON output and errors on an invalid path', async () => {
    expect((await runOne({ type: 'json-path', value: { path: '$.a' } }, 'plain text')).reason).toMatch(/^Output is not valid JSON, so \$\.a cannot be read: /)
    const bad = await runOne({ type: 'json-path', value: { path: '$[?' } }, output)
    expect(bad.status).toBe('error')
    expect(bad.error).toMatch(/^"\$\[\?" is not a valid JSONPath \(RFC 9535\): /)
  })
})
