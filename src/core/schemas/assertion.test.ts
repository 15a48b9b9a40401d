import { describe, expect, it } from 'vitest'
import { ASSERTION_TYPES, Assertion, AssertionList, assertionBaseType, isNegatedType } from './assertion'

function firstMessage(input: unknown): string {
  const result = Assertion.safeParse(input)
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`)
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' | ')
}

describe('Assertion schema', () => {
  it('accepts every type and its not- form in promptfoo shape', () => {
    const examples: unknown[] = [
      { type: 'equals', value: 'Paris' },
      { type: 'equals', value: { a: 1 } },
      { type: 'contains', value: 'Paris', weight: 2, metric: 'accuracy' },
      { type: 'icontains', value: 'paris' },
      { type: 'contains-any', value: ['a', 'b'] },
      { type: 'contains-all', value: ['a', 'b'] },
      { type: 'icontains-any', value: 'a, b' },
      { type: 'icontains-all', value: ['a'] },
      { type: 'regex', value: '^\\d{3}$', config: { flags: 'i' } },
      { type: 'starts-with', value: 'Dear' },
      { type: 'is-json' },
      { type: 'is-json', value: { type: 'object' } },
      { type: 'json-schema', value: '{"type":"object"}' },
      { type: 'json-path', value: { path: '$.a', equals: 1 } },
      { type: 'json-path', value: { path: '$.a', matches: '^x' } },
      { type: 'levenshtein', value: 'hello', threshold: 2 },
      { type: 'similar', value: ['a', 'b'], threshold: 0.8, provider: 'openai/text-embedding-3-small' },
      { type: 'latency', threshold: 1500 },
      { type: 'ttft', threshold: 300 },
      { type: 'cost', threshold: 0.002 },
      { type: 'llm-rubric', value: 'is polite', threshold: 0.7, provider: { id: 'judge' } },
      { type: 'factuality', value: 'Paris is the capital', config: { scores: { E: 0 } } },
      { type: 'javascript', value: 'output.length < 200', threshold: 0.5 }
    ]
    for (const example of examples) {
      expect(Assertion.safeParse(example).success, JSON.stringify(example)).toBe(true)
      const negated = { ...(example as object), type: `not-${(example as { type: string }).type}` }
      expect(Assertion.safeParse(negated).success, JSON.stringify(negated)).toBe(true)
    }
    expect(examples.map((e) => (e as { type: string }).type)).toEqual(expect.arrayContaining([...ASSERTION_TYPES]))
  })

  it('accepts assert-set groups with threshold and weight', () => {
    const parsed = Assertion.parse({
      type: 'assert-set',
      threshold: 0.5,
      weight: 2,
      assert: [{ type: 'contains', value: 'a' }, { type: 'not-regex', value: 'b' }]
    })
    expect(parsed.type).toBe('assert-set')
  })

  it('coerces numbers to text and splits comma lists', () => {
    expect(Assertion.parse({ type: 'contains', value: 42 })).toEqual({ type: 'contains', value: '42' })
    expect(Assertion.parse({ type: 'contains-any', value: 'red, green,,blue' })).toEqual({ type: 'contains-any', value: ['red', 'green', 'blue'] })
  })

  it('names the known types when the type is unknown or missing', () => {
    expect(firstMessage({ type: 'contain', value: 'x' })).toMatch(/unknown assertion type "contain"; known types: equals, contains, .*javascript, assert-set/)
    expect(firstMessage({ value: 'x' })).toMatch(/an assertion needs a type; known types:/)
    expect(firstMessage({ type: 'not-assert-set', assert: [] })).toMatch(/assert-set cannot be negated/)
  })

  it('refuses nested assert-set groups', () => {
    const message = firstMessage({ type: 'assert-set', assert: [{ type: 'assert-set', assert: [{ type: 'contains', value: 'a' }] }] })
    expect(message).toMatch(/^assert\.0\.type: assert-set groups cannot be nested/)
  })

  it('explains what a type needs', () => {
    expect(firstMessage({ type: 'latency' })).toMatch(/threshold: latency needs a threshold: the largest value that passes, in milliseconds/)
    expect(firstMessage({ type: 'cost', threshold: -1 })).toMatch(/cost threshold must be ≥ 0/)
    expect(firstMessage({ type: 'regex', value: '(' })).toMatch(/value: not a valid regular expression/)
    expect(firstMessage({ type: 'regex', value: 'a', config: { flags: 'q' } })).toMatch(/flags may only hold/)
    expect(firstMessage({ type: 'llm-rubric' })).toMatch(/llm-rubric needs the rubric text in value/)
    expect(firstMessage({ type: 'javascript', value: '  ' })).toMatch(/javascript needs code in value/)
    expect(firstMessage({ type: 'json-path', value: { path: 'a.b' } })).toMatch(/a JSONPath starts with \$/)
    expect(firstMessage({ type: 'json-path', value: { path: '$.a', equals: 1, matches: 'x' } })).toMatch(/equals or matches, not both/)
    expect(firstMessage({ type: 'contains', value: '' })).toMatch(/contains needs a non-empty value/)
    expect(firstMessage({ type: 'contains-all', value: [] })).toMatch(/contains-all needs at least one non-empty text/)
    expect(firstMessage({ type: 'json-schema' })).toMatch(/json-schema needs a JSON Schema/)
    expect(firstMessage({ type: 'contains', value: 'a', weight: -1 })).toMatch(/weight must be ≥ 0/)
    expect(firstMessage({ type: 'similar', threshold: 2 })).toMatch(/threshold/)
  })

  it('refuses keys it does not understand instead of dropping them', () => {
    expect(firstMessage({ type: 'contains', value: 'a', transform: 'output.trim()' })).toMatch(/Unrecognized key: "transform"/)
    // threshold has no meaning for contains.
    expect(firstMessage({ type: 'contains', value: 'a', threshold: 0.5 })).toMatch(/Unrecognized key: "threshold"/)
  })

  it('parses a list and reports the index of the bad one', () => {
    const result = AssertionList.safeParse([{ type: 'contains', value: 'a' }, { type: 'nope' }])
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual([1, 'type'])
  })

  it('splits negation from the base type', () => {
    expect(isNegatedType('not-contains')).toBe(true)
    expect(isNegatedType('contains')).toBe(false)
    expect(assertionBaseType('not-json-path')).toBe('json-path')
    expect(assertionBaseType('similar')).toBe('similar')
  })
})
