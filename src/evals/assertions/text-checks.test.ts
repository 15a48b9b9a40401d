import { describe, expect, it } from 'vitest'
import { runOne } from './test-support'

describe('equals', () => {
  it('passes on the exact text and fails otherwise, quoting both', async () => {
    expect(await runOne({ type: 'equals', value: 'Paris' }, 'Paris')).toMatchObject({ status: 'pass', score: 1, reason: 'Output equals "Paris"' })
    expect(await runOne({ type: 'equals', value: 'Paris' }, 'paris ')).toMatchObject({
      status: 'fail',
      score: 0,
      reason: 'Output "paris " does not equal "Paris"'
    })
  })
  it('compares a non-text value with the output read as JSON', async () => {
    expect(await runOne({ type: 'equals', value: { a: 1, b: [2] } }, '{"b":[2],"a":1}')).toMatchObject({ status: 'pass', reason: 'Output equals {"a":1,"b":[2]} as JSON' })
    expect(await runOne({ type: 'equals', value: { a: 1 } }, '{"a":2}')).toMatchObject({ status: 'fail', reason: 'Output {"a":2} does not equal {"a":1} as JSON' })
    expect((await runOne({ type: 'equals', value: 3 }, 'three')).reason).toMatch(/^Output is not JSON, so it cannot equal 3: /)
  })
  it('uses the case expected output when it has no value', async () => {
    expect(await runOne({ type: 'equals' }, 'Paris', { expected: 'Paris' })).toMatchObject({ status: 'pass' })
  })
})

describe('contains and icontains', () => {
  it('checks a substring', async () => {
    expect(await runOne({ type: 'contains', value: 'refund' }, 'We will refund you')).toMatchObject({ status: 'pass', reason: 'Output contains "refund"' })
    expect(await runOne({ type: 'contains', value: 'Refund' }, 'We will refund you')).toMatchObject({ status: 'fail', reason: 'Output does not contain "Refund"' })
  })
  it('ignores case for icontains', async () => {
    expect(await runOne({ type: 'icontains', value: 'REFUND' }, 'We will refund you')).toMatchObject({
      status: 'pass',
      reason: 'Output contains "REFUND" (ignoring case)'
    })
    expect(await runOne({ type: 'icontains', value: 'credit' }, 'We will refund you')).toMatchObject({
      status: 'fail',
      reason: 'Output does not contain "credit" (ignoring case)'
    })
  })
})

describe('contains-any / contains-all (and i- forms)', () => {
  it('contains-any passes on one match, naming it', async () => {
    expect(await runOne({ type: 'contains-any', value: ['cat', 'dog'] }, 'a dog barks')).toMatchObject({ status: 'pass', reason: 'Output contains "dog"' })
    expect(await runOne({ type: 'contains-any', value: ['cat', 'cow'] }, 'a dog barks')).toMatchObject({
      status: 'fail',
      reason: 'Output contains none of "cat", "cow"'
    })
  })
  it('contains-all lists what is missing with a partial score', async () => {
    expect(await runOne({ type: 'contains-all', value: ['a dog', 'barks'] }, 'a dog barks')).toMatchObject({
      status: 'pass',
      reason: 'Output contains all of "a dog", "barks"'
    })
    expect(await runOne({ type: 'contains-all', value: 'dog, cat, cow, barks' }, 'a dog barks')).toMatchObject({
      status: 'fail',
      score: 0.5,
      reason: 'Output does not contain "cat", "cow" (2 of 4 found)'
    })
  })
  it('icontains-any and icontains-all ignore case', async () => {
    expect(await runOne({ type: 'icontains-any', value: ['DOG'] }, 'a dog')).toMatchObject({ status: 'pass', reason: 'Output contains "DOG" (ignoring case)' })
    expect(await runOne({ type: 'icontains-all', value: ['DOG', 'CAT'] }, 'a dog')).toMatchObject({
      status: 'fail',
      reason: 'Output does not contain "CAT" (ignoring case) (1 of 2 found)'
    })
  })
})

describe('starts-with', () => {
  it('checks the prefix', async () => {
    expect(await runOne({ type: 'starts-with', value: 'Dear' }, 'Dear customer')).toMatchObject({ status: 'pass', reason: 'Output starts with "Dear"' })
    expect(await runOne({ type: 'starts-with', value: 'Dear' }, 'Hello customer')).toMatchObject({
      status: 'fail',
      reason: 'Output starts with "Hello customer", not "Dear"'
    })
  })
})

describe('regex', () => {
  it('matches and shows where', async () => {
    expect(await runOne({ type: 'regex', value: 'order #\\d+' }, 'Your order #1234 shipped')).toMatchObject({
      status: 'pass',
      reason: 'Output matches /order #\\d+/ at "order #1234"'
    })
    expect(await runOne({ type: 'regex', value: '^\\d+$' }, 'abc')).toMatchObject({ status: 'fail', reason: 'Output does not match /^\\d+$/' })
  })
  it('takes flags from config (g and y are ignored: they would make test() stateful)', async () => {
    expect(await runOne({ type: 'regex', value: '^ORDER', config: { flags: 'gi' } }, 'order 1')).toMatchObject({ status: 'pass', reason: 'Output matches /^ORDER/i at "order"' })
  })
})
