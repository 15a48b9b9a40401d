import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { AppError } from '../../../src/core/errors'
import type { ContractSummary, DatasetSummary } from '../../../src/core/schemas/workspace'
import { ErrorNotice } from '../../components/Feedback'
import { toAppError } from '../../lib/errors'
import { navigate } from '../../lib/navigation'
import { useDatasetsStore } from '../../stores/datasets-store'

interface Props {
  /** The dataset to edit; none to create a new, empty one. */
  dataset?: DatasetSummary
  onClose: () => void
}

/** Create an empty dataset, or edit one's name, description and linked contract. */
export function DatasetMetaDialog({ dataset, onClose }: Props): ReactElement {
  const createDataset = useDatasetsStore((s) => s.createDataset)
  const updateDataset = useDatasetsStore((s) => s.updateDataset)
  const contractOptions = useDatasetsStore((s) => s.contractOptions)
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [name, setName] = useState(dataset?.name ?? '')
  const [description, setDescription] = useState(dataset?.description ?? '')
  const [contractId, setContractId] = useState(dataset?.contractId ?? '')
  const [contracts, setContracts] = useState<ContractSummary[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    dialog.current?.showModal()
    contractOptions()
      .then(setContracts)
      .catch((e: unknown) => setError(toAppError(e)))
  }, [contractOptions])

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const fields = { name: name.trim(), description, contractId: contractId || null }
      if (dataset) {
        await updateDataset({ id: dataset.id, ...fields })
      } else {
        const created = await createDataset(fields)
        navigate('datasets', created.id)
      }
      onClose()
    } catch (e) {
      setError(toAppError(e))
    } finally {
      setBusy(false)
    }
  }

  const title = dataset ? `Edit “${dataset.name}”` : 'New dataset'
  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="panel-header">
          <h2 id={`${id}-title`}>{title}</h2>
        </div>
        <div className="panel-body stack">
          <div className="form-grid">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} className="input" value={name} maxLength={200} required autoFocus onChange={(e) => setName(e.target.value)} />
            <label htmlFor={`${id}-description`}>Description</label>
            <textarea id={`${id}-description`} className="textarea" rows={3} value={description} maxLength={10_000} onChange={(e) => setDescription(e.target.value)} />
            <label htmlFor={`${id}-contract`}>Contract</label>
            <select id={`${id}-contract`} className="select" value={contractId} onChange={(e) => setContractId(e.target.value)} disabled={!contracts}>
              <option value="">None</option>
              {(contracts ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <p className="hint">
            The grid’s columns follow the linked contract’s variables (with their types); cases can also hold other variables.
            {dataset ? ' Renaming or relinking does not create a version.' : ' The dataset starts empty: add rows or paste them, then save version 2.'}
          </p>
          {error && <ErrorNotice error={error} title={dataset ? 'Could not save the details' : 'Could not create the dataset'} />}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={busy || name.trim() === ''}>
            {busy ? 'Saving…' : dataset ? 'Save details' : 'Create dataset'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
