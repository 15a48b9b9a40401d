import { AppError } from '../../core/errors'
import type { CompareEntry, ComparedCase, DatasetVersionInfo } from '../../core/schemas/dataset-edit'
import type { DatasetCase } from '../../core/schemas/workspace'
import { changedFields, compareVersions, KeyInterner, type VersionDiff } from '../../datasets/edit/compare-versions'
import type { Store } from '../../store/open-store'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'

type Ops = 'datasets.create' | 'datasets.update' | 'datasets.versions' | 'datasets.columns' | 'datasets.saveEdits' | 'datasets.compare'

/** Comparisons kept in memory (versions are immutable, so a comparison never goes stale), newest last. */
const COMPARE_CACHE_SIZE = 4

function versionOrFail(store: Store, datasetId: string, version: number, field: string): DatasetVersionInfo {
  try {
    const info = store.datasets.version(datasetId, version)
    if (info) return info
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'NOT_FOUND') throw error
  }
  const name = store.datasets.get(datasetId).name
  throw new AppError('NOT_FOUND', `Dataset "${name}" has no version ${version}; datasets.versions lists its versions.`, [{ path: field, message: 'unknown version' }])
}

function compared(c: DatasetCase): ComparedCase {
  return { id: c.id, position: c.position, vars: c.vars, expected: c.expected, assertions: c.assertions, tags: c.tags, notes: c.notes }
}

export function datasetEditHandlers(context: EngineContext): Pick<Handlers, Ops> {
  const comparisons = new Map<string, VersionDiff>()

  function diffOf(store: Store, from: DatasetVersionInfo, to: DatasetVersionInfo): VersionDiff {
    const key = `${from.id}>${to.id}`
    const cached = comparisons.get(key)
    if (cached) {
      comparisons.delete(key)
      comparisons.set(key, cached)
      return cached
    }
    const interner = new KeyInterner()
    const diff = compareVersions(interner.keysOf(store.datasets.caseKeys(from.id)), interner.keysOf(store.datasets.caseKeys(to.id)))
    comparisons.set(key, diff)
    if (comparisons.size > COMPARE_CACHE_SIZE) comparisons.delete(comparisons.keys().next().value as string)
    return diff
  }

  return {
    'datasets.create': (request) => requireStore(context).datasets.create(request, [], 'Created empty'),
    'datasets.update': (request) => {
      const { id, ...patch } = request
      return requireStore(context).datasets.update(id, patch)
    },
    'datasets.versions': (request) => [...requireStore(context).datasets.listVersions(request.datasetId)].reverse(),
    'datasets.columns': (request) => {
      const store = requireStore(context)
      const dataset = store.datasets.get(request.datasetId)
      const version = request.version === undefined ? store.datasets.version(dataset.id) : versionOrFail(store, dataset.id, request.version, 'version')
      const contract = dataset.contractId ? store.contracts.get(dataset.contractId) : null
      return {
        version: version?.version ?? 0,
        contractName: contract?.name ?? null,
        contractVariables: contract?.latest?.variables ?? [],
        caseVariables: version ? store.datasets.varNames(version.id) : []
      }
    },
    'datasets.saveEdits': (request) => {
      const { version, plan } = requireStore(context).datasets.saveEdits(request.datasetId, request.baseVersion, request.steps, request.note)
      return { ...version, datasetId: request.datasetId, kept: plan.kept, edited: plan.edited, added: plan.added, removed: plan.removed }
    },
    'datasets.compare': (request) => {
      const store = requireStore(context)
      const from = versionOrFail(store, request.datasetId, request.from, 'from')
      const to = versionOrFail(store, request.datasetId, request.to, 'to')
      const diff = diffOf(store, from, to)
      const kinds = request.kinds ? new Set(request.kinds) : null
      const matching = kinds ? diff.entries.filter((e) => kinds.has(e.kind)) : diff.entries
      const page = matching.slice(request.offset, request.offset + request.limit)
      const before = new Map(store.datasets.casesAt(from.id, page.flatMap((e) => (e.from === null ? [] : [e.from]))).map((c) => [c.position, c]))
      const after = new Map(store.datasets.casesAt(to.id, page.flatMap((e) => (e.to === null ? [] : [e.to]))).map((c) => [c.position, c]))
      const entries: CompareEntry[] = page.map((e) => {
        const b = e.from === null ? null : (before.get(e.from) ?? null)
        const a = e.to === null ? null : (after.get(e.to) ?? null)
        return { kind: e.kind, before: b && compared(b), after: a && compared(a), fields: a && b ? changedFields(b, a) : [] }
      })
      return { from, to, summary: diff.summary, total: matching.length, offset: request.offset, entries }
    }
  }
}
