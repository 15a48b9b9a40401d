import { create } from 'zustand'
import { getClient } from '../api/client'
import type { ResponseOf } from '../../src/core/api-contract'
import type { PlaygroundRunRequest } from '../../src/core/schemas/playground'
import type { Model } from '../../src/core/schemas/provider'
import type { ModelRef } from '../../src/core/schemas/workspace'
import { toAppError } from '../lib/errors'
import { emptyDraft, MAX_MODELS, messageId, sameModel } from '../lib/playground-draft'
import type { DraftMessage, PlaygroundDraft, Role } from '../lib/playground-draft'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'

export type Estimate = ResponseOf<'playground.estimate'>

interface EditorState {
  draft: PlaygroundDraft
  /** Every model of every provider (the picker shows the enabled ones). */
  allModels: Loadable<Model[]>
  estimate: Loadable<Estimate>
  /** The request the current estimate answers (to tell a fresh estimate from a stale one). */
  estimateKey: string | null
  loadModels: () => Promise<void>
  setField: <K extends keyof PlaygroundDraft>(key: K, value: PlaygroundDraft[K]) => void
  setValue: (name: string, value: string) => void
  addMessage: () => void
  updateMessage: (id: string, change: Partial<Pick<DraftMessage, 'role' | 'content'>>) => void
  removeMessage: (id: string) => void
  moveMessage: (id: string, by: -1 | 1) => void
  toggleModel: (ref: ModelRef, on: boolean) => void
  loadDraft: (draft: PlaygroundDraft) => void
  runEstimate: (request: PlaygroundRunRequest | null) => Promise<void>
}

export const usePlaygroundEditor = create<EditorState>()((set, get) => {
  function setDraft(change: Partial<PlaygroundDraft>): void {
    set({ draft: { ...get().draft, ...change } })
  }

  return {
    draft: emptyDraft(),
    allModels: idle(),
    estimate: idle(),
    estimateKey: null,

    async loadModels() {
      set({ allModels: loading(get().allModels) })
      try {
        set({ allModels: ready(await getClient().call('models.list', {})) })
      } catch (error) {
        set({ allModels: failed(get().allModels, toAppError(error)) })
      }
    },

    setField(key, value) {
      setDraft({ [key]: value } as Partial<PlaygroundDraft>)
    },

    setValue(name, value) {
      setDraft({ values: { ...get().draft.values, [name]: value } })
    },

    addMessage() {
      const messages = get().draft.messages
      const last = messages[messages.length - 1]
      const role: Role = last?.role === 'user' ? 'assistant' : 'user'
      setDraft({ messages: [...messages, { id: messageId(), role, content: '' }] })
    },

    updateMessage(id, change) {
      setDraft({ messages: get().draft.messages.map((m) => (m.id === id ? { ...m, ...change } : m)) })
    },

    removeMessage(id) {
      setDraft({ messages: get().draft.messages.filter((m) => m.id !== id) })
    },

    moveMessage(id, by) {
      const messages = [...get().draft.messages]
      const from = messages.findIndex((m) => m.id === id)
      const to = from + by
      if (from < 0 || to < 0 || to >= messages.length) return
      const [moved] = messages.splice(from, 1)
      messages.splice(to, 0, moved!)
      setDraft({ messages })
    },

    toggleModel(ref, on) {
      const models = get().draft.models.filter((m) => !sameModel(m, ref))
      setDraft({ models: on ? [...models, ref].slice(0, MAX_MODELS) : models })
    },

    loadDraft(draft) {
      set({ draft, estimate: idle(), estimateKey: null })
    },

    async runEstimate(request) {
      if (!request) {
        set({ estimate: idle(), estimateKey: null })
        return
      }
      const key = JSON.stringify(request)
      if (key === get().estimateKey && get().estimate.status !== 'error') return
      set({ estimate: loading(get().estimate), estimateKey: key })
      try {
        const answer = await getClient().call('playground.estimate', request)
        if (get().estimateKey === key) set({ estimate: ready(answer) })
      } catch (error) {
        if (get().estimateKey === key) set({ estimate: failed(get().estimate, toAppError(error)) })
      }
    }
  }
})
