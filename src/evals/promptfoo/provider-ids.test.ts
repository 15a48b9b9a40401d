import { describe, expect, it } from 'vitest'
import { mapProviderConfig, mapProviderId } from './provider-ids'

describe('mapProviderId', () => {
  it.each([
    ['openai:gpt-4.1-mini', 'openai', 'gpt-4.1-mini'],
    ['openai:chat:gpt-4o', 'openai', 'gpt-4o'],
    ['anthropic:messages:claude-sonnet-4-5', 'anthropic', 'claude-sonnet-4-5'],
    ['anthropic:claude-3-5-haiku-latest', 'anthropic', 'claude-3-5-haiku-latest'],
    ['google:gemini-2.5-flash', 'gemini', 'gemini-2.5-flash'],
    ['azure:chat:my-deployment', 'azure-openai', 'my-deployment'],
    ['togetherai:meta-llama/Llama-3.3-70B-Instruct-Turbo', 'together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'],
    ['openrouter:openai/gpt-4o', 'openrouter', 'openai/gpt-4o'],
    ['ollama:chat:llama3.2:3b', 'ollama', 'llama3.2:3b'],
    ['fireworks:accounts/fireworks/models/llama-v3p1-8b-instruct', 'fireworks', 'accounts/fireworks/models/llama-v3p1-8b-instruct']
  ])('%s → %s / %s', (id, kind, modelId) => {
    expect(mapProviderId(id)).toEqual({ ok: true, value: { kind, modelId } })
  })

  it('explains what it cannot run', () => {
    expect(mapProviderId('vertex:gemini-pro')).toEqual({ ok: false, reason: expect.stringMatching(/Google Cloud credentials/) })
    expect(mapProviderId('openai:completion:gpt-3.5-turbo-instruct')).toEqual({ ok: false, reason: expect.stringMatching(/completion API is not supported/) })
    expect(mapProviderId('file://provider.py')).toEqual({ ok: false, reason: expect.stringMatching(/arbitrary code/) })
    expect(mapProviderId('gpt-4')).toEqual({ ok: false, reason: expect.stringMatching(/no provider prefix/) })
    expect(mapProviderId('foo:bar')).toEqual({ ok: false, reason: expect.stringMatching(/"foo" is not one Switchyard calls/) })
  })
})

describe('mapProviderConfig', () => {
  it('carries over sampling parameters and names the rest', () => {
    expect(mapProviderConfig({ temperature: 0.2, max_tokens: 300, top_p: 0.9, seed: 7, stop: '###', apiBaseUrl: 'http://x', response_format: {} })).toEqual({
      params: { temperature: 0.2, maxTokens: 300, topP: 0.9, seed: 7, stop: ['###'] },
      unsupported: ['apiBaseUrl', 'response_format']
    })
  })
})
