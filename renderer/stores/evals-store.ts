import { create } from 'zustand'
import { getClient } from '../api/client'
import type { EvalResults } from '../../src/core/schemas/eval'
import type { EvalCellDetail, EvalComparison, EvalEstimate, EvalRunOverrides, PromptfooImportResult, TrendPoint } from '../../src/core/schemas/eval-api'
import type { ContractVersionItem } from '../../src/core/schemas/contract-editor'
import type { DatasetVersionInfo } from '../../src/core/schemas/dataset-edit'
import type { Model } from '../../src/core/schemas/provider'
import type { RunSummary } from '../../src/core/schemas/run'
import type { Suite } from '../../src/core/schemas/suite'
import type { ContractSummary, ContractVersion, DatasetSummary } from '../../src/core/schemas/workspace'
import type { SuiteRequest } from '../lib/eval-suite-form'
import { toAppError } from '../lib/errors'
import { failed, idle, loading, ready } from './loadable'
import type { Loadable } from './loadable'

export type ResultsFilter = 'all' | 'failures' | 'errors' | 'disagree' | 'flaky'

export interface ResultsQuery {
  runId: string
  filter: ResultsFilter
  offset: number
  limit: number
}

export interface CellQuery {
  runId: string
  caseId: string
  columnKey: string
  repeatIndex: number
}

interface EvalsState {
  suites: Loadable<Suite[]>
  /** Eval runs, newest first (runs.list kind 'eval'). */
  runs: Loadable<RunSummary[]>
  /** The runs started from one suite, newest first, keyed by the suite's id (its page). */
  suiteRuns: Record<string, Loadable<RunSummary[]>>
  /** The estimate of one suite, keyed by its id. */
  estimates: Record<string, Loadable<EvalEstimate>>
  /** The results page on screen, and the query that produced it. */
  results: Loadable<EvalResults>
  resultsQuery: ResultsQuery | null
  cell: Loadable<EvalCellDetail>
  cellQuery: CellQuery | null
  comparison: Loadable<EvalComparison>
  trends: Record<string, Loadable<TrendPoint[]>>
  /** What the suite editor picks from. */
  contracts: Loadable<ContractSummary[]>
  datasets: Loadable<DatasetSummary[]>
  models: Loadable<Model[]>
  contractVersions: Record<string, Loadable<ContractVersionItem[]>>
  datasetVersions: Record<string, Loadable<DatasetVersionInfo[]>>
  /** Whole contract versions (for their candidate models), keyed `contractId@version`. */
  versionBodies: Record<string, Loadable<ContractVersion>>
  loadVersionBody: (contractId: string, version: number) => Promise<void>
  loadPickers: () => Promise<void>
  loadContractVersions: (contractId: string) => Promise<void>
  loadDatasetVersions: (datasetId: string) => Promise<void>
  loadSuites: () => Promise<void>
  /** Reloads the eval runs, and the runs of every suite whose page has loaded them. */
  loadRuns: () => Promise<void>
  loadSuiteRuns: (suiteId: string) => Promise<void>
  createSuite: (request: SuiteRequest) => Promise<Suite>
  updateSuite: (id: string, request: SuiteRequest) => Promise<Suite>
  removeSuite: (id: string) => Promise<void>
  estimate: (suiteId: string, overrides?: EvalRunOverrides) => Promise<void>
  loadResults: (query: ResultsQuery) => Promise<void>
  loadCell: (query: CellQuery) => Promise<void>
  closeCell: () => void
  compare: (request: { runA: string; runB: string; columnA?: string; columnB?: string }) => Promise<void>
  loadTrend: (contractId: string) => Promise<void>
  importPromptfoo: (path: string) => Promise<PromptfooImportResult>
}

const sameResults = (a: ResultsQuery | null, b: ResultsQuery): boolean =>
  a !== null && a.runId === b.runId && a.filter === b.filter && a.offset === b.offset && a.limit === b.limit
