import { create } from 'zustand'
import { getClient } from '../api/client'
import type { RequestOf, ResponseOf } from '../../src/core/api-contract'
import type { DatasetVersionInfo } from '../../src/core/schemas/dataset-edit'
import type { DatasetCase, DatasetSummary } from '../../src/core/schemas/workspace'
import { toAppError } from '../lib/errors'
import { buildColumns, type GridColumn } from '../lib/dataset-grid-columns'
import { changeSummary, deleteRows, draftLength, duplicateRows, emptyDraft, insertRows, rowAt, type Draft, type Range } from '../lib/dataset-grid-draft'
import { applyPaste, applyTexts, basePositions, type PasteResult, type TextEntry } from '../lib/dataset-grid-edit'
import { historyOf, pushHistory, redo, undo, type History } from '../lib/dataset-grid-history'
import { CasePages, PAGE_SIZE } from '../lib/dataset-grid-pages'
import { buildEditScript, type ScriptProblem } from '../lib/dataset-grid-script'
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

/** The grid editor of one dataset version: its columns, the draft of unsaved edits (with undo), and paging. */
export interface GridSession {
  datasetId: string
  /** The version shown; only the latest version is editable. */
  version: number
  latestVersion: number
  readOnly: boolean
  /** Cases in the version shown. */
  total: number
  columns: GridColumn[]
  contractName: string | null
  history: History<Draft>
  /** Rises whenever a page of cases arrives, so the grid re-renders. */
  revision: number
  saving: boolean
}

/** Why a save was refused before it was sent: cells that do not parse. */
export class DraftProblems extends Error {
  constructor(readonly problems: ScriptProblem[]) {
    const first = problems[0]
    super(`Fix ${problems.length === 1 ? 'this cell' : `${problems.length} cells`} before saving: row ${first?.row}, ${first?.column}: ${first?.message}`)
  }
}

interface DatasetsState {
  datasets: Loadable<DatasetSummary[]>
  cases: Loadable<CasesPage>
  /** The dataset whose cases are shown or loading. */
  casesFor: string | null
  grid: Loadable<GridSession>
  versions: Loadable<DatasetVersionInfo[]>
  load: () => Promise<void>
  loadCases: (datasetId: string, offset?: number) => Promise<void>
  /** Saves a test case (creating the dataset when it is new); answers where it went, and reloads the list. */
  addCase: (request: RequestOf<'datasets.addCase'>) => Promise<ResponseOf<'datasets.addCase'>>
  /** Imports a file as a new dataset or a new version (all or nothing); reloads the list. */
  importFile: (request: RequestOf<'datasets.import'>) => Promise<ResponseOf<'datasets.import'>>
  createDataset: (request: RequestOf<'datasets.create'>) => Promise<DatasetSummary>
  updateDataset: (request: RequestOf<'datasets.update'>) => Promise<DatasetSummary>
  loadVersions: (datasetId: string) => Promise<void>
  compare: (request: RequestOf<'datasets.compare'>) => Promise<ResponseOf<'datasets.compare'>>
  /** Contracts a dataset can be linked to (for the create / edit-details form). */
  contractOptions: () => Promise<ResponseOf<'contracts.list'>>

  /** Opens a dataset's version in the grid (the latest when none is named), with an empty draft. */
  openGrid: (datasetId: string, version?: number) => Promise<void>
  /** The grid shows rows [start, end): load the pages they need (and a margin around them). */
  showRows: (start: number, end: number) => void
  /** Sets cell texts as one undo step; answers how many were skipped because their rows are still loading. */
  editCells: (entries: readonly TextEntry[]) => number
  addRow: (at: number) => void
  duplicateRows: (ranges: readonly Range[]) => void
  deleteRows: (ranges: readonly Range[]) => void
  /** Pastes a block at a cell (loading the rows it covers first), as one undo step. */
  paste: (block: string[][], at: { row: number; col: number }) => Promise<PasteResult | null>
  undo: () => void
  redo: () => void
  discard: () => void
  /** Saves the draft as a new version; answers it. Throws DraftProblems or the engine's error. */
  save: (note: string) => Promise<ResponseOf<'datasets.saveEdits'>>
}

/** Pages of the version in the grid (outside React state: they change as the grid scrolls). */
let pages: CasePages | null = null
let openSeq = 0
/**
 * Unsaved drafts of datasets the grid moved away from without the leave guard asking (the app navigated by
 * itself, e.g. after an import): kept per dataset and base version, and picked up again when it is reopened.
 */
const stashedDrafts = new Map<string, { version: number; history: History<Draft> }>()

/** The base case at a position of the version in the grid, when its page has loaded. */
export function gridCaseAt(position: number): DatasetCase | undefined {
  return pages?.get(position)
}

/** Unsaved edits in the grid, if any (for the leave guard). */
export function gridChangeCount(state: { grid: Loadable<GridSession> }): number {
  const session = state.grid.data
  return session && !session.readOnly ? changeSummary(session.history.present).total : 0
}

const margin = 60

