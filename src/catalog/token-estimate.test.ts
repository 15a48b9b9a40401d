import { describe, expect, it } from 'vitest'
import { estimateMessagesTokens, estimateTextTokens } from './token-estimate'

describe('token estimates', () => {
  it('counts text with the o200k tokenizer', () => {
    expect(estimateTextTokens('')).toBe(0)
    expect(estimateTextTokens('Hello world')).toBe(2)
    expect(estimateTextTokens('word '.repeat(100))).toBeGreaterThanOrEqual(100)
  })
  it('adds the per-message chat overhead', () => {
    const messages = [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'Hello world' }
    ]
    expect(estimateMessagesTokens(messages)).toBe(3 + 3 + estimateTextTokens('Be brief.') + 3 + 2)
  })
})
