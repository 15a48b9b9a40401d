import { createAzure } from '@ai-sdk/azure'
import { createFireworks } from '@ai-sdk/fireworks'
import { createGoogleGenerativeAI } from '@ai-sdk/google'
import { createMistral } from '@ai-sdk/mistral'
import { createOpenAI } from '@ai-sdk/openai'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import type { EmbeddingModelV3 } from '@ai-sdk/provider'
import { createTogetherAI } from '@ai-sdk/togetherai'
import { embedMany } from 'ai'
import type { CallTarget } from './call-types'
import { classifyError } from './classify-error'
import { extraHeaders, resolveBaseUrl } from './language-model'
import { ProviderCallError } from './provider-call-error'

/** Provider kinds with an embeddings API the AI SDK speaks. */
export const EMBEDDING_KINDS = ['openai', 'emulator', 'azure-openai', 'gemini', 'mistral', 'together', 'fireworks', 'ollama', 'lmstudio', 'vllm', 'openai-compatible'] as const

/** One AI SDK embedding model for the target (the target's model id names the embedding model). */
export function createEmbeddingModel(target: CallTarget): EmbeddingModelV3 {
  const { provider, model, apiKey } = target
  const baseURL = resolveBaseUrl(target)
  const headers = extraHeaders(provider.options)
  const key = apiKey ?? ''
  switch (provider.kind) {
    case 'openai':
      return createOpenAI({ baseURL, apiKey: key, headers }).embeddingModel(model.modelId)
    case 'emulator':
      return createOpenAI({ baseURL, apiKey: apiKey ?? 'emulator', headers }).embeddingModel(model.modelId)
    case 'azure-openai': {
      const apiVersion = typeof provider.options['apiVersion'] === 'string' ? provider.options['apiVersion'] : undefined
      return createAzure({ baseURL: /\/openai$/.test(baseURL) ? baseURL : `${baseURL}/openai`, apiKey: key, apiVersion, useDeploymentBasedUrls: true, headers }).embeddingModel(model.modelId)
    }
    case 'gemini':
      return createGoogleGenerativeAI({ baseURL, apiKey: key, headers }).embeddingModel(model.modelId)
    case 'mistral':
      return createMistral({ baseURL, apiKey: key, headers }).embeddingModel(model.modelId)
    case 'together':
      return createTogetherAI({ baseURL, apiKey: key, headers }).embeddingModel(model.modelId)
    case 'fireworks':
      return createFireworks({ baseURL, apiKey: key, headers }).embeddingModel(model.modelId)
    case 'ollama':
    case 'lmstudio':
    case 'vllm':
    case 'openai-compatible':
      return createOpenAICompatible({ name: provider.kind, baseURL, apiKey: apiKey || undefined, headers }).embeddingModel(model.modelId)
    default:
      throw new ProviderCallError('bad_request', `Provider "${provider.name}" (${provider.kind}) has no embeddings API Switchyard can call; pick an embeddings model of OpenAI, Gemini, Mistral, Azure, Together, Fireworks, a local server or the Local emulator (emu-embed).`)
  }
}

/** Embeds texts (one vector per text, in order); a provider failure becomes a ProviderCallError with its class. */
export async function embedTexts(target: CallTarget, texts: string[], signal?: AbortSignal): Promise<number[][]> {
  if (!target.apiKey && target.provider.kind !== 'emulator' && !['ollama', 'lmstudio', 'vllm', 'openai-compatible'].includes(target.provider.kind)) {
    throw new ProviderCallError('missing_key', `No key for "${target.provider.name}": set one in Providers to use it for embeddings.`)
  }
  try {
    const result = await embedMany({ model: createEmbeddingModel(target), values: texts, maxRetries: 2, abortSignal: signal })
    return result.embeddings
  } catch (error) {
    if (error instanceof ProviderCallError) throw error
    const classified = classifyError(error, { secrets: target.apiKey ? [target.apiKey] : [], aborted: signal?.aborted ?? false, sawOutput: false })
    throw new ProviderCallError(classified.errorClass, `Embeddings from ${target.provider.name}/${target.model.modelId} failed: ${classified.message}`)
  }
}
