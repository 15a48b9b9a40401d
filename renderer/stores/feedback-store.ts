import { create } from 'zustand'
import { getClient } from '../api/client'
import type { Feedback, FeedbackFilter, FeedbackItem, Rating } from '../../src/core/api/dataset-transfer-operations'
import type { ResponseOf } from '../../src/core/api-contract'
import { toAppError } from '../lib/errors'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'
import { useDatasetsStore } from './datasets-store'

export type FeedbackListFilter = Required<Pick<FeedbackFilter, 'rating' | 'withNote' | 'notYetCase'>>

interface FeedbackState {
  /** Current feedback by call id: a record, null for "none", absent while unknown. */
  byCall: Record<string, Feedback | null>
  /** Calls whose feedback is being saved. */
  saving: Record<string, boolean>
  /** Asks for the feedback of a call; requests made in the same tick go to the engine as one. */
  request: (callId: string) => void
  set: (callId: string, rating: Rating | null, note: string) => Promise<void>
  filter: FeedbackListFilter
  list: Loadable<{ total: number; items: FeedbackItem[] }>
  setFilter: (filter: Partial<FeedbackListFilter>) => void
  loadList: () => Promise<void>
  toCases: (callIds: string[], target: { datasetId: string } | { newDatasetName: string }) => Promise<ResponseOf<'feedback.toCases'>>
}

const pending = new Set<string>()
let flushQueued = false

export const useFeedbackStore = create<FeedbackState>()((set, get) => {
  async function flush(): Promise<void> {
    flushQueued = false
    const callIds = [...pending]
    pending.clear()
    if (callIds.length === 0) return
    try {
      const found = await getClient().call('feedback.forCalls', { callIds })
      const byCall = { ...get().byCall }
      for (const id of callIds) byCall[id] = found.find((f) => f.callId === id) ?? null
      set({ byCall })
    } catch {
      // Leave them unknown: the controls stay usable and setting feedback reports any engine error.
      const byCall = { ...get().byCall }
      for (const id of callIds) if (!(id in byCall)) byCall[id] = null
      set({ byCall })
    }
  }

  return {
    byCall: {},
    saving: {},
    request(callId) {
      if (callId in get().byCall || pending.has(callId)) return
      pending.add(callId)
      if (!flushQueued) {
        flushQueued = true
        queueMicrotask(() => void flush())
      }
    },
    async set(callId, rating, note) {
      set({ saving: { ...get().saving, [callId]: true } })
      try {
        const { feedback } = await getClient().call('feedback.set', { callId, rating, note })
        set({ byCall: { ...get().byCall, [callId]: feedback } })
      } finally {
        set({ saving: { ...get().saving, [callId]: false } })
      }
    },

    filter: { rating: 'any', withNote: false, notYetCase: true },
    list: idle(),
    setFilter(filter) {
      set({ filter: { ...get().filter, ...filter } })
      void get().loadList()
    },
    async loadList() {
      const filter = get().filter
      set({ list: loading(get().list) })
      try {
        const list = await getClient().call('feedback.list', { ...filter, limit: 500 })
        if (get().filter !== filter) return
        set({ list: ready(list) })
      } catch (error) {
        set({ list: failed(get().list, toAppError(error)) })
      }
    },
    async toCases(callIds, target) {
      const result = await getClient().call('feedback.toCases', { callIds, ...target })
      await Promise.all([get().loadList(), useDatasetsStore.getState().load()])
      return result
    }
  }
})
