import { countTokens } from 'gpt-tokenizer'
import type { TemplateMessage } from '../core/templating'

/**
 * Token counts for when a provider reports no usage, and for pre-run estimates. The o200k tokenizer (OpenAI's
 * current encoding) stands in for every model, so figures for other families are estimates and are always
 * labelled as such.
 */
export function estimateTextTokens(text: string): number {
  return text === '' ? 0 : countTokens(text)
}

/** Chat overhead per message (role and separators) as OpenAI counts it. */
const PER_MESSAGE_OVERHEAD = 3
const REPLY_PRIMING = 3

export function estimateMessagesTokens(messages: readonly TemplateMessage[]): number {
  return messages.reduce((sum, m) => sum + PER_MESSAGE_OVERHEAD + estimateTextTokens(m.content), REPLY_PRIMING)
}
