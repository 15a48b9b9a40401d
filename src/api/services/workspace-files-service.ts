import type { Handlers } from '../dispatch'
import type { EngineContext } from '../engine-context'

export function workspaceFileHandlers(_context: EngineContext): Pick<Handlers, never> {
  return {}
}
