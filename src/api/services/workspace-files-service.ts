import type { Handlers } from '../dispatch'
import { requireStore, type EngineContext } from '../engine-context'

/** Workspace folders: export the store as YAML/JSONL files, import a folder back (all or nothing). */
export function workspaceFileHandlers(context: EngineContext): Pick<Handlers, 'workspace.export' | 'workspace.import'> {
  return {
    'workspace.export': async (request) => {
      const store = requireStore(context)
      const { exportWorkspace } = await import('../../workspace/workspace-files')
      return exportWorkspace(store, request.dir)
    },
    'workspace.import': async (request) => {
      const store = requireStore(context)
      const { importWorkspace } = await import('../../workspace/workspace-files')
      return importWorkspace(store, request.dir, { dryRun: request.dryRun })
    }
  }
}
