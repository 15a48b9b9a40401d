import { useEffect, useId, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import type { ColumnRef } from '../../../src/core/schemas/playground'
import { LazyDiffView } from '../../components/LazyDiffView'
import { columnLabel, prettyJson } from '../../lib/playground-run'
import { usePlaygroundRun } from '../../stores/playground-run-store'

/** Pick two columns and read their answers in Monaco's diff editor. */
export function DiffDialog({ refs, repeated, json, onClose }: { refs: ColumnRef[]; repeated: boolean; json: boolean; onClose: () => void }): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [left, setLeft] = useState(refs[0]?.columnId ?? '')
  const [right, setRight] = useState(() => (refs.find((r) => r.modelId !== refs[0]?.modelId || r.providerId !== refs[0]?.providerId) ?? refs[1] ?? refs[0])?.columnId ?? '')
  const columns = usePlaygroundRun((s) => s.run.columns)
  const text = (columnId: string): string => {
    const t = columns[columnId]?.text ?? ''
    return json ? prettyJson(t).text : t
  }

  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
  }, [])

  const select = (label: string, value: string, onChange: (v: string) => void): ReactElement => (
    <label className="row">
      <span className="field-label">{label}</span>
      <select className="select" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {refs.map((r) => (
          <option key={r.columnId} value={r.columnId}>
            {columnLabel(r, repeated)}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <dialog ref={dialog} className="dialog huge" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="panel-header">
        <h2 id={`${id}-title`}>Compare answers</h2>
        <div className="actions">
          {select('Left column', left, setLeft)}
          {select('Right column', right, setRight)}
          <button type="button" className="btn small" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <div className="panel-body">
        <LazyDiffView original={text(left)} modified={text(right)} language={json ? 'json' : 'plaintext'} label="Diff of the two answers" />
      </div>
    </dialog>
  )
}
