import { create } from 'zustand'
import { getClient } from '../api/client'
import type { ConnectionTest, RequestOf, ResponseOf } from '../../src/core/api-contract'
import type { AppError } from '../../src/core/errors'
import type { Model, ProviderWithStatus } from '../../src/core/schemas/provider'
import { toAppError } from '../lib/errors'
import { ready } from './loadable'
import { useProvidersStore } from './providers-store'

export type LocalServer = ResponseOf<'providers.detectLocal'>[number]
export type ProviderInput = RequestOf<'providers.create'>
export type ProviderPatch = RequestOf<'providers.update'>
export type PricePatch = NonNullable<RequestOf<'models.update'>['prices']>

/** What one action on a provider or its models last did. */
export interface ActionState {
  busy: boolean
  error: AppError | null
  notice: string | null
}

interface AdminState {
  localServers: LocalServer[]
  detecting: boolean
  tests: Record<string, { busy: boolean; result: ConnectionTest | null; error: AppError | null }>
  /** Keyed `<providerId>:<action>` (refresh, add, model:<modelId>). */
  actions: Record<string, ActionState>
  catalogDate: string | null
  detectLocal: () => Promise<void>
  loadCatalogDate: () => Promise<void>
  create: (input: ProviderInput) => Promise<ProviderWithStatus>
  update: (patch: ProviderPatch) => Promise<ProviderWithStatus>
  remove: (id: string) => Promise<void>
  test: (id: string) => Promise<void>
  refreshModels: (providerId: string) => Promise<void>
  addModel: (providerId: string, modelId: string) => Promise<boolean>
  updateModel: (providerId: string, modelId: string, change: { enabled?: boolean; prices?: PricePatch | null }) => Promise<boolean>
}

function replaceProvider(next: ProviderWithStatus): void {
  const list = useProvidersStore.getState().providers.data ?? []
  const exists = list.some((p) => p.id === next.id)
  useProvidersStore.setState({ providers: ready(exists ? list.map((p) => (p.id === next.id ? next : p)) : [...list, next]) })
}

function replaceModel(model: Model): void {
  const state = useProvidersStore.getState()
  const list = state.models[model.providerId]?.data
  if (!list) return
  const exists = list.some((m) => m.modelId === model.modelId)
  const next = exists ? list.map((m) => (m.modelId === model.modelId ? model : m)) : [...list, model]
  useProvidersStore.setState({ models: { ...state.models, [model.providerId]: ready(next) } })
}

export const useProviderAdmin = create<AdminState>()((set, get) => {
  function action(key: string, value: ActionState): void {
    set({ actions: { ...get().actions, [key]: value } })
  }

  return {
    localServers: [],
    detecting: false,
    tests: {},
    actions: {},
    catalogDate: null,

    async detectLocal() {
      set({ detecting: true })
      try {
        set({ localServers: await getClient().call('providers.detectLocal', {}), detecting: false })
      } catch {
        // Detection is a convenience: when it fails the banner just stays hidden.
        set({ localServers: [], detecting: false })
      }
    },

    async loadCatalogDate() {
      try {
        const answer = await getClient().call('catalog.search', { query: '', limit: 1 })
        set({ catalogDate: answer.catalogDate })
      } catch {
        set({ catalogDate: null })
      }
    },

    async create(input) {
      const created = await getClient().call('providers.create', input)
      replaceProvider(created)
      void get().detectLocal()
      return created
    },

    async update(patch) {
      const updated = await getClient().call('providers.update', patch)
      replaceProvider(updated)
      return updated
    },

    async remove(id) {
      await getClient().call('providers.remove', { id })
      const list = useProvidersStore.getState().providers.data ?? []
      useProvidersStore.setState({ providers: ready(list.filter((p) => p.id !== id)) })
      void get().detectLocal()
    },

    async test(id) {
      set({ tests: { ...get().tests, [id]: { busy: true, result: null, error: null } } })
      try {
        const result = await getClient().call('providers.test', { id })
        set({ tests: { ...get().tests, [id]: { busy: false, result, error: null } } })
      } catch (error) {
        set({ tests: { ...get().tests, [id]: { busy: false, result: null, error: toAppError(error) } } })
      }
    },

    async refreshModels(providerId) {
      const key = `${providerId}:refresh`
      action(key, { busy: true, error: null, notice: null })
      try {
        const r = await getClient().call('models.refresh', { providerId })
        await useProvidersStore.getState().loadModels(providerId)
        const from = r.source === 'endpoint' ? "the provider's models endpoint" : 'the price catalog'
        action(key, { busy: false, error: null, notice: `${r.added} added, ${r.updated} updated, ${r.total} in all (from ${from}).` })
      } catch (error) {
        action(key, { busy: false, error: toAppError(error), notice: null })
      }
    },

    async addModel(providerId, modelId) {
      const key = `${providerId}:add`
      action(key, { busy: true, error: null, notice: null })
      try {
        const model = await getClient().call('models.add', { providerId, modelId })
        replaceModel(model)
        action(key, { busy: false, error: null, notice: `Added ${model.modelId}${model.priceSource === 'catalog' ? ' with catalog prices' : ''}.` })
        return true
      } catch (error) {
        action(key, { busy: false, error: toAppError(error), notice: null })
        return false
      }
    },

    async updateModel(providerId, modelId, change) {
      const key = `${providerId}:model:${modelId}`
      action(key, { busy: true, error: null, notice: null })
      try {
        replaceModel(await getClient().call('models.update', { providerId, modelId, ...change }))
        action(key, { busy: false, error: null, notice: null })
        return true
      } catch (error) {
        action(key, { busy: false, error: toAppError(error), notice: null })
        return false
      }
    }
  }
})
