import { AppError } from '../../core/errors'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'

export function workspaceHandlers(
  context: EngineContext
): Pick<Handlers, 'contracts.list' | 'contracts.get' | 'datasets.list' | 'datasets.cases' | 'datasets.addCase' | 'runs.list' | 'runs.get'> {
  return {
    'contracts.list': (request) => requireStore(context).contracts.list({ includeArchived: request.includeArchived }),
    'contracts.get': (request) => {
      const contract = requireStore(context).contracts.get(request.id)
      if (!contract) throw new AppError('NOT_FOUND', `No contract "${request.id}". contracts.list shows the contracts.`)
      return contract
    },
    'datasets.list': () => requireStore(context).datasets.list(),
    'datasets.cases': (request) => requireStore(context).datasets.cases(request.datasetId, request),
    'datasets.addCase': (request) => {
      const store = requireStore(context)
      if (request.sourceCallId !== undefined && !store.calls.find(request.sourceCallId)) {
        throw new AppError('NOT_FOUND', `No call "${request.sourceCallId}"; save the case from a call of a stored run.`, [{ path: 'sourceCallId', message: 'unknown call' }])
      }
      const added = {
        vars: request.vars,
        expected: request.use === 'expected' ? request.output : null,
        notes: request.use === 'reference' ? `Reference output:\n${request.output}` : '',
        tags: request.tags,
        source: request.sourceCallId ? `call:${request.sourceCallId}` : 'playground'
      }
      const target = request.datasetId !== undefined ? { datasetId: request.datasetId } : { newDataset: { name: request.newDatasetName ?? '' } }
      return store.datasets.addCase(target, added, 'Added a case from the playground')
    },
    'runs.list': (request) => requireStore(context).runs.list(request),
    'runs.get': (request) => {
      const run = requireStore(context).runs.get(request.id)
      if (!run) throw new AppError('NOT_FOUND', `No run "${request.id}". runs.list shows recent runs.`)
      return run
    }
  }
}
