/**
 * Token accounting. The emulator has no real tokenizer: a prompt costs ceil(characters / 4) tokens over
 * all message text plus MESSAGE_OVERHEAD_TOKENS per message (role markers and separators, like real chat
 * templates add); the output costs exactly one token per emitted piece.
 */

export interface PromptMessage {
  role: string
  text: string
}

export interface TokenUsage {
  promptTokens: number
  completionTokens: number
  totalTokens: number
}

export const MESSAGE_OVERHEAD_TOKENS = 4

export function countPromptTokens(messages: readonly PromptMessage[]): number {
  let chars = 0
  for (const message of messages) chars += message.text.length
  return Math.ceil(chars / 4) + MESSAGE_OVERHEAD_TOKENS * messages.length
}

export function buildUsage(promptTokens: number, completionTokens: number): TokenUsage {
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens }
}

/** Cost in USD of a usage at the given per-million-token prices. */
export function usageCostUsd(usage: TokenUsage, inputPricePerMTok: number, outputPricePerMTok: number): number {
  return (usage.promptTokens * inputPricePerMTok + usage.completionTokens * outputPricePerMTok) / 1_000_000
}
