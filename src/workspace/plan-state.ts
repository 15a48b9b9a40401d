/** What the import planners share: the store's items by name, the findings, and the steps being collected. */
import type { WorkspaceItem } from '../core/api/workspace-file-operations'
import type { ContractSummary, DatasetSummary } from '../core/schemas/workspace'
import type { Store } from '../store/store'
import { FOLDERS, modelRefText, nameKey } from './format'
import type { Findings, Located, ParsedWorkspace } from './read-folder'

/** Ids by name key, filled as the steps create things, so later steps can link to them. */
export interface ApplyContext {
  contractIds: Map<string, string>
  datasetIds: Map<string, string>
}

export type Step = (ctx: ApplyContext) => void

/** Shared by the planners: the store's items by name key, and which of them this import gives a new version. */
export interface PlanState {
  store: Store
  parsed: ParsedWorkspace
  findings: Findings
  items: WorkspaceItem[]
  steps: Step[]
  storeContracts: Map<string, ContractSummary>
  storeDatasets: Map<string, DatasetSummary>
  /** Name key → the version number this import creates (contracts and datasets). */
  newContractVersion: Map<string, number>
  newDatasetVersion: Map<string, number>
}

export const IMPORT_NOTE = 'Imported from workspace files'

/** Warns (never fails) about model references the store does not know. */
export function checkModels(state: PlanState, located: Located<unknown>, refs: ReadonlyArray<{ path: PropertyKey[]; ref: { providerId: string; modelId: string } }>): void {
  for (const { path, ref } of refs) {
    if (state.store.models.find(ref.providerId, ref.modelId)) continue
    state.findings.warnings.push({
      file: located.file,
      ...located.yaml.placeOf(path),
      message: `model ${modelRefText(ref)} is not in this store; kept as written (add the provider and model under Providers to run it)`
    })
  }
}

/** Whether a contract named so is in the folder or the store; a problem at `path` of the file otherwise. */
export function requireContract(state: PlanState, located: Located<unknown>, name: string, path: PropertyKey[]): boolean {
  const key = nameKey(name)
  if (state.storeContracts.has(key) || state.parsed.contracts.some((c) => nameKey(c.entry.name) === key)) return true
  state.findings.problems.add(
    located.file,
    located.yaml.placeOf(path),
    `contract "${name}" is neither in ${FOLDERS.contract}/ of this folder nor in the store — add its file, or fix the name`
  )
  return false
}
