import { useId, useState } from 'react'
import type { ChangeEvent, ReactElement } from 'react'
import type { AppError } from '../../../../src/core/errors'
import type { DatasetSummary } from '../../../../src/core/schemas/workspace'
import { ErrorNotice } from '../../../components/Feedback'
import { toAppError } from '../../../lib/errors'
import { navigate } from '../../../lib/navigation'
import { useDatasetsStore } from '../../../stores/datasets-store'

/** Base64 of a file's bytes, in chunks (a single String.fromCharCode call overflows on large files). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/**
 * Import a CSV (promptfoo's __expected columns understood), JSONL or JSON file as a new dataset or as a new
 * version of the selected one. All or nothing: problems come back listed by line and column.
 */
export function ImportDatasetButton({ selected }: { selected: DatasetSummary | undefined }): ReactElement {
  const importFile = useDatasetsStore((s) => s.importFile)
  const [target, setTarget] = useState<'new' | 'version'>('new')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const inputId = useId()

  async function onFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const contentBase64 = await base64Of(file)
      const into = target === 'version' && selected ? { datasetId: selected.id } : { newDatasetName: file.name.replace(/\.[^.]+$/, '') || file.name }
      const imported = await importFile({ fileName: file.name, contentBase64, ...into })
      setResult(`Imported ${imported.caseCount} cases from ${file.name} as version ${imported.version}.`)
      navigate('datasets', imported.datasetId)
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="import-dataset">
      <div className="row">
        <select aria-label="Import into" value={target} onChange={(e) => setTarget(e.target.value as 'new' | 'version')} disabled={busy}>
          <option value="new">As a new dataset</option>
          {selected && <option value="version">As a new version of {selected.name}</option>}
        </select>
        <label className={`btn${busy ? ' disabled' : ''}`} htmlFor={inputId}>
          {busy ? 'Importing…' : 'Import file'}
        </label>
        <input id={inputId} type="file" accept=".csv,.jsonl,.ndjson,.json" className="visually-hidden" aria-label="Dataset file (CSV, JSONL or JSON)" disabled={busy} onChange={(e) => void onFile(e)} />
      </div>
      {result && (
        <p className="hint" role="status" data-testid="import-result">
          {result}
        </p>
      )}
      {error && <ErrorNotice error={error} title="Nothing was imported" />}
    </div>
  )
}
