import { describe, expect, it } from 'vitest'
import { cosineSimilarity } from './distance-checks'
import { runOne } from './test-support'
import type { EmbedFn } from './types'

/** A deterministic stand-in for an embeddings provider: letter counts (a real cosine over real vectors). */
const letterCounts: EmbedFn = async (texts) =>
  texts.map((t) => {
    const v = new Array<number>(26).fill(0)
    for (const ch of t.toLowerCase()) {
      const i = ch.charCodeAt(0) - 97
      if (i >= 0 && i < 26) v[i] = (v[i] as number) + 1
    }
    return v
  })

describe('levenshtein', () => {
  it('passes within the threshold (default 5) and fails beyond it', async () => {
    expect(await runOne({ type: 'levenshtein', value: 'kitten' }, 'sitting')).toMatchObject({
      status: 'pass',
      reason: 'Levenshtein distance from "kitten" is 3 (≤ 5)'
    })
    expect(await runOne({ type: 'levenshtein', value: 'kitten', threshold: 2 }, 'sitting')).toMatchObject({
      status: 'fail',
      reason: 'Levenshtein distance from "kitten" is 3 (> 2)'
    })
  })
  it('compares with the expected output when it has no value', async () => {
    expect(await runOne({ type: 'levenshtein', threshold: 0 }, 'same', { expected: 'same' })).toMatchObject({ status: 'pass' })
  })
})

describe('similar', () => {
  it('passes above the threshold with the similarity as score', async () => {
    const r = await runOne({ type: 'similar', value: 'the cat sat', threshold: 0.8 }, 'the cat sat down', { embed: letterCounts })
    expect(r.status).toBe('pass')
    expect(r.score).toBeGreaterThan(0.8)
    expect(r.score).toBeLessThan(1)
    expect(r.reason).toMatch(/^Cosine similarity to "the cat sat" is 0\.[89]\d\d \(≥ 0\.8\)$/)
  })
  it('fails below the threshold (default 0.75), using the closest of several references', async () => {
    const r = await runOne({ type: 'similar', value: ['zzz', 'qqq'] }, 'hello', { embed: letterCounts })
    expect(r).toMatchObject({ status: 'fail', reason: 'Cosine similarity to "zzz" is 0.000 (< 0.75)', score: 0 })
  })
  it('is an error without an embeddings provider, or when it fails', async () => {
    expect(await runOne({ type: 'similar', value: 'x' }, 'x')).toMatchObject({
      status: 'error',
      error: 'similar needs embeddings: configure an embeddings provider in the suite settings'
    })
    const failing: EmbedFn = async () => {
      throw new Error('401 key rejected')
    }
    expect(await runOne({ type: 'similar', value: 'x' }, 'x', { embed: failing })).toMatchObject({
      status: 'error',
      error: 'the embeddings provider failed: 401 key rejected'
    })
    const short: EmbedFn = async () => [[1, 0]]
    expect((await runOne({ type: 'similar', value: 'x' }, 'x', { embed: short })).error).toBe('the embeddings provider returned 1 vectors for 2 texts')
    const zero: EmbedFn = async () => [
      [0, 0],
      [1, 0]
    ]
    expect((await runOne({ type: 'similar', value: 'x' }, 'x', { embed: zero })).error).toMatch(/all-zero vector/)
  })
  it('passes the assertion provider to the embeddings function', async () => {
    const seen: unknown[] = []
    const spy: EmbedFn = async (texts, options) => {
      seen.push(options.provider)
      return letterCounts(texts, options)
    }
    await runOne({ type: 'similar', value: 'abc', provider: 'openai/text-embedding-3-small' }, 'abc', { embed: spy })
    expect(seen).toEqual(['openai/text-embedding-3-small'])
  })
})

describe('cosineSimilarity', () => {
  it('is 1 for parallel vectors, 0 for orthogonal, −1 for opposite', () => {
    expect(cosineSimilarity([1, 2], [2, 4])).toBeCloseTo(1, 12)
    expect(cosineSimilarity([1, 0], [0, 3])).toBe(0)
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1, 12)
  })
})