export const useDatasetsStore = create<DatasetsState>()((set, get) => {
  const session = (): GridSession | null => get().grid.data
  const patchSession = (patch: Partial<GridSession>): void => {
    const current = session()
    if (current) set({ grid: ready({ ...current, ...patch }) })
  }
  const commit = (next: Draft): void => {
    const current = session()
    if (current && !current.readOnly) patchSession({ history: pushHistory(current.history, next) })
  }

  return {
    datasets: idle(),
    cases: idle(),
    casesFor: null,
    grid: idle(),
    versions: idle(),

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
    },

    async createDataset(request) {
      const created = await getClient().call('datasets.create', request)
      await get().load()
      return created
    },

    async updateDataset(request) {
      const updated = await getClient().call('datasets.update', request)
      await get().load()
      const current = session()
      if (current?.datasetId === updated.id) void get().openGrid(updated.id, current.readOnly ? current.version : undefined)
      return updated
    },

    async loadVersions(datasetId) {
      set({ versions: loading(get().versions) })
      try {
        set({ versions: ready(await getClient().call('datasets.versions', { datasetId })) })
      } catch (error) {
        set({ versions: failed(get().versions, toAppError(error)) })
      }
    },

    compare: (request) => getClient().call('datasets.compare', request),
    contractOptions: () => getClient().call('contracts.list', {}),

    async openGrid(datasetId, version) {
      const seq = ++openSeq
      const leaving = session()
      if (leaving && !leaving.readOnly && changeSummary(leaving.history.present).total > 0) {
        stashedDrafts.set(leaving.datasetId, { version: leaving.version, history: leaving.history })
      }
      const previous = leaving?.datasetId === datasetId ? get().grid : undefined
      set({ grid: loading(previous) })
      try {
        const client = getClient()
        const [columns, first] = await Promise.all([
          client.call('datasets.columns', { datasetId, ...(version ? { version } : {}) }),
          client.call('datasets.cases', { datasetId, ...(version ? { version } : {}), offset: 0, limit: PAGE_SIZE })
        ])
        if (seq !== openSeq) return
        const latest = version === undefined ? first.version : (get().datasets.data?.find((d) => d.id === datasetId)?.latestVersion ?? first.version)
        const shown = first.version
        pages = new CasePages(
          async (offset, limit) => (await client.call('datasets.cases', { datasetId, version: shown || undefined, offset, limit })).cases,
          () => {
            if (seq === openSeq) patchSession({ revision: (session()?.revision ?? 0) + 1 })
          },
          first.total
        )
        pages.seed(0, first.cases)
        const stashed = version === undefined ? stashedDrafts.get(datasetId) : undefined
        stashedDrafts.delete(datasetId)
        set({
          grid: ready({
            datasetId,
            version: shown,
            latestVersion: Math.max(latest, shown),
            readOnly: shown < latest,
            total: first.total,
            columns: buildColumns(columns.contractVariables, columns.caseVariables),
            contractName: columns.contractName,
            history: stashed && stashed.version === shown ? stashed.history : historyOf(emptyDraft(first.total)),
            revision: 0,
            saving: false
          })
        })
      } catch (error) {
        if (seq === openSeq) set({ grid: failed(previous, toAppError(error)) })
      }
    },

    showRows(start, end) {
      const current = session()
      if (!current || !pages) return
      const draft = current.history.present
      const positions = current.readOnly ? range(start - margin, end + margin) : basePositions(draft, start - margin, end + margin)
      const middle = current.readOnly ? Math.floor((start + end) / 2) : rowAt(draft, Math.floor((start + end) / 2))?.base
      pages.want(positions, middle ?? undefined)
    },

    editCells(entries) {
      const current = session()
      if (!current) return 0
      const { draft, skipped } = applyTexts(current.history.present, entries, gridCaseAt)
      commit(draft)
      return skipped
    },

    addRow(at) {
      const current = session()
      if (current) commit(insertRows(current.history.present, at, 1).draft)
    },

    duplicateRows(ranges) {
      const current = session()
      if (current) commit(duplicateRows(current.history.present, ranges))
    },

    deleteRows(ranges) {
      const current = session()
      if (current) commit(deleteRows(current.history.present, ranges))
    },

    async paste(block, at) {
      const current = session()
      if (!current || current.readOnly || !pages || block.length === 0) return null
      const draft = current.history.present
      const baseOf = await pages.ensure(basePositions(draft, at.row, at.row + block.length))
      if (session()?.history.present !== draft) return null
      const result = applyPaste(draft, block, at, current.columns, baseOf)
      commit(result.draft)
      return result
    },

    undo() {
      const current = session()
      if (current && !current.readOnly) patchSession({ history: undo(current.history) })
    },

    redo() {
      const current = session()
      if (current && !current.readOnly) patchSession({ history: redo(current.history) })
    },

    discard() {
      const current = session()
      if (!current) return
      stashedDrafts.delete(current.datasetId)
      patchSession({ history: historyOf(emptyDraft(current.total)) })
    },

    async save(note) {
      const current = session()
      if (!current || current.readOnly) throw new Error('Only the latest version can be saved; open it first.')
      const { steps, problems } = buildEditScript(current.history.present, current.columns)
      if (problems.length > 0) throw new DraftProblems(problems)
      patchSession({ saving: true })
      try {
        const saved = await getClient().call('datasets.saveEdits', { datasetId: current.datasetId, baseVersion: current.version, steps, note })
        await Promise.all([get().load(), get().openGrid(current.datasetId), get().loadVersions(current.datasetId)])
        return saved
      } catch (error) {
        patchSession({ saving: false })
        throw toAppError(error)
      }
    }
  }
})

function range(start: number, end: number): number[] {
  const out: number[] = []
  for (let i = Math.max(0, start); i < end; i++) out.push(i)
  return out
}

/** Rows in the draft (for the grid's row count). */
export function gridRowCount(grid: GridSession): number {
  return draftLength(grid.history.present)
}
