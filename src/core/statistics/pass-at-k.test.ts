import { describe, expect, it } from 'vitest'
import { meanOverCases, passAtK, passHatK } from './pass-at-k'

/** C(a, k) / C(b, k) exactly with BigInt. */
function ratio(a: number, b: number, k: number): number {
  const choose = (n: number, r: number): bigint => {
    let v = 1n
    for (let i = 0; i < r; i++) v = (v * BigInt(n - i)) / BigInt(i + 1)
    return v
  }
  const scale = 10n ** 30n
  return Number((choose(a, k) * scale) / choose(b, k)) / 1e30
}

describe('passAtK (Chen et al. 2021 unbiased estimator)', () => {
  it('matches values derived by hand', () => {
    expect(passAtK(10, 3, 1)).toBeCloseTo(0.3, 12)
    expect(passAtK(10, 3, 2)).toBeCloseTo(1 - 21 / 45, 12) // 1 − C(7,2)/C(10,2)
    expect(passAtK(10, 3, 5)).toBeCloseTo(1 - 21 / 252, 12) // 1 − C(7,5)/C(10,5)
    expect(passAtK(10, 3, 8)).toBe(1) // only 7 failures: 8 draws must include a pass
    expect(passAtK(5, 0, 3)).toBe(0)
    expect(passAtK(5, 5, 1)).toBe(1)
  })
  it('stays accurate where the binomial coefficients are huge', () => {
    expect(passAtK(200, 100, 50)).toBeCloseTo(1 - ratio(100, 200, 50), 12)
    expect(passAtK(1000, 1, 10)).toBeCloseTo(0.01, 12)
  })
  it('refuses impossible arguments, naming them', () => {
    expect(() => passAtK(5, 6, 1)).toThrow(/n=5, c=6, k=1/)
    expect(() => passAtK(5, 2, 0)).toThrow(RangeError)
    expect(() => passAtK(5, 2, 6)).toThrow(/1 ≤ k ≤ n/)
  })
})

describe('passHatK (consistency: all k attempts pass)', () => {
  it('matches values derived by hand', () => {
    expect(passHatK(10, 3, 1)).toBeCloseTo(0.3, 12)
    expect(passHatK(10, 3, 2)).toBeCloseTo(3 / 45, 12) // C(3,2)/C(10,2)
    expect(passHatK(10, 3, 3)).toBeCloseTo(1 / 120, 12)
    expect(passHatK(10, 3, 4)).toBe(0)
    expect(passHatK(8, 8, 5)).toBe(1)
  })
  it('is exact for large n and brackets pass@k', () => {
    expect(passHatK(200, 150, 40)).toBeCloseTo(ratio(150, 200, 40), 12)
    for (const k of [1, 2, 5]) {
      expect(passHatK(10, 6, k)).toBeLessThanOrEqual(passAtK(10, 6, k) + 1e-15)
    }
    expect(passHatK(10, 6, 1)).toBeCloseTo(passAtK(10, 6, 1), 14)
  })
})

describe('meanOverCases', () => {
  it('averages over cases with enough results and counts the rest', () => {
    const cases = [
      { n: 4, c: 4 },
      { n: 4, c: 0 },
      { n: 1, c: 1 }
    ]
    expect(meanOverCases(cases, 2, passAtK)).toEqual({ value: 0.5, cases: 2, skipped: 1 })
    expect(meanOverCases([], 1, passHatK).value).toBeNaN()
  })
})
