import type { ModelInfo } from '@pydantic/genai-prices'
import { describe, expect, it } from 'vitest'
import { contextWindowOf, currentModelPrice, tokenPricesOf } from './catalog-prices'

const model = (prices: ModelInfo['prices'], extra: Partial<ModelInfo> = {}): ModelInfo => ({ id: 'm', match: { equals: 'm' }, prices, ...extra })

describe('catalog prices', () => {
  it('takes the latest start-date price already in force', () => {
    const dated = model([
      { prices: { input_mtok: 1, output_mtok: 2 } },
      { constraint: { type: 'start_date', start_date: '2026-01-01' }, prices: { input_mtok: 3, output_mtok: 4 } }
    ])
    expect(currentModelPrice(dated, new Date('2025-12-31T00:00:00Z'))).toEqual({ input_mtok: 1, output_mtok: 2 })
    expect(currentModelPrice(dated, new Date('2026-02-01T00:00:00Z'))).toEqual({ input_mtok: 3, output_mtok: 4 })
  })
  it('takes the dearest of the base price and time-of-day windows', () => {
    const windows = model([
      { prices: { input_mtok: 0.1, output_mtok: 0.2 } },
      { constraint: { type: 'time_of_date', start_time: '00:30:00Z', end_time: '16:30:00Z' }, prices: { input_mtok: 0.3, output_mtok: 0.4 } }
    ])
    expect(tokenPricesOf(windows)).toEqual({ inputPricePerMTok: 0.3, outputPricePerMTok: 0.4, cachedInputPricePerMTok: null })
  })
  it('uses the base tier of tiered prices and maps cache reads to the cached input price', () => {
    const tiered = model({ input_mtok: { base: 1.25, tiers: [{ start: 200_000, price: 2.5 }] }, output_mtok: 10, cache_read_mtok: 0.125 } as unknown as ModelInfo['prices'])
    expect(tokenPricesOf(tiered)).toEqual({ inputPricePerMTok: 1.25, outputPricePerMTok: 10, cachedInputPricePerMTok: 0.125 })
  })
  it('reads an empty price set as free and a missing key as unknown', () => {
    expect(tokenPricesOf(model({}))).toEqual({ inputPricePerMTok: 0, outputPricePerMTok: 0, cachedInputPricePerMTok: null })
    expect(tokenPricesOf(model({ input_mtok: 0.02 }))).toEqual({ inputPricePerMTok: 0.02, outputPricePerMTok: null, cachedInputPricePerMTok: null })
  })
  it('gives a context window only when it is a positive integer', () => {
    expect(contextWindowOf(model({}, { context_window: 128_000 }))).toBe(128_000)
    expect(contextWindowOf(model({}))).toBeNull()
  })
})
