import { describe, expect, it } from 'vitest'
import { evaluateAssertions } from './evaluate'
import type { JudgeFn } from './types'

const failingJudge: JudgeFn = async () => {
  throw new Error('503 upstream')
}

describe('evaluateAssertions: combining', () => {
  it('passes with no assertions', async () => {
    expect(await evaluateAssertions([], 'x')).toMatchObject({ status: 'pass', pass: true, score: 1, reason: 'No assertions', results: [] })
  })

  it('passes when all pass, with the weighted mean score', async () => {
    const r = await evaluateAssertions(
      [
        { type: 'contains', value: 'a' },
        { type: 'contains-all', value: ['a', 'b'], weight: 3 }
      ],
      'a b'
    )
    expect(r).toMatchObject({ status: 'pass', pass: true, score: 1, reason: 'All assertions passed' })
    expect(r.results.map((x) => x.weight)).toEqual([1, 3])
  })

  it('fails when any fails, naming the first failure', async () => {
    const r = await evaluateAssertions(
      [
        { type: 'contains', value: 'x', metric: 'keywords' },
        { type: 'contains', value: 'a' },
        { type: 'starts-with', value: 'z' }
      ],
      'a b'
    )
    expect(r.status).toBe('fail')
    expect(r.score).toBeCloseTo(1 / 3, 12)
    expect(r.reason).toBe('contains (keywords): Output does not contain "x" (and 1 more failing)')
  })

  it('with a threshold, passes on the weighted score despite failures (promptfoo)', async () => {
    const assertions = [
      { type: 'contains', value: 'a', weight: 3 },
      { type: 'contains', value: 'x', weight: 1 }
    ]
    expect(await evaluateAssertions(assertions, 'a', {}, { threshold: 0.75 })).toMatchObject({ status: 'pass', score: 0.75, reason: 'Score 0.75 ≥ threshold 0.75' })
    expect(await evaluateAssertions(assertions, 'a', {}, { threshold: 0.8 })).toMatchObject({
      status: 'fail',
      reason: 'Score 0.75 < threshold 0.8; contains: Output does not contain "x"'
    })
  })

  it('weight 0 reports a score but never fails and does not count', async () => {
    const r = await evaluateAssertions(
      [
        { type: 'contains', value: 'a' },
        { type: 'contains', value: 'x', weight: 0 }
      ],
      'a'
    )
    expect(r).toMatchObject({ status: 'pass', score: 1 })
    expect(r.results[1]).toMatchObject({ status: 'pass', score: 0, reason: 'Output does not contain "x" (weight 0: reported, never fails)' })
  })
})

describe('evaluateAssertions: not-', () => {
  it('flips pass and turns the score into 1 − score, keeping the observed reason', async () => {
    const r = await evaluateAssertions(
      [
        { type: 'not-contains', value: 'sorry' },
        { type: 'not-contains', value: 'a' },
        { type: 'not-contains-all', value: ['a', 'b', 'c', 'd'] }
      ],
      'a b'
    )
    expect(r.results[0]).toMatchObject({ type: 'not-contains', status: 'pass', score: 1, reason: 'Output does not contain "sorry"' })
    expect(r.results[1]).toMatchObject({ status: 'fail', score: 0, reason: 'Output contains "a"' })
    expect(r.results[2]).toMatchObject({ status: 'pass', score: 0.5 })
  })

  it('leaves an error an error', async () => {
    const r = await evaluateAssertions([{ type: 'not-llm-rubric', value: 'rude' }], 'hi')
    expect(r.results[0]).toMatchObject({ type: 'not-llm-rubric', status: 'error', pass: false, score: 0 })
    expect(r.status).toBe('error')
  })
})

describe('evaluateAssertions: errors are not fails', () => {
  it('an error with everything else passing makes the case an error, with the reason', async () => {
    const r = await evaluateAssertions(
      [
        { type: 'contains', value: 'a' },
        { type: 'llm-rubric', value: 'polite' }
      ],
      'a',
      { judge: failingJudge }
    )
    expect(r).toMatchObject({ status: 'error', pass: false, score: 1 })
    expect(r.reason).toBe('1 assertion could not be evaluated: llm-rubric: the judge model failed: 503 upstream')
    expect(r.error).toBe(r.reason)
    expect(r.results[1]).toMatchObject({ status: 'error', error: 'the judge model failed: 503 upstream', reason: 'the judge model failed: 503 upstream' })
  })

  it('a definite failure elsewhere still fails the case', async () => {
    const r = await evaluateAssertions(
      [
        { type: 'contains', value: 'zzz' },
        { type: 'llm-rubric', value: 'polite' }
      ],
      'a',
      { judge: failingJudge }
    )
    expect(r.status).toBe('fail')
  })

  it('with a threshold, decides when the error cannot change the verdict and errs when it could', async () => {
    const assertions = [
      { type: 'contains', value: 'a', weight: 3 },
      { type: 'llm-rubric', value: 'polite', weight: 1 }
    ]
    // Score 0.75 even if the judge had failed it: a pass regardless.
    expect(await evaluateAssertions(assertions, 'a', { judge: failingJudge }, { threshold: 0.7 })).toMatchObject({ status: 'pass', score: 1 })
    // 0.75 if it failed, 1 if it passed: undecided.
    const undecided = await evaluateAssertions(assertions, 'a', { judge: failingJudge }, { threshold: 0.9 })
    expect(undecided.status).toBe('error')
    expect(undecided.reason).toBe(
      '1 assertion could not be evaluated (the score would be 0.75–1.00 against threshold 0.9): llm-rubric: the judge model failed: 503 upstream'
    )
    // At most 0.25 with contains failing: a fail regardless.
    expect(await evaluateAssertions(assertions, 'b', { judge: failingJudge }, { threshold: 0.5 })).toMatchObject({
      status: 'fail',
      reason: 'Score at most 0.25 < threshold 0.5; contains: Output does not contain "a"'
    })
  })

  it('an invalid stored assertion is an error result and the others still run', async () => {
    const r = await evaluateAssertions([{ type: 'contians', value: 'a' }, { type: 'contains', value: 'a' }, 'junk'], 'a')
    expect(r.results[0]).toMatchObject({ type: 'contians', status: 'error' })
    expect(r.results[0]?.error).toMatch(/^invalid assertion: type: unknown assertion type "contians"; known types: /)
    expect(r.results[1]).toMatchObject({ status: 'pass' })
    expect(r.results[2]).toMatchObject({ type: '(invalid)', status: 'error' })
  })
})

