import { create } from 'zustand'
import { getClient } from '../api/client'
import type { RunDetail, RunSummary } from '../../src/core/schemas/run'
import { toAppError } from '../lib/errors'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'

interface RunsState {
  runs: Loadable<RunSummary[]>
  details: Record<string, Loadable<RunDetail>>
  load: () => Promise<void>
  loadDetail: (id: string) => Promise<void>
}

export const useRunsStore = create<RunsState>()((set, get) => ({
  runs: idle(),
  details: {},

  async load() {
    set({ runs: loading(get().runs) })
    try {
      set({ runs: ready(await getClient().call('runs.list', { limit: 50 })) })
    } catch (error) {
      set({ runs: failed(get().runs, toAppError(error)) })
    }
  },

  async loadDetail(id) {
    const previous = get().details[id]
    set({ details: { ...get().details, [id]: loading(previous) } })
    try {
      const detail = await getClient().call('runs.get', { id })
      set({ details: { ...get().details, [id]: ready(detail) } })
    } catch (error) {
      set({ details: { ...get().details, [id]: failed(previous, toAppError(error)) } })
    }
  }
}))
