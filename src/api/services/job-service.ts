import type { Handlers } from '../dispatch'
import type { EngineContext } from '../engine-context'

export function jobHandlers(context: EngineContext): Pick<Handlers, 'jobs.list' | 'jobs.get' | 'jobs.cancel'> {
  return {
    'jobs.list': () => context.jobs.list(),
    'jobs.get': (request) => context.jobs.get(request.jobId),
    'jobs.cancel': (request) => context.jobs.cancel(request.jobId)
  }
}
