/** Prices in USD per million tokens; null when unknown. */
export interface TokenPrices {
  inputPricePerMTok: number | null
  outputPricePerMTok: number | null
  cachedInputPricePerMTok: number | null
}

export interface TokenUsage {
  input: number | null
  output: number | null
  /** Cached input tokens, a subset of `input`, billed at the cached price when there is one. */
  cached: number | null
}

/**
 * Cost of one call from its usage and the prices in force at call time. Null when a needed price or count is
 * unknown: an unknown cost is never shown as zero.
 */
export function costOfUsage(prices: TokenPrices, usage: TokenUsage): number | null {
  if (usage.input === null || usage.output === null) return null
  if (prices.inputPricePerMTok === null || prices.outputPricePerMTok === null) return null
  const cached = Math.min(usage.cached ?? 0, usage.input)
  const cachedPrice = prices.cachedInputPricePerMTok ?? prices.inputPricePerMTok
  const micro = (usage.input - cached) * prices.inputPricePerMTok + cached * cachedPrice + usage.output * prices.outputPricePerMTok
  return micro / 1_000_000
}
