import type { CatalogEntry } from '../core/api-contract'
import { providerKindInfo } from '../core/provider-kinds'
import type { ProviderKind } from '../core/schemas/provider'
import { catalogProviders, findCatalogProvider, resolveCatalogModel } from './catalog-index'
import type { ResolvedModel } from './catalog-index'
import { contextWindowOf, tokenPricesOf } from './catalog-prices'

/**
 * The offline price catalog (@pydantic/genai-prices): search, and prices for a provider kind's model id. Prices are
 * USD per million tokens; date-conditional prices give the one in force now and tiered prices their base tier (see
 * catalog-prices.ts).
 */

/**
 * The bundled data carries no date of its own (no timestamp field; `auto_update_timestamp` is only set by remote
 * updates, which Switchyard does not use). The most honest date is therefore the npm publish time of the installed
 * version: @pydantic/genai-prices 0.1.8 was published 2026-09-23T10:11Z. `catalog.test.ts` fails when the installed
 * version is not this one, so the date cannot silently go stale on upgrade.
 */
export const CATALOG_PACKAGE_VERSION = '0.1.8'
const CATALOG_PUBLISHED = '2026-09-23'

export function catalogDate(): string | null {
  return CATALOG_PUBLISHED
}

export interface CatalogModelPrices {
  displayName: string
  contextWindow: number | null
  inputPricePerMTok: number | null
  outputPricePerMTok: number | null
  cachedInputPricePerMTok: number | null
}

/**
 * genai-prices provider id per kind. Every id in provider-kinds.ts was checked against the 0.1.8 data and exists
 * (openai, anthropic, google, azure, mistral, groq, deepseek, x-ai, together, fireworks, openrouter), so no kind is
 * overridden here; add an entry when the data renames a provider.
 */
const CATALOG_PROVIDER_CORRECTIONS: Partial<Record<ProviderKind, string | null>> = {}

function catalogProviderOf(kind: ProviderKind): string | null {
  const corrected = CATALOG_PROVIDER_CORRECTIONS[kind]
  return corrected !== undefined ? corrected : providerKindInfo(kind).catalogProvider
}

function pricesOf(found: ResolvedModel): CatalogModelPrices {
  return { displayName: found.model.name ?? found.model.id, contextWindow: contextWindowOf(found.model), ...tokenPricesOf(found.model) }
}

/**
 * Catalog prices and context window for a model id as a provider of `kind` sends it on the wire; null when the kind
 * has no catalog provider (local servers, the emulator) or the catalog does not know the model.
 * - Azure deployment names that equal a model id resolve through the catalog's Azure list, then its OpenAI (and
 *   other) fallbacks; a free-form deployment name cannot be resolved.
 * - OpenRouter ids (`openai/gpt-4o`) match the OpenRouter list; an id it lacks falls back to the vendor's own list
 *   (`openai` → OpenAI, `mistralai` → Mistral), since OpenRouter passes vendor list prices through.
 * - Gemini ids may carry the API's `models/` prefix.
 * - Together (`meta-llama/Llama-3.3-70B-Instruct-Turbo`) and Fireworks (`accounts/fireworks/models/…`) long ids match
 *   as the catalog writes them, case-insensitively.
 */
export function catalogPricesFor(kind: ProviderKind, modelId: string): CatalogModelPrices | null {
  const providerId = catalogProviderOf(kind)
  if (providerId === null || modelId.trim() === '') return null
  const provider = findCatalogProvider(providerId)
  if (!provider) return null
  // The Gemini API lists its models as `models/<id>`; the catalog knows the bare id.
  const wireId = kind === 'gemini' ? modelId.trim().replace(/^models\//, '') : modelId
  const found = resolveCatalogModel(provider, wireId)
  if (found) return pricesOf(found)
  if (kind === 'openrouter') {
    const slash = modelId.indexOf('/')
    const vendor = slash > 0 ? findCatalogProvider(modelId.slice(0, slash)) : undefined
    const viaVendor = vendor && vendor.id !== provider.id ? resolveCatalogModel(vendor, modelId.slice(slash + 1)) : null
    if (viaVendor) return pricesOf(viaVendor)
  }
  return null
}

interface SearchRow {
  entry: CatalogEntry
  haystack: string
  modelId: string
  deprecated: boolean
}

let rows: SearchRow[] | null = null

function searchRows(): SearchRow[] {
  rows ??= catalogProviders().flatMap((provider) =>
    provider.models.map((model) => {
      const name = model.name ?? model.id
      const entry: CatalogEntry = { catalogProvider: provider.id, modelId: model.id, name, contextWindow: contextWindowOf(model), ...tokenPricesOf(model) }
      return { entry, haystack: `${provider.id} ${model.id} ${name}`.toLowerCase(), modelId: model.id.toLowerCase(), deprecated: model.deprecated === true }
    })
  )
  return rows
}

/**
 * Catalog models whose provider id, model id or name contain every word of `query` (case-insensitive; an empty query
 * lists everything). Exact model ids come first, then ids starting with the query, then the rest; deprecated models
 * after current ones; otherwise catalog order.
 */
export function searchCatalog(query: string, options: { catalogProvider?: string; limit: number }): CatalogEntry[] {
  const q = query.trim().toLowerCase()
  const terms = q.split(/\s+/).filter(Boolean)
  const rank = (row: SearchRow): number => (row.modelId === q ? 0 : row.modelId.startsWith(q) ? 1 : 2) + (row.deprecated ? 3 : 0)
  const provider = options.catalogProvider?.toLowerCase()
  return searchRows()
    .filter((row) => (provider === undefined || row.entry.catalogProvider === provider) && terms.every((t) => row.haystack.includes(t)))
    .map((row) => ({ row, rank: rank(row) }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, Math.max(0, options.limit))
    .map(({ row }) => ({ ...row.entry }))
}
