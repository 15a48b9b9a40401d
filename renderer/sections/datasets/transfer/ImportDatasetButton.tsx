import { useId, useState } from 'react'
import type { ChangeEvent, ReactElement } from 'react'
import { MAX_IMPORT_FILE_BYTES } from '../../../../src/core/api/dataset-transfer-operations'
import type { DatasetSummary } from '../../../../src/core/schemas/workspace'
import { formatBytes } from '../../../lib/format'
import { navigate } from '../../../lib/navigation'
import { useDatasetTransfer } from '../../../stores/dataset-transfer-store'
import { ImportDialog } from './ImportDialog'

/**
 * Import a CSV (promptfoo's __expected columns understood), JSONL or JSON file: choosing the file opens the mapping
 * step (preview, roles, names), then the cases go into a new dataset or a new version of the selected one. All or
 * nothing: problems come back listed by line and column.
 */
export function ImportDatasetButton({ selected }: { selected: DatasetSummary | undefined }): ReactElement {
  const phase = useDatasetTransfer((s) => s.phase)
  const error = useDatasetTransfer((s) => s.error)
  const choose = useDatasetTransfer((s) => s.choose)
  const reset = useDatasetTransfer((s) => s.reset)
  const [result, setResult] = useState<string | null>(null)
  const inputId = useId()
  const open = phase !== 'idle' || error !== null

  function onFile(event: ChangeEvent<HTMLInputElement>): void {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setResult(null)
    void choose(file)
  }

  return (
    <div className="import-dataset">
      <label className="btn" htmlFor={inputId} title={`CSV, JSONL or JSON, up to ${formatBytes(MAX_IMPORT_FILE_BYTES)}`}>
        Import file
      </label>
      <input id={inputId} type="file" accept=".csv,.jsonl,.ndjson,.json" className="visually-hidden" aria-label="Dataset file (CSV, JSONL or JSON)" onChange={onFile} />
      {result && (
        <p className="hint" role="status" data-testid="import-result">
          {result}
        </p>
      )}
      {open && (
        <ImportDialog
          selected={selected}
          onClose={reset}
          onImported={(message, datasetId) => {
            setResult(message)
            reset()
            navigate('datasets', datasetId)
          }}
        />
      )}
    </div>
  )
}
