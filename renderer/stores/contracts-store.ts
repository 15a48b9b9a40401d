import { create } from 'zustand'
import { getClient } from '../api/client'
import type { ContractDetail, ContractSummary } from '../../src/core/schemas/workspace'
import { toAppError } from '../lib/errors'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'

interface ContractsState {
  contracts: Loadable<ContractSummary[]>
  details: Record<string, Loadable<ContractDetail>>
  load: () => Promise<void>
  loadDetail: (id: string) => Promise<void>
}

export const useContractsStore = create<ContractsState>()((set, get) => ({
  contracts: idle(),
  details: {},

  async load() {
    set({ contracts: loading(get().contracts) })
    try {
      set({ contracts: ready(await getClient().call('contracts.list', {})) })
    } catch (error) {
      set({ contracts: failed(get().contracts, toAppError(error)) })
    }
  },

  async loadDetail(id) {
    const previous = get().details[id]
    set({ details: { ...get().details, [id]: loading(previous) } })
    try {
      const detail = await getClient().call('contracts.get', { id })
      set({ details: { ...get().details, [id]: ready(detail) } })
    } catch (error) {
      set({ details: { ...get().details, [id]: failed(previous, toAppError(error)) } })
    }
  }
}))
