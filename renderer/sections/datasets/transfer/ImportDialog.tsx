import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { DatasetSummary } from '../../../../src/core/schemas/workspace'
import { Loading } from '../../../components/Feedback'
import { formatBytes } from '../../../lib/format'
import { useDatasetTransfer } from '../../../stores/dataset-transfer-store'
import { ImportMappingTable } from './ImportMappingTable'
import { ImportProblems } from './ImportProblems'
import { mappingProblems } from './import-mapping'

const FORMAT_LABEL = { csv: 'CSV', jsonl: 'JSONL', json: 'JSON' } as const

interface Props {
  selected: DatasetSummary | undefined
  onImported: (message: string, datasetId: string) => void
  onClose: () => void
}

/** The mapping step: what the file holds, what each column becomes, and where the cases go. */
export function ImportDialog({ selected, onImported, onClose }: Props): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const phase = useDatasetTransfer((s) => s.phase)
  const file = useDatasetTransfer((s) => s.file)
  const preview = useDatasetTransfer((s) => s.preview)
  const mapping = useDatasetTransfer((s) => s.mapping)
  const error = useDatasetTransfer((s) => s.error)
  const runImport = useDatasetTransfer((s) => s.runImport)
  const [target, setTarget] = useState<'new' | 'version'>('new')
  const choose = useDatasetTransfer((s) => s.choose)
  const [edited, setName] = useState<string | null>(null)
  const baseName = (preview?.fileName ?? file?.name ?? '').replace(/\.[^.]+$/, '')
  const name = edited ?? baseName

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])

  const problems = mappingProblems(mapping)
  const fileProblems = preview !== null && preview.problems.total > 0
  const kept = mapping.filter((m) => m.role !== 'ignore').length
  const canImport = phase === 'mapping' && preview !== null && !fileProblems && Object.keys(problems).length === 0 && kept > 0 && (target === 'version' ? Boolean(selected) : name.trim() !== '')

  async function onSubmit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault()
    if (!canImport || !preview) return
    const into = target === 'version' && selected ? { datasetId: selected.id } : { newDatasetName: name.trim() }
    const imported = await runImport(into)
    if (imported) {
      const where = target === 'version' && selected ? `${selected.name} ` : ''
      onImported(`Imported ${imported.caseCount} cases from ${preview.fileName} as ${where}version ${imported.version}.`, imported.datasetId)
    }
  }

  return (
    <dialog ref={dialog} className="dialog huge import-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={(e) => void onSubmit(e)}>
        <div className="panel-header">
          <h2 id={`${id}-title`}>Import a dataset file</h2>
          {preview && (
            <span className="hint" data-testid="import-summary">
              <span className="mono">{preview.fileName}</span> · {FORMAT_LABEL[preview.format]} · {formatBytes(preview.sizeBytes)} · {preview.rowCount} {preview.rowCount === 1 ? 'row' : 'rows'} ·{' '}
              {preview.columns.length} columns
            </span>
          )}
        </div>
        <div className="panel-body stack">
          {phase === 'reading' && <Loading label={`Reading ${file?.name ?? 'the file'}…`} />}
          {preview && fileProblems && <ImportProblems title="This file cannot be imported as it is" fileName={preview.fileName} problems={preview.problems} />}
          {error && <ImportProblems title="Nothing was imported" fileName={file?.name ?? preview?.fileName ?? 'the file'} error={error} />}
          {preview && !fileProblems && (
            <>
              <p className="hint">
                Choose what each column becomes. Variables fill the contract’s <code>{'{{template}}'}</code>; promptfoo’s <code>__expected</code> columns are
                read as assertions (or as the expected output when they hold plain values). Columns set to Ignore are left out.
              </p>
              <ImportMappingTable columns={preview.columns} />
              <div className="form-grid">
                <label htmlFor={`${id}-target`}>Import into</label>
                <select id={`${id}-target`} className="select" value={target} onChange={(e) => setTarget(e.target.value as 'new' | 'version')}>
                  <option value="new">A new dataset</option>
                  {selected && <option value="version">A new version of {selected.name}</option>}
                </select>
                {target === 'new' && (
                  <>
                    <label htmlFor={`${id}-name`}>New dataset name</label>
                    <input id={`${id}-name`} className="input" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
                  </>
                )}
              </div>
              {target === 'version' && selected && (
                <p className="hint">
                  Version {selected.latestVersion + 1} of {selected.name} will hold exactly these {preview.rowCount} cases; earlier versions stay as they are.
                </p>
              )}
            </>
          )}
        </div>
        <div className="dialog-actions">
          <label className="btn ghost" htmlFor={`${id}-file`}>
            Choose another file…
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.jsonl,.ndjson,.json"
            className="visually-hidden"
            aria-label="Another dataset file"
            onChange={(e) => {
              const next = e.target.files?.[0]
              e.target.value = ''
              if (next) {
                setName(null)
                void choose(next)
              }
            }}
          />
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          {preview && !fileProblems && (
            <button type="submit" className="btn primary" disabled={!canImport}>
              {phase === 'importing' ? 'Importing…' : `Import ${preview.rowCount} ${preview.rowCount === 1 ? 'case' : 'cases'}`}
            </button>
          )}
        </div>
      </form>
    </dialog>
  )
}
