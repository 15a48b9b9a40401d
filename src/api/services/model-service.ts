import { AppError } from '../../core/errors'
import type { TokenPrices } from '../../core/pricing'
import { providerKindInfo } from '../../core/provider-kinds'
import type { Model, Provider } from '../../core/schemas/provider'
import type { ModelInput } from '../../store/repos/model-repo'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'
import { callTarget, providerOrThrow, unlistedModel } from './call-targets'

function pricesOf(p: TokenPrices): TokenPrices {
  return { inputPricePerMTok: p.inputPricePerMTok, outputPricePerMTok: p.outputPricePerMTok, cachedInputPricePerMTok: p.cachedInputPricePerMTok }
}

/** Prices a model falls back to when the user clears an override: the emulator's own, else the catalog's. */
async function fallbackPrices(context: EngineContext, provider: Provider, modelId: string) {
  if (provider.kind === 'emulator') {
    const m = context.emulator?.models.find((e) => e.id === modelId)
    return m ? { prices: { inputPricePerMTok: m.inputPricePerMTok, outputPricePerMTok: m.outputPricePerMTok, cachedInputPricePerMTok: null }, source: 'emulator' as const } : null
  }
  const { catalogPricesFor } = await import('../../catalog/catalog')
  const found = catalogPricesFor(provider.kind, modelId)
  return found ? { prices: pricesOf(found), source: 'catalog' as const } : null
}

/** What a provider lists right now, with catalog prices merged in, and where the list came from. */
async function fetchListing(context: EngineContext, provider: Provider): Promise<{ source: 'endpoint' | 'catalog'; models: ModelInput[] }> {
  if (provider.kind === 'emulator') {
    const models = context.emulator?.models ?? []
    return {
      source: 'endpoint',
      models: models.map((m) => ({
        modelId: m.id,
        displayName: m.displayName,
        contextWindow: m.contextWindow,
        inputPricePerMTok: m.inputPricePerMTok,
        outputPricePerMTok: m.outputPricePerMTok,
        priceSource: 'emulator' as const
      }))
    }
  }
  const info = providerKindInfo(provider.kind)
  const { catalogPricesFor, searchCatalog } = await import('../../catalog/catalog')
  if (!info.listsModels) {
    const entries = info.catalogProvider ? searchCatalog('', { catalogProvider: info.catalogProvider, limit: 500 }) : []
    return {
      source: 'catalog',
      models: entries.map((e) => ({
        modelId: e.modelId,
        displayName: e.name,
        contextWindow: e.contextWindow,
        inputPricePerMTok: e.inputPricePerMTok,
        outputPricePerMTok: e.outputPricePerMTok,
        cachedInputPricePerMTok: e.cachedInputPricePerMTok
      }))
    }
  }
  const { listModels } = await import('../../providers/list-models')
  const { ProviderCallError } = await import('../../providers/provider-call-error')
  let listed: Awaited<ReturnType<typeof listModels>>
  try {
    listed = await listModels(callTarget(context, provider, unlistedModel(provider, '')))
  } catch (error) {
    if (error instanceof ProviderCallError) {
      throw new AppError('UPSTREAM', `Could not list the models of "${provider.name}" (${error.errorClass}): ${error.message}`)
    }
    throw error
  }
  return {
    source: 'endpoint',
    models: listed.map((m) => {
      const catalog = catalogPricesFor(provider.kind, m.modelId)
      return {
        modelId: m.modelId,
        displayName: m.displayName ?? catalog?.displayName ?? m.modelId,
        contextWindow: m.contextWindow ?? catalog?.contextWindow ?? null,
        ...(catalog ? pricesOf(catalog) : {})
      }
    })
  }
}

export function modelHandlers(context: EngineContext): Pick<Handlers, 'models.refresh' | 'models.add' | 'models.update' | 'catalog.search'> {
  return {
    'models.refresh': async (request) => {
      const store = requireStore(context)
      const provider = providerOrThrow(context, request.providerId)
      const listing = await fetchListing(context, provider)
      const before = new Set(store.models.list(provider.id).map((m) => m.modelId))
      const unique = [...new Map(listing.models.map((m) => [m.modelId, m])).values()]
      const after = store.models.upsertMany(provider.id, unique)
      const added = unique.filter((m) => !before.has(m.modelId)).length
      return { added, updated: unique.length - added, total: after.length, source: listing.source }
    },
    'models.add': async (request) => {
      const provider = providerOrThrow(context, request.providerId)
      const fallback = await fallbackPrices(context, provider, request.modelId)
      const { catalogPricesFor } = await import('../../catalog/catalog')
      const catalog = provider.kind === 'emulator' ? null : catalogPricesFor(provider.kind, request.modelId)
      return requireStore(context).models.add(provider.id, {
        modelId: request.modelId,
        displayName: request.displayName?.trim() || catalog?.displayName || request.modelId,
        contextWindow: catalog?.contextWindow ?? null,
        ...(fallback ? { ...fallback.prices, priceSource: fallback.source } : {})
      })
    },
    'models.update': async (request) => {
      const store = requireStore(context)
      const provider = providerOrThrow(context, request.providerId)
      let model: Model = store.models.get(provider.id, request.modelId)
      if (request.prices !== undefined) {
        const fallback = request.prices === null ? await fallbackPrices(context, provider, request.modelId) : null
        model = store.models.setPriceOverride(provider.id, request.modelId, request.prices, fallback)
      }
      if (request.enabled !== undefined) model = store.models.update(provider.id, request.modelId, { enabled: request.enabled })
      return model
    },
    'catalog.search': async (request) => {
      const { catalogDate, searchCatalog } = await import('../../catalog/catalog')
      return {
        catalogDate: catalogDate(),
        entries: searchCatalog(request.query, { ...(request.catalogProvider ? { catalogProvider: request.catalogProvider } : {}), limit: request.limit })
      }
    }
  }
}
