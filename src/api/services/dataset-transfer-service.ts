import type { Handlers } from '../dispatch'
import type { EngineContext } from '../engine-context'

export function datasetTransferHandlers(_context: EngineContext): Pick<Handlers, never> {
  return {}
}
