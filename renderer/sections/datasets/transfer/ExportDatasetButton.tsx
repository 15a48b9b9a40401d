import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { ExportFormat } from '../../../../src/core/api/dataset-transfer-operations'
import type { AppError } from '../../../../src/core/errors'
import type { DatasetSummary } from '../../../../src/core/schemas/workspace'
import { ErrorNotice } from '../../../components/Feedback'
import { toAppError } from '../../../lib/errors'
import { useDatasetTransfer } from '../../../stores/dataset-transfer-store'

interface DialogProps {
  dataset: DatasetSummary
  version: number
  onClose: () => void
}

function ExportDialog({ dataset, version: initialVersion, onClose }: DialogProps): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const exportVersion = useDatasetTransfer((s) => s.exportVersion)
  const [format, setFormat] = useState<ExportFormat>('csv')
  const [version, setVersion] = useState(String(initialVersion))
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const number = Number(version)
  const valid = Number.isInteger(number) && number >= 1 && number <= dataset.latestVersion

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (!valid) return
    setBusy(true)
    setError(null)
    setSaved(null)
    try {
      const file = await exportVersion(dataset.id, number, format)
      setSaved(`Saved ${file.fileName}: ${file.caseCount} ${file.caseCount === 1 ? 'case' : 'cases'} of version ${file.version}.`)
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)}>
        <div className="panel-header">
          <h2 id={`${id}-title`}>Export {dataset.name}</h2>
        </div>
        <div className="panel-body stack">
          <fieldset className="probe-models">
            <legend className="field-label">Format</legend>
            <label className="check">
              <input type="radio" name={`${id}-format`} checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV (promptfoo)
            </label>{' '}
            <label className="check">
              <input type="radio" name={`${id}-format`} checked={format === 'jsonl'} onChange={() => setFormat('jsonl')} /> JSONL
            </label>
          </fieldset>
          <p className="hint">
            {format === 'csv'
              ? 'One column per variable, __expected for the expected output, __expected1…N for assertions in promptfoo’s shorthand, __assertions (JSON) for the others, __tags and __description. Values that are not text are written as JSON.'
              : 'One case per line: {"vars", "expected", "assertions", "tags", "notes"}. Keeps every value’s type.'}
          </p>
          <div className="form-grid">
            <label htmlFor={`${id}-version`}>Version</label>
            <input id={`${id}-version`} className="input" type="number" min={1} max={dataset.latestVersion} value={version} onChange={(e) => setVersion(e.target.value)} aria-invalid={!valid || undefined} />
          </div>
          {!valid && <p className="transfer-field-error">Pick a version from 1 to {dataset.latestVersion}.</p>}
          {saved && (
            <p className="notice info" role="status" data-testid="export-result">
              {saved}
            </p>
          )}
          {error && <ErrorNotice error={error} title="Nothing was exported" />}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {saved ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="btn primary" disabled={busy || !valid}>
            {busy ? 'Exporting…' : `Download ${format.toUpperCase()}`}
          </button>
        </div>
      </form>
    </dialog>
  )
}

/** Export the selected dataset's version (latest unless one is named) as promptfoo CSV or JSONL, as a download. */
export function ExportDatasetButton({ selected, version }: { selected: DatasetSummary | undefined; version?: number }): ReactElement {
  const [open, setOpen] = useState(false)
  const disabled = !selected || selected.latestVersion === 0
  return (
    <>
      <button type="button" className="btn" disabled={disabled} onClick={() => setOpen(true)} title={disabled ? 'Select a dataset with a saved version' : undefined}>
        Export
      </button>
      {open && selected && <ExportDialog dataset={selected} version={version ?? selected.latestVersion} onClose={() => setOpen(false)} />}
    </>
  )
}
