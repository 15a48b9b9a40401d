import { createAnthropic } from '@ai-sdk/anthropic'
import { createAzure } from '@ai-sdk/azure'
import { createDeepSeek } from '@ai-sdk/deepseek'
import { createFireworks } from '@ai-sdk/fireworks'
import { createGoogleGenerativeAI } from '@ai-sdk/google'
import { createGroq } from '@ai-sdk/groq'
import { createMistral } from '@ai-sdk/mistral'
import { createOpenAI } from '@ai-sdk/openai'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { createTogetherAI } from '@ai-sdk/togetherai'
import { createXai } from '@ai-sdk/xai'
import { createOpenRouter } from '@openrouter/ai-sdk-provider'
import type { LanguageModel } from 'ai'
import type { CallTarget } from './call-types'
import { extraHeaders, resolveBaseUrl, stringOption } from './provider-endpoint'
import { ProviderCallError } from './provider-call-error'

// Kept here too for the modules that import them from this one.
export { extraHeaders, resolveBaseUrl }

/** Azure's deployment URLs hang off `{endpoint}/openai`; accept the bare endpoint too. */
function azureBaseUrl(base: string): string {
  return /\/openai$/.test(base) ? base : `${base}/openai`
}

/** One AI SDK language model for the target's provider kind, always using our fetch. */
export function createLanguageModel(target: CallTarget, fetch: typeof globalThis.fetch): LanguageModel {
  const { provider, model, apiKey } = target
  const modelId = model.modelId
  const baseURL = resolveBaseUrl(target)
  const headers = extraHeaders(provider.options)
  const key = apiKey ?? ''
  switch (provider.kind) {
    case 'openai':
      return createOpenAI({ baseURL, apiKey: key, headers, fetch }).chat(modelId)
    case 'emulator':
      return createOpenAI({ baseURL, apiKey: apiKey ?? 'emulator', headers, fetch }).chat(modelId)
    case 'anthropic':
      return createAnthropic({ baseURL, apiKey: key, headers, fetch })(modelId)
    case 'gemini':
      return createGoogleGenerativeAI({ baseURL, apiKey: key, headers, fetch })(modelId)
    case 'azure-openai': {
      const apiVersion = stringOption(provider.options, 'apiVersion')
      if (!apiVersion) throw new ProviderCallError('bad_request', `Provider "${provider.name}" needs an API version (e.g. 2024-10-21). Set one in Providers.`)
      return createAzure({ baseURL: azureBaseUrl(baseURL), apiKey: key, apiVersion, useDeploymentBasedUrls: true, headers, fetch }).chat(modelId)
    }
    case 'mistral':
      return createMistral({ baseURL, apiKey: key, headers, fetch })(modelId)
    case 'groq':
      return createGroq({ baseURL, apiKey: key, headers, fetch })(modelId)
    case 'deepseek':
      return createDeepSeek({ baseURL, apiKey: key, headers, fetch })(modelId)
    case 'xai':
      return createXai({ baseURL, apiKey: key, headers, fetch }).chat(modelId)
    case 'together':
      return createTogetherAI({ baseURL, apiKey: key, headers, fetch })(modelId)
    case 'fireworks':
      return createFireworks({ baseURL, apiKey: key, headers, fetch })(modelId)
    case 'openrouter':
      return createOpenRouter({ baseURL, apiKey: key, headers, fetch, compatibility: 'strict' }).chat(modelId, { usage: { include: true } })
    case 'ollama':
    case 'lmstudio':
    case 'vllm':
    case 'openai-compatible':
      return createOpenAICompatible({ name: provider.kind, baseURL, apiKey: apiKey || undefined, headers, includeUsage: true, supportsStructuredOutputs: true, fetch })(modelId)
  }
}
