/** Reading the store as workspace entries: what export writes and what import compares against. */
import type { DatasetCase, DatasetSummary } from '../core/schemas/workspace'
import { SuiteSettings } from '../core/schemas/suite'
import type { Store } from '../store/store'
import { nameKey } from './format'
import { canonicalBody } from './model'
import type { CaseEntry, ContractEntry, DatasetEntry, RoutingEntry, SuiteEntry } from './model'

export interface StoreSnapshot {
  contracts: ContractEntry[]
  datasets: DatasetEntry[]
  suites: SuiteEntry[]
  routing: RoutingEntry[]
  /** Things left out, in words (e.g. a second suite with the same name). */
  notes: string[]
}

export function caseEntry(c: DatasetCase): CaseEntry {
  return { vars: c.vars, expected: c.expected, assertions: c.assertions, tags: c.tags, notes: c.notes }
}

/** Every case of a dataset's latest version, in order. */
export function latestCases(store: Store, dataset: DatasetSummary): DatasetCase[] {
  if (dataset.latestVersion === 0) return []
  return store.datasets.cases(dataset.id, { limit: Math.max(1, dataset.caseCount) }).cases
}

/** The contract's meta and latest body; null for a contract without any version. */
export function contractEntry(store: Store, id: string): ContractEntry | null {
  const detail = store.contracts.get(id)
  if (!detail.latest) return null
  const { id: _id, contractId: _c, version: _v, createdAt: _t, ...body } = detail.latest
  return { name: detail.name, description: detail.description, feature: detail.feature, archived: detail.archived, body: canonicalBody(body) }
}

export function suiteEntry(suite: { name: string; contractName: string; datasetName: string | null; settings: unknown }): SuiteEntry {
  const settings = SuiteSettings.safeParse(suite.settings)
  return { name: suite.name, contract: suite.contractName, dataset: suite.datasetName, settings: settings.success ? settings.data : {} }
}

export function readStoreSnapshot(store: Store): StoreSnapshot {
  const notes: string[] = []
  const contractNames = new Map<string, string>()
  const contracts: ContractEntry[] = []
  for (const summary of store.contracts.list({ includeArchived: true })) {
    contractNames.set(summary.id, summary.name)
    try {
      const entry = contractEntry(store, summary.id)
      if (entry) contracts.push(entry)
      else notes.push(`contract "${summary.name}" has no version yet; it was left out`)
    } catch (error) {
      notes.push(`contract "${summary.name}" was left out: its latest version does not read as a contract (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`)
    }
  }
  const datasets: DatasetEntry[] = store.datasets.list().map((d) => ({
    name: d.name,
    description: d.description,
    contract: d.contractId === null ? null : (contractNames.get(d.contractId) ?? null),
    cases: latestCases(store, d).map(caseEntry)
  }))
  const suites: SuiteEntry[] = []
  const seenSuites = new Set<string>()
  for (const suite of store.suites.list()) {
    const key = nameKey(suite.name)
    if (seenSuites.has(key)) {
      notes.push(`two suites are named "${suite.name}"; only the most recently updated one was exported`)
      continue
    }
    seenSuites.add(key)
    suites.push(suiteEntry(suite))
  }
  const routing: RoutingEntry[] = store.routingPolicies.listLatest().map((p) => ({ name: p.name, contract: p.contractName, policy: p.body }))
  return { contracts, datasets, suites, routing, notes }
}
