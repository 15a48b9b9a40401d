import { create } from 'zustand'
import { getClient } from '../api/client'
import type { Settings } from '../../src/core/schemas/app'
import type { AppError } from '../../src/core/errors'
import { toAppError } from '../lib/errors'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'

interface SettingsState {
  settings: Loadable<Settings>
  saving: boolean
  saveError: AppError | null
  load: () => Promise<void>
  update: (patch: Partial<Settings>) => Promise<void>
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: idle(),
  saving: false,
  saveError: null,

  async load() {
    set({ settings: loading(get().settings) })
    try {
      set({ settings: ready(await getClient().call('settings.get', {})) })
    } catch (error) {
      set({ settings: failed(get().settings, toAppError(error)) })
    }
  },

  async update(patch) {
    const before = get().settings
    // Optimistic: the theme switches at once; the engine's answer (or the old value on failure) settles it.
    if (before.data) set({ settings: ready({ ...before.data, ...patch }) })
    set({ saving: true, saveError: null })
    try {
      set({ settings: ready(await getClient().call('settings.update', patch)), saving: false })
    } catch (error) {
      set({ settings: before, saving: false, saveError: toAppError(error) })
    }
  }
}))
