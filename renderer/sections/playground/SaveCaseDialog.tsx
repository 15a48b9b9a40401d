import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { AppError } from '../../../src/core/errors'
import { ErrorNotice } from '../../components/Feedback'
import { toAppError } from '../../lib/errors'
import { hrefFor } from '../../lib/routes'
import { useDatasetsStore } from '../../stores/datasets-store'

interface Props {
  output: string
  vars: Record<string, unknown>
  sourceCallId: string | undefined
  label: string
  onClose: () => void
}

const NEW = '__new__'

/** Saves a column's answer as a test case: into an existing dataset or a new one, as expected output or a reference. */
export function SaveCaseDialog({ output, vars, sourceCallId, label, onClose }: Props): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const datasets = useDatasetsStore((s) => s.datasets)
  const loadDatasets = useDatasetsStore((s) => s.load)
  const addCase = useDatasetsStore((s) => s.addCase)
  const [target, setTarget] = useState<string>(NEW)
  const [newName, setNewName] = useState('')
  const [use, setUse] = useState<'expected' | 'reference'>('expected')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  const [saved, setSaved] = useState<{ datasetId: string; name: string; version: number } | null>(null)
  const list = datasets.data ?? []

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    void loadDatasets()
  }, [loadDatasets])

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (target === NEW && !newName.trim()) return
    setBusy(true)
    setError(null)
    try {
      const answer = await addCase({
        ...(target === NEW ? { newDatasetName: newName.trim() } : { datasetId: target }),
        vars,
        output,
        use,
        ...(sourceCallId ? { sourceCallId } : {}),
        tags: []
      })
      const name = target === NEW ? newName.trim() : (list.find((d) => d.id === target)?.name ?? target)
      setSaved({ datasetId: answer.datasetId, name, version: answer.version })
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form aria-labelledby={`${id}-title`} onSubmit={(e) => void onSubmit(e)}>
        <div className="panel-header">
          <h2 id={`${id}-title`}>Save as test case</h2>
          <span className="hint mono">{label}</span>
        </div>
        <div className="panel-body stack">
          <div className="form-grid">
            <label htmlFor={`${id}-dataset`}>Dataset</label>
            <select id={`${id}-dataset`} className="select" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value={NEW}>New dataset…</option>
              {list.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} (v{d.latestVersion}, {d.caseCount} cases)
                </option>
              ))}
            </select>
            {target === NEW && (
              <>
                <label htmlFor={`${id}-name`}>New dataset name</label>
                <input id={`${id}-name`} className="input" value={newName} maxLength={120} onChange={(e) => setNewName(e.target.value)} />
              </>
            )}
          </div>
          <fieldset className="probe-models">
            <legend className="field-label">Use the answer as</legend>
            <label className="check">
              <input type="radio" name="use" checked={use === 'expected'} onChange={() => setUse('expected')} /> Expected output
            </label>{' '}
            <label className="check">
              <input type="radio" name="use" checked={use === 'reference'} onChange={() => setUse('reference')} /> Reference only
            </label>
          </fieldset>
          <p className="hint">The case keeps the variables of this run ({Object.keys(vars).length}) and the answer ({output.length} characters).</p>
          {saved && (
            <p className="notice info" role="status">
              Saved to&nbsp;
              <a href={hrefFor('datasets', saved.datasetId)} onClick={onClose}>
                {saved.name} v{saved.version}
              </a>
            </p>
          )}
          {error && <ErrorNotice error={error} title="The test case was not saved" />}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {saved ? 'Close' : 'Cancel'}
          </button>
          {!saved && (
            <button type="submit" className="btn primary" disabled={busy || (target === NEW && !newName.trim())}>
              Save test case
            </button>
          )}
        </div>
      </form>
    </dialog>
  )
}
