import { AppError } from '../../core/errors'
import { renderMessages } from '../../core/templating'
import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'
import { callTarget, effectivePolicy, resolveModelRefs } from './call-targets'

/** Calls one playground run may make (columns × repeats); more belongs in an eval or a benchmark. */
export const MAX_PLAYGROUND_CALLS = 40

/** Per running playground job: its columns' abort controllers (filled by the job, emptied as columns end). */
type ColumnControllers = Map<string, AbortController>

export function playgroundHandlers(context: EngineContext): Pick<Handlers, 'playground.estimate' | 'playground.run' | 'playground.cancelColumn'> {
  const running = new Map<string, ColumnControllers>()
  /** Column ids of this session's playground jobs (a finished column answers cancelled: false, an unknown one NOT_FOUND). */
  const columnsOf = new Map<string, Set<string>>()
  return {
    'playground.estimate': async (request) => {
      const resolved = resolveModelRefs(context, request.models)
      const { estimatePlaygroundRun } = await import('../../catalog/estimate-run')
      return estimatePlaygroundRun(request, resolved.map((r) => r.model))
    },
    'playground.run': (request) => {
      const store = requireStore(context)
      const calls = request.models.length * request.repeat
      if (calls > MAX_PLAYGROUND_CALLS) {
        throw new AppError('VALIDATION_FAILED', `${request.models.length} models × ${request.repeat} repeats is ${calls} calls; a playground run makes at most ${MAX_PLAYGROUND_CALLS}. Lower the repeat count or use an eval.`, [
          { path: 'repeat', message: `at most ${MAX_PLAYGROUND_CALLS} calls in all` }
        ])
      }
      // A missing variable fails here, before the job (and its run) exist.
      renderMessages(request.messages, request.variables)
      const resolved = resolveModelRefs(context, request.models)
      if (request.contractVersionId !== undefined) store.contracts.getVersionById(request.contractVersionId)
      const targets = resolved.map(({ provider, model }) => callTarget(context, provider, model))
      const policy = effectivePolicy(context, request.policy)
      const columnControllers: ColumnControllers = new Map()
      const jobId = context.jobs.start('playground.run', async (job) => {
        running.set(job.jobId, columnControllers)
        try {
          const [{ runPlayground }, { streamCall }] = await Promise.all([import('../../playground/run-playground'), import('../../providers/stream-call')])
          await runPlayground(job, { store, request, targets, policy, streamCall, columnControllers })
        } finally {
          running.delete(job.jobId)
        }
      })
      running.set(jobId, columnControllers)
      columnsOf.set(jobId, new Set(request.models.flatMap((_, i) => Array.from({ length: request.repeat }, (_r, r) => `m${i}.r${r}`))))
      for (const old of [...columnsOf.keys()].slice(0, Math.max(0, columnsOf.size - 200))) columnsOf.delete(old)
      return { jobId }
    },
    'playground.cancelColumn': (request) => {
      const job = context.jobs.get(request.jobId)
      if (job.op !== 'playground.run') throw new AppError('NOT_FOUND', `Job "${request.jobId}" is not a playground run.`)
      const controllers = running.get(request.jobId)
      const controller = controllers?.get(request.columnId)
      if (!controller) {
        if (columnsOf.get(request.jobId)?.has(request.columnId)) return { cancelled: false }
        throw new AppError('NOT_FOUND', `Job "${request.jobId}" has no column "${request.columnId}"; columns are named like m0.r0 (model 0, repeat 0).`, [
          { path: 'columnId', message: 'unknown column' }
        ])
      }
      if (controller.signal.aborted) return { cancelled: false }
      controller.abort(new AppError('CANCELLED', 'Column cancelled by the user'))
      return { cancelled: true }
    }
  }
}
