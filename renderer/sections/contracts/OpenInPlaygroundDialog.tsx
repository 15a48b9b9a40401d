import { useEffect, useId, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import type { AppError } from '../../../src/core/errors'
import type { ContractVersion, DatasetCase, DatasetSummary } from '../../../src/core/schemas/workspace'
import { getClient } from '../../api/client'
import { ErrorNotice, Loading } from '../../components/Feedback'
import { draftFromContractVersion, exampleValues, valueText } from '../../lib/contract-draft'
import { toAppError } from '../../lib/errors'
import { navigate } from '../../lib/navigation'
import { usePlaygroundEditor } from '../../stores/playground-editor-store'

const CASES_SHOWN = 200

interface Props {
  contractId: string
  version: ContractVersion
  onClose: () => void
}

function casePreview(c: DatasetCase): string {
  const text = Object.entries(c.vars)
    .map(([k, v]) => `${k}: ${valueText(v)}`)
    .join(' · ')
  return `#${c.position + 1} ${text.length > 90 ? `${text.slice(0, 89)}…` : text}`
}

/** Pre-fills the playground from a contract version, with variables from a dataset case or the examples. */
export function OpenInPlaygroundDialog({ contractId, version, onClose }: Props): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const loadDraft = usePlaygroundEditor((s) => s.loadDraft)
  const [source, setSource] = useState<'examples' | 'case'>('examples')
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null)
  const [datasetId, setDatasetId] = useState('')
  const [cases, setCases] = useState<{ datasetId: string; total: number; list: DatasetCase[] } | null>(null)
  const [caseId, setCaseId] = useState('')
  const [error, setError] = useState<AppError | null>(null)

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    getClient()
      .call('datasets.list', {})
      .then((list) => {
        // The datasets linked to this contract first.
        const sorted = [...list].sort((a, b) => Number(b.contractId === contractId) - Number(a.contractId === contractId) || a.name.localeCompare(b.name))
        setDatasets(sorted)
        const linked = sorted.find((d) => d.contractId === contractId && d.caseCount > 0)
        if (linked) {
          setDatasetId(linked.id)
          setSource('case')
        }
      })
      .catch((e: unknown) => setError(toAppError(e)))
  }, [contractId])

  useEffect(() => {
    if (!datasetId) return
    let live = true
    getClient()
      .call('datasets.cases', { datasetId, limit: CASES_SHOWN })
      .then((page) => {
        if (!live) return
        setCases({ datasetId, total: page.total, list: page.cases })
        setCaseId(page.cases[0]?.id ?? '')
      })
      .catch((e: unknown) => live && setError(toAppError(e)))
    return () => {
      live = false
    }
  }, [datasetId])

  const chosenCase = source === 'case' && cases?.datasetId === datasetId ? cases.list.find((c) => c.id === caseId) : undefined
  const values: Record<string, unknown> = source === 'case' ? (chosenCase?.vars ?? {}) : exampleValues(version.variables)
  const ready = source === 'examples' || chosenCase !== undefined

  function open(): void {
    loadDraft(draftFromContractVersion(version, values))
    dialog.current?.close()
    navigate('playground')
  }

  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          if (ready) open()
        }}
      >
        <div className="panel-header">
          <h2 id={`${id}-title`}>Open in playground</h2>
          <span className="hint">v{version.version}: its template, parameters, output and candidate models replace what the playground holds</span>
        </div>
        <div className="panel-body stack">
          {error && <ErrorNotice error={error} title="Could not list the datasets" />}
          <fieldset className="stack tight plain-fieldset">
            <legend className="field-label">Variables from</legend>
            <label className="check">
              <input type="radio" name={`${id}-source`} checked={source === 'examples'} onChange={() => setSource('examples')} />
              The examples in the contract&apos;s variables
            </label>
            <label className="check">
              <input type="radio" name={`${id}-source`} checked={source === 'case'} onChange={() => setSource('case')} />
              A dataset case
            </label>
          </fieldset>
          {source === 'case' && (
            <div className="form-grid">
              <label htmlFor={`${id}-dataset`}>Dataset</label>
              {datasets === null ? (
                <Loading label="Loading datasets…" />
              ) : (
                <select id={`${id}-dataset`} className="select" value={datasetId} onChange={(e) => setDatasetId(e.target.value)}>
                  <option value="">{datasets.length === 0 ? 'No dataset yet' : 'Choose a dataset…'}</option>
                  {datasets.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name} ({d.caseCount} cases){d.contractId === contractId ? ' · this contract' : ''}
                    </option>
                  ))}
                </select>
              )}
              <label htmlFor={`${id}-case`}>Case</label>
              <select id={`${id}-case`} className="select" value={caseId} disabled={!cases || cases.datasetId !== datasetId} onChange={(e) => setCaseId(e.target.value)}>
                {(cases?.datasetId === datasetId ? cases.list : []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {casePreview(c)}
                  </option>
                ))}
              </select>
              {cases && cases.total > cases.list.length && <span className="hint">The first {cases.list.length} of {cases.total} cases.</span>}
            </div>
          )}
          <div>
            <span className="field-label">Values</span>
            {Object.keys(values).length === 0 ? (
              <p className="hint">{ready ? 'No values: the variables start empty.' : 'Choose a case.'}</p>
            ) : (
              <dl className="facts open-values" aria-label="Values to fill in">
                {Object.entries(values).map(([k, v]) => (
                  <div key={k} className="contents">
                    <dt className="mono">{k}</dt>
                    <dd className="clip">{valueText(v)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
        </div>
        <div className="panel-body row dialog-actions">
          <button type="submit" className="btn primary" disabled={!ready}>
            Open in playground
          </button>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
