/**
 * Import planning: the parsed folder compared with the store, item by item (matched by name, ignoring ASCII case).
 * The result lists what would be created, updated or left unchanged, and holds the steps that do it; the steps run
 * in order (contracts, datasets, suites, routing policies) inside one store transaction.
 */
import type { WorkspaceItem } from '../core/api/workspace-file-operations'
import type { DatasetCase, DatasetSummary } from '../core/schemas/workspace'
import type { DatasetCaseInput } from '../store/repos/dataset-repo'
import type { Store } from '../store/store'
import { nameKey } from './format'
import { bodyText, caseLine } from './model'
import type { CaseEntry, ContractEntry } from './model'
import { planLinks } from './plan-links'
import { checkModels, IMPORT_NOTE, requireContract } from './plan-state'
import type { ApplyContext, PlanState, Step } from './plan-state'
import type { Findings, LocatedDataset, ParsedWorkspace } from './read-folder'
import { caseEntry, contractEntry } from './store-snapshot'

export interface ImportPlan {
  items: WorkspaceItem[]
  steps: Step[]
}

/** The stored contract as an entry; null when it has no version or its body no longer reads (then it counts as changed). */
function storedContract(store: Store, id: string): ContractEntry | null {
  try {
    return contractEntry(store, id)
  } catch {
    return null
  }
}

function planContracts(state: PlanState): void {
  const { store } = state
  for (const c of state.parsed.contracts) {
    const key = nameKey(c.entry.name)
    const e = c.entry
    checkModels(state, c, [
      ...e.body.candidates.map((ref, i) => ({ path: ['candidates', i], ref })),
      ...e.body.fallback.fallbacks.map((ref, i) => ({ path: ['fallback', 'fallbacks', i], ref }))
    ])
    const existing = state.storeContracts.get(key)
    const meta = { name: e.name, description: e.description, feature: e.feature }
    if (!existing) {
      state.newContractVersion.set(key, 1)
      state.items.push({ kind: 'contract', name: e.name, file: c.file, action: 'created', changes: ['version 1'] })
      state.steps.push((ctx) => {
        const created = store.contracts.create(meta, e.body)
        if (e.archived) store.contracts.archive(created.id, true)
        ctx.contractIds.set(key, created.id)
      })
      continue
    }
    const current = storedContract(store, existing.id)
    const changes: string[] = []
    const bodyChanged = !current || bodyText(current.body) !== bodyText(e.body)
    if (bodyChanged) {
      state.newContractVersion.set(key, existing.latestVersion + 1)
      changes.push(`new version ${existing.latestVersion + 1}`)
    }
    if (existing.name !== e.name) changes.push(`renamed from "${existing.name}"`)
    if (existing.description !== e.description) changes.push('description')
    if (existing.feature !== e.feature) changes.push('feature')
    if (existing.archived !== e.archived) changes.push(e.archived ? 'archived' : 'unarchived')
    state.items.push({ kind: 'contract', name: e.name, file: c.file, action: changes.length > 0 ? 'updated' : 'unchanged', changes })
    if (changes.length === 0) continue
    const metaChanged = existing.name !== e.name || existing.description !== e.description || existing.feature !== e.feature
    state.steps.push(() => {
      if (metaChanged) store.contracts.update(existing.id, meta)
      if (bodyChanged) store.contracts.saveVersion(existing.id, e.body)
      if (existing.archived !== e.archived) store.contracts.archive(existing.id, e.archived)
    })
  }
}

const PAGE = 5000

/** Calls `visit` with each case of the dataset's latest version, in order, a page at a time; stops when it returns false. */
function eachStoreCase(store: Store, dataset: DatasetSummary, visit: (c: DatasetCase, index: number) => boolean): void {
  if (dataset.latestVersion === 0) return
  for (let offset = 0; offset < dataset.caseCount; offset += PAGE) {
    const page = store.datasets.cases(dataset.id, { offset, limit: PAGE }).cases
    for (let i = 0; i < page.length; i++) if (!visit(page[i]!, offset + i)) return
  }
}

/** Whether the store's latest cases render exactly as these (read a page at a time, stopping at the first difference). */
function sameCases(store: Store, dataset: DatasetSummary, cases: readonly CaseEntry[]): boolean {
  if (dataset.latestVersion === 0 || dataset.caseCount !== cases.length) return false
  let same = true
  eachStoreCase(store, dataset, (c, i) => (same = caseLine(caseEntry(c)) === caseLine(cases[i]!)))
  return same
}

