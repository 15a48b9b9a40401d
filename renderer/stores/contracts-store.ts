import { create } from 'zustand'
import { getClient } from '../api/client'
import type { ResponseOf } from '../../src/core/api-contract'
import type { AppError } from '../../src/core/errors'
import type { ContractStatus, ContractVersionItem } from '../../src/core/schemas/contract-editor'
import type { Model } from '../../src/core/schemas/provider'
import type { ContractDetail, ContractSummary, ContractVersion } from '../../src/core/schemas/workspace'
import { toAppError } from '../lib/errors'
import { buildBody, formSnapshot } from '../lib/contract-form'
import type { ContractForm } from '../lib/contract-form'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'

/** The key of the new-contract draft (contract ids are hex, never this). */
export const NEW_DRAFT = 'new'

/** An edit in progress: kept across navigation until saved or discarded, so nothing typed is lost. */
export interface ContractDraft {
  form: ContractForm
  /** Snapshot of the form as loaded or last saved: the draft is dirty when it differs. */
  baseline: string
  saving: boolean
  /** The last save's refusal (issues under body.* or name). */
  error: AppError | null
  /** The last save's outcome in words ("Saved version 3.", "Nothing changed…"). */
  notice: string | null
}

export type SaveResult = { ok: true; contractId: string; message: string } | { ok: false; error: AppError }

interface ContractsState {
  contracts: Loadable<ContractSummary[]>
  showArchived: boolean
  details: Record<string, Loadable<ContractDetail>>
  statuses: Loadable<Record<string, ContractStatus>>
  versions: Record<string, Loadable<ContractVersionItem[]>>
  /** Whole versions fetched for the diff and the read-only view, by `contractId:version`. */
  versionBodies: Record<string, ContractVersion>
  models: Loadable<Model[]>
  drafts: Record<string, ContractDraft>
  load: () => Promise<void>
  setShowArchived: (show: boolean) => Promise<void>
  loadDetail: (id: string) => Promise<void>
  loadStatuses: () => Promise<void>
  loadVersions: (id: string) => Promise<void>
  getVersion: (id: string, version: number) => Promise<ContractVersion>
  loadModels: () => Promise<void>
  startDraft: (key: string, form: ContractForm) => void
  editDraft: (key: string, change: (form: ContractForm) => ContractForm) => void
  discardDraft: (key: string) => void
  saveDraft: (key: string) => Promise<SaveResult>
  duplicate: (id: string) => Promise<ContractDetail>
  archive: (id: string, archived: boolean) => Promise<ContractSummary>
}

export function isDirty(draft: ContractDraft | undefined): boolean {
  return draft !== undefined && formSnapshot(draft.form) !== draft.baseline
}

export const useContractsStore = create<ContractsState>()((set, get) => {
  function setDraft(key: string, change: Partial<ContractDraft>): void {
    const current = get().drafts[key]
    if (current) set({ drafts: { ...get().drafts, [key]: { ...current, ...change } } })
  }

  /** After a change: the list, the statuses and the changed contract's detail and versions. */
  async function refresh(id: string): Promise<void> {
    await Promise.all([get().load(), get().loadDetail(id), get().loadStatuses(), get().versions[id] ? get().loadVersions(id) : Promise.resolve()])
  }

  return {
    contracts: idle(),
    showArchived: false,
    details: {},
    statuses: idle(),
    versions: {},
    versionBodies: {},
    models: idle(),
    drafts: {},

    async load() {
      set({ contracts: loading(get().contracts) })
      try {
        set({ contracts: ready(await getClient().call('contracts.list', { includeArchived: get().showArchived })) })
      } catch (error) {
        set({ contracts: failed(get().contracts, toAppError(error)) })
      }
    },

    async setShowArchived(show) {
      set({ showArchived: show })
      await Promise.all([get().load(), get().loadStatuses()])
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
    },

    async loadStatuses() {
      set({ statuses: loading(get().statuses) })
      try {
        const list = await getClient().call('contracts.status', { includeArchived: get().showArchived })
        set({ statuses: ready(Object.fromEntries(list.map((s) => [s.contractId, s]))) })
      } catch (error) {
        set({ statuses: failed(get().statuses, toAppError(error)) })
      }
    },

    async loadVersions(id) {
      const previous = get().versions[id]
      set({ versions: { ...get().versions, [id]: loading(previous) } })
      try {
        const list = await getClient().call('contracts.versions', { id })
        set({ versions: { ...get().versions, [id]: ready(list) } })
      } catch (error) {
        set({ versions: { ...get().versions, [id]: failed(previous, toAppError(error)) } })
      }
    },

    async getVersion(id, version) {
      const key = `${id}:${version}`
      const cached = get().versionBodies[key]
      if (cached) return cached
      const body = await getClient().call('contracts.version', { id, version })
      set({ versionBodies: { ...get().versionBodies, [key]: body } })
      return body
    },

    async loadModels() {
      set({ models: loading(get().models) })
      try {
        set({ models: ready(await getClient().call('models.list', {})) })
      } catch (error) {
        set({ models: failed(get().models, toAppError(error)) })
      }
    },

    startDraft(key, form) {
      set({ drafts: { ...get().drafts, [key]: { form, baseline: formSnapshot(form), saving: false, error: null, notice: null } } })
    },

    editDraft(key, change) {
      const current = get().drafts[key]
      if (current) setDraft(key, { form: change(current.form), notice: null, error: null })
    },

    discardDraft(key) {
      const { [key]: _gone, ...rest } = get().drafts
      set({ drafts: rest })
    },

    async saveDraft(key) {
      const draft = get().drafts[key]
      if (!draft) return { ok: false, error: toAppError(new Error('Nothing to save: open the editor first.')) }
      const { body } = buildBody(draft.form)
      if (!body) return { ok: false, error: toAppError(new Error('Fix the problems marked in the form first.')) }
      const { name, description, feature } = draft.form
      setDraft(key, { saving: true, error: null, notice: null })
      try {
        let contractId: string
        let message: string
        if (key === NEW_DRAFT) {
          const created: ResponseOf<'contracts.create'> = await getClient().call('contracts.create', { name, description, feature: feature.trim() || null, body })
          contractId = created.id
          message = `Created “${created.name}” with version 1.`
        } else {
          const saved = await getClient().call('contracts.saveVersion', { id: key, name, description, feature: feature.trim() || null, body })
          contractId = key
          message = saved.message
        }
        // Saved: the draft is clean again (the new-contract draft goes when its editor closes).
        setDraft(key, { saving: false, baseline: formSnapshot(draft.form), notice: message })
        await refresh(contractId)
        return { ok: true, contractId, message }
      } catch (error) {
        const appError = toAppError(error)
        setDraft(key, { saving: false, error: appError })
        return { ok: false, error: appError }
      }
    },

    async duplicate(id) {
      const copy = await getClient().call('contracts.duplicate', { id })
      await Promise.all([get().load(), get().loadStatuses()])
      return copy
    },

    async archive(id, archived) {
      const summary = await getClient().call('contracts.archive', { id, archived })
      await refresh(id)
      return summary
    }
  }
})

/**
 * Drafts live in this store, so moving around the app never loses an edit. Reloading or closing the browser tab
 * with unsaved contract edits asks the browser's own question (web mode; Electron would cancel the close silently).
 */
if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (event) => {
    if (getClient().face !== 'web' || !Object.values(useContractsStore.getState().drafts).some(isDirty)) return
    event.preventDefault()
    event.returnValue = ''
  })
}
