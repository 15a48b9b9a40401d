import { create } from 'zustand'
import { getClient } from '../api/client'
import type { RequestOf, ResponseOf } from '../../src/core/api-contract'
import type { DatasetCase, DatasetSummary } from '../../src/core/schemas/workspace'
import { toAppError } from '../lib/errors'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'

export const CASES_PAGE_SIZE = 50

export interface CasesPage {
  datasetId: string
  offset: number
  limit: number
  total: number
  version: number
  cases: DatasetCase[]
}

interface DatasetsState {
  datasets: Loadable<DatasetSummary[]>
  cases: Loadable<CasesPage>
  /** The dataset whose cases are shown or loading. */
  casesFor: string | null
  load: () => Promise<void>
  loadCases: (datasetId: string, offset?: number) => Promise<void>
  /** Saves a test case (creating the dataset when it is new); answers where it went, and reloads the list. */
  addCase: (request: RequestOf<'datasets.addCase'>) => Promise<ResponseOf<'datasets.addCase'>>
  /** Imports a file as a new dataset or a new version (all or nothing); reloads the list. */
  importFile: (request: RequestOf<'datasets.import'>) => Promise<ResponseOf<'datasets.import'>>
}

export const useDatasetsStore = create<DatasetsState>()((set, get) => ({
  datasets: idle(),
  cases: idle(),
  casesFor: null,

  async load() {
    set({ datasets: loading(get().datasets) })
    try {
      set({ datasets: ready(await getClient().call('datasets.list', {})) })
    } catch (error) {
      set({ datasets: failed(get().datasets, toAppError(error)) })
    }
  },

  async loadCases(datasetId, offset = 0) {
    const previous = get().casesFor === datasetId ? get().cases : undefined
    set({ casesFor: datasetId, cases: loading(previous) })
    try {
      const page = await getClient().call('datasets.cases', { datasetId, offset, limit: CASES_PAGE_SIZE })
      if (get().casesFor !== datasetId) return
      set({ cases: ready({ datasetId, offset, limit: CASES_PAGE_SIZE, ...page }) })
    } catch (error) {
      if (get().casesFor !== datasetId) return
      set({ cases: failed(previous, toAppError(error)) })
    }
  },

  async addCase(request) {
    const saved = await getClient().call('datasets.addCase', request)
    void get().load()
    return saved
  },

  async importFile(request) {
    const imported = await getClient().call('datasets.import', request)
    await get().load()
    return imported
  }
}))