const sameCell = (a: CellQuery | null, b: CellQuery): boolean =>
  a !== null && a.runId === b.runId && a.caseId === b.caseId && a.columnKey === b.columnKey && a.repeatIndex === b.repeatIndex

/** Suites, eval runs, results, cells, comparisons and trends: what the Evals section reads from the engine. */
export const useEvalsStore = create<EvalsState>()((set, get) => {
  /** Replaces (or adds) a suite in the loaded list, keeping it sorted by name. */
  function putSuite(suite: Suite): void {
    const list = (get().suites.data ?? []).filter((s) => s.id !== suite.id)
    list.push(suite)
    list.sort((a, b) => a.name.localeCompare(b.name))
    set({ suites: ready(list) })
  }

  let compareSeq = 0

  return {
    suites: idle(),
    runs: idle(),
    estimates: {},
    results: idle(),
    resultsQuery: null,
    cell: idle(),
    cellQuery: null,
    comparison: idle(),
    trends: {},
    suiteRuns: {},
    contracts: idle(),
    datasets: idle(),
    models: idle(),
    contractVersions: {},
    datasetVersions: {},
    versionBodies: {},

    async loadVersionBody(contractId, version) {
      const key = `${contractId}@${version}`
      const previous = get().versionBodies[key]
      if (previous?.status === 'loading' || previous?.status === 'ready') return
      set({ versionBodies: { ...get().versionBodies, [key]: loading(previous) } })
      try {
        const body = await getClient().call('contracts.version', { id: contractId, version })
        set({ versionBodies: { ...get().versionBodies, [key]: ready(body) } })
      } catch (error) {
        set({ versionBodies: { ...get().versionBodies, [key]: failed(previous, toAppError(error)) } })
      }
    },

    async loadPickers() {
      set({ contracts: loading(get().contracts), datasets: loading(get().datasets), models: loading(get().models) })
      const client = getClient()
      const [contracts, datasets, models] = await Promise.allSettled([client.call('contracts.list', {}), client.call('datasets.list', {}), client.call('models.list', {})])
      set({
        contracts: contracts.status === 'fulfilled' ? ready(contracts.value) : failed(get().contracts, toAppError(contracts.reason)),
        datasets: datasets.status === 'fulfilled' ? ready(datasets.value) : failed(get().datasets, toAppError(datasets.reason)),
        models: models.status === 'fulfilled' ? ready(models.value) : failed(get().models, toAppError(models.reason))
      })
    },

    async loadContractVersions(contractId) {
      const previous = get().contractVersions[contractId]
      if (previous?.status === 'loading') return
      set({ contractVersions: { ...get().contractVersions, [contractId]: loading(previous) } })
      try {
        const list = await getClient().call('contracts.versions', { id: contractId })
        set({ contractVersions: { ...get().contractVersions, [contractId]: ready(list) } })
      } catch (error) {
        set({ contractVersions: { ...get().contractVersions, [contractId]: failed(previous, toAppError(error)) } })
      }
    },

    async loadDatasetVersions(datasetId) {
      const previous = get().datasetVersions[datasetId]
      if (previous?.status === 'loading') return
      set({ datasetVersions: { ...get().datasetVersions, [datasetId]: loading(previous) } })
      try {
        const list = await getClient().call('datasets.versions', { datasetId })
        set({ datasetVersions: { ...get().datasetVersions, [datasetId]: ready(list) } })
      } catch (error) {
        set({ datasetVersions: { ...get().datasetVersions, [datasetId]: failed(previous, toAppError(error)) } })
      }
    },

    async loadSuites() {
      set({ suites: loading(get().suites) })
      try {
        set({ suites: ready(await getClient().call('suites.list', {})) })
      } catch (error) {
        set({ suites: failed(get().suites, toAppError(error)) })
      }
    },

    async loadRuns() {
      set({ runs: loading(get().runs) })
      const suites = Object.keys(get().suiteRuns)
      const refreshSuites = Promise.all(suites.map((suiteId) => get().loadSuiteRuns(suiteId)))
      try {
        set({ runs: ready(await getClient().call('runs.list', { kind: 'eval', limit: 100 })) })
      } catch (error) {
        set({ runs: failed(get().runs, toAppError(error)) })
      }
      await refreshSuites
    },

    async loadSuiteRuns(suiteId) {
      const previous = get().suiteRuns[suiteId]
      set({ suiteRuns: { ...get().suiteRuns, [suiteId]: loading(previous) } })
      try {
        const runs = await getClient().call('runs.list', { kind: 'eval', suiteId, limit: 200 })
        set({ suiteRuns: { ...get().suiteRuns, [suiteId]: ready(runs) } })
      } catch (error) {
        set({ suiteRuns: { ...get().suiteRuns, [suiteId]: failed(previous, toAppError(error)) } })
      }
    },

    async createSuite(request) {
      const suite = await getClient().call('suites.create', request)
      putSuite(suite)
      return suite
    },

    async updateSuite(id, request) {
      const suite = await getClient().call('suites.update', { id, ...request })
      putSuite(suite)
      const { [id]: _dropped, ...estimates } = get().estimates
      set({ estimates })
      return suite
    },

    async removeSuite(id) {
      await getClient().call('suites.remove', { id })
      set({ suites: ready((get().suites.data ?? []).filter((s) => s.id !== id)) })
    },

    async estimate(suiteId, overrides = {}) {
      const previous = get().estimates[suiteId]
      set({ estimates: { ...get().estimates, [suiteId]: loading(previous) } })
      try {
        const answer = await getClient().call('evals.estimate', { suiteId, overrides })
        set({ estimates: { ...get().estimates, [suiteId]: ready(answer) } })
      } catch (error) {
        set({ estimates: { ...get().estimates, [suiteId]: { status: 'error', data: null, error: toAppError(error) } } })
      }
    },

    async loadResults(query) {
      const keep = get().resultsQuery?.runId === query.runId ? get().results : undefined
      set({ results: loading(keep), resultsQuery: query })
      try {
        const answer = await getClient().call('evals.results', query)
        if (sameResults(get().resultsQuery, query)) set({ results: ready(answer) })
      } catch (error) {
        if (sameResults(get().resultsQuery, query)) set({ results: failed(get().results, toAppError(error)) })
      }
    },

    async loadCell(query) {
      set({ cell: loading(undefined), cellQuery: query })
      try {
        const answer = await getClient().call('evals.cell', query)
        if (sameCell(get().cellQuery, query)) set({ cell: ready(answer) })
      } catch (error) {
        if (sameCell(get().cellQuery, query)) set({ cell: failed(undefined, toAppError(error)) })
      }
    },

    closeCell() {
      set({ cell: idle(), cellQuery: null })
    },

    async compare(request) {
      compareSeq += 1
      const seq = compareSeq
      set({ comparison: loading(get().comparison) })
      try {
        const answer = await getClient().call('evals.compare', request)
        if (seq === compareSeq) set({ comparison: ready(answer) })
      } catch (error) {
        if (seq === compareSeq) set({ comparison: { status: 'error', data: null, error: toAppError(error) } })
      }
    },

    async loadTrend(contractId) {
      const previous = get().trends[contractId]
      set({ trends: { ...get().trends, [contractId]: loading(previous) } })
      try {
        const points = await getClient().call('evals.trend', { contractId, limit: 50 })
        set({ trends: { ...get().trends, [contractId]: ready(points) } })
      } catch (error) {
        set({ trends: { ...get().trends, [contractId]: failed(previous, toAppError(error)) } })
      }
    },

    async importPromptfoo(path) {
      const result = await getClient().call('evals.importPromptfoo', { path })
      void get().loadSuites()
      return result
    }
  }
})
