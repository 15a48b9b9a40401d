/**
 * Planning suites and routing policies, which point at contracts and datasets by name. A suite in files follows the
 * latest versions of its contract and dataset: a new one is pinned to them, and an existing one is repointed when it
 * changes or when this import gives its contract or dataset a new version (an unchanged suite is left as it is).
 * A changed routing policy is saved as a new row under its name; earlier rows stay (exports point at them).
 */
import { FOLDERS, nameKey } from './format'
import type { ApplyContext, PlanState } from './plan-state'
import { checkModels, requireContract } from './plan-state'
import type { Located } from './read-folder'
import { suiteEntry } from './store-snapshot'
import type { Store } from '../store/store'

function requireDataset(state: PlanState, located: Located<unknown>, name: string, path: PropertyKey[]): boolean {
  const key = nameKey(name)
  if (state.storeDatasets.has(key) || state.parsed.datasets.some((d) => nameKey(d.entry.name) === key)) return true
  state.findings.problems.add(
    located.file,
    located.yaml.placeOf(path),
    `dataset "${name}" is neither in ${FOLDERS.dataset}/ of this folder nor in the store — add its files, fix the name, or use null`
  )
  return false
}

function latestContractVersionId(store: Store, ctx: ApplyContext, name: string): string {
  const id = ctx.contractIds.get(nameKey(name))
  const latest = id === undefined ? null : store.contracts.get(id).latest
  if (!latest) throw new Error(`contract "${name}" has no version to pin the suite to`)
  return latest.id
}

function latestDatasetVersionId(store: Store, ctx: ApplyContext, name: string | null): string | null {
  if (name === null) return null
  const id = ctx.datasetIds.get(nameKey(name))
  if (id === undefined) throw new Error(`dataset "${name}" is not in the store`)
  return store.datasets.listVersions(id).at(-1)?.id ?? null
}

function sameName(a: string | null, b: string | null): boolean {
  return (a === null ? null : nameKey(a)) === (b === null ? null : nameKey(b))
}

function planSuites(state: PlanState): void {
  const { store } = state
  for (const s of state.parsed.suites) {
    const e = s.entry
    const contractOk = requireContract(state, s, e.contract, ['contract'])
    const datasetOk = e.dataset === null || requireDataset(state, s, e.dataset, ['dataset'])
    if (!contractOk || !datasetOk) continue
    checkModels(state, s, (e.settings.models ?? []).map((ref, i) => ({ path: ['models', i], ref })))
    const found = store.suites.findByName(e.name)
    const pin = (ctx: ApplyContext) => ({
      contractVersionId: latestContractVersionId(store, ctx, e.contract),
      datasetVersionId: latestDatasetVersionId(store, ctx, e.dataset)
    })
    if (!found) {
      state.items.push({ kind: 'suite', name: e.name, file: s.file, action: 'created', changes: [] })
      state.steps.push((ctx) => void store.suites.create({ name: e.name, settings: e.settings, ...pin(ctx) }))
      continue
    }
    const current = suiteEntry(found)
    const changes: string[] = []
    if (found.name !== e.name) changes.push(`renamed from "${found.name}"`)
    if (!sameName(current.contract, e.contract)) changes.push(`contract "${e.contract}"`)
    if (!sameName(current.dataset, e.dataset)) changes.push(e.dataset === null ? 'no dataset' : `dataset "${e.dataset}"`)
    if (JSON.stringify(current.settings) !== JSON.stringify(e.settings)) changes.push('settings')
    const contractVersion = state.newContractVersion.get(nameKey(e.contract))
    if (contractVersion !== undefined && changes.length === 0) changes.push(`follows contract version ${contractVersion}`)
    const datasetVersion = e.dataset === null ? undefined : state.newDatasetVersion.get(nameKey(e.dataset))
    if (datasetVersion !== undefined && !changes.some((c) => c.startsWith('dataset'))) changes.push(`follows dataset version ${datasetVersion}`)
    state.items.push({ kind: 'suite', name: e.name, file: s.file, action: changes.length > 0 ? 'updated' : 'unchanged', changes })
    if (changes.length === 0) continue
    state.steps.push((ctx) => void store.suites.update(found.id, { name: e.name, settings: e.settings, ...pin(ctx) }))
  }
}

function planRouting(state: PlanState): void {
  const { store } = state
  for (const r of state.parsed.routing) {
    const e = r.entry
    if (e.contract !== null && !requireContract(state, r, e.contract, ['contract'])) continue
    const latest = store.routingPolicies.latestByName(e.name)
    const save = (ctx: ApplyContext) =>
      void store.routingPolicies.create({
        name: e.name,
        contractId: e.contract === null ? null : (ctx.contractIds.get(nameKey(e.contract)) ?? null),
        body: e.policy,
        provenance: { source: 'workspace-import', file: r.file }
      })
    if (!latest) {
      state.items.push({ kind: 'routing', name: e.name, file: r.file, action: 'created', changes: [] })
      state.steps.push(save)
      continue
    }
    const changes: string[] = []
    if (latest.name !== e.name) changes.push(`renamed from "${latest.name}"`)
    if (!sameName(latest.contractName, e.contract)) changes.push(e.contract === null ? 'no contract' : `contract "${e.contract}"`)
    if (JSON.stringify(latest.body) !== JSON.stringify(e.policy)) changes.push('policy')
    if (changes.length > 0) changes.push('saved as a new row; earlier ones stay')
    state.items.push({ kind: 'routing', name: e.name, file: r.file, action: changes.length > 0 ? 'updated' : 'unchanged', changes })
    if (changes.length > 0) state.steps.push(save)
  }
}

export function planLinks(state: PlanState): void {
  planSuites(state)
  planRouting(state)
}
