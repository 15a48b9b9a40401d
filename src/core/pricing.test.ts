import { describe, expect, it } from 'vitest'
import { costOfUsage, estimateCostRange } from './pricing'

const prices = { inputPricePerMTok: 1, outputPricePerMTok: 4, cachedInputPricePerMTok: 0.25 }

describe('costOfUsage', () => {
  it('prices input and output per million tokens', () => {
    expect(costOfUsage(prices, { input: 1_000, output: 500, cached: 0 })).toBeCloseTo(0.001 + 0.002, 12)
  })
  it('bills cached input at the cached price, never more tokens than the input', () => {
    expect(costOfUsage(prices, { input: 1_000, output: 0, cached: 400 })).toBeCloseTo((600 * 1 + 400 * 0.25) / 1e6, 12)
    expect(costOfUsage(prices, { input: 100, output: 0, cached: 400 })).toBeCloseTo((100 * 0.25) / 1e6, 12)
  })
  it('falls back to the input price when no cached price is known', () => {
    expect(costOfUsage({ ...prices, cachedInputPricePerMTok: null }, { input: 1_000, output: 0, cached: 1_000 })).toBeCloseTo(0.001, 12)
  })
  it('is unknown (null), never zero, when usage or prices are missing', () => {
    expect(costOfUsage(prices, { input: null, output: 5, cached: null })).toBeNull()
    expect(costOfUsage({ ...prices, outputPricePerMTok: null }, { input: 1, output: 1, cached: 0 })).toBeNull()
  })
})

describe('estimateCostRange', () => {
  it('bills the input alone for the minimum and input plus max output for the maximum', () => {
    const range = estimateCostRange(prices, 2_000, 1_000)
    expect(range.minCostUsd).toBeCloseTo((2_000 * 1) / 1e6, 12)
    expect(range.maxCostUsd).toBeCloseTo((2_000 * 1 + 1_000 * 4) / 1e6, 12)
  })
  it('is zero for zero tokens, not unknown', () => {
    expect(estimateCostRange(prices, 0, 0)).toEqual({ minCostUsd: 0, maxCostUsd: 0 })
  })
  it('is unknown (null) where a needed price is unknown', () => {
    expect(estimateCostRange({ ...prices, inputPricePerMTok: null }, 10, 10)).toEqual({ minCostUsd: null, maxCostUsd: null })
    const noOutput = estimateCostRange({ ...prices, outputPricePerMTok: null }, 1_000_000, 10)
    expect(noOutput.minCostUsd).toBeCloseTo(1, 12)
    expect(noOutput.maxCostUsd).toBeNull()
  })
})
