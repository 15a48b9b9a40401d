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
import { providerKindInfo } from '../core/provider-kinds'
import type { CallTarget } from './call-types'
import { ProviderCallError } from './provider-call-error'

/** `provider.options.headers` as a Record or "Name: value" lines; anything else is ignored. */
export function extraHeaders(options: Record<string, unknown>): Record<string, string> {
  const raw = options['headers']
  const out: Record<string, string> = {}
  if (typeof raw === 'string') {
    for (const line of raw.split(/\r?\n/)) {
      const colon = line.indexOf(':')
      if (colon <= 0) continue
      const name = line.slice(0, colon).trim()
      const value = line.slice(colon + 1).trim()
      if (name) out[name] = value
    }
  } else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      if (typeof value === 'string' || typeof value === 'number') out[name] = String(value)
    }
  }
  return out
}

function stringOption(options: Record<string, unknown>, key: string): string | undefined {
  const value = options[key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '')

/** The base URL a provider's requests go to (the emulator's OpenAI route for the built-in provider). */
export function resolveBaseUrl(target: CallTarget): string {
  const { provider } = target
  if (provider.kind === 'emulator') {
    if (!target.emulatorUrl) throw new ProviderCallError('network', 'The Local emulator is not running in this session.')
    return `${trimSlash(target.emulatorUrl)}/v1`
  }
  const base = provider.baseUrl?.trim() || providerKindInfo(provider.kind).defaultBaseUrl
  if (!base) {
    if (provider.kind === 'azure-openai') {
      const resource = stringOption(provider.options, 'resourceName')
      if (resource) return `https://${resource}.openai.azure.com/openai`
      throw new ProviderCallError('bad_request', `Provider "${provider.name}" needs a resource name or a base URL. Set one in Providers.`)
    }
    throw new ProviderCallError('bad_request', `Provider "${provider.name}" has no base URL. Set one in Providers.`)
  }
  return trimSlash(base)
}

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
