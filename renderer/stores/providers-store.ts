import { create } from 'zustand'
import { getClient } from '../api/client'
import { ProbeEvent } from '../../src/core/api-contract'
import type { KeyStatus, Model, ProviderWithStatus } from '../../src/core/schemas/provider'
import type { AppError } from '../../src/core/errors'
import { toAppError } from '../lib/errors'
import { applyProbeEvent, emptyColumn, initialProbe, isProbeActive } from '../lib/probe-state'
import type { ProbeState } from '../lib/probe-state'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'
import { followJob, useJobsStore } from './jobs-store'
import { useRunsStore } from './runs-store'

export interface ProbeRequest {
  providerId: string
  /** Empty: the engine probes the provider's first models (at most 8). */
  modelIds: string[]
  prompt: string
  maxTokens: number
}

interface KeyAction {
  busy: boolean
  error: AppError | null
  notice: string | null
}

interface ProvidersState {
  providers: Loadable<ProviderWithStatus[]>
  models: Record<string, Loadable<Model[]>>
  keyActions: Record<string, KeyAction>
  probe: ProbeState
  load: () => Promise<void>
  loadModels: (providerId: string) => Promise<void>
  /** Sends a key to the engine. The key is never kept here: only the returned status is. */
  setKey: (providerId: string, key: string) => Promise<boolean>
  clearKey: (providerId: string) => Promise<void>
  runProbe: (request: ProbeRequest) => Promise<void>
  cancelProbe: () => Promise<void>
}

let stopFollowing: (() => void) | null = null

export const useProvidersStore = create<ProvidersState>()((set, get) => {
  function keyAction(providerId: string, action: KeyAction): void {
    set({ keyActions: { ...get().keyActions, [providerId]: action } })
  }

  function applyKeyStatus(status: KeyStatus): void {
    const list = get().providers.data
    if (!list) return
    set({ providers: ready(list.map((p) => (p.id === status.providerId ? { ...p, key: status } : p))) })
  }

  function onProbeFinished(jobId: string): void {
    stopFollowing?.()
    stopFollowing = null
    void useRunsStore.getState().load()
    getClient()
      .call('jobs.get', { jobId })
      .then(
        (info) => {
          if (get().probe.jobId === jobId) set({ probe: { ...get().probe, runId: info.runId } })
        },
        () => {}
      )
  }

  return {
    providers: idle(),
    models: {},
    keyActions: {},
    probe: initialProbe,

    async load() {
      set({ providers: loading(get().providers) })
      try {
        set({ providers: ready(await getClient().call('providers.list', {})) })
      } catch (error) {
        set({ providers: failed(get().providers, toAppError(error)) })
      }
    },

    async loadModels(providerId) {
      const previous = get().models[providerId]
      set({ models: { ...get().models, [providerId]: loading(previous) } })
      try {
        const list = await getClient().call('models.list', { providerId })
        set({ models: { ...get().models, [providerId]: ready(list) } })
      } catch (error) {
        set({ models: { ...get().models, [providerId]: failed(previous, toAppError(error)) } })
      }
    },

    async setKey(providerId, key) {
      keyAction(providerId, { busy: true, error: null, notice: null })
      try {
        const status = await getClient().call('secrets.set', { providerId, key })
        applyKeyStatus(status)
        keyAction(providerId, { busy: false, error: null, notice: `Key saved (ends in ${status.last4 ?? '????'}).` })
        return true
      } catch (error) {
        keyAction(providerId, { busy: false, error: toAppError(error), notice: null })
        return false
      }
    },

    async clearKey(providerId) {
      keyAction(providerId, { busy: true, error: null, notice: null })
      try {
        applyKeyStatus(await getClient().call('secrets.clear', { providerId }))
        keyAction(providerId, { busy: false, error: null, notice: 'Key cleared.' })
      } catch (error) {
        keyAction(providerId, { busy: false, error: toAppError(error), notice: null })
      }
    },

    async runProbe(request) {
      if (isProbeActive(get().probe)) return
      stopFollowing?.()
      stopFollowing = null
      set({
        probe: { ...initialProbe, phase: 'starting', providerId: request.providerId, columns: request.modelIds.map(emptyColumn) }
      })
      useJobsStore.getState().start()
      let jobId: string
      try {
        const started = await getClient().start('providers.probe', {
          providerId: request.providerId,
          ...(request.modelIds.length > 0 ? { modelIds: request.modelIds } : {}),
          prompt: request.prompt,
          maxTokens: request.maxTokens
        })
        jobId = started.jobId
      } catch (error) {
        set({ probe: { ...get().probe, phase: 'failed', error: toAppError(error).toJSON() } })
        return
      }
      set({ probe: { ...get().probe, phase: 'running', jobId } })
      stopFollowing = followJob(jobId, (envelope) => {
        const parsed = ProbeEvent.safeParse(envelope.event)
        if (!parsed.success || get().probe.jobId !== jobId) return
        const next = applyProbeEvent(get().probe, parsed.data)
        set({ probe: next })
        if (parsed.data.type === 'status' && parsed.data.status !== 'running') onProbeFinished(jobId)
      })
    },

    async cancelProbe() {
      const { jobId, phase } = get().probe
      if (!jobId || phase !== 'running') return
      await useJobsStore.getState().cancel(jobId)
      const cancelError = useJobsStore.getState().cancelError
      if (cancelError) set({ probe: { ...get().probe, error: cancelError.toJSON() } })
    }
  }
})
