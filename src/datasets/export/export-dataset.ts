/** `datasets.export`: one dataset version as promptfoo-compatible CSV or JSONL text, streamed from SQLite. */
import type { ExportFormat } from '../../core/api/dataset-transfer-operations'
import type { Store } from '../../store/store'
import { csvLines, jsonlLine, planCsv } from './case-format'
import { iterateVersionCases, resolveVersion } from './version-cases'

export interface ExportedFile {
  fileName: string
  mimeType: string
  content: string
  version: number
  caseCount: number
}

/** `Triage golden set` v3 → `triage-golden-set-v3.csv`. */
export function exportFileName(datasetName: string, version: number, format: ExportFormat): string {
  const slug = datasetName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `${slug || 'dataset'}-v${version}.${format}`
}

export function exportDataset(store: Store, request: { datasetId: string; version?: number; format: ExportFormat }): ExportedFile {
  const dataset = store.datasets.get(request.datasetId)
  const ref = resolveVersion(store, request.datasetId, request.version)
  const version = ref?.version ?? 0
  const fileName = exportFileName(dataset.name, version, request.format)
  const chunks: string[] = []
  let caseCount = 0
  // One read transaction for both passes, so a version saved in between cannot mix in (versions are immutable anyway).
  store.db.transaction(() => {
    if (request.format === 'jsonl') {
      if (!ref) return
      for (const c of iterateVersionCases(store.db, ref.id)) {
        chunks.push(jsonlLine(c))
        caseCount++
      }
      return
    }
    const plan = planCsv(ref ? iterateVersionCases(store.db, ref.id) : [])
    for (const line of csvLines(ref ? iterateVersionCases(store.db, ref.id) : [], plan)) {
      chunks.push(line)
      caseCount++
    }
    caseCount-- // the header
  })()
  return {
    fileName,
    mimeType: request.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/jsonl;charset=utf-8',
    content: chunks.join(''),
    version,
    caseCount
  }
}
