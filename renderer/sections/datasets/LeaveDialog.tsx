import { useEffect, useRef } from 'react'
import type { ReactElement } from 'react'
import type { PendingLeave } from '../../lib/dataset-grid-leave-guard'

interface Props {
  pending: PendingLeave | null
  changes: number
  name: string
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before unsaved grid edits are thrown away (leaving the dataset, showing another version, Discard). */
export function LeaveDialog({ pending, changes, name, onConfirm, onCancel }: Props): ReactElement {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (pending && !el.open) el.showModal()
    if (!pending && el.open) el.close()
  }, [pending])

  return (
    <dialog ref={dialog} className="dialog" role="alertdialog" aria-labelledby="leave-title" aria-describedby="leave-text" onClose={onCancel}>
      <div className="panel-header">
        <h2 id="leave-title">Discard unsaved changes?</h2>
      </div>
      <div className="panel-body">
        <p id="leave-text">
          “{name}” has {changes} unsaved change{changes === 1 ? '' : 's'}. To {pending?.what ?? 'go on'}, they will be discarded. Save them as a
          new version first to keep them.
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onCancel} autoFocus>
          Keep editing
        </button>
        <button type="button" className="btn danger" onClick={onConfirm}>
          Discard changes
        </button>
      </div>
    </dialog>
  )
}
