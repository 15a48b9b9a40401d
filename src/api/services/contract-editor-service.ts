import { summarizeChange } from '../../core/contract-changes'
import { contractStatus, measureCalls } from '../../core/contract-status'
import type { ContractStatus, MeasuredRun } from '../../core/schemas/contract-editor'
import type { ContractVersion, ContractVersionBody, ModelRef } from '../../core/schemas/workspace'
import { assertContractBody, problemsOfUnknownBody } from '../../contracts/contract-checks'
import type { ContractRunRef } from '../../store/repos/contract-measurement-repo'
import type { Store } from '../../store/store'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'

type ContractOps =
  | 'contracts.create'
  | 'contracts.update'
  | 'contracts.saveVersion'
  | 'contracts.versions'
  | 'contracts.version'
  | 'contracts.duplicate'
  | 'contracts.archive'
  | 'contracts.status'
  | 'contracts.validate'

function bodyOf(version: ContractVersion): ContractVersionBody {
  const { id: _id, contractId: _contractId, version: _version, createdAt: _createdAt, ...body } = version
  return body
}

/** Only the fields the request names (undefined means "leave as it is"). */
function metaPatch(request: { name?: string; description?: string; feature?: string | null }) {
  return {
    ...(request.name !== undefined ? { name: request.name } : {}),
    ...(request.description !== undefined ? { description: request.description } : {}),
    ...(request.feature !== undefined ? { feature: request.feature } : {})
  }
}

function measured(store: Store, ref: ContractRunRef | null, candidates: readonly ModelRef[]): MeasuredRun | null {
  if (!ref) return null
  return { ...ref, ...measureCalls(store.contractMeasurements.calls(ref.runId), candidates) }
}

/** One contract's status: its latest version's budgets against its latest eval and eval-or-benchmark runs. */
export function statusOf(store: Store, contractId: string): ContractStatus {
  const contract = store.contracts.get(contractId)
  const latest = contract.latest
  const candidates = latest?.candidates ?? []
  const evalRef = store.contractMeasurements.latestEval(contractId)
  const perfRef = store.contractMeasurements.latestEvalOrBench(contractId)
  const quality = measured(store, evalRef, candidates)
  const performance = perfRef && evalRef && perfRef.runId === evalRef.runId ? quality : measured(store, perfRef, candidates)
  const budgets = latest?.budgets ?? { p95LatencyMs: null, p95TtftMs: null, maxCostPerRequestUsd: null, minPassRate: null }
  return contractStatus({ contractId, budgets, latestVersion: contract.latestVersion, quality, performance })
}

export function contractEditorHandlers(context: EngineContext): Pick<Handlers, ContractOps> {
  return {
    'contracts.create': (request) => {
      assertContractBody(request.body)
      return requireStore(context).contracts.create({ name: request.name, description: request.description, feature: request.feature }, request.body)
    },
    'contracts.update': (request) => requireStore(context).contracts.update(request.id, metaPatch(request)),
    'contracts.saveVersion': (request) => {
      assertContractBody(request.body)
      const saved = requireStore(context).contracts.saveChanges(request.id, metaPatch(request), request.body)
      const v = saved.version.version
      const message = saved.created
        ? `Saved version ${v}${saved.metaChanged ? ' and the name, description and feature' : ''}.`
        : saved.metaChanged
          ? `Saved the name, description and feature; the body is the same as version ${v}, so no new version was made.`
          : `Nothing changed since version ${v}: no new version was made.`
      return { contract: saved.contract, version: saved.version, created: saved.created, message }
    },
    'contracts.versions': (request) => {
      const versions = requireStore(context).contracts.listVersions(request.id)
      return versions.map((v, i) => ({
        id: v.id,
        version: v.version,
        createdAt: v.createdAt,
        summary: summarizeChange(i === 0 ? null : bodyOf(versions[i - 1]!), bodyOf(v))
      }))
    },
    'contracts.version': (request) => requireStore(context).contracts.getVersion(request.id, request.version),
    'contracts.duplicate': (request) => requireStore(context).contracts.duplicate(request.id, request.name),
    'contracts.archive': (request) => requireStore(context).contracts.archive(request.id, request.archived),
    'contracts.status': (request) => {
      const store = requireStore(context)
      const ids = request.id !== undefined ? [request.id] : store.contracts.list({ includeArchived: request.includeArchived }).map((c) => c.id)
      return ids.map((id) => statusOf(store, id))
    },
    'contracts.validate': (request) => ({ problems: problemsOfUnknownBody(request.body) })
  }
}
