import { describe, expect, it } from 'vitest'
import { percentileSummary, quantile } from './percentiles'

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

describe('quantile (linear interpolation, numpy default / R type 7)', () => {
  it('matches numpy.percentile', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(quantile(oneToTen, 0.5)).toBeCloseTo(5.5, 12)
    expect(quantile(oneToTen, 0.95)).toBeCloseTo(9.55, 12)
    expect(quantile(oneToTen, 0.99)).toBeCloseTo(9.91, 12)
    expect(quantile([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 12)
    expect(quantile([15, 20, 35, 40, 50], 0)).toBe(15)
    expect(quantile([15, 20, 35, 40, 50], 1)).toBe(50)
  })
  it('sorts its input (without changing it) and handles one value', () => {
    const input = [40, 15, 50, 20, 35]
    expect(quantile(input, 0.4)).toBeCloseTo(29, 12)
    expect(input).toEqual([40, 15, 50, 20, 35])
    expect(quantile([7], 0.99)).toBe(7)
    expect(quantile([], 0.5)).toBeNaN()
  })
  it('refuses a q outside [0, 1] and non-finite values', () => {
    expect(() => quantile([1], 95)).toThrow(/q in \[0, 1\]; got 95/)
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(/finite numbers; got NaN/)
  })
})

describe('percentileSummary', () => {
  it('gives p50 / p95 / p99 with count, min, max and mean', () => {
    expect(percentileSummary(oneToTen)).toEqual({ count: 10, min: 1, max: 10, mean: 5.5, p50: 5.5, p95: expect.closeTo(9.55, 12), p99: expect.closeTo(9.91, 12) })
  })
  it('is NaN (count 0) for no values', () => {
    const s = percentileSummary([])
    expect(s.count).toBe(0)
    expect(s.p95).toBeNaN()
  })
})
