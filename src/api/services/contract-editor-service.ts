import type { Handlers } from '../dispatch'
import type { EngineContext } from '../engine-context'

export function contractEditorHandlers(_context: EngineContext): Pick<Handlers, never> {
  return {}
}
