import { create } from 'zustand'
import { getClient } from '../api/client'
import type { RunDetail, RunSummary } from '../../src/core/schemas/run'
import { toAppError } from '../lib/errors'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'

interface RunsState {
  runs: Loadable<RunSummary[]>
  /** The history search (titles, prompts and outputs); empty lists the latest runs. */
  query: string
  details: Record<string, Loadable<RunDetail>>
  load: (query?: string) => Promise<void>
  loadDetail: (id: string) => Promise<void>
}

export const useRunsStore = create<RunsState>()((set, get) => ({
  runs: idle(),
  query: '',
  details: {},

  async load(query) {
    const q = query ?? get().query
    set({ runs: loading(get().runs), query: q })
    try {
      const list = await getClient().call('runs.list', { limit: 50, ...(q.trim() ? { query: q.trim() } : {}) })
      if (get().query === q) set({ runs: ready(list) })
    } catch (error) {
      if (get().query === q) set({ runs: failed(get().runs, toAppError(error)) })
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