describe('evaluateAssertions: values', () => {
  it('fills {{var}} from the case variables', async () => {
    const r = await evaluateAssertions(
      [
        { type: 'contains', value: '{{city}}' },
        { type: 'contains-any', value: ['{{city}}', 'Lyon'] },
        { type: 'json-path', value: { path: '$.city', equals: '{{city}}' } },
        { type: 'javascript', value: 'output.includes("{{city}}")' }
      ],
      '{"city":"Paris"}',
      { vars: { city: 'Paris' } }
    )
    expect(r.results.map((x) => x.status)).toEqual(['pass', 'pass', 'pass', 'pass'])
    expect(r.results[0]?.reason).toBe('Output contains "Paris"')
  })

  it('is an error when a {{var}} is missing', async () => {
    const r = await evaluateAssertions([{ type: 'contains', value: 'Hi {{name}}' }], 'Hi Ann', { vars: {} })
    expect(r.results[0]?.status).toBe('error')
    expect(r.results[0]?.error).toMatch(/^contains value: .*name/)
  })

  it('uses the expected output for a missing value, and errs when there is none', async () => {
    expect((await evaluateAssertions([{ type: 'icontains' }], 'The answer is PARIS', { expected: 'paris' })).status).toBe('pass')
    const r = await evaluateAssertions([{ type: 'equals' }], 'x', { expected: null })
    expect(r.results[0]).toMatchObject({ status: 'error', error: 'equals has no value and the case has no expected output to compare with' })
  })
})

describe('evaluateAssertions: assert-set', () => {
  it('scores a group with its own threshold and weight', async () => {
    const r = await evaluateAssertions(
      [
        { type: 'contains', value: 'a' },
        {
          type: 'assert-set',
          threshold: 0.5,
          weight: 2,
          metric: 'tone',
          assert: [
            { type: 'contains', value: 'please' },
            { type: 'contains', value: 'thanks' }
          ]
        }
      ],
      'a, thanks'
    )
    const set = r.results[1]
    expect(set).toMatchObject({ type: 'assert-set', status: 'pass', score: 0.5, weight: 2, metric: 'tone', reason: 'Score 0.50 ≥ threshold 0.5' })
    expect(set?.children?.map((c) => c.status)).toEqual(['fail', 'pass'])
    expect(r.status).toBe('pass')
    expect(r.score).toBeCloseTo((1 + 2 * 0.5) / 3, 12)
    expect(r.namedScores).toEqual({ tone: 0.5 })
  })

  it('fails the case when the group fails (all must pass without a threshold)', async () => {
    const r = await evaluateAssertions([{ type: 'assert-set', assert: [{ type: 'contains', value: 'a' }, { type: 'contains', value: 'b' }] }], 'a')
    expect(r.status).toBe('fail')
    expect(r.reason).toBe('assert-set: contains: Output does not contain "b"')
  })

  it('carries an undecided group error up to the case', async () => {
    const r = await evaluateAssertions(
      [{ type: 'assert-set', assert: [{ type: 'contains', value: 'a' }, { type: 'factuality', value: 'ref' }] }],
      'a',
      { judge: failingJudge }
    )
    expect(r.results[0]).toMatchObject({ type: 'assert-set', status: 'error' })
    expect(r.status).toBe('error')
  })
})

describe('evaluateAssertions: named scores', () => {
  it('averages scores per metric by weight', async () => {
    const r = await evaluateAssertions(
      [
        { type: 'contains', value: 'a', metric: 'accuracy', weight: 3 },
        { type: 'contains', value: 'x', metric: 'accuracy' },
        { type: 'contains', value: 'a', metric: 'format', weight: 0 }
      ],
      'a'
    )
    expect(r.namedScores).toEqual({ accuracy: 0.75, format: 1 })
  })
})
