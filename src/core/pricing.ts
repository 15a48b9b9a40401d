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

/**
 * Cost range of one call before it runs: the minimum bills the input only (the model answers with nothing), the
 * maximum bills the input plus `maxOutputTokens`. Cached input is not assumed. Each bound is null when a price it
 * needs is unknown (the minimum needs the input price, the maximum both prices): an unknown cost is never zero.
 */
export function estimateCostRange(
  prices: TokenPrices,
  inputTokens: number,
  maxOutputTokens: number
): { minCostUsd: number | null; maxCostUsd: number | null } {
  const input = prices.inputPricePerMTok
  const output = prices.outputPricePerMTok
  if (input === null) return { minCostUsd: null, maxCostUsd: null }
  const minCostUsd = (inputTokens * input) / 1_000_000
  const maxCostUsd = output === null ? null : (inputTokens * input + maxOutputTokens * output) / 1_000_000
  return { minCostUsd, maxCostUsd }
}
