import { create } from 'zustand'
import { getClient } from '../api/client'
import { MAX_IMPORT_FILE_BYTES } from '../../src/core/api/dataset-transfer-operations'
import type { ColumnMapping, ColumnRole, ExportFormat, ImportPreview } from '../../src/core/api/dataset-transfer-operations'
import type { ResponseOf } from '../../src/core/api-contract'
import { AppError } from '../../src/core/errors'
import { downloadText, fileToBase64 } from '../lib/download'
import { toAppError } from '../lib/errors'
import { formatBytes } from '../lib/format'
import { useDatasetsStore } from './datasets-store'

export type ImportTarget = { newDatasetName: string } | { datasetId: string }

/** The editable name of a column: its variable name or metadata key (the column name when not set). */
export function nameOf(m: ColumnMapping): string {
  if (m.name !== undefined) return m.name
  if (m.column.startsWith('vars.')) return m.column.slice(5)
  if (m.column.startsWith('__metadata:')) return m.column.slice(11)
  return m.column
}

/** The suggested mapping of a preview, with every name written out (so the user edits what will be used). */
export function initialMapping(preview: ImportPreview): ColumnMapping[] {
  const seen = new Set<string>()
  const out: ColumnMapping[] = []
  for (const c of preview.columns) {
    if (seen.has(c.name)) continue
    seen.add(c.name)
    const m = c.suggested
    out.push(m.role === 'var' || m.role === 'metadata' ? { ...m, name: nameOf(m) } : m)
  }
  return out
}


interface ChosenFile {
  name: string
  size: number
  contentBase64: string
}

interface DatasetTransferState {
  /** The import in progress: reading the file, its preview, the mapping being edited. */
  phase: 'idle' | 'reading' | 'mapping' | 'importing'
  file: ChosenFile | null
  preview: ImportPreview | null
  mapping: ColumnMapping[]
  /** Why the file could not be read or imported (problems listed by line and column). */
  error: AppError | null
  /** Bumped on every choose/reset, so a slow read for a file the user has since dropped is ignored. */
  attempt: number
  choose: (file: File) => Promise<void>
  setRole: (column: string, role: ColumnRole) => void
  setName: (column: string, name: string) => void
  runImport: (target: ImportTarget) => Promise<ResponseOf<'datasets.import'> | null>
  reset: () => void
  /** Downloads a dataset version as CSV or JSONL; answers what was saved. */
  exportVersion: (datasetId: string, version: number | undefined, format: ExportFormat) => Promise<ResponseOf<'datasets.export'>>
}

function tooLarge(file: File): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    `${file.name} is ${formatBytes(file.size)}, over the ${formatBytes(MAX_IMPORT_FILE_BYTES)} import limit. Split it into smaller files (for example by rows) and import them as versions.`
  )
}

export const useDatasetTransfer = create<DatasetTransferState>()((set, get) => ({
  phase: 'idle',
  file: null,
  preview: null,
  mapping: [],
  error: null,
  attempt: 0,

  async choose(file) {
    const attempt = get().attempt + 1
    set({ attempt, phase: 'reading', file: null, preview: null, mapping: [], error: null })
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      set({ phase: 'mapping', error: tooLarge(file) })
      return
    }
    try {
      const contentBase64 = await fileToBase64(file)
      if (get().attempt !== attempt) return
      set({ file: { name: file.name, size: file.size, contentBase64 } })
      const preview = await getClient().call('datasets.previewImport', { fileName: file.name, contentBase64 })
      if (get().attempt !== attempt) return
      set({ phase: 'mapping', preview, mapping: initialMapping(preview) })
    } catch (error) {
      if (get().attempt !== attempt) return
      set({ phase: 'mapping', error: toAppError(error) })
    }
  },

  setRole(column, role) {
    set({ mapping: get().mapping.map((m) => (m.column === column ? { ...m, role } : m)) })
  },

  setName(column, name) {
    set({ mapping: get().mapping.map((m) => (m.column === column ? { ...m, name } : m)) })
  },

  async runImport(target) {
    const { file, mapping, attempt } = get()
    if (!file) return null
    set({ phase: 'importing', error: null })
    try {
      const imported = await getClient().call('datasets.import', { fileName: file.name, contentBase64: file.contentBase64, mapping, ...target })
      await useDatasetsStore.getState().load()
      if (get().attempt === attempt) set({ phase: 'idle', file: null, preview: null, mapping: [] })
      return imported
    } catch (error) {
      if (get().attempt === attempt) set({ phase: 'mapping', error: toAppError(error) })
      return null
    }
  },

  reset() {
    set({ attempt: get().attempt + 1, phase: 'idle', file: null, preview: null, mapping: [], error: null })
  },

  async exportVersion(datasetId, version, format) {
    const file = await getClient().call('datasets.export', { datasetId, format, ...(version !== undefined ? { version } : {}) })
    downloadText(file.fileName, file.content, file.mimeType)
    return file
  }
}))
