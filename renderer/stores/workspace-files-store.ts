import { create } from 'zustand'
import { getClient } from '../api/client'
import type { WorkspaceExportResult, WorkspaceImportResult } from '../../src/core/api/workspace-file-operations'
import type { AppError } from '../../src/core/errors'
import { toAppError } from '../lib/errors'
import { useContractsStore } from './contracts-store'
import { useDatasetsStore } from './datasets-store'

const FOLDER_KEY = 'switchyard.workspaceFolder'

export type WorkspaceAction = 'export' | 'dry-run' | 'import'

export type WorkspaceOutcome = { kind: 'export'; result: WorkspaceExportResult } | { kind: 'import'; result: WorkspaceImportResult }

interface WorkspaceFilesState {
  /** The folder path as typed; remembered on this machine for next time. */
  folder: string
  busy: WorkspaceAction | null
  outcome: WorkspaceOutcome | null
  error: AppError | null
  setFolder: (folder: string) => void
  exportFolder: () => Promise<void>
  importFolder: (dryRun: boolean) => Promise<void>
}

function rememberedFolder(): string {
  try {
    return localStorage.getItem(FOLDER_KEY) ?? ''
  } catch {
    return ''
  }
}

function remember(folder: string): void {
  try {
    localStorage.setItem(FOLDER_KEY, folder)
  } catch {
    // storage may be unavailable; the field simply starts empty next time
  }
}

export const useWorkspaceFilesStore = create<WorkspaceFilesState>()((set, get) => {
  async function run(action: WorkspaceAction, work: (dir: string) => Promise<WorkspaceOutcome>): Promise<void> {
    const dir = get().folder.trim()
    if (get().busy) return
    set({ busy: action, error: null, outcome: null })
    remember(dir)
    try {
      set({ outcome: await work(dir), busy: null })
    } catch (error) {
      set({ error: toAppError(error), busy: null })
    }
  }

  return {
    folder: rememberedFolder(),
    busy: null,
    outcome: null,
    error: null,

    setFolder(folder) {
      set({ folder })
    },

    exportFolder: () => run('export', async (dir) => ({ kind: 'export', result: await getClient().call('workspace.export', { dir }) })),

    importFolder: (dryRun) =>
      run(dryRun ? 'dry-run' : 'import', async (dir) => {
        const result = await getClient().call('workspace.import', { dir, dryRun })
        if (result.applied) {
          // Contracts and datasets changed under the other screens: have them read again.
          void useContractsStore.getState().load()
          void useDatasetsStore.getState().load()
        }
        return { kind: 'import', result }
      })
  }
})
