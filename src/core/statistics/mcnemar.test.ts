import { describe, expect, it } from 'vitest'
import { mcnemarExact, mcnemarFromPairs, pairedOutcomes } from './mcnemar'

/** Σ_{i≤k} C(n, i) / 2ⁿ, exactly, with BigInt (the reference the log-space sum must match). */
function exactLowerTail(n: number, k: number): number {
  let term = 1n
  let sum = 1n
  for (let i = 0; i < k; i++) {
    term = (term * BigInt(n - i)) / BigInt(i + 1)
    sum += term
  }
  const scale = 10n ** 40n
  return Number((sum * scale) / 2n ** BigInt(n)) / 1e40
}

describe('mcnemarExact', () => {
  it('matches the published example (Fagerland, Lydersen & Laake 2013, Bentur et al. data: 1 vs 7)', () => {
    // Exact conditional p = 0.070 and mid-p = 0.039 in the paper; exactly 18/256 and 10/256.
    const r = mcnemarExact(1, 7)
    expect(r.p).toBeCloseTo(18 / 256, 12)
    expect(r.midP).toBeCloseTo(10 / 256, 12)
    expect(r.p.toFixed(3)).toBe('0.070')
    expect(r.midP.toFixed(3)).toBe('0.039')
  })

  it('is the doubled binomial tail (binom.test(2, 12) = 2 · 79/4096)', () => {
    expect(mcnemarExact(2, 10).p).toBeCloseTo(158 / 4096, 12)
    expect(mcnemarExact(0, 5).p).toBeCloseTo(2 / 32, 12)
    expect(mcnemarExact(0, 1).p).toBe(1)
  })

  it('is symmetric in A and B', () => {
    expect(mcnemarExact(7, 1).p).toBe(mcnemarExact(1, 7).p)
    expect(mcnemarExact(30, 12).midP).toBe(mcnemarExact(12, 30).midP)
  })

  it('gives p = 1 with no discordant pairs or a tie', () => {
    expect(mcnemarExact(0, 0, 50, 10)).toMatchObject({ p: 1, midP: 1, discordant: 0, bothPass: 50, bothFail: 10 })
    expect(mcnemarExact(5, 5).p).toBe(1)
    expect(mcnemarExact(5, 5).midP).toBeCloseTo(1, 12)
  })

  it('matches the exact BigInt sum for large counts', () => {
    const r = mcnemarExact(450, 550)
    expect(r.p).toBeCloseTo(2 * exactLowerTail(1000, 450), 12)
    expect(r.p / (2 * exactLowerTail(1000, 450))).toBeCloseTo(1, 9)
  })

  it('neither underflows nor overflows for very large n', () => {
    const r = mcnemarExact(99_000, 101_000)
    // Continuity-corrected normal approximation: z = 1999 / √200000 ≈ 4.47, p ≈ 7.8e-6.
    expect(r.p).toBeGreaterThan(6e-6)
    expect(r.p).toBeLessThan(1e-5)
    expect(mcnemarExact(0, 5000).p).toBe(0) // 2^-4999 is below the smallest double: an honest 0
  })

  it('refuses impossible counts with the value in the message', () => {
    expect(() => mcnemarExact(-1, 2)).toThrow(/aOnly=-1/)
    expect(() => mcnemarExact(1, 2.5)).toThrow(/bOnly=2.5/)
  })
})

describe('pairedOutcomes', () => {
  it('counts the 2×2 table', () => {
    const a = [true, true, false, false, true]
    const b = [true, false, true, false, false]
    expect(pairedOutcomes(a, b)).toEqual({ aOnly: 2, bOnly: 1, bothPass: 1, bothFail: 1, discordant: 3 })
    expect(mcnemarFromPairs(a, b).p).toBe(1)
  })
  it('refuses runs with different case counts', () => {
    expect(() => pairedOutcomes([true], [true, false])).toThrow(/same cases in both runs; got 1 and 2/)
  })
})
