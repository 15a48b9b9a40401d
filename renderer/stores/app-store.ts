import { create } from 'zustand'
import { getClient, onUnauthorized } from '../api/client'
import type { AppInfo } from '../../src/core/schemas/app'
import type { AppError } from '../../src/core/errors'
import { toAppError } from '../lib/errors'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'

interface AppState {
  info: Loadable<AppInfo>
  /** Set when the engine rejected this page's session token (web mode). */
  unauthorized: boolean
  openingFresh: boolean
  openFreshError: AppError | null
  load: () => Promise<void>
  openFreshStore: () => Promise<void>
}

export const useAppStore = create<AppState>()((set, get) => ({
  info: idle(),
  unauthorized: false,
  openingFresh: false,
  openFreshError: null,

  async load() {
    set({ info: loading(get().info) })
    try {
      set({ info: ready(await getClient().call('app.info', {})) })
    } catch (error) {
      set({ info: failed(get().info, toAppError(error)) })
    }
  },

  async openFreshStore() {
    set({ openingFresh: true, openFreshError: null })
    try {
      const info = await getClient().call('store.openFresh', {})
      set({ info: ready(info), openingFresh: false })
    } catch (error) {
      set({ openingFresh: false, openFreshError: toAppError(error) })
    }
  }
}))

onUnauthorized(() => useAppStore.setState({ unauthorized: true }))
