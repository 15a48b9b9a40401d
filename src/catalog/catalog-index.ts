import { findProvider } from '@pydantic/genai-prices'
import type { ModelInfo, Provider } from '@pydantic/genai-prices'
import { compileMatch, expandDateSuffix, normalizeModelId } from './match-logic'
import type { ModelIdPredicate } from './match-logic'

/**
 * Every provider id in the bundled data of @pydantic/genai-prices 0.1.8. The package only looks providers up one id
 * at a time (`findProvider`) and lists them all only asynchronously (`waitForUpdate`), so the ids are listed here;
 * `catalog.test.ts` compares this list with the package's data so an upgrade that adds a provider fails loudly.
 */
export const CATALOG_PROVIDER_IDS = [
  'anthropic', 'arcee', 'avian', 'aws', 'azure', 'baseten', 'cerebras', 'cloudflare', 'cohere', 'cursor', 'deepseek',
  'doubleword', 'fireworks', 'github-copilot', 'google', 'groq', 'huggingface_cerebras', 'huggingface_fireworks-ai',
  'huggingface_groq', 'huggingface_hyperbolic', 'huggingface_nebius', 'huggingface_novita', 'huggingface_nscale',
  'huggingface_ovhcloud', 'huggingface_publicai', 'huggingface_sambanova', 'huggingface_together', 'minimax', 'mistral',
  'modal', 'moonshotai', 'novita', 'openai', 'openrouter', 'ovhcloud', 'perplexity', 'quicksilverpro', 'together',
  'typesafe', 'voyageai', 'x-ai', 'zai', 'zhipuai'
] as const

interface IndexedProvider {
  provider: Provider
  models: { model: ModelInfo; test: ModelIdPredicate }[]
}

export interface ResolvedModel {
  /** The provider whose list holds the model (an Azure id may resolve through its OpenAI fallback). */
  provider: Provider
  model: ModelInfo
}

let providers: Provider[] | null = null
const byId = new Map<string, Provider | undefined>()
const indexed = new Map<string, IndexedProvider>()
const resolved = new Map<string, ResolvedModel | null>()
const MAX_MEMO = 10_000

/** All catalog providers, loaded once. */
export function catalogProviders(): Provider[] {
  providers ??= CATALOG_PROVIDER_IDS.map((id) => findProvider({ providerId: id })).filter((p): p is Provider => p?.id !== undefined)
  return providers
}

/** A provider by id or by its `provider_match` alias, exactly as the package finds it. */
export function findCatalogProvider(providerId: string): Provider | undefined {
  const key = providerId.toLowerCase().trim()
  if (!byId.has(key)) byId.set(key, findProvider({ providerId: key }))
  return byId.get(key)
}

function indexOf(provider: Provider): IndexedProvider {
  let entry = indexed.get(provider.id)
  if (!entry) {
    entry = { provider, models: provider.models.map((model) => ({ model, test: compileMatch(model.match) })) }
    indexed.set(provider.id, entry)
  }
  return entry
}

/** The package's order: the provider's own models first, then its `fallback_model_providers` (one level). */
function matchIn(provider: Provider, modelId: string, withFallbacks: boolean): ResolvedModel | null {
  const hit = indexOf(provider).models.find((m) => m.test(modelId))
  if (hit) return { provider, model: hit.model }
  if (!withFallbacks || !provider.fallback_model_providers) return null
  for (const fallbackId of provider.fallback_model_providers) {
    const fallback = catalogProviders().find((p) => p.id === fallbackId)
    const found = fallback ? matchIn(fallback, modelId, false) : null
    if (found) return found
  }
  return null
}

/**
 * The catalog model for a model id at a provider, with the package's matching: the lowercased id against each
 * model's `match` in order, then the fallback providers, then once more with a compact date suffix expanded
 * (`-20240620` → `-2024-06-20`). Results are memoised, so repeated lookups are a map read.
 */
export function resolveCatalogModel(provider: Provider, modelId: string): ResolvedModel | null {
  const id = normalizeModelId(modelId)
  const key = `${provider.id}\u0000${id}`
  const memo = resolved.get(key)
  if (memo !== undefined) return memo
  let found = matchIn(provider, id, true)
  if (!found) {
    const expanded = expandDateSuffix(id)
    if (expanded !== id) found = matchIn(provider, expanded, true)
  }
  if (resolved.size >= MAX_MEMO) resolved.clear()
  resolved.set(key, found)
  return found
}
