import type { ReactElement } from 'react'
import type { ChangeSummary } from '../../lib/dataset-grid-draft'
import { MOD_KEY_LABEL } from '../../lib/keys'

interface Props {
  changes: ChangeSummary
  note: string
  onNote: (note: string) => void
  saving: boolean
  onSave: () => void
  onDiscard: () => void
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

/** The draft's state: how many unsaved changes, an optional note, Save (a new version) and Discard. */
export function SaveBar({ changes, note, onNote, saving, onSave, onDiscard }: Props): ReactElement {
  const parts = [
    changes.editedCells > 0 && plural(changes.editedCells, 'cell edited', 'cells edited'),
    changes.addedRows > 0 && plural(changes.addedRows, 'row added', 'rows added'),
    changes.deletedRows > 0 && plural(changes.deletedRows, 'row deleted', 'rows deleted')
  ].filter(Boolean)
  const dirty = changes.total > 0
  return (
    <div className={`save-bar${dirty ? ' dirty' : ''}`} role="region" aria-label="Unsaved changes">
      <span className="save-bar-count" data-testid="unsaved-count">
        {dirty ? (
          <>
            <strong className="num">{plural(changes.total, 'unsaved change')}</strong> <span className="faint">({parts.join(' · ')})</span>
          </>
        ) : (
          <span className="faint">No unsaved changes</span>
        )}
      </span>
      <input className="input save-bar-note" aria-label="Version note" placeholder="Note for the new version (optional)" maxLength={500} value={note} onChange={(e) => onNote(e.target.value)} disabled={!dirty || saving} />
      <button type="button" className="btn primary" onClick={onSave} disabled={!dirty || saving} title={`Save as a new version (${MOD_KEY_LABEL}+S)`}>
        {saving ? 'Saving…' : 'Save version'}
      </button>
      <button type="button" className="btn" onClick={onDiscard} disabled={!dirty || saving}>
        Discard
      </button>
    </div>
  )
}
