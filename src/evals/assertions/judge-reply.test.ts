import { describe, expect, it } from 'vitest'
import { jsonObjectsIn, parseFactualityReply, parseRubricReply } from './judge-reply'

describe('parseRubricReply', () => {
  it('reads the requested JSON', () => {
    expect(parseRubricReply('{"reason": "Polite and complete.", "pass": true, "score": 0.9}')).toEqual({ pass: true, score: 0.9, reason: 'Polite and complete.' })
  })
  it('reads JSON inside code fences and prose, taking the last verdict', () => {
    const reply = 'The format is {"reason": "...", "pass": true, "score": 1}.\n```json\n{"Reason": "Rude tone {sic}", "PASS": "no", "Score": "0.2"}\n```'
    expect(parseRubricReply(reply)).toEqual({ pass: false, score: 0.2, reason: 'Rude tone {sic}' })
  })
  it('fills in pass from score and score from pass', () => {
    expect(parseRubricReply('{"score": "80%", "reasoning": "mostly"}')).toEqual({ pass: true, score: 0.8, reason: 'mostly' })
    expect(parseRubricReply('{"score": 0.4}')).toEqual({ pass: false, score: 0.4, reason: '(the judge gave no reason)' })
    expect(parseRubricReply('{"pass": true}')).toEqual({ pass: true, score: 1, reason: '(the judge gave no reason)' })
  })
  it('applies the threshold to the score', () => {
    expect(parseRubricReply('{"pass": true, "score": 0.6, "reason": "ok"}', 0.7)).toEqual({ pass: false, score: 0.6, reason: 'ok' })
    expect(parseRubricReply('{"score": 0.6}', 0.5)).toMatchObject({ pass: true })
  })
  it('accepts a bare PASS/FAIL first word', () => {
    expect(parseRubricReply('PASS: the answer cites the policy.')).toEqual({ pass: true, score: 1, reason: 'the answer cites the policy.' })
    expect(parseRubricReply('Fail - no apology')).toEqual({ pass: false, score: 0, reason: 'no apology' })
  })
  it('returns an error, with the start of the reply, for anything else', () => {
    expect(parseRubricReply('I think it is fine overall')).toEqual({
      error: `the judge's reply has no verdict (expected JSON with "pass" and "score"): "I think it is fine overall"`
    })
    expect(parseRubricReply('{"pass": "maybe", "score": 1}')).toMatchObject({ error: expect.stringMatching(/^the judge's "pass" is not true or false/) })
    expect(parseRubricReply('{"pass": true, "score": 7}')).toMatchObject({ error: expect.stringMatching(/^the judge's "score" is not a number from 0 to 1/) })
    expect(parseRubricReply('{"pass": true, "score": "high"}')).toMatchObject({ error: expect.stringMatching(/"score" is not a number/) })
    const long = parseRubricReply(`x${'y'.repeat(500)}`)
    expect('error' in long && long.error.length).toBeLessThan(300)
  })
})

describe('parseFactualityReply', () => {
  it('reads the requested JSON', () => {
    expect(parseFactualityReply('{"reason": "Adds the founding year.", "category": "B"}')).toEqual({ category: 'B', reason: 'Adds the founding year.' })
    expect(parseFactualityReply('```json\n{"category": "(d)", "reason": "Wrong city"}\n```')).toEqual({ category: 'D', reason: 'Wrong city' })
  })
  it('reads a stated answer without JSON', () => {
    expect(parseFactualityReply('Answer: C\nBoth say the same.')).toEqual({ category: 'C', reason: 'Both say the same.' })
    expect(parseFactualityReply('(E) The wording differs only.')).toEqual({ category: 'E', reason: 'The wording differs only.' })
    expect(parseFactualityReply('After comparing them, the category is (A).')).toMatchObject({ category: 'A' })
  })
  it('returns an error when no category can be read', () => {
    expect(parseFactualityReply('A submission was compared with the reference')).toMatchObject({ error: expect.stringMatching(/^the judge's reply names no category A–E: /) })
    expect(parseFactualityReply('{"category": "Z"}')).toMatchObject({ error: expect.stringMatching(/^the judge's category is not one of A–E/) })
  })
})

describe('jsonObjectsIn', () => {
  it('finds top-level objects, skipping broken ones and braces inside strings', () => {
    expect(jsonObjectsIn('a {broken} b {"x": "}{"} c {"y": {"z": 1}}')).toEqual([{ x: '}{' }, { y: { z: 1 } }])
    expect(jsonObjectsIn('no objects [1, 2]')).toEqual([])
  })
})
