import type { ModelInfo, ModelPrice } from '@pydantic/genai-prices'

/** A catalog model's token prices in USD per million tokens (genai-prices `*_mtok` keys are already per MTok). */
export interface CatalogTokenPrices {
  inputPricePerMTok: number | null
  outputPricePerMTok: number | null
  /** genai-prices `cache_read_mtok`. */
  cachedInputPricePerMTok: number | null
}

/**
 * The price set in force at `now`, chosen so a stored price does not depend on the hour it was fetched:
 * - date-conditional prices (`start_date`): the latest entry already in force, as the package resolves them;
 * - time-of-day windows (DeepSeek peak / off-peak): the dearest of the dated price and each window's price, by input
 *   price, so an estimate never understates what a call can cost.
 */
export function currentModelPrice(model: ModelInfo, now: Date = new Date()): ModelPrice {
  if (!Array.isArray(model.prices)) return model.prices
  let dated: ModelPrice | undefined
  const windows: ModelPrice[] = []
  for (const entry of model.prices) {
    const constraint = entry.constraint
    if (constraint === undefined) dated = entry.prices
    else if ('start_date' in constraint) {
      if (now >= new Date(constraint.start_date)) dated = entry.prices
    } else windows.push(entry.prices)
  }
  const base = dated ?? model.prices[0]?.prices ?? {}
  let chosen = base
  for (const window of windows) if ((perMTok(window.input_mtok) ?? -1) > (perMTok(chosen.input_mtok) ?? -1)) chosen = window
  return chosen
}

/** A price value: a plain number, or tiered prices whose `base` applies below the first threshold (we use base). */
function perMTok(value: ModelPrice[string]): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null
  if (value && typeof value === 'object' && typeof value.base === 'number') return value.base >= 0 ? value.base : null
  return null
}

/**
 * Token prices of a catalog model. Tiered prices (e.g. above 200k prompt tokens) give their base tier. An empty price
 * set is how the catalog records a free or subscription-included model (`:free` variants, Gemma on AI Studio), so
 * its token prices are 0; otherwise a key the catalog does not give is unknown (null), never zero.
 */
export function tokenPricesOf(model: ModelInfo, now: Date = new Date()): CatalogTokenPrices {
  const price = currentModelPrice(model, now)
  if (Object.values(price).every((v) => v === undefined)) {
    return { inputPricePerMTok: 0, outputPricePerMTok: 0, cachedInputPricePerMTok: null }
  }
  return {
    inputPricePerMTok: perMTok(price.input_mtok),
    outputPricePerMTok: perMTok(price.output_mtok),
    cachedInputPricePerMTok: perMTok(price.cache_read_mtok)
  }
}

export function contextWindowOf(model: ModelInfo): number | null {
  const window = model.context_window
  return typeof window === 'number' && Number.isInteger(window) && window > 0 ? window : null
}