/** New cases keep the source of an identical case of the version they replace; others name their file and line. */
function withSources(store: Store, d: LocatedDataset, previous: DatasetSummary | null): DatasetCaseInput[] {
  const pool = new Map<string, string[]>()
  if (previous) {
    eachStoreCase(store, previous, (c) => {
      const line = caseLine(caseEntry(c))
      const sources = pool.get(line) ?? []
      sources.push(c.source)
      pool.set(line, sources)
      return true
    })
  }
  return d.entry.cases.map((c: CaseEntry, i) => {
    const kept = pool.size > 0 ? pool.get(caseLine(c))?.shift() : undefined
    return { ...c, source: kept ?? `workspace:${d.casesFile}:${d.caseLines[i] ?? 0}` }
  })
}

function planDatasets(state: PlanState): void {
  const { store } = state
  const contractNameById = new Map([...state.storeContracts.values()].map((c) => [c.id, c.name]))
  const resolveContract = (ctx: ApplyContext, name: string | null): string | null => (name === null ? null : (ctx.contractIds.get(nameKey(name)) ?? null))
  for (const d of state.parsed.datasets) {
    const e = d.entry
    const key = nameKey(e.name)
    if (e.contract !== null && !requireContract(state, d, e.contract, ['contract'])) continue
    const existing = state.storeDatasets.get(key)
    if (!existing) {
      state.newDatasetVersion.set(key, 1)
      const count = `${e.cases.length} case${e.cases.length === 1 ? '' : 's'}`
      state.items.push({ kind: 'dataset', name: e.name, file: d.file, action: 'created', changes: [`version 1 (${count})`] })
      state.steps.push((ctx) => {
        const meta = { name: e.name, description: e.description, contractId: resolveContract(ctx, e.contract) }
        const created = store.datasets.create(meta, withSources(store, d, null), IMPORT_NOTE)
        ctx.datasetIds.set(key, created.id)
      })
      continue
    }
    const casesChanged = !sameCases(store, existing, e.cases)
    const currentContract = existing.contractId === null ? null : (contractNameById.get(existing.contractId) ?? null)
    const contractChanged = (currentContract === null ? null : nameKey(currentContract)) !== (e.contract === null ? null : nameKey(e.contract))
    const changes: string[] = []
    if (casesChanged) {
      state.newDatasetVersion.set(key, existing.latestVersion + 1)
      changes.push(`new version ${existing.latestVersion + 1} (${e.cases.length} cases)`)
    }
    if (existing.name !== e.name) changes.push(`renamed from "${existing.name}"`)
    if (existing.description !== e.description) changes.push('description')
    if (contractChanged) changes.push(e.contract === null ? 'unlinked from its contract' : `linked to contract "${e.contract}"`)
    state.items.push({ kind: 'dataset', name: e.name, file: d.file, action: changes.length > 0 ? 'updated' : 'unchanged', changes })
    if (changes.length === 0) continue
    const metaChanged = existing.name !== e.name || existing.description !== e.description || contractChanged
    state.steps.push((ctx) => {
      if (metaChanged) store.datasets.update(existing.id, { name: e.name, description: e.description, contractId: resolveContract(ctx, e.contract) })
      if (casesChanged) store.datasets.saveVersion(existing.id, withSources(store, d, existing), IMPORT_NOTE)
    })
  }
}

export function planImport(store: Store, parsed: ParsedWorkspace, findings: Findings): ImportPlan {
  const state: PlanState = {
    store,
    parsed,
    findings,
    items: [],
    steps: [],
    storeContracts: new Map(store.contracts.list({ includeArchived: true }).map((c) => [nameKey(c.name), c])),
    storeDatasets: new Map(store.datasets.list().map((d) => [nameKey(d.name), d])),
    newContractVersion: new Map(),
    newDatasetVersion: new Map()
  }
  planContracts(state)
  planDatasets(state)
  planLinks(state)
  return { items: state.items, steps: state.steps }
}

/** The ids the steps start from: what the store has now, by name key. */
export function initialContext(store: Store): ApplyContext {
  return {
    contractIds: new Map(store.contracts.list({ includeArchived: true }).map((c) => [nameKey(c.name), c.id])),
    datasetIds: new Map(store.datasets.list().map((d) => [nameKey(d.name), d.id]))
  }
}
